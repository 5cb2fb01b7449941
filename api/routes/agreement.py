"""The agreement report: how far the machine agrees with the QA leads' reviews (JSON or CSV)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api.deps import DateFrom, DateTo, Reviewer, StoreDep
from api.errors import error_responses
from qa.review.agreement import (
    MIN_CALLS,
    AgreementReport,
    AgreementTable,
    Estimate,
    ItemAgreement,
    agreement_report,
    report_csv,
)
from qa.store import Store

__all__ = ["router", "AgreementPublic", "agreement_for"]

router = APIRouter(
    prefix="/v1/agreement", tags=["reviews"], responses=error_responses(401, 403, 422)
)

NOTE = (
    "Precision, recall and agreement over all reviewed calls are biased towards the calls the "
    "review queue puts first (disputed, flagged, with findings for review); the random-sample "
    "figures are not. A figure behind fewer than 30 calls is marked few."
)


class EstimatePublic(BaseModel):
    """A figure with its 95 % bootstrap interval (resampling calls) and the calls behind it."""

    value: float | None
    low: float | None
    high: float | None
    n_calls: int
    few: bool

    @classmethod
    def of(cls, e: Estimate) -> EstimatePublic:
        return cls(value=e.value, low=e.low, high=e.high, n_calls=e.n_calls, few=e.few)


class ItemAgreementPublic(BaseModel):
    rubric: str
    n_calls: int
    agreement: EstimatePublic
    kappa: EstimatePublic
    precision: EstimatePublic
    recall: EstimatePublic
    true_positives: int
    false_positives: int
    misses: int
    unjudged: int

    @classmethod
    def of(cls, i: ItemAgreement) -> ItemAgreementPublic:
        est = {
            k: EstimatePublic.of(getattr(i, k))
            for k in ("agreement", "kappa", "precision", "recall")
        }
        counts = {
            k: getattr(i, k) for k in ("true_positives", "false_positives", "misses", "unjudged")
        }
        return cls(rubric=i.rubric, n_calls=i.n_calls, **est, **counts)


class AgreementTablePublic(BaseModel):
    population: Literal["all", "sample"]
    n_calls: int
    items: list[ItemAgreementPublic]
    by_language: dict[str, list[ItemAgreementPublic]]

    @classmethod
    def of(cls, t: AgreementTable) -> AgreementTablePublic:
        return cls(
            population=t.population,  # type: ignore[arg-type]
            n_calls=t.n_calls,
            items=[ItemAgreementPublic.of(i) for i in t.items],
            by_language={
                k: [ItemAgreementPublic.of(i) for i in v] for k, v in t.by_language.items()
            },
        )


class AgreementPublic(BaseModel):
    """Per item: outcome agreement, Cohen's κ, precision and recall of the confirmed findings,
    over all reviewed calls (``all``) and over the random sample only (``sample``)."""

    from_: str | None = Field(None, alias="from")
    to: str | None = None
    language: str | None = None
    min_calls: int = MIN_CALLS
    note: str = NOTE
    all: AgreementTablePublic
    sample: AgreementTablePublic

    model_config = {"populate_by_name": True}

    @classmethod
    def of(cls, report: AgreementReport, **period: Any) -> AgreementPublic:
        return cls(
            **period,
            all=AgreementTablePublic.of(report.all),
            sample=AgreementTablePublic.of(report.sample),
        )


def agreement_for(
    store: Store,
    teams: tuple[str, ...] | None,
    date_from: str | None = None,
    date_to: str | None = None,
    language: str | None = None,
) -> AgreementReport:
    """The report over the calls reviewed in the period (by review time) that the caller sees."""
    calls = store.reviews.reviewed_calls(date_from, date_to, language=language or None, teams=teams)
    return agreement_report(calls)


@router.get(
    "",
    summary="Agreement of the machine with the reviews, per item: all reviewed calls and the random sample",
    response_model=AgreementPublic,
    response_model_by_alias=True,
    responses={200: {"content": {"application/json": {}, "text/csv": {}}}},
)
def get_agreement(
    store: StoreDep,
    who: Reviewer,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    language: Annotated[str | None, Query(max_length=16)] = None,
    format: Annotated[Literal["json", "csv"], Query()] = "json",
) -> Any:
    report = agreement_for(store, who.team_scope, date_from, date_to, language)
    if format == "csv":
        return Response(
            report_csv(report),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="agreement.csv"'},
        )
    return AgreementPublic.of(report, from_=date_from, to=date_to, language=language or None)
