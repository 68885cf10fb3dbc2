"""GET /v1/events: a detector polls verdict events after a cursor instead of running a webhook."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.api.server import BENIGN_PS, MALICIOUS_PS, Service, start_service


@pytest.fixture
async def service(tmp_path: Path) -> AsyncIterator[Service]:
    # New non-clean verdicts are events too, so inspections alone fill the outbox.
    async with start_service(tmp_path, events_on_new_verdicts=True) as svc:
        yield svc


async def _inspect(service: Service, content: str, key: str = "detector") -> str:
    status, _, verdict = await service.call("POST", "/v1/inspections", key=key,
                                            json_body={"kind": "script", "content": content, "language": "powershell"})
    assert status == 200
    return str(verdict["id"])


async def test_events_come_oldest_first_and_the_cursor_continues_where_a_page_ended(service: Service) -> None:
    flagged = [await _inspect(service, MALICIOUS_PS + f"# copy {n}\n") for n in range(3)]
    await _inspect(service, BENIGN_PS)  # clean: no event

    status, _, page = await service.call("GET", "/v1/events", key="detector", params={"limit": "2"})
    assert status == 200
    assert [e["inspection_id"] for e in page["events"]] == flagged[:2]
    assert all(e["type"] == "verdict.new" and e["data"]["new"]["verdict"] == "malicious" for e in page["events"])
    assert page["next_cursor"] == page["events"][-1]["cursor"]

    status, _, rest = await service.call("GET", "/v1/events", key="detector", params={"after": page["next_cursor"]})
    assert [e["inspection_id"] for e in rest["events"]] == flagged[2:]
    status, _, empty = await service.call("GET", "/v1/events", key="detector", params={"after": rest["next_cursor"]})
    assert empty == {"events": [], "next_cursor": rest["next_cursor"]}


async def test_each_event_has_a_stable_id_for_receivers_to_deduplicate(service: Service) -> None:
    await _inspect(service, MALICIOUS_PS)
    first = await service.call("GET", "/v1/events", key="analyst")
    again = await service.call("GET", "/v1/events", key="admin", params={"after": ""})
    assert first[2] == again[2] and len(first[2]["events"][0]["id"]) == 32


async def test_every_role_may_poll_but_not_without_a_key(service: Service) -> None:
    for role in ("detector", "analyst", "admin"):
        assert (await service.call("GET", "/v1/events", key=role))[0] == 200
    status, _, problem = await service.call("GET", "/v1/events", key=None)
    assert status == 401 and problem["type"].endswith("/unauthorized")
    assert (await service.call("GET", "/v1/events", key="not-a-key"))[0] == 401


async def test_a_detector_reads_the_events_of_its_own_inspections_only(service: Service) -> None:
    mine = await _inspect(service, MALICIOUS_PS + "# mine\n", key="detector")
    theirs = await _inspect(service, MALICIOUS_PS + "# theirs\n", key="detector2")
    by_analyst = await _inspect(service, MALICIOUS_PS + "# analyst\n", key="analyst")

    async def seen(key: str) -> list[str]:
        status, _, page = await service.call("GET", "/v1/events", key=key)
        assert status == 200
        return [e["inspection_id"] for e in page["events"]]

    # The same rule as GET /v1/inspections/{id}: a detector sees its own; analysts and admins all.
    assert await seen("detector") == [mine]
    assert await seen("detector2") == [theirs]
    assert await seen("analyst") == await seen("admin") == [mine, theirs, by_analyst]
    assert (await service.call("GET", f"/v1/inspections/{theirs}", key="detector"))[0] == 404


@pytest.mark.parametrize("params", [
    {"after": "-1"}, {"after": "abc"}, {"after": "9" * 40}, {"limit": "0"}, {"limit": "1001"}, {"limit": "ten"},
])
async def test_bad_cursors_and_limits_are_problems(service: Service, params: dict[str, str]) -> None:
    status, headers, problem = await service.call("GET", "/v1/events", params=params)
    assert status == 400 and headers["Content-Type"].startswith("application/problem+json")
    assert problem["type"].endswith("/invalid-parameter") and problem["request_id"]


async def test_a_cursor_past_the_end_returns_nothing_and_keeps_the_cursor(service: Service) -> None:
    await _inspect(service, MALICIOUS_PS)
    status, _, page = await service.call("GET", "/v1/events", params={"after": "1000000"})
    assert status == 200 and page == {"events": [], "next_cursor": "1000000"}


async def test_event_bodies_carry_no_secrets(service: Service) -> None:
    script = MALICIOUS_PS + "$k = 'AccountKey=c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTIzNA=='\n"
    await _inspect(service, script)
    _, _, raw = await service.call("GET", "/v1/events", key="detector")
    assert "c2VjcmV0c2VjcmV0" not in str(raw)


def test_inspector_serve_delivers_events_and_caches_analyses_in_the_store(tmp_path: Path) -> None:
    """The real `inspector serve`: its event delivery runs with the service, its inspector uses the store's cache."""
    import json
    import urllib.request

    from tests.api.server import create_key, serve_process
    from tests.timing import GIVE_UP_S, until_blocking

    data_dir, jsonl = tmp_path / "data", tmp_path / "events.jsonl"
    data_dir.mkdir()
    key = create_key(data_dir, "detector")

    def post(content: str) -> dict[str, object]:
        req = urllib.request.Request(
            server.url + "/v1/inspections", method="POST",
            data=json.dumps({"kind": "script", "content": content, "language": "powershell"}).encode(),
            headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=GIVE_UP_S) as resp:
            return json.loads(resp.read())  # type: ignore[no-any-return]

    with serve_process(data_dir, INSPECTOR_EVENTS_ON_NEW_VERDICTS="true",
                       INSPECTOR_EVENTS_JSONL_PATH=str(jsonl)) as server:
        first, second = post(MALICIOUS_PS), post(MALICIOUS_PS)
        assert first["verdict"] == second["verdict"] == "malicious" and first["score"] == second["score"]

        until_blocking(lambda: jsonl.exists() and len(jsonl.read_text().splitlines()) >= 2,
                       what="two events in the JSON Lines file")
        lines = [json.loads(line) for line in jsonl.read_text().splitlines()]
        assert [e["inspection_id"] for e in lines] == [first["id"], second["id"]]

        with urllib.request.urlopen(server.url + "/metrics", timeout=GIVE_UP_S) as resp:
            metrics = resp.read().decode()
    # The second inspection of the same bytes was answered from the store's tree cache.
    assert "inspector_analysis_cache_hits 1.0" in metrics
    assert "inspector_analysis_cache_misses 1.0" in metrics
    assert "inspector_analysis_cache_hit_rate 0.5" in metrics
