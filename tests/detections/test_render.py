"""`inspector rules list` and docs/detection.md print the catalog; the doc is in sync with it."""

from __future__ import annotations

import json
from pathlib import Path

from inspector.detections import DETECTIONS, catalog_for
from inspector.detections.render import (
    DOC_BEGIN,
    DOC_END,
    SECTION_ORDER,
    json_lines,
    markdown,
    replace_generated,
    text_lines,
)
from inspector.extensions.kinds import KINDS
from inspector.model import DetectionSource
from inspector.rules.ruleset import compile_ruleset
from inspector.rules.paths import builtin_signature_dir

DOC = Path(__file__).resolve().parents[2] / "docs" / "detection.md"


def test_the_reference_in_docs_detection_md_is_the_catalog_with_the_builtin_signatures() -> None:
    document = DOC.read_text(encoding="utf-8")
    generated = markdown(catalog_for(compile_ruleset([builtin_signature_dir()])), KINDS)
    assert replace_generated(document, generated) == document, (
        "docs/detection.md is out of date: run `inspector rules list --markdown` and paste it between the markers")


def test_markdown_lists_every_entry_by_source_with_the_feed_legend() -> None:
    text = markdown(DETECTIONS, KINDS)
    assert text.startswith(DOC_BEGIN) and text.rstrip().endswith(DOC_END)
    assert all(f"| `{entry.id}` |" in text for entry in DETECTIONS)
    assert "| context: VM_VMAccessSuspiciousUsage |" in text
    assert "`VM_CustomScriptExtensionUnusualDeletion`" in text
    assert set(SECTION_ORDER) == set(DetectionSource)


def test_json_lines_carry_every_alert_type_an_entry_may_feed() -> None:
    records = [json.loads(line) for line in json_lines(DETECTIONS, KINDS)]
    assert len(records) == len(DETECTIONS)
    by_id = {r["id"]: r for r in records}
    usage = by_id["structure.run_command.enable_admin_account"]
    assert usage["feed"] == "context" and usage["alert_types"][0] == "VM_RunCommandSuspiciousUsage"
    assert by_id["structure.vmaccess.user_reset"]["feed"] == "verdict"  # a password reset is routine: history decides
    cradle = by_id["heur.download_execute.ps_cradle"]
    assert {"VM_CustomScriptExtensionSuspiciousCmd", "VM_RunCommandSuspiciousScript"} <= set(cradle["alert_types"])
    assert by_id["deobf.powershell.bxor"]["cap"] == 2 * by_id["deobf.powershell.bxor"]["score"]


def test_text_lines_are_one_per_entry() -> None:
    lines = list(text_lines(DETECTIONS))
    assert len(lines) == len(DETECTIONS)
    assert lines[0].startswith(next(iter(DETECTIONS)).id)


def test_replace_generated_keeps_the_text_around_the_markers() -> None:
    document = f"intro\n{DOC_BEGIN}\nold\n{DOC_END}\noutro\n"
    assert replace_generated(document, f"{DOC_BEGIN}\nnew\n{DOC_END}\n") == f"intro\n{DOC_BEGIN}\nnew\n{DOC_END}\noutro\n"
