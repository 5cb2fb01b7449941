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

__all__ = ["VadOptions", "speech_regions", "merge_spans", "total_duration", "overlaps"]

_SR = 16_000


@dataclass(frozen=True)
class VadOptions:
    """Silero VAD settings (echoed into every transcript's meta)."""

    threshold: float = 0.5
    min_speech_ms: int = 150
    min_silence_ms: int = 200
    speech_pad_ms: int = 30
    max_speech_s: float = 29.0


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
