"""Action items agreed on a visit: what, who, by when, and when it was done."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import FAR_FUTURE, Base, SyncedRecord, str36, str200, text


class FollowUp(SyncedRecord, Base):
    """A follow-up action from a visit, possibly born from a checklist finding."""

    __tablename__ = "follow_up"
    __table_args__ = (
        CheckConstraint(f"due_date < '{FAR_FUTURE}'", name="due_not_far_future"),
        CheckConstraint(f"done_on IS NULL OR done_on < '{FAR_FUTURE}'", name="done_not_far_future"),
        CheckConstraint("length(action) > 0", name="action_not_empty"),
        Index("ix_follow_up_due", "done_on", "due_date"),
        Index("ix_follow_up_visit", "visit_id"),
        Index("ix_follow_up_enterprise", "enterprise_id"),
    )

    visit_id: Mapped[str36] = mapped_column(ForeignKey("visit.id"))
    enterprise_id: Mapped[str36] = mapped_column(ForeignKey("enterprise.id"))
    answer_id: Mapped[str36 | None] = mapped_column(ForeignKey("quality_answer.id"), default=None)
    action: Mapped[text]
    owner: Mapped[str200 | None] = mapped_column(default=None)
    due_date: Mapped[date]
    done_on: Mapped[date | None] = mapped_column(default=None)
    done_note: Mapped[text | None] = mapped_column(default=None)
