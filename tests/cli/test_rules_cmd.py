"""`inspector rules check` and `inspector rules list`: the rule folders and the detection catalog."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.timing import GIVE_UP_S

BIN = Path(sys.executable).parent / "inspector"
DOC = Path(__file__).resolve().parents[2] / "docs" / "detection.md"


def run(*args: str, extra_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    if extra_dir is not None:
        env["INSPECTOR_SIGNATURE_DIRS"] = str(extra_dir)
    return subprocess.run([str(BIN), "rules", *args], capture_output=True, text=True, env=env, timeout=GIVE_UP_S)


def test_list_json_prints_one_detection_per_line_of_every_source() -> None:
    done = run("list", "--json")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    sources = {r["source"] for r in records}
    assert {"heuristic", "yara", "pe", "elf", "structure", "reputation", "deobfuscation"} <= sources
    gpu = next(r for r in records if r["id"] == "structure.gpu.non_gpu_vm_size")
    assert gpu["alert_types"][0] == "VM_GPUExtensionSuspiciousFailure" and gpu["attack"] == ["T1496"]


def test_list_filters_by_source_and_shows_operator_rules(tmp_path: Path) -> None:
    (tmp_path / "op.yar").write_text('rule op_rule { meta: id = "yara.op.rule" score = 300 '
                                     'description = "an operator rule" strings: $a = "zzqq" condition: $a }\n')
    done = run("list", "--source", "yara", extra_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith("yara.op.rule ") for line in lines)
    assert all(" yara " in line for line in lines)


def test_list_markdown_is_the_reference_in_docs_detection_md() -> None:
    done = run("list", "--markdown")
    assert done.returncode == 0, done.stderr
    assert done.stdout in DOC.read_text(encoding="utf-8")


def test_a_broken_rule_file_is_named_and_fails_both_commands(tmp_path: Path) -> None:
    (tmp_path / "broken.yar").write_text("rule broken { condition: }\n")
    for command in ("check", "list"):
        done = run(command, extra_dir=tmp_path)
        assert done.returncode == 1 and "broken.yar" in done.stderr, command


def test_check_names_skipped_and_broken_sigma_rules(tmp_path: Path) -> None:
    from tests.sigma.helpers import rule_yaml

    (tmp_path / "good.yml").write_text(rule_yaml("sel:\n  CommandLine|contains: 'whoami'\ncondition: sel"))
    (tmp_path / "hashes.yml").write_text(rule_yaml("sel:\n  Hashes|contains: 'IMPHASH='\ncondition: sel",
                                                   title="needs hashes"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    done = subprocess.run([str(BIN), "rules", "check"], capture_output=True, text=True, timeout=GIVE_UP_S,
                          env={**env, "INSPECTOR_SIGMA_DIRS": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert "hashes.yml (needs hashes): needs fields a payload cannot show: Hashes" in done.stdout
    assert "sigma: 1 rules evaluated" in done.stdout

    (tmp_path / "broken.yml").write_text("title: [\n")
    done = subprocess.run([str(BIN), "rules", "check"], capture_output=True, text=True, timeout=GIVE_UP_S,
                          env={**env, "INSPECTOR_SIGMA_DIRS": str(tmp_path)})
    assert done.returncode == 1 and "broken.yml" in done.stderr


def test_check_compiles_rules_reading_the_community_externals(tmp_path: Path) -> None:
    (tmp_path / "ext_vars.yar").write_text('rule by_name { condition: filename == "x.exe" and filepath contains "\\\\" '
                                           'and extension == ".exe" and filetype == "EXE" and owner == "" }\n')
    done = run("check", extra_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_check_counts_the_rules_of_a_file_left_out(tmp_path: Path) -> None:
    (tmp_path / "thor_only.yar").write_text('rule a { condition: true }\nrule b { condition: md5 == "0" }\n')
    done = run("check", extra_dir=tmp_path)
    assert done.returncode == 1
    assert 'thor_only.yar:2: undefined identifier "md5" (2 rules left out)' in done.stderr
    assert "1 of " in done.stderr and "files left out, declaring 2 rules" in done.stderr
