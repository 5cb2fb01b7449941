"""Shared fixtures: sample calls (transcribed once per session), synthetic audio, espeak-ng."""

from __future__ import annotations

import json
import shutil
import subprocess
from functools import cache
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SR = 16_000


def sample_ids() -> list[str]:
    return sorted(p.name[: -len(".expected.json")] for p in SAMPLES.glob("*.expected.json"))


def expected(sample_id: str) -> dict:
    return json.loads((SAMPLES / f"{sample_id}.expected.json").read_text(encoding="utf-8"))


def sample_audio(sample_id: str) -> Path:
    return SAMPLES / expected(sample_id)["audio"]


@cache
def transcribed(sample_id: str, layout: str = "auto"):
    """The sample's Call, transcribed once per test session (real models, real audio)."""
    from qa.pipeline import PipelineOptions, transcribe_call

    exp = expected(sample_id)
    opts = PipelineOptions(layout=layout, agent_channel=exp.get("agent_channel", 0))
    return transcribe_call(sample_audio(sample_id), opts, agent_id=exp.get("agent_id", "unknown"))


def write_wav(path: Path, samples: np.ndarray, sr: int = SR, subtype: str = "PCM_16") -> Path:
    import soundfile as sf

    data = samples.T if samples.ndim == 2 else samples
    sf.write(str(path), data, sr, subtype=subtype)
    return path


def tone(seconds: float, freq: float = 440.0, amp: float = 0.3, sr: int = SR) -> np.ndarray:
    t = np.arange(int(seconds * sr)) / sr
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def espeak(text: str, voice: str = "en-us", speed: int = 150) -> np.ndarray:
    """Speech from espeak-ng at 16 kHz (tests that need it skip with a reason when it is missing)."""
    import soundfile as sf

    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed (scripts/setup.sh installs it as root)")
    out = subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(speed), "--stdout", text],
        check=True,
        capture_output=True,
    ).stdout
    import io

    data, sr = sf.read(io.BytesIO(out), dtype="float32")
    if sr != SR:
        idx = np.arange(0, len(data), sr / SR)
        data = np.interp(idx, np.arange(len(data)), data).astype(np.float32)
    # Trim espeak's leading/trailing silence so the placed timings are the speech's own.
    loud = np.nonzero(np.abs(data) > 0.01)[0]
    return data[loud[0] : loud[-1] + 1] if loud.size else data


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES
