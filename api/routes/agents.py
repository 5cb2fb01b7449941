"""Agents and their scorecards (JSON or CSV)."""

from __future__ import annotations

import io
from datetime import UTC, tzinfo
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.deps import Admin, DateFrom, DateTo, StoreDep, TzQuery, Viewer, query_zone
from api.errors import error_responses
from api.models import AgentList, AgentPublic, AgentTeam, ScorecardPublic, json_body
from api.responses import JSON, content_disposition, localize
from qa import csvsafe

__all__ = ["router", "scorecard_csv", "sort_agents"]

router = APIRouter(
    prefix="/v1/agents", tags=["agents"], responses=error_responses(401, 403, 404, 422)
)

AGENT_SORTS = ("id", "name", "score", "calls", "scored", "last_call")


def sort_agents(
    agents: list[AgentPublic], sort: str = "id", descending: bool = False
) -> list[AgentPublic]:
    """Agents ordered by a column, ties by id (in the same direction); agents without a value
    (no scored calls) always come last, by id."""
    key = {"score": "mean_score", "calls": "n_calls", "scored": "n_scored"}.get(sort, sort)
    have = [a for a in agents if getattr(a, key) is not None]
    missing = [a for a in agents if getattr(a, key) is None]
    have.sort(key=lambda a: (getattr(a, key), a.id), reverse=descending)
    return have + sorted(missing, key=lambda a: a.id)


_CSV_COLUMNS = (
    "agent_id", "from", "to", "item", "results", "judged", "passed", "pass_rate",
    "mean_score", "findings", "team_pass_rate", "confirmed_findings", "review_findings",
    "needs_review", "flagged_excluded",
)  # fmt: skip


def scorecard_csv(card: ScorecardPublic, part: str = "items", zone: tzinfo = UTC) -> str:
    """CSV of one scorecard part: ``items`` (one row per rubric item plus an ``overall`` row,
    which also counts the calls flagged ``needs_review`` and says whether they were left out),
    ``trend`` (week, mean score, calls) or ``worst`` (the lowest-scoring calls, by the reviewed
    score where there is one: ``score`` is the machine's, ``review_score`` the reviewed one; call
    times in ``zone``, with their offset: ``2026-03-02 08:05:00+08:00``)."""
    buf = io.StringIO()
    w = csvsafe.writer(buf, lineterminator="\n")
    agent = card.agent_id
    start, end = card.period.from_ or "", card.period.to or ""
    if part == "trend":
        w.writerow(("agent_id", "week", "mean_score", "n_calls"))
        for point in card.trend:
            w.writerow((agent, point.week, point.mean_score, _blank(point.n_calls)))
    elif part == "worst":
        w.writerow(
            ("agent_id", "call_id", "score", "call_time", "findings", "review_findings",
             "review_score")
        )  # fmt: skip
        for row in card.worst:
            found = row.findings
            w.writerow(
                (
                    agent,
                    row.call_id,
                    row.score,
                    str(row.call_time.astimezone(zone)) if row.call_time else "",
                    len(found),
                    sum(1 for f in found if f.get("status") == "review"),
                    _blank(row.review_score),
                )
            )
    else:
        w.writerow(_CSV_COLUMNS)
        w.writerow(
            (agent, start, end, "overall", card.n_calls, card.n_scored, "", "",
             _blank(card.mean_score), "", "", "", "", card.n_flagged, str(card.exclude_flagged).lower())
        )  # fmt: skip
        for item, st in sorted(card.per_rubric.items()):
            w.writerow(
                (agent, start, end, item, st.n, st.counted, st.passed, _blank(st.pass_rate),
                 _blank(st.mean_score), st.findings, _blank(st.team_pass_rate),
                 st.confirmed_findings, st.review_findings, "", "")
            )  # fmt: skip
    return buf.getvalue()


def _blank(v: Any) -> Any:
    return "" if v is None else v


@router.get(
    "",
    summary="Agents with calls, scored calls, mean score and last call",
    response_class=JSON,
    response_model=AgentList,
)
def list_agents(
    store: StoreDep,
    who: Viewer,
    sort: Annotated[Literal[AGENT_SORTS], Query()] = "id",  # type: ignore[valid-type]
    order: Annotated[Literal["asc", "desc"], Query()] = "asc",
    tz: TzQuery = None,
) -> JSON:
    agents = sort_agents(
        [AgentPublic.model_validate(a) for a in store.calls.agents(teams=who.team_scope)],
        sort,
        order == "desc",
    )
    body = json_body(AgentList(items=agents, total=len(agents)))
    return JSON(localize(body, query_zone(tz)))


@router.get("/{agent_id}", summary="One agent")
def get_agent(agent_id: str, store: StoreDep, who: Viewer) -> AgentPublic:
    return AgentPublic.model_validate(store.calls.get_agent(agent_id, teams=who.team_scope))


@router.put(
    "/{agent_id}/team",
    summary="Put an agent in a team (admins; an unknown agent is created with no calls)",
)
def set_agent_team(agent_id: str, body: AgentTeam, store: StoreDep, who: Admin) -> AgentPublic:
    store.teams.assign(agent_id, body.team, by=who.actor)
    return AgentPublic.model_validate(store.calls.get_agent(agent_id))


@router.get(
    "/{agent_id}/scorecard",
    summary="An agent's scorecard: per-item pass rates, weekly trend, team comparison, worst calls",
    response_class=JSON,
    response_model=ScorecardPublic,
    responses={200: {"content": {"application/json": {}, "text/csv": {}}}},
)
def get_scorecard(
    agent_id: str,
    store: StoreDep,
    who: Viewer,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    worst: Annotated[int, Query(ge=0, le=50)] = 5,
    team_rates: Annotated[
        bool, Query(description="also each item's team pass rate (slower)")
    ] = False,
    exclude_flagged: Annotated[
        bool, Query(description="leave calls flagged needs_review out of means and pass rates")
    ] = False,
    format: Annotated[Literal["json", "csv"], Query()] = "json",
    part: Annotated[Literal["items", "trend", "worst"], Query(description="CSV only")] = "items",
    tz: TzQuery = None,
) -> Any:
    zone = query_zone(tz)
    card = ScorecardPublic.of(
        store.scorecards.get(
            agent_id,
            date_from=date_from,
            date_to=date_to,
            worst=worst,
            team_rates=team_rates,
            exclude_flagged=exclude_flagged,
            teams=who.team_scope,
            zone=zone,
        )
    )
    if format == "csv":
        name = content_disposition("attachment", f"scorecard-{agent_id}-{part}.csv")
        # A CSV is for people: its times are local (?tz=, else the site's zone).
        return Response(
            scorecard_csv(card, part, zone or store.timezone),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": name},
        )
    return JSON(localize(json_body(card), zone))
