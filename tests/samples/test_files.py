"""Fast consistency checks of the committed sample calls in ``samples/`` (no ASR, no TTS)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SCRIPTS = sorted((SAMPLES / "scripts").glob("*.json"))
FORMATS = {"wav-pcm16", "wav-ulaw", "wav-alaw", "flac", "mp3", "ogg", "m4a"}
EXT = {"wav-pcm16": "wav", "wav-ulaw": "wav", "wav-alaw": "wav", "flac": "flac", "mp3": "mp3",
       "ogg": "ogg", "m4a": "m4a"}
ROLES = {"agent", "customer"}
EVENT_KINDS = {"interruption", "talk_over", "backchannel"}
EPS = 1e-3


def _script(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _expected(sid: str) -> dict:
    return json.loads((SAMPLES / f"{sid}.expected.json").read_text(encoding="utf-8"))


def test_there_are_samples():
    assert len(SCRIPTS) >= 9


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.stem)
def test_script_has_audio_and_expected(path):
    s = _script(path)
    assert s["id"] == path.stem
    assert s["format"] in FORMATS
    assert 6 <= len(s["turns"]) <= 14
    exp_file = SAMPLES / f"{s['id']}.expected.json"
    assert exp_file.is_file()
    e = _expected(s["id"])
    audio = SAMPLES / e["audio"]
    assert audio.is_file()
    assert audio.suffix == "." + EXT[s["format"]]
    assert 0 < audio.stat().st_size < 2.2 * 1024 * 1024
    assert e["id"] == s["id"] and e["language"] == s["language"] and e["layout"] == s["layout"]
    assert e["sample_rate"] == s["sample_rate"]
    assert e["expect"] == s["expect"]
    assert len(e["utterances"]) == len(s["turns"])


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.stem)
def test_expected_timings(path):
    e = _expected(path.stem)
    assert 30.0 <= e["duration"] <= 120.0
    utts = e["utterances"]
    starts = [u["start"] for u in utts]
    assert starts == sorted(starts)
    for u in utts:
        assert u["role"] in ROLES
        assert 0.0 <= u["start"] < u["end"] <= e["duration"] + EPS
        assert u["text"].strip()
        assert u["language"] in {"en", "zh", "ko", "ms"}
    for ns in e["non_speech"]:
        assert 0.0 <= ns["start"] < ns["end"] <= e["duration"] + EPS
        for u in utts:  # nothing is said during hold music or bare line noise
            assert u["end"] <= ns["start"] + EPS or u["start"] >= ns["end"] - EPS


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.stem)
def test_events_lie_inside_customer_speech(path):
    e = _expected(path.stem)
    customer = [u for u in e["utterances"] if u["role"] == "customer"]
    for ev in e["events"]:
        assert ev["kind"] in EVENT_KINDS
        assert ev["overlap"]["start"] <= ev["time"] + EPS
        assert ev["overlap"]["start"] < ev["overlap"]["end"]
        assert any(u["start"] <= ev["time"] < u["end"] for u in customer), ev
        if ev["kind"] == "interruption":
            cut = [u for u in customer if u["start"] <= ev["time"] < u["end"]][0]
            assert cut.get("truncated") is True
            assert abs(cut["end"] - ev["overlap"]["end"]) <= EPS
    counts = {k: sum(ev["kind"] == k for ev in e["events"]) for k in EVENT_KINDS}
    expect = e["expect"]
    for key, kind in (("interruptions", "interruption"), ("talk_overs", "talk_over"),
                      ("backchannels", "backchannel")):
        if key in expect:
            assert counts[kind] == expect[key]


def test_coverage_of_languages_layouts_formats():
    scripts = [_script(p) for p in SCRIPTS]
    assert {s["language"] for s in scripts} >= {"en", "zh", "ko", "ms"}
    assert {s["layout"] for s in scripts} == {"stereo", "mono"}
    assert {s["format"] for s in scripts} == FORMATS
    nonen_mono = [s for s in scripts if s["layout"] == "mono" and s["language"] != "en"]
    assert nonen_mono


def test_audio_headers_match_expected():
    """Cheap header checks for the formats libsndfile reads (WAV, FLAC)."""
    sf = pytest.importorskip("soundfile")
    for p in SCRIPTS:
        e = _expected(p.stem)
        if not e["audio"].endswith((".wav", ".flac")):
            continue
        info = sf.info(str(SAMPLES / e["audio"]))
        assert info.samplerate == e["sample_rate"]
        assert info.channels == (2 if e["layout"] == "stereo" else 1)
        assert abs(info.duration - e["duration"]) < 0.01
