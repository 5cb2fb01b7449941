"""Jobs, API keys and health."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel, Field

from api.auth import Admin, Viewer, get_store
from qa.store import JOB_STATUSES, ROLES, JobInfo

__all__ = ["router"]

router = APIRouter(tags=["jobs", "keys", "health"])


def _public_job(job: JobInfo) -> dict[str, Any]:
    out = {
        k: getattr(job, k)
        for k in (
            "id",
            "kind",
            "status",
            "progress",
            "error",
            "call_id",
            "attempts",
            "created",
            "updated",
        )
    }
    out["result"] = (job.payload or {}).get("result")
    out["call_url"] = f"/v1/calls/{job.call_id}" if job.call_id else None
    return out


@router.get("/v1/jobs/{job_id}", tags=["jobs"], summary="A job's status, progress and error")
def get_job(job_id: str, request: Request, _who: Viewer) -> dict[str, Any]:
    return _public_job(get_store(request).jobs.get(job_id))


@router.get("/v1/jobs", tags=["jobs"], summary="Jobs, newest first")
def list_jobs(
    request: Request,
    _who: Viewer,
    status: Annotated[Literal[JOB_STATUSES] | None, Query()] = None,  # type: ignore[valid-type]
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    items = [_public_job(j) for j in get_store(request).jobs.list(status=status, limit=limit)]
    return {"items": items, "counts": get_store(request).jobs.counts()}


class NewKey(BaseModel):
    role: Literal[ROLES]  # type: ignore[valid-type]
    label: str = Field(default="", max_length=256)


@router.post("/v1/keys", tags=["keys"], status_code=201, summary="Create an API key (shown once)")
def create_key(body: NewKey, request: Request, _who: Admin) -> dict[str, Any]:
    store = get_store(request)
    key = store.keys.create(body.role, label=body.label)
    info = next(k for k in reversed(store.keys.list()) if key.startswith(k.prefix))
    return {**info.to_dict(), "key": key}


@router.get("/v1/keys", tags=["keys"], summary="API keys (never the keys themselves)")
def list_keys(request: Request, _who: Admin) -> dict[str, Any]:
    return {"items": [k.to_dict() for k in get_store(request).keys.list()]}


@router.delete("/v1/keys/{key_id}", tags=["keys"], status_code=204, summary="Revoke an API key")
def revoke_key(
    key_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    request: Request,
    _who: Admin,
) -> Response:
    get_store(request).keys.revoke(key_id)
    return Response(status_code=204)


@router.get(
    "/healthz", tags=["health"], summary="Liveness: database reachable, models loaded, queue"
)
def health(request: Request) -> dict[str, Any]:
    state = request.app.state
    return {
        "status": "ok",
        "database": get_store(request).dialect,
        "models": getattr(state, "models", {}),
        "job_workers": len(getattr(state, "workers", [])),
        "jobs": get_store(request).jobs.counts(),
    }
