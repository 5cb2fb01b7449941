"""The calls list (filtered, paginated) and a call: the transcript by role with the findings
highlighted, an audio player that jumps to a finding when it is clicked, the rubric results
with their evidence."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Query, Request
from fastapi.responses import Response

from api.deps import StoreDep, Viewer, page_zone
from api.pages.charts import timeline
from api.pages.filters import LANGUAGES, clock, rubric_about, rubric_title, words
from api.pages.render import date_param, latest_job, page_router, paging, render
from api.pages.transcript import transcript_view
from qa.review.effective import judged, reviewed_item
from qa.review.model import ItemVerdict
from qa.rubrics import available, outcome_choices, outcomes, passing_outcomes

__all__ = ["router", "results_view", "CALLS_PER_PAGE"]

CALLS_PER_PAGE = 50

router = page_router()


@router.get("/calls")
def calls_page(
    request: Request,
    user: Viewer,
    store: StoreDep,
    agent: Annotated[str | None, Query(max_length=128)] = None,
    date_from: Annotated[str | None, Query(alias="from", max_length=32)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=32)] = None,
    outcome: Annotated[str | None, Query(max_length=80)] = None,
    needs_review: Annotated[str | None, Query(pattern="^(|true|false)$")] = None,
    findings: Annotated[str | None, Query(pattern="^(|review)$")] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    agent = (agent or "").strip() or None
    outcome = (outcome or "").strip() or None
    needs_review = needs_review or None
    findings = findings or None
    lo, hi = date_param(date_from, "from"), date_param(date_to, "to")
    scope = user.team_scope
    rows, total = store.calls.list(
        agent=agent,
        date_from=lo,
        date_to=hi,
        outcome=outcome,
        needs_review=None if needs_review is None else needs_review == "true",
        findings=findings,
        limit=CALLS_PER_PAGE,
        offset=(page - 1) * CALLS_PER_PAGE,
        teams=scope,
        zone=page_zone(request),
    )
    jobs = {c.id: latest_job(store, c.id) for c in rows if c.score is None}
    return render(
        request,
        "calls.html",
        {
            "calls": rows,
            "total": total,
            "jobs": jobs,
            "agents": [a.id for a in store.calls.agents(teams=scope)],
            "outcomes": outcome_choices(),
            **paging(
                "/calls",
                (
                    ("agent", agent),
                    ("from", lo),
                    ("to", hi),
                    ("outcome", outcome),
                    ("needs_review", needs_review),
                    ("findings", findings),
                ),
                page,
                total,
                CALLS_PER_PAGE,
            ),
        },
        user=user,
        nav="calls",
    )


def _finding_sort_key(f: Mapping[str, Any]) -> tuple[float, float]:
    return float(f.get("start") or 0.0), float(f.get("end") or 0.0)


def _metric_text(value: Any, is_time: bool = False) -> str | None:
    if is_time and isinstance(value, (int, float)) and not isinstance(value, bool):
        return clock(value, True)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str):
        return value if len(value) <= 60 else None
    if (
        isinstance(value, (list, tuple))
        and len(value) == 2
        and all(isinstance(v, (int, float)) for v in value)
    ):
        return f"{clock(value[0], True)}–{clock(value[1], True)}"
    return None


def _stem(name: str) -> frozenset[str]:
    """A metric or finding kind's words without plural ``s``: ``vague_offers`` and
    ``vague_offer`` (or ``bookings_confirmed`` and ``booking_confirmed``) are the same thing."""
    return frozenset(w.removesuffix("s") for w in str(name).split("_") if w)


def _counted_text(key: str, value: Any, findings: list[dict[str, Any]]) -> str | None:
    """A count metric that the card's findings list only in part (an item lists its clearest
    few), labelled with how many are listed, so the count and the list agree."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    listed = sum(1 for f in findings if _stem(f.get("kind") or "") == _stem(key))
    if listed and listed < value:
        return f"{value} ({listed} clearest listed below)"
    return None


def _result_status(outcome: str, score: Any) -> str:
    """good: a pass outcome; fair/poor: a miss scoring at least / under 50; none: not judged."""
    if score is None:
        return "none"
    if outcome in passing_outcomes():
        return "good"
    return "fair" if float(score) >= 50 else "poor"


def _review_view(r: Mapping[str, Any], verdict: ItemVerdict | None) -> dict[str, Any] | None:
    """What a card shows of the human verdict on its item: the reviewed outcome and sub-score,
    the findings added (``None`` when nobody judged the item)."""
    if not judged(verdict):
        return None
    assert verdict is not None
    item = reviewed_item(r, verdict)
    return {
        "outcome": item.outcome,
        "outcome_text": words(item.outcome),
        "score": item.score,
        "status": _result_status(item.outcome, item.score),
        "set": verdict.outcome is not None,
        "added": [
            {"start": a.start, "end": a.end, "quote": a.quote, "kind_text": words(a.kind)}
            for a in verdict.added
        ],
        "at": verdict.reviewed_at,
    }


def results_view(
    results: list[Mapping[str, Any]],
    verdicts: Mapping[str, ItemVerdict] | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The rubric results as cards (canonical item order) and every finding, in time order;
    with ``verdicts``, each card says how it was reviewed and each finding whether it was
    judged wrong or right."""
    verdicts = verdicts or {}
    order = {n: i for i, n in enumerate(available())}
    passing = passing_outcomes()
    cards, flat = [], []
    for r in sorted(results, key=lambda r: order.get(str(r.get("rubric")), len(order))):
        name = str(r.get("rubric") or "")
        score = r.get("score")
        outcome = str(r.get("outcome") or "")
        verdict = verdicts.get(name)
        findings = []
        for i, f in enumerate(r.get("findings") or []):
            start = float(f.get("start") or 0.0)
            end = max(start, float(f.get("end") or start))
            view = {
                **f,
                "start": start,
                "end": end,
                "rubric": name,
                "dom_id": f"f-{name}-{i}",
                "kind_text": words(f.get("kind")),
                "confidence": float(
                    f.get("confidence") if f.get("confidence") is not None else 1.0
                ),
                "good": outcome in passing,
                "review": f.get("status") == "review",
                "index": i,
                "wrong": verdict is not None and i in verdict.wrong,
                "right": verdict is not None and i in verdict.right,
            }
            findings.append(view)
            flat.append(view)
        metrics = [
            (words(k), _counted_text(k, v, findings) or t)
            for k, v in (r.get("metrics") or {}).items()
            if (t := _metric_text(v, is_time=str(k).endswith("_at")))
        ]
        cards.append(
            {
                "rubric": name,
                "title": rubric_title(name),
                "about": rubric_about(name),
                "outcome": outcome,
                "outcome_text": words(outcome),
                "status": _result_status(outcome, score),
                "score": score,
                "note": r.get("note") or "",
                "confidence": r.get("confidence"),
                "findings": sorted(findings, key=_finding_sort_key),
                "n_review": sum(1 for f in findings if f["review"]),
                "metrics": metrics,
                "version": r.get("version") or "",
                "reviewed": _review_view(r, verdict),
                "choices": [(o, words(o)) for o in _outcomes_of(name)],
            }
        )
    return cards, sorted(flat, key=_finding_sort_key)


def _outcomes_of(name: str) -> tuple[str, ...]:
    try:
        return outcomes(name)
    except Exception:  # an item no longer registered: nothing to choose from
        return ()


def _redaction_view(
    call_meta: Mapping[str, Any], transcript_meta: Mapping[str, Any]
) -> dict[str, Any] | None:
    """What the call page says about redaction: ``None`` when the transcript is not redacted,
    else whether the audio is too and how many spans of each entity were removed."""
    red = transcript_meta.get("redaction")
    if not isinstance(red, Mapping):
        return None
    site = call_meta.get("redaction") if isinstance(call_meta.get("redaction"), Mapping) else {}
    counts = red.get("counts") if isinstance(red.get("counts"), Mapping) else {}
    return {
        "mode": red.get("mode"),
        "audio": bool(site.get("audio")),
        "counts": sorted((str(k), int(v)) for k, v in counts.items()),
    }


@router.get("/calls/{call_id}")
def call_page(call_id: str, request: Request, user: Viewer, store: StoreDep) -> Response:
    call = store.calls.get(call_id, teams=user.team_scope)
    score = call.score
    transcript = call.transcript
    verdicts = store.reviews.verdicts(call_id)
    cards, findings = results_view(list(score.results) if score else [], verdicts)
    disputes = store.reviews.disputes(call_id)
    utterances = list(transcript.utterances) if transcript else []
    tview = transcript_view(utterances, findings, call.language)
    duration = float(call.duration or 0.0) or max((u["end"] for u in tview), default=0.0)
    job = latest_job(store, call_id)
    rec = call.recording
    audio_ok = bool(rec.path) and Path(str(rec.path)).is_file()
    quality = (score.quality if score else None) or {}
    return render(
        request,
        "call.html",
        {
            "call": call,
            "score": score,
            "needs_review": bool(quality.get("needs_review")),
            "review_reasons": list(quality.get("reasons") or ()),
            "cards": cards,
            "findings": findings,
            "utterances": tview,
            "duration": duration,
            "timeline": timeline(tview, findings, duration),
            "job": job,
            "audio_url": f"/v1/calls/{quote(call_id, safe='')}/audio",
            "audio_ok": audio_ok,
            "language_name": LANGUAGES.get(call.language or "", call.language or ""),
            "agent_href": f"/agents/{quote(call.agent_id, safe='')}",
            "redaction": _redaction_view(call.meta, transcript.meta if transcript else {}),
            "can_review": bool(score) and user.can_review,
            "can_dispute": user.can_dispute,
            "reviews": store.reviews.for_call(call_id),
            "open_disputes": [d for d in disputes if d.resolved_at is None],
            "closed_disputes": [d for d in disputes if d.resolved_at is not None],
            "review_api": f"/v1/calls/{quote(call_id, safe='')}/reviews",
            "dispute_api": f"/v1/calls/{quote(call_id, safe='')}/disputes",
        },
        user=user,
        nav="calls",
    )
