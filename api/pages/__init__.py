"""The web pages: server-rendered HTML for supervisors and QA leads (no build step).

Pages: sign-in (paste an API key; it is kept in an HTTP-only cookie), the agents list (sortable
by score, calls and pass rates), an agent's scorecard (weekly trend as inline SVG, per-item pass
rates, worst calls with links to their evidence), the calls list, a call (transcript by role with
the findings highlighted, an audio player that jumps to a finding when it is clicked, the rubric
results with their evidence, an "Edit details" form for QA leads and admins and "Delete call"
for admins), the upload form, the review queue and the agreement report (QA leads and admins),
the audit log (admins) and the display zone (:mod:`~api.pages.timezone`). A key bound to teams
sees only those teams' agents and calls.

One module per page group (:mod:`~api.pages.signin`, :mod:`~api.pages.agents`,
:mod:`~api.pages.calls`, :mod:`~api.pages.erase`, :mod:`~api.pages.upload`,
:mod:`~api.pages.review_queue`, :mod:`~api.pages.agreement`, :mod:`~api.pages.audit`,
:mod:`~api.pages.static`), with
:mod:`~api.pages.render` (templates, error pages), :mod:`~api.pages.filters` (how values are
written), :mod:`~api.pages.charts` (SVG geometry) and :mod:`~api.pages.transcript`
(highlighting). Handlers read the :class:`~qa.store.Store` and resolve the caller with the API's
own dependencies (:mod:`api.deps`); rubric titles and outcomes come from the rubric registry. A
page request without a valid key is sent to the sign-in page; every other problem is an HTML page
with a readable message and the status :func:`api.errors.problem_for` gives it. The browser talks
to the JSON API only for uploads and job progress. Everything the pages need (CSS, JavaScript,
icon) is served from ``/static``: nothing comes from a CDN.
"""

from __future__ import annotations

from fastapi import APIRouter

from api.pages import (
    agents,
    agreement,
    audit,
    calls,
    erase,
    review_queue,
    signin,
    static,
    timezone,
    upload,
)
from api.pages.charts import trend_chart
from api.pages.transcript import transcript_view

__all__ = ["router", "trend_chart", "transcript_view"]

router = APIRouter()
for _module in (
    signin,
    static,
    agents,
    calls,
    erase,
    upload,
    review_queue,
    agreement,
    audit,
    timezone,
):
    router.include_router(_module.router)
