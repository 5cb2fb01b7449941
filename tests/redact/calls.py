"""Hand-built calls for the redaction tests: words evenly timed, 0.3 s each, 0.1 s apart."""

from __future__ import annotations

import re

from qa.types import Call, Span, Utterance, Word

_WORD = re.compile(r"[\u4e00-\u9fff]|[^\s\u4e00-\u9fff]+")


def words_of(text: str, lang: str) -> list[str]:
    """ASR-like words: whitespace words; Mandarin Han characters one word each."""
    return _WORD.findall(text) if lang == "zh" else text.split()


def make_call(*turns: tuple[str, str], lang: str = "en", timings: bool = True) -> Call:
    """A call from (role, text) turns; ``timings=False`` leaves the utterances without words."""
    utterances, clock = [], 0.0
    for i, (role, text) in enumerate(turns):
        start = clock
        words = []
        for w in words_of(text, lang):
            words.append(Word(Span(clock, clock + 0.3), w))
            clock += 0.4
        end = max(clock - 0.1, start + 0.3)
        utterances.append(Utterance(f"u{i:03d}", role, Span(start, end), text,
                                    tuple(words) if timings else (), language=lang))
        clock = end + 0.5
    return Call("test", "agent-1", clock, "transcript", tuple(utterances), {"language": lang})


def entities(call: Call, **options) -> list[str]:
    from qa.redact import detect

    return [s.entity for s in detect(call, options or None)]


def redacted(call: Call) -> list[str]:
    from qa.redact import detect, redact_utterance_text

    spans = detect(call)
    return [redact_utterance_text(u, spans, i) for i, u in enumerate(call.utterances)]
