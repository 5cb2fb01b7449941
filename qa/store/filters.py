"""Periods and call filters shared by the call lists and the scorecards.

Dates: a date includes its whole day in the zone given (the caller's display zone; default
UTC); a date-time bound is inclusive, and a naive one is in that zone too.

Teams: ``teams`` ``None`` is every call; a tuple of team ids only the calls of agents in those
teams (an empty tuple: none).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import select

from qa.errors import InputError
from qa.store.schema import Agent, CallRow

__all__ = [
    "When",
    "as_utc",
    "parse_when",
    "iso_week",
    "period",
    "call_filters",
    "time_filters",
    "in_teams",
    "team_agents",
    "local_day_start",
    "period_bounds",
    "flagged",
    "not_flagged",
    "round_or_none",
]

#: A period bound as callers give it: a date, a date-time, an ISO string, or nothing.
When = date | datetime | str | None


def as_utc(value: datetime) -> datetime:
    """``value`` as an aware UTC date-time (a naive one is taken to be UTC already)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def parse_when(value: When, name: str) -> date | datetime | None:
    """A date or date-time from a date, a date-time or an ISO string (``InputError`` naming
    ``name`` otherwise)."""
    if value is None or isinstance(value, (date, datetime)):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
        except ValueError:
            raise InputError(f"{name}: {value!r} is not an ISO date or date-time") from None
    raise InputError(f"{name}: expected a date or date-time, got {type(value).__name__}")


def local_day_start(day: date, zone: tzinfo = UTC) -> datetime:
    """The UTC instant ``day`` starts at in ``zone``."""
    return datetime(day.year, day.month, day.day, tzinfo=zone).astimezone(UTC)


def _instant(v: datetime, zone: tzinfo) -> datetime:
    return (v.replace(tzinfo=zone) if v.tzinfo is None else v).astimezone(UTC)


def _lower_bound(value: When, zone: tzinfo = UTC) -> datetime | None:
    v = parse_when(value, "date_from")
    if v is None:
        return None
    if isinstance(v, datetime):
        return _instant(v, zone)
    return local_day_start(v, zone)


def _upper_bound(value: When, zone: tzinfo = UTC) -> tuple[datetime, bool] | None:
    """(bound, inclusive). A date includes its whole (local) day; a date-time is inclusive."""
    v = parse_when(value, "date_to")
    if v is None:
        return None
    if isinstance(v, datetime):
        return _instant(v, zone), True
    return local_day_start(v + timedelta(days=1), zone), False


def iso_week(t: datetime, zone: tzinfo = UTC) -> str:
    """The ISO week of ``t`` (naive: UTC) in ``zone``, as ``calls.week`` holds it (in the site's
    zone): ``2026-W07``."""
    year, week, _ = as_utc(t).astimezone(zone).isocalendar()
    return f"{year}-W{week:02d}"


def period(date_from: When, date_to: When) -> tuple[str, str]:
    """A period as a scorecard shows it: (from, to) as ISO strings, ``""`` where open."""

    def show(v: When) -> str:
        p = parse_when(v, "date")
        return "" if p is None else p.isoformat()

    return show(date_from), show(date_to)


def period_bounds(
    date_from: When, date_to: When, zone: tzinfo = UTC
) -> tuple[datetime | None, datetime | None]:
    """A period as (since, until) date-times, ``until`` exclusive: a date includes its whole
    day in ``zone``, a date-time bound is inclusive (as in :func:`call_filters`)."""
    hi = _upper_bound(date_to, zone)
    until = None
    if hi is not None:
        until = hi[0] + timedelta(microseconds=1) if hi[1] else hi[0]
    return _lower_bound(date_from, zone), until


def time_filters(column: Any, date_from: When, date_to: When, zone: tzinfo = UTC) -> list[Any]:
    """SQL conditions putting a time ``column`` in the period (by the rules above; dates are
    days in ``zone``)."""
    conds: list[Any] = []
    lo = _lower_bound(date_from, zone)
    if lo is not None:
        conds.append(column >= lo)
    hi = _upper_bound(date_to, zone)
    if hi is not None:
        bound, inclusive = hi
        conds.append(column <= bound if inclusive else column < bound)
    return conds


def team_agents(teams: tuple[str, ...]) -> Any:
    """``SELECT id FROM agents WHERE team_id IN teams``."""
    return select(Agent.id).where(Agent.team_id.in_(teams))


def in_teams(teams: tuple[str, ...] | None) -> list[Any]:
    """SQL conditions on ``calls``: the calls of agents in ``teams`` (``None``: no condition)."""
    if teams is None:
        return []
    return [CallRow.agent_id.in_(team_agents(tuple(teams)))]


def call_filters(
    *,
    agent: str | None,
    date_from: When,
    date_to: When,
    teams: tuple[str, ...] | None = None,
    zone: tzinfo = UTC,
) -> list[Any]:
    """SQL conditions on ``calls``: one agent's (if given) in the period (dates: days in
    ``zone``), of agents in ``teams`` (``None``: any)."""
    conds: list[Any] = in_teams(teams)
    if agent is not None:
        conds.append(CallRow.agent_id == agent)
    return conds + time_filters(CallRow.call_time, date_from, date_to, zone)


def flagged() -> Any:
    """Calls whose current score flags the transcript for review."""
    return CallRow.needs_review.is_(True)


def not_flagged() -> Any:
    """The other calls: unflagged, unscored, or scored before quality was recorded."""
    # NULL (no quality record) is not flagged; `IS NOT TRUE` keeps the NULLs on both backends.
    return CallRow.needs_review.is_not(True)


def round_or_none(x: float | None, nd: int = 2) -> float | None:
    """``x`` rounded to ``nd`` places; ``None`` stays ``None``."""
    return None if x is None else round(float(x), nd)
