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
    is_lookup_text,
    label_hits,
    make_finding,
    options_dict,
    split_sentences,
)
from qa.types import Call, RubricResult

VERSION = "1.1"


@dataclass(frozen=True)
class ResolutionOptions:
    specific_threshold: float | None = None
    vague_threshold: float | None = None
    score_specific: float = 100.0
    score_vague: float = 50.0
    score_none: float = 0.0
    # "How can I help?" before the customer has said what is wrong is not an offer.
    complaint_heard_s: float = 3.0


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
    if specific:
        outcome, chosen, kind = "specific", specific, "specific_offer"
    elif vague:
        outcome, chosen, kind = "vague", vague, "vague_offer"
    else:
        outcome, chosen, kind = "none", [], ""
    strongest = sorted(chosen, key=lambda hit: -hit[1])[:3]  # the clearest offers first
    findings = tuple(make_finding("resolution", kind, [s], confidence=p) for s, p in strongest)
    confidence = max((p for _, p in chosen), default=0.6)
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
        metrics={"specific_offers": len(specific), "vague_offers": len(vague)},
        confidence=round(float(confidence), 3),
    )
