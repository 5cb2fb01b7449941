"""Archives of recordings: which files a batch scores and what is known about each.

Recordings come from folders (walked for audio files) and/or a CSV manifest (one row per file:
agent, call time, channel layout, language…); a file-name pattern such as
``{agent}_{date}_{id}.wav`` fills in what the manifest does not say. A row or file that cannot
be used is a :class:`Problem` naming its manifest line, never an exception that stops the
others. Files with identical bytes are found (hashing only files of equal size) so that they are
scored once. :func:`discover` puts it together for :func:`qa.batch.run_batch`.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from qa.errors import InputError
from qa.names import agent_id_problem

__all__ = [
    "AUDIO_EXTENSIONS",
    "UNKNOWN_AGENT",
    "BatchItem",
    "Problem",
    "Discovery",
    "NamePattern",
    "discover",
    "read_manifest",
    "parse_call_time",
]

log = logging.getLogger(__name__)

#: File extensions picked up when a folder is walked (a file named explicitly is always taken).
AUDIO_EXTENSIONS = frozenset(
    ".wav .wave .mp3 .flac .ogg .oga .opus .m4a .mp4 .aac .wma .amr .webm .mka .aif .aiff .au "
    ".caf .gsm .vox .3gp".split()
)
UNKNOWN_AGENT = "unknown"
_LAYOUTS = {
    "": (None, None),
    "auto": ("auto", None),
    "mono": ("mono", None),
    "stereo": ("stereo", None),
    "agent-left": ("stereo", 0),
    "agent-right": ("stereo", 1),
    "agent-0": ("stereo", 0),
    "agent-1": ("stereo", 1),
}


# --- what a batch is made of -------------------------------------------------------------------


@dataclass(frozen=True)
class BatchItem:
    """One recording to score, with the metadata found for it.

    ``where`` says where it came from (``manifest line 4``, ``file name``, ``folder``); ``layout``
    / ``agent_channel`` / ``language`` override the batch's pipeline options for this call.
    """

    path: str
    agent_id: str | None = None
    agent_name: str | None = None
    call_time: datetime | None = None
    call_time_source: str | None = None
    layout: str | None = None
    agent_channel: int | str | None = None  # 0, 1 or "auto"
    language: str | None = None
    queue: str | None = None
    customer_ref: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    where: str = "folder"
    size: int = 0


@dataclass(frozen=True)
class Problem:
    """A manifest row or file that cannot be scored as given (``where``: ``manifest line 7``)."""

    path: str | None
    where: str
    error: str


@dataclass(frozen=True)
class Discovery:
    """What :func:`discover` found: the items to score and what could not be used.

    ``duplicates`` pairs each file whose bytes equal an earlier item's with that item's path;
    ``unmatched`` lists files whose names did not fit the name pattern (scored as ``unknown``).
    """

    items: tuple[BatchItem, ...]
    problems: tuple[Problem, ...] = ()
    duplicates: tuple[tuple[BatchItem, str], ...] = ()
    unmatched: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        """Every file and row the batch accounts for."""
        return len(self.items) + len(self.problems) + len(self.duplicates)


# --- discovery ---------------------------------------------------------------------------------

_MANIFEST_COLUMNS: dict[str, tuple[str, ...]] = {
    "path": ("path", "file", "filename", "file_name", "audio", "recording"),
    "agent_id": ("agent_id", "agent", "agentid"),
    "agent_name": ("agent_name",),
    "call_time": ("call_time", "time", "datetime", "date", "start_time", "started_at", "timestamp"),
    "channel_layout": ("channel_layout", "layout", "channels"),
    "agent_channel": ("agent_channel",),
    "language": ("language", "language_hint", "lang"),
    "queue": ("queue",),
    "customer_ref": ("customer_ref", "customer", "customer_id"),
}
_ALIASES = {alias: name for name, aliases in _MANIFEST_COLUMNS.items() for alias in aliases}
# File-name pattern fields with their own meaning; any other {field} is kept in the call's meta.
_PATTERN_FIELDS = {
    "agent": "agent_id",
    "agent_id": "agent_id",
    "agent_name": "agent_name",
    "date": "date",
    "time": "time",
    "datetime": "call_time",
    "call_time": "call_time",
    "language": "language",
    "lang": "language",
    "layout": "channel_layout",
    "channel_layout": "channel_layout",
    "agent_channel": "agent_channel",
    "queue": "queue",
    "customer": "customer_ref",
    "customer_ref": "customer_ref",
}
_FIELD_REGEX = {
    "date": r"\d{4}[-_.]?\d{2}[-_.]?\d{2}",
    "time": r"\d{2}[-_.:h]?\d{2}(?:[-_.:m]?\d{2})?",
    "call_time": r"\d{4}[-_.]?\d{2}[-_.]?\d{2}[-_T ]?\d{2}[-_.:]?\d{2}(?:[-_.:]?\d{2})?",
    "agent_channel": r"[01]|auto",
}


def _norm_header(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


def _zone(name: str | tzinfo | None) -> tzinfo:
    if name is None or isinstance(name, tzinfo):
        return name or UTC
    if name.upper() in ("UTC", "Z"):
        return UTC
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(f"unknown time zone {name!r} (use a name such as Europe/London)") from None


_TIME_FORMATS = (
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
    "%Y-%m-%d_%H-%M-%S",
    "%Y-%m-%d_%H-%M",
    "%Y%m%d_%H%M%S",
    "%Y%m%d-%H%M%S",
    "%Y%m%d_%H%M",
    "%Y-%m-%d %H.%M.%S",
)


def parse_call_time(text: str, zone: str | tzinfo | None = None) -> datetime:
    """A call time from ISO 8601 (``2026-02-14T09:30:00Z``, ``2026-02-14 09:30``,
    ``20260214T093000``, ``2026-02-14``) or a file-name form (``2026-02-14_09-30-00``,
    ``20260214_093000``). A time without a UTC offset is in ``zone`` (default UTC). The time
    keeps its offset (or ``zone``'s), so the call records the offset it was given with."""
    s = text.strip()
    if not s:
        raise ValueError("empty")
    when: datetime | None = None
    try:
        when = datetime.fromisoformat(s.replace(" ", "T", 1) if re.match(r"\d{4}-\d{2}-\d{2} ", s) else s)
    except ValueError:
        for fmt in _TIME_FORMATS:
            try:
                when = datetime.strptime(s, fmt)
                break
            except ValueError:
                continue
    if when is None:
        raise ValueError(f"{text!r} is not a date/time (use ISO 8601, e.g. 2026-02-14T09:30:00)")
    if when.tzinfo is None:
        when = when.replace(tzinfo=_zone(zone))
    return when


def _date_and_time(date_s: str | None, time_s: str | None) -> str | None:
    """Join separate ``{date}`` and ``{time}`` pattern fields into one parseable string."""
    if not date_s:
        return None
    d = re.sub(r"[-_.]", "", date_s)
    if len(d) != 8 or not d.isdigit():
        return date_s
    out = f"{d[:4]}-{d[4:6]}-{d[6:]}"
    if time_s:
        t = re.sub(r"[-_.:hm]", "", time_s)
        if len(t) in (4, 6) and t.isdigit():
            out += f"T{t[:2]}:{t[2:4]}" + (f":{t[4:]}" if len(t) == 6 else "")
        else:
            return f"{date_s} {time_s}"
    return out


def _item_fields(
    raw: Mapping[str, str | None], *, zone: tzinfo
) -> tuple[dict[str, Any], list[str]]:
    """Validated item fields from manifest/pattern values; the list holds what is wrong."""
    errors: list[str] = []
    out: dict[str, Any] = {}
    agent = (raw.get("agent_id") or "").strip()
    if agent:
        if (problem := agent_id_problem(agent)) is not None:
            errors.append(f"agent id {agent[:40]!r} {problem}")
        else:
            out["agent_id"] = agent
    if (raw.get("agent_name") or "").strip():
        out["agent_name"] = str(raw["agent_name"]).strip()[:256]
    when = (raw.get("call_time") or "").strip() or _date_and_time(raw.get("date"), raw.get("time"))
    if when:
        try:
            out["call_time"] = parse_call_time(when, zone)
        except ValueError as exc:
            errors.append(f"call time: {exc}")
    layout_s = (raw.get("channel_layout") or "").strip().lower().replace("_", "-")
    layout_s = layout_s.removeprefix("stereo-") if layout_s != "stereo" else layout_s
    if layout_s not in _LAYOUTS:
        errors.append(
            f"channel layout {raw.get('channel_layout')!r} is not one of auto, mono, stereo, "
            "stereo-agent-left, stereo-agent-right"
        )
    else:
        layout, channel = _LAYOUTS[layout_s]
        if layout:
            out["layout"] = layout
        if channel is not None:
            out["agent_channel"] = channel
    ch = (raw.get("agent_channel") or "").strip().lower()
    if ch:
        named: dict[str, int | str] = {"0": 0, "1": 1, "left": 0, "right": 1, "auto": "auto"}
        if ch not in named:
            errors.append(
                f"agent channel {raw.get('agent_channel')!r} must be 0 (left), 1 (right) or auto"
            )
        elif out.get("layout") == "mono":
            errors.append("agent channel is given but the layout is mono")
        else:
            out["agent_channel"] = named[ch]
    lang = (raw.get("language") or "").strip()
    if lang:
        from qa.pipeline import PipelineOptions

        try:
            out["language"] = PipelineOptions(language=lang).language
        except InputError as exc:
            errors.append(str(exc))
    for name, limit in (("queue", 128), ("customer_ref", 256)):
        value = (raw.get(name) or "").strip()
        if value:
            out[name] = value[:limit]
    return out, errors


def _file_error(p: Path) -> str | None:
    try:
        st = p.stat()
    except FileNotFoundError:
        return f"no such file: {p}"
    except OSError as exc:
        return f"cannot read {p}: {exc.strerror or exc}"
    if p.is_dir():
        return f"{p} is a folder, not a recording"
    if not os.access(p, os.R_OK):
        return f"cannot read {p}: permission denied"
    if st.st_size == 0:
        return f"{p} is empty (0 bytes)"
    return None


def read_manifest(
    path: str | os.PathLike[str], *, timezone: str | tzinfo | None = None
) -> tuple[list[BatchItem], list[Problem]]:
    """The items of a CSV manifest, and one :class:`Problem` per row that cannot be used.

    The header names the columns (case and spaces do not matter): ``path`` (required; relative
    paths are relative to the manifest's folder), ``agent_id``, ``agent_name``, ``call_time``,
    ``channel_layout`` (``auto``, ``mono``, ``stereo``, ``stereo-agent-left``,
    ``stereo-agent-right``), ``agent_channel`` (0 or 1), ``language``, ``queue``,
    ``customer_ref``; any other column is kept in the call's meta. Comma, semicolon or tab
    separated, UTF-8 (a byte-order mark is fine). Raises :class:`~qa.errors.InputError` only when
    the file as a whole cannot be read.
    """
    mp = Path(path)
    zone = _zone(timezone)
    try:
        text = mp.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"manifest {mp}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"manifest {mp} is a folder, not a CSV file") from None
    except UnicodeDecodeError:
        raise InputError(f"manifest {mp}: not UTF-8 text (save the CSV as UTF-8)") from None
    except OSError as exc:
        raise InputError(f"manifest {mp}: cannot read it ({exc.strerror or exc})") from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"manifest {mp} is empty: it needs a header row naming a 'path' column") from None
    except csv.Error as exc:
        raise InputError(f"manifest {mp}: line 1: {exc}") from None
    names = [_ALIASES.get(_norm_header(h), _norm_header(h)) for h in header]
    if "path" not in names:
        raise InputError(
            f"manifest {mp}: no 'path' column in the header ({', '.join(h.strip() for h in header)})"
        )
    dupes = sorted({n for n in names if names.count(n) > 1 and n})
    if dupes:
        raise InputError(f"manifest {mp}: the header names {', '.join(dupes)} more than once")
    base = mp.resolve().parent
    items: list[BatchItem] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(None, f"manifest line {reader.line_num}", f"not valid CSV: {exc}"))
            continue
        line = reader.line_num
        where = f"manifest line {line}"
        if not row or all(not c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        if len(row) != len(names):
            problems.append(
                Problem(None, where, f"{len(row)} fields, but the header has {len(names)}")
            )
            continue
        values = dict(zip(names, row, strict=True))
        rel = values["path"].strip()
        if not rel:
            problems.append(Problem(None, where, "no path"))
            continue
        p = Path(rel).expanduser()
        p = (p if p.is_absolute() else base / p).resolve()
        key = str(p)
        if key in seen:
            problems.append(Problem(key, where, f"the same file as manifest line {seen[key]}"))
            continue
        seen[key] = line
        fields, errors = _item_fields(values, zone=zone)
        missing = _file_error(p)
        if missing:
            errors.insert(0, missing)
        if errors:
            problems.append(Problem(key, where, "; ".join(errors)))
            continue
        extra = {k: v for k, v in values.items() if k not in _MANIFEST_COLUMNS and k and v.strip()}
        items.append(
            BatchItem(
                path=key,
                meta={"manifest": extra} if extra else {},
                where=where,
                call_time_source="manifest" if "call_time" in fields else None,
                size=p.stat().st_size,
                **fields,
            )
        )
    return items, problems


class NamePattern:
    """Metadata from file names: ``{agent}_{date}_{id}.wav``, ``{queue}/{agent}-{datetime}.*``.

    Fields: ``agent``, ``date``, ``time``, ``datetime``, ``language``, ``layout``,
    ``agent_channel``, ``queue``, ``customer``; any other name (``{id}``) is kept in the call's
    meta. ``*`` matches anything. A pattern with ``/`` is matched against that many trailing path
    components. Matching ignores case.
    """

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        if not pattern.strip():
            raise InputError("the name pattern is empty")
        parts: list[str] = []
        self.fields: list[str] = []
        pos = 0
        for m in re.finditer(r"\{([^{}]*)\}|\*|\?", pattern):
            parts.append(re.escape(pattern[pos : m.start()]))
            pos = m.end()
            token = m.group(0)
            if token == "*":
                parts.append(r"[^/]*?")
                continue
            if token == "?":
                parts.append(r"[^/]")
                continue
            name = m.group(1).strip().lower()
            if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
                raise InputError(f"name pattern {pattern!r}: {{{m.group(1)}}} is not a field name")
            if name in self.fields:
                raise InputError(f"name pattern {pattern!r}: {{{name}}} appears twice")
            self.fields.append(name)
            meaning = _PATTERN_FIELDS.get(name, name)
            parts.append(f"(?P<{name}>{_FIELD_REGEX.get(meaning, r'[^/]+?')})")
        parts.append(re.escape(pattern[pos:]))
        if "{" in pattern[pos:] or "}" in pattern[pos:]:
            raise InputError(f"name pattern {pattern!r}: unbalanced braces")
        if not self.fields:
            raise InputError(f"name pattern {pattern!r} has no {{field}}: e.g. '{{agent}}_{{date}}_{{id}}.wav'")
        self.regex = re.compile("".join(parts), re.IGNORECASE)
        self.depth = pattern.count("/") + 1

    def match(self, path: str | os.PathLike[str]) -> dict[str, str] | None:
        """The fields of ``path`` (keyed by meaning: ``agent_id``, ``date``…), or ``None``."""
        tail = "/".join(Path(path).parts[-self.depth :])
        m = self.regex.fullmatch(tail)
        if m is None:
            return None
        return {_PATTERN_FIELDS.get(k, k): v for k, v in m.groupdict().items()}


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, onerror=lambda e: log.warning("cannot list %s", e)):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in AUDIO_EXTENSIONS:
                found.append(Path(folder) / name)
    return found


def _dedupe(items: list[BatchItem]) -> tuple[list[BatchItem], list[tuple[BatchItem, str]]]:
    """Drop files whose bytes equal an earlier item's (only same-size files are hashed)."""
    from qa.audio import file_sha256

    by_size: dict[int, list[int]] = {}
    for i, it in enumerate(items):
        by_size.setdefault(it.size, []).append(i)
    drop: dict[int, str] = {}
    for group in by_size.values():
        if len(group) < 2:
            continue
        first: dict[str, int] = {}
        for i in group:
            try:
                sha = file_sha256(items[i].path)
            except OSError:
                continue  # score_file reports it
            if sha in first:
                drop[i] = items[first[sha]].path
            else:
                first[sha] = i
    kept = [it for i, it in enumerate(items) if i not in drop]
    return kept, [(items[i], original) for i, original in sorted(drop.items())]


def discover(
    paths: Sequence[str | os.PathLike[str]] = (),
    *,
    manifest: str | os.PathLike[str] | None = None,
    name_pattern: str | NamePattern | None = None,
    timezone: str | tzinfo | None = None,
) -> Discovery:
    """The recordings to score and their metadata.

    ``paths`` are files or folders (walked recursively for audio files; hidden ones skipped).
    ``manifest`` rows come first, with their metadata; a file under ``paths`` that the manifest
    also lists is taken once, with the manifest's metadata. ``name_pattern`` fills what the
    manifest does not say from file names. Times without a UTC offset are in ``timezone``
    (default UTC); without any time the file's modification time is used. A path that does not
    exist is an :class:`~qa.errors.InputError`; a bad manifest row is a :class:`Problem`.
    """
    zone = _zone(timezone)
    pattern = NamePattern(name_pattern) if isinstance(name_pattern, str) else name_pattern
    items: list[BatchItem] = []
    problems: list[Problem] = []
    if manifest is not None:
        items, problems = read_manifest(manifest, timezone=zone)
    listed = {it.path for it in items} | {p.path for p in problems if p.path}
    for raw in paths:
        p = Path(raw).expanduser()
        if not p.exists():
            raise InputError(f"{p}: no such file or folder")
        files = _walk(p) if p.is_dir() else [p]
        if p.is_dir() and not files:
            log.warning("%s: no audio files in this folder", p)
        for f in files:
            key = str(f.resolve())
            if key in listed:
                continue
            listed.add(key)
            try:
                size = f.stat().st_size
            except OSError:
                size = -1
            items.append(BatchItem(path=key, where="file" if f == p else "folder", size=size))
    if not items and not problems:
        where = ", ".join(str(p) for p in paths) or str(manifest)
        raise InputError(
            f"no audio files found in {where} (looked for {', '.join(sorted(AUDIO_EXTENSIONS))})"
        )
    items, duplicates = _dedupe(items)
    unmatched: list[str] = []
    if pattern is not None:
        named: list[BatchItem] = []
        for it in items:
            fields = pattern.match(it.path)
            if fields is None:
                if it.agent_id is None:
                    unmatched.append(it.path)
                named.append(it)
                continue
            got, errors = _item_fields(fields, zone=zone)
            if errors:
                problems.append(Problem(it.path, "file name", "; ".join(errors)))
                continue
            extra = {k: v for k, v in fields.items() if k not in _MANIFEST_COLUMNS and k not in ("date", "time")}
            own = {k: v for k, v in asdict(it).items() if v not in (None, {}) and k in got}
            merged = {**got, **own}  # what the manifest says wins over the name
            source = it.call_time_source or ("file name" if "call_time" in got else None)
            meta = {**it.meta, "name": extra} if extra else it.meta
            named.append(replace(it, **merged, meta=meta, call_time_source=source))
        items = named
    return Discovery(tuple(items), tuple(problems), tuple(duplicates), tuple(unmatched))
