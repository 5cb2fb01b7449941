"""Correcting and deleting a call from its page: the "Edit details" form (QA leads and
admins) and "Delete call" with a confirmation page (admins). Plain HTML forms posted to the
server (no script needed); each answers with a redirect to the page to see next. The store
does the work (:meth:`qa.store.calls.Calls.edit`, :meth:`~qa.store.calls.Calls.delete`), with
the same audit entries as the API's ``PATCH`` and ``DELETE /v1/calls/{id}``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import quote

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response

from api.deps import Admin, StoreDep, Uploader, check_move_scope
from api.errors import PageError
from api.pages.render import page_router, render

__all__ = ["router", "FORM_TIME"]

router = page_router()

#: How the edit form writes a call time (an ``<input type="datetime-local" step="1">``, UTC).
FORM_TIME = "%Y-%m-%dT%H:%M:%S"


def _form_time(value: str) -> datetime:
    try:
        t = datetime.fromisoformat(value.strip())
    except ValueError:
        raise PageError(
            422, "Those details can't be saved", f"call time: {value!r} is not a date and time"
        ) from None
    return t.replace(tzinfo=UTC) if t.tzinfo is None else t


@router.post("/calls/{call_id}/edit")
def edit_details(
    call_id: str,
    store: StoreDep,
    who: Uploader,
    agent_id: Annotated[str, Form(max_length=128)] = "",
    call_time: Annotated[str, Form(max_length=40)] = "",
    queue: Annotated[str, Form(max_length=128)] = "",
    customer_ref: Annotated[str, Form(max_length=256)] = "",
) -> Response:
    """Save the edit form: only the fields that differ from the call are changed."""
    call = store.calls.get(call_id, teams=who.team_scope)
    changes: dict[str, object] = {}
    if agent_id.strip() != call.agent_id:
        changes["agent_id"] = agent_id
    # The form shows whole seconds (a browser may drop ":00"): an untouched time is no change.
    if call_time.strip():
        t = _form_time(call_time)
        if t != call.call_time.replace(microsecond=0):
            changes["call_time"] = t
    if (queue.strip() or None) != call.queue:
        changes["queue"] = queue
    if (customer_ref.strip() or None) != call.customer_ref:
        changes["customer_ref"] = customer_ref
    if "agent_id" in changes:
        check_move_scope(store, changes["agent_id"], who)
    changed = store.calls.edit(call_id, changes, by=who.actor) if changes else {}
    target = f"/calls/{quote(call_id, safe='')}?edited={len(changed)}#edits"
    return RedirectResponse(target, status_code=303)


@router.get("/calls/{call_id}/delete")
def confirm_delete(call_id: str, request: Request, store: StoreDep, user: Admin) -> Response:
    """Ask before deleting: what goes, what stays."""
    call = store.calls.get(call_id)
    return render(
        request,
        "call_delete.html",
        {"call": call, "call_href": f"/calls/{quote(call_id, safe='')}"},
        user=user,
        nav="calls",
    )


@router.post("/calls/{call_id}/delete")
def delete(
    call_id: str,
    store: StoreDep,
    who: Admin,
    confirm: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    """Delete the call (the confirmation page's button sends ``confirm=yes``)."""
    if confirm != "yes":
        raise PageError(422, "Not deleted", "The deletion was not confirmed.")
    store.calls.delete(call_id, by=who.actor)
    return RedirectResponse(f"/calls?deleted={quote(call_id, safe='')}", status_code=303)
