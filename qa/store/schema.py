"""The database tables (SQLAlchemy ORM), as the Alembic migrations in ``qa/migrations`` build them.

Scorecards aggregate in SQL over denormalised columns (``calls.score``, ``calls.week``,
``rubric_results``) read through covering indexes; the agent list and the team mean read running
totals (``agents.n_*``, ``daily_stats``) kept in the same transactions as the calls and scores
they count (:mod:`qa.store.totals`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from qa.store.engine import UTCDateTime, utc_now

__all__ = [
    "Base",
    "Agent",
    "DailyStats",
    "Recording",
    "CallRow",
    "Transcript",
    "ScoreRow",
    "RubricResultRow",
    "Job",
    "ApiKey",
    "Team",
    "ApiKeyTeam",
    "AuditEntry",
    "Review",
    "Dispute",
    "ROLES",
    "JOB_STATUSES",
]

# The values the CHECK constraints below allow.
ROLES = ("qa_lead", "supervisor", "admin")
JOB_STATUSES = ("queued", "running", "done", "failed")

JSONType = JSON().with_variant(JSONB(), "postgresql")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Agent(Base):
    __tablename__ = "agents"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    name: Mapped[str] = mapped_column(String(256))
    created: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    # Running totals over the agent's calls, kept in the transactions that add calls and
    # scores (see qa.store.totals): the agent list reads them instead of scanning every call.
    n_calls: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    n_scored: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Calls whose current score is a number (a score can be None: nothing counted).
    n_valued: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    score_sum: Mapped[float] = mapped_column(Float, default=0.0, server_default="0")
    last_call: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The agent's team (NULL: in no team; only unscoped keys see such an agent).
    team_id: Mapped[str | None] = mapped_column(String(64), ForeignKey("teams.id"), index=True)


class DailyStats(Base):
    """Team totals per UTC day of call time, kept like the agents' totals: the team mean over
    a period of whole days sums at most a few hundred rows instead of every call."""

    __tablename__ = "daily_stats"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    n_calls: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    n_scored: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    n_valued: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    score_sum: Mapped[float] = mapped_column(Float, default=0.0, server_default="0")


class Recording(Base):
    __tablename__ = "recordings"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    # Relative to the data directory, with forward slashes: audio/ab/cd/<sha256><ext>.
    path: Mapped[str] = mapped_column(String(512))
    filename: Mapped[str] = mapped_column(String(512), default="")
    content_type: Mapped[str] = mapped_column(String(128), default="application/octet-stream")
    created: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class CallRow(Base):
    __tablename__ = "calls"
    __table_args__ = (
        # Covering indexes: per-agent and team aggregates over a period read only the index.
        Index("ix_calls_agent_time", "agent_id", "call_time", "score", "score_id", "review_score"),
        Index("ix_calls_time_score", "call_time", "score", "score_id", "review_score"),
        Index("ix_calls_reviewed_at", "reviewed_at"),
        Index("ix_calls_score", "score"),
        Index("ix_calls_score_id", "score_id"),
        Index("ix_calls_needs_review", "needs_review", "call_time"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    recording_sha256: Mapped[str] = mapped_column(
        String(64), ForeignKey("recordings.sha256"), unique=True
    )
    agent_id: Mapped[str] = mapped_column(String(128), ForeignKey("agents.id"))
    call_time: Mapped[datetime] = mapped_column(UTCDateTime())
    # ISO week of call_time ("2026-W07"), computed on insert: trends group by it portably.
    week: Mapped[str] = mapped_column(String(8))
    queue: Mapped[str | None] = mapped_column(String(128))
    customer_ref: Mapped[str | None] = mapped_column(String(256))
    language_hint: Mapped[str | None] = mapped_column(String(16))
    channel_layout: Mapped[str | None] = mapped_column(String(16))
    duration: Mapped[float | None] = mapped_column(Float)
    language: Mapped[str | None] = mapped_column(String(16))
    source: Mapped[str | None] = mapped_column(String(16))
    meta: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    # The current (newest) score, denormalised from `scores` for filters and aggregation.
    # Deliberately no FK: scores.call_id already points here and a cycle complicates migrations.
    score_id: Mapped[int | None] = mapped_column(Integer)
    score: Mapped[float | None] = mapped_column(Float)
    rubric_version: Mapped[str | None] = mapped_column(String(128))
    scored_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The current score's transcript-quality flag; NULL: no quality record (not flagged).
    needs_review: Mapped[bool | None] = mapped_column(Boolean)
    # The UTC offset (minutes east) the call time was given with at upload; NULL: none given.
    tz_offset: Mapped[int | None] = mapped_column(Integer)
    # The current score as reviewed (qa.review.effective), denormalised from `reviews`; NULL:
    # not reviewed. Lists, scorecards and the totals use COALESCE(review_score, score).
    review_score: Mapped[float | None] = mapped_column(Float)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Transcript(Base):
    __tablename__ = "transcripts"
    __table_args__ = (Index("ix_transcripts_call", "call_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    call_id: Mapped[str] = mapped_column(String(64), ForeignKey("calls.id"))
    version: Mapped[str] = mapped_column(String(128), default="")
    utterances: Mapped[list[Any]] = mapped_column(JSONType)
    meta: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class ScoreRow(Base):
    __tablename__ = "scores"
    __table_args__ = (Index("ix_scores_call_rubric_version", "call_id", "rubric_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    call_id: Mapped[str] = mapped_column(String(64), ForeignKey("calls.id"))
    rubric_version: Mapped[str] = mapped_column(String(128))
    labeller_version: Mapped[str] = mapped_column(String(128), default="")
    score: Mapped[float | None] = mapped_column(Float)
    capped_by: Mapped[list[Any]] = mapped_column(JSONType, default=list)
    results: Mapped[list[Any]] = mapped_column(JSONType)
    created: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    # qa.quality.CallQuality as JSON (needs_review, reasons, metrics, options); NULL before 0002.
    quality: Mapped[dict[str, Any] | None] = mapped_column(JSONType)


class RubricResultRow(Base):
    __tablename__ = "rubric_results"
    __table_args__ = (
        UniqueConstraint("score_id", "rubric", name="uq_rubric_results_score_rubric"),
        # "Calls whose current result is X": score_id IN (the matching results), index-only.
        Index("ix_rubric_results_rubric_outcome", "rubric", "outcome", "score_id"),
        Index("ix_rubric_results_outcome", "outcome", "score_id"),
        Index("ix_rubric_results_call", "call_id"),
        # "Calls with findings for review": score_id IN (n_review > 0), index-only.
        Index("ix_rubric_results_review", "n_review", "score_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    score_id: Mapped[int] = mapped_column(Integer, ForeignKey("scores.id"))
    call_id: Mapped[str] = mapped_column(String(64), ForeignKey("calls.id"))
    rubric: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(64), default="")
    outcome: Mapped[str] = mapped_column(String(64))
    sub_score: Mapped[float | None] = mapped_column(Float)
    # NULL when the result did not count (uncertain / skipped): it is in no pass rate.
    passed: Mapped[bool | None] = mapped_column(Boolean)
    # Every finding (confirmed and for review), and of them those for review.
    n_findings: Mapped[int] = mapped_column(Integer, default=0)
    n_review: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The item as reviewed (qa.review.effective); NULL outcome: no human judgement, the
    # machine's stands. review_passed is NULL when the reviewed item is not counted.
    review_outcome: Mapped[str | None] = mapped_column(String(64))
    review_sub_score: Mapped[float | None] = mapped_column(Float)
    review_passed: Mapped[bool | None] = mapped_column(Boolean)


class Job(Base):
    __tablename__ = "jobs"
    __table_args__ = (
        CheckConstraint("status IN ('queued', 'running', 'done', 'failed')", name="status_known"),
        Index("ix_jobs_status_created", "status", "created"),
        Index("ix_jobs_call", "call_id"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="queued")
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    error: Mapped[str | None] = mapped_column(Text)
    call_id: Mapped[str | None] = mapped_column(String(64), ForeignKey("calls.id"))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    worker: Mapped[str | None] = mapped_column(String(128))
    created: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    updated: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class ApiKey(Base):
    __tablename__ = "api_keys"
    __table_args__ = (
        CheckConstraint("role IN ('qa_lead', 'supervisor', 'admin')", name="role_known"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    role: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(String(256), default="")
    created: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    revoked: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Team(Base):
    """A team of agents. Keys bound to teams (:class:`ApiKeyTeam`) see only those teams' agents."""

    __tablename__ = "teams"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(256), default="")
    created: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class ApiKeyTeam(Base):
    """A key bound to a team. A key with no rows here is unscoped (sees every team)."""

    __tablename__ = "api_key_teams"

    key_id: Mapped[int] = mapped_column(Integer, ForeignKey("api_keys.id"), primary_key=True)
    team_id: Mapped[str] = mapped_column(String(64), ForeignKey("teams.id"), primary_key=True)


class AuditEntry(Base):
    """Who did what to which object, and when: key changes, reviews, deletions, metadata edits,
    recording downloads. Never the content (no transcript text, no key)."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_target", "target_kind", "target_id"),
        Index("ix_audit_log_action", "action", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    # The key that acted (NULL: the command line or the server itself) and its role then.
    key_id: Mapped[int | None] = mapped_column(Integer)
    role: Mapped[str | None] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(64))
    target_kind: Mapped[str] = mapped_column(String(32), default="")
    target_id: Mapped[str] = mapped_column(String(128), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)


class Review(Base):
    """One review action on one call's score (qa.review.model.REVIEW_ACTIONS): history, never
    changed; the verdict on an item is what the newest rows add up to."""

    __tablename__ = "reviews"
    __table_args__ = (
        CheckConstraint(
            "action IN ('confirm', 'set_outcome', 'finding_wrong', 'finding_right', "
            "'finding_added', 'comment')",
            name="action_known",
        ),
        Index("ix_reviews_call", "call_id", "id"),
        Index("ix_reviews_created", "created"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    call_id: Mapped[str] = mapped_column(String(64), ForeignKey("calls.id"))
    # The score reviewed (its findings are referred to by index).
    score_id: Mapped[int] = mapped_column(Integer, ForeignKey("scores.id"))
    # NULL: a comment on the whole call.
    rubric: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    outcome: Mapped[str | None] = mapped_column(String(64))
    finding_index: Mapped[int | None] = mapped_column(Integer)
    # finding_added: the span (seconds), the utterances and the words quoted.
    span_start: Mapped[float | None] = mapped_column(Float)
    span_end: Mapped[float | None] = mapped_column(Float)
    utterance_ids: Mapped[list[Any]] = mapped_column(JSONType, default=list)
    quote: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(64), default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    resolves: Mapped[int | None] = mapped_column(Integer, ForeignKey("disputes.id"))
    key_id: Mapped[int | None] = mapped_column(Integer)
    role: Mapped[str | None] = mapped_column(String(16))
    created: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class Dispute(Base):
    """A call, or one machine finding of it, flagged as disputed (by a supervisor, QA lead or
    admin); open until a review resolves it."""

    __tablename__ = "disputes"
    __table_args__ = (
        Index("ix_disputes_call", "call_id", "id"),
        Index("ix_disputes_open", "resolved_at", "created"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    call_id: Mapped[str] = mapped_column(String(64), ForeignKey("calls.id"))
    score_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("scores.id"))
    # NULL rubric: the whole call; with finding_index: that finding of the item.
    rubric: Mapped[str | None] = mapped_column(String(64))
    finding_index: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    key_id: Mapped[int | None] = mapped_column(Integer)
    role: Mapped[str | None] = mapped_column(String(16))
    created: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The key that resolved it (NULL while open, or resolved from the command line).
    resolved_by: Mapped[int | None] = mapped_column(Integer)
    resolved_review: Mapped[int | None] = mapped_column(Integer)
