"""Reviews and disputes: ``reviews`` (each review action, as history), ``disputes``, the reviewed
score on the call (``calls.review_score``, ``calls.reviewed_at``, in the covering indexes) and
the reviewed item on its result (``rubric_results.review_outcome``, ``review_sub_score``,
``review_passed``).

Rows written before this revision: no call reviewed.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen column types, as in 0001.
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TIME = sa.DateTime(timezone=False)

_ACTIONS = (
    "action IN ('confirm', 'set_outcome', 'finding_wrong', 'finding_right', "
    "'finding_added', 'comment')"
)


def upgrade() -> None:
    with op.batch_alter_table("calls") as batch:
        batch.add_column(sa.Column("review_score", sa.Float(), nullable=True))
        batch.add_column(sa.Column("reviewed_at", TIME, nullable=True))
    op.drop_index("ix_calls_agent_time", table_name="calls")
    op.drop_index("ix_calls_time_score", table_name="calls")
    op.create_index(
        "ix_calls_agent_time",
        "calls",
        ["agent_id", "call_time", "score", "score_id", "review_score"],
    )
    op.create_index(
        "ix_calls_time_score", "calls", ["call_time", "score", "score_id", "review_score"]
    )
    op.create_index("ix_calls_reviewed_at", "calls", ["reviewed_at"])
    with op.batch_alter_table("rubric_results") as batch:
        batch.add_column(sa.Column("review_outcome", sa.String(64), nullable=True))
        batch.add_column(sa.Column("review_sub_score", sa.Float(), nullable=True))
        batch.add_column(sa.Column("review_passed", sa.Boolean(), nullable=True))
    op.create_table(
        "disputes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("call_id", sa.String(64), nullable=False),
        sa.Column("score_id", sa.Integer(), nullable=True),
        sa.Column("rubric", sa.String(64), nullable=True),
        sa.Column("finding_index", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("key_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(16), nullable=True),
        sa.Column("created", TIME, nullable=False),
        sa.Column("resolved_at", TIME, nullable=True),
        sa.Column("resolved_by", sa.Integer(), nullable=True),
        sa.Column("resolved_review", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["call_id"], ["calls.id"], name="fk_disputes_call_id_calls"),
        sa.ForeignKeyConstraint(["score_id"], ["scores.id"], name="fk_disputes_score_id_scores"),
        sa.PrimaryKeyConstraint("id", name="pk_disputes"),
    )
    op.create_index("ix_disputes_call", "disputes", ["call_id", "id"])
    op.create_index("ix_disputes_open", "disputes", ["resolved_at", "created"])
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("call_id", sa.String(64), nullable=False),
        sa.Column("score_id", sa.Integer(), nullable=False),
        sa.Column("rubric", sa.String(64), nullable=True),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("outcome", sa.String(64), nullable=True),
        sa.Column("finding_index", sa.Integer(), nullable=True),
        sa.Column("span_start", sa.Float(), nullable=True),
        sa.Column("span_end", sa.Float(), nullable=True),
        sa.Column("utterance_ids", JSON, nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("resolves", sa.Integer(), nullable=True),
        sa.Column("key_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(16), nullable=True),
        sa.Column("created", TIME, nullable=False),
        sa.CheckConstraint(_ACTIONS, name=op.f("ck_reviews_action_known")),
        sa.ForeignKeyConstraint(["call_id"], ["calls.id"], name="fk_reviews_call_id_calls"),
        sa.ForeignKeyConstraint(["score_id"], ["scores.id"], name="fk_reviews_score_id_scores"),
        sa.ForeignKeyConstraint(["resolves"], ["disputes.id"], name="fk_reviews_resolves_disputes"),
        sa.PrimaryKeyConstraint("id", name="pk_reviews"),
    )
    op.create_index("ix_reviews_call", "reviews", ["call_id", "id"])
    op.create_index("ix_reviews_created", "reviews", ["created"])


def downgrade() -> None:
    op.drop_table("reviews")
    op.drop_table("disputes")
    with op.batch_alter_table("rubric_results") as batch:
        batch.drop_column("review_passed")
        batch.drop_column("review_sub_score")
        batch.drop_column("review_outcome")
    op.drop_index("ix_calls_reviewed_at", table_name="calls")
    op.drop_index("ix_calls_time_score", table_name="calls")
    op.drop_index("ix_calls_agent_time", table_name="calls")
    op.create_index("ix_calls_agent_time", "calls", ["agent_id", "call_time", "score", "score_id"])
    op.create_index("ix_calls_time_score", "calls", ["call_time", "score", "score_id"])
    with op.batch_alter_table("calls") as batch:
        batch.drop_column("reviewed_at")
        batch.drop_column("review_score")
