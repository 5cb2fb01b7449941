"""Jobs: an upload's scoring job, its status, progress and error."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from api.deps import StoreDep, Viewer
from api.errors import error_responses
from api.models import JobList, JobPublic
from qa.store import JOB_STATUSES

__all__ = ["router"]

router = APIRouter(prefix="/v1/jobs", tags=["jobs"], responses=error_responses(401, 403, 404, 422))


@router.get("/{job_id}", summary="A job's status, progress and error")
def get_job(job_id: str, store: StoreDep, _who: Viewer) -> JobPublic:
    return JobPublic.of(store.jobs.get(job_id))


@router.get("", summary="Jobs, newest first")
def list_jobs(
    store: StoreDep,
    _who: Viewer,
    status: Annotated[Literal[JOB_STATUSES] | None, Query()] = None,  # type: ignore[valid-type]
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> JobList:
    items = [JobPublic.of(j) for j in store.jobs.list(status=status, limit=limit)]
    return JobList(items=items, counts=store.jobs.counts())
