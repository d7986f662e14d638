"""approval snapshots and report numbers

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "approval_snapshot",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("approved_at", sa.DateTime(), nullable=False),
        sa.Column("approver_id", sa.String(length=36), nullable=False),
        sa.Column("report_number", sa.String(length=200), nullable=False),
        sa.Column("digest", sa.String(length=200), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint(
            "revision >= 0", name=op.f("ck_approval_snapshot_revision_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["approver_id"], ["device.id"], name=op.f("fk_approval_snapshot_approver_id_device")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_approval_snapshot_visit_id_visit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_approval_snapshot")),
    )
    with op.batch_alter_table("approval_snapshot", schema=None) as batch_op:
        batch_op.create_index("ix_approval_snapshot_visit", ["visit_id", "revision"], unique=False)

    op.create_table(
        "report_number",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=200), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint("seq > 0", name=op.f("ck_report_number_seq_positive")),
        sa.ForeignKeyConstraint(
            ["issued_by"], ["device.id"], name=op.f("fk_report_number_issued_by_device")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_report_number_visit_id_visit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_number")),
    )
    with op.batch_alter_table("report_number", schema=None) as batch_op:
        batch_op.create_index("ix_report_number_visit", ["visit_id"], unique=False)
        batch_op.create_index("ix_report_number_year_seq", ["year", "seq"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("report_number", schema=None) as batch_op:
        batch_op.drop_index("ix_report_number_year_seq")
        batch_op.drop_index("ix_report_number_visit")

    op.drop_table("report_number")
    with op.batch_alter_table("approval_snapshot", schema=None) as batch_op:
        batch_op.drop_index("ix_approval_snapshot_visit")

    op.drop_table("approval_snapshot")
