"""wall-clock milliseconds as BIGINT on PostgreSQL

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 14:30:00

A millisecond timestamp (about 1.8e12) overflows PostgreSQL's 32-bit INTEGER. SQLite's
INTEGER already holds 64 bits, so a SQLite file is left exactly as it is.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    ("local_identity", "hlc_wall_ms", False),
    ("imported_package", "clock_ahead_ms", True),
    ("clock_warning", "ahead_ms", False),
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, nullable in COLUMNS:
        op.alter_column(
            table, column, type_=sa.BigInteger(), existing_type=sa.Integer(),
            existing_nullable=nullable,
        )  # fmt: skip


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, nullable in COLUMNS:
        op.alter_column(
            table, column, type_=sa.Integer(), existing_type=sa.BigInteger(),
            existing_nullable=nullable,
        )  # fmt: skip
