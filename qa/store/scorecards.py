"""Scorecards, aggregated in SQL from the calls' current scores: ``store.scorecards``.

They read denormalised columns (``calls.score``, ``calls.week``, ``rubric_results``) through
covering indexes, and the team mean over whole days from the daily totals. Measured with 100k
scored calls on 2 busy cores: an agent's all-time scorecard p50 ≈ 21 ms (SQLite and
PostgreSQL), p99 27 ms (SQLite) / 45 ms (PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.engine import Connection

from qa.rubrics import current_outcome
from qa.store.engine import Database
from qa.store.errors import NotFound
from qa.store.filters import (
    When,
    call_filters,
    flagged,
    in_teams,
    not_flagged,
    parse_when,
    period,
)
from qa.store.filters import round_or_none as _round
from qa.store.records import AgentScorecard, WorstCall
from qa.store.schema import Agent, CallRow, DailyStats, RubricResultRow, ScoreRow
from qa.store.totals import effective_score
from qa.store.views import stored_results
from qa.timezones import zone_name
from qa.types import RubricStats

__all__ = ["Scorecards"]


class Scorecards:
    """Per-agent scorecards and pass rates: ``store.scorecards``."""

    def __init__(self, db: Database, *, zone: tzinfo = UTC) -> None:
        self._db = db
        #: The site's zone: the default zone of dates in a period.
        self.zone = zone

    def get(
        self,
        agent_id: str,
        *,
        date_from: When = None,
        date_to: When = None,
        worst: int = 5,
        team_rates: bool = False,
        exclude_flagged: bool = False,
        teams: tuple[str, ...] | None = None,
        zone: tzinfo | None = None,
    ) -> AgentScorecard:
        """An agent's scorecard over a period, aggregated in SQL from the current scores.

        ``n_calls`` counts calls in the period, ``n_scored`` those with a score; the team mean
        is over every agent's calls in the same period. ``team_rates=True`` also fills each
        item's ``team_pass_rate`` (a join over every result in the period: slower on large
        databases, so off by default). ``worst`` is how many of the lowest-scoring calls to list.
        ``exclude_flagged=True`` leaves the calls flagged ``needs_review`` out of the counts,
        means, pass rates, trend and worst calls (``n_flagged`` still says how many there were).
        The weekly trend is by ``calls.week``: ISO weeks in the site's zone. Dates in the
        period are days in ``zone`` (default: the site's zone).

        ``teams`` (a scoped caller's teams; ``None``: every team): an agent in none of them is
        :class:`~qa.store.NotFound`, and the team mean and team pass rates are over the calls
        of those teams' agents only.
        :class:`~qa.store.NotFound` for an unknown agent.
        """
        zone = zone or self.zone
        time_conds = call_filters(agent=None, date_from=date_from, date_to=date_to, zone=zone)
        agent_conds = [CallRow.agent_id == agent_id, *time_conds]
        if exclude_flagged:
            time_conds = [*time_conds, not_flagged()]
        conds = [CallRow.agent_id == agent_id, *time_conds]
        period_conds = [*in_teams(teams), *time_conds]
        # The daily totals are whole UTC days of every team's calls.
        open_period = date_from is None and date_to is None
        daily_ok = teams is None and (open_period or zone_name(zone) in ("UTC", "Etc/UTC"))
        scored = [*conds, CallRow.score_id.is_not(None)]
        # Core on one connection, five statements: a scorecard is read on every page view, so
        # the ORM's per-row bookkeeping and extra round trips are worth avoiding here.
        with self._db.read_conn() as s:
            known = select(Agent.id).where(Agent.id == agent_id)
            if teams is not None:
                known = known.where(Agent.team_id.in_(teams))
            if s.execute(known).first() is None:
                raise NotFound(f"no agent {agent_id}")
            # Counts, the mean and the weekly trend in one pass over the agent's calls.
            weeks = s.execute(
                select(
                    CallRow.week,
                    func.count(),
                    func.count(CallRow.score_id),
                    func.count(effective_score()),
                    func.sum(effective_score()),
                    func.count(CallRow.reviewed_at),
                    func.count(case((flagged(), 1))),
                )
                .where(*conds)
                .group_by(CallRow.week)
                .order_by(CallRow.week)
            ).all()
            # Flagged calls are counted with the weeks unless they were left out of them.
            n_flagged = (
                s.scalar(select(func.count()).where(*agent_conds, flagged())) or 0
                if exclude_flagged
                else sum(int(w[6]) for w in weeks)
            )
            team_n, team_mean = _team(
                s, date_from, date_to, period_conds, from_calls=exclude_flagged or not daily_ok
            )
            stats = _per_rubric(s, scored, reviewed=any(w[5] for w in weeks))
            rates = (
                _team_pass_rates(s, [*period_conds, CallRow.score_id.is_not(None)])
                if team_rates
                else {}
            )
            worst_rows = _worst(s, scored, worst) if worst > 0 else []
        n_calls = sum(int(w[1]) for w in weeks)
        n_scored = sum(int(w[2]) for w in weeks)
        n_valued = sum(int(w[3]) for w in weeks)
        mean = sum(float(w[4]) for w in weeks if w[3]) / n_valued if n_valued else None
        trend = tuple(
            (w[0], round(float(w[4]) / int(w[3]), 2), int(w[3])) for w in weeks if w[3]
        )
        return AgentScorecard(
            agent_id=agent_id,
            period=period(date_from, date_to),
            n_calls=int(n_calls),
            mean_score=_round(mean),
            per_rubric={
                name: RubricStats(**st, team_pass_rate=rates.get(name))
                for name, st in stats.items()
            },
            trend=trend,
            worst_calls=tuple(r.id for r in worst_rows),
            n_scored=int(n_scored),
            team_mean=_round(team_mean),
            team_n_calls=int(team_n),
            worst=tuple(
                WorstCall(
                    call_id=r.id,
                    score=r.score,
                    call_time=r.call_time,
                    review_score=r.review_score,
                    findings=tuple(
                        {**f, "outcome": res.get("outcome")}
                        for res in stored_results(r.results)
                        for f in res.get("findings", [])
                    ),
                )
                for r in worst_rows
            ),
            n_flagged=int(n_flagged),
            exclude_flagged=exclude_flagged,
        )

    def pass_counts_by_agent(
        self, *, teams: tuple[str, ...] | None = None
    ) -> dict[str, dict[str, tuple[int, int]]]:
        """``{agent: {item: (passed, counted)}}`` over every agent's current scores, all time
        (``teams``: only those teams' agents).

        One grouped query, by the scorecards' rule (a result counts when it has a sub-score and
        passes with a pass outcome), instead of one scorecard per agent.
        """
        out: dict[str, dict[str, tuple[int, int]]] = {}
        with self._db.read_conn() as s:
            for agent, rubric, passed, counted in _pass_counts(
                s, in_teams(teams), by_agent=True
            ):
                out.setdefault(str(agent), {})[rubric] = (passed, counted)
        return out


def _team(
    s: Connection,
    date_from: When,
    date_to: When,
    period_conds: Sequence[Any],
    *,
    from_calls: bool = False,
) -> tuple[int, float | None]:
    """(scored calls, mean score) of everyone in the period: from the daily totals when the
    period is whole days (and ``from_calls`` is false: the totals cannot leave calls out, nor
    count another zone's days or only some teams), else from the calls themselves."""
    lo, hi = parse_when(date_from, "date_from"), parse_when(date_to, "date_to")
    if not from_calls and not isinstance(lo, datetime) and not isinstance(hi, datetime):
        conds = []
        if lo is not None:
            conds.append(DailyStats.day >= lo)
        if hi is not None:
            conds.append(DailyStats.day <= hi)
        n, valued, total = s.execute(
            select(
                func.coalesce(func.sum(DailyStats.n_scored), 0),
                func.coalesce(func.sum(DailyStats.n_valued), 0),
                func.coalesce(func.sum(DailyStats.score_sum), 0.0),
            ).where(*conds)
        ).one()
        return int(n), (float(total) / int(valued) if valued else None)
    n, mean = s.execute(
        select(func.count(CallRow.score_id), func.avg(effective_score())).where(*period_conds)
    ).one()
    return int(n), mean


def _reviewed(machine: Any, human: Any) -> Any:
    """An item's column as reviewed: the human value where the item was judged (its
    ``review_outcome`` is set), else the machine's."""
    return case((RubricResultRow.review_outcome.is_not(None), human), else_=machine)


def _worst(s: Connection, scored: Sequence[Any], n: int) -> list[Any]:
    """The ``n`` lowest-scoring calls (by the reviewed score where there is one) with their
    results. The lowest are picked from ``calls`` alone, then joined to their scores: ordering
    by the reviewed-or-machine score cannot follow an index, and joining first would fetch
    every call's results before the limit (PostgreSQL did: p99 3 → 14 ms)."""
    low = (
        select(
            CallRow.id,
            CallRow.score,
            CallRow.review_score,
            CallRow.call_time,
            CallRow.score_id,
            effective_score().label("effective"),
        )
        .where(*scored, effective_score().is_not(None))
        .order_by(effective_score().asc(), CallRow.call_time.desc(), CallRow.id)
        .limit(n)
        .subquery()
    )
    return list(
        s.execute(
            select(low.c.id, low.c.score, low.c.review_score, low.c.call_time, ScoreRow.results)
            .join(ScoreRow, ScoreRow.id == low.c.score_id)
            .order_by(low.c.effective.asc(), low.c.call_time.desc(), low.c.id)
        ).all()
    )


def _per_rubric(
    s: Connection, conds: Sequence[Any], *, reviewed: bool = True
) -> dict[str, dict[str, Any]]:
    """Each rubric item's figures (the fields of :class:`~qa.types.RubricStats` but the team
    pass rate), by item name; outcomes, pass rates and sub-scores as reviewed. ``reviewed``
    False (no call in ``conds`` was reviewed, so no result has a human verdict) reads the
    machine's columns alone: the same figures for less work in the database."""
    rr = RubricResultRow
    if reviewed:
        outcome = _reviewed(rr.outcome, rr.review_outcome)
        passed = _reviewed(rr.passed, rr.review_passed)
        sub_score = _reviewed(rr.sub_score, rr.review_sub_score)
    else:
        outcome, passed, sub_score = rr.outcome, rr.passed, rr.sub_score
    q = (
        select(
            rr.rubric,
            outcome,
            func.count(rr.id),
            func.count(passed),
            func.sum(case((passed.is_(True), 1), else_=0)),
            func.avg(sub_score),
            func.sum(rr.n_findings),
            func.sum(rr.n_review),
        )
        .join(CallRow, CallRow.score_id == rr.score_id)
        .where(*conds)
        .group_by(rr.rubric, outcome)
    )
    out: dict[str, dict[str, Any]] = {}
    sums: dict[str, float] = {}
    for rubric, outcome, n, counted, passed, mean, findings, review in s.execute(q):
        st = out.setdefault(
            rubric,
            {
                "n": 0,
                "counted": 0,
                "passed": 0,
                "pass_rate": None,
                "mean_score": None,
                "outcomes": {},
                "findings": 0,
                "confirmed_findings": 0,
                "review_findings": 0,
            },
        )
        st["n"] += int(n)
        st["counted"] += int(counted)
        st["passed"] += int(passed or 0)
        name = current_outcome(rubric, outcome)  # an old name counts with the current one
        st["outcomes"][name] = st["outcomes"].get(name, 0) + int(n)
        st["findings"] += int(findings or 0)
        st["review_findings"] += int(review or 0)
        st["confirmed_findings"] += int(findings or 0) - int(review or 0)
        if mean is not None:
            sums[rubric] = sums.get(rubric, 0.0) + float(mean) * int(counted)
    for rubric, st in out.items():
        if st["counted"]:
            st["pass_rate"] = round(st["passed"] / st["counted"], 4)
            st["mean_score"] = round(sums.get(rubric, 0.0) / st["counted"], 2)
        st["outcomes"] = dict(sorted(st["outcomes"].items()))
    return dict(sorted(out.items()))


def _pass_counts(
    s: Connection, conds: Sequence[Any], *, by_agent: bool
) -> list[tuple[str | None, str, int, int]]:
    """``(agent or None, item, passed, counted)`` over the current results of the calls
    matching ``conds``, grouped by item (and agent, with ``by_agent``). A result counts when it
    has a sub-score (``passed`` is not NULL) and passes when ``passed`` is true."""
    rr = RubricResultRow
    keys = (CallRow.agent_id, rr.rubric) if by_agent else (rr.rubric,)
    passed = _reviewed(rr.passed, rr.review_passed)
    q = (
        select(*keys, func.count(passed), func.sum(case((passed.is_(True), 1), else_=0)))
        .join(CallRow, CallRow.score_id == rr.score_id)
        .where(*conds)
        .group_by(*keys)
    )
    out = []
    for row in s.execute(q):
        agent, rubric = (row[0], row[1]) if by_agent else (None, row[0])
        counted, passed = row[-2], row[-1]
        out.append((agent, rubric, int(passed or 0), int(counted or 0)))
    return out


def _team_pass_rates(s: Connection, conds: Sequence[Any]) -> dict[str, float | None]:
    """Each item's pass rate over the calls matching ``conds`` (``None``: nothing counted)."""
    return {
        rubric: (round(passed / counted, 4) if counted else None)
        for _, rubric, passed, counted in _pass_counts(s, conds, by_agent=False)
    }
