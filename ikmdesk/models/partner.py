"""Partner institutions the office mentors together with (universities, agencies, BPOM, ...)."""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from sqlalchemy import CheckConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import Base, SyncedRecord, str200, text
from ikmdesk.models.enums import enum_column


class PartnerKind(StrEnum):
    UNIVERSITY = "university"
    PROVINCIAL_AGENCY = "provincial_agency"
    MINISTRY = "ministry"
    BPOM = "bpom"
    HALAL_BODY = "halal_body"
    BANK_CSR = "bank_csr"
    OTHER = "other"


class Partner(SyncedRecord, Base):
    """A partner institution; reference data the supervisor keeps and sends to officers."""

    __tablename__ = "partner"
    __sync_authority__: ClassVar[str] = "supervisor"
    __table_args__ = (CheckConstraint("length(name) > 0", name="name_not_empty"),)

    name: Mapped[str200] = mapped_column(index=True)
    kind: Mapped[PartnerKind] = mapped_column(enum_column(PartnerKind, "partner_kind"))
    contact_person: Mapped[str | None] = mapped_column(default=None)
    phone: Mapped[str | None] = mapped_column(default=None)
    notes: Mapped[text | None] = mapped_column(default=None)
