"""Teams (admins manage them; a key bound to teams lists only its own)."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import Admin, StoreDep, Viewer
from api.errors import error_responses
from api.models import NewTeam, TeamList, TeamPublic

__all__ = ["router"]

router = APIRouter(
    prefix="/v1/teams", tags=["teams"], responses=error_responses(401, 403, 404, 422)
)


@router.get("", summary="Teams with their number of agents (a bound key: its own teams)")
def list_teams(store: StoreDep, who: Viewer) -> TeamList:
    items = [TeamPublic.model_validate(t) for t in store.teams.list(teams=who.team_scope)]
    return TeamList(items=items)


@router.post("", status_code=201, summary="Create a team (or rename an existing one)")
def create_team(body: NewTeam, store: StoreDep, who: Admin) -> TeamPublic:
    store.teams.create(body.id, name=body.name or None, by=who.actor)
    return TeamPublic.model_validate(store.teams.get(body.id))
