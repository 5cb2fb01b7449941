"""The pipeline on calls built in the test from espeak-ng speech with known timings."""

import numpy as np
import pytest

from qa.errors import AudioError, InputError
from qa.pipeline import PipelineOptions, transcribe_call
from qa.vad import overlaps
from tests.conftest import SR, espeak, tone, write_wav

AGENT = "Thank you for calling Acme support, my name is Sam. How can I help you today?"
CUSTOMER = "I bought a winter coat from your shop last week and you sent me the wrong size and the wrong colour as well"


def place(total_s: float, *parts: tuple[float, np.ndarray]) -> np.ndarray:
    out = np.zeros(int(total_s * SR), np.float32)
    for at, sig in parts:
        a = int(at * SR)
        out[a : a + sig.size] += sig[: max(0, out.size - a)]
    return out


@pytest.fixture(scope="module")
def voices():
    return {
        "agent": espeak(AGENT, "en-us+m3"),
        "customer": espeak(CUSTOMER, "en-us+f3"),
        "agent2": espeak("I'm sorry to hear that. I will send the right size today.", "en-us+m3"),
    }


def test_stereo_overlap_matches_the_placed_timing(tmp_path, voices):
    cust = voices["customer"]
    cust_at = 6.0
    cut_in = cust_at + cust.size / SR - 1.5  # the agent starts 1.5 s before the customer ends
    agent = place(20.0, (0.3, voices["agent"]), (cut_in, voices["agent2"]))
    customer = place(20.0, (cust_at, cust))
    path = write_wav(tmp_path / "stereo.wav", np.stack([agent, customer]))
    call = transcribe_call(path)
    assert call.source == "stereo" and call.meta["language"] == "en"
    ov = overlaps(call.speech("agent"), call.speech("customer"), min_duration=0.3)
    assert ov, "the overlap was not measured"
    assert ov[0].start == pytest.approx(cut_in, abs=0.2)
    assert ov[0].duration == pytest.approx(1.5, abs=0.35)
    roles = [u.role for u in call.utterances]
    assert roles[0] == "agent" and "customer" in roles
    assert any("size" in u.text.lower() for u in call.by_role("customer"))


def test_agent_channel_option_swaps_roles(tmp_path, voices):
    agent = place(12.0, (0.3, voices["agent"]))
    customer = place(12.0, (6.5, voices["customer"][: 4 * SR]))
    path = write_wav(tmp_path / "swapped.wav", np.stack([customer, agent]))
    call = transcribe_call(path, PipelineOptions(agent_channel=1, language="en"))
    first = call.utterances[0]
    assert first.role == "agent" and first.channel == 1 and "help" in first.text.lower()


def test_stereo_with_one_silent_channel_is_refused_with_advice(tmp_path, voices):
    agent = place(10.0, (0.3, voices["agent"]))
    path = write_wav(tmp_path / "one_sided.wav", np.stack([agent, np.zeros_like(agent)]))
    with pytest.raises(AudioError, match=r"customer channel \(channel 1\) is silent.*--mono"):
        transcribe_call(path)


def test_silence_only_is_refused(tmp_path):
    rng = np.random.default_rng(0)
    noise = (rng.standard_normal(10 * SR) * 0.001).astype(np.float32)
    path = write_wav(tmp_path / "hiss.wav", noise)
    with pytest.raises(AudioError, match="no speech"):
        transcribe_call(path)


def test_mono_with_one_speaker_is_refused(tmp_path, samples_dir):
    from qa.audio import decode_audio

    # One party's channel of a stereo sample: 45 s of a single (synthetic) voice.
    one = decode_audio(samples_dir / "ko_stereo_delivery.m4a").channel(0)
    path = write_wav(tmp_path / "monologue.wav", one)
    with pytest.raises(AudioError, match="only one speaker"):
        transcribe_call(path, PipelineOptions(layout="mono", language="ko"))


def test_a_single_voice_is_never_scored_as_a_plain_two_party_call(tmp_path, voices):
    # espeak's voice reads three sentences: its windows cluster into two "voices" closer than
    # real telephone voices would be. Either refused, or taken with a quality warning.
    one = place(20.0, (0.3, voices["agent"]), (7.0, voices["agent2"]), (12.0, voices["agent"]))
    path = write_wav(tmp_path / "monologue.wav", one)
    try:
        call = transcribe_call(path, PipelineOptions(layout="mono", language="en"))
    except AudioError as exc:
        assert "only one speaker" in str(exc)
    else:
        assert any("hard to tell apart" in w for w in call.meta["quality_warnings"])


def test_hold_music_and_noise_produce_no_words(tmp_path, voices):
    rng = np.random.default_rng(1)
    chord = sum(tone(12.0, f, amp=0.08) for f in (261.6, 329.6, 392.0))
    chord = chord * (0.6 + 0.4 * np.sin(2 * np.pi * 0.5 * np.arange(chord.size) / SR)).astype(np.float32)
    hiss = (rng.standard_normal(6 * SR) * 0.003).astype(np.float32)
    agent = place(36.0, (0.3, voices["agent"]), (8.0, chord), (20.0, hiss), (28.0, voices["agent2"]))
    customer = place(36.0, (26.5, voices["customer"][: int(1.2 * SR)]), (1.0, np.zeros(1, np.float32)))
    customer = place(36.0, (5.0, voices["customer"][: 2 * SR]), (33.0, voices["customer"][: int(2.5 * SR)]))
    path = write_wav(tmp_path / "hold.wav", np.stack([agent, customer]))
    call = transcribe_call(path, PipelineOptions(language="en"))
    words = [w for u in call.utterances for w in u.words]
    in_hold = [w.text for w in words if 8.5 < w.span.middle < 25.5]
    assert in_hold == [], f"words hallucinated in hold music/noise: {in_hold}"
    assert any(w.span.middle < 8 for w in words) and any(w.span.middle > 27 for w in words)


def test_the_agent_leaking_into_the_customer_channel_is_not_customer_speech(tmp_path, voices):
    """Echo/crosstalk: a quiet, delayed copy of the agent on the customer's channel is dropped,
    while the customer really talking over the agent (a different voice) is kept."""
    cust = voices["customer"]
    cust_at = 6.0
    cut_in = cust_at + cust.size / SR - 1.5
    agent = place(20.0, (0.3, voices["agent"]), (cut_in, voices["agent2"]))
    echo = np.zeros_like(agent)
    delay = int(0.03 * SR)
    echo[delay:] = 0.04 * agent[:-delay]  # -28 dB, 30 ms late: line echo
    customer = place(20.0, (cust_at, cust)) + np.where(
        np.arange(agent.size) < int(cust_at * SR), echo, 0.0
    ).astype(np.float32)  # the greeting leaks across; the customer's own speech is clean
    path = write_wav(tmp_path / "echo.wav", np.stack([agent, customer]))
    call = transcribe_call(path)
    leaked = [s for s in call.speech("customer") if s.end <= cust_at - 0.2]
    assert not leaked, leaked
    assert call.meta["crosstalk"] and all(r == "customer" for r, _s, _e in call.meta["crosstalk"])
    assert any("leaking across" in n for n in call.meta["notes"])
    assert all("calling" not in u.text.lower() for u in call.by_role("customer"))
    ov = overlaps(call.speech("agent"), call.speech("customer"), min_duration=0.3)
    assert ov and ov[0].start == pytest.approx(cut_in, abs=0.2)  # the real talk-over stays
    # With the check off, the echo is customer "speech" again.
    from dataclasses import replace

    off = transcribe_call(path, replace(PipelineOptions(), vad={"crosstalk_db": 0}))
    assert [s for s in off.speech("customer") if s.end <= cust_at - 0.2]


def test_agent_channel_auto_finds_the_agent_from_what_each_side_says(tmp_path, voices):
    # The agent (greets, names the company, offers help, promises action) is on channel 1.
    agent = place(20.0, (0.3, voices["agent"]), (13.0, voices["agent2"]))
    customer = place(20.0, (6.0, voices["customer"][: 6 * SR]))
    path = write_wav(tmp_path / "auto.wav", np.stack([customer, agent]))
    call = transcribe_call(path, PipelineOptions(agent_channel="auto", language="en"))
    check = call.meta["speakers"]["channel_check"]
    assert check["agent_channel"] == 1 and call.meta["speakers"]["agent_channel"] == 1
    assert call.meta["speakers"]["role_confidence"] >= 0.8
    assert all(u.channel == 1 for u in call.by_role("agent"))
    assert "help" in call.by_role("agent")[0].text.lower()
    # Given the wrong channel, the call keeps it but says what the content suggests.
    wrong = transcribe_call(path, PipelineOptions(agent_channel=0, language="en"))
    assert wrong.meta["speakers"]["channel_check"]["agrees"] is False
    assert wrong.meta["speakers"]["agent_channel"] == 0
    assert any("agent is on channel 1" in n for n in wrong.meta["notes"])
    # Given the right one, it agrees and says nothing.
    right = transcribe_call(path, PipelineOptions(agent_channel=1, language="en"))
    assert right.meta["speakers"]["channel_check"]["agrees"] is True
    assert not any("channel" in n for n in right.meta["notes"])


@pytest.mark.parametrize("value", [2, "2", "both", -1, True])
def test_bad_agent_channels_are_refused(value):
    with pytest.raises(InputError, match="agent channel must be 0, 1 or auto"):
        PipelineOptions(agent_channel=value)


def test_a_language_qa_does_not_score_is_refused():
    with pytest.raises(InputError, match=r"language 'fr' is not one qa scores \(en, zh, ko, ms\)"):
        PipelineOptions(language="fr")
    assert PipelineOptions(language="Mandarin").language == "zh"
