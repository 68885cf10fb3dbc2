"""The compiled matcher is kept on disk by the rules' bytes and the engine's code: reused when
nothing changed, recompiled when a rule did, ignored when unreadable, bounded in entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.sigma import EventKind, cache, compile_sigma
from inspector.sigma import rules as sigma_rules
from tests.sigma.helpers import rule_yaml

WHOAMI = rule_yaml("sel:\n  CommandLine|contains: 'whoami'\ncondition: sel", rule_id="8d3c7a2e-0000-4000-8000-000000000001")


def rules_folder(root: Path, text: str = WHOAMI) -> Path:
    folder = root / "rules"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "r.yml").write_text(text)
    return folder


def no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> list[object]:
        raise AssertionError("compiled although the cache holds these rules")

    monkeypatch.setattr(sigma_rules, "_compile_file", refuse)


def test_the_same_rules_come_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = rules_folder(tmp_path)
    first = compile_sigma([folder], cache_dir=tmp_path / "data")
    no_compiling(monkeypatch)
    again = compile_sigma([folder], cache_dir=tmp_path / "data")
    assert again.version == first.version and [r.id for r in again.rules] == [r.id for r in first.rules]
    assert again.match(EventKind.WINDOWS_PROCESS, {"commandline": "whoami /all", "image": "x"})


def test_a_changed_rule_is_compiled_again(tmp_path: Path) -> None:
    folder = rules_folder(tmp_path)
    first = compile_sigma([folder], cache_dir=tmp_path / "data")
    (folder / "r.yml").write_text(WHOAMI.replace("whoami", "certutil"))
    changed = compile_sigma([folder], cache_dir=tmp_path / "data")
    assert changed.version != first.version
    assert changed.match(EventKind.WINDOWS_PROCESS, {"commandline": "certutil -f", "image": "x"})


def test_a_broken_cache_entry_is_ignored(tmp_path: Path) -> None:
    folder = rules_folder(tmp_path)
    compile_sigma([folder], cache_dir=tmp_path / "data")
    for entry in (tmp_path / "data" / cache.CACHE_FOLDER).glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    rules = compile_sigma([folder], cache_dir=tmp_path / "data")
    assert len(rules.rules) == 1


def test_a_broken_rule_is_still_named_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = rules_folder(tmp_path)
    (folder / "bad.yml").write_text("title: [unclosed\n")
    first = compile_sigma([folder], cache_dir=tmp_path / "data")
    no_compiling(monkeypatch)
    again = compile_sigma([folder], cache_dir=tmp_path / "data")
    assert [str(p) for p in again.errors] == [str(p) for p in first.errors] and again.errors


def test_only_the_newest_entries_are_kept(tmp_path: Path) -> None:
    for i in range(cache.KEEP_ENTRIES + 2):
        compile_sigma([rules_folder(tmp_path / str(i), WHOAMI.replace("whoami", f"tool{i}"))],
                      cache_dir=tmp_path / "data")
    assert len(list((tmp_path / "data" / cache.CACHE_FOLDER).glob("*.pickle"))) == cache.KEEP_ENTRIES


def test_without_a_cache_folder_nothing_is_written(tmp_path: Path) -> None:
    compile_sigma([rules_folder(tmp_path)])
    assert not (tmp_path / "data").exists()
