"""Calls: upload a recording (→ 202 + job), read a call, stream its audio, list calls."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import FileResponse, JSONResponse

from api.deps import DateFrom, DateTo, StoreDep, Uploader, Viewer, store_of
from api.errors import audio_status, error_response, error_responses
from api.models import CallList, CallPublic, CallSummaryPublic, UploadPublic, json_body
from api.responses import JSON, content_disposition
from api.worker import JOB_KIND
from qa.errors import AudioError
from qa.ingest import NewCall, ingest
from qa.jobs import pipeline_options_from
from qa.names import check_agent_id
from qa.redact.modes import check_mode
from qa.store import Store

__all__ = ["router", "enqueue_upload"]

router = APIRouter(
    prefix="/v1/calls", tags=["calls"], responses=error_responses(401, 403, 404, 422)
)

_COPY_CHUNK = 1 << 20


def _job_links(job_id: str | None, call_id: str) -> dict[str, Any]:
    return {
        "job_url": f"/v1/jobs/{job_id}" if job_id else None,
        "call_url": f"/v1/calls/{call_id}",
    }


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
) -> tuple[int, dict[str, Any]]:
    """Check, store and queue one uploaded recording; returns (HTTP status, body).

    The audio is decoded once end to end before anything is stored (so corrupt or truncated
    files are refused, not kept); then the recording, the call and its job are committed.
    The same bytes again return the existing call and its job (200) instead of a duplicate.
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
    )
    done = ingest(
        store, path, new_call, max_duration=max_duration, filename=filename, content_type=ctype,
        check_layout=True, audio_meta="upload",
    )
    existing = None if done.new else done.call_id
    if existing is not None:
        jobs = store.jobs.list(call_id=existing, limit=1)
        job = jobs[0] if jobs else None
        call = store.calls.get(existing)
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
        **error_responses(
            413, 415, 422, s422="Unusable audio (empty, truncated, too long) or invalid fields"
        ),
    },
)
def upload_call(
    request: Request,
    _who: Uploader,
    audio: Annotated[
        UploadFile, File(description="the recording: WAV, MP3, FLAC, OGG/Opus, M4A …")
    ],
    agent_id: Annotated[
        str, Form(min_length=1, max_length=128, description="the agent on the call")
    ],
    call_time: Annotated[
        datetime | None, Form(description="when the call took place (ISO 8601)")
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
            )
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
def get_call(call_id: str, store: StoreDep, _who: Viewer) -> JSON:
    call = store.calls.get(call_id)
    jobs = store.jobs.list(call_id=call_id, limit=1)
    return JSON(json_body(CallPublic.of(call, jobs[0] if jobs else None)))


@router.get(
    "/{call_id}/audio",
    summary="The recording: its redacted copy when the audio was redacted (supports HTTP Range requests)",
    response_class=FileResponse,
    responses={200: {"content": {"audio/*": {}}}, 206: {"description": "Partial content"}},
)
def get_call_audio(call_id: str, store: StoreDep, _who: Viewer) -> FileResponse:
    rec = store.calls.get(call_id).recording
    path = rec.path
    if not path or not Path(path).is_file():
        return error_response(404, f"the recording of call {call_id} is missing from storage")
    name = content_disposition("inline", rec.filename, f"{call_id}{Path(path).suffix}")
    return FileResponse(
        path,
        media_type=rec.content_type or "application/octet-stream",
        headers={"Content-Disposition": name},
    )


@router.get(
    "",
    summary="Calls, newest first, filtered and paginated",
    response_class=JSON,
    response_model=CallList,
)
def list_calls(
    store: StoreDep,
    _who: Viewer,
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
) -> JSON:
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
    )
    nxt = offset + limit if offset + limit < total else None
    items = [CallSummaryPublic.model_validate(r) for r in rows]
    page = CallList(items=items, total=total, limit=limit, offset=offset, next_offset=nxt)
    return JSON(json_body(page))
