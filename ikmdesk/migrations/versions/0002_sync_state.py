"""sync state

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 05:06:35.615521
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "clock_warning",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("ahead_ms", sa.Integer(), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("reported_by", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_clock_warning")),
    )
    op.create_table(
        "exported_package",
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("recipient_device_id", sa.String(length=36), nullable=True),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("encryption", sa.String(length=16), nullable=False),
        sa.Column("full", sa.Boolean(), nullable=False),
        sa.Column("ops", sa.Integer(), nullable=False),
        sa.Column("attachments", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("package_id", name=op.f("pk_exported_package")),
    )
    with op.batch_alter_table("exported_package", schema=None) as batch_op:
        batch_op.create_index("ix_exported_package_created_at", ["created_at"], unique=False)

    op.create_table(
        "imported_package",
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("sender_device_id", sa.String(length=36), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("encryption", sa.String(length=16), nullable=False),
        sa.Column("ops_total", sa.Integer(), nullable=False),
        sa.Column("ops_applied", sa.Integer(), nullable=False),
        sa.Column("ops_known", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("attachments", sa.Integer(), nullable=False),
        sa.Column("clock_ahead_ms", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("package_id", name=op.f("pk_imported_package")),
    )
    with op.batch_alter_table("imported_package", schema=None) as batch_op:
        batch_op.create_index("ix_imported_package_imported_at", ["imported_at"], unique=False)

    op.create_table(
        "peer_knowledge",
        sa.Column("peer_device_id", sa.String(length=36), nullable=False),
        sa.Column("origin_device_id", sa.String(length=36), nullable=False),
        sa.Column("counter", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "peer_device_id", "origin_device_id", name=op.f("pk_peer_knowledge")
        ),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("loser_op_id", sa.String(length=80), nullable=False),
        sa.Column("loser_device_id", sa.String(length=36), nullable=False),
        sa.Column("loser_hlc", sa.String(length=80), nullable=False),
        sa.Column("loser_value", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("winner_op_id", sa.String(length=80), nullable=False),
        sa.Column("winner_device_id", sa.String(length=36), nullable=False),
        sa.Column("winner_hlc", sa.String(length=80), nullable=False),
        sa.Column("winner_value", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
        sa.UniqueConstraint("loser_op_id", "kind", name=op.f("uq_sync_conflict_loser_op_id")),
    )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.create_index("ix_sync_conflict_row", ["entity", "row_id"], unique=False)
        batch_op.create_index("ix_sync_conflict_status", ["status", "detected_at"], unique=False)

    op.create_table(
        "sync_context",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("vector", sa.JSON(), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_sync_context")),
    )
    op.create_table(
        "trusted_peer",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("officer_name", sa.String(length=200), nullable=False),
        sa.Column("nip", sa.String(), nullable=True),
        sa.Column("signing_public_key", sa.String(length=64), nullable=False),
        sa.Column("encryption_public_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("trusted_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_trusted_peer")),
    )


def downgrade() -> None:
    op.drop_table("trusted_peer")
    op.drop_table("sync_context")
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_conflict_status")
        batch_op.drop_index("ix_sync_conflict_row")

    op.drop_table("sync_conflict")
    op.drop_table("peer_knowledge")
    with op.batch_alter_table("imported_package", schema=None) as batch_op:
        batch_op.drop_index("ix_imported_package_imported_at")

    op.drop_table("imported_package")
    with op.batch_alter_table("exported_package", schema=None) as batch_op:
        batch_op.drop_index("ix_exported_package_created_at")

    op.drop_table("exported_package")
    op.drop_table("clock_warning")
