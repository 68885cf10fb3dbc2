"""The catalog printed: `inspector rules list` (text, JSON Lines) and the reference in docs/detection.md.

The Markdown form is what docs/detection.md carries between its generated-section markers;
tests/detections/test_render.py fails when the two differ.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import groupby
from typing import Any

from inspector.detections.catalog import Catalog, alert_types
from inspector.extensions.kinds import KindRegistry
from inspector.model import DetectionSource
from inspector.stage import Feed, Heuristic

DOC_BEGIN = "<!-- BEGIN GENERATED: inspector rules list --markdown -->"
DOC_END = "<!-- END GENERATED -->"

# Script heuristics first: they decide most verdicts.
SECTION_ORDER = (
    DetectionSource.HEURISTIC, DetectionSource.DEOBFUSCATION, DetectionSource.PE, DetectionSource.ELF,
    DetectionSource.STRUCTURE, DetectionSource.REPUTATION, DetectionSource.YARA, DetectionSource.SIGMA,
    DetectionSource.ACTIVITY,
)
FEED_MEANING: dict[Feed, str] = {
    Feed.PAYLOAD: "the script alert of the request part the flagged artifact comes from (kind and script role)",
    Feed.URL: "the entry-point or payload alert of the flagged URL's role (Custom Script Extension)",
    Feed.CONTEXT: "its own context alert, raised by the finding alone",
    Feed.DELETION: "the deletion alert of the request's extension kind, raised by the finding alone",
    Feed.VERDICT: "no alert of its own: the verdict score only",
}


def entry_record(entry: Heuristic, kinds: KindRegistry) -> dict[str, Any]:
    """One entry as the JSON object `inspector rules list --json` prints."""
    return {
        "id": entry.id,
        "source": entry.source.value,
        "title": entry.title,
        "description": entry.description,
        "score": entry.score,
        "cap": entry.cap if entry.cap is not None else entry.score,
        "attack": list(entry.attack),
        "feed": entry.feeds.value,
        "alert_types": list(alert_types(entry, kinds)),
    }


def json_lines(catalog: Catalog, kinds: KindRegistry) -> Iterator[str]:
    for entry in catalog:
        yield json.dumps(entry_record(entry, kinds), ensure_ascii=False)


def _score(entry: Heuristic) -> str:
    if entry.cap is None or entry.cap == entry.score:
        return str(entry.score)
    return f"{entry.score} (cap {entry.cap})"


def _feed(entry: Heuristic) -> str:
    return f"context: {entry.alert}" if entry.feeds is Feed.CONTEXT else entry.feeds.value


def text_lines(catalog: Catalog) -> Iterator[str]:
    for entry in catalog:
        attack = ",".join(entry.attack) or "-"
        yield (f"{entry.id:<58} {entry.source.value:<13} {_score(entry):>14}  {attack:<22} {_feed(entry):<8}  "
               f"{entry.title}")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _table(entries: list[Heuristic]) -> list[str]:
    rows = ["| id | score | ATT&CK | feeds | meaning |", "|---|---|---|---|---|"]
    for entry in entries:
        meaning = entry.title if not entry.description else f"{entry.title}: {entry.description}"
        rows.append(f"| `{entry.id}` | {_score(entry)} | {', '.join(entry.attack) or '-'} | {_feed(entry)} "
                    f"| {_cell(meaning)} |")
    return rows


def _family(entry: Heuristic) -> str:
    # heur.<family>.<name>: the module that declares it.
    parts = entry.id.split(".")
    return parts[1] if len(parts) > 2 else parts[0]


def markdown(catalog: Catalog, kinds: KindRegistry) -> str:
    """The reference section of docs/detection.md: feeds, kinds and their alerts, every entry."""
    lines = [DOC_BEGIN, "", f"{len(catalog)} detections. Regenerate: `inspector rules list --markdown`.", ""]
    lines += ["What each feed means (every finding also adds to the score, and so to a failure alert):", ""]
    lines += ["| feeds | alert |", "|---|---|"]
    lines += [f"| {feed.value} | {meaning} |" for feed, meaning in FEED_MEANING.items()]
    lines += ["", "The alert types each extension kind's module declares:", ""]
    lines += ["| kinds | script | command | entry point | fetched | failure | deletion | its checks raise |",
              "|---|---|---|---|---|---|---|---|"]
    for declaration in kinds.declarations:
        a = declaration.alerts
        raised = ", ".join(dict.fromkeys(f"`{c.alert}`" for c in declaration.checks if c.alert is not None))
        names = [a.script, a.command, a.entry_point, a.fetched, a.failure, a.deletion]
        lines.append(f"| {', '.join(declaration.kinds)} | "
                     + " | ".join(f"`{n}`" if n else "-" for n in names) + f" | {raised or '-'} |")
    for source in SECTION_ORDER:
        entries = list(catalog.by_source(source))
        if not entries:
            continue
        lines += ["", f"### {source.value} ({len(entries)})", ""]
        if source is DetectionSource.HEURISTIC:
            for family, members in groupby(entries, key=_family):
                lines += [f"#### {family}", "", *_table(list(members)), ""]
            lines.pop()
        else:
            lines += _table(entries)
    lines += ["", DOC_END]
    return "\n".join(lines) + "\n"


def replace_generated(document: str, generated: str) -> str:
    """`document` with its generated section replaced by `generated` (markers included)."""
    start = document.index(DOC_BEGIN)
    end = document.index(DOC_END, start) + len(DOC_END)
    return document[:start] + generated.rstrip("\n") + document[end:]
