"""This installation's identity: role, officer, and the key pairs sync signs and encrypts with."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from ikmdesk.errors import (
    CONTEXT,
    MSG_DEVICE_NOT_SET_UP,
    QT_TRANSLATE_NOOP,
    DeviceNotSetUp,
    UserError,
    ValidationError,
)
from ikmdesk.models import Device, LocalIdentity, new_id
from ikmdesk.models.enums import DeviceRole
from ikmdesk.services.nip import is_nip, normalised_nip

MSG_ALREADY_SET_UP = QT_TRANSLATE_NOOP(
    CONTEXT, "Perangkat ini sudah disiapkan sebagai {role} atas nama {name}."
)
MSG_NAME_REQUIRED = QT_TRANSLATE_NOOP(CONTEXT, "Nama petugas wajib diisi.")
MSG_NIP_FORMAT = QT_TRANSLATE_NOOP(CONTEXT, "NIP harus 18 angka (tanpa spasi atau titik).")
MSG_ROLE_UNKNOWN = QT_TRANSLATE_NOOP(CONTEXT, "Peran harus 'officer' atau 'supervisor'.")


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    """Public facts about a device, as shown to users and written on key cards."""

    id: str
    role: DeviceRole
    officer_name: str
    nip: str | None
    signing_public_key: str
    encryption_public_key: str

    @property
    def fingerprint(self) -> str:
        """Return a short hash of both public keys that people compare by eye."""
        return key_fingerprint(self.signing_public_key, self.encryption_public_key)


def key_fingerprint(signing_public_key: str, encryption_public_key: str) -> str:
    """Return the fingerprint of a device's two public keys, in groups of four hex digits."""
    digest = hashlib.sha256(f"{signing_public_key}:{encryption_public_key}".encode()).hexdigest()
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4)).upper()


def create_identity(
    session: Session, *, role: str, officer_name: str, nip: str | None = None
) -> DeviceInfo:
    """Make this database's device identity with fresh key pairs; refused when one exists."""
    existing = session.scalar(select(LocalIdentity))
    if existing is not None:
        device = session.get_one(Device, existing.device_id)
        raise UserError(MSG_ALREADY_SET_UP, role=device.role.value, name=device.officer_name)
    device_role = _valid_role(role)
    name = officer_name.strip()
    if not name:
        raise ValidationError("officer_name", MSG_NAME_REQUIRED)
    signing = Ed25519PrivateKey.generate()
    encryption = X25519PrivateKey.generate()
    device = Device(
        id=new_id(),
        role=device_role,
        officer_name=name,
        nip=_valid_nip(nip),
        signing_public_key=_b64(signing.public_key().public_bytes_raw()),
        encryption_public_key=_b64(encryption.public_key().public_bytes_raw()),
    )
    session.add(device)
    session.add(
        LocalIdentity(
            device_id=device.id,
            signing_private_key=_private_bytes(signing),
            encryption_private_key=_private_bytes(encryption),
        )
    )
    session.flush()
    return device_info(device)


def update_officer(session: Session, *, officer_name: str, nip: str | None) -> DeviceInfo:
    """Correct the name and NIP of this device's officer; only changed fields are written."""
    identity = session.scalar(select(LocalIdentity))
    if identity is None:
        raise DeviceNotSetUp(MSG_DEVICE_NOT_SET_UP)
    name = officer_name.strip()
    if not name:
        raise ValidationError("officer_name", MSG_NAME_REQUIRED)
    valid_nip = _valid_nip(nip)
    device = session.get_one(Device, identity.device_id)
    if device.officer_name != name:
        device.officer_name = name
    if device.nip != valid_nip:
        device.nip = valid_nip
    session.flush()
    return device_info(device)


def this_device(session: Session) -> DeviceInfo:
    """Return this database's own device; raises DeviceNotSetUp before ``create_identity``."""
    identity = session.scalar(select(LocalIdentity))
    if identity is None:
        raise DeviceNotSetUp(MSG_DEVICE_NOT_SET_UP)
    return device_info(session.get_one(Device, identity.device_id))


def has_identity(session: Session) -> bool:
    """Tell whether this database has been given a device identity."""
    return session.scalar(select(LocalIdentity.device_id)) is not None


def device_info(device: Device) -> DeviceInfo:
    """Return the plain public facts of a device row."""
    return DeviceInfo(
        id=device.id,
        role=DeviceRole(device.role),
        officer_name=device.officer_name,
        nip=device.nip,
        signing_public_key=device.signing_public_key or "",
        encryption_public_key=device.encryption_public_key or "",
    )


def _valid_role(role: str) -> DeviceRole:
    try:
        return DeviceRole(role)
    except ValueError:
        raise ValidationError("role", MSG_ROLE_UNKNOWN) from None


def _valid_nip(nip: str | None) -> str | None:
    if nip is None or not nip.strip():
        return None
    value = normalised_nip(nip)
    if not is_nip(value):
        raise ValidationError("nip", MSG_NIP_FORMAT)
    return value


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _private_bytes(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
