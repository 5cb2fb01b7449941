"""The upload form (QA leads and admins). The browser sends the file to the JSON API
(``POST /v1/calls``) and follows the job there."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from api.deps import SettingsDep, StoreDep, Viewer
from api.errors import role_name
from api.pages.render import page_router, render

__all__ = ["router"]

router = page_router()


@router.get("/upload")
def upload_page(request: Request, user: Viewer, store: StoreDep, settings: SettingsDep) -> Response:
    """The upload form (QA leads and admins); other roles get a page that says why not."""
    if not user.can_upload:
        return render(
            request,
            "error.html",
            {
                "title": "Uploading is for QA leads",
                "status": 403,
                "message": f"Your role ({role_name(user.role)}) can't upload calls. Ask a QA lead "
                "or an admin to upload recordings, or sign in with a QA lead key.",
            },
            user=user,
            status=403,
            nav="upload",
        )
    return render(
        request,
        "upload.html",
        {
            "agents": [a.id for a in store.calls.agents(teams=user.team_scope)],
            "teams": [t.id for t in store.teams.list(teams=user.team_scope)],
            "max_mb": settings.max_upload_bytes / (1024 * 1024),
            "max_bytes": settings.max_upload_bytes,
            "redaction": settings.redaction,
            "REDACT_MODES": (
                ("off", "Keep as said"),
                ("text", "Redact the transcript"),
                ("text+audio", "Redact the transcript and the audio"),
            ),
        },
        user=user,
        nav="upload",
    )
