"""Rubric 4 — empathy before apology: listen, empathise, then apologise (seed 002's order).

Exactly one outcome: ``pass`` (first empathy before first apology), ``apology_first``,
``no_empathy`` (apology without empathy), ``no_apology`` (empathy, never an apology), ``neither``.
A stock "sorry to hear that" before the customer has said what is wrong is not empathy: empathy
only counts once the customer has spoken for ``complaint_heard_s`` seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa.rubrics import RubricContext, register
from qa.rubrics.common import (
    after_complaint,
    label_hits,
    make_finding,
    options_dict,
    split_sentences,
)
from qa.types import Call, RubricResult

VERSION = "1.0"


@dataclass(frozen=True)
class EmpathyOptions:
    empathy_threshold: float | None = None
    apology_threshold: float | None = None
    complaint_heard_s: float = 3.0
    score_pass: float = 100.0
    score_no_apology: float = 70.0
    score_apology_first: float = 50.0
    score_no_empathy: float = 40.0
    score_neither: float = 20.0


@register(
    "empathy_before_apology",
    options=EmpathyOptions,
    version=VERSION,
    title="Empathy before apology",
    short_title="Empathy",
    about="Listen, empathise, then apologise",
    outcomes=("pass", "apology_first", "no_empathy", "no_apology", "neither"),
    passing=("pass",),
)
def empathy_before_apology(call: Call, opts: EmpathyOptions, ctx: RubricContext) -> RubricResult:
    """Whether the agent empathised before apologising."""
    te = ctx.threshold("empathy", opts.empathy_threshold)
    ta = ctx.threshold("apology", opts.apology_threshold)
    sentences = split_sentences(call)
    heard = after_complaint(sentences, opts.complaint_heard_s)
    # A sentence that is mainly an apology ("I'm sorry for the trouble this caused you") is the
    # apology, not empathy: it counts as empathy only when the empathy in it is the stronger.
    empathy = [
        (s, p)
        for s, p in label_hits(sentences, ctx.labels, "empathy", te)
        if s.key in heard and not (ctx.p(s.key, "apology") >= ta and ctx.p(s.key, "apology") >= p)
    ]
    stock = [
        (s, p) for s, p in label_hits(sentences, ctx.labels, "empathy", te) if s.key not in heard
    ]
    apology = label_hits(sentences, ctx.labels, "apology", ta)
    first_e = empathy[0] if empathy else None
    first_a = apology[0] if apology else None
    if first_e and first_a:
        if first_e[0].key == first_a[0].key:
            # One sentence labelled both ("I'm sorry for the trouble this caused you"): it counts
            # as empathy first only when the empathy in it is the stronger signal.
            empathy_p = ctx.p(first_e[0].key, "empathy")
            outcome = "pass" if empathy_p > ctx.p(first_a[0].key, "apology") else "apology_first"
        else:
            outcome = "pass" if first_e[0].span.start < first_a[0].span.start else "apology_first"
    elif first_a:
        outcome = "no_empathy"
    elif first_e:
        outcome = "no_apology"
    else:
        outcome = "neither"
    findings = []
    if first_e:
        findings.append(
            make_finding(
                "empathy_before_apology", "first_empathy", [first_e[0]], confidence=first_e[1]
            )
        )
    if first_a:
        findings.append(
            make_finding(
                "empathy_before_apology", "first_apology", [first_a[0]], confidence=first_a[1]
            )
        )
    for s, p in stock[:1]:
        findings.append(
            make_finding(
                "empathy_before_apology",
                "stock_phrase",
                [s],
                confidence=p,
                weight=0.0,
                evidence=f"agent: {s.text} (before the complaint was heard: not counted as empathy)",
            )
        )
    found = [hit[1] for hit in (first_e, first_a) if hit is not None]
    confidence = min(found) if found else 0.6
    return RubricResult(
        rubric="empathy_before_apology",
        version=VERSION,
        outcome=outcome,
        score=getattr(opts, f"score_{outcome}"),
        findings=tuple(findings),
        options={
            **options_dict(opts),
            "thresholds_used": {"empathy": te, "apology": ta},
            "labeller": ctx.labeller,
        },
        metrics={"empathy": len(empathy), "apologies": len(apology)},
        confidence=round(float(confidence), 3),
    )
