"""Run SQLAlchemy Core statements straight on the SQLite driver, for the writer thread's hot path.

Executing a Core statement costs tens of microseconds of Python before the driver sees it
(execution context, cache key, parameter processing), several times what SQLite's own
`executemany` takes for a few rows. The statements the writer thread runs for every batch are
few and fixed, so each is compiled once to SQL text with its parameter order and each
parameter's bind processor (datetimes to text, JSON to text, booleans to integers: exactly
what SQLAlchemy itself would send), and then handed to the driver's cursor directly.
The statements stay defined once, in Core, and PostgreSQL keeps running them through
SQLAlchemy.
"""

from __future__ import annotations

import operator
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

Processor = Callable[[Any], Any] | None


class _Compiled:
    """One statement's SQL and how to turn a row (dict) into its positional parameters."""

    def __init__(self, sql: str, slots: Sequence[tuple[str | None, Processor, Any]]) -> None:
        # slots, per positional parameter: the row key it is read from (None: a constant of the
        # statement, such as a literal in a CASE, already processed) and its bind processor.
        self.sql = sql
        keys = [key for key, _, _ in slots if key is not None]
        self._values = operator.itemgetter(*keys) if keys else (lambda row: ())
        self._single = len(keys) == 1  # itemgetter with one key returns the value, not a tuple
        self._processed = [(i, process) for i, (key, process, _) in enumerate(slots) if key is not None and process]
        self._constants = [(i, constant) for i, (key, _, constant) in enumerate(slots) if key is None]
        self._plain = not self._processed and not self._constants

    def parameters(self, rows: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
        values = self._values
        if self._plain:
            return [(values(row),) if self._single else values(row) for row in rows]
        out = []
        for row in rows:
            taken = [values(row)] if self._single else list(values(row))
            for i, constant in self._constants:  # constants in position order, before the processors
                taken.insert(i, constant)
            for i, process in self._processed:
                taken[i] = process(taken[i])
            out.append(tuple(taken))
        return out


class CompiledWrites:
    """Compiles statements for one SQLite dialect on first use and runs them with `executemany`."""

    def __init__(self, dialect: Dialect) -> None:
        if dialect.paramstyle != "qmark":
            raise ValueError(f"compiled writes need the qmark parameter style, not {dialect.paramstyle!r}")
        self.dialect = dialect
        # (statement, row keys) -> its compiled form; statements hash by identity.
        self._compiled: dict[tuple[sa.Executable, tuple[str, ...]], _Compiled] = {}

    def executemany(self, cursor: sqlite3.Cursor, statement: sa.Executable, rows: Sequence[dict[str, Any]]) -> None:
        """Run `statement` once per row (every row has the same keys), as `Connection.execute` would."""
        if not rows:
            return
        compiled = self._compile(statement, tuple(rows[0]))
        try:
            cursor.executemany(compiled.sql, compiled.parameters(rows))
        except sqlite3.Error as exc:
            # The same exception classes as through SQLAlchemy (IntegrityError, OperationalError...).
            raise sa.exc.DBAPIError.instance(compiled.sql, None, exc, sqlite3.Error) from exc

    def _compile(self, statement: sa.Executable, keys: tuple[str, ...]) -> _Compiled:
        cache_key = (statement, keys)
        known = self._compiled.get(cache_key)
        if known is not None:
            return known
        compiled = statement.compile(dialect=self.dialect, column_keys=list(keys))  # type: ignore[attr-defined]
        slots: list[tuple[str | None, Processor, Any]] = []
        for name in compiled.positiontup or ():
            process = compiled.binds[name].type.bind_processor(self.dialect)
            if name in keys:
                slots.append((name, process, None))
            else:
                constant = compiled.params[name]
                slots.append((None, None, process(constant) if process else constant))
        result = _Compiled(str(compiled), slots)
        self._compiled[cache_key] = result
        return result

    def run_transaction(self, connection: Any, writes: Sequence[tuple[sa.Executable, Sequence[dict[str, Any]]]]) -> None:
        """One write transaction (BEGIN IMMEDIATE, as database.py does) on a DBAPI connection.

        Rolls back and raises SQLAlchemy's exception class for any driver error, so callers
        handle it as they would through SQLAlchemy.
        """
        cursor = connection.cursor()
        try:
            cursor.execute("BEGIN IMMEDIATE")
            for statement, rows in writes:
                self.executemany(cursor, statement, rows)
            cursor.execute("COMMIT")
        except sqlite3.Error as exc:
            raise sa.exc.DBAPIError.instance("BEGIN IMMEDIATE / COMMIT", None, exc, sqlite3.Error) from exc
        finally:
            if connection.in_transaction:
                try:
                    connection.rollback()
                except sqlite3.Error:  # a broken connection: the error above is the one to report
                    pass
            cursor.close()
