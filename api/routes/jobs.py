"""Jobs: an upload's scoring job, its status, progress and error."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from api.deps import StoreDep, Viewer
from api.errors import error_responses
from api.models import JobList, JobPublic
from qa.store import JOB_STATUSES, NotFound

__all__ = ["router"]

router = APIRouter(prefix="/v1/jobs", tags=["jobs"], responses=error_responses(401, 403, 404, 422))


@router.get("/{job_id}", summary="A job's status, progress and error")
def get_job(job_id: str, store: StoreDep, who: Viewer) -> JobPublic:
    job = store.jobs.get(job_id)
    scope = who.team_scope
    if scope is not None and not (job.call_id and store.calls.in_scope(job.call_id, scope)):
        raise NotFound(f"no job {job_id}")  # as if unknown: ids of other teams' jobs don't leak
    return JobPublic.of(job)


@router.get("", summary="Jobs, newest first")
def list_jobs(
    store: StoreDep,
    who: Viewer,
    status: Annotated[Literal[JOB_STATUSES] | None, Query()] = None,  # type: ignore[valid-type]
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> JobList:
    scope = who.team_scope
    items = [JobPublic.of(j) for j in store.jobs.list(status=status, limit=limit, teams=scope)]
    return JobList(items=items, counts=store.jobs.counts(teams=scope))
