"""Checklist templates as versioned data records that travel through sync."""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import CheckConstraint, Index
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import Base, SyncedRecord, str200, text


class ChecklistTemplate(SyncedRecord, Base):
    """One version of a checklist template; its JSON definition is what the engine scores with."""

    __tablename__ = "checklist_template"
    # Reference data: only the supervisor's ops on it are accepted (docs/sync-format.md).
    __sync_authority__: ClassVar[str] = "supervisor"
    __table_args__ = (
        CheckConstraint("version >= 1", name="version_positive"),
        Index("ix_checklist_template_code_version", "code", "version"),
    )

    code: Mapped[str200]
    version: Mapped[int]
    title_id: Mapped[str200]
    title_en: Mapped[str200]
    source: Mapped[text | None] = mapped_column(default=None)
    definition: Mapped[dict[str, Any]]
