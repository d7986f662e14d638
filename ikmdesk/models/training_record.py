"""An IKM's history of trainings attended and certificates obtained (imported or typed)."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import Base, SyncedRecord, str36, str200, text


class TrainingRecord(SyncedRecord, Base):
    """One past training (or certification) of an IKM, by year and theme."""

    __tablename__ = "training_record"
    __table_args__ = (
        CheckConstraint("year BETWEEN 1980 AND 2100", name="year_plausible"),
        CheckConstraint("length(title) > 0", name="title_not_empty"),
    )

    enterprise_id: Mapped[str36] = mapped_column(ForeignKey("enterprise.id"), index=True)
    year: Mapped[int]
    title: Mapped[str200]
    theme: Mapped[str | None] = mapped_column(default=None)
    organiser: Mapped[str | None] = mapped_column(default=None)
    notes: Mapped[text | None] = mapped_column(default=None)
