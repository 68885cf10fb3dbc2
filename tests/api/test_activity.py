"""POST /v1/activity, GET /v1/alerts and GET /v1/alerts/{id} on a real service over loopback."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from inspector.store import ALERT_RAISED
from inspector.store.schema import (
    activity_daily, activity_extensions, activity_held, activity_operations, activity_record_ids, activity_seen,
    activity_subscriptions, activity_vms,
)
from inspector.store.testing import drop_schema, postgres_unreachable_reason, store_settings
from tests.activity.builders import SUB, T0, routine, run_command, vm
from tests.api.server import Service, start_service
from tests.timing import until

PROBLEM = "application/problem+json"
HISTORY_AND_HELD = (activity_subscriptions, activity_seen, activity_daily, activity_vms, activity_extensions,
                    activity_operations, activity_record_ids, activity_held)


def _fan_out(start, caller="mallory@evil.example", ip="198.51.100.7", vms=8, sub=SUB):
    return [run_command(vm(f"vm-{i:02d}", sub), start + timedelta(minutes=i), caller=caller, ip=ip)
            for i in range(vms)]


def _attack(sub: str = SUB) -> list[dict[str, Any]]:
    history = routine(14)
    if sub != SUB:
        history = json.loads(json.dumps(history).replace(SUB, sub))
    return history + _fan_out(T0 + timedelta(days=14, hours=2), sub=sub)


@pytest.fixture
async def service(tmp_path: Path) -> AsyncIterator[Service]:
    async with start_service(tmp_path, activity_inspect_bodies=False, api_max_activity_records=5000) as svc:
        yield svc


async def _alert_events(svc: Service) -> list[dict[str, Any]]:
    return [e.data for e in await svc.store.events.read(None, 1000) if e.type == ALERT_RAISED]


async def test_a_batch_in_the_export_shape_answers_with_the_alerts_it_raised(service: Service):
    status, _, body = await service.call("POST", "/v1/activity?flush=true", key="detector", json_body={"records": _attack()})
    assert status == 200, body
    assert [a["alert_type"] for a in body["alerts"]] == ["VM_RunCommandSuspiciousUsage"]
    assert body["errors"] == [] and body["records"] == body["judged"]


async def test_the_same_batch_twice_raises_nothing_the_second_time_and_one_event(service: Service):
    batch = _attack()
    first = (await service.call("POST", "/v1/activity?flush=true", key="detector", json_body=batch))[2]
    again = (await service.call("POST", "/v1/activity?flush=true", key="detector", json_body=batch))[2]
    assert len(first["alerts"]) == 1 and again["alerts"] == []
    events = await _alert_events(service)
    assert [e["alert_id"] for e in events] == [first["alerts"][0]["id"]]
    assert events[0]["alert"]["alert_type"] == "VM_RunCommandSuspiciousUsage"


async def test_json_lines_are_accepted_as_ndjson(service: Service):
    lines = "\n".join(json.dumps(r) for r in _attack()).encode()
    status, _, body = await service.call("POST", "/v1/activity?flush=true", key="detector", data=lines,
                                         headers={"Content-Type": "application/x-ndjson"})
    assert status == 200 and len(body["alerts"]) == 1


async def test_bad_records_are_reported_and_the_rest_ingested(service: Service):
    batch: list[Any] = _attack()
    batch.insert(3, {"operationName": "nothing else"})
    status, _, body = await service.call("POST", "/v1/activity?flush=true", key="detector", json_body=batch)
    assert status == 200
    assert len(body["errors"]) == 1 and body["errors"][0]["position"].endswith("[3]")
    assert len(body["alerts"]) == 1


async def test_ocsf_format_renders_detection_findings(service: Service):
    status, _, body = await service.call("POST", "/v1/activity?format=ocsf&flush=true", key="detector", json_body=_attack())
    assert status == 200 and body["alerts"][0]["class_uid"] == 2004


@pytest.mark.parametrize(("data", "ctype", "status", "kind"), [
    (b"not json at all", "application/json", 400, "invalid-request"),
    (b"", "application/json", 400, "invalid-request"),
    (b"[]", "text/plain", 415, "unsupported-media-type"),
])
async def test_unreadable_batches_are_problems(service: Service, data: bytes, ctype: str, status: int, kind: str):
    got, headers, body = await service.call("POST", "/v1/activity", key="detector", data=data,
                                            headers={"Content-Type": ctype})
    assert got == status and headers["Content-Type"].startswith(PROBLEM)
    assert body["type"].endswith("/" + kind)


async def test_a_batch_over_the_record_limit_is_413_and_nothing_is_ingested(tmp_path: Path):
    async with start_service(tmp_path, activity_inspect_bodies=False, api_max_activity_records=3) as svc:
        status, _, body = await svc.call("POST", "/v1/activity?flush=true", key="detector", json_body=_attack()[:4])
        assert status == 413 and body["type"].endswith("/body-too-large")
        assert await svc.store.activity.alerts() == []
        assert await svc.store.activity.newest(SUB) is None


async def test_a_body_over_the_byte_limit_is_413(tmp_path: Path):
    async with start_service(tmp_path, activity_inspect_bodies=False, api_max_activity_body_bytes=2048) as svc:
        status, _, body = await svc.call("POST", "/v1/activity?flush=true", key="detector", json_body=_attack())
        assert status == 413 and body["type"].endswith("/body-too-large")


async def test_ingest_needs_a_key(service: Service):
    status, _, body = await service.call("POST", "/v1/activity", key=None, json_body=[])
    assert status == 401 and body["type"].endswith("/unauthorized")


# --------------------------------------------------------------------------- reading alerts


async def _two_subscriptions(svc: Service) -> tuple[dict[str, Any], dict[str, Any]]:
    other = "00000000-0000-0000-0000-0000000000bb"
    a = (await svc.call("POST", "/v1/activity?flush=true", key="detector", json_body=_attack()))[2]["alerts"][0]
    b = (await svc.call("POST", "/v1/activity?flush=true", key="detector", json_body=_attack(other)))[2]["alerts"][0]
    return a, b


async def test_alerts_are_listed_newest_first_and_filtered(service: Service):
    a, b = await _two_subscriptions(service)
    status, _, body = await service.call("GET", "/v1/alerts", key="analyst")
    assert status == 200 and {x["id"] for x in body["alerts"]} == {a["id"], b["id"]}
    assert body["next_cursor"] is None
    only = (await service.call("GET", "/v1/alerts", key="analyst", params={"subscription": b["subscription_id"]}))[2]
    assert [x["id"] for x in only["alerts"]] == [b["id"]]
    by_resource = (await service.call("GET", "/v1/alerts", key="analyst",
                                      params={"resource": a["resource_ids"][0].upper()}))[2]
    assert [x["id"] for x in by_resource["alerts"]] == [a["id"]]
    by_type = (await service.call("GET", "/v1/alerts", key="analyst", params={"type": "VM_GPUDriverSuspiciousFailure"}))[2]
    assert by_type["alerts"] == []
    later = (await service.call("GET", "/v1/alerts", key="analyst", params={"since": "2030-01-01T00:00:00Z"}))[2]
    assert later["alerts"] == []
    window = (await service.call("GET", "/v1/alerts", key="analyst",
                                 params={"since": "2026-01-01T00:00:00Z", "until": "2026-02-01T00:00:00Z"}))[2]
    assert len(window["alerts"]) == 2


async def test_alerts_page_with_a_cursor(service: Service):
    a, b = await _two_subscriptions(service)
    first = (await service.call("GET", "/v1/alerts", key="analyst", params={"limit": "1"}))[2]
    assert len(first["alerts"]) == 1 and first["next_cursor"]
    second = (await service.call("GET", "/v1/alerts", key="analyst",
                                 params={"limit": "1", "after": first["next_cursor"]}))[2]
    assert len(second["alerts"]) == 1 and second["next_cursor"] is None
    assert {first["alerts"][0]["id"], second["alerts"][0]["id"]} == {a["id"], b["id"]}


async def test_one_alert_by_id_in_either_format(service: Service):
    a, _ = await _two_subscriptions(service)
    status, _, body = await service.call("GET", f"/v1/alerts/{a['id']}", key="analyst")
    assert status == 200 and body == a
    ocsf = (await service.call("GET", f"/v1/alerts/{a['id']}?format=ocsf", key="analyst"))[2]
    assert ocsf["class_uid"] == 2004
    status, _, body = await service.call("GET", "/v1/alerts/" + "0" * 32, key="analyst")
    assert status == 404 and body["type"].endswith("/not-found")


@pytest.mark.parametrize("params", [
    {"limit": "0"}, {"limit": "x"}, {"after": "nonsense"}, {"since": "yesterday"}, {"since": "2026-01-01T00:00:00"},
    {"since": "2026-02-01T00:00:00Z", "until": "2026-01-01T00:00:00Z"}, {"type": "bad type!"}, {"format": "xml"},
])
async def test_bad_alert_queries_are_invalid_parameter(service: Service, params: dict[str, str]):
    status, headers, body = await service.call("GET", "/v1/alerts", key="analyst", params=params)
    assert status == 400 and headers["Content-Type"].startswith(PROBLEM)
    assert body["type"].endswith("/invalid-parameter")


async def test_alerts_are_for_analysts_not_detectors(service: Service):
    status, _, body = await service.call("GET", "/v1/alerts", key="detector")
    assert status == 403 and body["type"].endswith("/forbidden")


async def test_alerts_from_http_go_out_as_alert_raised_events_once(tmp_path: Path):
    out = tmp_path / "events.jsonl"
    async with start_service(tmp_path, activity_inspect_bodies=False, events_jsonl_path=out) as svc:
        batch = _attack()
        raised = (await svc.call("POST", "/v1/activity?flush=true", key="detector", json_body=batch))[2]["alerts"]
        await svc.call("POST", "/v1/activity?flush=true", key="detector", json_body=batch)
        await until(lambda: out.exists() and out.read_text().count("\n") >= 1, what="the alert event in the file")
        polled = (await svc.call("GET", "/v1/events", key="analyst"))[2]["events"]
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(e["type"], e["alert_id"]) for e in lines] == [("alert.raised", raised[0]["id"])]
    assert lines[0]["alert"] == raised[0]
    assert [e["id"] for e in polled] == [lines[0]["id"]]


async def test_a_malicious_request_body_is_inspected_stored_and_its_alert_event_names_the_inspection(tmp_path: Path):
    async with start_service(tmp_path) as svc:
        record = run_command(vm("vm-01"), T0, script=["Invoke-Mimikatz -DumpCreds"])
        status, _, body = await svc.call("POST", "/v1/activity?flush=true", key="detector", json_body=record)
        assert status == 200 and body["inspected"] == 1
        alert = body["alerts"][0]
        assert alert["verdict"] == "malicious" and alert["inspection_id"]
        stored = await svc.store.inspections.get(alert["inspection_id"])
        assert stored is not None and stored.kind == "activity_log"
        (event,) = await _alert_events(svc)
        assert event["inspection_id"] == alert["inspection_id"] and event["alert"]["verdict"] == "malicious"


def _late_stream(records: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """A live stream of small batches: records up to 59 minutes late across batch boundaries, a few twice."""
    times = [datetime.fromisoformat(r["eventTimestamp"].replace("Z", "+00:00")) for r in records]
    order = sorted(range(len(records)), key=lambda i: (times[i] + timedelta(minutes=(i * 37) % 60), i))
    delivered = [records[i] for i in order] + [records[i] for i in order[-4:]]
    return [delivered[i:i + 9] for i in range(0, len(delivered), 9)]


async def _stored(svc: Service) -> tuple[list[tuple[Any, ...]], dict[str, set[tuple[Any, ...]]]]:
    alerts = sorted((a.id, a.alert_type, tuple(a.body["evidence"])) for a in await svc.store.activity.alerts())
    async with svc.store.database.read() as conn:
        tables = {t.name: {tuple(json.dumps(v, sort_keys=True) if isinstance(v, dict) else v for v in r)
                           for r in await conn.execute(sa.select(t))} for t in HISTORY_AND_HELD}
    return alerts, tables


async def test_small_late_batches_then_a_flush_raise_what_one_batch_raises(tmp_path: Path):
    records = _attack()
    async with start_service(tmp_path / "one", activity_inspect_bodies=False) as svc:
        await svc.call("POST", "/v1/activity", key="detector", json_body=records)
        expected = await _stored(svc)
    assert expected[0] == [], "a stream holds the last hour back"
    async with start_service(tmp_path / "one", activity_inspect_bodies=False) as svc:
        status, _, flushed = await svc.call("POST", "/v1/activity?flush=true", key="detector", data=b"",
                                            headers={"Content-Type": "application/json"})
        assert status == 200 and flushed["held"] == 0 and len(flushed["alerts"]) == 1
        expected = await _stored(svc)
    async with start_service(tmp_path / "stream", activity_inspect_bodies=False) as svc:
        answers = [(await svc.call("POST", "/v1/activity", key="detector", json_body=batch))[2]
                   for batch in _late_stream(records)]
        assert all(a["held"] > 0 for a in answers[1:])
    # A crash between batches: a new process on the same store still judges what was held.
    async with start_service(tmp_path / "stream", activity_inspect_bodies=False) as svc:
        flushed = (await svc.call("POST", "/v1/activity?flush=true", key="detector", json_body=[]))[2]
        assert flushed["held"] == 0 and len(flushed["alerts"]) == 1
        assert await _stored(svc) == expected


async def test_a_subscription_holds_at_most_the_configured_records_and_the_answer_counts_the_rest(tmp_path: Path):
    flood = [run_command(vm(f"vm-{i:02d}"), T0 + timedelta(seconds=30 * i)) for i in range(25)]  # one reorder window
    async with start_service(tmp_path, activity_inspect_bodies=False, activity_max_held_records=10) as svc:
        status, _, first = await svc.call("POST", "/v1/activity", key="detector", json_body=flood[:15])
        assert status == 200 and (first["held"], first["released_early"], first["judged"]) == (10, 5, 5)
        status, _, second = await svc.call("POST", "/v1/activity", key="detector", json_body=flood[15:])
        assert status == 200 and (second["held"], second["released_early"], second["judged"]) == (10, 10, 10)
        assert len(await svc.store.activity.held(SUB.casefold())) == 10


@pytest.mark.postgres
async def test_two_replicas_on_one_postgresql_store_raise_an_alert_once_from_overlapping_batches(tmp_path: Path):
    if reason := postgres_unreachable_reason():
        pytest.skip(reason)
    records = _attack()
    history, attack = records[:-8], records[-8:]
    one = store_settings("postgres", tmp_path / "one")
    shared = store_settings("postgres", tmp_path / "a")
    common = {"activity_inspect_bodies": False, "api_max_activity_records": 5000}
    try:
        async with start_service(tmp_path / "one", database_url=one.database_url,
                                 database_schema=one.database_schema, **common) as svc:
            await svc.call("POST", "/v1/activity?flush=true", key="detector", json_body=history)
            await svc.call("POST", "/v1/activity?flush=true", key="detector", json_body=attack)
            expected_tables = (await _stored(svc))[1]
        place = {"database_url": shared.database_url, "database_schema": shared.database_schema, **common}
        async with start_service(tmp_path / "a", **place) as a, start_service(tmp_path / "b", **place) as b:
            await a.call("POST", "/v1/activity?flush=true", key="detector", json_body=history)
            # Each replica gets an overlapping part of the fan-out at the same moment: they take
            # turns on the subscription, so the second judges against what the first saved.
            answers = await asyncio.gather(
                a.call("POST", "/v1/activity?flush=true", key="detector", json_body=attack[:6]),
                b.call("POST", "/v1/activity?flush=true", key="detector", json_body=attack[2:]))
            assert [status for status, _, _ in answers] == [200, 200]
            raised = [alert["alert_type"] for _, _, body in answers for alert in body["alerts"]]
            assert raised == ["VM_RunCommandSuspiciousUsage"]
            assert sum(body["judged"] for _, _, body in answers) == len(attack)
            alerts, tables = await _stored(b)
            assert [alert_type for _, alert_type, _ in alerts] == ["VM_RunCommandSuspiciousUsage"]
            assert len(await _alert_events(a)) == 1
            assert tables == expected_tables
    finally:
        await drop_schema(one)
        await drop_schema(shared)


async def test_a_record_later_than_max_lateness_is_counted_too_late(service: Service):
    records = _attack()
    await service.call("POST", "/v1/activity", key="detector", json_body=records[-20:])
    late = (await service.call("POST", "/v1/activity", key="detector", json_body=records[:1]))[2]
    assert late["too_late"] == 1 and late["judged"] == 0
