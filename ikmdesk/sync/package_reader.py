"""Read a ``.ikmsync`` package as hostile input: limits first, then signature, hashes, ops.

Nothing is ever extracted: only the members the signed manifest lists are read, by exact
name, with byte counts checked while streaming. Every refusal is a PackageRefused whose
message names the file and the reason.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ikmdesk.input_file import InputFileRefused, open_input_file
from ikmdesk.sync.op_schema import Op, OpRejected, has_lone_surrogate, parse_op
from ikmdesk.sync.package_crypto import DecryptionFailed, decrypt_member, signature_valid, unb64
from ikmdesk.sync.package_format import (
    ATTACHMENT_PREFIX,
    DEFAULT_LIMITS,
    ENCRYPTION_NONE,
    ENCRYPTION_X25519,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    MSG_ADDRESSED_ELSEWHERE,
    MSG_BAD_MANIFEST,
    MSG_BAD_MEMBER_NAME,
    MSG_BAD_OP,
    MSG_BAD_SIGNATURE,
    MSG_COUNTS,
    MSG_DECRYPT_FAILED,
    MSG_DUPLICATE_MEMBER,
    MSG_FIELD_FLOOD,
    MSG_FUTURE_VERSION,
    MSG_HASH_MISMATCH,
    MSG_MEMBER_DAMAGED,
    MSG_MISSING_MEMBER,
    MSG_NO_MANIFEST,
    MSG_NO_SIGNATURE,
    MSG_NOT_A_PACKAGE,
    MSG_NOT_FOR_THIS_DEVICE,
    MSG_RATIO,
    MSG_ROLE_MISMATCH,
    MSG_TOO_LARGE,
    MSG_UNLISTED_MEMBER,
    MSG_VECTOR_MISMATCH,
    OPS,
    SIGNATURE,
    Limits,
    Manifest,
    PackageRefused,
    is_member_name,
    member_aad,
    parse_manifest,
)

_READ_BLOCK = 1 << 16


@dataclass(frozen=True, slots=True)
class SignedPackage:
    """A package whose structure, manifest and signature checked out; contents not read yet."""

    path: Path
    manifest: Manifest
    manifest_bytes: bytes

    @property
    def name(self) -> str:
        """Return the file name shown in messages."""
        return self.path.name


@dataclass(frozen=True, slots=True)
class PackageContents:
    """Verified, decrypted and validated contents: ops in file order and blobs by SHA-256."""

    ops: list[Op]
    blobs: dict[str, bytes]


def open_signed_package(path: Path, limits: Limits = DEFAULT_LIMITS) -> SignedPackage:
    """Check a package's size, member names, manifest, format version and signature."""
    path = Path(path)
    name = path.name
    with _open_zip(path, limits) as archive:
        infos = _checked_infos(archive, name, limits)
        if MANIFEST not in infos:
            raise PackageRefused(MSG_NO_MANIFEST, name=name)
        manifest_bytes = _read_member(
            archive, infos[MANIFEST], name, limits.max_manifest_bytes, limits
        )
        data = _manifest_json(manifest_bytes, name)
        _check_version(data, name)
        if SIGNATURE not in infos:
            raise PackageRefused(MSG_NO_SIGNATURE, name=name)
        signature_text = _read_member(archive, infos[SIGNATURE], name, 1024, limits)
        try:
            manifest = parse_manifest(data)
        except ValueError as exc:
            raise PackageRefused(MSG_BAD_MANIFEST, name=name, detail=str(exc)) from exc
        try:
            signature = unb64(signature_text.decode("ascii").strip(), length=64)
        except (ValueError, UnicodeDecodeError):
            raise PackageRefused(MSG_BAD_SIGNATURE, name=name) from None
        if not signature_valid(manifest.sender_signing_key, signature, manifest_bytes):
            raise PackageRefused(MSG_BAD_SIGNATURE, name=name)
        _check_listing(manifest, infos, name, limits)
    return SignedPackage(path, manifest, manifest_bytes)


def verify_members(package: SignedPackage, limits: Limits = DEFAULT_LIMITS) -> None:
    """Check every listed member's SHA-256 against the signed manifest (nothing decrypted)."""
    with _open_zip(package.path, limits) as archive:
        infos = _checked_infos(archive, package.name, limits)
        for member in package.manifest.members:
            _verified_member(archive, infos, package, member, limits)


def read_contents(
    package: SignedPackage, file_key: bytes | None, limits: Limits = DEFAULT_LIMITS
) -> PackageContents:
    """Return the ops and blobs, each member hash-checked before it is decrypted and parsed."""
    manifest, name = package.manifest, package.name
    encrypted = manifest.scheme != ENCRYPTION_NONE
    with _open_zip(package.path, limits) as archive:
        infos = _checked_infos(archive, name, limits)
        raw_ops = _verified_member(archive, infos, package, OPS, limits)
        if encrypted:
            compressed = _decrypt(file_key, raw_ops, package, OPS)
            del raw_ops  # the peak of a large import is here: hold one copy at a time
            raw_ops = _inflate(compressed, name, limits)
            del compressed
        ops = _parse_ops(raw_ops, name, limits)
        del raw_ops
        blobs: dict[str, bytes] = {}
        for member in manifest.members:
            if not member.startswith(ATTACHMENT_PREFIX):
                continue
            data = _verified_member(archive, infos, package, member, limits)
            if encrypted:
                data = _decrypt(file_key, data, package, member)
            sha = member.removeprefix(ATTACHMENT_PREFIX)
            if hashlib.sha256(data).hexdigest() != sha:
                raise PackageRefused(MSG_HASH_MISMATCH, name=name, member=member)
            blobs[sha] = data
    if len(ops) != manifest.ops_count or len(blobs) != manifest.attachments_count:
        raise PackageRefused(
            MSG_COUNTS,
            name=name,
            detail=f"ops {len(ops)}/{manifest.ops_count}, "
            f"attachments {len(blobs)}/{manifest.attachments_count}",
        )
    return PackageContents(ops, blobs)


class _ZipOpener:
    def __init__(self, path: Path, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.handle: BinaryIO | None = None
        self.archive: zipfile.ZipFile | None = None

    def __enter__(self) -> zipfile.ZipFile:
        try:
            # Only a regular file, opened without blocking: a FIFO or /dev/zero is refused here.
            self.handle = open_input_file(self.path, max_bytes=self.limits.max_file_bytes)
        except InputFileRefused as exc:
            raise PackageRefused(exc.message_id, **exc.args_map) from exc
        try:
            self.archive = zipfile.ZipFile(self.handle, "r")
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            self.handle.close()
            raise PackageRefused(
                MSG_NOT_A_PACKAGE, name=self.path.name, detail=_short(exc)
            ) from exc
        return self.archive

    def __exit__(self, *_exc: object) -> None:
        if self.archive is not None:
            self.archive.close()
        if self.handle is not None:
            self.handle.close()


def _open_zip(path: Path, limits: Limits = DEFAULT_LIMITS) -> _ZipOpener:
    return _ZipOpener(path, limits)


def _checked_infos(
    archive: zipfile.ZipFile, name: str, limits: Limits
) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise PackageRefused(
            MSG_TOO_LARGE, name=name, detail=f"{len(infos)} members", limit=limits.max_members
        )
    by_name: dict[str, zipfile.ZipInfo] = {}
    declared = 0
    for info in infos:
        member = info.filename
        if not is_member_name(member) or info.is_dir():
            raise PackageRefused(MSG_BAD_MEMBER_NAME, name=name, member=member[:120])
        if member in by_name:
            raise PackageRefused(MSG_DUPLICATE_MEMBER, name=name, member=member)
        by_name[member] = info
        declared += info.file_size
    if declared > limits.max_file_bytes:
        raise PackageRefused(MSG_TOO_LARGE, name=name, detail=declared, limit=limits.max_file_bytes)
    return by_name


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, cap: int, limits: Limits
) -> bytes:
    """Read one member by exact name, refusing it as soon as it exceeds ``cap`` or the ratio."""
    member = info.filename
    if info.file_size > cap:
        raise PackageRefused(MSG_TOO_LARGE, name=name, detail=f"{member}", limit=cap)
    compressed = info.compress_type != zipfile.ZIP_STORED
    if compressed and info.file_size > limits.max_ratio * max(info.compress_size, 1024):
        raise PackageRefused(MSG_RATIO, name=name, member=member)
    limit = min(cap, info.file_size)
    pieces = []
    total = 0
    try:
        with archive.open(info, "r") as handle:
            while True:
                block = handle.read(_READ_BLOCK)
                if not block:
                    break
                total += len(block)
                # Header sizes can lie; the count of bytes actually produced is what limits us.
                if total > limit:
                    raise PackageRefused(MSG_RATIO, name=name, member=member)
                pieces.append(block)
    except PackageRefused:
        raise
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
    ) as exc:
        raise PackageRefused(
            MSG_MEMBER_DAMAGED, name=name, member=member, detail=_short(exc)
        ) from exc
    return b"".join(pieces)


def _manifest_json(raw: bytes, name: str) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise PackageRefused(MSG_BAD_MANIFEST, name=name, detail=_short(exc)) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise PackageRefused(MSG_BAD_MANIFEST, name=name, detail="not an ikmsync manifest")
    return data


def _check_version(data: dict[str, Any], name: str) -> None:
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PackageRefused(MSG_BAD_MANIFEST, name=name, detail="format_version missing")
    if version != FORMAT_VERSION:
        raise PackageRefused(MSG_FUTURE_VERSION, name=name, found=version, known=FORMAT_VERSION)


def _check_listing(
    manifest: Manifest, infos: dict[str, zipfile.ZipInfo], name: str, limits: Limits
) -> None:
    for member, entry in manifest.members.items():
        info = infos.get(member)
        if info is None:
            raise PackageRefused(MSG_MISSING_MEMBER, name=name, member=member)
        if info.file_size != entry.size:
            raise PackageRefused(MSG_HASH_MISMATCH, name=name, member=member)
    for member in infos:
        if member not in manifest.members and member not in (MANIFEST, SIGNATURE):
            raise PackageRefused(MSG_UNLISTED_MEMBER, name=name, member=member)


def _verified_member(
    archive: zipfile.ZipFile,
    infos: dict[str, zipfile.ZipInfo],
    package: SignedPackage,
    member: str,
    limits: Limits,
) -> bytes:
    info = infos.get(member)
    if info is None:
        raise PackageRefused(MSG_MISSING_MEMBER, name=package.name, member=member)
    data = _read_member(archive, info, package.name, limits.max_member_bytes, limits)
    if hashlib.sha256(data).hexdigest() != package.manifest.members[member].sha256:
        raise PackageRefused(MSG_HASH_MISMATCH, name=package.name, member=member)
    return data


def _decrypt(file_key: bytes | None, data: bytes, package: SignedPackage, member: str) -> bytes:
    if file_key is None:
        raise PackageRefused(MSG_DECRYPT_FAILED, name=package.name)
    try:
        return decrypt_member(file_key, data, member_aad(package.manifest.package_id, member))
    except DecryptionFailed as exc:
        raise PackageRefused(MSG_DECRYPT_FAILED, name=package.name) from exc


def _inflate(data: bytes, name: str, limits: Limits) -> bytes:
    inflater = zlib.decompressobj()
    cap = min(limits.max_ops_bytes, max(len(data), 1) * limits.max_ratio + 1024**2)
    pieces = []
    total = 0
    pending = data
    try:
        while pending:
            block = inflater.decompress(pending, _READ_BLOCK * 16)
            total += len(block)
            if total > cap:
                raise PackageRefused(MSG_RATIO, name=name, member=OPS)
            pieces.append(block)
            pending = inflater.unconsumed_tail
        tail = inflater.flush()
        total += len(tail)
        if total > cap:
            raise PackageRefused(MSG_RATIO, name=name, member=OPS)
        pieces.append(tail)
    except zlib.error as exc:
        raise PackageRefused(MSG_MEMBER_DAMAGED, name=name, member=OPS, detail=_short(exc)) from exc
    if not inflater.eof:
        raise PackageRefused(MSG_MEMBER_DAMAGED, name=name, member=OPS, detail="truncated")
    return b"".join(pieces)


_BATCH_LINES = 4096
"""Lines decoded per JSON call: one call per batch is several times faster than one per line,
and decoding batch by batch never holds more than one batch of decoded objects."""


def _parse_ops(raw: bytes, name: str, limits: Limits) -> list[Op]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackageRefused(MSG_BAD_OP, name=name, line=1, detail=_short(exc)) from exc
    ops: list[Op] = []
    seen: set[str] = set()
    first = 1  # the number of the batch's first line (empty lines are not counted)
    for lines in _line_batches(text):
        _parse_batch(lines, first, name, limits, ops, seen)
        first += len(lines)
    _refuse_field_floods(ops, name, limits)
    return ops


def _line_batches(text: str) -> Iterator[list[str]]:
    """Yield the non-empty lines of ``text`` in batches, without splitting it all at once."""
    start, size = 0, len(text)
    while start < size:
        batch: list[str] = []
        while start < size and len(batch) < _BATCH_LINES:
            end = text.find("\n", start)
            if end < 0:
                end = size
            if end > start:
                batch.append(text[start:end])
            start = end + 1
        if batch:
            yield batch


def _parse_batch(
    lines: list[str], first: int, name: str, limits: Limits, ops: list[Op], seen: set[str]
) -> None:
    if max(map(len, lines)) > limits.max_line_bytes:
        for number, line in enumerate(lines, start=first):
            if len(line) > limits.max_line_bytes:
                raise PackageRefused(MSG_BAD_OP, name=name, line=number, detail="line too long")
    try:
        objects = json.loads("[" + ",".join(lines) + "]")
    except (json.JSONDecodeError, RecursionError):
        objects = [_decode_line(line, number, name) for number, line in enumerate(lines, first)]
    if len(objects) != len(lines):  # a line holding two values separated by a comma
        objects = [_decode_line(line, number, name) for number, line in enumerate(lines, first)]
    if any(_SURROGATE_ESCAPE.search(line) for line in lines):
        _refuse_lone_surrogates(objects, name, first)
    for number, obj in enumerate(objects, start=first):
        try:
            op = parse_op(obj)
        except OpRejected as exc:
            raise PackageRefused(MSG_BAD_OP, name=name, line=number, detail=str(exc)) from exc
        if op.op_id in seen:
            raise PackageRefused(MSG_BAD_OP, name=name, line=number, detail="op repeated")
        seen.add(op.op_id)
        ops.append(op)


# A surrogate can only enter the decoded text through a JSON escape; only then is every
# value walked (valid pairs, e.g. an escaped emoji, match too and pass the walk).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _refuse_lone_surrogates(objects: list[Any], name: str, first: int = 1) -> None:
    for number, obj in enumerate(objects, start=first):
        if has_lone_surrogate(obj):
            raise PackageRefused(
                MSG_BAD_OP, name=name, line=number, detail="text holds a lone UTF-16 surrogate"
            )


def _refuse_field_floods(ops: list[Op], name: str, limits: Limits) -> None:
    """Refuse a package with more than ``max_ops_per_field`` ops on one field of one record."""
    if len(ops) <= limits.max_ops_per_field:
        return
    counts = Counter((op.entity, op.row_id, op.field) for op in ops)
    (entity, _row, field), count = counts.most_common(1)[0]
    if count > limits.max_ops_per_field:
        raise PackageRefused(
            MSG_FIELD_FLOOD,
            name=name,
            field=f"{entity}.{field}",
            count=count,
            limit=limits.max_ops_per_field,
        )


def _decode_line(line: str, number: int, name: str) -> Any:
    try:
        return json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise PackageRefused(MSG_BAD_OP, name=name, line=number, detail=_short(exc)) from exc


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:160]


def check_addressing(package: SignedPackage, me_id: str) -> None:
    """Refuse a package made for another device (docs/sync-format.md, "recipient").

    A package sealed to a device key must name this device, in the manifest and in its
    key stanza alike; a passphrase or plain package may instead name nobody.
    """
    manifest = package.manifest
    recipient = manifest.recipient_id
    if manifest.scheme == ENCRYPTION_X25519:
        stanza = manifest.encryption.get("recipient")
        if stanza != me_id:
            raise PackageRefused(MSG_NOT_FOR_THIS_DEVICE, name=package.name, recipient=stanza)
        if recipient != me_id:
            raise PackageRefused(MSG_ADDRESSED_ELSEWHERE, name=package.name, recipient=recipient)
    elif recipient is not None and recipient != me_id:
        raise PackageRefused(MSG_ADDRESSED_ELSEWHERE, name=package.name, recipient=recipient)


def check_sender_role(package: SignedPackage, trusted_role: str) -> None:
    """Refuse a package whose sender claims another role than the one its key was trusted as."""
    claimed = package.manifest.sender_role
    if claimed != trusted_role:
        raise PackageRefused(
            MSG_ROLE_MISMATCH, name=package.name, claimed=claimed, trusted=trusted_role
        )


MAX_COUNTER_JUMP = 1_000_000
"""Largest step between the sender's own op counters a package may show (docs/sync-format.md).

A device restored from an older backup on the same laptop keeps counting from where it
was, so its own ops can skip the ones lost in the restore; no real loss comes near this.
"""


def check_sender_vector(package: SignedPackage, ops: list[Op], held: int) -> None:
    """Refuse a vector or ops that claim more of the sender's own changes than exist.

    ``held`` is the highest counter of the sender's ops this device already holds. The
    sender's vector entry for itself may claim no op that is neither carried nor already
    here, and its own counters may not leap ahead (an inflated counter would shadow the
    sender's real op of that number for ever).
    """
    manifest = package.manifest
    sender = manifest.sender_id
    claimed = manifest.vector.get(sender, 0)
    counters = sorted({op.counter for op in ops if op.device_id == sender})
    known = max(held, counters[-1] if counters else 0)
    if claimed > known:
        raise PackageRefused(
            MSG_VECTOR_MISMATCH,
            name=package.name,
            detail=f"the vector claims {claimed} changes, the package and this device hold {known}",
        )
    steps = sorted({*counters, max(held, claimed)})
    for before, after in itertools.pairwise(steps):
        if after - before > MAX_COUNTER_JUMP:
            raise PackageRefused(
                MSG_VECTOR_MISMATCH,
                name=package.name,
                detail=f"the sender's own change numbers leap from {before} to {after}",
            )


def check_attachment_blobs(
    package: SignedPackage, ops: list[Op], blobs: dict[str, bytes], has_blob: Callable[[str], bool]
) -> None:
    """Refuse ops naming an attachment file that is neither in the package nor stored here."""
    for op in ops:
        named = op.entity == "attachment" and op.field == "sha256" and isinstance(op.value, str)
        if named and op.value not in blobs and not has_blob(op.value):
            raise PackageRefused(
                MSG_MISSING_MEMBER, name=package.name, member=ATTACHMENT_PREFIX + op.value
            )
