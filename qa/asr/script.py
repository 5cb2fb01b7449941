"""Mandarin transcripts in one script: Whisper switches between simplified and traditional
characters from window to window (even within a call); OpenCC converts them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from qa.asr.types import RawWord
from qa.errors import ModelError

__all__ = ["to_chinese_script"]


def _opencc(config: str) -> Any:
    try:
        import opencc
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ModelError("opencc is not installed: pip install -e .") from exc
    return opencc.OpenCC(config)


def to_chinese_script(words: Sequence[RawWord], script: str) -> list[RawWord]:
    """The words with their Chinese characters in one script ("simplified" or "traditional").

    OpenCC converts the words' joined text, so phrases spanning words convert as phrases; the
    text is cut back into the words by their lengths (OpenCC's character conversions keep them).
    Where a conversion changed a length, each word is converted on its own instead. Times,
    probabilities and languages are kept; text outside Chinese is left as it is."""
    if not words:
        return []
    convert = _opencc("t2s" if script == "simplified" else "s2t").convert
    texts = [w.text for w in words]
    joined = convert("".join(texts))
    if len(joined) == sum(len(t) for t in texts):
        cut, at = [], 0
        for t in texts:
            cut.append(joined[at : at + len(t)])
            at += len(t)
    else:
        cut = [convert(t) for t in texts]
    return [w if w.text == c else replace(w, text=c) for w, c in zip(words, cut, strict=True)]
