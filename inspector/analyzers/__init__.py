"""Analyzers: per-artifact detections (heuristics, PE/ELF, embedded executables, ...).

`ANALYZERS` is the registry the pipeline runs on every artifact after unpacking and
deobfuscation. A new analyzer is one file here and one line below. The YARA analyzer is built
by the pipeline from the active ruleset.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inspector.stage import Analyzer
from inspector.analyzers.binary_common import BinaryLimits
from inspector.analyzers.elf import ElfAnalyzer
from inspector.analyzers.embedded import EmbeddedExecutableAnalyzer
from inspector.analyzers.heuristics import build_heuristic_analyzers
from inspector.analyzers.pe import PeAnalyzer
from inspector.analyzers.type_mismatch import TypeMismatchAnalyzer
from inspector.analyzers.urls import UrlExtractor

if TYPE_CHECKING:
    from inspector.config import Settings


def build_analyzers(settings: Settings | None = None) -> tuple[Analyzer, ...]:
    """The analyzers with their limits from Settings (defaults without)."""
    binary = BinaryLimits.from_settings(settings) if settings is not None else BinaryLimits()
    return (
        UrlExtractor(),
        PeAnalyzer(binary),
        ElfAnalyzer(binary),
        EmbeddedExecutableAnalyzer(binary),
        TypeMismatchAnalyzer(),
        *build_heuristic_analyzers(settings),
    )


ANALYZERS: tuple[Analyzer, ...] = build_analyzers()
