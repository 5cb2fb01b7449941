"""The audit log (admins only): who did what to which object, newest first, filtered."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import Admin, DateFrom, DateTo, StoreDep
from api.errors import error_responses
from api.models import AuditEntryPublic, AuditList
from qa.store import AuditRecord, Store
from qa.store.filters import period_bounds

__all__ = ["router", "audit_page"]

router = APIRouter(prefix="/v1/audit", tags=["audit"], responses=error_responses(401, 403, 422))


def audit_page(
    store: Store,
    *,
    action: str | None = None,
    target: str | None = None,
    key_id: int | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    before_id: int | None = None,
    limit: int = 100,
) -> tuple[list[AuditRecord], int | None]:
    """One page of entries and the ``before_id`` of the next (``None``: the last page).
    ``target`` is ``kind:id`` (``call:3d5c…``), a kind and a colon (``key:``) or an id."""
    kind, ident = None, None
    if target:
        if ":" in target:
            kind, _, rest = target.partition(":")
            ident = rest or None
        else:
            ident = target
    since, until = period_bounds(date_from, date_to)
    rows = store.audit.list(
        action=action or None,
        target_kind=kind or None,
        target_id=ident,
        key_id=key_id,
        since=since,
        until=until,
        before_id=before_id,
        limit=limit + 1,
    )
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (rows[-1].id if more and rows else None)


@router.get("", summary="Audit entries, newest first (admins)")
def list_audit(
    store: StoreDep,
    _who: Admin,
    action: Annotated[
        str | None, Query(max_length=64, description="e.g. call.delete, key.create")
    ] = None,
    target: Annotated[
        str | None, Query(max_length=200, description="kind:id (call:3d5c…), kind: or an id")
    ] = None,
    key_id: Annotated[int | None, Query(ge=1, le=2**31 - 1, description="the acting key")] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    before_id: Annotated[
        int | None, Query(ge=1, le=2**62, description="entries older than this one")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> AuditList:
    rows, nxt = audit_page(
        store,
        action=action,
        target=target,
        key_id=key_id,
        date_from=date_from,
        date_to=date_to,
        before_id=before_id,
        limit=limit,
    )
    return AuditList(items=[AuditEntryPublic.model_validate(r) for r in rows], next_before_id=nxt)
