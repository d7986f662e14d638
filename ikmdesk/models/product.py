"""Products an IKM makes; each holds its own P-IRT number (one per jenis pangan)."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import Base, SyncedRecord, str36, str200, text


class Product(SyncedRecord, Base):
    """A product and its label facts; the P-IRT number is kept as typed, parsed for display."""

    __tablename__ = "product"
    __table_args__ = (
        CheckConstraint(
            "shelf_life_days IS NULL OR shelf_life_days > 0", name="shelf_life_positive"
        ),
        CheckConstraint("length(name) > 0", name="name_not_empty"),
    )

    enterprise_id: Mapped[str36] = mapped_column(ForeignKey("enterprise.id"), index=True)
    name: Mapped[str200]
    category: Mapped[str | None] = mapped_column(default=None)
    packaging: Mapped[str | None] = mapped_column(default=None)
    net_content: Mapped[str | None] = mapped_column(default=None)
    ingredients: Mapped[text | None] = mapped_column(default=None)
    pirt_number: Mapped[str | None] = mapped_column(default=None, index=True)
    shelf_life_days: Mapped[int | None] = mapped_column(default=None)
    label_notes: Mapped[text | None] = mapped_column(default=None)
