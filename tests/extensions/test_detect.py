"""detect_input: what a file handed to the CLI is, by content."""

from __future__ import annotations

import json
import random

import pytest

from inspector.extensions import InputError, InputKind, detect_input, understand
from inspector.model import ArtifactType

from tests.extensions.samples import activity_event, cse_windows_benign, managed_run_command, run_command_benign


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (cse_windows_benign(), InputKind.EXTENSION),
        (cse_windows_benign()["properties"], InputKind.EXTENSION),
        (run_command_benign(), InputKind.RUN_COMMAND),
        (managed_run_command("id"), InputKind.RUN_COMMAND),
        (managed_run_command("id")["properties"], InputKind.RUN_COMMAND),
        (activity_event("Microsoft.Compute/virtualMachines/extensions/write", None), InputKind.ACTIVITY_LOG),
        ({"records": []}, InputKind.ACTIVITY_LOG),
        ([activity_event("Microsoft.Compute/virtualMachines/runCommand/action", None)], InputKind.ACTIVITY_LOG),
    ],
)
def test_json_is_classified_by_shape_not_by_name(body, kind):
    inp = detect_input(json.dumps(body).encode(), filename="upload.txt")
    assert inp.kind is kind and inp.body == body


def test_unknown_json_is_a_file_scanned_as_text():
    data = b'{"name": "package", "version": "1.0.0"}'
    inp = detect_input(data, "package.json")
    assert inp.kind is InputKind.FILE and inp.content == data and inp.language is ArtifactType.JSON
    p = understand(inp)
    assert p.scripts[0].content == data


def test_powershell_starting_with_a_bracket_is_a_script_not_broken_json():
    data = b"[CmdletBinding()]\nparam([string]$Name)\nWrite-Host $Name\n"
    inp = detect_input(data, None)
    assert inp.kind is InputKind.SCRIPT
    assert detect_input(b"[string]$x = 'a'\n", "a.ps1").language is ArtifactType.POWERSHELL


def test_scripts_get_a_language_hint_from_their_name():
    assert detect_input(b"#!/bin/sh\necho hi\n", "install.sh").language is ArtifactType.SHELL
    assert detect_input(b"@echo off\r\nnet user\r\n", "run.CMD").language is ArtifactType.CMD
    assert detect_input(b"echo hi\n", None).language is None


def test_utf16_script_is_text():
    assert detect_input("Write-Host 'hi'\r\n".encode("utf-16"), "x.ps1").kind is InputKind.SCRIPT


def test_binary_is_a_file():
    inp = detect_input(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" * 10, "tool.exe")
    assert inp.kind is InputKind.FILE


def test_truncated_json_is_invalid_json():
    with pytest.raises(InputError) as err:
        detect_input(json.dumps(cse_windows_benign()).encode()[:-40], "ext.json")
    assert err.value.kind == "invalid_json"


def test_deeply_nested_json_is_too_deep():
    with pytest.raises(InputError) as err:
        detect_input(b'{"a":' + b"[" * 10_000 + b"]" * 10_000 + b"}")
    assert err.value.kind == "too_deep"


def test_ten_megabytes_of_garbage_is_scanned_whole_or_refused_with_a_clear_error():
    garbage = random.Random(20261129).randbytes(10 * 1024 * 1024)
    inp = detect_input(garbage, "blob.bin")
    assert inp.kind in (InputKind.FILE, InputKind.SCRIPT)  # random bytes sit near the text/binary line
    p = understand(inp)
    assert p.scripts[0].content == garbage and p.scripts[0].role.value == "submitted"
    with pytest.raises(InputError) as err:
        detect_input(b'{"' + garbage)
    assert err.value.kind in ("invalid_json", "too_deep")


def test_json_lines_archive_of_activity_log_records():
    from tests.extensions.samples import export_record, run_command_add_admin

    lines = [export_record("Microsoft.Compute/virtualMachines/runCommand/action", run_command_add_admin(), result="Start"),
             export_record("Microsoft.Compute/virtualMachines/runCommand/action", None, result="Success")]
    data = "\n".join(json.dumps(line) for line in lines).encode() + b"\n"
    inp = detect_input(data, "PT1H.json")
    assert inp.kind is InputKind.ACTIVITY_LOG and len(inp.body) == 2
    p = understand(inp)
    assert p.scripts[0].origin == "[0].requestbody.script" and p.context.status == "Success"


def test_two_lines_of_broken_json_are_still_invalid_json():
    with pytest.raises(InputError) as err:
        detect_input(b'{"a": 1}\n{"b": \n')
    assert err.value.kind == "invalid_json"


def test_utf16_json_saved_by_powershell_is_understood():
    data = json.dumps(cse_windows_benign(), indent=2).encode("utf-16")  # BOM + UTF-16 LE
    inp = detect_input(data, "ext.json")
    assert inp.kind is InputKind.EXTENSION and inp.body == cse_windows_benign()
