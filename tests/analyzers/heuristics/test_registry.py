"""The heuristics package: every declared heuristic is well formed and registered once."""

from __future__ import annotations

import regex

from inspector.analyzers import ANALYZERS
from inspector.analyzers.heuristics import ALL_HEURISTICS, FAMILIES, FAMILY_ANALYZERS, HEURISTIC_ANALYZERS
from inspector.model import ArtifactType
from tests.analyzers.heuristics.helpers import make_payload

ATTACK_ID = regex.compile(r"^T\d{4}(?:\.\d{3})?$")


def test_heuristics_are_registered_with_the_pipeline() -> None:
    assert any(a.name == HEURISTIC_ANALYZERS[0].name for a in ANALYZERS)


def test_limits_from_settings_reach_the_analyzer() -> None:
    from inspector.analyzers import build_analyzers
    from inspector.stage import ScanContext, ScanLimits
    from inspector.config import Settings

    settings = Settings(heuristics_max_matches_per_rule=3, heuristics_stats_sample_chars=2048, heuristics_max_hosts=10)
    (analyzer,) = [a for a in build_analyzers(settings) if a.name == "heuristics"]
    assert analyzer.limits.stats_sample_chars == 2048 and analyzer.limits.max_hosts == 10  # type: ignore[attr-defined]
    payload = make_payload("history -c\n" * 20, ArtifactType.SHELL)
    (finding,) = [f for f in analyzer.analyze(payload, ScanContext(limits=ScanLimits())).findings
                  if f.id == "heur.evasion.history_clear"]
    assert finding.count == 3


def test_every_heuristic_has_a_stable_id_explanation_score_and_attack_ids() -> None:
    seen = set()
    for heuristic in ALL_HEURISTICS:
        assert heuristic.id.startswith("heur.") and heuristic.id not in seen
        seen.add(heuristic.id)
        assert heuristic.title and len(heuristic.description) > 20
        assert 0 < heuristic.score <= 1000
        assert all(ATTACK_ID.match(a) for a in heuristic.attack), heuristic.id
    assert len(ALL_HEURISTICS) >= 100


def test_every_family_has_an_analyzer_that_runs_alone() -> None:
    assert {a.family.name for a in FAMILY_ANALYZERS} == {f.name for f in FAMILIES}
    payload = make_payload("vssadmin delete shadows /all /quiet", ArtifactType.CMD)
    impact = next(a for a in FAMILY_ANALYZERS if a.family.name == "impact")
    from inspector.stage import ScanContext, ScanLimits

    out = impact.analyze(payload, ScanContext(limits=ScanLimits()))
    assert [f.id for f in out.findings] == ["heur.impact.shadow_copy_delete"]


def test_every_module_exporting_a_family_is_a_family_in_name_order() -> None:
    import pkgutil

    import inspector.analyzers.heuristics as package
    from inspector.analyzers.heuristics import FAMILY_MODULES

    names = sorted(i.name for i in pkgutil.iter_modules(package.__path__) if not i.name.startswith("_"))
    exporting = [n for n in names if hasattr(__import__(f"{package.__name__}.{n}", fromlist=["x"]), "FAMILY")]
    assert [m.__name__.rsplit(".", 1)[1] for m in FAMILY_MODULES] == exporting
    assert [f.name for f in FAMILIES] == [m.FAMILY.name for m in FAMILY_MODULES]
