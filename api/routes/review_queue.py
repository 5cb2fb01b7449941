"""The review queue: the calls a QA lead should review next (QA leads and admins)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from api.deps import DateFrom, DateTo, Reviewer, StoreDep
from api.errors import error_responses
from qa.store.queue import QueuePage

__all__ = ["router", "QueueEntryPublic", "ReviewQueuePublic"]

router = APIRouter(
    prefix="/v1/review-queue", tags=["reviews"], responses=error_responses(401, 403, 422)
)


class QueueEntryPublic(BaseModel):
    """One call in the queue and why it is there (``reasons``, most pressing first:
    ``disputed``, ``needs_review``, ``findings_for_review``, ``random_sample``)."""

    call_id: str
    agent_id: str
    call_time: datetime
    language: str | None
    score: float | None
    needs_review: bool
    open_disputes: int
    review_findings: int
    sampled: bool
    reasons: list[str]


class ReviewQueuePublic(BaseModel):
    """A page of the queue; ``sampled``: how many queued calls are from the random sample."""

    items: list[QueueEntryPublic]
    total: int
    sampled: int
    sample_rate: float
    next_offset: int | None

    @classmethod
    def of(cls, page: QueuePage) -> ReviewQueuePublic:
        return cls(
            items=[
                QueueEntryPublic(**{**e.__dict__, "reasons": list(e.reasons)}) for e in page.items
            ],
            total=page.total,
            sampled=page.sampled,
            sample_rate=page.sample_rate,
            next_offset=page.next_offset,
        )


@router.get(
    "",
    summary="Calls to review next: disputed, flagged, with findings for review, and a random sample",
)
def review_queue(
    store: StoreDep,
    who: Reviewer,
    agent: Annotated[str | None, Query(max_length=128)] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    item: Annotated[str | None, Query(max_length=64, description="a rubric item")] = None,
    language: Annotated[str | None, Query(max_length=16)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ReviewQueuePublic:
    page = store.queue.list(
        agent=agent or None,
        date_from=date_from,
        date_to=date_to,
        item=item or None,
        language=language or None,
        teams=who.team_scope,
        limit=limit,
        offset=offset,
    )
    return ReviewQueuePublic.of(page)
