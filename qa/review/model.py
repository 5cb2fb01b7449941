"""The review model shared by the store, the API, the agreement report and ``qa calibrate``.

A review never overwrites the machine's result: each review action is a row of history
(``reviews`` table), and the *verdict* on an item is what the newest actions add up to
(:class:`ItemVerdict`). Machine findings are referred to by their index in the machine result's
``findings`` list of the score that was reviewed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

__all__ = ["REVIEW_ACTIONS", "ItemVerdict", "ReviewedCall", "HumanFinding", "ReviewAction"]

#: What one review row does. ``confirm``: the machine outcome is right; ``set_outcome``: the
#: right outcome is ``outcome``; ``finding_wrong`` / ``finding_right``: a machine finding (by
#: index) is wrong / right; ``finding_added``: a finding the machine missed (a span, with the
#: words' utterance ids); ``comment``: a note only.
REVIEW_ACTIONS = (
    "confirm",
    "set_outcome",
    "finding_wrong",
    "finding_right",
    "finding_added",
    "comment",
)


@dataclass(frozen=True)
class HumanFinding:
    """A finding a reviewer added: where (seconds), which utterances, the words quoted."""

    start: float
    end: float
    utterance_ids: tuple[str, ...] = ()
    quote: str = ""
    kind: str = ""


@dataclass(frozen=True)
class ItemVerdict:
    """A reviewer's net verdict on one rubric item of one call.

    ``outcome`` is the human outcome (the machine's when confirmed) or ``None`` when the outcome
    was not judged (only findings marked). ``wrong`` / ``right`` are indexes of machine findings
    judged wrong / right; ``added`` are findings the machine missed.
    """

    rubric: str
    outcome: str | None = None
    wrong: tuple[int, ...] = ()
    right: tuple[int, ...] = ()
    added: tuple[HumanFinding, ...] = ()
    reviewed_at: datetime | None = None


@dataclass(frozen=True)
class ReviewedCall:
    """A reviewed call as the agreement report and calibration read it.

    ``machine`` is the reviewed score's results as stored (the plain dicts of
    :class:`qa.types.RubricResult`, findings included); ``verdicts`` the human verdict per item;
    ``sampled``: the call was in the unbiased random sample of the review queue.
    """

    call_id: str
    agent_id: str
    language: str | None
    call_time: datetime
    score_id: int
    machine: tuple[dict[str, Any], ...]
    verdicts: dict[str, ItemVerdict] = field(default_factory=dict)
    sampled: bool = False


@dataclass(frozen=True)
class ReviewAction:
    """One thing a reviewer does, as the store's ``reviews.add`` takes it (one ``reviews`` row).

    ``rubric``: the item (``None`` only for a ``comment`` on the whole call); ``action``: one of
    :data:`REVIEW_ACTIONS`; ``outcome``: for ``set_outcome`` (``confirm`` takes the machine's);
    ``finding``: the machine finding's index in the item's findings (``finding_wrong`` /
    ``finding_right``); ``added``: the missed finding (``finding_added``); ``comment``: free
    text (any action may carry one); ``resolves``: the id of an open dispute of the call that
    this action resolves.
    """

    rubric: str | None
    action: str
    outcome: str | None = None
    finding: int | None = None
    added: HumanFinding | None = None
    comment: str = ""
    resolves: int | None = None
