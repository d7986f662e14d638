"""What an approval fixes for good: the frozen report content and the office's report number.

Both are made only by the supervisor's device (sync authority "supervisor") and travel to
every device, so an officer's copy prints the same approved report with the same number.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import CheckConstraint, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import Base, SyncedRecord, str36, str200


class ApprovalSnapshot(SyncedRecord, Base):
    """The visit report exactly as it was approved: one row per approval of a revision.

    ``content`` holds everything the report prints (approver, IKM profile, checks, findings,
    follow-up states on the approval day); ``digest`` is its hash, printed in the QR code.
    A row is written once and never changed, so field-level merge cannot mix two approvals.
    """

    __tablename__ = "approval_snapshot"
    __sync_authority__: ClassVar[str] = "supervisor"
    __table_args__ = (
        CheckConstraint("revision >= 0", name="revision_not_negative"),
        Index("ix_approval_snapshot_visit", "visit_id", "revision"),
    )

    visit_id: Mapped[str36] = mapped_column(ForeignKey("visit.id"))
    revision: Mapped[int] = mapped_column(default=0)
    approved_at: Mapped[datetime]
    approver_id: Mapped[str36] = mapped_column(ForeignKey("device.id"))
    report_number: Mapped[str200]
    digest: Mapped[str200]
    content: Mapped[dict[str, Any]]


class ReportNumber(SyncedRecord, Base):
    """One entry of the office register of visit report numbers: a number given to a visit.

    The row id is derived from (year, seq), so the same number given twice (two supervisor
    devices approving offline) is one row on every device, and the second visit shows up as
    a sync conflict on ``visit_id`` instead of two reports silently sharing a number.
    """

    __tablename__ = "report_number"
    __sync_authority__: ClassVar[str] = "supervisor"
    __table_args__ = (
        CheckConstraint("seq > 0", name="seq_positive"),
        Index("ix_report_number_visit", "visit_id"),
        Index("ix_report_number_year_seq", "year", "seq"),
    )

    year: Mapped[int]
    seq: Mapped[int]
    number: Mapped[str200]
    visit_id: Mapped[str36] = mapped_column(ForeignKey("visit.id"))
    issued_at: Mapped[datetime]
    issued_by: Mapped[str36] = mapped_column(ForeignKey("device.id"))
