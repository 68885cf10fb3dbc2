"""Reading records: every shape Azure emits, one record at a time, a clear error per bad record."""

from __future__ import annotations

import io
import json

from inspector.activity import ActivityLimits, ActivityRecord, RecordError, read_records
from inspector.activity.records import ip_range
from tests.activity.builders import SUB, T0, event, vm

LIMITS = ActivityLimits()
WRITE = "Microsoft.Compute/virtualMachines/extensions/write"


def _read(data: bytes | str, limits: ActivityLimits = LIMITS) -> list[ActivityRecord | RecordError]:
    raw = data.encode() if isinstance(data, str) else data
    return list(read_records(io.BytesIO(raw), limits, "in"))


def _export(status: str = "Success") -> dict:
    return {"time": "2026-01-01T10:00:00.1234567Z", "resourceId": f"{vm('vm-01').upper()}/EXTENSIONS/X",
            "operationName": WRITE.upper(), "category": "Administrative", "resultType": status,
            "resultSignature": "Succeeded.OK", "callerIpAddress": "203.0.113.9", "correlationId": "c-1",
            "identity": {"claims": {"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn": "eve@contoso.com"}},
            "properties": {"requestbody": json.dumps({"properties": {"publisher": "Microsoft.Compute",
                                                                     "type": "CustomScriptExtension"}})}}


def test_a_rest_event_list_as_az_prints_it():
    records = _read(json.dumps([event(WRITE, vm("vm-01") + "/extensions/a", T0, status="Started"),
                                event(WRITE, vm("vm-02") + "/extensions/b", T0, status="Failed")]))
    assert [r.status for r in records] == ["started", "failed"]  # each its own status
    assert records[1].resource_id.endswith("vm-02/extensions/b") and records[0].subscription_id == SUB
    assert records[0].caller == "ops@contoso.com" and records[0].caller_ip == "10.1.2.3"


def test_a_diagnostic_settings_export_with_claims_and_seven_digit_fractions():
    (record,) = _read(json.dumps({"records": [_export()]}))
    assert isinstance(record, ActivityRecord)
    assert record.caller == "eve@contoso.com" and record.status == "succeeded" and record.sub_status == "Succeeded.OK"
    assert record.event_time.isoformat() == "2026-01-01T10:00:00.123456+00:00"
    assert record.request_body["properties"]["type"] == "CustomScriptExtension"
    assert record.record_id.startswith("h:")  # no eventDataId: a digest of correlation, operation, status, time


def test_json_lines_of_exports_and_of_single_events():
    lines = "\n".join([json.dumps({"records": [_export(), _export("Failure")]}),
                       json.dumps(event(WRITE, vm("vm-03") + "/extensions/c", T0))])
    records = _read(lines)
    assert [r.status for r in records] == ["succeeded", "failed", "succeeded"]
    assert records[0].record_id != records[1].record_id


def test_a_broken_line_is_one_error_and_the_next_lines_are_read():
    good = json.dumps(event(WRITE, vm("vm-03") + "/extensions/c", T0))
    records = _read(f'{good}\n{{"operationName": "x", "resourceId": \n{good}')
    assert [type(r).__name__ for r in records] == ["ActivityRecord", "RecordError", "ActivityRecord"]
    assert "not valid JSON" in records[1].detail and records[1].position == "in#1"


def test_a_record_of_the_wrong_shape_names_what_is_missing():
    records = _read(json.dumps([{"operationName": {"value": WRITE}}, {"resourceId": "/x", "operationName": "y"},
                                event(WRITE, vm("vm-01") + "/extensions/a", T0)]))
    assert [r.detail for r in records[:2]] == ["no resourceId", "no subscription (subscriptionId, or a resourceId under /subscriptions/)"]
    assert isinstance(records[2], ActivityRecord) and records[0].position == "in[0][0]"


def test_an_enormous_record_is_an_error_and_the_rest_is_read():
    limits = ActivityLimits(max_record_bytes=4096)
    huge = event(WRITE, vm("vm-01") + "/extensions/a", T0, body={"properties": {"settings": {"x": "A" * 20_000}}})
    small = event(WRITE, vm("vm-02") + "/extensions/b", T0)
    for data in (json.dumps([huge, small]), json.dumps(huge) + "\n" + json.dumps(small)):
        records = _read(data, limits)
        assert isinstance(records[0], RecordError) and "larger than 4096" in records[0].detail
        assert isinstance(records[-1], ActivityRecord) and records[-1].resource_id.endswith("/b")


def test_the_batch_limit_stops_reading_with_an_error():
    batch = [event(WRITE, vm("vm-01") + f"/extensions/{i}", T0) for i in range(5)]
    records = _read(json.dumps(batch), ActivityLimits(max_batch_records=3))
    assert sum(isinstance(r, ActivityRecord) for r in records) == 3
    assert isinstance(records[-1], RecordError) and "more than 3 records" in records[-1].detail


def test_a_large_input_is_streamed_in_chunks():
    lines = "\n".join(json.dumps(event(WRITE, vm(f"vm-{i}") + "/extensions/e", T0)) for i in range(3000))
    records = _read(lines)
    assert len(records) == 3000 and all(isinstance(r, ActivityRecord) for r in records)


def test_a_request_body_that_is_not_json_is_kept_as_text():
    (record,) = _read(json.dumps(event(WRITE, vm("vm-01") + "/extensions/a", T0) | {
        "properties": {"requestbody": '{"properties": {"settings": {"commandToExecute": "trunc'}}))
    assert isinstance(record.request_body, str)


def test_caller_ip_ranges_are_16_for_ipv4_and_48_for_ipv6():
    assert ip_range("203.0.113.77") == "203.0.0.0/16"
    assert ip_range("203.0.113.77:443") == "203.0.0.0/16"
    assert ip_range("2001:db8:abcd:12::1") == "2001:db8:abcd::/48"
    assert ip_range("not an ip") is None
