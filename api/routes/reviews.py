"""Reviews and disputes of a call: QA leads and admins review (correct outcomes, mark findings,
add missed ones); supervisors, QA leads and admins dispute; everyone who views reads them."""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.deps import Disputer, Principal, Reviewer, StoreDep, Viewer, check_call_scope
from api.errors import error_responses
from api.models import (
    CallReviews,
    DisputeBody,
    DisputePublic,
    ReviewAdded,
    ReviewBody,
    ReviewPublic,
    VerdictPublic,
)
from qa.config import load_rubric_config
from qa.store import Store

__all__ = ["router", "call_reviews"]

router = APIRouter(
    prefix="/v1/calls", tags=["reviews"], responses=error_responses(401, 403, 404, 422)
)


def call_reviews(store: Store, call_id: str, who: Principal | None = None) -> CallReviews:
    """A call's reviews, verdicts and disputes as the API and the call page show them
    (:class:`~qa.store.NotFound` outside ``who``'s teams)."""
    call = store.calls.get(call_id, teams=who.team_scope if who is not None else None)
    return CallReviews(
        call_id=call_id,
        score=call.score.score if call.score else None,
        review_score=call.review_score,
        reviewed_at=call.reviewed_at,
        verdicts={k: VerdictPublic.of(v) for k, v in store.reviews.verdicts(call_id).items()},
        reviews=[ReviewPublic.model_validate(r) for r in store.reviews.for_call(call_id)],
        disputes=[DisputePublic.model_validate(d) for d in store.reviews.disputes(call_id)],
    )


@router.post(
    "/{call_id}/reviews",
    status_code=201,
    summary="Review a call's current score: confirm or set outcomes, mark findings, add missed ones",
    response_model=ReviewAdded,
)
def add_review(
    call_id: str, body: ReviewBody, request: Request, store: StoreDep, who: Reviewer
) -> ReviewAdded:
    check_call_scope(store, call_id, who)
    settings = request.app.state.settings
    done = store.reviews.add(
        call_id,
        [a.to_action() for a in body.actions],
        key_id=who.key_id,
        role=who.role,
        config=load_rubric_config(settings.rubric),
    )
    return ReviewAdded.model_validate(
        {
            **done.to_dict(),
            "reviews": [ReviewPublic.model_validate(r) for r in done.reviews],
        }
    )


@router.get(
    "/{call_id}/reviews",
    summary="A call's review history, the verdict per item, its disputes and both scores",
    response_model=CallReviews,
)
def get_reviews(call_id: str, store: StoreDep, who: Viewer) -> CallReviews:
    return call_reviews(store, call_id, who)


@router.post(
    "/{call_id}/disputes",
    status_code=201,
    summary="Dispute a call, an item or one machine finding (a review resolves it)",
    response_model=DisputePublic,
)
def add_dispute(call_id: str, body: DisputeBody, store: StoreDep, who: Disputer) -> DisputePublic:
    check_call_scope(store, call_id, who)
    d = store.reviews.open_dispute(
        call_id,
        rubric=body.rubric,
        finding=body.finding,
        comment=body.comment,
        key_id=who.key_id,
        role=who.role,
    )
    return DisputePublic.model_validate(d)


@router.get(
    "/{call_id}/disputes",
    summary="A call's disputes, open and resolved, newest first",
    response_model=list[DisputePublic],
)
def get_disputes(call_id: str, store: StoreDep, who: Viewer) -> list[DisputePublic]:
    check_call_scope(store, call_id, who)
    return [DisputePublic.model_validate(d) for d in store.reviews.disputes(call_id)]
