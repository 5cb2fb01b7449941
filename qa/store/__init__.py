"""Storage: recordings (content-addressed files), calls, transcripts, score history, jobs, API keys.

One :class:`Store` holds a SQLAlchemy 2 engine and a data directory, and reaches everything
through its parts:

- ``store.files`` (:mod:`~qa.store.files`): recordings: ``put``, ``get``, ``path``;
- ``store.calls`` (:mod:`~qa.store.calls`): agents, calls, transcripts, scores, running totals,
  filtered lists;
- ``store.scorecards`` (:mod:`~qa.store.scorecards`): an agent's scorecard (``get``) and every
  agent's pass counts;
- ``store.jobs`` (:mod:`~qa.store.jobs`): the job queue;
- ``store.keys`` (:mod:`~qa.store.keys`): API keys;
- ``store.teams`` (:mod:`~qa.store.teams`): teams, agents' teams and keys bound to teams;
- ``store.audit`` (:mod:`~qa.store.audit`): the audit log;
- ``store.reviews`` (:mod:`~qa.store.reviews`): human reviews (history, verdicts, the reviewed
  score) and disputes;
- ``store.queue`` (:mod:`~qa.store.queue`): the review queue.

They return frozen records (:mod:`qa.store.records`), never ORM rows or bare dicts. The database
is a SQLite file by default (``<data dir>/qa.db``) or any PostgreSQL by URL
(``QA_DATABASE_URL``); the schema (:mod:`qa.store.schema`) is created and upgraded by the Alembic
migrations in ``qa/migrations`` (:func:`migrate`, run by :meth:`Store.open`).

Guarantees:

- **Nothing half-written.** Every public method is one transaction
  (:class:`~qa.store.engine.Database`).
- **Nothing uploaded is lost or overwritten**, and the same bytes give the same recording and
  the same call (:mod:`qa.store.files`, :mod:`qa.store.calls`).
- **Score history.** Re-scoring adds a score; the newest is the call's current one, which
  lists, filters and scorecards use.
"""

from __future__ import annotations

import os
from datetime import tzinfo
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import NoSuchModuleError, OperationalError

from qa.errors import InputError, QAError
from qa.store.audit import AuditLog
from qa.store.calls import Calls
from qa.store.engine import Database, default_data_dir, default_url, make_engine, migrate
from qa.store.errors import Conflict, NotFound, TooLarge
from qa.store.files import RecordingFiles
from qa.store.jobs import Jobs
from qa.store.keys import ApiKeys
from qa.store.queue import ReviewQueue
from qa.store.records import (
    Actor,
    AgentInfo,
    AgentScorecard,
    ApiKeyInfo,
    AuditRecord,
    CallColumns,
    CallDetail,
    CallEdit,
    CallSummary,
    DeletedCall,
    DisputeRecord,
    JobInfo,
    KeyIdentity,
    PurgeSummary,
    RecordingInfo,
    RecordingRef,
    ReviewRecord,
    ReviewResult,
    ScoreDetail,
    ScoreSummary,
    TeamInfo,
    TranscriptInfo,
    WorstCall,
)
from qa.store.reviews import Reviews
from qa.store.schema import JOB_STATUSES, ROLES
from qa.store.scorecards import Scorecards
from qa.store.teams import Teams
from qa.timezones import site_zone

__all__ = [
    "Store",
    "NotFound",
    "TooLarge",
    "Conflict",
    "migrate",
    "make_engine",
    "default_data_dir",
    "default_url",
    "ROLES",
    "JOB_STATUSES",
    "AgentInfo",
    "AgentScorecard",
    "Actor",
    "ApiKeyInfo",
    "AuditRecord",
    "CallColumns",
    "CallDetail",
    "CallEdit",
    "CallSummary",
    "DeletedCall",
    "DisputeRecord",
    "JobInfo",
    "KeyIdentity",
    "PurgeSummary",
    "RecordingInfo",
    "RecordingRef",
    "ReviewRecord",
    "ReviewResult",
    "ScoreDetail",
    "TeamInfo",
    "ScoreSummary",
    "TranscriptInfo",
    "WorstCall",
]


class Store:
    """The database plus the audio directory. Open with :meth:`Store.open`; close when done.

    ``files``, ``calls``, ``scorecards``, ``jobs`` and ``keys`` do the work (see the module's
    docstring); the store itself only opens and closes.
    """

    def __init__(
        self,
        engine: Engine,
        data_dir: str | os.PathLike[str],
        *,
        timezone: str | tzinfo | None = None,
    ) -> None:
        self.engine = engine
        self.data_dir = Path(data_dir).resolve()
        #: The site's zone (``timezone``, else ``$QA_TIMEZONE``, else UTC): the week a new call
        #: is counted in, and the default zone of dates in filters (:mod:`qa.timezones`).
        self.timezone: tzinfo = site_zone(timezone) if not isinstance(timezone, tzinfo) else timezone
        db = Database(engine)
        self.files = RecordingFiles(db, self.data_dir)
        self.calls = Calls(db, self.data_dir, zone=self.timezone, files=self.files)
        self.scorecards = Scorecards(db, zone=self.timezone)
        self.jobs = Jobs(db)
        self.keys = ApiKeys(db)
        self.teams = Teams(db, self.keys)
        self.audit = AuditLog(db)
        self.reviews = Reviews(db)
        self.queue = ReviewQueue(db)

    @classmethod
    def open(
        cls,
        url: str | URL | None = None,
        *,
        data_dir: str | os.PathLike[str] | None = None,
        migrate_schema: bool = True,
        timezone: str | tzinfo | None = None,
    ) -> Store:
        """Open (creating and migrating if needed) the store.

        ``url`` defaults to :func:`default_url`, ``data_dir`` to :func:`default_data_dir`,
        ``timezone`` (the site's zone, an IANA name) to ``$QA_TIMEZONE`` or UTC; an unknown
        zone is an :class:`~qa.errors.InputError` before anything is opened.
        """
        zone = site_zone(timezone) if not isinstance(timezone, tzinfo) else timezone
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
        return cls(engine, d, timezone=zone)

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
