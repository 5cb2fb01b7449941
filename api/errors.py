"""The one table from exceptions to HTTP statuses, shown as JSON by the API and as HTML by pages.

:func:`problem_for` maps any exception to a :class:`Problem` (status, message, page title);
:func:`install_error_handlers` makes the API answer every error as JSON,
``{"error": code, "message": text}``, and :mod:`api.pages.render` shows the same problem as an
error page. Client mistakes map to 4xx with a message a person can act on; the server answers 500
only for its own bugs (logged with a traceback, never shown to the client).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.deps import Forbidden, NotSignedIn
from api.models import ErrorBody
from qa.errors import AudioError, InputError, ModelError, QAError
from qa.ingest import DuplicateRecording
from qa.store import Conflict, NotFound, TooLarge

__all__ = [
    "ERROR_CODES",
    "PageError",
    "Problem",
    "problem_for",
    "log_problem",
    "install_error_handlers",
    "error_response",
    "audio_status",
    "validation_message",
    "error_responses",
]

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

_WHEN = {
    401: "No API key, or one that is not valid or was revoked",
    403: "The key's role may not do this",
    404: "No such call, agent, job or key",
    409: "In conflict with what is stored (the message says what)",
    413: "Larger than the upload limit",
    415: "Not an audio file",
    422: "An invalid parameter or body (the message names it)",
}
_CANT_SHOW = "That request can't be shown"
_ROLE_NAMES = {"qa_lead": "QA lead", "supervisor": "supervisor", "admin": "admin"}


class PageError(Exception):
    """Shown to the user as an error page with this status, title and message."""

    def __init__(self, status: int, title: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.title = title
        self.message = message


@dataclass(frozen=True)
class Problem:
    """How an error is answered: ``status``, the ``message`` (the API's), the ``title`` of its
    error page and, where a page words it for a person rather than a program, ``page_message``.
    ``bug``: the server's own fault (logged with its traceback)."""

    status: int
    message: str
    title: str = "Error"
    headers: Mapping[str, str] | None = None
    page_message: str | None = None
    bug: bool = False

    @property
    def code(self) -> str:
        """The API's ``error`` code for the status."""
        return ERROR_CODES.get(self.status, "error")


def role_name(role: str) -> str:
    """A role as the pages name it: ``qa_lead`` → ``QA lead``."""
    return _ROLE_NAMES.get(role, role)


def audio_status(exc: AudioError) -> int:
    """415 when the bytes are not audio at all, 422 when audio is unusable (cut, too long …)."""
    text = str(exc)
    if "not a readable audio file" in text or "has no audio stream" in text:
        return 415
    return 422


def _location(loc: Any) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "cookie", "form")]
    return ".".join(parts) or "request"


def validation_message(exc: RequestValidationError, limit: int = 10) -> str:
    """The first ``limit`` problems of a request as ``where: what``, joined by ``; ``."""
    problems = []
    for err in exc.errors()[:limit]:
        where = _location(err.get("loc", ()))
        msg = str(err.get("msg", "invalid"))
        if err.get("type") == "missing":
            msg = "is required"
        problems.append(f"{where}: {msg}")
    return "; ".join(problems) or "invalid request"


def _forbidden(exc: Forbidden) -> Problem:
    return Problem(
        403,
        str(exc),
        "Not for your role",
        page_message=f"Your role ({role_name(exc.role)}) can't open this page; it needs "
        f"{' or '.join(role_name(r) for r in exc.allowed)}.",
    )


def _input(exc: InputError) -> Problem:
    # The store names its Python parameters; the API's query parameters are from/to.
    message = str(exc).replace("date_from", "from").replace("date_to", "to")
    return Problem(422, message, _CANT_SHOW)


def _invalid(exc: RequestValidationError) -> Problem:
    # The pages list the first five problems, the API the first ten.
    return Problem(
        422, validation_message(exc), _CANT_SHOW, page_message=validation_message(exc, 5)
    )


def _http(exc: StarletteHTTPException) -> Problem:
    message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    return Problem(exc.status_code, message, headers=getattr(exc, "headers", None))


# Most specific first: the first row whose type the exception is an instance of decides.
_TABLE: tuple[tuple[type[BaseException], Callable[[Any], Problem]], ...] = (
    (PageError, lambda e: Problem(e.status, e.message, e.title)),
    (NotSignedIn, lambda e: Problem(401, str(e), "Sign in", {"WWW-Authenticate": "Bearer"})),
    (Forbidden, _forbidden),
    (NotFound, lambda e: Problem(404, str(e), "Not found")),
    (Conflict, lambda e: Problem(409, str(e), "Not possible now")),
    (TooLarge, lambda e: Problem(413, str(e), "Too large")),
    (AudioError, lambda e: Problem(audio_status(e), str(e), "That recording can't be used")),
    (InputError, _input),
    (DuplicateRecording, lambda e: Problem(409, str(e), "Already another agent's call")),
    (ModelError, lambda e: Problem(503, str(e), "Unavailable")),
    (QAError, lambda e: Problem(503, str(e), "Unavailable")),
    (RequestValidationError, _invalid),
    (StarletteHTTPException, _http),
    (
        Exception,
        lambda e: Problem(
            500,
            "internal error; the server log has the details",
            "Something went wrong",
            page_message="The page could not be shown because of an error on the server; the "
            "server log has the details. Try again, or tell whoever runs this server.",
            bug=True,
        ),
    ),
)  # fmt: skip


def problem_for(exc: BaseException) -> Problem:
    """The table's answer for ``exc`` (every exception has one: a bug is a 500)."""
    for kind, make in _TABLE:
        if isinstance(exc, kind):
            return make(exc)
    return _TABLE[-1][1](exc)


def log_problem(problem: Problem, exc: BaseException, request: Request) -> None:
    """Log what the server must hear about: its own bugs (with a traceback), and 503s."""
    if problem.bug:
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    elif isinstance(exc, ModelError):
        log.error("model problem: %s", exc)
    elif isinstance(exc, QAError) and problem.status == 503:
        log.error("%s", exc)


def error_response(
    status: int, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    """The JSON error body every handler returns."""
    return JSONResponse(
        {"error": ERROR_CODES.get(status, "error"), "message": message},
        status_code=status,
        headers=dict(headers) if headers is not None else None,
    )


def install_error_handlers(app: FastAPI) -> None:
    """Answer every exception in the table as JSON (the pages catch theirs first)."""

    async def handler(request: Request, exc: Exception) -> JSONResponse:
        problem = problem_for(exc)
        log_problem(problem, exc, request)
        return error_response(problem.status, problem.message, problem.headers)

    for kind, _ in _TABLE:
        app.add_exception_handler(kind, handler)  # type: ignore[arg-type]


def error_responses(*statuses: int, **descriptions: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for the errors a route may answer, each an :class:`ErrorBody`;
    ``descriptions`` (``s413="..."``) word one for this route."""
    return {
        status: {
            "model": ErrorBody,
            "description": descriptions.get(f"s{status}", _WHEN.get(status, "Error")),
        }
        for status in statuses
    }
