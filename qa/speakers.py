"""Who speaks when, and which speaker is the agent.

Stereo calls: one channel per party (``agent_channel`` says which). Mono calls: the speech is cut
into overlapping ~1.2 s windows, each embedded with Resemblyzer's voice encoder (its weights ship
in the ``Resemblyzer`` wheel; the 3-layer LSTM is rebuilt here so that the package's import-time
dependencies are not needed), and the windows are clustered into two voices. Which voice is the
agent is then decided from what each says (greets, names the company, offers help, apologises),
with a confidence — never from who speaks first.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from qa.config import coerce_options
from qa.errors import AudioError, ModelError
from qa.types import Role, Span

__all__ = [
    "SpeakerOptions",
    "Diarization",
    "diarize",
    "role_scores",
    "assign_roles",
    "voice_encoder",
]

log = logging.getLogger(__name__)

SR = 16_000
_MEL_HOP = 160  # 10 ms frames, as the encoder was trained
_MEL_FFT = 400


@dataclass(frozen=True)
class SpeakerOptions:
    """Mono-call speaker separation settings (echoed into the transcript's meta)."""

    window_s: float = 1.2
    hop_s: float = 0.25
    smooth_windows: int = 3
    #: Two clusters whose centroids are closer than this are one voice: the recording is
    #: refused. Measured on real speech (bench/real_calls.py): single voices 0.88-0.96 (long
    #: clips), two people mixed to mono 0.71-0.88; Resemblyzer on telephone-band speech puts
    #: different voices closer than on wideband audio.
    same_speaker_similarity: float = 0.91
    #: Between this and ``same_speaker_similarity`` the voices are taken as two but hard to tell
    #: apart: the call is scored with a quality warning (roles and turns may be mixed up).
    close_voices_similarity: float = 0.84
    # A "speaker" holding less than this share of the speech is noise, not a party.
    min_speaker_share: float = 0.06
    seed: int = 0


@dataclass(frozen=True)
class Diarization:
    """Per-window speaker labels over a mono call."""

    times: np.ndarray  # window centres, seconds
    labels: np.ndarray  # 0/1 per window
    confidence: np.ndarray  # 0..1 per window: margin between the two voices
    centroid_similarity: float
    shares: tuple[float, float]

    def label_at(self, t: float) -> tuple[int, float]:
        """The speaker at time ``t`` and how sure the separation is there."""
        if self.times.size == 0:
            return 0, 0.0
        i = int(np.argmin(np.abs(self.times - t)))
        return int(self.labels[i]), float(self.confidence[i])

    def split(self, regions: Sequence[Span]) -> list[tuple[Span, int]]:
        """Speech regions cut where the speaker label changes."""
        out: list[tuple[Span, int]] = []
        for r in regions:
            idx = np.nonzero((self.times >= r.start) & (self.times <= r.end))[0]
            if idx.size == 0:
                out.append((r, self.label_at(r.middle)[0]))
                continue
            start = r.start
            current = int(self.labels[idx[0]])
            for a, b in zip(idx[:-1], idx[1:], strict=True):
                if int(self.labels[b]) != current:
                    boundary = float(self.times[a] + self.times[b]) / 2
                    if boundary > start:
                        out.append((Span(start, boundary), current))
                    start, current = boundary, int(self.labels[b])
            out.append((Span(start, r.end), current))
        return out


@lru_cache(maxsize=1)
def voice_encoder() -> Any:
    """Resemblyzer's pretrained voice encoder (256-d), loaded once per process."""
    try:
        import torch
        from torch import nn
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ModelError("torch is needed for mono calls: pip install torch==2.13.0") from exc
    from qa.assets import package_dir

    weights = package_dir("resemblyzer") / "pretrained.pt"
    if not weights.is_file():
        raise ModelError(f"Resemblyzer's voice encoder weights are missing at {weights}")

    class VoiceEncoder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.lstm = nn.LSTM(40, 256, 3, batch_first=True)
            self.linear = nn.Linear(256, 256)
            self.relu = nn.ReLU()

        def forward(self, mels: torch.Tensor) -> torch.Tensor:
            _, (hidden, _) = self.lstm(mels)
            raw = self.relu(self.linear(hidden[-1]))
            return raw / torch.norm(raw, dim=1, keepdim=True).clamp_min(1e-8)

    model = VoiceEncoder()
    state = torch.load(weights, map_location="cpu", weights_only=False)["model_state"]
    model.load_state_dict(state, strict=False)
    model.eval()
    return model


def _hz_to_mel(f: np.ndarray) -> np.ndarray:
    # The Slaney mel scale (linear below 1 kHz, logarithmic above), as librosa's default.
    f = np.asarray(f, dtype=np.float64)
    lin = f / (200.0 / 3)
    log = 15.0 + np.log(np.maximum(f, 1e-10) / 1000.0) / (np.log(6.4) / 27.0)
    return np.where(f >= 1000.0, log, lin)


def _mel_to_hz(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float64)
    lin = m * (200.0 / 3)
    log = 1000.0 * np.exp((np.log(6.4) / 27.0) * (m - 15.0))
    return np.where(m >= 15.0, log, lin)


@lru_cache(maxsize=1)
def _mel_filters(n_mels: int = 40) -> np.ndarray:
    """Slaney-normalised mel filterbank (n_mels, n_fft/2+1): what the encoder was trained on."""
    fft_freqs = np.linspace(0, SR / 2, 1 + _MEL_FFT // 2)
    mel_f = _mel_to_hz(np.linspace(_hz_to_mel(0.0), _hz_to_mel(SR / 2), n_mels + 2))
    fdiff = np.diff(mel_f)
    ramps = mel_f[:, None] - fft_freqs[None, :]
    lower = -ramps[:-2] / fdiff[:-1, None]
    upper = ramps[2:] / fdiff[1:, None]
    weights = np.maximum(0.0, np.minimum(lower, upper))
    weights *= (2.0 / (mel_f[2 : n_mels + 2] - mel_f[:n_mels]))[:, None]
    return weights.astype(np.float32)


def _mel(wav: np.ndarray) -> np.ndarray:
    """Power mel spectrogram (frames, 40) with 25 ms Hann windows every 10 ms, centred."""
    y = np.pad(np.asarray(wav, dtype=np.float32), (_MEL_FFT // 2, _MEL_FFT // 2))
    n = 1 + (y.size - _MEL_FFT) // _MEL_HOP
    if n <= 0:
        return np.zeros((0, 40), np.float32)
    frames = np.lib.stride_tricks.as_strided(
        y, shape=(n, _MEL_FFT), strides=(y.strides[0] * _MEL_HOP, y.strides[0])
    )
    window = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(_MEL_FFT) / _MEL_FFT)).astype(np.float32)
    power = np.abs(np.fft.rfft(frames * window, axis=1)) ** 2
    return (power.astype(np.float32) @ _mel_filters().T).astype(np.float32)


def _embed_windows(
    samples: np.ndarray, regions: Sequence[Span], opts: SpeakerOptions
) -> tuple[np.ndarray, np.ndarray]:
    """Embeddings of windows centred every ``hop_s`` inside the speech regions."""
    import torch

    if not regions:  # no speech at all: diarize refuses it as too little speech
        return np.zeros(0), np.zeros((0, 256), np.float32)
    speech = np.concatenate([samples[int(r.start * SR) : int(r.end * SR)] for r in regions])
    rms = float(np.sqrt(np.mean(speech**2))) if speech.size else 0.0
    gain = (10 ** (-30 / 20)) / rms if rms > 0 else 1.0
    mel = _mel((samples * min(gain, 100.0)).astype(np.float32))
    n_frames = int(opts.window_s * SR / _MEL_HOP)
    centres: list[float] = []
    windows: list[np.ndarray] = []
    for r in regions:
        t = r.start + min(opts.hop_s, r.duration) / 2
        while t < r.end:
            c = int(t * SR / _MEL_HOP)
            a = max(0, min(c - n_frames // 2, mel.shape[0] - n_frames))
            # Keep the window inside the region when it is long enough, so silence and the other
            # party's next turn stay out of it.
            lo, hi = int(r.start * SR / _MEL_HOP), int(r.end * SR / _MEL_HOP)
            if hi - lo >= n_frames:
                a = min(max(a, lo), hi - n_frames)
            win = mel[a : a + n_frames]
            if win.shape[0] < n_frames:
                win = np.pad(win, ((0, n_frames - win.shape[0]), (0, 0)))
            windows.append(win)
            centres.append(t)
            t += opts.hop_s
    if not windows:
        return np.zeros(0), np.zeros((0, 256), np.float32)
    model = voice_encoder()
    out = []
    with torch.inference_mode():
        for i in range(0, len(windows), 256):
            batch = torch.from_numpy(np.stack(windows[i : i + 256]))
            out.append(model(batch).numpy())
    return np.asarray(centres), np.concatenate(out)


def _median_smooth(labels: np.ndarray, width: int) -> np.ndarray:
    if width <= 1 or labels.size < width:
        return labels
    half = width // 2
    padded = np.pad(labels, half, mode="edge")
    return np.array([int(np.median(padded[i : i + width])) for i in range(labels.size)])


def diarize(
    samples: np.ndarray,
    regions: Sequence[Span],
    options: SpeakerOptions | Mapping[str, Any] | None = None,
) -> Diarization:
    """Separate the two voices of a mono call. Raises ``AudioError`` if only one is heard."""
    from sklearn.cluster import KMeans

    opts = coerce_options(SpeakerOptions, options)
    times, emb = _embed_windows(samples, regions, opts)
    if times.size < 4:
        raise AudioError(
            "too little speech to tell two speakers apart in this mono recording "
            f"({sum(r.duration for r in regions):.1f} s of speech)"
        )
    km = KMeans(n_clusters=2, n_init=10, random_state=opts.seed).fit(emb)
    centroids = km.cluster_centers_ / np.linalg.norm(km.cluster_centers_, axis=1, keepdims=True)
    similarity = float(centroids[0] @ centroids[1])
    sims = emb @ centroids.T  # cosine similarity of each window to each voice
    labels = _median_smooth(np.argmax(sims, axis=1), opts.smooth_windows)
    margin = np.abs(sims[:, 0] - sims[:, 1])
    confidence = np.clip(margin / max(1e-6, 1.0 - similarity), 0.0, 1.0)
    share1 = float(np.mean(labels == 1))
    shares = (1.0 - share1, share1)
    log.info("mono separation: centroid similarity %.3f, shares %.2f/%.2f", similarity, *shares)
    if similarity > opts.same_speaker_similarity or min(shares) < opts.min_speaker_share:
        raise AudioError(
            "only one speaker could be heard in this mono recording (voice similarity "
            f"{similarity:.2f}, second voice {min(shares):.0%} of speech); qa needs both the "
            "agent and the customer. For a stereo file, drop --mono."
        )
    return Diarization(times, labels, confidence, similarity, shares)


# --- which voice is the agent -----------------------------------------------------------------

# Phrases an agent says (greeting with a company, offering help, verifying, apologising, promising
# action) and phrases a customer says (what I bought, what happened to me). Lower-cased substrings.
_AGENT_CUES: dict[str, tuple[str, ...]] = {
    "en": (
        "thank you for calling", "thanks for calling", "how can i help", "how may i help",
        "how can i assist", "speaking", "customer service", "customer care",
        "what can i do for you", "anything else", "may i have your", "can i get your",
        "could you spell", "is confirmed", "your booking", "your reservation", "glad to help",
        "happy to help", "have a nice day", "are you looking for", "do you have any other",
        "can i have your", "could you confirm", "account number", "order number",
        "let me check", "let me look", "i'll", "we'll", "we will", "i will", "i apologize",
        "i apologise", "sorry for", "i understand", "i can see", "refund", "replacement",
        "anything else i can", "have a great day", "on hold", "bear with me",
    ),
    "zh": (
        "您好", "请问", "有什么可以帮", "帮您", "为您", "给您", "抱歉", "不好意思", "理解您",
        "我们会", "我马上", "稍等", "客服", "订单号", "还有什么", "感谢您", "还有其他",
        "已经为您", "请您",
    ),
    "ko": (
        "고객님", "도와드릴", "드리겠습니다", "드릴게요", "확인해", "죄송합니다", "죄송해요",
        "상담", "감사합니다", "주문번호", "잠시만", "속상하셨", "더 필요하신", "성함",
        "예약되었습니다",
    ),
    "ms": (
        "terima kasih kerana menghubungi", "boleh saya bantu", "encik", "puan", "minta maaf",
        "kami akan", "saya akan", "sila", "nombor pesanan", "saya faham", "sebentar",
        "ada apa-apa lagi", "boleh saya dapatkan", "tempahan anda",
    ),
}
_CUSTOMER_CUES: dict[str, tuple[str, ...]] = {
    "en": (
        "i bought", "i ordered", "my order", "i received", "i got", "i want", "i paid",
        "i've been waiting", "i called", "you people", "your company", "unacceptable",
        "i need", "my money", "i was told", "it broke", "i'm not happy", "i am not happy",
        "i am looking for", "i'm looking for", "can you book", "i would like", "i'd like",
        "thank you for your help", "thanks for your help", "that's all", "can you help me",
        "i have a problem", "i was charged",
    ),
    "zh": ("我买", "我的", "我要", "我收到", "你们", "我已经", "退钱", "怎么回事", "我想", "帮我"),
    "ko": ("제가", "샀는데", "주문했", "받았는데", "왜", "환불해", "저는", "하고 싶", "예약하고"),
    "ms": (
        "saya beli", "saya nak", "saya dah", "kamu", "awak", "saya terima", "duit saya",
        "saya mahu", "saya perlukan", "boleh tolong",
    ),
}


def role_scores(text: str, language: str | None = None) -> tuple[float, float]:
    """(agent cues, customer cues) found in ``text``; all languages are searched."""
    del language  # code-switching is common in calls: every language's cues are searched
    t = re.sub(r"\s+", " ", text.lower())
    agent = sum(t.count(c) for cues in _AGENT_CUES.values() for c in cues)
    customer = sum(t.count(c) for cues in _CUSTOMER_CUES.values() for c in cues)
    return float(agent), float(customer)


def assign_roles(
    texts: Mapping[int, str], language: str | None = None
) -> tuple[dict[int, Role], float, dict[int, tuple[float, float]]]:
    """Map speaker labels {0, 1} to roles from what each said.

    Returns the mapping, a confidence in [0.5, 1] and each speaker's (agent, customer) cue counts.
    With no cues either way the confidence is 0.5: a coin toss, reported as such.
    """
    cues = {s: role_scores(texts.get(s, ""), language) for s in (0, 1)}
    # Evidence that speaker 0 is the agent: its agent cues and speaker 1's customer cues.
    evidence = (cues[0][0] - cues[0][1]) - (cues[1][0] - cues[1][1])
    agent = 0 if evidence >= 0 else 1
    confidence = float(1.0 / (1.0 + np.exp(-abs(evidence) / 2.0)))
    mapping: dict[int, Role] = {agent: "agent", 1 - agent: "customer"}
    return mapping, confidence, cues
