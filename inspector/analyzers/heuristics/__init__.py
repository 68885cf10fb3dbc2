"""Script heuristics: one module per behaviour family, run together over each decoded text.

`HEURISTIC_ANALYZERS` is what the pipeline registers. It holds one analyzer that runs every
family over a text once and then the combination rules, which need to see all families'
findings for the same text. `FAMILY_ANALYZERS` runs single families (tests, tooling).
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from inspector.stage import Analyzer, AnalyzerOutput, Heuristic, Payload, ScanContext, modules_of
from inspector.analyzers.heuristics import combinations
from inspector.analyzers.heuristics.patterns import (
    ANALYZER_VERSION,
    Family,
    FamilyAnalyzer,
    HeuristicLimits,
    KeywordIndex,
    TextView,
    accepts_text,
    run_family,
)
from inspector.model import Artifact, ErrorKind, Finding

if TYPE_CHECKING:
    from inspector.config import Settings


# Every module of this package, found by name: a module exporting `FAMILY` is a family (run in
# name order), and every module's `HEURISTICS` (the families' and the combinations') go to the
# detection catalog. A new family is one module plus its test; no list here names it.
_MODULES = modules_of(__name__)
FAMILY_MODULES: tuple[ModuleType, ...] = tuple(m for m in _MODULES if hasattr(m, "FAMILY"))
FAMILIES: tuple[Family, ...] = tuple(m.FAMILY for m in FAMILY_MODULES)

# Every heuristic the families and the combinations declare, for the detection catalog
# (inspector/detections). A heuristic proved by several patterns is listed once per pattern;
# the catalog keeps one entry per id and refuses two different declarations of one id.
DETECTIONS: tuple[Heuristic, ...] = tuple(h for m in _MODULES if hasattr(m, "HEURISTICS") for h in m.HEURISTICS)
ALL_HEURISTICS: tuple[Heuristic, ...] = tuple({h.id: h for h in DETECTIONS}.values())


class ScriptHeuristicsAnalyzer:
    """Every heuristic family over one text, then the combinations of what fired."""

    name = "heuristics"
    version = ANALYZER_VERSION

    def __init__(self, families: tuple[Family, ...] = FAMILIES, limits: HeuristicLimits | None = None) -> None:
        self.families = families
        self.limits = limits or HeuristicLimits()
        self.keywords = KeywordIndex.of_rules(rule for family in families for rule in family.rules)

    def accepts(self, artifact: Artifact) -> bool:
        return accepts_text(artifact)

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        if not payload.text:
            return AnalyzerOutput()
        view = TextView.of(payload, ctx, self.limits, self.keywords)
        by_family: dict[str, list[Finding]] = {}
        for family in self.families:
            if ctx.expired():
                view.errors.append((ErrorKind.LIMIT_DEADLINE, f"heuristics stopped before {family.name}"))
                break
            by_family[family.name] = run_family(view, family)
        findings = [f for found in by_family.values() for f in found]
        findings.extend(combinations.combination_findings(view, by_family))
        return AnalyzerOutput(findings=findings, errors=view.errors)


def build_heuristic_analyzers(settings: Settings | None = None) -> tuple[Analyzer, ...]:
    """The heuristics analyzer with its limits from Settings (defaults without)."""
    limits = HeuristicLimits.from_settings(settings) if settings is not None else HeuristicLimits()
    return (ScriptHeuristicsAnalyzer(limits=limits),)


# Found by name by inspector/analyzers/__init__.py; analyzers run in RUN_ORDER, then name order.
RUN_ORDER = 60
analyzers_for = build_heuristic_analyzers


FAMILY_ANALYZERS: tuple[FamilyAnalyzer, ...] = tuple(FamilyAnalyzer(f) for f in FAMILIES)
HEURISTIC_ANALYZERS: tuple[Analyzer, ...] = build_heuristic_analyzers()

__all__ = [
    "ALL_HEURISTICS", "DETECTIONS", "FAMILIES", "FAMILY_ANALYZERS", "FAMILY_MODULES", "HEURISTIC_ANALYZERS", "HeuristicLimits",
    "ScriptHeuristicsAnalyzer", "build_heuristic_analyzers",
]
