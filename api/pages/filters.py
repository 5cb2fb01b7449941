"""How the pages write values: times, clock positions, rates, scores, names (Jinja filters).

Rubric item names come from the rubric registry (:mod:`qa.rubrics.registry`), never from a
list kept here.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from qa.names import hide_paths
from qa.rubrics import outcome_words, page_labels, titles

__all__ = [
    "LANGUAGES",
    "FILTERS",
    "clock",
    "when",
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


def when(value: Any, with_time: bool = True) -> str:
    """A stored time as ``2026-03-02 10:00 UTC``."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.strftime("%Y-%m-%d %H:%M UTC" if with_time else "%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


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
    "when": when,
    "iso": iso,
    "pct": pct,
    "num": num,
    "score_class": score_class,
    "words": words,
}
