"""A readable verdict for people at a terminal, or in a pipe: what was decided, and why.

One finding takes a few lines (score, id and title; ATT&CK and where; the matched text) rather
than a table row, so nothing is cut to fit a column: on a terminal long lines wrap at its
width under their indent; in a pipe or a file (no width) every line is written whole.
"""

from __future__ import annotations

import sys

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from inspector.model import Artifact, Finding, Verdict

_COLOURS = {"clean": "green", "suspicious": "yellow", "malicious": "bold red"}
# Indents: a verdict's lines, then a finding's detail lines under its score.
_ITEM_INDENT = 2
_DETAIL_INDENT = 9


def report_console(stream_is_terminal: bool | None = None) -> Console:
    """The console to report on: the terminal's width on a terminal; elsewhere, lines unwrapped."""
    terminal = sys.stdout.isatty() if stream_is_terminal is None else stream_is_terminal
    return Console() if terminal else Console(soft_wrap=True, highlight=False)


def render_verdict(verdict: Verdict, console: Console | None = None) -> None:
    console = console or report_console()
    out = _Lines(console)
    colour = _COLOURS.get(verdict.verdict.value, "white")
    head = Text()
    head.append(f"{verdict.input or verdict.id}: ", style="bold")
    head.append(verdict.verdict.value.upper(), style=colour)
    head.append(f"  score {verdict.score}  severity {verdict.severity}")
    if verdict.extension is not None:
        head.append(f"  [{verdict.extension.kind}]", style="dim")
    if not verdict.complete:
        head.append("  (incomplete)", style="yellow")
    out.line(head, 0)
    for alert in verdict.alerts:
        label = Text(f"alert {alert.alertType} ({alert.severity}): ", style="bold")
        out.line(label + Text(alert.reason), _ITEM_INDENT)
    if verdict.findings:
        out.line(Text(f"findings ({len(verdict.findings)}):", style="bold"), _ITEM_INDENT)
        by_sha = {a.sha256: a for a in verdict.artifacts}
        for finding in sorted(verdict.findings, key=lambda f: -f.score):
            _finding(out, finding, by_sha)
    if len(verdict.artifacts) > 1:
        out.line(Text("artifacts:", style="bold"), _ITEM_INDENT)
        for depth, artifact in _artifact_tree(verdict.artifacts):
            label = f"{artifact.type.value} {artifact.origin} ({artifact.size} bytes, {artifact.sha256[:12]})"
            out.line(Text(label), _ITEM_INDENT + 2 * (depth + 1))
    for fetch in verdict.fetches:
        outcome = f"{fetch.status} {fetch.bytes} bytes" if fetch.fetched else f"not fetched: {fetch.error}"
        out.line(Text(f"fetch {fetch.url} [{fetch.role}] {outcome}", style="dim"), _ITEM_INDENT)
    for error in verdict.errors:
        out.line(Text(f"note {error.kind}: {error.detail}", style="yellow"), _ITEM_INDENT)


def _finding(out: _Lines, finding: Finding, by_sha: dict[str, Artifact]) -> None:
    head = Text(f"{finding.score:>5}  ", style="bold")
    head.append(finding.id, style="cyan")
    head.append(f"  {finding.title}")
    if finding.count > 1:
        head.append(f" (x{finding.count})", style="dim")
    out.line(head, _ITEM_INDENT)
    artifact = by_sha.get(finding.artifact or "")
    where = artifact.origin if artifact else (finding.url or "request")
    if finding.location and finding.location.line:
        where += f":{finding.location.line}"
    facts = f"at {where}"
    if finding.attack:
        facts += f"  ATT&CK {', '.join(finding.attack)}"
    out.line(Text(facts, style="dim"), _DETAIL_INDENT)
    for text_line in (finding.snippet or "").splitlines():
        if text_line.strip():
            out.line(Text("| ", style="dim") + Text(text_line), _DETAIL_INDENT)


class _Lines:
    """Indented lines: wrapped under their indent on a terminal, whole in a pipe."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def line(self, text: Text, indent: int) -> None:
        if self.console.soft_wrap:
            self.console.print(Text(" " * indent) + text)
        else:
            self.console.print(Padding(text, (0, 0, 0, indent), expand=False))


def _artifact_tree(artifacts: list[Artifact]) -> list[tuple[int, Artifact]]:
    """Artifacts depth first, each under its parent, with its depth in the tree."""
    children: dict[str, list[Artifact]] = {}
    known = {a.sha256 for a in artifacts}
    roots = []
    for artifact in sorted(artifacts, key=lambda a: a.depth):
        if artifact.parent and artifact.parent in known:
            children.setdefault(artifact.parent, []).append(artifact)
        else:
            roots.append(artifact)
    ordered: list[tuple[int, Artifact]] = []
    stack = [(0, root) for root in reversed(roots)]
    seen: set[str] = set()
    while stack:
        depth, artifact = stack.pop()
        if artifact.sha256 in seen:  # the same bytes reached twice are listed once
            continue
        seen.add(artifact.sha256)
        ordered.append((depth, artifact))
        stack.extend((depth + 1, child) for child in reversed(children.get(artifact.sha256, [])))
    return ordered
