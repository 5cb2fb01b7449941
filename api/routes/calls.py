"""Calls: upload a recording (→ 202 + job), read a call, stream its audio, list calls, correct
a call's metadata (QA leads, admins), delete a call (admins)."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import FileResponse, JSONResponse

from api.deps import (
    Admin,
    DateFrom,
    DateTo,
    Principal,
    StoreDep,
    TzQuery,
    Uploader,
    Viewer,
    check_call_scope,
    check_move_scope,
    query_zone,
    store_of,
)
from api.errors import audio_status, error_response, error_responses
from api.models import (
    CallList,
    CallPatch,
    CallPublic,
    CallSummaryPublic,
    DeletedCallPublic,
    DuplicateBody,
    UploadPublic,
    json_body,
)
from api.responses import JSON, content_disposition, localize
from api.worker import JOB_KIND
from qa.errors import AudioError, InputError
from qa.ingest import DuplicateRecording, NewCall, ingest
from qa.jobs import pipeline_options_from
from qa.names import check_agent_id
from qa.redact.modes import check_mode
from qa.store import NotFound, Store
from qa.timezones import zone as zone_named

__all__ = [
    "router",
    "enqueue_upload",
    "upload_team",
    "UploadRefused",
    "duplicate_response",
    "audit_download",
]

router = APIRouter(
    prefix="/v1/calls", tags=["calls"], responses=error_responses(401, 403, 404, 422)
)

_COPY_CHUNK = 1 << 20


def _job_links(job_id: str | None, call_id: str) -> dict[str, Any]:
    return {
        "job_url": f"/v1/jobs/{job_id}" if job_id else None,
        "call_url": f"/v1/calls/{call_id}",
    }


class UploadRefused(Exception):
    """An upload the caller's teams do not allow (``status``: 403 or 422)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def upload_team(store: Store, who: Principal, agent_id: str, team: str | None) -> str | None:
    """The team a *new* agent is created in by this upload, after checking the caller may
    upload for ``agent_id``; raises :class:`UploadRefused`.

    - An existing agent: a key bound to teams may upload only for agents in them (403
      otherwise); the agent keeps its team (``team`` is ignored).
    - A new agent goes in ``team`` if given (it must exist and, for a bound key, be one of
      its teams); else, for a key bound to one team, that team; a key bound to several must
      say which (422); an unbound key's new agent is in no team.
    """
    scope = who.team_scope
    if team is not None:
        try:
            store.teams.get(team)
        except NotFound:
            raise UploadRefused(422, f"team: no team {team}") from None
        if scope is not None and team not in scope:
            raise UploadRefused(403, f"team: {team} is not one of your teams")
    try:
        agent = store.calls.get_agent(agent_id)
    except NotFound:
        agent = None
    if agent is not None:
        if scope is not None and agent.team not in scope:
            raise UploadRefused(403, f"agent {agent_id} is not in your teams")
        return None
    if team is not None or scope is None:
        return team
    if len(scope) == 1:
        return scope[0]
    raise UploadRefused(
        422, f"agent {agent_id} is new: say which of your teams ({', '.join(scope)}) in 'team'"
    )


def duplicate_response(exc: DuplicateRecording) -> JSONResponse:
    """409 for a recording already stored as another agent's call: which call, whose."""
    body = {"error": "conflict", "message": str(exc), "call_id": exc.call_id, "agent_id": exc.agent_id}
    return JSONResponse(body, status_code=409)


def audit_download(store: Store, call_id: str, principal: Any, range_header: str | None) -> None:
    """Record a recording download in the audit log: once per play or download (a player's
    follow-up range requests, which start past byte 0, are not recorded again)."""
    if range_header and not range_header.replace(" ", "").startswith("bytes=0-"):
        return
    store.audit.record(
        "recording.download",
        key_id=principal.key_id,
        role=principal.role,
        target_kind="call",
        target_id=call_id,
        detail={"range": range_header} if range_header else {},
    )


def enqueue_upload(
    store: Store,
    path: Path,
    *,
    filename: str | None,
    content_type: str | None,
    agent_id: str,
    options: dict[str, Any],
    call_time: datetime | None = None,
    queue: str | None = None,
    customer_ref: str | None = None,
    max_duration: float | None = None,
    agent_team: str | None = None,
    teams: tuple[str, ...] | None = None,
) -> tuple[int, dict[str, Any]]:
    """Check, store and queue one uploaded recording; returns (HTTP status, body).

    The audio is decoded once end to end before anything is stored (so corrupt or truncated
    files are refused, not kept); then the recording, the call and its job are committed.
    The same bytes again under the same agent return the existing call and its job (200)
    instead of a duplicate (403 if that call's agent is outside ``teams``, the uploader's
    scope); under another agent :class:`~qa.ingest.DuplicateRecording` (409). A new agent is
    created in ``agent_team``.
    """
    # Browsers and curl often send application/octet-stream: then the file name decides.
    ctype = content_type if content_type and content_type.split("/")[0] in ("audio", "video") else None
    new_call = NewCall(
        agent_id=agent_id,
        call_time=call_time,
        queue=queue,
        customer_ref=customer_ref,
        language_hint=options.get("language"),
        channel_layout=options.get("layout"),
        meta={"upload": {"filename": filename or ""}},
        agent_team=agent_team,
    )
    try:
        done = ingest(
            store, path, new_call, max_duration=max_duration, filename=filename,
            content_type=ctype, check_layout=True, audio_meta="upload",
        )  # fmt: skip
    except DuplicateRecording as exc:
        # Another agent's call: say whose only to a caller who may see that call.
        if not store.calls.in_scope(exc.call_id, teams):
            raise UploadRefused(
                403, "this recording was uploaded before for an agent outside your teams"
            ) from None
        raise
    existing = None if done.new else done.call_id
    if existing is not None:
        try:
            call = store.calls.get(existing, teams=teams)
        except NotFound:
            raise UploadRefused(
                403, "this recording was uploaded before for an agent outside your teams"
            ) from None
        jobs = store.jobs.list(call_id=existing, limit=1)
        job = jobs[0] if jobs else None
        return 200, {
            "duplicate": True,
            "call_id": existing,
            "job_id": job.id if job else None,
            "status": job.status if job else ("done" if call.score else "stored"),
            "agent_id": call.agent_id,
            **_job_links(job.id if job else None, existing),
        }
    call_id = done.call_id
    job_id = store.jobs.create(kind=JOB_KIND, call_id=call_id, payload=options)
    return 202, {
        "duplicate": False,
        "call_id": call_id,
        "job_id": job_id,
        "status": "queued",
        "agent_id": agent_id,
        **_job_links(job_id, call_id),
    }


@router.post(
    "",
    status_code=202,
    summary="Upload a call recording to be transcribed and scored",
    response_model=UploadPublic,
    responses={
        200: {
            "model": UploadPublic,
            "description": "The same recording was uploaded before: its call and job",
        },
        202: {"description": "Stored and queued: poll the job"},
        409: {
            "model": DuplicateBody,
            "description": "The same recording is already another agent's call",
        },
        **error_responses(
            413, 415, 422, s422="Unusable audio (empty, truncated, too long) or invalid fields"
        ),
    },
)
def upload_call(
    request: Request,
    who: Uploader,
    audio: Annotated[
        UploadFile, File(description="the recording: WAV, MP3, FLAC, OGG/Opus, M4A …")
    ],
    agent_id: Annotated[
        str, Form(min_length=1, max_length=128, description="the agent on the call")
    ],
    call_time: Annotated[
        datetime | None,
        Form(
            description="when the call took place (ISO 8601); its UTC offset is kept with the "
            "call; without one it is in `tz`"
        ),
    ] = None,
    tz: Annotated[
        str | None,
        Form(
            max_length=64,
            description="IANA zone of a call_time without a UTC offset (default: the site's)",
        ),
    ] = None,
    team: Annotated[
        str | None,
        Form(max_length=64, description="the team a new agent goes in (see the README)"),
    ] = None,
    queue: Annotated[str | None, Form(max_length=128)] = None,
    customer_ref: Annotated[str | None, Form(max_length=128)] = None,
    language: Annotated[str | None, Form(max_length=16, description="hint: en, zh, ko, ms")] = None,
    layout: Annotated[Literal["auto", "stereo", "mono"], Form()] = "auto",
    agent_channel: Annotated[
        Literal["0", "1", "auto"],
        Form(description="stereo: the agent's channel, or auto (decided from what each side says)"),
    ] = "0",
    redact: Annotated[
        str | None,
        Form(
            max_length=16,
            description="personal-data redaction: off, text or text+audio (default: the site's)",
        ),
    ] = None,
) -> JSONResponse:
    store = store_of(request)
    settings = request.app.state.settings
    agent_id = check_agent_id(agent_id)
    if call_time is not None and call_time.tzinfo is None:
        try:
            call_time = call_time.replace(tzinfo=zone_named(tz) if tz else store.timezone)
        except InputError as exc:
            return error_response(422, f"tz: {exc}")
    try:
        agent_team = upload_team(store, who, agent_id, (team or "").strip() or None)
    except UploadRefused as exc:
        return error_response(exc.status, str(exc))
    opts = pipeline_options_from(
        {"layout": layout, "agent_channel": agent_channel, "language": language}
    )
    options = {
        "layout": opts.layout,
        "agent_channel": opts.agent_channel,
        "language": opts.language,
        "redact": check_mode(redact if redact else settings.redaction),
    }
    incoming = store.data_dir / "incoming"
    incoming.mkdir(parents=True, exist_ok=True)
    suffix = Path(audio.filename or "").suffix[:12]
    fd, tmp_name = tempfile.mkstemp(dir=incoming, suffix=suffix or ".upload")
    tmp = Path(tmp_name)
    try:
        size = 0
        with os.fdopen(fd, "wb") as out:
            while block := audio.file.read(_COPY_CHUNK):
                size += len(block)
                if size > settings.max_upload_bytes:
                    return error_response(
                        413,
                        f"the recording is larger than the limit of {settings.max_upload_bytes:,} bytes",
                    )
                out.write(block)
        if size == 0:
            return error_response(422, "the recording is empty (0 bytes)")
        try:
            status, body = enqueue_upload(
                store,
                tmp,
                filename=audio.filename,
                content_type=audio.content_type,
                agent_id=agent_id,
                options=options,
                call_time=call_time,
                queue=queue,
                customer_ref=customer_ref,
                max_duration=settings.max_duration,
                agent_team=agent_team,
                teams=who.team_scope,
            )
        except UploadRefused as exc:
            return error_response(exc.status, str(exc))
        except DuplicateRecording as exc:
            return duplicate_response(exc)
        except AudioError as exc:
            # The message names our temporary file; the client knows its file by its own name.
            message = str(exc).replace(str(tmp), audio.filename or "the recording")
            return error_response(audio_status(exc), message)
    finally:
        tmp.unlink(missing_ok=True)
    headers = {"Location": body["job_url"]} if status == 202 else {}
    body = json_body(UploadPublic.model_validate(body))
    return JSONResponse(body, status_code=status, headers=headers)


@router.get(
    "/{call_id}",
    summary="A call: transcript, rubric results with evidence, history",
    response_class=JSON,
    response_model=CallPublic,
)
def get_call(call_id: str, store: StoreDep, who: Viewer, tz: TzQuery = None) -> JSON:
    call = store.calls.get(call_id, teams=who.team_scope)
    jobs = store.jobs.list(call_id=call_id, limit=1)
    body = json_body(CallPublic.of(call, jobs[0] if jobs else None))
    return JSON(localize(body, query_zone(tz)))


@router.get(
    "/{call_id}/audio",
    summary="The recording: its redacted copy when the audio was redacted (supports HTTP Range requests)",
    response_class=FileResponse,
    responses={200: {"content": {"audio/*": {}}}, 206: {"description": "Partial content"}},
)
def get_call_audio(
    call_id: str, request: Request, store: StoreDep, who: Viewer
) -> FileResponse:
    rec = store.calls.get(call_id, teams=who.team_scope).recording
    path = rec.path
    if not path or not Path(path).is_file():
        return error_response(404, f"the recording of call {call_id} is missing from storage")
    audit_download(store, call_id, who, request.headers.get("range"))
    name = content_disposition("inline", rec.filename, f"{call_id}{Path(path).suffix}")
    return FileResponse(
        path,
        media_type=rec.content_type or "application/octet-stream",
        headers={"Content-Disposition": name},
    )


@router.patch(
    "/{call_id}",
    summary="Correct a call's metadata (agent, call time, queue, customer ref), with history",
    response_class=JSON,
    response_model=CallPublic,
)
def edit_call(call_id: str, body: CallPatch, store: StoreDep, who: Uploader) -> JSON:
    """Change the fields the body gives; a move to another agent or time moves the call's
    score between the running totals. Each edit is an audit entry with the old and new values,
    listed in the call's ``edits``."""
    check_call_scope(store, call_id, who)
    changes = body.changes()
    if "agent_id" in changes:
        check_move_scope(store, changes["agent_id"], who)
    store.calls.edit(call_id, changes, by=who.actor)
    return get_call(call_id, store, who)


@router.delete(
    "/{call_id}",
    summary="Delete a call: its recording, transcripts, scores and jobs (admins)",
    response_model=DeletedCallPublic,
)
def delete_call(call_id: str, store: StoreDep, who: Admin) -> DeletedCallPublic:
    """Everything of the call goes; an audit entry without content (agent, call time, counts)
    stays. The recording files are removed after the database commit."""
    done = store.calls.delete(call_id, by=who.actor)
    return DeletedCallPublic.model_validate({**done.to_dict(), "files_left": len(done.files_left)})


@router.get(
    "",
    summary="Calls, newest first, filtered and paginated",
    response_class=JSON,
    response_model=CallList,
)
def list_calls(
    store: StoreDep,
    who: Viewer,
    agent: Annotated[str | None, Query(max_length=128)] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    min_score: Annotated[float | None, Query(ge=0, le=100)] = None,
    max_score: Annotated[float | None, Query(ge=0, le=100)] = None,
    outcome: Annotated[
        str | None,
        Query(max_length=80, description="'pass' or 'rubric:outcome', e.g. resolution:none"),
    ] = None,
    needs_review: Annotated[
        bool | None,
        Query(description="true: calls whose transcript is flagged for review; false: the others"),
    ] = None,
    findings: Annotated[
        Literal["review"] | None,
        Query(description="review: calls with findings for review (no penalty, to listen to)"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    tz: TzQuery = None,
) -> JSON:
    zone = query_zone(tz)
    rows, total = store.calls.list(
        agent=agent,
        date_from=date_from,
        date_to=date_to,
        min_score=min_score,
        max_score=max_score,
        outcome=outcome,
        needs_review=needs_review,
        findings=findings,
        limit=limit,
        offset=offset,
        teams=who.team_scope,
        zone=zone,
    )
    nxt = offset + limit if offset + limit < total else None
    items = [CallSummaryPublic.model_validate(r) for r in rows]
    page = CallList(items=items, total=total, limit=limit, offset=offset, next_offset=nxt)
    return JSON(localize(json_body(page), zone))
