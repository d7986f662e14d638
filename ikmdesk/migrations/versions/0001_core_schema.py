"""core schema

Revision ID: 0001
Revises:
Create Date: 2026-11-28 05:00:02.694932
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _nik_check() -> sa.CheckConstraint:
    # Digit tests are not portable SQL; the model declares one constraint per dialect.
    if op.get_bind().dialect.name == "postgresql":
        return sa.CheckConstraint(
            "nik IS NULL OR nik ~ '^[0-9]{16}$'", name=op.f("ck_enterprise_nik_16_digits_pg")
        )
    return sa.CheckConstraint(
        "nik IS NULL OR (length(nik) = 16 AND nik NOT GLOB '*[^0-9]*')",
        name=op.f("ck_enterprise_nik_16_digits"),
    )


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("counter", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "counter", name=op.f("pk_change_log")),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index("ix_change_log_field", ["entity", "row_id", "field"], unique=False)

    op.create_table(
        "checklist_template",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title_id", sa.String(length=200), nullable=False),
        sa.Column("title_en", sa.String(length=200), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("definition", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint("version >= 1", name=op.f("ck_checklist_template_version_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_template")),
    )
    with op.batch_alter_table("checklist_template", schema=None) as batch_op:
        batch_op.create_index(
            "ix_checklist_template_code_version", ["code", "version"], unique=False
        )

    op.create_table(
        "cluster",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("name_id", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cluster")),
    )
    with op.batch_alter_table("cluster", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cluster_code"), ["code"], unique=False)

    op.create_table(
        "device",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "officer",
                "supervisor",
                name="device_role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("officer_name", sa.String(length=200), nullable=False),
        sa.Column("nip", sa.String(), nullable=True),
        sa.Column("signing_public_key", sa.String(), nullable=True),
        sa.Column("encryption_public_key", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device")),
    )
    op.create_table(
        "region",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "kecamatan",
                "desa",
                name="region_level",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("code", sa.String(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["region.id"], name=op.f("fk_region_parent_id_region")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_region")),
    )
    with op.batch_alter_table("region", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_region_code"), ["code"], unique=False)
        batch_op.create_index(batch_op.f("ix_region_name"), ["name"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "enterprise",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("owner_name", sa.String(), nullable=True),
        sa.Column("nik", sa.String(), nullable=True),
        sa.Column("phone", sa.String(), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("kecamatan_id", sa.String(length=36), nullable=False),
        sa.Column("desa_id", sa.String(length=36), nullable=True),
        sa.Column("latitude", sa.Double(), nullable=True),
        sa.Column("longitude", sa.Double(), nullable=True),
        sa.Column("cluster_id", sa.String(length=36), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "active",
                "inactive",
                "closed",
                name="enterprise_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "scale",
            sa.Enum(
                "mikro",
                "kecil",
                "menengah",
                name="business_scale",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("nib", sa.String(), nullable=True),
        sa.Column("kbli", sa.String(), nullable=True),
        sa.Column("workers", sa.Integer(), nullable=True),
        sa.Column("production_capacity", sa.String(), nullable=True),
        sa.Column(
            "halal_status",
            sa.Enum(
                "none",
                "in_process",
                "certified",
                name="halal_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "halal_route",
            sa.Enum(
                "self_declare",
                "reguler",
                name="halal_route",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("halal_cert_no", sa.String(), nullable=True),
        sa.Column("halal_issued_on", sa.Date(), nullable=True),
        sa.Column("halal_expires_on", sa.Date(), nullable=True),
        sa.Column("pkp_cert_no", sa.String(), nullable=True),
        sa.Column("pkp_cert_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint(
            "halal_expires_on IS NULL OR halal_expires_on < '2100-01-01'",
            name=op.f("ck_enterprise_halal_expiry_not_far_future"),
        ),
        _nik_check(),
        sa.CheckConstraint(
            "(latitude IS NULL) = (longitude IS NULL)", name=op.f("ck_enterprise_latlon_together")
        ),
        sa.CheckConstraint(
            "latitude IS NULL OR (latitude BETWEEN -90 AND 90)",
            name=op.f("ck_enterprise_latitude_range"),
        ),
        sa.CheckConstraint("length(name) > 0", name=op.f("ck_enterprise_name_not_empty")),
        sa.CheckConstraint(
            "longitude IS NULL OR (longitude BETWEEN -180 AND 180)",
            name=op.f("ck_enterprise_longitude_range"),
        ),
        sa.CheckConstraint(
            "workers IS NULL OR workers >= 0", name=op.f("ck_enterprise_workers_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["cluster_id"], ["cluster.id"], name=op.f("fk_enterprise_cluster_id_cluster")
        ),
        sa.ForeignKeyConstraint(
            ["desa_id"], ["region.id"], name=op.f("fk_enterprise_desa_id_region")
        ),
        sa.ForeignKeyConstraint(
            ["kecamatan_id"], ["region.id"], name=op.f("fk_enterprise_kecamatan_id_region")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enterprise")),
    )
    with op.batch_alter_table("enterprise", schema=None) as batch_op:
        batch_op.create_index("ix_enterprise_cluster_name", ["cluster_id", "name"], unique=False)
        batch_op.create_index(
            "ix_enterprise_kecamatan_name", ["kecamatan_id", "name"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_enterprise_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_enterprise_nib"), ["nib"], unique=False)

    op.create_table(
        "local_identity",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("signing_private_key", sa.LargeBinary(), nullable=False),
        sa.Column("encryption_private_key", sa.LargeBinary(), nullable=False),
        sa.Column("op_counter", sa.Integer(), nullable=False),
        sa.Column("hlc_wall_ms", sa.Integer(), nullable=False),
        sa.Column("hlc_logical", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["device.id"], name=op.f("fk_local_identity_device_id_device")
        ),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_local_identity")),
    )
    op.create_table(
        "product",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("enterprise_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(), nullable=True),
        sa.Column("packaging", sa.String(), nullable=True),
        sa.Column("net_content", sa.String(), nullable=True),
        sa.Column("ingredients", sa.Text(), nullable=True),
        sa.Column("pirt_number", sa.String(), nullable=True),
        sa.Column("shelf_life_days", sa.Integer(), nullable=True),
        sa.Column("label_notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint("length(name) > 0", name=op.f("ck_product_name_not_empty")),
        sa.CheckConstraint(
            "shelf_life_days IS NULL OR shelf_life_days > 0",
            name=op.f("ck_product_shelf_life_positive"),
        ),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprise.id"], name=op.f("fk_product_enterprise_id_enterprise")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product")),
    )
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_product_enterprise_id"), ["enterprise_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_product_pirt_number"), ["pirt_number"], unique=False)

    op.create_table(
        "visit",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("enterprise_id", sa.String(length=36), nullable=False),
        sa.Column("visit_date", sa.Date(), nullable=False),
        sa.Column("officer_id", sa.String(length=36), nullable=False),
        sa.Column("companions", sa.String(), nullable=True),
        sa.Column(
            "purpose",
            sa.Enum(
                "mentoring",
                "monitoring",
                "follow_up",
                "certification_support",
                name="visit_purpose",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("activities", sa.Text(), nullable=True),
        sa.Column("findings", sa.Text(), nullable=True),
        sa.Column("recommendations", sa.Text(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "submitted",
                "returned",
                "approved",
                name="visit_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("reviewer_id", sa.String(length=36), nullable=True),
        sa.Column("review_comment", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint("visit_date < '2100-01-01'", name=op.f("ck_visit_date_not_far_future")),
        sa.CheckConstraint("revision >= 0", name=op.f("ck_visit_revision_not_negative")),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprise.id"], name=op.f("fk_visit_enterprise_id_enterprise")
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["device.id"], name=op.f("fk_visit_officer_id_device")
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"], ["device.id"], name=op.f("fk_visit_reviewer_id_device")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index("ix_visit_date", ["visit_date"], unique=False)
        batch_op.create_index(
            "ix_visit_enterprise_date", ["enterprise_id", "visit_date"], unique=False
        )
        batch_op.create_index("ix_visit_status_date", ["status", "visit_date"], unique=False)

    op.create_table(
        "attachment",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("mime_type", sa.String(), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=200), nullable=True),
        sa.Column("caption", sa.Text(), nullable=True),
        sa.Column("taken_at", sa.DateTime(), nullable=True),
        sa.Column("latitude", sa.Double(), nullable=True),
        sa.Column("longitude", sa.Double(), nullable=True),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("enterprise_id", sa.String(length=36), nullable=True),
        sa.Column("product_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint(
            "(CASE WHEN visit_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN enterprise_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN product_id IS NULL THEN 0 ELSE 1 END) = 1",
            name=op.f("ck_attachment_exactly_one_owner"),
        ),
        sa.CheckConstraint(
            "latitude IS NULL OR (latitude BETWEEN -90 AND 90)",
            name=op.f("ck_attachment_latitude_range"),
        ),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_attachment_sha256_length")),
        sa.CheckConstraint(
            "longitude IS NULL OR (longitude BETWEEN -180 AND 180)",
            name=op.f("ck_attachment_longitude_range"),
        ),
        sa.CheckConstraint("size_bytes >= 0", name=op.f("ck_attachment_size_not_negative")),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprise.id"],
            name=op.f("fk_attachment_enterprise_id_enterprise"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_attachment_product_id_product")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_attachment_visit_id_visit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index("ix_attachment_enterprise", ["enterprise_id"], unique=False)
        batch_op.create_index("ix_attachment_product", ["product_id"], unique=False)
        batch_op.create_index("ix_attachment_sha256", ["sha256"], unique=False)
        batch_op.create_index("ix_attachment_visit", ["visit_id"], unique=False)

    op.create_table(
        "quality_check",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("product_id", sa.String(length=36), nullable=True),
        sa.Column("template_id", sa.String(length=36), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column(
            "result_status",
            sa.Enum(
                "complete",
                "incomplete",
                name="check_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("result_code", sa.String(), nullable=True),
        sa.Column("result_label_id", sa.Text(), nullable=True),
        sa.Column("result_label_en", sa.Text(), nullable=True),
        sa.Column("score", sa.Double(), nullable=True),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint(
            "checked_on < '2100-01-01'", name=op.f("ck_quality_check_date_not_far_future")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_quality_check_product_id_product")
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["checklist_template.id"],
            name=op.f("fk_quality_check_template_id_checklist_template"),
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_quality_check_visit_id_visit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quality_check")),
    )
    with op.batch_alter_table("quality_check", schema=None) as batch_op:
        batch_op.create_index("ix_quality_check_product", ["product_id"], unique=False)
        batch_op.create_index("ix_quality_check_visit", ["visit_id"], unique=False)

    op.create_table(
        "quality_answer",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("check_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=200), nullable=False),
        sa.Column("value", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("problem", sa.Text(), nullable=True),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("reference", sa.Text(), nullable=True),
        sa.Column("corrective_action", sa.Text(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint(
            "due_date IS NULL OR due_date < '2100-01-01'",
            name=op.f("ck_quality_answer_due_not_far_future"),
        ),
        sa.ForeignKeyConstraint(
            ["check_id"],
            ["quality_check.id"],
            name=op.f("fk_quality_answer_check_id_quality_check"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quality_answer")),
    )
    with op.batch_alter_table("quality_answer", schema=None) as batch_op:
        batch_op.create_index("ix_quality_answer_check", ["check_id"], unique=False)

    op.create_table(
        "follow_up",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("enterprise_id", sa.String(length=36), nullable=False),
        sa.Column("answer_id", sa.String(length=36), nullable=True),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("done_note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint(
            "done_on IS NULL OR done_on < '2100-01-01'",
            name=op.f("ck_follow_up_done_not_far_future"),
        ),
        sa.CheckConstraint("due_date < '2100-01-01'", name=op.f("ck_follow_up_due_not_far_future")),
        sa.CheckConstraint("length(action) > 0", name=op.f("ck_follow_up_action_not_empty")),
        sa.ForeignKeyConstraint(
            ["answer_id"], ["quality_answer.id"], name=op.f("fk_follow_up_answer_id_quality_answer")
        ),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprise.id"], name=op.f("fk_follow_up_enterprise_id_enterprise")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_follow_up_visit_id_visit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up")),
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index("ix_follow_up_due", ["done_on", "due_date"], unique=False)
        batch_op.create_index("ix_follow_up_enterprise", ["enterprise_id"], unique=False)
        batch_op.create_index("ix_follow_up_visit", ["visit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_visit")
        batch_op.drop_index("ix_follow_up_enterprise")
        batch_op.drop_index("ix_follow_up_due")

    op.drop_table("follow_up")
    with op.batch_alter_table("quality_answer", schema=None) as batch_op:
        batch_op.drop_index("ix_quality_answer_check")

    op.drop_table("quality_answer")
    with op.batch_alter_table("quality_check", schema=None) as batch_op:
        batch_op.drop_index("ix_quality_check_visit")
        batch_op.drop_index("ix_quality_check_product")

    op.drop_table("quality_check")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index("ix_attachment_visit")
        batch_op.drop_index("ix_attachment_sha256")
        batch_op.drop_index("ix_attachment_product")
        batch_op.drop_index("ix_attachment_enterprise")

    op.drop_table("attachment")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index("ix_visit_status_date")
        batch_op.drop_index("ix_visit_enterprise_date")
        batch_op.drop_index("ix_visit_date")

    op.drop_table("visit")
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_product_pirt_number"))
        batch_op.drop_index(batch_op.f("ix_product_enterprise_id"))

    op.drop_table("product")
    op.drop_table("local_identity")
    with op.batch_alter_table("enterprise", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enterprise_nib"))
        batch_op.drop_index(batch_op.f("ix_enterprise_name"))
        batch_op.drop_index("ix_enterprise_kecamatan_name")
        batch_op.drop_index("ix_enterprise_cluster_name")

    op.drop_table("enterprise")
    op.drop_table("setting")
    with op.batch_alter_table("region", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_region_name"))
        batch_op.drop_index(batch_op.f("ix_region_code"))

    op.drop_table("region")
    op.drop_table("device")
    with op.batch_alter_table("cluster", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cluster_code"))

    op.drop_table("cluster")
    with op.batch_alter_table("checklist_template", schema=None) as batch_op:
        batch_op.drop_index("ix_checklist_template_code_version")

    op.drop_table("checklist_template")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index("ix_change_log_field")

    op.drop_table("change_log")
