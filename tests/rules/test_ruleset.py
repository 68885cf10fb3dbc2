"""The YARA engine compiles rule folders once, versions them, and isolates broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.rules.ruleset import compile_ruleset, meta_of
from inspector.rules.paths import builtin_signature_dir

GOOD_RULE = """
rule operator_rule {
    meta:
        id = "op.test.marker"
        score = 450
        attack = "T1059.001, T1105"
        description = "operator marker"
    strings:
        $a = "OPERATOR-MARKER-1234"
    condition:
        $a
}
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text)
    return path


def test_builtin_pack_compiles_without_errors() -> None:
    ruleset = compile_ruleset([builtin_signature_dir()])
    assert ruleset.errors == []
    assert ruleset.rule_count >= 3
    assert len(ruleset.version) == 16


def test_operator_rule_with_only_the_documented_meta_keys_is_used(tmp_path: Path) -> None:
    write(tmp_path, "op.yar", GOOD_RULE)
    ruleset = compile_ruleset([tmp_path])
    matches = ruleset.rules.match(data=b"xx OPERATOR-MARKER-1234 xx")
    assert [m.rule for m in matches] == ["operator_rule"]
    meta = meta_of(matches[0].rule, matches[0].meta)
    assert (meta.id, meta.score, meta.attack) == ("op.test.marker", 450, ("T1059.001", "T1105"))


def test_a_broken_file_is_reported_with_path_and_line_and_the_others_still_load(tmp_path: Path) -> None:
    write(tmp_path, "good.yar", GOOD_RULE)
    bad = write(tmp_path, "bad.yar", "rule ok { condition: true }\n\nrule broken {\n  condition: $missing\n}\n")
    ruleset = compile_ruleset([tmp_path])
    assert ruleset.rule_count == 1
    assert len(ruleset.errors) == 1
    assert ruleset.errors[0].path == str(bad)
    assert ruleset.errors[0].line in (4, 5)  # YARA reports the end of the condition
    assert "undefined string" in ruleset.errors[0].message


def test_version_is_the_hash_of_the_sources(tmp_path: Path) -> None:
    write(tmp_path, "op.yar", GOOD_RULE)
    first = compile_ruleset([tmp_path]).version
    assert compile_ruleset([tmp_path]).version == first
    write(tmp_path, "op.yar", GOOD_RULE.replace("450", "451"))
    assert compile_ruleset([tmp_path]).version != first


def test_meta_defaults_keep_a_bare_rule_usable() -> None:
    meta = meta_of("bare", {})
    assert (meta.id, meta.score, meta.attack) == ("yara.bare", 100, ())
    assert meta_of("odd", {"score": "high"}).score == 100


def test_compiled_rules_round_trip_through_bytes_for_workers(tmp_path: Path) -> None:
    from inspector.rules.ruleset import load_compiled

    write(tmp_path, "op.yar", GOOD_RULE)
    rules = load_compiled(compile_ruleset([tmp_path]).to_bytes())
    assert rules is not None and rules.match(data=b"OPERATOR-MARKER-1234")


@pytest.mark.parametrize("name", ["notes.txt", "README.md"])
def test_only_yar_files_are_rules(tmp_path: Path, name: str) -> None:
    write(tmp_path, name, "this is not a rule")
    assert compile_ruleset([tmp_path]).errors == []


def test_sources_digest_changes_with_any_rule_file(tmp_path: Path) -> None:
    from inspector.rules.ruleset import sources_digest

    write(tmp_path, "op.yar", GOOD_RULE)
    first = sources_digest([tmp_path])
    assert sources_digest([tmp_path]) == first
    write(tmp_path, "broken.yar", "rule broken {")
    assert sources_digest([tmp_path]) != first


EXTERNALS_RULE = """
rule reads_every_external {
    condition:
        filename == "deploy.ps1" and filepath contains "tools/" and extension == ".ps1"
        and filetype == "PS1" and owner == ""
}
"""
DEPLOY = {"filename": "deploy.ps1", "filepath": "pkg/tools/deploy.ps1", "extension": ".ps1",
          "filetype": "PS1", "owner": ""}


def test_rules_reading_the_community_externals_compile_and_match_by_the_values_given(tmp_path: Path) -> None:
    write(tmp_path, "ext_vars.yar", EXTERNALS_RULE)
    ruleset = compile_ruleset([tmp_path])
    assert ruleset.errors == [] and ruleset.rule_count == 1 and ruleset.reads_file_names
    assert [m.rule for m in ruleset.rules.match(data=b"x", externals=DEPLOY)] == ["reads_every_external"]
    assert ruleset.rules.match(data=b"x") == []  # the neutral defaults match nothing here
    assert ruleset.rules.match(data=b"x", externals={**DEPLOY, "filetype": "SH"}) == []


def test_the_externals_survive_the_compiled_bytes_workers_load(tmp_path: Path) -> None:
    from inspector.rules.ruleset import load_compiled

    write(tmp_path, "ext_vars.yar", EXTERNALS_RULE)
    rules = load_compiled(compile_ruleset([tmp_path]).to_bytes())
    assert rules is not None and [m.rule for m in rules.match(data=b"x", externals=DEPLOY)] == ["reads_every_external"]


def test_another_undefined_identifier_leaves_out_that_file_only_and_counts_its_rules(tmp_path: Path) -> None:
    write(tmp_path, "good.yar", GOOD_RULE)
    write(tmp_path, "ext_vars.yar", EXTERNALS_RULE)
    bad = write(tmp_path, "thor_only.yar", 'rule a { condition: true }\nrule b { condition: md5 == "x" }\n'
                                           'private rule c { condition: true }\n')
    ruleset = compile_ruleset([tmp_path])
    assert ruleset.rule_count == 2
    [error] = ruleset.errors
    assert (error.path, error.line, error.message, error.rules) == (str(bad), 2, 'undefined identifier "md5"', 3)
    assert ruleset.skipped_rules == 3


def test_a_pack_without_name_rules_says_so(tmp_path: Path) -> None:
    write(tmp_path, "op.yar", GOOD_RULE.replace('description = "operator marker"', 'filename = "dropper.exe"'))
    assert not compile_ruleset([tmp_path]).reads_file_names


def test_the_version_changes_with_the_externals_mapping(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import inspector.rules.ruleset as ruleset_module

    write(tmp_path, "op.yar", GOOD_RULE)
    first = compile_ruleset([tmp_path]).version
    monkeypatch.setattr(ruleset_module, "MAPPING_VERSION", "next")
    assert compile_ruleset([tmp_path]).version != first
