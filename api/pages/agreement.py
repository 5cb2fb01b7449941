"""The agreement page: per rubric item, how far the machine agrees with the reviews, over the
random sample (unbiased) and over every reviewed call, with intervals and per language."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import Query, Request
from fastapi.responses import Response

from api.deps import Reviewer, StoreDep
from api.pages.render import date_param, page_router, render
from api.routes.agreement import NOTE, agreement_for
from qa.review.agreement import MIN_CALLS

__all__ = ["router"]

router = page_router()


@router.get("/agreement")
def agreement_page(
    request: Request,
    user: Reviewer,
    store: StoreDep,
    date_from: Annotated[str | None, Query(alias="from", max_length=32)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=32)] = None,
    language: Annotated[str | None, Query(max_length=16)] = None,
) -> Response:
    language = (language or "").strip() or None
    lo, hi = date_param(date_from, "from"), date_param(date_to, "to")
    report = agreement_for(store, user.team_scope, lo, hi, language)
    filters = {k: v for k, v in (("from", lo), ("to", hi), ("language", language)) if v}
    return render(
        request,
        "agreement.html",
        {
            "report": report,
            "filters": filters,
            "note": NOTE,
            "min_calls": MIN_CALLS,
            "csv_href": "/v1/agreement?" + urlencode({**filters, "format": "csv"}),
        },
        user=user,
        nav="agreement",
    )
