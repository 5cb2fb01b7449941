"""A batch's tasks, one per call, and how a worker does one.

A task is ``(kind, payload)``:

- ``("file", BatchItem)``: a recording found by :func:`qa.archive.discover` (folders, a manifest,
  file names), scored into the store by :func:`score_file`; :func:`file_tasks` makes them;
- ``("rescore", (call id, recording sha256, call time))``: a stored call scored again from its
  transcript by :func:`rescore_call`; :func:`rescore_tasks` finds them in the store.

:func:`run_task` does either on a :class:`~qa.batch.worker.WorkerState` and never raises for a
bad file or call: every error becomes a ``failed`` :class:`~qa.batch.results.CallResult`.
:func:`lost` is the result of a task whose worker died or ran past the call timeout.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from qa.archive import UNKNOWN_AGENT, BatchItem, Discovery
from qa.batch.results import CallResult, describe_error
from qa.batch.worker import WorkerState, peak_rss_mb
from qa.errors import QAError

if TYPE_CHECKING:
    from qa.store import Store

__all__ = [
    "Task",
    "file_tasks",
    "rescore_tasks",
    "score_file",
    "rescore_call",
    "run_task",
    "lost",
]

log = logging.getLogger("qa.batch")

#: ``(kind, payload)``: ``("file", BatchItem)`` or ``("rescore", (call id, sha256, call time))``.
Task = tuple[str, Any]


def file_tasks(found: Discovery) -> list[Task]:
    """One task per usable file the discovery found (in discovery order)."""
    return [("file", item) for item in found.items]


def rescore_tasks(
    store: Store, agent: str | None, date_from: Any, date_to: Any
) -> list[Task]:
    """One task per stored call matching the filters (each call once)."""
    found: dict[str, tuple[str, str | None, str | None]] = {}
    offset = 0
    while True:
        rows, total = store.calls.list(
            agent=agent, date_from=date_from, date_to=date_to, limit=1000, offset=offset
        )
        offset += len(rows)
        for r in rows:
            found[r.id] = (r.id, r.recording_sha256, _iso(r.call_time.astimezone(store.timezone)))
        if not rows or offset >= total:
            return [("rescore", key) for key in found.values()]


def _iso(t: Any) -> str | None:
    return t.isoformat() if isinstance(t, datetime) else (None if t is None else str(t))


def _lean_results(results: Iterable[Mapping[str, Any]]) -> tuple[dict[str, Any], ...]:
    keys = ("rubric", "version", "outcome", "score", "note", "findings")
    return tuple({k: r.get(k) for k in keys if k in r} for r in results)


def _stored_result(
    store: Store, call_id: str, *, path: str | None, status: str, **extra: Any
) -> CallResult:
    """A :class:`CallResult` for a stored call, from its current score."""
    info = store.calls.get(call_id)
    score = info.score
    quality = (score.quality if score else None) or {}
    return CallResult(
        path=path,
        status=status,
        call_id=call_id,
        agent_id=info.agent_id,
        call_time=_iso(info.call_time.astimezone(store.timezone)),  # local: the site's zone
        duration=info.duration,
        language=info.language,
        source=info.source,
        score=score.score if score else None,
        capped_by=score.capped_by if score else (),
        rubric_version=score.rubric_version if score else None,
        labeller_version=score.labeller_version if score else None,
        results=_lean_results(score.results if score else ()),
        worker=os.getpid(),
        worker_peak_rss_mb=peak_rss_mb(),
        needs_review=bool(quality["needs_review"]) if "needs_review" in quality else None,
        review_reasons=tuple(str(r) for r in quality.get("reasons") or ()),
        **extra,
    )


def _log_failure(what: str, exc: BaseException) -> None:
    if not isinstance(exc, (QAError, OSError)):  # a bug: the traceback with -v
        log.info("%s failed", what, exc_info=exc)


class _Stage:
    """The stage a file's scoring is in, named when it fails: ``read``, ``decode``, ``store``,
    then the stages :func:`qa.jobs.score_stored_call` reports (its ``done`` is ``save``)."""

    def __init__(self) -> None:
        self.name = "read"

    def set(self, name: str) -> None:
        self.name = name

    def progress(self, name: str, _fraction: float) -> None:
        self.name = "save" if name == "done" else name


def score_file(item: BatchItem, state: WorkerState) -> CallResult:
    """Score one recording into the store, at most once; never raises for a bad file.

    Skipped when the store already holds a score of the same audio (sha256) with this rubric
    and labeller version. Otherwise the file goes in through :func:`qa.ingest.ingest` (it must
    decode completely before anything is stored; then the recording, content-addressed, and
    the call, with the item's metadata); then, through :func:`qa.jobs.score_stored_call`, its
    transcript (reused if one is stored) and score are saved, each in one transaction.
    """
    from qa.audio import file_sha256
    from qa.ingest import DuplicateRecording, NewCall, check_same_agent, ingest
    from qa.jobs import score_stored_call

    t0 = time.perf_counter()
    store = state.store
    stage = _Stage()
    try:
        sha = file_sha256(item.path)
        found = store.calls.for_recording(sha)
        if found is not None and item.agent_id:
            check_same_agent(store, found, item.agent_id)
        if found is not None and store.calls.is_scored(
            found, rubric_version=state.rubric_version, labeller_version=state.labeller.version
        ):
            return _stored_result(
                store, found, path=item.path, status="skipped", where=item.where,
                seconds=time.perf_counter() - t0,
            )
        opts = state.settings.pipeline
        when, when_source = item.call_time, item.call_time_source
        if when is None:
            # Naive UTC: the call records no offset (none was given).
            when = datetime.fromtimestamp(os.stat(item.path).st_mtime, UTC).replace(tzinfo=None)
            when_source = "file modification time"
        meta = {
            **dict(item.meta),
            "batch": {"source_path": item.path, "where": item.where, "call_time_source": when_source},
        }
        new_call = NewCall(
            agent_id=item.agent_id or UNKNOWN_AGENT,
            agent_name=item.agent_name,
            call_time=when,
            queue=item.queue,
            customer_ref=item.customer_ref,
            language_hint=item.language,
            channel_layout=item.layout or opts.layout,
            meta=meta,
        )
        call_id = ingest(
            store, item.path, new_call, max_duration=opts.max_duration, stage=stage.set,
            sha256=sha, same_agent=bool(item.agent_id),
        ).call_id
        overrides: dict[str, Any] = {}
        if item.layout:
            overrides["layout"] = item.layout
        if item.agent_channel is not None:
            overrides["agent_channel"] = item.agent_channel
        if item.language:
            overrides["language"] = item.language
        stage.set("decode")  # the stored recording, decoded for transcription
        done = score_stored_call(
            store,
            call_id,
            replace(opts, **overrides),
            rubric=state.settings.rubric,
            labeller=state.labeller,
            progress=stage.progress,
            redaction=state.settings.redaction,
        )
        return _stored_result(
            store, call_id, path=item.path, status=done.status, where=item.where,
            transcribed=done.transcribed, seconds=time.perf_counter() - t0,
        )
    except DuplicateRecording as exc:
        # Reported, not attributed: the recording stays the other agent's call.
        return CallResult(
            path=item.path,
            status="duplicate",
            call_id=exc.call_id,
            agent_id=exc.agent_id,
            duplicate_of=f"call {exc.call_id}",
            error=str(exc),
            where=item.where,
            seconds=time.perf_counter() - t0,
            worker=os.getpid(),
        )
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
        _log_failure(f"scoring {item.path}", exc)
        return CallResult(
            path=item.path,
            status="failed",
            agent_id=item.agent_id,
            stage=stage.name,
            error=describe_error(exc),
            where=item.where,
            seconds=time.perf_counter() - t0,
            worker=os.getpid(),
            worker_peak_rss_mb=peak_rss_mb(),
        )


def rescore_call(task: tuple[str, str | None, str | None], state: WorkerState) -> CallResult:
    """Score a stored call's newest transcript again (no ASR), adding to its score history.

    ``task`` is (call id, recording sha256, call time). Skipped when the call already has a
    score from this rubric and labeller version, or has no transcript yet. The recording is
    decoded (for the loudness signal) unless the settings say not to.
    """
    from qa.audio import decode_audio
    from qa.scoring import score_call
    from qa.store import NotFound
    from qa.types import to_dict

    call_id, recording, call_time = task
    t0 = time.perf_counter()
    store = state.store
    lab = state.labeller
    try:
        if store.calls.is_scored(call_id, rubric_version=state.rubric_version, labeller_version=lab.version):
            return _stored_result(
                store, call_id, path=None, status="skipped", seconds=time.perf_counter() - t0
            )
        try:
            call = store.calls.load(call_id)
        except NotFound as exc:
            return CallResult(
                path=None, status="skipped", call_id=call_id, call_time=call_time, stage="load",
                error=str(exc), seconds=time.perf_counter() - t0,
            )
        audio = None
        if state.settings.decode_audio_for_rescore and recording:
            try:  # the recording the call serves: its redacted copy if the audio was redacted
                audio = decode_audio(store.calls.get(call_id).recording.path or "", max_duration=None)
            except QAError as exc:
                log.warning("call %s: recording not decoded (%s); loudness is not used", call_id, exc)
        score = score_call(call, state.settings.rubric, audio=audio, labeller=lab)
        saved = store.calls.save_score_once(call_id, score, labeller_version=lab.version)
        return CallResult(
            path=None,
            status="scored" if saved is not None else "skipped",  # skipped: scored meanwhile
            call_id=call_id,
            agent_id=call.agent_id,
            call_time=call_time,
            duration=call.duration,
            language=call.language,
            source=call.source,
            score=score.score,
            capped_by=tuple(score.capped_by),
            rubric_version=score.rubric_version,
            labeller_version=lab.version,
            results=_lean_results(to_dict(list(score.results))),
            seconds=time.perf_counter() - t0,
            worker=os.getpid(),
            worker_peak_rss_mb=peak_rss_mb(),
            needs_review=None if score.quality is None else score.quality.needs_review,
            review_reasons=() if score.quality is None else tuple(score.quality.reasons),
        )
    except Exception as exc:  # noqa: BLE001 - one bad call must not stop the re-score
        _log_failure(f"re-scoring call {call_id}", exc)
        return CallResult(
            path=None, status="failed", call_id=call_id, stage="score", error=describe_error(exc),
            seconds=time.perf_counter() - t0,
        )


_RUNNERS: dict[str, Callable[[Any, WorkerState], CallResult]] = {
    "file": score_file,
    "rescore": rescore_call,
}


def run_task(state: WorkerState, task: Task) -> CallResult:
    """Do one task on a worker (never raises for a bad file or call)."""
    kind, payload = task
    return _RUNNERS[kind](payload, state)


def lost(task: Task, why: str, seconds: float) -> CallResult:
    """The ``failed`` result (stage ``worker``) of a task whose worker died or was stopped."""
    kind, payload = task
    if kind == "file":
        return CallResult(
            path=payload.path, status="failed", agent_id=payload.agent_id, stage="worker",
            error=why, where=payload.where, seconds=seconds,
        )
    return CallResult(
        path=None, status="failed", call_id=payload[0], stage="worker", error=why, seconds=seconds
    )
