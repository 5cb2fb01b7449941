"""The pages' charts, as geometry for inline SVG drawn by the templates (no script, no library).

:func:`trend_chart`: an agent's weekly mean score; :func:`timeline`: who spoke when in a call
and where its findings are.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from api.pages.filters import clock, rubric_title, score_class

__all__ = ["trend_chart", "timeline"]


def trend_chart(
    trend: Iterable[tuple[str, float] | tuple[str, float, int]], team_mean: float | None = None
) -> dict[str, Any] | None:
    """Geometry of the weekly mean-score chart (an inline SVG drawn by the template).

    Weeks are placed by their date, so a week without calls leaves a gap in the spacing; the
    y axis is the score scale 0–100. Each point carries ``n``, the calls its mean rests on
    (``None`` when the trend does not say), shown by the point. ``None`` when there is nothing
    to draw.
    """
    points = []
    for week, mean, *rest in trend:
        try:
            year, wk = str(week).split("-W")
            monday = date.fromisocalendar(int(year), int(wk), 1)
        except ValueError:
            continue
        points.append((monday, str(week), float(mean), int(rest[0]) if rest else None))
    if not points:
        return None
    width, height = 640, 220
    left, right, top, bottom = 40, 16, 14, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    first, last = points[0][0], points[-1][0]
    span = (last - first).days or 1

    def x_of(d: date) -> float:
        if first == last:
            return left + plot_w / 2
        return round(left + plot_w * (d - first).days / span, 1)

    def y_of(v: float) -> float:
        return round(top + plot_h * (1 - max(0.0, min(100.0, v)) / 100), 1)

    pts = [
        {
            "x": x_of(d),
            "y": y_of(v),
            "week": w,
            "value": round(v, 1),
            "cls": score_class(v),
            "n": n,
            "n_text": "" if n is None else f"{n} call" + ("" if n == 1 else "s"),
            # n above the point, or below it when the point is near the top of the plot.
            "n_y": y_of(v) - 10 if y_of(v) - 10 > top + 8 else y_of(v) + 18,
        }
        for d, w, v, n in points
    ]
    every = max(1, math.ceil(len(pts) / 8))
    labels = [
        {"x": p["x"], "text": p["week"], "anchor": "middle"}
        for i, p in enumerate(pts)
        if i % every == 0 or i == len(pts) - 1
    ]
    if len(labels) >= 2 and labels[-1]["x"] - labels[-2]["x"] < 70:
        labels.pop(-2)  # the last week's label always shows; drop a neighbour it would overlap
    # Labels at the plot's edges are anchored inwards, so they are not cut off.
    for label in labels:
        if label["x"] >= width - right - 30:
            label["anchor"] = "end"
        elif label["x"] <= left + 30:
            label["anchor"] = "start"
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": width - right,
        "top": top,
        "bottom": height - bottom,
        "grid": [{"y": y_of(v), "value": v} for v in (0, 25, 50, 75, 100)],
        "points": pts,
        "path": " ".join(f"{p['x']},{p['y']}" for p in pts),
        "labels": labels,
        "team": None if team_mean is None else {"y": y_of(team_mean), "value": round(team_mean, 1)},
    }


def timeline(
    utterances: list[Mapping[str, Any]], findings: list[Mapping[str, Any]], duration: float
) -> dict[str, Any] | None:
    """Who spoke when and where the findings are, in 0–1000 units of the call's length."""
    if duration <= 0:
        return None

    def x(t: float) -> float:
        return round(1000 * max(0.0, min(duration, t)) / duration, 2)

    lanes = {"agent": 6, "customer": 22}
    speech = [
        {"x": x(u["start"]), "w": max(0.6, x(u["end"]) - x(u["start"])), "y": lanes[u["role"]], "role": u["role"]}
        for u in utterances
    ]  # fmt: skip
    marks = [
        {
            "x": x(f["start"]),
            "w": max(4.0, x(f["end"]) - x(f["start"])),
            "rubric": f["rubric"],
            "start": f["start"],
            "review": bool(f.get("review")),
            "title": f"{rubric_title(f['rubric'])} at {clock(f['start'], True)}"
            + (" (for review)" if f.get("review") else ""),
        }
        for f in findings
    ]
    return {"speech": speech, "marks": marks}
