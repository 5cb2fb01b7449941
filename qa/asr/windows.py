"""How speech regions become Whisper windows, and how words find their way back.

Only the speech regions found by VAD are given to Whisper: they are widened a little, laid end to
end with a short silence between them in chunks of at most one 30 s window, transcribed, and
every word's time is mapped back to the recording. A window Whisper stopped decoding early is
decoded again from its last word.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from qa.asr.types import SR, RawWord, WindowTranscript
from qa.types import Span
from qa.vad import merge_spans

__all__ = ["GAP_S", "CHUNK_S", "Piece", "Chunk", "widen", "pack_chunks", "decode_tails"]

GAP_S = 0.3  # silence laid between speech regions so words do not run together
CHUNK_S = 29.5  # one Whisper window (30 s) per chunk


@dataclass(frozen=True)
class Piece:
    """One speech region of one party, placed at ``offset`` seconds inside its chunk."""

    role: str
    span: Span
    offset: float


@dataclass(frozen=True)
class Chunk:
    """One Whisper window: the pieces' audio laid end to end, and where each came from."""

    audio: np.ndarray
    pieces: tuple[Piece, ...]

    def locate(self, t: float) -> Piece:
        """The piece a time inside the chunk belongs to (the nearest one in a gap)."""
        return min(
            self.pieces,
            key=lambda p: (
                0.0
                if p.offset <= t <= p.offset + p.span.duration
                else min(abs(t - p.offset), abs(t - p.offset - p.span.duration))
            ),
        )

    def place(self, word: RawWord, language: str | None) -> tuple[str, RawWord]:
        """The party who said a word (times within the chunk) and the word at its time in the
        recording, kept inside its piece; ``language`` where the word has none of its own."""
        piece = self.locate((word.start + word.end) / 2)
        shift = piece.span.start - piece.offset

        def clamp(t: float) -> float:
            return min(max(t + shift, piece.span.start), piece.span.end)

        placed = RawWord(
            clamp(word.start), clamp(word.end), word.text, word.probability,
            word.language or language,
        )  # fmt: skip
        return piece.role, placed


def widen(spans: Sequence[Span], pad_s: float, duration: float) -> list[Span]:
    """Spans widened by ``pad_s`` on each side, within ``[0, duration]`` and never past the middle
    of the gap to a neighbour: the audio handed to speech recognition. Neighbours are not joined,
    so a long stretch of talk stays cut at its pauses (not at an arbitrary 30 s point)."""
    tight = merge_spans(spans)
    if pad_s <= 0:
        return tight
    out: list[Span] = []
    for i, s in enumerate(tight):
        lo = (tight[i - 1].end + s.start) / 2 if i else 0.0
        hi = (s.end + tight[i + 1].start) / 2 if i + 1 < len(tight) else duration
        out.append(Span(max(lo, s.start - pad_s), max(min(hi, s.end + pad_s), s.start)))
    return out


def pack_chunks(
    signals: Mapping[str, np.ndarray],
    regions: Sequence[tuple[str, Span]],
    max_s: float = CHUNK_S,
    gap: float = GAP_S,
) -> list[Chunk]:
    """Lay the speech regions of every party end to end, in time order, in chunks of at most
    ``max_s`` seconds that never cut a region: one Whisper window per chunk, no word split."""
    chunks: list[Chunk] = []
    parts: list[np.ndarray] = []
    pieces: list[Piece] = []
    t = 0.0
    silence = np.zeros(int(gap * SR), dtype=np.float32)

    def flush() -> None:
        nonlocal parts, pieces, t
        if pieces:
            chunks.append(Chunk(np.concatenate(parts).astype(np.float32), tuple(pieces)))
        parts, pieces, t = [], [], 0.0

    for role, span in sorted(regions, key=lambda rs: (rs[1].start, rs[1].end)):
        audio = signals[role][int(round(span.start * SR)) : int(round(span.end * SR))]
        for a in range(0, max(audio.size, 1), int(max_s * SR)):  # a region longer than a window
            piece = audio[a : a + int(max_s * SR)]
            if piece.size == 0:
                continue
            dur = piece.size / SR
            if pieces and t + gap + dur > max_s:
                flush()
            if pieces:
                parts.append(silence)
                t += gap
            start = span.start + a / SR
            pieces.append(Piece(role, Span(start, start + dur), t))
            parts.append(piece)
            t += dur
    flush()
    return chunks


TailDecoder = Callable[[list[np.ndarray], list[int]], list[WindowTranscript]]
"""Decodes audio cut from the ends of windows: (the pieces, the index of each one's window)."""


def decode_tails(
    audio: Sequence[np.ndarray],
    decoded: Sequence[WindowTranscript],
    decode: TailDecoder,
    min_tail_s: float,
    rounds: int = 2,
) -> list[WindowTranscript]:
    """Speech after a window's last word, decoded again from there.

    Whisper sometimes ends a window early: it writes its last timestamp and stops with seconds
    of speech left. faster-whisper's own loop seeks to that timestamp and decodes the rest; this
    does the same for every such window at once (the chunks are packed speech, so a tail longer
    than ``min_tail_s`` is speech that would otherwise be lost). The new words are shifted to the
    window's time and appended; its log-probability becomes the token-weighted mean of both.
    At most ``rounds`` rounds, fewer once a round adds no word.
    """
    out = list(decoded)
    for _ in range(rounds):
        tails: list[tuple[int, float]] = []
        for k, window in enumerate(out):
            end = max((w.end for w in window.words), default=0.0)
            if audio[k].size / SR - end > min_tail_s:
                tails.append((k, end))
        if not tails:
            break
        again = decode([audio[k][int(end * SR) :] for k, end in tails], [k for k, _ in tails])
        grew = False
        for (k, end), (words, lp, n) in zip(tails, again, strict=True):
            words = [w for w in words if w.end > 0.05]  # nothing new right at the cut
            if not words:
                continue
            grew = True
            old_words, old_lp, old_n = out[k]
            shifted = [replace(w, start=w.start + end, end=w.end + end) for w in words]
            total = (old_lp or 0.0) * old_n + (lp or 0.0) * n
            out[k] = WindowTranscript(
                old_words + shifted, total / (old_n + n) if old_n + n else None, old_n + n
            )
        if not grew:
            break
    return out
