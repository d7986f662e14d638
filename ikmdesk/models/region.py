"""Administrative regions of the regency: kecamatan and their desa."""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import Base, SyncedRecord, str36, str200
from ikmdesk.models.enums import RegionLevel, enum_column


class Region(SyncedRecord, Base):
    """A kecamatan (with its Kemendagri code) or a desa inside one."""

    __tablename__ = "region"
    # Reference data; an officer may add a desa and edit the desa it added (docs/sync-format.md).
    __sync_authority__: ClassVar[str] = "supervisor"
    __sync_officer_creates__: ClassVar[bool] = True

    level: Mapped[RegionLevel] = mapped_column(enum_column(RegionLevel, "region_level"))
    code: Mapped[str | None] = mapped_column(default=None, index=True)
    name: Mapped[str200] = mapped_column(index=True)
    parent_id: Mapped[str36 | None] = mapped_column(ForeignKey("region.id"), default=None)
