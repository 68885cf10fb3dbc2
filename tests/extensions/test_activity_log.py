"""Activity-log events: REST/portal shape, CLI list, Event Hub / storage export."""

from __future__ import annotations

import json

from inspector.extensions import InputKind, RequestLimits, ScriptRole, understand, InspectionInput

from tests.extensions.samples import (
    CALLER_IP,
    STORAGE_KEY,
    SUB,
    UPN,
    VM_ID,
    activity_event,
    cse_windows_benign,
    cse_windows_malicious,
    dsc_old_format_abuse,
    export_record,
    managed_run_command,
    plan,
    run_command_add_admin,
)

EXT_WRITE = "Microsoft.Compute/virtualMachines/extensions/write"
EXT_DELETE = "Microsoft.Compute/virtualMachines/extensions/delete"
RUN_ACTION = "Microsoft.Compute/virtualMachines/runCommand/action"
RUNCOMMANDS_WRITE = "Microsoft.Compute/virtualMachines/runCommands/write"


def test_rest_event_with_the_extension_body_as_a_json_string():
    event = activity_event(EXT_WRITE, json.dumps(cse_windows_malicious()), status="Failed")
    p = plan(event, InputKind.ACTIVITY_LOG)
    assert p.kind == "custom_script_windows" and p.publisher == "Microsoft.Compute"
    assert [s.origin for s in p.scripts] == ["requestbody.protectedSettings.commandToExecute"]
    assert [f.id for f in p.findings] == ["structure.custom_script.protected_command_only"]
    ctx = p.context
    assert (ctx.operation, ctx.status, ctx.sub_status) == (EXT_WRITE, "Failed", "Created")
    assert ctx.caller == "[REDACTED]@contoso.com"
    assert ctx.correlation_id and ctx.subscription_id == SUB and ctx.resource_id.startswith(VM_ID)
    redacted = p.redacted_request
    inner = json.loads(redacted["properties"]["requestbody"])  # still a JSON string, redacted inside
    assert "Winter2024!x" not in json.dumps(inner) and "net localgroup administrators" in json.dumps(inner)
    dumped = p.model_dump_json(exclude={"scripts": {"__all__": {"content"}}})
    assert UPN not in dumped and CALLER_IP not in dumped and "Alice Admin" not in dumped


def test_rest_event_with_the_body_as_an_object_keeps_storage_keys_out():
    event = activity_event(EXT_WRITE, cse_windows_benign())
    p = plan(event, InputKind.ACTIVITY_LOG)
    assert p.kind == "custom_script_windows"
    assert p.entry_point == "requestbody.protectedSettings.fileUris[1]"
    assert STORAGE_KEY not in p.model_dump_json()
    assert p.redacted_request["properties"]["requestbody"]["properties"]["protectedSettings"]["storageAccountKey"] == "[REDACTED]"


def test_export_records_start_and_end_of_a_run_command():
    start = export_record(RUN_ACTION, run_command_add_admin(), result="Start")
    end = export_record(RUN_ACTION, None, result="Failure")
    p = plan({"records": [start, end]}, InputKind.ACTIVITY_LOG)
    assert p.kind == "run_command"
    [script] = p.scripts
    assert script.origin == "records[0].requestbody.script" and script.role is ScriptRole.RUN_COMMAND_SCRIPT
    assert script.line_origins[1] == "records[0].requestbody.script[1]"
    assert p.context.status == "Failure"  # the end event of the same correlationId
    assert p.context.caller == "[REDACTED]@contoso.com"
    assert p.context.operation == RUN_ACTION.upper()
    dumped = p.model_dump_json(exclude={"scripts": {"__all__": {"content"}}})
    assert UPN not in dumped and CALLER_IP not in dumped and "Spring2025!q" not in dumped


def test_export_of_old_format_dsc_written_then_deleted():
    write = export_record(EXT_WRITE, json.dumps({"properties": dsc_old_format_abuse()}))
    delete = export_record(EXT_DELETE, None, correlation="c0ffee00-0000-4000-8000-0000000000ff")
    p = plan({"records": [write, delete]}, InputKind.ACTIVITY_LOG)
    assert p.kind == "dsc"
    assert sorted(f.id for f in p.findings) == ["structure.activity.write_then_delete", "structure.dsc.external_modules_telemetry_off"]
    assert sum(f.score for f in p.findings) < 1000


def test_events_without_request_body_are_understood_from_the_operation():
    p = plan(activity_event(RUNCOMMANDS_WRITE, None), InputKind.ACTIVITY_LOG)
    assert p.kind == "managed_run_command"
    assert [q.kind for q in p.problems] == ["no_request_body"]
    p = plan(activity_event(EXT_DELETE, None), InputKind.ACTIVITY_LOG)
    assert p.kind == "unrecognised_extension" and not p.recognised


def test_truncated_request_body_is_a_problem_scanned_as_text_and_hidden_from_the_redacted_event():
    body = json.dumps(cse_windows_malicious()["properties"])[:-30]  # cut inside the command
    p = plan(activity_event(EXT_WRITE, body), InputKind.ACTIVITY_LOG)
    assert [q.kind for q in p.problems][:1] == ["invalid_json"]
    assert p.scripts[0].origin == "requestbody" and b"commandToExecute" in p.scripts[0].content
    assert p.redacted_request["properties"]["requestbody"] == "[REDACTED]"


def test_cli_list_shape_with_scale_set_and_hybrid_compute_operations():
    vmss = activity_event("Microsoft.Compute/virtualMachineScaleSets/extensions/write", cse_windows_benign())
    arc = activity_event("Microsoft.HybridCompute/machines/runCommands/write", managed_run_command("id"))
    p = plan([vmss, arc], InputKind.ACTIVITY_LOG)
    assert p.kind == "custom_script_windows"
    origins = [s.origin for s in p.scripts]
    assert "[0].requestbody.protectedSettings.commandToExecute" in origins
    assert "[1].requestbody.source.script" in origins


def test_events_beyond_the_limit_are_not_read_and_their_bodies_are_hidden():
    records = [export_record(EXT_WRITE, json.dumps(cse_windows_malicious())) for _ in range(5)]
    p = understand(InspectionInput(kind=InputKind.ACTIVITY_LOG, body={"records": records}),
                   RequestLimits(max_activity_records=2))
    assert len(p.scripts) == 2
    assert "too_many_records" in [q.kind for q in p.problems]
    assert p.redacted_request["records"][4]["properties"]["requestbody"] == "[REDACTED]"


def test_an_activity_log_that_is_not_an_object_or_list_is_an_input_error():
    import pytest

    from inspector.extensions import InputError

    with pytest.raises(InputError) as err:
        plan("42", InputKind.ACTIVITY_LOG)
    assert err.value.kind == "wrong_type"


def test_caller_supplied_context_wins_over_the_event():
    from inspector.extensions import RequestContext

    event = activity_event(EXT_WRITE, cse_windows_benign(), status="Succeeded")
    p = plan(event, InputKind.ACTIVITY_LOG, context=RequestContext(status="Failed", vm_size="Standard_B1s"))
    assert (p.context.status, p.context.vm_size, p.context.operation) == ("Failed", "Standard_B1s", EXT_WRITE)


def _monitor_agent() -> dict:
    return {"properties": {"publisher": "Microsoft.Azure.Monitor", "type": "AzureMonitorWindowsAgent",
                           "typeHandlerVersion": "1.2", "settings": {}}}


def test_an_unrecognised_extension_before_a_cse_does_not_decide_the_kind():
    events = [activity_event(EXT_WRITE, json.dumps(_monitor_agent()), correlation="c-1",
                             resource_id=f"{VM_ID}/extensions/ama"),
              activity_event(EXT_WRITE, json.dumps(cse_windows_malicious()), correlation="c-2")]
    p = plan(events, InputKind.ACTIVITY_LOG)
    assert p.kind == "custom_script_windows"
    assert p.context.correlation_id == "c-2"


def test_one_operation_s_failure_does_not_speak_for_another_vm_s_operation():
    events = [activity_event(EXT_WRITE, json.dumps(cse_windows_benign()), status="Failed", correlation="c-1",
                             resource_id="/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/virtualMachines/vm-01/extensions/a"),
              activity_event(EXT_WRITE, json.dumps(cse_windows_malicious()), status="Succeeded", correlation="c-2",
                             resource_id="/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/virtualMachines/vm-02/extensions/b")]
    assert plan(events, InputKind.ACTIVITY_LOG).context.status is None


def test_the_start_and_end_records_of_one_operation_still_give_its_status():
    events = [activity_event(EXT_WRITE, json.dumps(cse_windows_malicious()), status="Started"),
              activity_event(EXT_WRITE, None, status="Failed")]
    assert plan(events, InputKind.ACTIVITY_LOG).context.status == "Failed"
