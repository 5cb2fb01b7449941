"""Signing in and out: paste an API key, kept in an HTTP-only cookie; the home page."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from api.deps import COOKIE, OptionalPrincipal, StoreDep
from api.pages.render import page_router, render

__all__ = ["router", "SIGN_IN_DAYS", "safe_next"]

SIGN_IN_DAYS = 30

router = page_router()


def safe_next(target: str | None) -> str:
    """Only a path on this server (no ``//host`` or ``scheme:`` redirects)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/agents"
    if target.startswith(("/signin", "/signout")):
        return "/agents"
    return target


@router.get("/")
def home(user: OptionalPrincipal) -> Response:
    """The agents list when signed in, else the sign-in page."""
    return RedirectResponse("/agents" if user else "/signin", status_code=303)


@router.get("/signin")
def signin_page(
    request: Request,
    user: OptionalPrincipal,
    next: Annotated[str | None, Query(max_length=2000)] = None,  # noqa: A002 - the URL's name
    expired: Annotated[str | None, Query(max_length=4)] = None,
) -> Response:
    return render(
        request,
        "signin.html",
        {
            "next": safe_next(next),
            "error": "Your key is no longer valid (revoked?). Sign in with another one."
            if expired
            else None,
            "signed_in_as": user.role if user else None,
        },
        user=user,
    )


@router.post("/signin")
def signin(
    request: Request,
    store: StoreDep,
    key: Annotated[str, Form(max_length=512)] = "",
    next: Annotated[str, Form(max_length=2000)] = "",  # noqa: A002
) -> Response:
    """Check the pasted key; a good one goes into the HTTP-only cookie."""
    key = key.strip()
    target = safe_next(next)
    if not key:
        error = "Paste your API key to sign in."
    else:
        role = store.keys.check(key)
        if role is not None:
            response = RedirectResponse(target, status_code=303)
            response.set_cookie(
                COOKIE,
                key,
                max_age=SIGN_IN_DAYS * 86400,
                path="/",
                httponly=True,
                samesite="lax",
                secure=request.url.scheme == "https",
            )
            return response
        error = "That key is not valid or was revoked. Check it and try again."
    return render(
        request, "signin.html", {"next": target, "error": error, "signed_in_as": None}, status=401
    )


@router.post("/signout")
def signout() -> Response:
    """Forget the key: delete the cookie."""
    response = RedirectResponse("/signin?signed_out=1", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="lax")
    return response
