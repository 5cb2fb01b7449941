"""Running totals: per agent (``agents.n_*``) and per UTC day of call time (``daily_stats``).

They are added to in the same transactions that add the calls and scores they count, so the
agent list and the team mean read a few rows instead of every call; :func:`rebuild` recomputes
them from the calls (after a bulk load that bypassed the store, or to repair them).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import case, delete, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from qa.store.filters import as_utc
from qa.store.schema import Agent, CallRow, DailyStats

__all__ = ["count", "uncount_call", "count_call", "refresh_last_call", "rebuild", "effective_score"]


def effective_score() -> Any:
    """The call's score as lists, scorecards and the totals count it: the reviewed score where
    there is one, else the machine's."""
    return func.coalesce(CallRow.review_score, CallRow.score)


def count(
    s: Session,
    agent_id: str,
    when: datetime,
    *,
    calls: int = 0,
    scored: int = 0,
    valued: int = 0,
    total: float = 0.0,
) -> None:
    """Add to the agent's and the day's running totals (atomic increments, in ``s``'s
    transaction): ``calls`` new calls, ``scored`` calls scored for the first time, ``valued``
    more calls whose current (reviewed, else machine) score is a number, ``total`` more summed
    score."""
    s.flush()
    values: dict[str, Any] = {
        "n_calls": Agent.n_calls + calls,
        "n_scored": Agent.n_scored + scored,
        "n_valued": Agent.n_valued + valued,
        "score_sum": Agent.score_sum + total,
    }
    if calls:
        values["last_call"] = case(
            (or_(Agent.last_call.is_(None), Agent.last_call < when), when),
            else_=Agent.last_call,
        )
    s.execute(
        update(Agent)
        .where(Agent.id == agent_id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    dialect = s.get_bind().dialect.name
    ins = (pg_insert if dialect == "postgresql" else sqlite_insert)(DailyStats)
    stmt = ins.values(
        day=as_utc(when).date(),
        n_calls=calls,
        n_scored=scored,
        n_valued=valued,
        score_sum=total,
    )
    s.execute(
        stmt.on_conflict_do_update(
            index_elements=[DailyStats.day],
            set_={
                "n_calls": DailyStats.n_calls + stmt.excluded.n_calls,
                "n_scored": DailyStats.n_scored + stmt.excluded.n_scored,
                "n_valued": DailyStats.n_valued + stmt.excluded.n_valued,
                "score_sum": DailyStats.score_sum + stmt.excluded.score_sum,
            },
        )
    )


def _call_amounts(row: CallRow) -> dict[str, Any]:
    # What the call adds to the totals: its effective score (the reviewed one where given).
    score = row.review_score if row.review_score is not None else row.score
    return {
        "scored": int(row.score_id is not None),
        "valued": int(score is not None),
        "total": float(score or 0.0),
    }


def uncount_call(s: Session, row: CallRow) -> None:
    """Take a call (and its current score) out of its agent's and day's totals, before it is
    deleted or moved to another agent or day (call :func:`refresh_last_call` once it is)."""
    amounts = _call_amounts(row)
    count(
        s,
        row.agent_id,
        row.call_time,
        calls=-1,
        scored=-amounts["scored"],
        valued=-amounts["valued"],
        total=-amounts["total"],
    )
    # A day no call is left on is dropped (as rebuild would leave it out).
    s.execute(
        delete(DailyStats)
        .where(DailyStats.day == as_utc(row.call_time).date(), DailyStats.n_calls <= 0)
        .execution_options(synchronize_session=False)
    )


def count_call(s: Session, row: CallRow) -> None:
    """Add a call (and its current score) to its agent's and day's totals (after a move)."""
    count(s, row.agent_id, row.call_time, calls=1, **_call_amounts(row))


def refresh_last_call(s: Session, agent_id: str) -> None:
    """Recompute an agent's latest call time from its calls (after one was deleted or moved
    away: a running maximum cannot be decremented)."""
    s.flush()
    latest = (
        select(func.max(CallRow.call_time)).where(CallRow.agent_id == agent_id).scalar_subquery()
    )
    s.execute(
        update(Agent)
        .where(Agent.id == agent_id)
        .values(last_call=latest)
        .execution_options(synchronize_session=False)
    )


def rebuild(s: Session) -> None:
    """Recompute every agent's and day's totals from the calls, in ``s``'s transaction."""
    per_agent = {
        aid: (n, n_scored, n_valued, total, last)
        for aid, n, n_scored, n_valued, total, last in s.execute(
            select(
                CallRow.agent_id,
                func.count(),
                func.count(CallRow.score_id),
                func.count(effective_score()),
                func.coalesce(func.sum(effective_score()), 0.0),
                func.max(CallRow.call_time),
            ).group_by(CallRow.agent_id)
        )
    }
    for agent in s.scalars(select(Agent)):
        n, n_scored, n_valued, total, last = per_agent.get(agent.id, (0, 0, 0, 0.0, None))
        agent.n_calls, agent.n_scored, agent.n_valued = int(n), int(n_scored), int(n_valued)
        agent.score_sum, agent.last_call = float(total), last
    s.execute(delete(DailyStats))
    day = func.date(CallRow.call_time)  # naive UTC stored: its date is the UTC day
    rows = s.execute(
        select(
            day,
            func.count(),
            func.count(CallRow.score_id),
            func.count(effective_score()),
            func.coalesce(func.sum(effective_score()), 0.0),
        ).group_by(day)
    ).all()
    s.add_all(
        DailyStats(
            day=d if isinstance(d, date) else date.fromisoformat(str(d)),
            n_calls=int(n),
            n_scored=int(k),
            n_valued=int(v),
            score_sum=float(total),
        )
        for d, n, k, v, total in rows
    )
