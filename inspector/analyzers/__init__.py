"""Analyzers: per-artifact detections (heuristics, PE/ELF, embedded executables, ...).

`ANALYZERS` is the registry the pipeline runs on every artifact after unpacking and
deobfuscation. A new analyzer is one file here and one line below. The YARA analyzer is built
by the pipeline from the active ruleset.
"""

from __future__ import annotations

from inspector.analyzers.base import Analyzer
from inspector.analyzers.elf import ElfAnalyzer
from inspector.analyzers.embedded import EmbeddedExecutableAnalyzer
from inspector.analyzers.heuristics import HEURISTIC_ANALYZERS
from inspector.analyzers.pe import PeAnalyzer
from inspector.analyzers.type_mismatch import TypeMismatchAnalyzer
from inspector.analyzers.urls import UrlExtractor

ANALYZERS: tuple[Analyzer, ...] = (
    UrlExtractor(),
    PeAnalyzer(),
    ElfAnalyzer(),
    EmbeddedExecutableAnalyzer(),
    TypeMismatchAnalyzer(),
    *HEURISTIC_ANALYZERS,
)
