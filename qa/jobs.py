"""Score a call that is already in the store, exactly once per rubric and labeller version.

This is the unit of work behind an API upload job (and any other queue of stored calls):

1. If the call already has a score from this rubric and labeller version, nothing is done.
2. If it already has a transcript (a worker died after transcribing), that transcript is reused.
3. Otherwise the stored recording is decoded and transcribed, and the transcript saved.
4. The call is scored and the score added to its history.

Each save is one transaction, so a worker killed at any point leaves either nothing, a
transcript, or a transcript and a score — never half of one — and running the job again
finishes it without scoring twice.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from qa.audio import decode_audio
from qa.config import RubricConfig, coerce_options, load_rubric_config
from qa.errors import QAError
from qa.pipeline import PipelineOptions, Progress, transcribe_call
from qa.redact.modes import Redaction
from qa.store import NotFound, Store
from qa.store.calls import original_removed
from qa.types import Call, CallScore, Span

__all__ = [
    "StoredCallResult",
    "score_stored_call",
    "redact_and_save",
    "warm_models",
    "pipeline_options_from",
]

log = logging.getLogger(__name__)

_warm_lock = threading.Lock()


@dataclass(frozen=True)
class StoredCallResult:
    """What :func:`score_stored_call` did: ``status`` is ``scored`` or ``skipped``."""

    call_id: str
    status: str
    score: float | None
    transcribed: bool
    seconds: float


def pipeline_options_from(payload: Mapping[str, Any] | None) -> PipelineOptions:
    """Pipeline options from a job payload's ``layout``, ``agent_channel``, ``language`` and
    ``max_duration`` (other keys are the caller's own)."""
    payload = dict(payload or {})
    keys = ("layout", "agent_channel", "language", "max_duration")
    picked = {k: payload[k] for k in keys if payload.get(k) is not None}
    return coerce_options(PipelineOptions, picked)


def warm_models(
    options: PipelineOptions | None = None, *, speakers: bool = True
) -> dict[str, float]:
    """Load every model a scoring job needs into this process, once; returns seconds per model.

    Servers call this at start-up so that no request or job pays for loading.
    """
    from qa.asr import load_backend
    from qa.labeller import load_labeller

    opts = options or PipelineOptions()
    took: dict[str, float] = {}
    with _warm_lock:
        t = time.perf_counter()
        load_backend(opts.transcription)
        took["asr"] = time.perf_counter() - t
        t = time.perf_counter()
        load_labeller().predict(["thank you for calling"], ["en"])  # the encoder loads lazily
        took["labeller"] = time.perf_counter() - t
        if speakers:
            from qa.speakers import voice_encoder

            t = time.perf_counter()
            voice_encoder()
            took["speakers"] = time.perf_counter() - t
    return took


def score_stored_call(
    store: Store,
    call_id: str,
    options: PipelineOptions | Mapping[str, Any] | None = None,
    *,
    rubric: RubricConfig | str | None = None,
    progress: Progress | None = None,
    labeller: Any = None,
    redaction: Redaction | Mapping[str, Any] | str | None = None,
) -> StoredCallResult:
    """Transcribe (unless already transcribed) and score a stored call, at most once.

    ``progress(stage, fraction)`` is called as the work goes on. Raises
    :class:`~qa.errors.QAError` subclasses for unusable audio or a missing call.

    With ``redaction`` on (:class:`~qa.redact.modes.Redaction`, a mode name; default off),
    the call is scored on its original transcript, then the transcript, the score's evidence
    and, in ``text+audio``, the recording are redacted (:func:`redact_and_save`): the original
    words are never saved. A redacted transcript stored earlier is scored as it is (``qa
    rescore``); an unredacted one (stored while redaction was off) is scored, then redacted
    into a new transcript version (the older version stays in the history).
    """
    from qa.labeller import load_labeller
    from qa.scoring import score_call

    t0 = time.perf_counter()
    report: Callable[[str, float], None] = progress or (lambda _s, _f: None)
    opts = options if isinstance(options, PipelineOptions) else pipeline_options_from(options)
    cfg = rubric if isinstance(rubric, RubricConfig) else load_rubric_config(rubric)
    lab = labeller or load_labeller(data_dir=store.data_dir)
    rubric_version = cfg.full_version

    red = Redaction.of(redaction)

    info = store.calls.get(call_id)
    if store.calls.is_scored(call_id, rubric_version=rubric_version, labeller_version=lab.version):
        _drop_original(store, call_id)  # a run stopped between saving and deleting it
        score = info.score.score if info.score else None
        return StoredCallResult(call_id, "skipped", score, False, time.perf_counter() - t0)

    path = info.recording.path
    if not path:
        raise QAError(f"call {call_id} has no stored recording")
    audio = decode_audio(path, max_duration=opts.max_duration)
    transcribed = False
    try:
        call = store.calls.load(call_id) if info.transcript else None
    except NotFound:
        call = None
    if call is None:
        call = transcribe_call(
            audio,
            opts,
            call_id=call_id,
            agent_id=info.agent_id,
            progress=lambda stage, f: report(stage, 0.9 * f),
        )
        if not red.text:
            store.calls.save_transcript(call)
        transcribed = True
    report("score", 0.92)
    score = score_call(call, cfg, audio=audio, labeller=lab)
    if red.text and "redaction" not in call.meta:  # new, or stored before redaction was on
        report("redact", 0.95)
        saved = redact_and_save(store, call, score, red, audio=audio, labeller_version=lab.version)
    else:
        saved = store.calls.save_score_once(call_id, score, labeller_version=lab.version)
    if saved is None:
        # Another worker (or another batch run) scored it meanwhile with the same versions.
        report("done", 1.0)
        return StoredCallResult(call_id, "skipped", score.score, transcribed, time.perf_counter() - t0)
    report("done", 1.0)
    return StoredCallResult(call_id, "scored", score.score, transcribed, time.perf_counter() - t0)


def redact_and_save(
    store: Store,
    call: Call,
    score: CallScore,
    redaction: Redaction,
    *,
    audio: Any = None,
    labeller_version: str,
) -> int | None:
    """Redact a scored call and save it: the redacted transcript, the score with redacted
    evidence and the call's redaction record in one transaction
    (:meth:`~qa.store.calls.Calls.save_redacted`; ``None``: already scored, nothing saved).

    In ``text+audio`` the redacted copy of the recording (``audio``, decoded; the stored
    original is decoded if it is ``None``) is stored first, content-addressed, and becomes the
    one the call serves; then, unless ``keep_original_audio``, the original's bytes are deleted
    (its row stays: the same upload again finds the call). The order makes a run stopped at
    any point safe to repeat: nothing is served unredacted once the record is saved, and a
    repeat deletes an original left behind.
    """
    from qa.redact.transcript import redact_call

    done = redact_call(call, score, redaction.options, mode=redaction.mode)
    assert done.score is not None
    record: dict[str, Any] = {"mode": redaction.mode, "audio": None, "original_kept": True}
    if redaction.audio:
        record.update(_store_redacted_audio(store, call.id, done.mask, redaction, audio))
    saved = store.calls.save_redacted(
        done.call, done.score, labeller_version=labeller_version, redaction=record
    )
    if saved is not None:
        _drop_original(store, call.id)
    return saved


def _store_redacted_audio(
    store: Store, call_id: str, mask: Any, redaction: Redaction, audio: Any
) -> dict[str, Any]:
    import os
    import tempfile
    from pathlib import Path

    from qa.redact.audio import write_redacted

    if audio is None:
        audio = decode_audio(store.calls.get(call_id).recording.path or "", max_duration=None)
    # Whole milliseconds, outwards: the mask recorded is exactly the one applied.
    mask = [Span(math.floor(s.start * 1000) / 1000, math.ceil(s.end * 1000) / 1000) for s in mask]
    folder = store.data_dir / "incoming"
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=folder, suffix=".wav")
    os.close(fd)
    tmp = Path(name)
    try:
        write_redacted(audio, mask, tmp, tone_hz=redaction.tone_hz, level=redaction.tone_level)
        sha, _new = store.files.put(tmp, filename=f"{call_id}.redacted.wav", content_type="audio/wav")
    finally:
        tmp.unlink(missing_ok=True)
    return {
        "audio": sha,
        "original_kept": redaction.keep_original_audio,
        "mask": [[s.start, s.end] for s in mask],
        "tone_hz": redaction.tone_hz,
    }


def _drop_original(store: Store, call_id: str) -> None:
    """Delete the original recording's bytes of a call whose redaction record says it is not
    kept (nothing otherwise)."""
    info = store.calls.get(call_id)
    if original_removed(info.meta):
        if store.files.remove_bytes(info.recording_sha256):
            log.info("call %s: original recording deleted (redacted copy kept)", call_id)
