"""Saving scores: a call's score history and the per-item rows scorecards aggregate.

Re-scoring adds a ``scores`` row; the newest one is the call's *current* score
(``calls.score_id``, with its number, rubric version and quality flag copied onto the call row
for filters and aggregation). The running totals change in the same transaction. A new score
has not been reviewed: the call's reviewed score (``calls.review_score``) is cleared.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qa.errors import InputError
from qa.rubrics import passing_outcomes
from qa.store import totals
from qa.store.engine import Database
from qa.store.errors import NotFound
from qa.store.schema import CallRow, RubricResultRow, ScoreRow
from qa.types import CallScore, to_dict

__all__ = ["rubric_rows", "save", "save_in"]



def _n_review(findings: Sequence[Any]) -> int:
    return sum(
        1
        for f in findings
        if (f.get("status") if isinstance(f, Mapping) else getattr(f, "status", None)) == "review"
    )


def rubric_rows(score_id: int, call_id: str, score: CallScore) -> list[RubricResultRow]:
    """The ``rubric_results`` rows of a score: one per rubric item, for scorecards."""
    return [
        RubricResultRow(
            score_id=score_id,
            call_id=call_id,
            rubric=r.rubric,
            version=r.version[:64],
            outcome=r.outcome,
            sub_score=r.score,
            passed=None if r.score is None else r.outcome in passing_outcomes(),
            n_findings=len(r.findings),
            n_review=_n_review(r.findings),
        )
        for r in score.results
    ]


def save(
    db: Database, call_id: str, score: CallScore, *, labeller_version: str, once: bool
) -> int | None:
    """Add ``score`` to ``call_id``'s history and make it current; returns its id. With
    ``once``, nothing is written (``None``) if the call already has a score with the same
    rubric and labeller version: the call's row is locked (PostgreSQL) or the write
    transaction is exclusive (SQLite) while checking."""
    with db.write() as s:
        return save_in(s, call_id, score, labeller_version=labeller_version, once=once)


def save_in(
    s: Session, call_id: str, score: CallScore, *, labeller_version: str, once: bool
) -> int | None:
    """:func:`save` inside the caller's write transaction ``s`` (to commit a score with other
    rows at once)."""
    names = [r.rubric for r in score.results]
    if len(set(names)) != len(names):
        raise InputError(f"a call score has one result per rubric item, got {names}")
    call = s.get(CallRow, call_id, with_for_update=once)
    if call is None:
        raise NotFound(f"no call {call_id}")
    if once and s.scalar(
        select(ScoreRow.id)
        .where(
            ScoreRow.call_id == call_id,
            ScoreRow.rubric_version == score.rubric_version[:128],
            ScoreRow.labeller_version == labeller_version[:128],
        )
        .limit(1)
    ):
        return None
    row = ScoreRow(
        call_id=call_id,
        rubric_version=score.rubric_version[:128],
        labeller_version=labeller_version[:128],
        score=score.score,
        capped_by=list(score.capped_by),
        results=to_dict(list(score.results)),
        quality=None if score.quality is None else to_dict(score.quality),
    )
    s.add(row)
    s.flush()
    s.add_all(rubric_rows(row.id, call_id, score))
    # The reviews were of the previous score: the new one is the machine's until reviewed.
    old = call.review_score if call.review_score is not None else call.score
    totals.count(
        s,
        call.agent_id,
        call.call_time,
        scored=int(call.score_id is None),
        valued=int(score.score is not None) - int(old is not None),
        total=(score.score or 0.0) - (old or 0.0),
    )
    call.score_id = row.id
    call.score = score.score
    call.rubric_version = row.rubric_version
    call.scored_at = row.created
    call.needs_review = None if score.quality is None else bool(score.quality.needs_review)
    call.review_score = None
    call.reviewed_at = None
    return row.id
