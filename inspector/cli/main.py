"""`inspector`: the command line. Each command lives in its own module and is registered below."""

from __future__ import annotations

import importlib
import sys

import click

from inspector import __version__
from inspector.cli.help import WholeSummaryGroup
from inspector.config import ConfigError, Settings, load_settings, unknown_setting_warnings


class AppContext:
    """Settings loaded once per command, with a clear message when a setting is invalid and a
    warning on stderr for each INSPECTOR_* variable that names no setting."""

    def __init__(self, config_file: str | None) -> None:
        self.config_file = config_file
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            for warning in unknown_setting_warnings():
                click.echo(f"inspector: warning: {warning}", err=True)
            try:
                self._settings = load_settings(self.config_file)
            except ConfigError as exc:
                click.echo(f"inspector: {exc}", err=True)
                sys.exit(2)
        return self._settings


# Commands load on first use, so `inspector scan` does not pay for the server's or store's imports.
COMMANDS: dict[str, str] = {
    "scan": "inspector.cli.scan_cmd:scan",
    "rules": "inspector.cli.rules_cmd:rules",
    "schema": "inspector.cli.schema_cmd:schema",
    "serve": "inspector.cli.serve_cmd:serve",
    "keys": "inspector.cli.keys_cmd:keys",
    "db": "inspector.cli.db_cmd:db",
    "rescan": "inspector.cli.rescan_cmd:rescan",
    "worker": "inspector.cli.worker_cmd:worker",
    "eval": "inspector.cli.eval_cmd:eval_command",
    "activity": "inspector.cli.activity_cmd:activity",
}


class LazyGroup(WholeSummaryGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="TOML configuration file (also INSPECTOR_CONFIG).")
@click.version_option(__version__, prog_name="inspector")
@click.pass_context
def cli(ctx: click.Context, config_file: str | None) -> None:
    """Payload Inspector: decide whether an Azure VM extension payload is malicious, and show why."""
    ctx.obj = AppContext(config_file)


def main() -> None:
    cli(prog_name="inspector")
