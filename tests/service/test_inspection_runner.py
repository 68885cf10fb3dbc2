"""Inspections that outlive the caller's wait, the bounded queue, and shutdown with work in flight."""

from __future__ import annotations

import asyncio
from pathlib import Path

from inspector.service.state import SERVICE_STATE
from tests.api.server import MALICIOUS_PS, GatedInspector, Service, start_service
from tests.timing import GIVE_UP_S, poll, until

SCRIPT = {"kind": "script", "content": MALICIOUS_PS}


async def poll_until_done(service: Service, inspection_id: str, key: str = "admin") -> dict:
    async def read() -> dict:
        status, _, body = await service.call("GET", f"/v1/inspections/{inspection_id}", key=key)
        assert status == 200, body
        return body  # type: ignore[no-any-return]

    return await poll(read, lambda body: body.get("status") not in ("queued", "running"),
                      what=f"inspection {inspection_id} finished")


async def test_past_the_deadline_the_answer_is_202_and_the_work_continues(tmp_path: Path):
    async with start_service(tmp_path, inspector_cls=GatedInspector) as service:
        inspector = service.inspector
        assert isinstance(inspector, GatedInspector)
        status, headers, accepted = await service.call(
            "POST", "/v1/inspections", key="detector", json_body={**SCRIPT, "options": {"deadline_s": 0.2}})
        assert status == 202 and accepted["status"] == "running"
        status, _, running = await service.call("GET", headers["Location"], key="detector")
        assert status == 200 and running["status"] == "running" and running["kind"] == "script"
        inspector.gate.set()
        verdict = await poll_until_done(service, accepted["id"], key="detector")
        assert verdict["id"] == accepted["id"] and verdict["verdict"] != "clean"


async def test_an_input_rejected_in_the_background_is_stored_as_failed(tmp_path: Path):
    async with start_service(tmp_path, inspector_cls=GatedInspector) as service:
        assert isinstance(service.inspector, GatedInspector)
        status, _, accepted = await service.call(
            "POST", "/v1/inspections", headers={"Prefer": "respond-async"},
            json_body={"kind": "extension", "resource": {"properties": "not an object"}})
        assert status == 202
        service.inspector.gate.set()
        body = await poll_until_done(service, accepted["id"])
        if body.get("status") == "failed":  # the extension reader refused the shape
            assert body["error"]
        else:  # or it read it as an unrecognised extension and made a verdict
            assert body["verdict"] in ("clean", "suspicious", "malicious")


async def test_a_full_queue_answers_429_with_retry_after(tmp_path: Path):
    async with start_service(tmp_path, inspector_cls=GatedInspector, api_queue_size=2) as service:
        assert isinstance(service.inspector, GatedInspector)
        for _ in range(2):
            status, _, _ = await service.call("POST", "/v1/inspections", json_body=SCRIPT,
                                              headers={"Prefer": "respond-async"})
            assert status == 202
        status, headers, problem = await service.call("POST", "/v1/inspections", json_body=SCRIPT)
        assert status == 429 and problem["type"].endswith("/queue-full")
        assert int(headers["Retry-After"]) >= 1
        service.inspector.gate.set()
        await until(lambda: service.app[SERVICE_STATE].runner.queue.depth == 0, what="the queue drained")
        assert (await service.call("POST", "/v1/inspections", json_body=SCRIPT))[0] == 200


async def test_a_burst_past_the_queue_gets_429s_and_everything_admitted_completes(tmp_path: Path):
    async with start_service(tmp_path, inspector_cls=GatedInspector, api_queue_size=8,
                             api_rate_burst=1000) as service:
        assert isinstance(service.inspector, GatedInspector)
        burst = [service.call("POST", "/v1/inspections", json_body=SCRIPT, headers={"Prefer": "respond-async"})
                 for _ in range(40)]
        results = await asyncio.gather(*burst)
        statuses = [status for status, _, _ in results]
        assert statuses.count(202) == 8 and statuses.count(429) == 32
        service.inspector.gate.set()
        for _, _, body in results:
            if "id" in body and "location" in body:
                assert (await poll_until_done(service, body["id"]))["verdict"] != "clean"


async def test_shutdown_lets_in_flight_inspections_finish_within_the_grace(tmp_path: Path):
    async with start_service(tmp_path, inspector_cls=GatedInspector, api_shutdown_grace_s=5) as service:
        inspector = service.inspector
        assert isinstance(inspector, GatedInspector)
        request = asyncio.create_task(service.call("POST", "/v1/inspections", json_body=SCRIPT))
        inspection_id = await asyncio.wait_for(inspector.started.get(), GIVE_UP_S)
        runner = service.app[SERVICE_STATE].runner
        drain = asyncio.create_task(runner.drain(GIVE_UP_S))
        await until(lambda: not runner.accepting, what="the drain began")
        assert not drain.done()  # the gate holds the inspection: drain waits for it
        inspector.gate.set()
        assert await drain == 0  # nothing had to be cancelled
        status, _, verdict = await request
        assert status == 200 and verdict["id"] == inspection_id
        stored = await service.store.inspections.get(inspection_id)
        assert stored is not None and stored.status == "done"


async def test_shutdown_past_the_grace_records_unfinished_inspections_as_failed(tmp_path: Path):
    async with start_service(tmp_path, inspector_cls=GatedInspector) as service:
        inspector = service.inspector
        assert isinstance(inspector, GatedInspector)
        status, _, accepted = await service.call("POST", "/v1/inspections", json_body=SCRIPT,
                                                 headers={"Prefer": "respond-async"})
        assert status == 202
        await asyncio.wait_for(inspector.started.get(), GIVE_UP_S)
        assert await service.app[SERVICE_STATE].runner.drain(0.2) == 1  # the gate never opens
        stored = await service.store.inspections.get(accepted["id"])
        assert stored is not None and stored.status == "failed" and stored.error_kind == "shutdown"


async def test_a_client_that_hangs_up_does_not_lose_the_inspection(tmp_path: Path):
    async with start_service(tmp_path, inspector_cls=GatedInspector) as service:
        inspector = service.inspector
        assert isinstance(inspector, GatedInspector)
        request = asyncio.create_task(service.call("POST", "/v1/inspections", json_body=SCRIPT))
        inspection_id = await asyncio.wait_for(inspector.started.get(), GIVE_UP_S)
        request.cancel()  # closes the connection while the server waits for the verdict
        await asyncio.gather(request, return_exceptions=True)
        inspector.gate.set()
        # aiohttp does not cancel a handler whose client left: it stores the finished inspection
        # (row and verdict in one write) in its own time, so the row may appear only after the
        # gate opens and the analysis ends.
        await poll(lambda: service.store.inspections.get(inspection_id), lambda stored: stored is not None,
                   what="the inspection was stored")
        verdict = await poll_until_done(service, inspection_id)
        assert verdict["id"] == inspection_id and verdict["verdict"] != "clean"


async def test_a_caller_still_waiting_when_the_grace_runs_out_gets_503(tmp_path: Path):
    async with start_service(tmp_path, inspector_cls=GatedInspector) as service:
        inspector = service.inspector
        assert isinstance(inspector, GatedInspector)
        request = asyncio.create_task(service.call("POST", "/v1/inspections", json_body=SCRIPT))
        inspection_id = await asyncio.wait_for(inspector.started.get(), GIVE_UP_S)
        assert await service.app[SERVICE_STATE].runner.drain(0.2) == 1  # the gate never opens
        status, headers, problem = await request
        assert status == 503 and problem["type"].endswith("/shutting-down") and headers["Retry-After"]
        assert await service.store.inspections.get(inspection_id) is None  # the caller was told; nothing to poll


def test_the_service_leaves_a_core_to_its_own_process_unless_told_otherwise(monkeypatch):
    from inspector.config import Settings
    from inspector.service.inspection_runner import worker_count

    for cpus, expected in ((None, 1), (1, 1), (2, 1), (8, 7)):
        monkeypatch.setattr("inspector.service.inspection_runner.os.cpu_count", lambda cpus=cpus: cpus)
        assert worker_count(Settings(api_workers=0)) == expected
    assert worker_count(Settings(api_workers=3)) == 3


async def test_a_synchronous_answer_is_the_verdict_as_stored(tmp_path: Path):
    async with start_service(tmp_path) as service:
        status, _, answered = await service.call("POST", "/v1/inspections", key="detector", json_body=SCRIPT)
        assert status == 200
        status, _, stored = await service.call("GET", f"/v1/inspections/{answered['id']}", key="detector")
        assert status == 200
        assert {k: stored[k] for k in answered} == answered


REJECTED_URLS = ["javascript:alert(1)", "", "ftp://example.com/x.ps1", "not a url"]


async def test_an_input_the_pipeline_rejects_is_answered_422_within_the_wait(tmp_path: Path):
    async with start_service(tmp_path) as service:
        for url in REJECTED_URLS:
            status, _, problem = await service.call("POST", "/v1/inspections", key="detector",
                                                    json_body={"kind": "url", "url": url})
            assert status == 422, url
            assert problem["type"].endswith("/uninspectable-input"), url
        failures = service.app[SERVICE_STATE].metrics.inspection_failures.labels(kind="invalid_url")
        assert failures._value.get() == len(REJECTED_URLS)


async def test_an_input_the_pipeline_rejects_after_a_202_ends_failed(tmp_path: Path):
    async with start_service(tmp_path) as service:
        status, _, accepted = await service.call("POST", "/v1/inspections", key="detector",
                                                 headers={"Prefer": "respond-async"},
                                                 json_body={"kind": "url", "url": "javascript:alert(1)"})
        assert status == 202
        body = await poll_until_done(service, accepted["id"])
        assert body["status"] == "failed" and body["error"].startswith("invalid_url")


async def test_the_hard_timeout_ends_an_inspection_answered_202(tmp_path: Path):
    async with start_service(tmp_path, inspector_cls=GatedInspector, api_inspection_timeout_s=0.5) as service:
        assert isinstance(service.inspector, GatedInspector)  # its gate stays shut: the inspection hangs
        status, _, accepted = await service.call("POST", "/v1/inspections", key="detector", json_body=SCRIPT,
                                                 headers={"Prefer": "respond-async"})
        assert status == 202
        body = await poll_until_done(service, accepted["id"])
        assert body["status"] == "failed" and body["error"].startswith("deadline")
