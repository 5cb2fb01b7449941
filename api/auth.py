"""API keys with roles: ``qa_lead`` (upload + view), ``supervisor`` (view), ``admin`` (all).

A key is sent as ``X-API-Key: <key>`` or ``Authorization: Bearer <key>``; the web pages keep it
in an HTTP-only cookie set by the sign-in page. Missing or unknown key → 401; a valid key whose
role may not do this → 403.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import APIKeyCookie, APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from qa.store import Store

__all__ = [
    "Principal",
    "require",
    "Viewer",
    "Uploader",
    "Admin",
    "VIEW",
    "UPLOAD",
    "ADMIN",
    "COOKIE",
    "key_from_request",
    "get_store",
]

COOKIE = "qa_key"
VIEW = ("supervisor", "qa_lead", "admin")
UPLOAD = ("qa_lead", "admin")
ADMIN = ("admin",)

# auto_error=False: a missing key is our 401 with our message, not FastAPI's 403.
_header = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="an API key from `qa keys create`"
)
_bearer = HTTPBearer(auto_error=False, description="the same key as a bearer token")
_cookie = APIKeyCookie(name=COOKIE, auto_error=False, description="set by the sign-in page")


@dataclass(frozen=True)
class Principal:
    """Who is calling: their role."""

    role: str


def get_store(request: Request) -> Store:
    return request.app.state.store


def key_from_request(
    header: str | None, bearer: HTTPAuthorizationCredentials | None, cookie: str | None
) -> str | None:
    if header:
        return header
    if bearer is not None and bearer.credentials:
        return bearer.credentials
    return cookie or None


def require(*roles: str) -> Callable[..., Principal]:
    """A dependency that admits keys of these roles."""

    # Async, so a request whose key was seen in the last few seconds (ApiKeys.cached_role)
    # costs no thread hop and no database round trip; only a cache miss asks the database.
    async def dependency(
        request: Request,
        header: Annotated[str | None, Depends(_header)],
        bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
        cookie: Annotated[str | None, Depends(_cookie)],
    ) -> Principal:
        key = key_from_request(header, bearer, cookie)
        if not key:
            raise HTTPException(
                401,
                "an API key is required (X-API-Key header or Authorization: Bearer)",
                headers={"WWW-Authenticate": "Bearer"},
            )
        store = get_store(request)
        role = store.keys.cached_role(key) or await run_in_threadpool(store.keys.check, key)
        if role is None:
            raise HTTPException(
                401,
                "the API key is not valid or was revoked",
                headers={"WWW-Authenticate": "Bearer"},
            )
        if role not in roles:
            raise HTTPException(
                403, f"the role {role!r} may not do this (needs {' or '.join(roles)})"
            )
        return Principal(role=role)

    return dependency


#: Parameter types for route functions: ``_who: Viewer``.
Viewer = Annotated[Principal, Depends(require(*VIEW))]
Uploader = Annotated[Principal, Depends(require(*UPLOAD))]
Admin = Annotated[Principal, Depends(require(*ADMIN))]
