"""The audit log: ``store.audit``. Who did what to which object, and when.

Entries are written for key changes, reviews, disputes, calibrations, deletions, metadata edits
and recording downloads. They name the key by its id (never the key) and the object by kind and
id; ``detail`` holds what changed (field names, old and new metadata values, counts), never a
transcript, audio or a key. Entries are only added, never changed; a deleted call keeps its
entries.
"""

from __future__ import annotations

import builtins
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qa.store.engine import Database
from qa.store.records import AuditRecord
from qa.store.schema import AuditEntry

__all__ = ["AuditLog", "add_entry", "ACTIONS"]

#: The actions written so far (``detail`` of each in the README): a list for filters, not a
#: constraint (other parts add their own).
ACTIONS = (
    "call.edit",
    "call.delete",
    "calls.purge",
    "key.create",
    "key.revoke",
    "recording.download",
)


def add_entry(
    session: Session,
    action: str,
    *,
    key_id: int | None = None,
    role: str | None = None,
    target_kind: str = "",
    target_id: str = "",
    detail: dict[str, Any] | None = None,
) -> None:
    """Add an entry inside the caller's transaction (so the change and its record commit
    together)."""
    session.add(
        AuditEntry(
            key_id=key_id,
            role=role,
            action=action[:64],
            target_kind=target_kind[:32],
            target_id=str(target_id)[:128],
            detail=dict(detail or {}),
        )
    )


def _record(row: AuditEntry) -> AuditRecord:
    return AuditRecord(
        id=row.id,
        at=row.at,
        key_id=row.key_id,
        role=row.role,
        action=row.action,
        target_kind=row.target_kind,
        target_id=row.target_id,
        detail=dict(row.detail or {}),
    )


class AuditLog:
    """Add and read audit entries: ``store.audit``."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def record(
        self,
        action: str,
        *,
        key_id: int | None = None,
        role: str | None = None,
        target_kind: str = "",
        target_id: str = "",
        detail: dict[str, Any] | None = None,
    ) -> None:
        """Add one entry in a transaction of its own."""
        with self._db.write() as s:
            add_entry(
                s,
                action,
                key_id=key_id,
                role=role,
                target_kind=target_kind,
                target_id=target_id,
                detail=detail,
            )

    def list(
        self,
        *,
        action: str | None = None,
        target_kind: str | None = None,
        target_id: str | None = None,
        key_id: int | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        before_id: int | None = None,
        limit: int = 100,
    ) -> builtins.list[AuditRecord]:
        """Entries, newest first, filtered; ``before_id`` pages back from an entry."""
        q = select(AuditEntry)
        if action is not None:
            q = q.where(AuditEntry.action == action)
        if target_kind is not None:
            q = q.where(AuditEntry.target_kind == target_kind)
        if target_id is not None:
            q = q.where(AuditEntry.target_id == target_id)
        if key_id is not None:
            q = q.where(AuditEntry.key_id == key_id)
        if since is not None:
            q = q.where(AuditEntry.at >= since)
        if until is not None:
            q = q.where(AuditEntry.at < until)
        if before_id is not None:
            q = q.where(AuditEntry.id < before_id)
        q = q.order_by(AuditEntry.id.desc()).limit(max(1, min(int(limit), 1000)))
        with self._db.read() as s:
            return [_record(r) for r in s.scalars(q)]
