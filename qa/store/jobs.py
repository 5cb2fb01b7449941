"""The job queue: ``store.jobs``. Jobs are rows, so they survive a restart."""

from __future__ import annotations

import builtins
import os
import uuid
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import func, or_, select, update

from qa.errors import InputError
from qa.store.engine import Database, utc_now
from qa.store.errors import NotFound
from qa.store.filters import in_teams
from qa.store.records import JobInfo
from qa.store.schema import JOB_STATUSES, CallRow, Job
from qa.store.views import job_info
from qa.types import to_dict

__all__ = ["Jobs"]


class Jobs:
    """Queued work (scoring an uploaded call): ``store.jobs``."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def create(
        self, *, kind: str, call_id: str | None = None, payload: Mapping[str, Any] | None = None
    ) -> str:
        """Queue a job; returns its id."""
        if not kind or len(kind) > 32:
            raise InputError("a job kind is 1 to 32 characters")
        job_id = uuid.uuid4().hex
        with self._db.write() as s:
            if call_id is not None and s.get(CallRow, call_id) is None:
                raise NotFound(f"no call {call_id}")
            s.add(Job(id=job_id, kind=kind, call_id=call_id, payload=to_dict(dict(payload or {}))))
        return job_id

    def get(self, job_id: str) -> JobInfo:
        """A job's status, progress, error, call and payload (:class:`NotFound` if unknown)."""
        with self._db.read() as s:
            j = s.get(Job, job_id)
            if j is None:
                raise NotFound(f"no job {job_id}")
            return job_info(j)

    def update(
        self,
        job_id: str,
        *,
        status: str | None = None,
        progress: float | None = None,
        error: str | None = None,
        call_id: str | None = None,
        payload: Mapping[str, Any] | None = None,
    ) -> JobInfo:
        """Change a job (any call also counts as a heartbeat for :meth:`claim_next`); returns
        the job as it now is. ``status="done"`` without a ``progress`` sets it to 1. Progress
        is kept to 2 decimals and never goes down: a lower figure leaves it as it is."""
        if status is not None and status not in JOB_STATUSES:
            raise InputError(f"job status must be one of {JOB_STATUSES}, got {status!r}")
        if progress is not None and not 0.0 <= progress <= 1.0:
            raise InputError(f"job progress is between 0 and 1, got {progress}")
        with self._db.write() as s:
            j = s.get(Job, job_id)
            if j is None:
                raise NotFound(f"no job {job_id}")
            if status is not None:
                j.status = status
                if status == "done" and progress is None:
                    j.progress = 1.0
            if progress is not None:
                # Progress only grows (stages report on their own scales), in hundredths.
                j.progress = max(float(j.progress or 0.0), round(float(progress), 2))
            if error is not None:
                j.error = error
            if call_id is not None:
                j.call_id = call_id
            if payload is not None:
                j.payload = to_dict(dict(payload))
            j.updated = utc_now()
            s.flush()
            return job_info(j)

    def claim_next(
        self,
        *,
        kinds: Sequence[str] | None = None,
        worker: str | None = None,
        stale_after: float = 600.0,
        max_attempts: int = 3,
    ) -> JobInfo | None:
        """Atomically take the oldest queued job (or one left ``running`` by a dead worker).

        A ``running`` job not updated for ``stale_after`` seconds is reclaimed; one that has
        already been tried ``max_attempts`` times is marked ``failed`` instead. Returns the
        claimed job (status ``running``, attempts incremented) or ``None``. Two workers never
        get the same job: PostgreSQL skips rows another transaction has locked, SQLite runs the
        claim under the database write lock, and the update re-checks the status either way.
        """
        cutoff = utc_now() - timedelta(seconds=stale_after)
        stale = (Job.status == "running") & (Job.updated < cutoff)
        kind_cond = [Job.kind.in_(list(kinds))] if kinds else []
        for _ in range(5):
            with self._db.write() as s:
                s.execute(
                    update(Job)
                    .where(stale, Job.attempts >= max_attempts, *kind_cond)
                    .values(
                        status="failed",
                        error=f"abandoned: no progress for {stale_after:g} s after "
                        f"{max_attempts} attempt(s)",
                        updated=utc_now(),
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
                now = utc_now()
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
                    return job_info(j)
        return None

    def list(
        self,
        *,
        status: str | None = None,
        call_id: str | None = None,
        limit: int = 100,
        teams: tuple[str, ...] | None = None,
    ) -> builtins.list[JobInfo]:
        """Jobs, newest first, optionally of one status and/or for one call; ``teams``: only
        the jobs of calls whose agents are in those teams."""
        q = select(Job).order_by(Job.created.desc(), Job.id).limit(limit)
        if teams is not None:
            q = q.where(_of_teams(teams))
        if status is not None:
            q = q.where(Job.status == status)
        if call_id is not None:
            q = q.where(Job.call_id == call_id)
        with self._db.read() as s:
            return [job_info(j) for j in s.scalars(q)]

    def counts(self, *, teams: tuple[str, ...] | None = None) -> dict[str, int]:
        """How many jobs are in each status (every status, 0 where none; ``teams``: of those
        teams' calls only)."""
        q = select(Job.status, func.count()).group_by(Job.status)
        if teams is not None:
            q = q.where(_of_teams(teams))
        with self._db.read() as s:
            counts = dict(s.execute(q).all())
        return {st: int(counts.get(st, 0)) for st in JOB_STATUSES}


def _of_teams(teams: tuple[str, ...]) -> Any:
    """Jobs of calls whose agents are in ``teams``."""
    return Job.call_id.in_(select(CallRow.id).where(*in_teams(teams)))
