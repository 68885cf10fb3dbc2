"""Sigma evaluation semantics: pySigma parses each rule (modifiers, `1 of`, `all of`, `not`,
null); the compiled predicates give the answers the Sigma specification does."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.sigma import EventKind, SigmaRules
from inspector.sigma.conditions import StringTest, evaluate, required_literals
from tests.sigma.helpers import compile_rules, rule_yaml

WIN = EventKind.WINDOWS_PROCESS


def one_rule(tmp_path: Path, detection: str, **kwargs: str) -> SigmaRules:
    rules = compile_rules(tmp_path, rule=rule_yaml(detection, **kwargs))
    assert len(rules.rules) == 1, rules.problems
    return rules


def matches(rules: SigmaRules, kind: EventKind = WIN, **fields: str) -> bool:
    return bool(rules.match(kind, {k.lower(): v for k, v in fields.items()}))


CASES = [
    # (detection, event fields, expected)
    ("sel:\n  CommandLine|contains: 'DownloadString'\ncondition: sel",
     {"CommandLine": "powershell iex (new-object net.webclient).downloadstring('x')"}, True),
    ("sel:\n  Image|endswith: '\\\\cmd.exe'\ncondition: sel", {"Image": "C:\\Windows\\System32\\CMD.EXE"}, True),
    ("sel:\n  Image|endswith: '\\\\cmd.exe'\ncondition: sel", {"Image": "C:\\cmd.exe.bak"}, False),
    ("sel:\n  CommandLine|startswith: 'net user'\ncondition: sel", {"CommandLine": "NET USER bob /add"}, True),
    ("sel:\n  CommandLine|startswith: 'net user'\ncondition: sel", {"CommandLine": "x net user"}, False),
    ("sel:\n  CommandLine: 'whoami'\ncondition: sel", {"CommandLine": "WHOAMI"}, True),
    ("sel:\n  CommandLine: 'whoami'\ncondition: sel", {"CommandLine": "whoami /all"}, False),
    ("sel:\n  CommandLine: 'who*i /a?l'\ncondition: sel", {"CommandLine": "whoAmI /all"}, True),
    ("sel:\n  CommandLine: 'who*i /a?l'\ncondition: sel", {"CommandLine": "whoami /aXXl"}, False),
    ("sel:\n  CommandLine|contains|all: ['-nop', 'hidden']\ncondition: sel",
     {"CommandLine": "powershell -nop -w hidden"}, True),
    ("sel:\n  CommandLine|contains|all: ['-nop', 'hidden']\ncondition: sel", {"CommandLine": "powershell -nop"}, False),
    ("sel:\n  CommandLine|contains: ['-nop', 'hidden']\ncondition: sel", {"CommandLine": "powershell -nop"}, True),
    ("sel:\n  CommandLine|windash|contains: ' -enc '\ncondition: sel", {"CommandLine": "powershell /enc AAAA"}, True),
    ("sel:\n  CommandLine|windash|contains: ' -enc '\ncondition: sel",
     {"CommandLine": "powershell \u2013enc AAAA"}, True),
    ("sel:\n  CommandLine|windash|contains: ' -enc '\ncondition: sel", {"CommandLine": "powershell enc AAAA"}, False),
    ("sel:\n  CommandLine|re: 'http://[0-9]+\\.'\ncondition: sel", {"CommandLine": "curl http://10.0.0.1/x"}, True),
    # Sigma regular expressions are case-sensitive unless the rule says `re|i`.
    ("sel:\n  CommandLine|re: 'HTTP://'\ncondition: sel", {"CommandLine": "curl http://a"}, False),
    ("sel:\n  CommandLine|re|i: 'HTTP://'\ncondition: sel", {"CommandLine": "curl http://a"}, True),
    ("sel:\n  CommandLine|cidr: '10.0.0.0/8'\ncondition: sel", {"CommandLine": "10.1.2.3"}, True),
    ("sel:\n  CommandLine|cidr: '10.0.0.0/8'\ncondition: sel", {"CommandLine": "192.168.0.1"}, False),
    ("sel:\n  CommandLine|base64offset|contains: 'http://'\ncondition: sel",
     {"CommandLine": "echo aHR0cDovL2V2aWwudGVzdA=="}, True),
    ("sel_a:\n  CommandLine|contains: 'alpha'\nsel_b:\n  CommandLine|contains: 'beta'\ncondition: 1 of sel_*",
     {"CommandLine": "x beta"}, True),
    ("sel_a:\n  CommandLine|contains: 'alpha'\nsel_b:\n  CommandLine|contains: 'beta'\ncondition: all of sel_*",
     {"CommandLine": "x beta"}, False),
    ("sel_a:\n  CommandLine|contains: 'alpha'\nsel_b:\n  CommandLine|contains: 'beta'\ncondition: all of them",
     {"CommandLine": "alpha beta"}, True),
    ("sel:\n  CommandLine|contains: 'certutil'\nfilter:\n  CommandLine|contains: 'verify'\n"
     "condition: sel and not filter", {"CommandLine": "certutil -verify x"}, False),
    ("sel:\n  CommandLine|contains: 'certutil'\nfilter:\n  CommandLine|contains: 'verify'\n"
     "condition: sel and not filter", {"CommandLine": "certutil -urlcache -f http://x"}, True),
    # `Field: null` holds when the event knows the field is empty; not when it does not know it.
    ("sel:\n  CommandLine|contains: 'rundll32'\nempty:\n  OriginalFileName: null\ncondition: sel and empty",
     {"CommandLine": "rundll32 x", "OriginalFileName": ""}, True),
    ("sel:\n  CommandLine|contains: 'rundll32'\nempty:\n  OriginalFileName: null\ncondition: sel and empty",
     {"CommandLine": "rundll32 x", "OriginalFileName": "RUNDLL32.EXE"}, False),
    ("sel:\n  CommandLine|contains: 'rundll32'\nempty:\n  OriginalFileName: null\ncondition: sel and empty",
     {"CommandLine": "rundll32 x"}, False),
    # A filter on a field this event does not carry might have excluded it: no match.
    ("sel:\n  CommandLine|contains: 'psexec'\nf:\n  OriginalFileName: 'psexec.c'\ncondition: sel and not f",
     {"CommandLine": "psexec \\\\h cmd"}, False),
    ("sel:\n  CommandLine|contains: 'psexec'\nf:\n  OriginalFileName: 'psexec.c'\ncondition: sel and not f",
     {"CommandLine": "psexec \\\\h cmd", "OriginalFileName": "cmd.exe"}, True),
    # Keywords (a list without a field) look at every value of the event.
    ("keywords:\n  - 'mimikatz'\ncondition: keywords", {"Image": "C:\\tools\\mimikatz.exe"}, True),
]


@pytest.mark.parametrize(("detection", "fields", "expected"), CASES)
def test_modifiers_and_conditions_follow_the_sigma_specification(
        tmp_path: Path, detection: str, fields: dict[str, str], expected: bool) -> None:
    rules = one_rule(tmp_path, detection)
    assert matches(rules, **fields) is expected


def test_a_positive_test_on_a_field_a_payload_cannot_show_never_matches(tmp_path: Path) -> None:
    # User is never known: `sel and user` cannot hold, so the rule is skipped, by name and reason.
    rules = compile_rules(tmp_path, rule=rule_yaml(
        "sel:\n  CommandLine|contains: 'whoami'\nuser:\n  User|contains: 'SYSTEM'\ncondition: sel and user"))
    assert rules.rules == ()
    [skipped] = rules.skipped
    assert "User" in skipped.reason and "test rule" in str(skipped)


def test_a_filter_on_a_field_a_payload_cannot_show_makes_the_rule_unusable(tmp_path: Path) -> None:
    # The filter might exclude any event (User is never known): matching anyway would be an
    # accident of the missing field, so the rule is skipped, named with the fields it needs.
    for field in ("User", "ParentCommandLine", "IntegrityLevel", "Hashes", "CurrentDirectory"):
        rules = compile_rules(tmp_path / field, rule=rule_yaml(
            f"sel:\n  CommandLine|contains: 'whoami'\nfilter:\n  {field}|contains: 'x'\ncondition: sel and not filter"))
        assert rules.rules == ()
        assert field in rules.skipped[0].reason


def test_a_null_test_on_a_field_a_payload_cannot_show_never_holds(tmp_path: Path) -> None:
    rules = compile_rules(tmp_path, rule=rule_yaml(
        "sel:\n  Image|endswith: '\\\\x.exe'\nempty:\n  ParentCommandLine: null\ncondition: sel and empty"))
    assert rules.rules == () and "ParentCommandLine" in rules.skipped[0].reason


def test_an_unknown_field_in_one_branch_leaves_the_other_branch(tmp_path: Path) -> None:
    rules = one_rule(tmp_path, "a:\n  Hashes|contains: 'IMPHASH=00'\nb:\n  CommandLine|contains: 'psexec'\n"
                               "condition: a or b")
    assert matches(rules, CommandLine="psexec \\\\host cmd")
    assert not matches(rules, CommandLine="IMPHASH=00")


def test_a_condition_true_without_any_known_field_is_skipped(tmp_path: Path) -> None:
    rules = compile_rules(tmp_path, rule=rule_yaml("sel:\n  User|contains: 'SYSTEM'\ncondition: not sel"))
    assert rules.rules == ()
    assert "User" in rules.skipped[0].reason
    everything = compile_rules(tmp_path / "e", rule=rule_yaml("sel:\n  CommandLine|contains: 'x'\n"
                                                               "f:\n  CommandLine|contains: 'x'\ncondition: sel or not f"))
    assert len(everything.rules) == 1  # not simplified away: both branches are real tests


def test_string_tests_choose_the_cheapest_equivalent_form() -> None:
    from sigma.types import SigmaString

    from inspector.sigma.conditions import string_test

    assert string_test(SigmaString("*abc*")) == StringTest("contains", "abc")
    assert string_test(SigmaString("abc*")).kind == "startswith"
    assert string_test(SigmaString("*ABC")) == StringTest("endswith", "abc")
    glob = string_test(SigmaString("a*bcd?e"))
    assert glob.kind == "glob" and glob.literal() == "bcd"


def test_required_literals_are_alternatives_for_or_and_the_most_selective_for_and(tmp_path: Path) -> None:
    rules = one_rule(tmp_path, "a:\n  CommandLine|contains: ['x1', 'x2']\nb:\n  Image|endswith: '\\\\longname.exe'\n"
                               "condition: a and b")
    assert rules.rules[0].literals == frozenset({"\\longname.exe"})
    negated = one_rule(tmp_path / "n", "a:\n  CommandLine|contains: 'x'\ncondition: not a")
    assert negated.rules[0].literals is None
    assert required_literals(negated.rules[0].predicate) is None


def test_evaluation_reads_the_compiled_predicate_only(tmp_path: Path) -> None:
    rules = one_rule(tmp_path, "sel:\n  CommandLine|contains: 'abc'\ncondition: sel")
    assert evaluate(rules.rules[0].predicate, {"commandline": "xxABCxx"}, 1.0)


def test_an_image_whose_folder_is_unknown_answers_only_what_its_name_decides(tmp_path: Path) -> None:
    from inspector.sigma.conditions import PARTIAL

    partial = {"image": PARTIAL + "\\pwsh.exe", "commandline": "pwsh -c x"}
    name = one_rule(tmp_path / "a", "sel:\n  Image|endswith: '\\\\pwsh.exe'\ncondition: sel")
    assert name.match(WIN, partial)
    other = one_rule(tmp_path / "b", "sel:\n  Image|endswith: '\\\\cmd.exe'\ncondition: sel")
    assert not other.match(WIN, partial)
    # "pwsh outside its usual folder" cannot be decided without the folder: no match.
    anomaly = one_rule(tmp_path / "c", "sel:\n  Image|endswith: '\\\\pwsh.exe'\n"
                                      "f:\n  Image|startswith: 'C:\\\\Program Files\\\\'\ncondition: sel and not f")
    assert not anomaly.match(WIN, partial)
    assert anomaly.match(WIN, {"image": "C:\\Users\\x\\pwsh.exe", "commandline": "pwsh"})
    full = one_rule(tmp_path / "d", "sel:\n  Image: 'C:\\\\Program Files\\\\PowerShell\\\\7\\\\pwsh.exe'\n"
                                   "condition: not sel")
    assert not full.match(WIN, partial)  # it could be that very path
