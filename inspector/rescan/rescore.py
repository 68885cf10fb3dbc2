"""A stored verdict re-scored with new per-artifact findings, through the lead's `scoring.decide`.

Findings tied to a rescanned artifact are replaced by the new ones (only its YARA findings
in a rules-only rescan, see scanner.py); findings about the
request itself (structure) or about URLs (reputation), and those of artifacts whose bytes
expired, are kept. Findings about where an artifact sits in its tree (analysis/placement.py)
are found again on the stored tree, as the live path found them. The plan `decide` needs is rebuilt from what the verdict recorded: the
extension kind, the fetched URLs with their roles, and the stored request context.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from inspector.analysis.placement import placement_findings, without_placement
from inspector.extensions.kinds import KINDS
from inspector.extensions.plan import SUBMITTED_SCRIPT, ExtensionKind, InspectionPlan, PlannedUrl, RequestContext, UrlRole
from inspector.model import ErrorKind, Finding, SignatureInfo, Verdict
from inspector.scoring import Bands, decide


def scoring_plan(verdict: Verdict, context: Mapping[str, Any] | None) -> InspectionPlan:
    kind_name = verdict.extension.kind if verdict.extension else verdict.request_kind
    kind = ExtensionKind(kind_name) if KINDS.knows(kind_name) else SUBMITTED_SCRIPT
    urls = [
        PlannedUrl(origin=f"fetches[{i}]", role=UrlRole(f.role), url=f.url, redacted=f.url)
        for i, f in enumerate(verdict.fetches)
        if f.role in UrlRole._value2member_map_
    ]
    try:
        request_context = RequestContext.model_validate(context or {})
    except ValidationError:
        request_context = RequestContext()  # an unreadable context only loses context-dependent alerts
    return InspectionPlan(kind=kind, urls=urls, context=request_context)


def cut_by_the_clock(verdict: Verdict) -> bool:
    """True when the verdict's analysis stopped at its deadline: what it did not read depended on
    the machine's speed, so comparing it with a fresh analysis would report a change no rule made."""
    return any(error.kind == ErrorKind.LIMIT_DEADLINE for error in verdict.errors)


def rescore(
    old: Verdict,
    artifact_findings: Mapping[str, list[Finding]],
    context: Mapping[str, Any] | None,
    bands: Bands,
    signatures: SignatureInfo,
    replaced: frozenset[str] | None = None,
) -> Verdict:
    """The verdict `old` would have with `artifact_findings` (sha256 -> findings) under `signatures`.

    `replaced` names the finding sources the new findings stand for (None: all); old findings
    of other sources on a rescanned artifact are kept.
    """
    kept = [f for f in old.findings
            if f.artifact is None or f.artifact not in artifact_findings
            or (replaced is not None and f.source not in replaced)]
    fresh = [f for sha in dict.fromkeys(a.sha256 for a in old.artifacts) for f in artifact_findings.get(sha, [])]
    findings = without_placement(kept + fresh) + placement_findings(old.artifacts)
    decision = decide(scoring_plan(old, context), list(old.artifacts), findings, bands)
    return old.model_copy(update={
        "verdict": decision.verdict,
        "score": decision.score,
        "severity": decision.severity,
        "alerts": decision.alerts,
        "findings": findings,
        "signatures": signatures,
        "created_at": datetime.now(UTC).isoformat(timespec="milliseconds"),
    })
