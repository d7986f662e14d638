"""The field-level change log that sync files carry, written in the same transaction as the data."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import Base, str36


class ChangeOp(Base):
    """One field set on one record by one device, stamped with a hybrid logical clock.

    ``hlc`` is a fixed-width string, so "greatest HLC wins" is a plain string comparison
    and ties between devices are broken by the device id that ends it.
    """

    __tablename__ = "change_log"
    __table_args__ = (
        Index("ix_change_log_origin", "device_id", "counter", unique=True),
        Index("ix_change_log_field", "entity", "row_id", "field", "hlc"),
    )

    op_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    device_id: Mapped[str36]
    counter: Mapped[int]
    entity: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str36]
    field: Mapped[str] = mapped_column(String(64))
    value: Mapped[Any | None] = mapped_column(JSON(none_as_null=True))
    hlc: Mapped[str] = mapped_column(String(80))
