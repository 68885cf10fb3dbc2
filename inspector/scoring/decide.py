"""Findings -> score -> verdict band -> alerts chosen by where the flagged evidence came from.

Score: each finding id contributes once, its highest score anywhere in the tree (the same
evidence seen in a script and again in its decoded layer is one piece of evidence). Evidence
only of how a text is *written* (obfuscation statistics, deobfuscation steps) with nothing it
*does* stays below the suspicious band: parser test suites and build scripts write odd
PowerShell and cmd on purpose; what an obfuscated payload does, or that it executes code the
analysis could not read, is the evidence (`style_only`). Bands:
clean < suspicious_threshold <= suspicious < malicious_threshold <= malicious.

Alerts are data, not code here: each detection catalog entry says which rule its findings feed
(`stage.Feed`), and each extension kind's module names its alert types (`kind.KindAlerts`).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from inspector.detections import DETECTIONS
from inspector.extensions.kind import KindAlerts
from inspector.extensions.kinds import KINDS
from inspector.extensions.plan import InspectionPlan, ScriptRole, UrlRole
from inspector.model import Alert, Artifact, DetectionSource, Finding, VerdictClass
from inspector.scoring.catalog import ALERT_TYPES
from inspector.stage import Feed

log = logging.getLogger(__name__)

FAILED_STATUSES = frozenset({"failed", "failure", "error", "canceled", "cancelled", "timedout", "timeout"})
# Context alerts by the ids that raise them alone, in catalog order (kinds in their listed order).
_CONTEXT_ALERT_IDS: dict[str, frozenset[str]] = {
    name: frozenset(e.id for e in DETECTIONS if e.feeds is Feed.CONTEXT and e.alert == name)
    for name in dict.fromkeys(e.alert for e in DETECTIONS if e.feeds is Feed.CONTEXT and e.alert is not None)
}
_DELETION_IDS = frozenset(e.id for e in DETECTIONS if e.feeds is Feed.DELETION)


@dataclass(frozen=True)
class Bands:
    suspicious: int = 300
    malicious: int = 1000

    def classify(self, score: int) -> VerdictClass:
        if score >= self.malicious:
            return VerdictClass.MALICIOUS
        if score >= self.suspicious:
            return VerdictClass.SUSPICIOUS
        return VerdictClass.CLEAN


@dataclass(frozen=True)
class Decision:
    score: int
    verdict: VerdictClass
    severity: str
    alerts: list[Alert]
    # Ids of built-in findings no catalog entry declares: a programming error for fresh findings
    # (the tests fail on it); a stored verdict may still carry an id a later release retired.
    undeclared: list[str] = field(default_factory=list)


def total_score(findings: Iterable[Finding]) -> int:
    best: dict[str, int] = {}
    for finding in findings:
        best[finding.id] = max(best.get(finding.id, 0), finding.score)
    return sum(best.values())


# Findings about how a text is written, not what it does. Those that mean decoded or unread
# code is executed (a decode-and-execute, an encoded command, Invoke-Expression of a built
# string, a command run from a variable) are behaviour, and are not in this class.
STYLE_PREFIXES = ("heur.obfuscation.", "deobf.")
STYLE_EXCEPTIONS = frozenset({
    "heur.obfuscation.decode_execute", "heur.obfuscation.encoded_command", "deobf.powershell.encoded_command",
    "deobf.powershell.invoke_expression", "deobf.powershell.obfuscated_invocation",
    "deobf.powershell.unread_decode_execute", "deobf.shell.base64_exec", "deobf.cmd.call_variable",
})


def style_only(findings: Iterable[Finding]) -> bool:
    """Whether every finding that scores is about how the text is written (see the module doc)."""
    scoring = [f for f in findings if f.score > 0]
    return bool(scoring) and all(f.id.startswith(STYLE_PREFIXES) and f.id not in STYLE_EXCEPTIONS for f in scoring)


def evidence_score(findings: list[Finding], bands: Bands) -> int:
    """`total_score`, held below the suspicious band when the evidence is style only."""
    score = total_score(findings)
    return min(score, bands.suspicious - 1) if score >= bands.suspicious and style_only(findings) else score


def decide(plan: InspectionPlan, artifacts: list[Artifact], findings: list[Finding], bands: Bands) -> Decision:
    score = evidence_score(findings, bands)
    verdict = bands.classify(score)
    alerts = _alerts(plan, artifacts, findings, bands, verdict)
    severity = _severity(alerts, verdict)
    # YARA and Sigma findings are declared by the ruleset that made them (`detections.catalog_for`).
    undeclared = DETECTIONS.undeclared(f for f in findings
                                       if f.source not in (DetectionSource.YARA, DetectionSource.SIGMA))
    if undeclared:
        log.warning("findings with ids the detection catalog does not declare: %s", ", ".join(undeclared))
    return Decision(score=score, verdict=verdict, severity=severity, alerts=alerts, undeclared=undeclared)


def _severity(alerts: list[Alert], verdict: VerdictClass) -> str:
    order = {"Low": 1, "Medium": 2, "High": 3}
    if alerts:
        return max((a.severity for a in alerts), key=order.__getitem__)
    return {VerdictClass.MALICIOUS: "High", VerdictClass.SUSPICIOUS: "Medium"}.get(verdict, "None")


def _alert(name: str, reason: str, findings: list[Finding]) -> Alert:
    kind = ALERT_TYPES[name]
    ids = sorted({f.id for f in findings})
    return Alert(alertType=name, severity=kind.severity, tactics=[kind.tactic], reason=reason, findings=ids)


def _describe(group: list[Finding], where: str) -> str:
    top = sorted({f.id: f for f in group}.values(), key=lambda f: -f.score)[:3]
    return f"{where}: " + "; ".join(f"{f.title} ({f.score})" for f in top)


def _by_root(artifacts: list[Artifact], findings: list[Finding]) -> dict[tuple[str, str], list[Finding]]:
    """Group artifact findings by the request part (role, origin of the tree's root) they descend from."""
    by_sha = {a.sha256: a for a in artifacts}
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        artifact = by_sha.get(finding.artifact or "")
        if artifact is None:
            continue
        root = artifact
        seen = 0
        while root.parent and root.parent in by_sha and seen < 1000:
            root = by_sha[root.parent]
            seen += 1
        groups[(artifact.role or root.role or "submitted", root.origin)].append(finding)
    return groups


def _script_alert(kind_alerts: KindAlerts, role: str) -> str | None:
    if kind_alerts.command is not None and role in (ScriptRole.COMMAND, ScriptRole.INLINE_SCRIPT):
        return kind_alerts.command
    return kind_alerts.script


def _alerts(plan: InspectionPlan, artifacts: list[Artifact], findings: list[Finding], bands: Bands,
            verdict: VerdictClass) -> list[Alert]:
    kind_alerts = KINDS.alerts(plan.kind)
    alerts: dict[str, Alert] = {}
    for (role, origin), group in _by_root(artifacts, findings).items():
        if evidence_score(group, bands) < bands.suspicious:
            continue
        name = _script_alert(kind_alerts, role)
        if name and name not in alerts:
            alerts[name] = _alert(name, _describe(group, origin), group)
    _reputation_alerts(plan, kind_alerts, findings, bands, alerts)
    _context_alerts(kind_alerts, findings, alerts)
    _failure_alerts(plan, kind_alerts, verdict, findings, alerts)
    return list(alerts.values())


def _reputation_alerts(plan: InspectionPlan, kind_alerts: KindAlerts, findings: list[Finding], bands: Bands,
                       alerts: dict[str, Alert]) -> None:
    if kind_alerts.fetched is None:
        return
    by_url: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.source == DetectionSource.REPUTATION and finding.url:
            by_url[finding.url].append(finding)
    roles = {u.redacted: u.role for u in plan.urls}
    for url, group in by_url.items():
        if total_score(group) < bands.suspicious // 2:
            continue
        role = roles.get(url)
        name = kind_alerts.fetched
        if role == UrlRole.ENTRY_POINT and kind_alerts.entry_point is not None:
            name = kind_alerts.entry_point
        if name not in alerts:
            alerts[name] = _alert(name, _describe(group, url), group)


def _context_alerts(kind_alerts: KindAlerts, findings: list[Finding], alerts: dict[str, Alert]) -> None:
    """Structural findings that raise an alert by themselves: their own context alert first,
    then the deletion alert of the request's kind."""
    for name, ids in _CONTEXT_ALERT_IDS.items():
        group = [f for f in findings if f.id in ids]
        if group and name not in alerts:
            alerts[name] = _alert(name, _describe(group, "request"), group)
    deleted = [f for f in findings if f.id in _DELETION_IDS]
    if deleted and kind_alerts.deletion is not None and kind_alerts.deletion not in alerts:
        alerts[kind_alerts.deletion] = _alert(kind_alerts.deletion, _describe(deleted, "request"), deleted)


def _failure_alerts(plan: InspectionPlan, kind_alerts: KindAlerts, verdict: VerdictClass,
                    findings: list[Finding], alerts: dict[str, Alert]) -> None:
    status = (plan.context.status or "").lower().replace(" ", "")
    name = kind_alerts.failure
    if name is None or verdict == VerdictClass.CLEAN or status not in FAILED_STATUSES:
        return
    flagged = [f for f in findings if f.score > 0]
    reason = f"{kind_alerts.failed_run} ended {plan.context.status} and its script is {verdict}"
    alerts.setdefault(name, _alert(name, reason, flagged))
