"""Sigma folders compile once into a prefiltered matcher: problems are named and isolated, the
version follows the files' bytes, and the prefilter never changes an answer."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.config import Settings
from inspector.model import DetectionSource
from inspector.sigma import LEVEL_SCORES, EventKind, SigmaRules, compile_sigma
from inspector.sigma.conditions import evaluate
from tests.sigma.helpers import SHARED_SIGMA, compile_rules, rule_yaml

RULE_ID = "5d7a3c0e-9f3b-4c1e-8a55-0123456789ab"


def test_a_broken_rule_is_named_and_the_others_still_load(tmp_path: Path) -> None:
    rules = compile_rules(
        tmp_path,
        good=rule_yaml("sel:\n  CommandLine|contains: 'whoami'\ncondition: sel"),
        broken=rule_yaml("sel:\n  CommandLine|contains: 'x'\ncondition: sel and missing_selection"),
        not_yaml="title: [unclosed\n",
    )
    assert len(rules.rules) == 1
    broken = {Path(p.path).name for p in rules.errors}
    assert broken == {"broken.yml", "not_yaml.yml"}
    assert all(p.reason.startswith("does not parse") for p in rules.errors)


def test_rules_for_sources_a_payload_cannot_show_are_skipped_with_their_reason(tmp_path: Path) -> None:
    rules = compile_rules(
        tmp_path,
        module=rule_yaml("sel:\n  Payload|contains: 'x'\ncondition: sel", category="ps_module"),
        mac=rule_yaml("sel:\n  CommandLine|contains: 'x'\ncondition: sel", product="macos"),
    )
    assert rules.rules == () and rules.errors == ()
    reasons = sorted(p.reason for p in rules.skipped)
    assert reasons == ["PowerShell module logging (Payload, ContextInfo) is not reconstructed from a script",
                       "no Azure VM extension runs on macOS"]


def test_the_version_changes_with_any_rule_file_and_only_then(tmp_path: Path) -> None:
    detection = "sel:\n  CommandLine|contains: 'whoami'\ncondition: sel"
    first = compile_rules(tmp_path, a=rule_yaml(detection, rule_id=RULE_ID))
    again = compile_sigma([tmp_path])
    changed = compile_rules(tmp_path, a=rule_yaml(detection, rule_id=RULE_ID, level="low"))
    assert first.version == again.version != changed.version
    assert compile_sigma([]).version == ""


def test_level_sets_the_score_and_hunting_rules_never_score_above_low(tmp_path: Path) -> None:
    detection = "sel:\n  CommandLine|contains: 'whoami'\ncondition: sel"
    rules = compile_rules(tmp_path / "rules", **{lvl: rule_yaml(detection, level=lvl) for lvl in LEVEL_SCORES})
    assert {r.level: r.score for r in rules.rules} == LEVEL_SCORES
    suspicious = Settings().suspicious_threshold
    assert all(r.score < suspicious for r in rules.rules if r.level != "critical")
    assert LEVEL_SCORES["critical"] >= suspicious
    hunting = compile_rules(tmp_path / "rules-threat-hunting", crit=rule_yaml(detection, level="critical"))
    assert hunting.rules[0].hunting and hunting.rules[0].score == LEVEL_SCORES["low"] < suspicious


def test_each_rule_is_a_catalog_entry_with_its_attribution(tmp_path: Path) -> None:
    rules = compile_rules(tmp_path, a=rule_yaml("sel:\n  CommandLine|contains: 'whoami'\ncondition: sel",
                                                rule_id=RULE_ID, title="Whoami run"))
    [entry] = rules.detections()
    assert entry.id == f"sigma.{RULE_ID}" and entry.title == "Whoami run"
    assert entry.source is DetectionSource.SIGMA and entry.attack == ("T1059.001",) and entry.score == LEVEL_SCORES["high"]
    for part in (RULE_ID, "Whoami run", "level high", "Test Author", "https://example.test/reference"):
        assert part in entry.description


def test_the_compiled_rules_survive_pickling_for_worker_processes(tmp_path: Path) -> None:
    rules = compile_rules(tmp_path, a=rule_yaml("sel:\n  CommandLine|contains: 'whoami'\ncondition: sel"))
    copy = pickle.loads(pickle.dumps(rules))
    assert copy.version == rules.version
    assert copy.match(EventKind.WINDOWS_PROCESS, {"commandline": "WHOAMI /all"})


WORDS = ["whoami", "certutil", "-urlcache", "invoke", "bypass", "hidden", "cmd.exe", "\\temp\\", "net", "user"]
DETECTIONS = [
    "sel:\n  CommandLine|contains: 'certutil'\ncondition: sel",
    "sel:\n  CommandLine|contains|all: ['certutil', '-urlcache']\ncondition: sel",
    "sel:\n  Image|endswith: '\\\\cmd.exe'\nf:\n  CommandLine|contains: 'net'\ncondition: sel and not f",
    "a:\n  CommandLine|contains: 'invoke'\nb:\n  CommandLine|windash|contains: '-bypass'\ncondition: 1 of them",
    "a:\n  CommandLine|contains: 'hidden'\nb:\n  CommandLine|re: 'user\\s+net'\ncondition: all of them",
    "a:\n  CommandLine: 'net user*'\ncondition: a",
    "a:\n  CommandLine|contains: 'whoami'\nb:\n  ParentImage: null\ncondition: a and b",
    "a:\n  CommandLine|contains: 'temp'\ncondition: not a",
    "keywords:\n  - 'bypass'\ncondition: keywords",
]


@pytest.fixture(scope="module")
def mixed_rules(tmp_path_factory: pytest.TempPathFactory) -> SigmaRules:
    folder = tmp_path_factory.mktemp("mixed")
    return compile_rules(folder, **{f"r{i}": rule_yaml(d) for i, d in enumerate(DETECTIONS)})


@settings(max_examples=300, deadline=None)
@given(command=st.lists(st.sampled_from(WORDS + ["x", " ", "/"]), max_size=8).map(" ".join),
       image=st.sampled_from(["C:\\Windows\\System32\\cmd.exe", "C:\\x\\tool.exe", ""]),
       parent=st.sampled_from(["C:\\Windows\\System32\\cmd.exe", ""]))
def test_the_prefilter_never_changes_which_rules_match(
        mixed_rules: SigmaRules, command: str, image: str, parent: str) -> None:
    event = {"commandline": command, "image": image, "parentimage": parent}
    event = {k: v for k, v in event.items() if v}
    everything = [r for r in mixed_rules.rules if evaluate(r.predicate, event, 1.0)]
    assert mixed_rules.match(EventKind.WINDOWS_PROCESS, event) == everything


@pytest.mark.skipif(not SHARED_SIGMA.is_dir(), reason="the SigmaHQ snapshot ../shared/sigma is not present")
def test_the_sigmahq_snapshot_compiles_and_names_what_it_skips() -> None:
    rules = compile_sigma([SHARED_SIGMA / "rules", SHARED_SIGMA / "rules-emerging-threats",
                           SHARED_SIGMA / "rules-threat-hunting"])
    assert rules.errors == ()
    assert len(rules.rules) > 1000
    assert {r.kind for r in rules.rules} == set(EventKind)
    assert rules.unfiltered_count() < len(rules.rules) // 20
    assert all(p.reason for p in rules.skipped)


def test_script_block_rules_count_one_level_less_and_never_reach_the_suspicious_band_alone(tmp_path: Path) -> None:
    from inspector.sigma.rules import SCRIPT_BLOCK_LEVEL_SCORES

    detection = "sel:\n  ScriptBlockText|contains: 'Invoke-Mimikatz'\ncondition: sel"
    rules = compile_rules(tmp_path, **{lvl: rule_yaml(detection, level=lvl, category="ps_script")
                                       for lvl in SCRIPT_BLOCK_LEVEL_SCORES})
    scores = {r.level: r.score for r in rules.rules}
    assert scores == SCRIPT_BLOCK_LEVEL_SCORES
    assert scores["high"] < LEVEL_SCORES["high"] and scores["critical"] < Settings().suspicious_threshold
