"""The analysis version changes with anything that can change what an analysis finds (rules,
analyzers, analysis settings, intel lists) and with nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from inspector.analysis.engine import AnalysisEngine
from inspector.analysis.version import analysis_version, code_digest
from inspector.analyzers.heuristics.intel import builtin_intel_dir
from inspector.config import Settings


@pytest.fixture
def intel(tmp_path: Path) -> Path:
    folder = tmp_path / "intel"
    shutil.copytree(builtin_intel_dir(), folder)
    return folder


@pytest.fixture(scope="module")
def engine() -> AnalysisEngine:
    return AnalysisEngine.build(None, Settings())


def version(engine: AnalysisEngine, intel: Path, ruleset: str = "r1",
            settings: dict[str, object] | None = None) -> str:
    return analysis_version(ruleset, engine, Settings.model_validate(settings or {}), intel_dir=intel)


def test_the_same_inputs_give_the_same_short_version(engine: AnalysisEngine, intel: Path) -> None:
    assert version(engine, intel) == version(engine, intel)
    assert len(version(engine, intel)) == 16


def test_it_changes_when_an_intel_list_changes(engine: AnalysisEngine, intel: Path) -> None:
    before = version(engine, intel)
    with (intel / "bad_domains.txt").open("a", encoding="utf-8") as handle:
        handle.write("newly-bad.example\n")
    assert version(engine, intel) != before


def test_it_changes_when_an_intel_list_is_added(engine: AnalysisEngine, intel: Path) -> None:
    before = version(engine, intel)
    (intel / "github_repos.txt").write_text("someone/tool\n", encoding="utf-8")
    assert version(engine, intel) != before


def test_it_changes_with_the_ruleset(engine: AnalysisEngine, intel: Path) -> None:
    assert version(engine, intel, ruleset="r2") != version(engine, intel)


def test_it_changes_when_an_analyzer_changes_its_version(engine: AnalysisEngine, intel: Path) -> None:
    class Bumped:
        name, version = engine.analyzers()[-1].name, "999"

    last_stage = (*engine.stages[-1][:-1], Bumped())
    bumped = AnalysisEngine(stages=(*engine.stages[:-1], last_stage))  # type: ignore[arg-type]
    assert version(bumped, intel) != version(engine, intel)


@pytest.mark.parametrize("setting, value", [
    ("max_depth", 3), ("regex_timeout_s", 0.5), ("deobfuscate_max_children", 4), ("pe_max_imports", 10),
    ("heuristics_max_hosts", 5), ("unpack_max_ratio", 50.0), ("include_builtin_signatures", False),
])
def test_it_changes_when_an_analysis_setting_changes(engine: AnalysisEngine, intel: Path, setting: str,
                                                     value: object) -> None:
    assert version(engine, intel, settings={setting: value}) != version(engine, intel)


@pytest.mark.parametrize("setting, value", [
    ("port", 9090), ("api_workers", 3), ("fetch", False), ("log_level", "debug"), ("database_pool_size", 3),
    ("analysis_cache_memory_entries", 0), ("scan_deadline_s", 5.0), ("store_write_batch", 8),
    ("celery_queue", "other"), ("rescan_batch_size", 16), ("max_input_bytes", 4096),
])
def test_it_stays_when_a_setting_outside_the_analysis_changes(engine: AnalysisEngine, intel: Path,
                                                              setting: str, value: object) -> None:
    assert version(engine, intel, settings={setting: value}) == version(engine, intel)


def test_without_a_folder_it_reads_the_shipped_intel_lists(engine: AnalysisEngine) -> None:
    settings = Settings()
    assert analysis_version("r1", engine, settings) == analysis_version("r1", engine, settings,
                                                                        intel_dir=builtin_intel_dir())


def test_it_changes_with_the_analysis_code_even_when_no_analyzer_version_was_bumped(
        engine: AnalysisEngine, intel: Path) -> None:
    settings = Settings()
    one = analysis_version("r1", engine, settings, intel_dir=intel, code="aaaa")
    assert one == analysis_version("r1", engine, settings, intel_dir=intel, code="aaaa")
    assert one != analysis_version("r1", engine, settings, intel_dir=intel, code="bbbb")


def test_the_code_digest_follows_the_source_of_the_analysis_packages_only(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "analyzers").mkdir(parents=True)
    (package / "api").mkdir()
    (package / "analyzers" / "one.py").write_text("X = 1\n")
    (package / "api" / "routes.py").write_text("Y = 1\n")
    (package / "stage.py").write_text("Z = 1\n")
    parts = ("analyzers", "stage.py")
    before = code_digest(package, parts)
    (package / "api" / "routes.py").write_text("Y = 2\n")
    assert code_digest(package, parts) == before
    # A new root path defeats the per-process cache: the digest is read from the files.
    moved = tmp_path / "pkg2"
    shutil.copytree(package, moved)
    (moved / "analyzers" / "one.py").write_text("X = 2\n")
    assert code_digest(moved, parts) != before
    assert len(before) == 16


def test_the_installed_code_digest_is_stable_within_a_process() -> None:
    assert code_digest() == code_digest()
