"""Voice activity detection: where each party speaks, to the frame.

Uses the Silero VAD v6 ONNX model that faster-whisper ships (``faster_whisper/assets``), loaded
once per process. Silence, hold music and line noise fall outside the speech regions, so they are
never transcribed; overlaps between the parties are measured on these regions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from qa.config import coerce_options
from qa.types import Span

__all__ = [
    "VadOptions",
    "speech_regions",
    "merge_spans",
    "total_duration",
    "overlaps",
    "drop_crosstalk",
]

_SR = 16_000


@dataclass(frozen=True)
class VadOptions:
    """Silero VAD settings (echoed into every transcript's meta)."""

    #: Silero's speech probability threshold. 0.5 (Silero's default) kept 72 % of the reference
    #: speech on real 8 kHz two-channel calls (bench/real_calls.py); 0.25 keeps more of the quiet
    #: and telephone-band speech with no measurable false speech on those calls.
    threshold: float = 0.25
    min_speech_ms: int = 150
    min_silence_ms: int = 200
    speech_pad_ms: int = 30
    max_speech_s: float = 29.0
    #: What Whisper is given: the regions widened by this much on each side (never past the middle
    #: of the pause to the next region, :func:`qa.asr.widen`), so word onsets and soft endings are
    #: not cut off. The tight regions stay the record of who spoke when (overlaps, interruptions).
    #: On the real two-channel calls (bench/real_calls.py, 0.25 s collar) 200 ms holds 0.986 of the
    #: reference speech with 0.034 false speech; 300 ms held 0.993 with 0.062, and the WER was the same.
    asr_pad_ms: int = 200
    #: Stereo: a region on one channel that lies under the other party's speech, is at least this
    #: many dB quieter and carries the same signal (|cross-correlation| >= ``crosstalk_corr``
    #: within ±``crosstalk_lag_s``) is the other party leaking across (line echo, joint-stereo
    #: codecs), not speech of its own. 0 keeps every region.
    crosstalk_db: float = 15.0
    crosstalk_corr: float = 0.5
    crosstalk_lag_s: float = 0.25


def speech_regions(
    samples: np.ndarray, options: VadOptions | Mapping[str, Any] | None = None
) -> list[Span]:
    """Speech regions of a mono 16 kHz signal, in seconds, sorted and non-overlapping."""
    from faster_whisper.vad import VadOptions as FwVadOptions
    from faster_whisper.vad import get_speech_timestamps

    opts = coerce_options(VadOptions, options)
    if samples.size < 512:
        return []
    chunks = get_speech_timestamps(
        np.ascontiguousarray(samples, dtype=np.float32),
        FwVadOptions(
            threshold=opts.threshold,
            min_speech_duration_ms=opts.min_speech_ms,
            min_silence_duration_ms=opts.min_silence_ms,
            speech_pad_ms=opts.speech_pad_ms,
            max_speech_duration_s=opts.max_speech_s,
        ),
        sampling_rate=_SR,
    )
    end_limit = samples.size / _SR
    spans = [Span(c["start"] / _SR, min(c["end"] / _SR, end_limit)) for c in chunks]
    return merge_spans([s for s in spans if s.end > s.start], gap=0.0)


def merge_spans(spans: Sequence[Span], gap: float = 0.0) -> list[Span]:
    """Union of spans, joining those separated by at most ``gap`` seconds."""
    out: list[Span] = []
    for s in sorted(spans):
        if out and s.start - out[-1].end <= gap:
            out[-1] = out[-1] | s
        else:
            out.append(s)
    return out


def total_duration(spans: Sequence[Span]) -> float:
    return sum(s.duration for s in merge_spans(spans))


def overlaps(a: Sequence[Span], b: Sequence[Span], min_duration: float = 0.0) -> list[Span]:
    """Stretches where both ``a`` and ``b`` have speech (derived, never stored)."""
    out: list[Span] = []
    a_sorted, b_sorted = merge_spans(a), merge_spans(b)
    j = 0
    for s in a_sorted:
        while j < len(b_sorted) and b_sorted[j].end <= s.start:
            j += 1
        k = j
        while k < len(b_sorted) and b_sorted[k].start < s.end:
            both = s & b_sorted[k]
            if both is not None and both.duration >= min_duration:
                out.append(both)
            k += 1
    return out


def _db(x: np.ndarray) -> float:
    return float(10 * np.log10(np.mean(np.square(x, dtype=np.float64)) + 1e-12))


def _max_xcorr(a: np.ndarray, b: np.ndarray, max_lag: int) -> float:
    """The largest |normalised cross-correlation| of two equal-length signals within ±max_lag."""
    a = a - a.mean()
    b = b - b.mean()
    norm = float(np.sqrt(np.dot(a, a) * np.dot(b, b)))
    if norm <= 0.0:
        return 0.0
    n = 1 << int(np.ceil(np.log2(2 * a.size)))
    xc = np.fft.irfft(np.fft.rfft(a, n) * np.conj(np.fft.rfft(b, n)), n)
    lags = np.concatenate([xc[: max_lag + 1], xc[n - max_lag :]]) if max_lag else xc[:1]
    return float(np.max(np.abs(lags)) / norm)


def drop_crosstalk(
    signals: Mapping[str, np.ndarray],
    regions: Mapping[str, Sequence[Span]],
    options: VadOptions | Mapping[str, Any] | None = None,
    min_cover: float = 0.8,
) -> tuple[dict[str, list[Span]], list[tuple[str, Span]]]:
    """Two parties' speech regions without the parts that are the other party leaking across.

    A region is cut where the other channel has speech; each such stretch (and a region lying
    ``min_cover`` or more under the other's speech is taken whole) is crosstalk when it is
    ``crosstalk_db`` quieter than the other channel there and the two signals correlate (a
    different voice talking over does not). So an echo that runs straight into the party's own
    speech is trimmed off rather than kept with it. Returns the kept regions per party and the
    dropped ``(party, span)`` pairs.
    """
    opts = coerce_options(VadOptions, options)
    kept: dict[str, list[Span]] = {k: list(v) for k, v in regions.items()}
    dropped: list[tuple[str, Span]] = []
    if opts.crosstalk_db <= 0 or len(regions) != 2:
        return kept, dropped
    a_role, b_role = list(regions)

    def leaked(role: str, other: str, span: Span) -> bool:
        lo, hi = int(span.start * _SR), int(span.end * _SR)
        mine, theirs = signals[role][lo:hi], signals[other][lo:hi]
        return (
            mine.size >= 160
            and _db(theirs) - _db(mine) >= opts.crosstalk_db
            and _max_xcorr(mine, theirs, int(opts.crosstalk_lag_s * _SR)) >= opts.crosstalk_corr
        )

    for role, other in ((a_role, b_role), (b_role, a_role)):
        others = merge_spans(regions[other])
        keep: list[Span] = []
        for span in regions[role]:
            covered = sum(span.overlap(o) for o in others)
            if span.duration <= 0 or covered <= 0:
                keep.append(span)
                continue
            if covered >= min_cover * span.duration:
                if leaked(role, other, span):
                    dropped.append((role, span))
                else:
                    keep.append(span)
                continue
            # Partly under the other's speech: test each stretch under it on its own.
            rest = [span]
            for o in others:
                under = span & o
                if under is None or under.duration < _MIN_STRETCH_S or not leaked(role, other, under):
                    continue
                dropped.append((role, under))
                rest = [p for r in rest for p in _minus(r, under)]
            keep.extend(r for r in rest if r.duration >= _MIN_STRETCH_S)
        kept[role] = keep
    return kept, dropped


_MIN_STRETCH_S = 0.3


def _minus(span: Span, cut: Span) -> list[Span]:
    out = []
    if cut.start > span.start:
        out.append(Span(span.start, min(span.end, cut.start)))
    if cut.end < span.end:
        out.append(Span(max(span.start, cut.end), span.end))
    return [s for s in out if s.end > s.start]
