"""`inspector rules check`: compile every rule folder and say which file and line fail."""

from __future__ import annotations

import sys

import click

from inspector.cli.help import WholeSummaryGroup
from inspector.pipeline import load_ruleset


@click.group(cls=WholeSummaryGroup)
def rules() -> None:
    """Signature (YARA rule) management."""


@rules.command("check")
@click.pass_obj
def check(app: object) -> None:
    """Compile the built-in and operator rule folders; exit 1 if any file fails."""
    ruleset = load_ruleset(app.settings)  # type: ignore[attr-defined]
    for error in ruleset.errors:
        click.echo(f"error: {error}", err=True)
    click.echo(f"{ruleset.rule_count} rules from {len(ruleset.files) - len(ruleset.errors)} files, "
               f"version {ruleset.version}")
    sys.exit(1 if ruleset.errors else 0)
