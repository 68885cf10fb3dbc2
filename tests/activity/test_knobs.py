"""Detector knobs come from one setting, validated at start against each detector's declared knobs."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from inspector.activity import ActivityLimits
from inspector.activity.detectors import DETECTORS
from inspector.activity.knobs import knob_table, resolve_knobs
from inspector.config import ConfigError, load_settings
from tests.activity.builders import T0, routine, run_command, vm
from tests.activity.conftest import Ingest, types

AFTER = T0 + timedelta(days=14, hours=2)


def test_no_setting_leaves_every_detector_on_its_declared_defaults():
    limits = ActivityLimits.from_settings(load_settings())
    assert limits.knobs == {}
    assert set(knob_table()) == set(DETECTORS)


def test_the_environment_gives_knobs_as_json_with_durations_in_seconds_or_units(monkeypatch):
    monkeypatch.setenv("INSPECTOR_ACTIVITY_DETECTOR_KNOBS",
                       '{"run_command_usage": {"fan_out_min_vms": 8, "fan_out_window": "2h"},'
                       ' "multi_extension": {"window": 600, "factor": 3}}')
    limits = ActivityLimits.from_settings(load_settings())
    rc = limits.knobs["run_command_usage"]
    assert (rc.fan_out_min_vms, rc.fan_out_window, rc.novelties_needed) == (8, timedelta(hours=2), 2)
    assert (limits.knobs["multi_extension"].window, limits.knobs["multi_extension"].factor) == (timedelta(minutes=10), 3.0)
    # The declared defaults themselves are untouched.
    assert DETECTORS["run_command_usage"].spec.knobs.fan_out_min_vms == 5


def test_a_toml_file_gives_knobs_as_tables(tmp_path):
    config = tmp_path / "inspector.toml"
    config.write_text('[activity_detector_knobs.disk_encryption]\nmin_vms = 6\nwindow = "30m"\n')
    limits = ActivityLimits.from_settings(load_settings(config))
    assert dataclasses.astuple(limits.knobs["disk_encryption"])[:2] == (timedelta(minutes=30), 6)


@pytest.mark.parametrize(("overrides", "says"), [
    ({"run_comand_usage": {"fan_out_min_vms": 3}}, "no activity detector is named 'run_comand_usage'"),
    ({"run_command_usage": {"min_vms": 3}}, "has no knob 'min_vms'"),
    ({"run_command_usage": {"fan_out_min_vms": 0}}, "run_command_usage.fan_out_min_vms must be a whole number"),
    ({"run_command_usage": {"fan_out_min_vms": 2.5}}, "must be a whole number"),
    ({"run_command_usage": {"fan_out_factor": -1}}, "fan_out_factor must be a number above 0"),
    ({"run_command_usage": {"fan_out_window": "soon"}}, "fan_out_window must be a duration"),
    ({"multi_extension": {"window": "2d"}}, "at most 86400 seconds"),
    ({"failures": {"anything": 1}}, "its knobs: none"),
])
def test_a_bad_knob_is_a_clear_error_naming_the_setting(overrides, says):
    with pytest.raises(ConfigError, match="INSPECTOR_ACTIVITY_DETECTOR_KNOBS") as caught:
        resolve_knobs(overrides)
    assert says in str(caught.value)


def test_a_knob_that_is_not_a_table_of_values_stops_start_up(monkeypatch):
    monkeypatch.setenv("INSPECTOR_ACTIVITY_DETECTOR_KNOBS", '{"run_command_usage": 5}')
    with pytest.raises(ConfigError, match="INSPECTOR_ACTIVITY_DETECTOR_KNOBS"):
        load_settings()


def _fleet_burst() -> list[dict]:
    daily = [run_command(vm(f"vm-{i:02d}"), T0 + timedelta(days=d, hours=3), caller="patch-app", ip="20.50.1.1")
             for d in range(14) for i in range(2)]
    burst = [run_command(vm(f"vm-{i:02d}"), AFTER + timedelta(minutes=i), caller="patch-app", ip="20.50.1.1")
             for i in range(6)]
    return routine(14) + daily + burst


async def test_by_default_six_vms_in_six_minutes_is_a_fan_out(run: Ingest):
    report = await run(_fleet_burst())
    assert types(report.alerts) == ["VM_RunCommandSuspiciousUsage"]


async def test_the_same_burst_under_a_higher_minimum_raises_nothing(run: Ingest):
    limits = ActivityLimits(inspect_bodies=False, knobs=resolve_knobs({"run_command_usage": {"fan_out_min_vms": 10}}))
    report = await run(_fleet_burst(), limits)
    assert report.alerts == []


async def test_a_shorter_window_sees_a_slow_burst_as_routine(run: Ingest):
    limits = ActivityLimits(inspect_bodies=False, knobs=resolve_knobs({"run_command_usage": {"fan_out_window": "3m"}}))
    report = await run(_fleet_burst(), limits)
    assert report.alerts == []


def test_every_knob_is_documented_in_the_detector_table():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "activity.md").read_text(encoding="utf-8")
    missing = [f"{name}.{knob}" for name, knobs in knob_table().items() for knob in knobs if f"`{knob}`" not in doc]
    assert missing == []
