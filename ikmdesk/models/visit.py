"""Mentoring visits to an IKM and their review by a supervisor."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import FAR_FUTURE, Base, SyncedRecord, str36, text
from ikmdesk.models.enums import VisitPurpose, VisitStatus, enum_column


class Visit(SyncedRecord, Base):
    """One visit: when, by whom, why, what was done, seen and advised, and its approval."""

    __tablename__ = "visit"
    __table_args__ = (
        CheckConstraint(f"visit_date < '{FAR_FUTURE}'", name="date_not_far_future"),
        CheckConstraint("revision >= 0", name="revision_not_negative"),
        Index("ix_visit_date", "visit_date"),
        Index("ix_visit_enterprise_date", "enterprise_id", "visit_date"),
        Index("ix_visit_status_date", "status", "visit_date"),
    )

    enterprise_id: Mapped[str36] = mapped_column(ForeignKey("enterprise.id"))
    visit_date: Mapped[date]
    officer_id: Mapped[str36] = mapped_column(ForeignKey("device.id"))
    companions: Mapped[str | None] = mapped_column(default=None)
    purpose: Mapped[VisitPurpose] = mapped_column(enum_column(VisitPurpose, "visit_purpose"))
    activities: Mapped[text | None] = mapped_column(default=None)
    findings: Mapped[text | None] = mapped_column(default=None)
    recommendations: Mapped[text | None] = mapped_column(default=None)
    status: Mapped[VisitStatus] = mapped_column(
        enum_column(VisitStatus, "visit_status"), default=VisitStatus.DRAFT
    )
    revision: Mapped[int] = mapped_column(default=0)
    submitted_at: Mapped[datetime | None] = mapped_column(default=None)
    reviewed_at: Mapped[datetime | None] = mapped_column(default=None)
    reviewer_id: Mapped[str36 | None] = mapped_column(ForeignKey("device.id"), default=None)
    review_comment: Mapped[text | None] = mapped_column(default=None)
