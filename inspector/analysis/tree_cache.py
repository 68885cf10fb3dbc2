"""Analysed trees reused across inspections: each root payload's whole tree, found by the root's
sha256 and a key of the analysis version and the root's hints.

Every root's tree is analysed on its own, with or without a cache (`analyze_each_root`): a
tree analysed knowing what an earlier root of the same inspection held would lack the
children the two share, and reused elsewhere it would miss their findings. The trees are then
merged in root order, each artifact kept where it was first found. A cached tree is placed
where this inspection found its root (`rebased`); only complete analyses are kept (never one
cut short by a limit or the clock), and a cache that fails is a miss, never a failed inspection.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol

from inspector.analysis.engine import AnalysisOutcome, RootPayload
from inspector.model import CachedTree
from inspector.stage import ScanLimits

_log = logging.getLogger(__name__)

# Analyses roots with the sha256s already analysed in this inspection: in-process or in a pool.
Analyze = Callable[[Sequence[RootPayload], ScanLimits, Sequence[str]], Awaitable[AnalysisOutcome]]


class AnalysisCache(Protocol):
    """Where analysed trees are kept (the store implements it); failures count as misses."""

    async def get_tree(self, root_sha256: str, key: str) -> CachedTree | None: ...

    async def put_tree(self, root_sha256: str, key: str, tree: CachedTree) -> None: ...


def tree_key(analysis_version: str, root: RootPayload) -> str:
    """What besides the bytes decides a root's analysis: the analysis version, the hints and the
    names analyzers compare.

    The request field a root came from is not part of it: analyzers never read it, so the same
    script in another field reuses the tree, placed where it is now (see `rebased`)."""
    context = json.dumps([analysis_version, root.type_hint, root.name_hint, root.url])
    return hashlib.sha256(context.encode()).hexdigest()[:32]


def rebased(tree: CachedTree, root: RootPayload) -> AnalysisOutcome:
    """A cached tree placed where this inspection found its root (origin, role, URL, depth)."""
    if not tree.artifacts:
        return AnalysisOutcome()
    old_root = tree.artifacts[0]
    shift = root.depth - old_root.depth
    artifacts = [old_root.model_copy(update={"origin": root.origin, "role": root.role, "url": root.url,
                                             "fetch": root.fetch, "parent": root.parent, "depth": root.depth})]
    artifacts += [a.model_copy(update={"role": root.role, "depth": a.depth + shift}) for a in tree.artifacts[1:]]
    return AnalysisOutcome(artifacts=artifacts, findings=list(tree.findings), urls=list(tree.urls))


async def analyze_each_root(cache: AnalysisCache | None, analysis_version: str, roots: Sequence[RootPayload],
                            limits: ScanLimits, analyze: Analyze) -> AnalysisOutcome:
    """Analyse roots one by one, each tree on its own, reusing cached trees and caching the
    complete fresh ones when there is a cache."""
    outcome = AnalysisOutcome()
    for root in roots:
        sha, key = hashlib.sha256(root.data).hexdigest(), tree_key(analysis_version, root)
        tree = None
        if cache is not None:
            try:
                tree = await cache.get_tree(sha, key)
            except Exception as exc:  # a cache that fails is a miss, never a failed inspection
                _log.warning("analysis cache read failed: %s", type(exc).__name__)
        if tree is not None:
            outcome.merge(rebased(tree, root))
            outcome.blobs.setdefault(sha, root.data)  # the bytes at hand; derived ones were stored before
            continue
        fresh = await analyze([root], limits, ())
        if cache is not None and not fresh.errors and fresh.artifacts and fresh.artifacts[0].sha256 == sha:
            tree = CachedTree(artifacts=fresh.artifacts, findings=fresh.findings, urls=fresh.urls)
            try:
                await cache.put_tree(sha, key, tree)
            except Exception as exc:  # the verdict does not depend on the cache
                _log.warning("analysis cache write failed: %s", type(exc).__name__)
        outcome.merge(fresh)
    return outcome
