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
from qa.review.model import REVIEW_ACTIONS, HumanFinding, ItemVerdict, ReviewAction
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
    "CallEditPublic",
    "CallPatch",
    "DeletedCallPublic",
    "DuplicateBody",
    "AuditEntryPublic",
    "AuditList",
    "UploadPublic",
    "AgentPublic",
    "AgentList",
    "TeamPublic",
    "TeamList",
    "NewTeam",
    "AgentTeam",
    "KeyTeams",
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
    "ReviewActionIn",
    "ReviewBody",
    "DisputeBody",
    "ReviewPublic",
    "DisputePublic",
    "VerdictPublic",
    "ReviewAdded",
    "CallReviews",
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
    tz_offset: int | None = Field(
        description="the UTC offset (minutes east) the call time was given with; null: none"
    )


class CallSummaryPublic(_CallColumns):
    """A call as lists show it; ``score`` is the current score's number (the machine's),
    ``review_score`` the reviewed one (``None``: not reviewed), ``reviewed_at`` when."""

    score: float | None
    rubric_version: str | None
    scored_at: datetime | None
    needs_review: bool | None
    review_score: float | None
    reviewed_at: datetime | None


class CallJobPublic(_Public):
    """The newest job of a call."""

    id: str
    status: str
    progress: float
    error: str | None
    updated: datetime

    _error = field_validator("error")(_no_paths)


class CallEditPublic(_Public):
    """One correction of the call's metadata: when, by which key, and each changed field's
    old and new value."""

    id: int
    at: datetime
    key_id: int | None
    role: str | None
    changes: dict[str, dict[str, Any]]


class CallPublic(_CallColumns):
    """A call with its transcript, current score (with evidence), score history, the URL of
    its audio and its newest job."""

    score: ScorePublic | None
    rubric_version: str | None
    scored_at: datetime | None
    needs_review: bool | None
    review_score: float | None
    reviewed_at: datetime | None
    meta: Payload
    recording: RecordingPublic
    transcript: TranscriptPublic | None
    history: list[ScoreSummaryPublic]
    audio_url: str
    job: CallJobPublic | None
    edits: list[CallEditPublic]

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


class CallPatch(BaseModel):
    """The body of ``PATCH /v1/calls/{id}``: the fields to correct (left out: unchanged;
    ``queue``/``customer_ref`` ``null`` or ``""``: cleared)."""

    model_config = ConfigDict(extra="forbid")

    agent_id: str | None = Field(default=None, min_length=1, max_length=128)
    call_time: datetime | None = Field(default=None, description="ISO 8601; no offset: UTC")
    queue: str | None = Field(default=None, max_length=128)
    customer_ref: str | None = Field(default=None, max_length=256)

    @field_validator("agent_id", "call_time")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("may not be null")
        return value

    def changes(self) -> dict[str, Any]:
        """The fields the body gave, by name."""
        given = self.model_fields_set
        return {name: getattr(self, name) for name in type(self).model_fields if name in given}


class DeletedCallPublic(_Public):
    """A deleted call: whose it was, when, the rows of each kind deleted, and any recording
    file that could not be removed (the database is deleted whatever happens to files)."""

    call_id: str
    agent_id: str
    call_time: datetime
    counts: dict[str, int]
    files_left: int


class DuplicateBody(ErrorBody):
    """409: the recording is already another agent's call (``call_id``, ``agent_id``)."""

    call_id: str
    agent_id: str


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
    """An agent with calls, scored calls, mean score, the time of the latest call and its team
    (``null``: in no team)."""

    id: str
    name: str
    n_calls: int
    n_scored: int
    mean_score: float | None
    last_call: datetime | None
    created: datetime
    team: str | None


class TeamPublic(_Public):
    """A team and how many agents are in it."""

    id: str
    name: str
    created: datetime
    n_agents: int


class TeamList(BaseModel):
    items: list[TeamPublic]


class NewTeam(BaseModel):
    """The body of ``POST /v1/teams``."""

    id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    name: str = Field(default="", max_length=256)


class AgentTeam(BaseModel):
    """The body of ``PUT /v1/agents/{id}/team``: the team (``null``: none)."""

    team: str | None = Field(max_length=64)


class KeyTeams(BaseModel):
    """The body of ``PUT /v1/keys/{id}/teams``: the teams (empty: unscoped)."""

    teams: list[str] = Field(max_length=100)


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
    """One of the lowest-scoring calls (by the reviewed score where there is one), with every
    finding of its current score; ``score`` is the machine's, ``review_score`` the reviewed."""

    call_id: str
    score: float | None
    call_time: datetime
    findings: list[Payload]
    review_score: float | None = None


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


class AuditEntryPublic(_Public):
    """Who (key id and role; ``null``: the command line or the server) did what, to which
    object, when; ``detail`` never holds content (transcripts, audio, keys)."""

    id: int
    at: datetime
    key_id: int | None
    role: str | None
    action: str
    target_kind: str
    target_id: str
    detail: dict[str, Any]


class AuditList(BaseModel):
    """Audit entries, newest first; ``next_before_id`` pages back (``null``: the last page)."""

    items: list[AuditEntryPublic]
    next_before_id: int | None


class ApiKeyPublic(_Public):
    """An API key as it may be shown: its first characters, never the key."""

    id: int
    prefix: str
    role: str
    label: str
    created: datetime
    revoked: datetime | None
    teams: list[str]


class ApiKeyCreated(ApiKeyPublic):
    """A new key: the only time the key itself is shown."""

    key: str


class ApiKeyList(BaseModel):
    items: list[ApiKeyPublic]


class NewKey(BaseModel):
    """The body of ``POST /v1/keys``."""

    role: Literal[ROLES]  # type: ignore[valid-type]
    label: str = Field(default="", max_length=256)
    teams: list[str] = Field(
        default_factory=list,
        max_length=100,
        description="bind the key to these teams (none: it sees every team; admins always do)",
    )


class Health(BaseModel):
    """Liveness: the database, the models loaded (seconds each took) and the job queue."""

    status: str
    database: str
    models: dict[str, float]
    job_workers: int
    jobs: dict[str, int]


# --- reviews and disputes -----------------------------------------------------------------------


class ReviewActionIn(BaseModel):
    """One review action. ``rubric``: the item (``null`` only for a ``comment`` on the call).
    ``confirm``: the machine's outcome is right; ``set_outcome``: ``outcome`` is;
    ``finding_wrong`` / ``finding_right``: the machine finding ``finding`` (its index in the
    item's findings) is wrong / right; ``finding_added``: a finding the machine missed, from
    ``start`` to ``end`` (seconds) with the ``utterance_ids`` and ``quote`` of the words;
    ``comment``: a note. Any action may carry a ``comment`` and resolve an open dispute of the
    call (``resolves``: its id)."""

    model_config = ConfigDict(extra="forbid")

    rubric: str | None = Field(default=None, max_length=64)
    action: Literal[REVIEW_ACTIONS]  # type: ignore[valid-type]
    outcome: str | None = Field(default=None, max_length=64)
    finding: int | None = Field(default=None, ge=0)
    start: float | None = Field(default=None, ge=0)
    end: float | None = Field(default=None, ge=0)
    utterance_ids: list[str] = Field(default_factory=list, max_length=1000)
    quote: str = Field(default="", max_length=4000)
    kind: str = Field(default="", max_length=64)
    comment: str = Field(default="", max_length=4000)
    resolves: int | None = None

    def to_action(self) -> ReviewAction:
        added = None
        if self.action == "finding_added" and self.start is not None and self.end is not None:
            added = HumanFinding(
                start=self.start,
                end=self.end,
                utterance_ids=tuple(self.utterance_ids),
                quote=self.quote,
                kind=self.kind,
            )
        return ReviewAction(
            rubric=self.rubric,
            action=self.action,
            outcome=self.outcome,
            finding=self.finding,
            added=added,
            comment=self.comment,
            resolves=self.resolves,
        )


class ReviewBody(BaseModel):
    """The body of ``POST /v1/calls/{id}/reviews``: the actions, stored together."""

    model_config = ConfigDict(extra="forbid")

    actions: list[ReviewActionIn] = Field(min_length=1, max_length=200)


class DisputeBody(BaseModel):
    """The body of ``POST /v1/calls/{id}/disputes``: the call (no ``rubric``), an item, or
    one machine finding of it (``finding``: its index), and what is wrong."""

    model_config = ConfigDict(extra="forbid")

    rubric: str | None = Field(default=None, max_length=64)
    finding: int | None = Field(default=None, ge=0)
    comment: str = Field(min_length=1, max_length=4000)


class ReviewPublic(_Public):
    """One stored review action: who (key id, role), when, on which score."""

    id: int
    call_id: str
    score_id: int
    rubric: str | None
    action: str
    outcome: str | None
    finding: int | None
    added: Payload | None
    comment: str
    resolves: int | None
    key_id: int | None
    role: str | None
    created: datetime


class DisputePublic(_Public):
    """A dispute; open while ``resolved_at`` is null."""

    id: int
    call_id: str
    agent_id: str
    score_id: int | None
    rubric: str | None
    finding: int | None
    comment: str
    key_id: int | None
    role: str | None
    created: datetime
    resolved_at: datetime | None
    resolved_by: int | None
    resolved_review: int | None


class VerdictPublic(BaseModel):
    """The net human verdict on one item: the outcome (``null``: not judged), the machine
    findings judged wrong / right (indexes), the findings added."""

    rubric: str
    outcome: str | None
    wrong: list[int]
    right: list[int]
    added: list[Payload]
    reviewed_at: datetime | None

    @classmethod
    def of(cls, v: ItemVerdict) -> VerdictPublic:
        return cls.model_validate(to_dict(v))


class ReviewAdded(BaseModel):
    """What a review did: its rows, the call's machine and reviewed scores, the items that
    capped the reviewed score, and the disputes it resolved."""

    call_id: str
    reviews: list[ReviewPublic]
    score: float | None
    review_score: float | None
    capped_by: list[str]
    resolved: list[int]


class CallReviews(BaseModel):
    """A call's reviews (newest first), the verdict per item on its current score, its
    disputes (newest first) and its machine and reviewed scores."""

    call_id: str
    score: float | None
    review_score: float | None
    reviewed_at: datetime | None
    verdicts: dict[str, VerdictPublic]
    reviews: list[ReviewPublic]
    disputes: list[DisputePublic]
