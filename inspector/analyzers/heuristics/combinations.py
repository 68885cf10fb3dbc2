"""Combinations: behaviours that are each explainable alone but not together.

A family counts as *present* in a text when its findings there add up to at least
`FAMILY_PRESENCE_SCORE`; the dual-use signals of benign setup scripts (a vendor installer,
a systemd unit, a cron backup job) stay below it, so they never combine into an alert.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from inspector.stage import Heuristic
from inspector.analyzers.heuristics.patterns import TextView
from inspector.model import Finding

FAMILY_PRESENCE_SCORE = 150

BEHAVIOUR_FAMILIES = frozenset(
    {
        "download_execute", "amsi_logging", "defence_tampering", "credential_access", "miners",
        "reverse_shells", "persistence", "evasion", "impact", "lateral_remote_access",
    }
)


@dataclass(frozen=True)
class Combination:
    heuristic: Heuristic
    # Every group must have at least one present family.
    groups: tuple[frozenset[str], ...]


DOWNLOAD_PERSIST = Combination(
    Heuristic(
        id="heur.combo.download_persistence",
        title="Download plus persistence",
        description="The same script fetches code and installs a way to run again after reboot.",
        score=200,
        attack=("T1105", "T1053"),
    ),
    (frozenset({"download_execute"}), frozenset({"persistence"})),
)
DOWNLOAD_EVADE = Combination(
    Heuristic(
        id="heur.combo.download_defence_evasion",
        title="Download plus defence tampering",
        description="The same script fetches code and weakens security tools or erases traces.",
        score=200,
        attack=("T1105", "T1562"),
    ),
    (frozenset({"download_execute"}), frozenset({"defence_tampering", "amsi_logging", "evasion"})),
)
PERSIST_EVADE = Combination(
    Heuristic(
        id="heur.combo.persistence_evasion",
        title="Persistence plus trace removal",
        description="The same script installs persistence and hides or erases evidence of it.",
        score=200,
        attack=("T1053", "T1070"),
    ),
    (frozenset({"persistence"}), frozenset({"evasion", "defence_tampering", "amsi_logging"})),
)
OBFUSCATED_BEHAVIOUR = Combination(
    Heuristic(
        id="heur.combo.obfuscated_behaviour",
        title="Obfuscated script with suspicious behaviour",
        description="Obfuscation and a suspicious behaviour in the same text: benign scripts have no reason to hide.",
        score=200,
        attack=("T1027",),
    ),
    (frozenset({"obfuscation"}), BEHAVIOUR_FAMILIES),
)
MANY_FAMILIES = Heuristic(
    id="heur.combo.many_behaviours",
    title="Many suspicious behaviours in one script",
    description="Three or more behaviour families are present in the same text.",
    score=250,
    attack=(),
)
COMBINATIONS = (DOWNLOAD_PERSIST, DOWNLOAD_EVADE, PERSIST_EVADE, OBFUSCATED_BEHAVIOUR)
HEURISTICS = tuple(c.heuristic for c in COMBINATIONS) + (MANY_FAMILIES,)


def present_families(findings_by_family: dict[str, list[Finding]]) -> set[str]:
    present = set()
    for family, findings in findings_by_family.items():
        best: dict[str, int] = defaultdict(int)
        for finding in findings:
            best[finding.id] = max(best[finding.id], finding.score)
        if sum(best.values()) >= FAMILY_PRESENCE_SCORE:
            present.add(family)
    return present


def combination_findings(view: TextView, findings_by_family: dict[str, list[Finding]]) -> list[Finding]:
    present = present_families(findings_by_family)
    findings = [
        view.finding(combo.heuristic, None)
        for combo in COMBINATIONS
        if all(present & group for group in combo.groups) and _distinct(present, combo.groups)
    ]
    if len(present & BEHAVIOUR_FAMILIES) >= 3:
        findings.append(view.finding(MANY_FAMILIES, None))
    return findings


def _distinct(present: set[str], groups: Iterable[frozenset[str]]) -> bool:
    """Groups must be satisfied by different families (evasion cannot pair with itself)."""
    used: set[str] = set()
    for group in groups:
        choices = sorted((present & group) - used)
        if not choices:
            return False
        used.add(choices[0])
    return True
