"""Names that come from users and end up in URLs, file names and headers: one rule each.

:func:`check_agent_id` is the one check of an agent id, used by every way a call comes in (the
upload route, batch manifests and file-name patterns, ``qa score --agent``, and
:func:`qa.ingest.ingest` itself). An agent id is part of page and API paths
(``/agents/{id}``) and of export file names, so it must not contain what those cannot carry.
:func:`safe_filename` turns a file name a client sent into one safe to send back.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from qa.errors import InputError

__all__ = [
    "AGENT_ID_MAX",
    "check_agent_id",
    "agent_id_problem",
    "clean_filename",
    "safe_filename",
    "hide_paths",
]

AGENT_ID_MAX = 128


def agent_id_problem(agent_id: str) -> str | None:
    """What is wrong with ``agent_id`` (already stripped), or ``None`` when it is usable."""
    if not agent_id:
        return "is required"
    if len(agent_id) > AGENT_ID_MAX:
        return f"is longer than {AGENT_ID_MAX} characters"
    if "/" in agent_id or "\\" in agent_id:
        return "may not contain '/' or '\\'"
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in agent_id):
        return "may not contain control characters (tabs, line breaks …)"
    if agent_id.startswith("."):
        return "may not start with '.'"
    return None


def check_agent_id(agent_id: str | None, *, field: str = "agent_id") -> str:
    """``agent_id`` without surrounding spaces; :class:`~qa.errors.InputError` (a 422 from the
    API, exit status 2 from the CLI) naming ``field`` and the rule when it is not usable:
    empty, longer than 128 characters, with ``/``, ``\\`` or a control character, or starting
    with ``.``."""
    value = (agent_id or "").strip()
    problem = agent_id_problem(value)
    if problem is not None:
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise InputError(f"{field}: {problem} (got {shown!r})" if value else f"{field}: {problem}")
    return value


_UNSAFE = re.compile(r"[^A-Za-z0-9._ ()+\-]")


def clean_filename(name: str | None, default: str = "download") -> str:
    """The last component of ``name`` (either slash), without control characters, quotes or
    leading dots, at most 120 characters; ``default`` when nothing is left. Other Unicode is
    kept. ``../../tmp/x.wav`` → ``x.wav``."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(
        "_" if unicodedata.category(ch)[0] == "C" or ch in "\"'`;" else ch for ch in base
    ).strip(" .")
    if len(base) > 120:
        stem, dot, ext = base.rpartition(".")
        base = (stem[: 120 - len(ext) - 1] + "." + ext) if dot and len(ext) <= 10 else base[:120]
    return base or default


def safe_filename(name: str | None, default: str = "download") -> str:
    """:func:`clean_filename` in printable ASCII only (accents dropped, anything else ``_``),
    for the plain ``filename=`` of a ``Content-Disposition`` header."""
    base = unicodedata.normalize("NFKD", clean_filename(name, default))
    base = "".join(ch for ch in base if unicodedata.category(ch) != "Mn")
    base = _UNSAFE.sub("_", base).strip(" .")
    return base if base.strip("_.") else default


# An absolute path (POSIX, or Windows with a drive letter) of at least two components.
_ABS_PATH = re.compile(
    r"(?<![\w.:/\\])(?:[A-Za-z]:)?[\\/](?:[^\s\"'<>|\\/]+[\\/])+([^\s\"'<>|\\/]*)"
)
_PATH_KEYS = ("path", "dir", "directory", "file_path")


def _path_key(key: object) -> bool:
    k = str(key).lower()
    return k in _PATH_KEYS or k.endswith(("_path", "_dir", "_directory"))


def hide_paths(value: Any) -> Any:
    """``value`` with nothing that says where the server keeps files: keys named ``path``,
    ``*_path`` or ``*_dir`` are dropped from mappings (at any depth), and an absolute path
    inside text is cut to its last component (``/srv/qa/data/audio/ab/cd.wav`` → ``cd.wav``).
    For what responses and pages show of stored metadata and error messages."""
    if isinstance(value, Mapping):
        return {k: hide_paths(v) for k, v in value.items() if not _path_key(k)}
    if isinstance(value, list | tuple):
        return [hide_paths(v) for v in value]
    if isinstance(value, str) and ("/" in value or "\\" in value):
        return _ABS_PATH.sub(lambda m: m.group(1) or "…", value)
    return value
