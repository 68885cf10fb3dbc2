"""Any JSON at all, shaped like a request or not: a plan or an InputError, never an exception."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.extensions import InputError, InputKind, InspectionInput, InspectionPlan, understand

# Keys the handlers look for, in odd cases, mixed with arbitrary ones, so that fields arrive
# with every wrong type in every place.
KEYS = st.sampled_from([
    "publisher", "type", "settings", "protectedSettings", "commandToExecute", "COMMANDTOEXECUTE", "fileUris",
    "script", "configuration", "url", "configurationData", "ModulesUrl", "SasToken", "Properties", "Items",
    "Privacy", "DataCollection", "username", "ssh_key", "reset_ssh", "EncryptionOperation", "KeyVaultResourceId",
    "commandId", "source", "scriptUri", "parameters", "protectedParameters", "instanceView", "exitCode",
    "records", "operationName", "properties", "requestbody", "correlationId", "status", "claims", "caller", "id",
]) | st.text(max_size=8)
SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
           | st.sampled_from(["Microsoft.Compute", "CustomScriptExtension", "Microsoft.Azure.Extensions", "CustomScript",
                              "Microsoft.Powershell", "DSC", "VMAccessForLinux", "RunPowerShellScript", "H4sI", "Disable",
                              "https://a.example.org/x.ps1", "/subscriptions/x/y", "Microsoft.Compute/virtualMachines/extensions/write"])
           | st.text(max_size=30))
JSON = st.recursive(SCALARS, lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=6),
                    max_leaves=40)
KINDS = st.sampled_from([InputKind.EXTENSION, InputKind.RUN_COMMAND, InputKind.ACTIVITY_LOG, InputKind.AUTO])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=JSON, kind=KINDS, as_text=st.booleans())
def test_any_json_gives_a_plan_or_an_input_error(body, kind, as_text):
    inp = InspectionInput(kind=kind, body=json.dumps(body) if as_text else body)
    try:
        p = understand(inp)
    except InputError as exc:
        assert exc.kind in {"wrong_type", "invalid_json", "too_deep", "too_large", "empty_input", "not_understood"}
        return
    assert isinstance(p, InspectionPlan)
    InspectionPlan.model_validate_json(p.model_dump_json())  # the plan always serialises
