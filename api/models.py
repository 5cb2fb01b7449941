"""What the API sends: one pydantic model per response body, built from the store's records.

Each model's fields are in the order the body lists them, so the OpenAPI document describes the
real responses and a body keeps its keys in the same order as before there were models. Two
renderings, as before:

- the busy read routes (``GET /v1/calls``, ``/v1/calls/{id}``, ``/v1/agents``, the scorecard)
  send :func:`json_body` of their model through :class:`api.responses.JSON` (dates and times as
  ``isoformat()``, e.g. ``+00:00``), skipping FastAPI's second validation and encoding pass;
- the others return the model and FastAPI encodes it (times in pydantic's JSON form, ``Z``).

The JSON payloads the store keeps as stored (utterances, rubric results, findings, metadata)
are ``dict[str, Any]`` here: their shape is the pipeline's (see ``qa.types.to_dict``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from qa.names import hide_paths
from qa.store import ROLES, AgentScorecard, CallDetail, JobInfo
from qa.types import to_dict

__all__ = [
    "ErrorBody",
    "RecordingPublic",
    "TranscriptPublic",
    "ScoreSummaryPublic",
    "ScorePublic",
    "CallJobPublic",
    "CallSummaryPublic",
    "CallPublic",
    "CallList",
    "UploadPublic",
    "AgentPublic",
    "AgentList",
    "RubricStatsPublic",
    "TrendPoint",
    "WorstCallPublic",
    "PeriodPublic",
    "ScorecardPublic",
    "JobPublic",
    "JobList",
    "ApiKeyPublic",
    "ApiKeyCreated",
    "ApiKeyList",
    "NewKey",
    "Health",
    "json_body",
]

Payload = dict[str, Any]


class _Public(BaseModel):
    """Read-only models that take their fields from records' attributes too."""

    model_config = ConfigDict(from_attributes=True, frozen=True)


def json_body(model: BaseModel) -> dict[str, Any]:
    """The model as plain data for :class:`api.responses.JSON` (field names as the API spells
    them; numbers, dates and times left as they are for that encoder)."""
    return model.model_dump(by_alias=True)


class ErrorBody(BaseModel):
    """Every error: a code (``not_found``, ``invalid_request`` …) and a message to act on."""

    error: str
    message: str


# --- calls --------------------------------------------------------------------------------------


class RecordingPublic(_Public):
    """The recording behind a call (never where the server keeps it)."""

    sha256: str
    size: int | None
    filename: str
    content_type: str


def _no_paths(cls: type, value: Any) -> Any:
    """Stored metadata and messages as clients see them: no server paths (see
    :func:`qa.names.hide_paths`)."""
    return hide_paths(value)


class TranscriptPublic(_Public):
    id: int
    version: str
    utterances: list[Payload]
    meta: Payload
    created: datetime

    _meta = field_validator("meta")(_no_paths)


class ScoreSummaryPublic(_Public):
    """One score in a call's history."""

    id: int
    rubric_version: str
    labeller_version: str
    score: float | None
    capped_by: list[str]
    created: datetime
    needs_review: bool | None


class ScorePublic(ScoreSummaryPublic):
    """The current score: every rubric result with its findings, and the quality record."""

    results: list[Payload]
    quality: Payload | None


class _CallColumns(_Public):
    id: str
    agent_id: str
    recording_sha256: str
    call_time: datetime
    queue: str | None
    customer_ref: str | None
    language_hint: str | None
    channel_layout: str | None
    duration: float | None
    language: str | None
    source: str | None
    created: datetime


class CallSummaryPublic(_CallColumns):
    """A call as lists show it; ``score`` is the current score's number."""

    score: float | None
    rubric_version: str | None
    scored_at: datetime | None
    needs_review: bool | None


class CallJobPublic(_Public):
    """The newest job of a call."""

    id: str
    status: str
    progress: float
    error: str | None
    updated: datetime

    _error = field_validator("error")(_no_paths)


class CallPublic(_CallColumns):
    """A call with its transcript, current score (with evidence), score history, the URL of
    its audio and its newest job."""

    score: ScorePublic | None
    rubric_version: str | None
    scored_at: datetime | None
    needs_review: bool | None
    meta: Payload
    recording: RecordingPublic
    transcript: TranscriptPublic | None
    history: list[ScoreSummaryPublic]
    audio_url: str
    job: CallJobPublic | None

    _meta = field_validator("meta")(_no_paths)

    @classmethod
    def of(cls, call: CallDetail, job: JobInfo | None) -> CallPublic:
        """The call as clients see it: no server paths; links to its audio."""
        return cls.model_validate(
            {
                **{name: getattr(call, name) for name in CallDetail.__dataclass_fields__},
                "audio_url": f"/v1/calls/{call.id}/audio",
                "job": job,
            }
        )


class CallList(BaseModel):
    """A page of calls, newest first; ``next_offset`` is ``None`` on the last page."""

    items: list[CallSummaryPublic]
    total: int
    limit: int
    offset: int
    next_offset: int | None


class UploadPublic(BaseModel):
    """An upload's call and job (``duplicate``: the same bytes were uploaded before)."""

    duplicate: bool
    call_id: str
    job_id: str | None
    status: str
    agent_id: str
    job_url: str | None
    call_url: str


# --- agents and scorecards ----------------------------------------------------------------------


class AgentPublic(_Public):
    """An agent with calls, scored calls, mean score and the time of the latest call."""

    id: str
    name: str
    n_calls: int
    n_scored: int
    mean_score: float | None
    last_call: datetime | None
    created: datetime


class AgentList(BaseModel):
    items: list[AgentPublic]
    total: int


class RubricStatsPublic(BaseModel):
    """One rubric item's figures in a scorecard (see :class:`qa.types.RubricStats`)."""

    n: int
    counted: int
    passed: int
    pass_rate: float | None
    mean_score: float | None
    outcomes: dict[str, int]
    findings: int
    confirmed_findings: int
    review_findings: int
    team_pass_rate: float | None


class TrendPoint(BaseModel):
    week: str = Field(description="ISO week, e.g. 2026-W10")
    mean_score: float
    n_calls: int | None = Field(description="the calls with a score that the mean rests on")


class WorstCallPublic(BaseModel):
    """One of the lowest-scoring calls, with every finding of its current score."""

    call_id: str
    score: float | None
    call_time: datetime
    findings: list[Payload]


class PeriodPublic(BaseModel):
    """The scorecard's period; ``None`` where it is open."""

    model_config = ConfigDict(populate_by_name=True)

    from_: str | None = Field(alias="from")
    to: str | None


class ScorecardPublic(BaseModel):
    """An agent's scorecard: per-item pass rates, weekly trend, team comparison, worst calls.
    Numbers are rounded to 6 decimals."""

    agent_id: str
    n_calls: int
    mean_score: float | None
    per_rubric: dict[str, RubricStatsPublic]
    trend: list[TrendPoint]
    worst_calls: list[str]
    n_scored: int
    team_mean: float | None
    team_n_calls: int
    worst: list[WorstCallPublic]
    n_flagged: int
    exclude_flagged: bool
    period: PeriodPublic

    @classmethod
    def of(cls, card: AgentScorecard) -> ScorecardPublic:
        """From the store's scorecard: period as from/to, the trend as {week, mean_score,
        n_calls}."""
        out = to_dict(card)
        start, end = out.pop("period", ["", ""])
        out["period"] = {"from": start or None, "to": end or None}
        out["trend"] = [
            {"week": p[0], "mean_score": p[1], "n_calls": p[2] if len(p) > 2 else None}
            for p in (out.get("trend") or [])
        ]
        return cls.model_validate(out)


# --- jobs and keys ------------------------------------------------------------------------------


class JobPublic(_Public):
    """A job's status, progress (0 to 1) and error; ``result`` is what it did (``scored`` …)."""

    id: str
    kind: str
    status: str
    progress: float
    error: str | None
    call_id: str | None
    attempts: int
    created: datetime
    updated: datetime
    result: Any
    call_url: str | None

    _error = field_validator("error", "result")(_no_paths)

    @classmethod
    def of(cls, job: JobInfo) -> JobPublic:
        return cls.model_validate(
            {
                **{name: getattr(job, name) for name in JobInfo.__dataclass_fields__},
                "result": (job.payload or {}).get("result"),
                "call_url": f"/v1/calls/{job.call_id}" if job.call_id else None,
            }
        )


class JobList(BaseModel):
    """Jobs, newest first, and how many there are in each status."""

    items: list[JobPublic]
    counts: dict[str, int]


class ApiKeyPublic(_Public):
    """An API key as it may be shown: its first characters, never the key."""

    id: int
    prefix: str
    role: str
    label: str
    created: datetime
    revoked: datetime | None


class ApiKeyCreated(ApiKeyPublic):
    """A new key: the only time the key itself is shown."""

    key: str


class ApiKeyList(BaseModel):
    items: list[ApiKeyPublic]


class NewKey(BaseModel):
    """The body of ``POST /v1/keys``."""

    role: Literal[ROLES]  # type: ignore[valid-type]
    label: str = Field(default="", max_length=256)


class Health(BaseModel):
    """Liveness: the database, the models loaded (seconds each took) and the job queue."""

    status: str
    database: str
    models: dict[str, float]
    job_workers: int
    jobs: dict[str, int]
