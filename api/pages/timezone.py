"""The display zone: each person picks the zone the pages show times in (kept in a cookie).

Dates typed into the period and call filters are days in that zone too. The site's zone
(``$QA_TIMEZONE``) is the default, and it alone decides the weeks of the trends.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated
from zoneinfo import available_timezones

from fastapi import Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from api.deps import TZ_COOKIE, Viewer, store_of
from api.errors import PageError
from api.pages.render import page_router, render
from api.pages.signin import SIGN_IN_DAYS, safe_next
from qa.errors import InputError
from qa.timezones import zone, zone_name

__all__ = ["router", "zone_choices"]

router = page_router()


@cache
def zone_choices() -> tuple[str, ...]:
    """Every IANA zone this machine knows, UTC first."""
    return ("UTC", *sorted(z for z in available_timezones() if z not in ("UTC", "Etc/UTC")))


@router.get("/timezone")
def timezone_page(
    request: Request,
    user: Viewer,
    next: Annotated[str | None, Query(max_length=2000)] = None,  # noqa: A002 - the URL's name
) -> Response:
    return render(
        request,
        "timezone.html",
        {
            "next": safe_next(next),
            "zones": zone_choices(),
            "site_zone": zone_name(store_of(request).timezone),
            "chosen": request.cookies.get(TZ_COOKIE) or "",
        },
        user=user,
    )


@router.post("/timezone")
def set_timezone(
    request: Request,
    user: Viewer,
    tz: Annotated[str, Form(max_length=64)] = "",
    next: Annotated[str, Form(max_length=2000)] = "",  # noqa: A002
) -> Response:
    """Keep the chosen zone in a cookie (blank: the site's zone again)."""
    tz = tz.strip()
    response = RedirectResponse(safe_next(next), status_code=303)
    if not tz:
        response.delete_cookie(TZ_COOKIE, path="/")
        return response
    try:
        chosen = zone_name(zone(tz))
    except InputError as exc:
        raise PageError(422, "That time zone can't be used", str(exc)) from None
    response.set_cookie(
        TZ_COOKIE,
        chosen,
        max_age=SIGN_IN_DAYS * 86400,
        path="/",
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
    return response
