"""Rubric 2 — arguing: the agent disputes, contradicts or blames the customer.

Each agent sentence the labeller marks ``arguing`` is a finding. Remarks that follow one another
across customer turns (an exchange of disagreement) form a chain, which weighs more than a single
remark. When the audio is at hand, a remark spoken well above the agent's own loudness baseline
(librosa-style RMS over the agent's channel) strengthens the finding; without audio that signal
is skipped and the result says so.

Precision before recall: a remark counts against the agent only when the labeller's probability
reaches ``confirm_at`` (default :data:`CONFIRM_AT`); remarks between the detection threshold and
that are findings ``for review``: listed, never penalised, and not part of a chain.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qa.rubrics import RubricContext, register
from qa.rubrics.common import (
    finding_status,
    label_hits,
    make_finding,
    options_dict,
    split_sentences,
)
from qa.types import Call, RubricResult, Span

VERSION = "1.1"
# The labeller probability at or above which an arguing remark is confirmed, until the team sets
# one measured on real dev data (precision >= 0.90). The one place this default lives.
CONFIRM_AT = 0.85


@dataclass(frozen=True)
class ArguingOptions:
    threshold: float | None = None  # None: the labeller's calibrated threshold
    confirm_at: float | None = None  # None: the labeller's measured operating point, else CONFIRM_AT
    chain_max_turns: int = 4  # remarks within this many utterances of each other form a chain
    chain_weight: float = 1.5
    loud_db: float = 6.0  # this far above the agent's median loudness is a raised voice
    loud_weight: float = 1.5
    penalty: float = 30.0


def _rms_db(samples: np.ndarray, span: Span, sr: int) -> float:
    seg = samples[int(span.start * sr) : int(span.end * sr)]
    if seg.size == 0:
        return -120.0
    return float(20 * np.log10(np.sqrt(np.mean(seg.astype(np.float64) ** 2)) + 1e-9))


def agent_loudness(call: Call, audio: object) -> tuple[dict[str, float], float] | None:
    """Per agent utterance id its loudness (dB RMS) and the agent's median; None without audio."""
    if audio is None:
        return None
    channel = call.meta.get("speakers", {}).get("agent_channel")
    samples = (
        audio.channel(channel) if call.source == "stereo" and channel is not None else audio.mono()
    )
    levels = {u.id: _rms_db(samples, u.span, audio.sample_rate) for u in call.by_role("agent")}
    if not levels:
        return None
    return levels, float(np.median(list(levels.values())))


@register(
    "arguing",
    options=ArguingOptions,
    version=VERSION,
    title="Arguing",
    about="Never argue with the customer",
    outcomes=("pass", "arguing"),
    passing=("pass",),
    # One name for the outcome: an exchange of remarks (a chain, weighing more) used to be
    # "argument"; its findings still say so (kind ``argument_chain…``).
    renamed={"argument": "arguing"},
)
def arguing(call: Call, opts: ArguingOptions, ctx: RubricContext) -> RubricResult:
    """The agent arguing with, contradicting or blaming the customer."""
    threshold = ctx.threshold("arguing", opts.threshold)
    confirm_at = ctx.threshold("arguing", opts.confirm_at, confirm=True, default=CONFIRM_AT)
    sentences = split_sentences(call)
    candidates = label_hits(sentences, ctx.labels, "arguing", threshold)
    hits = [(s, p) for s, p in candidates if finding_status(p, confirm_at) == "confirmed"]
    review = [(s, p) for s, p in candidates if finding_status(p, confirm_at) == "review"]
    order = {u.id: i for i, u in enumerate(call.utterances)}
    loud = agent_loudness(call, ctx.audio)
    findings = []
    total = 0.0
    prev_index: int | None = None
    chain_len = 0
    for s, p in review:
        findings.append(
            make_finding(
                "arguing",
                "arguing",
                [s],
                confidence=p,
                weight=1.0,
                evidence=f"agent: {s.text}",
                status="review",
            )
        )
    for s, p in hits:
        idx = order[s.utterance_id]
        in_chain = prev_index is not None and 0 < idx - prev_index <= opts.chain_max_turns
        chain_len = chain_len + 1 if in_chain else 1
        prev_index = idx
        weight = opts.chain_weight if chain_len > 1 else 1.0
        kind = "argument_chain" if chain_len > 1 else "arguing"
        confidence = p
        raised = None
        if loud is not None:
            levels, baseline = loud
            raised = levels.get(s.utterance_id, baseline) - baseline
            if raised >= opts.loud_db:
                weight *= opts.loud_weight
                confidence = min(1.0, p + 0.15)
                kind += "_raised_voice"
        total += weight
        extra = "" if raised is None else f" ({raised:+.1f} dB vs the agent's median)"
        findings.append(
            make_finding(
                "arguing",
                kind,
                [s],
                confidence=confidence,
                weight=weight,
                evidence=f"agent: {s.text}{extra}",
            )
        )
    findings.sort(key=lambda f: (f.span.start, f.span.end))
    score = max(0.0, 100.0 - opts.penalty * total)
    outcome = "arguing" if hits else "pass"
    return RubricResult(
        rubric="arguing",
        version=VERSION,
        outcome=outcome,
        score=round(score, 1),
        findings=tuple(findings),
        options={
            **options_dict(opts),
            "threshold_used": threshold,
            "confirm_at_used": confirm_at,
            "labeller": ctx.labeller,
        },
        metrics={"remarks": len(hits), "weighted": round(total, 2), "loudness": loud is not None},
        note="" if loud is not None else "no audio: loudness was not used",
    )
