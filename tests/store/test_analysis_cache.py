"""The analysis cache, run on SQLite and PostgreSQL (see conftest.py).

Per-artifact findings are keyed by (sha256, ruleset version, analyzer version), with hit
counters. Whole trees are keyed by (root sha256, analysis key) and serve the pipeline; the
pipeline test among them checks the point of it all: a payload seen before is not analysed
again, and gets the same verdict.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from inspector.extensions.request import InputKind, InspectionInput
from inspector.model import Artifact, ArtifactType, CachedTree, Finding
from inspector.pipeline import Inspector
from inspector.store import Store, StoreError
from inspector.store.database import current_revision, head_revision
from inspector.store.schema import analysis_trees, utcnow
from inspector.store.testing import blobs_of, make_verdict, temporary_store

FINDINGS_SHA = "ab" * 32
FINDING = Finding(id="yara.test", source="yara", title="t", score=700, artifact=FINDINGS_SHA)


async def test_a_result_is_reused_only_for_the_same_rules_and_analyzers(store: Store) -> None:
    assert await store.analysis_cache.get_findings(FINDINGS_SHA, "r1", "a1") is None
    await store.analysis_cache.put_findings(FINDINGS_SHA, "r1", "a1", [FINDING])
    await store.analysis_cache.put_findings(FINDINGS_SHA, "r1", "a1", [])  # first result wins
    assert await store.analysis_cache.get_findings(FINDINGS_SHA, "r1", "a1") == [FINDING]
    assert await store.analysis_cache.get_findings(FINDINGS_SHA, "r2", "a1") is None
    assert await store.analysis_cache.get_findings(FINDINGS_SHA, "r1", "a2") is None
    stats = store.analysis_cache.stats
    assert (stats.hits, stats.misses) == (1, 3) and stats.hit_rate == 0.25


async def test_the_findings_cache_can_be_switched_off(backend: str, tmp_path: Path) -> None:
    async with temporary_store(backend, tmp_path, analysis_cache=False) as store:  # type: ignore[arg-type]
        await store.analysis_cache.put_findings(FINDINGS_SHA, "r1", "a1", [FINDING])
        assert await store.analysis_cache.get_findings(FINDINGS_SHA, "r1", "a1") is None
        assert store.analysis_cache.stats.hits == store.analysis_cache.stats.misses == 0


# ---------------------------------------------------------------- whole trees

ROOT = b"powershell -enc SQBFAFgA\n"
SHA = hashlib.sha256(ROOT).hexdigest()
KEY = "k" * 32


def _tree(sha: str = SHA, score: int = 700) -> CachedTree:
    root = Artifact(sha256=sha, size=len(ROOT), type=ArtifactType.POWERSHELL, origin="request.content", depth=0)
    finding = Finding(id="yara.test", source="yara", title="t", score=score, artifact=sha)
    return CachedTree(artifacts=[root], findings=[finding], urls=[("https://example.invalid/a.ps1", sha)])


async def test_migration_0004_creates_the_table(store: Store) -> None:
    async with store.database.engine.connect() as conn:
        assert await current_revision(conn) == head_revision()
        tables = set(await conn.run_sync(lambda c: sa.inspect(c).get_table_names()))
    assert "analysis_trees" in tables


async def test_a_tree_is_found_only_under_its_root_and_key(store: Store) -> None:
    assert await store.analysis_cache.get_tree(SHA, KEY) is None
    await store.analysis_cache.put_tree(SHA, KEY, _tree())
    assert await store.analysis_cache.get_tree(SHA, KEY) == _tree()
    assert await store.analysis_cache.get_tree(SHA.upper(), KEY) == _tree()  # hex case does not matter
    assert await store.analysis_cache.get_tree(SHA, "other-key") is None
    assert await store.analysis_cache.get_tree("cd" * 32, KEY) is None


async def test_the_first_tree_for_a_key_wins(store: Store) -> None:
    await store.analysis_cache.put_tree(SHA, KEY, _tree(score=700))
    await store.analysis_cache.put_tree(SHA, KEY, _tree(score=1))  # a concurrent inspection of the same bytes
    found = await store.analysis_cache.get_tree(SHA, KEY)
    assert found is not None and found.findings[0].score == 700


async def test_hits_and_misses_count_into_the_same_cache_stats(store: Store) -> None:
    await store.analysis_cache.get_tree(SHA, KEY)
    await store.analysis_cache.put_tree(SHA, KEY, _tree())
    await store.analysis_cache.get_tree(SHA, KEY)
    await store.analysis_cache.get_tree(SHA, KEY)
    assert await store.analysis_cache.get_findings(SHA, "r1", "a1") is None  # the per-artifact cache shares them
    stats = store.analysis_cache.stats
    assert (stats.hits, stats.misses) == (2, 2) and stats.hit_rate == 0.5


async def test_bad_roots_and_keys_are_refused(store: Store) -> None:
    with pytest.raises(ValueError):
        await store.analysis_cache.put_tree("not-a-sha", KEY, _tree())
    with pytest.raises(StoreError):
        await store.analysis_cache.put_tree(SHA, "k" * 65, _tree())


async def test_the_tree_cache_can_be_switched_off(backend: str, tmp_path: Path) -> None:
    async with temporary_store(backend, tmp_path, analysis_cache=False) as store:  # type: ignore[arg-type]
        await store.analysis_cache.put_tree(SHA, KEY, _tree())
        assert await store.analysis_cache.get_tree(SHA, KEY) is None
        async with store.database.engine.connect() as conn:
            assert await conn.scalar(sa.select(sa.func.count()).select_from(analysis_trees)) == 0
        assert store.analysis_cache.stats.hits == store.analysis_cache.stats.misses == 0


async def test_retention_drops_trees_of_expired_payloads_and_keeps_the_others(backend: str, tmp_path: Path) -> None:
    async with temporary_store(backend, tmp_path, retention_days=1) as store:  # type: ignore[arg-type]
        old, new = [b"old payload bytes"], [b"new payload bytes"]
        await store.inspections.create("old", "script", {}, None, None)
        await store.inspections.save_verdict("old", make_verdict("old", old), blobs_of(old))
        await store.inspections.create("new", "script", {}, None, None)
        await store.inspections.save_verdict("new", make_verdict("new", new), blobs_of(new))
        old_sha, new_sha = (hashlib.sha256(c[0]).hexdigest() for c in (old, new))
        await store.analysis_cache.put_tree(old_sha, KEY, _tree(old_sha))
        await store.analysis_cache.put_tree(new_sha, KEY, _tree(new_sha))

        report = await store.retention.apply(now=utcnow() + timedelta(days=2))
        assert report.cached_trees_removed == 2  # both were last seen more than a day before `now`

        await store.analysis_cache.put_tree(new_sha, KEY, _tree(new_sha))
        report = await store.retention.apply(now=utcnow() + timedelta(hours=1))
        assert report.cached_trees_removed == 0
        assert await store.analysis_cache.get_tree(new_sha, KEY) is not None
        assert await store.analysis_cache.get_tree(old_sha, KEY) is None


async def test_the_pipeline_reuses_a_stored_tree_and_reaches_the_same_verdict(store: Store) -> None:
    script = b"Invoke-Mimikatz -DumpCreds\nvssadmin delete shadows /all /quiet\n"
    inp = InspectionInput(kind=InputKind.SCRIPT, content=script)
    inspector = await Inspector.start(store.settings, workers=0, fetching=False, cache=store.analysis_cache)
    try:
        first = await inspector.inspect(inp, inspection_id="first")
        assert (store.analysis_cache.stats.hits, store.analysis_cache.stats.misses) == (0, 1)
        second = await inspector.inspect(inp, inspection_id="second")
        assert (store.analysis_cache.stats.hits, store.analysis_cache.stats.misses) == (1, 1)
    finally:
        await inspector.close()
    assert second.verdict.verdict == first.verdict.verdict and second.verdict.score == first.verdict.score
    assert [a.sha256 for a in second.verdict.artifacts] == [a.sha256 for a in first.verdict.artifacts]
    assert {f.id for f in second.verdict.findings} == {f.id for f in first.verdict.findings}


async def _delete_stored_trees(store: Store) -> None:
    async with store.database.engine.begin() as conn:
        await conn.execute(analysis_trees.delete())


async def test_a_hot_tree_is_answered_from_memory_without_reading_the_store(store: Store) -> None:
    await store.analysis_cache.put_tree(SHA, KEY, _tree())
    await _delete_stored_trees(store)  # only the process's memory still has it
    assert await store.analysis_cache.get_tree(SHA, KEY) == _tree()
    found = await store.analysis_cache.get_tree(SHA, KEY)
    assert found is not None
    found.findings.clear()  # each caller gets its own tree
    assert await store.analysis_cache.get_tree(SHA, KEY) == _tree()
    assert store.analysis_cache.stats.hits == 3


async def test_a_tree_read_from_the_store_is_kept_in_memory_too(store: Store) -> None:
    await store.analysis_cache.put_tree(SHA, KEY, _tree())
    store.analysis_cache._tree_memo.clear()  # another process wrote it
    assert await store.analysis_cache.get_tree(SHA, KEY) == _tree()  # read from the store...
    await _delete_stored_trees(store)
    assert await store.analysis_cache.get_tree(SHA, KEY) == _tree()  # ...and remembered


async def test_memory_entries_expire_and_are_bounded(backend: str, tmp_path: Path) -> None:
    async with temporary_store(backend, tmp_path, analysis_cache_memory_ttl_s=0) as store:  # type: ignore[arg-type]
        await store.analysis_cache.put_tree(SHA, KEY, _tree())
        await _delete_stored_trees(store)
        assert await store.analysis_cache.get_tree(SHA, KEY) is None  # nothing kept: the store is the answer
    async with temporary_store(backend, tmp_path / "b", analysis_cache_memory_entries=2) as store:  # type: ignore[arg-type]
        roots = [hashlib.sha256(bytes([n])).hexdigest() for n in range(3)]
        for sha in roots:
            await store.analysis_cache.put_tree(sha, KEY, _tree(sha))
        await _delete_stored_trees(store)
        assert [await store.analysis_cache.get_tree(sha, KEY) is not None for sha in roots] == [False, True, True]


async def test_retention_in_this_process_forgets_the_trees_in_memory(backend: str, tmp_path: Path) -> None:
    async with temporary_store(backend, tmp_path, retention_days=1) as store:  # type: ignore[arg-type]
        old = [b"old payload bytes"]
        await store.inspections.create("old", "script", {}, None, None)
        await store.inspections.save_verdict("old", make_verdict("old", old), blobs_of(old))
        old_sha = hashlib.sha256(old[0]).hexdigest()
        await store.analysis_cache.put_tree(old_sha, KEY, _tree(old_sha))
        await store.retention.apply(now=utcnow() + timedelta(days=2))
        assert await store.analysis_cache.get_tree(old_sha, KEY) is None
