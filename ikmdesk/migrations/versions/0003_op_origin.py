"""op origin: the database incarnation that hands out op ids

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 14:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # NULL origin: the first incarnation, whose ops are named by the device id (format 1).
    op.add_column("local_identity", sa.Column("origin_id", sa.String(length=36), nullable=True))
    op.add_column(
        "local_identity", sa.Column("file_identity", sa.String(length=200), nullable=True)
    )
    # No file identity was recorded before: this may be a restored or copied file, so its
    # first write starts a new origin (one extra op; an op id is never handed out twice).
    op.execute("UPDATE local_identity SET file_identity = 'before-0003'")


def downgrade() -> None:
    with op.batch_alter_table("local_identity") as batch:
        batch.drop_column("file_identity")
        batch.drop_column("origin_id")
