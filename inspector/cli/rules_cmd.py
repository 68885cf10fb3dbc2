"""`inspector rules check`: compile every rule folder and say which file and line fail.
`inspector rules list`: every detection the engine can report (the detection catalog)."""

from __future__ import annotations

import sys

import click

from inspector.detections import catalog_for
from inspector.detections.catalog import Catalog
from inspector.detections.render import json_lines, markdown, text_lines
from inspector.extensions.kinds import KINDS
from inspector.model import DetectionSource
from inspector.rules import load_ruleset


@click.group()
def rules() -> None:
    """Signature (YARA rule) management and the detection catalog."""


@rules.command("check")
@click.pass_obj
def check(app: object) -> None:
    """Compile the built-in and operator rule folders; exit 1 if any file fails."""
    ruleset = load_ruleset(app.settings)  # type: ignore[attr-defined]
    for error in ruleset.errors:
        click.echo(f"error: {error} ({_rules(error.rules)} left out)", err=True)
    click.echo(f"{ruleset.rule_count} rules from {len(ruleset.files) - len(ruleset.errors)} files, "
               f"version {ruleset.version}")
    if ruleset.errors:
        click.echo(f"{len(ruleset.errors)} of {len(ruleset.files)} files left out, declaring "
                   f"{_rules(ruleset.skipped_rules)}", err=True)
    sys.exit(1 if ruleset.errors else 0)


def _rules(count: int) -> str:
    return f"{count} rule" + ("" if count == 1 else "s")


@rules.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per detection per line.")
@click.option("--markdown", "as_markdown", is_flag=True, help="The reference section of docs/detection.md.")
@click.option("--source", "sources", multiple=True, type=click.Choice([s.value for s in DetectionSource]),
              help="Only detections from this source (repeatable).")
@click.pass_obj
def list_detections(app: object, as_json: bool, as_markdown: bool, sources: tuple[str, ...]) -> None:
    """Every detection: built-in ones and the active YARA rules, with id, score, ATT&CK ids and alert feed.

    Exit 1 when a rule file fails to compile (its rules are then missing from the list)."""
    if as_json and as_markdown:
        raise click.UsageError("--json and --markdown are exclusive")
    ruleset = load_ruleset(app.settings)  # type: ignore[attr-defined]
    for error in ruleset.errors:
        click.echo(f"error: {error}", err=True)
    catalog = catalog_for(ruleset)
    if sources:
        catalog = Catalog(entry for entry in catalog if entry.source.value in sources)
    if as_markdown:
        click.echo(markdown(catalog, KINDS), nl=False)
    else:
        for line in json_lines(catalog, KINDS) if as_json else text_lines(catalog):
            click.echo(line)
    sys.exit(1 if ruleset.errors else 0)
