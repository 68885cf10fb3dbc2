"""Rescans judge an artifact that was a file under its name, as the live analysis did: a rule that
reads `filename` matches the named copy of some bytes and not a nameless copy of the same bytes."""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path

from inspector.extensions.request import InputKind, InspectionInput
from inspector.model import Verdict, VerdictClass
from inspector.pipeline import Inspector
from inspector.service.rescan_service import run_rescan, start_rescan
from inspector.tasks.batch_runner import LocalBatchRunner
from inspector.rescan.scanner import ArtifactScanner
from inspector.store import RescanInfo, Store

SCRIPT = b"#!/bin/bash\n# rotate logs\nlogrotate -f /etc/logrotate.conf\n"
NAME_RULE = """
rule renamed_logrotate {
    meta:
        id = "yara.test.renamed_logrotate"
        score = 1500
        description = "logrotate run from a file named like a system binary"
    strings:
        $s = "logrotate -f"
    condition:
        $s and filename == "sshd"
}
"""
SHA = hashlib.sha256(SCRIPT).hexdigest()


async def _inspect_and_store(store: Store, inspection_id: str, filename: str | None) -> Verdict:
    inspector = await Inspector.start(store.settings, workers=0, fetching=False)
    try:
        result = await inspector.inspect(InspectionInput(kind=InputKind.SCRIPT, content=SCRIPT, filename=filename),
                                         inspection_id=inspection_id)
    finally:
        await inspector.close()
    await store.inspections.create(inspection_id, "script", {"kind": "script"}, None, None, filename)
    await store.inspections.save_verdict(inspection_id, result.verdict, result.blobs)
    return result.verdict


async def _rescan(store: Store) -> RescanInfo:
    scanner = await asyncio.to_thread(ArtifactScanner.from_settings, store.settings)
    info, _ = await start_rescan(store, ruleset_version=scanner.ruleset_version, rule_count=scanner.rule_count,
                                 analyzer_version=scanner.analyzer_version)
    runner = LocalBatchRunner(store.settings, processes=1)
    try:
        return await run_rescan(store, info.id, runner, settings=store.settings)
    finally:
        runner.close()


async def _current(store: Store, inspection_id: str) -> Verdict:
    stored = await store.inspections.get(inspection_id)
    assert stored is not None and stored.verdict is not None
    return stored.verdict


def _name_rule_hits(verdict: Verdict) -> list[str | None]:
    return [f.artifact for f in verdict.findings if f.id == "yara.test.renamed_logrotate"]


async def test_a_rescan_with_the_same_rules_keeps_a_finding_that_needed_the_name(store: Store,
                                                                                 rules_dir: Path) -> None:
    (rules_dir / "names.yar").write_text(NAME_RULE)
    live = await _inspect_and_store(store, "named", "sshd")
    assert live.verdict is VerdictClass.MALICIOUS and _name_rule_hits(live) == [SHA]

    info = await _rescan(store)
    assert info.status == "done" and info.changes_count == 0
    assert _name_rule_hits(await _current(store, "named")) == [SHA]


async def test_a_new_rule_reading_names_judges_each_copy_of_the_bytes_by_its_own_name(store: Store,
                                                                                      rules_dir: Path) -> None:
    await _inspect_and_store(store, "named", "sshd")
    await _inspect_and_store(store, "other-name", "rotate.sh")
    await _inspect_and_store(store, "unnamed", None)
    (rules_dir / "names.yar").write_text(NAME_RULE)

    info = await _rescan(store)
    assert info.status == "done"
    assert [(c.inspection_id, c.old_verdict, c.new_verdict) for c in info.changes] == [
        ("named", "clean", "malicious")]
    assert _name_rule_hits(await _current(store, "named")) == [SHA]
    assert _name_rule_hits(await _current(store, "other-name")) == []
    assert _name_rule_hits(await _current(store, "unnamed")) == []
