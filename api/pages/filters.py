"""How the pages write values: times, clock positions, rates, scores, names (Jinja filters).

Rubric item names come from the rubric registry (:mod:`qa.rubrics.registry`), never from a
list kept here.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, date, datetime, tzinfo
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from qa.names import hide_paths
from qa.rubrics import outcome_words, page_labels, titles
from qa.timezones import format_offset, in_offset

__all__ = [
    "LANGUAGES",
    "FILTERS",
    "clock",
    "when",
    "own_time",
    "iso",
    "pct",
    "num",
    "score_class",
    "words",
    "rubric_title",
    "rubric_about",
    "no_paths",
]

LANGUAGES = {"en": "English", "zh": "Mandarin Chinese", "ko": "Korean", "ms": "Malay"}


def clock(seconds: Any, precise: bool = False) -> str:
    """Seconds from the call start as ``m:ss`` (``m:ss.s`` when ``precise``), ``h:mm:ss`` past an hour."""
    try:
        s = float(seconds)
    except (TypeError, ValueError):
        return ""
    if not math.isfinite(s):
        return ""
    s = max(0.0, s)
    if precise:
        tenths = int(round(s * 10))
        whole, frac = divmod(tenths, 10)
    else:
        whole, frac = int(round(s)), None
    h, rest = divmod(whole, 3600)
    m, sec = divmod(rest, 60)
    text = f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"
    return text + (f".{frac}" if frac is not None else "")


def _zone_label(t: datetime) -> str:
    """``UTC``, or the zone's abbreviation (``CET``), or its offset (``+08:00``)."""
    name = t.tzname() or ""
    if name in ("UTC", "UTC+00:00"):
        return "UTC"
    if name and name[0].isalpha():
        return name
    offset = t.utcoffset()
    return name if offset is None else format_offset(int(offset.total_seconds() // 60))


def when(value: Any, with_time: bool = True, zone: tzinfo = UTC) -> str:
    """A stored time in ``zone`` as ``2026-03-02 10:00 UTC`` (``2026-03-02 18:00 +08:00``)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(zone)
        if not with_time:
            return value.strftime("%Y-%m-%d")
        return value.strftime("%Y-%m-%d %H:%M ") + _zone_label(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@pass_context
def _when_here(ctx: Context, value: Any, with_time: bool = True) -> str:
    """:func:`when` in the page's display zone (the context's ``tz``)."""
    return when(value, with_time, ctx.get("tz") or UTC)


def own_time(value: Any, minutes: int | None) -> str:
    """A call's time at the UTC offset it was given with (``2026-03-02 08:05 +08:00``);
    empty when it was given without one."""
    if minutes is None or not isinstance(value, datetime):
        return ""
    t = in_offset(value, minutes)
    return t.strftime("%Y-%m-%d %H:%M ") + format_offset(minutes)


def iso(value: Any) -> str:
    """A machine-readable time for ``<time datetime=…>``."""
    if isinstance(value, datetime):
        return (
            value.astimezone(UTC).isoformat().replace("+00:00", "Z")
            if value.tzinfo
            else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    return str(value or "")


def pct(value: Any) -> str:
    """A 0–1 rate as a whole percentage; ``–`` when there is none."""
    if value is None:
        return "–"
    return f"{float(value) * 100:.0f}%"


def num(value: Any, digits: int = 0) -> str:
    """A number with ``digits`` decimals; ``–`` when there is none."""
    if value is None:
        return "–"
    return f"{float(value):.{digits}f}"


def score_class(score: Any) -> str:
    """A call or item score's colour class: good ≥ 80, fair ≥ 50, poor below, none unjudged."""
    if score is None:
        return "none"
    s = float(score)
    return "good" if s >= 80 else ("fair" if s >= 50 else "poor")


def words(name: Any) -> str:
    """An outcome, finding kind or metric as words (``apology_first`` → ``apology first``);
    empty for ``None``."""
    return outcome_words(str(name or ""))


def rubric_title(name: str) -> str:
    """A rubric item's title as registered; an unknown item's name in words, capitalised."""
    return titles().get(name) or words(name).capitalize()


def rubric_about(name: str) -> str:
    """What a registered rubric item asks of the agent; empty for an unknown item."""
    return page_labels().get(name, ("", "", ""))[2]


def no_paths(text: Any) -> str:
    """A stored message as a page shows it: no server paths (see :func:`qa.names.hide_paths`)."""
    return hide_paths(str(text)) if text else ""


FILTERS: dict[str, Callable[..., str]] = {
    "no_paths": no_paths,
    "clock": clock,
    "when": _when_here,
    "own_time": own_time,
    "iso": iso,
    "pct": pct,
    "num": num,
    "score_class": score_class,
    "words": words,
}
