"""Rubric items: the registry (:mod:`qa.rubrics.registry`) and the context items share
(:mod:`qa.rubrics.context`).

Each item is a registered callable ``(Call, options, context) -> RubricResult`` whose
registration also declares its title, outcomes and passing outcomes; see
:func:`qa.rubrics.registry.register`. Rubric modules register themselves when
:func:`load_builtin` imports them.
"""

from __future__ import annotations

from qa.rubrics.context import DETECTION_DEFAULT, RubricContext
from qa.rubrics.registry import (
    RubricFn,
    RubricSpec,
    all_outcomes,
    available,
    check_outcome_filter,
    current_outcome,
    get,
    load_builtin,
    outcome_choices,
    outcome_words,
    outcomes,
    page_labels,
    passing_outcomes,
    register,
    stored_outcome_names,
    titles,
)

__all__ = [
    "DETECTION_DEFAULT",
    "RubricContext",
    "RubricFn",
    "RubricSpec",
    "all_outcomes",
    "available",
    "check_outcome_filter",
    "current_outcome",
    "get",
    "load_builtin",
    "outcome_choices",
    "outcome_words",
    "outcomes",
    "page_labels",
    "passing_outcomes",
    "register",
    "stored_outcome_names",
    "titles",
]
