"""Agreement figures on seeded reviews whose κ, precision and recall are worked out by hand."""

from __future__ import annotations

import csv
import io

import pytest

from qa.review.agreement import (
    MIN_CALLS,
    agreement_report,
    cohen_kappa,
    item_agreement,
    judged_findings,
    misses,
    report_csv,
    with_confirm_at,
)
from qa.review.model import HumanFinding
from tests.review.helpers import mfinding, reviewed


def seeded() -> list:
    """Ten reviewed calls of `arguing`.

    Outcomes (machine → human): pass → pass ×5, pass → arguing ×1, arguing → arguing ×3,
    arguing → pass ×1. po = 8/10; machine shares pass .6 / arguing .4, human .6 / .4;
    pe = .6·.6 + .4·.4 = .52; κ = (.8 − .52) / (1 − .52) = .28 / .48 = 0.58333.

    Confirmed findings: call 6 has two, the second marked wrong, outcome confirmed → 1 right
    (unmarked, confirmed) + 1 wrong; calls 7 and 8 one each, unmarked, outcome confirmed → 2
    right; call 9 (human: pass) one marked wrong. TP 3, FP 2: precision 3/5 = 0.6.
    True findings: the 3 confirmed right, call 0's finding for review marked right (the
    machine did not confirm it), call 5's finding the reviewer added (the machine had none):
    5. Recall 3/5 = 0.6. Call 1's finding for review is unmarked under a confirmed outcome:
    unjudged.
    """
    calls = [
        reviewed(0, "arguing", "pass", [mfinding(3.0, 4.0, 0.6, "review")], human="pass", right=(0,)),
        reviewed(1, "arguing", "pass", [mfinding(3.0, 4.0, 0.5, "review")], human="pass"),
        reviewed(2, "arguing", "pass", human="pass", language="zh"),
        reviewed(3, "arguing", "pass", human="pass", language="zh"),
        reviewed(4, "arguing", "pass", human="pass"),
        reviewed(5, "arguing", "pass", human="arguing", added=(HumanFinding(10.0, 12.0, ("u004",), "no"),)),
        reviewed(6, "arguing", "arguing", [mfinding(1.0, 2.0, 0.9), mfinding(5.0, 6.0, 0.86)], human="arguing",
                 wrong=(1,)),
        reviewed(7, "arguing", "arguing", [mfinding(1.0, 2.0, 0.95)], human="arguing", language="zh"),
        reviewed(8, "arguing", "arguing", [mfinding(1.0, 2.0, 0.88)], human="arguing"),
        reviewed(9, "arguing", "arguing", [mfinding(1.0, 2.0, 0.87)], human="pass", wrong=(0,)),
    ]  # fmt: skip
    return calls


def test_kappa_of_known_pairs():
    pairs = (
        [("pass", "pass")] * 5
        + [("pass", "arguing")]
        + [("arguing", "arguing")] * 3
        + [("arguing", "pass")]
    )
    assert cohen_kappa(pairs) == pytest.approx(0.28 / 0.48)
    assert cohen_kappa([("a", "a"), ("b", "b")]) == pytest.approx(1.0)
    # Chance-level: the raters never agree beyond what their shares predict.
    assert cohen_kappa([("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")]) == pytest.approx(0.0)
    assert cohen_kappa([("pass", "pass")] * 4) is None  # one outcome only: undefined
    assert cohen_kappa([]) is None


def test_item_figures_on_seeded_reviews():
    it = item_agreement(seeded(), "arguing")
    assert it.n_calls == 10
    assert it.agreement.value == pytest.approx(0.8)
    assert it.kappa.value == pytest.approx(0.5833, abs=1e-4)
    assert (it.true_positives, it.false_positives, it.misses, it.unjudged) == (3, 2, 2, 1)
    assert it.precision.value == pytest.approx(0.6)
    assert it.recall.value == pytest.approx(0.6)
    # The calls behind each figure: every judged outcome; the calls with confirmed judged
    # findings (6, 7, 8, 9); the calls with a true finding (0, 5, 6, 7, 8).
    assert (it.agreement.n_calls, it.precision.n_calls, it.recall.n_calls) == (10, 4, 5)
    for est in (it.agreement, it.kappa, it.precision, it.recall):
        assert est.low <= est.value <= est.high
        assert est.few  # fewer than 30 calls
    assert it.precision.high - it.precision.low > 0.2  # four calls: a wide interval


def test_bootstrap_is_reproducible_and_narrows_with_more_calls():
    a = item_agreement(seeded(), "arguing", seed=7)
    assert a == item_agreement(seeded(), "arguing", seed=7)
    many = [c for k in range(5) for c in seeded()]  # the same calls five times: 50 calls
    many = [type(c)(**{**c.__dict__, "call_id": f"{c.call_id}-{i}"}) for i, c in enumerate(many)]
    b = item_agreement(many, "arguing", seed=7)
    assert b.agreement.value == pytest.approx(0.8) and b.kappa.value == a.kappa.value
    assert not b.agreement.few and b.agreement.n_calls == 50 >= MIN_CALLS
    assert (b.agreement.high - b.agreement.low) < (a.agreement.high - a.agreement.low)


def test_judging_rules_for_unmarked_and_overlapping_findings():
    # Outcome changed, nothing marked: the findings are unjudged, not wrong.
    c = reviewed(0, "last_word", "last_word", [mfinding(1.0, 2.0, 0.9)], human="pass")
    assert [f.right for f in judged_findings(c, "last_word")] == [None]
    # A finding the reviewer added over a machine finding makes that finding right, and is no miss.
    added = (HumanFinding(1.5, 3.0),)
    c = reviewed(
        1, "last_word", "pass", [mfinding(1.0, 2.0, 0.6, "review")], human="last_word", added=added
    )
    assert [f.right for f in judged_findings(c, "last_word")] == [True]
    assert misses(c, "last_word") == 0
    # Touching is not overlapping; an added finding next to a wrong one is a miss.
    c = reviewed(2, "last_word", "last_word", [mfinding(1.0, 2.0, 0.9)], human="last_word",
                 wrong=(0,), added=(HumanFinding(2.0, 3.0),))  # fmt: skip
    assert [f.right for f in judged_findings(c, "last_word")] == [False]
    assert misses(c, "last_word") == 1


def test_report_has_all_and_sample_and_languages():
    calls = seeded()
    # The random sample: calls 0, 6 and 9 (pass→pass, arguing→arguing, arguing→pass).
    calls = [
        type(c)(**{**c.__dict__, "sampled": c.call_id in ("call0000", "call0006", "call0009")})
        for c in calls
    ]
    rep = agreement_report(calls)
    assert rep.all.n_calls == 10 and rep.sample.n_calls == 3
    s = rep.sample.item("arguing")
    assert s.agreement.value == pytest.approx(2 / 3, abs=1e-4)
    assert s.precision.value == pytest.approx(
        1 / 3, abs=1e-4
    )  # call 6: 1 right 1 wrong; call 9: 1 wrong
    assert set(rep.all.by_language) == {"en", "zh"}
    zh = rep.all.by_language["zh"][0]
    assert zh.n_calls == 3 and zh.agreement.value == pytest.approx(1.0)

    rows = list(csv.DictReader(io.StringIO(report_csv(rep))))
    first = rows[0]
    assert (first["population"], first["language"], first["item"], first["figure"]) == (
        "all",
        "all",
        "arguing",
        "agreement",
    )
    assert float(first["value"]) == 0.8 and first["few_calls"] == "true"
    kappa = next(
        r
        for r in rows
        if r["population"] == "all" and r["language"] == "all" and r["figure"] == "kappa"
    )
    assert float(kappa["value"]) == pytest.approx(0.5833, abs=1e-4)
    assert {r["population"] for r in rows} == {"all", "sample"}
    # Figures are numbers (a negative kappa too), never text the safe CSV writer would quote.
    assert not any(v.startswith("'") for r in rows for v in r.values())


def test_new_operating_point_changes_which_findings_count():
    calls = seeded()
    after = with_confirm_at(calls, {"arguing": 0.89})
    it = item_agreement(after, "arguing")
    # Confirmed at 0.89: call 6's 0.9 (right) and 0.86 (wrong, now for review), call 7's 0.95
    # (right), call 8's 0.88 and call 9's 0.87 fall to review. TP 2, FP 0.
    assert (it.true_positives, it.false_positives) == (2, 0)
    assert it.precision.value == pytest.approx(1.0)
    assert calls[8].machine[0]["findings"][0]["status"] == "confirmed"  # inputs unchanged
