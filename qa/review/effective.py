"""The effective (reviewed) result of a rubric item and of a call, from the machine's result and
a reviewer's verdict. Pure functions: the store calls them when a review is added.

The rule, item by item (:func:`reviewed_item`):

- **No judgement** (the verdict only carries comments): the machine's result stands.
The options are those stored in the machine's result, over the item's registered defaults.

- **Outcome-scored items** (the item's options hold ``score_<outcome>``, as
  ``resolution`` and ``empathy_before_apology`` do): the item's sub-score for the human outcome
  is that option's value, i.e. what the item itself gives that outcome. Marking findings does
  not change their outcome by itself: the reviewer sets it.
- **Penalty items** (the options hold ``penalty``: ``interruption``, ``arguing``,
  ``last_word``): the findings that count are the machine's confirmed findings not marked
  wrong, its findings for review marked right, and the findings the reviewer added (weight 1).
  The sub-score is recomputed as the item does: ``100 - penalty × Σ weight`` (a ``talk_over``
  finding costs ``talk_over_penalty`` instead), at least 0. Without a human outcome the outcome
  follows the findings: ``pass`` when none counts, else the machine's failing outcome (or the
  item's first failing one). A human passing outcome scores 100; a human failing outcome with no
  counted finding scores as one finding (``100 - penalty``); ``uncertain`` is not counted
  (no sub-score).
- **Any other item**: a passing outcome 100, a failing one 0.

The call's reviewed score is :func:`qa.scoring.combine` of the reviewed items (the machine's
where no verdict) with the rubric configuration's weights and critical caps.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from qa.config import RubricConfig
from qa.review.model import ItemVerdict
from qa.rubrics import registry
from qa.scoring import combine
from qa.types import RubricResult

__all__ = ["ReviewedItem", "reviewed_item", "reviewed_score", "judged"]

#: Outcomes that give no sub-score (the item could not be judged).
UNCOUNTED_OUTCOMES = frozenset({"uncertain"})


@dataclass(frozen=True)
class ReviewedItem:
    """An item's effective outcome, sub-score and pass flag after review (``passed`` is
    ``None`` when the sub-score is: not counted)."""

    rubric: str
    outcome: str
    score: float | None
    passed: bool | None


def judged(verdict: ItemVerdict | None) -> bool:
    """Whether a verdict changes anything (an outcome, or findings marked or added)."""
    return verdict is not None and bool(
        verdict.outcome is not None or verdict.wrong or verdict.right or verdict.added
    )


def _item_outcomes(rubric: str) -> tuple[str, ...]:
    try:
        return registry.outcomes(rubric)
    except Exception:  # an item no longer registered: only what the result says
        return ()


def _passing(rubric: str) -> frozenset[str]:
    try:
        return registry.get(rubric).passing
    except Exception:
        return frozenset({"pass"})


def _options(result: Mapping[str, Any]) -> dict[str, Any]:
    """The options the result was made with (stored in it), over the item's registered
    defaults (a result stored without its options is read with those)."""
    try:
        defaults = dataclasses.asdict(registry.get(str(result.get("rubric"))).options())
    except Exception:
        defaults = {}
    return {**defaults, **dict(result.get("options") or {})}


def _penalty_total(result: Mapping[str, Any], verdict: ItemVerdict) -> tuple[float, int]:
    """(points off, counted findings) for a penalty item under the verdict."""
    opts = _options(result)
    penalty = float(opts.get("penalty", 0.0))
    talk_over = float(opts.get("talk_over_penalty", penalty))
    wrong, right = set(verdict.wrong), set(verdict.right)
    off, n = 0.0, 0
    for i, f in enumerate(result.get("findings") or ()):
        status = f.get("status") or "confirmed"
        counts = (status == "confirmed" and i not in wrong) or (
            status != "confirmed" and i in right
        )
        if not counts:
            continue
        n += 1
        kind = str(f.get("kind") or "")
        off += talk_over if "talk_over" in kind else penalty * float(f.get("weight", 1.0) or 0.0)
    for added in verdict.added:
        n += 1
        off += talk_over if "talk_over" in added.kind else penalty
    return off, n


def reviewed_item(result: Mapping[str, Any], verdict: ItemVerdict | None) -> ReviewedItem:
    """The item's effective result: the machine's when the verdict judges nothing, else by the
    rule in this module's docstring. ``result`` is the stored machine result (a dict)."""
    rubric = str(result.get("rubric"))
    machine_outcome = str(result.get("outcome"))
    machine_score = result.get("score")
    passing = _passing(rubric)
    if not judged(verdict):
        passed = None if machine_score is None else machine_outcome in passing
        return ReviewedItem(rubric, machine_outcome, machine_score, passed)
    assert verdict is not None
    opts = _options(result)
    outcome = verdict.outcome
    score: float | None
    if outcome is not None and f"score_{outcome}" in opts:
        score = float(opts[f"score_{outcome}"])
    elif "penalty" in opts:
        off, n = _penalty_total(result, verdict)
        if outcome is None:
            if n == 0:
                outcome = "pass" if "pass" in passing else sorted(passing)[0]
            elif machine_outcome not in passing and machine_outcome not in UNCOUNTED_OUTCOMES:
                outcome = machine_outcome
            else:
                failing = [
                    o
                    for o in _item_outcomes(rubric)
                    if o not in passing and o not in UNCOUNTED_OUTCOMES
                ]
                outcome = failing[0] if failing else machine_outcome
        if outcome in UNCOUNTED_OUTCOMES:
            score = None
        elif outcome in passing:
            score = 100.0
        else:
            penalty = float(opts.get("penalty", 0.0))
            score = max(0.0, 100.0 - (off if n else penalty))
    else:
        outcome = outcome if outcome is not None else machine_outcome
        if outcome == machine_outcome:
            score = machine_score
        elif outcome in UNCOUNTED_OUTCOMES:
            score = None
        else:
            score = 100.0 if outcome in passing else 0.0
    if outcome in UNCOUNTED_OUTCOMES:
        score = None
    score = None if score is None else round(score, 1)
    return ReviewedItem(rubric, outcome, score, None if score is None else outcome in passing)


def reviewed_score(
    results: Sequence[Mapping[str, Any]],
    verdicts: Mapping[str, ItemVerdict],
    config: RubricConfig,
) -> tuple[float | None, tuple[str, ...], dict[str, ReviewedItem]]:
    """The call's reviewed score, the items that capped it, and every item's reviewed result
    (by name), from the stored machine ``results`` and the human ``verdicts``."""
    items = {
        str(r.get("rubric")): reviewed_item(r, verdicts.get(str(r.get("rubric")))) for r in results
    }
    score, capped = combine(
        tuple(
            RubricResult(rubric=i.rubric, version="", outcome=i.outcome, score=i.score)
            for i in items.values()
        ),
        config,
    )
    return score, capped, items
