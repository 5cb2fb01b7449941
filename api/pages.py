"""The web pages: server-rendered HTML for supervisors and QA leads (no build step).

Pages: sign-in (paste an API key; it is kept in an HTTP-only cookie), the agents list (sortable
by score, calls and pass rates), an agent's scorecard (weekly trend as inline SVG, per-item pass
rates, worst calls with links to their evidence), the calls list, a call (transcript by role with
the findings highlighted, an audio player that jumps to a finding when it is clicked, the rubric
results with their evidence) and the upload form (QA leads and admins).

Handlers read the :class:`~qa.store.Store` directly and apply the API's role rules
(:data:`api.auth.VIEW`, :data:`api.auth.UPLOAD`). A page request without a valid key is sent to
the sign-in page; every other problem is an HTML page with a readable message and the right
status. The browser talks to the JSON API only for uploads and job progress. Everything the
pages need (CSS, JavaScript, icon) is served from ``/static``: nothing comes from a CDN.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import math
import re
from collections.abc import Callable, Coroutine, Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, RedirectResponse, Response
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.auth import COOKIE, UPLOAD, VIEW, get_store, key_from_request
from qa import __version__
from qa.errors import InputError
from qa.rubrics import passing_outcomes
from qa.store import JobInfo, NotFound, Store

__all__ = ["router", "PagePrincipal", "RUBRIC_LABELS", "trend_chart", "transcript_view"]

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

#: How each rubric item is named on the pages: (title, short column title, what it asks).
RUBRIC_LABELS: dict[str, tuple[str, str, str]] = {
    "interruption": ("Interruption", "Interrupt.", "Don't cut the customer off"),
    "arguing": ("Arguing", "Arguing", "Never argue with the customer"),
    "last_word": ("Last word", "Last word", "Don't score a point off the customer"),
    "empathy_before_apology": (
        "Empathy before apology",
        "Empathy",
        "Listen, empathise, then apologise",
    ),
    "resolution": ("Offered resolution", "Resolution", "Lead to a solution and commit to it"),
}
RUBRIC_ORDER = tuple(RUBRIC_LABELS)
LANGUAGES = {"en": "English", "zh": "Mandarin Chinese", "ko": "Korean", "ms": "Malay"}
# The call list's outcome filter: every outcome the shipped rubric items produce.
OUTCOME_CHOICES = (
    ("pass", "any item passed"),
    ("interruption:interrupted", "Interruption: interrupted"),
    ("interruption:uncertain", "Interruption: uncertain"),
    ("arguing:arguing", "Arguing: arguing"),
    ("arguing:argument", "Arguing: argument"),
    ("last_word:last_word", "Last word: last word"),
    ("empathy_before_apology:apology_first", "Empathy: apology first"),
    ("empathy_before_apology:no_empathy", "Empathy: no empathy"),
    ("empathy_before_apology:no_apology", "Empathy: no apology"),
    ("empathy_before_apology:neither", "Empathy: neither"),
    ("resolution:specific", "Resolution: specific"),
    ("resolution:vague", "Resolution: vague"),
    ("resolution:none", "Resolution: none"),
)
SIGN_IN_DAYS = 30
CALLS_PER_PAGE = 50
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


# --- errors and sign-in as HTML --------------------------------------------------------------


class PageError(Exception):
    """Shown to the user as an error page with this status, title and message."""

    def __init__(self, status: int, title: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.title = title
        self.message = message


class _SignInNeeded(Exception):
    def __init__(self, expired: bool) -> None:
        super().__init__("sign in")
        self.expired = expired


class PageRoute(APIRoute):
    """A route whose errors are HTML pages, not the API's JSON (and a missing or unknown key
    redirects to the sign-in page): the pages share the app and its JSON error handlers."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def page_handler(request: Request) -> Response:
            try:
                return await handler(request)
            except _SignInNeeded as exc:
                target = "/signin?" + urlencode(
                    {"next": _here(request), **({"expired": "1"} if exc.expired else {})}
                )
                response = RedirectResponse(target, status_code=303)
                if exc.expired:
                    response.delete_cookie(COOKIE, path="/")
                return response
            except PageError as exc:
                return _error_page(request, exc.status, exc.title, exc.message)
            except NotFound as exc:
                return _error_page(request, 404, "Not found", str(exc))
            except InputError as exc:
                message = str(exc).replace("date_from", "from").replace("date_to", "to")
                return _error_page(request, 422, "That request can't be shown", message)
            except RequestValidationError as exc:
                return _error_page(
                    request, 422, "That request can't be shown", _validation_text(exc)
                )
            except StarletteHTTPException as exc:
                return _error_page(request, exc.status_code, "Error", str(exc.detail))
            except Exception:
                log.exception("page %s %s failed", request.method, request.url.path)
                return _error_page(
                    request,
                    500,
                    "Something went wrong",
                    "The page could not be shown because of an error on the server; the server "
                    "log has the details. Try again, or tell whoever runs this server.",
                )

        return page_handler


def _validation_text(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _here(request: Request) -> str:
    path = request.url.path
    return path + (f"?{request.url.query}" if request.url.query else "")


def _safe_next(target: str | None) -> str:
    """Only a path on this server (no ``//host`` or ``scheme:`` redirects)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/agents"
    if target.startswith(("/signin", "/signout")):
        return "/agents"
    return target


# --- who is asking ----------------------------------------------------------------------------


class PagePrincipal:
    """The signed-in user of a page: their role and what the role allows."""

    def __init__(self, role: str) -> None:
        self.role = role

    @property
    def can_upload(self) -> bool:
        return self.role in UPLOAD

    def __repr__(self) -> str:
        return f"PagePrincipal({self.role!r})"


def _request_key(request: Request) -> str | None:
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    bearer = (
        HTTPAuthorizationCredentials(scheme=scheme, credentials=credentials.strip())
        if scheme.lower() == "bearer" and credentials.strip()
        else None
    )
    return key_from_request(request.headers.get("x-api-key"), bearer, request.cookies.get(COOKIE))


def _role_of(request: Request) -> str | None:
    return get_store(request).keys.check(_request_key(request))


def _page_user(*roles: str) -> Callable[[Request], PagePrincipal]:
    def dependency(request: Request) -> PagePrincipal:
        key = _request_key(request)
        role = get_store(request).keys.check(key) if key else None
        if role is None:
            raise _SignInNeeded(expired=bool(key))
        if role not in roles:
            raise PageError(
                403,
                "Not for your role",
                f"Your role ({_role_name(role)}) can't open this page; it needs "
                f"{' or '.join(_role_name(r) for r in roles)}.",
            )
        return PagePrincipal(role)

    return dependency


ViewerPage = Annotated[PagePrincipal, Depends(_page_user(*VIEW))]


def _role_name(role: str) -> str:
    return {"qa_lead": "QA lead", "supervisor": "supervisor", "admin": "admin"}.get(role, role)


# --- rendering --------------------------------------------------------------------------------


def _static_versions() -> dict[str, str]:
    """A short content hash per static file: URLs change when files do, so they can be cached."""
    out = {}
    for p in sorted(STATIC.iterdir()) if STATIC.is_dir() else ():
        if p.is_file():
            out[p.name] = hashlib.sha256(p.read_bytes()).hexdigest()[:10]
    return out


_STATIC_VERSIONS = _static_versions()


def static_url(name: str) -> str:
    """The URL of a file in ``api/static`` (with a cache-busting version)."""
    version = _STATIC_VERSIONS.get(name)
    return f"/static/{quote(name)}" + (f"?v={version}" if version else "")


def clock(seconds: Any, precise: bool = False) -> str:
    """Seconds from the call start as ``m:ss`` (``m:ss.s`` when ``precise``), ``h:mm:ss`` past an hour."""
    try:
        s = float(seconds)
    except (TypeError, ValueError):
        return ""
    if not math.isfinite(s):
        return ""
    s = max(0.0, s)
    if precise:
        tenths = int(round(s * 10))
        whole, frac = divmod(tenths, 10)
    else:
        whole, frac = int(round(s)), None
    h, rest = divmod(whole, 3600)
    m, sec = divmod(rest, 60)
    text = f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"
    return text + (f".{frac}" if frac is not None else "")


def when(value: Any, with_time: bool = True) -> str:
    """A stored time as ``2026-03-02 10:00 UTC``."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.strftime("%Y-%m-%d %H:%M UTC" if with_time else "%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def iso(value: Any) -> str:
    """A machine-readable time for ``<time datetime=…>``."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z") if value.tzinfo else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value or "")


def pct(value: Any) -> str:
    """A 0–1 rate as a whole percentage; ``–`` when there is none."""
    if value is None:
        return "–"
    return f"{float(value) * 100:.0f}%"


def num(value: Any, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{float(value):.{digits}f}"


def score_class(score: Any) -> str:
    """A call or item score's colour class: good ≥ 80, fair ≥ 50, poor below, none unjudged."""
    if score is None:
        return "none"
    s = float(score)
    return "good" if s >= 80 else ("fair" if s >= 50 else "poor")


def words(name: Any) -> str:
    """``apology_first`` → ``apology first``."""
    return str(name or "").replace("_", " ").strip()


def rubric_title(name: str) -> str:
    return RUBRIC_LABELS.get(name, (words(name).capitalize(), "", ""))[0]


def _templates() -> Jinja2Templates:
    t = Jinja2Templates(directory=str(TEMPLATES))
    env = t.env
    env.trim_blocks = True
    env.lstrip_blocks = True
    env.globals.update(
        static_url=static_url,
        version=__version__,
        rubric_title=rubric_title,
        RUBRIC_LABELS=RUBRIC_LABELS,
        LANGUAGES=LANGUAGES,
        role_name=_role_name,
    )
    env.filters.update(
        clock=clock,
        when=when,
        iso=iso,
        pct=pct,
        num=num,
        score_class=score_class,
        words=words,
    )
    return t


templates = _templates()


def render(
    request: Request,
    name: str,
    context: Mapping[str, Any] | None = None,
    *,
    user: PagePrincipal | None = None,
    status: int = 200,
    nav: str = "",
) -> Response:
    """A page from ``api/templates`` with the security headers every page carries."""
    ctx = {"user": user, "nav": nav, **dict(context or {})}
    return templates.TemplateResponse(
        request, name, ctx, status_code=status, headers=PAGE_HEADERS
    )


def _error_page(request: Request, status: int, title: str, message: str) -> Response:
    user = None
    try:
        role = _role_of(request)
        user = PagePrincipal(role) if role else None
    except Exception:  # the store itself may be what failed
        log.debug("no role for the error page", exc_info=True)
    return render(
        request, "error.html", {"title": title, "message": message, "status": status},
        user=user, status=status,
    )  # fmt: skip


# --- the router -------------------------------------------------------------------------------

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@router.get("/")
def home(request: Request) -> Response:
    """The agents list when signed in, else the sign-in page."""
    return RedirectResponse("/agents" if _role_of(request) else "/signin", status_code=303)


@router.get("/static/{name}")
def static_file(name: str) -> Response:
    """CSS, JavaScript and the icon (only files that ship in ``api/static``)."""
    if name not in _STATIC_VERSIONS or not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
        raise PageError(404, "Not found", f"no static file {name}")
    return FileResponse(
        STATIC / name,
        headers={"Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"},
    )


@router.get("/signin")
def signin_page(
    request: Request,
    next: Annotated[str | None, Query(max_length=2000)] = None,  # noqa: A002 - the URL's name
    expired: Annotated[str | None, Query(max_length=4)] = None,
) -> Response:
    role = _role_of(request)
    return render(
        request,
        "signin.html",
        {
            "next": _safe_next(next),
            "error": "Your key is no longer valid (revoked?). Sign in with another one."
            if expired
            else None,
            "signed_in_as": role,
        },
        user=PagePrincipal(role) if role else None,
    )


@router.post("/signin")
def signin(
    request: Request,
    key: Annotated[str, Form(max_length=512)] = "",
    next: Annotated[str, Form(max_length=2000)] = "",  # noqa: A002
) -> Response:
    """Check the pasted key; a good one goes into the HTTP-only cookie."""
    key = key.strip()
    target = _safe_next(next)
    if not key:
        error = "Paste your API key to sign in."
    else:
        role = get_store(request).keys.check(key)
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


# --- agents -----------------------------------------------------------------------------------

AGENT_COLUMNS: tuple[tuple[str, str, bool], ...] = (
    # (sort key, heading, numeric: first click sorts high to low)
    ("id", "Agent", False),
    ("calls", "Calls", True),
    ("scored", "Scored", True),
    ("score", "Mean score", True),
    ("pass_rate", "Pass rate", True),
    *((f"rate:{name}", short, True) for name, (_, short, _) in RUBRIC_LABELS.items()),
    ("last_call", "Last call", True),
)
_AGENT_SORT_KEYS = {"calls": "n_calls", "scored": "n_scored", "score": "mean_score"}


def _sort_rows(rows: list[dict[str, Any]], key: str, descending: bool) -> list[dict[str, Any]]:
    """Rows by one value; rows without a value always come last, ties by agent id."""
    have = [r for r in rows if r.get(key) is not None]
    missing = [r for r in rows if r.get(key) is None]
    have.sort(key=lambda r: r["id"])
    have.sort(key=lambda r: r[key], reverse=descending)
    return have + sorted(missing, key=lambda r: r["id"])


@router.get("/agents")
def agents_page(
    request: Request,
    user: ViewerPage,
    sort: Annotated[str, Query(max_length=64)] = "id",
    order: Annotated[str, Query(pattern="^(asc|desc)$")] = "asc",
) -> Response:
    store = get_store(request)
    known = {c[0] for c in AGENT_COLUMNS}
    if sort not in known:
        sort = "id"
    rates = store.scorecards.pass_counts_by_agent()
    rows = []
    for a in store.calls.agents():
        per = rates.get(a.id, {})
        passed = sum(p for p, _ in per.values())
        counted = sum(c for _, c in per.values())
        row = a.to_dict()
        row["pass_rate"] = passed / counted if counted else None
        for name in RUBRIC_LABELS:
            p, c = per.get(name, (0, 0))
            row[f"rate:{name}"] = p / c if c else None
        rows.append(row)
    rows = _sort_rows(rows, _AGENT_SORT_KEYS.get(sort, sort), order == "desc")
    columns = []
    for key, heading, numeric in AGENT_COLUMNS:
        active = key == sort
        next_order = ("asc" if order == "desc" else "desc") if active else ("desc" if numeric else "asc")
        columns.append(
            {
                "key": key,
                "heading": heading,
                "title": rubric_title(key[5:]) + " pass rate" if key.startswith("rate:") else heading,
                "numeric": numeric,
                "active": active,
                "aria_sort": ("descending" if order == "desc" else "ascending") if active else None,
                "href": "/agents?" + urlencode({"sort": key, "order": next_order}),
            }
        )
    return render(
        request,
        "agents.html",
        {"agents": rows, "columns": columns, "sort": sort, "order": order},
        user=user,
        nav="agents",
    )


def _period_links(agent_id: str) -> list[dict[str, str]]:
    today = datetime.now(UTC).date()
    base = f"/agents/{quote(agent_id, safe='')}"
    out = [{"label": "All time", "href": base, "from": "", "to": ""}]
    for days in (7, 30, 90):
        start = (today - timedelta(days=days - 1)).isoformat()
        out.append(
            {
                "label": f"Last {days} days",
                "href": f"{base}?" + urlencode({"from": start}),
                "from": start,
                "to": "",
            }
        )
    return out


def _date_param(value: str | None, name: str) -> str | None:
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


@router.get("/agents/{agent_id}")
def scorecard_page(
    agent_id: str,
    request: Request,
    user: ViewerPage,
    date_from: Annotated[str | None, Query(alias="from", max_length=32)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=32)] = None,
    exclude_flagged: Annotated[bool, Query()] = False,
) -> Response:
    store = get_store(request)
    agent = store.calls.get_agent(agent_id)
    lo, hi = _date_param(date_from, "from"), _date_param(date_to, "to")
    if lo and hi and lo > hi:
        raise PageError(422, "That period can't be shown", f"from ({lo}) is after to ({hi})")
    card = store.scorecards.get(
        agent_id, date_from=lo, date_to=hi, worst=5, team_rates=True, exclude_flagged=exclude_flagged
    )
    items = []
    names = [n for n in RUBRIC_ORDER if n in card.per_rubric] + sorted(
        n for n in card.per_rubric if n not in RUBRIC_LABELS
    )
    for name in names:
        st = card.per_rubric[name]
        items.append(
            {
                "name": name,
                "title": rubric_title(name),
                "about": RUBRIC_LABELS.get(name, ("", "", ""))[2],
                **dataclasses.asdict(st),
                "outcomes": [
                    {"outcome": o, "n": n, "good": o in passing_outcomes()}
                    for o, n in (st.outcomes or {}).items()
                ],
            }
        )
    worst = []
    for w in card.worst:
        # The strongest evidence against the call first (a passed item's evidence is praise).
        findings = sorted(
            (f for f in w.findings if f.get("outcome") not in passing_outcomes()),
            key=_evidence_weight,
        )
        worst.append({**w.to_dict(), "n_findings": len(w.findings), "top": findings[:3]})
    recent, total = store.calls.list(
        agent=agent_id,
        date_from=lo,
        date_to=hi,
        needs_review=False if exclude_flagged else None,
        limit=10,
    )
    pending = [c for c in recent if c.score is None]
    jobs = {c.id: _latest_job(store, c.id) for c in pending}
    query = {k: v for k, v in (("from", lo), ("to", hi)) if v}
    if exclude_flagged:
        query["exclude_flagged"] = "true"
    return render(
        request,
        "scorecard.html",
        {
            "agent": agent,
            "card": card,
            "items": items,
            "worst": worst,
            "chart": trend_chart(card.trend, card.team_mean),
            "recent": recent,
            "recent_total": total,
            "jobs": jobs,
            "period_from": lo or "",
            "period_to": hi or "",
            "periods": _period_links(agent_id),
            "csv_query": urlencode({**query, "format": "csv"}),
            "calls_query": urlencode(
                {"agent": agent_id, **{k: v for k, v in query.items() if k != "exclude_flagged"}}
            ),
            "flagged_query": urlencode(
                {"agent": agent_id, **{k: v for k, v in query.items() if k != "exclude_flagged"},
                 "needs_review": "true"}
            ),  # fmt: skip
            "exclude_flagged": exclude_flagged,
        },
        user=user,
        nav="agents",
    )


def _evidence_weight(f: Mapping[str, Any]) -> tuple[bool, float, float]:
    # Confirmed findings first: a finding for review carries no penalty.
    weight = float(f.get("weight") or 1.0) * float(f.get("confidence") or 0.0)
    return f.get("status") == "review", -weight, float(f.get("start") or 0.0)


def trend_chart(
    trend: Iterable[tuple[str, float]], team_mean: float | None = None
) -> dict[str, Any] | None:
    """Geometry of the weekly mean-score chart (an inline SVG drawn by the template).

    Weeks are placed by their date, so a week without calls leaves a gap in the spacing; the
    y axis is the score scale 0–100. ``None`` when there is nothing to draw.
    """
    points = []
    for week, mean in trend:
        try:
            year, wk = str(week).split("-W")
            monday = date.fromisocalendar(int(year), int(wk), 1)
        except ValueError:
            continue
        points.append((monday, str(week), float(mean)))
    if not points:
        return None
    width, height = 640, 220
    left, right, top, bottom = 40, 16, 14, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    first, last = points[0][0], points[-1][0]
    span = (last - first).days or 1

    def x_of(d: date) -> float:
        if first == last:
            return left + plot_w / 2
        return round(left + plot_w * (d - first).days / span, 1)

    def y_of(v: float) -> float:
        return round(top + plot_h * (1 - max(0.0, min(100.0, v)) / 100), 1)

    pts = [
        {"x": x_of(d), "y": y_of(v), "week": w, "value": round(v, 1), "cls": score_class(v)}
        for d, w, v in points
    ]
    every = max(1, math.ceil(len(pts) / 8))
    labels = [
        {"x": p["x"], "text": p["week"], "anchor": "middle"}
        for i, p in enumerate(pts)
        if i % every == 0 or i == len(pts) - 1
    ]
    if len(labels) >= 2 and labels[-1]["x"] - labels[-2]["x"] < 70:
        labels.pop(-2)  # the last week's label always shows; drop a neighbour it would overlap
    # Labels at the plot's edges are anchored inwards, so they are not cut off.
    for label in labels:
        if label["x"] >= width - right - 30:
            label["anchor"] = "end"
        elif label["x"] <= left + 30:
            label["anchor"] = "start"
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": width - right,
        "top": top,
        "bottom": height - bottom,
        "grid": [{"y": y_of(v), "value": v} for v in (0, 25, 50, 75, 100)],
        "points": pts,
        "path": " ".join(f"{p['x']},{p['y']}" for p in pts),
        "labels": labels,
        "team": None if team_mean is None else {"y": y_of(team_mean), "value": round(team_mean, 1)},
    }


# --- calls ------------------------------------------------------------------------------------


def _latest_job(store: Store, call_id: str) -> JobInfo | None:
    jobs = store.jobs.list(call_id=call_id, limit=1)
    return jobs[0] if jobs else None


@router.get("/calls")
def calls_page(
    request: Request,
    user: ViewerPage,
    agent: Annotated[str | None, Query(max_length=128)] = None,
    date_from: Annotated[str | None, Query(alias="from", max_length=32)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=32)] = None,
    outcome: Annotated[str | None, Query(max_length=80)] = None,
    needs_review: Annotated[str | None, Query(pattern="^(|true|false)$")] = None,
    findings: Annotated[str | None, Query(pattern="^(|review)$")] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    store = get_store(request)
    agent = (agent or "").strip() or None
    outcome = (outcome or "").strip() or None
    needs_review = needs_review or None
    findings = findings or None
    lo, hi = _date_param(date_from, "from"), _date_param(date_to, "to")
    rows, total = store.calls.list(
        agent=agent,
        date_from=lo,
        date_to=hi,
        outcome=outcome,
        needs_review=None if needs_review is None else needs_review == "true",
        findings=findings,
        limit=CALLS_PER_PAGE,
        offset=(page - 1) * CALLS_PER_PAGE,
    )
    jobs = {c.id: _latest_job(store, c.id) for c in rows if c.score is None}
    filters = {
        k: v
        for k, v in (
            ("agent", agent),
            ("from", lo),
            ("to", hi),
            ("outcome", outcome),
            ("needs_review", needs_review),
            ("findings", findings),
        )
        if v
    }

    def page_href(n: int) -> str:
        return "/calls?" + urlencode({**filters, "page": n})

    pages = max(1, math.ceil(total / CALLS_PER_PAGE))
    return render(
        request,
        "calls.html",
        {
            "calls": rows,
            "total": total,
            "jobs": jobs,
            "filters": filters,
            "agents": [a.id for a in store.calls.agents()],
            "outcomes": OUTCOME_CHOICES,
            "page": page,
            "pages": pages,
            "prev_href": page_href(page - 1) if page > 1 else None,
            "next_href": page_href(page + 1) if page < pages else None,
        },
        user=user,
        nav="calls",
    )


def _finding_sort_key(f: Mapping[str, Any]) -> tuple[float, float]:
    return float(f.get("start") or 0.0), float(f.get("end") or 0.0)


def _overlaps(a0: float, a1: float, b0: float, b1: float) -> bool:
    return a0 < b1 and b0 < a1 or (a0 == a1 and b0 <= a0 <= b1)


def transcript_view(
    utterances: list[Mapping[str, Any]], findings: list[Mapping[str, Any]], language: str | None
) -> list[dict[str, Any]]:
    """Utterances ready to show: text split into plain and highlighted pieces.

    A finding highlights the words of its utterances that fall in its time span (the words are
    found in the text in order, so any script works); when the words can't be placed, or an
    utterance has none, the whole utterance is highlighted. Each utterance also lists the
    findings that point at it.
    """
    out = []
    for i, u in enumerate(utterances):
        uid = str(u.get("id") or f"u{i:03d}")
        u0, u1 = float(u.get("start") or 0.0), float(u.get("end") or 0.0)
        text = str(u.get("text") or "")
        mine = [
            f
            for f in findings
            if (uid in (f.get("utterance_ids") or ()))
            or (not f.get("utterance_ids") and _overlaps(f["start"], f["end"], u0, u1))
        ]
        pieces: list[dict[str, Any]] = [{"text": text}]
        if mine:
            pieces = _highlight(text, u.get("words") or [], mine)
        out.append(
            {
                "id": uid,
                "role": u.get("role") if u.get("role") in ("agent", "customer") else "customer",
                "start": u0,
                "end": u1,
                "lang": u.get("language") or language or "",
                "pieces": pieces,
                "findings": mine,
                "chips": _first_per_rubric(mine),
                "speaker_confidence": u.get("speaker_confidence"),
            }
        )
    return out


def _first_per_rubric(findings: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """One finding per rubric item (its first): an utterance's chips link to these."""
    first: dict[str, Mapping[str, Any]] = {}
    for f in findings:
        first.setdefault(str(f["rubric"]), f)
    return list(first.values())


def _highlight(
    text: str, word_list: list[Mapping[str, Any]], findings: list[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    # Place each word in the text: (char start, char end, word start, word end).
    placed = []
    pos = 0
    for w in word_list:
        token = str(w.get("text") or "").strip()
        if not token:
            continue
        j = text.find(token, pos)
        if j < 0:
            placed = []
            break
        placed.append((j, j + len(token), float(w.get("start") or 0.0), float(w.get("end") or 0.0)))
        pos = j + len(token)

    def mark_of(w0: float, w1: float) -> Mapping[str, Any] | None:
        for f in findings:
            if _overlaps(w0, w1, float(f["start"]), float(f["end"])):
                return f
        return None

    marks = [(c0, c1, mark_of(w0, w1)) for c0, c1, w0, w1 in placed]
    if not any(m for _, _, m in marks):
        f = findings[0]
        return [{"text": text, "finding": f}]
    pieces: list[dict[str, Any]] = []
    pos = 0
    current: dict[str, Any] | None = None
    for c0, c1, f in marks:
        if f is not None and current is not None and current["finding"] is f:
            current["text"] += text[pos:c1]  # the gap between two marked words joins the mark
        else:
            if pos < c0:
                pieces.append({"text": text[pos:c0]})
            if f is None:
                current = None
                pieces.append({"text": text[c0:c1]})
            else:
                current = {"text": text[c0:c1], "finding": f}
                pieces.append(current)
        pos = c1
    if pos < len(text):
        pieces.append({"text": text[pos:]})
    return pieces


def _metric_text(value: Any, is_time: bool = False) -> str | None:
    if is_time and isinstance(value, (int, float)) and not isinstance(value, bool):
        return clock(value, True)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str):
        return value if len(value) <= 60 else None
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(
        isinstance(v, (int, float)) for v in value
    ):
        return f"{clock(value[0], True)}–{clock(value[1], True)}"
    return None


def _result_status(outcome: str, score: Any) -> str:
    """good: a pass outcome; fair/poor: a miss scoring at least / under 50; none: not judged."""
    if score is None:
        return "none"
    if outcome in passing_outcomes():
        return "good"
    return "fair" if float(score) >= 50 else "poor"


def results_view(results: list[Mapping[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The rubric results as cards (canonical item order) and every finding, in time order."""
    order = {n: i for i, n in enumerate(RUBRIC_ORDER)}
    cards, flat = [], []
    for r in sorted(results, key=lambda r: order.get(str(r.get("rubric")), len(order))):
        name = str(r.get("rubric") or "")
        score = r.get("score")
        outcome = str(r.get("outcome") or "")
        findings = []
        for i, f in enumerate(r.get("findings") or []):
            start = float(f.get("start") or 0.0)
            end = max(start, float(f.get("end") or start))
            view = {
                **f,
                "start": start,
                "end": end,
                "rubric": name,
                "dom_id": f"f-{name}-{i}",
                "kind_text": words(f.get("kind")),
                "confidence": float(f.get("confidence") if f.get("confidence") is not None else 1.0),
                "good": outcome in passing_outcomes(),
                "review": f.get("status") == "review",
            }
            findings.append(view)
            flat.append(view)
        metrics = [
            (words(k), t)
            for k, v in (r.get("metrics") or {}).items()
            if (t := _metric_text(v, is_time=str(k).endswith("_at")))
        ]
        cards.append(
            {
                "rubric": name,
                "title": rubric_title(name),
                "about": RUBRIC_LABELS.get(name, ("", "", ""))[2],
                "outcome": outcome,
                "outcome_text": words(outcome),
                "status": _result_status(outcome, score),
                "score": score,
                "note": r.get("note") or "",
                "confidence": r.get("confidence"),
                "findings": sorted(findings, key=_finding_sort_key),
                "n_review": sum(1 for f in findings if f["review"]),
                "metrics": metrics,
                "version": r.get("version") or "",
            }
        )
    return cards, sorted(flat, key=_finding_sort_key)


@router.get("/calls/{call_id}")
def call_page(call_id: str, request: Request, user: ViewerPage) -> Response:
    store = get_store(request)
    call = store.calls.get(call_id)
    score = call.score
    transcript = call.transcript
    cards, findings = results_view(list(score.results) if score else [])
    utterances = list(transcript.utterances) if transcript else []
    tview = transcript_view(utterances, findings, call.language)
    duration = float(call.duration or 0.0) or max((u["end"] for u in tview), default=0.0)
    job = _latest_job(store, call_id)
    rec = call.recording
    audio_ok = bool(rec.path) and Path(str(rec.path)).is_file()
    quality = (score.quality if score else None) or {}
    return render(
        request,
        "call.html",
        {
            "call": call,
            "score": score,
            "needs_review": bool(quality.get("needs_review")),
            "review_reasons": list(quality.get("reasons") or ()),
            "cards": cards,
            "findings": findings,
            "utterances": tview,
            "duration": duration,
            "timeline": _timeline(tview, findings, duration),
            "job": job,
            "audio_url": f"/v1/calls/{quote(call_id, safe='')}/audio",
            "audio_ok": audio_ok,
            "language_name": LANGUAGES.get(call.language or "", call.language or ""),
            "agent_href": f"/agents/{quote(call.agent_id, safe='')}",
        },
        user=user,
        nav="calls",
    )


def _timeline(
    utterances: list[Mapping[str, Any]], findings: list[Mapping[str, Any]], duration: float
) -> dict[str, Any] | None:
    """Who spoke when and where the findings are, in 0–1000 units of the call's length."""
    if duration <= 0:
        return None

    def x(t: float) -> float:
        return round(1000 * max(0.0, min(duration, t)) / duration, 2)

    lanes = {"agent": 6, "customer": 22}
    speech = [
        {"x": x(u["start"]), "w": max(0.6, x(u["end"]) - x(u["start"])), "y": lanes[u["role"]], "role": u["role"]}
        for u in utterances
    ]  # fmt: skip
    marks = [
        {
            "x": x(f["start"]),
            "w": max(4.0, x(f["end"]) - x(f["start"])),
            "rubric": f["rubric"],
            "start": f["start"],
            "review": bool(f.get("review")),
            "title": f"{rubric_title(f['rubric'])} at {clock(f['start'], True)}"
            + (" (for review)" if f.get("review") else ""),
        }
        for f in findings
    ]
    return {"speech": speech, "marks": marks}


# --- upload -----------------------------------------------------------------------------------


@router.get("/upload")
def upload_page(request: Request, user: ViewerPage) -> Response:
    """The upload form (QA leads and admins); other roles get a page that says why not."""
    if not user.can_upload:
        return render(
            request,
            "error.html",
            {
                "title": "Uploading is for QA leads",
                "status": 403,
                "message": f"Your role ({_role_name(user.role)}) can't upload calls. Ask a QA lead "
                "or an admin to upload recordings, or sign in with a QA lead key.",
            },
            user=user,
            status=403,
            nav="upload",
        )
    settings = request.app.state.settings
    return render(
        request,
        "upload.html",
        {
            "agents": [a.id for a in get_store(request).calls.agents()],
            "max_mb": settings.max_upload_bytes / (1024 * 1024),
            "max_bytes": settings.max_upload_bytes,
        },
        user=user,
        nav="upload",
    )
