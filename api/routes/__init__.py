"""The JSON API, one module per resource, each with its own ``APIRouter(prefix, tags)``.

``calls`` (upload, read, audio, list), ``agents`` (list, one agent, scorecard as JSON or CSV),
``jobs``, ``keys`` and ``audit`` (admins) and ``health``. :data:`ROUTERS` is the order they are included in,
which is the order of the OpenAPI document.
"""

from __future__ import annotations

from fastapi import APIRouter

from api.routes import agents, audit, calls, health, jobs, keys

__all__ = ["ROUTERS"]

ROUTERS: tuple[APIRouter, ...] = (
    calls.router,
    agents.router,
    jobs.router,
    keys.router,
    audit.router,
    health.router,
)
