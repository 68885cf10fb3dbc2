"""Findings -> score -> verdict band -> alerts chosen by where the flagged artifact came from.

Score: each finding id contributes once, its highest score anywhere in the tree (the same
evidence seen in a script and again in its decoded layer is one piece of evidence). Bands:
clean < suspicious_threshold <= suspicious < malicious_threshold <= malicious.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from inspector.extensions.plan import ExtensionKind, InspectionPlan, ScriptRole, UrlRole
from inspector.model import Alert, Artifact, Finding, VerdictClass
from inspector.scoring.catalog import ALERT_TYPES

FAILED_STATUSES = frozenset({"failed", "failure", "error", "canceled", "cancelled", "timedout", "timeout"})
CUSTOM_SCRIPT_KINDS = frozenset({
    ExtensionKind.CUSTOM_SCRIPT_WINDOWS, ExtensionKind.CUSTOM_SCRIPT_LINUX, ExtensionKind.CUSTOM_SCRIPT_LINUX_LEGACY,
})
RUN_COMMAND_KINDS = frozenset({ExtensionKind.RUN_COMMAND, ExtensionKind.MANAGED_RUN_COMMAND})
# Structural findings (from the request itself) that raise a context alert by themselves:
# (id prefix, extension kinds it applies to (empty: any), alert type).
STRUCTURE_ALERTS: tuple[tuple[str, frozenset[ExtensionKind], str], ...] = (
    ("structure.vmaccess.", frozenset(), "VM_VMAccessSuspiciousUsage"),
    ("structure.gpu.", frozenset(), "VM_GPUExtensionSuspiciousFailure"),
    ("structure.disk_encryption.", frozenset(), "VM_DiskEncryptionSuspiciousUsage"),
    ("structure.run_command.", frozenset(), "VM_RunCommandSuspiciousUsage"),
    ("structure.dsc.", frozenset(), "VM_DSCExtensionSuspiciousUsage"),
    ("structure.activity.write_then_delete", CUSTOM_SCRIPT_KINDS, "VM_CustomScriptExtensionUnusualDeletion"),
    ("structure.activity.write_then_delete", frozenset({ExtensionKind.DSC}), "VM_DSCExtensionSuspiciousUsage"),
    ("structure.activity.write_then_delete", RUN_COMMAND_KINDS, "VM_RunCommandSuspiciousUsage"),
)


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


def total_score(findings: Iterable[Finding]) -> int:
    best: dict[str, int] = {}
    for finding in findings:
        best[finding.id] = max(best.get(finding.id, 0), finding.score)
    return sum(best.values())


def decide(plan: InspectionPlan, artifacts: list[Artifact], findings: list[Finding], bands: Bands) -> Decision:
    score = total_score(findings)
    verdict = bands.classify(score)
    alerts = _alerts(plan, artifacts, findings, bands, verdict)
    severity = _severity(alerts, verdict)
    return Decision(score=score, verdict=verdict, severity=severity, alerts=alerts)


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


def _script_alert(plan: InspectionPlan, role: str) -> str | None:
    if plan.kind in CUSTOM_SCRIPT_KINDS:
        if role in (ScriptRole.COMMAND, ScriptRole.INLINE_SCRIPT):
            return "VM_CustomScriptExtensionSuspiciousCmd"
        return "VM_CustomScriptExtensionSuspiciousPayload"
    if plan.kind == ExtensionKind.DSC:
        return "VM_DSCExtensionSuspiciousScript"
    if plan.kind in RUN_COMMAND_KINDS:
        return "VM_RunCommandSuspiciousScript"
    return None


def _alerts(plan: InspectionPlan, artifacts: list[Artifact], findings: list[Finding], bands: Bands,
            verdict: VerdictClass) -> list[Alert]:
    alerts: dict[str, Alert] = {}
    for (role, origin), group in _by_root(artifacts, findings).items():
        if total_score(group) < bands.suspicious:
            continue
        name = _script_alert(plan, role)
        if name and name not in alerts:
            alerts[name] = _alert(name, _describe(group, origin), group)
    _reputation_alerts(plan, findings, bands, alerts)
    _structure_alerts(plan, findings, alerts)
    _failure_alerts(plan, verdict, findings, alerts)
    return list(alerts.values())


def _reputation_alerts(plan: InspectionPlan, findings: list[Finding], bands: Bands, alerts: dict[str, Alert]) -> None:
    if plan.kind not in CUSTOM_SCRIPT_KINDS:
        return
    by_url: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.source == "reputation" and finding.url:
            by_url[finding.url].append(finding)
    roles = {u.redacted: u.role for u in plan.urls}
    for url, group in by_url.items():
        if total_score(group) < bands.suspicious // 2:
            continue
        role = roles.get(url)
        name = ("VM_CustomScriptExtensionSuspiciousEntryPoint" if role == UrlRole.ENTRY_POINT
                else "VM_CustomScriptExtensionSuspiciousPayload")
        if name not in alerts:
            alerts[name] = _alert(name, _describe(group, url), group)


def _structure_alerts(plan: InspectionPlan, findings: list[Finding], alerts: dict[str, Alert]) -> None:
    for prefix, kinds, name in STRUCTURE_ALERTS:
        if kinds and plan.kind not in kinds:
            continue
        group = [f for f in findings if f.source == "structure" and f.id.startswith(prefix)]
        if group and name not in alerts:
            alerts[name] = _alert(name, _describe(group, "request"), group)


def _failure_alerts(plan: InspectionPlan, verdict: VerdictClass, findings: list[Finding],
                    alerts: dict[str, Alert]) -> None:
    status = (plan.context.status or "").lower().replace(" ", "")
    if verdict == VerdictClass.CLEAN or status not in FAILED_STATUSES:
        return
    flagged = [f for f in findings if f.score > 0]
    if plan.kind in CUSTOM_SCRIPT_KINDS:
        alerts.setdefault("VM_CustomScriptExtensionSuspiciousFailure",
                          _alert("VM_CustomScriptExtensionSuspiciousFailure",
                                 f"the extension run ended {plan.context.status} and its script is {verdict}", flagged))
    elif plan.kind in RUN_COMMAND_KINDS:
        alerts.setdefault("VM_RunCommandSuspiciousFailure",
                          _alert("VM_RunCommandSuspiciousFailure",
                                 f"the Run Command ended {plan.context.status} and its script is {verdict}", flagged))
