"""mentoring programmes

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 13:58:46.244062
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "diagnosis_template",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title_id", sa.String(length=200), nullable=False),
        sa.Column("title_en", sa.String(length=200), nullable=False),
        sa.Column("definition", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint("version >= 1", name=op.f("ck_diagnosis_template_version_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_diagnosis_template")),
    )
    with op.batch_alter_table("diagnosis_template", schema=None) as batch_op:
        batch_op.create_index(
            "ix_diagnosis_template_code_version", ["code", "version"], unique=False
        )

    op.create_table(
        "guidance_sheet",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=200), nullable=False),
        sa.Column("topic_code", sa.String(length=200), nullable=True),
        sa.Column("checklist_code", sa.String(length=200), nullable=True),
        sa.Column("item_id", sa.String(length=200), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("starter", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint("length(title) > 0", name=op.f("ck_guidance_sheet_title_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guidance_sheet")),
    )
    with op.batch_alter_table("guidance_sheet", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_guidance_sheet_code"), ["code"], unique=False)
        batch_op.create_index("ix_guidance_sheet_item", ["checklist_code", "item_id"], unique=False)

    op.create_table(
        "partner",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "university",
                "provincial_agency",
                "ministry",
                "bpom",
                "halal_body",
                "bank_csr",
                "other",
                name="partner_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("contact_person", sa.String(), nullable=True),
        sa.Column("phone", sa.String(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint("length(name) > 0", name=op.f("ck_partner_name_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner")),
    )
    with op.batch_alter_table("partner", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partner_name"), ["name"], unique=False)

    op.create_table(
        "programme",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("cluster_id", sa.String(length=36), nullable=False),
        sa.Column("kecamatan_id", sa.String(length=36), nullable=False),
        sa.Column("sentra", sa.String(length=200), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("visit_interval_days", sa.Integer(), nullable=False),
        sa.Column("min_hours_per_visit", sa.Double(), nullable=False),
        sa.Column("officer_ids", sa.JSON(), nullable=False),
        sa.Column("partner_ids", sa.JSON(), nullable=False),
        sa.Column("goal", sa.Text(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("evaluation", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint("ends_on < '2100-01-01'", name=op.f("ck_programme_end_not_far_future")),
        sa.CheckConstraint("ends_on >= starts_on", name=op.f("ck_programme_period_ordered")),
        sa.CheckConstraint("length(name) > 0", name=op.f("ck_programme_name_not_empty")),
        sa.CheckConstraint(
            "min_hours_per_visit >= 0", name=op.f("ck_programme_hours_not_negative")
        ),
        sa.CheckConstraint("visit_interval_days > 0", name=op.f("ck_programme_interval_positive")),
        sa.ForeignKeyConstraint(
            ["cluster_id"], ["cluster.id"], name=op.f("fk_programme_cluster_id_cluster")
        ),
        sa.ForeignKeyConstraint(
            ["kecamatan_id"], ["region.id"], name=op.f("fk_programme_kecamatan_id_region")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme")),
    )
    with op.batch_alter_table("programme", schema=None) as batch_op:
        batch_op.create_index("ix_programme_starts_on", ["starts_on"], unique=False)

    op.create_table(
        "diagnosis",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("programme_id", sa.String(length=36), nullable=False),
        sa.Column("enterprise_id", sa.String(length=36), nullable=False),
        sa.Column("template_id", sa.String(length=36), nullable=False),
        sa.Column(
            "stage",
            sa.Enum(
                "baseline",
                "final",
                name="diagnosis_stage",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("diagnosed_on", sa.Date(), nullable=False),
        sa.Column("officer_id", sa.String(length=36), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint(
            "diagnosed_on < '2100-01-01'", name=op.f("ck_diagnosis_date_not_far_future")
        ),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprise.id"], name=op.f("fk_diagnosis_enterprise_id_enterprise")
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["device.id"], name=op.f("fk_diagnosis_officer_id_device")
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"], ["programme.id"], name=op.f("fk_diagnosis_programme_id_programme")
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["diagnosis_template.id"],
            name=op.f("fk_diagnosis_template_id_diagnosis_template"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_diagnosis")),
    )
    with op.batch_alter_table("diagnosis", schema=None) as batch_op:
        batch_op.create_index("ix_diagnosis_programme", ["programme_id"], unique=False)

    op.create_table(
        "plan_target",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("programme_id", sa.String(length=36), nullable=False),
        sa.Column("enterprise_id", sa.String(length=36), nullable=False),
        sa.Column("target_code", sa.String(length=200), nullable=False),
        sa.Column("indicator", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("done_note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint(
            "done_on IS NULL OR done_on < '2100-01-01'",
            name=op.f("ck_plan_target_done_not_far_future"),
        ),
        sa.CheckConstraint("due_on < '2100-01-01'", name=op.f("ck_plan_target_due_not_far_future")),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprise.id"],
            name=op.f("fk_plan_target_enterprise_id_enterprise"),
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"], ["programme.id"], name=op.f("fk_plan_target_programme_id_programme")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_target")),
    )
    with op.batch_alter_table("plan_target", schema=None) as batch_op:
        batch_op.create_index(
            "ix_plan_target_programme", ["programme_id", "enterprise_id"], unique=False
        )

    op.create_table(
        "programme_enrollment",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("programme_id", sa.String(length=36), nullable=False),
        sa.Column("enterprise_id", sa.String(length=36), nullable=False),
        sa.Column("enrolled_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint(
            "enrolled_on < '2100-01-01'", name=op.f("ck_programme_enrollment_date_not_far_future")
        ),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprise.id"],
            name=op.f("fk_programme_enrollment_enterprise_id_enterprise"),
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_programme_enrollment_programme_id_programme"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_enrollment")),
    )
    with op.batch_alter_table("programme_enrollment", schema=None) as batch_op:
        batch_op.create_index("ix_programme_enrollment_enterprise", ["enterprise_id"], unique=False)
        batch_op.create_index("ix_programme_enrollment_programme", ["programme_id"], unique=False)

    op.create_table(
        "training_record",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("enterprise_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("theme", sa.String(), nullable=True),
        sa.Column("organiser", sa.String(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint("length(title) > 0", name=op.f("ck_training_record_title_not_empty")),
        sa.CheckConstraint(
            "year BETWEEN 1980 AND 2100", name=op.f("ck_training_record_year_plausible")
        ),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprise.id"],
            name=op.f("fk_training_record_enterprise_id_enterprise"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_record")),
    )
    with op.batch_alter_table("training_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_training_record_enterprise_id"), ["enterprise_id"], unique=False
        )

    op.create_table(
        "logbook_entry",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("programme_id", sa.String(length=36), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column(
            "method",
            sa.Enum(
                "demonstration",
                "practice",
                "document_review",
                "discussion",
                "assisted_application",
                "field_trip",
                name="teaching_method",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("hours", sa.Double(), nullable=False),
        sa.Column("workers_reached", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.String(length=36), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint(
            "hours >= 0 AND hours <= 24", name=op.f("ck_logbook_entry_hours_in_a_day")
        ),
        sa.CheckConstraint(
            "workers_reached >= 0", name=op.f("ck_logbook_entry_workers_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partner.id"], name=op.f("fk_logbook_entry_partner_id_partner")
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"], ["programme.id"], name=op.f("fk_logbook_entry_programme_id_programme")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_logbook_entry_visit_id_visit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_logbook_entry")),
    )
    with op.batch_alter_table("logbook_entry", schema=None) as batch_op:
        batch_op.create_index("ix_logbook_entry_programme", ["programme_id"], unique=False)
        batch_op.create_index("ix_logbook_entry_visit", ["visit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("logbook_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_logbook_entry_visit")
        batch_op.drop_index("ix_logbook_entry_programme")

    op.drop_table("logbook_entry")
    with op.batch_alter_table("training_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_record_enterprise_id"))

    op.drop_table("training_record")
    with op.batch_alter_table("programme_enrollment", schema=None) as batch_op:
        batch_op.drop_index("ix_programme_enrollment_programme")
        batch_op.drop_index("ix_programme_enrollment_enterprise")

    op.drop_table("programme_enrollment")
    with op.batch_alter_table("plan_target", schema=None) as batch_op:
        batch_op.drop_index("ix_plan_target_programme")

    op.drop_table("plan_target")
    with op.batch_alter_table("diagnosis", schema=None) as batch_op:
        batch_op.drop_index("ix_diagnosis_programme")

    op.drop_table("diagnosis")
    with op.batch_alter_table("programme", schema=None) as batch_op:
        batch_op.drop_index("ix_programme_starts_on")

    op.drop_table("programme")
    with op.batch_alter_table("partner", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_name"))

    op.drop_table("partner")
    with op.batch_alter_table("guidance_sheet", schema=None) as batch_op:
        batch_op.drop_index("ix_guidance_sheet_item")
        batch_op.drop_index(batch_op.f("ix_guidance_sheet_code"))

    op.drop_table("guidance_sheet")
    with op.batch_alter_table("diagnosis_template", schema=None) as batch_op:
        batch_op.drop_index("ix_diagnosis_template_code_version")

    op.drop_table("diagnosis_template")
