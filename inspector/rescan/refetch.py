"""`--refetch`: fetch an inspection's URLs again and re-judge it with what they serve now.

A script behind a URL can change after it was inspected (a clean bootstrap script turned
into a dropper). A refetch rescan fetches the request's own URLs again (the stored fetch
records of stage 0: `fileUris`, `scriptUri`, DSC packages, ...) through the real
`inspector.fetch.Fetcher`, so every fetch setting applies (INSPECTOR_FETCH, the closed
network, allowlists, host map, size/time/count limits). The fetched bytes and the second
stages they lead to are analysed by the pipeline's own fetch-and-analyse stage with the
active rules; the fetched subtrees of the stored tree are replaced by the new ones, and the
inspection is scored again by `scoring.decide`. A URL that does not answer with content now
(gone, refused by policy, over a limit) keeps its stored tree: it is still what the VM ran.
Everything else of the stored verdict stays:
request scripts and their trees (re-judged by the rescan itself), request-structure
findings, reputation of other URLs.

Not refetched: URLs whose credentials were redacted when stored (a SAS token is never kept,
so such a URL cannot be requested again), output blobs, and second-stage URLs referenced
by request scripts (their stored content is re-judged like any stored artifact).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from inspector.analysis.placement import placement_findings, without_placement
from inspector.config import Settings
from inspector.extensions.plan import InspectionPlan, PlannedUrl, UrlRole
from inspector.model import Artifact, ErrorKind, Finding, InspectionError, Verdict
from inspector.pipeline import NOT_FETCHED_ROLES, Inspector
from inspector.redact import REDACTED
from inspector.rescan.rescore import scoring_plan
from inspector.scoring import Bands, decide
from inspector.stage import ScanLimits
from inspector.store import Store, verdict_changed


class RefetchRefused(RuntimeError):
    """A refetch cannot run with these settings (fetching off, rules changed under the rescan)."""


def refetch_refusal(settings: Settings) -> str | None:
    """Why refetching is not allowed with these settings, or None."""
    if not settings.fetch:
        return ("refetch needs fetching, which is turned off (INSPECTOR_FETCH=false); "
                "rescan without --refetch to re-judge the stored bytes")
    return None


@dataclass(frozen=True)
class Refetched:
    """An inspection's verdict with freshly fetched content, and the bytes to store for it."""

    verdict: Verdict
    blobs: dict[str, bytes]


def refetchable_urls(verdict: Verdict) -> list[PlannedUrl]:
    """The request's own URLs (stage 0) that can be fetched again, once each, in recorded order."""
    origins = {a.url: a.origin for a in verdict.artifacts if a.parent is None and a.url}
    planned: dict[str, PlannedUrl] = {}
    for i, record in enumerate(verdict.fetches):
        if (record.depth != 0 or record.url in planned or REDACTED in record.url
                or record.role not in UrlRole._value2member_map_ or UrlRole(record.role) in NOT_FETCHED_ROLES):
            continue
        planned[record.url] = PlannedUrl(origin=origins.get(record.url, f"fetches[{i}]"), role=UrlRole(record.role),
                                         url=record.url, redacted=record.url)
    return list(planned.values())


def _kept_artifacts(artifacts: Sequence[Artifact], refetched: set[str]) -> list[Artifact]:
    """Artifacts not under a refetched root: request trees, and their own second stages."""
    kept_roots = [a for a in artifacts if a.parent is None and a.url not in refetched]
    reachable = {a.sha256 for a in kept_roots}
    grew = True
    while grew:  # children follow their parents by sha256; a tree is shallow (depth-limited)
        before = len(reachable)
        reachable.update(a.sha256 for a in artifacts if a.parent in reachable)
        grew = len(reachable) > before
    return [a for a in artifacts if (a.parent is None and a.url not in refetched)
            or (a.parent is not None and a.parent in reachable)]


def _finding_key(finding: Finding) -> tuple[str, str | None, str | None, int | None]:
    return finding.id, finding.artifact, finding.url, finding.location.offset if finding.location else None


class Refetcher:
    """Fetches and analyses with an `Inspector` of its own: active rules, real fetcher, no cache."""

    def __init__(self, inspector: Inspector, settings: Settings) -> None:
        self.inspector = inspector
        self.settings = settings
        self.bands = Bands(settings.suspicious_threshold, settings.malicious_threshold)
        self._slots = asyncio.Semaphore(settings.rescan_refetch_concurrency)

    @classmethod
    async def start(cls, settings: Settings, ruleset_version: str, *, workers: int | None = 0) -> Refetcher:
        """`workers=0` analyses in this process (CLI); the service passes 1 to keep its event loop free."""
        if reason := refetch_refusal(settings):
            raise RefetchRefused(reason)
        inspector = await Inspector.start(settings, workers, fetching=True)
        if inspector.ruleset.version != ruleset_version:
            await inspector.close()
            raise RefetchRefused(f"the rules on disk ({inspector.ruleset.version}) are not the ones this rescan "
                                 f"is for ({ruleset_version}); start a new rescan")
        return cls(inspector, settings)

    async def close(self) -> None:
        await self.inspector.close()

    async def refetch(self, verdict: Verdict, context: Mapping[str, Any] | None) -> Refetched | None:
        """`verdict` with its fetched content replaced by what the URLs serve now.

        None when no URL can be fetched again or none answered with content (nothing to replace).
        """
        urls = refetchable_urls(verdict)
        if not urls:
            return None
        scoring = scoring_plan(verdict, context)
        plan = InspectionPlan(kind=scoring.kind, urls=urls, context=scoring.context)
        async with self._slots:
            run = await self.inspector.analyze_plan(plan, ScanLimits.from_settings(self.settings), fetch=True)
            outcome = run.outcome

        # Only URLs that answered with bytes replace what was stored: a script whose server is gone
        # or now refused by policy is still what the VM ran, so its stored tree and records stay.
        refetched = {r.url for r in run.records if r.fetched and r.depth == 0}
        if not refetched or any(e.kind == ErrorKind.LIMIT_DEADLINE for e in outcome.errors):
            return None  # a fresh analysis cut by the clock is not a verdict to compare
        unanswered = {u.url for u in urls} - refetched
        records = [r for r in run.records if not (r.depth == 0 and r.url in unanswered)]
        errors = [e for e in run.errors if not (e.url and e.url in unanswered)]
        kept = _kept_artifacts(verdict.artifacts, refetched)
        kept_shas = {a.sha256 for a in kept}
        dropped_urls = refetched | {a.url for a in verdict.artifacts if a.url and a.sha256 not in kept_shas}
        findings: dict[tuple[str, str | None, str | None, int | None], Finding] = {}
        for finding in verdict.findings:
            if finding.artifact is not None and finding.artifact not in kept_shas:
                continue  # evidence in content that was replaced
            if finding.artifact is None and finding.url is not None and finding.url in dropped_urls:
                continue  # URL reputation, found again by the new fetch
            findings.setdefault(_finding_key(finding), finding)
        for finding in [*run.url_findings, *outcome.findings]:
            findings.setdefault(_finding_key(finding), finding)
        artifacts = list(kept)
        for artifact in outcome.artifacts:
            if artifact.sha256 not in kept_shas:  # content also in a kept tree stays where it was
                artifacts.append(artifact)
                kept_shas.add(artifact.sha256)
        fetches = [f for f in verdict.fetches if f.url not in dropped_urls] + records
        kept_errors = [e for e in verdict.errors if not (e.url and e.url in dropped_urls)]
        new_errors: list[InspectionError] = [*outcome.errors, *errors]
        # Tree findings are found again on the new tree (analysis/placement.py), as the live path does.
        tree_findings = without_placement(findings.values()) + placement_findings(artifacts)
        updated = verdict.model_copy(update={"artifacts": artifacts, "fetches": fetches,
                                             "findings": tree_findings, "errors": kept_errors + new_errors})
        decision = decide(scoring_plan(updated, context), artifacts, updated.findings, self.bands)
        updated = updated.model_copy(update={
            "verdict": decision.verdict, "score": decision.score, "severity": decision.severity,
            "alerts": decision.alerts, "complete": not new_errors and (verdict.complete or not kept_errors)})
        return Refetched(updated, dict(outcome.blobs))


async def refetch_page(refetcher: Refetcher, store: Store, rescored: list[tuple[Verdict, Verdict]],
                       contexts: Sequence[Mapping[str, Any] | None], *, dry_run: bool,
                       ) -> tuple[list[tuple[Verdict, Verdict]], dict[str, set[str]]]:
    """Refetch one re-scoring page: the (old, new) pairs with fetched content, and the trees to save.

    Bytes are stored before the page's transaction (like `InspectionRepository.save_verdict`), and only for
    verdicts that changed and will be applied: a dry run stores nothing.
    """
    fresh = await asyncio.gather(*(refetcher.refetch(new, context)
                                   for (_old, new), context in zip(rescored, contexts, strict=True)))
    page: list[tuple[Verdict, Verdict]] = []
    trees: dict[str, set[str]] = {}
    for (old, new), got in zip(rescored, fresh, strict=True):
        if got is None:
            page.append((old, new))
            continue
        page.append((old, got.verdict))
        if dry_run or not verdict_changed(old, got.verdict):
            continue
        for sha256, data in got.blobs.items():
            await store.blobs.put(sha256, data)
        trees[old.id] = set(got.blobs)
    return page, trees
