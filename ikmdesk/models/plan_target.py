"""Targets of an IKM's mentoring plan, chosen from the target catalogue."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import FAR_FUTURE, Base, SyncedRecord, str36, str200, text


class PlanTarget(SyncedRecord, Base):
    """One target for one IKM in one programme: what, how it is measured, by when, done when."""

    __tablename__ = "plan_target"
    __table_args__ = (
        CheckConstraint(f"due_on < '{FAR_FUTURE}'", name="due_not_far_future"),
        CheckConstraint(f"done_on IS NULL OR done_on < '{FAR_FUTURE}'", name="done_not_far_future"),
        Index("ix_plan_target_programme", "programme_id", "enterprise_id"),
    )

    programme_id: Mapped[str36] = mapped_column(ForeignKey("programme.id"))
    enterprise_id: Mapped[str36] = mapped_column(ForeignKey("enterprise.id"))
    target_code: Mapped[str200]
    indicator: Mapped[text]
    due_on: Mapped[date]
    done_on: Mapped[date | None] = mapped_column(default=None)
    done_note: Mapped[text | None] = mapped_column(default=None)
