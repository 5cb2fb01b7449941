"""Every error the API returns is JSON: ``{"error": code, "message": text}``.

Client mistakes map to 4xx with a message a person can act on; the server answers 500 only
for its own bugs (logged with a traceback, never shown to the client).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from qa.errors import AudioError, InputError, ModelError, QAError
from qa.store import NotFound, TooLarge

__all__ = ["install_error_handlers", "error_response", "ERROR_CODES", "audio_status"]

log = logging.getLogger(__name__)

ERROR_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    416: "range_not_satisfiable",
    422: "invalid_request",
    500: "internal",
    503: "unavailable",
}


def error_response(
    status: int, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    """The JSON error body every handler returns."""
    return JSONResponse(
        {"error": ERROR_CODES.get(status, "error"), "message": message},
        status_code=status,
        headers=headers,
    )


def audio_status(exc: AudioError) -> int:
    """415 when the bytes are not audio at all, 422 when audio is unusable (cut, too long …)."""
    text = str(exc)
    if "not a readable audio file" in text or "has no audio stream" in text:
        return 415
    return 422


def _location(loc: Any) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "cookie", "form")]
    return ".".join(parts) or "request"


def _validation_message(exc: RequestValidationError) -> str:
    problems = []
    for err in exc.errors()[:10]:
        where = _location(err.get("loc", ()))
        msg = str(err.get("msg", "invalid"))
        if err.get("type") == "missing":
            msg = "is required"
        problems.append(f"{where}: {msg}")
    return "; ".join(problems) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    """Map the library's errors and FastAPI's own to JSON responses."""

    @app.exception_handler(NotFound)
    async def _not_found(_req: Request, exc: NotFound) -> JSONResponse:
        return error_response(404, str(exc))

    @app.exception_handler(TooLarge)
    async def _too_large(_req: Request, exc: TooLarge) -> JSONResponse:
        return error_response(413, str(exc))

    @app.exception_handler(AudioError)
    async def _audio(_req: Request, exc: AudioError) -> JSONResponse:
        return error_response(audio_status(exc), str(exc))

    @app.exception_handler(InputError)
    async def _input(_req: Request, exc: InputError) -> JSONResponse:
        # The store names its Python parameters; the API's query parameters are from/to.
        message = str(exc).replace("date_from", "from").replace("date_to", "to")
        return error_response(422, message)

    @app.exception_handler(ModelError)
    async def _model(_req: Request, exc: ModelError) -> JSONResponse:
        log.error("model problem: %s", exc)
        return error_response(503, str(exc))

    @app.exception_handler(QAError)
    async def _qa(_req: Request, exc: QAError) -> JSONResponse:
        log.error("%s", exc)
        return error_response(503, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation(_req: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_req: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        return error_response(exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _bug(req: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", req.method, req.url.path)
        return error_response(500, "internal error; the server log has the details")
