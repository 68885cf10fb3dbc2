"""The service's rescans: submitted in the background, and started by themselves after a reload."""

from __future__ import annotations

from pathlib import Path

from inspector.service.rescan_service import RescanService
from inspector.store import Store
from inspector.store.testing import blobs_of, make_verdict

RULE = 'rule svc_marker { meta: score = 2000 strings: $a = "svc-marker-91" condition: $a }'


async def _seed(store: Store) -> None:
    contents = [b"echo svc-marker-91"]
    await store.inspections.create("svc", "script", {}, None, None)
    await store.inspections.save_verdict("svc", make_verdict("svc", contents), blobs_of(contents))


async def test_submit_answers_at_once_and_finishes_in_the_background(store: Store, rules_dir: Path) -> None:
    await _seed(store)
    (rules_dir / "svc.yar").write_text(RULE)
    service = RescanService(store, store.settings)
    try:
        info = await service.submit(requested_by="admin-key")
        assert info.status == "queued" and info.requested_by == "admin-key"
        again = await service.submit()
        assert again.id == info.id  # the unfinished rescan of this ruleset, not a second one
        final = await service.wait(info.id)
        assert final is not None and final.status == "done" and final.changes_count == 1
    finally:
        await service.close()


async def test_a_reload_starts_a_rescan_only_when_configured(store: Store, rules_dir: Path) -> None:
    await _seed(store)
    (rules_dir / "svc.yar").write_text(RULE)
    off = RescanService(store, store.settings)
    assert await off.on_ruleset_loaded() is None
    on = RescanService(store, store.settings.model_copy(update={"auto_rescan_on_reload": True}))
    try:
        info = await on.on_ruleset_loaded()
        assert info is not None and info.requested_by == "auto:reload"
        final = await on.wait(info.id)
        assert final is not None and final.status == "done"
        assert (await store.inspections.get("svc")).verdict.verdict == "malicious"  # type: ignore[union-attr]
    finally:
        await on.close()
