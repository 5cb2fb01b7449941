"""Configuration: options coercion and the rubric configuration file (weights, thresholds).

The rubric configuration is one TOML file a QA lead can edit: per item a weight, whether it is
critical (a critical failure caps the call score), and the item's options (thresholds); and the
``[quality]`` table, the transcript-quality thresholds under which a call needs review
(:class:`qa.quality.QualityOptions`). The shipped default is ``qa/rubric.toml``; ``--rubric FILE`` or ``QA_RUBRIC`` names another.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qa.errors import InputError
from qa.quality import QualityOptions

__all__ = ["coerce_options", "ItemConfig", "RubricConfig", "load_rubric_config", "DEFAULT_RUBRIC"]

DEFAULT_RUBRIC = Path(__file__).with_name("rubric.toml")


def coerce_options(cls: type, value: Any) -> Any:
    """Accept an options dataclass, a mapping of its fields, or ``None`` (defaults)."""
    if value is None:
        return cls()
    if isinstance(value, cls):
        return value
    if isinstance(value, Mapping):
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(value) - names)
        if unknown:
            raise ValueError(f"unknown {cls.__name__} field(s) {unknown}; known: {sorted(names)}")
        return cls(**value)
    raise TypeError(f"expected {cls.__name__} or a dict, got {type(value).__name__}")


@dataclass(frozen=True)
class ItemConfig:
    weight: float = 1.0
    critical: bool = False
    # A critical item scoring below this caps the whole call at ``RubricConfig.critical_cap``.
    critical_below: float = 50.0
    enabled: bool = True
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RubricConfig:
    version: str = "default"
    critical_cap: float = 40.0
    items: Mapping[str, ItemConfig] = field(default_factory=dict)
    path: str = ""
    quality: QualityOptions = field(default_factory=QualityOptions)

    def item(self, name: str) -> ItemConfig:
        return self.items.get(name, ItemConfig())

    @property
    def digest(self) -> str:
        """A short hash of the effective configuration: scores made with it cite it."""
        payload = json.dumps(
            {
                "critical_cap": self.critical_cap,
                "items": {k: dataclasses.asdict(v) for k, v in sorted(self.items.items())},
                "quality": dataclasses.asdict(self.quality),
            },
            sort_keys=True,
            default=str,
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:12]

    @property
    def full_version(self) -> str:
        """The rubric version every score records and every "already scored?" check compares:
        ``"<version>+<digest>"`` (the file's version and the hash of its effective settings).
        The one place this string is built."""
        return f"{self.version}+{self.digest}"


def _item_type_problem(item: ItemConfig) -> str | None:
    for name in ("weight", "critical_below"):
        value = getattr(item, name)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"{name} = {value!r} is not a number"
    for name in ("critical", "enabled"):
        if not isinstance(getattr(item, name), bool):
            return f"{name} = {getattr(item, name)!r} is not true/false"
    if not isinstance(item.options, Mapping):
        return f"options = {item.options!r} is not a table"
    return None


def _quality_options(raw: Any, p: Path) -> QualityOptions:
    if raw is None:
        return QualityOptions()
    if not isinstance(raw, Mapping):
        raise InputError(f"rubric configuration {p}: [quality] must be a table")
    try:
        opts = coerce_options(QualityOptions, raw)
    except (TypeError, ValueError) as exc:
        raise InputError(f"rubric configuration {p}: [quality]: {exc}") from None
    for f in dataclasses.fields(QualityOptions):
        value = getattr(opts, f.name)
        if isinstance(f.default, bool):
            if not isinstance(value, bool):
                raise InputError(f"rubric configuration {p}: [quality] {f.name} = {value!r} is not true/false")
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            raise InputError(f"rubric configuration {p}: [quality] {f.name} = {value!r} is not a number")
    return opts


def load_rubric_config(path: str | os.PathLike[str] | None = None) -> RubricConfig:
    """Read a rubric configuration file (default: ``$QA_RUBRIC`` or the shipped one)."""
    p = Path(path or os.environ.get("QA_RUBRIC") or DEFAULT_RUBRIC)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"rubric configuration {p}: no such file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"rubric configuration {p}: not valid TOML ({exc})") from None
    items: dict[str, ItemConfig] = {}
    for name, raw in (data.get("items") or {}).items():
        if not isinstance(raw, Mapping):
            raise InputError(f"rubric configuration {p}: [items.{name}] must be a table")
        try:
            item = coerce_options(ItemConfig, raw)
        except (TypeError, ValueError) as exc:
            raise InputError(f"rubric configuration {p}: [items.{name}]: {exc}") from None
        problem = _item_type_problem(item)
        if problem:
            raise InputError(f"rubric configuration {p}: [items.{name}] {problem}")
        if item.weight < 0:
            raise InputError(f"rubric configuration {p}: [items.{name}] weight must be >= 0")
        items[name] = item
    return RubricConfig(
        version=str(data.get("version", "custom")),
        critical_cap=float(data.get("critical_cap", 40.0)),
        items=items,
        path=str(p),
        quality=_quality_options(data.get("quality"), p),
    )
