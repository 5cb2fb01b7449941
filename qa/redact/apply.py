"""From findings to spans, and from spans to redacted text and the audio time spans to mask."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from qa.redact.records import Finding, PiiSpan, placeholder
from qa.redact.streams import Prepared
from qa.redact.tokens import Layout, layout
from qa.types import Span, Utterance

__all__ = ["to_spans", "redact_utterance_text", "audio_spans"]

# When two entities claim the same words, the more harmful one names them.
_PRIORITY = {e: i for i, e in enumerate((
    "CARD_NUMBER", "NATIONAL_ID", "BANK_ACCOUNT", "CVV", "EXPIRY", "PHONE", "EMAIL", "DATE_OF_BIRTH",
    "ADDRESS", "PERSON",
))}


def to_spans(prep: Prepared, findings: Iterable[Finding], min_confidence: float = 0.0) -> list[PiiSpan]:
    """One :class:`PiiSpan` per utterance piece of each finding (a finding's pieces share a
    group), widened to whole words; findings that overlap words already taken by a more
    confident finding are dropped. Sorted by utterance and position."""
    chosen: list[Finding] = []
    taken: set[tuple[int, int]] = set()
    for f in sorted(findings, key=lambda f: (-f.confidence, _PRIORITY[f.entity])):
        if f.confidence < min_confidence:
            continue
        words = {(u, prep.token(u, k).word) for u, a, b in f.pieces for k in range(a, b + 1)}
        if words & taken:
            continue
        taken |= words
        chosen.append(f)
    spans: list[PiiSpan] = []
    for group, f in enumerate(sorted(chosen, key=lambda f: f.pieces[0])):
        for u, a, b in f.pieces:
            lay = prep.layouts[u]
            first, last = prep.token(u, a), prep.token(u, b)
            w0, w1 = first.word, last.word + 1
            lead = f.trim[0] if (u, a, b) == f.pieces[0] else 0
            tail = f.trim[1] if (u, a, b) == f.pieces[-1] else 0
            c0, c1 = first.start + lead, max(first.start + lead, last.end - tail)
            spans.append(PiiSpan(
                entity=f.entity, utterance=u, words=(w0, w1),
                start_s=lay.times[w0].start, end_s=lay.times[w1 - 1].end,
                text=lay.text[c0:c1], confidence=round(f.confidence, 3),
                detector=f.detector, chars=(c0, c1), group=group,
            ))
    return sorted(spans, key=lambda s: (s.utterance, s.chars))


def redact_utterance_text(utterance: Utterance, spans: Sequence[PiiSpan], index: int | None = None) -> str:
    """The utterance's text with each span's characters replaced by its ``[ENTITY]`` placeholder.

    ``spans`` may hold spans of other utterances (``index`` selects this one's; default: all
    given spans belong to it). Guarantee: no character inside a span survives; adjacent spans
    of one entity give one placeholder."""
    lay: Layout = layout(utterance)
    mine = sorted((s for s in spans if index is None or s.utterance == index), key=lambda s: s.chars)
    out, at = [], 0
    for s in mine:
        a, b = s.chars
        if b <= at:
            continue
        a = max(a, at)
        gap = lay.text[at:a]
        if out and not gap.strip() and out[-1] == placeholder(s.entity):
            out.append("")  # one placeholder for two pieces of one entity side by side
        else:
            out.append(gap)
            out.append(placeholder(s.entity))
        at = b
    out.append(lay.text[at:])
    return "".join(out)


def audio_spans(spans: Iterable[PiiSpan], margin_s: float = 0.15, duration: float | None = None) -> list[Span]:
    """The time spans to mask in the recording: each span's words padded by ``margin_s`` on both
    sides (clipped to ``[0, duration]``), overlapping or touching spans merged, sorted."""
    padded = sorted(
        Span(max(0.0, s.start_s - margin_s), s.end_s + margin_s if duration is None else min(duration, s.end_s + margin_s))
        for s in spans
    )
    merged: list[Span] = []
    for sp in padded:
        if merged and sp.start <= merged[-1].end:
            merged[-1] = merged[-1] | sp
        else:
            merged.append(sp)
    return merged
