"""Connecting to the database: URLs, engines, transactions and migrations.

The database is a SQLite file by default (``<data dir>/qa.db``) or any PostgreSQL by URL
(``QA_DATABASE_URL``). :class:`Database` gives the rest of the store its transactions: on SQLite,
writing transactions start with ``BEGIN IMMEDIATE`` (writers queue instead of failing half-way)
and readers see one consistent snapshot.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import DateTime, Dialect, Engine, TypeDecorator, create_engine, event, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from qa.errors import InputError

__all__ = [
    "Database",
    "MIGRATIONS_DIR",
    "UTCDateTime",
    "default_data_dir",
    "default_url",
    "make_engine",
    "migrate",
    "utc_now",
]

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
# Serialises concurrent migrations of one PostgreSQL database (an arbitrary fixed key).
_PG_MIGRATION_LOCK = 0x7161_5F6D_6967


def utc_now() -> datetime:
    """The current time, timezone-aware UTC (what every row's times are)."""
    return datetime.now(UTC)


# --- configuration -----------------------------------------------------------------------------


def default_data_dir() -> Path:
    """``$QA_DATA_DIR`` or ``./var``: the database file (SQLite) and the audio live here."""
    return Path(os.environ.get("QA_DATA_DIR") or "var")


def default_url(data_dir: str | os.PathLike[str] | None = None) -> str:
    """``$QA_DATABASE_URL`` or a SQLite file ``<data dir>/qa.db``."""
    env = os.environ.get("QA_DATABASE_URL")
    if env:
        return env
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    return f"sqlite:///{(d / 'qa.db').resolve()}"


def _normalise_url(url: str | URL) -> URL:
    try:
        u = make_url(url) if isinstance(url, str) else url
    except ArgumentError:
        raise InputError(
            f"{url!r} is not a database URL (sqlite:///FILE or postgresql://...)"
        ) from None
    # Plain postgresql:// (or Heroku-style postgres://) means psycopg 3, the driver we ship.
    if u.drivername in ("postgresql", "postgres"):
        u = u.set(drivername="postgresql+psycopg")
    return u


def make_engine(url: str | URL) -> Engine:
    """An engine with the project's connection settings.

    SQLite: WAL journal, foreign keys on, a 30 s busy timeout, and transactions that really are
    transactions (SQLAlchemy emits ``BEGIN``, or ``BEGIN IMMEDIATE`` for writes, instead of
    sqlite3's legacy implicit begin). PostgreSQL: ``postgresql://`` uses psycopg 3.
    """
    u = _normalise_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:" and not u.database.startswith("file:"):
            Path(u.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(u, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see below)
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Any) -> None:
            # Writers take the write lock up front: a deferred transaction that reads and then
            # writes can fail with "database is locked" instead of waiting its turn.
            immediate = conn.get_execution_options().get("qa_write")
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    return create_engine(u, pool_pre_ping=True)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes in, out; stored as naive UTC on every backend."""

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


# --- transactions ------------------------------------------------------------------------------


class Database:
    """An engine and its transactions: every public store method runs in exactly one of them,
    so nothing is ever half-written."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = engine.execution_options(qa_write=True)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Session]:
        """An ORM session in a read transaction (one consistent snapshot)."""
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            yield s

    @contextmanager
    def read_conn(self) -> Iterator[Connection]:
        """A Core connection in a read transaction: for hot read paths that need no ORM."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def write(self) -> Iterator[Session]:
        """An ORM session in a write transaction (``BEGIN IMMEDIATE`` on SQLite), committed
        when the block ends and rolled back whole if it raises."""
        with Session(self._writer, expire_on_commit=False) as s, s.begin():
            yield s


# --- migrations --------------------------------------------------------------------------------


def _alembic_config() -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("path_separator", "os")
    return cfg


def migrate(url: str | URL | Engine, revision: str = "head") -> None:
    """Bring the database at ``url`` (or behind an engine) to ``revision`` (default: the newest).

    Safe to run from several processes at once: PostgreSQL migrations hold an advisory lock,
    SQLite ones a write transaction.
    """
    from alembic import command

    engine = url if isinstance(url, Engine) else make_engine(url)
    try:
        with engine.execution_options(qa_write=True).begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
            cfg = _alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        if not isinstance(url, Engine):
            engine.dispose()
