"""The mentoring logbook (logbook pembinaan): what a programme visit taught, how, to whom."""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import Base, SyncedRecord, str36, text
from ikmdesk.models.enums import enum_column


class TeachingMethod(StrEnum):
    DEMONSTRATION = "demonstration"
    PRACTICE = "practice"
    DOCUMENT_REVIEW = "document_review"
    DISCUSSION = "discussion"
    ASSISTED_APPLICATION = "assisted_application"
    FIELD_TRIP = "field_trip"


class LogbookEntry(SyncedRecord, Base):
    """The logbook side of one visit made in a programme.

    Its id comes from the visit, so a visit has at most one entry; the visit itself stays as it
    is (a visit outside any programme simply has none).
    """

    __tablename__ = "logbook_entry"
    __sync_authority__: ClassVar[str] = "records"
    __table_args__ = (
        CheckConstraint("hours >= 0 AND hours <= 24", name="hours_in_a_day"),
        CheckConstraint("workers_reached >= 0", name="workers_not_negative"),
        Index("ix_logbook_entry_programme", "programme_id"),
        Index("ix_logbook_entry_visit", "visit_id"),
    )

    visit_id: Mapped[str36] = mapped_column(ForeignKey("visit.id"))
    programme_id: Mapped[str36] = mapped_column(ForeignKey("programme.id"))
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    method: Mapped[TeachingMethod] = mapped_column(enum_column(TeachingMethod, "teaching_method"))
    hours: Mapped[float] = mapped_column(default=0.0)
    workers_reached: Mapped[int] = mapped_column(default=0)
    partner_id: Mapped[str36 | None] = mapped_column(ForeignKey("partner.id"), default=None)
    notes: Mapped[text | None] = mapped_column(default=None)
