"""Time zones: the site's zone (``$QA_TIMEZONE``), display zones, and call-time offsets.

Times are stored in UTC. What is local:

- the **site zone** (``$QA_TIMEZONE``, an IANA name such as ``Asia/Kuala_Lumpur``; default UTC)
  decides the week a call is counted in (``calls.week``, written at insert; after changing the
  zone, ``qa calls reweek`` recomputes it) and is the default display zone;
- a **display zone** (a page's choice, kept in a cookie; ``?tz=`` on the API) decides how times
  are shown and what a date in a ``from``/``to`` filter means (that day, local);
- a call keeps the UTC **offset** its time was given with at upload (``calls.tz_offset``,
  minutes east of UTC), so its own local time can be shown too.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from qa.errors import InputError

__all__ = [
    "ENV",
    "zone",
    "zone_name",
    "site_zone",
    "offset_minutes",
    "in_offset",
    "format_offset",
]

#: The environment variable naming the site's zone.
ENV = "QA_TIMEZONE"


@lru_cache(maxsize=256)
def _zone(name: str) -> tzinfo:
    if name.upper() in ("UTC", "Z", "ETC/UTC"):
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(
            f"unknown time zone {name!r} (use an IANA name such as Asia/Kuala_Lumpur or UTC)"
        ) from None


def zone(name: str | tzinfo | None) -> tzinfo:
    """The zone an IANA name names (``None`` or blank: UTC); :class:`~qa.errors.InputError`
    for an unknown name."""
    if isinstance(name, tzinfo):
        return name
    if name is None or not name.strip():
        return UTC
    return _zone(name.strip())


def zone_name(z: tzinfo) -> str:
    """An IANA name for ``z`` (``UTC`` for UTC)."""
    if z is UTC or z == UTC:
        return "UTC"
    return getattr(z, "key", None) or str(z)


def site_zone(name: str | None = None) -> tzinfo:
    """The site's zone: ``name``, else ``$QA_TIMEZONE``, else UTC (an unknown name is an
    :class:`~qa.errors.InputError` naming the variable)."""
    raw = name if name is not None else os.environ.get(ENV)
    try:
        return zone(raw)
    except InputError as exc:
        where = "" if name is not None else f"${ENV}: "
        raise InputError(f"{where}{exc}") from None


def offset_minutes(t: datetime | None) -> int | None:
    """The UTC offset of an aware ``t`` in minutes east (``None`` for a naive or no time)."""
    if t is None or t.tzinfo is None:
        return None
    off = t.utcoffset()
    return None if off is None else int(off.total_seconds() // 60)


def in_offset(t: datetime, minutes: int) -> datetime:
    """``t`` (aware; naive is UTC) at a fixed offset of ``minutes`` east of UTC."""
    if t.tzinfo is None:
        t = t.replace(tzinfo=UTC)
    return t.astimezone(timezone(timedelta(minutes=minutes)))


def format_offset(minutes: int | None) -> str:
    """``+08:00`` for 480; empty for ``None``."""
    if minutes is None:
        return ""
    sign = "+" if minutes >= 0 else "-"
    h, m = divmod(abs(minutes), 60)
    return f"{sign}{h:02d}:{m:02d}"
