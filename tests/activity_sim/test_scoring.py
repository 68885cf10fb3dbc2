"""Scoring: a scenario is caught by an alert of its type that shares a correlation id with it or
names one of its VMs at the time it happened; an alert matching no scenario is false, counted per
1,000 benign records; the targets are >= 90% caught per type and <= 1 false alert per 1,000."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tests.activity_sim.labels import ALERT_TYPES, Case, Labels
from tests.activity_sim.scoring import read_alert_lines, render, score
from tests.activity_sim.simulator import SimConfig, simulate

SUB = "11111111-1111-4111-8111-111111111111"
VM1 = f"/subscriptions/{SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-web-01"
VM2 = f"/subscriptions/{SUB}/resourceGroups/rg-sql/providers/Microsoft.Compute/virtualMachines/vm-sql-02"
VM3 = f"/subscriptions/{SUB}/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-app-03"
T0 = datetime(2026, 11, 12, 10, 0, tzinfo=UTC)
RUN = "VM_RunCommandSuspiciousUsage"
DEL = "VM_CustomScriptExtensionUnusualDeletion"


def case(id_: str, alert_type: str | None, vms: list[str], correlations: list[str], hour: float) -> Case:
    start = T0 + timedelta(hours=hour)
    return Case(id_, alert_type, "k", "d", SUB, start, start + timedelta(minutes=10),
                [vm.casefold() for vm in vms], correlations, ["new caller", "new IP range"], 6)


def labels() -> Labels:
    return Labels([case("s1", RUN, [VM1, VM2], ["c-1", "c-2"], 0), case("s2", DEL, [VM3], ["c-3"], 5)],
                  [case("b1", None, [VM2], ["c-9"], 24)], 2000, 12, {}, {})


def alert(alert_type: str, resource_ids: list[str], correlation_ids: list[str], hour: float = 0.0,
          **extra: Any) -> dict[str, Any]:
    start = T0 + timedelta(hours=hour)
    return {"alert_type": alert_type, "subscription_id": SUB, "resource_ids": resource_ids,
            "start_time": start.isoformat().replace("+00:00", "Z"),
            "end_time": (start + timedelta(minutes=5)).isoformat().replace("+00:00", "Z"),
            "correlation_ids": correlation_ids, "severity": "Low", "evidence": "x", "inspection_id": None, **extra}


def test_a_shared_correlation_id_catches_the_scenario() -> None:
    scores = score([alert(RUN, [], ["C-2"], hour=30)], labels())
    assert (scores.by_type[RUN].caught, scores.by_type[RUN].scenarios) == (1, 1)
    assert scores.false_alerts == 0


def test_a_resource_under_the_vm_at_the_scenario_time_catches_it() -> None:
    extension = (VM3 + "/extensions/x").upper()
    scores = score([alert(DEL, [extension], [], hour=5.2)], labels())
    assert scores.by_type[DEL].caught == 1 and scores.false_alerts == 0


def test_the_same_vm_long_after_the_scenario_is_a_false_alert() -> None:
    scores = score([alert(DEL, [VM3], [], hour=12)], labels())
    assert scores.by_type[DEL].caught == 0
    assert scores.by_type[DEL].missed == ["s2"]
    assert scores.false_alerts == 1 and scores.false_per_1000() == 0.5


def test_an_alert_of_another_type_on_a_scenario_catches_nothing_and_is_not_false() -> None:
    scores = score([alert(DEL, [VM1], [])], labels())
    assert scores.by_type[RUN].caught == 0 and scores.by_type[DEL].caught == 0
    assert scores.by_type[DEL].on_other_scenarios == 1 and scores.false_alerts == 0


def test_false_alerts_on_labelled_benign_cases_are_attributed_to_them() -> None:
    scores = score([alert(RUN, [VM2], [], hour=24.1), alert(RUN, [], ["unknown"], hour=40)], labels())
    assert scores.false_alerts == 2 and scores.by_type[RUN].false_alerts == 2
    assert scores.false_on_benign_cases == {"b1": 1}


def test_alert_types_outside_the_scenarios_are_scored_as_false_alerts_only() -> None:
    scores = score([alert("VM_CustomScriptExtensionSuspiciousCmd", [VM1], [], hour=50)], labels())
    row = scores.by_type["VM_CustomScriptExtensionSuspiciousCmd"]
    assert (row.scenarios, row.false_alerts) == (0, 1)
    assert scores.type_passes("VM_CustomScriptExtensionSuspiciousCmd")


def test_targets_need_every_type_caught_and_few_false_alerts() -> None:
    both = [alert(RUN, [VM1], []), alert(DEL, [], ["c-3"])]
    assert score(both, labels()).passed()
    assert not score(both[:1], labels()).passed()  # the deletion scenario is missed
    noisy = both + [alert(RUN, [], [f"x{i}"], hour=100) for i in range(3)]  # 1.5 per 1,000
    assert not score(noisy, labels()).passed()


def test_alerts_missing_required_fields_are_reported_and_still_scored() -> None:
    partial = {"alert_type": RUN, "resource_ids": [VM1.upper()]}
    scores = score([partial], labels())
    assert scores.by_type[RUN].caught == 1
    assert scores.malformed and "subscription_id" in scores.malformed[0] and "start_time" in scores.malformed[0]


def test_alert_lines_are_read_from_json_lines_and_other_lines_counted() -> None:
    alerts, other = read_alert_lines('{"alert_type": "A"}\n\nprogress 50%\n{"kind": "summary"}\n[1]\n')
    assert alerts == [{"alert_type": "A"}] and other == 3


def test_the_report_names_each_type_the_totals_and_what_was_missed() -> None:
    text = render(score([alert(RUN, [VM1], []), alert(RUN, [], ["zz"], hour=80)], labels()), labels())
    for alert_type in ALERT_TYPES:
        assert alert_type in text
    assert "1/1" in text and "0/1" in text and "0.50" in text
    assert "missed scenarios:" in text and "s2" in text and "NOT MET" in text


def test_perfect_alerts_built_from_a_simulation_pass_the_targets() -> None:
    sim = simulate(SimConfig(seed=5, days=12, subscriptions=2, vms=16, scenarios_per_type=2, new_admins=1))
    perfect = [alert(c.alert_type or "", c.resource_ids, c.correlation_ids[:1]) for c in sim.labels.scenarios]
    scores = score(perfect, sim.labels)
    assert scores.passed() and scores.false_alerts == 0
    assert all(row.caught == row.scenarios == 2 for row in scores.by_type.values())


def test_the_report_says_which_other_alerts_fired_on_a_missed_scenario_and_shows_false_ones() -> None:
    alerts = [alert(DEL, [VM1], []), alert(RUN, [], ["nowhere"], hour=80, evidence=["first Run Command by x"])]
    scores = score(alerts, labels())
    assert scores.seen_as["s1"] == {DEL: 1} and scores.false_alert_indexes == [1]
    text = render(scores, labels(), alerts)
    assert f"alerts on it: {DEL} x1" in text
    assert "false alerts (first 1):" in text and "first Run Command by x" in text
