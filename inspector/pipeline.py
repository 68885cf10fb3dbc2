"""The pipeline: the one place that knows the order of the stages.

    request -> extensions.understand -> fetch (entry points, payloads) -> per-artifact stages
    (unpack -> deobfuscate -> analyzers, children fed back in) -> second-stage fetch of URLs
    found in scripts -> scoring -> Verdict

`analyze_payloads` is the synchronous, CPU-bound part; it runs in a worker process (the
service), in-process (the CLI), or in a Celery worker (rescans), always the same code.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
import time
import uuid
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import yara
from pydantic import BaseModel

from inspector import __version__
from inspector.analyzers import ANALYZERS, build_analyzers
from inspector.analyzers.base import Analyzer, AnalyzerOutput, Child, Payload, ScanContext, ScanLimits
from inspector.analyzers.yara_scan import YaraAnalyzer
from inspector.config import Settings
from inspector.deobfuscate import LAYERS, DeobfuscationLimits, build_layers
from inspector.extensions import RequestLimits, understand
from inspector.extensions.plan import InspectionPlan, PlannedUrl, UrlRole
from inspector.extensions.request import InspectionInput
from inspector.fetch import Fetcher
from inspector.fetch.reputation import offline_url_findings
from inspector.model import (
    TEXT_TYPES, Artifact, ArtifactFacts, ArtifactType, ExtensionInfo, FetchRecord, Finding, InspectionError,
    Layer, SignatureInfo, Verdict,
)
from inspector.redact import redact_text, redact_url
from inspector.rules.engine import Ruleset, RulesetError, compile_ruleset, load_compiled
from inspector.rules.paths import signature_dirs
from inspector.scoring import Bands, decide
from inspector.unpack import UNPACKERS, build_unpackers
from inspector.unpack.filetype import detect_type
from inspector.unpack.text import decode_text

ENGINE = f"payload-inspector/{__version__}"
_log = logging.getLogger(__name__)
NOT_FETCHED_ROLES = frozenset({UrlRole.OUTPUT_BLOB})


# --------------------------------------------------------------------------- analysis (sync)


@dataclass(frozen=True)
class RootPayload:
    """A payload the analysis starts from: a request field, a fetched file, a second-stage URL."""

    data: bytes
    origin: str
    role: str
    type_hint: ArtifactType | None = None
    name_hint: str | None = None
    url: str | None = None
    fetch: FetchRecord | None = None
    parent: str | None = None
    depth: int = 0


@dataclass
class AnalysisOutcome:
    artifacts: list[Artifact] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    blobs: dict[str, bytes] = field(default_factory=dict)
    urls: list[tuple[str, str]] = field(default_factory=list)  # (url, sha256 of the artifact naming it)
    errors: list[InspectionError] = field(default_factory=list)

    def merge(self, other: AnalysisOutcome) -> None:
        known = {a.sha256 for a in self.artifacts}
        self.artifacts.extend(a for a in other.artifacts if a.sha256 not in known)
        seen = {_finding_key(f) for f in self.findings}
        self.findings.extend(f for f in other.findings if _finding_key(f) not in seen)
        self.blobs.update(other.blobs)
        self.urls.extend(other.urls)
        self.errors.extend(other.errors)


def _finding_key(finding: Finding) -> tuple[str, str | None, int | None]:
    return finding.id, finding.artifact, finding.location.offset if finding.location else None


class CachedTree(BaseModel):
    """The analysis of one root payload and everything derived from it, reusable while the
    rules, the analyzers and the analysis settings stay the same."""

    artifacts: list[Artifact]
    findings: list[Finding]
    urls: list[tuple[str, str]]


class AnalysisCache(Protocol):
    """Where analysed trees are kept (the store implements it); failures count as misses."""

    async def get_tree(self, root_sha256: str, key: str) -> CachedTree | None: ...

    async def put_tree(self, root_sha256: str, key: str, tree: CachedTree) -> None: ...


def _rebased(tree: CachedTree, root: RootPayload) -> AnalysisOutcome:
    """A cached tree placed where this inspection found its root (origin, role, URL, depth)."""
    if not tree.artifacts:
        return AnalysisOutcome()
    old_root = tree.artifacts[0]
    shift = root.depth - old_root.depth
    artifacts = [old_root.model_copy(update={"origin": root.origin, "role": root.role, "url": root.url,
                                             "fetch": root.fetch, "parent": root.parent, "depth": root.depth})]
    artifacts += [a.model_copy(update={"role": root.role, "depth": a.depth + shift}) for a in tree.artifacts[1:]]
    return AnalysisOutcome(artifacts=artifacts, findings=list(tree.findings), urls=list(tree.urls))


# Settings that change where or how the service runs, not what an analysis finds.
_NOT_ANALYSIS_SETTINGS = ("host", "port", "data_dir", "api_", "console_", "log_", "fetch", "github_", "database",
                          "broker", "webhook", "events", "engine", "retention", "auto_rescan", "analysis_cache",
                          "scan_deadline_s", "rescan", "blob", "max_input_bytes")


def analysis_settings_digest(settings: Settings) -> str:
    relevant = {k: v for k, v in settings.model_dump(mode="json").items() if not k.startswith(_NOT_ANALYSIS_SETTINGS)}
    return hashlib.sha256(json.dumps(relevant, sort_keys=True, default=str).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class AnalysisEngine:
    """The stages in the order they run on each artifact."""

    stages: tuple[tuple[Analyzer, ...], ...]

    def version(self) -> str:
        """Hash of every stage's name and version: cached analyses are keyed by it."""
        parts = sorted(f"{a.name}:{a.version}" for stage in self.stages for a in stage)
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]

    @classmethod
    def build(cls, rules: yara.Rules | None, settings: Settings | None = None) -> AnalysisEngine:
        """Stages with their limits from `settings` (the defaults without)."""
        if settings is None:
            return cls(stages=(UNPACKERS, LAYERS, (YaraAnalyzer(rules), *ANALYZERS)))
        return cls(stages=(build_unpackers(settings), build_layers(DeobfuscationLimits.from_settings(settings)),
                           (YaraAnalyzer(rules), *build_analyzers(settings))))


@dataclass
class _Node:
    data: bytes
    artifact: Artifact


class _TreeWalk:
    """Breadth-first analysis of one inspection's payload tree under its limits."""

    def __init__(self, engine: AnalysisEngine, limits: ScanLimits, outcome: AnalysisOutcome,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.engine = engine
        self.limits = limits
        self.ctx = ScanContext(limits=limits, clock=clock)
        self.out = outcome
        self.seen: set[str] = {a.sha256 for a in outcome.artifacts}
        self.total_bytes = 0
        self.queue: deque[_Node] = deque()
        self.reported: set[str] = set()

    def error(self, kind: str, detail: str, artifact: str | None = None) -> None:
        key = f"{kind}:{artifact}" if artifact else kind
        if key in self.reported:
            return
        self.reported.add(key)
        self.out.errors.append(InspectionError(kind=kind, detail=redact_text(detail)[:500], artifact=artifact))

    def add(self, data: bytes, *, origin: str, role: str | None, parent: str | None, depth: int,
            type_hint: ArtifactType | None = None, name_hint: str | None = None, layer: Layer | None = None,
            url: str | None = None, fetch: FetchRecord | None = None, truncated: bool = False) -> None:
        if depth > self.limits.max_depth:
            self.error("limit_depth", f"layers deeper than {self.limits.max_depth} were not analysed", parent)
            return
        if len(self.seen) >= self.limits.max_artifacts:
            self.error("limit_artifacts", f"more than {self.limits.max_artifacts} artifacts; the rest were skipped")
            return
        if len(data) > self.limits.max_artifact_bytes:
            data, truncated = data[: self.limits.max_artifact_bytes], True
            self.error("limit_artifact_size", f"{origin} was cut to {self.limits.max_artifact_bytes} bytes")
        if self.total_bytes + len(data) > self.limits.max_total_bytes:
            self.error("limit_total_bytes", f"analysis stopped at {self.limits.max_total_bytes} bytes in total")
            return
        sha = hashlib.sha256(data).hexdigest()
        if sha in self.seen:
            return
        self.seen.add(sha)
        self.total_bytes += len(data)
        kind = detect_type(data, name_hint=name_hint, type_hint=type_hint)
        artifact = Artifact(sha256=sha, size=len(data), type=kind, origin=origin, parent=parent, depth=depth,
                            role=role, url=url, fetch=fetch, layer=layer, truncated=truncated)
        self.queue.append(_Node(data=data, artifact=artifact))

    def run(self) -> None:
        while self.queue:
            node = self.queue.popleft()
            if self.ctx.expired():
                self.error("limit_deadline", f"analysis deadline of {self.limits.deadline_s}s reached")
                self.out.artifacts.append(node.artifact)
                self.out.blobs[node.artifact.sha256] = node.data
                continue
            self._analyze(node)

    def _payload(self, node: _Node) -> Payload:
        text = None
        if node.artifact.type in TEXT_TYPES:
            decoded = decode_text(node.data)
            if decoded is not None:
                text = decoded.text
                if len(text) > self.limits.max_text_chars:
                    text = text[: self.limits.max_text_chars]
                    self.error("limit_text_size", f"text cut to {self.limits.max_text_chars} characters",
                               node.artifact.sha256)
                node.artifact = node.artifact.model_copy(update={
                    "encoding": decoded.encoding,
                    "facts": ArtifactFacts(lines=text.count("\n") + 1),
                })
        return Payload(artifact=node.artifact, data=node.data, text=text)

    def _analyze(self, node: _Node) -> None:
        payload = self._payload(node)
        combined = AnalyzerOutput()
        for stage in self.engine.stages:
            for analyzer in stage:
                if self.ctx.expired():
                    self.error("limit_deadline", f"analysis deadline of {self.limits.deadline_s}s reached")
                    break
                if not analyzer.accepts(payload.artifact):
                    continue
                try:
                    combined.extend(analyzer.analyze(payload, self.ctx))
                except Exception as exc:  # an analyzer bug must not lose the verdict
                    self.error("analyzer_failed", f"{analyzer.name}: {type(exc).__name__}", payload.artifact.sha256)
        artifact = payload.artifact
        if combined.facts is not None:
            artifact = artifact.model_copy(update={"facts": _merge_facts(artifact.facts, combined.facts)})
        self.out.artifacts.append(artifact)
        self.out.blobs[artifact.sha256] = node.data
        self.out.findings.extend(f if f.artifact else f.model_copy(update={"artifact": artifact.sha256})
                                 for f in combined.findings)
        self.out.urls.extend((url, artifact.sha256) for url in combined.urls)
        for kind, detail in combined.errors:
            self.error(kind, detail, artifact.sha256)
        for child in combined.children:
            self._add_child(child, artifact)

    def _add_child(self, child: Child, parent: Artifact) -> None:
        self.add(child.data, origin=child.origin, role=parent.role, parent=parent.sha256, depth=parent.depth + 1,
                 type_hint=child.type_hint, name_hint=child.origin, layer=child.layer, truncated=child.truncated)


def _merge_facts(base: ArtifactFacts, new: ArtifactFacts) -> ArtifactFacts:
    update = {k: v for k, v in new.model_dump(exclude_none=True).items()}
    return base.model_copy(update={k: getattr(new, k) for k in update})


def analyze_payloads(roots: Sequence[RootPayload], engine: AnalysisEngine, limits: ScanLimits,
                     known: Sequence[str] = (), *, clock: Callable[[], float] = time.monotonic) -> AnalysisOutcome:
    """Analyse payload trees from their roots; `known` sha256s were analysed already in this inspection.

    The deadline in `limits` is measured on `clock` (seconds, monotonic)."""
    outcome = AnalysisOutcome()
    walk = _TreeWalk(engine, limits, outcome, clock)
    walk.seen.update(known)
    for root in roots:
        walk.add(root.data, origin=root.origin, role=root.role, parent=root.parent, depth=root.depth,
                 type_hint=root.type_hint, name_hint=root.name_hint, url=root.url, fetch=root.fetch)
    walk.run()
    return outcome


# Worker processes build their engine once, from the compiled rules the parent hands them.
_worker_engine: AnalysisEngine | None = None


def _init_worker(compiled_rules_path: str, settings_values: dict[str, object]) -> None:
    global _worker_engine
    with open(compiled_rules_path, "rb") as handle:
        rules = load_compiled(handle.read())
    _worker_engine = AnalysisEngine.build(rules, Settings(**settings_values))


def _worker_ready() -> int:
    """Runs in a worker once its initializer has built the engine; slow enough that
    concurrent calls land on different workers and start them all."""
    assert _worker_engine is not None, "worker initializer did not run"
    time.sleep(0.05)
    return os.getpid()


def _analyze_in_worker(roots: Sequence[RootPayload], limits: ScanLimits, known: Sequence[str]) -> AnalysisOutcome:
    assert _worker_engine is not None, "worker initializer did not run"
    return analyze_payloads(roots, _worker_engine, limits, known)


# --------------------------------------------------------------------------- inspection (async)


@dataclass(frozen=True)
class SignatureStatus:
    version: str
    rule_count: int
    loaded_at: str
    errors: list[str]


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


def load_ruleset(settings: Settings) -> Ruleset:
    return compile_ruleset(signature_dirs(settings))


class Inspector:
    """Runs inspections: owns the ruleset, the worker pool and the fetcher."""

    def __init__(self, settings: Settings, ruleset: Ruleset, *, executor: Executor | None = None,
                 fetcher: Fetcher | None = None, cache: AnalysisCache | None = None) -> None:
        self.settings = settings
        self.ruleset = ruleset
        self._executor = executor
        self._pool_size: int | None = None
        self._retiring: set[asyncio.Future[None]] = set()
        self._engine = AnalysisEngine.build(ruleset.rules, settings)
        self._fetcher = fetcher
        self.request_limits = RequestLimits.from_settings(settings)
        self.cache = cache
        self._cache_key = self._analysis_key()

    @classmethod
    async def start(cls, settings: Settings, workers: int | None = None, *, fetching: bool | None = None,
                    cache: AnalysisCache | None = None) -> Inspector:
        """`workers=0` analyses in-process (CLI); otherwise a process pool keeps the event loop free."""
        ruleset = await asyncio.to_thread(load_ruleset, settings)
        executor = None if workers == 0 else _new_pool(ruleset, settings, workers)
        use_fetcher = fetching if fetching is not None else settings.fetch
        inspector = cls(settings, ruleset, executor=executor, fetcher=Fetcher(settings) if use_fetcher else None,
                        cache=cache)
        inspector._pool_size = workers
        return inspector

    @property
    def signatures(self) -> SignatureStatus:
        return SignatureStatus(self.ruleset.version, self.ruleset.rule_count, self.ruleset.loaded_at,
                               [str(e) for e in self.ruleset.errors])

    @property
    def fetching(self) -> bool:
        return self._fetcher is not None

    def fetch_policy(self) -> str:
        """One line for the start-up log: whether and where URLs may be fetched (no secrets)."""
        return self._fetcher.describe() if self._fetcher is not None else "fetching off"

    async def reload_signatures(self) -> SignatureStatus:
        """Compile the rule folders again and swap atomically; any failing file keeps the old set."""
        ruleset = await asyncio.to_thread(load_ruleset, self.settings)
        if ruleset.errors or ruleset.rules is None:
            raise RulesetError(ruleset.errors)
        old_pool = self._executor
        if isinstance(old_pool, ProcessPoolExecutor):
            self._executor = _new_pool(ruleset, self.settings, self._pool_size)
        self._engine = AnalysisEngine.build(ruleset.rules, self.settings)
        self.ruleset = ruleset
        self._cache_key = self._analysis_key()
        if old_pool is not None and old_pool is not self._executor:
            # In-flight scans finish on the old pool; waiting for it happens off the event loop.
            self._retiring.add(asyncio.ensure_future(asyncio.to_thread(old_pool.shutdown, True)))
        return self.signatures

    async def warm_up(self, timeout_s: float = 60.0) -> int:
        """Start every worker process now (each loads the rules once) rather than on first use.

        Returns how many workers answered within the timeout; 0 when analysis runs in-process."""
        if not isinstance(self._executor, ProcessPoolExecutor):
            return 0
        loop = asyncio.get_running_loop()
        size = self._pool_size or max(1, os.cpu_count() or 1)
        seen: set[int] = set()
        deadline = time.monotonic() + timeout_s
        while len(seen) < size and time.monotonic() < deadline:
            # A worker still booting takes no task, so ask again until each one has answered.
            rounds = (loop.run_in_executor(self._executor, _worker_ready) for _ in range(size))
            seen.update(await asyncio.gather(*rounds))
        return len(seen)

    async def close(self) -> None:
        if self._retiring:
            await asyncio.gather(*self._retiring)
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
        if self._fetcher is not None:
            await self._fetcher.aclose()

    def _analysis_key(self) -> str:
        return f"{self.ruleset.version}:{self._engine.version()}:{analysis_settings_digest(self.settings)}"

    def _tree_key(self, root: RootPayload) -> str:
        """What besides the bytes decides a root's analysis: hints and the names analyzers compare.

        The request field a root came from is not part of it: analyzers never read it, so the same
        script in another field reuses the tree, placed where it is now (see `_rebased`)."""
        context = json.dumps([self._cache_key, root.type_hint, root.name_hint, root.url])
        return hashlib.sha256(context.encode()).hexdigest()[:32]

    async def _analyze_roots(self, roots: Sequence[RootPayload], limits: ScanLimits,
                             known: Sequence[str]) -> AnalysisOutcome:
        """Analyse roots, reusing cached trees; only complete analyses are cached."""
        if self.cache is None:
            return await self._analyze(roots, limits, known)
        outcome = AnalysisOutcome()
        for root in roots:
            sha, key = hashlib.sha256(root.data).hexdigest(), self._tree_key(root)
            try:
                tree = await self.cache.get_tree(sha, key)
            except Exception as exc:  # a cache that fails is a miss, never a failed inspection
                _log.warning("analysis cache read failed: %s", type(exc).__name__)
                tree = None
            if tree is not None:
                outcome.merge(_rebased(tree, root))
                outcome.blobs.setdefault(sha, root.data)  # the bytes at hand; derived ones were stored before
                continue
            fresh = await self._analyze([root], limits, [*known, *(a.sha256 for a in outcome.artifacts)])
            if not fresh.errors and fresh.artifacts and fresh.artifacts[0].sha256 == sha:
                tree = CachedTree(artifacts=fresh.artifacts, findings=fresh.findings, urls=fresh.urls)
                try:
                    await self.cache.put_tree(sha, key, tree)
                except Exception as exc:  # the verdict does not depend on the cache
                    _log.warning("analysis cache write failed: %s", type(exc).__name__)
            outcome.merge(fresh)
        return outcome

    async def _analyze(self, roots: Sequence[RootPayload], limits: ScanLimits, known: Sequence[str]) -> AnalysisOutcome:
        if not roots:
            return AnalysisOutcome()
        if self._executor is None:
            return analyze_payloads(roots, self._engine, limits, known)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, _analyze_in_worker, list(roots), limits, list(known))

    async def inspect(self, inp: InspectionInput, *, inspection_id: str | None = None, fetch: bool | None = None,
                      deadline_s: float | None = None, input_name: str | None = None) -> InspectionResult:
        started = time.monotonic()
        plan = understand(inp, self.request_limits)
        limits = self.settings.scan_limits()
        if deadline_s is not None:
            limits = ScanLimits(**{**limits.__dict__, "deadline_s": min(limits.deadline_s, deadline_s)})
        analysis = await self.analyze_plan(plan, limits, fetch=fetch is not False)
        verdict = self._verdict(plan, analysis, inspection_id, input_name, inp, started)
        outcome = analysis.outcome
        return InspectionResult(verdict=verdict, blobs=outcome.blobs, plan=plan)

    async def analyze_plan(self, plan: InspectionPlan, limits: ScanLimits | None = None, *,
                           fetch: bool = True) -> PlanAnalysis:
        """Fetch a plan's URLs (when fetching is on), analyse everything, fetch second stages.

        The building block of `inspect`, public for callers that build their own plan (refetch)."""
        run = _Inspection(self, plan, limits or self.settings.scan_limits(),
                          fetch_enabled=fetch and self._fetcher is not None, fetch_requested=fetch)
        outcome = await run.execute()
        return PlanAnalysis(outcome=outcome, records=run.records, errors=run.errors, url_findings=run.url_findings)

    def _verdict(self, plan: InspectionPlan, analysis: PlanAnalysis, inspection_id: str | None,
                 input_name: str | None, inp: InspectionInput, started: float) -> Verdict:
        outcome, run = analysis.outcome, analysis
        findings = [*plan.findings, *run.url_findings, *outcome.findings]
        decision = decide(plan, outcome.artifacts, findings,
                          Bands(self.settings.suspicious_threshold, self.settings.malicious_threshold))
        errors = [InspectionError(kind=p.kind, detail=p.detail) for p in plan.problems] + outcome.errors + run.errors
        return Verdict(
            id=inspection_id or uuid.uuid4().hex,
            input=input_name,
            verdict=decision.verdict,
            score=decision.score,
            severity=decision.severity,  # type: ignore[arg-type]
            complete=not (outcome.errors or run.errors),
            request_kind=plan.input_kind or inp.kind.value,
            extension=ExtensionInfo(kind=plan.kind.value, publisher=plan.publisher, type=plan.type,
                                    type_handler_version=plan.type_handler_version, recognised=plan.recognised),
            alerts=decision.alerts,
            findings=findings,
            artifacts=outcome.artifacts,
            fetches=run.records,
            errors=errors,
            signatures=SignatureInfo(version=self.ruleset.version, rule_count=self.ruleset.rule_count),
            engine=ENGINE,
            elapsed_ms=round((time.monotonic() - started) * 1000, 2),
            created_at=datetime.now(UTC).isoformat(timespec="milliseconds"),
        )


class _Inspection:
    """One inspection's fetch stages: the plan's URLs first, then URLs found in scripts."""

    def __init__(self, inspector: Inspector, plan: InspectionPlan, limits: ScanLimits, *, fetch_enabled: bool,
                 fetch_requested: bool | None) -> None:
        self.inspector = inspector
        self.plan = plan
        self.limits = limits
        self.fetch_enabled = fetch_enabled
        self.records: list[FetchRecord] = []
        self.url_findings: list[Finding] = []
        self.errors: list[InspectionError] = []
        self.session = inspector._fetcher.session() if inspector._fetcher is not None and fetch_enabled else None
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
        outcome = await self.inspector._analyze_roots(roots, self.limits, ())
        await self._second_stages(outcome)
        if self.session is not None:
            self.errors.extend(self.session.problems)
        return outcome

    async def _second_stages(self, outcome: AnalysisOutcome) -> None:
        depth_of = {a.sha256: a.depth for a in outcome.artifacts}
        pending = outcome.urls
        for stage in range(1, self.inspector.settings.fetch_depth + 1):
            planned = []
            parents = []
            for url, parent in pending:
                if url in self.requested or len(self.requested) >= self.inspector.settings.fetch_max_urls:
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
            more = await self.inspector._analyze_roots(roots, self.limits, known)
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
                self.errors.append(InspectionError(kind="not_fetched", detail=f"{url.origin} was not fetched "
                                                   "(fetching is off)", url=url.redacted))
            return []
        fetched = await asyncio.gather(*(self.session.fetch(u, depth) for u in urls))
        reputations = await asyncio.gather(*(self.session.reputation(u) for u in urls))
        roots = []
        for got, reputation in zip(fetched, reputations, strict=True):
            self.records.extend(got.attempts or [got.record])
            self.url_findings.extend(reputation)
            if got.data is None:
                self.errors.append(InspectionError(kind="fetch_failed", detail=f"{got.planned.origin}: "
                                                   f"{got.record.error or 'no content'}", url=got.record.url))
                continue
            roots.append(RootPayload(data=got.data, origin=got.planned.origin, role=got.planned.role.value,
                                     name_hint=got.record.final_url or got.planned.redacted, url=got.planned.redacted,
                                     fetch=got.record, parent=parent, depth=parent_depth + 1))
        return roots


def _new_pool(ruleset: Ruleset, settings: Settings, workers: int | None) -> ProcessPoolExecutor:
    """A spawn pool whose workers load the compiled rules from a file.

    Handing megabytes of rules through the start-up pipe would block the event loop until
    each child has booted far enough to read them; a file path is a few bytes.
    """
    import multiprocessing
    import os
    import tempfile

    size = workers or max(1, os.cpu_count() or 1)
    # A private folder per pool (mode 0700, name chosen by mkdtemp): no other user can swap the rules.
    rules_dir = Path(tempfile.mkdtemp(prefix="payload-inspector-rules-"))
    rules_path = rules_dir / f"{ruleset.version or 'empty'}.yarc"
    rules_path.write_bytes(ruleset.to_bytes())
    # Workers read the file once, at start; it is removed when the pool is shut down.
    pool = _RulesPool(rules_path, max_workers=size, mp_context=multiprocessing.get_context("spawn"),
                      initializer=_init_worker, initargs=(str(rules_path), settings.model_dump()))
    return pool


class _RulesPool(ProcessPoolExecutor):
    """A process pool that removes its compiled-rules file when it shuts down."""

    def __init__(self, rules_path: Path, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rules_path = rules_path

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        super().shutdown(wait=wait, cancel_futures=cancel_futures)
        if wait:
            self.rules_path.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                self.rules_path.parent.rmdir()

