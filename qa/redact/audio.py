"""The redacted copy of a recording: the personal data's time spans replaced by a tone.

The copy is a 16-bit PCM WAV at the decoder's rate (16 kHz, what transcription and scoring
read) with the recording's channels. Inside each masked span every channel carries only the
tone (a sine, faded in and out over 5 ms so it does not click); outside, the samples are the
decoded recording's, unchanged but for 16-bit rounding.
"""

from __future__ import annotations

import os
import wave
from collections.abc import Sequence

import numpy as np

from qa.audio import Audio
from qa.types import Span

__all__ = ["mask_samples", "write_wav", "write_redacted"]

_FADE_S = 0.005


def mask_samples(
    audio: Audio, mask: Sequence[Span], *, tone_hz: float = 1000.0, level: float = 0.1
) -> np.ndarray:
    """A copy of ``audio.samples`` (channels × n, float32) with every span of ``mask``
    replaced, on all channels, by a ``tone_hz`` sine of amplitude ``level``."""
    out = np.array(audio.samples, dtype=np.float32, copy=True)
    sr = audio.sample_rate
    n = out.shape[1]
    fade = max(1, int(_FADE_S * sr))
    for sp in mask:
        a, b = max(0, int(np.floor(sp.start * sr))), min(n, int(np.ceil(sp.end * sr)))
        if b <= a:
            continue
        t = np.arange(a, b) / sr
        tone = level * np.sin(2 * np.pi * tone_hz * t)
        ramp = np.ones(b - a)
        k = min(fade, (b - a) // 2)
        if k:
            ramp[:k] = np.linspace(0.0, 1.0, k, endpoint=False)
            ramp[b - a - k :] = np.linspace(1.0, 0.0, k, endpoint=False)
        out[:, a:b] = (tone * ramp).astype(np.float32)
    return out


def write_wav(samples: np.ndarray, sample_rate: int, path: str | os.PathLike[str]) -> None:
    """Write ``samples`` (channels × n, float in [-1, 1]) as a 16-bit PCM WAV file (scaled by
    32768, as decoders read it back, and clipped)."""
    pcm = np.clip(np.round(np.asarray(samples, dtype=np.float64) * 32768.0), -32768, 32767).astype("<i2")
    with wave.open(os.fspath(path), "wb") as w:
        w.setnchannels(int(pcm.shape[0]))
        w.setsampwidth(2)
        w.setframerate(int(sample_rate))
        w.writeframes(np.ascontiguousarray(pcm.T).tobytes())


def write_redacted(
    audio: Audio,
    mask: Sequence[Span],
    path: str | os.PathLike[str],
    *,
    tone_hz: float = 1000.0,
    level: float = 0.1,
) -> None:
    """Write the redacted copy of ``audio`` (:func:`mask_samples`) to ``path`` as WAV."""
    write_wav(mask_samples(audio, mask, tone_hz=tone_hz, level=level), audio.sample_rate, path)
