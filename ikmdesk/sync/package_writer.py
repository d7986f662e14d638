"""Write a ``.ikmsync`` package so that a full disk or a pulled stick never leaves a false one.

The zip goes to a temporary file beside the target (a name that does not look like a
package), is flushed and fsynced, read back and checked against its signed manifest, and
only then renamed into place. Any failure removes the temporary file and raises a
PackageWriteFailed whose message says what happened.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ikmdesk.atomic_file import remove_leftover_parts
from ikmdesk.sync.package_crypto import (
    b64,
    encrypt_member,
    new_file_key,
    sign,
    wrap_for_recipient,
    wrap_with_passphrase,
)
from ikmdesk.sync.package_format import (
    ATTACHMENT_PREFIX,
    ENCRYPTION_NONE,
    ENCRYPTION_SCRYPT,
    ENCRYPTION_X25519,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    MSG_VERIFY_FAILED,
    MSG_WRITE_PACKAGE_FAILED,
    OPS,
    SIGNATURE,
    PackageRefused,
    PackageWriteFailed,
    key_aad,
    member_aad,
)
from ikmdesk.sync.package_reader import open_signed_package, verify_members


@dataclass(frozen=True, slots=True)
class Encryption:
    """How a package is protected: to a recipient's X25519 key, by passphrase, or not at all."""

    scheme: str = ENCRYPTION_NONE
    recipient_id: str | None = None
    recipient_key: str | None = None
    passphrase: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class PackageDraft:
    """Everything a package says, before it is encoded, encrypted and signed."""

    package_id: str
    created_at: str
    sender: dict[str, str]
    recipient_id: str | None
    vector: dict[str, int]
    clock_warnings: dict[str, int]
    ops: list[str]
    """One JSON object per op, without line ends."""
    blobs: dict[str, bytes]


class PackageFiles:
    """The file operations a package write uses; tests replace them to inject faults."""

    def open_new(self, path: Path) -> IO[bytes]:
        """Open a new file for writing (never an existing one)."""
        return open(path, "xb")

    def fsync(self, handle: IO[bytes]) -> None:
        """Flush the file's data to the device."""
        handle.flush()
        os.fsync(handle.fileno())

    def replace(self, source: Path, target: Path) -> None:
        """Rename ``source`` over ``target`` atomically."""
        os.replace(source, target)

    def sync_folder(self, folder: Path) -> None:
        """Make the rename durable where the platform allows (not on Windows)."""
        if os.name == "nt":
            return
        with contextlib.suppress(OSError):
            fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    def remove(self, path: Path) -> None:
        """Remove a file if it is there."""
        with contextlib.suppress(OSError):
            path.unlink()


LEFTOVER_PACKAGE = re.compile(r"^\..+\.ikmsync\.[0-9a-f]{8}\.part$")
"""The temporary name ``write_package`` gives; only such leftovers are removed from a stick."""
STALE_PART_S = 600
"""A temporary package untouched this long is a killed export's, not one being written."""


def encode_ops(lines: Iterable[str]) -> bytes:
    """Return the ops as JSON lines (UTF-8, one op per line)."""
    return "".join(line + "\n" for line in lines).encode("utf-8")


def write_package(
    target: Path,
    draft: PackageDraft,
    *,
    signing_key: bytes,
    encryption: Encryption,
    files: PackageFiles | None = None,
) -> Path:
    """Encode, encrypt, sign and atomically write a package to ``target``; return its path."""
    files = files or PackageFiles()
    target = Path(target)
    members, encryption_entry = _members(draft, encryption)
    manifest = _manifest(draft, members, encryption_entry)
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    signature = b64(sign(signing_key, manifest_bytes)).encode("ascii")
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    # What a killed export left on this stick (never read as a package: it ends in .part).
    remove_leftover_parts(target.parent, older_than_s=STALE_PART_S, names=LEFTOVER_PACKAGE)
    try:
        handle = files.open_new(tmp)
        try:
            with zipfile.ZipFile(handle, "w", allowZip64=True) as archive:
                archive.writestr(_info(MANIFEST, zipfile.ZIP_DEFLATED), manifest_bytes)
                archive.writestr(_info(SIGNATURE, zipfile.ZIP_STORED), signature)
                for name, data, compression in members:
                    archive.writestr(_info(name, compression), data)
            files.fsync(handle)
        finally:
            handle.close()
        _verify_written(tmp, target)
        files.replace(tmp, target)
        files.sync_folder(target.parent)
    except OSError as exc:
        files.remove(tmp)
        raise PackageWriteFailed(
            MSG_WRITE_PACKAGE_FAILED, path=str(target), detail=exc.strerror or str(exc)
        ) from exc
    except BaseException:
        files.remove(tmp)
        raise
    return target


def _verify_written(tmp: Path, target: Path) -> None:
    # Sticks lie about sync and fake-capacity ones drop data: read back what was written.
    try:
        verify_members(open_signed_package(tmp))
    except PackageRefused as exc:
        raise PackageWriteFailed(MSG_VERIFY_FAILED, path=str(target), detail=exc.message()) from exc


def _info(name: str, compression: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = compression
    return info


def _members(
    draft: PackageDraft, encryption: Encryption
) -> tuple[list[tuple[str, bytes, int]], dict[str, Any]]:
    ops_bytes = encode_ops(draft.ops)
    attachments = [(ATTACHMENT_PREFIX + sha, data) for sha, data in sorted(draft.blobs.items())]
    if encryption.scheme == ENCRYPTION_NONE:
        members = [(OPS, ops_bytes, zipfile.ZIP_DEFLATED)]
        members += [(name, data, zipfile.ZIP_STORED) for name, data in attachments]
        return members, {"scheme": ENCRYPTION_NONE}
    file_key = new_file_key()
    aad = key_aad(draft.package_id)
    if encryption.scheme == ENCRYPTION_X25519:
        assert encryption.recipient_id and encryption.recipient_key
        entry = wrap_for_recipient(
            file_key,
            recipient_id=encryption.recipient_id,
            recipient_public_b64=encryption.recipient_key,
            aad=aad,
        )
    elif encryption.scheme == ENCRYPTION_SCRYPT:
        assert encryption.passphrase is not None
        entry = wrap_with_passphrase(file_key, encryption.passphrase, aad)
    else:
        raise ValueError(f"unknown encryption scheme {encryption.scheme!r}")
    # Compress before encrypting: ciphertext does not compress, and JSON lines shrink ~10x.
    sealed_ops = encrypt_member(
        file_key, zlib.compress(ops_bytes, 6), member_aad(draft.package_id, OPS)
    )
    members = [(OPS, sealed_ops, zipfile.ZIP_STORED)]
    for name, data in attachments:
        sealed = encrypt_member(file_key, data, member_aad(draft.package_id, name))
        members.append((name, sealed, zipfile.ZIP_STORED))
    return members, entry


def _manifest(
    draft: PackageDraft, members: list[tuple[str, bytes, int]], encryption: dict[str, Any]
) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "package_id": draft.package_id,
        "created_at": draft.created_at,
        "sender": draft.sender,
        "recipient": draft.recipient_id,
        "encryption": encryption,
        "vector": draft.vector,
        "clock_warnings": draft.clock_warnings,
        "counts": {"ops": len(draft.ops), "attachments": len(draft.blobs)},
        "members": {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data, _compression in members
        },
    }
