"""Scoring a stored call as a job (qa/jobs.py), as the server's job worker runs it.

Real SQLite stores and a real recording (the first seconds of a sample call), transcribed and
scored with the real models once per module; the other tests reuse that transcript or use
recordings that fail before any model runs.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import api.worker
from api.worker import JOB_KIND, JobWorker
from qa.audio import decode_audio
from qa.config import load_rubric_config
from qa.errors import AudioError, InputError
from qa.jobs import StoredCallResult, pipeline_options_from, score_stored_call, warm_models
from qa.labeller import load_labeller
from qa.pipeline import PipelineOptions
from qa.store import NotFound, Store
from tests.conftest import SAMPLES, write_wav

CLIP_S = 20.0
PAYLOAD = {"agent_channel": 0, "language": "en", "source": "upload"}


def open_store(root: Path) -> Store:
    return Store.open(f"sqlite:///{root / 'qa.db'}", data_dir=root / "data")


def add_call(store: Store, path: Path, agent: str = "ann") -> str:
    sha, _ = store.files.put(path)
    return store.calls.add(sha, agent_id=agent)


def claim(store: Store) -> Any:
    job = store.jobs.claim_next(kinds=[JOB_KIND], worker="test-worker")
    assert job is not None
    return job


class Spy:
    """Records what the worker writes to its job (every write still reaches the store) and the
    stages :func:`score_stored_call` reports."""

    def __init__(self, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
        self.updates: list[dict[str, Any]] = []
        self.stages: list[tuple[str, float]] = []
        real_update, real_score = store.jobs.update, api.worker.score_stored_call

        def update(job_id: str, **kw: Any) -> Any:
            self.updates.append(kw)
            return real_update(job_id, **kw)

        def score(*args: Any, progress: Any = None, **kw: Any) -> StoredCallResult:
            def report(stage: str, fraction: float) -> None:
                self.stages.append((stage, fraction))
                progress(stage, fraction)

            return real_score(*args, progress=report, **kw)

        monkeypatch.setattr(store.jobs, "update", update)
        monkeypatch.setattr(api.worker, "score_stored_call", score)

    @property
    def progress(self) -> list[float]:
        return [u["progress"] for u in self.updates if u.get("progress") is not None]


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 20 s of a stereo sample (agent on channel 0) as a 16-bit WAV."""
    audio = decode_audio(SAMPLES / "en_stereo_wrong_coat.wav")
    path = tmp_path_factory.mktemp("clip") / "coat.wav"
    return write_wav(path, audio.samples[:, : int(CLIP_S * audio.sample_rate)])


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory, clip: Path) -> dict[str, Any]:
    """An uploaded call's job, claimed and run by a job worker with the real models."""
    store = open_store(tmp_path_factory.mktemp("scored"))
    call_id = add_call(store, clip)
    job_id = store.jobs.create(kind=JOB_KIND, call_id=call_id, payload=PAYLOAD)
    assert store.calls.get(call_id).transcript is None
    worker = JobWorker(store)
    with pytest.MonkeyPatch.context() as mp:
        spy = Spy(store, mp)
        worker.run_job(claim(store))
    yield {
        "store": store,
        "call_id": call_id,
        "job_id": job_id,
        "worker": worker,
        "spy": spy,
        "job": store.jobs.get(job_id),
        "call": store.calls.get(call_id),
    }
    store.close()


# --- the payload ---------------------------------------------------------------------------------


def test_pipeline_options_come_from_the_payloads_own_keys():
    opts = pipeline_options_from(
        {
            "layout": "stereo",
            "agent_channel": "right",
            "language": "English",
            "max_duration": 90,
            "queue": "billing",  # the caller's own key: ignored
            "result": "scored",
        }
    )
    assert (opts.layout, opts.agent_channel, opts.language, opts.max_duration) == (
        "stereo",
        1,
        "en",
        90,
    )
    assert opts.transcription == PipelineOptions().transcription  # nothing else is taken
    # A key given as None keeps the default, as does no payload at all.
    assert pipeline_options_from({"agent_channel": None, "language": None}) == PipelineOptions()
    assert pipeline_options_from(None) == PipelineOptions()
    with pytest.raises(InputError, match="layout must be auto, stereo or mono, got 'quad'"):
        pipeline_options_from({"layout": "quad"})


# --- a call scored by its job ---------------------------------------------------------------------


def test_a_job_transcribes_and_scores_its_call_and_ends_done(scored):
    job, call, worker = scored["job"], scored["call"], scored["worker"]
    assert (worker.done, worker.failed) == (1, 0)
    assert job.status == "done" and job.progress == 1.0 and job.error is None
    assert job.attempts == 1 and job.call_id == scored["call_id"]

    # The score is stored, current, and made with today's rubric and labeller versions.
    assert call.score is not None and isinstance(call.score.score, float)
    assert call.score.rubric_version == load_rubric_config().full_version
    assert call.score.labeller_version == load_labeller().version
    assert len(call.history) == 1 and call.history[0].id == call.score.id
    assert {r["rubric"] for r in call.score.results} >= {"interruption", "resolution"}
    # The job keeps the caller's payload and adds what happened.
    assert job.payload == {**PAYLOAD, "result": "scored", "score": call.score.score}

    # The transcript was saved with the call: both parties, in the given layout.
    assert call.transcript is not None and call.source == "stereo"
    assert call.duration == pytest.approx(CLIP_S, abs=0.05) and call.language == "en"
    roles = {u["role"] for u in call.transcript.utterances}
    assert roles == {"agent", "customer"}
    first_agent = next(u for u in call.transcript.utterances if u["role"] == "agent")
    assert first_agent["channel"] == 0


def test_progress_is_reported_stage_by_stage_and_written_to_the_job(scored):
    stages = scored["spy"].stages
    names = [s for s, _f in stages]
    # Transcription's own stages come first, squeezed under 0.9; then scoring, then done.
    assert names[:3] == ["decode", "vad", "transcribe"]
    assert names[-2:] == ["score", "done"] and stages[-2:] == [("score", 0.92), ("done", 1.0)]
    assert all(f <= 0.9 for s, f in stages[:-2])
    fractions = [f for _s, f in stages]
    assert fractions == sorted(fractions) and all(0.0 <= f <= 1.0 for f in fractions)
    assert sum(1 for s in names if s == "transcribe") >= 2  # ASR reports as it goes

    # The worker wrote the progress to the job: every new stage, rising, ending at done with 1.
    written = scored["spy"].progress
    assert written == sorted(written) and written[-1] == 1.0
    assert 0.92 in written and any(0 < p < 0.9 for p in written)
    assert len(written) >= len(set(names))
    last = scored["spy"].updates[-1]
    assert last["status"] == "done" and last["progress"] == 1.0


def test_a_finished_job_is_not_claimed_again_and_a_repeat_does_not_rescore(scored):
    store, call_id, job_id = scored["store"], scored["call_id"], scored["job_id"]
    before = store.calls.get(call_id)
    assert store.jobs.claim_next(kinds=[JOB_KIND]) is None  # done jobs stay done

    # The same job delivered again (queued by hand, as a restart that lost track might do).
    store.jobs.update(job_id, status="queued")
    again = claim(store)
    assert again.id == job_id and again.attempts == 2
    worker = JobWorker(store)
    with pytest.MonkeyPatch.context() as mp:
        spy = Spy(store, mp)
        worker.run_job(again)
    job = store.jobs.get(job_id)
    assert job.status == "done" and job.payload["result"] == "skipped" and worker.done == 1
    assert job.payload["score"] == before.score.score
    assert spy.stages == []  # nothing decoded, transcribed or scored
    after = store.calls.get(call_id)
    assert len(after.history) == 1 and after.score.id == before.score.id
    assert after.transcript.id == before.transcript.id

    # Called directly: the same answer.
    direct = score_stored_call(store, call_id, PAYLOAD, progress=lambda *_: pytest.fail("ran"))
    assert (direct.call_id, direct.status, direct.transcribed) == (call_id, "skipped", False)
    assert direct.score == before.score.score and direct.seconds >= 0


def test_a_stored_transcript_is_reused_and_a_new_rubric_version_scores_again(scored, clip):
    store = scored["store"]
    # The same audio in other bytes (FLAC): a new call, left transcribed by a worker that died.
    flac = clip.with_suffix(".flac")
    write_wav(flac, decode_audio(clip).samples, subtype="PCM_16")
    call_id = add_call(store, flac, agent="bob")
    assert call_id != scored["call_id"]
    transcript = dataclasses.replace(store.calls.load(scored["call_id"]), id=call_id)
    transcript_id = store.calls.save_transcript(transcript)

    stages: list[tuple[str, float]] = []
    result = score_stored_call(store, call_id, PAYLOAD, progress=lambda s, f: stages.append((s, f)))
    assert (result.status, result.transcribed) == ("scored", False)
    assert stages == [("score", 0.92), ("done", 1.0)]  # no decode/vad/transcribe stages
    detail = store.calls.get(call_id)
    assert detail.transcript.id == transcript_id  # no second transcript
    assert detail.score.score == result.score == pytest.approx(scored["call"].score.score)

    # Another rubric version is another score: added to the history, transcript reused again.
    cfg = load_rubric_config()
    edited = dataclasses.replace(cfg, version=f"{cfg.version}-edited")
    assert edited.full_version != cfg.full_version
    rescored = score_stored_call(store, call_id, PAYLOAD, rubric=edited)
    assert (rescored.status, rescored.transcribed) == ("scored", False)
    detail = store.calls.get(call_id)
    assert len(detail.history) == 2 and detail.score.rubric_version == edited.full_version
    assert detail.transcript.id == transcript_id
    # ...and once per version: the edited rubric again is a no-op.
    assert score_stored_call(store, call_id, PAYLOAD, rubric=edited).status == "skipped"
    assert len(store.calls.get(call_id).history) == 2


# --- jobs that fail ---------------------------------------------------------------------------------


def test_a_recording_without_speech_fails_its_job_with_the_reason_and_keeps_the_call(tmp_path):
    rng = np.random.default_rng(3)
    hiss = (rng.standard_normal((2, 4 * 16_000)) * 0.0005).astype(np.float32)
    path = write_wav(tmp_path / "hiss.wav", hiss)
    with open_store(tmp_path) as store:
        call_id = add_call(store, path)
        job_id = store.jobs.create(kind=JOB_KIND, call_id=call_id, payload={"agent_channel": 0})
        worker = JobWorker(store)
        worker.run_job(claim(store))

        job = store.jobs.get(job_id)
        assert (worker.done, worker.failed) == (0, 1)
        assert job.status == "failed" and job.attempts == 1
        assert job.error and "no speech" in job.error and "internal error" not in job.error
        assert job.payload == {"agent_channel": 0}  # no result recorded
        # The call and its recording stay, unscored and untranscribed, ready for another try.
        call = store.calls.get(call_id)
        assert call.score is None and call.transcript is None and call.history == ()
        assert Path(call.recording.path).read_bytes() == path.read_bytes()
        assert store.jobs.claim_next(kinds=[JOB_KIND]) is None  # failed is final

        # The worker's message is the error score_stored_call raises.
        with pytest.raises(AudioError) as err:
            score_stored_call(store, call_id, {"agent_channel": 0})
        assert str(err.value) == job.error


def test_a_bad_payload_fails_the_job_before_any_work(tmp_path, clip):
    with open_store(tmp_path) as store:
        call_id = add_call(store, clip)
        job_id = store.jobs.create(kind=JOB_KIND, call_id=call_id, payload={"layout": "quad"})
        worker = JobWorker(store)
        worker.run_job(claim(store))
        job = store.jobs.get(job_id)
        assert job.status == "failed" and worker.failed == 1
        assert job.error == "layout must be auto, stereo or mono, got 'quad'"
        assert store.calls.get(call_id).transcript is None


def test_an_unknown_call_is_not_found(tmp_path):
    with open_store(tmp_path) as store:
        with pytest.raises(NotFound, match="no call 0123456789abcdef"):
            score_stored_call(store, "0123456789abcdef")


def test_warm_models_loads_what_a_job_needs_and_says_how_long(scored):
    from qa.speakers import voice_encoder

    took = warm_models(speakers=False)
    assert set(took) == {"asr", "labeller"} and all(t >= 0 for t in took.values())
    took = warm_models(PipelineOptions(layout="mono"))
    assert set(took) == {"asr", "labeller", "speakers"}
    assert voice_encoder.cache_info().currsize == 1
