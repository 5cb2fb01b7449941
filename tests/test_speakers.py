"""Voices and roles (qa/speakers.py, and the stereo channel check that reuses its cues).

Mono separation runs the real voice encoder on the sample calls' own channels: each stereo sample
has one party per channel, so summing the channels gives a two-speaker mono call whose true
speaker at every moment is known, and one channel alone is a single voice. Role assignment and
the channel check are pure functions of the words, tested on text.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np
import pytest

from qa.asr import RawWord
from qa.audio import decode_audio
from qa.errors import AudioError
from qa.pipeline import PipelineOptions, check_agent_channel, transcribe_call
from qa.speakers import (
    Diarization,
    SpeakerOptions,
    assign_roles,
    diarize,
    role_scores,
    voice_encoder,
)
from qa.types import Span
from qa.vad import speech_regions
from tests.conftest import SAMPLES, SR, write_wav

CLIP_S = 24.0
DEFAULTS = SpeakerOptions()
REFUSED = re.compile(
    r"only one speaker could be heard in this mono recording \(voice similarity (\d\.\d\d), "
    r"second voice (\d+)% of speech\); qa needs both the agent and the customer\. "
    r"For a stereo file, drop --mono\."
)


@cache
def channels(name: str, seconds: float = CLIP_S) -> tuple[np.ndarray, np.ndarray]:
    """The first ``seconds`` of a stereo sample's two channels (one party each), at 16 kHz."""
    audio = decode_audio(SAMPLES / name)
    assert audio.sample_rate == SR
    cut = audio.samples[:, : int(seconds * SR)].astype(np.float32)
    return cut[0], cut[1]


def mixed(name: str, seconds: float = CLIP_S) -> np.ndarray:
    a, b = channels(name, seconds)
    return a + b


def speaking(signal: np.ndarray) -> list[Span]:
    return speech_regions(signal)


def truth_at(t: float, ch0: list[Span], ch1: list[Span]) -> int | None:
    """Which channel alone speaks at ``t`` (None: both or neither)."""
    in0 = any(s.start <= t <= s.end for s in ch0)
    in1 = any(s.start <= t <= s.end for s in ch1)
    return None if in0 == in1 else (0 if in0 else 1)


def agreement(labels: list[int], truth: list[int]) -> float:
    """Share of labels equal to the truth, up to swapping the two (cluster numbers are arbitrary)."""
    same = float(np.mean(np.asarray(labels) == np.asarray(truth)))
    return max(same, 1.0 - same)


# --- separating two voices ----------------------------------------------------------------------


def test_two_voices_mixed_to_mono_are_separated_where_each_channel_speaks():
    ch0, ch1 = channels("en_stereo_wrong_coat.wav")
    mono = mixed("en_stereo_wrong_coat.wav")
    regions = speaking(mono)
    d = diarize(mono, regions)

    # Distinct voices: well below the warning band, both parties hold a real share of the speech.
    assert d.centroid_similarity < DEFAULTS.close_voices_similarity
    assert sum(d.shares) == pytest.approx(1.0) and min(d.shares) > 0.2
    assert d.times.shape == d.labels.shape == d.confidence.shape
    assert set(np.unique(d.labels)) == {0, 1}
    assert np.all((d.confidence >= 0) & (d.confidence <= 1))
    assert all(
        any(r.start <= t <= r.end for r in regions) for t in d.times
    )  # windows lie in speech

    truth0, truth1 = speaking(ch0), speaking(ch1)
    pairs = [
        (int(lab), tr)
        for t, lab in zip(d.times, d.labels, strict=True)
        if (tr := truth_at(t, truth0, truth1)) is not None
    ]
    assert len(pairs) > 40
    assert agreement([p[0] for p in pairs], [p[1] for p in pairs]) >= 0.95
    # Each window's label agrees with label_at at its own time.
    assert all(
        d.label_at(float(t)) == (int(lab), pytest.approx(float(c)))
        for t, lab, c in zip(d.times, d.labels, d.confidence, strict=True)
    )

    # split(): every region is covered exactly, cut only where the label changes, and the pieces
    # follow the channels (measured in seconds of speech).
    pieces = d.split(regions)
    for r in regions:
        inside = [(s, lab) for s, lab in pieces if r.start <= s.middle <= r.end]
        assert inside[0][0].start == r.start and inside[-1][0].end == r.end
        for (a, la), (b, lb) in zip(inside, inside[1:], strict=False):
            assert a.end == pytest.approx(b.start) and la != lb
    right = sum(s.duration for s, lab in pieces if truth_at(s.middle, truth0, truth1) in (lab,))
    wrong = sum(s.duration for s, lab in pieces if truth_at(s.middle, truth0, truth1) == 1 - lab)
    assert max(right, wrong) >= 0.9 * (right + wrong)


@pytest.mark.parametrize(
    ("sample", "channel"),
    [("en_stereo_wrong_coat.wav", 1), ("en_stereo_plums.flac", 0)],
    ids=["coat-customer", "plums-customer"],
)
def test_a_single_voice_is_refused_and_the_reason_gives_the_numbers(sample, channel):
    one = channels(sample)[channel]
    with pytest.raises(AudioError) as err:
        diarize(one, speaking(one))
    m = REFUSED.fullmatch(str(err.value))
    assert m, str(err.value)
    similarity, share = float(m.group(1)), int(m.group(2))
    # Refused for one of the two stated reasons, and the message says which numbers it saw.
    assert similarity > DEFAULTS.same_speaker_similarity or share < 100 * DEFAULTS.min_speaker_share


def test_a_single_voice_is_never_taken_as_two_clearly_different_voices():
    """A voice whose windows cluster apart (the neural agent voice) may pass the refusal, but
    then only inside the close-voices band, where the pipeline scores it with a warning.

    Known limit: with little speech the embeddings are noisy. This voice's first 24 s (6.7 s of
    speech) cluster at about 0.77, below the band, so a short monologue can still pass as two
    voices without a warning; the thresholds are calibrated on longer calls (bench/real_calls.py).
    """
    one = channels("en_stereo_wrong_coat.wav", 60.0)[0]  # the agent's whole side: 25 s of speech
    try:
        d = diarize(one, speaking(one))
    except AudioError as exc:
        assert REFUSED.fullmatch(str(exc)), str(exc)
    else:
        assert d.centroid_similarity > DEFAULTS.close_voices_similarity


def test_close_voices_are_kept_with_a_warning_and_the_band_edges_are_options(tmp_path):
    """Two similar voices (two espeak Mandarin female voices): above ``close_voices_similarity``
    but below ``same_speaker_similarity``: scored, with a quality warning naming the similarity.
    Moving ``same_speaker_similarity`` below it refuses the same recording."""
    mono = mixed("zh_stereo_refund.wav", 20.0)
    path = write_wav(tmp_path / "close.wav", mono)
    call = transcribe_call(path, PipelineOptions(layout="mono", language="zh"))
    similarity = call.meta["speakers"]["voice_similarity"]
    assert DEFAULTS.close_voices_similarity < similarity <= DEFAULTS.same_speaker_similarity
    warnings = [w for w in call.meta["quality_warnings"] if "hard to tell apart" in w]
    assert warnings == [
        f"the two voices are hard to tell apart (similarity {similarity:.2f}): turns and roles may be mixed up"
    ]
    # Roles still come from what was said: the greeting (您好 … 客服) is the agent's.
    greeting = next(u for u in call.utterances if "客服" in u.text)
    assert greeting.role == "agent" and call.utterances[0].role == "agent"
    assert {u.role for u in call.utterances} == {"agent", "customer"}
    role_conf = call.meta["speakers"]["role_confidence"]
    assert all(0 <= u.speaker_confidence <= role_conf + 1e-9 for u in call.utterances)

    with pytest.raises(AudioError) as err:
        diarize(mono, speaking(mono), {"same_speaker_similarity": similarity - 0.02})
    m = REFUSED.fullmatch(str(err.value))
    assert m and float(m.group(1)) == pytest.approx(similarity, abs=0.011)


def test_a_second_voice_with_too_small_a_share_is_refused():
    mono = mixed("en_stereo_wrong_coat.wav")
    # The customer holds about a third of this clip's speech: under a 50 % floor it is "noise".
    with pytest.raises(AudioError) as err:
        diarize(mono, speaking(mono), SpeakerOptions(min_speaker_share=0.5))
    m = REFUSED.fullmatch(str(err.value))
    assert m and 20 <= int(m.group(2)) < 50
    assert float(m.group(1)) < DEFAULTS.close_voices_similarity  # refused for the share alone


def test_too_little_speech_is_refused_before_clustering():
    mono = mixed("en_stereo_wrong_coat.wav")
    first = speaking(mono)[0]
    tiny = [Span(first.start, first.start + 0.6)]
    with pytest.raises(
        AudioError,
        match=r"^too little speech to tell two speakers apart in this mono recording \(0\.6 s of speech\)$",
    ):
        diarize(mono, tiny)
    with pytest.raises(AudioError, match=r"\(0\.0 s of speech\)"):
        diarize(mono, [])


def test_unknown_speaker_options_are_refused_with_the_known_names():
    with pytest.raises(
        ValueError, match=r"unknown SpeakerOptions field\(s\) \['windows'\]; known: .*'window_s'"
    ):
        diarize(np.zeros(SR, np.float32), [], {"windows": 3})


# --- Diarization on hand-made labels -------------------------------------------------------------


def hand_made() -> Diarization:
    return Diarization(
        times=np.array([0.5, 1.0, 1.5, 2.0, 2.5, 3.0]),
        labels=np.array([0, 0, 1, 1, 0, 0]),
        confidence=np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4]),
        centroid_similarity=0.6,
        shares=(2 / 3, 1 / 3),
    )


def test_label_at_takes_the_nearest_window():
    d = hand_made()
    assert d.label_at(1.6) == (1, pytest.approx(0.7))
    assert d.label_at(2.3) == (0, pytest.approx(0.5))
    assert d.label_at(-4.0) == (0, pytest.approx(0.9))  # before the first window: the first
    assert d.label_at(99.0) == (0, pytest.approx(0.4))
    empty = Diarization(np.zeros(0), np.zeros(0, int), np.zeros(0), 0.0, (0.5, 0.5))
    assert empty.label_at(1.0) == (0, 0.0)


def test_split_cuts_regions_halfway_between_windows_that_disagree():
    d = hand_made()
    got = d.split([Span(0.4, 3.2), Span(1.4, 2.1), Span(5.0, 6.0)])
    assert got == [
        (Span(0.4, 1.25), 0),
        (Span(1.25, 2.25), 1),
        (Span(2.25, 3.2), 0),
        (Span(1.4, 2.1), 1),  # one label inside: kept whole
        (Span(5.0, 6.0), 0),  # no window inside: the label nearest its middle
    ]
    assert d.split([]) == []


# --- which voice is the agent --------------------------------------------------------------------


def test_role_scores_count_cues_in_every_language_whatever_the_hint():
    agent_en = "Thank you for calling Acme. How can I help?"
    customer_en = "I bought a coat and my order never came."
    assert role_scores(agent_en) == (2.0, 0.0)
    assert role_scores(customer_en) == (0.0, 2.0)
    # Case and spacing do not matter; repeats count.
    assert role_scores("THANK   you\nfor  calling ... thank you for calling") == (2.0, 0.0)
    # Code-switching: a Mandarin or Malay cue counts even when the call's language is English.
    assert role_scores("稍等", "en") == (1.0, 0.0) == role_scores("稍等", "zh")
    assert role_scores("saya nak refund", "en") == (1.0, 1.0)  # "refund" is an agent cue
    assert role_scores("죄송합니다", None) == (1.0, 0.0)
    assert role_scores("") == (0.0, 0.0)


def test_assign_roles_follows_the_cues_not_the_speaker_number():
    agent = "Thank you for calling, how can I help? Let me check your order number."
    customer = "I bought a coat, I received the wrong size and I want my money back."
    for first, second, expected in ((agent, customer, 0), (customer, agent, 1)):
        mapping, confidence, cues = assign_roles({0: first, 1: second})
        assert mapping == {expected: "agent", 1 - expected: "customer"}
        assert confidence > 0.9
        assert (
            cues[expected][0] > cues[expected][1] and cues[1 - expected][1] > cues[1 - expected][0]
        )
        assert cues == {0: role_scores(first), 1: role_scores(second)}


def test_assign_roles_confidence_is_a_coin_toss_without_cues_and_grows_with_evidence():
    mapping, confidence, cues = assign_roles({0: "hello", 1: "yes okay"})
    assert confidence == 0.5 and sorted(mapping.values()) == ["agent", "customer"]
    assert cues == {0: (0.0, 0.0), 1: (0.0, 0.0)}
    # A speaker with nothing transcribed counts as no cues.
    assert assign_roles({1: "how can i help"})[0] == {1: "agent", 0: "customer"}

    ladder = [
        "how can i help",
        "how can i help, let me check",
        "how can i help, let me check, i apologize",
    ]
    confidences = [assign_roles({0: text, 1: ""})[1] for text in ladder]
    assert 0.5 < confidences[0] < confidences[1] < confidences[2] < 1.0
    # Evidence cancels: the same cues on both sides is a toss again; swapping sides keeps the confidence.
    assert assign_roles({0: ladder[1], 1: ladder[1]})[1] == 0.5
    assert assign_roles({0: "", 1: ladder[2]})[1] == pytest.approx(confidences[2])


# --- stereo: does what each side says agree with the given agent channel? --------------------------


def words(text: str, start: float = 0.0) -> list[RawWord]:
    return [
        RawWord(start + i * 0.3, start + i * 0.3 + 0.25, f" {w}", 0.9)
        for i, w in enumerate(text.split())
    ]


AGENT_SAYS = (
    "Thank you for calling Acme, how can I help? I apologize, let me check your order number."
)
CUSTOMER_SAYS = "I bought a coat, I received the wrong size and I want my money back."


@pytest.mark.parametrize("agent_channel", [0, 1])
def test_channel_check_agrees_when_the_content_fits_the_given_channel(agent_channel):
    channel_of = {"agent": agent_channel, "customer": 1 - agent_channel}
    check = check_agent_channel(
        {"agent": words(AGENT_SAYS), "customer": words(CUSTOMER_SAYS, 5)}, channel_of, 0.8
    )
    assert check["agrees"] is True and check["agent_channel"] == agent_channel
    assert 0.8 <= check["confidence"] <= 1.0
    assert check["cues"][str(agent_channel)]["agent"] == role_scores(AGENT_SAYS)[0] > 0
    assert check["cues"][str(1 - agent_channel)]["customer"] == role_scores(CUSTOMER_SAYS)[1] > 0


def test_channel_check_contradicts_a_given_channel_that_holds_the_customer():
    # The channels were given the wrong way round: the "agent" channel complains.
    check = check_agent_channel(
        {"agent": words(CUSTOMER_SAYS), "customer": words(AGENT_SAYS, 5)},
        {"agent": 0, "customer": 1},
        0.8,
    )
    assert check["agrees"] is False and check["agent_channel"] == 1 and check["confidence"] >= 0.8


def test_channel_check_is_unsure_below_the_confidence_it_is_given():
    one_cue = {"agent": words("okay so how can i help"), "customer": words("hello there", 3)}
    check = check_agent_channel(one_cue, {"agent": 0, "customer": 1}, 0.8)
    assert check["agrees"] is None and check["agent_channel"] == 0
    assert 0.5 < check["confidence"] < 0.8
    # The same words with a lower bar are enough to agree.
    assert check_agent_channel(one_cue, {"agent": 0, "customer": 1}, 0.6)["agrees"] is True
    # No words at all: a coin toss, never a verdict.
    silent = check_agent_channel({}, {"agent": 0, "customer": 1}, 0.8)
    assert silent["agrees"] is None and silent["confidence"] == 0.5


# --- the encoder rebuilt from Resemblyzer's wheel -----------------------------------------------------


def test_voice_encoder_loads_every_pretrained_weight_once():
    import torch

    from qa.assets import package_dir

    model = voice_encoder()
    assert voice_encoder() is model
    state = torch.load(
        package_dir("resemblyzer") / "pretrained.pt", map_location="cpu", weights_only=False
    )["model_state"]
    own = model.state_dict()
    assert set(own) <= set(state) and len(own) == 14  # 3 LSTM layers x 4, linear x 2
    for name, tensor in own.items():
        assert torch.equal(tensor, state[name]), name
    # Embeddings are 256-d unit vectors.
    with torch.inference_mode():
        out = model(torch.rand(3, 120, 40)).numpy()
    assert out.shape == (3, 256) and np.allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-5)


def test_mel_front_end_matches_the_one_the_encoder_was_trained_on():
    """Resemblyzer computes its input with librosa (25 ms / 10 ms, 40 Slaney mels, power)."""
    librosa = pytest.importorskip("librosa")
    from qa.speakers import _mel

    x = channels("en_stereo_wrong_coat.wav")[0][: 2 * SR]
    ours = _mel(x)
    theirs = librosa.feature.melspectrogram(y=x, sr=SR, n_fft=400, hop_length=160, n_mels=40).T
    assert ours.shape == theirs.shape
    assert np.allclose(ours, theirs, rtol=1e-3, atol=1e-6 * float(theirs.max()))
