"""Mentoring programmes per cluster and the IKMs enrolled in them."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import FAR_FUTURE, Base, SyncedRecord, str36, str200, text


class Programme(SyncedRecord, Base):
    """A mentoring programme: cluster, sentra, period, visit rhythm, officers and partners.

    Officers and partners are id lists (JSON): only the supervisor changes a programme, so a
    whole-list value never loses a concurrent officer edit.
    """

    __tablename__ = "programme"
    __sync_authority__: ClassVar[str] = "supervisor"
    __table_args__ = (
        CheckConstraint("length(name) > 0", name="name_not_empty"),
        CheckConstraint("ends_on >= starts_on", name="period_ordered"),
        CheckConstraint(f"ends_on < '{FAR_FUTURE}'", name="end_not_far_future"),
        CheckConstraint("visit_interval_days > 0", name="interval_positive"),
        CheckConstraint("min_hours_per_visit >= 0", name="hours_not_negative"),
        Index("ix_programme_starts_on", "starts_on"),
    )

    name: Mapped[str200]
    cluster_id: Mapped[str36] = mapped_column(ForeignKey("cluster.id"))
    kecamatan_id: Mapped[str36] = mapped_column(ForeignKey("region.id"))
    sentra: Mapped[str200 | None] = mapped_column(default=None)
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    visit_interval_days: Mapped[int] = mapped_column(default=7)
    min_hours_per_visit: Mapped[float] = mapped_column(default=2.0)
    officer_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    partner_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    goal: Mapped[text | None] = mapped_column(default=None)
    closed_on: Mapped[date | None] = mapped_column(default=None)
    evaluation: Mapped[text | None] = mapped_column(default=None)


class ProgrammeEnrollment(SyncedRecord, Base):
    """One IKM enrolled in one programme; its id comes from the pair, so it is never doubled."""

    __tablename__ = "programme_enrollment"
    __sync_authority__: ClassVar[str] = "supervisor"
    __table_args__ = (
        CheckConstraint(f"enrolled_on < '{FAR_FUTURE}'", name="date_not_far_future"),
        Index("ix_programme_enrollment_programme", "programme_id"),
        Index("ix_programme_enrollment_enterprise", "enterprise_id"),
    )

    programme_id: Mapped[str36] = mapped_column(ForeignKey("programme.id"))
    enterprise_id: Mapped[str36] = mapped_column(ForeignKey("enterprise.id"))
    enrolled_on: Mapped[date]
