"""Real models on the shipped sample calls, checked against each sample's expected results."""

import re

import pytest

from qa.vad import overlaps
from tests.conftest import expected, sample_ids, transcribed

IDS = sample_ids()
pytestmark = pytest.mark.skipif(not IDS, reason="no samples/*.expected.json found")


def _role_share(call, exp):
    """Share of the expected speech time that the call attributes to the right role."""
    right = wrong = 0.0
    for u in exp["utterances"]:
        from qa.types import Span

        span = Span(u["start"], u["end"])
        other = "agent" if u["role"] == "customer" else "customer"
        right += sum(span.overlap(s) for s in call.speech(u["role"]))
        wrong += sum(span.overlap(s) for s in call.speech(other))
    return right / max(right + wrong, 1e-9)


@pytest.mark.parametrize("sample_id", IDS)
def test_invariants(sample_id):
    call = transcribed(sample_id)
    assert call.utterances, "nothing was transcribed"
    starts = [u.span.start for u in call.utterances]
    assert starts == sorted(starts)
    assert len({u.id for u in call.utterances}) == len(call.utterances)
    for u in call.utterances:
        assert 0.0 <= u.span.start <= u.span.end <= call.duration + 1e-6
        assert u.role in ("agent", "customer") and u.text.strip()
        prev = u.span.start
        for w in u.words:
            assert w.span in u.span, (u.id, w)
            assert w.span.start >= prev - 1e-6
            prev = w.span.start
    for role in ("agent", "customer"):
        for s in call.speech(role):
            assert 0.0 <= s.start <= s.end <= call.duration + 1e-6


@pytest.mark.parametrize("sample_id", IDS)
def test_language_detected_over_the_call(sample_id):
    call = transcribed(sample_id)
    assert call.meta["language_source"] == "detected"
    assert call.meta["language"] == expected(sample_id)["language"], call.meta["language_top"]


@pytest.mark.parametrize("sample_id", IDS)
def test_speech_time_attributed_to_the_right_role(sample_id):
    exp = expected(sample_id)
    call = transcribed(sample_id)
    share = _role_share(call, exp)
    assert share >= 0.9, f"only {share:.0%} of speech time attributed to the right role"


STEREO_EVENTS = [
    (sid, i)
    for sid in IDS
    if expected(sid)["layout"] == "stereo"
    for i, e in enumerate(expected(sid).get("events", ()))
    if e["kind"] in ("interruption", "talk_over")
]


@pytest.mark.parametrize("sample_id,index", STEREO_EVENTS)
def test_stereo_overlap_measured_at_known_time(sample_id, index):
    event = expected(sample_id)["events"][index]
    call = transcribed(sample_id)
    measured = overlaps(call.speech("agent"), call.speech("customer"), min_duration=0.1)
    nearest = min(measured, key=lambda s: abs(s.start - event["time"]), default=None)
    assert nearest is not None and abs(nearest.start - event["time"]) < 0.3, (event, measured)
    if "overlap" in event:
        truth = event["overlap"]["end"] - event["overlap"]["start"]
        assert abs(nearest.duration - truth) < 0.35, (nearest, event)


@pytest.mark.parametrize("sample_id", [s for s in IDS if expected(s).get("non_speech")])
def test_no_words_in_hold_music_or_silence(sample_id):
    call = transcribed(sample_id)
    words = [w for u in call.utterances for w in u.words]
    for ns in expected(sample_id)["non_speech"]:
        inside = [w.text for w in words if ns["start"] + 0.3 < w.span.middle < ns["end"] - 0.3]
        assert inside == [], f"hallucinated in {ns['kind']} {ns['start']}-{ns['end']}: {inside}"


def _tokens(text):
    return re.findall(r"[a-z']+", text.lower())


@pytest.mark.parametrize("sample_id", [s for s in IDS if expected(s)["language"] == "en"])
def test_english_words_recognised(sample_id):
    exp = expected(sample_id)
    call = transcribed(sample_id)
    truth = [t for u in exp["utterances"] for t in _tokens(u["text"]) if len(t) > 3]
    heard = set(t for u in call.utterances for t in _tokens(u.text))
    recall = sum(t in heard for t in truth) / max(1, len(truth))
    assert recall >= 0.7, f"only {recall:.0%} of the script's content words were recognised"


@pytest.mark.parametrize("sample_id", [s for s in IDS if expected(s)["language"] == "zh"])
def test_mandarin_transcripts_are_in_one_script(sample_id):
    """Whisper base writes some windows of these calls in traditional characters; the transcript
    comes out all in simplified (the default ``chinese_script``)."""
    import opencc

    to_simplified = opencc.OpenCC("t2s").convert
    call = transcribed(sample_id)
    text = "".join(u.text for u in call.utterances)
    assert len(text) > 50 and to_simplified(text) == text
    assert all(to_simplified(w.text) == w.text for u in call.utterances for w in u.words)
