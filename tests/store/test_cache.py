"""The per-artifact analysis cache: keyed by (sha256, ruleset version, analyzer version), with hit counters."""

from __future__ import annotations

from pathlib import Path

from inspector.model import Finding
from inspector.store import Store
from inspector.store.testing import temporary_store

SHA = "ab" * 32
FINDING = Finding(id="yara.test", source="yara", title="t", score=700, artifact=SHA)


async def test_a_result_is_reused_only_for_the_same_rules_and_analyzers(store: Store) -> None:
    assert await store.get_cached_analysis(SHA, "r1", "a1") is None
    await store.put_cached_analysis(SHA, "r1", "a1", [FINDING])
    await store.put_cached_analysis(SHA, "r1", "a1", [])  # first result wins
    assert await store.get_cached_analysis(SHA, "r1", "a1") == [FINDING]
    assert await store.get_cached_analysis(SHA, "r2", "a1") is None
    assert await store.get_cached_analysis(SHA, "r1", "a2") is None
    stats = store.cache_stats
    assert (stats.hits, stats.misses) == (1, 3) and stats.hit_rate == 0.25


async def test_the_cache_can_be_switched_off(backend: str, tmp_path: Path) -> None:
    async with temporary_store(backend, tmp_path, analysis_cache=False) as store:  # type: ignore[arg-type]
        await store.put_cached_analysis(SHA, "r1", "a1", [FINDING])
        assert await store.get_cached_analysis(SHA, "r1", "a1") is None
        assert store.cache_stats.hits == store.cache_stats.misses == 0
