"""Written logs are in the shapes Azure emits and arrive the way Azure delivers them: late (within
the hour), out of order, some twice."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.activity_sim.labels import parse_time
from tests.activity_sim.shapes import azure_time
from tests.activity_sim.simulator import SimConfig, simulate

CONFIG = SimConfig(seed=3, days=10, subscriptions=3, vms=24, scenarios_per_type=1, new_admins=1,
                   late_share=0.05, duplicate_share=0.05)


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], dict[str, int]]:
    sim = simulate(CONFIG)
    files = sim.write(tmp_path_factory.mktemp("sim"))
    return files, sim.labels.delivery


def records_of(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    if path.name.endswith("-export.json"):
        return json.loads(text)["records"]
    if path.name.endswith("-storage.jsonl"):
        return [json.loads(line) for line in text.splitlines()]
    return json.loads(text)


def event_time(record: dict[str, Any]) -> datetime:
    return parse_time(record.get("time") or record["eventTimestamp"])


def test_every_file_parses_and_each_shape_is_present(logs: tuple[list[Path], dict[str, int]]) -> None:
    files, delivery = logs
    kinds = Counter(path.name.split("-")[-1] for path in files)
    assert set(kinds) == {"export.json", "storage.jsonl", "rest.json"}
    assert sum(len(records_of(path)) for path in files) == delivery["emitted"]
    assert files == sorted(files)  # names sort in arrival order


def test_export_records_have_the_diagnostic_settings_fields(logs: tuple[list[Path], dict[str, int]]) -> None:
    files, _ = logs
    records = [r for path in files if not path.name.endswith("-rest.json") for r in records_of(path)]
    for record in records:
        assert {"time", "resourceId", "operationName", "category", "resultType", "resultSignature", "correlationId",
                "identity", "properties"} <= set(record)
        assert record["category"] == "Administrative"
        assert record["resultType"] in ("Start", "Accept", "Success", "Failure")
        assert record["operationName"] == record["operationName"].upper()
        assert "claims" in record["identity"] and "authorization" in record["identity"]
    started = [r for r in records if r["resultType"] == "Start"]
    assert all("callerIpAddress" in r for r in started)
    bodies = [json.loads(r["properties"]["requestbody"]) for r in started if "requestbody" in r["properties"]]
    assert any(b.get("properties", {}).get("hardwareProfile", {}).get("vmSize") for b in bodies)
    assert any(b.get("commandId") for b in bodies)


def test_rest_events_have_the_event_data_fields(logs: tuple[list[Path], dict[str, int]]) -> None:
    files, _ = logs
    events = [e for path in files if path.name.endswith("-rest.json") for e in records_of(path)]
    assert events
    for event in events:
        assert event["operationName"]["value"].startswith("Microsoft.")
        assert event["status"]["value"] in ("Started", "Accepted", "Succeeded", "Failed")
        assert event["eventDataId"] and event["caller"] and event["eventTimestamp"]
        if event["status"]["value"] == "Started":
            assert event["httpRequest"]["clientIpAddress"]
    users = [e for e in events if "@" in e["caller"]]
    apps = [e for e in events if "@" not in e["caller"]]
    assert users and apps
    assert all(e["claims"]["idtyp"] == "app" and e["claims"]["appid"] == e["caller"] for e in apps)


def test_records_arrive_late_out_of_order_and_twice_but_never_over_an_hour_late(
        logs: tuple[list[Path], dict[str, int]]) -> None:
    files, delivery = logs
    assert delivery["late"] > 0 and delivery["duplicates"] > 0 and delivery["out_of_order"] > 0
    seen: Counter[str] = Counter()
    for path in files:
        hour = datetime.fromisoformat(path.name[:13] + ":00+00:00")
        for record in records_of(path):
            assert hour - timedelta(hours=1) <= event_time(record) < hour + timedelta(hours=1)
            seen[json.dumps(record, sort_keys=True)] += 1
    assert sum(n - 1 for n in seen.values()) == delivery["duplicates"]


def test_protected_settings_never_appear_in_the_logs(logs: tuple[list[Path], dict[str, int]]) -> None:
    files, _ = logs
    assert not any("protectedSettings" in path.read_text(encoding="utf-8") for path in files)


def test_azure_times_have_seven_fractional_digits() -> None:
    assert azure_time(datetime.fromisoformat("2026-11-02T10:00:00.123456+00:00")) == "2026-11-02T10:00:00.1234560Z"
