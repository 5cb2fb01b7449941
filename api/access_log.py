"""The access log: one line per request on the ``qa.access`` logger.

Each line has the method, the path (no query string), the status, the caller's key id (never
the key; ``-`` when the request carried no valid key) and the duration in milliseconds, as
text or as a JSON object per line (``$QA_ACCESS_LOG=text|json|off``). Refused requests (401,
403, 413) are logged like any other.

A pure ASGI middleware: it wraps ``send`` to see the status and reads the caller that
:func:`api.deps.current_principal` left on the request's state, adding no task, thread or body
buffering to a request (Starlette's ``BaseHTTPMiddleware`` would).
"""

from __future__ import annotations

import json
import logging
import sys
import time
from datetime import UTC, datetime
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["AccessLog", "ACCESS_LOGGER", "access_logger"]

ACCESS_LOGGER = "qa.access"


def access_logger() -> logging.Logger:
    """The ``qa.access`` logger, writing to stderr at INFO unless it was given handlers
    already (a deployment's logging configuration wins)."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.propagate = False
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return logger


class AccessLog:
    """Log every HTTP request once it is answered (``fmt``: ``text`` or ``json``)."""

    def __init__(
        self, app: ASGIApp, fmt: str = "text", logger: logging.Logger | None = None
    ) -> None:
        if fmt not in ("text", "json"):
            raise ValueError(f"access log format must be text or json, got {fmt!r}")
        self.app = app
        self.json = fmt == "json"
        self.log = logger if logger is not None else access_logger()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        t0 = time.perf_counter()
        # The request's state dict: the principal dependency stores the caller in it.
        state = scope.setdefault("state", {})
        status = 500  # if the app fails before it answers

        async def logged_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, logged_send)
        finally:
            self._line(scope, status, state.get("principal"), time.perf_counter() - t0)

    def _line(self, scope: Scope, status: int, principal: Any, seconds: float) -> None:
        if not self.log.isEnabledFor(logging.INFO):
            return
        key_id = getattr(principal, "key_id", None)
        ms = round(seconds * 1000.0, 2)
        method, path = scope.get("method", ""), scope.get("path", "")
        if self.json:
            line = json.dumps(
                {
                    "ts": datetime.now(UTC).isoformat(timespec="milliseconds"),
                    "method": method,
                    "path": path,
                    "status": status,
                    "key_id": key_id,
                    "role": getattr(principal, "role", None),
                    "ms": ms,
                },
                ensure_ascii=False,
            )
        else:
            who = "-" if key_id is None else str(key_id)
            if not path.isprintable():  # a %0A in a path must not start a forged line
                path = json.dumps(path)
            ts = datetime.now(UTC).isoformat(timespec="milliseconds")
            line = f"{ts} {method} {path} {status} key={who} {ms:.2f}ms"
        self.log.info(line)
