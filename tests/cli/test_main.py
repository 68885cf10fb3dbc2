"""The `inspector` command group: whole command summaries in --help, and warnings about settings that do not exist."""

from __future__ import annotations

import importlib
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from inspector.cli.help import command_summary
from inspector.cli.main import COMMANDS, cli
from tests.api.server import closed_network_env


def command(target: str) -> click.Command:
    module_name, attribute = target.split(":")
    return getattr(importlib.import_module(module_name), attribute)


def words(text: str) -> str:
    """Text as words, whatever the wrapping (which may also break after a hyphen)."""
    return " ".join(text.split()).replace("- ", "-")


@pytest.mark.parametrize("width", [80, 60])
def test_top_level_help_shows_every_command_summary_whole(width: int):
    result = CliRunner().invoke(cli, ["--help"], terminal_width=width)
    assert result.exit_code == 0
    listed = words(result.output.split("Commands:", 1)[1])
    assert "..." not in listed
    for name, target in COMMANDS.items():
        assert f"{name} {words(command_summary(command(target)))}" in listed


@pytest.mark.parametrize("group", ["db", "keys", "rules"])
def test_group_help_shows_every_subcommand_summary_whole(group: str):
    result = CliRunner().invoke(cli, [group, "--help"], terminal_width=80)
    assert result.exit_code == 0
    listed = words(result.output.split("Commands:", 1)[1])
    assert "..." not in listed
    subcommands = command(COMMANDS[group])
    assert isinstance(subcommands, click.Group)
    for name, sub in subcommands.commands.items():
        assert f"{name} {words(command_summary(sub))}" in listed


def test_scan_help_gives_the_exit_codes():
    result = CliRunner().invoke(cli, ["scan", "--help"], terminal_width=80)
    assert "0  every input clean" in result.output
    assert "1  something suspicious or malicious" in result.output
    assert "2  an input could not be read" in result.output


def test_a_misspelt_variable_is_named_on_stderr_with_the_setting_it_resembles(tmp_path: Path):
    script = tmp_path / "a.ps1"
    script.write_text("Get-Date\n")
    result = CliRunner().invoke(cli, ["scan", "--json", str(script)],
                                env=closed_network_env(tmp_path, INSPECTOR_FECTH="false"))
    assert result.exit_code == 0
    assert result.stderr.count("INSPECTOR_FECTH") == 1
    assert "did you mean INSPECTOR_FETCH?" in result.stderr
    assert "INSPECTOR_FECTH" not in result.stdout  # stdout stays one JSON line per input


def test_the_worker_warns_before_its_settings_are_checked(tmp_path: Path):
    result = CliRunner().invoke(cli, ["worker"], env=closed_network_env(
        tmp_path, INSPECTOR_BROKER_ULR="redis://x", INSPECTOR_PORT="eighty"))
    assert result.exit_code == 2
    assert "INSPECTOR_BROKER_ULR is not a setting" in result.stderr and "INSPECTOR_BROKER_URL?" in result.stderr
    assert "invalid setting INSPECTOR_PORT" in result.stderr


def test_unordered_verdict_bands_name_both_variables(tmp_path: Path):
    script = tmp_path / "a.ps1"
    script.write_text("Get-Date\n")
    result = CliRunner().invoke(cli, ["scan", str(script)], env=closed_network_env(
        tmp_path, INSPECTOR_SUSPICIOUS_THRESHOLD="2000"))
    assert result.exit_code == 2
    assert "INSPECTOR_MALICIOUS_THRESHOLD (1000) must be greater than INSPECTOR_SUSPICIOUS_THRESHOLD (2000)" in result.stderr
