"""Alembic environment: migrations always run on a connection the store hands over.

`inspector.store.migrate.upgrade` opens the connection (with the PostgreSQL schema and the
SQLite pragmas already applied) and passes it in `config.attributes["connection"]`.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `inspector db upgrade`, which supplies the connection")

context.configure(
    connection=connection,
    target_metadata=None,
    render_as_batch=connection.dialect.name == "sqlite",
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
