"""Correcting and erasing calls: metadata edits, deletions and the retention purge.

Each change is one transaction with its audit entry (:func:`qa.store.audit.add_entry`) and the
running totals (:mod:`qa.store.totals`): a call moved to another agent or day leaves the old
agent's and day's totals and joins the new ones; a deleted call leaves them. A deleted call's
recording files (the original and any redacted copy its meta names) are removed only after the
commit, so a file that cannot be removed never leaves the database half-deleted (it is logged
and reported; the next upload of the same bytes adopts it as a new recording).

The audit entry of a deletion keeps no content: the agent, the call time and how many rows of
each kind went.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime, tzinfo
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from qa.errors import InputError
from qa.names import check_agent_id
from qa.store import totals
from qa.store.audit import add_entry
from qa.store.errors import NotFound
from qa.store.files import RecordingFiles
from qa.store.filters import as_utc, iso_week
from qa.store.records import Actor, CallEdit, DeletedCall, PurgeSummary
from qa.store.schema import (
    Agent,
    AuditEntry,
    CallRow,
    Dispute,
    Job,
    Recording,
    Review,
    RubricResultRow,
    ScoreRow,
    Transcript,
)
from qa.timezones import offset_minutes

__all__ = [
    "EDITABLE",
    "DEPENDENTS",
    "edit_call",
    "delete_call",
    "calls_older_than",
    "call_edits",
]

log = logging.getLogger(__name__)

#: The metadata a call's edit may change, with the most characters each may have.
EDITABLE: dict[str, int] = {"agent_id": 128, "call_time": 0, "queue": 128, "customer_ref": 256}

#: The tables whose rows belong to one call (``call_id``), deleted with it, children first.
#: A new table that refers to calls belongs here.
DEPENDENTS: tuple[tuple[str, Any], ...] = (
    ("reviews", Review),
    ("disputes", Dispute),
    ("rubric_results", RubricResultRow),
    ("scores", ScoreRow),
    ("transcripts", Transcript),
    ("jobs", Job),
)


def _actor(by: Actor | None) -> dict[str, Any]:
    return {"key_id": by.key_id, "role": by.role} if by is not None else {}


def _shown(value: Any) -> Any:
    """A value as the audit log keeps it (JSON): times as ISO strings."""
    return as_utc(value).isoformat() if isinstance(value, datetime) else value


def _clean(changes: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise InputError(
            f"cannot edit {', '.join(unknown)}: a call's editable fields are " + ", ".join(EDITABLE)
        )
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "agent_id":
            if not isinstance(value, str) or not value.strip():
                raise InputError("agent_id: an agent id is required")
            value = check_agent_id(value)
        elif name == "call_time":
            if not isinstance(value, datetime):
                raise InputError("call_time: expected a date-time")
            value = as_utc(value)
        elif value is not None:
            if not isinstance(value, str):
                raise InputError(f"{name}: expected text")
            value = value.strip() or None  # an empty value clears the field
        if isinstance(value, str) and len(value) > EDITABLE[name]:
            raise InputError(f"{name}: at most {EDITABLE[name]} characters")
        out[name] = value
    return out


def edit_call(
    s: Session,
    call_id: str,
    changes: Mapping[str, Any],
    *,
    by: Actor | None = None,
    zone: tzinfo = UTC,
) -> dict[str, dict[str, Any]]:
    """Change a call's metadata in ``s``'s transaction; returns what changed
    (``{field: {"old", "new"}}``, empty when nothing did: then nothing is written).

    ``changes`` may hold ``agent_id`` (a new agent is created), ``call_time`` (a date-time;
    ``week`` follows, in the site's ``zone``), ``queue`` and ``customer_ref`` (``None`` or ``""`` clears them). A move
    to another agent or day moves the call and its current score between the running totals.
    """
    given_time = changes.get("call_time")
    wanted = _clean(changes)
    row = s.get(CallRow, call_id, with_for_update=True)
    if row is None:
        raise NotFound(f"no call {call_id}")
    old = {name: getattr(row, name) for name in wanted}
    if "call_time" in old and old["call_time"] is not None:
        old["call_time"] = as_utc(old["call_time"])
    diff = {
        name: {"old": _shown(old[name]), "new": _shown(value)}
        for name, value in wanted.items()
        if old[name] != value
    }
    if not diff:
        return {}
    moves = "agent_id" in diff or "call_time" in diff
    old_agent = row.agent_id
    if moves:
        totals.uncount_call(s, row)
    if "agent_id" in diff and s.get(Agent, wanted["agent_id"]) is None:
        s.add(Agent(id=wanted["agent_id"], name=wanted["agent_id"]))
        s.flush()
    for name in diff:
        setattr(row, name, wanted[name])
    if "call_time" in diff:
        row.week = iso_week(row.call_time, zone)
        # The offset the new time was given with (a naive time: none recorded), as at upload.
        row.tz_offset = offset_minutes(given_time) if isinstance(given_time, datetime) else None
    if moves:
        s.flush()
        totals.count_call(s, row)
        totals.refresh_last_call(s, old_agent)
    add_entry(
        s,
        "call.edit",
        **_actor(by),
        target_kind="call",
        target_id=call_id,
        detail={"changes": diff},
    )
    return diff


def _recordings_of(row: CallRow) -> list[str]:
    from qa.store.calls import served_recording  # calls imports this module

    shas = [row.recording_sha256]
    copy = served_recording(row.meta)
    if copy and copy not in shas:
        shas.append(copy)
    return shas


def delete_call(
    s: Session, call_id: str, *, by: Actor | None = None, reason: str = ""
) -> tuple[DeletedCall, list[str]]:
    """Delete a call and everything of it in ``s``'s transaction: its rows in
    :data:`DEPENDENTS`, the call, its totals, and the rows of its recordings (the original and
    any redacted copy) that no other call uses; adds a ``call.delete`` audit entry without
    content. Returns the deleted call and the recording files (relative to the data
    directory) to remove once the transaction commits."""
    row = s.get(CallRow, call_id, with_for_update=True)
    if row is None:
        raise NotFound(f"no call {call_id}")
    counts: dict[str, int] = {}
    for name, table in DEPENDENTS:
        n = s.scalar(select(func.count()).select_from(table).where(table.call_id == call_id))
        counts[name] = int(n or 0)
        if n:
            s.execute(
                delete(table)
                .where(table.call_id == call_id)
                .execution_options(synchronize_session=False)
            )
    agent_id, call_time = row.agent_id, as_utc(row.call_time)
    shas = _recordings_of(row)
    totals.uncount_call(s, row)
    s.delete(row)
    s.flush()
    totals.refresh_last_call(s, agent_id)
    files: list[str] = []
    for sha in shas:
        if s.scalar(select(CallRow.id).where(CallRow.recording_sha256 == sha).limit(1)):
            continue  # another call's recording (not possible today: one call per recording)
        rec = s.get(Recording, sha)
        if rec is not None:
            files.append(rec.path)
            s.delete(rec)
    counts["recordings"] = len(files)
    detail: dict[str, Any] = {
        "agent_id": agent_id,
        "call_time": call_time.isoformat(),
        "counts": counts,
    }
    if reason:
        detail["reason"] = reason
    add_entry(s, "call.delete", **_actor(by), target_kind="call", target_id=call_id, detail=detail)
    return DeletedCall(
        call_id=call_id, agent_id=agent_id, call_time=call_time, counts=counts
    ), files


def remove_files(files: RecordingFiles, paths: Iterable[str]) -> tuple[list[str], list[str]]:
    """Remove deleted recordings' files (after the commit); returns (removed, left): a file
    that cannot be removed is logged and left, never raised."""
    removed, left = [], []
    for rel in paths:
        try:
            if files.remove_file(rel):
                removed.append(rel)
        except OSError as exc:
            log.warning("recording file %s of a deleted call was not removed: %s", rel, exc)
            left.append(rel)
    return removed, left


def calls_older_than(s: Session, cutoff: datetime) -> list[tuple[str, int]]:
    """The ids of the calls whose call time is before ``cutoff``, oldest first, with how many
    scores each has (for a dry run's counts)."""
    n_scores = (
        select(func.count()).select_from(ScoreRow).where(ScoreRow.call_id == CallRow.id)
    ).scalar_subquery()
    rows = s.execute(
        select(CallRow.id, n_scores)
        .where(CallRow.call_time < as_utc(cutoff))
        .order_by(CallRow.call_time, CallRow.id)
    ).all()
    return [(cid, int(n or 0)) for cid, n in rows]


def call_edits(s: Session, call_id: str) -> tuple[CallEdit, ...]:
    """A call's metadata edits from the audit log, oldest first."""
    rows = s.scalars(
        select(AuditEntry)
        .where(
            AuditEntry.target_kind == "call",
            AuditEntry.target_id == call_id,
            AuditEntry.action == "call.edit",
        )
        .order_by(AuditEntry.id)
    )
    return tuple(
        CallEdit(
            id=r.id,
            at=r.at,
            key_id=r.key_id,
            role=r.role,
            changes=dict((r.detail or {}).get("changes") or {}),
        )
        for r in rows
    )


def summarise(
    cutoff: datetime,
    dry_run: bool,
    done: list[DeletedCall],
    *,
    planned: list[tuple[str, int]] | None = None,
) -> PurgeSummary:
    """A purge's summary from the calls it deleted (or, dry, the calls it would)."""
    counts: dict[str, int] = {"calls": 0}
    removed, left = 0, []
    if planned is not None:
        counts = {"calls": len(planned), "scores": sum(n for _, n in planned)}
        ids = tuple(cid for cid, _ in planned)
    else:
        ids = tuple(d.call_id for d in done)
        counts["calls"] = len(done)
        for d in done:
            for k, v in d.counts.items():
                counts[k] = counts.get(k, 0) + int(v)
            removed += len(d.files_removed)
            left.extend(d.files_left)
    return PurgeSummary(
        cutoff=as_utc(cutoff),
        dry_run=dry_run,
        call_ids=ids,
        counts=counts,
        files_removed=removed,
        files_left=tuple(left),
    )


#: A purge's progress callback: (calls done, calls to do, the call just deleted).
Progress = Callable[[int, int, DeletedCall], None]
