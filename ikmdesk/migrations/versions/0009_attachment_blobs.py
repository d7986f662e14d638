"""attachment bytes in the database, for laptops sharing a server database

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 06:10:00

A local table (it never travels). On PostgreSQL every attachment's bytes are written here in
the same transaction as the attachment, so a second supervisor's laptop on the same database
shows and prints the photos that another laptop added or imported. A SQLite file keeps its
files in the folder beside it and leaves this table empty.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attachment_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_attachment_blob_sha256_length")),
        sa.CheckConstraint("size_bytes >= 0", name=op.f("ck_attachment_blob_size_not_negative")),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_blob")),
    )


def downgrade() -> None:
    op.drop_table("attachment_blob")
