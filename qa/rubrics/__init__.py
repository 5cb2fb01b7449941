"""The rubric registry: each item is a registered callable ``(Call, options, context) -> RubricResult``.

Modeled on catalogue/spaCy factories: ``@register("name", options=MyOptions, version="1")``
stores the callable with its default options; ``get("nme")`` fails with the list of known names.
Rubric modules register themselves when :func:`load_builtin` imports them.
"""

from __future__ import annotations

import dataclasses
import importlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from qa.config import coerce_options
from qa.errors import InputError
from qa.types import Call, RubricResult

__all__ = ["RubricSpec", "RubricContext", "register", "get", "available", "load_builtin"]

log = logging.getLogger(__name__)

# Modules of the built-in rubric items, imported on first use of the registry.
BUILTIN_MODULES: tuple[str, ...] = (
    "qa.rubrics.interruption",
    "qa.rubrics.arguing",
    "qa.rubrics.last_word",
    "qa.rubrics.empathy_before_apology",
    "qa.rubrics.resolution",
)


@dataclass(frozen=True)
class RubricContext:
    """What a rubric may use besides the call.

    ``audio``: the decoded recording, when scoring from audio (``None`` for a transcript).
    ``labels``: per utterance id, the labeller's probability per label (computed once per call).
    ``thresholds``: the labeller's calibrated threshold per label; ``labeller``: its version.
    ``confirm_at``: per label, the labeller's measured operating point for findings that count
    against the agent (precision >= 0.90 on real utterances); below it a finding is for review.
    """

    audio: Any = None
    labels: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    thresholds: Mapping[str, float] = field(default_factory=dict)
    labeller: str = ""
    confirm_at: Mapping[str, float] = field(default_factory=dict)
    extras: Mapping[str, Any] = field(default_factory=dict)

    def p(self, utterance_id: str, label: str) -> float:
        return float(self.labels.get(utterance_id, {}).get(label, 0.0))


RubricFn = Callable[[Call, Any, RubricContext], RubricResult]


@dataclass(frozen=True)
class RubricSpec:
    name: str
    func: RubricFn
    options_cls: type
    version: str
    description: str = ""
    requires_audio: bool = False

    def options(self, value: Any = None) -> Any:
        try:
            return coerce_options(self.options_cls, value)
        except (TypeError, ValueError) as exc:
            raise InputError(f"rubric {self.name!r}: {exc}") from None

    def __call__(
        self, call: Call, options: Any = None, context: RubricContext | None = None
    ) -> RubricResult:
        """The item's result, its metrics completed with ``confirmed_findings`` and
        ``review_findings`` (the counts by finding status; every item reports them)."""
        result = self.func(call, self.options(options), context or RubricContext())
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
    description: str = "",
    requires_audio: bool = False,
) -> Callable[[RubricFn], RubricFn]:
    """Register a rubric item under ``name`` with its default options dataclass."""

    def decorator(func: RubricFn) -> RubricFn:
        if name in _REGISTRY and _REGISTRY[name].func is not func:
            raise ValueError(f"rubric {name!r} is already registered by {_REGISTRY[name].func!r}")
        _REGISTRY[name] = RubricSpec(
            name,
            func,
            options,
            version,
            description or (func.__doc__ or "").strip().split("\n")[0],
            requires_audio,
        )
        return func

    return decorator


def load_builtin() -> None:
    for module in BUILTIN_MODULES:
        importlib.import_module(module)


def available() -> list[str]:
    """Names of the registered rubric items, in registration order."""
    load_builtin()
    return list(_REGISTRY)


def get(name: str) -> RubricSpec:
    load_builtin()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(_REGISTRY) or "none registered"
        raise InputError(f"unknown rubric item {name!r}; available: {known}") from None
