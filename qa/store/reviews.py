"""Human reviews and disputes of calls' scores: ``store.reviews``.

- **History, never overwritten.** Every review action is a ``reviews`` row (who: key id and
  role; when; which score, item and finding); the machine's results are never changed. The
  verdict on an item is what the newest rows of the call's current score add up to
  (:func:`verdicts_of`).
- **The reviewed score** (:mod:`qa.review.effective`) is kept on the call
  (``calls.review_score``, ``calls.reviewed_at``) and on each reviewed item
  (``rubric_results.review_*``), in the same transaction as the review, with the running totals
  (:mod:`qa.store.totals`) moved from the old effective score to the new one. Lists and
  scorecards use the reviewed score where there is one. Re-scoring a call makes a new current
  score that nobody has reviewed: the call's reviewed score is cleared (the history stays).
- **Disputes** flag a call, an item or one machine finding; a review action that
  ``resolves`` a dispute closes it (``resolved_at``, ``resolved_by``).
- Every review and dispute writes an audit entry (``review.add``, ``dispute.open``,
  ``dispute.resolve``) in its transaction.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qa.config import RubricConfig, load_rubric_config
from qa.errors import InputError
from qa.review.effective import judged, reviewed_score
from qa.review.model import (
    REVIEW_ACTIONS,
    HumanFinding,
    ItemVerdict,
    ReviewAction,
    ReviewedCall,
)
from qa.rubrics import registry
from qa.store import totals
from qa.store.audit import add_entry
from qa.store.engine import Database, utc_now
from qa.store.errors import NotFound
from qa.store.filters import When, time_filters
from qa.store.records import DisputeRecord, ReviewRecord, ReviewResult
from qa.store.schema import Agent, CallRow, Dispute, Review, RubricResultRow, ScoreRow
from qa.store.views import stored_results

__all__ = ["Reviews", "verdicts_of", "MAX_COMMENT"]

#: The longest comment kept (characters).
MAX_COMMENT = 4000


def _in_sample(call_id: str) -> bool:
    """Whether the call is in the review queue's random sample (``qa.review.sample``, when
    that module exists; else ``False``)."""
    try:
        from qa.review.sample import in_sample  # type: ignore[import-not-found]
    except ImportError:
        return False
    return bool(in_sample(call_id))


# --- rows to records -------------------------------------------------------------------------


def review_record(r: Review) -> ReviewRecord:
    added = (
        {
            "start": r.span_start,
            "end": r.span_end,
            "utterance_ids": list(r.utterance_ids or ()),
            "quote": r.quote,
            "kind": r.kind,
        }
        if r.action == "finding_added"
        else None
    )
    return ReviewRecord(
        id=r.id,
        call_id=r.call_id,
        score_id=r.score_id,
        rubric=r.rubric,
        action=r.action,
        outcome=r.outcome,
        finding=r.finding_index,
        added=added,
        comment=r.comment,
        resolves=r.resolves,
        key_id=r.key_id,
        role=r.role,
        created=r.created,
    )


def dispute_record(d: Dispute, agent_id: str) -> DisputeRecord:
    return DisputeRecord(
        id=d.id,
        call_id=d.call_id,
        agent_id=agent_id,
        score_id=d.score_id,
        rubric=d.rubric,
        finding=d.finding_index,
        comment=d.comment,
        key_id=d.key_id,
        role=d.role,
        created=d.created,
        resolved_at=d.resolved_at,
        resolved_by=d.resolved_by,
        resolved_review=d.resolved_review,
    )


def verdicts_of(rows: Iterable[Review]) -> dict[str, ItemVerdict]:
    """The net verdict per item from review rows of one score, oldest first: the newest
    ``confirm`` / ``set_outcome`` gives the outcome, the newest mark of each finding decides it
    (wrong or right), every ``finding_added`` adds. Items with comments only are left out (they
    judge nothing)."""
    acc: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r.rubric is None or r.action == "comment":
            continue
        v = acc.setdefault(r.rubric, {"outcome": None, "marks": {}, "added": [], "at": None})
        v["at"] = r.created if v["at"] is None or r.created > v["at"] else v["at"]
        if r.action in ("confirm", "set_outcome"):
            v["outcome"] = r.outcome
        elif r.action in ("finding_wrong", "finding_right") and r.finding_index is not None:
            v["marks"][r.finding_index] = r.action == "finding_wrong"
        elif r.action == "finding_added":
            v["added"].append(
                HumanFinding(
                    start=float(r.span_start or 0.0),
                    end=float(r.span_end or 0.0),
                    utterance_ids=tuple(r.utterance_ids or ()),
                    quote=r.quote,
                    kind=r.kind,
                )
            )
    out = {}
    for rubric, v in acc.items():
        marks = v["marks"]
        verdict = ItemVerdict(
            rubric=rubric,
            outcome=v["outcome"],
            wrong=tuple(sorted(i for i, w in marks.items() if w)),
            right=tuple(sorted(i for i, w in marks.items() if not w)),
            added=tuple(v["added"]),
            reviewed_at=v["at"],
        )
        if judged(verdict):
            out[rubric] = verdict
    return out


def _comment(text: str | None) -> str:
    text = (text or "").strip()
    if len(text) > MAX_COMMENT:
        raise InputError(f"a comment is at most {MAX_COMMENT} characters")
    return text


def _finding_index(results: Mapping[str, Mapping[str, Any]], rubric: str, index: Any) -> int:
    if isinstance(index, bool) or not isinstance(index, int):
        raise InputError(f"{rubric}: a finding is given by its index (a whole number)")
    n = len(results[rubric].get("findings") or ())
    if not 0 <= index < n:
        raise InputError(f"{rubric}: no finding {index} (the item has {n} findings)")
    return index


def _item(results: Mapping[str, Mapping[str, Any]], rubric: str | None) -> str:
    if rubric is None or rubric not in results:
        known = ", ".join(results) or "none"
        raise InputError(f"{rubric!r} is not an item of the call's score; items: {known}")
    return rubric


class Reviews:
    """Reviews and disputes: ``store.reviews``. Every method is one transaction."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # --- reviews ----------------------------------------------------------------------------

    def add(
        self,
        call_id: str,
        actions: Sequence[ReviewAction],
        *,
        key_id: int | None = None,
        role: str | None = None,
        config: RubricConfig | None = None,
    ) -> ReviewResult:
        """Add review actions on ``call_id``'s current score, all at once; recompute its
        reviewed score (with ``config``'s weights; default: the site's rubric configuration,
        ``$QA_RUBRIC`` or the shipped one); resolve the disputes named by ``resolves``.

        :class:`~qa.errors.InputError` (nothing written) for an unknown action or item, an
        outcome the item does not have, a finding index out of range, a bad span, a dispute that
        is not an open one of this call, or a call with no score; :class:`NotFound` for an
        unknown call.
        """
        if not actions:
            raise InputError("a review needs at least one action")
        cfg = config if config is not None else load_rubric_config()
        with self._db.write() as s:
            call = s.get(CallRow, call_id, with_for_update=True)
            if call is None:
                raise NotFound(f"no call {call_id}")
            if call.score_id is None:
                raise InputError(f"call {call_id} has no score to review yet")
            score = s.get(ScoreRow, call.score_id)
            assert score is not None
            results = {str(r.get("rubric")): r for r in stored_results(score.results)}
            rows = [self._row(s, call, results, a, key_id, role) for a in actions]
            s.add_all(rows)
            s.flush()
            resolved = []
            now = utc_now()
            for row in rows:
                if row.resolves is None:
                    continue
                d = s.get(Dispute, row.resolves)
                assert d is not None
                if d.resolved_at is not None:  # two actions of this review name it
                    continue
                d.resolved_at, d.resolved_by, d.resolved_review = now, key_id, row.id
                resolved.append(d.id)
                add_entry(
                    s,
                    "dispute.resolve",
                    key_id=key_id,
                    role=role,
                    target_kind="call",
                    target_id=call_id,
                    detail={"dispute": d.id, "review": row.id},
                )
            review_score, capped = self._apply(s, call, score, results, cfg, now)
            add_entry(
                s,
                "review.add",
                key_id=key_id,
                role=role,
                target_kind="call",
                target_id=call_id,
                detail={
                    "score_id": score.id,
                    "reviews": [r.id for r in rows],
                    "actions": sorted({r.action for r in rows}),
                    "items": sorted({r.rubric for r in rows if r.rubric}),
                    "score": call.score,
                    "review_score": review_score,
                },
            )
            return ReviewResult(
                call_id=call_id,
                reviews=tuple(review_record(r) for r in rows),
                score=call.score,
                review_score=review_score,
                capped_by=capped,
                resolved=tuple(resolved),
            )

    def _row(
        self,
        s: Session,
        call: CallRow,
        results: Mapping[str, Mapping[str, Any]],
        a: ReviewAction,
        key_id: int | None,
        role: str | None,
    ) -> Review:
        """A checked ``reviews`` row for one action (:class:`InputError` if it is wrong)."""
        if a.action not in REVIEW_ACTIONS:
            raise InputError(f"unknown review action {a.action!r}; one of {list(REVIEW_ACTIONS)}")
        row = Review(
            call_id=call.id,
            score_id=call.score_id,
            rubric=None,
            action=a.action,
            comment=_comment(a.comment),
            utterance_ids=[],
            quote="",
            kind="",
            key_id=key_id,
            role=role,
        )
        if a.action == "comment" and a.rubric is None:
            pass
        else:
            row.rubric = _item(results, a.rubric)
        rubric = row.rubric
        if a.action == "confirm":
            row.outcome = str(results[str(rubric)].get("outcome"))
        elif a.action == "set_outcome":
            allowed = registry.outcomes(str(rubric))
            if a.outcome not in allowed:
                raise InputError(f"{rubric}: outcome {a.outcome!r} is not one of {list(allowed)}")
            row.outcome = a.outcome
        elif a.action in ("finding_wrong", "finding_right"):
            row.finding_index = _finding_index(results, str(rubric), a.finding)
        elif a.action == "finding_added":
            f = a.added
            if f is None:
                raise InputError(f"{rubric}: an added finding needs its start and end")
            start, end = float(f.start), float(f.end)
            if not (0.0 <= start < end) or (call.duration is not None and start > call.duration):
                raise InputError(
                    f"{rubric}: an added finding's span must have 0 <= start < end within the "
                    f"call, got {start}-{end}"
                )
            if len(f.quote) > MAX_COMMENT or len(f.utterance_ids) > 1000:
                raise InputError(f"{rubric}: the added finding's quote is too long")
            row.span_start, row.span_end = round(start, 3), round(end, 3)
            row.utterance_ids = [str(u)[:32] for u in f.utterance_ids]
            row.quote = f.quote.strip()
            row.kind = (f.kind or "missed").strip()[:64]
        if a.resolves is not None:
            d = s.get(Dispute, a.resolves)
            if d is None or d.call_id != call.id:
                raise InputError(f"no dispute {a.resolves} on call {call.id}")
            if d.resolved_at is not None:
                raise InputError(f"dispute {a.resolves} is already resolved")
            row.resolves = d.id
        return row

    def _apply(
        self,
        s: Session,
        call: CallRow,
        score: ScoreRow,
        results: Mapping[str, Mapping[str, Any]],
        cfg: RubricConfig,
        now: Any,
    ) -> tuple[float | None, tuple[str, ...]]:
        """Recompute the reviewed score of ``call``'s current score from all its reviews and
        store it on the call and its items, moving the running totals."""
        rows = s.scalars(
            select(Review).where(Review.score_id == score.id).order_by(Review.id)
        ).all()
        verdicts = verdicts_of(rows)
        new, capped, items = reviewed_score(list(results.values()), verdicts, cfg)
        if not verdicts:  # comments only: reviewed, the machine's score stands
            new, capped = call.score, tuple(score.capped_by or ())
        for rr in s.scalars(select(RubricResultRow).where(RubricResultRow.score_id == score.id)):
            item = items.get(rr.rubric)
            if rr.rubric in verdicts and item is not None:
                rr.review_outcome = item.outcome[:64]
                rr.review_sub_score = item.score
                rr.review_passed = item.passed
            else:
                rr.review_outcome = rr.review_sub_score = rr.review_passed = None
        old = call.review_score if call.review_score is not None else call.score
        eff = new if new is not None else call.score
        totals.count(
            s,
            call.agent_id,
            call.call_time,
            valued=int(eff is not None) - int(old is not None),
            total=(eff or 0.0) - (old or 0.0),
        )
        call.review_score = new
        call.reviewed_at = now
        return new, capped

    def for_call(self, call_id: str) -> builtins.list[ReviewRecord]:
        """Every review action on the call (of any of its scores), newest first."""
        with self._db.read() as s:
            if s.get(CallRow, call_id) is None:
                raise NotFound(f"no call {call_id}")
            rows = s.scalars(
                select(Review).where(Review.call_id == call_id).order_by(Review.id.desc())
            )
            return [review_record(r) for r in rows]

    def verdicts(self, call_id: str) -> dict[str, ItemVerdict]:
        """The human verdict per item on the call's current score (items nobody judged are
        absent; an unscored or unreviewed call gives ``{}``)."""
        with self._db.read() as s:
            call = s.get(CallRow, call_id)
            if call is None:
                raise NotFound(f"no call {call_id}")
            if call.score_id is None:
                return {}
            return verdicts_of(
                s.scalars(
                    select(Review).where(Review.score_id == call.score_id).order_by(Review.id)
                )
            )

    def reviewed_calls(
        self,
        since: When = None,
        until: When = None,
        *,
        language: str | None = None,
        teams: Sequence[str] | None = None,
    ) -> builtins.list[ReviewedCall]:
        """The calls whose current score was reviewed (last) within ``[since, until]`` (a date
        includes its whole UTC day; ``None``: open), with the machine's results and the human
        verdicts, oldest review first. ``language``: the call's detected language (else its
        hint); ``teams``: only agents of those teams. Calls reviewed with comments only have
        empty ``verdicts``."""
        conds: builtins.list[Any] = [
            CallRow.reviewed_at.is_not(None),
            *time_filters(CallRow.reviewed_at, since, until),
        ]
        if language is not None:
            conds.append(func.coalesce(CallRow.language, CallRow.language_hint) == language)
        q = select(CallRow, ScoreRow).join(ScoreRow, ScoreRow.id == CallRow.score_id)
        if teams is not None:
            q = q.join(Agent, Agent.id == CallRow.agent_id)
            conds.append(Agent.team_id.in_(list(teams)))
        q = q.where(*conds).order_by(CallRow.reviewed_at, CallRow.id)
        out = []
        with self._db.read() as s:
            pairs = s.execute(q).all()
            by_score: dict[int, builtins.list[Review]] = {}
            ids = [sc.id for _, sc in pairs]
            for chunk in range(0, len(ids), 500):
                for r in s.scalars(
                    select(Review)
                    .where(Review.score_id.in_(ids[chunk : chunk + 500]))
                    .order_by(Review.id)
                ):
                    by_score.setdefault(r.score_id, []).append(r)
            for c, sc in pairs:
                out.append(
                    ReviewedCall(
                        call_id=c.id,
                        agent_id=c.agent_id,
                        language=c.language or c.language_hint,
                        call_time=c.call_time,
                        score_id=sc.id,
                        machine=tuple(stored_results(sc.results)),
                        verdicts=verdicts_of(by_score.get(sc.id, ())),
                        sampled=_in_sample(c.id),
                    )
                )
        return out

    # --- disputes ---------------------------------------------------------------------------

    def open_dispute(
        self,
        call_id: str,
        *,
        comment: str,
        rubric: str | None = None,
        finding: int | None = None,
        key_id: int | None = None,
        role: str | None = None,
    ) -> DisputeRecord:
        """Flag the call (``rubric`` ``None``), an item, or one machine finding of the item's
        current result (``finding``: its index) as disputed, with a comment (required).
        :class:`~qa.errors.InputError` for an unknown item or finding, or no comment."""
        text = _comment(comment)
        if not text:
            raise InputError("a dispute needs a comment saying what is wrong")
        if finding is not None and rubric is None:
            raise InputError("a disputed finding needs its item")
        with self._db.write() as s:
            call = s.get(CallRow, call_id)
            if call is None:
                raise NotFound(f"no call {call_id}")
            if rubric is not None:
                score = s.get(ScoreRow, call.score_id) if call.score_id is not None else None
                if score is None:
                    raise InputError(f"call {call_id} has no score: dispute the call itself")
                results = {str(r.get("rubric")): r for r in stored_results(score.results)}
                _item(results, rubric)
                if finding is not None:
                    _finding_index(results, rubric, finding)
            d = Dispute(
                call_id=call_id,
                score_id=call.score_id,
                rubric=rubric,
                finding_index=finding,
                comment=text,
                key_id=key_id,
                role=role,
            )
            s.add(d)
            s.flush()
            add_entry(
                s,
                "dispute.open",
                key_id=key_id,
                role=role,
                target_kind="call",
                target_id=call_id,
                detail={"dispute": d.id, "rubric": rubric, "finding": finding},
            )
            return dispute_record(d, call.agent_id)

    def disputes(self, call_id: str) -> builtins.list[DisputeRecord]:
        """Every dispute of the call, open and resolved, newest first."""
        with self._db.read() as s:
            call = s.get(CallRow, call_id)
            if call is None:
                raise NotFound(f"no call {call_id}")
            rows = s.scalars(
                select(Dispute).where(Dispute.call_id == call_id).order_by(Dispute.id.desc())
            )
            return [dispute_record(d, call.agent_id) for d in rows]

    def open_disputes(
        self,
        since: When = None,
        until: When = None,
        *,
        teams: Sequence[str] | None = None,
        agent: str | None = None,
        limit: int = 100,
    ) -> builtins.list[DisputeRecord]:
        """Open disputes (raised within ``[since, until]``; ``None``: open), oldest first:
        the review queue's. ``teams``: only agents of those teams; ``agent``: one agent's."""
        if not 0 < limit <= 1000:
            raise InputError("limit must be between 1 and 1000")
        q = (
            select(Dispute, CallRow.agent_id)
            .join(CallRow, CallRow.id == Dispute.call_id)
            .where(Dispute.resolved_at.is_(None), *time_filters(Dispute.created, since, until))
        )
        if agent is not None:
            q = q.where(CallRow.agent_id == agent)
        if teams is not None:
            q = q.join(Agent, Agent.id == CallRow.agent_id).where(Agent.team_id.in_(list(teams)))
        q = q.order_by(Dispute.created, Dispute.id).limit(limit)
        with self._db.read() as s:
            return [dispute_record(d, agent_id) for d, agent_id in s.execute(q)]
