"""`inspector keys create|list|revoke`: create prints only the key; secrets are never listed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from inspector.cli.main import cli

# A key as docs/api.md describes it: `pi_`, the key id (12 hex digits), `_`, the secret (43
# URL-safe base64 characters, among them `_` and `-`).
KEY = re.compile(r"pi_(?P<id>[0-9a-f]{12})_(?P<secret>[A-Za-z0-9_-]{43})")


def parts(key: str) -> tuple[str, str]:
    """The id and the secret of a key, read by its format (the secret may hold `_` itself)."""
    match = KEY.fullmatch(key)
    assert match is not None, f"not a key: {key!r}"
    return match["id"], match["secret"]


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
    assert KEY.fullmatch(key)
    assert "created detector key" in result.stderr


def test_list_shows_metadata_never_the_secret(run):
    key = run("keys", "create", "--role", "analyst", "--name", "soc").stdout.strip()
    result = run("keys", "list")
    assert result.exit_code == 0
    assert "analyst" in result.stdout and "soc" in result.stdout and "active" in result.stdout
    key_id, secret = parts(key)
    assert key_id in result.stdout
    assert key not in result.stdout and secret not in result.stdout


def test_revoke_by_id_then_the_key_is_listed_as_revoked(run):
    key = run("keys", "create", "--role", "admin").stdout.strip()
    key_id, _ = parts(key)
    assert run("keys", "revoke", key_id).exit_code == 0
    assert "revoked" in run("keys", "list").stdout
    again = run("keys", "revoke", key_id)
    assert again.exit_code == 1 and "no active key" in again.stderr


def test_unknown_role_is_a_usage_error(run):
    result = run("keys", "create", "--role", "root")
    assert result.exit_code == 2 and "root" in result.stderr
