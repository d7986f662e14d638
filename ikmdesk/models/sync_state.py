"""This device's own sync bookkeeping: trusted peers, what peers hold, packages, conflicts.

None of these tables travel in sync files. Everything here is either a local decision
(trust, review status) or can be rebuilt from the change log every device holds.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import Base, milliseconds, str36, str200, utc_now


class TrustedPeer(Base):
    """A device whose key card (or first package) this device has accepted, with its keys."""

    __tablename__ = "trusted_peer"

    device_id: Mapped[str36] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(32))
    officer_name: Mapped[str200]
    nip: Mapped[str | None] = mapped_column(default=None)
    signing_public_key: Mapped[str] = mapped_column(String(64))
    encryption_public_key: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(64))
    trusted_at: Mapped[datetime] = mapped_column(default=utc_now)
    # Set when the key is withdrawn (a lost or stolen laptop): packages signed with it are
    # refused from then on, and the device cannot be trusted again under the same id.
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)


class PeerKnowledge(Base):
    """Highest op counter of ``origin`` that ``peer`` is known to hold (from its packages)."""

    __tablename__ = "peer_knowledge"

    peer_device_id: Mapped[str36] = mapped_column(primary_key=True)
    origin_device_id: Mapped[str36] = mapped_column(primary_key=True)
    counter: Mapped[int]


class SyncContext(Base):
    """This device's version vector as of its last import, and whether ops must still say so.

    After an import the next local op is preceded by a context op carrying this vector, so
    every device can tell which ops the author of a later op had seen (see docs/sync-format.md).
    """

    __tablename__ = "sync_context"

    device_id: Mapped[str36] = mapped_column(primary_key=True)
    vector: Mapped[dict[str, Any]]
    pending: Mapped[bool] = mapped_column(default=False)


class ImportedPackage(Base):
    """A package this device imported; its id makes a second import of it a no-op."""

    __tablename__ = "imported_package"
    __table_args__ = (Index("ix_imported_package_imported_at", "imported_at"),)

    package_id: Mapped[str36] = mapped_column(primary_key=True)
    sender_device_id: Mapped[str36]
    file_name: Mapped[str200]
    created_at: Mapped[datetime]
    imported_at: Mapped[datetime] = mapped_column(default=utc_now)
    encryption: Mapped[str] = mapped_column(String(16))
    ops_total: Mapped[int]
    ops_applied: Mapped[int]
    ops_known: Mapped[int]
    conflicts: Mapped[int]
    attachments: Mapped[int]
    clock_ahead_ms: Mapped[milliseconds | None] = mapped_column(default=None)


class ExportedPackage(Base):
    """A package this device wrote, for the history shown to the user."""

    __tablename__ = "exported_package"
    __table_args__ = (Index("ix_exported_package_created_at", "created_at"),)

    package_id: Mapped[str36] = mapped_column(primary_key=True)
    recipient_device_id: Mapped[str | None] = mapped_column(String(36), default=None)
    file_name: Mapped[str200]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    encryption: Mapped[str] = mapped_column(String(16))
    full: Mapped[bool] = mapped_column(default=False)
    ops: Mapped[int]
    attachments: Mapped[int]


class ClockWarning(Base):
    """A device whose ops were stamped further ahead of the importer's clock than allowed."""

    __tablename__ = "clock_warning"

    device_id: Mapped[str36] = mapped_column(primary_key=True)
    ahead_ms: Mapped[milliseconds]
    detected_at: Mapped[datetime] = mapped_column(default=utc_now)
    reported_by: Mapped[str36]


class SyncConflict(Base):
    """A concurrent edit that lost the merge (or was made to a record deleted concurrently).

    Detection is deterministic from the ops, so every device that holds the same ops finds
    the same conflicts; the review status is local to the device where it was reviewed, and
    a resolution is an ordinary edit that syncs.
    """

    __tablename__ = "sync_conflict"
    __table_args__ = (
        UniqueConstraint("loser_op_id", "kind"),
        Index("ix_sync_conflict_status", "status", "detected_at"),
        Index("ix_sync_conflict_row", "entity", "row_id"),
    )

    id: Mapped[str36] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    entity: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str36]
    field: Mapped[str] = mapped_column(String(64))
    loser_op_id: Mapped[str] = mapped_column(String(80))
    loser_device_id: Mapped[str36]
    loser_hlc: Mapped[str] = mapped_column(String(80))
    loser_value: Mapped[Any | None] = mapped_column(JSON(none_as_null=True))
    winner_op_id: Mapped[str] = mapped_column(String(80))
    winner_device_id: Mapped[str36]
    winner_hlc: Mapped[str] = mapped_column(String(80))
    winner_value: Mapped[Any | None] = mapped_column(JSON(none_as_null=True))
    detected_at: Mapped[datetime] = mapped_column(default=utc_now)
    status: Mapped[str] = mapped_column(String(16), default="open")
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)


class SyncHeldRecord(Base):
    """A record whose ops are held but which is not written yet: a record it links to is
    not here yet (its ops are in a later package, e.g. past a gap after a restore).

    Rebuilt from the change log as soon as every record it links to is present.
    """

    __tablename__ = "sync_held_record"

    entity: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[str36] = mapped_column(primary_key=True)
