"""ORM rows to records: the one place that decides how a stored row is shown."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from qa.rubrics import current_outcome
from qa.store.filters import round_or_none
from qa.store.records import (
    AgentInfo,
    ApiKeyInfo,
    CallColumns,
    CallDetail,
    CallEdit,
    CallSummary,
    JobInfo,
    RecordingRef,
    ScoreDetail,
    ScoreSummary,
    TranscriptInfo,
)
from qa.store.schema import Agent, ApiKey, CallRow, Job, Recording, ScoreRow, Transcript

__all__ = [
    "agent_info",
    "call_summary",
    "call_detail",
    "score_summary",
    "stored_results",
    "job_info",
    "api_key_info",
]


def stored_results(results: Sequence[Mapping[str, Any]] | None) -> list[dict[str, Any]]:
    """Stored rubric results as clients see them: every finding with its ``status`` (results
    stored before findings had one were scored with every finding counted: ``confirmed``;
    an outcome the item has since renamed under its current name)."""
    out = []
    for r in results or ():
        findings = [
            {**f, "status": f.get("status") or "confirmed"} for f in r.get("findings") or ()
        ]
        row = {**r, "findings": findings}
        if "outcome" in r and "rubric" in r:  # a renamed outcome under its current name
            row["outcome"] = current_outcome(str(r["rubric"]), str(r["outcome"]))
        out.append(row)
    return out


def agent_info(a: Agent) -> AgentInfo:
    return AgentInfo(
        id=a.id,
        name=a.name,
        n_calls=a.n_calls,
        n_scored=a.n_scored,
        mean_score=round_or_none(a.score_sum / a.n_valued) if a.n_valued else None,
        last_call=a.last_call,
        created=a.created,
        team=a.team_id,
    )


def _call_columns(c: CallRow) -> dict[str, Any]:
    """The call row's columns every view of a call shows (all but ``score``: a summary's
    number, a detail's record)."""
    own = {f.name: getattr(c, f.name) for f in dataclasses.fields(CallColumns)}
    return {
        **own,
        "rubric_version": c.rubric_version,
        "scored_at": c.scored_at,
        "needs_review": c.needs_review,
        "review_score": c.review_score,
        "reviewed_at": c.reviewed_at,
    }


def call_summary(c: CallRow) -> CallSummary:
    return CallSummary(**_call_columns(c), score=c.score)


def _score_columns(s: ScoreRow) -> dict[str, Any]:
    quality = s.quality
    return {
        "id": s.id,
        "rubric_version": s.rubric_version,
        "labeller_version": s.labeller_version,
        "score": s.score,
        "capped_by": tuple(s.capped_by or ()),
        "created": s.created,
        "needs_review": bool(quality.get("needs_review")) if quality else None,
    }


def score_summary(s: ScoreRow) -> ScoreSummary:
    return ScoreSummary(**_score_columns(s))


def call_detail(
    c: CallRow,
    rec: Recording | None,
    transcript: Transcript | None,
    history: Sequence[ScoreRow],
    data_dir: Path,
    *,
    edits: Sequence[CallEdit] = (),
) -> CallDetail:
    """A call with the recording it serves (``rec``: that row, if there is one: its redacted
    copy when the audio was redacted, else the original), newest transcript and
    score ``history`` (newest first; the current score is the row ``c.score_id`` names)."""
    current = next((h for h in history if h.id == c.score_id), None)
    t = transcript
    return CallDetail(
        **_call_columns(c),
        score=None
        if current is None
        else ScoreDetail(
            **_score_columns(current),
            results=tuple(stored_results(current.results)),
            quality=dict(current.quality) if current.quality else None,
        ),
        meta=dict(c.meta or {}),
        recording=RecordingRef(
            sha256=rec.sha256 if rec else c.recording_sha256,
            size=rec.size if rec else None,
            filename=rec.filename if rec else "",
            content_type=rec.content_type if rec else "",
            path=str(data_dir / rec.path) if rec else None,
        ),
        transcript=None
        if t is None
        else TranscriptInfo(
            id=t.id,
            version=t.version,
            utterances=tuple(t.utterances),
            meta=dict(t.meta or {}),
            created=t.created,
        ),
        history=tuple(score_summary(h) for h in history),
        edits=tuple(edits),
    )


def job_info(j: Job) -> JobInfo:
    return JobInfo(
        id=j.id,
        kind=j.kind,
        status=j.status,
        progress=round(float(j.progress or 0.0), 2),
        error=j.error,
        call_id=j.call_id,
        payload=dict(j.payload or {}),
        attempts=j.attempts,
        worker=j.worker,
        created=j.created,
        updated=j.updated,
    )


def api_key_info(k: ApiKey, teams: Sequence[str] = ()) -> ApiKeyInfo:
    return ApiKeyInfo(
        id=k.id,
        prefix=k.prefix,
        role=k.role,
        label=k.label,
        created=k.created,
        revoked=k.revoked,
        teams=tuple(teams),
    )
