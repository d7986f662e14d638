"""Business diagnoses of enrolled IKMs, filled from a versioned diagnosis template."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import CheckConstraint, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import FAR_FUTURE, Base, SyncedRecord, str36, str200, text
from ikmdesk.models.enums import enum_column


class DiagnosisStage(StrEnum):
    BASELINE = "baseline"
    FINAL = "final"


class DiagnosisTemplate(SyncedRecord, Base):
    """One version of the diagnosis form; the office changes it without a release."""

    __tablename__ = "diagnosis_template"
    __sync_authority__: ClassVar[str] = "supervisor"
    __table_args__ = (
        CheckConstraint("version >= 1", name="version_positive"),
        Index("ix_diagnosis_template_code_version", "code", "version"),
    )

    code: Mapped[str200]
    version: Mapped[int]
    title_id: Mapped[str200]
    title_en: Mapped[str200]
    definition: Mapped[dict[str, Any]]


class Diagnosis(SyncedRecord, Base):
    """The baseline (or final) diagnosis of one IKM in one programme.

    Its id comes from (programme, IKM, stage), so two officers filling it merge field by field.
    """

    __tablename__ = "diagnosis"
    __table_args__ = (
        CheckConstraint(f"diagnosed_on < '{FAR_FUTURE}'", name="date_not_far_future"),
        Index("ix_diagnosis_programme", "programme_id"),
    )

    programme_id: Mapped[str36] = mapped_column(ForeignKey("programme.id"))
    enterprise_id: Mapped[str36] = mapped_column(ForeignKey("enterprise.id"))
    template_id: Mapped[str36] = mapped_column(ForeignKey("diagnosis_template.id"))
    stage: Mapped[DiagnosisStage] = mapped_column(enum_column(DiagnosisStage, "diagnosis_stage"))
    diagnosed_on: Mapped[date]
    officer_id: Mapped[str36] = mapped_column(ForeignKey("device.id"))
    answers: Mapped[dict[str, Any]]
    notes: Mapped[text | None] = mapped_column(default=None)
