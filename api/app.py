"""The web API (and pages) for supervisors and QA leads: ``create_app()`` builds it.

Start-up (FastAPI lifespan) opens the store, puts back jobs a stopped server left running,
loads every model once for this process, then starts the job worker threads and, with a
retention period set, the daily purge; shut-down stops them (the workers after their current
job step) and closes the store. Every request is logged by :class:`api.access_log.AccessLog`
(``$QA_ACCESS_LOG``). Run it with ``qa serve``.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import socket
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from api import pages
from api.access_log import AccessLog
from api.docs import install_docs
from api.errors import error_response, install_error_handlers
from api.retention import retention_loop
from api.routes import ROUTERS
from api.settings import Settings
from api.worker import JobWorker, requeue_orphans
from qa import __version__
from qa.redact.modes import Redaction
from qa.store import Store

__all__ = ["create_app"]

log = logging.getLogger(__name__)


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, before they are read or stored.

    A declared ``Content-Length`` over the limit is refused at once; a chunked body is
    counted as it arrives and cut off when it passes the limit.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        # A multipart envelope adds a little to the file itself.
        limit = self.limit + 64 * 1024
        message = f"the request is larger than the upload limit of {self.limit:,} bytes"
        for name, value in scope.get("headers") or ():
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await error_response(400, "invalid Content-Length header")(scope, receive, send)
                    return
                if declared > limit:
                    await error_response(413, message)(scope, receive, send)
                    return
        seen = 0
        started = False
        answered = False

        async def counted_receive() -> Message:
            nonlocal seen, started, answered
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > limit:
                    # Answer 413 now, before the rest of the body: whoever reads the body
                    # (a form parser) may turn the exception into its own 400, so the app's
                    # answer is dropped below.
                    if not started:
                        started = answered = True
                        await error_response(413, message)(scope, receive, send)
                    raise _TooLargeBody()
            return msg

        async def tracking_send(msg: Message) -> None:
            nonlocal started
            if answered:
                return
            if msg["type"] == "http.response.start":
                started = True
            await send(msg)

        try:
            await self.app(scope, counted_receive, tracking_send)
        except _TooLargeBody:
            if not started:
                await error_response(413, message)(scope, receive, send)


class _TooLargeBody(Exception):
    pass


class NoDelayH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with ``TCP_NODELAY`` set on every connection.

    asyncio sets it only on sockets it recognises as TCP; the listening socket uvicorn hands to
    its worker processes (``qa serve --processes N``) comes back from ``fromfd()`` with protocol
    0, so without this each reply waited for the client's delayed ACK (about 40 ms).
    """

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


def create_app(settings: Settings | None = None, *, store: Store | None = None) -> FastAPI:
    """The API application. ``store`` (tests) is used as is and not closed at shut-down."""
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own = store is None
        st = store or Store.open(
            settings.database_url,
            data_dir=settings.data_dir,
            timezone=settings.timezone or "UTC",
        )
        st.keys.cache_s = settings.key_cache_s
        app.state.store = st
        app.state.settings = settings
        app.state.models = {}
        app.state.workers = []
        try:
            requeue_orphans(st)
            if settings.warm_models:
                from qa.jobs import warm_models

                t0 = time.perf_counter()
                app.state.models = {k: round(v, 2) for k, v in warm_models().items()}
                log.info("models loaded in %.1fs", time.perf_counter() - t0)
            for i in range(max(0, settings.job_workers)):
                w = JobWorker(
                    st,
                    index=i,
                    rubric=settings.rubric,
                    max_duration=settings.max_duration,
                    stale_after=settings.stale_after,
                    poll_interval=settings.poll_interval,
                    redaction=Redaction(
                        mode=settings.redaction, keep_original_audio=settings.keep_original_audio
                    ),
                )
                w.start()
                app.state.workers.append(w)
            if settings.retention_days:
                app.state.retention = asyncio.create_task(
                    retention_loop(st, settings.retention_days, settings.retention_interval_s)
                )
            # What start-up built (modules, routes, templates, models) lives as long as the
            # server: keep it out of the collector's full passes, which otherwise walk it again
            # and again under load.
            gc.collect()
            gc.freeze()
            yield
        finally:
            retention = getattr(app.state, "retention", None)
            if retention is not None:
                retention.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await retention
            for w in app.state.workers:
                w.stop()
            for w in app.state.workers:
                w.join(timeout=5.0)
            if own:
                st.close()

    app = FastAPI(
        title="qa",
        version=__version__,
        summary="Quality-assurance scores for recorded complaint calls",
        description=(
            "Upload call recordings (QA leads), read per-agent scorecards and the calls behind "
            "them (supervisors). Send an API key as `X-API-Key` or `Authorization: Bearer`. "
            'Errors are JSON: `{"error": code, "message": text}`.'
        ),
        lifespan=lifespan,
        docs_url=None,  # served from local files by install_docs (offline)
        redoc_url=None,  # off: ReDoc fetches its logo from a CDN
    )
    app.state.settings = settings
    if store is not None:  # usable without the lifespan too (in-process test clients)
        app.state.store = store
        app.state.models = {}
        app.state.workers = []
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    app.include_router(pages.router)
    install_docs(app)
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes)
    if settings.access_log != "off":  # outermost: refusals (413) are logged too
        app.add_middleware(AccessLog, fmt=settings.access_log)
    return app


def app_factory() -> Any:
    """For ``uvicorn --factory api.app:app_factory`` (settings from the environment)."""
    return create_app()
