"""Which language a call, and each of its windows, is decoded in.

Detection averages Whisper's language probabilities over the call's first windows and picks
among the languages the product serves. A close decision between two of them is settled by
decoding in both (``settle``); a window clearly in another served language is decoded in it
(``window_language``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "SETTLE_MARGIN",
    "SCRIPTS",
    "same_script",
    "choose_language",
    "served_probabilities",
    "CallLanguage",
    "settle",
    "window_language",
]

log = logging.getLogger(__name__)

SETTLE_MARGIN = 0.2  # mean log-probability per token another language must win by

#: The script each served language is written in. A close decision is settled by decoding only
#: between languages of one script: speech decoded in a language of another script comes out
#: translated (Korean speech decoded as English reads as fluent English, with a better
#: log-probability per token than the Korean transcript), so the comparison would favour the
#: translation. Across scripts the detection stands, and the call is noted as close.
SCRIPTS = {"en": "latin", "ms": "latin", "id": "latin", "zh": "han", "ko": "hangul"}


def same_script(a: str, b: str) -> bool:
    """Whether languages ``a`` and ``b`` are written in one script (unknown ones: only alike)."""
    return SCRIPTS.get(a, a) == SCRIPTS.get(b, b)


def choose_language(
    probs: Sequence[Mapping[str, float]], candidates: Sequence[str] | None
) -> tuple[str, float, dict[str, float]]:
    """Average the windows' language probabilities, then pick among ``candidates``.

    Whisper base often calls synthetic or short Malay Indonesian, or Korean Japanese, on one clip;
    averaged over the call and restricted to the languages the product serves it rarely does.
    Returns the language, its probability among ``candidates`` and the five likeliest languages
    overall (unrestricted, for the record). Without probabilities: the first candidate ("en"
    without candidates), probability 0.
    """
    if not any(probs):
        fallback = (candidates or ("en",))[0]
        return fallback, 0.0, {}
    totals: dict[str, float] = {}
    for window in probs:
        for lang, p in window.items():
            totals[lang] = totals.get(lang, 0.0) + p / len(probs)
    scoped = served_probabilities(probs, candidates)
    best = max(scoped, key=scoped.__getitem__)
    top = dict(sorted(totals.items(), key=lambda kv: -kv[1])[:5])
    return best, scoped[best], top


def served_probabilities(
    probs: Sequence[Mapping[str, float]], candidates: Sequence[str] | None
) -> dict[str, float]:
    """The windows' mean language probabilities over ``candidates``, renormalised."""
    totals: dict[str, float] = {}
    for window in probs:
        for k, p in window.items():
            totals[k] = totals.get(k, 0.0) + p / len(probs)
    scoped = {k: totals.get(k, 0.0) for k in (candidates or totals)}
    norm = sum(scoped.values()) or 1.0
    return {k: v / norm for k, v in scoped.items()}


class CallLanguage:
    """A :data:`~qa.asr.types.LanguageChooser` that keeps what it saw.

    Called with the detection windows' probabilities, it names the call's language and, when the
    top served language and the next one written in the same script (:data:`SCRIPTS`) are
    closer than ``margin``, the two to settle by decoding. After
    the call, ``probability``, ``top`` and ``margin`` hold the detection's record (``margin`` is
    None when there was nothing to detect from).
    """

    def __init__(self, candidates: Sequence[str] | None, margin: float) -> None:
        self.candidates = candidates
        self.close_margin = margin
        self.probability = 0.0
        self.top: dict[str, float] = {}
        self.margin: float | None = None

    def __call__(self, probs: list[dict[str, float]]) -> tuple[str, tuple[str, ...]]:
        lang, p, top = choose_language(probs, self.candidates)
        scoped = served_probabilities(probs, self.candidates)
        ranked = sorted(scoped, key=lambda k: -scoped[k])
        margin = scoped[ranked[0]] - scoped[ranked[1]] if len(ranked) > 1 else 1.0
        self.probability, self.top, self.margin = p, top, margin if probs else None
        first = ranked[0]
        rival = next((k for k in ranked[1:] if same_script(first, k)), None)
        if rival is not None and scoped[first] - scoped[rival] < self.close_margin:
            return lang, (first, rival)
        return lang, ()


def settle(
    scores: Mapping[str, float],
    tokens: Mapping[str, float],
    contenders: Sequence[str],
    detected: str,
) -> tuple[str, dict[str, Any]]:
    """A close language decision, given each contender's decoding of the detection windows:
    ``scores`` the mean log-probability per token (-inf when nothing was decoded), ``tokens``
    how many tokens were decoded.

    The detected language stands unless another is likelier by more than :data:`SETTLE_MARGIN`
    and its transcript is not a degenerate few tokens (at least half as many as the chosen one's:
    a short confident hallucination scores well per token). Returns the language and the record
    of the decision (``meta.language_check``).
    """
    chosen = detected if detected in scores else max(scores, key=scores.__getitem__)
    for lang in scores:
        if (
            lang != chosen
            and scores[lang] > scores[chosen] + SETTLE_MARGIN
            and tokens[lang] >= 0.5 * tokens.get(chosen, 0)
        ):
            chosen = lang
    log.info("close language decision settled by decoding: %s %s", chosen, dict(scores))
    return chosen, {
        "contenders": list(contenders),
        "detected": detected,
        "logprob": {k: round(v, 3) if v != float("-inf") else None for k, v in scores.items()},
        "chosen": chosen,
    }


def window_language(
    probs: Mapping[str, float],
    call_language: str,
    candidates: Sequence[str] | None,
    switch_probability: float,
) -> str:
    """The language to decode one window in: the call's, unless the window is clearly in another
    served language (its most likely language overall, at ``switch_probability`` or more)."""
    if not probs or switch_probability >= 1.0:
        return call_language
    top = max(probs, key=probs.__getitem__)
    if (
        top != call_language
        and (candidates is None or top in candidates)
        and probs[top] >= switch_probability
    ):
        return top
    return call_language
