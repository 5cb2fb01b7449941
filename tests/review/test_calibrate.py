"""Calibration on synthetic reviews with known truth: thresholds move the right way."""

from __future__ import annotations

import pytest

from qa.config import ItemConfig, RubricConfig, load_rubric_config
from qa.review.agreement import judged_findings
from qa.review.calibrate import (
    calibratable_items,
    calibrate,
    calibrate_item,
    calibrated_config,
    calibrated_version,
    current_confirm_at,
    rubric_toml,
    select_threshold,
)
from tests.review.helpers import mfinding, reviewed

CONFIDENCES = (0.5, 0.6, 0.66, 0.69, 0.7, 0.75, 0.8, 0.9, 0.95)


def truth_split(n_calls: int = 20, boundary: float = 0.7, rubric: str = "arguing") -> list:
    """Every call has a finding at each confidence; those under ``boundary`` are marked wrong,
    the others right. Findings at or above the current point (0.6) are confirmed."""
    calls = []
    for n in range(n_calls):
        found = [
            mfinding(i, i + 0.5, c, "confirmed" if c >= 0.6 else "review")
            for i, c in enumerate(CONFIDENCES)
        ]
        wrong = tuple(i for i, c in enumerate(CONFIDENCES) if c < boundary)
        right = tuple(i for i, c in enumerate(CONFIDENCES) if c >= boundary)
        calls.append(reviewed(n, rubric, "arguing", found, human="arguing", wrong=wrong, right=right,
                              confirm_at_used=0.6))  # fmt: skip
    return calls


def test_the_items_with_an_operating_point():
    assert set(calibratable_items()) == {"interruption", "arguing", "last_word"}


def test_threshold_rises_to_the_truth_boundary_and_reaches_the_target():
    calls = truth_split()
    assert current_confirm_at(calls, "arguing") == 0.6
    cal = calibrate_item(calls, "arguing", 0.9)
    assert cal.reached and cal.changed
    assert cal.threshold >= 0.7  # every finding under 0.7 is wrong
    assert cal.threshold == 0.7  # the lowest that reaches it
    assert cal.cv_precision >= 0.9 and cal.precision == 1.0
    assert (cal.n_findings, cal.n_calls, cal.folds, cal.current) == (180, 20, 5, 0.6)


def test_threshold_falls_when_lower_findings_are_right_too():
    calls = truth_split(boundary=0.55)  # only the 0.5 findings are wrong
    cal = calibrate_item(calls, "arguing", 0.9)
    assert cal.reached and cal.threshold == 0.6 and cal.current == 0.6
    assert not cal.changed
    calls = truth_split(boundary=0.0)  # every finding right: the lowest confidence seen
    assert calibrate_item(calls, "arguing", 0.9).threshold == 0.5


def test_a_mixed_band_sets_the_lowest_point_whose_precision_holds():
    # Under 0.7: one finding in four right (precision 0.25); at and above 0.8 all right, at
    # 0.7-0.75 half right. Target 0.8: 0.7 gives (10+10+20+20+20)/(20·5)=0.8 on the whole set.
    calls = []
    for n in range(40):
        found = [mfinding(i, i + 0.5, c) for i, c in enumerate(CONFIDENCES)]
        right = [
            i
            for i, c in enumerate(CONFIDENCES)
            if c >= 0.8 or (c >= 0.7 and n % 2 == 0) or (c < 0.7 and n % 4 == 0)
        ]
        wrong = [i for i in range(len(CONFIDENCES)) if i not in right]
        calls.append(
            reviewed(
                n,
                "last_word",
                "last_word",
                found,
                human="last_word",
                wrong=tuple(wrong),
                right=tuple(right),
            )
        )
    found = [f for c in calls for f in judged_findings(c, "last_word")]
    assert select_threshold(found, 0.8) == 0.7
    assert select_threshold(found, 0.95) == 0.8
    cal = calibrate_item(calls, "last_word", 0.9)
    assert cal.reached and cal.threshold == 0.8 and cal.cv_precision == 1.0


def test_too_few_or_unreachable_keeps_the_value_and_says_why():
    few = truth_split(n_calls=1)
    cal = calibrate_item(few, "arguing", 0.9)
    assert not cal.reached and cal.threshold == 0.6 and "too few" in cal.reason
    bad = truth_split(boundary=2.0)  # every finding wrong
    cal = calibrate_item(bad, "arguing", 0.9)
    assert not cal.reached and cal.threshold == 0.6 and "no threshold" in cal.reason
    # Items without reviews are reported, not changed.
    cals = {c.rubric: c for c in calibrate(truth_split(), 0.9)}
    assert cals["arguing"].reached and not cals["interruption"].reached


def test_calibrated_configuration_round_trips_with_a_new_version(tmp_path):
    base = load_rubric_config()
    cals = calibrate(truth_split(), 0.9)
    version = calibrated_version(base.version, "20260310")
    assert version == f"{base.version}-cal20260310"
    assert calibrated_version(version, "20260311") == f"{base.version}-cal20260311"
    new = calibrated_config(base, cals, version)
    assert new.item("arguing").options["confirm_at"] == 0.7
    assert "confirm_at" not in new.item("interruption").options  # not reached: unchanged
    assert new.item("arguing").weight == base.item("arguing").weight
    path = tmp_path / "cal.toml"
    path.write_text(rubric_toml(new, ["calibrated by a test"]), encoding="utf-8")
    again = load_rubric_config(path)
    assert again.full_version == new.full_version != base.full_version
    assert again.quality == base.quality


def test_rubric_toml_writes_every_value_type(tmp_path):
    cfg = RubricConfig(
        version='odd "name"',
        items={
            "a b": ItemConfig(
                weight=2, options={"x": 1e-5, "flag": True, "names": ["p", "q"], "n": 3}
            )
        },
    )
    path = tmp_path / "x.toml"
    path.write_text(rubric_toml(cfg), encoding="utf-8")
    back = load_rubric_config(path)
    assert back.full_version == cfg.full_version
    assert back.item("a b").options == {
        "x": pytest.approx(1e-5),
        "flag": True,
        "names": ["p", "q"],
        "n": 3,
    }
