"""The weekly trend chart's geometry."""

from __future__ import annotations

import pytest

from api.pages.charts import trend_chart


def test_trend_chart_places_weeks_by_date_and_scores_by_height():
    chart = trend_chart([("2026-W10", 20.0), ("2026-W11", 80.0), ("2026-W14", 50.0)], team_mean=50.0)
    xs = [p["x"] for p in chart["points"]]
    ys = [p["y"] for p in chart["points"]]
    # Weeks 10, 11, 14: the gap after week 11 is three times the first step.
    assert xs[0] == chart["left"] and xs[-1] == chart["right"]
    assert (xs[2] - xs[1]) == pytest.approx(3 * (xs[1] - xs[0]), abs=0.2)
    assert chart["top"] <= ys[1] < ys[2] < ys[0] <= chart["bottom"]
    assert chart["team"]["y"] == pytest.approx(ys[2])
    assert [p["cls"] for p in chart["points"]] == ["poor", "good", "fair"]
    one = trend_chart([("2026-W10", 70.0)])
    assert one["points"][0]["x"] == pytest.approx((one["left"] + one["right"]) / 2)
    assert trend_chart([]) is None
