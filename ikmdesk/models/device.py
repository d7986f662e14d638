"""This installation and the peer devices it knows (officers and supervisors)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import Base, SyncedRecord, milliseconds, str36, str200
from ikmdesk.models.enums import DeviceRole, enum_column


class Device(SyncedRecord, Base):
    """A device's public identity: who uses it, in what role, and its public keys."""

    __tablename__ = "device"

    role: Mapped[DeviceRole] = mapped_column(enum_column(DeviceRole, "device_role"))
    officer_name: Mapped[str200]
    nip: Mapped[str | None] = mapped_column(default=None)
    signing_public_key: Mapped[str | None] = mapped_column(default=None)
    encryption_public_key: Mapped[str | None] = mapped_column(default=None)


class LocalIdentity(Base):
    """The one row saying which device this database belongs to; holds its private keys.

    Never synced: the private keys and the clock state stay on this machine.
    """

    __tablename__ = "local_identity"

    device_id: Mapped[str36] = mapped_column(ForeignKey("device.id"), primary_key=True)
    signing_private_key: Mapped[bytes] = mapped_column(LargeBinary)
    encryption_private_key: Mapped[bytes] = mapped_column(LargeBinary)
    op_counter: Mapped[int] = mapped_column(default=0)
    hlc_wall_ms: Mapped[milliseconds] = mapped_column(default=0)
    hlc_logical: Mapped[int] = mapped_column(default=0)
