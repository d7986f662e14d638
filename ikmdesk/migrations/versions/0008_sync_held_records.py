"""records held until the records they link to arrive

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 21:00:00

A local table (it never travels): which records have ops held but are not written yet,
because a record they link to is not here yet (see docs/sync-format.md §5).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_held_record",
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("entity", "row_id", name=op.f("pk_sync_held_record")),
    )


def downgrade() -> None:
    op.drop_table("sync_held_record")
