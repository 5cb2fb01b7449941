"""The review queue page: the calls a QA lead should review next, why, and the random sample."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import Response

from api.deps import Reviewer, StoreDep
from api.pages.render import date_param, page_router, paging, render
from qa.rubrics import available

__all__ = ["router", "QUEUE_PER_PAGE", "REASON_TEXT"]

QUEUE_PER_PAGE = 50
REASON_TEXT = {
    "disputed": "disputed",
    "needs_review": "needs review",
    "findings_for_review": "findings for review",
    "random_sample": "random sample",
}

router = page_router()


@router.get("/review")
def review_queue_page(
    request: Request,
    user: Reviewer,
    store: StoreDep,
    agent: Annotated[str | None, Query(max_length=128)] = None,
    date_from: Annotated[str | None, Query(alias="from", max_length=32)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=32)] = None,
    item: Annotated[str | None, Query(max_length=64)] = None,
    language: Annotated[str | None, Query(max_length=16)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    agent = (agent or "").strip() or None
    item = (item or "").strip() or None
    language = (language or "").strip() or None
    lo, hi = date_param(date_from, "from"), date_param(date_to, "to")
    queue = store.queue.list(
        agent=agent,
        date_from=lo,
        date_to=hi,
        item=item,
        language=language,
        teams=user.team_scope,
        limit=QUEUE_PER_PAGE,
        offset=(page - 1) * QUEUE_PER_PAGE,
    )
    return render(
        request,
        "review_queue.html",
        {
            "queue": queue,
            # A key bound to teams is offered only its teams' agents.
            "agents": [a.id for a in store.calls.agents(teams=user.team_scope)],
            "items": available(),
            "reason_text": REASON_TEXT,
            **paging(
                "/review",
                (
                    ("agent", agent),
                    ("from", lo),
                    ("to", hi),
                    ("item", item),
                    ("language", language),
                ),
                page,
                queue.total,
                QUEUE_PER_PAGE,
            ),
        },
        user=user,
        nav="review",
    )
