"""Introducing devices to each other: key cards, trust decisions, and the list of trusted peers."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ikmdesk.errors import CONTEXT, MSG_WRITE_FAILED, QT_TRANSLATE_NOOP, FileWriteError, UserError
from ikmdesk.models.base import utc_now
from ikmdesk.models.enums import DeviceRole
from ikmdesk.models.sync_state import TrustedPeer
from ikmdesk.services.device import DeviceInfo, key_fingerprint, this_device
from ikmdesk.sync.package_crypto import unb64

KEY_CARD_FORMAT = "ikmdesk-key-card"
KEY_CARD_VERSION = 1
KEY_CARD_MAX_BYTES = 64 * 1024

MSG_BAD_KEY_CARD = QT_TRANSLATE_NOOP(
    CONTEXT, "Berkas {name} bukan kartu kunci IKMDesk yang sah: {detail}"
)
MSG_TRUST_SELF = QT_TRANSLATE_NOOP(
    CONTEXT, "Kartu kunci {name} adalah milik perangkat ini sendiri; tidak perlu dipercaya."
)
MSG_TRUST_REVOKED = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Kunci perangkat {name} sudah dicabut pada {date}; perangkat itu tidak dapat dipercaya "
    "lagi. Petugasnya perlu menyiapkan perangkat baru dan mengirim kartu kuncinya.",
)
MSG_PEER_UNKNOWN = QT_TRANSLATE_NOOP(
    CONTEXT, "Perangkat {device} tidak ada dalam daftar perangkat yang dipercaya."
)
MSG_TRUST_KEY_CHANGED = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Perangkat {device} sudah dipercaya dengan kunci lain (sidik jari {old}); kartu ini "
    "membawa sidik jari {new}. Tanyakan petugas yang bersangkutan sebelum melanjutkan.",
)


class KeyCardInvalid(UserError):
    """A key card file is malformed, altered, or belongs to this device."""


@dataclass(frozen=True, slots=True)
class PeerInfo:
    """A trusted device as shown to users: who, which role, and the fingerprint to compare."""

    device_id: str
    role: str
    officer_name: str
    nip: str | None
    fingerprint: str
    signing_public_key: str
    encryption_public_key: str
    revoked_at: datetime | None = None


def key_card(device: DeviceInfo) -> dict[str, Any]:
    """Return the key card of a device: its id, role, officer, public keys and fingerprint."""
    return {
        "format": KEY_CARD_FORMAT,
        "version": KEY_CARD_VERSION,
        "device_id": device.id,
        "role": device.role.value,
        "officer_name": device.officer_name,
        "nip": device.nip,
        "signing_public_key": device.signing_public_key,
        "encryption_public_key": device.encryption_public_key,
        "fingerprint": device.fingerprint,
    }


def export_key_card(session: Session, target: Path) -> PeerInfo:
    """Write this device's key card to ``target`` (atomically) and return what it says."""
    device = this_device(session)
    data = json.dumps(key_card(device), ensure_ascii=False, indent=2).encode("utf-8")
    target = Path(target)
    tmp = target.with_name(f".{target.name}.part")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise FileWriteError(
            MSG_WRITE_FAILED, path=str(target), detail=exc.strerror or str(exc)
        ) from exc
    return _card_peer(key_card(device))


def read_key_card(path: Path) -> PeerInfo:
    """Return the device a key card file describes; raises KeyCardInvalid saying why."""
    path = Path(path)
    try:
        raw = path.read_bytes()[: KEY_CARD_MAX_BYTES + 1]
    except OSError as exc:
        raise KeyCardInvalid(MSG_BAD_KEY_CARD, name=path.name, detail=exc.strerror) from exc
    if len(raw) > KEY_CARD_MAX_BYTES:
        raise KeyCardInvalid(MSG_BAD_KEY_CARD, name=path.name, detail="too large")
    try:
        data = json.loads(raw.decode("utf-8"))
        return _card_peer(data)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise KeyCardInvalid(MSG_BAD_KEY_CARD, name=path.name, detail=str(exc)[:120]) from exc


def _card_peer(data: Any) -> PeerInfo:
    if not isinstance(data, dict) or data.get("format") != KEY_CARD_FORMAT:
        raise ValueError("not a key card")
    if data.get("version") != KEY_CARD_VERSION:
        raise ValueError(f"unknown key card version {data.get('version')!r}")
    role = DeviceRole(data["role"]).value
    signing, encryption = data["signing_public_key"], data["encryption_public_key"]
    unb64(signing, length=32)
    unb64(encryption, length=32)
    fingerprint = key_fingerprint(signing, encryption)
    if data.get("fingerprint") != fingerprint:
        raise ValueError("fingerprint does not match the keys")
    name = data["officer_name"]
    if not isinstance(name, str) or not name.strip() or len(name) > 200:
        raise ValueError("officer name missing")
    device_id = data["device_id"]
    if not isinstance(device_id, str) or len(device_id) != 36:
        raise ValueError("device id missing")
    nip = data.get("nip")
    return PeerInfo(
        device_id=device_id,
        role=role,
        officer_name=name,
        nip=nip if isinstance(nip, str) else None,
        fingerprint=fingerprint,
        signing_public_key=signing,
        encryption_public_key=encryption,
    )


def trust_peer(session: Session, peer: PeerInfo, *, source_name: str = "") -> PeerInfo:
    """Trust a device's keys from now on; refused for this device itself or changed keys."""
    me = this_device(session)
    if peer.device_id == me.id:
        raise KeyCardInvalid(MSG_TRUST_SELF, name=source_name or peer.device_id)
    existing = session.get(TrustedPeer, peer.device_id)
    if existing is not None and existing.revoked_at is not None:
        raise KeyCardInvalid(
            MSG_TRUST_REVOKED, name=existing.officer_name, date=f"{existing.revoked_at:%d-%m-%Y}"
        )
    if existing is not None:
        if existing.fingerprint != peer.fingerprint:
            raise KeyCardInvalid(
                MSG_TRUST_KEY_CHANGED,
                device=peer.device_id,
                old=existing.fingerprint,
                new=peer.fingerprint,
            )
        existing.role, existing.officer_name, existing.nip = peer.role, peer.officer_name, peer.nip
        return peer
    session.add(
        TrustedPeer(
            device_id=peer.device_id,
            role=peer.role,
            officer_name=peer.officer_name,
            nip=peer.nip,
            signing_public_key=peer.signing_public_key,
            encryption_public_key=peer.encryption_public_key,
            fingerprint=peer.fingerprint,
        )
    )
    session.flush()
    return peer


def trusted_peers(session: Session) -> list[PeerInfo]:
    """Return every trusted device (revoked ones left out), supervisors first, then by name."""
    rows = session.scalars(select(TrustedPeer).where(TrustedPeer.revoked_at.is_(None))).all()
    return _in_display_order(peer_info(row) for row in rows)


def revoked_peers(session: Session) -> list[PeerInfo]:
    """Return every device whose key was withdrawn, in the same order as trusted_peers."""
    rows = session.scalars(select(TrustedPeer).where(TrustedPeer.revoked_at.is_not(None))).all()
    return _in_display_order(peer_info(row) for row in rows)


def _in_display_order(peers: Iterable[PeerInfo]) -> list[PeerInfo]:
    return sorted(peers, key=lambda p: (p.role != DeviceRole.SUPERVISOR.value, p.officer_name))


def trusted_peer(session: Session, device_id: str) -> PeerInfo | None:
    """Return the trusted (not revoked) device with this id, or None."""
    row = session.get(TrustedPeer, device_id)
    return None if row is None or row.revoked_at is not None else peer_info(row)


def revoke_peer(session: Session, device_id: str) -> PeerInfo:
    """Withdraw trust in a device's key (a lost or stolen laptop); returns whom.

    The row stays, marked, so that its past ops keep their author and role, and so that a
    package or key card under the same device id is refused instead of asking the trust
    question again. Revoking twice keeps the first date.
    """
    row = session.get(TrustedPeer, device_id)
    if row is None:
        raise UserError(MSG_PEER_UNKNOWN, device=device_id)
    if row.revoked_at is None:
        row.revoked_at = utc_now()
        session.flush()
    return peer_info(row)


def peer_info(row: TrustedPeer) -> PeerInfo:
    """Return the plain facts of a trusted-peer row."""
    return PeerInfo(
        device_id=row.device_id,
        role=row.role,
        officer_name=row.officer_name,
        nip=row.nip,
        fingerprint=row.fingerprint,
        signing_public_key=row.signing_public_key,
        encryption_public_key=row.encryption_public_key,
        revoked_at=row.revoked_at,
    )
