"""``qa transcribe`` as a user runs it: the JSON and human forms, and clean failures for bad
files and options."""

import json

import numpy as np
import pytest

from tests.cli.run import assert_clean_failure, qa
from tests.conftest import SAMPLES, SR, espeak, tone, write_wav


def test_transcribe_json_schema(two_party_wav):
    res = qa("transcribe", two_party_wav, "--json", "-q")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert {"id", "agent_id", "duration", "source", "utterances", "meta"} <= set(data)
    assert data["meta"]["language"] == "en" and data["source"] == "stereo"
    roles = [u["role"] for u in data["utterances"]]
    assert roles == sorted(roles, key=lambda r: 0)  # stable
    assert "agent" in roles and "customer" in roles
    for u in data["utterances"]:
        assert {"id", "role", "start", "end", "text", "language", "words"} <= set(u)
        for w in u["words"]:
            assert u["start"] <= w["start"] <= w["end"] <= u["end"]
    assert data["meta"]["options"]["transcription"]["model"] == "base"


def test_transcribe_human_form(two_party_wav):
    res = qa("transcribe", two_party_wav, "-q", "--words")  # word timings only when asked
    assert res.returncode == 0, res.stderr
    assert "AGENT" in res.stdout and "CUSTOMER" in res.stdout and "words:" in res.stdout


@pytest.mark.parametrize(
    "kind,match",
    [
        ("empty", "empty"),
        ("text", "not a readable audio file"),
        ("truncated", "truncated"),
        ("zero", "no audio samples"),
        ("missing", "no such file"),
    ],
)
def test_bad_files_fail_cleanly(tmp_path, kind, match):
    p = tmp_path / "bad.wav"
    if kind == "empty":
        p.write_bytes(b"")
    elif kind == "text":
        p.write_text("not audio\n" * 50)
    elif kind == "truncated":
        full = write_wav(tmp_path / "full.wav", tone(4.0))
        p.write_bytes(full.read_bytes()[:30_000])
    elif kind == "zero":
        write_wav(p, np.zeros(0, np.float32))
    res = qa("transcribe", p)
    assert_clean_failure(res, match)


def test_silent_channel_and_one_speaker_fail_cleanly(tmp_path):
    agent = espeak("Thank you for calling, how can I help you today? Let me check that for you.", "en-us+m3")
    sig = np.zeros(12 * SR, np.float32)
    sig[SR : SR + agent.size] = agent
    stereo = write_wav(tmp_path / "one_side.wav", np.stack([sig, np.zeros_like(sig)]))
    assert_clean_failure(qa("transcribe", stereo), "is silent")
    from qa.audio import decode_audio

    # One party's channel of a stereo sample: a single voice, 45 s.
    mono = decode_audio(SAMPLES / "ko_stereo_delivery.m4a").channel(0)
    assert_clean_failure(qa("transcribe", write_wav(tmp_path / "mono.wav", mono), "--mono", "--language", "ko"), "only one speaker")


def test_bad_options_fail_cleanly(two_party_wav, tmp_path):
    assert_clean_failure(qa("transcribe", two_party_wav, "--language", "english!!"), "language must be")
    res = qa("transcribe", two_party_wav, "--language", "fr")
    assert res.returncode == 2 and "language 'fr' is not one qa scores" in res.stderr and not res.stdout
    assert_clean_failure(qa("transcribe", two_party_wav, "--model", str(tmp_path)), "not a CTranslate2")
    assert_clean_failure(qa("transcribe", two_party_wav, "--max-duration", "5"), "over the limit")
    bad = tmp_path / "r.toml"
    bad.write_text("[items.x]\nweight = 'heavy'\n")
    res = qa("score", two_party_wav, "--rubric", bad)
    assert res.returncode != 0 and "Traceback" not in res.stderr
    res = qa("transcribe", two_party_wav, "--agent-channel", "2")
    assert res.returncode == 2 and "invalid choice" in res.stderr
