"""Rubric 3 — "last word" remarks: needless, condescending or point-scoring agent remarks.

Seed 004's clerk lost the customer with "you're lucky today" after the problem was solved, so a
remark after a resolution was offered, or in the agent's closing turns, weighs the most.

Precision before recall: a remark counts against the agent only when its condescension
probability reaches ``confirm_at`` (default :data:`CONFIRM_AT`); weaker remarks above the
detection threshold are findings ``for review``, listed without a penalty.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa.rubrics import RubricContext, register
from qa.rubrics.common import (
    finding_status,
    label_hits,
    make_finding,
    options_dict,
    split_sentences,
)
from qa.types import Call, RubricResult

VERSION = "1.1"
# The condescension probability at or above which a remark is confirmed, until the team sets one
# measured on real dev data (precision >= 0.90). The one place this default lives.
CONFIRM_AT = 0.85


@dataclass(frozen=True)
class LastWordOptions:
    threshold: float | None = None
    confirm_at: float | None = None  # None: the labeller's measured operating point, else CONFIRM_AT
    after_resolution_weight: float = 2.0
    closing_turns: int = 2  # the agent's last N utterances are its closing
    closing_weight: float = 1.5
    penalty: float = 35.0


@register(
    "last_word",
    options=LastWordOptions,
    version=VERSION,
    title="Last word",
    about="Don't score a point off the customer",
    outcomes=("pass", "last_word"),
    passing=("pass",),
)
def last_word(call: Call, opts: LastWordOptions, ctx: RubricContext) -> RubricResult:
    """Condescending or point-scoring remarks, weighted by where they fall."""
    threshold = ctx.threshold("condescension", opts.threshold)
    confirm_at = ctx.threshold("condescension", opts.confirm_at, confirm=True, default=CONFIRM_AT)
    hits = label_hits(split_sentences(call), ctx.labels, "condescension", threshold)
    # The resolution item's own judgement of when an offer was made (with its own options).
    resolved_at = ctx.resolution_offered_at(call)
    closing = (
        {u.id for u in call.by_role("agent")[-opts.closing_turns :]}
        if opts.closing_turns
        else set()
    )
    findings = []
    total = 0.0
    confirmed = 0
    for s, p in hits:
        status = finding_status(p, confirm_at)
        weight, where = 1.0, []
        if resolved_at is not None and s.span.start > resolved_at:
            weight = max(weight, opts.after_resolution_weight)
            where.append("after a resolution was offered")
        if s.utterance_id in closing:
            weight = max(weight, opts.closing_weight)
            where.append("in the agent's closing")
        if status == "confirmed":
            total += weight
            confirmed += 1
        kind = (
            "last_word_after_resolution"
            if resolved_at is not None and s.span.start > resolved_at
            else "last_word"
        )
        suffix = f" ({', '.join(where)})" if where else ""
        findings.append(
            make_finding(
                "last_word",
                kind,
                [s],
                confidence=p,
                weight=weight,
                evidence=f"agent: {s.text}{suffix}",
                status=status,
            )
        )
    return RubricResult(
        rubric="last_word",
        version=VERSION,
        outcome="last_word" if confirmed else "pass",
        score=round(max(0.0, 100.0 - opts.penalty * total), 1),
        findings=tuple(findings),
        options={
            **options_dict(opts),
            "threshold_used": threshold,
            "confirm_at_used": confirm_at,
            "labeller": ctx.labeller,
        },
        metrics={"remarks": confirmed, "weighted": round(total, 2), "resolution_at": resolved_at},
    )
