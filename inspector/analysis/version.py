"""The analysis version: everything besides the bytes that decides what an analysis finds.

Analyses are reused under it: the live path's cached trees (`inspector.pipeline`, keyed per
root by `tree_cache.tree_key`) and the per-artifact results of full rescans
(`inspector.rescan.scanner`). One function computes it for both, so a change to the rules, an
analyzer, an analysis setting or an intel list makes both analyse again.

An analyzer's hand-kept `version` is easy to forget (several analyzers changed behaviour with
their version left at "1"), and a stale cached tree after an upgrade is a wrong verdict, so the
version also hashes the source of every package that decides what an analysis finds.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from inspector.analysis.engine import AnalysisEngine
from inspector.analyzers.heuristics.intel import builtin_intel_dir
from inspector.config import Settings

# Settings that change where or how the service runs, not what an analysis finds.
_NOT_ANALYSIS_SETTINGS = ("host", "port", "data_dir", "api_", "console_", "log_", "fetch", "github_", "database",
                          "broker", "webhook", "events", "engine", "retention", "auto_rescan", "analysis_cache",
                          "scan_deadline_s", "rescan", "blob", "max_input_bytes", "store_", "celery_")


# The parts of the `inspector` package whose code decides what an analysis finds (not the
# service, store, console or request reading around it).
ANALYSIS_CODE = ("analysis", "analyzers", "commands", "deobfuscate", "rules", "sigma", "unpack", "stage.py",
                 "model.py")
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def code_digest(root: Path = _PACKAGE_ROOT, parts: tuple[str, ...] = ANALYSIS_CODE) -> str:
    """A short hash of the Python source under `parts` of the package at `root`."""
    return _code_digest(root, parts)


@functools.lru_cache(maxsize=4)  # the source does not change while a process runs
def _code_digest(root: Path, parts: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        place = root / part
        files = [place] if place.is_file() else sorted(place.rglob("*.py"))
        for path in files:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def analysis_version(ruleset_version: str, engine: AnalysisEngine, settings: Settings,
                     intel_dir: Path | None = None, code: str | None = None) -> str:
    """A short hash of the ruleset version, every stage's name and version, the analysis code
    (`code_digest()` unless `code` is given), the analysis settings and the intel lists
    (`signatures/intel/` unless `intel_dir` is given)."""
    digest = hashlib.sha256()
    digest.update(f"rules {ruleset_version}\n".encode())
    digest.update(f"code {code if code is not None else code_digest()}\n".encode())
    for analyzer in sorted(f"{a.name}:{a.version}" for a in engine.analyzers()):
        digest.update(f"stage {analyzer}\n".encode())
    digest.update(f"settings {analysis_settings_digest(settings)}\n".encode())
    folder = intel_dir if intel_dir is not None else builtin_intel_dir()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix().encode()
        digest.update(b"intel " + name + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def analysis_settings_digest(settings: Settings) -> str:
    """A short hash of the settings that can change what an analysis finds (its limits)."""
    relevant = {k: v for k, v in settings.model_dump(mode="json").items() if not k.startswith(_NOT_ANALYSIS_SETTINGS)}
    return hashlib.sha256(json.dumps(relevant, sort_keys=True, default=str).encode()).hexdigest()[:16]
