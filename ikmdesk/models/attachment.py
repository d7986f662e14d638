"""Photos and documents attached to a visit, an enterprise or a product."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import Base, SyncedRecord, str36, str200, text


class Attachment(SyncedRecord, Base):
    """A file stored content-addressed by SHA-256 in the data folder, with its caption."""

    __tablename__ = "attachment"
    __table_args__ = (
        CheckConstraint("length(sha256) = 64", name="sha256_length"),
        CheckConstraint("size_bytes >= 0", name="size_not_negative"),
        CheckConstraint(
            "(CASE WHEN visit_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN enterprise_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN product_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="exactly_one_owner",
        ),
        CheckConstraint("latitude IS NULL OR (latitude BETWEEN -90 AND 90)", name="latitude_range"),
        CheckConstraint(
            "longitude IS NULL OR (longitude BETWEEN -180 AND 180)", name="longitude_range"
        ),
        Index("ix_attachment_visit", "visit_id"),
        Index("ix_attachment_enterprise", "enterprise_id"),
        Index("ix_attachment_product", "product_id"),
        Index("ix_attachment_sha256", "sha256"),
    )

    sha256: Mapped[str]
    mime_type: Mapped[str]
    size_bytes: Mapped[int]
    original_name: Mapped[str200 | None] = mapped_column(default=None)
    caption: Mapped[text | None] = mapped_column(default=None)
    taken_at: Mapped[datetime | None] = mapped_column(default=None)
    latitude: Mapped[float | None] = mapped_column(default=None)
    longitude: Mapped[float | None] = mapped_column(default=None)
    visit_id: Mapped[str36 | None] = mapped_column(ForeignKey("visit.id"), default=None)
    enterprise_id: Mapped[str36 | None] = mapped_column(ForeignKey("enterprise.id"), default=None)
    product_id: Mapped[str36 | None] = mapped_column(ForeignKey("product.id"), default=None)
