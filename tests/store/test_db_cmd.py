"""`inspector db upgrade` / `inspector db current` against a fresh SQLite folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from inspector.cli.db_cmd import db
from inspector.config import Settings
from inspector.store.database import head_revision


@dataclass
class _App:
    settings: Settings


def test_current_reports_pending_migrations_until_upgrade(tmp_path: Path) -> None:
    app = _App(Settings(data_dir=tmp_path))
    runner = CliRunner()
    before = runner.invoke(db, ["current"], obj=app)
    assert before.exit_code == 1 and "current none" in before.output
    upgraded = runner.invoke(db, ["upgrade"], obj=app)
    assert upgraded.exit_code == 0, upgraded.output
    assert f"at revision {head_revision()}" in upgraded.output
    after = runner.invoke(db, ["current"], obj=app)
    assert after.exit_code == 0 and f"current {head_revision()}" in after.output


def test_upgrade_reports_an_unusable_url_without_a_traceback(tmp_path: Path) -> None:
    app = _App(Settings(data_dir=tmp_path, database_url="mysql://root:pw@h/db"))
    result = CliRunner().invoke(db, ["upgrade"], obj=app)
    assert result.exit_code == 1 and "unsupported database" in result.output and "pw" not in result.output


def test_retention_reports_what_it_removed(tmp_path: Path) -> None:
    app = _App(Settings(data_dir=tmp_path, retention_days=30))
    result = CliRunner().invoke(db, ["retention"], obj=app)
    assert result.exit_code == 0, result.output
    assert "expired 0 payloads, freed 0 bytes" in result.output
