"""Initial schema: agents, daily_stats, recordings, calls, transcripts, scores, rubric_results,
jobs, api_keys.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the column types as they were at this revision
# (qa.store.engine.UTCDateTime stores naive UTC in a plain DATETIME / TIMESTAMP; JSON is JSONB
# on PostgreSQL).
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TIME = sa.DateTime(timezone=False)


def upgrade() -> None:
    op.create_table(
        "agents",
        sa.Column("id", sa.String(128), nullable=False),
        sa.Column("name", sa.String(256), nullable=False),
        sa.Column("created", TIME, nullable=False),
        sa.Column("n_calls", sa.Integer(), server_default="0", nullable=False),
        sa.Column("n_scored", sa.Integer(), server_default="0", nullable=False),
        sa.Column("n_valued", sa.Integer(), server_default="0", nullable=False),
        sa.Column("score_sum", sa.Float(), server_default="0", nullable=False),
        sa.Column("last_call", TIME, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agents")),
    )
    op.create_table(
        "daily_stats",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("n_calls", sa.Integer(), server_default="0", nullable=False),
        sa.Column("n_scored", sa.Integer(), server_default="0", nullable=False),
        sa.Column("n_valued", sa.Integer(), server_default="0", nullable=False),
        sa.Column("score_sum", sa.Float(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_daily_stats")),
    )
    op.create_table(
        "recordings",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(512), nullable=False),
        sa.Column("filename", sa.String(512), nullable=False),
        sa.Column("content_type", sa.String(128), nullable=False),
        sa.Column("created", TIME, nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_recordings")),
    )
    op.create_table(
        "calls",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("recording_sha256", sa.String(64), nullable=False),
        sa.Column("agent_id", sa.String(128), nullable=False),
        sa.Column("call_time", TIME, nullable=False),
        sa.Column("week", sa.String(8), nullable=False),
        sa.Column("queue", sa.String(128), nullable=True),
        sa.Column("customer_ref", sa.String(256), nullable=True),
        sa.Column("language_hint", sa.String(16), nullable=True),
        sa.Column("channel_layout", sa.String(16), nullable=True),
        sa.Column("duration", sa.Float(), nullable=True),
        sa.Column("language", sa.String(16), nullable=True),
        sa.Column("source", sa.String(16), nullable=True),
        sa.Column("meta", JSON, nullable=False),
        sa.Column("created", TIME, nullable=False),
        sa.Column("score_id", sa.Integer(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("rubric_version", sa.String(128), nullable=True),
        sa.Column("scored_at", TIME, nullable=True),
        sa.ForeignKeyConstraint(["agent_id"], ["agents.id"], name=op.f("fk_calls_agent_id_agents")),
        sa.ForeignKeyConstraint(
            ["recording_sha256"],
            ["recordings.sha256"],
            name=op.f("fk_calls_recording_sha256_recordings"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calls")),
        sa.UniqueConstraint("recording_sha256", name=op.f("uq_calls_recording_sha256")),
    )
    # Covering indexes: per-agent and team aggregates over a period read only the index.
    op.create_index("ix_calls_agent_time", "calls", ["agent_id", "call_time", "score", "score_id"])
    op.create_index("ix_calls_time_score", "calls", ["call_time", "score", "score_id"])
    op.create_index("ix_calls_score", "calls", ["score"])
    op.create_index("ix_calls_score_id", "calls", ["score_id"])

    op.create_table(
        "transcripts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("call_id", sa.String(64), nullable=False),
        sa.Column("version", sa.String(128), nullable=False),
        sa.Column("utterances", JSON, nullable=False),
        sa.Column("meta", JSON, nullable=False),
        sa.Column("created", TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"], ["calls.id"], name=op.f("fk_transcripts_call_id_calls")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transcripts")),
    )
    op.create_index("ix_transcripts_call", "transcripts", ["call_id", "id"])

    op.create_table(
        "scores",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("call_id", sa.String(64), nullable=False),
        sa.Column("rubric_version", sa.String(128), nullable=False),
        sa.Column("labeller_version", sa.String(128), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("capped_by", JSON, nullable=False),
        sa.Column("results", JSON, nullable=False),
        sa.Column("created", TIME, nullable=False),
        sa.ForeignKeyConstraint(["call_id"], ["calls.id"], name=op.f("fk_scores_call_id_calls")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scores")),
    )
    op.create_index("ix_scores_call_rubric_version", "scores", ["call_id", "rubric_version"])

    op.create_table(
        "rubric_results",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("score_id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.String(64), nullable=False),
        sa.Column("rubric", sa.String(64), nullable=False),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("outcome", sa.String(64), nullable=False),
        sa.Column("sub_score", sa.Float(), nullable=True),
        sa.Column("passed", sa.Boolean(), nullable=True),
        sa.Column("n_findings", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"], ["calls.id"], name=op.f("fk_rubric_results_call_id_calls")
        ),
        sa.ForeignKeyConstraint(
            ["score_id"], ["scores.id"], name=op.f("fk_rubric_results_score_id_scores")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rubric_results")),
        # Leads with score_id: also the index that joins a call's current score to its results.
        sa.UniqueConstraint("score_id", "rubric", name="uq_rubric_results_score_rubric"),
    )
    op.create_index(
        "ix_rubric_results_rubric_outcome", "rubric_results", ["rubric", "outcome", "score_id"]
    )
    op.create_index("ix_rubric_results_outcome", "rubric_results", ["outcome", "score_id"])
    op.create_index("ix_rubric_results_call", "rubric_results", ["call_id"])

    op.create_table(
        "jobs",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("progress", sa.Float(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("call_id", sa.String(64), nullable=True),
        sa.Column("payload", JSON, nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("worker", sa.String(128), nullable=True),
        sa.Column("created", TIME, nullable=False),
        sa.Column("updated", TIME, nullable=False),
        sa.CheckConstraint(
            "status IN ('queued', 'running', 'done', 'failed')", name=op.f("ck_jobs_status_known")
        ),
        sa.ForeignKeyConstraint(["call_id"], ["calls.id"], name=op.f("fk_jobs_call_id_calls")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jobs")),
    )
    op.create_index("ix_jobs_status_created", "jobs", ["status", "created"])
    op.create_index("ix_jobs_call", "jobs", ["call_id"])

    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("label", sa.String(256), nullable=False),
        sa.Column("created", TIME, nullable=False),
        sa.Column("revoked", TIME, nullable=True),
        sa.CheckConstraint(
            "role IN ('qa_lead', 'supervisor', 'admin')", name=op.f("ck_api_keys_role_known")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_api_keys_key_hash")),
    )


def downgrade() -> None:
    for table in (
        "api_keys",
        "jobs",
        "rubric_results",
        "scores",
        "transcripts",
        "calls",
        "recordings",
        "daily_stats",
        "agents",
    ):
        op.drop_table(table)
