"""The analysis cache: findings per artifact and whole analysed trees, keyed by what produced them.

Findings are keyed by (sha256, ruleset version, analyzer version); a rescan writes them per
batch and reads them back to re-score. Trees are keyed by (root sha256, analysis key) and
serve the live inspection path (the pipeline's `AnalysisCache`), with a bounded memory in
front (tree_memo.py). Both follow `settings.analysis_cache` for live lookups; hits and
misses of this process are counted for the metrics.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from inspector.config import Settings
from inspector.model import CachedTree, Finding
from inspector.store.blobs import check_sha256
from inspector.store.database import Database
from inspector.store.errors import StoreError
from inspector.store.records import CacheStats
from inspector.store.schema import analysis_cache, analysis_trees, utcnow
from inspector.store.tree_memo import TreeMemo

MAX_TREE_KEY = 64


async def cached_findings(conn: AsyncConnection, shas: list[str], ruleset_version: str,
                          analyzer_version: str) -> dict[str, list[dict[str, Any]]]:
    """The stored findings (as JSON) of those of `shas` analysed with these versions."""
    found: dict[str, list[dict[str, Any]]] = {}
    for start in range(0, len(shas), 500):
        rows = await conn.execute(
            sa.select(analysis_cache.c.sha256, analysis_cache.c.findings)
            .where(analysis_cache.c.sha256.in_(shas[start:start + 500]),
                   analysis_cache.c.ruleset_version == ruleset_version,
                   analysis_cache.c.analyzer_version == analyzer_version))
        for sha, findings in rows:
            found[sha] = json.loads(findings)
    return found


class AnalysisCacheRepository:
    def __init__(self, database: Database, settings: Settings) -> None:
        self.database = database
        self.settings = settings
        self._stats = CacheStats()
        # Hot analysed trees, so a payload submitted again and again is not read from the database
        # each time (see tree_memo.py).
        self._tree_memo = TreeMemo(settings.analysis_cache_memory_entries, settings.analysis_cache_memory_bytes,
                                   settings.analysis_cache_memory_ttl_s)

    @property
    def stats(self) -> CacheStats:
        """Hits and misses of this process's cache lookups (the API exports them as metrics)."""
        return self._stats.model_copy()

    async def get_findings(self, sha256: str, ruleset_version: str, analyzer_version: str) -> list[Finding] | None:
        """Findings of an artifact analysed before with the same rules and analyzers, else None."""
        if not self.settings.analysis_cache:
            return None
        async with self.database.read() as conn:
            found = await cached_findings(conn, [sha256], ruleset_version, analyzer_version)
        if sha256 in found:
            self._stats.hits += 1
            return [Finding.model_validate(f) for f in found[sha256]]
        self._stats.misses += 1
        return None

    async def put_findings(
        self, sha256: str, ruleset_version: str, analyzer_version: str, findings: list[Finding]
    ) -> None:
        """Remember an artifact's findings; the first result for a key wins (analysis is deterministic)."""
        if not self.settings.analysis_cache:
            return
        body = json.dumps([f.model_dump(mode="json") for f in findings])
        async with self.database.write() as conn:
            await conn.execute(
                self.database.insert(analysis_cache)
                .values(sha256=check_sha256(sha256), ruleset_version=ruleset_version,
                        analyzer_version=analyzer_version, findings=body, created_at=utcnow())
                .on_conflict_do_nothing(index_elements=[analysis_cache.c.sha256, analysis_cache.c.ruleset_version,
                                                        analysis_cache.c.analyzer_version])
            )

    async def findings_for(self, shas: list[str], ruleset_version: str,
                           analyzer_version: str) -> dict[str, list[Finding]]:
        """Findings of every artifact of `shas` analysed with these versions (a rescan's results).

        Read whatever `settings.analysis_cache` says, and not counted as lookups."""
        async with self.database.read() as conn:
            found = await cached_findings(conn, shas, ruleset_version, analyzer_version)
        return {sha: [Finding.model_validate(f) for f in items] for sha, items in found.items()}

    # Whole trees for the live inspection path (inspector.analysis.tree_cache.AnalysisCache).

    async def get_tree(self, root_sha256: str, key: str) -> CachedTree | None:
        """The analysed tree of a root payload under the same analysis key, else None (a miss)."""
        if not self.settings.analysis_cache:
            return None
        memo_key = (root_sha256.lower(), key)
        body = self._tree_memo.get(memo_key)
        if body is None:
            async with self.database.read() as conn:
                body = await conn.scalar(sa.select(analysis_trees.c.tree).where(
                    analysis_trees.c.root_sha256 == memo_key[0], analysis_trees.c.key == key))
            if body is None:
                self._stats.misses += 1
                return None
            self._tree_memo.put(memo_key, body)
        self._stats.hits += 1
        return CachedTree.model_validate_json(body)  # a fresh tree each time: callers may change it

    async def put_tree(self, root_sha256: str, key: str, tree: CachedTree) -> None:
        """Remember an analysed tree; the first one for a (root, key) wins (analysis is deterministic)."""
        if not self.settings.analysis_cache:
            return
        if len(key) > MAX_TREE_KEY:
            raise StoreError(f"an analysis key is at most {MAX_TREE_KEY} characters")
        body = tree.model_dump_json()
        async with self.database.write() as conn:
            result = await conn.execute(
                self.database.insert(analysis_trees)
                .values(root_sha256=check_sha256(root_sha256.lower()), key=key, tree=body, created_at=utcnow())
                .on_conflict_do_nothing(index_elements=[analysis_trees.c.root_sha256, analysis_trees.c.key])
            )
        if result.rowcount == 1:  # ours is the stored one (the first wins)
            self._tree_memo.put((root_sha256.lower(), key), body)

    async def drop_trees(self, expired: list[str]) -> int:
        """Drop the trees rooted at payloads whose bytes retention removed; returns how many went.

        A cached tree must not outlive its bytes, so a payload seen again after expiry is
        analysed (and its bytes stored) afresh."""
        self._tree_memo.clear()
        removed = 0
        for start in range(0, len(expired), 500):
            async with self.database.write() as conn:
                result = await conn.execute(analysis_trees.delete().where(
                    analysis_trees.c.root_sha256.in_(expired[start:start + 500])))
                removed += result.rowcount or 0
        return removed
