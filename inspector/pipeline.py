"""The pipeline: the one place that knows the order of the stages.

    request -> extensions.understand -> fetch (entry points, payloads) -> per-artifact stages
    (unpack -> deobfuscate -> analyzers, children fed back in) -> second-stage fetch of URLs
    found in scripts -> scoring -> Verdict

The per-artifact stages are `inspector.analysis`: the synchronous engine (`analyze_payloads`),
the process pool it runs in for the service, the cache of analysed trees and the analysis
version they are keyed by. `Inspector` orders everything around them.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from inspector import __version__
from inspector.analysis.engine import AnalysisEngine, AnalysisOutcome, RootPayload, analyze_payloads
from inspector.analysis.placement import placement_findings
from inspector.analysis.pools import AnalysisPool
from inspector.analysis.tree_cache import AnalysisCache, Analyze, analyze_each_root
from inspector.analysis.version import analysis_version
from inspector.config import Settings
from inspector.extensions import RequestLimits, understand
from inspector.extensions.plan import InspectionPlan, PlannedUrl, UrlRole
from inspector.extensions.request import InspectionInput
from inspector.fetch import Fetcher, FetchSession
from inspector.fetch.reputation import offline_url_findings
from inspector.model import (
    ErrorKind, ExtensionInfo, FetchRecord, Finding, InspectionError, SignatureInfo, Verdict,
)
from inspector.redact import redact_url
from inspector.rules import CompileError, Ruleset, RulesetError, load_ruleset
from inspector.scoring import Bands, decide
from inspector.stage import ScanLimits

# What `Verdict.engine` names: this software and its version.
ENGINE_ID = f"payload-inspector/{__version__}"
NOT_FETCHED_ROLES = frozenset({UrlRole.OUTPUT_BLOB})


@dataclass(frozen=True)
class SignatureStatus:
    version: str
    rule_count: int
    loaded_at: str
    errors: list[str]
    skipped: list[CompileError] = field(default_factory=list)  # the rule files left out, and why

    @property
    def skipped_files(self) -> int:
        return len(self.skipped)

    @property
    def skipped_rules(self) -> int:
        """Rules declared in the files left out."""
        return sum(error.rules for error in self.skipped)


@dataclass
class PlanAnalysis:
    """What fetching and analysing one plan produced, before scoring."""

    outcome: AnalysisOutcome
    records: list[FetchRecord]
    errors: list[InspectionError]
    url_findings: list[Finding]


@dataclass
class InspectionResult:
    verdict: Verdict
    blobs: dict[str, bytes]
    plan: InspectionPlan


class Inspector:
    """Runs inspections: owns the ruleset, the analysis (in-process or in a pool) and the fetcher."""

    def __init__(self, settings: Settings, ruleset: Ruleset, *, pool: AnalysisPool | None = None,
                 fetcher: Fetcher | None = None, cache: AnalysisCache | None = None) -> None:
        self.settings = settings
        self.ruleset = ruleset
        self.request_limits = RequestLimits.from_settings(settings)
        self.cache = cache
        self._pool = pool
        self._retiring: set[asyncio.Future[None]] = set()
        self._fetcher = fetcher
        self._engine = AnalysisEngine.build(ruleset.rules, settings, ruleset.sigma)
        self._analysis_version = analysis_version(ruleset.version, self._engine, settings)

    @classmethod
    async def start(cls, settings: Settings, workers: int | None = None, *, fetching: bool | None = None,
                    cache: AnalysisCache | None = None) -> Inspector:
        """`workers=0` analyses in-process (CLI); otherwise a process pool keeps the event loop free."""
        ruleset = await asyncio.to_thread(load_ruleset, settings)
        pool = None if workers == 0 else AnalysisPool.start(ruleset, settings, workers)
        use_fetcher = fetching if fetching is not None else settings.fetch
        fetcher = Fetcher(settings) if use_fetcher else None
        return cls(settings, ruleset, pool=pool, fetcher=fetcher, cache=cache)

    @property
    def signatures(self) -> SignatureStatus:
        return SignatureStatus(self.ruleset.version, self.ruleset.rule_count, self.ruleset.loaded_at,
                               [str(e) for e in self.ruleset.errors], list(self.ruleset.errors))

    @property
    def fetching(self) -> bool:
        return self._fetcher is not None

    @property
    def analysis_version(self) -> str:
        """What cached analyses are keyed by: rules, analyzers, analysis settings, intel lists."""
        return self._analysis_version

    def fetch_policy(self) -> str:
        """One line for the start-up log: whether and where URLs may be fetched (no secrets)."""
        return self._fetcher.describe() if self._fetcher is not None else "fetching off"

    async def reload_signatures(self) -> SignatureStatus:
        """Compile the rule folders again and swap atomically; any failing file keeps the old set."""
        ruleset = await asyncio.to_thread(load_ruleset, self.settings)
        if ruleset.errors or ruleset.rules is None:
            raise RulesetError(ruleset.errors)
        old_pool = self._pool
        if old_pool is not None:
            self._pool = AnalysisPool.start(ruleset, self.settings, old_pool.size)
            # In-flight scans finish on the old pool; waiting for it happens off the event loop.
            self._retiring.add(asyncio.ensure_future(asyncio.to_thread(old_pool.shutdown, True)))
        self._engine = AnalysisEngine.build(ruleset.rules, self.settings, ruleset.sigma)
        self.ruleset = ruleset
        self._analysis_version = analysis_version(ruleset.version, self._engine, self.settings)
        return self.signatures

    async def warm_up(self, timeout_s: float = 60.0) -> int:
        """Start every worker process now (each loads the rules once) rather than on first use.

        Returns how many workers answered within the timeout; 0 when analysis runs in-process."""
        return 0 if self._pool is None else await self._pool.warm_up(timeout_s)

    async def close(self) -> None:
        if self._retiring:
            await asyncio.gather(*self._retiring)
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        if self._fetcher is not None:
            await self._fetcher.aclose()

    async def inspect(self, inp: InspectionInput, *, inspection_id: str | None = None, fetch: bool | None = None,
                      deadline_s: float | None = None, input_name: str | None = None) -> InspectionResult:
        started = time.monotonic()
        plan = understand(inp, self.request_limits)
        limits = ScanLimits.from_settings(self.settings)
        if deadline_s is not None:
            limits = replace(limits, deadline_s=min(limits.deadline_s, deadline_s))
        analysis = await self.analyze_plan(plan, limits, fetch=fetch is not False)
        verdict = self._verdict(plan, analysis, inspection_id, input_name, inp, started)
        return InspectionResult(verdict=verdict, blobs=analysis.outcome.blobs, plan=plan)

    async def analyze_plan(self, plan: InspectionPlan, limits: ScanLimits | None = None, *,
                           fetch: bool = True) -> PlanAnalysis:
        """Fetch a plan's URLs (when fetching is on), analyse everything, fetch second stages.

        The building block of `inspect`, public for callers that build their own plan (refetch)."""
        session = self._fetcher.session() if fetch and self._fetcher is not None else None
        run = _PlanRun(plan, limits or ScanLimits.from_settings(self.settings), self.settings, session,
                       self._analyze_roots)
        outcome = await run.execute()
        return PlanAnalysis(outcome=outcome, records=run.records, errors=run.errors, url_findings=run.url_findings)

    async def _analyze_roots(self, roots: Sequence[RootPayload], limits: ScanLimits,
                             known: Sequence[str]) -> AnalysisOutcome:
        """Analyse each root's tree on its own (reusing cached trees when there is a cache), so a
        root's tree never depends on what else this inspection analysed before it."""
        return await analyze_each_root(self.cache, self._analysis_version, roots, limits, self._analyze)

    async def _analyze(self, roots: Sequence[RootPayload], limits: ScanLimits,
                       known: Sequence[str]) -> AnalysisOutcome:
        if not roots:
            return AnalysisOutcome()
        if self._pool is None:
            return analyze_payloads(roots, self._engine, limits, known)
        return await self._pool.analyze(roots, limits, known)

    def _verdict(self, plan: InspectionPlan, analysis: PlanAnalysis, inspection_id: str | None,
                 input_name: str | None, inp: InspectionInput, started: float) -> Verdict:
        outcome = analysis.outcome
        findings = [*plan.findings, *analysis.url_findings, *outcome.findings, *placement_findings(outcome.artifacts)]
        decision = decide(plan, outcome.artifacts, findings,
                          Bands(self.settings.suspicious_threshold, self.settings.malicious_threshold))
        errors = [InspectionError(kind=p.kind, detail=p.detail) for p in plan.problems] + outcome.errors + analysis.errors
        unread = any(p.leaves_content_unread for p in plan.problems)
        return Verdict(
            id=inspection_id or uuid.uuid4().hex,
            input=input_name,
            verdict=decision.verdict,
            score=decision.score,
            severity=decision.severity,  # type: ignore[arg-type]
            complete=not (outcome.errors or analysis.errors or unread),
            request_kind=plan.input_kind or inp.kind.value,
            extension=ExtensionInfo(kind=plan.kind.value, publisher=plan.publisher, type=plan.type,
                                    type_handler_version=plan.type_handler_version, recognised=plan.recognised),
            alerts=decision.alerts,
            findings=findings,
            artifacts=outcome.artifacts,
            fetches=analysis.records,
            errors=errors,
            signatures=SignatureInfo(version=self.ruleset.version, rule_count=self.ruleset.rule_count),
            engine=ENGINE_ID,
            elapsed_ms=round((time.monotonic() - started) * 1000, 2),
            created_at=datetime.now(UTC).isoformat(timespec="milliseconds"),
        )


class _PlanRun:
    """One plan through the fetch and analysis stages: the plan's scripts and URLs first, then,
    stage by stage up to `fetch_depth`, the URLs found in what was analysed.

    `session` is None when nothing may be fetched: each URL is then recorded as not fetched."""

    def __init__(self, plan: InspectionPlan, limits: ScanLimits, settings: Settings,
                 session: FetchSession | None, analyze_roots: Analyze) -> None:
        self.plan = plan
        self.limits = limits
        self.settings = settings
        self.session = session
        self.analyze_roots = analyze_roots
        self.records: list[FetchRecord] = []
        self.url_findings: list[Finding] = []
        self.errors: list[InspectionError] = []
        self.requested: set[str] = set()

    async def execute(self) -> AnalysisOutcome:
        roots = [RootPayload(data=s.content, origin=s.origin, role=s.role.value, type_hint=s.language,
                             name_hint=s.filename) for s in self.plan.scripts]
        fetchable = [u for u in self.plan.urls if u.role not in NOT_FETCHED_ROLES]
        for url in self.plan.urls:
            self.requested.add(url.url)
            if url.role in NOT_FETCHED_ROLES:
                self.records.append(FetchRecord(url=url.redacted, role=url.role.value, error="not_fetched_by_design",
                                                error_detail="output blobs are written by the VM, not read"))
        roots.extend(await self._fetch(fetchable, depth=0, parent=None, parent_depth=-1))
        outcome = await self.analyze_roots(roots, self.limits, ())
        await self._second_stages(outcome)
        if self.session is not None:
            self.errors.extend(self.session.problems)
        return outcome

    async def _second_stages(self, outcome: AnalysisOutcome) -> None:
        depth_of = {a.sha256: a.depth for a in outcome.artifacts}
        pending = outcome.urls
        for stage in range(1, self.settings.fetch_depth + 1):
            planned = []
            parents = []
            for url, parent in pending:
                if url in self.requested or len(self.requested) >= self.settings.fetch_max_urls:
                    continue
                self.requested.add(url)
                planned.append(PlannedUrl(origin=f"url:{redact_url(url)}", role=UrlRole.REFERENCED, url=url,
                                          redacted=redact_url(url)))
                parents.append(parent)
            if not planned:
                return
            roots: list[RootPayload] = []
            for planned_url, parent in zip(planned, parents, strict=True):
                roots.extend(await self._fetch([planned_url], depth=stage, parent=parent,
                                               parent_depth=depth_of.get(parent, 0)))
            known = [a.sha256 for a in outcome.artifacts]
            more = await self.analyze_roots(roots, self.limits, known)
            outcome.merge(more)
            depth_of.update({a.sha256: a.depth for a in more.artifacts})
            pending = more.urls

    async def _fetch(self, urls: Sequence[PlannedUrl], *, depth: int, parent: str | None,
                     parent_depth: int) -> list[RootPayload]:
        if not urls:
            return []
        if depth == 0:
            self.url_findings.extend(f for u in urls for f in offline_url_findings(u))
        if self.session is None:
            for url in urls:
                self.records.append(FetchRecord(url=url.redacted, role=url.role.value, error="fetch_disabled",
                                                error_detail="fetching is off", depth=depth))
                self.errors.append(InspectionError(kind=ErrorKind.NOT_FETCHED, detail=f"{url.origin} was not fetched "
                                                   "(fetching is off)", url=url.redacted))
            return []
        fetched = await asyncio.gather(*(self.session.fetch(u, depth) for u in urls))
        reputations = await asyncio.gather(*(self.session.reputation(u) for u in urls))
        roots = []
        for got, reputation in zip(fetched, reputations, strict=True):
            self.records.extend(got.attempts or [got.record])
            self.url_findings.extend(reputation)
            if got.data is None:
                self.errors.append(InspectionError(kind=ErrorKind.FETCH_FAILED, detail=f"{got.planned.origin}: "
                                                   f"{got.record.error or 'no content'}", url=got.record.url))
                continue
            roots.append(RootPayload(data=got.data, origin=got.planned.origin, role=got.planned.role.value,
                                     name_hint=got.record.final_url or got.planned.redacted, url=got.planned.redacted,
                                     fetch=got.record, parent=parent, depth=parent_depth + 1))
        return roots
