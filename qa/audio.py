"""Decode any common call recording into per-channel float32 at 16 kHz.

PyAV (FFmpeg) reads WAV (PCM, µ-law, A-law), MP3, FLAC, OGG/Opus, M4A/AAC and more. Every way a
file can be unusable — empty, not audio, truncated, zero-length, too long, too many channels —
raises :class:`~qa.errors.AudioError` with a message a user can act on.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from qa.errors import AudioError

__all__ = [
    "Audio", "decode_audio", "probe_audio", "silent_channels", "file_sha256", "SAMPLE_RATE",
    "DEFAULT_MAX_DURATION",
]  # fmt: skip

log = logging.getLogger(__name__)

SAMPLE_RATE = 16_000
# 3 h of stereo float32 at 16 kHz is 1.4 GB; the default limit keeps a call well under 1 GB.
DEFAULT_MAX_DURATION = 2 * 3600.0
# A header that promises this much more than what decodes means the file was cut short.
_TRUNCATION_TOLERANCE_S = 1.0


@dataclass(frozen=True, eq=False)
class Audio:
    """Decoded audio: ``samples`` has shape ``(channels, n)``, float32 in [-1, 1], 16 kHz."""

    samples: np.ndarray
    sample_rate: int
    path: str = ""
    original_sample_rate: int = 0
    original_channels: int = 0
    codec: str = ""
    container: str = ""
    sha256: str = ""
    meta: dict = field(default_factory=dict)

    @property
    def n_channels(self) -> int:
        return int(self.samples.shape[0])

    @property
    def duration(self) -> float:
        return self.samples.shape[1] / self.sample_rate

    def channel(self, index: int) -> np.ndarray:
        if not 0 <= index < self.n_channels:
            raise AudioError(
                f"channel {index} requested but {self.path or 'the recording'} has "
                f"{self.n_channels} channel(s)"
            )
        return self.samples[index]

    def mono(self) -> np.ndarray:
        """All channels mixed down to one."""
        if self.n_channels == 1:
            return self.samples[0]
        return self.samples.mean(axis=0).astype(np.float32)

    def describe(self) -> dict:
        return {
            "path": self.path,
            "duration": round(self.duration, 3),
            "channels": self.original_channels,
            "sample_rate": self.original_sample_rate,
            "codec": self.codec,
            "container": self.container,
            "sha256": self.sha256,
        }


def file_sha256(path: str | os.PathLike[str]) -> str:
    """Hex sha256 of a file's bytes (the content address of a recording)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def decode_audio(
    path: str | os.PathLike[str],
    *,
    sample_rate: int = SAMPLE_RATE,
    max_duration: float | None = DEFAULT_MAX_DURATION,
) -> Audio:
    """Decode ``path`` to float32 per channel at ``sample_rate``.

    Files longer than ``max_duration`` seconds are refused before they are decoded (or as soon as
    decoding passes the limit when the header does not say), so memory stays bounded.
    """
    p, samples, info = _decode(Path(path), sample_rate, max_duration, keep=True)
    assert samples is not None
    log.debug("decoded %s: %d ch, %.2f s, codec %s", p, info["channels"], info["duration"], info["codec"])
    return Audio(
        samples=samples,
        sample_rate=sample_rate,
        path=str(p),
        original_sample_rate=int(info["sample_rate"]),
        original_channels=int(info["channels"]),
        codec=str(info["codec"]),
        container=str(info["container"]),
        sha256=file_sha256(p),
    )


def probe_audio(
    path: str | os.PathLike[str], *, max_duration: float | None = DEFAULT_MAX_DURATION
) -> dict[str, Any]:
    """Check that ``path`` decodes completely, without keeping the samples.

    Raises :class:`~qa.errors.AudioError` exactly where :func:`decode_audio` would (so an
    upload can be refused before it is stored); returns ``duration`` (s), ``channels``,
    ``sample_rate``, ``codec``, ``container`` and ``peaks`` (each channel's largest absolute
    sample, 0 to 1: see :func:`silent_channels`). Memory stays at one decoded frame.
    """
    _, _, info = _decode(Path(path), SAMPLE_RATE, max_duration, keep=False)
    return info


# A channel whose loudest sample is below -60 dBFS carries no signal.
SILENT_PEAK = 0.001


def silent_channels(info: Mapping[str, Any]) -> list[int]:
    """The channels of a :func:`probe_audio` result that carry no signal (peak below
    -60 dBFS): digital silence or close to it."""
    return [i for i, peak in enumerate(info.get("peaks") or ()) if peak < SILENT_PEAK]


def _decode(
    p: Path, sample_rate: int, max_duration: float | None, *, keep: bool
) -> tuple[Path, np.ndarray | None, dict[str, Any]]:
    import av  # lazy: PyAV pulls in FFmpeg

    if not p.exists():
        raise AudioError(f"{p}: no such file")
    if p.is_dir():
        raise AudioError(f"{p}: is a directory, not an audio file")
    size = p.stat().st_size
    if size == 0:
        raise AudioError(f"{p}: the file is empty (0 bytes)")

    _check_riff_complete(p)
    try:
        container = av.open(str(p), metadata_errors="ignore")
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError) as exc:
        raise AudioError(f"{p}: not a readable audio file ({_reason(exc)})") from None
    with container:
        streams = [s for s in container.streams if s.type == "audio"]
        if not streams:
            raise AudioError(f"{p}: the file has no audio stream")
        stream = streams[0]
        channels = stream.codec_context.channels or stream.channels
        if channels not in (1, 2):
            raise AudioError(
                f"{p}: {channels} audio channels; qa expects mono (1) or stereo (2, one per party)"
            )
        header_duration = _header_duration(container, stream)
        if max_duration is not None and header_duration is not None and header_duration > max_duration:
            raise AudioError(
                f"{p}: the recording is {_hms(header_duration)} long, over the limit of "
                f"{_hms(max_duration)} (set --max-duration / QA_MAX_DURATION to raise it)"
            )
        layout = "mono" if channels == 1 else "stereo"
        resampler = av.AudioResampler(format="fltp", layout=layout, rate=sample_rate)
        chunks: list[np.ndarray] = []
        n = 0
        limit = None if max_duration is None else int(max_duration * sample_rate) + sample_rate

        peaks = np.zeros(channels, dtype=np.float64)

        def take(frames: list[Any]) -> None:
            nonlocal n
            for out in frames:
                arr = out.to_ndarray()
                if keep:
                    chunks.append(arr)
                if arr.size:
                    np.maximum(peaks, np.abs(arr[:channels]).max(axis=1), out=peaks)
                n += arr.shape[1]

        try:
            for frame in container.decode(stream):
                take(resampler.resample(frame))
                if limit is not None and n > limit:
                    raise AudioError(
                        f"{p}: the recording is longer than the limit of {_hms(max_duration)} "
                        "(set --max-duration / QA_MAX_DURATION to raise it)"
                    )
            take(resampler.resample(None))
        except av.error.FFmpegError as exc:
            raise AudioError(
                f"{p}: the audio is corrupt or truncated after {_hms(n / sample_rate)} "
                f"({_reason(exc)})"
            ) from None
        codec = stream.codec_context.name
        original_rate = stream.codec_context.sample_rate or stream.rate or 0
        container_name = container.format.name

    if n == 0:
        raise AudioError(f"{p}: the file contains no audio samples (0 s of audio)")
    decoded = n / sample_rate
    if header_duration is not None and header_duration - decoded > _TRUNCATION_TOLERANCE_S:
        raise AudioError(
            f"{p}: the file is truncated: its header says {_hms(header_duration)} but only "
            f"{_hms(decoded)} of audio could be decoded"
        )
    samples = None
    if keep:
        samples = np.concatenate(chunks, axis=1).astype(np.float32, copy=False)
        if samples.shape[0] != channels:  # a resampler layout quirk; never expected
            samples = samples[:channels]
        np.clip(samples, -1.0, 1.0, out=samples)
    info = {
        "duration": round(decoded, 3),
        "channels": int(channels),
        "sample_rate": int(original_rate),
        "codec": str(codec),
        "container": str(container_name),
        "peaks": [round(float(v), 6) for v in peaks],
    }
    return p, samples, info


def _check_riff_complete(p: Path) -> None:
    """A WAV whose 'data' chunk promises more bytes than the file holds was cut short."""
    with p.open("rb") as fh:
        head = fh.read(4096)
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return
    pos = 12
    while pos + 8 <= len(head):
        chunk_id, chunk_size = head[pos : pos + 4], int.from_bytes(head[pos + 4 : pos + 8], "little")
        if chunk_id == b"data":
            if chunk_size in (0, 0xFFFFFFFF):  # streaming writers leave the size unknown
                return
            available = p.stat().st_size - (pos + 8)
            if available < chunk_size * 0.99:
                raise AudioError(
                    f"{p}: the WAV file is truncated: its header promises {chunk_size:,} bytes of "
                    f"audio but only {max(available, 0):,} are present"
                )
            return
        pos += 8 + chunk_size + (chunk_size & 1)


def _header_duration(container: object, stream: object) -> float | None:
    """Duration promised by the file's header, if it states one."""
    if getattr(stream, "duration", None) and getattr(stream, "time_base", None):
        return float(stream.duration * stream.time_base)
    if getattr(container, "duration", None):
        return float(container.duration) / 1_000_000  # av.time_base
    return None


def _reason(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc)
    return text.split(": '", 1)[0].strip() or type(exc).__name__


def _hms(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    seconds = max(0.0, float(seconds))
    h, rem = divmod(int(round(seconds)), 3600)
    m, s = divmod(rem, 60)
    if h:
        return f"{h}:{m:02d}:{s:02d} (h:mm:ss)"
    if m:
        return f"{m}:{s:02d} (m:ss)"
    return f"{seconds:.1f} s"
