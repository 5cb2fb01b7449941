"""Batched decoding on CTranslate2: the same words as faster-whisper's own loop, Whisper's
temperature fallback for all failing windows at once, and how a window's tokens become segments."""

from types import SimpleNamespace

import pytest

from qa.asr.decoding import split_segments
from qa.pipeline import PipelineOptions, transcribe_call


def _options(**asr) -> PipelineOptions:
    from dataclasses import replace

    o = PipelineOptions()
    return replace(o, transcription=replace(o.transcription, **asr))


def test_batched_decoding_matches_window_by_window(samples_dir):
    """Chunks decoded 8 at a time give the words and timings of faster-whisper's own loop."""
    path = samples_dir / "en_stereo_wrong_coat.wav"
    one = transcribe_call(path, _options(batch_size=1))
    many = transcribe_call(path, _options(batch_size=8))
    a = [(w.text, w.span.start, w.span.end) for u in one.utterances for w in u.words]
    b = [(w.text, w.span.start, w.span.end) for u in many.utterances for w in u.words]
    assert len(a) > 100 and [w[0] for w in a] == [w[0] for w in b]
    assert max(abs(x[1] - y[1]) + abs(x[2] - y[2]) for x, y in zip(a, b, strict=True)) < 0.5
    assert [u.role for u in one.utterances] == [u.role for u in many.utterances]


def test_windows_failing_the_quality_checks_are_sampled_again_together(samples_dir, monkeypatch):
    from qa import asr

    sampled: list[tuple[float, int, int]] = []
    strict, clean = _options(batch_size=8, compression_ratio_threshold=0.5), _options(batch_size=8)
    for options in (strict, clean):  # each set of options has its own cached model
        backend = asr.load_backend(options.transcription)
        monkeypatch.setattr(backend.model, "model", _SpyGenerate(backend.model.model, sampled))
    path = samples_dir / "en_stereo_wrong_coat.wav"
    # Every result "fails" a compression-ratio limit of 0.5: all the call's windows go through
    # each fallback temperature together, five samples each, and the best try is kept.
    call = transcribe_call(path, strict)
    windows = len(asr.pack_chunks(*_speech(call)))
    assert windows >= 2
    assert sampled[:3] == [(t, windows, 5) for t in (0.2, 0.4, 0.6)]
    # Anything after that is a window's tail decoded again (speech after its last word).
    assert all(n < windows for _t, n, _k in sampled[3:])
    assert sum(len(u.words) for u in call.utterances) > 100  # and their words are kept
    sampled.clear()
    transcribe_call(path, clean)
    assert sampled == []  # clean speech: nothing decoded twice


class _SpyGenerate:
    """Records the sampled (fallback) decodes; ctranslate2's Whisper takes no new attributes."""

    def __init__(self, inner, sampled):
        self._inner, self._sampled = inner, sampled

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def generate(self, features, prompts, **kw):
        if kw.get("sampling_temperature"):
            self._sampled.append((kw["sampling_temperature"], len(prompts), kw["num_hypotheses"]))
        return self._inner.generate(features, prompts, **kw)


def _speech(call):
    """The signals and regions the pipeline packed for a stereo call (for counting windows)."""
    from qa.audio import decode_audio
    from qa.types import Span

    audio = decode_audio(call.meta["audio"]["path"])
    ch = call.meta["speakers"]["agent_channel"]
    signals = {"agent": audio.channel(ch), "customer": audio.channel(1 - ch)}
    regions = [(role, Span(a, b)) for role, spans in call.meta["transcribed"].items() for a, b in spans]
    return signals, regions


def test_the_fallback_keeps_the_likeliest_sample_that_does_not_loop():
    from qa.asr import TranscriptionOptions
    from qa.asr.decoding import DecodedWindow

    texts = {1: "no no no no no no no no no no no no no no no no no no no no no no", 2: "I can refund it today"}
    tokenizer = SimpleNamespace(decode=lambda tokens: texts[tokens[0]])
    res = SimpleNamespace(sequences_ids=[[1] * 30, [2] * 6], scores=[-0.1, -0.6], no_speech_prob=0.01)
    best = DecodedWindow.best(res, tokenizer, max_ratio=2.4)
    assert best.tokens == [2] * 6 and best.compression_ratio <= 2.4
    assert DecodedWindow.of(res, tokenizer).compression_ratio > 2.4  # faster-whisper's pick: the loop
    assert not best.needs_fallback(TranscriptionOptions())
    only_loops = SimpleNamespace(sequences_ids=[[1] * 30, [1] * 20], scores=[-0.3, -0.1], no_speech_prob=0.0)
    assert DecodedWindow.best(only_loops, tokenizer, max_ratio=2.4).tokens == [1] * 20
    with pytest.raises(Exception, match="best-of"):
        TranscriptionOptions(best_of=0)


# A tokenizer's special tokens as Whisper orders them: text < end of text < timestamps.
TOK = SimpleNamespace(eot=900, timestamp_begin=1000)


def _stamp(seconds):
    return 1000 + round(seconds / 0.02)


def test_tokens_are_split_at_timestamp_pairs():
    t = [_stamp(0), 5, 6, _stamp(1.2), _stamp(1.2), 7, 8, _stamp(2.4)]
    segs = split_segments(t, 3.0, TOK)
    assert [(s["start"], s["end"], s["tokens"]) for s in segs] == [
        (0.0, pytest.approx(1.2), t[:4]),
        (pytest.approx(1.2), pytest.approx(2.4), t[4:]),
    ]
    assert all(s["seek"] == 0 for s in segs)


def test_text_after_the_last_timestamp_pair_runs_to_the_end_of_the_window():
    t = [_stamp(0), 5, _stamp(1.0), _stamp(1.0), 7, 8]  # stopped without a closing timestamp
    segs = split_segments(t, 2.5, TOK)
    assert [(s["start"], s["end"], s["tokens"]) for s in segs] == [
        (0.0, pytest.approx(1.0), t[:3]),
        (pytest.approx(1.0), 2.5, t[3:]),
    ]


def test_a_window_without_timestamp_pairs_is_one_segment():
    assert [(s["start"], s["end"]) for s in split_segments([_stamp(0), 5, 6, _stamp(0.3)], 2.0, TOK)] == [
        (0.0, pytest.approx(0.3))
    ]
    assert [(s["start"], s["end"]) for s in split_segments([5, 6], 2.0, TOK)] == [(0.0, 2.0)]
    assert [(s["start"], s["end"]) for s in split_segments([_stamp(0), 5], 2.0, TOK)] == [(0.0, 2.0)]


def test_segments_without_text_are_left_out():
    t = [_stamp(0), _stamp(0.5), _stamp(0.5), 5, _stamp(0.9)]
    assert [s["tokens"] for s in split_segments(t, 1.0, TOK)] == [t[2:]]
    assert split_segments([_stamp(0), TOK.eot], 1.0, TOK) == []
