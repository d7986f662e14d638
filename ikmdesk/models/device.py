"""This installation and the peer devices it knows (officers and supervisors)."""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import Base, SyncedRecord, milliseconds, str36, str200
from ikmdesk.models.enums import DeviceRole, enum_column


class Device(SyncedRecord, Base):
    """A device's public identity: who uses it, in what role, and its public keys."""

    __tablename__ = "device"
    # Only the device itself may change its row (name, role, keys): see docs/sync-format.md.
    __sync_authority__: ClassVar[str] = "device_self"

    role: Mapped[DeviceRole] = mapped_column(enum_column(DeviceRole, "device_role"))
    officer_name: Mapped[str200]
    nip: Mapped[str | None] = mapped_column(default=None)
    signing_public_key: Mapped[str | None] = mapped_column(default=None)
    encryption_public_key: Mapped[str | None] = mapped_column(default=None)


class LocalIdentity(Base):
    """The one row saying which device this database belongs to; holds its private keys.

    Never synced: the private keys and the clock state stay on this machine.

    ``origin_id`` names this database's incarnation, the first half of every op id it hands
    out (``None``: the first incarnation, whose origin is the device id itself). A restore
    or a copy of the file to another place starts a new origin with its counter at zero, so
    no op id is ever handed out twice. ``file_identity`` is the file (device, inode) the
    current origin was started in; a write from any other file starts a new origin.
    """

    __tablename__ = "local_identity"

    device_id: Mapped[str36] = mapped_column(ForeignKey("device.id"), primary_key=True)
    signing_private_key: Mapped[bytes] = mapped_column(LargeBinary)
    encryption_private_key: Mapped[bytes] = mapped_column(LargeBinary)
    op_counter: Mapped[int] = mapped_column(default=0)
    hlc_wall_ms: Mapped[milliseconds] = mapped_column(default=0)
    hlc_logical: Mapped[int] = mapped_column(default=0)
    origin_id: Mapped[str | None] = mapped_column(String(36), default=None)
    file_identity: Mapped[str | None] = mapped_column(String(200), default=None)
