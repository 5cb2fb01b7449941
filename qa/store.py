"""Storage: recordings (content-addressed files), calls, transcripts, score history, jobs, API keys.

One :class:`Store` wraps a SQLAlchemy 2 engine and a data directory. The database is a SQLite file
by default (``<data dir>/qa.db``) or any PostgreSQL by URL (``QA_DATABASE_URL``); the schema is
created and upgraded by the Alembic migrations in ``qa/migrations`` (:func:`migrate`, run by
:meth:`Store.open`).

Guarantees:

- **Nothing half-written.** Every public method is one transaction. On SQLite, writing
  transactions start with ``BEGIN IMMEDIATE`` (writers queue instead of failing half-way) and
  readers see one consistent snapshot.
- **Nothing uploaded is lost or overwritten.** A recording is stored at
  ``<data dir>/audio/ab/cd/<sha256><ext>``: streamed to a temporary file, fsynced, then linked into
  place without replacing anything, *before* the row that refers to it is committed. A failed
  insert can leave a complete, content-addressed file without a row; the next upload of the same
  bytes adopts it.
- **Idempotent uploads.** The same bytes give the same recording and the same call.
- **Score history.** Re-scoring adds a ``scores`` row; the newest one is the call's *current*
  score (``calls.score_id``), which lists, filters and scorecards use.

Scorecards aggregate in SQL (``GROUP BY``) over denormalised columns (``calls.score``,
``calls.week``, ``rubric_results``) read through covering indexes; the agent list and the team
mean read running totals (``agents.n_*``, ``daily_stats``) kept in the same transactions as the
calls and scores they count (:meth:`Store.rebuild_stats` recomputes them after a bulk load).
Measured with 100k scored calls on 2 busy cores: an agent's all-time scorecard p50 ≈ 21 ms
(SQLite and PostgreSQL), p99 27 ms (SQLite) / 45 ms (PostgreSQL).
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import logging
import mimetypes
import os
import re
import secrets
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    case,
    create_engine,
    delete,
    event,
    func,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from qa.errors import InputError, QAError
from qa.types import Call, CallScore, Scorecard, call_from_dict, to_dict

__all__ = [
    "Store",
    "AgentScorecard",
    "NotFound",
    "TooLarge",
    "migrate",
    "make_engine",
    "default_data_dir",
    "default_url",
    "PASS_OUTCOMES",
    "ROLES",
    "JOB_STATUSES",
]

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# Rubric outcomes that count as a pass in scorecards; every other counted outcome is a miss.
# (RUBRIC.md: "pass" for interruption, arguing, last word, empathy-before-apology;
# "specific" for offered resolution.)
PASS_OUTCOMES = frozenset({"pass", "specific"})
ROLES = ("qa_lead", "supervisor", "admin")
JOB_STATUSES = ("queued", "running", "done", "failed")
_CHUNK = 1 << 20
# Serialises concurrent migrations of one PostgreSQL database (an arbitrary fixed key).
_PG_MIGRATION_LOCK = 0x7161_5F6D_6967


class NotFound(QAError):
    """An unknown call, agent, recording, job or API key."""

    exit_code = 2


class TooLarge(InputError):
    """A recording larger than the configured limit."""


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


# --- schema ------------------------------------------------------------------------------------


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


JSONType = JSON().with_variant(JSONB(), "postgresql")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Agent(Base):
    __tablename__ = "agents"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    name: Mapped[str] = mapped_column(String(256))
    created: Mapped[datetime] = mapped_column(UTCDateTime(), default=_now)
    # Running totals over the agent's calls, kept in the transactions that add calls and
    # scores (see Store._count): the agent list reads them instead of scanning every call.
    n_calls: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    n_scored: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Calls whose current score is a number (a score can be None: nothing counted).
    n_valued: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    score_sum: Mapped[float] = mapped_column(Float, default=0.0, server_default="0")
    last_call: Mapped[datetime | None] = mapped_column(UTCDateTime())


class DailyStats(Base):
    """Team totals per UTC day of call time, kept like the agents' totals: the team mean over
    a period of whole days sums at most a few hundred rows instead of every call."""

    __tablename__ = "daily_stats"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    n_calls: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    n_scored: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    n_valued: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    score_sum: Mapped[float] = mapped_column(Float, default=0.0, server_default="0")


class Recording(Base):
    __tablename__ = "recordings"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    # Relative to the data directory, with forward slashes: audio/ab/cd/<sha256><ext>.
    path: Mapped[str] = mapped_column(String(512))
    filename: Mapped[str] = mapped_column(String(512), default="")
    content_type: Mapped[str] = mapped_column(String(128), default="application/octet-stream")
    created: Mapped[datetime] = mapped_column(UTCDateTime(), default=_now)


class CallRow(Base):
    __tablename__ = "calls"
    __table_args__ = (
        # Covering indexes: per-agent and team aggregates over a period read only the index.
        Index("ix_calls_agent_time", "agent_id", "call_time", "score", "score_id"),
        Index("ix_calls_time_score", "call_time", "score", "score_id"),
        Index("ix_calls_score", "score"),
        Index("ix_calls_score_id", "score_id"),
        Index("ix_calls_needs_review", "needs_review", "call_time"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    recording_sha256: Mapped[str] = mapped_column(
        String(64), ForeignKey("recordings.sha256"), unique=True
    )
    agent_id: Mapped[str] = mapped_column(String(128), ForeignKey("agents.id"))
    call_time: Mapped[datetime] = mapped_column(UTCDateTime())
    # ISO week of call_time ("2026-W07"), computed on insert: trends group by it portably.
    week: Mapped[str] = mapped_column(String(8))
    queue: Mapped[str | None] = mapped_column(String(128))
    customer_ref: Mapped[str | None] = mapped_column(String(256))
    language_hint: Mapped[str | None] = mapped_column(String(16))
    channel_layout: Mapped[str | None] = mapped_column(String(16))
    duration: Mapped[float | None] = mapped_column(Float)
    language: Mapped[str | None] = mapped_column(String(16))
    source: Mapped[str | None] = mapped_column(String(16))
    meta: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created: Mapped[datetime] = mapped_column(UTCDateTime(), default=_now)
    # The current (newest) score, denormalised from `scores` for filters and aggregation.
    # Deliberately no FK: scores.call_id already points here and a cycle complicates migrations.
    score_id: Mapped[int | None] = mapped_column(Integer)
    score: Mapped[float | None] = mapped_column(Float)
    rubric_version: Mapped[str | None] = mapped_column(String(128))
    scored_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The current score's transcript-quality flag; NULL: no quality record (not flagged).
    needs_review: Mapped[bool | None] = mapped_column(Boolean)


class Transcript(Base):
    __tablename__ = "transcripts"
    __table_args__ = (Index("ix_transcripts_call", "call_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    call_id: Mapped[str] = mapped_column(String(64), ForeignKey("calls.id"))
    version: Mapped[str] = mapped_column(String(128), default="")
    utterances: Mapped[list[Any]] = mapped_column(JSONType)
    meta: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created: Mapped[datetime] = mapped_column(UTCDateTime(), default=_now)


class ScoreRow(Base):
    __tablename__ = "scores"
    __table_args__ = (Index("ix_scores_call_rubric_version", "call_id", "rubric_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    call_id: Mapped[str] = mapped_column(String(64), ForeignKey("calls.id"))
    rubric_version: Mapped[str] = mapped_column(String(128))
    labeller_version: Mapped[str] = mapped_column(String(128), default="")
    score: Mapped[float | None] = mapped_column(Float)
    capped_by: Mapped[list[Any]] = mapped_column(JSONType, default=list)
    results: Mapped[list[Any]] = mapped_column(JSONType)
    created: Mapped[datetime] = mapped_column(UTCDateTime(), default=_now)
    # qa.quality.CallQuality as JSON (needs_review, reasons, metrics, options); NULL before 0002.
    quality: Mapped[dict[str, Any] | None] = mapped_column(JSONType)


class RubricResultRow(Base):
    __tablename__ = "rubric_results"
    __table_args__ = (
        UniqueConstraint("score_id", "rubric", name="uq_rubric_results_score_rubric"),
        # "Calls whose current result is X": score_id IN (the matching results), index-only.
        Index("ix_rubric_results_rubric_outcome", "rubric", "outcome", "score_id"),
        Index("ix_rubric_results_outcome", "outcome", "score_id"),
        Index("ix_rubric_results_call", "call_id"),
        # "Calls with findings for review": score_id IN (n_review > 0), index-only.
        Index("ix_rubric_results_review", "n_review", "score_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    score_id: Mapped[int] = mapped_column(Integer, ForeignKey("scores.id"))
    call_id: Mapped[str] = mapped_column(String(64), ForeignKey("calls.id"))
    rubric: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(64), default="")
    outcome: Mapped[str] = mapped_column(String(64))
    sub_score: Mapped[float | None] = mapped_column(Float)
    # NULL when the result did not count (uncertain / skipped): it is in no pass rate.
    passed: Mapped[bool | None] = mapped_column(Boolean)
    # Every finding (confirmed and for review), and of them those for review.
    n_findings: Mapped[int] = mapped_column(Integer, default=0)
    n_review: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class Job(Base):
    __tablename__ = "jobs"
    __table_args__ = (
        CheckConstraint("status IN ('queued', 'running', 'done', 'failed')", name="status_known"),
        Index("ix_jobs_status_created", "status", "created"),
        Index("ix_jobs_call", "call_id"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="queued")
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    error: Mapped[str | None] = mapped_column(Text)
    call_id: Mapped[str | None] = mapped_column(String(64), ForeignKey("calls.id"))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    worker: Mapped[str | None] = mapped_column(String(128))
    created: Mapped[datetime] = mapped_column(UTCDateTime(), default=_now)
    updated: Mapped[datetime] = mapped_column(UTCDateTime(), default=_now)


class ApiKey(Base):
    __tablename__ = "api_keys"
    __table_args__ = (
        CheckConstraint("role IN ('qa_lead', 'supervisor', 'admin')", name="role_known"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    role: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(String(256), default="")
    created: Mapped[datetime] = mapped_column(UTCDateTime(), default=_now)
    revoked: Mapped[datetime | None] = mapped_column(UTCDateTime())


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


# --- helpers -----------------------------------------------------------------------------------


def _as_utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _parse_when(value: date | datetime | str | None, name: str) -> date | datetime | None:
    if value is None or isinstance(value, (date, datetime)):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
        except ValueError:
            raise InputError(f"{name}: {value!r} is not an ISO date or date-time") from None
    raise InputError(f"{name}: expected a date or date-time, got {type(value).__name__}")


def _lower_bound(value: date | datetime | str | None) -> datetime | None:
    v = _parse_when(value, "date_from")
    if v is None:
        return None
    if isinstance(v, datetime):
        return _as_utc(v)
    return datetime(v.year, v.month, v.day, tzinfo=UTC)


def _upper_bound(value: date | datetime | str | None) -> tuple[datetime, bool] | None:
    """(bound, inclusive). A date includes its whole day; a date-time is inclusive."""
    v = _parse_when(value, "date_to")
    if v is None:
        return None
    if isinstance(v, datetime):
        return _as_utc(v), True
    return datetime(v.year, v.month, v.day, tzinfo=UTC) + timedelta(days=1), False


def _iso_week(t: datetime) -> str:
    year, week, _ = t.isocalendar()
    return f"{year}-W{week:02d}"


def _period(date_from: Any, date_to: Any) -> tuple[str, str]:
    def show(v: Any) -> str:
        p = _parse_when(v, "date")
        return "" if p is None else p.isoformat()

    return show(date_from), show(date_to)


def _extension(filename: str | None) -> str:
    suffix = Path(filename or "").suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""


def _round(x: float | None, nd: int = 2) -> float | None:
    return None if x is None else round(float(x), nd)


def _hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _check_sha(sha: str) -> str:
    if not isinstance(sha, str) or not re.fullmatch(r"[0-9a-f]{64}", sha):
        raise InputError(f"{sha!r} is not a sha256 (64 lowercase hex digits)")
    return sha


def _sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(_CHUNK), b""):
            h.update(block)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _flagged() -> Any:
    return CallRow.needs_review.is_(True)


def _not_flagged() -> Any:
    # NULL (no quality record) is not flagged; `IS NOT TRUE` keeps the NULLs on both backends.
    return CallRow.needs_review.is_not(True)


def _job_dict(j: Job) -> dict[str, Any]:
    return {
        "id": j.id,
        "kind": j.kind,
        "status": j.status,
        "progress": j.progress,
        "error": j.error,
        "call_id": j.call_id,
        "payload": dict(j.payload or {}),
        "attempts": j.attempts,
        "worker": j.worker,
        "created": j.created,
        "updated": j.updated,
    }


def _score_summary(s: ScoreRow) -> dict[str, Any]:
    quality = s.quality
    return {
        "id": s.id,
        "rubric_version": s.rubric_version,
        "labeller_version": s.labeller_version,
        "score": s.score,
        "capped_by": list(s.capped_by or ()),
        "created": s.created,
        "needs_review": bool(quality.get("needs_review")) if quality else None,
    }


def _stored_results(results: Sequence[Mapping[str, Any]] | None) -> list[dict[str, Any]]:
    """Stored rubric results as clients see them: every finding with its ``status`` (results
    stored before findings had one were scored with every finding counted: ``confirmed``)."""
    out = []
    for r in results or ():
        findings = [{**f, "status": f.get("status") or "confirmed"} for f in r.get("findings") or ()]
        out.append({**r, "findings": findings})
    return out


def _n_review(findings: Sequence[Any]) -> int:
    return sum(
        1
        for f in findings
        if (f.get("status") if isinstance(f, Mapping) else getattr(f, "status", None)) == "review"
    )


@dataclass(frozen=True)
class AgentScorecard(Scorecard):
    """A :class:`~qa.types.Scorecard` with the team comparison and the worst calls' findings.

    ``per_rubric[name]`` holds ``n`` (results), ``counted`` (results with a sub-score),
    ``passed``, ``pass_rate`` (passed / counted), ``mean_score``, ``outcomes`` ({outcome: n}),
    ``findings`` (total), ``confirmed_findings`` and ``review_findings`` (of them, those that
    count against the agent and those for review), and ``team_pass_rate``. ``trend`` is
    ``((iso week, mean score), ...)``. ``worst`` repeats ``worst_calls`` with each call's score,
    time and findings. ``n_flagged`` counts the period's calls whose transcript needs review;
    with ``exclude_flagged`` they are left out of every other number (the team's too).
    """

    n_scored: int = 0
    team_mean: float | None = None
    team_n_calls: int = 0
    worst: tuple[Mapping[str, Any], ...] = ()
    n_flagged: int = 0
    exclude_flagged: bool = False


# --- the store ---------------------------------------------------------------------------------


class Store:
    """The database plus the audio directory. Open with :meth:`Store.open`; close when done."""

    def __init__(self, engine: Engine, data_dir: str | os.PathLike[str]) -> None:
        self.engine = engine
        self._writer = engine.execution_options(qa_write=True)
        self.data_dir = Path(data_dir).resolve()
        self.audio_dir = self.data_dir / "audio"
        self.audio_dir.mkdir(parents=True, exist_ok=True)
        #: Seconds a valid API key's role is remembered (0: ask the database every time). A key
        #: revoked through this store stops working at once; one revoked by another process
        #: (``qa keys revoke``, another server process) within this many seconds.
        self.key_cache_s: float = 5.0
        self._key_cache: dict[str, tuple[str, float]] = {}

    @classmethod
    def open(
        cls,
        url: str | URL | None = None,
        *,
        data_dir: str | os.PathLike[str] | None = None,
        migrate_schema: bool = True,
    ) -> Store:
        """Open (creating and migrating if needed) the store.

        ``url`` defaults to :func:`default_url`, ``data_dir`` to :func:`default_data_dir`.
        """
        d = Path(data_dir) if data_dir is not None else default_data_dir()
        d.mkdir(parents=True, exist_ok=True)
        try:
            engine = make_engine(url if url is not None else default_url(d))
        except NoSuchModuleError as exc:
            raise InputError(f"unsupported database URL: {exc}") from None
        if migrate_schema:
            try:
                migrate(engine)
            except OperationalError as exc:
                engine.dispose()
                where = engine.url.render_as_string(hide_password=True)
                reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
                raise QAError(f"cannot open the database {where}: {reason}") from None
        return cls(engine, d)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            yield s

    @contextmanager
    def _read_conn(self) -> Iterator[Connection]:
        """A Core connection in a read transaction: for hot read paths that need no ORM."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with Session(self._writer, expire_on_commit=False) as s, s.begin():
            yield s

    # --- recordings ---------------------------------------------------------------------------

    def put_recording(
        self,
        source: str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO,
        *,
        filename: str | None = None,
        content_type: str | None = None,
        max_bytes: int | None = None,
    ) -> tuple[str, bool]:
        """Store a recording's bytes content-addressed; returns ``(sha256, created)``.

        ``source`` is a path, the bytes, or a binary file object (read in chunks, so uploads are
        never held in memory whole). The same bytes again return the existing sha256 with
        ``created=False``; no file is ever overwritten. Raises :class:`TooLarge` past
        ``max_bytes`` and ``InputError`` for an empty recording (nothing is kept in either case).
        """
        if isinstance(source, (str, os.PathLike)):
            p = Path(source)
            if filename is None:
                filename = p.name
            try:
                fh = open(p, "rb")  # closed by the `with` below
            except FileNotFoundError:
                raise InputError(f"{p}: no such file") from None
            except IsADirectoryError:
                raise InputError(f"{p} is a directory, not a recording") from None
            with fh:
                return self._put_stream(fh, filename, content_type, max_bytes)
        if isinstance(source, (bytes, bytearray, memoryview)):
            return self._put_stream(io.BytesIO(bytes(source)), filename, content_type, max_bytes)
        if hasattr(source, "read"):
            return self._put_stream(source, filename, content_type, max_bytes)
        raise TypeError(f"expected a path, bytes or a binary file, got {type(source).__name__}")

    def _put_stream(
        self, fh: BinaryIO, filename: str | None, content_type: str | None, max_bytes: int | None
    ) -> tuple[str, bool]:
        tmp_dir = self.audio_dir / "tmp"
        tmp_dir.mkdir(parents=True, exist_ok=True)
        tmp = tmp_dir / f"{uuid.uuid4().hex}.part"
        h = hashlib.sha256()
        size = 0
        try:
            with open(tmp, "xb") as out:
                while True:
                    block = fh.read(_CHUNK)
                    if not block:
                        break
                    size += len(block)
                    if max_bytes is not None and size > max_bytes:
                        raise TooLarge(f"recording is larger than the limit of {max_bytes:,} bytes")
                    h.update(block)
                    out.write(block)
                out.flush()
                os.fsync(out.fileno())
            if size == 0:
                raise InputError("the recording is empty (0 bytes)")
            sha = h.hexdigest()
            with self._read() as s:
                row = s.get(Recording, sha)
                existing = (row.path,) if row is not None else None
            if existing is not None:
                # Known recording: make sure its file is there (restore it if it went missing).
                self._place(tmp, self.data_dir / existing[0], sha)
                return sha, False
            rel = self._place(tmp, self._target(sha, filename), sha)
            ctype = content_type or mimetypes.guess_type(filename or "")[0]
            rec = Recording(
                sha256=sha,
                size=size,
                path=rel,
                filename=(filename or "")[:512],
                content_type=(ctype or "application/octet-stream")[:128],
            )
            try:
                with self._write() as s:
                    if s.get(Recording, sha) is not None:
                        return sha, False
                    s.add(rec)
            except IntegrityError:
                # Another process stored the same bytes between our check and insert.
                with self._read() as s:
                    if s.get(Recording, sha) is not None:
                        return sha, False
                raise
            return sha, True
        finally:
            tmp.unlink(missing_ok=True)

    def _target(self, sha: str, filename: str | None) -> Path:
        folder = self.audio_dir / sha[:2] / sha[2:4]
        # A file left by an earlier upload whose insert failed was complete (fsynced before it
        # was linked): adopt it, whatever its extension (_place checks its bytes).
        own = re.compile(re.escape(sha) + r"(\.[a-z0-9]{1,8})?")
        for old in sorted(folder.iterdir()) if folder.is_dir() else ():
            if own.fullmatch(old.name):
                return old
        return folder / f"{sha}{_extension(filename)}"

    @contextmanager
    def _placing(self) -> Iterator[None]:
        """Serialise placing recordings (threads and processes sharing the data dir).

        Unlocked, an upload that found no file could see one appear (another upload's link)
        between its checks and move those good bytes aside as if damaged. The lock is held for
        a link, or for a hash when the same bytes arrive again.
        """
        lock_path = self.data_dir / ".place.lock"
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        with open(lock_path, "a+b") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    def _place(self, tmp: Path, target: Path, sha: str) -> str:
        """Put ``tmp``'s bytes at ``target`` unless the same bytes are already there."""
        target.parent.mkdir(parents=True, exist_ok=True)
        with self._placing():
            present = target.exists()
            if present and _sha256_of(target) == sha:
                return target.relative_to(self.data_dir).as_posix()
            if present:
                # Other bytes under this content address (damaged?): keep them for inspection
                # rather than destroy them, and put the right bytes in their place.
                aside = target.with_name(target.name + f".corrupt-{uuid.uuid4().hex[:8]}")
                log.warning("recording %s does not match its sha256; moved to %s", target, aside)
                os.replace(target, aside)
            try:
                os.link(tmp, target)  # fails if the target exists: never overwrites
            except OSError:
                os.replace(tmp, target)  # no hard links on this filesystem; the lock is held
            _fsync_dir(target.parent)
        return target.relative_to(self.data_dir).as_posix()

    def get_recording(self, sha256: str) -> dict[str, Any]:
        """A recording's row and its absolute path (:class:`NotFound` if unknown)."""
        with self._read() as s:
            row = s.get(Recording, sha256)
            if row is None:
                raise NotFound(f"no recording {sha256}")
            return {
                "sha256": row.sha256,
                "size": row.size,
                "path": str(self.data_dir / row.path),
                "filename": row.filename,
                "content_type": row.content_type,
                "created": row.created,
            }

    def recording_path(self, sha256: str) -> Path:
        """Where a stored recording's bytes are."""
        return Path(self.get_recording(sha256)["path"])

    # --- agents and calls ---------------------------------------------------------------------

    def add_agent(self, agent_id: str, *, name: str | None = None) -> bool:
        """Create an agent if it is new (``True``); an existing one only gets ``name`` updated."""
        agent_id = self._check_agent_id(agent_id)
        with self._write() as s:
            row = s.get(Agent, agent_id)
            if row is None:
                s.add(Agent(id=agent_id, name=name or agent_id))
                return True
            if name:
                row.name = name
            return False

    @staticmethod
    def _check_agent_id(agent_id: str) -> str:
        if not isinstance(agent_id, str) or not agent_id.strip():
            raise InputError("an agent id is required")
        if len(agent_id) > 128:
            raise InputError("an agent id is at most 128 characters")
        return agent_id.strip()

    def add_call(
        self,
        recording: str,
        *,
        agent_id: str,
        call_time: datetime | None = None,
        queue: str | None = None,
        customer_ref: str | None = None,
        language_hint: str | None = None,
        channel_layout: str | None = None,
        duration: float | None = None,
        meta: Mapping[str, Any] | None = None,
        agent_name: str | None = None,
    ) -> str:
        """The call for a stored recording (by sha256); creates it and the agent if new.

        The same recording again returns the existing call unchanged (whatever the other
        arguments say). ``call_time`` defaults to now. The call id is the first 16 hex digits of
        the sha256, as the pipeline names calls.
        """
        _check_sha(recording)
        agent_id = self._check_agent_id(agent_id)
        when = _as_utc(call_time) if call_time is not None else _now()
        for attempt in range(2):
            try:
                with self._write() as s:
                    if s.get(Recording, recording) is None:
                        raise NotFound(f"no recording {recording}: store it with put_recording")
                    found = s.scalar(
                        select(CallRow.id).where(CallRow.recording_sha256 == recording)
                    )
                    if found is not None:
                        return found
                    if s.get(Agent, agent_id) is None:
                        s.add(Agent(id=agent_id, name=agent_name or agent_id))
                        s.flush()
                    call_id = recording[:16]
                    if s.get(CallRow, call_id) is not None:  # a 64-bit prefix collision
                        call_id = recording
                    self._count(s, agent_id, when, calls=1)
                    s.add(
                        CallRow(
                            id=call_id,
                            recording_sha256=recording,
                            agent_id=agent_id,
                            call_time=when,
                            week=_iso_week(when),
                            queue=queue,
                            customer_ref=customer_ref,
                            language_hint=language_hint,
                            channel_layout=channel_layout,
                            duration=duration,
                            meta=dict(meta or {}),
                        )
                    )
                    return call_id
            except IntegrityError:
                # A concurrent add of the same recording or agent (PostgreSQL; SQLite writers
                # queue) won the race: look again once; anything else is a real error.
                found = self.call_for_recording(recording)
                if found is not None:
                    return found
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def call_for_recording(self, sha256: str) -> str | None:
        """The id of the call made from this recording, if any."""
        with self._read() as s:
            return s.scalar(select(CallRow.id).where(CallRow.recording_sha256 == sha256))

    def save_transcript(self, call: Call, *, version: str | None = None) -> int:
        """Store a transcript of ``call.id`` (a new version; the newest is current).

        Also records the call's duration, language and layout on the call row. ``version``
        defaults to the ASR backend/model named in ``call.meta["asr"]``.
        """
        if version is None:
            asr = call.meta.get("asr") if isinstance(call.meta.get("asr"), Mapping) else {}
            version = "/".join(str(asr[k]) for k in ("backend", "model") if asr.get(k))
        with self._write() as s:
            row = s.get(CallRow, call.id)
            if row is None:
                raise NotFound(f"no call {call.id}")
            t = Transcript(
                call_id=call.id,
                version=version[:128],
                utterances=to_dict(list(call.utterances)),
                meta=to_dict(dict(call.meta)),
            )
            s.add(t)
            row.duration = float(call.duration)
            row.language = (call.language or None) and str(call.language)[:16]
            row.source = call.source
            s.flush()
            return t.id

    def save_score(self, call_id: str, score: CallScore, *, labeller_version: str) -> int:
        """Add a score for ``call_id`` to its history and make it the current one.

        Fills ``rubric_results`` (one row per rubric item) for scorecards. ``call_id`` wins over
        ``score.call_id`` (a transcript scored offline may carry a placeholder id). Returns the
        score's id.
        """
        sid = self._save_score(call_id, score, labeller_version=labeller_version, once=False)
        assert sid is not None
        return sid

    def save_score_once(
        self, call_id: str, score: CallScore, *, labeller_version: str
    ) -> int | None:
        """:meth:`save_score` unless the call already has a score with the same rubric and
        labeller version (then ``None``, nothing written). Race-free: the call's row is locked
        (PostgreSQL) or the write transaction is exclusive (SQLite) while checking, so two
        workers or two batch runs scoring the same call at once leave exactly one score."""
        return self._save_score(call_id, score, labeller_version=labeller_version, once=True)

    def _save_score(
        self, call_id: str, score: CallScore, *, labeller_version: str, once: bool
    ) -> int | None:
        names = [r.rubric for r in score.results]
        if len(set(names)) != len(names):
            raise InputError(f"a call score has one result per rubric item, got {names}")
        with self._write() as s:
            call = s.get(CallRow, call_id, with_for_update=once)
            if call is None:
                raise NotFound(f"no call {call_id}")
            if once and s.scalar(
                select(ScoreRow.id)
                .where(
                    ScoreRow.call_id == call_id,
                    ScoreRow.rubric_version == score.rubric_version[:128],
                    ScoreRow.labeller_version == labeller_version[:128],
                )
                .limit(1)
            ):
                return None
            row = ScoreRow(
                call_id=call_id,
                rubric_version=score.rubric_version[:128],
                labeller_version=labeller_version[:128],
                score=score.score,
                capped_by=list(score.capped_by),
                results=to_dict(list(score.results)),
                quality=None if score.quality is None else to_dict(score.quality),
            )
            s.add(row)
            s.flush()
            s.add_all(self._rubric_rows(row.id, call_id, score))
            old = call.score
            self._count(
                s,
                call.agent_id,
                call.call_time,
                scored=int(call.score_id is None),
                valued=int(score.score is not None) - int(old is not None),
                total=(score.score or 0.0) - (old or 0.0),
            )
            call.score_id = row.id
            call.score = score.score
            call.rubric_version = row.rubric_version
            call.scored_at = row.created
            call.needs_review = None if score.quality is None else bool(score.quality.needs_review)
            return row.id

    def _count(
        self,
        s: Session,
        agent_id: str,
        when: datetime,
        *,
        calls: int = 0,
        scored: int = 0,
        valued: int = 0,
        total: float = 0.0,
    ) -> None:
        """Add to the agent's and the day's running totals (atomic increments, same transaction)."""
        s.flush()
        values: dict[str, Any] = {
            "n_calls": Agent.n_calls + calls,
            "n_scored": Agent.n_scored + scored,
            "n_valued": Agent.n_valued + valued,
            "score_sum": Agent.score_sum + total,
        }
        if calls:
            values["last_call"] = case(
                (or_(Agent.last_call.is_(None), Agent.last_call < when), when),
                else_=Agent.last_call,
            )
        s.execute(
            update(Agent)
            .where(Agent.id == agent_id)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        ins = (pg_insert if self.dialect == "postgresql" else sqlite_insert)(DailyStats)
        stmt = ins.values(
            day=_as_utc(when).date(),
            n_calls=calls,
            n_scored=scored,
            n_valued=valued,
            score_sum=total,
        )
        s.execute(
            stmt.on_conflict_do_update(
                index_elements=[DailyStats.day],
                set_={
                    "n_calls": DailyStats.n_calls + stmt.excluded.n_calls,
                    "n_scored": DailyStats.n_scored + stmt.excluded.n_scored,
                    "n_valued": DailyStats.n_valued + stmt.excluded.n_valued,
                    "score_sum": DailyStats.score_sum + stmt.excluded.score_sum,
                },
            )
        )

    def rebuild_stats(self) -> None:
        """Recompute the agents' and days' running totals from the calls (after a bulk load
        that bypassed :meth:`add_call` / :meth:`save_score`, or to repair them)."""
        with self._write() as s:
            per_agent = {
                aid: (n, n_scored, n_valued, total, last)
                for aid, n, n_scored, n_valued, total, last in s.execute(
                    select(
                        CallRow.agent_id,
                        func.count(),
                        func.count(CallRow.score_id),
                        func.count(CallRow.score),
                        func.coalesce(func.sum(CallRow.score), 0.0),
                        func.max(CallRow.call_time),
                    ).group_by(CallRow.agent_id)
                )
            }
            for agent in s.scalars(select(Agent)):
                n, n_scored, n_valued, total, last = per_agent.get(agent.id, (0, 0, 0, 0.0, None))
                agent.n_calls, agent.n_scored, agent.n_valued = int(n), int(n_scored), int(n_valued)
                agent.score_sum, agent.last_call = float(total), last
            s.execute(delete(DailyStats))
            day = func.date(CallRow.call_time)  # naive UTC stored: its date is the UTC day
            rows = s.execute(
                select(
                    day,
                    func.count(),
                    func.count(CallRow.score_id),
                    func.count(CallRow.score),
                    func.coalesce(func.sum(CallRow.score), 0.0),
                ).group_by(day)
            ).all()
            s.add_all(
                DailyStats(
                    day=d if isinstance(d, date) else date.fromisoformat(str(d)),
                    n_calls=int(n),
                    n_scored=int(k),
                    n_valued=int(v),
                    score_sum=float(total),
                )
                for d, n, k, v, total in rows
            )

    @staticmethod
    def _rubric_rows(score_id: int, call_id: str, score: CallScore) -> list[RubricResultRow]:
        return [
            RubricResultRow(
                score_id=score_id,
                call_id=call_id,
                rubric=r.rubric,
                version=r.version[:64],
                outcome=r.outcome,
                sub_score=r.score,
                passed=None if r.score is None else r.outcome in PASS_OUTCOMES,
                n_findings=len(r.findings),
                n_review=_n_review(r.findings),
            )
            for r in score.results
        ]

    def is_scored(
        self, call_id: str, *, rubric_version: str, labeller_version: str | None = None
    ) -> bool:
        """Whether ``call_id`` has a score made with this rubric (and labeller) version."""
        q = select(ScoreRow.id).where(
            ScoreRow.call_id == call_id, ScoreRow.rubric_version == rubric_version
        )
        if labeller_version is not None:
            q = q.where(ScoreRow.labeller_version == labeller_version)
        with self._read() as s:
            return s.scalar(q.limit(1)) is not None

    def get_call(self, call_id: str) -> dict[str, Any]:
        """A call with its recording, newest transcript, current score (with every rubric
        result and its findings) and score history (newest first, without results)."""
        with self._read() as s:
            c = s.get(CallRow, call_id)
            if c is None:
                raise NotFound(f"no call {call_id}")
            rec = s.get(Recording, c.recording_sha256)
            t = s.scalars(
                select(Transcript)
                .where(Transcript.call_id == call_id)
                .order_by(Transcript.id.desc())
                .limit(1)
            ).first()
            history = s.scalars(
                select(ScoreRow).where(ScoreRow.call_id == call_id).order_by(ScoreRow.id.desc())
            ).all()
            current = next((h for h in history if h.id == c.score_id), None)
            out = self._call_dict(c)
            out["meta"] = dict(c.meta or {})
            out["recording"] = {
                "sha256": c.recording_sha256,
                "size": rec.size if rec else None,
                "filename": rec.filename if rec else "",
                "content_type": rec.content_type if rec else "",
                "path": str(self.data_dir / rec.path) if rec else None,
            }
            out["transcript"] = (
                None
                if t is None
                else {
                    "id": t.id,
                    "version": t.version,
                    "utterances": list(t.utterances),
                    "meta": dict(t.meta or {}),
                    "created": t.created,
                }
            )
            out["score"] = (
                None
                if current is None
                else {
                    **_score_summary(current),
                    "results": _stored_results(current.results),
                    "quality": dict(current.quality) if current.quality else None,
                }
            )
            out["history"] = [_score_summary(h) for h in history]
            return out

    @staticmethod
    def _call_dict(c: CallRow) -> dict[str, Any]:
        return {
            "id": c.id,
            "agent_id": c.agent_id,
            "recording_sha256": c.recording_sha256,
            "call_time": c.call_time,
            "queue": c.queue,
            "customer_ref": c.customer_ref,
            "language_hint": c.language_hint,
            "channel_layout": c.channel_layout,
            "duration": c.duration,
            "language": c.language,
            "source": c.source,
            "created": c.created,
            "score": c.score,
            "rubric_version": c.rubric_version,
            "scored_at": c.scored_at,
            "needs_review": c.needs_review,
        }

    def load_call(self, call_id: str) -> Call:
        """The :class:`~qa.types.Call` from the newest transcript (to re-score without ASR)."""
        with self._read() as s:
            c = s.get(CallRow, call_id)
            if c is None:
                raise NotFound(f"no call {call_id}")
            t = s.scalars(
                select(Transcript)
                .where(Transcript.call_id == call_id)
                .order_by(Transcript.id.desc())
                .limit(1)
            ).first()
            if t is None:
                raise NotFound(f"call {call_id} has no transcript yet")
            return call_from_dict(
                {
                    "id": c.id,
                    "agent_id": c.agent_id,
                    "duration": c.duration,
                    "source": c.source or "transcript",
                    "utterances": list(t.utterances),
                    "meta": dict(t.meta or {}),
                }
            )

    def _call_filters(
        self,
        *,
        agent: str | None,
        date_from: date | datetime | str | None,
        date_to: date | datetime | str | None,
    ) -> list[Any]:
        conds: list[Any] = []
        if agent is not None:
            conds.append(CallRow.agent_id == agent)
        lo = _lower_bound(date_from)
        if lo is not None:
            conds.append(CallRow.call_time >= lo)
        hi = _upper_bound(date_to)
        if hi is not None:
            bound, inclusive = hi
            conds.append(CallRow.call_time <= bound if inclusive else CallRow.call_time < bound)
        return conds

    def list_calls(
        self,
        *,
        agent: str | None = None,
        date_from: date | datetime | str | None = None,
        date_to: date | datetime | str | None = None,
        min_score: float | None = None,
        max_score: float | None = None,
        outcome: str | None = None,
        needs_review: bool | None = None,
        findings: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[dict[str, Any]], int]:
        """Calls newest first, filtered; returns ``(rows for this page, total matching)``.

        Dates: a date includes its whole day (UTC); a date-time bound is inclusive. Score bounds
        are inclusive and exclude unscored calls. ``outcome`` matches the current score's rubric
        results: ``"pass"`` (any item) or ``"rubric:outcome"`` (``"resolution:none"``).
        ``needs_review=True``: calls whose current score flags the transcript for review;
        ``False``: the others (unflagged, unscored, or scored before quality was recorded).
        ``findings="review"``: calls whose current score has findings for review.
        """
        if not 0 < limit <= 1000:
            raise InputError("limit must be between 1 and 1000")
        if offset < 0:
            raise InputError("offset must be >= 0")
        conds = self._call_filters(agent=agent, date_from=date_from, date_to=date_to)
        if min_score is not None:
            conds.append(CallRow.score >= min_score)
        if max_score is not None:
            conds.append(CallRow.score <= max_score)
        if outcome:
            rubric, _, name = outcome.rpartition(":")
            sub = [RubricResultRow.outcome == name]
            if rubric:
                sub.append(RubricResultRow.rubric == rubric)
            # IN (not EXISTS): read off the (rubric, outcome, score_id) index, then calls by score_id.
            conds.append(CallRow.score_id.in_(select(RubricResultRow.score_id).where(*sub)))
        if needs_review is not None:
            conds.append(_flagged() if needs_review else _not_flagged())
        if findings is not None:
            if findings != "review":
                raise InputError(f"findings must be 'review', got {findings!r}")
            conds.append(
                CallRow.score_id.in_(
                    select(RubricResultRow.score_id).where(RubricResultRow.n_review > 0)
                )
            )
        with self._read() as s:
            total = s.scalar(select(func.count()).select_from(CallRow).where(*conds)) or 0
            rows = s.scalars(
                select(CallRow)
                .where(*conds)
                .order_by(CallRow.call_time.desc(), CallRow.id.desc())
                .limit(limit)
                .offset(offset)
            ).all()
            return [self._call_dict(c) for c in rows], int(total)

    @staticmethod
    def _agent_dict(a: Agent) -> dict[str, Any]:
        return {
            "id": a.id,
            "name": a.name,
            "n_calls": a.n_calls,
            "n_scored": a.n_scored,
            "mean_score": _round(a.score_sum / a.n_valued) if a.n_valued else None,
            "last_call": a.last_call,
            "created": a.created,
        }

    def agents(self) -> list[dict[str, Any]]:
        """Every agent with its number of calls, scored calls, mean current score, last call."""
        with self._read() as s:
            return [self._agent_dict(a) for a in s.scalars(select(Agent).order_by(Agent.id))]

    def get_agent(self, agent_id: str) -> dict[str, Any]:
        """One agent, as in :meth:`agents` (:class:`NotFound` if unknown)."""
        with self._read() as s:
            a = s.get(Agent, agent_id)
            if a is None:
                raise NotFound(f"no agent {agent_id}")
            return self._agent_dict(a)

    def scorecard(
        self,
        agent_id: str,
        *,
        date_from: date | datetime | str | None = None,
        date_to: date | datetime | str | None = None,
        worst: int = 5,
        team_rates: bool = False,
        exclude_flagged: bool = False,
    ) -> AgentScorecard:
        """An agent's scorecard over a period, aggregated in SQL from the current scores.

        ``n_calls`` counts calls in the period, ``n_scored`` those with a score; the team mean
        is over every agent's calls in the same period. ``team_rates=True`` also fills each
        item's ``team_pass_rate`` (a join over every result in the period: slower on large
        databases, so off by default). ``worst`` is how many of the lowest-scoring calls to list.
        ``exclude_flagged=True`` leaves the calls flagged ``needs_review`` out of the counts,
        means, pass rates, trend and worst calls (``n_flagged`` still says how many there were).
        """
        period_conds = self._call_filters(agent=None, date_from=date_from, date_to=date_to)
        agent_conds = [CallRow.agent_id == agent_id, *period_conds]
        if exclude_flagged:
            period_conds = [*period_conds, _not_flagged()]
        conds = [CallRow.agent_id == agent_id, *period_conds]
        scored = [*conds, CallRow.score_id.is_not(None)]
        # Core on one connection, five statements: a scorecard is read on every page view, so
        # the ORM's per-row bookkeeping and extra round trips are worth avoiding here.
        with self._read_conn() as s:
            if s.execute(select(Agent.id).where(Agent.id == agent_id)).first() is None:
                raise NotFound(f"no agent {agent_id}")
            # Counts, the mean and the weekly trend in one pass over the agent's calls.
            weeks = s.execute(
                select(
                    CallRow.week,
                    func.count(),
                    func.count(CallRow.score_id),
                    func.count(CallRow.score),
                    func.sum(CallRow.score),
                )
                .where(*conds)
                .group_by(CallRow.week)
                .order_by(CallRow.week)
            ).all()
            n_flagged = s.scalar(select(func.count()).where(*agent_conds, _flagged())) or 0
            team_n, team_mean = self._team(
                s, date_from, date_to, period_conds, from_calls=exclude_flagged
            )
            per_rubric = self._per_rubric(s, scored)
            rates = (
                self._pass_rates(s, [*period_conds, CallRow.score_id.is_not(None)])
                if team_rates
                else {}
            )
            for name, stats in per_rubric.items():
                stats["team_pass_rate"] = rates.get(name)
            worst_rows = (
                s.execute(
                    select(CallRow.id, CallRow.score, CallRow.call_time, ScoreRow.results)
                    .join(ScoreRow, ScoreRow.id == CallRow.score_id)
                    .where(*scored, CallRow.score.is_not(None))
                    .order_by(CallRow.score.asc(), CallRow.call_time.desc(), CallRow.id)
                    .limit(worst)
                ).all()
                if worst > 0
                else []
            )
        n_calls = sum(int(w[1]) for w in weeks)
        n_scored = sum(int(w[2]) for w in weeks)
        n_valued = sum(int(w[3]) for w in weeks)
        mean = sum(float(w[4]) for w in weeks if w[3]) / n_valued if n_valued else None
        trend = tuple((w[0], round(float(w[4]) / int(w[3]), 2)) for w in weeks if w[3])
        worst_detail = tuple(
            {
                "call_id": r.id,
                "score": r.score,
                "call_time": r.call_time,
                "findings": [
                    {**f, "outcome": res.get("outcome")}
                    for res in _stored_results(r.results)
                    for f in res.get("findings", [])
                ],
            }
            for r in worst_rows
        )
        return AgentScorecard(
            agent_id=agent_id,
            period=_period(date_from, date_to),
            n_calls=int(n_calls),
            mean_score=_round(mean),
            per_rubric=per_rubric,
            trend=trend,
            worst_calls=tuple(r.id for r in worst_rows),
            n_scored=int(n_scored),
            team_mean=_round(team_mean),
            team_n_calls=int(team_n),
            worst=worst_detail,
            n_flagged=int(n_flagged),
            exclude_flagged=exclude_flagged,
        )

    @staticmethod
    def _team(
        s: Session | Connection,
        date_from: Any,
        date_to: Any,
        period_conds: Sequence[Any],
        *,
        from_calls: bool = False,
    ) -> tuple[int, float | None]:
        """(scored calls, mean score) of everyone in the period: from the daily totals when the
        period is whole days (and ``from_calls`` is false: the totals cannot leave calls out),
        else from the calls themselves."""
        lo, hi = _parse_when(date_from, "date_from"), _parse_when(date_to, "date_to")
        if not from_calls and not isinstance(lo, datetime) and not isinstance(hi, datetime):
            conds = []
            if lo is not None:
                conds.append(DailyStats.day >= lo)
            if hi is not None:
                conds.append(DailyStats.day <= hi)
            n, valued, total = s.execute(
                select(
                    func.coalesce(func.sum(DailyStats.n_scored), 0),
                    func.coalesce(func.sum(DailyStats.n_valued), 0),
                    func.coalesce(func.sum(DailyStats.score_sum), 0.0),
                ).where(*conds)
            ).one()
            return int(n), (float(total) / int(valued) if valued else None)
        n, mean = s.execute(
            select(func.count(CallRow.score_id), func.avg(CallRow.score)).where(*period_conds)
        ).one()
        return int(n), mean

    @staticmethod
    def _per_rubric(s: Session | Connection, conds: Sequence[Any]) -> dict[str, dict[str, Any]]:
        rr = RubricResultRow
        q = (
            select(
                rr.rubric,
                rr.outcome,
                func.count(rr.id),
                func.count(rr.passed),
                func.sum(case((rr.passed.is_(True), 1), else_=0)),
                func.avg(rr.sub_score),
                func.sum(rr.n_findings),
                func.sum(rr.n_review),
            )
            .join(CallRow, CallRow.score_id == rr.score_id)
            .where(*conds)
            .group_by(rr.rubric, rr.outcome)
        )
        out: dict[str, dict[str, Any]] = {}
        sums: dict[str, float] = {}
        for rubric, outcome, n, counted, passed, mean, findings, review in s.execute(q):
            st = out.setdefault(
                rubric,
                {
                    "n": 0,
                    "counted": 0,
                    "passed": 0,
                    "pass_rate": None,
                    "mean_score": None,
                    "outcomes": {},
                    "findings": 0,
                    "confirmed_findings": 0,
                    "review_findings": 0,
                },
            )
            st["n"] += int(n)
            st["counted"] += int(counted)
            st["passed"] += int(passed or 0)
            st["outcomes"][outcome] = int(n)
            st["findings"] += int(findings or 0)
            st["review_findings"] += int(review or 0)
            st["confirmed_findings"] += int(findings or 0) - int(review or 0)
            if mean is not None:
                sums[rubric] = sums.get(rubric, 0.0) + float(mean) * int(counted)
        for rubric, st in out.items():
            if st["counted"]:
                st["pass_rate"] = round(st["passed"] / st["counted"], 4)
                st["mean_score"] = round(sums.get(rubric, 0.0) / st["counted"], 2)
            st["outcomes"] = dict(sorted(st["outcomes"].items()))
        return dict(sorted(out.items()))

    @staticmethod
    def _pass_rates(s: Session | Connection, conds: Sequence[Any]) -> dict[str, float | None]:
        rr = RubricResultRow
        q = (
            select(
                rr.rubric, func.count(rr.passed), func.sum(case((rr.passed.is_(True), 1), else_=0))
            )
            .join(CallRow, CallRow.score_id == rr.score_id)
            .where(*conds)
            .group_by(rr.rubric)
        )
        return {
            rubric: (round(int(p or 0) / int(c), 4) if c else None) for rubric, c, p in s.execute(q)
        }

    # --- jobs ---------------------------------------------------------------------------------

    def create_job(
        self, *, kind: str, call_id: str | None = None, payload: Mapping[str, Any] | None = None
    ) -> str:
        """Queue a job; returns its id. Jobs are rows, so they survive a restart."""
        if not kind or len(kind) > 32:
            raise InputError("a job kind is 1 to 32 characters")
        job_id = uuid.uuid4().hex
        with self._write() as s:
            if call_id is not None and s.get(CallRow, call_id) is None:
                raise NotFound(f"no call {call_id}")
            s.add(Job(id=job_id, kind=kind, call_id=call_id, payload=to_dict(dict(payload or {}))))
        return job_id

    def get_job(self, job_id: str) -> dict[str, Any]:
        """A job's status, progress, error, call and payload (:class:`NotFound` if unknown)."""
        with self._read() as s:
            j = s.get(Job, job_id)
            if j is None:
                raise NotFound(f"no job {job_id}")
            return _job_dict(j)

    def update_job(
        self,
        job_id: str,
        *,
        status: str | None = None,
        progress: float | None = None,
        error: str | None = None,
        call_id: str | None = None,
        payload: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Change a job (any call also counts as a heartbeat for :meth:`claim_next_job`)."""
        if status is not None and status not in JOB_STATUSES:
            raise InputError(f"job status must be one of {JOB_STATUSES}, got {status!r}")
        if progress is not None and not 0.0 <= progress <= 1.0:
            raise InputError(f"job progress is between 0 and 1, got {progress}")
        with self._write() as s:
            j = s.get(Job, job_id)
            if j is None:
                raise NotFound(f"no job {job_id}")
            if status is not None:
                j.status = status
                if status == "done" and progress is None:
                    j.progress = 1.0
            if progress is not None:
                j.progress = float(progress)
            if error is not None:
                j.error = error
            if call_id is not None:
                j.call_id = call_id
            if payload is not None:
                j.payload = to_dict(dict(payload))
            j.updated = _now()
            s.flush()
            return _job_dict(j)

    def claim_next_job(
        self,
        *,
        kinds: Sequence[str] | None = None,
        worker: str | None = None,
        stale_after: float = 600.0,
        max_attempts: int = 3,
    ) -> dict[str, Any] | None:
        """Atomically take the oldest queued job (or one left ``running`` by a dead worker).

        A ``running`` job not updated for ``stale_after`` seconds is reclaimed; one that has
        already been tried ``max_attempts`` times is marked ``failed`` instead. Returns the
        claimed job (status ``running``, attempts incremented) or ``None``. Two workers never
        get the same job: PostgreSQL skips rows another transaction has locked, SQLite runs the
        claim under the database write lock, and the update re-checks the status either way.
        """
        cutoff = _now() - timedelta(seconds=stale_after)
        stale = (Job.status == "running") & (Job.updated < cutoff)
        kind_cond = [Job.kind.in_(list(kinds))] if kinds else []
        for _ in range(5):
            with self._write() as s:
                s.execute(
                    update(Job)
                    .where(stale, Job.attempts >= max_attempts, *kind_cond)
                    .values(
                        status="failed",
                        error=f"abandoned: no progress for {stale_after:g} s after "
                        f"{max_attempts} attempt(s)",
                        updated=_now(),
                    )
                    .execution_options(synchronize_session=False)
                )
                claimable = or_(Job.status == "queued", stale)
                job_id = s.scalar(
                    select(Job.id)
                    .where(claimable, *kind_cond)
                    .order_by(Job.created, Job.id)
                    .limit(1)
                    .with_for_update(skip_locked=True)
                )
                if job_id is None:
                    return None
                now = _now()
                res = s.execute(
                    update(Job)
                    .where(Job.id == job_id, claimable)
                    .values(
                        status="running",
                        attempts=Job.attempts + 1,
                        worker=(worker or f"pid{os.getpid()}")[:128],
                        updated=now,
                        error=None,
                    )
                    .execution_options(synchronize_session=False)
                )
                if res.rowcount == 1:  # type: ignore[attr-defined]
                    j = s.get(Job, job_id, populate_existing=True)
                    assert j is not None
                    return _job_dict(j)
        return None

    def list_jobs(
        self, *, status: str | None = None, call_id: str | None = None, limit: int = 100
    ) -> list[dict[str, Any]]:
        """Jobs, newest first, optionally of one status and/or for one call."""
        q = select(Job).order_by(Job.created.desc(), Job.id).limit(limit)
        if status is not None:
            q = q.where(Job.status == status)
        if call_id is not None:
            q = q.where(Job.call_id == call_id)
        with self._read() as s:
            return [_job_dict(j) for j in s.scalars(q)]

    def job_counts(self) -> dict[str, int]:
        """How many jobs are in each status."""
        with self._read() as s:
            counts = dict(s.execute(select(Job.status, func.count()).group_by(Job.status)).all())
        return {st: int(counts.get(st, 0)) for st in JOB_STATUSES}

    # --- API keys -----------------------------------------------------------------------------

    def create_api_key(self, role: str, *, label: str = "") -> str:
        """A new API key for ``role``; returns the plaintext key (only its sha256 is stored)."""
        if role not in ROLES:
            raise InputError(f"role must be one of {', '.join(ROLES)}; got {role!r}")
        key = "qa_" + secrets.token_urlsafe(32)
        with self._write() as s:
            s.add(ApiKey(key_hash=_hash_key(key), prefix=key[:10], role=role, label=label[:256]))
        return key

    def check_api_key(self, key: str | None) -> str | None:
        """The role of a valid, unrevoked key, else ``None``.

        A valid key's role is remembered for :attr:`key_cache_s` seconds, so a busy server does
        not ask the database on every request (see :meth:`cached_key_role`).
        """
        if not key:
            return None
        digest = _hash_key(key)
        with self._read() as s:
            row = s.scalar(select(ApiKey).where(ApiKey.key_hash == digest))
            role = None if row is None or row.revoked is not None else row.role
        if role is not None and self.key_cache_s > 0:
            if len(self._key_cache) >= 4096:  # many distinct keys: start afresh, stay bounded
                self._key_cache.clear()
            self._key_cache[digest] = (role, time.monotonic() + self.key_cache_s)
        return role

    def cached_key_role(self, key: str | None) -> str | None:
        """The role of ``key`` if :meth:`check_api_key` accepted it in the last
        :attr:`key_cache_s` seconds, else ``None`` (unknown: ask :meth:`check_api_key`).
        Never touches the database, so an async request handler may call it."""
        if not key:
            return None
        hit = self._key_cache.get(_hash_key(key))
        if hit is None or hit[1] < time.monotonic():
            return None
        return hit[0]

    def revoke_api_key(self, key_id: int | str) -> None:
        """Revoke a key by its id or by the plaintext key (:class:`NotFound` if unknown)."""
        try:
            with self._write() as s:
                if isinstance(key_id, int):
                    row = s.get(ApiKey, key_id)
                else:
                    row = s.scalar(select(ApiKey).where(ApiKey.key_hash == _hash_key(key_id)))
                if row is None:
                    raise NotFound(f"no API key {key_id if isinstance(key_id, int) else '(given)'}")
                if row.revoked is None:
                    row.revoked = _now()
        finally:  # after the commit, so no check that read the old row can re-cache it
            self._key_cache.clear()

    def list_api_keys(self) -> list[dict[str, Any]]:
        """Every key's id, prefix, role, label, created and revoked (never the key itself)."""
        with self._read() as s:
            return [
                {
                    "id": k.id,
                    "prefix": k.prefix,
                    "role": k.role,
                    "label": k.label,
                    "created": k.created,
                    "revoked": k.revoked,
                }
                for k in s.scalars(select(ApiKey).order_by(ApiKey.id))
            ]
