"""The JSON API, one module per resource, each with its own ``APIRouter(prefix, tags)``.

``calls`` (upload, read, audio, list, edit, delete), ``reviews`` (reviews and disputes of a
call), ``agents`` (list, one agent, scorecard as JSON or CSV), ``jobs``, ``keys``, ``teams`` and
``audit`` (admins manage them), ``review_queue`` and ``agreement`` (QA leads and admins) and
``health``. :data:`ROUTERS` is the order they are included in,
which is the order of the OpenAPI document.
"""

from __future__ import annotations

from fastapi import APIRouter

from api.routes import (
    agents,
    agreement,
    audit,
    calls,
    health,
    jobs,
    keys,
    review_queue,
    reviews,
    teams,
)

__all__ = ["ROUTERS"]

ROUTERS: tuple[APIRouter, ...] = (
    calls.router,
    reviews.router,
    agents.router,
    jobs.router,
    keys.router,
    review_queue.router,
    agreement.router,
    teams.router,
    audit.router,
    health.router,
)
