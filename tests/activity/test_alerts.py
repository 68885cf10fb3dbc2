"""Alerts: the project's JSON and the OCSF Detection Finding they render to."""

from __future__ import annotations

from inspector.activity import ActivityAlert, Entity, to_ocsf
from inspector.activity.catalog import ALERT_INFO, DETECTIONS
from inspector.activity.detectors import DETECTORS
from inspector.scoring.catalog import ALERT_TYPES

ALERT = ActivityAlert(
    id="a1", alert_type="VM_RunCommandSuspiciousUsage", display_name="Unusual Run Command usage", severity="Low",
    subscription_id="sub", resource_ids=["/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/v"],
    entities=[Entity(type="account", value="eve@contoso.com"), Entity(type="ip", value="198.51.100.7")],
    start_time="2026-01-15T02:00:00Z", end_time="2026-01-15T02:09:00Z", tactics=["Execution"], techniques=["T1651"],
    evidence=["first Run Command by this caller in 14 days of history"], numbers={"vms": 17.0},
    correlation_ids=["c1", "c2"], detector="run_command_usage", description="d")


def test_the_project_json_carries_what_the_simulator_reads():
    body = ALERT.model_dump(mode="json")
    for key in ("alert_type", "subscription_id", "resource_ids", "start_time", "end_time", "correlation_ids",
                "severity", "evidence", "inspection_id"):
        assert key in body, key


def test_ocsf_detection_finding():
    finding = to_ocsf(ALERT)
    assert (finding["class_uid"], finding["activity_id"], finding["type_uid"]) == (2004, 1, 200401)
    assert finding["severity_id"] == 2 and finding["finding_info"]["types"] == ["VM_RunCommandSuspiciousUsage"]
    assert finding["start_time"] < finding["end_time"] == finding["time"]
    assert finding["resources"][0]["uid"].endswith("/v") and finding["actor"]["user"]["name"] == "eve@contoso.com"
    assert [e["uid"] for e in finding["finding_info"]["related_events"]] == ["c1", "c2"]
    assert finding["finding_info"]["attacks"][0]["technique"]["uid"] == "T1651"


def test_every_alert_type_agrees_with_the_alert_catalog():
    assert set(ALERT_INFO) == set(ALERT_TYPES)
    for name, info in ALERT_INFO.items():
        assert (info.severity, info.tactic) == (ALERT_TYPES[name].severity, ALERT_TYPES[name].tactic), name


def test_every_history_alert_type_has_a_detector_declared_in_the_detection_catalog():
    raised = {alert for d in DETECTORS.values() for alert in d.spec.alert_types}
    assert raised == set(ALERT_TYPES)
    declared = {entry.alert for entry in DETECTIONS}
    assert declared == raised - set(DETECTORS["payload"].spec.alert_types)
