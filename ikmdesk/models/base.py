"""Declarative base, shared column types and the mixin every synced record carries."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Dates past this are typing mistakes (a year of 2205 instead of 2025), not plans.
FAR_FUTURE = "2100-01-01"


def new_id() -> str:
    """Return a fresh record id; made on the device that creates the record."""
    return str(uuid.uuid4())


def stable_id(namespace: str, key: str) -> str:
    """Return the same id on every device for shared reference data (regions, templates)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"ikmdesk:{namespace}:{key}"))


def utc_now() -> datetime:
    """Return the current time as an aware UTC datetime."""
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """Store aware datetimes as naive UTC and hand them back aware, whatever the dialect."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime; IKMDesk stores aware UTC datetimes only")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


str36 = Annotated[str, 36]
str200 = Annotated[str, 200]
text = Annotated[str, "text"]
# Wall-clock milliseconds (about 1.8e12 today): past a 32-bit INTEGER, which PostgreSQL's
# INTEGER is; SQLite's INTEGER holds 64 bits, so the file keeps its type.
milliseconds = Annotated[int, "milliseconds"]


class Base(DeclarativeBase):
    """Root of all models; constraint names follow one convention so migrations stay stable."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        str36: String(36),
        str200: String(200),
        text: Text(),
        milliseconds: Integer().with_variant(BigInteger(), "postgresql"),
        datetime: UtcDateTime(),
        date: Date(),
        dict[str, Any]: JSON(),
        bool: Boolean(),
    }


class SyncedRecord:
    """Columns shared by every record that travels in sync files; never hard-deleted once synced."""

    __synced__ = True

    id: Mapped[str36] = mapped_column(primary_key=True, default=new_id, sort_order=-100)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now)
    deleted: Mapped[bool] = mapped_column(default=False, server_default="0")
