"""The rubric registry: each item is a registered callable ``(Call, options, context) -> RubricResult``.

Modeled on catalogue/spaCy factories: ``@register("name", options=MyOptions, version="1", ...)``
stores the callable with its default options and everything else the product knows about the
item: its title on the pages, its possible outcomes (in display order) and which of them pass.
This registration is the one home of those facts; the store, the pages and the exports read them
through the functions here (:func:`titles`, :func:`outcomes`, :func:`passing_outcomes`, ...).
``get("nme")`` fails with the list of known names. Built-in rubric modules register themselves
when :func:`load_builtin` imports them.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from qa.config import coerce_options
from qa.errors import InputError
from qa.rubrics.context import RubricContext
from qa.types import Call, RubricResult

__all__ = [
    "RubricFn",
    "RubricSpec",
    "register",
    "get",
    "available",
    "load_builtin",
    "titles",
    "page_labels",
    "outcomes",
    "passing_outcomes",
    "all_outcomes",
    "outcome_choices",
    "outcome_words",
    "current_outcome",
    "stored_outcome_names",
    "check_outcome_filter",
]

# Modules of the built-in rubric items, imported on first use of the registry.
BUILTIN_MODULES: tuple[str, ...] = (
    "qa.rubrics.interruption",
    "qa.rubrics.arguing",
    "qa.rubrics.last_word",
    "qa.rubrics.empathy_before_apology",
    "qa.rubrics.resolution",
)

#: The call list's outcome filter value that matches a ``pass`` outcome of any item.
ANY_PASS_CHOICE = ("pass", "any item passed")

RubricFn = Callable[[Call, Any, RubricContext], RubricResult]


def outcome_words(outcome: str) -> str:
    """An outcome as words: ``apology_first`` → ``apology first``."""
    return outcome.replace("_", " ").strip()


@dataclass(frozen=True)
class RubricSpec:
    """One registered rubric item: the callable, its options and how the product presents it.

    ``title``: its name on the pages ("Offered resolution"); ``short_title``: the shorter name
    used before an outcome ("Resolution: vague"); ``column_title``: the table column heading
    ("Resolution"); ``about``: what it asks of the agent ("Lead to a solution and commit to it").
    ``outcomes``: every outcome the item can give, in display order; ``passing``: those that count
    as a pass in scorecards (a subset of ``outcomes``). ``renamed``: outcome names the item
    gave before, each to its current name (stored scores keep the old name; readers map it).
    """

    name: str
    func: RubricFn
    options_cls: type
    version: str
    title: str
    outcomes: tuple[str, ...]
    passing: frozenset[str]
    short_title: str = ""
    column_title: str = ""
    about: str = ""
    description: str = ""
    requires_audio: bool = False
    renamed: Mapping[str, str] = field(default_factory=dict)

    def options(self, value: Any = None) -> Any:
        """The item's options dataclass from a dataclass, a mapping of its fields or ``None``."""
        try:
            return coerce_options(self.options_cls, value)
        except (TypeError, ValueError) as exc:
            raise InputError(f"rubric {self.name!r}: {exc}") from None

    def __call__(
        self, call: Call, options: Any = None, context: RubricContext | None = None
    ) -> RubricResult:
        """The item's result, its metrics completed with ``confirmed_findings`` and
        ``review_findings`` (the counts by finding status; every item reports them).

        Raises :class:`RuntimeError` when the item gives an outcome it did not register (the
        registration would then misinform the store and the pages)."""
        result = self.func(call, self.options(options), context or RubricContext())
        if result.outcome not in self.outcomes:
            raise RuntimeError(
                f"rubric {self.name!r} gave outcome {result.outcome!r}, "
                f"not one of its registered outcomes {list(self.outcomes)}"
            )
        return dataclasses.replace(
            result,
            metrics={
                **result.metrics,
                "confirmed_findings": len(result.confirmed_findings),
                "review_findings": len(result.review_findings),
            },
        )


_REGISTRY: dict[str, RubricSpec] = {}


def register(
    name: str,
    *,
    options: type,
    version: str,
    title: str,
    outcomes: tuple[str, ...],
    passing: tuple[str, ...] | frozenset[str],
    short_title: str = "",
    column_title: str = "",
    about: str = "",
    description: str = "",
    requires_audio: bool = False,
    renamed: Mapping[str, str] | None = None,
) -> Callable[[RubricFn], RubricFn]:
    """Register a rubric item under ``name`` with its default options dataclass.

    ``title`` names it on the pages; ``short_title`` (default: ``title``) prefixes its outcomes;
    ``column_title`` (default: ``short_title``) heads its table column; ``about`` says what it
    asks. ``outcomes`` lists every outcome it can give, in display order; ``passing`` those that
    count as a pass; ``renamed`` maps outcome names it gave before to current ones. Raises :class:`ValueError` for an empty or repeated outcome list, a passing
    outcome that is not an outcome, or a name already registered by another callable.
    """
    outcome_list = tuple(outcomes)
    passing_set = frozenset(passing)
    if not outcome_list or len(set(outcome_list)) != len(outcome_list):
        raise ValueError(f"rubric {name!r}: outcomes must be distinct and not empty, got {outcome_list}")
    if not passing_set <= set(outcome_list):
        raise ValueError(
            f"rubric {name!r}: passing outcomes {sorted(passing_set - set(outcome_list))} "
            f"are not among its outcomes {list(outcome_list)}"
        )
    renamed_map = dict(renamed or {})
    if not set(renamed_map.values()) <= set(outcome_list) or set(renamed_map) & set(outcome_list):
        raise ValueError(f"rubric {name!r}: renamed outcomes {renamed_map} must map old names to current ones")

    def decorator(func: RubricFn) -> RubricFn:
        if name in _REGISTRY and _REGISTRY[name].func is not func:
            raise ValueError(f"rubric {name!r} is already registered by {_REGISTRY[name].func!r}")
        short = short_title or title
        _REGISTRY[name] = RubricSpec(
            name=name,
            func=func,
            options_cls=options,
            version=version,
            title=title,
            outcomes=outcome_list,
            passing=passing_set,
            short_title=short,
            column_title=column_title or short,
            about=about,
            description=description or (func.__doc__ or "").strip().split("\n")[0],
            requires_audio=requires_audio,
            renamed=renamed_map,
        )
        return func

    return decorator


def load_builtin() -> None:
    """Import the built-in rubric modules (each registers its item); idempotent."""
    for module in BUILTIN_MODULES:
        importlib.import_module(module)


def _specs() -> list[RubricSpec]:
    """The registered items: the built-in ones in :data:`BUILTIN_MODULES` order (whichever module
    was imported first), then any others in registration order."""
    load_builtin()
    rank = {module: i for i, module in enumerate(BUILTIN_MODULES)}
    return sorted(_REGISTRY.values(), key=lambda s: rank.get(s.func.__module__, len(rank)))


def available() -> list[str]:
    """Names of the registered rubric items: the built-in ones in their display order, then others
    in registration order. Scores list their results, and pages their items, in this order."""
    return [s.name for s in _specs()]


def get(name: str) -> RubricSpec:
    """The registered item ``name``; :class:`InputError` listing the known names if none."""
    load_builtin()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(available()) or "none registered"
        raise InputError(f"unknown rubric item {name!r}; available: {known}") from None


def titles() -> dict[str, str]:
    """Per item name its title on the pages, in registration order."""
    return {s.name: s.title for s in _specs()}


def page_labels() -> dict[str, tuple[str, str, str]]:
    """Per item name ``(title, column title, about)``, in registration order."""
    return {s.name: (s.title, s.column_title, s.about) for s in _specs()}


def outcomes(name: str) -> tuple[str, ...]:
    """Every outcome item ``name`` can give, in display order (unknown name: :class:`InputError`)."""
    return get(name).outcomes


def passing_outcomes() -> frozenset[str]:
    """The outcomes that pass, over all registered items (a result passes when its outcome is one)."""
    return frozenset().union(*(s.passing for s in _specs()))


def all_outcomes() -> frozenset[str]:
    """Every outcome any registered item can give."""
    return frozenset(o for s in _specs() for o in s.outcomes)


def outcome_choices() -> tuple[tuple[str, str], ...]:
    """The call list's outcome filter: ``(value, label)`` pairs.

    First ``("pass", "any item passed")`` (a ``pass`` outcome of any item), then per item in
    registration order each outcome other than ``pass`` as ``("<item>:<outcome>",
    "<short title>: <outcome in words>")``.
    """
    return (
        ANY_PASS_CHOICE,
        *(
            (f"{s.name}:{o}", f"{s.short_title}: {outcome_words(o)}")
            for s in _specs()
            for o in s.outcomes
            if o != ANY_PASS_CHOICE[0]
        ),
    )


def current_outcome(rubric: str, outcome: str) -> str:
    """``outcome`` of item ``rubric`` under its current name (stored scores may hold a name the
    item used before); unknown items and outcomes are returned as they are."""
    load_builtin()
    spec = _REGISTRY.get(rubric)
    return spec.renamed.get(outcome, outcome) if spec is not None else outcome


def stored_outcome_names(rubric: str, outcome: str) -> tuple[str, ...]:
    """The names a stored result of item ``rubric`` may hold for ``outcome``: the current one
    and any it had before."""
    load_builtin()
    spec = _REGISTRY.get(rubric)
    old = [o for o, new in (spec.renamed.items() if spec else ()) if new == outcome]
    return (outcome, *old)


def check_outcome_filter(value: str) -> str:
    """The call list's outcome filter, checked: an outcome of any item (``pass``,
    ``interrupted``) or ``<item>:<outcome>`` naming a registered item and one of its outcomes
    (an old outcome name is taken as its current one). :class:`InputError` naming the valid
    values otherwise."""
    value = value.strip()
    rubric, sep, outcome = value.rpartition(":")
    if not sep and value in all_outcomes():
        return value
    load_builtin()
    spec = _REGISTRY.get(rubric) if sep else None
    if spec is None:
        raise InputError(
            f"outcome: {value!r} is not a filter; use 'pass', an outcome, or '<item>:<outcome>' "
            f"with an item of {', '.join(available())}"
        )
    outcome = spec.renamed.get(outcome, outcome)
    if outcome not in spec.outcomes:
        raise InputError(
            f"outcome: {rubric!r} has no outcome {outcome!r}; its outcomes are "
            f"{', '.join(spec.outcomes)}"
        )
    return f"{rubric}:{outcome}"
