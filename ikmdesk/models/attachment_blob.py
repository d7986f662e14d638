"""The bytes of attachment files, kept in a server database so every laptop on it has them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import Base, utc_now


class AttachmentBlob(Base):
    """One file's bytes, named by its SHA-256, on a PostgreSQL database only.

    A SQLite file keeps its files in the folder beside it; on a server database several
    supervisors' laptops share the rows but not a folder, so the bytes live here too. Local:
    it never travels (a sync package carries the files themselves).
    """

    __tablename__ = "attachment_blob"
    __table_args__ = (
        CheckConstraint("length(sha256) = 64", name="sha256_length"),
        CheckConstraint("size_bytes >= 0", name="size_not_negative"),
    )

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    size_bytes: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
