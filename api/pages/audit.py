"""The audit log page (admins): who did what to which object, newest first, with filters and
paging back through older entries; the same entries as ``GET /v1/audit``."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import Query, Request
from fastapi.responses import Response

from api.deps import Admin, StoreDep
from api.pages.render import date_param, page_router, render
from api.routes.audit import audit_page
from qa.store.audit import ACTIONS

__all__ = ["router", "ENTRIES_PER_PAGE"]

ENTRIES_PER_PAGE = 100

router = page_router()


def _target_href(kind: str, ident: str) -> str | None:
    if kind == "call" and ident:
        return f"/calls/{quote(ident, safe='')}"
    if kind == "agent" and ident:
        return f"/agents/{quote(ident, safe='')}"
    return None


@router.get("/audit")
def audit_log_page(
    request: Request,
    user: Admin,
    store: StoreDep,
    action: Annotated[str | None, Query(max_length=64)] = None,
    target: Annotated[str | None, Query(max_length=200)] = None,
    key_id: Annotated[str | None, Query(max_length=12, pattern=r"^\d*$")] = None,
    date_from: Annotated[str | None, Query(alias="from", max_length=32)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=32)] = None,
    before_id: Annotated[int | None, Query(ge=1, le=2**62)] = None,
) -> Response:
    filters = {
        k: v
        for k, v in (
            ("action", (action or "").strip()),
            ("target", (target or "").strip()),
            ("key_id", (key_id or "").strip()),
            ("from", date_param(date_from, "from")),
            ("to", date_param(date_to, "to")),
        )
        if v
    }
    rows, older = audit_page(
        store,
        action=filters.get("action"),
        target=filters.get("target"),
        key_id=int(filters["key_id"]) if "key_id" in filters else None,
        date_from=filters.get("from"),
        date_to=filters.get("to"),
        before_id=before_id,
        limit=ENTRIES_PER_PAGE,
    )
    entries = [{"entry": r, "target_href": _target_href(r.target_kind, r.target_id)} for r in rows]
    return render(
        request,
        "audit.html",
        {
            "entries": entries,
            "filters": filters,
            "actions": ACTIONS,
            "older_href": "/audit?" + urlencode({**filters, "before_id": older}) if older else None,
            "newest_href": "/audit?" + urlencode(filters) if before_id else None,
        },
        user=user,
        nav="audit",
    )
