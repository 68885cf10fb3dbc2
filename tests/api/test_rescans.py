"""Rescans over HTTP: POST /v1/rescans and GET /v1/rescans/{id}, and the retrohunt end to end.

The end-to-end test is the issue's promise: a payload stored as clean, a rule added to a
signature folder and reloaded through the API, a rescan (started by the reload) turns the
stored verdict malicious, and the change reaches a signed webhook and GET /v1/events.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from inspector.events import signature
from tests.api.server import Service, start_service
from tests.timing import GIVE_UP_S, poll

MARKER = "contoso-retro-marker-5c1d"
SCRIPT = f"#!/bin/bash\n# rotate logs\necho '{MARKER}' > /var/tmp/.state\nlogrotate /etc/logrotate.conf\n"
RULE = f"""
rule contoso_retro_marker
{{
    meta:
        id = "yara.contoso.retro_marker"
        score = 1500
        attack = "T1505"
        description = "Marker string of the Contoso backdoor family"
    strings:
        $m = "{MARKER}" ascii
    condition:
        $m
}}
"""
SECRET = "webhook-test-secret"
RESCAN_LIMITS = {"rescan_processes": 1, "rescan_poll_s": 0.05, "rescan_batch_size": 8}


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    path = tmp_path / "rules"
    path.mkdir()
    return path


@pytest.fixture
async def service(tmp_path: Path, rules_dir: Path) -> AsyncIterator[Service]:
    async with start_service(tmp_path / "data", signature_dirs=[rules_dir], **RESCAN_LIMITS) as svc:
        yield svc


async def _store_clean_script(service: Service) -> str:
    status, _, verdict = await service.call("POST", "/v1/inspections", key="detector",
                                            json_body={"kind": "script", "content": SCRIPT, "filename": "rotate.sh"})
    assert status == 200 and verdict["verdict"] == "clean"
    return str(verdict["id"])


async def _poll_rescan(service: Service, rescan_id: str) -> dict[str, Any]:
    async def read() -> dict[str, Any]:
        status, _, body = await service.call("GET", f"/v1/rescans/{rescan_id}")
        assert status == 200, body
        return body  # type: ignore[no-any-return]

    return await poll(read, lambda body: body["status"] in ("done", "failed"), what=f"rescan {rescan_id} ended",
                      every_s=0.1)


# --------------------------------------------------------------------------- POST /v1/rescans


async def test_an_admin_starts_a_rescan_and_follows_it_to_done(service: Service, rules_dir: Path) -> None:
    inspection_id = await _store_clean_script(service)
    (rules_dir / "contoso.yar").write_text(RULE)

    status, headers, body = await service.call("POST", "/v1/rescans", json_body={})
    assert status == 202
    assert headers["Location"] == f"/v1/rescans/{body['id']}"
    assert body["status"] in ("queued", "running") and body["requested_by"] == f"key:{service.key_ids['admin']}"

    final = await _poll_rescan(service, body["id"])
    assert final["status"] == "done", final
    assert final["progress"]["artifacts_scanned"] >= 1 and final["changes_count"] == 1
    (change,) = final["changes"]
    assert change["inspection_id"] == inspection_id
    assert (change["old_verdict"], change["new_verdict"], change["applied"]) == ("clean", "malicious", True)

    status, _, stored = await service.call("GET", f"/v1/inspections/{inspection_id}", key="analyst")
    assert status == 200 and stored["verdict"] == "malicious"


async def test_a_dry_run_with_filters_records_changes_without_applying_them(service: Service,
                                                                            rules_dir: Path) -> None:
    inspection_id = await _store_clean_script(service)
    (rules_dir / "contoso.yar").write_text(RULE)

    status, _, body = await service.call("POST", "/v1/rescans", json_body={
        "dry_run": True, "kind": "script", "verdict": "clean", "since": "2000-01-01T00:00:00Z"})
    assert status == 202 and body["dry_run"] is True
    assert body["filters"] == {"since": "2000-01-01T00:00:00Z", "kind": "script", "verdict": "clean"}

    final = await _poll_rescan(service, body["id"])
    assert final["status"] == "done" and [c["applied"] for c in final["changes"]] == [False]
    status, _, stored = await service.call("GET", f"/v1/inspections/{inspection_id}", key="analyst")
    assert stored["verdict"] == "clean"  # found, not made


async def test_a_filter_that_matches_nothing_finishes_with_no_changes(service: Service, rules_dir: Path) -> None:
    await _store_clean_script(service)
    (rules_dir / "contoso.yar").write_text(RULE)
    status, _, body = await service.call("POST", "/v1/rescans", json_body={"kind": "extension"})
    assert status == 202
    final = await _poll_rescan(service, body["id"])
    assert final["status"] == "done" and final["changes_count"] == 0


async def test_an_empty_body_means_everything(service: Service) -> None:
    status, _, body = await service.call("POST", "/v1/rescans", data=b"")
    assert status == 202 and body["filters"] == {"since": None, "kind": None, "verdict": None}
    final = await _poll_rescan(service, body["id"])
    assert final["status"] == "done"


async def test_a_second_request_for_the_same_rules_joins_the_unfinished_rescan(service: Service) -> None:
    await _store_clean_script(service)
    first = await service.call("POST", "/v1/rescans", json_body={})
    second = await service.call("POST", "/v1/rescans", json_body={})
    assert first[0] == second[0] == 202
    # Either the first is still unfinished (same id), or it finished and a new one started.
    if second[2]["id"] != first[2]["id"]:
        assert (await _poll_rescan(service, first[2]["id"]))["status"] == "done"
    for _, _, body in (first, second):
        assert (await _poll_rescan(service, body["id"]))["status"] == "done"


@pytest.mark.parametrize("role", ["detector", "analyst"])
async def test_only_admins_start_or_read_rescans(service: Service, role: str) -> None:
    status, _, problem = await service.call("POST", "/v1/rescans", key=role, json_body={})
    assert status == 403 and problem["type"].endswith("/forbidden")
    status, _, problem = await service.call("GET", "/v1/rescans/r0123456789abcdef", key=role)
    assert status == 403


async def test_requests_without_a_key_are_refused(service: Service) -> None:
    assert (await service.call("POST", "/v1/rescans", key=None, json_body={}))[0] == 401
    assert (await service.call("GET", "/v1/rescans/r1", key=None))[0] == 401


@pytest.mark.parametrize(("body", "problem_type"), [
    ({"dry_run": True, "everything": True}, "unknown-fields"),
    ({"verdict": "evil"}, "invalid-request"),
    ({"since": "last tuesday"}, "invalid-request"),
    ({"kind": "k" * 100}, "invalid-request"),
    ([1, 2, 3], "invalid-request"),
])
async def test_bad_rescan_requests_are_problems(service: Service, body: Any, problem_type: str) -> None:
    status, headers, problem = await service.call("POST", "/v1/rescans", json_body=body)
    assert status == 400 and headers["Content-Type"].startswith("application/problem+json")
    assert problem["type"].endswith("/" + problem_type)


async def test_malformed_json_wrong_content_type_and_oversized_bodies_are_refused(service: Service) -> None:
    status, _, problem = await service.call("POST", "/v1/rescans", data=b"{not json",
                                            headers={"Content-Type": "application/json"})
    assert status == 400 and problem["type"].endswith("/invalid-json")
    status, _, _ = await service.call("POST", "/v1/rescans", data=b"dry_run=true",
                                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 415
    status, _, _ = await service.call("POST", "/v1/rescans", data=b"{" + b" " * (64 * 1024) + b"}",
                                      headers={"Content-Type": "application/json"})
    assert status == 413


async def test_unknown_and_malformed_rescan_ids(service: Service) -> None:
    status, _, problem = await service.call("GET", "/v1/rescans/r00000000deadbeef")
    assert status == 404 and problem["type"].endswith("/not-found")
    status, _, problem = await service.call("GET", "/v1/rescans/" + "x" * 40)
    assert status == 400 and problem["type"].endswith("/invalid-parameter")


async def test_metrics_count_rescans_by_status(service: Service) -> None:
    status, _, body = await service.call("POST", "/v1/rescans", json_body={})
    await _poll_rescan(service, body["id"])
    _, _, text = await service.call("GET", "/metrics", key=None)
    assert b'inspector_rescans{status="done"} 1.0' in text
    assert b'inspector_rescans{status="failed"} 0.0' in text
    assert b"inspector_analysis_cache_hit_rate" in text


# --------------------------------------------------------------------------- the retrohunt, end to end


class WebhookReceiver:
    """A local webhook endpoint that checks each delivery's HMAC signature."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.bad_signatures = 0
        self.arrived = asyncio.Event()

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        if request.headers.get("X-Inspector-Signature") != signature(SECRET.encode(), body):
            self.bad_signatures += 1
            return web.Response(status=401)
        self.events.append(json.loads(body))
        self.arrived.set()
        return web.Response(status=204)


@pytest.fixture
async def receiver() -> AsyncIterator[tuple[WebhookReceiver, str]]:
    hook = WebhookReceiver()
    app = web.Application()
    app.router.add_post("/hook", hook.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield hook, f"http://127.0.0.1:{port}/hook"
    finally:
        await runner.cleanup()


async def test_a_reloaded_rule_turns_a_stored_clean_payload_malicious_and_everyone_hears(
        tmp_path: Path, rules_dir: Path, receiver: tuple[WebhookReceiver, str]) -> None:
    hook, hook_url = receiver
    async with start_service(tmp_path / "data", signature_dirs=[rules_dir], auto_rescan_on_reload=True,
                             webhook_url=hook_url, webhook_secret=SECRET, **RESCAN_LIMITS) as service:
        # The detector's own events feed starts empty; its cursor is where it will read from.
        status, _, page = await service.call("GET", "/v1/events", key="detector")
        assert status == 200 and page == {"events": [], "next_cursor": "0"}
        inspection_id = await _store_clean_script(service)

        (rules_dir / "contoso.yar").write_text(RULE)
        status, _, ruleset = await service.call("POST", "/v1/signatures/reload")
        assert status == 200
        # The reload started a rescan by itself (auto_rescan_on_reload); wait for it through the API.
        rescans = await service.store.rescans.recent()
        assert [r.requested_by for r in rescans] == ["auto:reload"]
        final = await _poll_rescan(service, rescans[0].id)
        assert final["status"] == "done" and final["ruleset_version"] == ruleset["version"]

        status, _, stored = await service.call("GET", f"/v1/inspections/{inspection_id}", key="analyst")
        assert stored["verdict"] == "malicious"
        assert any(f["id"] == "yara.contoso.retro_marker" for f in stored["findings"])

        status, _, page = await service.call("GET", "/v1/events", key="detector", params={"after": "0"})
        assert status == 200
        (event,) = page["events"]
        assert event["type"] == "verdict.changed" and event["inspection_id"] == inspection_id
        assert event["data"]["old"]["verdict"] == "clean" and event["data"]["new"]["verdict"] == "malicious"
        assert page["next_cursor"] == event["cursor"]

        await asyncio.wait_for(hook.arrived.wait(), timeout=GIVE_UP_S)
        assert hook.bad_signatures == 0
        (delivered,) = hook.events
        assert delivered["id"] == event["id"] and delivered["new"]["verdict"] == "malicious"
        assert delivered["rescan_id"] == final["id"]

        # Nothing new after the last cursor; and the metrics say nothing waits for the webhook.
        status, _, page = await service.call("GET", "/v1/events", key="detector",
                                             params={"after": event["cursor"]})
        assert page == {"events": [], "next_cursor": event["cursor"]}
        assert await _events_pending(service) == 0


async def _events_pending(service: Service) -> float:
    """The webhook sink's pending-events gauge, once it reaches 0 (the cursor moves just after delivery)."""
    async def read() -> float:
        _, _, text = await service.call("GET", "/metrics", key=None)
        (line,) = [x for x in text.decode().splitlines() if x.startswith('inspector_events_pending{sink="webhook:')]
        return float(line.rsplit(" ", 1)[1])

    return await poll(read, lambda pending: pending == 0, what="no event waits for the webhook", every_s=0.1)


async def test_a_refetch_rescan_is_refused_while_fetching_is_off(service: Service) -> None:
    status, headers, problem = await service.call("POST", "/v1/rescans", json_body={"refetch": True})
    assert status == 409 and headers["Content-Type"].startswith("application/problem+json")
    assert problem["type"].endswith("/refetch-refused")
    assert "fetch" in problem["detail"].lower()
