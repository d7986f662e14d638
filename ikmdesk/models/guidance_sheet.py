"""Short guidance sheets ("apa yang harus dilakukan") per topic and per checklist item."""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy import CheckConstraint, Index
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import Base, SyncedRecord, str200, text


class GuidanceSheet(SyncedRecord, Base):
    """A sourced what-to-do text; linked to a catalogue topic or a checklist item (or both)."""

    __tablename__ = "guidance_sheet"
    __sync_authority__: ClassVar[str] = "supervisor"
    __table_args__ = (
        CheckConstraint("length(title) > 0", name="title_not_empty"),
        Index("ix_guidance_sheet_item", "checklist_code", "item_id"),
    )

    code: Mapped[str200] = mapped_column(index=True)
    topic_code: Mapped[str200 | None] = mapped_column(default=None)
    checklist_code: Mapped[str200 | None] = mapped_column(default=None)
    item_id: Mapped[str200 | None] = mapped_column(default=None)
    title: Mapped[str200]
    body: Mapped[text]
    source: Mapped[text]
    starter: Mapped[bool] = mapped_column(default=True)
