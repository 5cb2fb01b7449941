"""Rubric 1 — interruption: the agent cuts the customer off (measured from timing, not text).

An agent onset while the customer is speaking is an *interruption* when the customer yields
(stops within ``yield_window_s``) and the agent holds the floor; a *talk-over* when the customer
keeps talking (a failed attempt); neither when the agent's speech is a backchannel (a short
acknowledgement: few words, all acknowledgement tokens or labelled so). Interruptions during the
customer's first complaint narration weigh ``narration_weight`` times more.

On a mono recording the two voices never overlap in the separated speech, so overlaps cannot be
measured: the result is ``uncertain`` (left out of the call score) with the abrupt turn changes
listed as candidates.

Precision before recall: each interruption and talk-over has a confidence from its timing
(:func:`timing_confidence`: how long the voices overlapped, how clearly the customer gave up the
floor); only those at or above ``confirm_at`` (default :data:`CONFIRM_AT`) count against the
agent, the rest are findings ``for review`` with no penalty. On separated-voice (diarized) calls
roles and timing are less certain, so a finding must also reach ``diarized_confirm_at``; the mono
candidates above are always for review.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa.rubrics import RubricContext, register
from qa.rubrics.common import (
    Sentence,
    finding_status,
    is_backchannel_text,
    make_finding,
    options_dict,
)
from qa.types import Call, Finding, RubricResult, Span, Utterance
from qa.vad import merge_spans

VERSION = "1.4"
# The timing confidence at or above which an interruption or talk-over is confirmed, until the
# team sets one measured on real dev data (precision >= 0.90). The one place this default lives.
CONFIRM_AT = 0.75
# Separated voices (mono): roles and overlaps come from diarisation, so only the clearest count.
DIARIZED_CONFIRM_AT = 0.95


@dataclass(frozen=True)
class InterruptionOptions:
    min_overlap_s: float = 0.15  # shorter overlaps are turn-taking jitter
    yield_window_s: float = 1.2  # the customer stops within this long after the agent's onset
    hold_after_s: float = 0.3  # the agent keeps talking at least this long after the customer stops
    #: An agent burst this short with at most ``backchannel_max_words`` acknowledgement words (or
    #: labelled backchannel) is a backchannel. Real agreeing echoes ("Yeah, very reasonable")
    #: run to about 2 s.
    backchannel_max_s: float = 2.0
    backchannel_max_words: int = 3
    backchannel_probability: float = 0.5
    narration_min_s: float = 4.0  # the first customer turn this long is the complaint narration
    narration_weight: float = 2.0
    penalty: float = 25.0  # points per (weighted) interruption
    talk_over_penalty: float = 5.0
    mono_gap_s: float = (
        0.15  # mono: a turn change this quick after a cut-off sentence is a candidate
    )
    confirm_at: float | None = None  # None: CONFIRM_AT; below it a finding is for review
    diarized_confirm_at: float | None = None  # None: DIARIZED_CONFIRM_AT
    clear_overlap_s: float = 0.5  # an overlap this long is surely simultaneous speech
    clear_hold_s: float = 2.0  # the agent holding the floor this long after the customer stopped
    clear_silence_s: float = 1.0  # the customer silent this long after stopping: clearly yielded
    #: The customer's last word before stopping ends a sentence: the turn was complete and the
    #: agent only came in early. Such overlaps keep at most this confidence (for review).
    complete_turn_confidence: float = 0.6
    #: Both started within this long of each other (the customer's turn: speech joined across
    #: pauses up to 0.5 s): a simultaneous start, not a cut-in; such overlaps keep at most
    #: ``complete_turn_confidence`` too.
    simultaneous_start_s: float = 0.25


def timing_confidence(
    overlap_s: float,
    hold_s: float | None,
    silence_s: float | None,
    opts: InterruptionOptions,
) -> float:
    """How sure an overlap is a real cut-off, 0.4–1.0, from timing alone.

    ``overlap_s``: how long both spoke (short overlaps may be VAD edges or turn-taking jitter);
    ``hold_s``: how long the agent kept talking after the customer stopped (``None`` for a
    talk-over, where only the overlap is evidence); ``silence_s``: how long the customer then
    stayed silent (a customer who resumes at once may only have paused for breath). Each term is
    scaled to 0–1 by its ``clear_*`` option; the yield terms take the weaker of the two.
    """
    overlap = min(1.0, max(0.0, overlap_s) / max(opts.clear_overlap_s, 1e-9))
    if hold_s is None:
        return round(0.4 + 0.6 * overlap, 3)
    hold = min(1.0, max(0.0, hold_s) / max(opts.clear_hold_s, 1e-9))
    silence = 1.0 if silence_s is None else min(1.0, max(0.0, silence_s) / max(opts.clear_silence_s, 1e-9))
    return round(0.4 + 0.3 * overlap + 0.3 * min(hold, silence), 3)


def _agent_bursts(call: Call, gap: float = 0.3) -> list[Span]:
    return merge_spans(call.speech("agent"), gap=gap)


def _words_in(call: Call, span: Span) -> tuple[str, list[Utterance]]:
    utts = [u for u in call.by_role("agent") if u.span.overlap(span) > 0]
    words = [
        w.text for u in utts for w in u.words if w.span.overlap(span) > 0 or w.span.start in span
    ]
    if not words:  # a transcript without word timings: the utterance text
        words = [u.text for u in utts]
    return " ".join(words), utts


def _narration(call: Call, min_s: float) -> Span | None:
    for u in call.by_role("customer"):
        if u.span.duration >= min_s:
            return u.span
    return None


@register(
    "interruption",
    options=InterruptionOptions,
    version=VERSION,
    title="Interruption",
    column_title="Interrupt.",
    about="Don't cut the customer off",
    outcomes=("pass", "interrupted", "uncertain"),
    passing=("pass",),
)
def interruption(call: Call, opts: InterruptionOptions, ctx: RubricContext) -> RubricResult:
    """The agent cutting the customer off: count, rate per 10 minutes, overlapped seconds."""
    if call.source == "diarized":
        return _mono_candidates(call, opts, ctx)
    # Timing confidences are not the labeller's: no labeller operating point applies.
    confirm_at = ctx.threshold(None, opts.confirm_at, confirm=True, default=CONFIRM_AT)
    customer = merge_spans(call.speech("customer"), gap=0.0)
    narration = _narration(call, opts.narration_min_s)
    findings: list[Finding] = []
    overlapped = 0.0
    counts = {"interruption": 0, "talk_over": 0, "backchannel": 0, "review": 0}
    weighted = 0.0
    for burst in _agent_bursts(call):
        onset = burst.start
        cust = next((c for c in customer if c.start + 0.05 < onset < c.end - 0.05), None)
        if cust is None:
            continue
        overlap = burst & cust
        if overlap is None or overlap.duration < opts.min_overlap_s:
            continue
        text, utts = _words_in(
            call, Span(onset, min(burst.end, onset + opts.backchannel_max_s + 1))
        )
        probs = [ctx.p(s_key, "backchannel") for s_key in _keys_in(ctx, utts, burst)]
        short = burst.duration <= opts.backchannel_max_s
        if short and (
            is_backchannel_text(text, opts.backchannel_max_words)
            or (probs and max(probs) >= opts.backchannel_probability)
        ):
            counts["backchannel"] += 1
            continue
        customer_yields = cust.end - onset <= opts.yield_window_s
        agent_holds = burst.end >= cust.end + opts.hold_after_s
        evidence_sentences = [
            Sentence(f"{u.id}#t", u.id, 0, u.role, u.text, u.span, u.language)
            for u in _customer_utts(call, cust) + utts
        ]
        if customer_yields and agent_holds:
            in_narration = narration is not None and onset in narration
            weight = opts.narration_weight if in_narration else 1.0
            resumes = next((c.start for c in customer if c.start >= cust.end), None)
            confidence = timing_confidence(
                overlap.duration,
                burst.end - cust.end,
                None if resumes is None else resumes - cust.end,
                opts,
            )
            # Not a cut-off after all: the customer had finished a sentence, or both began
            # together. Shown for review, never confirmed.
            why = ""
            if _no_customer_words(call, overlap):
                why = (
                    "; no customer word was recognised in the overlap (line noise, or the agent's "
                    "own voice on the customer's line)"
                )
            elif _turn_complete(call, cust, onset):
                why = "; the customer's sentence was complete"
            elif _turn_unknown(call, cust, onset):
                why = "; the transcript has no punctuation to tell whether the customer had finished"
            elif onset - _turn_start(customer, cust) < opts.simultaneous_start_s:
                why = "; both started together"
            if why:
                confidence = min(confidence, opts.complete_turn_confidence)
            status = finding_status(confidence, confirm_at)
            if status == "confirmed":
                counts["interruption"] += 1
                weighted += weight
                overlapped += overlap.duration
            else:
                counts["review"] += 1
            findings.append(
                make_finding(
                    "interruption",
                    "interruption_narration" if in_narration else "interruption",
                    evidence_sentences,
                    confidence=confidence,
                    weight=weight,
                    status=status,
                    span=overlap,
                    evidence=(
                        f"agent started at {onset:.2f}s while the customer was speaking; the customer "
                        f"stopped {cust.end - onset:.2f}s later"
                        + (" (during the complaint narration)" if in_narration else "")
                        + why
                        + f'. Agent: "{text.strip()[:160]}"'
                    ),
                )
            )
        else:
            confidence = timing_confidence(overlap.duration, None, None, opts)
            # Talking over someone needs them to be talking: not over a noise, not a start
            # together. Shown for review, never confirmed.
            why = ""
            if _no_customer_words(call, overlap):
                why = "; no customer word was recognised in the overlap"
            elif onset - _turn_start(customer, cust) < opts.simultaneous_start_s:
                why = "; both started together"
            if why:
                confidence = min(confidence, opts.complete_turn_confidence)
            status = finding_status(confidence, confirm_at)
            if status == "confirmed":
                counts["talk_over"] += 1
                overlapped += overlap.duration
            else:
                counts["review"] += 1
            findings.append(
                make_finding(
                    "interruption",
                    "talk_over",
                    evidence_sentences,
                    confidence=confidence,
                    weight=0.0,
                    status=status,
                    span=overlap,
                    evidence=(
                        f"agent talked over the customer for {overlap.duration:.2f}s at {onset:.2f}s; "
                        f"the customer kept the floor{why}. "
                        f'Agent: "{text.strip()[:160]}"'
                    ),
                )
            )
    score = max(0.0, 100.0 - opts.penalty * weighted - opts.talk_over_penalty * counts["talk_over"])
    minutes = max(call.duration, 1e-9) / 60.0
    return RubricResult(
        rubric="interruption",
        version=VERSION,
        outcome="interrupted" if counts["interruption"] else "pass",
        score=round(score, 1),
        findings=tuple(findings),
        options={**options_dict(opts), "confirm_at_used": confirm_at},
        metrics={
            "interruptions": counts["interruption"],
            "talk_overs": counts["talk_over"],
            "backchannels": counts["backchannel"],
            "per_10_min": round(counts["interruption"] * 10.0 / minutes, 2),
            "overlapped_s": round(overlapped, 2),
            "narration": None
            if narration is None
            else [round(narration.start, 2), round(narration.end, 2)],
        },
    )


_SENTENCE_END = (".", "?", "!", "。", "？", "！", "…")


def _turn_complete(call: Call, region: Span, onset: float) -> bool:
    """Whether the agent came in on the customer's last word of a finished sentence: no customer
    word starts after the agent's onset, and the last one carries sentence-final punctuation.

    (Punctuation alone is not enough: Whisper often completes and punctuates a cut-off sentence,
    so a customer who goes on for a word or more after the onset was still talking.)"""
    words = [
        w for u in call.by_role("customer") if u.span.overlap(region) > 0 for w in u.words
        if w.span.start < region.end + 0.1 and w.span.end > region.start
    ]
    if not words:
        return False
    last = max(words, key=lambda w: w.span.end)
    went_on = any(w.span.start > onset + 0.1 for w in words)
    return not went_on and last.text.rstrip().endswith(_SENTENCE_END)


#: A transcript counts as unpunctuated when none of at least this many utterances (either party's)
#: has sentence punctuation; a short call, or one cut-off sentence, says nothing about the source.
UNPUNCTUATED_MIN_UTTERANCES = 6


def _turn_unknown(call: Call, region: Span, onset: float) -> bool:
    """Whether the customer stopped talking within the overlap in a transcript that has no
    sentence punctuation at all (a transcript from elsewhere, e.g. lower-case reference text):
    then whether the turn was complete cannot be told, and the timing alone confirms nothing."""
    if len(call.utterances) < UNPUNCTUATED_MIN_UTTERANCES or any(
        ch in u.text for u in call.utterances for ch in _SENTENCE_END
    ):
        return False
    customer = call.by_role("customer")
    words = [
        w for u in customer if u.span.overlap(region) > 0 for w in u.words
        if w.span.start < region.end + 0.1 and w.span.end > region.start
    ]
    return not any(w.span.start > onset + 0.1 for w in words)


#: Word timings are approximate: a customer word this close to the overlap counts as in it.
NO_WORDS_TOLERANCE_S = 0.3


def _no_customer_words(call: Call, overlap: Span) -> bool:
    """Whether the customer's "speech" under the overlap carries no recognised word, in a call
    transcribed with word timings: the detector heard something on the customer's side (a noise,
    a breath, the agent's voice leaking across) that Whisper found no words in, so nobody can say
    the customer was cut off. Without word timings (a transcript from elsewhere) it cannot be told."""
    utts = call.by_role("customer")
    if not utts or any(not u.words for u in utts):
        return False
    near = Span(max(0.0, overlap.start - NO_WORDS_TOLERANCE_S), overlap.end + NO_WORDS_TOLERANCE_S)
    return not any(w.span.overlap(near) > 0 for u in utts for w in u.words)


def _turn_start(customer: list[Span], region: Span, gap: float = 0.5) -> float:
    """Where the customer's turn holding ``region`` began: regions joined across short pauses."""
    turn = next(t for t in merge_spans(customer, gap=gap) if t.overlap(region) > 0 or region.start in t)
    return turn.start


def _customer_utts(call: Call, span: Span) -> list[Utterance]:
    return [u for u in call.by_role("customer") if u.span.overlap(span) > 0][:1]


def _keys_in(ctx: RubricContext, utts: list[Utterance], span: Span) -> list[str]:
    ids = {u.id for u in utts}
    return [k for k in ctx.labels if k.split("#", 1)[0] in ids]


def _mono_candidates(call: Call, opts: InterruptionOptions, ctx: RubricContext) -> RubricResult:
    # Abrupt turn changes between separated voices are never more than candidates to listen to.
    diarized_confirm_at = max(
        ctx.threshold(None, opts.confirm_at, confirm=True, default=CONFIRM_AT),
        ctx.threshold(None, opts.diarized_confirm_at, confirm=True, default=DIARIZED_CONFIRM_AT),
    )
    findings = []
    utts = call.utterances
    for prev, nxt in zip(utts, utts[1:], strict=False):
        if prev.role != "customer" or nxt.role != "agent":
            continue
        gap = nxt.span.start - prev.span.end
        cut_off = not prev.text.rstrip().endswith((".", "?", "!", "。", "？", "！"))
        if gap <= opts.mono_gap_s and cut_off and not is_backchannel_text(nxt.text):
            s = [
                Sentence(
                    f"{prev.id}#t", prev.id, 0, prev.role, prev.text, prev.span, prev.language
                ),
                Sentence(f"{nxt.id}#t", nxt.id, 0, nxt.role, nxt.text, nxt.span, nxt.language),
            ]
            findings.append(
                make_finding(
                    "interruption",
                    "candidate",
                    s,
                    confidence=0.4,
                    status=finding_status(0.4, diarized_confirm_at),
                    span=Span(
                        prev.span.end - 0.5 if prev.span.duration > 0.5 else prev.span.start,
                        nxt.span.start + 0.5,
                    ),
                    evidence=f"the customer's sentence is cut off and the agent starts {max(gap, 0):.2f}s later",
                )
            )
    confidence = float(call.meta.get("speakers", {}).get("role_confidence", 0.5)) * 0.5
    return RubricResult(
        rubric="interruption",
        version=VERSION,
        outcome="uncertain",
        score=None,
        findings=tuple(findings),
        options={**options_dict(opts), "confirm_at_used": diarized_confirm_at},
        metrics={"candidates": len(findings)},
        confidence=round(confidence, 3),
        note=(
            "mono recording: overlapping speech cannot be separated, so interruptions cannot be "
            "measured; abrupt turn changes are listed as candidates to listen to"
        ),
    )
