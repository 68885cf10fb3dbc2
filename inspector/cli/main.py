"""`inspector`: the command line. Each command lives in its own module and is registered below."""

from __future__ import annotations

import sys

import click

from inspector import __version__
from inspector.config import ConfigError, Settings, load_settings


class AppContext:
    """Settings loaded once per command, with a clear message when a setting is invalid."""

    def __init__(self, config_file: str | None) -> None:
        self.config_file = config_file
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            try:
                self._settings = load_settings(self.config_file)
            except ConfigError as exc:
                click.echo(f"inspector: {exc}", err=True)
                sys.exit(2)
        return self._settings


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="TOML configuration file (also INSPECTOR_CONFIG).")
@click.version_option(__version__, prog_name="inspector")
@click.pass_context
def cli(ctx: click.Context, config_file: str | None) -> None:
    """Payload Inspector: decide whether an Azure VM extension payload is malicious, and show why."""
    ctx.obj = AppContext(config_file)


def main() -> None:
    cli(prog_name="inspector")


from inspector.cli.rules_cmd import rules  # noqa: E402
from inspector.cli.scan_cmd import scan  # noqa: E402
from inspector.cli.schema_cmd import schema  # noqa: E402

cli.add_command(scan)
cli.add_command(rules)
cli.add_command(schema)
from inspector.cli.db_cmd import db  # noqa: E402
cli.add_command(db)
from inspector.cli.serve_cmd import serve  # noqa: E402
cli.add_command(serve)
from inspector.cli.keys_cmd import keys  # noqa: E402
cli.add_command(keys)
from inspector.cli.rescan_cmd import rescan  # noqa: E402
from inspector.cli.worker_cmd import worker  # noqa: E402
cli.add_command(rescan)
cli.add_command(worker)
from inspector.cli.eval_cmd import eval_command  # noqa: E402
cli.add_command(eval_command)
