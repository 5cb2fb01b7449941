"""What a rubric item may use besides the call: labels, thresholds, audio, facts shared by items."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from qa.types import Call

__all__ = ["RubricContext", "DETECTION_DEFAULT"]

#: The detection threshold for a label when neither the item's options nor the labeller set one.
DETECTION_DEFAULT = 0.5


@dataclass(frozen=True)
class RubricContext:
    """What a rubric may use besides the call.

    ``audio``: the decoded recording, when scoring from audio (``None`` for a transcript).
    ``labels``: per sentence key, the labeller's probability per label (computed once per call).
    ``thresholds``: the labeller's calibrated threshold per label; ``labeller``: its version.
    ``confirm_at``: per label, the labeller's measured operating point for findings that count
    against the agent (precision >= 0.90 on real utterances); below it a finding is for review.
    ``item_options``: per item name, its options as configured (a mapping or the options
    dataclass); an item reads another item's options only through a shared fact such as
    :meth:`resolution_offered_at`.
    """

    audio: Any = None
    labels: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    thresholds: Mapping[str, float] = field(default_factory=dict)
    labeller: str = ""
    confirm_at: Mapping[str, float] = field(default_factory=dict)
    extras: Mapping[str, Any] = field(default_factory=dict)
    item_options: Mapping[str, Any] = field(default_factory=dict)
    # Facts computed once per call and shared by the items (not copied by dataclasses.replace).
    _shared: dict[str, tuple[Call, Any]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def p(self, utterance_id: str, label: str) -> float:
        """The labeller's probability of ``label`` for one sentence key (0 when not labelled)."""
        return float(self.labels.get(utterance_id, {}).get(label, 0.0))

    def threshold(
        self,
        label: str | None,
        option: float | None = None,
        *,
        confirm: bool = False,
        default: float | None = None,
    ) -> float:
        """The threshold an item applies to ``label``, always resolved in this order:

        1. the item's own ``option``, when set (not ``None``);
        2. the labeller's value for ``label``: its measured operating point (``confirm_at``)
           when ``confirm``, else its calibrated detection threshold;
        3. ``default``: for detection :data:`DETECTION_DEFAULT` unless given; for ``confirm``
           the item's own default operating point, which must be given.

        ``label=None`` is for confidences that do not come from the labeller (interruption
        timing): step 2 is skipped.
        """
        # Values are returned as given (not cast), so the options echoed into results stay as set.
        if option is not None:
            return option
        if confirm and default is None:
            raise ValueError("a confirm threshold needs the item's default operating point")
        fallback = DETECTION_DEFAULT if default is None else default
        if label is None:
            return fallback
        source = self.confirm_at if confirm else self.thresholds
        return source.get(label, fallback)

    def resolution_offered_at(self, call: Call) -> float | None:
        """When the agent first offered a resolution (specific or vague) in ``call``, if ever.

        Judged by the resolution item's own logic with its own configured options
        (``item_options["resolution"]``), so it agrees with that item's outcome; computed once
        per call and context.
        """
        cached = self._shared.get("resolution_offered_at")
        if cached is not None and cached[0] is call:
            return cached[1]
        from qa.rubrics.registry import get
        from qa.rubrics.resolution import offered_at

        value = offered_at(call, get("resolution").options(self.item_options.get("resolution")), self)
        self._shared["resolution_offered_at"] = (call, value)
        return value
