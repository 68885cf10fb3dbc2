"""Analyzers are found by module name: a new analyzer is one file in inspector/analyzers/ plus its test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from inspector.analyzers import ANALYZER_MODULES, ANALYZERS, build_analyzers, discover_analyzer_modules
from inspector.config import Settings
from inspector.detections import DETECTIONS


def test_the_builtin_analyzers_run_in_their_declared_order() -> None:
    assert [a.name for a in ANALYZERS] == ["urls", "pe", "elf", "embedded", "type_mismatch", "heuristics"]
    orders = [m.RUN_ORDER for m in ANALYZER_MODULES]
    assert orders == sorted(orders)


def test_rule_analyzers_are_built_from_the_ruleset_not_found_here() -> None:
    names = {m.__name__.rsplit(".", 1)[1] for m in ANALYZER_MODULES}
    assert "yara_scan" not in names and "sigma" not in names


def test_every_found_analyzers_detections_are_in_the_catalog() -> None:
    for module in ANALYZER_MODULES:
        for heuristic in getattr(module, "DETECTIONS", ()):
            assert DETECTIONS.get(heuristic.id) is not None, heuristic.id


def test_settings_reach_every_found_analyzer() -> None:
    assert [a.name for a in build_analyzers(Settings())] == [a.name for a in ANALYZERS]


def test_a_new_module_is_picked_up_by_its_name_and_run_in_its_order(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "more_analyzers"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "shared_helpers.py").write_text("HELPER = 1\n")
    (package / "zeta.py").write_text("RUN_ORDER = 1\ndef analyzers_for(settings):\n    return ()\n")
    (package / "alpha.py").write_text("RUN_ORDER = 5\ndef analyzers_for(settings):\n    return ()\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        found = discover_analyzer_modules("more_analyzers")
    finally:
        for name in [n for n in sys.modules if n.startswith("more_analyzers")]:
            del sys.modules[name]
    assert [m.__name__ for m in found] == ["more_analyzers.zeta", "more_analyzers.alpha"]
