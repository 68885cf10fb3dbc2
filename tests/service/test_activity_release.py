"""Activity records held back for reordering on a subscription that went quiet are judged by the
service's periodic sweep once it has sent nothing for `activity_release_idle_s`, never kept for ever."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from inspector.activity import ActivityLimits, ActivityRecord, ingest, records_of
from inspector.service.activity_release import release_idle
from inspector.store import Store
from inspector.store.schema import utcnow
from tests.activity.builders import SUB, T0, routine, run_command, vm
from tests.api.server import start_service
from tests.timing import poll

LIMITS = ActivityLimits(inspect_bodies=False)


def _attack() -> list[dict[str, Any]]:
    """Two weeks of routine work, then a Run Command fan-out in the last minutes of the stream."""
    return routine(14) + [run_command(vm(f"vm-{i:02d}"), T0 + timedelta(days=14, hours=2, minutes=i),
                                      caller="mallory@evil.example", ip="198.51.100.7") for i in range(8)]


def _records() -> list[ActivityRecord]:
    return [r for r in records_of(_attack(), LIMITS, "test") if isinstance(r, ActivityRecord)]


async def test_a_quiet_subscriptions_held_records_are_judged_once_it_has_been_quiet_long_enough(store: Store):
    streamed = await ingest(_records(), store.activity, LIMITS, streaming=True)
    assert streamed.held > 0 and streamed.alerts == []  # the fan-out is in the last, held-back hour
    saved_at = utcnow()

    # The clock is the test's: "quiet since" a minute before the save: not quiet yet.
    assert await release_idle(store, LIMITS, None, saved_at - timedelta(minutes=1)) is None
    assert await store.activity.held_subscriptions() == [SUB.casefold()]

    released = await release_idle(store, LIMITS, None, saved_at + timedelta(seconds=1))
    assert released is not None and released.judged == streamed.held
    assert [a.alert_type for a in released.alerts] == ["VM_RunCommandSuspiciousUsage"]
    assert await store.activity.held_subscriptions() == []
    assert await release_idle(store, LIMITS, None, saved_at + timedelta(hours=1)) is None  # nothing left


async def _sweep_seen(svc: Any, name: str) -> None:
    """Wait for one sweep of the service to have run: it marks a row whose lease passed as failed."""
    await svc.store.inspections.create(name, "script", {}, None, None, lease_expires_at=utcnow() - timedelta(hours=1))
    await poll(lambda: svc.store.inspections.get(name), lambda row: row is not None and row.status == "failed",
               what=f"a sweep after {name}")


async def test_the_service_judges_a_quiet_stream_by_itself(tmp_path: Path):
    async with start_service(tmp_path, activity_inspect_bodies=False, activity_release_idle_s=0.01,
                             inspection_reap_interval_s=0.05) as svc:
        status, _, answer = await svc.call("POST", "/v1/activity", key="detector", json_body=_attack())
        assert status == 200 and answer["held"] > 0 and answer["alerts"] == []
        await poll(svc.store.activity.held_subscriptions, lambda held: held == [], what="held records released")
        alerts = (await svc.call("GET", "/v1/alerts", key="admin"))[2]["alerts"]
        assert [a["alert_type"] for a in alerts] == ["VM_RunCommandSuspiciousUsage"]


async def test_with_release_off_held_records_wait_for_a_flush(tmp_path: Path):
    async with start_service(tmp_path, activity_inspect_bodies=False, activity_release_idle_s=0,
                             inspection_reap_interval_s=0.05) as svc:
        answer = (await svc.call("POST", "/v1/activity", key="detector", json_body=_attack()))[2]
        assert answer["held"] > 0
        await _sweep_seen(svc, "first")
        await _sweep_seen(svc, "second")  # a whole sweep began after the batch was saved
        assert await svc.store.activity.held_subscriptions() == [SUB.casefold()]
        flushed = (await svc.call("POST", "/v1/activity?flush=true", key="detector", json_body=[]))[2]
        assert flushed["held"] == 0 and len(flushed["alerts"]) == 1
