"""Calibration from reviews: each item's operating point set to reach a target precision.

The items that penalise the agent (``arguing``, ``last_word``, ``interruption``) confirm a
finding when its confidence reaches the item's ``confirm_at`` option (weaker findings are "for
review", with no penalty; see :meth:`qa.rubrics.context.RubricContext.threshold`). Reviews say
which findings were right (:func:`qa.review.agreement.judged_findings`), so the lowest
``confirm_at`` at which the confirmed findings are right often enough can be read off them.

The choice is cross-validated over calls (k folds): for a selection rule "the lowest confidence
from which the judged findings' precision is at least τ", each fold's threshold is chosen on the
other folds' calls and its precision measured on the fold's own; the pooled held-out precision is
the rule's *CV precision*. τ starts at the target and rises (by 0.01) until the CV precision
reaches the target; the threshold is then the rule applied to every call. So the threshold is the
lowest the reviews support whose precision holds on calls it was not chosen on. An item with too
few judged findings, or whose target cannot be reached at any threshold, keeps its value, and the
result says why.

:func:`calibrated_config` makes the new rubric configuration and :func:`rubric_toml` writes it.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from qa.config import ItemConfig, RubricConfig
from qa.review.agreement import JudgedFinding, judged_findings
from qa.review.model import ReviewedCall
from qa.review.sample import sample_position

__all__ = [
    "OPERATING_POINT",
    "MIN_FINDINGS",
    "ItemCalibration",
    "calibratable_items",
    "current_confirm_at",
    "select_threshold",
    "cv_precision",
    "calibrate_item",
    "calibrate",
    "calibrated_version",
    "calibrated_config",
    "rubric_toml",
]

#: The option that says "confirm a finding at confidence >= x".
OPERATING_POINT = "confirm_at"
#: An item needs at least this many judged findings to be calibrated.
MIN_FINDINGS = 10
#: A threshold needs at least this many judged findings at or above it.
MIN_SUPPORT = 3
FOLDS = 5


@dataclass(frozen=True)
class ItemCalibration:
    """What calibration did to one item's operating point."""

    rubric: str
    current: float | None  # the operating point the reviewed scores used
    threshold: float | None  # the new one (== current when unchanged)
    target: float
    cv_precision: float | None  # held-out precision of the rule that chose it
    precision: float | None  # precision of the judged findings at or above ``threshold``
    n_findings: int  # judged findings (right or wrong) of the item
    n_calls: int  # calls they come from
    folds: int
    reached: bool
    reason: str

    @property
    def changed(self) -> bool:
        return self.reached and self.threshold is not None and self.threshold != self.current


def calibratable_items() -> list[str]:
    """The registered items whose options have an operating point (:data:`OPERATING_POINT`)."""
    from qa.rubrics import available, get

    return [
        n
        for n in available()
        if OPERATING_POINT in {f.name for f in dataclasses.fields(get(n).options_cls)}
    ]


def current_confirm_at(calls: Sequence[ReviewedCall], rubric: str) -> float | None:
    """The operating point the reviewed scores of ``rubric`` were made with (each result echoes
    it as ``options.confirm_at_used``), from the most recent call that has one."""
    for c in sorted(calls, key=lambda c: c.call_time, reverse=True):
        for r in c.machine:
            if r.get("rubric") == rubric:
                used = (r.get("options") or {}).get(f"{OPERATING_POINT}_used")
                if isinstance(used, (int, float)) and not isinstance(used, bool):
                    return float(used)
    return None


def _precision(found: Sequence[JudgedFinding], t: float) -> tuple[int, int]:
    above = [f for f in found if f.confidence >= t]
    return sum(1 for f in above if f.right), len(above)


def select_threshold(
    found: Sequence[JudgedFinding], target: float, *, min_support: int = MIN_SUPPORT
) -> float | None:
    """The lowest finding confidence ``t`` such that the judged findings with confidence >= t
    are right at least ``target`` of the time (and there are ``min_support`` of them); ``None``
    if there is none."""
    judged = [f for f in found if f.right is not None]
    for t in sorted({f.confidence for f in judged}):
        right, n = _precision(judged, t)
        if n < min_support:
            return None
        if right / n >= target - 1e-12:
            return t
    return None


def _folds(call_ids: Sequence[str], k: int) -> list[set[str]]:
    ordered = sorted(set(call_ids), key=lambda c: (sample_position(f"{c}:fold"), c))
    return [set(ordered[i::k]) for i in range(k)]


def cv_precision(
    found: Sequence[JudgedFinding], rule_target: float, folds: Sequence[set[str]]
) -> float | None:
    """Pooled held-out precision of :func:`select_threshold` at ``rule_target``: each fold's
    findings judged at the threshold chosen on the other folds."""
    judged = [f for f in found if f.right is not None]
    right = total = 0
    for fold in folds:
        train = [f for f in judged if f.call_id not in fold]
        t = select_threshold(train, rule_target)
        if t is None:
            continue
        r, n = _precision([f for f in judged if f.call_id in fold], t)
        right, total = right + r, total + n
    return right / total if total else None


def calibrate_item(
    calls: Sequence[ReviewedCall],
    rubric: str,
    target: float,
    *,
    k: int = FOLDS,
    min_findings: int = MIN_FINDINGS,
    current: float | None = None,
) -> ItemCalibration:
    """The operating point of ``rubric`` that reaches ``target`` precision (see the module's
    docstring); ``current`` defaults to :func:`current_confirm_at`."""
    if current is None:
        current = current_confirm_at(calls, rubric)
    found = [f for c in calls for f in judged_findings(c, rubric) if f.right is not None]
    call_ids = sorted({f.call_id for f in found})
    base = {"rubric": rubric, "current": current, "target": target}
    base |= {"n_findings": len(found), "n_calls": len(call_ids)}
    if len(found) < min_findings or len(call_ids) < 2:
        return ItemCalibration(
            **base, threshold=current, cv_precision=None, precision=None, folds=0, reached=False,
            reason=f"too few reviewed findings ({len(found)}; at least {min_findings} from 2 calls needed)",
        )  # fmt: skip
    folds = _folds(call_ids, max(2, min(k, len(call_ids))))
    tau = target
    while tau <= 1.0 + 1e-9:
        cv = cv_precision(found, tau, folds)
        t = select_threshold(found, tau)
        if t is not None and cv is not None and cv >= target - 1e-12:
            right, n = _precision(found, t)
            how = (
                ""
                if abs(tau - target) < 1e-9
                else f" (chosen at precision {tau:.2f} on the training folds)"
            )
            return ItemCalibration(
                **base, threshold=t, cv_precision=round(cv, 4), precision=round(right / n, 4),
                folds=len(folds), reached=True,
                reason=f"lowest confidence with cross-validated precision >= {target:g}{how}",
            )  # fmt: skip
        tau = round(tau + 0.01, 2)
    return ItemCalibration(
        **base, threshold=current, cv_precision=None, precision=None, folds=len(folds),
        reached=False, reason=f"no threshold reaches precision {target:g} on the reviewed findings",
    )  # fmt: skip


def calibrate(
    calls: Sequence[ReviewedCall],
    target: float,
    *,
    items: Sequence[str] | None = None,
    k: int = FOLDS,
    min_findings: int = MIN_FINDINGS,
    current: Mapping[str, float] | None = None,
) -> list[ItemCalibration]:
    """:func:`calibrate_item` for every item with an operating point (or ``items``)."""
    names = list(items) if items is not None else calibratable_items()
    return [
        calibrate_item(
            calls, n, target, k=k, min_findings=min_findings, current=(current or {}).get(n)
        )
        for n in names
    ]


_CAL_SUFFIX = re.compile(r"-cal\d{8}(\.\d+)?$")


def calibrated_version(version: str, day: str) -> str:
    """The version of a calibrated configuration: ``<version>-cal<YYYYMMDD>`` (an earlier
    calibration suffix replaced). ``day`` is ``YYYYMMDD``."""
    return f"{_CAL_SUFFIX.sub('', version)}-cal{day}"


def calibrated_config(
    config: RubricConfig, calibrations: Sequence[ItemCalibration], version: str
) -> RubricConfig:
    """``config`` with each reached calibration's threshold as the item's ``confirm_at``."""
    items = dict(config.items)
    for cal in calibrations:
        if not cal.reached or cal.threshold is None:
            continue
        item = items.get(cal.rubric, ItemConfig())
        options = {**dict(item.options), OPERATING_POINT: float(cal.threshold)}
        items[cal.rubric] = dataclasses.replace(item, options=options)
    return dataclasses.replace(config, version=version, items=items, path="")


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(k: str) -> str:
    return k if _BARE_KEY.match(k) else json.dumps(k, ensure_ascii=False)


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        text = repr(v)
        return text if any(c in text for c in ".en") else f"{text}.0"
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    raise TypeError(f"cannot write {type(v).__name__} to the rubric configuration")


def rubric_toml(config: RubricConfig, header: Sequence[str] = ()) -> str:
    """``config`` as a rubric configuration file (:func:`qa.config.load_rubric_config` reads it
    back to the same :attr:`~qa.config.RubricConfig.full_version`), under ``header`` comments."""
    lines = [f"# {h}".rstrip() for h in header]
    lines += [
        f"version = {_value(config.version)}",
        f"critical_cap = {_value(float(config.critical_cap))}",
    ]
    for name, item in config.items.items():
        lines += ["", f"[items.{_key(name)}]"]
        for f in ("weight", "critical", "critical_below", "enabled"):
            lines.append(f"{f} = {_value(getattr(item, f))}")
        if item.options:
            lines.append(f"[items.{_key(name)}.options]")
            lines += [f"{_key(k)} = {_value(v)}" for k, v in item.options.items()]
    lines += ["", "[quality]"]
    for f, v in dataclasses.asdict(config.quality).items():
        lines.append(f"{_key(f)} = {_value(v)}")
    return "\n".join(lines) + "\n"
