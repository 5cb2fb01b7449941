"""Ingest (qa/ingest.py): a good recording becomes a stored recording and its call, once; a bad
one is refused with a clear error and leaves nothing stored."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import numpy as np
import pytest

from qa.audio import file_sha256
from qa.errors import AudioError
from qa.ingest import DuplicateRecording, NewCall, ingest
from qa.store import Store
from tests.conftest import tone, write_wav


@pytest.fixture
def store(tmp_path):
    with Store.open(None, data_dir=tmp_path / "var") as s:
        yield s


def stored_files(store: Store) -> list:
    return [p for p in store.files.audio_dir.rglob("*") if p.is_file()]


def test_a_good_recording_is_stored_with_its_call_once(store, tmp_path):
    wav = write_wav(tmp_path / "call.wav", np.stack([tone(3.0), tone(3.0, 220.0)]))
    when = datetime(2026, 2, 14, 9, 30, tzinfo=UTC)
    call = NewCall(
        agent_id="ann", agent_name="Ann", call_time=when, queue="billing", customer_ref="C-1",
        language_hint="en", channel_layout="stereo", meta={"upload": {"filename": "call.wav"}},
    )
    stages: list[str] = []
    done = ingest(
        store, wav, call, max_duration=60, check_layout=True, audio_meta="upload",
        stage=stages.append,
    )
    assert stages == ["decode", "store"]
    sha = file_sha256(wav)
    assert done.new and done.recording == sha and done.call_id == sha[:16]
    assert done.audio["channels"] == 2 and done.audio["duration"] == pytest.approx(3.0, abs=0.01)
    info = store.calls.get(done.call_id)
    assert (info.agent_id, info.call_time, info.queue, info.customer_ref) == ("ann", when, "billing", "C-1")
    assert (info.language_hint, info.channel_layout) == ("en", "stereo")
    assert info.duration == pytest.approx(3.0, abs=0.01)
    # The probed audio is recorded under the key asked for, beside what the caller put there.
    assert info.meta["upload"] == {"filename": "call.wav", **done.audio}
    assert store.files.path(sha).read_bytes() == wav.read_bytes()
    # The same bytes again: the existing call, unchanged, and no second copy.
    again = ingest(store, wav, NewCall(agent_id="ann"), max_duration=60)
    assert (again.new, again.call_id, again.recording) == (False, done.call_id, sha)
    # Under another agent: refused, naming the call and its agent; nothing attributed.
    with pytest.raises(DuplicateRecording) as refused:
        ingest(store, wav, NewCall(agent_id="bob"), max_duration=60)
    assert (refused.value.call_id, refused.value.agent_id) == (done.call_id, "ann")
    # Unless the caller does not care whose it is (batch files with no agent).
    loose = ingest(store, wav, NewCall(agent_id="bob"), max_duration=60, same_agent=False)
    assert (loose.new, loose.call_id) == (False, done.call_id)
    assert store.calls.get(done.call_id).agent_id == "ann"
    assert store.calls.list()[1] == 1 and len(stored_files(store)) == 1


@pytest.mark.parametrize(
    "kind,match",
    [
        ("text", "not a readable audio file"),
        ("empty", "the file is empty (0 bytes)"),
        ("truncated", "truncated"),
        ("too long", "over the limit"),
        ("mono as stereo", "layout 'stereo' needs a two-channel recording; this one has 1"),
    ],
)
def test_a_bad_recording_is_refused_and_nothing_is_stored(store, tmp_path, kind, match):
    bad = tmp_path / "bad.wav"
    layout = None
    if kind == "text":
        bad.write_text("not audio\n" * 50)
    elif kind == "empty":
        bad.write_bytes(b"")
    elif kind == "truncated":
        full = write_wav(tmp_path / "full.wav", tone(4.0))
        bad.write_bytes(full.read_bytes()[:30_000])
    elif kind == "too long":
        write_wav(bad, tone(6.0))
    else:
        write_wav(bad, tone(2.0))
        layout = "stereo"
    stages: list[str] = []
    with pytest.raises(AudioError, match=re.escape(match)) as err:
        ingest(
            store, bad, NewCall(agent_id="ann", channel_layout=layout), max_duration=5,
            check_layout=True, stage=stages.append,
        )
    assert str(bad) in str(err.value) or kind == "mono as stereo"  # names the file
    assert stages == ["decode"]  # refused before anything was written
    assert store.calls.list()[1] == 0 and stored_files(store) == []
    assert store.calls.agents() == []


def test_without_the_layout_check_a_mono_file_may_be_called_stereo(store, tmp_path):
    """Batch leaves the stereo check to the pipeline (as before ingest was shared)."""
    wav = write_wav(tmp_path / "mono.wav", tone(2.0))
    done = ingest(store, wav, NewCall(agent_id="ann", channel_layout="stereo"), max_duration=None)
    assert done.new and store.calls.get(done.call_id).channel_layout == "stereo"
