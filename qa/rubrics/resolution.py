"""Rubric 5 — offered resolution: did the agent commit to a concrete remedy (what, who, when)?

``specific`` — a concrete offer with specifics; ``vague`` — an offer without them ("we'll look
into it"); ``none`` — no offer. Reciting policy, "there's nothing I can do" and passing the
customer on are not offers (the labeller is trained on them as hard negatives), and neither is
announcing a look-up ("let me pull up your order", "请稍等，我查一下"): such sentences are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa.rubrics import RubricContext, register
from qa.rubrics.common import (
    Sentence,
    is_lookup_text,
    label_hits,
    make_finding,
    options_dict,
    split_sentences,
)
from qa.rubrics.requests import answered_requests, confirmed_bookings
from qa.types import Call, RubricResult

VERSION = "1.2"


@dataclass(frozen=True)
class ResolutionOptions:
    specific_threshold: float | None = None
    vague_threshold: float | None = None
    score_specific: float = 100.0
    score_vague: float = 50.0
    score_none: float = 0.0
    # "How can I help?" before the customer has said what is wrong is not an offer.
    complaint_heard_s: float = 3.0
    # Requests met on the call (qa.rubrics.requests): this many answers with particulars make a
    # specific resolution; a booking confirmed with a day or time near it is one too.
    answers_for_specific: int = 2
    # The confidence given to those call-level findings (the labeller gives none).
    call_level_confidence: float = 0.8


@register("resolution", options=ResolutionOptions, version=VERSION)
def resolution(call: Call, opts: ResolutionOptions, ctx: RubricContext) -> RubricResult:
    """Whether the agent offered a specific, vague or no resolution."""
    ts = (
        opts.specific_threshold
        if opts.specific_threshold is not None
        else ctx.thresholds.get("resolution_specific", 0.5)
    )
    tv = (
        opts.vague_threshold
        if opts.vague_threshold is not None
        else ctx.thresholds.get("resolution_vague", 0.5)
    )
    sentences = split_sentences(call)
    heard, after = 0.0, set()
    for s in sentences:
        if s.role == "customer":
            heard += s.span.duration
        elif heard >= opts.complaint_heard_s and not is_lookup_text(s.text):
            after.add(s.key)
    specific = [
        h for h in label_hits(sentences, ctx.labels, "resolution_specific", ts) if h[0].key in after
    ]
    vague = [
        h for h in label_hits(sentences, ctx.labels, "resolution_vague", tv) if h[0].key in after
    ]
    answers = answered_requests(sentences, after)
    bookings = confirmed_bookings(sentences, after)
    booked = [b for b, dated in bookings if dated]
    met = len(answers) >= max(1, opts.answers_for_specific)
    c = opts.call_level_confidence
    chosen: list[tuple[Sentence, float, str]]
    if specific or booked or met:
        outcome = "specific"
        chosen = [(h, p, "specific_offer") for h, p in specific]
        chosen += [(b, c, "booking_confirmed") for b in booked]
        chosen += [(a, c, "request_met") for a in answers] if met else []
    elif vague or bookings:
        outcome = "vague"
        chosen = [(h, p, "vague_offer") for h, p in vague]
        chosen += [(b, c, "booking_undated") for b, _ in bookings]
    else:
        outcome, chosen = "none", []
    strongest = sorted(chosen, key=lambda hit: -hit[1])[:3]  # the clearest offers first
    findings = tuple(make_finding("resolution", k, [s], confidence=p) for s, p, k in strongest)
    confidence = max((p for _, p, _ in chosen), default=0.6)
    return RubricResult(
        rubric="resolution",
        version=VERSION,
        outcome=outcome,
        score=getattr(opts, f"score_{outcome}"),
        findings=findings,
        options={
            **options_dict(opts),
            "thresholds_used": {"specific": ts, "vague": tv},
            "labeller": ctx.labeller,
        },
        metrics={
            "specific_offers": len(specific),
            "vague_offers": len(vague),
            "requests_answered": len(answers),
            "bookings_confirmed": len(bookings),
        },
        confidence=round(float(confidence), 3),
    )
