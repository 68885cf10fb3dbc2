"""The console's reader: everything the analyst console shows, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import hashlib

from inspector.model import VerdictClass
from inspector.store import InspectionFilter, Store
from inspector.store.testing import blobs_of, make_verdict


async def test_a_session_key_is_found_by_its_id_revoked_or_not(store: Store) -> None:
    info, _ = await store.keys.create("analyst", "console")
    found = await store.console.key(info.id)
    assert found is not None and found.id == info.id and found.role == "analyst" and found.active
    await store.keys.revoke(info.id)
    revoked = await store.console.key(info.id)
    assert revoked is not None and not revoked.active
    assert await store.console.key("no-such-key") is None


async def test_an_inspection_its_stored_request_and_its_payloads_are_shown(store: Store) -> None:
    request = {"type": "CustomScript", "settings": {"commandToExecute": "echo hi"}}
    contents = [b"echo hi", b"decoded child"]
    await store.inspections.create("c1", "extension", request, None, "k1", "in.json")
    await store.inspections.save_verdict("c1", make_verdict("c1", contents, verdict=VerdictClass.SUSPICIOUS,
                                                            score=400), blobs_of(contents))
    shown = await store.console.inspection("c1")
    assert shown is not None and shown.verdict is not None and shown.verdict.score == 400
    assert await store.console.inspection_request("c1") == request
    assert await store.console.inspection_request("missing") is None
    sha = hashlib.sha256(b"decoded child").hexdigest()
    payload = await store.console.payload(sha)
    assert payload is not None and payload.inspections == ["c1"]
    assert await store.console.payload_bytes(sha) == b"decoded child"


async def test_history_is_newest_first_and_filtered(store: Store) -> None:
    for n in range(3):
        await store.inspections.create(f"h{n}", "script" if n != 1 else "url", {}, None, None)
    assert [s.id for s in await store.console.history(InspectionFilter(), limit=10)] == ["h2", "h1", "h0"]
    assert [s.id for s in await store.console.history(InspectionFilter(kind="url"), limit=10)] == ["h1"]
    assert [s.id for s in await store.console.history(InspectionFilter(), limit=10, before="h2")] == ["h1", "h0"]
