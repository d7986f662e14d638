"""Local settings of this database (letterhead, report numbering); not synced."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import Base


class Setting(Base):
    """One named setting with a JSON value."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any | None] = mapped_column(JSON(none_as_null=True))
