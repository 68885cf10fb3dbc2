"""The simulator builds a realistic, labelled, reproducible estate: several subscriptions, GPU and
plain sizes, Windows and Linux, humans and automation, weeks of routine, then every alert type's
scenarios and the benign novelties after the learning period."""

from __future__ import annotations

import json
from collections import Counter
from datetime import timedelta
from functools import cache

import pytest

from tests.activity_sim.events import EXT_DELETE, EXT_WRITE, RUN_COMMAND, VM_WRITE
from tests.activity_sim.fleet import CallerKind, Os
from tests.activity_sim.labels import ALERT_TYPES
from tests.activity_sim.simulator import FULL, SimConfig, Simulation, simulate

SMALL = SimConfig(seed=7, days=14, subscriptions=2, vms=16, scenarios_per_type=2, new_admins=2)


@cache
def small() -> Simulation:
    return simulate(SMALL)


def test_the_same_seed_gives_the_same_records_and_labels() -> None:
    again = simulate(SMALL)
    assert again.events == small().events
    assert again.labels.to_json() == small().labels.to_json()


def test_another_seed_gives_another_estate() -> None:
    other = simulate(SimConfig(seed=8, days=14, subscriptions=2, vms=16, scenarios_per_type=2))
    assert {e.correlation_id for e in other.events}.isdisjoint({e.correlation_id for e in small().events})


def test_the_estate_has_gpu_and_plain_sizes_windows_and_linux_in_several_subscriptions() -> None:
    sim = small()
    vms = [vm for sub in sim.subscriptions for vm in sub.vms]
    assert len(sim.subscriptions) == 2 and len(vms) >= 16
    sizes = {vm.size for vm in vms}
    assert any(s.startswith(("Standard_NC", "Standard_ND", "Standard_NV")) for s in sizes)
    assert any(s.startswith(("Standard_D", "Standard_E", "Standard_F", "Standard_B")) for s in sizes)
    assert {vm.os for vm in vms} == {Os.WINDOWS, Os.LINUX}
    callers = {e.caller.kind for e in sim.events if e.label is None}
    assert {CallerKind.USER, CallerKind.SERVICE_PRINCIPAL} <= callers


def test_every_vm_write_logs_size_and_os_in_its_request_body() -> None:
    writes = [e for e in small().events if e.operation == VM_WRITE and e.status == "Started"]
    assert len(writes) >= 16
    for event in writes:
        body = json.loads(event.request_body or "")
        assert body["properties"]["hardwareProfile"]["vmSize"].startswith("Standard_")
        assert body["properties"]["storageProfile"]["osDisk"]["osType"] in ("Windows", "Linux")


def test_every_alert_type_has_its_scenarios_after_the_learning_period() -> None:
    sim = small()
    counts = Counter(case.alert_type for case in sim.labels.scenarios)
    assert counts == {t: SMALL.scenarios_per_type for t in ALERT_TYPES}
    learning_end = SMALL.start + timedelta(days=SMALL.learning_days)
    events_of = Counter(e.label for e in sim.events)
    for case in sim.labels.scenarios:
        assert case.start_time >= learning_end
        assert case.resource_ids and case.correlation_ids and case.signals
        assert events_of[case.id] == case.records > 0
        assert all(rid.startswith(f"/subscriptions/{case.subscription_id}/") for rid in case.resource_ids)


def test_every_attack_has_two_signals_and_comes_from_a_new_ip_range() -> None:
    sim = small()
    benign_prefixes = {".".join(e.caller_ip.split(".")[:2]) for e in sim.events if e.label is None and e.caller_ip}
    for case in sim.labels.scenarios:
        assert len(case.signals) >= 2, case
        ips = {e.caller_ip for e in sim.events if e.label == case.id and e.caller_ip}
        assert ips and all(".".join(ip.split(".")[:2]) not in benign_prefixes for ip in ips), case.id


def test_benign_novelties_and_look_alikes_are_labelled_and_counted_as_benign() -> None:
    sim = small()
    kinds = Counter(case.kind for case in sim.labels.benign_cases)
    assert kinds["new_admin_routine"] == 2
    assert kinds["new_automation_routine"] == 1
    assert kinds["weekly_maintenance_fanout"] >= 1
    scenario_ids = {case.id for case in sim.labels.scenarios}
    assert sim.labels.benign_records == sum(1 for e in sim.events if e.label not in scenario_ids)
    assert sim.labels.attack_records == len(sim.events) - sim.labels.benign_records


def test_the_weekly_maintenance_fan_out_is_already_in_the_learning_history() -> None:
    sim = small()
    learning = [e for e in sim.events if e.operation == RUN_COMMAND and e.status == "Started" and e.label is None
                and e.time.weekday() == 6 and e.caller.name.endswith("patch-automation")]
    assert len({e.resource_id for e in learning}) >= 8


def test_the_release_pipeline_provisions_then_deletes_a_custom_script_every_day() -> None:
    sim = small()
    pipeline = sim.subscriptions[0].pipeline
    assert pipeline is not None
    ops = [e for e in sim.events if e.caller.principal == pipeline.principal and e.status == "Started"]
    days = {e.time.date() for e in ops if e.operation == EXT_WRITE}
    assert len(days) == SMALL.days
    assert {e.time.date() for e in ops if e.operation == EXT_DELETE} == days


def test_operations_log_start_accept_and_end_under_one_correlation_id() -> None:
    by_correlation: dict[str, list[str]] = {}
    for event in small().events:
        by_correlation.setdefault(event.correlation_id, []).append(event.status)
    shapes = Counter(tuple(statuses) for statuses in by_correlation.values())
    assert set(shapes) <= {("Started", "Accepted", "Succeeded"), ("Started", "Accepted", "Failed"), ("Failed",)}
    assert shapes[("Started", "Accepted", "Failed")] > 0 and shapes[("Failed",)] > 0


def test_gpu_failure_scenarios_fail_on_sizes_without_gpu() -> None:
    sim = small()
    sizes = {vm.resource_id.casefold(): vm.size for sub in sim.subscriptions for vm in sub.vms}
    for case in sim.labels.scenarios:
        if case.alert_type == "VM_GPUExtensionSuspiciousFailure":
            assert all(not sizes[rid].startswith("Standard_N") for rid in case.resource_ids)
            assert any(e.status == "Failed" for e in sim.events if e.label == case.id)


def test_the_full_replay_is_a_month_of_a_hundred_vms() -> None:
    assert (FULL.days, FULL.vms, FULL.scenarios_per_type) == (30, 100, 10)


@pytest.mark.parametrize("bad", [{"days": 5}, {"vms": 0}, {"shapes": ("csv",)}])
def test_impossible_configurations_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        SimConfig(**bad)  # type: ignore[arg-type]
