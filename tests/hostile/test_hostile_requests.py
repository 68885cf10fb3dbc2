"""Hostile and wrong-shaped requests against a real service on loopback: each gets a problem with
a stable type, never a 500, never a clean verdict for a request the inspector did not understand."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.api.server import Service, start_service


@pytest.fixture
async def service(tmp_path: Path) -> AsyncIterator[Service]:
    async with start_service(tmp_path) as svc:
        yield svc


async def raw_request(service: Service, head: bytes, body: bytes = b"") -> tuple[int, dict[str, object]]:
    """Send bytes exactly as given (clients refuse to send some of these headers); status and JSON body."""
    address = urlsplit(service.url)
    reader, writer = await asyncio.open_connection(address.hostname, address.port)
    try:
        writer.write(head + b"Content-Length: " + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
        await writer.drain()
        response = await reader.read()
    finally:
        writer.close()
    status_line, _, rest = response.partition(b"\r\n")
    _, _, payload = rest.partition(b"\r\n\r\n")
    return int(status_line.split()[1]), json.loads(payload)


@pytest.mark.parametrize("secret", [b"pi_x_\xe9", "pi_x_\u00e9".encode()])
async def test_a_key_that_is_not_ascii_is_401_not_a_crash(service: Service, secret: bytes) -> None:
    status, problem = await raw_request(
        service, b"GET /v1/signatures HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + secret + b"\r\n")
    assert status == 401 and str(problem["type"]).endswith("/unauthorized")


@pytest.mark.parametrize("raw", [
    b'{"kind": "script", "content": "\\ud800"}',
    b'{"kind": "script", "content": "Write-Host \\udfff done"}',
    b'{"kind": "extension", "resource": {"properties": {"settings": {"commandToExecute": "\\ud83d"}}}}',
    b'{"kind": "extension", "resource": {"\\udc00": 1}}',
])
async def test_a_lone_surrogate_is_400_invalid_json(service: Service, raw: bytes) -> None:
    key = service.keys["detector"].encode()
    status, problem = await raw_request(
        service, b"POST /v1/inspections HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Authorization: Bearer " + key + b"\r\n", raw)
    assert status == 400 and str(problem["type"]).endswith("/invalid-json")
    assert "surrogate" in str(problem["detail"])


async def test_a_surrogate_pair_is_text_and_inspected(service: Service) -> None:
    status, _, verdict = await service.call("POST", "/v1/inspections", key="detector",
                                            data=b'{"kind": "script", "content": "echo \\ud83d\\ude00"}',
                                            headers={"Content-Type": "application/json"})
    assert status == 200 and verdict["verdict"] == "clean"


@pytest.mark.parametrize("after", ["9223372036854775808", "9999999999999999999"])
async def test_an_event_cursor_past_64_bits_is_400_invalid_parameter(service: Service, after: str) -> None:
    status, headers, problem = await service.call("GET", "/v1/events", key="detector", params={"after": after})
    assert status == 400 and headers["Content-Type"].startswith("application/problem+json")
    assert problem["type"].endswith("/invalid-parameter")


async def test_the_largest_event_cursor_is_accepted(service: Service) -> None:
    status, _, page = await service.call("GET", "/v1/events", key="detector", params={"after": str(2**63 - 1)})
    assert status == 200 and page == {"events": [], "next_cursor": str(2**63 - 1)}


@pytest.mark.parametrize("body", [
    {"kind": "extension", "resource": {}},
    {"kind": "extension", "resource": {"foo": 1}},
    {"kind": "run_command", "resource": {"foo": 1}},
    {"kind": "activity_log", "event": {}},
    {"kind": "activity_log", "event": []},
])
async def test_a_request_the_inspector_cannot_understand_is_422_never_clean(service: Service, body: dict) -> None:
    status, _, problem = await service.call("POST", "/v1/inspections", key="detector", json_body=body)
    assert status == 422 and problem["type"].endswith("/uninspectable-input")
    assert problem["detail"].startswith("not_understood: ")


@pytest.mark.parametrize("body", [
    {"kind": "script", "content": "echo hi", "options": {"fetch": 0}},
    {"kind": "script", "content": "echo hi", "options": {"fetch": "true"}},
])
async def test_booleans_are_strict_in_inspection_options(service: Service, body: dict) -> None:
    status, _, problem = await service.call("POST", "/v1/inspections", key="detector", json_body=body)
    assert status == 400 and problem["type"].endswith("/invalid-request")
    assert problem["errors"][0]["field"] == "options.fetch"


@pytest.mark.parametrize("field", ["refetch", "dry_run", "full"])
async def test_booleans_are_strict_in_rescan_requests(service: Service, field: str) -> None:
    status, _, problem = await service.call("POST", "/v1/rescans", key="admin", json_body={field: 0})
    assert status == 400 and problem["type"].endswith("/invalid-request")
    assert problem["errors"][0]["field"] == field


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
async def test_the_upload_endpoint_allows_only_post(service: Service, method: str) -> None:
    status, headers, problem = await service.call(method, "/v1/inspections/file", key="detector")
    assert status == 405 and headers["Allow"] == "POST"
    assert problem["type"].endswith("/method-not-allowed")


async def test_other_methods_on_an_inspection_allow_only_get(service: Service) -> None:
    status, headers, _ = await service.call("DELETE", "/v1/inspections/abc", key="detector")
    assert status == 405 and headers["Allow"] == "GET"
