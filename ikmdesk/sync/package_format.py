"""The ``.ikmsync`` package format: member names, limits, the manifest, and why a file is refused.

The format is written down for people in docs/sync-format.md; this module is its code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, UserError

FORMAT_NAME = "ikmsync"
FORMAT_VERSION = 1
SUFFIX = ".ikmsync"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
OPS = "ops.jsonl"
ATTACHMENT_PREFIX = "attachments/"
ENCRYPTION_NONE = "none"
ENCRYPTION_X25519 = "x25519"
ENCRYPTION_SCRYPT = "scrypt"
ENCRYPTIONS = frozenset({ENCRYPTION_NONE, ENCRYPTION_X25519, ENCRYPTION_SCRYPT})
_ATTACHMENT_NAME = re.compile(r"^attachments/[0-9a-f]{64}$")
SENDER_ROLES = frozenset({"officer", "supervisor"})
CREATED_AFTER = datetime(2000, 1, 1, tzinfo=UTC)
CREATED_BEFORE = datetime(2100, 1, 1, tzinfo=UTC)
"""A manifest's creation time must lie in [CREATED_AFTER, CREATED_BEFORE) (docs/sync-format.md)."""


@dataclass(frozen=True, slots=True)
class Limits:
    """What a package may hold before it is refused unread (zip bombs, runaway files)."""

    max_file_bytes: int = 2 * 1024**3
    max_members: int = 50_000
    max_manifest_bytes: int = 16 * 1024**2
    max_member_bytes: int = 512 * 1024**2
    max_ops_bytes: int = 1024**3
    max_ratio: int = 200
    max_line_bytes: int = 4 * 1024**2
    max_ops_per_field: int = 10_000
    """Ops one package may carry for one field of one record (a runaway or hostile sender)."""


DEFAULT_LIMITS = Limits()


class PackageRefused(UserError):
    """A package was not imported; the message says why and nothing was changed."""


class PackageWriteFailed(UserError):
    """A package could not be written or failed its read-back check; no package file was left."""


MSG_NOT_A_PACKAGE = QT_TRANSLATE_NOOP(
    CONTEXT, "Berkas {name} bukan paket sinkronisasi IKMDesk, atau rusak/terpotong ({detail})."
)
MSG_TOO_LARGE = QT_TRANSLATE_NOOP(
    CONTEXT, "Paket {name} terlalu besar ({detail}); batasnya {limit} bita. Paket ditolak."
)
MSG_RATIO = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Paket {name}: anggota {member} mengembang jauh melebihi ukurannya (bom zip). Paket ditolak.",
)
MSG_BAD_MEMBER_NAME = QT_TRANSLATE_NOOP(
    CONTEXT, "Paket {name} memuat anggota dengan nama yang tidak diizinkan: {member}"
)
MSG_DUPLICATE_MEMBER = QT_TRANSLATE_NOOP(
    CONTEXT, "Paket {name} memuat anggota bernama sama lebih dari sekali: {member}"
)
MSG_MISSING_MEMBER = QT_TRANSLATE_NOOP(
    CONTEXT, "Paket {name} tidak lengkap: anggota {member} yang tercantum di manifest tidak ada."
)
MSG_UNLISTED_MEMBER = QT_TRANSLATE_NOOP(
    CONTEXT, "Paket {name} memuat anggota {member} yang tidak tercantum di manifest."
)
MSG_NO_MANIFEST = QT_TRANSLATE_NOOP(CONTEXT, "Paket {name} tidak memiliki manifest.json.")
MSG_BAD_MANIFEST = QT_TRANSLATE_NOOP(
    CONTEXT, "manifest.json dalam paket {name} tidak sah: {detail}"
)
MSG_FUTURE_VERSION = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Paket {name} memakai format versi {found}; aplikasi ini membaca format versi {known}. "
    "Perbarui IKMDesk untuk membukanya.",
)
MSG_NO_SIGNATURE = QT_TRANSLATE_NOOP(
    CONTEXT, "Paket {name} tidak bertanda tangan (manifest.sig tidak ada); paket ditolak."
)
MSG_BAD_SIGNATURE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Tanda tangan paket {name} tidak cocok: paket telah diubah atau bukan dari pengirimnya.",
)
MSG_HASH_MISMATCH = QT_TRANSLATE_NOOP(
    CONTEXT, "Anggota {member} dalam paket {name} rusak atau diubah (SHA-256 tidak cocok)."
)
MSG_MEMBER_DAMAGED = QT_TRANSLATE_NOOP(
    CONTEXT, "Anggota {member} dalam paket {name} tidak dapat dibaca ({detail})."
)
MSG_UNKNOWN_SENDER = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Paket {name} berasal dari perangkat yang belum dipercaya: {officer} ({role}), sidik jari "
    "{fingerprint}. Cocokkan sidik jari dengan pengirim, lalu impor dengan --trust.",
)
MSG_KEY_CHANGED = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Kunci perangkat pengirim paket {name} berbeda dari kunci yang dipercaya untuk perangkat "
    "itu (sidik jari {fingerprint}); paket ditolak.",
)
MSG_FROM_SELF = QT_TRANSLATE_NOOP(
    CONTEXT, "Paket {name} dibuat oleh perangkat ini sendiri; tidak ada yang perlu diimpor."
)
MSG_NOT_FOR_THIS_DEVICE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Paket {name} dienkripsi untuk perangkat lain ({recipient}); "
    "perangkat ini tidak dapat membukanya.",
)
MSG_ADDRESSED_ELSEWHERE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Paket {name} dibuat untuk perangkat lain ({recipient}), bukan untuk perangkat ini; "
    "paket ditolak.",
)
MSG_PASSPHRASE_NEEDED = QT_TRANSLATE_NOOP(
    CONTEXT, "Paket {name} dikunci dengan kata sandi; berikan kata sandinya (--passphrase-file)."
)
MSG_WRONG_PASSPHRASE = QT_TRANSLATE_NOOP(CONTEXT, "Kata sandi untuk paket {name} salah.")
MSG_DECRYPT_FAILED = QT_TRANSLATE_NOOP(
    CONTEXT, "Isi paket {name} tidak dapat dibuka dengan kunci perangkat ini."
)
MSG_BAD_OP = QT_TRANSLATE_NOOP(
    CONTEXT, "Paket {name} memuat perubahan yang tidak sah (baris {line}): {detail}"
)
MSG_ROLE_MISMATCH = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Paket {name} mengaku dikirim oleh {claimed}, padahal kunci pengirimnya dipercaya sebagai "
    "{trusted}; paket ditolak.",
)
MSG_VECTOR_MISMATCH = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Paket {name} mengaku memuat perubahan pengirim yang tidak ada di dalamnya ({detail}); "
    "paket ditolak. Minta pengirim membuat paket lengkap (--full).",
)
MSG_FIELD_FLOOD = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Paket {name} memuat {count} perubahan atas satu isian ({field}); batasnya {limit} per "
    "paket. Paket ditolak.",
)
MSG_FOREIGN_OWN_OPS = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Paket {name} memuat perubahan atas nama perangkat ini yang tidak pernah dibuatnya; "
    "paket ditolak.",
)
MSG_COUNTS = QT_TRANSLATE_NOOP(
    CONTEXT, "Paket {name}: jumlah isi tidak sesuai manifest ({detail})."
)
MSG_APPLY_FAILED = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Perubahan dari paket {name} tidak dapat diterapkan ({detail}); basis data tidak diubah. "
    "Minta pengirim membuat paket lengkap (--full).",
)
MSG_VERIFY_FAILED = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Paket yang ditulis ke {path} gagal diperiksa ulang ({detail}); berkas tidak disimpan. "
    "Coba flashdisk atau folder lain.",
)
MSG_WRITE_PACKAGE_FAILED = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Paket tidak dapat ditulis ke {path}: {detail}. Tidak ada berkas paket yang tertinggal; "
    "periksa ruang kosong dan flashdisk, lalu coba lagi.",
)


def is_member_name(name: str) -> bool:
    """Tell whether ``name`` is one a package member may have (never a path elsewhere)."""
    return name in (MANIFEST, SIGNATURE, OPS) or bool(_ATTACHMENT_NAME.match(name))


def member_aad(package_id: str, member: str) -> bytes:
    """Return the associated data that binds an encrypted member to its package and name."""
    return f"{FORMAT_NAME}/{FORMAT_VERSION}|{package_id}|{member}".encode()


def key_aad(package_id: str) -> bytes:
    """Return the associated data that binds a wrapped file key to its package."""
    return f"{FORMAT_NAME}/{FORMAT_VERSION}|{package_id}|file-key".encode()


@dataclass(frozen=True, slots=True)
class MemberEntry:
    """A member as the manifest lists it: SHA-256 and size of its bytes in the zip."""

    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class Manifest:
    """The parsed, signed manifest of a package."""

    package_id: str
    created_at: datetime
    sender_id: str
    sender_role: str
    sender_name: str
    sender_signing_key: str
    sender_encryption_key: str
    recipient_id: str | None
    encryption: dict[str, Any]
    vector: dict[str, int]
    clock_warnings: dict[str, int]
    ops_count: int
    attachments_count: int
    members: dict[str, MemberEntry]

    @property
    def scheme(self) -> str:
        """Return how the members are encrypted: none, x25519 or scrypt."""
        return str(self.encryption.get("scheme", ENCRYPTION_NONE))


_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_SHA = re.compile(r"^[0-9a-f]{64}$")


def parse_manifest(data: dict[str, Any]) -> Manifest:
    """Return the manifest a decoded manifest.json describes; raises ValueError saying why."""
    sender = _obj(data, "sender")
    counts = _obj(data, "counts")
    members_raw = _obj(data, "members")
    encryption = _obj(data, "encryption")
    if encryption.get("scheme") not in ENCRYPTIONS:
        raise ValueError("unknown encryption scheme")
    members: dict[str, MemberEntry] = {}
    for name, entry in members_raw.items():
        if not isinstance(name, str) or not is_member_name(name) or name in (MANIFEST, SIGNATURE):
            raise ValueError(f"member name not allowed: {str(name)[:80]!r}")
        if not isinstance(entry, dict) or not _SHA.match(str(entry.get("sha256", ""))):
            raise ValueError(f"member {name} has no SHA-256")
        size = entry.get("size")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise ValueError(f"member {name} has no size")
        members[name] = MemberEntry(entry["sha256"], size)
    if OPS not in members:
        raise ValueError("ops.jsonl is not listed")
    recipient = data.get("recipient")
    if recipient is not None and not (isinstance(recipient, str) and _UUID.match(recipient)):
        raise ValueError("recipient is not a device id")
    created_at = _created_at(data.get("created_at"))
    role = _text(sender, "role", 32)
    if role not in SENDER_ROLES:
        raise ValueError(f"sender role {role[:32]!r} is not a device role")
    return Manifest(
        package_id=_uuid(data, "package_id"),
        created_at=created_at,
        sender_id=_uuid(sender, "device_id"),
        sender_role=role,
        sender_name=_text(sender, "officer_name", 200),
        sender_signing_key=_text(sender, "signing_public_key", 64),
        sender_encryption_key=_text(sender, "encryption_public_key", 64),
        recipient_id=recipient,
        encryption=encryption,
        vector=_vector(data.get("vector")),
        clock_warnings=_vector(data.get("clock_warnings", {})),
        ops_count=_count(counts, "ops"),
        attachments_count=_count(counts, "attachments"),
        members=members,
    )


def _created_at(value: Any) -> datetime:
    """Return the creation time, refusing one outside the documented bounds.

    The year is checked on the parsed fields before any arithmetic: year 1 or 9999 with a
    +-14 h offset overflows as soon as it is converted to UTC.
    """
    try:
        created = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        created = None
    if created is None or created.tzinfo is None or len(value) > 40:
        raise ValueError("created_at is not an aware ISO time")
    if not CREATED_AFTER.year <= created.year < CREATED_BEFORE.year:
        raise ValueError("created_at lies outside the years 2000-2099")
    return created


def _obj(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise ValueError(f"{key} is missing or not an object")
    return value


def _uuid(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not _UUID.match(value):
        raise ValueError(f"{key} is not an id")
    return value


def _text(data: dict[str, Any], key: str, limit: int) -> str:
    value = data.get(key)
    if not isinstance(value, str) or len(value) > limit:
        raise ValueError(f"{key} is missing or too long")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate escape ("\\ud800") cannot be stored
        raise ValueError(f"{key} is not valid Unicode text") from None
    return value


def _count(data: dict[str, Any], key: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"counts.{key} is not a count")
    return value


def _vector(value: Any) -> dict[str, int]:
    if not isinstance(value, dict) or len(value) > 10_000:
        raise ValueError("vector is not an object of device counters")
    for origin, counter in value.items():
        if not _UUID.match(origin) or not isinstance(counter, int) or isinstance(counter, bool):
            raise ValueError("vector is not an object of device counters")
        if counter < 0:
            raise ValueError("vector counter is negative")
    return dict(value)
