"""Ingest: a recording on disk becomes a stored recording and its call, or nothing at all.

The one path by which audio enters the store, used by the upload route (``POST /v1/calls``) and
by batch scoring (:func:`qa.batch.score_file`):

1. **probe**: the file is decoded once end to end (:func:`qa.audio.probe_audio`), so an empty,
   corrupt, truncated or over-long file raises :class:`~qa.errors.AudioError` before anything is
   stored;
2. **store the recording**, content-addressed (:meth:`qa.store.files.RecordingFiles.put`);
3. **add the call** for it (:meth:`qa.store.calls.Calls.add`), unless the recording already
   has one: the same bytes again under the same agent give the existing call, unchanged
   (``Ingested.new`` is ``False``); when that call's original was replaced by a redacted copy
   and not kept, the bytes are not stored again either. The same bytes under **another** agent
   raise :class:`DuplicateRecording` (the call is not silently attributed to its first agent).

Scoring is not part of ingest: the caller queues a job or scores the call itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from qa.audio import file_sha256, probe_audio, silent_channels
from qa.errors import AudioError, QAError
from qa.names import check_agent_id
from qa.store.calls import original_removed

if TYPE_CHECKING:
    from qa.store import Store

__all__ = ["NewCall", "Ingested", "DuplicateRecording", "ingest", "check_same_agent"]


class DuplicateRecording(QAError):
    """The recording is already stored as ``call_id`` of another agent (``agent_id``)."""

    def __init__(self, call_id: str, agent_id: str, wanted: str) -> None:
        self.call_id = call_id
        self.agent_id = agent_id
        self.wanted = wanted
        super().__init__(
            f"this recording is already stored as call {call_id} of agent {agent_id}, "
            f"not {wanted}: correct that call's agent instead (PATCH /v1/calls/{call_id})"
        )


def check_same_agent(store: Store, call_id: str, agent_id: str) -> None:
    """:class:`DuplicateRecording` unless ``call_id`` belongs to ``agent_id``."""
    stored = store.calls.get(call_id).agent_id
    if stored != agent_id.strip():
        raise DuplicateRecording(call_id, stored, agent_id.strip())


@dataclass(frozen=True)
class NewCall:
    """What is known about a call before its recording is stored (as ``store.calls.add``
    takes it). ``call_time`` ``None``: now; an aware one's UTC offset is kept with the call
    (``calls.tz_offset``), a naive one is UTC with no offset recorded."""

    agent_id: str
    agent_name: str | None = None
    call_time: datetime | None = None
    queue: str | None = None
    customer_ref: str | None = None
    language_hint: str | None = None
    channel_layout: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    #: The team a new agent is created in (an existing agent keeps its own).
    agent_team: str | None = None


@dataclass(frozen=True)
class Ingested:
    """What :func:`ingest` stored: the call, its recording's sha256, whether the call is
    ``new`` (``False``: the recording already had this call, left as it was) and the probed
    ``audio`` (``duration`` in seconds, ``channels``, ``sample_rate``, ``codec``,
    ``container``)."""

    call_id: str
    recording: str
    new: bool
    audio: Mapping[str, Any]


def ingest(
    store: Store,
    path: str | os.PathLike[str],
    call: NewCall,
    *,
    max_duration: float | None,
    filename: str | None = None,
    content_type: str | None = None,
    check_layout: bool = False,
    audio_meta: str | None = None,
    stage: Callable[[str], None] | None = None,
    sha256: str | None = None,
    same_agent: bool = True,
) -> Ingested:
    """Probe ``path``, store it and add its call; raises before storing anything if the audio
    cannot be used.

    Raises :class:`~qa.errors.AudioError` (from the probe) for a file that does not decode
    completely or is longer than ``max_duration`` seconds (``None``: no limit), and, with
    ``check_layout``, for a ``stereo`` call whose recording does not have two channels; in
    either case nothing is stored. ``filename`` and ``content_type`` are kept with the
    recording (``filename`` ``None``: the file's own name). ``audio_meta`` names a key of
    ``call.meta`` under which the probed audio facts are recorded too. ``stage`` is told
    ``"decode"`` before the probe and ``"store"`` before anything is written (for a caller that
    names the stage a failure happened in). ``sha256``: the file's hash when the caller already
    computed it (batch does, to skip scored files), so the file is not read for it again. Each
    write is one transaction; the same bytes again return the existing call, or, with
    ``same_agent`` (default) when that call is another agent's, raise
    :class:`DuplicateRecording` (nothing is stored).
    """
    check_agent_id(call.agent_id)  # before any work: an id pages and exports could not carry
    if stage is not None:
        stage("decode")
    info = probe_audio(path, max_duration=max_duration)
    if check_layout and call.channel_layout == "stereo" and info["channels"] != 2:
        raise AudioError(
            f"layout 'stereo' needs a two-channel recording; this one has {info['channels']} "
            "(send layout=mono or auto)"
        )
    if check_layout:
        _check_not_silent(info, call.channel_layout)
    info = {k: v for k, v in info.items() if k != "peaks"}  # only for the check above
    if stage is not None:
        stage("store")
    # A call whose original was replaced by its redacted copy (and not kept) must not get
    # the original bytes back from a second upload of the same file.
    sha = sha256 or file_sha256(path)
    known = store.calls.for_recording(sha)
    if known is not None and same_agent:
        check_same_agent(store, known, call.agent_id)
    if known is not None and original_removed(store.calls.get(known).meta):
        return Ingested(call_id=known, recording=sha, new=False, audio=info)
    sha, _created = store.files.put(path, filename=filename, content_type=content_type)
    existing = store.calls.for_recording(sha)
    if existing is not None:
        if same_agent:
            check_same_agent(store, existing, call.agent_id)
        return Ingested(call_id=existing, recording=sha, new=False, audio=info)
    meta = dict(call.meta)
    if audio_meta is not None:
        meta[audio_meta] = {**meta.get(audio_meta, {}), **info}
    call_id = store.calls.add(
        sha,
        agent_id=call.agent_id,
        agent_name=call.agent_name,
        call_time=call.call_time,
        queue=call.queue,
        customer_ref=call.customer_ref,
        language_hint=call.language_hint,
        channel_layout=call.channel_layout,
        duration=float(info["duration"]),
        meta=meta,
        agent_team=call.agent_team,
    )
    if same_agent:  # a concurrent upload of the same bytes under another agent won the race
        check_same_agent(store, call_id, call.agent_id)
    return Ingested(call_id=call_id, recording=sha, new=True, audio=info)


def _check_not_silent(info: Mapping[str, Any], layout: str | None) -> None:
    """:class:`~qa.errors.AudioError` for a recording with no signal at all, or (unless it is to
    be read as mono) a stereo one with a silent channel: it could only fail when scored."""
    silent = silent_channels(info)
    channels = int(info.get("channels") or 0)
    if channels and len(silent) == channels:
        raise AudioError("the recording is silent: there is no signal on any channel")
    if silent and channels == 2 and layout != "mono":
        raise AudioError(
            f"channel {silent[0]} of this stereo recording is silent, so the call cannot be "
            "split into agent and customer by channel; if both parties are on the other "
            "channel, send layout=mono"
        )
