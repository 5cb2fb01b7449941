"""A call and its score as they are stored when redaction is on: placeholders for the personal
data in the utterances, their words, the findings' evidence and every other text, and a record
of what was redacted (never the personal data itself)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from qa.config import coerce_options
from qa.redact.apply import audio_spans, redact_utterance_text
from qa.redact.detect import detect
from qa.redact.records import PiiSpan, RedactOptions, placeholder
from qa.redact.tokens import layout
from qa.types import Call, CallScore, Span, Utterance, Word

__all__ = ["RedactedCall", "redact_call", "redact_score", "span_record", "scrub_text"]


@dataclass(frozen=True)
class RedactedCall:
    """What :func:`redact_call` gives: the redacted ``call`` (its ``meta["redaction"]`` records
    the spans without their text), the redacted ``score`` (``None`` if none was given), the
    detected ``spans`` (these hold the personal data: keep them in memory only) and the time
    spans of the recording to ``mask``."""

    call: Call
    score: CallScore | None
    spans: tuple[PiiSpan, ...]
    mask: tuple[Span, ...]


def span_record(call: Call, span: PiiSpan) -> dict[str, Any]:
    """What is stored about a redacted span: entity, utterance id, the closed-open word range
    of the original utterance, times, detector, confidence, group. Never its text."""
    return {
        "entity": span.entity,
        "utterance": call.utterances[span.utterance].id,
        "words": [span.words[0], span.words[1]],
        "start": round(span.start_s, 3),
        "end": round(span.end_s, 3),
        "group": span.group,
        "detector": span.detector,
        "confidence": span.confidence,
    }


def _variants(spans: Sequence[PiiSpan]) -> list[tuple[str, str]]:
    """(text, placeholder) pairs to replace in free text, longest first."""
    pairs: dict[str, str] = {}
    for s in spans:
        for t in (s.text, " ".join(s.text.split())):
            t = t.strip()
            if t:
                pairs.setdefault(t, placeholder(s.entity))
    return sorted(pairs.items(), key=lambda kv: -len(kv[0]))


def scrub_text(text: str, spans: Sequence[PiiSpan]) -> str:
    """``text`` with every span's text (as written, or with its spaces collapsed) replaced by
    its placeholder; a quote cut off with "…" inside personal data loses that part too."""
    pairs = _variants(spans)
    for t, ph in pairs:
        if t in text:
            text = text.replace(t, ph)
    if text.endswith("…"):
        body = text[:-1]
        for t, ph in pairs:
            for k in range(len(t) - 1, 0, -1):
                # The cut-off part starts a word: "… is 4532 01…", not "… pay m…" for "Mark".
                if body.endswith(t[:k]) and (k == len(body) or not body[-k - 1].isalnum()):
                    return body[:-k] + ph + "…"
    return text


def _scrub(value: Any, spans: Sequence[PiiSpan]) -> Any:
    if isinstance(value, str):
        return scrub_text(value, spans)
    if isinstance(value, Mapping):
        return {k: _scrub(v, spans) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_scrub(v, spans) for v in value)
    return value


def _redacted_words(u: Utterance, mine: Sequence[PiiSpan]) -> tuple[Word, ...]:
    """The utterance's words with each span's words merged into one word that carries the
    placeholder (and any part of a word outside the span, e.g. a Korean particle); two spans
    of one entity with only spaces between them give one word, as the text has one
    placeholder."""
    lay = layout(u)
    if lay.synthetic or not u.words:
        return u.words
    starts = {s.words[0]: s for s in mine}
    out: list[Word] = []
    last: tuple[str, int] | None = None  # (entity, end char) of the word just merged
    i = 0
    while i < len(u.words):
        s = starts.get(i)
        if s is None:
            out.append(u.words[i])
            last = None
            i += 1
            continue
        w0, w1 = s.words
        a, b = lay.chars[w0][0], lay.chars[w1 - 1][1]
        piece = lay.text[a : s.chars[0]] + placeholder(s.entity) + lay.text[s.chars[1] : b]
        span = Span(u.words[w0].span.start, u.words[w1 - 1].span.end)
        prob = min(w.probability for w in u.words[w0:w1])
        joined = (
            last is not None
            and last[0] == s.entity
            and not lay.text[last[1] : a].strip()
            and lay.text[a : s.chars[0]] == ""
            and out[-1].text.endswith(placeholder(s.entity))
        )
        if joined:
            prev = out.pop()
            rest = piece[len(placeholder(s.entity)) :]
            out.append(Word(prev.span | span, prev.text + rest, min(prev.probability, prob)))
        else:
            out.append(Word(span, piece, prob))
        last = (s.entity, b)
        i = w1
    return tuple(out)


def redact_score(score: CallScore, spans: Sequence[PiiSpan]) -> CallScore:
    """``score`` with the personal data in every finding's evidence, every note and every text
    in the metrics replaced by placeholders; numbers, outcomes and times unchanged."""
    if not spans:
        return score
    results = tuple(
        replace(
            r,
            note=scrub_text(r.note, spans),
            metrics=_scrub(dict(r.metrics), spans),
            findings=tuple(replace(f, evidence=scrub_text(f.evidence, spans)) for f in r.findings),
        )
        for r in score.results
    )
    quality = score.quality
    if quality is not None and dataclasses.is_dataclass(quality) and hasattr(quality, "reasons"):
        quality = replace(quality, reasons=tuple(scrub_text(str(x), spans) for x in quality.reasons))
    return replace(score, results=results, quality=quality)


def redact_call(
    call: Call,
    score: CallScore | None = None,
    options: RedactOptions | Mapping[str, Any] | None = None,
    *,
    mode: str = "text",
) -> RedactedCall:
    """Find the personal data in ``call`` (:func:`qa.redact.detect`) and redact it everywhere
    it is written: utterance texts and words (placeholders such as ``[CARD_NUMBER]``), the
    call's meta, and ``score``'s evidence, notes and metrics.

    Guarantees: no span's text is left in the redacted call or score; times, roles, utterance
    ids and every number of the score are unchanged; ``call.meta["redaction"]`` records the
    ``mode``, the options, the count per entity and each span (:func:`span_record`) without
    its text. Score the original call first: the score is only rewritten, not recomputed.
    """
    opts: RedactOptions = coerce_options(RedactOptions, options)
    spans = tuple(detect(call, opts))
    utterances = []
    for i, u in enumerate(call.utterances):
        mine = [s for s in spans if s.utterance == i]
        if not mine:
            utterances.append(u)
            continue
        utterances.append(
            replace(u, text=redact_utterance_text(u, mine, i), words=_redacted_words(u, mine))
        )
    counts: dict[str, int] = {}
    for s in spans:
        counts[s.entity] = counts.get(s.entity, 0) + 1
    meta = dict(_scrub(dict(call.meta), spans)) if spans else dict(call.meta)
    meta["redaction"] = {
        "mode": mode,
        "options": dataclasses.asdict(opts),
        "counts": counts,
        "spans": [span_record(call, s) for s in spans],
    }
    redacted = replace(call, utterances=tuple(utterances), meta=meta)
    mask = tuple(audio_spans(spans, opts.audio_margin_s, call.duration or None))
    return RedactedCall(
        call=redacted,
        score=None if score is None else redact_score(score, spans),
        spans=spans,
        mask=mask,
    )
