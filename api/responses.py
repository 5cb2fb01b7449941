"""JSON responses rendered straight with :func:`json.dumps`.

FastAPI validates and re-encodes a returned ``dict`` through ``jsonable_encoder`` (several ms for
a scorecard with its worst calls' findings). The hot read endpoints return :class:`JSON` instead,
whose body is already plain data: only dates, times and paths need converting.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, tzinfo
from enum import Enum
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

from qa.names import clean_filename, safe_filename

__all__ = ["JSON", "localize", "content_disposition"]


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, set | frozenset):  # (tuples json.dumps writes itself)
        return list(value)
    return jsonable_encoder(value)  # anything rarer: FastAPI's own rules


class JSON(JSONResponse):
    """``application/json``, UTF-8, compact, without FastAPI's re-encoding pass."""

    def render(self, content: Any) -> bytes:
        return json.dumps(
            content, ensure_ascii=False, allow_nan=False, separators=(",", ":"), default=_default
        ).encode("utf-8")


def localize(content: Any, zone: tzinfo | None) -> Any:
    """``content`` with every aware date-time in it shown in ``zone`` (the same instants, e.g.
    ``2026-03-02T08:05:00+08:00``); ``None``: unchanged (UTC, as stored)."""
    if zone is None:
        return content
    if isinstance(content, datetime):
        return content.astimezone(zone) if content.tzinfo is not None else content
    if isinstance(content, dict):
        return {k: localize(v, zone) for k, v in content.items()}
    if isinstance(content, list | tuple):
        return [localize(v, zone) for v in content]
    return content


def content_disposition(kind: str, filename: str | None, default: str = "download") -> str:
    """A ``Content-Disposition`` value (``inline`` or ``attachment``) for a name a client may
    have chosen: only its last path component, a plain ASCII ``filename=`` and the full name
    as RFC 5987 ``filename*=`` (UTF-8), so neither can carry a path, quote or line break."""
    plain = safe_filename(filename, default)
    full = clean_filename(filename, default)
    return f"{kind}; filename=\"{plain}\"; filename*=UTF-8''{quote(full, safe='')}"
