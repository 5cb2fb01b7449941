"""The pages' CSS, JavaScript and icon, from ``api/static`` (nothing comes from a CDN)."""

from __future__ import annotations

import re

from fastapi.responses import FileResponse, Response

from api.errors import PageError
from api.pages.render import STATIC, STATIC_VERSIONS, page_router

__all__ = ["router"]

router = page_router()


@router.get("/static/{name}")
def static_file(name: str) -> Response:
    """CSS, JavaScript and the icon (only files that ship in ``api/static``)."""
    if name not in STATIC_VERSIONS or not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
        raise PageError(404, "Not found", f"no static file {name}")
    return FileResponse(
        STATIC / name,
        headers={"Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"},
    )
