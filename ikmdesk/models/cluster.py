"""Priority clusters that mentoring is organised by (banana, cocoa, processed food, ...)."""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import Base, SyncedRecord, str200


class Cluster(SyncedRecord, Base):
    """A priority cluster with its Indonesian and English names."""

    __tablename__ = "cluster"
    # Reference data: only the supervisor's ops on it are accepted (docs/sync-format.md).
    __sync_authority__: ClassVar[str] = "supervisor"

    code: Mapped[str] = mapped_column(index=True)
    name_id: Mapped[str200]
    name_en: Mapped[str200]
