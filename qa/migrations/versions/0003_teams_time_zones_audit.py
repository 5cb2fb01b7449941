"""Teams, time zones and the audit log: ``teams``, ``agents.team_id``, ``api_key_teams`` (keys
bound to teams), ``calls.tz_offset`` (the UTC offset given at upload, minutes east) and
``audit_log``.

Rows written before this revision: agents in no team, keys unscoped, calls without an offset.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen column types, as in 0001.
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TIME = sa.DateTime(timezone=False)


def upgrade() -> None:
    op.create_table(
        "teams",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(256), nullable=False),
        sa.Column("created", TIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_teams"),
    )
    with op.batch_alter_table("agents") as batch:
        batch.add_column(sa.Column("team_id", sa.String(64), nullable=True))
        batch.create_foreign_key("fk_agents_team_id_teams", "teams", ["team_id"], ["id"])
        batch.create_index("ix_agents_team_id", ["team_id"])
    op.create_table(
        "api_key_teams",
        sa.Column("key_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["key_id"], ["api_keys.id"], name="fk_api_key_teams_key_id_api_keys"
        ),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name="fk_api_key_teams_team_id_teams"),
        sa.PrimaryKeyConstraint("key_id", "team_id", name="pk_api_key_teams"),
    )
    op.add_column("calls", sa.Column("tz_offset", sa.Integer(), nullable=True))
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", TIME, nullable=False),
        sa.Column("key_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(16), nullable=True),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("target_kind", sa.String(32), nullable=False),
        sa.Column("target_id", sa.String(128), nullable=False),
        sa.Column("detail", JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_target", "audit_log", ["target_kind", "target_id"])
    op.create_index("ix_audit_log_action", "audit_log", ["action", "at"])


def downgrade() -> None:
    op.drop_table("audit_log")
    with op.batch_alter_table("calls") as batch:
        batch.drop_column("tz_offset")
    op.drop_table("api_key_teams")
    with op.batch_alter_table("agents") as batch:
        batch.drop_index("ix_agents_team_id")
        batch.drop_constraint("fk_agents_team_id_teams", type_="foreignkey")
        batch.drop_column("team_id")
    op.drop_table("teams")
