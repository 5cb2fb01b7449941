"""Call scores: every enabled rubric item run on a call, combined by the configured weights."""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from qa import rubrics
from qa.config import RubricConfig, load_rubric_config
from qa.quality import assess_quality
from qa.types import Call, CallScore, RubricResult

__all__ = ["score_call", "combine", "label_sentences"]

log = logging.getLogger(__name__)


def combine(results: tuple[RubricResult, ...], config: RubricConfig) -> tuple[float | None, tuple[str, ...]]:
    """Weighted mean of the counted sub-scores, capped by any failed critical item.

    Results without a score (``uncertain``, or skipped for lack of audio) are left out rather
    than guessed. Returns the score (``None`` when nothing counted) and the items that capped it.
    """
    total = weight_sum = 0.0
    capped: list[str] = []
    for r in results:
        if r.score is None:
            continue
        item = config.item(r.rubric)
        total += item.weight * r.score
        weight_sum += item.weight
        if item.critical and r.score < item.critical_below:
            capped.append(r.rubric)
    if weight_sum == 0:
        return None, ()
    score = total / weight_sum
    if capped:
        score = min(score, config.critical_cap)
    return round(score, 2), tuple(capped)


def label_sentences(call: Call, labeller: Any = None) -> rubrics.RubricContext:
    """Every sentence of the call labelled once; the context the rubric items share."""
    from qa.rubrics.common import split_sentences

    if labeller is None:
        from qa.labeller import load_labeller

        labeller = load_labeller()
    sentences = split_sentences(call)
    scores = labeller.predict([s.text for s in sentences], [s.language for s in sentences]) if sentences else []
    return rubrics.RubricContext(
        labels={s.key: sc for s, sc in zip(sentences, scores, strict=True)},
        thresholds=dict(labeller.thresholds),
        labeller=labeller.version,
        confirm_at=dict(getattr(labeller, "confirm_at", None) or {}),
    )


def score_call(
    call: Call,
    config: RubricConfig | str | None = None,
    *,
    audio: Any = None,
    labeller: Any = None,
) -> CallScore:
    """Run every enabled, registered rubric item on ``call`` and combine the results.

    Only confirmed findings enter an item's outcome and sub-score (findings for review are
    listed, never penalised). The score carries the transcript quality record
    (:func:`qa.quality.assess_quality` with the configuration's ``[quality]`` thresholds).
    ``audio`` (the decoded recording) enables audio-only signals such as loudness; without it
    those are skipped and the results say so. ``labeller`` defaults to the shipped one.
    """
    cfg = config if isinstance(config, RubricConfig) else load_rubric_config(config)
    context = dataclasses.replace(
        label_sentences(call, labeller),
        audio=audio,
        item_options={name: item.options for name, item in cfg.items.items()},
    )
    results: list[RubricResult] = []
    for name in rubrics.available():
        item = cfg.item(name)
        if not item.enabled:
            continue
        spec = rubrics.get(name)
        results.append(spec(call, item.options, context))
    score, capped = combine(tuple(results), cfg)
    return CallScore(
        call_id=call.id,
        score=score,
        results=tuple(results),
        rubric_version=cfg.full_version,
        capped_by=capped,
        quality=assess_quality(call, cfg.quality),
    )
