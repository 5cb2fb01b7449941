"""API keys (admins only): create (the key is shown once), list, revoke."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response

from api.deps import Admin, StoreDep
from api.errors import error_responses
from api.models import ApiKeyCreated, ApiKeyList, ApiKeyPublic, NewKey

__all__ = ["router"]

router = APIRouter(prefix="/v1/keys", tags=["keys"], responses=error_responses(401, 403, 404, 422))


@router.post("", status_code=201, summary="Create an API key (shown once)")
def create_key(body: NewKey, store: StoreDep, _who: Admin) -> ApiKeyCreated:
    key = store.keys.create(body.role, label=body.label)
    info = next(k for k in reversed(store.keys.list()) if key.startswith(k.prefix))
    return ApiKeyCreated.model_validate({**info.to_dict(), "key": key})


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
    _who: Admin,
) -> Response:
    store.keys.revoke(key_id)
    return Response(status_code=204)
