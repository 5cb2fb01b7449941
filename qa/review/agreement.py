"""How far the machine agrees with the QA leads: per rubric item, over reviewed calls.

Pure functions on :class:`~qa.review.model.ReviewedCall` lists (the store reads them; nothing
here touches a database).

Per item, over the calls whose reviewer gave a verdict on it:

- **Outcome agreement**: the share of calls whose human outcome equals the machine's, over the
  calls where the reviewer judged the outcome (``ItemVerdict.outcome`` set; "confirm" sets it to
  the machine's). **Cohen's κ** on the same pairs: ``(po - pe) / (1 - pe)`` with ``pe`` from
  each rater's outcome shares; undefined (``None``) when both use one single outcome.
- **Findings.** Each machine finding is judged, in this order:

  1. marked wrong → *wrong* (a false positive when it counted against the agent);
  2. marked right, or its span overlaps a finding the reviewer added → *right*;
  3. not marked, and the reviewer confirmed the item's outcome: a *confirmed* finding (one that
     counted) is *right* — the reviewer accepted the result it produced and would have marked it
     otherwise; a finding *for review* stays *unjudged* (it did not make the outcome, so
     confirming the outcome says nothing about it);
  4. anything else (outcome changed or not judged, finding not marked) → *unjudged*, left out.

  A finding the reviewer added that overlaps no machine finding judged right or unjudged is a
  *miss*. **Precision** is that of the findings that count (status ``confirmed``): right / (right
  + wrong). **Recall**: confirmed findings judged right / every true finding (machine findings
  judged right, whatever their status, plus misses) — a true finding left "for review" is a
  miss of the confirmed set.
- **Intervals**: percentile bootstrap (95 %), resampling calls with replacement (seeded, so a
  report is reproducible). ``n_calls`` of each figure is the number of calls behind it; a figure
  behind fewer than :data:`MIN_CALLS` calls is flagged ``few``.
- **Selection bias.** The review queue puts the machine's hard cases first, so figures over all
  reviewed calls understate how the machine does on calls as they come. The report gives each
  figure twice: over all reviewed calls, and over the random-sample calls only
  (``ReviewedCall.sampled``, :mod:`qa.review.sample`): quote the sample's.

:func:`judged_findings` and :func:`with_confirm_at` are shared with calibration
(:mod:`qa.review.calibrate`).
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from qa import csvsafe
from qa.review.model import HumanFinding, ReviewedCall

__all__ = [
    "MIN_CALLS",
    "BOOTSTRAP_SAMPLES",
    "Estimate",
    "ItemAgreement",
    "AgreementTable",
    "AgreementReport",
    "JudgedFinding",
    "cohen_kappa",
    "judged_findings",
    "misses",
    "item_agreement",
    "agreement_table",
    "agreement_report",
    "with_confirm_at",
    "report_csv",
]

#: A figure behind fewer reviewed calls than this is flagged ``few``.
MIN_CALLS = 30
#: Bootstrap resamples per figure.
BOOTSTRAP_SAMPLES = 1000
UNKNOWN_LANGUAGE = "unknown"


@dataclass(frozen=True)
class Estimate:
    """A figure with its 95 % bootstrap interval and the number of calls behind it.

    ``value`` (and the bounds) are ``None`` when no call gives the figure anything to count."""

    value: float | None
    low: float | None = None
    high: float | None = None
    n_calls: int = 0

    @property
    def few(self) -> bool:
        """Fewer than :data:`MIN_CALLS` calls stand behind the figure."""
        return self.n_calls < MIN_CALLS


@dataclass(frozen=True)
class ItemAgreement:
    """One rubric item's agreement figures over a set of reviewed calls."""

    rubric: str
    n_calls: int  # calls with a verdict on this item
    agreement: Estimate  # outcome agreement
    kappa: Estimate
    precision: Estimate  # of the findings that count (confirmed)
    recall: Estimate
    true_positives: int = 0  # confirmed findings judged right
    false_positives: int = 0  # confirmed findings judged wrong
    misses: int = 0  # true findings the machine did not confirm
    unjudged: int = 0  # machine findings with no verdict either way


@dataclass(frozen=True)
class AgreementTable:
    """Every item's figures over one population of reviewed calls, overall and per language."""

    population: str  # "all" (every reviewed call) or "sample" (the random sample only)
    n_calls: int
    items: tuple[ItemAgreement, ...]
    by_language: Mapping[str, tuple[ItemAgreement, ...]] = field(default_factory=dict)

    def item(self, rubric: str) -> ItemAgreement | None:
        return next((i for i in self.items if i.rubric == rubric), None)


@dataclass(frozen=True)
class AgreementReport:
    """The report: the same figures over all reviewed calls and over the random sample."""

    all: AgreementTable
    sample: AgreementTable


@dataclass(frozen=True)
class JudgedFinding:
    """A machine finding with what the reviewer made of it (``right`` ``None``: unjudged)."""

    call_id: str
    rubric: str
    index: int
    confidence: float
    status: str  # "confirmed" or "review", as the machine gave it
    right: bool | None


# --- per call -------------------------------------------------------------------------------------


def _result(rc: ReviewedCall, rubric: str) -> Mapping[str, Any] | None:
    return next((r for r in rc.machine if r.get("rubric") == rubric), None)


def _overlaps(start: float, end: float, other: HumanFinding) -> bool:
    lo, hi = max(start, other.start), min(end, other.end)
    if end <= start or other.end <= other.start:  # an instant: touching is enough
        return lo <= hi
    return lo < hi


def _span(f: Mapping[str, Any]) -> tuple[float, float]:
    start = float(f.get("start") or 0.0)
    return start, max(start, float(f.get("end") or start))


def _confidence(f: Mapping[str, Any]) -> float:
    c = f.get("confidence")
    return 1.0 if c is None else float(c)


def judged_findings(rc: ReviewedCall, rubric: str) -> list[JudgedFinding]:
    """The machine findings of ``rubric`` in ``rc`` with the reviewer's judgment of each (see
    the module's docstring for the rules); ``[]`` without a verdict on the item."""
    verdict = rc.verdicts.get(rubric)
    result = _result(rc, rubric)
    if verdict is None or result is None:
        return []
    confirmed_outcome = verdict.outcome is not None and verdict.outcome == result.get("outcome")
    wrong, right = set(verdict.wrong), set(verdict.right)
    out = []
    for i, f in enumerate(result.get("findings") or ()):
        status = str(f.get("status") or "confirmed")
        start, end = _span(f)
        judged: bool | None
        if i in wrong:
            judged = False
        elif i in right or any(_overlaps(start, end, h) for h in verdict.added):
            judged = True
        elif confirmed_outcome and status == "confirmed":
            judged = True
        else:
            judged = None
        out.append(JudgedFinding(rc.call_id, rubric, i, _confidence(f), status, judged))
    return out


def misses(rc: ReviewedCall, rubric: str) -> int:
    """Findings the reviewer added that overlap no machine finding (of the item) that was not
    judged wrong."""
    verdict = rc.verdicts.get(rubric)
    if verdict is None or not verdict.added:
        return 0
    result = _result(rc, rubric) or {}
    wrong = set(verdict.wrong)
    spans = [_span(f) for i, f in enumerate(result.get("findings") or ()) if i not in wrong]
    return sum(1 for h in verdict.added if not any(_overlaps(s, e, h) for s, e in spans))


@dataclass(frozen=True)
class _CallItem:
    """What one call gives one item's figures."""

    machine: str | None
    human: str | None
    tp: int
    fp: int
    true_total: int
    unjudged: int


def _call_item(rc: ReviewedCall, rubric: str) -> _CallItem | None:
    verdict = rc.verdicts.get(rubric)
    result = _result(rc, rubric)
    if verdict is None or result is None:
        return None
    found = judged_findings(rc, rubric)
    tp = sum(1 for f in found if f.status == "confirmed" and f.right is True)
    fp = sum(1 for f in found if f.status == "confirmed" and f.right is False)
    true_total = sum(1 for f in found if f.right is True) + misses(rc, rubric)
    machine = result.get("outcome")
    return _CallItem(
        machine=str(machine) if machine is not None and verdict.outcome is not None else None,
        human=verdict.outcome,
        tp=tp,
        fp=fp,
        true_total=true_total,
        unjudged=sum(1 for f in found if f.right is None),
    )


# --- figures --------------------------------------------------------------------------------------


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's κ of (machine, human) outcome pairs; ``None`` when there are none, or when both
    raters used one and the same single outcome (κ is undefined there)."""
    if not pairs:
        return None
    cats = sorted({c for p in pairs for c in p})
    n = len(pairs)
    po = sum(1 for a, b in pairs if a == b) / n
    pe = sum(
        (sum(1 for a, _ in pairs if a == c) / n) * (sum(1 for _, b in pairs if b == c) / n)
        for c in cats
    )
    if pe >= 1.0 - 1e-12:
        return None
    return (po - pe) / (1.0 - pe)


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)


def _interval(samples: np.ndarray) -> tuple[float | None, float | None]:
    finite = samples[np.isfinite(samples)]
    if finite.size == 0:
        return None, None
    lo, hi = np.percentile(finite, [2.5, 97.5])
    return float(lo), float(hi)


def _round(x: float | None) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else round(float(x), 4)


def _estimate(value: float | None, boot: np.ndarray, n_calls: int) -> Estimate:
    if value is None:
        return Estimate(None, None, None, n_calls)
    lo, hi = _interval(boot)
    return Estimate(_round(value), _round(lo), _round(hi), n_calls)


def _weights(n: int, samples: int, seed: int) -> np.ndarray:
    """``samples`` × ``n``: how often each call is drawn in each bootstrap resample."""
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, n, size=(samples, n))
    w = np.zeros((samples, n), dtype=np.float64)
    rows = np.repeat(np.arange(samples), n)
    np.add.at(w, (rows, idx.ravel()), 1.0)
    return w


def item_agreement(
    calls: Sequence[ReviewedCall],
    rubric: str,
    *,
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = 0,
) -> ItemAgreement:
    """One item's figures over ``calls`` (those without a verdict on it are skipped)."""
    rows = [r for r in (_call_item(c, rubric) for c in calls) if r is not None]
    n = len(rows)
    if n == 0:
        empty = Estimate(None)
        return ItemAgreement(rubric, 0, empty, empty, empty, empty)
    judged = np.array([r.human is not None for r in rows])
    same = np.array([r.human is not None and r.human == r.machine for r in rows], dtype=float)
    tp = np.array([r.tp for r in rows], dtype=float)
    fp = np.array([r.fp for r in rows], dtype=float)
    true_total = np.array([r.true_total for r in rows], dtype=float)
    pairs = [(str(r.machine), str(r.human)) for r in rows if r.human is not None]
    cats = sorted({c for p in pairs for c in p})
    onehot_m = np.array(
        [[float(r.human is not None and r.machine == c) for c in cats] for r in rows]
    )
    onehot_h = np.array([[float(r.human is not None and r.human == c) for c in cats] for r in rows])

    w = _weights(n, samples, seed) if samples > 0 else np.zeros((0, n))
    nj = w @ judged.astype(float)
    boot_agree = _ratio(w @ same, nj)
    if cats:
        pm = _ratio(w @ onehot_m, nj[:, None])
        ph = _ratio(w @ onehot_h, nj[:, None])
        pe = np.nansum(pm * ph, axis=1)
        pe = np.where(np.isfinite(boot_agree), pe, np.nan)
        with np.errstate(invalid="ignore", divide="ignore"):
            boot_kappa = np.where(pe < 1.0 - 1e-12, (boot_agree - pe) / (1.0 - pe), np.nan)
    else:
        boot_kappa = np.full(len(w), np.nan)
    boot_prec = _ratio(w @ tp, w @ (tp + fp))
    boot_rec = _ratio(w @ tp, w @ true_total)

    n_judged = int(judged.sum())
    agree = float(same.sum() / n_judged) if n_judged else None
    prec_den = float((tp + fp).sum())
    rec_den = float(true_total.sum())
    return ItemAgreement(
        rubric=rubric,
        n_calls=n,
        agreement=_estimate(agree, boot_agree, n_judged),
        kappa=_estimate(cohen_kappa(pairs), boot_kappa, n_judged),
        precision=_estimate(
            float(tp.sum()) / prec_den if prec_den else None,
            boot_prec,
            int(((tp + fp) > 0).sum()),
        ),
        recall=_estimate(
            float(tp.sum()) / rec_den if rec_den else None, boot_rec, int((true_total > 0).sum())
        ),
        true_positives=int(tp.sum()),
        false_positives=int(fp.sum()),
        misses=int(rec_den - tp.sum()),
        unjudged=sum(r.unjudged for r in rows),
    )


def _item_order(calls: Iterable[ReviewedCall]) -> list[str]:
    named = {name for c in calls for name in c.verdicts}
    try:
        from qa.rubrics import available

        order = {n: i for i, n in enumerate(available())}
    except Exception:  # noqa: BLE001 - the order is cosmetic
        order = {}
    return sorted(named, key=lambda n: (order.get(n, len(order)), n))


def agreement_table(
    calls: Sequence[ReviewedCall],
    population: str = "all",
    *,
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = 0,
    items: Sequence[str] | None = None,
) -> AgreementTable:
    """Every item's figures over ``calls``, and per call language."""
    names = list(items) if items is not None else _item_order(calls)
    langs: dict[str, list[ReviewedCall]] = {}
    for c in calls:
        langs.setdefault(c.language or UNKNOWN_LANGUAGE, []).append(c)

    def table(group: Sequence[ReviewedCall]) -> tuple[ItemAgreement, ...]:
        return tuple(item_agreement(group, n, samples=samples, seed=seed) for n in names)

    return AgreementTable(
        population=population,
        n_calls=len(calls),
        items=table(calls),
        by_language={lang: table(group) for lang, group in sorted(langs.items())},
    )


def agreement_report(
    calls: Sequence[ReviewedCall],
    *,
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = 0,
) -> AgreementReport:
    """The figures over every reviewed call and over the random-sample calls only (the same
    items in both, so the tables line up)."""
    names = _item_order(calls)
    sampled = [c for c in calls if c.sampled]
    return AgreementReport(
        all=agreement_table(calls, "all", samples=samples, seed=seed, items=names),
        sample=agreement_table(sampled, "sample", samples=samples, seed=seed, items=names),
    )


def with_confirm_at(
    calls: Sequence[ReviewedCall], confirm_at: Mapping[str, float]
) -> list[ReviewedCall]:
    """The calls as if the machine had confirmed each item's findings at ``confirm_at[item]``:
    every finding of those items gets the status its confidence has under the new operating
    point (outcomes are left as they were scored: a re-score gives the new ones)."""
    if not confirm_at:
        return list(calls)
    out = []
    for c in calls:
        results = []
        for r in c.machine:
            t = confirm_at.get(str(r.get("rubric")))
            if t is None:
                results.append(r)
                continue
            findings = [
                {**f, "status": "confirmed" if _confidence(f) >= t else "review"}
                for f in r.get("findings") or ()
            ]
            results.append({**r, "findings": findings})
        out.append(replace(c, machine=tuple(results)))
    return out


# --- CSV ------------------------------------------------------------------------------------------

CSV_COLUMNS = (
    "population", "language", "item", "calls", "figure", "value", "low", "high",
    "figure_calls", "few_calls",
)  # fmt: skip
FIGURES = ("agreement", "kappa", "precision", "recall")


def _csv_num(x: float | None) -> float | str:
    # A number, not text: the safe writer leaves numbers alone (a negative kappa stays one).
    return "" if x is None else round(float(x), 4)


def report_csv(report: AgreementReport) -> str:
    """The report as CSV: one row per population, language (``all`` for every language), item
    and figure, with its interval, the calls behind it and the few-calls flag."""
    buf = io.StringIO()
    w = csvsafe.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for table in (report.all, report.sample):
        groups = [("all", table.items), *table.by_language.items()]
        for lang, items in groups:
            for it in items:
                for name in FIGURES:
                    est: Estimate = getattr(it, name)
                    w.writerow(
                        (table.population, lang, it.rubric, it.n_calls, name, _csv_num(est.value),
                         _csv_num(est.low), _csv_num(est.high), est.n_calls, str(est.few).lower())
                    )  # fmt: skip
    return buf.getvalue()
