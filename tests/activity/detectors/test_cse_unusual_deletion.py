"""VM_CustomScriptExtensionUnusualDeletion: clean-up right after the run by a caller who never deletes."""

from __future__ import annotations

from datetime import timedelta

from tests.activity.builders import T0, extension_delete, extension_write, routine, vm
from tests.activity.conftest import Ingest, types

AFTER = T0 + timedelta(days=14, hours=2)


async def test_a_delete_minutes_after_the_run_by_a_caller_who_never_deletes(run: Ingest):
    await run(routine(14))
    intruder = {"caller": "mallory@evil.example", "ip": "198.51.100.7"}
    batch = [extension_write(vm("vm-03"), "cse", AFTER, name="upd", settings={"commandToExecute": "sh x.sh"}, **intruder),
             extension_delete(vm("vm-03"), "upd", AFTER + timedelta(minutes=4), **intruder)]
    report = await run(batch)
    assert "VM_CustomScriptExtensionUnusualDeletion" in types(report.alerts)
    deletion = next(a for a in report.alerts if a.alert_type == "VM_CustomScriptExtensionUnusualDeletion")
    assert any("4 minutes after" in e for e in deletion.evidence)
    assert len(deletion.correlation_ids) == 2


async def test_a_pipeline_that_provisions_then_deletes_every_day_is_routine(run: Ingest):
    daily = []
    for d in range(15):
        at = T0 + timedelta(days=d, hours=5)
        daily.append(extension_write(vm("vm-07"), "cse", at, name="bootstrap", caller="deploy-app", ip="20.50.1.1",
                                     settings={"commandToExecute": "sh bootstrap.sh"}))
        daily.append(extension_delete(vm("vm-07"), "bootstrap", at + timedelta(minutes=10), caller="deploy-app",
                                      ip="20.50.1.1"))
    report = await run(routine(15) + daily)
    assert report.alerts == []


async def test_a_delete_long_after_the_install_is_not_clean_up(run: Ingest):
    await run(routine(14))
    report = await run([extension_delete(vm("vm-03"), "cse", AFTER, caller="admin@contoso.com")])
    assert report.alerts == []


async def test_a_new_pipeline_cleaning_up_from_the_automation_range_is_routine(run: Ingest):
    await run(routine(14))
    batch = [extension_write(vm("vm-03"), "cse", AFTER, name="boot", caller="deploy-app-2", ip="20.50.7.7",
                             settings={"commandToExecute": "sh boot.sh"}),
             extension_delete(vm("vm-03"), "boot", AFTER + timedelta(minutes=4), caller="deploy-app-2", ip="20.50.7.7")]
    assert (await run(batch)).alerts == []
