"""Analyzers: per-artifact detections (heuristics, PE/ELF, embedded executables, ...).

Every module (or package) here that exports `analyzers_for(settings)` is found by its name when
this package is imported, and its analyzers run in the module's `RUN_ORDER` (then name order):
a new analyzer is one file here plus its test, no list to extend. Its `DETECTIONS` reach the
detection catalog the same way (`ANALYZER_MODULES`, read by inspector/detections/). The YARA
and Sigma analyzers (`yara_scan.py`, `sigma.py`) have no `analyzers_for`: the analysis engine
builds them from the active ruleset.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from inspector.stage import Analyzer, modules_of

if TYPE_CHECKING:
    from inspector.config import Settings


def discover_analyzer_modules(package: str = __name__) -> tuple[ModuleType, ...]:
    """Every module of `package` exporting `analyzers_for`, in (`RUN_ORDER`, name) order."""
    with_hook = [m for m in modules_of(package, subpackages=True) if callable(getattr(m, "analyzers_for", None))]
    return tuple(sorted(with_hook, key=lambda m: (getattr(m, "RUN_ORDER", 100), m.__name__)))


ANALYZER_MODULES: tuple[ModuleType, ...] = discover_analyzer_modules()


def build_analyzers(settings: Settings | None = None) -> tuple[Analyzer, ...]:
    """The analyzers with their limits from Settings (defaults without)."""
    return tuple(analyzer for module in ANALYZER_MODULES for analyzer in module.analyzers_for(settings))


ANALYZERS: tuple[Analyzer, ...] = build_analyzers()

__all__ = ["ANALYZERS", "ANALYZER_MODULES", "build_analyzers", "discover_analyzer_modules"]
