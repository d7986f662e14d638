"""A checklist run on a visit, its per-item answers, and the result it was scored to."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import FAR_FUTURE, Base, SyncedRecord, str36, str200, text
from ikmdesk.models.enums import CheckStatus, enum_column


class QualityCheck(SyncedRecord, Base):
    """One checklist run for one product, from one template version; keeps the result it got."""

    __tablename__ = "quality_check"
    __table_args__ = (
        CheckConstraint(f"checked_on < '{FAR_FUTURE}'", name="date_not_far_future"),
        Index("ix_quality_check_visit", "visit_id"),
        Index("ix_quality_check_product", "product_id"),
    )

    visit_id: Mapped[str36] = mapped_column(ForeignKey("visit.id"))
    product_id: Mapped[str36 | None] = mapped_column(ForeignKey("product.id"), default=None)
    template_id: Mapped[str36] = mapped_column(ForeignKey("checklist_template.id"))
    checked_on: Mapped[date]
    notes: Mapped[text | None] = mapped_column(default=None)
    result_status: Mapped[CheckStatus] = mapped_column(
        enum_column(CheckStatus, "check_status"), default=CheckStatus.INCOMPLETE
    )
    result_code: Mapped[str | None] = mapped_column(default=None)
    result_label_id: Mapped[text | None] = mapped_column(default=None)
    result_label_en: Mapped[text | None] = mapped_column(default=None)
    score: Mapped[float | None] = mapped_column(default=None)
    result: Mapped[dict[str, Any] | None] = mapped_column(default=None)


class QualityAnswer(SyncedRecord, Base):
    """The answer to one template item, with the finding's PLOR fields and corrective action.

    Its id is derived from (check, item), so two devices answering the same item merge
    field by field instead of creating two answers.
    """

    __tablename__ = "quality_answer"
    __table_args__ = (
        CheckConstraint(
            f"due_date IS NULL OR due_date < '{FAR_FUTURE}'", name="due_not_far_future"
        ),
        Index("ix_quality_answer_check", "check_id"),
    )

    check_id: Mapped[str36] = mapped_column(ForeignKey("quality_check.id"))
    item_id: Mapped[str200]
    value: Mapped[Any | None] = mapped_column(JSON(none_as_null=True), default=None)
    note: Mapped[text | None] = mapped_column(default=None)
    problem: Mapped[text | None] = mapped_column(default=None)
    location: Mapped[text | None] = mapped_column(default=None)
    evidence: Mapped[text | None] = mapped_column(default=None)
    reference: Mapped[text | None] = mapped_column(default=None)
    corrective_action: Mapped[text | None] = mapped_column(default=None)
    due_date: Mapped[date | None] = mapped_column(default=None)
