"""API keys (admins only): create (the key is shown once), list, revoke; each change is an
audit entry naming the admin's key."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response

from api.deps import Admin, StoreDep
from api.errors import error_responses
from api.models import ApiKeyCreated, ApiKeyList, ApiKeyPublic, KeyTeams, NewKey
from qa.store import NotFound

__all__ = ["router"]

router = APIRouter(prefix="/v1/keys", tags=["keys"], responses=error_responses(401, 403, 404, 422))


@router.post("", status_code=201, summary="Create an API key (shown once), bound to teams or not")
def create_key(body: NewKey, store: StoreDep, who: Admin) -> ApiKeyCreated:
    key = store.keys.create(body.role, label=body.label, teams=body.teams, by=who.actor)
    info = next(k for k in reversed(store.keys.list()) if key.startswith(k.prefix))
    return ApiKeyCreated.model_validate({**info.to_dict(), "key": key})


@router.put("/{key_id}/teams", summary="Bind a key to exactly these teams (none: unscoped)")
def set_key_teams(
    key_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    body: KeyTeams,
    store: StoreDep,
    who: Admin,
) -> ApiKeyPublic:
    store.teams.bind_key(key_id, body.teams, by=who.actor)
    found = [k for k in store.keys.list() if k.id == key_id]
    if not found:
        raise NotFound(f"no API key {key_id}")
    return ApiKeyPublic.model_validate(found[0])


@router.get("", summary="API keys (never the keys themselves)")
def list_keys(store: StoreDep, _who: Admin) -> ApiKeyList:
    return ApiKeyList(items=[ApiKeyPublic.model_validate(k) for k in store.keys.list()])


@router.delete(
    "/{key_id}",
    status_code=204,
    summary="Revoke an API key",
    responses=error_responses(409, s409="The last admin key that is not revoked"),
)
def revoke_key(
    key_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    store: StoreDep,
    who: Admin,
) -> Response:
    store.keys.revoke(key_id, by=who.actor)
    return Response(status_code=204)
