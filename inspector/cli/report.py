"""A readable verdict for people at a terminal: what was decided, and why."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from inspector.model import Artifact, Verdict

_COLOURS = {"clean": "green", "suspicious": "yellow", "malicious": "bold red"}


def render_verdict(verdict: Verdict, console: Console | None = None) -> None:
    console = console or Console()
    colour = _COLOURS.get(verdict.verdict.value, "white")
    head = Text()
    head.append(f"{verdict.input or verdict.id}: ", style="bold")
    head.append(verdict.verdict.value.upper(), style=colour)
    head.append(f"  score {verdict.score}  severity {verdict.severity}")
    if verdict.extension is not None:
        head.append(f"  [{verdict.extension.kind}]", style="dim")
    if not verdict.complete:
        head.append("  (incomplete)", style="yellow")
    console.print(head)
    for alert in verdict.alerts:
        console.print(Text(f"  alert {alert.alertType} ({alert.severity}): ", style="bold") + Text(alert.reason))
    if verdict.findings:
        console.print(_findings_table(verdict))
    if len(verdict.artifacts) > 1:
        console.print(_artifact_tree(verdict.artifacts))
    for fetch in verdict.fetches:
        outcome = f"{fetch.status} {fetch.bytes} bytes" if fetch.fetched else f"not fetched: {fetch.error}"
        console.print(Text(f"  fetch {fetch.url} [{fetch.role}] {outcome}", style="dim"))
    for error in verdict.errors:
        console.print(Text(f"  note {error.kind}: {error.detail}", style="yellow"))


def _findings_table(verdict: Verdict) -> Table:
    by_sha = {a.sha256: a for a in verdict.artifacts}
    table = Table(show_edge=False, pad_edge=False, box=None, padding=(0, 1))
    table.add_column("score", no_wrap=True)
    table.add_column("id", no_wrap=True)
    table.add_column("what", ratio=2)
    table.add_column("ATT&CK")
    table.add_column("where", ratio=1, overflow="fold")
    for finding in sorted(verdict.findings, key=lambda f: -f.score):
        artifact = by_sha.get(finding.artifact or "")
        where = artifact.origin if artifact else (finding.url or "request")
        if finding.location and finding.location.line:
            where += f":{finding.location.line}"
        table.add_row(str(finding.score), finding.id, finding.title, ",".join(finding.attack), where)
    return table


def _artifact_tree(artifacts: list[Artifact]) -> Tree:
    tree = Tree("artifacts", guide_style="dim")
    nodes: dict[str, Tree] = {}
    for artifact in sorted(artifacts, key=lambda a: a.depth):
        label = f"{artifact.type.value} {artifact.origin} ({artifact.size} bytes, {artifact.sha256[:12]})"
        parent = nodes.get(artifact.parent or "", tree)
        nodes[artifact.sha256] = parent.add(label)
    return tree
