"""Rubric 5 — offered resolution: did the agent commit to a concrete remedy (what, who, when)?

``specific`` — a concrete offer with specifics; ``vague`` — an offer without them ("we'll look
into it"); ``none`` — no offer. An offer the labeller scores vague that itself names a when
("we'll deliver within 3 days", "3일 안으로 배달해 드리겠습니다") is specific: it says what and when. Reciting policy, "there's nothing I can do" and passing the
customer on are not offers (the labeller is trained on them as hard negatives), and neither is
announcing a look-up ("let me pull up your order", "请稍等，我查一下"): such sentences are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa.rubrics import RubricContext, register
from qa.rubrics.common import (
    Sentence,
    after_complaint,
    is_lookup_text,
    label_hits,
    make_finding,
    options_dict,
    split_sentences,
)
from qa.rubrics.requests import answered_requests, confirmed_bookings, names_a_time
from qa.types import Call, RubricResult

VERSION = "1.4"


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


Hit = tuple[Sentence, float]


@dataclass(frozen=True)
class Offers:
    """The agent's offers in one call, as the resolution item judges them.

    ``specific`` / ``vague``: labelled offers, ``(sentence, probability)`` in time order;
    ``answers``: answers with particulars to the customer's requests; ``bookings``: bookings
    confirmed, each with whether a day or time was said near it (:mod:`qa.rubrics.requests`);
    ``answers_for_specific``: how many answers make the requests met; ``thresholds``: the
    thresholds applied (``{"specific": ..., "vague": ...}``).
    """

    specific: list[Hit]
    vague: list[Hit]
    answers: list[Sentence]
    bookings: list[tuple[Sentence, bool]]
    answers_for_specific: int
    thresholds: dict[str, float]

    @property
    def requests_met(self) -> bool:
        """Enough of the customer's requests were answered with particulars."""
        return len(self.answers) >= max(1, self.answers_for_specific)

    @property
    def dated_bookings(self) -> list[Sentence]:
        """The bookings confirmed with a day or time near them."""
        return [b for b, dated in self.bookings if dated]

    @property
    def first_at(self) -> float | None:
        """When the first offer (specific or vague, a booking, or an answer once the requests
        count as met) began; ``None`` without one."""
        starts = [s.span.start for s, _ in self.specific + self.vague]
        starts += [s.span.start for s, _ in self.bookings]
        starts += [s.span.start for s in self.answers] if self.requests_met else []
        return min(starts, default=None)


def offers(call: Call, opts: ResolutionOptions, ctx: RubricContext) -> Offers:
    """The agent's offers: its sentences said once the customer has spoken for
    ``complaint_heard_s``, look-ups left out, that reach the item's thresholds, answer the
    customer's requests with particulars, or confirm a booking."""
    ts = ctx.threshold("resolution_specific", opts.specific_threshold)
    tv = ctx.threshold("resolution_vague", opts.vague_threshold)
    sentences = split_sentences(call)
    after = after_complaint(sentences, opts.complaint_heard_s)
    after -= {s.key for s in sentences if s.key in after and is_lookup_text(s.text)}
    return Offers(
        specific=[
            h for h in label_hits(sentences, ctx.labels, "resolution_specific", ts) if h[0].key in after
        ],
        vague=[h for h in label_hits(sentences, ctx.labels, "resolution_vague", tv) if h[0].key in after],
        answers=answered_requests(sentences, after),
        bookings=confirmed_bookings(sentences, after),
        answers_for_specific=opts.answers_for_specific,
        thresholds={"specific": ts, "vague": tv},
    )


def offered_at(call: Call, opts: ResolutionOptions, ctx: RubricContext) -> float | None:
    """When the agent first offered a resolution, if ever (:attr:`Offers.first_at`). Other items
    read it through :meth:`~qa.rubrics.context.RubricContext.resolution_offered_at`."""
    return offers(call, opts, ctx).first_at


@register(
    "resolution",
    options=ResolutionOptions,
    version=VERSION,
    title="Offered resolution",
    short_title="Resolution",
    about="Lead to a solution and commit to it",
    outcomes=("specific", "vague", "none"),
    passing=("specific",),
)
def resolution(call: Call, opts: ResolutionOptions, ctx: RubricContext) -> RubricResult:
    """Whether the agent offered a specific, vague or no resolution."""
    found = offers(call, opts, ctx)
    specific, vague, booked = found.specific, found.vague, found.dated_bookings
    dated = [(h, p) for h, p in vague if names_a_time(h.text)]
    c = opts.call_level_confidence
    chosen: list[tuple[Sentence, float, str]]
    if specific or dated or booked or found.requests_met:
        outcome = "specific"
        chosen = [(h, p, "specific_offer") for h, p in specific]
        chosen += [(h, p, "dated_offer") for h, p in dated]
        chosen += [(b, c, "booking_confirmed") for b in booked]
        chosen += [(a, c, "request_met") for a in found.answers] if found.requests_met else []
    elif vague or found.bookings:
        outcome = "vague"
        chosen = [(h, p, "vague_offer") for h, p in vague]
        chosen += [(b, c, "booking_undated") for b, _ in found.bookings]
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
            "thresholds_used": dict(found.thresholds),
            "labeller": ctx.labeller,
        },
        metrics={
            "specific_offers": len(specific),
            "vague_offers": len(vague),
            "dated_offers": len(dated),
            "requests_answered": len(found.answers),
            "bookings_confirmed": len(found.bookings),
        },
        confidence=round(float(confidence), 3),
    )
