"""Script heuristics: one module per behaviour family, run together over each decoded text.

`HEURISTIC_ANALYZERS` is what the pipeline registers. It holds one analyzer that runs every
family over a text once and then the combination rules, which need to see all families'
findings for the same text. `FAMILY_ANALYZERS` runs single families (tests, tooling).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inspector.stage import Analyzer, AnalyzerOutput, Heuristic, Payload, ScanContext
from inspector.analyzers.heuristics import (
    amsi_logging,
    combinations,
    commands,
    credential_access,
    defence_tampering,
    download_execute,
    evasion,
    impact,
    lateral_remote_access,
    miners,
    obfuscation_stats,
    persistence,
    registry_writes,
    reverse_shells,
    shell_access,
    shell_commands,
    windows_commands,
    windows_programs,
)
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

FAMILIES: tuple[Family, ...] = (
    download_execute.FAMILY,
    amsi_logging.FAMILY,
    defence_tampering.FAMILY,
    credential_access.FAMILY,
    miners.FAMILY,
    reverse_shells.FAMILY,
    persistence.FAMILY,
    evasion.FAMILY,
    impact.FAMILY,
    lateral_remote_access.FAMILY,
    obfuscation_stats.FAMILY,
    commands.FAMILY,
    shell_commands.FAMILY,
    shell_access.FAMILY,
    registry_writes.FAMILY,
    windows_commands.FAMILY,
    windows_programs.FAMILY,
)

# Every heuristic the families and the combinations declare, for the detection catalog
# (inspector/detections). A heuristic proved by several patterns is listed once per pattern;
# the catalog keeps one entry per id and refuses two different declarations of one id.
DETECTIONS: tuple[Heuristic, ...] = tuple(
    h
    for module in (
        download_execute, amsi_logging, defence_tampering, credential_access, miners, reverse_shells,
        persistence, evasion, impact, lateral_remote_access, obfuscation_stats, commands, shell_commands, shell_access,
        registry_writes, windows_commands, windows_programs,
        combinations,
    )
    for h in module.HEURISTICS
)
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


FAMILY_ANALYZERS: tuple[FamilyAnalyzer, ...] = tuple(FamilyAnalyzer(f) for f in FAMILIES)
HEURISTIC_ANALYZERS: tuple[Analyzer, ...] = build_heuristic_analyzers()

__all__ = [
    "ALL_HEURISTICS", "DETECTIONS", "FAMILIES", "FAMILY_ANALYZERS", "HEURISTIC_ANALYZERS", "HeuristicLimits",
    "ScriptHeuristicsAnalyzer", "build_heuristic_analyzers",
]
