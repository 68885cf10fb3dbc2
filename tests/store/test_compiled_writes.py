"""Statements run straight on the SQLite driver write exactly what SQLAlchemy would write."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from inspector.store.compiled_writes import CompiledWrites
from inspector.store.schema import inspection_fetches, inspections, metadata, payloads

NOW = datetime(2026, 11, 29, 15, 30, 0, 123456, tzinfo=UTC)


def _engine(path: Path) -> sa.Engine:
    engine = sa.create_engine(f"sqlite+pysqlite:///{path}")
    metadata.create_all(engine)
    return engine


def _inspection(inspection_id: str) -> dict[str, Any]:
    return {"id": inspection_id, "kind": "script", "status": "done", "key_id": "k1", "input_name": None,
            "request": {"content": "[redacted]", "n": [1, 2]}, "context": None, "created_at": NOW,
            "updated_at": NOW, "error_kind": None, "error_detail": None, "verdict": "clean", "score": 0,
            "severity": "Info", "ruleset_version": "v1"}


def _payload(sha: str, state: str) -> dict[str, Any]:
    return {"sha256": sha, "size": 3, "type": "shell", "first_seen": NOW, "last_seen": NOW, "blob_state": state}


def _upsert() -> Any:
    stmt = sqlite.insert(payloads)
    return stmt.on_conflict_do_update(
        index_elements=[payloads.c.sha256],
        set_={"last_seen": stmt.excluded.last_seen,
              "blob_state": sa.case((stmt.excluded.blob_state == "present", "present"), else_=payloads.c.blob_state)},
    )


def _writes() -> list[tuple[Any, list[dict[str, Any]]]]:
    fetch = {"inspection_id": "i1", "position": 0, "url": "https://example.test/a", "role": "fileUris",
             "fetched": True, "final_url": None, "status": 200, "sha256": None, "error": None}
    upsert = _upsert()
    return [
        (inspections.insert(), [_inspection("i1"), _inspection("i2")]),
        (inspection_fetches.insert(), [fetch, {**fetch, "position": 1, "fetched": False, "error": "timeout"}]),
        (upsert, [_payload("a" * 64, "absent"), _payload("b" * 64, "present")]),
        # The CASE constant ("present") is part of the statement, not of the rows.
        (upsert, [_payload("a" * 64, "present"), _payload("b" * 64, "absent")]),
    ]


def _dump(engine: sa.Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as conn:
        return {table: conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                for table in ("inspections", "inspection_fetches", "payloads")}


def test_rows_are_identical_to_what_sqlalchemy_writes(tmp_path: Path) -> None:
    through_sqlalchemy, compiled = _engine(tmp_path / "a.db"), _engine(tmp_path / "b.db")
    with through_sqlalchemy.begin() as conn:
        for statement, rows in _writes():
            conn.execute(statement, rows)
    writes = CompiledWrites(compiled.dialect)
    raw = compiled.raw_connection()
    try:
        raw.driver_connection.isolation_level = None  # transactions are ours, as on the writer thread
        writes.run_transaction(raw.driver_connection, _writes())
    finally:
        raw.close()
    expected = _dump(through_sqlalchemy)
    assert _dump(compiled) == expected
    assert [row[-1] for row in expected["payloads"]] == ["present", "present"]  # revived, and never hidden
    assert {row[4] for row in expected["inspection_fetches"]} == {0, 1}  # booleans as SQLite stores them


def test_a_failing_statement_rolls_back_everything_and_raises_sqlalchemys_error(tmp_path: Path) -> None:
    engine = _engine(tmp_path / "c.db")
    writes = CompiledWrites(engine.dialect)
    raw = engine.raw_connection()
    try:
        raw.driver_connection.isolation_level = None
        duplicate = [(inspections.insert(), [_inspection("i1")]), (inspections.insert(), [_inspection("i1")])]
        with pytest.raises(sa.exc.IntegrityError) as err:
            writes.run_transaction(raw.driver_connection, duplicate)
        assert isinstance(err.value.orig, sqlite3.IntegrityError)
        assert not raw.driver_connection.in_transaction
    finally:
        raw.close()
    assert _dump(engine)["inspections"] == []


def test_only_the_sqlite_parameter_style_is_accepted() -> None:
    with pytest.raises(ValueError, match="qmark"):
        CompiledWrites(postgresql.asyncpg.dialect())
