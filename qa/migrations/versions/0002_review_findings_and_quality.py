"""Findings for review and transcript quality: ``rubric_results.n_review`` (findings for review
per result), ``scores.quality`` (the quality record) and ``calls.needs_review`` (the current
score's flag, indexed for the calls filter and the scorecards' exclude switch).

Rows written before this revision read as they were scored: every finding confirmed
(``n_review`` 0) and no quality record (``needs_review`` NULL: not flagged).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.add_column(
        "rubric_results",
        sa.Column("n_review", sa.Integer(), server_default="0", nullable=False),
    )
    op.create_index("ix_rubric_results_review", "rubric_results", ["n_review", "score_id"])
    op.add_column("scores", sa.Column("quality", JSON, nullable=True))
    op.add_column("calls", sa.Column("needs_review", sa.Boolean(), nullable=True))
    op.create_index("ix_calls_needs_review", "calls", ["needs_review", "call_time"])


def downgrade() -> None:
    op.drop_index("ix_calls_needs_review", table_name="calls")
    op.drop_index("ix_rubric_results_review", table_name="rubric_results")
    with op.batch_alter_table("calls") as batch:
        batch.drop_column("needs_review")
    with op.batch_alter_table("scores") as batch:
        batch.drop_column("quality")
    with op.batch_alter_table("rubric_results") as batch:
        batch.drop_column("n_review")
