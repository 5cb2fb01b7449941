"""Dependencies of the API routes and the pages: the store, the settings and who is asking.

Roles: ``qa_lead`` (upload, review + view), ``supervisor`` (view, dispute), ``admin`` (all). A key is sent as
``X-API-Key: <key>`` or ``Authorization: Bearer <key>``; the pages keep it in an HTTP-only
cookie set by the sign-in page. Both resolve the caller the same way (:func:`current_principal`):
a missing or unknown key raises :class:`NotSignedIn` (the API answers 401, a page redirects to
the sign-in page), a valid key whose role may not do this raises :class:`Forbidden` (403). How
each is shown is in :mod:`api.errors`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import tzinfo
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import APIKeyCookie, APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from api.settings import Settings
from qa.errors import InputError
from qa.store import Actor, KeyIdentity, NotFound, Store
from qa.timezones import zone as zone_named

__all__ = [
    "check_call_scope",
    "check_move_scope",
    "COOKIE",
    "VIEW",
    "UPLOAD",
    "ADMIN",
    "REVIEW",
    "DISPUTE",
    "Principal",
    "NotSignedIn",
    "Forbidden",
    "get_store",
    "store_of",
    "get_settings",
    "StoreDep",
    "SettingsDep",
    "request_key",
    "current_principal",
    "optional_principal",
    "principal_of",
    "require",
    "CurrentPrincipal",
    "OptionalPrincipal",
    "Viewer",
    "Uploader",
    "Admin",
    "Reviewer",
    "Disputer",
    "DateFrom",
    "DateTo",
    "TZ_COOKIE",
    "TzQuery",
    "query_zone",
    "page_zone",
]

COOKIE = "qa_key"
#: The pages' display zone (an IANA name), chosen on ``/timezone``.
TZ_COOKIE = "qa_tz"
VIEW = ("supervisor", "qa_lead", "admin")
UPLOAD = ("qa_lead", "admin")
ADMIN = ("admin",)
#: Who reviews calls (corrects outcomes and findings) and who may dispute them.
REVIEW = ("qa_lead", "admin")
DISPUTE = ("supervisor", "qa_lead", "admin")

# auto_error=False: a missing key is our 401 with our message, not FastAPI's 403.
_header = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="an API key from `qa keys create`"
)
_bearer = HTTPBearer(auto_error=False, description="the same key as a bearer token")
_cookie = APIKeyCookie(name=COOKIE, auto_error=False, description="set by the sign-in page")


@dataclass(frozen=True)
class Principal:
    """Who is calling: their role, their key's id (for the audit log; never the key) and the
    teams their key is bound to (empty: unscoped, every team), and what that allows."""

    role: str
    key_id: int | None = None
    teams: tuple[str, ...] = ()

    @property
    def actor(self) -> Actor:
        """The caller as the audit log names them (key id and role)."""
        return Actor(key_id=self.key_id, role=self.role)

    @property
    def can_upload(self) -> bool:
        return self.role in UPLOAD

    @property
    def can_review(self) -> bool:
        return self.role in REVIEW

    @property
    def can_dispute(self) -> bool:
        return self.role in DISPUTE

    @property
    def scoped(self) -> bool:
        """Whether the caller sees only some teams (admins always see all)."""
        return bool(self.teams) and self.role != "admin"

    @property
    def team_scope(self) -> tuple[str, ...] | None:
        """The teams the caller may see, or ``None`` for all: what store queries take."""
        return self.teams if self.scoped else None


class NotSignedIn(Exception):
    """No key, or one that is not valid (``expired``: a key was sent but is unknown or revoked)."""

    def __init__(self, expired: bool) -> None:
        self.expired = expired
        super().__init__(
            "the API key is not valid or was revoked"
            if expired
            else "an API key is required (X-API-Key header or Authorization: Bearer)"
        )


class Forbidden(Exception):
    """A valid key whose ``role`` is not one of ``allowed``."""

    def __init__(self, role: str, allowed: tuple[str, ...]) -> None:
        self.role = role
        self.allowed = allowed
        super().__init__(f"the role {role!r} may not do this (needs {' or '.join(allowed)})")


def store_of(request: Request) -> Store:
    """The app's store (opened by the lifespan, or given to :func:`api.app.create_app`)."""
    return request.app.state.store


async def get_store(request: Request) -> Store:
    """:func:`store_of` as a dependency (:data:`StoreDep`).

    ``async`` though it awaits nothing: FastAPI runs a plain ``def`` dependency in its thread
    pool, and that hop on every request cost the busy routes 10-20 % of their throughput under
    4 clients (bench/api_load.py)."""
    return store_of(request)


async def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def _key(
    header: str | None, bearer: HTTPAuthorizationCredentials | None, cookie: str | None
) -> str | None:
    if header:
        return header
    if bearer is not None and bearer.credentials:
        return bearer.credentials
    return cookie or None


async def request_key(
    header: Annotated[str | None, Depends(_header)],
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    cookie: Annotated[str | None, Depends(_cookie)],
) -> str | None:
    """The key the request carries: the ``X-API-Key`` header, else the bearer token, else the
    sign-in cookie; ``None`` if none."""
    return _key(header, bearer, cookie)


async def _identify(store: Store, key: str | None) -> KeyIdentity | None:
    # A key seen in the last few seconds (ApiKeys.cached_identity) costs no thread hop and no
    # database round trip; only a cache miss asks the database.
    if not key:
        return None
    return store.keys.cached_identity(key) or await run_in_threadpool(store.keys.identify, key)


def _principal(who: KeyIdentity) -> Principal:
    return Principal(who.role, key_id=who.id, teams=who.teams)


def _stash(request: Request, principal: Principal) -> Principal:
    # The access log (api.access_log) names the caller by key id: it reads it from here.
    request.state.principal = principal
    return principal


async def current_principal(
    request: Request, store: StoreDep, key: Annotated[str | None, Depends(request_key)]
) -> Principal:
    """The caller; :class:`NotSignedIn` without a valid key. The caller is also left on
    ``request.state.principal`` (for the access log)."""
    if not key:
        raise NotSignedIn(expired=False)
    who = await _identify(store, key)
    if who is None:
        raise NotSignedIn(expired=True)
    return _stash(request, _principal(who))


async def optional_principal(
    request: Request, store: StoreDep, key: Annotated[str | None, Depends(request_key)]
) -> Principal | None:
    """The caller, or ``None`` without a valid key (pages open to everyone); left on
    ``request.state.principal`` as :func:`current_principal` does."""
    who = await _identify(store, key)
    return _stash(request, _principal(who)) if who is not None else None


async def principal_of(request: Request) -> Principal | None:
    """:func:`optional_principal` outside dependency injection (for an error page)."""
    key = _key(await _header(request), await _bearer(request), await _cookie(request))
    return await optional_principal(request, store_of(request), key)


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]
OptionalPrincipal = Annotated[Principal | None, Depends(optional_principal)]


def check_call_scope(store: Store, call_id: str, who: Principal) -> None:
    """:class:`~qa.store.NotFound` (404) if the call is unknown or, for a caller bound to
    teams, not one of their teams' calls (out-of-scope ids read as unknown)."""
    if not store.calls.in_scope(call_id, who.team_scope):
        raise NotFound(f"no call {call_id}")


def check_move_scope(store: Store, agent_id: object, who: Principal) -> None:
    """A caller bound to teams may move a call only to an existing agent of their teams
    (:class:`Forbidden` otherwise), so a call never leaves their view by their own edit."""
    if who.team_scope is None or not isinstance(agent_id, str):
        return
    try:
        store.calls.get_agent(agent_id.strip(), teams=who.team_scope)
    except NotFound:
        raise Forbidden(who.role, ("an agent of your teams",)) from None


def require(*roles: str) -> Callable[[Principal], Awaitable[Principal]]:
    """A dependency that admits callers of these roles (:class:`Forbidden` for the others)."""

    async def dependency(principal: CurrentPrincipal) -> Principal:
        if principal.role not in roles:
            raise Forbidden(principal.role, roles)
        return principal

    return dependency


#: Parameter types for route and page functions: ``_who: Viewer``.
Viewer = Annotated[Principal, Depends(require(*VIEW))]
Uploader = Annotated[Principal, Depends(require(*UPLOAD))]
Admin = Annotated[Principal, Depends(require(*ADMIN))]
Reviewer = Annotated[Principal, Depends(require(*REVIEW))]
Disputer = Annotated[Principal, Depends(require(*DISPUTE))]


#: The period query parameters of lists and scorecards (``?from=…&to=…``): days in the
#: request's zone (``?tz=``, else the site's ``$QA_TIMEZONE``).
DateFrom = Annotated[
    str | None,
    Query(alias="from", description="date (a local day) or date-time (naive: local)"),
]
DateTo = Annotated[
    str | None, Query(alias="to", description="date (a whole local day) or date-time")
]
#: ``?tz=``: the zone times are shown in and dates mean days of (default: UTC times, the
#: site's days).
TzQuery = Annotated[
    str | None,
    Query(
        alias="tz",
        max_length=64,
        description="IANA time zone (e.g. Asia/Kuala_Lumpur): times are shown in it and "
        "from/to dates are its days; default: times in UTC, dates in the site's zone",
    ),
]


def query_zone(tz: str | None) -> tzinfo | None:
    """The zone ``?tz=`` names (``None`` when not given); an unknown name is a 422."""
    return zone_named(tz) if tz and tz.strip() else None


def page_zone(request: Request) -> tzinfo:
    """A page's display zone: the ``qa_tz`` cookie's, else the site's."""
    name = request.cookies.get(TZ_COOKIE)
    if name:
        try:
            return zone_named(name)
        except InputError:
            pass
    return store_of(request).timezone
