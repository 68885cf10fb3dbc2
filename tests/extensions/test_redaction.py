"""No secret from azure-payloads.md "Secrets to redact" leaves a plan, in any request shape.

Script content is the one place a secret may stay (it is scanned and shown only to authorised
readers), and PlannedUrl.url keeps SAS tokens because it is what gets fetched; everything else
the plan exposes (redacted_request, redacted URLs, findings, problems, context) must be clean.
"""

from __future__ import annotations

import json

import pytest

from inspector.extensions import InputKind, InspectionPlan
from inspector.redact import redact_identity, redact_json

from tests.extensions.samples import (
    AAD_SECRET,
    BEARER,
    CALLER_IP,
    CRED_PASSWORD,
    DSC_SAS,
    ITEM_SECRET,
    PASSPHRASE,
    PROTECTED_PARAM,
    RUN_AS_PASSWORD,
    SAS_SIG,
    STORAGE_KEY,
    UPN,
    VMACCESS_PASSWORD,
    activity_event,
    cse_windows_benign,
    dsc_new_format,
    dsc_old_format_abuse,
    export_record,
    managed_run_command,
    plan,
)

COMMAND_PASSWORD = "Cmd-Line-P@ssw0rd"
PLANTED = (SAS_SIG, STORAGE_KEY, ITEM_SECRET, CRED_PASSWORD, PROTECTED_PARAM, RUN_AS_PASSWORD, VMACCESS_PASSWORD,
           AAD_SECRET, PASSPHRASE, BEARER, UPN, CALLER_IP, COMMAND_PASSWORD, "Alice Admin")


def exposed(p: InspectionPlan) -> str:
    """Everything a plan exposes except the code itself and the URL to fetch."""
    return p.model_dump_json(exclude={"scripts": {"__all__": {"content"}}, "urls": {"__all__": {"url"}}})


def leaked(p: InspectionPlan) -> list[str]:
    text = exposed(p)
    return [s for s in PLANTED if s in text]


def cse_with_every_secret():
    body = cse_windows_benign()
    protected = body["properties"]["protectedSettings"]
    protected["commandToExecute"] = (
        f"powershell -File configure-iis.ps1 -Password {COMMAND_PASSWORD} "
        f"& curl -H \"Authorization: Bearer {BEARER}\" https://x.blob.core.windows.net/c/b?sv=1&sig={SAS_SIG}"
    )
    protected["managedIdentity"] = {"clientId": "31b403aa-c364-4240-a7ff-d85fb6cd7232"}
    return body


def vmaccess():
    return {"publisher": "Microsoft.Compute", "type": "VMAccessAgent", "settings": {"username": "admin2"},
            "protectedSettings": {"password": VMACCESS_PASSWORD}}


def ade():
    return {"publisher": "Microsoft.Azure.Security", "type": "AzureDiskEncryptionForLinux",
            "settings": {"AADClientID": "11111111-2222-3333-4444-555555555555", "EncryptionOperation": "EnableEncryption"},
            "protectedSettings": {"AADClientSecret": AAD_SECRET, "AADClientCertificate": AAD_SECRET, "Passphrase": PASSPHRASE}}


SHAPES = {
    "cse": (cse_with_every_secret, InputKind.EXTENSION),
    "dsc_new": (dsc_new_format, InputKind.EXTENSION),
    "dsc_old": (lambda: {**dsc_old_format_abuse(), "settings": {**dsc_old_format_abuse()["settings"], "SasToken": DSC_SAS}},
                InputKind.EXTENSION),
    "vmaccess": (vmaccess, InputKind.EXTENSION),
    "ade": (ade, InputKind.EXTENSION),
    "managed_run_command": (lambda: managed_run_command(f"net user x {COMMAND_PASSWORD} /add"), InputKind.RUN_COMMAND),
    "run_command_params": (lambda: {"commandId": "RunPowerShellScript", "script": ["param($p)"],
                                    "parameters": [{"name": "adminPassword", "value": COMMAND_PASSWORD}]}, InputKind.RUN_COMMAND),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_no_secret_leaves_a_direct_request(name):
    build, kind = SHAPES[name]
    assert leaked(plan(build(), kind)) == []


@pytest.mark.parametrize("name", sorted(SHAPES))
@pytest.mark.parametrize("as_string", [True, False])
def test_no_secret_leaves_an_activity_log_event_carrying_the_request(name, as_string):
    build, _ = SHAPES[name]
    body = json.dumps(build()) if as_string else build()
    rest = plan(activity_event("Microsoft.Compute/virtualMachines/extensions/write", body), InputKind.ACTIVITY_LOG)
    export = plan({"records": [export_record("Microsoft.Compute/virtualMachines/extensions/write", body)]}, InputKind.ACTIVITY_LOG)
    assert leaked(rest) == [] and leaked(export) == []


def test_a_protected_command_stays_scannable_and_readable_with_its_secrets_scrubbed():
    p = plan(cse_with_every_secret())
    assert COMMAND_PASSWORD.encode() in p.scripts[0].content  # scanned as sent
    shown = p.redacted_request["properties"]["protectedSettings"]["commandToExecute"]
    assert shown.startswith("powershell -File configure-iis.ps1 -Password [REDACTED]")
    assert "Bearer [REDACTED]" in shown and "sig=[REDACTED]" in shown


def test_an_inline_script_holding_a_secret_is_dropped_from_the_redacted_request():
    from tests.extensions.samples import b64_gzip

    body = {"publisher": "Microsoft.Azure.Extensions", "type": "CustomScript",
            "protectedSettings": {"script": b64_gzip(f"echo 'root:{COMMAND_PASSWORD}' | chpasswd\n")}}
    p = plan(body)
    assert COMMAND_PASSWORD.encode() in p.scripts[0].content
    assert p.redacted_request["protectedSettings"]["script"] == "[REDACTED]"
    clean = {"publisher": "Microsoft.Azure.Extensions", "type": "CustomScript", "protectedSettings": {"script": b64_gzip("uptime\n")}}
    assert plan(clean).redacted_request["protectedSettings"]["script"] == clean["protectedSettings"]["script"]


def test_redact_json_keeps_the_shape_and_the_non_secrets():
    doc = {"settings": {"fileUris": ["https://a.example.org/x.ps1"], "timestamp": 5, "enabled": True},
           "protectedSettings": {"Items": {"k": "v", "n": 3}, "storageAccountKey": None}}
    out = redact_json(doc)
    assert out["settings"] == doc["settings"]
    assert out["protectedSettings"] == {"Items": {"k": "[REDACTED]", "n": "[REDACTED]"}, "storageAccountKey": None}


def test_redact_identity_keeps_object_ids_and_upn_domains_only():
    assert redact_identity("5b1d2c3e-4f50-6172-8394-a5b6c7d8e9f0") == "5b1d2c3e-4f50-6172-8394-a5b6c7d8e9f0"
    assert redact_identity("bob@fabrikam.com") == "[REDACTED]@fabrikam.com"
    assert redact_identity("Bob Smith") == "[REDACTED]"


def test_redact_json_bounds_depth():
    deep: dict = {}
    node = deep
    for _ in range(200):
        node["a"] = {}
        node = node["a"]
    out = redact_json(deep, max_depth=10)
    assert "[REDACTED]" in json.dumps(out)


def test_the_leak_check_sees_secrets_where_they_are_allowed_to_be():
    """Guards the tests above against passing vacuously: the fetch URL and script content do hold them."""
    p = plan(cse_with_every_secret())
    everything = p.model_dump_json(exclude={"scripts": {"__all__": {"content"}}})
    assert SAS_SIG in everything  # PlannedUrl.url, needed to fetch
    assert COMMAND_PASSWORD.encode() in p.scripts[0].content


def test_past_its_string_budget_redact_json_hides_whatever_could_hold_a_secret():
    doc = {"a": [f"--password=Secret{i}" for i in range(10)] + ["plain words"]}
    out = redact_json(doc, max_strings=3)
    assert out["a"][:3] == ["--password=[REDACTED]"] * 3
    assert out["a"][3:10] == ["[REDACTED]"] * 7
    assert out["a"][10] == "plain words"  # nothing in it could be a secret: kept


def test_plans_use_the_request_string_budget_for_redaction():
    from inspector.extensions import InputKind, InspectionInput, RequestLimits, understand

    body = {"publisher": "X", "type": "Y", "settings": {"env": [f"TOKEN=t{i}" for i in range(50)]}}
    p = understand(InspectionInput(kind=InputKind.EXTENSION, body=body), RequestLimits(max_request_strings=10))
    shown = p.redacted_request["settings"]["env"]
    assert all("t4" not in s for s in shown[10:]) and shown[-1] == "[REDACTED]"


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        ("net user backdoor P@ss1! /add", "net user backdoor [REDACTED] /add"),
        ("sshpass -p hunter2 ssh root@h", "sshpass -p [REDACTED] ssh root@h"),
        ("app.exe --password=abc -pass xyz", "app.exe --password=[REDACTED] -pass [REDACTED]"),
        ("$s = ConvertTo-SecureString 'Sup3r!' -AsPlainText -Force", "$s = ConvertTo-SecureString '[REDACTED]' -AsPlainText -Force"),
        ("echo 'bob:S3cret' | chpasswd", "echo 'bob:[REDACTED]' | chpasswd"),
        ("echo hunter3 | passwd --stdin root", "echo [REDACTED] | passwd --stdin root"),
        ("export GITHUB_TOKEN=ghp_abc123", "export GITHUB_TOKEN=[REDACTED]"),
        ("Publish-Module -NuGetApiKey oy2abc", "Publish-Module -NuGetApiKey [REDACTED]"),
        # what is clearly not a secret stays readable
        ("mkdir -p /opt/app && ssh -p 22 host", "mkdir -p /opt/app && ssh -p 22 host"),
        ("docker run -p 8080:80 nginx", "docker run -p 8080:80 nginx"),
        ("New-LocalUser -Name a -Password $pw", "New-LocalUser -Name a -Password $pw"),
        ("net user x /add", "net user x /add"),
    ],
)
def test_command_line_secrets_are_scrubbed_in_text(command, shown):
    from inspector.redact import redact_text

    assert redact_text(command) == shown


def test_activity_log_authorization_scope_stays_but_an_authorization_header_does_not():
    out = redact_json({"authorization": {"action": "Microsoft.Compute/virtualMachines/extensions/write", "scope": "/subscriptions/x"},
                       "headers": {"Authorization": f"Bearer {BEARER}"}})
    assert out["authorization"]["action"] == "Microsoft.Compute/virtualMachines/extensions/write"
    assert out["headers"]["Authorization"] == "[REDACTED]"


def test_the_literal_prefilters_say_exactly_what_substring_tests_say():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from inspector import redact

    alphabet = st.sampled_from(list("abcdeiknoprstuwyBEKPSTY=:-/ .\u212a\u0130"))
    texts = st.one_of(st.text(alphabet, max_size=40), st.text(max_size=40))

    @settings(max_examples=500, deadline=None)
    @given(texts)
    def check(text: str) -> None:
        low = text.lower()
        assert redact._might_hold_secret(text) == any(hint in low for hint in redact._SECRET_HINTS)
        for shape in redact._SHAPES:
            assert (shape.hint_search.search(low) is not None) == any(hint in low for hint in shape.hints)

    check()


def test_under_protected_settings_only_known_readable_keys_stay_readable():
    out = redact_json({"properties": {"protectedSettings": {
        "commandToExecute": "powershell -File run.ps1 -Password Hunter2x",
        "fileUris": ["https://a.example.org/run.ps1"], "username": "admin2",
        "gitToken": "Gt3Xq8Rz1Wk6Lm9N", "workspaceKey": "short", "vendorThing": {"nested": "v", "n": 3}}}})
    protected = out["properties"]["protectedSettings"]
    assert protected["commandToExecute"] == "powershell -File run.ps1 -Password [REDACTED]"
    assert protected["fileUris"] == ["https://a.example.org/run.ps1"] and protected["username"] == "admin2"
    assert protected["gitToken"] == protected["workspaceKey"] == "[REDACTED]"
    assert protected["vendorThing"] == {"nested": "[REDACTED]", "n": "[REDACTED]"}


@pytest.mark.parametrize("key", ["gitToken", "workspaceKey", "personalAccessToken", "primaryKey", "SharedAccessKey"])
def test_secret_named_keys_are_hidden_wherever_they_are(key):
    assert redact_json({"settings": {key: "Sk4Xq9Rz2Wk7"}}) == {"settings": {key: "[REDACTED]"}}
