"""Rendering pages: the templates, the headers every page carries, and errors as pages.

:func:`page_router` makes the routers of the page modules: their routes are
:class:`PageRoute`, whose errors are HTML pages (the status and message from
:func:`api.errors.problem_for`, the same table the JSON API uses) and whose callers without a
valid key are sent to the sign-in page.
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections.abc import Callable, Coroutine, Mapping
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates

from api.deps import COOKIE, NotSignedIn, Principal, page_zone, principal_of
from api.errors import PageError, Problem, log_problem, problem_for, role_name
from api.pages import filters
from api.pages.transcript import pii_parts
from qa import __version__
from qa.store import JobInfo, Store
from qa.timezones import zone_name

__all__ = [
    "paging",
    "TEMPLATES",
    "STATIC",
    "PAGE_HEADERS",
    "STATIC_VERSIONS",
    "static_url",
    "templates",
    "render",
    "error_page",
    "PageRoute",
    "page_router",
    "date_param",
    "latest_job",
]

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent.parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
# Pages are per-user and may show customer data: never cached, never framed, scripts and
# styles only from this server.
PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "media-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
}


def _static_versions() -> dict[str, str]:
    """A short content hash per static file: URLs change when files do, so they can be cached."""
    out = {}
    for p in sorted(STATIC.iterdir()) if STATIC.is_dir() else ():
        if p.is_file():
            out[p.name] = hashlib.sha256(p.read_bytes()).hexdigest()[:10]
    return out


STATIC_VERSIONS = _static_versions()


def static_url(name: str) -> str:
    """The URL of a file in ``api/static`` (with a cache-busting version)."""
    version = STATIC_VERSIONS.get(name)
    return f"/static/{quote(name)}" + (f"?v={version}" if version else "")


def _templates() -> Jinja2Templates:
    t = Jinja2Templates(directory=str(TEMPLATES))
    env = t.env
    env.trim_blocks = True
    env.lstrip_blocks = True
    env.globals.update(
        static_url=static_url,
        version=__version__,
        rubric_title=filters.rubric_title,
        LANGUAGES=filters.LANGUAGES,
        role_name=role_name,
        pii_parts=pii_parts,
    )
    env.filters.update(filters.FILTERS)
    return t


templates = _templates()


def render(
    request: Request,
    name: str,
    context: Mapping[str, Any] | None = None,
    *,
    user: Principal | None = None,
    status: int = 200,
    nav: str = "",
) -> Response:
    """A page from ``api/templates`` with the security headers every page carries; times on
    it are in the display zone (:func:`api.deps.page_zone`: ``tz`` in the context)."""
    try:
        tz = page_zone(request)
    except Exception:  # an error page when the store itself failed
        tz = None
    ctx = {
        "user": user,
        "nav": nav,
        "tz": tz,
        "tz_name": zone_name(tz) if tz is not None else "UTC",
        **dict(context or {}),
    }
    return templates.TemplateResponse(request, name, ctx, status_code=status, headers=PAGE_HEADERS)


async def error_page(request: Request, problem: Problem) -> Response:
    """``problem`` as a page: its status, title and (the page's wording of) its message."""
    user = None
    try:
        user = await principal_of(request)
    except Exception:  # the store itself may be what failed
        log.debug("no role for the error page", exc_info=True)
    message = problem.page_message if problem.page_message is not None else problem.message
    context = {"title": problem.title, "message": message, "status": problem.status}
    return render(request, "error.html", context, user=user, status=problem.status)


def _here(request: Request) -> str:
    path = request.url.path
    return path + (f"?{request.url.query}" if request.url.query else "")


class PageRoute(APIRoute):
    """A route whose errors are HTML pages, not the API's JSON (and a missing or unknown key
    redirects to the sign-in page): the pages share the app and its JSON error handlers."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def page_handler(request: Request) -> Response:
            try:
                return await handler(request)
            except NotSignedIn as exc:
                target = "/signin?" + urlencode(
                    {"next": _here(request), **({"expired": "1"} if exc.expired else {})}
                )
                response = RedirectResponse(target, status_code=303)
                if exc.expired:
                    response.delete_cookie(COOKIE, path="/")
                return response
            except Exception as exc:
                problem = problem_for(exc)
                log_problem(problem, exc, request)
                return await error_page(request, problem)

        return page_handler


def page_router() -> APIRouter:
    """A router for pages: :class:`PageRoute` routes, left out of the OpenAPI document."""
    return APIRouter(route_class=PageRoute, include_in_schema=False)


# --- what several pages' handlers need ------------------------------------------------------------


def date_param(value: str | None, name: str) -> str | None:
    """A ``from``/``to`` query value: ``None`` if blank, the value if a date, else a 422 page."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        raise PageError(
            422, "That period can't be shown", f"{name}: {value!r} is not a date (YYYY-MM-DD)"
        ) from None
    return value


def latest_job(store: Store, call_id: str) -> JobInfo | None:
    """The newest job of a call, if any."""
    jobs = store.jobs.list(call_id=call_id, limit=1)
    return jobs[0] if jobs else None


def paging(
    path: str, pairs: tuple[tuple[str, str | None], ...], page: int, total: int, per_page: int
) -> dict[str, Any]:
    """A paged, filtered list's template values: ``filters`` (the given ones, blank ones left
    out), ``page``, ``pages`` and the links to the previous and next pages (keeping the
    filters), ``None`` at either end."""
    given = {k: v for k, v in pairs if v}
    pages = max(1, math.ceil(total / per_page))

    def href(n: int) -> str:
        return f"{path}?" + urlencode({**given, "page": n})

    return {
        "filters": given,
        "page": page,
        "pages": pages,
        "prev_href": href(page - 1) if page > 1 else None,
        "next_href": href(page + 1) if page < pages else None,
    }
