"""The agents list (sortable by score, calls and pass rates) and an agent's scorecard (weekly
trend, per-item pass rates, worst calls with links to their evidence)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import datetime, timedelta, tzinfo
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import Query, Request
from fastapi.responses import Response

from api.deps import StoreDep, Viewer, page_zone
from api.errors import PageError
from api.pages.charts import trend_chart
from api.pages.filters import rubric_about, rubric_title
from api.pages.render import date_param, latest_job, page_router, render
from qa.rubrics import available, page_labels, passing_outcomes
from qa.timezones import zone_name

__all__ = ["router", "agent_columns"]

router = page_router()

_AGENT_SORT_KEYS = {"calls": "n_calls", "scored": "n_scored", "score": "mean_score"}


def agent_columns() -> tuple[tuple[str, str, bool], ...]:
    """The agents table's columns: (sort key, heading, numeric: first click sorts high to low);
    one pass-rate column per registered rubric item, headed by its column title."""
    return (
        ("id", "Agent", False),
        ("calls", "Calls", True),
        ("scored", "Scored", True),
        ("score", "Mean score", True),
        ("pass_rate", "Pass rate", True),
        *((f"rate:{name}", column, True) for name, (_, column, _) in page_labels().items()),
        ("last_call", "Last call", True),
    )


def _sort_rows(rows: list[dict[str, Any]], key: str, descending: bool) -> list[dict[str, Any]]:
    """Rows by one value; rows without a value always come last, ties by agent id."""
    have = [r for r in rows if r.get(key) is not None]
    missing = [r for r in rows if r.get(key) is None]
    have.sort(key=lambda r: r["id"])
    have.sort(key=lambda r: r[key], reverse=descending)
    return have + sorted(missing, key=lambda r: r["id"])


@router.get("/agents")
def agents_page(
    request: Request,
    user: Viewer,
    store: StoreDep,
    sort: Annotated[str, Query(max_length=64)] = "id",
    order: Annotated[str, Query(pattern="^(asc|desc)$")] = "asc",
) -> Response:
    all_columns = agent_columns()
    if sort not in {c[0] for c in all_columns}:
        sort = "id"
    names = available()
    scope = user.team_scope
    rates = store.scorecards.pass_counts_by_agent(teams=scope)
    rows = []
    for a in store.calls.agents(teams=scope):
        per = rates.get(a.id, {})
        passed = sum(p for p, _ in per.values())
        counted = sum(c for _, c in per.values())
        row = a.to_dict()
        row["pass_rate"] = passed / counted if counted else None
        for name in names:
            p, c = per.get(name, (0, 0))
            row[f"rate:{name}"] = p / c if c else None
        rows.append(row)
    rows = _sort_rows(rows, _AGENT_SORT_KEYS.get(sort, sort), order == "desc")
    columns = []
    for key, heading, numeric in all_columns:
        active = key == sort
        next_order = (
            ("asc" if order == "desc" else "desc") if active else ("desc" if numeric else "asc")
        )
        columns.append(
            {
                "key": key,
                "heading": heading,
                "title": rubric_title(key[5:]) + " pass rate"
                if key.startswith("rate:")
                else heading,
                "numeric": numeric,
                "active": active,
                "aria_sort": ("descending" if order == "desc" else "ascending") if active else None,
                "href": "/agents?" + urlencode({"sort": key, "order": next_order}),
            }
        )
    return render(
        request,
        "agents.html",
        {"agents": rows, "columns": columns, "sort": sort, "order": order, "rubric_names": names},
        user=user,
        nav="agents",
    )


def _period_links(agent_id: str, zone: tzinfo) -> list[dict[str, str]]:
    today = datetime.now(zone).date()
    base = f"/agents/{quote(agent_id, safe='')}"
    out = [{"label": "All time", "href": base, "from": "", "to": ""}]
    for days in (7, 30, 90):
        start = (today - timedelta(days=days - 1)).isoformat()
        out.append(
            {
                "label": f"Last {days} days",
                "href": f"{base}?" + urlencode({"from": start}),
                "from": start,
                "to": "",
            }
        )
    return out


@router.get("/agents/{agent_id}")
def scorecard_page(
    agent_id: str,
    request: Request,
    user: Viewer,
    store: StoreDep,
    date_from: Annotated[str | None, Query(alias="from", max_length=32)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=32)] = None,
    exclude_flagged: Annotated[bool, Query()] = False,
) -> Response:
    scope = user.team_scope
    zone = page_zone(request)
    agent = store.calls.get_agent(agent_id, teams=scope)
    lo, hi = date_param(date_from, "from"), date_param(date_to, "to")
    if lo and hi and lo > hi:
        raise PageError(422, "That period can't be shown", f"from ({lo}) is after to ({hi})")
    card = store.scorecards.get(
        agent_id,
        date_from=lo,
        date_to=hi,
        worst=5,
        team_rates=True,
        exclude_flagged=exclude_flagged,
        teams=scope,
        zone=zone,
    )
    passing = passing_outcomes()
    registered = available()
    names = [n for n in registered if n in card.per_rubric] + sorted(
        n for n in card.per_rubric if n not in registered
    )
    items = []
    for name in names:
        st = card.per_rubric[name]
        items.append(
            {
                "name": name,
                "title": rubric_title(name),
                "about": rubric_about(name),
                **dataclasses.asdict(st),
                "outcomes": [
                    {"outcome": o, "n": n, "good": o in passing}
                    for o, n in (st.outcomes or {}).items()
                ],
            }
        )
    worst = []
    for w in card.worst:
        # The strongest evidence against the call first (a passed item's evidence is praise).
        findings = sorted(
            (f for f in w.findings if f.get("outcome") not in passing), key=_evidence_weight
        )
        worst.append({**w.to_dict(), "n_findings": len(w.findings), "top": findings[:3]})
    recent, total = store.calls.list(
        agent=agent_id,
        date_from=lo,
        date_to=hi,
        needs_review=False if exclude_flagged else None,
        limit=10,
        teams=scope,
        zone=zone,
    )
    jobs = {c.id: latest_job(store, c.id) for c in recent if c.score is None}
    query = {k: v for k, v in (("from", lo), ("to", hi)) if v}
    if exclude_flagged:
        query["exclude_flagged"] = "true"
    calls_query = {"agent": agent_id, **{k: v for k, v in query.items() if k != "exclude_flagged"}}
    return render(
        request,
        "scorecard.html",
        {
            "agent": agent,
            "card": card,
            "items": items,
            "worst": worst,
            "chart": trend_chart(card.trend, card.team_mean),
            "recent": recent,
            "recent_total": total,
            "jobs": jobs,
            "period_from": lo or "",
            "period_to": hi or "",
            "periods": _period_links(agent_id, zone),
            "csv_query": urlencode({**query, "format": "csv", "tz": zone_name(zone)}),
            "calls_query": urlencode(calls_query),
            "flagged_query": urlencode({**calls_query, "needs_review": "true"}),
            "exclude_flagged": exclude_flagged,
        },
        user=user,
        nav="agents",
    )


def _evidence_weight(f: Mapping[str, Any]) -> tuple[bool, float, float]:
    # Confirmed findings first: a finding for review carries no penalty.
    weight = float(f.get("weight") or 1.0) * float(f.get("confidence") or 0.0)
    return f.get("status") == "review", -weight, float(f.get("start") or 0.0)
