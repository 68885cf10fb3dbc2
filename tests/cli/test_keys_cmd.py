"""`inspector keys create|list|revoke`: create prints only the key; secrets are never listed."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from inspector.cli.main import cli


@pytest.fixture
def run(tmp_path: Path):
    runner = CliRunner()
    env = {"INSPECTOR_DATA_DIR": str(tmp_path), "INSPECTOR_CONFIG": ""}

    def invoke(*args: str):
        return runner.invoke(cli, list(args), env=env, catch_exceptions=False)

    return invoke


def test_create_prints_only_the_key_on_stdout(run):
    result = run("keys", "create", "--role", "detector", "--name", "edr-1")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1
    [key] = result.stdout.split()
    assert key.startswith("pi_")
    assert "created detector key" in result.stderr


def test_list_shows_metadata_never_the_secret(run):
    key = run("keys", "create", "--role", "analyst", "--name", "soc").stdout.strip()
    result = run("keys", "list")
    assert result.exit_code == 0
    assert "analyst" in result.stdout and "soc" in result.stdout and "active" in result.stdout
    assert key not in result.stdout and key.split("_")[2] not in result.stdout


def test_revoke_by_id_then_the_key_is_listed_as_revoked(run):
    key = run("keys", "create", "--role", "admin").stdout.strip()
    key_id = key.split("_")[1]
    assert run("keys", "revoke", key_id).exit_code == 0
    assert "revoked" in run("keys", "list").stdout
    again = run("keys", "revoke", key_id)
    assert again.exit_code == 1 and "no active key" in again.stderr


def test_unknown_role_is_a_usage_error(run):
    result = run("keys", "create", "--role", "root")
    assert result.exit_code == 2 and "root" in result.stderr
