"""Speech regions into 30 s windows and back; widening; windows decoded again from their tails."""

import numpy as np
import pytest

from qa.asr import RawWord, pack_chunks, widen
from qa.asr.types import SR, WindowTranscript
from qa.asr.windows import decode_tails
from qa.types import Span


def _signal(seconds: float, value: float) -> np.ndarray:
    return np.full(int(seconds * SR), value, np.float32)


def test_regions_are_packed_in_time_order_into_windows_that_never_cut_one():
    signals = {"agent": _signal(60, 1.0), "customer": _signal(60, 2.0)}
    regions = [("customer", Span(5.0, 15.0)), ("agent", Span(0.0, 4.0)), ("agent", Span(20.0, 36.0))]
    chunks = pack_chunks(signals, regions)
    assert [[(p.role, p.span.start) for p in c.pieces] for c in chunks] == [
        [("agent", 0.0), ("customer", 5.0)],  # 4 s + 0.3 s gap + 10 s
        [("agent", 20.0)],  # 16 s more would pass 29.5 s: a window of its own
    ]
    first = chunks[0]
    assert first.audio.size == int(14.3 * SR) and first.pieces[1].offset == pytest.approx(4.3)
    assert set(np.unique(first.audio[int(4.0 * SR) + 10 : int(4.3 * SR) - 10])) == {0.0}  # the gap
    assert all(c.audio.size <= 29.5 * SR for c in chunks)
    # A region longer than a window is cut into window-sized pieces.
    long = pack_chunks(signals, [("agent", Span(0.0, 50.0))])
    assert [c.pieces[0].span.start for c in long] == [0.0, 29.5]


def test_words_go_back_to_their_party_and_time_in_the_recording():
    signals = {"agent": _signal(30, 1.0), "customer": _signal(30, 2.0)}
    [chunk] = pack_chunks(signals, [("agent", Span(1.0, 3.0)), ("customer", Span(10.0, 12.0))])
    role, w = chunk.place(RawWord(2.5, 3.0, " yes", 0.9), "en")  # inside the customer's piece
    assert role == "customer" and (w.start, w.end) == pytest.approx((10.2, 10.7)) and w.language == "en"
    role, w = chunk.place(RawWord(1.5, 2.2, " hi", 0.9, "ms"), "en")  # runs into the gap
    assert role == "agent" and (w.start, w.end) == pytest.approx((2.5, 3.0)) and w.language == "ms"


def test_widening_pads_each_region_but_never_past_half_the_pause():
    spans = [Span(1.0, 2.0), Span(2.4, 3.0), Span(9.0, 9.8)]
    assert widen(spans, 0.3, 10.0) == [
        Span(0.7, 2.2), Span(2.2, 3.3), Span(8.7, 10.0),
    ]  # fmt: skip
    assert widen(spans, 0.0, 10.0) == spans
    assert widen([Span(0.1, 0.5)], 0.3, 0.6) == [Span(0.0, 0.6)]


def test_a_window_that_stopped_early_is_decoded_again_from_its_last_word():
    audio = [_signal(10, 1.0), _signal(5, 1.0)]
    decoded = [
        WindowTranscript([RawWord(0.5, 4.0, " early", 0.9)], -0.5, 10),  # 6 s left undecoded
        WindowTranscript([RawWord(0.5, 4.0, " done", 0.9)], -0.2, 8),  # 1 s left: fine
    ]
    calls = []

    def decode(pieces, windows):
        calls.append(([p.size / SR for p in pieces], windows))
        if len(calls) == 1:
            return [WindowTranscript([RawWord(0.0, 0.04, " cut", 0.5), RawWord(0.5, 1.0, " more", 0.8)], -1.0, 5)]
        return [WindowTranscript([], None, 0)]  # nothing more: no further round

    out = decode_tails(audio, decoded, decode, min_tail_s=1.5)
    assert calls == [([6.0], [0]), ([pytest.approx(5.0)], [0])]
    assert [(w.text, w.start, w.end) for w in out[0].words] == [(" early", 0.5, 4.0), (" more", 4.5, 5.0)]
    assert out[0].tokens == 15 and out[0].avg_logprob == pytest.approx((-0.5 * 10 - 1.0 * 5) / 15)
    assert out[1] == decoded[1]
    assert decode_tails(audio, decoded, decode, min_tail_s=7.0) == decoded  # no tail that long
