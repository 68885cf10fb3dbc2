"""The activity repository, on SQLite and PostgreSQL: history rows saved and loaded, alerts once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from pathlib import Path

import sqlalchemy as sa

from inspector.activity import ActivityLimits, ActivityRecord, Ingestor, ingest, records_of
from inspector.store import Store
from inspector.store.activity import ActivityChanges, AlertRow, advisory_key
from inspector.store.schema import (
    activity_daily, activity_extensions, activity_held, activity_operations, activity_record_ids, activity_seen,
    activity_subscriptions, activity_vms, utcnow,
)
from inspector.store.testing import Backend, temporary_store
from tests.activity.builders import SUB
from tests.timing import GIVE_UP_S

LIMITS = ActivityLimits(inspect_bodies=False)
SUB_ID = SUB.casefold()

T = datetime(2026, 1, 10, 12, tzinfo=UTC)


def _changes(sub: str = "s1") -> ActivityChanges:
    return ActivityChanges(
        sub, T - timedelta(days=9), T,
        seen=[("caller", "eve@contoso.com", T - timedelta(days=9), T)],
        daily=[("caller", "eve@contoso.com", T.date(), 4)],
        vms=[{"vm_id": "/subscriptions/s1/vm1", "size": "Standard_D2s_v3", "os_type": "Linux", "updated_at": T}],
        extensions=[{"resource_id": "/subscriptions/s1/vm1/extensions/x", "vm_id": "/subscriptions/s1/vm1",
                     "extension_type": "microsoft.compute/customscriptextension", "family": "custom_script",
                     "installs": 1, "deletes": 0, "last_install": T, "last_install_by": "eve", "last_delete": None}],
        operations=[{"op_key": "k1", "time": T, "family": "custom_script", "action": "write", "caller": "eve",
                     "ip_range": "10.1.0.0/16", "vm_id": "/subscriptions/s1/vm1",
                     "extension_type": "microsoft.compute/customscriptextension", "correlation_id": "c1"}],
        record_ids=[("r1", T)])


def _alert(alert_id: str, key: str = "g@1") -> AlertRow:
    return AlertRow(alert_id, "s1", key, "VM_RunCommandSuspiciousUsage", "Low", T, T, {"id": alert_id})


async def test_history_saved_is_loaded_back(store: Store):
    await store.activity.save([_changes()], [])
    snap = await store.activity.load("s1", operations_since=T - timedelta(days=1), daily_since=T.date(),
                                     record_ids_since=T - timedelta(days=1))
    assert snap.newest == T and snap.seen[0][:2] == ("caller", "eve@contoso.com")
    assert snap.daily == [("caller", "eve@contoso.com", T.date(), 4)]
    assert snap.vms[0]["size"] == "Standard_D2s_v3" and snap.extensions[0]["installs"] == 1
    assert snap.operations[0]["op_key"] == "k1" and snap.record_ids == [("r1", T)]
    assert await store.activity.newest("s1") == T and await store.activity.newest("other") is None


async def test_counters_are_written_as_their_new_totals(store: Store):
    await store.activity.save([_changes()], [])
    again = _changes()
    again.daily = [("caller", "eve@contoso.com", T.date(), 9)]
    await store.activity.save([again], [])  # rows already stored (operation, record id) are kept once
    snap = await store.activity.load("s1", daily_since=T.date())
    assert snap.daily[0][3] == 9 and len(snap.operations) == 1


async def test_alerts_are_found_by_the_resource_they_name_in_any_case_and_literally(store: Store):
    named = {"id": "a1", "resource_ids": ["/subscriptions/s1/VM_1"], "entities": []}
    other = {"id": "a2", "resource_ids": ["/subscriptions/s1/vmx1"], "entities": []}  # '_' is not a wildcard
    await store.activity.save([], [AlertRow("a1", "s1", "g@1", "VM_RunCommandSuspiciousUsage", "Low", T, T, named),
                                   AlertRow("a2", "S1", "g@2", "VM_RunCommandSuspiciousUsage", "Low", T, T, other)])
    assert [a.id for a in await store.activity.alerts(resource_id="/SUBSCRIPTIONS/S1/vm_1")] == ["a1"]
    assert [a.id for a in await store.activity.alerts(resource_id="/subscriptions/s1/vm%1")] == []
    assert sorted(a.id for a in await store.activity.alerts(subscription_id="s1")) == ["a1", "a2"]
    assert (await store.activity.alert("a2")).body == other  # type: ignore[union-attr]
    assert await store.activity.alert("nope") is None


async def test_a_vm_timeline_reads_its_inventory_extensions_and_operations(store: Store):
    await store.activity.save([_changes()], [])
    timeline = await store.activity.vm_timeline("/SUBSCRIPTIONS/s1/VM1")
    assert timeline.vm is not None and timeline.vm["size"] == "Standard_D2s_v3"
    assert [e["installs"] for e in timeline.extensions] == [1]
    assert [o["correlation_id"] for o in timeline.operations] == ["c1"]
    assert (await store.activity.vm_timeline("/subscriptions/s1/vm2")).empty


async def test_an_alert_is_stored_once_under_its_dedupe_key(store: Store):
    assert await store.activity.save([], [_alert("a1")]) == {"a1"}
    assert await store.activity.save([], [_alert("a1"), _alert("a2", "g@2")]) == {"a2"}
    assert sorted(a.id for a in await store.activity.alerts(subscription_id="s1")) == ["a1", "a2"]
    assert len(await store.activity.alerts(alert_type="VM_RunCommandSuspiciousUsage")) == 2


async def test_retention_forgets_old_history(store: Store):
    await store.activity.save([_changes()], [_alert("a1")])
    later = T + timedelta(days=100)
    await store.activity.prune("s1", history_before=later - timedelta(days=90), operations_before=later,
                               record_ids_before=later)
    snap = await store.activity.load("s1", operations_since=T - timedelta(days=1), daily_since=T.date() - timedelta(days=5),
                                     record_ids_since=T - timedelta(days=1))
    assert (snap.seen, snap.daily, snap.vms, snap.extensions, snap.operations, snap.record_ids) == ([], [], [], [], [], [])
    assert await store.activity.alerts() == []


async def test_each_new_alert_writes_one_alert_raised_event_and_a_stored_one_none(store: Store):
    await store.activity.save([], [_alert("a1")])
    await store.activity.save([], [_alert("a1"), _alert("a2", "g@2")])
    events = await store.events.read()
    assert [(e.type, e.data["alert_id"]) for e in events] == [("alert.raised", "a1"), ("alert.raised", "a2")]
    assert events[0].data["alert"] == {"id": "a1"} and events[0].data["subscription_id"] == "s1"


async def test_a_failed_save_stores_neither_the_alert_nor_its_event(store: Store):
    broken = AlertRow("a9", "s1", "g@9", "VM_RunCommandSuspiciousUsage", "Low", T, T, {"id": "a9", "x": {1, 2}})
    try:
        await store.activity.save([], [_alert("a1"), broken])  # a set is not JSON: the transaction fails
    except Exception:
        pass
    else:
        raise AssertionError("the save should have failed")
    assert await store.activity.alerts() == [] and await store.events.read() == []


def _named(alert_id: str, key: str, at: datetime, resource: str, sub: str = "s1") -> AlertRow:
    body = {"id": alert_id, "resource_ids": [resource]}
    return AlertRow(alert_id, sub, key, "VM_RunCommandSuspiciousUsage", "Low", at, at, body)


async def test_alerts_are_paged_newest_first_and_filtered_by_resource_any_case(store: Store):
    vm1, vm10 = "/subscriptions/S1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm_1", \
        "/subscriptions/S1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm_10"
    rows = [_named(f"a{n}", f"g@{n}", T + timedelta(minutes=n // 2), vm1 if n % 2 else vm10) for n in range(6)]
    await store.activity.save([], rows)
    first = await store.activity.alerts(limit=4)
    rest = await store.activity.alerts(after=(first[-1].start_time, first[-1].id), limit=4)
    assert [a.id for a in first + rest] == ["a4", "a5", "a2", "a3", "a0", "a1"]
    assert [a.id for a in await store.activity.alerts(resource_id=vm1.lower())] == ["a5", "a3", "a1"]
    assert await store.activity.alerts(resource_id=vm1[:-1]) == []  # a whole id, not a prefix
    assert (await store.activity.alert("a3")).body["resource_ids"] == [vm1]  # type: ignore[union-attr]
    assert await store.activity.alert("nope") is None


async def test_a_subscription_held_by_one_ingest_waits_for_it_in_another_connection(store: Store):
    from inspector.store import Store as OpenStore

    other = await OpenStore.open(store.settings, migrate=False)  # its own connections, as another process has
    order: list[str] = []
    held = asyncio.Event()
    waiting = asyncio.Event()

    async def first() -> None:
        async with store.activity.serialised("Sub-1"):
            order.append("first in")
            held.set()
            await waiting.wait()
            for _ in range(20):  # round trips during which an unserialised second one would get in
                await store.activity.newest("sub-1")
            order.append("first out")

    async def second() -> None:
        await held.wait()
        waiting.set()
        async with other.activity.serialised("sub-1"):  # ids are case-insensitive: the same subscription
            order.append("second in")

    try:
        await asyncio.wait_for(asyncio.gather(first(), second()), GIVE_UP_S)
        if store.database.dialect == "postgresql":  # (SQLite has one writer: one lock for all)
            async with other.activity.serialised("sub-2"), store.activity.serialised("sub-3"):
                order.append("others at once")
    finally:
        await other.close()
    assert order[:3] == ["first in", "first out", "second in"]
    assert order[3:] == (["others at once"] if store.database.dialect == "postgresql" else [])


def test_advisory_keys_are_stable_and_case_insensitive():
    assert advisory_key("ABC-1") == advisory_key("abc-1") != advisory_key("abc-2")
    assert -2**63 <= advisory_key("abc-1") < 2**63


async def test_two_batches_holding_crossing_sets_of_subscriptions_take_turns_without_deadlock(store: Store):
    from inspector.store import Store as OpenStore

    other = await OpenStore.open(store.settings, migrate=False)
    inside: list[str] = []
    overlaps: list[int] = []

    async def batch(repo_store: Store, name: str, subs: tuple[str, ...]) -> None:
        for _ in range(5):
            async with repo_store.activity.serialised(*subs):
                inside.append(name)
                overlaps.append(len(inside))
                await repo_store.activity.newest(subs[0])
                inside.remove(name)

    try:
        await asyncio.wait_for(asyncio.gather(batch(store, "a", ("s1", "s2", "s3")),
                                              batch(other, "b", ("S3", "s2", "s1"))), GIVE_UP_S)
    finally:
        await other.close()
    assert overlaps and max(overlaps) == 1  # never both inside, and both finished


# --- the reorder buffer across streaming batches (activity_held), on both dialects ---------------

def _stream_scenario() -> list[ActivityRecord]:
    """Two weeks of routine work, then a Run Command fan-out: every record is judged against history."""
    from tests.activity.builders import T0, routine, run_command, vm

    fan_out = [run_command(vm(f"vm-{i:02d}"), T0 + timedelta(days=14, hours=2, minutes=i),
                           caller="mallory@evil.example", ip="198.51.100.7") for i in range(8)]
    return [r for r in records_of(routine(14) + fan_out, LIMITS, "test") if isinstance(r, ActivityRecord)]


def _late_delivery(records: list[ActivityRecord]) -> list[ActivityRecord]:
    """The records as a live stream delivers them: some up to 59 minutes late (behind records up
    to 59 minutes newer), a few twice."""
    delays = [timedelta(minutes=(i * 37) % 60) for i in range(len(records))]
    order = sorted(range(len(records)), key=lambda i: (records[i].event_time + delays[i], i))
    delivered = [records[i] for i in order]
    return delivered + delivered[-5:] + delivered[100:103]


async def _tables(store: Store) -> dict[str, set[tuple[object, ...]]]:
    tables = (activity_subscriptions, activity_seen, activity_daily, activity_vms, activity_extensions,
              activity_operations, activity_record_ids, activity_held)
    async with store.database.read() as conn:
        return {t.name: {tuple(row) for row in await conn.execute(sa.select(t))} for t in tables}


async def _alerts(store: Store) -> list[tuple[object, ...]]:
    return sorted((a.id, a.alert_type, tuple(a.body["evidence"]), a.start_time, a.end_time)
                  for a in await store.activity.alerts(limit=500))


async def test_a_stream_of_small_late_batches_then_a_flush_equals_one_batch(backend: Backend, tmp_path: Path):
    records = _stream_scenario()
    async with temporary_store(backend, tmp_path / "one") as one:
        await ingest(records, one.activity, LIMITS)
        expected_alerts, expected_tables = await _alerts(one), await _tables(one)
    assert expected_alerts, "the scenario raises an alert"
    delivered = _late_delivery(records)
    async with temporary_store(backend, tmp_path / "stream") as streamed:
        held = []
        for start in range(0, len(delivered), 7):
            report = await ingest(delivered[start:start + 7], streamed.activity, LIMITS, streaming=True)
            held.append(report.held)
        assert max(held) > 0 and held[-1] > 0, "records were held back across batches"
        flushed = await ingest([], streamed.activity, LIMITS, streaming=True, flush=True)
        assert flushed.held == 0
        assert await _alerts(streamed) == expected_alerts
        assert await _tables(streamed) == expected_tables


async def test_held_records_survive_a_new_ingestor_and_are_judged_once(backend: Backend, tmp_path: Path):
    records = _stream_scenario()
    async with temporary_store(backend, tmp_path) as store:
        first = await ingest(records, store.activity, LIMITS, streaming=True)
        assert first.held > 0 and first.judged == len(records) - first.held
        # What a crash leaves: a fresh process, the same store; the held records come back once.
        ingestor = Ingestor(store.activity, LIMITS, streaming=True)
        await ingestor.take_up(SUB_ID)
        await ingestor.take_up(SUB_ID)
        fresh = await ingestor.finish(flush=True)
        assert ingestor.report.judged == first.held and ingestor.report.duplicates == 0
        assert [a.alert_type for a in fresh] == ["VM_RunCommandSuspiciousUsage"]
        assert await store.activity.held_subscriptions() == []
        again = await ingest(records, store.activity, LIMITS, streaming=True, flush=True)
        assert again.judged == 0 and again.alerts == []  # duplicates, or too late by now


async def test_a_record_later_than_max_lateness_is_still_too_late_when_streaming(backend: Backend, tmp_path: Path):
    records = _stream_scenario()
    async with temporary_store(backend, tmp_path) as store:
        await ingest(records[-50:], store.activity, LIMITS, streaming=True)
        late = await ingest(records[:1], store.activity, LIMITS, streaming=True)
        assert late.too_late == 1 and late.judged == 0


async def test_a_duplicate_of_a_held_record_is_not_held_twice(backend: Backend, tmp_path: Path):
    records = _stream_scenario()
    async with temporary_store(backend, tmp_path) as store:
        first = await ingest(records[-3:], store.activity, LIMITS, streaming=True)
        again = await ingest(records[-3:], store.activity, LIMITS, streaming=True)
        assert first.held == again.held == 3 and again.duplicates == 3
        assert len(await store.activity.held(SUB_ID)) == 3


def _flood(count: int) -> list[ActivityRecord]:
    """`count` Run Commands, a minute apart at most, all inside one reorder window."""
    from tests.activity.builders import T0, run_command, vm

    raw = [run_command(vm(f"vm-{i:03d}"), T0 + timedelta(seconds=20 * i)) for i in range(count)]
    return [r for r in records_of(raw, LIMITS, "test") if isinstance(r, ActivityRecord)]


async def test_a_flood_inside_one_reorder_window_holds_at_most_the_cap_judging_the_oldest_early(
        backend: Backend, tmp_path: Path):
    cap = 6
    limits = ActivityLimits(inspect_bodies=False, max_held_records=cap)
    records = _flood(40)
    assert records[-1].event_time - records[0].event_time < limits.reorder, "no record is due by time alone"
    async with temporary_store(backend, tmp_path) as store:
        released_early = 0
        for start in range(0, len(records), 5):
            report = await ingest(records[start:start + 5], store.activity, limits, streaming=True)
            stored = await store.activity.held(SUB_ID)
            assert report.held == len(stored) <= cap
            released_early += report.released_early
            assert report.judged == report.released_early
        assert released_early == len(records) - cap
        # The newest are the ones still held; everything older was judged, in event order.
        assert sorted(row.record_id for row in stored) == sorted(r.record_id for r in records[-cap:])
        flushed = await ingest([], store.activity, limits, streaming=True, flush=True)
        assert (flushed.judged, flushed.released_early, flushed.held) == (cap, 0, 0)
        again = await ingest(records, store.activity, limits, streaming=True, flush=True)
        assert again.judged == 0 and again.duplicates == len(records)


async def test_a_late_record_behind_records_judged_early_is_still_judged_once(backend: Backend, tmp_path: Path):
    limits = ActivityLimits(inspect_bodies=False, max_held_records=3)
    records = _flood(10)
    async with temporary_store(backend, tmp_path) as store:
        first = await ingest(records[1:], store.activity, limits, streaming=True)
        assert (first.released_early, first.held) == (6, 3)
        late = await ingest(records[:1], store.activity, limits, streaming=True, flush=True)
        assert (late.judged, late.too_late, late.duplicates) == (4, 0, 0)


async def _held_rows(store: Store) -> dict[str, dict[str, object]]:
    async with store.database.read() as conn:
        return {row.record_id: dict(row._mapping) for row in await conn.execute(sa.select(activity_held))}


async def test_each_save_changes_only_the_held_records_judged_or_held_since_the_last(
        backend: Backend, tmp_path: Path):
    records = _flood(12)
    async with temporary_store(backend, tmp_path) as store:
        await ingest(records[:6], store.activity, LIMITS, streaming=True)
        before = await _held_rows(store)
        limits = ActivityLimits(inspect_bodies=False, max_held_records=8)
        report = await ingest(records[6:], store.activity, limits, streaming=True)
        after = await _held_rows(store)
        judged_early = {r.record_id for r in records[:4]}
        assert report.released_early == 4 and set(after) == {r.record_id for r in records[4:]}
        # The two still held from the first batch are the rows it stored, untouched; the new ones follow them.
        assert all(after[key] == before[key] for key in set(before) - judged_early)
        assert min(after[r.record_id]["seq"] for r in records[6:]) > max(row["seq"] for row in before.values())


async def test_a_save_that_holds_nothing_new_still_marks_its_subscription_as_sending(
        backend: Backend, tmp_path: Path):
    records = _flood(3)
    async with temporary_store(backend, tmp_path) as store:
        await ingest(records, store.activity, LIMITS, streaming=True)
        stamped = utcnow()
        assert await store.activity.idle_held_subscriptions(stamped + timedelta(seconds=1)) == [SUB_ID]
        again = await ingest(records[:1], store.activity, LIMITS, streaming=True)  # a duplicate only
        assert again.duplicates == 1 and again.held == 3
        assert await store.activity.idle_held_subscriptions(stamped) == []
