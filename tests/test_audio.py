"""Decoding: every common format, and every kind of bad file gets a clear AudioError."""

import wave

import numpy as np
import pytest

from qa.audio import decode_audio
from qa.errors import AudioError
from tests.conftest import tone, write_wav

FORMATS = [
    ("wav", {"format": "wav", "codec": "pcm_s16le", "rate": 16000}),
    ("ulaw.wav", {"format": "wav", "codec": "pcm_mulaw", "rate": 8000}),
    ("alaw.wav", {"format": "wav", "codec": "pcm_alaw", "rate": 8000}),
    ("flac", {"format": "flac", "codec": "flac", "rate": 16000}),
    ("mp3", {"format": "mp3", "codec": "libmp3lame", "rate": 16000}),
    ("ogg", {"format": "ogg", "codec": "libopus", "rate": 16000}),
    ("m4a", {"format": "ipod", "codec": "aac", "rate": 16000}),
]


def encode(path, samples: np.ndarray, fmt: str, codec: str, rate: int) -> None:
    """Encode (channels, n) float32 at 16 kHz with PyAV into the given container/codec."""
    import av

    layout = "mono" if samples.shape[0] == 1 else "stereo"
    with av.open(str(path), "w", format=fmt) as out:
        stream = out.add_stream(codec, rate=rate, layout=layout)
        frame = av.AudioFrame.from_ndarray(samples.astype(np.float32), format="fltp", layout=layout)
        frame.sample_rate = 16000
        resampler = av.AudioResampler(format=stream.codec_context.format.name, layout=layout, rate=rate)
        for f in resampler.resample(frame) + resampler.resample(None):
            for packet in stream.encode(f):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


@pytest.mark.parametrize("suffix,spec", FORMATS, ids=[f[0] for f in FORMATS])
def test_decodes_common_formats_to_16k_per_channel(tmp_path, suffix, spec):
    left, right = tone(3.0, 300), tone(3.0, 1200, amp=0.1)
    path = tmp_path / f"call.{suffix}"
    encode(path, np.stack([left, right]), spec["format"], spec["codec"], spec["rate"])
    audio = decode_audio(path)
    assert audio.sample_rate == 16000 and audio.n_channels == 2
    assert audio.duration == pytest.approx(3.0, abs=0.1)
    assert audio.original_sample_rate in (spec["rate"], 48000)  # opus always decodes at 48 kHz
    # Channels stay apart: the loud 300 Hz tone is on the left only.
    assert np.sqrt(np.mean(audio.channel(0) ** 2)) > 2 * np.sqrt(np.mean(audio.channel(1) ** 2))
    assert len(audio.sha256) == 64


def test_empty_file(tmp_path):
    p = tmp_path / "empty.wav"
    p.write_bytes(b"")
    with pytest.raises(AudioError, match="empty"):
        decode_audio(p)


def test_not_audio(tmp_path):
    p = tmp_path / "notes.wav"
    p.write_text("this is a text file, not a recording\n" * 20)
    with pytest.raises(AudioError, match="not a readable audio file"):
        decode_audio(p)


def test_missing_file(tmp_path):
    with pytest.raises(AudioError, match="no such file"):
        decode_audio(tmp_path / "nope.wav")


def test_truncated_wav(tmp_path):
    full = write_wav(tmp_path / "full.wav", tone(5.0))
    cut = tmp_path / "cut.wav"
    cut.write_bytes(full.read_bytes()[: 40_000])
    with pytest.raises(AudioError, match="truncated"):
        decode_audio(cut)


def test_truncated_mp3(tmp_path):
    full = tmp_path / "full.mp3"
    encode(full, tone(8.0)[None, :], "mp3", "libmp3lame", 16000)
    cut = tmp_path / "cut.mp3"
    cut.write_bytes(full.read_bytes()[: full.stat().st_size // 4])
    with pytest.raises(AudioError, match="truncated"):
        decode_audio(cut)


def test_zero_length_audio(tmp_path):
    p = write_wav(tmp_path / "zero.wav", np.zeros(0, np.float32))
    with pytest.raises(AudioError, match="no audio samples"):
        decode_audio(p)


def test_three_hour_file_is_refused_before_decoding(tmp_path):
    """A 3 h recording is refused from its header with the limit named: memory stays bounded."""
    import time
    import tracemalloc

    p = tmp_path / "three_hours.wav"
    with wave.open(str(p), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(8000)
        block = bytes([128]) * 8000 * 60
        for _ in range(180):
            w.writeframes(block)
    tracemalloc.start()
    t = time.perf_counter()
    with pytest.raises(AudioError, match=r"3:00:00.*over the limit of 2:00:00"):
        decode_audio(p)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert time.perf_counter() - t < 5
    assert peak < 50 * 2**20


def test_limit_is_configurable(tmp_path):
    p = write_wav(tmp_path / "ten.wav", tone(10.0))
    with pytest.raises(AudioError, match="over the limit"):
        decode_audio(p, max_duration=5)
    assert decode_audio(p, max_duration=None).duration == pytest.approx(10.0, abs=0.01)


def test_more_than_two_channels_refused(tmp_path):
    p = write_wav(tmp_path / "quad.wav", np.stack([tone(1.0)] * 4))
    with pytest.raises(AudioError, match="4 audio channels"):
        decode_audio(p)
