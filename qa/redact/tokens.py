"""Utterances as token streams: every token knows its word, its characters and its time.

Detectors work on tokens (a run of ASCII digits, a Latin word, one Han character, a run of
Hangul, one punctuation mark) that never cross a word boundary, so a finding maps back to whole
words (for the audio) and to exact characters (for the text). The words are the utterance's own
when it has word timings and they can be found in its text in order; otherwise the text is cut
into words here and timed evenly over the utterance's span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.types import Span, Utterance

__all__ = ["Token", "Layout", "layout", "tokenize", "is_han", "is_hangul"]

_TOKEN = re.compile(
    r"(?P<digits>[0-9]+)|(?P<latin>[A-Za-z]+(?:'[A-Za-z]+)?)|(?P<han>[\u3007\u4e00-\u9fff])"
    r"|(?P<hangul>[\uac00-\ud7a3]+)|(?P<punct>\S)"
)
_CJK_WORD = re.compile(r"[\u3007\u4e00-\u9fff]|[^\s\u3007\u4e00-\u9fff]+")


def is_han(text: str) -> bool:
    return bool(text) and all("\u4e00" <= c <= "\u9fff" or c == "\u3007" for c in text)


def is_hangul(text: str) -> bool:
    return bool(text) and all("\uac00" <= c <= "\ud7a3" for c in text)


@dataclass(frozen=True)
class Layout:
    """An utterance's text and, per word, its character range in that text and its time."""

    text: str
    chars: tuple[tuple[int, int], ...]
    times: tuple[Span, ...]
    synthetic: bool

    def word_at(self, char: int) -> int:
        for i, (a, b) in enumerate(self.chars):
            if a <= char < b:
                return i
        raise ValueError(f"character {char} lies in no word")


def layout(utterance: Utterance) -> Layout:
    """Where each word of ``utterance`` sits in its text.

    Guarantee: ``text[a:b]`` of each word's ``(a, b)`` is that word's text. With word timings the
    text is ``utterance.text`` when every word is found in it in order (else the words joined by
    spaces, or without between Han characters); without timings, words are cut from the text
    (whitespace words; each Han character its own word) and timed evenly over the span."""
    text = utterance.text
    if utterance.words:
        chars: list[tuple[int, int]] = []
        at = 0
        for w in utterance.words:
            found = text.find(w.text, at) if w.text else at
            if found < 0:
                break
            chars.append((found, found + len(w.text)))
            at = found + len(w.text)
        else:
            return Layout(text, tuple(chars), tuple(w.span for w in utterance.words), False)
        parts: list[str] = []
        chars = []
        for w in utterance.words:
            if parts and not (is_han(parts[-1][-1:]) and is_han(w.text[:1])):
                parts.append(" ")
            start = sum(len(p) for p in parts)
            parts.append(w.text)
            chars.append((start, start + len(w.text)))
        return Layout("".join(parts), tuple(chars), tuple(w.span for w in utterance.words), False)
    found = [(m.start(), m.end()) for m in _CJK_WORD.finditer(text)]
    span, n = utterance.span, max(1, len(found))
    step = span.duration / n
    times = tuple(Span(span.start + i * step, span.start + (i + 1) * step) for i in range(len(found)))
    return Layout(text, tuple(found), times, True)


@dataclass(frozen=True)
class Token:
    """One token of an utterance: ``kind`` is digits, latin, han, hangul or punct."""

    utt: int
    pos: int
    word: int
    start: int
    end: int
    text: str
    kind: str
    glued: bool  # directly after the previous token, inside the same word
    time: Span

    @property
    def low(self) -> str:
        return self.text.lower()


def tokenize(utt: int, lay: Layout) -> list[Token]:
    """The tokens of one utterance in order, never crossing a word boundary."""
    tokens: list[Token] = []
    for w, (a, b) in enumerate(lay.chars):
        prev_end = -1
        for m in _TOKEN.finditer(lay.text, a, b):
            kind = m.lastgroup or "punct"
            tokens.append(
                Token(utt, len(tokens), w, m.start(), m.end(), m.group(), kind, m.start() == prev_end, lay.times[w])
            )
            prev_end = m.end()
    return tokens
