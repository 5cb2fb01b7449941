"""Alembic environment for qa's database.

:func:`qa.store.migrate` passes an open connection in ``config.attributes["connection"]``. Run
from the command line (``alembic -c qa/migrations/alembic.ini ...``), it connects to
``$QA_DATABASE_URL`` or the default SQLite file instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from qa.store.engine import default_url, make_engine
from qa.store.schema import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things: later migrations copy-and-move tables instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or default_url())
    try:
        with engine.execution_options(qa_write=True).connect() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("qa's migrations run online only (use qa.store.migrate)")
run_migrations_online()
