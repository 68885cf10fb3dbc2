"""`inspector rules check`: compile every rule folder and say which file and line fail.
`inspector rules list`: every detection the engine can report (the detection catalog).
`inspector rules update --sigma [URL]`: download a SigmaHQ release for operators."""

from __future__ import annotations

import os
import sys

import click

from inspector.cli.help import WholeSummaryGroup
from inspector.detections import catalog_for
from inspector.detections.catalog import Catalog
from inspector.detections.render import json_lines, markdown, text_lines
from inspector.extensions.kinds import KINDS
from inspector.model import DetectionSource
from inspector.rules import load_ruleset
from inspector.sigma import compile_sigma
from inspector.sigma.release import DEFAULT_RELEASE_URL, ReleaseError, download_release


@click.group(cls=WholeSummaryGroup)
def rules() -> None:
    """Signature (YARA rule) management and the detection catalog."""


@rules.command("check")
@click.pass_obj
def check(app: object) -> None:
    """Compile the built-in and operator rule folders (YARA and Sigma); exit 1 if any file fails.

    Sigma rules that are skipped by design (a logsource or fields a payload cannot show) are
    named with their reason; they do not fail the check."""
    ruleset = load_ruleset(app.settings)  # type: ignore[attr-defined]
    sigma = ruleset.sigma
    for error in ruleset.errors:
        click.echo(f"error: {error} ({_rules(error.rules)} left out)", err=True)
    for problem in sigma.errors:
        click.echo(f"error: sigma {problem}", err=True)
    for problem in sigma.skipped:
        click.echo(f"skipped: sigma {problem}")
    click.echo(f"{ruleset.rule_count} rules from {len(ruleset.files) - len(ruleset.errors)} files, "
               f"version {ruleset.version}")
    if ruleset.errors:
        click.echo(f"{len(ruleset.errors)} of {len(ruleset.files)} files left out, declaring "
                   f"{_rules(ruleset.skipped_rules)}", err=True)
    if sigma.files:
        click.echo(f"sigma: {len(sigma.rules)} rules evaluated ({sigma.unfiltered_count()} without a literal "
                   f"prefilter), {len(sigma.skipped)} skipped, {len(sigma.errors)} broken, "
                   f"from {len(sigma.files)} files, version {sigma.version}")
    sys.exit(1 if ruleset.errors or sigma.errors else 0)


@rules.command("update")
@click.option("--sigma", "sigma_url", is_flag=False, flag_value=DEFAULT_RELEASE_URL, default=None, metavar="[URL]",
              help="Download a SigmaHQ release archive (default: the latest release's sigma_all_rules.zip).")
@click.pass_obj
def update(app: object, sigma_url: str | None) -> None:
    """Download rule releases for operators: `--sigma [URL]` fetches SigmaHQ's rules into the data
    folder and prints the INSPECTOR_SIGMA_DIRS value that uses them (then reload the service)."""
    if sigma_url is None:
        raise click.UsageError("say what to update: --sigma [URL]")
    settings = app.settings  # type: ignore[attr-defined]
    try:
        release = download_release(sigma_url, settings.data_dir / "sigma")
    except ReleaseError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    compiled = compile_sigma(release.rule_folders)
    click.echo(f"{release.files} rule files from {sigma_url} (sha256 {release.sha256[:16]}) in {release.folder}")
    click.echo(f"{len(compiled.rules)} rules evaluated, {len(compiled.skipped)} skipped, "
               f"{len(compiled.errors)} broken (inspector rules check names them)")
    click.echo("INSPECTOR_SIGMA_DIRS=" + os.pathsep.join(str(p) for p in release.rule_folders))


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
