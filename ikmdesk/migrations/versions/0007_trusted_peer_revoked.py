"""trusted peers can be revoked (a lost or stolen laptop's key)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 21:00:00

``trusted_peer`` is local bookkeeping (it never travels in sync files), so the new column
needs no sync-format change.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("trusted_peer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revoked_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("trusted_peer", schema=None) as batch_op:
        batch_op.drop_column("revoked_at")
