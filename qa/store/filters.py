"""Periods and call filters shared by the call lists and the scorecards.

Dates: a date includes its whole UTC day; a date-time bound is inclusive. A naive date-time is
taken as UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from qa.errors import InputError
from qa.store.schema import CallRow

__all__ = [
    "When",
    "as_utc",
    "parse_when",
    "iso_week",
    "period",
    "call_filters",
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


def _lower_bound(value: When) -> datetime | None:
    v = parse_when(value, "date_from")
    if v is None:
        return None
    if isinstance(v, datetime):
        return as_utc(v)
    return datetime(v.year, v.month, v.day, tzinfo=UTC)


def _upper_bound(value: When) -> tuple[datetime, bool] | None:
    """(bound, inclusive). A date includes its whole day; a date-time is inclusive."""
    v = parse_when(value, "date_to")
    if v is None:
        return None
    if isinstance(v, datetime):
        return as_utc(v), True
    return datetime(v.year, v.month, v.day, tzinfo=UTC) + timedelta(days=1), False


def iso_week(t: datetime) -> str:
    """The ISO week of ``t``, as ``calls.week`` holds it: ``2026-W07``."""
    year, week, _ = t.isocalendar()
    return f"{year}-W{week:02d}"


def period(date_from: When, date_to: When) -> tuple[str, str]:
    """A period as a scorecard shows it: (from, to) as ISO strings, ``""`` where open."""

    def show(v: When) -> str:
        p = parse_when(v, "date")
        return "" if p is None else p.isoformat()

    return show(date_from), show(date_to)


def period_bounds(date_from: When, date_to: When) -> tuple[datetime | None, datetime | None]:
    """A period as (since, until) date-times, ``until`` exclusive: a date includes its whole
    UTC day, a date-time bound is inclusive (as in :func:`call_filters`)."""
    hi = _upper_bound(date_to)
    until = None
    if hi is not None:
        until = hi[0] + timedelta(microseconds=1) if hi[1] else hi[0]
    return _lower_bound(date_from), until


def call_filters(*, agent: str | None, date_from: When, date_to: When) -> list[Any]:
    """SQL conditions on ``calls``: one agent's (if given) in the period."""
    conds: list[Any] = []
    if agent is not None:
        conds.append(CallRow.agent_id == agent)
    lo = _lower_bound(date_from)
    if lo is not None:
        conds.append(CallRow.call_time >= lo)
    hi = _upper_bound(date_to)
    if hi is not None:
        bound, inclusive = hi
        conds.append(CallRow.call_time <= bound if inclusive else CallRow.call_time < bound)
    return conds


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
