"""The review queue: ``store.queue``. Which scored calls a QA lead should review next.

Calls most worth a person's time come first, in tiers:

1. **disputed** — the call has an open dispute (on an item, a finding or the whole call);
2. **needs review** — the current score flags the transcript (``calls.needs_review``);
3. **findings for review** — the current score has findings below their item's operating point
   (``rubric_results.n_review > 0``), the most such findings first;

and mixed in among them, spread evenly through the list, the calls of the **random sample**
(:mod:`qa.review.sample`) that are in no tier, marked as such: reviewing them is what makes the
agreement figures unbiased. A call in a tier that is also in the sample is marked both ways.

A call leaves the queue once it is reviewed (``calls.reviewed_at`` set), unless a dispute of it is
open again. Filters: agent, period (call time), item (a dispute on that item or the whole call,
findings for review of that item; flagged and sampled calls are about every item), language (the
detected one, else the hint) and teams (a team-scoped key's agents only).

Sample membership is a hash of the call id, which SQL cannot compute on both backends: the ids of
the unreviewed calls outside the tiers that match the filters are read (one column, in call-time
order) and tested in Python.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from qa.errors import InputError
from qa.review.sample import in_sample, sample_rate
from qa.store.engine import Database
from qa.store.filters import When, call_filters, round_or_none
from qa.store.schema import Agent, CallRow, Dispute, RubricResultRow

__all__ = ["QueueEntry", "QueuePage", "ReviewQueue", "REASONS"]

#: Why a call is in the queue, in the order of the tiers.
REASONS = ("disputed", "needs_review", "findings_for_review", "random_sample")


@dataclass(frozen=True)
class QueueEntry:
    """One call in the queue, with why it is there."""

    call_id: str
    agent_id: str
    call_time: datetime
    language: str | None
    score: float | None
    needs_review: bool
    open_disputes: int
    review_findings: int  # findings for review in the current score (of the item, if filtered)
    sampled: bool  # in the random sample
    reasons: tuple[str, ...]  # of REASONS

    @property
    def tier(self) -> int:
        """0 disputed, 1 needs review, 2 findings for review, 3 random sample only."""
        return REASONS.index(self.reasons[0]) if self.reasons else len(REASONS)


@dataclass(frozen=True)
class QueuePage:
    """A page of the queue: the entries, how many calls are queued, and how many of them come
    from the random sample (at ``sample_rate``)."""

    items: tuple[QueueEntry, ...]
    total: int
    sampled: int
    sample_rate: float
    next_offset: int | None


def _spread(tiered: list[QueueEntry], sample: list[QueueEntry]) -> list[QueueEntry]:
    """The sample's calls spread evenly through the tiered list (each keeps its own order)."""
    if not sample or not tiered:
        return tiered + sample
    keyed = [((i + 1) / (len(tiered) + 1), 0, e) for i, e in enumerate(tiered)]
    keyed += [((i + 1) / (len(sample) + 1), 1, e) for i, e in enumerate(sample)]
    return [e for *_, e in sorted(keyed, key=lambda k: (k[0], k[1]))]


class ReviewQueue:
    """The review queue: ``store.queue``. One read transaction per call."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def list(
        self,
        *,
        agent: str | None = None,
        date_from: When = None,
        date_to: When = None,
        item: str | None = None,
        language: str | None = None,
        teams: Sequence[str] | None = None,
        rate: float | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> QueuePage:
        """The queue (see the module's docstring), ``limit`` entries from ``offset``.

        ``rate``: the random sample's share of calls (default :func:`~qa.review.sample.sample_rate`).
        """
        if not 0 < limit <= 1000:
            raise InputError("limit must be between 1 and 1000")
        if offset < 0:
            raise InputError("offset must be >= 0")
        rate = sample_rate(rate)
        conds = call_filters(agent=agent, date_from=date_from, date_to=date_to)
        conds.append(CallRow.score_id.is_not(None))
        language_of = func.coalesce(CallRow.language, CallRow.language_hint)
        if language:
            conds.append(language_of == language)
        if teams is not None:
            conds.append(
                CallRow.agent_id.in_(
                    select(Agent.id).where(Agent.team_id.in_(builtins.list(teams)))
                )
            )
        disputes = select(Dispute.call_id, func.count().label("n")).where(
            Dispute.resolved_at.is_(None)
        )
        review_q = select(
            RubricResultRow.score_id, func.sum(RubricResultRow.n_review).label("n")
        ).where(RubricResultRow.n_review > 0)
        if item:
            disputes = disputes.where((Dispute.rubric == item) | Dispute.rubric.is_(None))
            review_q = review_q.where(RubricResultRow.rubric == item)
        disputes = disputes.group_by(Dispute.call_id).subquery()
        review = review_q.group_by(RubricResultRow.score_id).subquery()
        n_disputes = func.coalesce(disputes.c.n, 0)
        n_review = func.coalesce(review.c.n, 0)
        in_tier = (n_disputes > 0) | CallRow.needs_review.is_(True) | (n_review > 0)
        # Reviewed calls leave the queue; an open dispute brings one back.
        waiting = CallRow.reviewed_at.is_(None) | (n_disputes > 0)
        columns = (
            CallRow.id,
            CallRow.agent_id,
            CallRow.call_time,
            language_of,
            CallRow.score,
            CallRow.needs_review,
            n_disputes,
            n_review,
        )
        base = (
            select(*columns)
            .outerjoin(disputes, disputes.c.call_id == CallRow.id)
            .outerjoin(review, review.c.score_id == CallRow.score_id)
            .where(*conds, waiting)
        )
        with self._db.read() as s:
            tiered = [self._entry(r, rate) for r in s.execute(base.where(in_tier))]
            rest = s.scalars(
                select(CallRow.id)
                .outerjoin(disputes, disputes.c.call_id == CallRow.id)
                .outerjoin(review, review.c.score_id == CallRow.score_id)
                .where(*conds, waiting, ~in_tier)
                .order_by(CallRow.call_time.desc(), CallRow.id)
            ).all()
            chosen = [c for c in rest if in_sample(c, rate)]
            sample: builtins.list[QueueEntry] = []
            for start in range(0, len(chosen), 500):
                chunk = chosen[start : start + 500]
                sample += [
                    self._entry(r, rate) for r in s.execute(base.where(CallRow.id.in_(chunk)))
                ]
        tiered.sort(
            key=lambda e: (
                e.tier,
                -e.open_disputes,
                -e.review_findings,
                -e.call_time.timestamp(),
                e.call_id,
            )
        )
        sample.sort(key=lambda e: (-e.call_time.timestamp(), e.call_id))
        queue = _spread(tiered, sample)
        page = tuple(queue[offset : offset + limit])
        return QueuePage(
            items=page,
            total=len(queue),
            sampled=sum(1 for e in queue if e.sampled),
            sample_rate=rate,
            next_offset=offset + limit if offset + limit < len(queue) else None,
        )

    @staticmethod
    def _entry(row: Any, rate: float) -> QueueEntry:
        call_id, agent_id, call_time, language, score, needs_review, n_disp, n_rev = row
        sampled = in_sample(call_id, rate)
        reasons = [
            name
            for name, on in (
                ("disputed", n_disp > 0),
                ("needs_review", needs_review is True),
                ("findings_for_review", n_rev > 0),
                ("random_sample", sampled),
            )
            if on
        ]
        return QueueEntry(
            call_id=call_id,
            agent_id=agent_id,
            call_time=call_time,
            language=language,
            score=round_or_none(score),
            needs_review=needs_review is True,
            open_disputes=int(n_disp),
            review_findings=int(n_rev),
            sampled=sampled,
            reasons=tuple(reasons),
        )
