"""Outbox delivery: a flaky webhook receiver still sees every event once, in order, across restarts."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from aiohttp import web

from inspector.events import EventDelivery, JsonlSink, WebhookSink, backoff_delay, configured_sinks, signature
from inspector.model import VerdictClass
from inspector.store import Store, StoreError
from inspector.store.testing import blobs_of, make_verdict
from tests.timing import until

SECRET = "webhook-test-secret"


@dataclass
class Receiver:
    """A webhook endpoint that fails its first `fail_first` requests, then records and deduplicates."""

    fail_first: int = 0
    requests: int = 0
    bad_signatures: int = 0
    seen_ids: list[str] = field(default_factory=list)
    processed: list[dict[str, object]] = field(default_factory=list)
    url: str = ""

    async def handle(self, request: web.Request) -> web.Response:
        self.requests += 1
        body = await request.read()
        expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(request.headers.get("X-Inspector-Signature", ""), expected):
            self.bad_signatures += 1
            return web.Response(status=401)
        if self.requests <= self.fail_first:
            return web.Response(status=503)
        event = json.loads(body)
        assert request.headers["X-Inspector-Event-Id"] == event["id"]
        if event["id"] not in self.seen_ids:  # exactly-once processing, keyed on the event id
            self.seen_ids.append(event["id"])
            self.processed.append(event)
        return web.Response(status=204)


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    recv = Receiver()
    app = web.Application()
    app.router.add_post("/hook", recv.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    recv.url = f"http://127.0.0.1:{port}/hook"
    yield recv
    await runner.cleanup()


async def _flag(store: Store, inspection_id: str, score: int) -> None:
    """A non-clean verdict: with events_on_new_verdicts on, it writes one event to the outbox."""
    await store.inspections.create(inspection_id, "extension", {}, None, None)
    contents = [f"payload {inspection_id} {score}".encode()]
    await store.inspections.save_verdict(inspection_id, make_verdict(inspection_id, contents, verdict=VerdictClass.MALICIOUS,
                                                         score=score), blobs_of(contents))


def _delivery(store: Store, url: str) -> EventDelivery:
    sink = WebhookSink(url, SECRET, timeout_s=2.0)
    return EventDelivery(store, store.settings, [sink], idle_poll_s=0.05, base_backoff_s=0.01)


async def test_every_event_arrives_once_in_order_despite_failures_and_a_restart(
    store: Store, receiver: Receiver
) -> None:
    receiver.fail_first = 4
    for n in range(5):
        await _flag(store, f"insp-{n}", 1000 + n)
    first = _delivery(store, receiver.url)
    await first.start()
    await until(lambda: len(receiver.processed) == 5, what="five events delivered")
    await first.stop()

    # While the service is down, more events are written; a new process picks up at the cursor.
    for n in range(5, 8):
        await _flag(store, f"insp-{n}", 1000 + n)
    second = _delivery(store, receiver.url)
    await second.start()
    await until(lambda: len(receiver.processed) == 8, what="eight events delivered")
    await second.stop()

    assert receiver.requests >= 8 + 4 and receiver.bad_signatures == 0
    assert [e["inspection_id"] for e in receiver.processed] == [f"insp-{n}" for n in range(8)]
    outbox = await store.events.read()
    assert [e.id for e in outbox] == receiver.seen_ids


async def test_a_crashed_deliverer_is_taken_over_after_its_lease(store: Store, receiver: Receiver) -> None:
    await _flag(store, "a", 1200)
    crashed = _delivery(store, receiver.url)
    sink = crashed.sinks[0]
    assert await store.events.claim_sink(sink.name, crashed.owner, timedelta(hours=1)) == 0
    # `crashed` never releases its lease; a second replica delivers nothing while it runs...
    other = _delivery(store, receiver.url)
    assert await other.deliver_once(other.sinks[0]) == 0
    # ...and takes over once it has run out (ended here as if the hour had passed).
    assert await store.events.claim_sink(sink.name, crashed.owner, timedelta(seconds=-1)) == 0
    assert await other.deliver_once(other.sinks[0]) == 1
    assert [e["inspection_id"] for e in receiver.processed] == ["a"]


async def test_list_events_pages_with_a_cursor(store: Store) -> None:
    for n in range(5):
        await _flag(store, f"p{n}", 1000)
    page1 = await store.events.read(None, limit=2)
    page2 = await store.events.read(page1[-1].cursor, limit=2)
    page3 = await store.events.read(page2[-1].cursor, limit=10)
    assert [e.inspection_id for e in page1 + page2 + page3] == [f"p{n}" for n in range(5)]
    assert page3[-1].data["new"] == {"verdict": "malicious", "score": 1000, "severity": "High", "alerts": []}
    assert await store.events.read(page3[-1].cursor) == []
    with pytest.raises(StoreError, match="cursor"):
        await store.events.read("not-a-cursor")


async def test_clean_verdicts_emit_no_event(store: Store) -> None:
    await store.inspections.create("c", "script", {}, None, None)
    await store.inspections.save_verdict("c", make_verdict("c", [b"echo ok"]), blobs_of([b"echo ok"]))
    assert await store.events.read() == []


async def test_jsonl_sink_appends_one_line_per_event(store: Store, tmp_path: Path) -> None:
    for n in range(3):
        await _flag(store, f"j{n}", 1500)
    path = tmp_path / "out" / "events.jsonl"
    delivery = EventDelivery(store, store.settings, [JsonlSink(path)], idle_poll_s=0.05)
    assert await delivery.deliver_once(delivery.sinks[0]) == 3
    assert await delivery.deliver_once(delivery.sinks[0]) == 0
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [line["inspection_id"] for line in lines] == ["j0", "j1", "j2"]
    assert all(line["type"] == "verdict.new" for line in lines)


async def test_jsonl_file_is_private_to_the_service_user(store: Store, tmp_path: Path) -> None:
    await _flag(store, "p0", 1500)
    path = tmp_path / "events.jsonl"
    delivery = EventDelivery(store, store.settings, [JsonlSink(path)], idle_poll_s=0.05)
    old_umask = os.umask(0o022)
    try:
        assert await delivery.deliver_once(delivery.sinks[0]) == 1
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_signature_is_hmac_sha256_of_the_body() -> None:
    assert signature(b"k", b"{}") == "sha256=" + hmac.new(b"k", b"{}", hashlib.sha256).hexdigest()


def test_backoff_doubles_and_is_capped() -> None:
    assert [backoff_delay(n, cap_s=3.0) for n in range(6)] == [0.0, 0.5, 1.0, 2.0, 3.0, 3.0]


def test_sinks_come_from_settings_and_hide_url_secrets(tmp_path: Path) -> None:
    from inspector.config import Settings

    settings = Settings(data_dir=tmp_path, webhook_url="https://hooks.example/x?sig=SECRET123",
                        webhook_secret="s", events_jsonl_path=tmp_path / "e.jsonl")
    sinks = configured_sinks(settings)
    assert [type(s).__name__ for s in sinks] == ["WebhookSink", "JsonlSink"]
    assert "SECRET123" not in sinks[0].name and "SECRET123" not in sinks[0].describe()
    assert configured_sinks(Settings(data_dir=tmp_path)) == []


async def test_activity_alerts_reach_the_webhook_and_the_jsonl_file_once(store: Store, receiver: Receiver,
                                                                          tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from inspector.store.activity import AlertRow

    at = datetime(2026, 1, 1, tzinfo=UTC)
    alert = AlertRow("a1", "s1", "g@1", "VM_RunCommandSuspiciousUsage", "Low", at, at, {"id": "a1"})
    await store.activity.save([], [alert])
    await store.activity.save([], [alert])  # stored already: no second event
    path = tmp_path / "events.jsonl"
    delivery = EventDelivery(store, store.settings, [WebhookSink(receiver.url, SECRET, timeout_s=2.0), JsonlSink(path)],
                             idle_poll_s=0.05, base_backoff_s=0.01)
    await delivery.start()
    await until(lambda: len(receiver.processed) == 1 and path.exists() and path.read_text().count("\n") == 1,
                what="the alert event on both sinks")
    await delivery.stop()
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [(e["type"], e["alert_id"]) for e in receiver.processed + lines] == [("alert.raised", "a1")] * 2
