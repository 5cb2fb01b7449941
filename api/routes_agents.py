"""Agents and their scorecards (JSON or CSV)."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.auth import Viewer, get_store
from api.responses import JSON
from qa.types import to_dict

__all__ = ["router", "scorecard_dict", "scorecard_csv", "sort_agents"]

router = APIRouter(prefix="/v1", tags=["agents"])

AGENT_SORTS = ("id", "name", "score", "calls", "scored", "last_call")


def sort_agents(
    agents: list[dict[str, Any]], sort: str = "id", descending: bool = False
) -> list[dict[str, Any]]:
    """Agents ordered by a column; agents without a value (no scored calls) always come last."""
    key = {"score": "mean_score", "calls": "n_calls", "scored": "n_scored"}.get(sort, sort)
    have = [a for a in agents if a.get(key) is not None]
    missing = [a for a in agents if a.get(key) is None]
    have.sort(key=lambda a: (a[key], a["id"]), reverse=descending)
    return have + sorted(missing, key=lambda a: a["id"])


def scorecard_dict(card: Any) -> dict[str, Any]:
    """A scorecard as JSON: period as from/to, the trend as a list of {week, mean_score}."""
    out = to_dict(card)
    period = out.pop("period", ["", ""])
    out["period"] = {"from": period[0] or None, "to": period[1] or None}
    out["trend"] = [{"week": w, "mean_score": m} for w, m in (out.get("trend") or [])]
    return out


_CSV_COLUMNS = (
    "agent_id", "from", "to", "item", "results", "judged", "passed", "pass_rate",
    "mean_score", "findings", "team_pass_rate", "confirmed_findings", "review_findings",
    "needs_review", "flagged_excluded",
)  # fmt: skip


def scorecard_csv(card: dict[str, Any], part: str = "items") -> str:
    """CSV of one scorecard part: ``items`` (one row per rubric item plus an ``overall`` row,
    which also counts the calls flagged ``needs_review`` and says whether they were left out),
    ``trend`` (week, mean score) or ``worst`` (the lowest-scoring calls)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    agent, period = card["agent_id"], card["period"]
    if part == "trend":
        w.writerow(("agent_id", "week", "mean_score"))
        for row in card["trend"]:
            w.writerow((agent, row["week"], row["mean_score"]))
    elif part == "worst":
        w.writerow(("agent_id", "call_id", "score", "call_time", "findings", "review_findings"))
        for row in card.get("worst") or ():
            found = row.get("findings") or ()
            w.writerow(
                (
                    agent,
                    row["call_id"],
                    row["score"],
                    row.get("call_time") or "",
                    len(found),
                    sum(1 for f in found if f.get("status") == "review"),
                )
            )
    else:
        w.writerow(_CSV_COLUMNS)
        w.writerow(
            (agent, period["from"] or "", period["to"] or "", "overall", card["n_calls"],
             card.get("n_scored", ""), "", "", card["mean_score"] if card["mean_score"] is not None else "",
             "", "", "", "", card.get("n_flagged", 0), str(bool(card.get("exclude_flagged"))).lower())
        )  # fmt: skip
        for item, st in sorted((card.get("per_rubric") or {}).items()):
            w.writerow(
                (agent, period["from"] or "", period["to"] or "", item, st.get("n", ""), st.get("counted", ""),
                 st.get("passed", ""), _blank(st.get("pass_rate")), _blank(st.get("mean_score")),
                 st.get("findings", ""), _blank(st.get("team_pass_rate")),
                 st.get("confirmed_findings", ""), st.get("review_findings", ""), "", "")
            )  # fmt: skip
    return buf.getvalue()


def _blank(v: Any) -> Any:
    return "" if v is None else v


@router.get(
    "/agents",
    summary="Agents with calls, scored calls, mean score and last call",
    response_class=JSON,
    response_model=dict[str, Any],
)
def list_agents(
    request: Request,
    _who: Viewer,
    sort: Annotated[Literal[AGENT_SORTS], Query()] = "id",  # type: ignore[valid-type]
    order: Annotated[Literal["asc", "desc"], Query()] = "asc",
) -> JSON:
    agents = sort_agents(
        [a.to_dict() for a in get_store(request).calls.agents()], sort, order == "desc"
    )
    return JSON({"items": agents, "total": len(agents)})


@router.get("/agents/{agent_id}", summary="One agent")
def get_agent(agent_id: str, request: Request, _who: Viewer) -> dict[str, Any]:
    return get_store(request).calls.get_agent(agent_id).to_dict()


@router.get(
    "/agents/{agent_id}/scorecard",
    summary="An agent's scorecard: per-item pass rates, weekly trend, team comparison, worst calls",
    response_class=JSON,
    response_model=dict[str, Any],
    responses={200: {"content": {"application/json": {}, "text/csv": {}}}},
)
def get_scorecard(
    agent_id: str,
    request: Request,
    _who: Viewer,
    date_from: Annotated[
        str | None, Query(alias="from", description="date or date-time (UTC)")
    ] = None,
    date_to: Annotated[
        str | None, Query(alias="to", description="date (whole day) or date-time")
    ] = None,
    worst: Annotated[int, Query(ge=0, le=50)] = 5,
    team_rates: Annotated[
        bool, Query(description="also each item's team pass rate (slower)")
    ] = False,
    exclude_flagged: Annotated[
        bool, Query(description="leave calls flagged needs_review out of means and pass rates")
    ] = False,
    format: Annotated[Literal["json", "csv"], Query()] = "json",
    part: Annotated[Literal["items", "trend", "worst"], Query(description="CSV only")] = "items",
) -> Any:
    card = scorecard_dict(
        get_store(request).scorecards.get(
            agent_id,
            date_from=date_from,
            date_to=date_to,
            worst=worst,
            team_rates=team_rates,
            exclude_flagged=exclude_flagged,
        )
    )
    if format == "csv":
        name = f"scorecard-{agent_id}-{part}.csv".replace('"', "")
        return Response(
            scorecard_csv(card, part),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    return JSON(card)
