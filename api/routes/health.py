"""Health: is the server up, its database reachable, its models loaded, its queue moving."""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.deps import StoreDep
from api.models import Health

__all__ = ["router"]

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Liveness: database reachable, models loaded, queue")
def health(request: Request, store: StoreDep) -> Health:
    state = request.app.state
    return Health(
        status="ok",
        database=store.dialect,
        models=getattr(state, "models", {}),
        job_workers=len(getattr(state, "workers", [])),
        jobs=store.jobs.counts(),
    )
