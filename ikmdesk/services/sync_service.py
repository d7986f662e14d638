"""Sync use cases: export a package for a peer, import packages, and report sync status.

Export and import take the open ``Database`` (not a session) because each is several
steps around one transaction: reading ops, writing the file, backing up, storing blobs.
All database changes of an import happen in one transaction, after every check passed.
"""

from __future__ import annotations

import contextlib
import gc
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ikmdesk.blob_store import BlobStore
from ikmdesk.db import Database, settle_after_bulk_write
from ikmdesk.dialect import serialize_writers
from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, UserError
from ikmdesk.models import ChangeOp, Device, LocalIdentity
from ikmdesk.models.enums import DeviceRole
from ikmdesk.models.sync_state import (
    ClockWarning,
    ExportedPackage,
    ImportedPackage,
    SyncConflict,
    SyncHeldRecord,
    TrustedPeer,
)
from ikmdesk.paths import blob_dir
from ikmdesk.services.backup import REASON_SYNC_IMPORT, backup_now
from ikmdesk.services.device import DeviceInfo, key_fingerprint, this_device
from ikmdesk.services.progress import ProgressSink
from ikmdesk.services.shared_blobs import fetch_missing, on_server, share_blobs
from ikmdesk.services.sync_exchange import MIN_PASSPHRASE_LENGTH, file_name_part
from ikmdesk.services.sync_trust import PeerInfo, peer_info, trusted_peers
from ikmdesk.sync import hlc
from ikmdesk.sync.authority import Receiver, check_package, sendable_origins
from ikmdesk.sync.change_capture import CAPTURE_OFF, ORIGIN_ENTITY, file_identity
from ikmdesk.sync.hlc import Hlc, HybridClock
from ikmdesk.sync.knowledge import (
    all_peer_vectors,
    attachment_hashes,
    count_unknown_to,
    learn_peer_vector,
    local_vector,
    mark_context_changed,
    op_lines_unknown_to,
    peer_vector,
)
from ikmdesk.sync.merge import apply_ops
from ikmdesk.sync.op_schema import Op
from ikmdesk.sync.package_crypto import (
    DecryptionFailed,
    unwrap_with_passphrase,
    unwrap_with_private_key,
)
from ikmdesk.sync.package_format import (
    DEFAULT_LIMITS,
    ENCRYPTION_NONE,
    ENCRYPTION_SCRYPT,
    ENCRYPTION_X25519,
    MSG_APPLY_FAILED,
    MSG_DECRYPT_FAILED,
    MSG_FROM_SELF,
    MSG_KEY_CHANGED,
    MSG_NOT_FOR_THIS_DEVICE,
    MSG_PASSPHRASE_NEEDED,
    MSG_UNKNOWN_SENDER,
    MSG_WRONG_PASSPHRASE,
    SUFFIX,
    Limits,
    PackageRefused,
    key_aad,
)
from ikmdesk.sync.package_reader import (
    SignedPackage,
    check_addressing,
    check_attachment_blobs,
    check_sender_role,
    check_sender_vector,
    open_signed_package,
    read_contents,
    verify_members,
)
from ikmdesk.sync.package_writer import Encryption, PackageDraft, PackageFiles, write_package

STATISTICS_AFTER_OPS = 500
"""An import applying at least this many ops refreshes the query planner's statistics."""
DAY_MS = 24 * 3600 * 1000
MAX_DRIFT_MS = DAY_MS
"""Ops stamped further than this ahead of the importer's clock flag their device's clock."""

MSG_NO_RECIPIENT_KEY = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Tidak ada penerima yang kuncinya dikenal. Berikan --to ID_PERANGKAT (perangkat yang sudah "
    "dipercaya), --passphrase-file BERKAS untuk mengunci dengan kata sandi, atau --plain untuk "
    "paket tanpa enkripsi.",
)
MSG_UNKNOWN_RECIPIENT = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Perangkat {device} belum dipercaya di sini; impor dulu kartu kuncinya (ikmdesk device trust).",
)
MSG_EMPTY_PASSPHRASE = QT_TRANSLATE_NOOP(CONTEXT, "Kata sandi paket tidak boleh kosong.")
MSG_RECIPIENT_REVOKED = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Kunci perangkat {name} sudah dicabut pada {date}; paket tidak ditulis untuknya.",
)
MSG_SENDER_REVOKED = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Paket {name} ditandatangani dengan kunci perangkat {officer} yang sudah dicabut pada "
    "{date}; paket ditolak dan tidak ada yang berubah.",
)
MSG_SHORT_PASSPHRASE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Kata sandi paket terlalu pendek ({length} karakter): paling sedikit {minimum} karakter; "
    "beberapa kata lebih mudah diingat. Paket tidak ditulis.",
)


class PassphraseTooShort(UserError):
    """A new package's passphrase is shorter than ``MIN_PASSPHRASE_LENGTH`` (or empty).

    Only writing is refused: packages locked with a shorter passphrase before the minimum
    existed still import.
    """


@dataclass(frozen=True, slots=True)
class ExportResult:
    """A written package: where, its id, what it holds and how it is protected."""

    path: Path
    package_id: str
    ops: int
    attachments: int
    encryption: str
    recipient_id: str | None
    full: bool


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What importing one package did (or that it had been imported before)."""

    file_name: str
    package_id: str
    sender_id: str
    sender_name: str
    already_imported: bool
    applied: int = 0
    already_known: int = 0
    conflicts: int = 0
    attachments: int = 0
    held: int = 0
    """Records stored but not shown yet: a record they link to is not on this device yet."""
    newly_trusted: bool = False
    clock_ahead_ms: dict[str, int] = field(default_factory=dict)
    own_clock_ahead_ms: int | None = None
    backup_path: Path | None = None

    def as_json(self) -> dict[str, Any]:
        """Return the result as the JSON object the command line prints."""
        return {
            "file": self.file_name,
            "package_id": self.package_id,
            "sender": self.sender_id,
            "already_imported": self.already_imported,
            "applied": self.applied,
            "already_known": self.already_known,
            "conflicts": self.conflicts,
            "attachments": self.attachments,
            "held": self.held,
            "newly_trusted": self.newly_trusted,
            "clock_ahead_ms": self.clock_ahead_ms,
            "own_clock_ahead_ms": self.own_clock_ahead_ms,
        }


def default_file_name(device: DeviceInfo, recipient: PeerInfo | None, *, now: datetime) -> str:
    """Return a package file name that names sender, recipient and local date and time.

    Only ASCII letters, digits and '-' (safe on Windows and FAT sticks); the seconds keep
    two exports of the same day apart.
    """
    sender = file_name_part(device.officer_name, fallback=device.id[:8])
    stamp = now.strftime("%Y-%m-%d-%H%M%S")
    if recipient is None:
        return f"ikmdesk-{sender}-{stamp}{SUFFIX}"
    to = file_name_part(recipient.officer_name, fallback=recipient.device_id[:8])
    return f"ikmdesk-{sender}-untuk-{to}-{stamp}{SUFFIX}"


def default_recipient(session: Session) -> PeerInfo | None:
    """Return whom an export goes to by default: an officer's one trusted supervisor."""
    me = this_device(session)
    if me.role != DeviceRole.OFFICER:
        return None
    supervisors = [p for p in trusted_peers(session) if p.role == DeviceRole.SUPERVISOR.value]
    return supervisors[0] if len(supervisors) == 1 else None


def export_package(
    db: Database,
    target: Path,
    *,
    to: str | None = None,
    full: bool = False,
    passphrase: str | None = None,
    plain: bool = False,
    files: PackageFiles | None = None,
    now_ms: Callable[[], int] | None = None,
) -> ExportResult:
    """Write every op the recipient is not known to hold (all of them with ``full``)."""
    with db.unit_of_work() as session:
        me = this_device(session)
        signing_key = session.scalars(select(LocalIdentity.signing_private_key)).one()
        recipient = _recipient(session, to)
        encryption = _encryption(recipient, passphrase=passphrase, plain=plain)
        known = {} if full or recipient is None else peer_vector(session, recipient.device_id)
        connection = session.connection()
        # An officer's package carries only its own ops: any other the receiver lacks it
        # would refuse (stand-in colleagues of a demo, ops relayed by the supervisor).
        origins = sendable_origins(connection, me.id, me.role.value)
        ops = op_lines_unknown_to(connection, known, origins=origins)
        shas = attachment_hashes(connection, known, origins=origins)
        vector = local_vector(connection)
        warnings = {w.device_id: w.ahead_ms for w in session.scalars(select(ClockWarning))}
        store = BlobStore(blob_dir(db.path))
        # On a server database a photo another laptop added is fetched here first.
        present = fetch_missing(session, store, shas)
    blobs = {sha: store.read(sha) for sha in shas if sha in present}
    created = datetime.fromtimestamp((now_ms or hlc.wall_clock_ms)() / 1000, UTC)
    draft = PackageDraft(
        package_id=str(uuid.uuid4()),
        created_at=created.isoformat(),
        sender={
            "device_id": me.id,
            "role": me.role.value,
            "officer_name": me.officer_name,
            "signing_public_key": me.signing_public_key,
            "encryption_public_key": me.encryption_public_key,
        },
        recipient_id=recipient.device_id if recipient else None,
        vector=vector,
        clock_warnings=warnings,
        ops=ops,
        blobs=blobs,
    )
    path = write_package(
        Path(target), draft, signing_key=signing_key, encryption=encryption, files=files
    )
    is_full = full or recipient is None or not known
    with db.unit_of_work() as session:
        session.add(
            ExportedPackage(
                package_id=draft.package_id,
                recipient_device_id=draft.recipient_id,
                file_name=path.name[:200],
                encryption=encryption.scheme,
                full=is_full,
                ops=len(ops),
                attachments=len(blobs),
            )
        )
    return ExportResult(
        path, draft.package_id, len(ops), len(blobs), encryption.scheme, draft.recipient_id, is_full
    )


def _recipient(session: Session, to: str | None) -> PeerInfo | None:
    if to is None:
        return default_recipient(session)
    row = session.get(TrustedPeer, to)
    if row is None:
        raise UserError(MSG_UNKNOWN_RECIPIENT, device=to)
    if row.revoked_at is not None:
        raise UserError(
            MSG_RECIPIENT_REVOKED, name=row.officer_name, date=f"{row.revoked_at:%d-%m-%Y}"
        )
    return peer_info(row)


def _encryption(recipient: PeerInfo | None, *, passphrase: str | None, plain: bool) -> Encryption:
    if passphrase is not None:
        check_new_passphrase(passphrase)
        return Encryption(ENCRYPTION_SCRYPT, passphrase=passphrase)
    if plain:
        return Encryption(ENCRYPTION_NONE)
    if recipient is None:
        raise UserError(MSG_NO_RECIPIENT_KEY)
    return Encryption(
        ENCRYPTION_X25519,
        recipient_id=recipient.device_id,
        recipient_key=recipient.encryption_public_key,
    )


def check_new_passphrase(passphrase: str) -> None:
    """Refuse a passphrase too short to lock a new package (PassphraseTooShort)."""
    if not passphrase:
        raise PassphraseTooShort(MSG_EMPTY_PASSPHRASE)
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise PassphraseTooShort(
            MSG_SHORT_PASSPHRASE, length=len(passphrase), minimum=MIN_PASSPHRASE_LENGTH
        )


def import_package(
    db: Database,
    path: Path,
    *,
    trust: bool = False,
    passphrase: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    now_ms: Callable[[], int] | None = None,
    progress: ProgressSink | None = None,
) -> ImportResult:
    """Verify a package completely, back up the database, then apply it in one transaction."""
    with _cyclic_gc_paused():
        return _import_package(
            db,
            Path(path),
            trust=trust,
            passphrase=passphrase,
            limits=limits,
            now_ms=now_ms,
            progress=progress,
        )


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a package is read and applied.

    Reading a package builds hundreds of thousands of small objects that all stay alive
    until it is applied; every automatic collection walked all of them again, which cost
    about a fifth of the import time at 20,000 visits. Reference counting still frees
    everything that is dropped.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _import_package(
    db: Database,
    path: Path,
    *,
    trust: bool,
    passphrase: str | None,
    limits: Limits,
    now_ms: Callable[[], int] | None,
    progress: ProgressSink | None,
) -> ImportResult:
    signed = open_signed_package(path, limits)
    manifest = signed.manifest
    # A tampered copy of a package imported before must not pass as "already imported".
    verify_members(signed, limits)
    with db.unit_of_work() as session:
        me = this_device(session)
        newly_trusted = _check_sender(session, signed, me, trust=trust)
        check_addressing(signed, me.id)
        if session.get(ImportedPackage, manifest.package_id) is not None:
            return ImportResult(
                path.name, manifest.package_id, manifest.sender_id, manifest.sender_name, True
            )
        file_key = _file_key(session, signed, me, passphrase)
        receiver = _receiver(session, me)
        peer = session.get(TrustedPeer, manifest.sender_id)
        sender_role = peer.role if peer is not None else manifest.sender_role
        held = _highest_held(session, manifest.sender_id)
    if progress is not None:
        progress.report(1, 4, "verify")
    contents = read_contents(signed, file_key, limits)
    check_sender_vector(signed, contents.ops, held)
    store = BlobStore(blob_dir(db.path))
    with db.unit_of_work() as session:
        # A file the package leaves out may be here, or on the server database another
        # laptop imported it into.
        check_attachment_blobs(
            signed, contents.ops, contents.blobs, _held_blob(session, store, contents.ops)
        )
        fresh = check_package(
            session.connection(),
            contents.ops,
            name=path.name,
            sender_id=manifest.sender_id,
            sender_role=sender_role,
            me=receiver,
        )
    if progress is not None:
        progress.raise_if_cancelled()
        progress.report(2, 4, "backup")
    # A server database is backed up by the server (pg_dump), not file by file here.
    backup = backup_now(db.path, reason=REASON_SYNC_IMPORT) if db.is_file else None
    stored_blobs = 0
    for sha, data in contents.blobs.items():
        if not store.has(sha):
            store.put_verified(sha, data)  # content-addressed: harmless if the import fails later
            stored_blobs += 1
    if progress is not None:
        progress.raise_if_cancelled()
        progress.report(3, 4, "apply")
    now = (now_ms or hlc.wall_clock_ms)()
    now_dt = datetime.fromtimestamp(now / 1000, UTC)
    try:
        with db.unit_of_work() as session:
            serialize_writers(session.connection())
            if session.get(ImportedPackage, manifest.package_id) is not None:
                # Another laptop on the same server database imported it meanwhile.
                return ImportResult(
                    path.name, manifest.package_id, manifest.sender_id, manifest.sender_name, True
                )
            session.info[CAPTURE_OFF] = True
            share_blobs(session, contents.blobs)
            if newly_trusted:
                _trust_sender(session, signed)
            else:
                _record_sender_name(session, signed)
            outcome = apply_ops(session, contents.ops, now=now_dt)
            # A sender that opened a new origin was restored or copied: it may have lost ops
            # it had sent before, so what it holds is what it says now, not the most it said.
            restarted = any(
                op.entity == ORIGIN_ENTITY and op.value == manifest.sender_id for op in fresh
            )
            learn_peer_vector(session, manifest.sender_id, manifest.vector, replace=restarted)
            if outcome.applied:
                mark_context_changed(session, me.id, local_vector(session.connection()))
            if outcome.max_hlc is not None:
                _observe(session, me.id, Hlc.decode(outcome.max_hlc), now)
            ahead = _clocks_ahead(signed, contents.ops, now)
            own_ahead = _record_clock_warnings(session, signed, me.id, ahead, now_dt)
            session.add(
                ImportedPackage(
                    package_id=manifest.package_id,
                    sender_device_id=manifest.sender_id,
                    file_name=path.name[:200],
                    created_at=manifest.created_at,
                    imported_at=now_dt,
                    encryption=manifest.scheme,
                    ops_total=len(contents.ops),
                    ops_applied=outcome.applied,
                    ops_known=outcome.known,
                    conflicts=outcome.conflicts,
                    attachments=len(contents.blobs),
                    clock_ahead_ms=ahead.get(manifest.sender_id),
                )
            )
            if progress is not None:
                progress.raise_if_cancelled()
    except IntegrityError as exc:
        raise PackageRefused(MSG_APPLY_FAILED, name=path.name, detail=str(exc.orig)[:160]) from exc
    if outcome.applied >= STATISTICS_AFTER_OPS:
        # The planner's statistics were taken before thousands of rows arrived; without
        # fresh ones the dashboard took 81 s instead of 0.04 s until the next restart.
        settle_after_bulk_write(db.engine)
    if progress is not None:
        progress.report(4, 4, "done")
    return ImportResult(
        file_name=path.name,
        package_id=manifest.package_id,
        sender_id=manifest.sender_id,
        sender_name=manifest.sender_name,
        already_imported=False,
        applied=outcome.applied,
        already_known=outcome.known,
        conflicts=outcome.conflicts,
        attachments=stored_blobs,
        held=outcome.held,
        newly_trusted=newly_trusted,
        clock_ahead_ms=ahead,
        own_clock_ahead_ms=own_ahead,
        backup_path=backup,
    )


def _receiver(session: Session, me: DeviceInfo) -> Receiver:
    identity = session.get_one(LocalIdentity, me.id)
    origin = identity.origin_id or me.id
    here = file_identity(session.connection())
    if identity.file_identity is not None and here is not None and identity.file_identity != here:
        # A copied file: its next write starts a new origin, so the current one is retired
        # already (the original file may have sent ops under it that come back through here).
        origin = ""
    return Receiver(me.id, me.role.value, origin, identity.op_counter or 0)


def read_package_sender(path: Path) -> PeerInfo:
    """Return who signed a package (after checking its signature), for the trust question."""
    manifest = open_signed_package(Path(path)).manifest
    return PeerInfo(
        device_id=manifest.sender_id,
        role=manifest.sender_role,
        officer_name=manifest.sender_name,
        nip=None,
        fingerprint=key_fingerprint(manifest.sender_signing_key, manifest.sender_encryption_key),
        signing_public_key=manifest.sender_signing_key,
        encryption_public_key=manifest.sender_encryption_key,
    )


def _check_sender(session: Session, signed: SignedPackage, me: DeviceInfo, *, trust: bool) -> bool:
    """Refuse packages from this device or from untrusted keys; True if trust is to be added."""
    manifest = signed.manifest
    if manifest.sender_id == me.id:
        raise PackageRefused(MSG_FROM_SELF, name=signed.name)
    fingerprint = key_fingerprint(manifest.sender_signing_key, manifest.sender_encryption_key)
    peer = session.get(TrustedPeer, manifest.sender_id)
    if peer is not None and peer.revoked_at is not None:
        raise PackageRefused(
            MSG_SENDER_REVOKED,
            name=signed.name,
            officer=peer.officer_name,
            date=f"{peer.revoked_at:%d-%m-%Y}",
        )
    if peer is not None:
        if peer.fingerprint != fingerprint:
            raise PackageRefused(MSG_KEY_CHANGED, name=signed.name, fingerprint=fingerprint)
        check_sender_role(signed, peer.role)
        return False
    if not trust:
        raise PackageRefused(
            MSG_UNKNOWN_SENDER,
            name=signed.name,
            officer=manifest.sender_name,
            role=manifest.sender_role,
            fingerprint=fingerprint,
        )
    return True


def _held_blob(session: Session, store: BlobStore, ops: Sequence[Op]) -> Callable[[str], bool]:
    """Return "is this file here?" for the files the ops name: locally or on the server."""
    named = {op.value for op in ops if op.entity == "attachment" and op.field == "sha256"}
    on_the_server = on_server(session, (sha for sha in named if isinstance(sha, str)))
    return lambda sha: sha in on_the_server or store.has(sha)


def _highest_held(session: Session, device_id: str) -> int:
    """Return the highest counter of ``device_id``'s ops held here (0 for none)."""
    highest = session.scalar(
        select(func.max(ChangeOp.counter)).where(ChangeOp.device_id == device_id)
    )
    return int(highest or 0)


def _record_sender_name(session: Session, signed: SignedPackage) -> None:
    """Keep the trusted sender's shown name current: officers may correct their name.

    Accepted, not refused: the name is signed by the trusted key, only labels that peer,
    and grants nothing (role and keys are what is checked). docs/security.md explains.
    """
    peer = session.get(TrustedPeer, signed.manifest.sender_id)
    if peer is not None and peer.officer_name != signed.manifest.sender_name:
        peer.officer_name = signed.manifest.sender_name


def _trust_sender(session: Session, signed: SignedPackage) -> None:
    manifest = signed.manifest
    session.add(
        TrustedPeer(
            device_id=manifest.sender_id,
            role=manifest.sender_role,
            officer_name=manifest.sender_name,
            signing_public_key=manifest.sender_signing_key,
            encryption_public_key=manifest.sender_encryption_key,
            fingerprint=key_fingerprint(
                manifest.sender_signing_key, manifest.sender_encryption_key
            ),
        )
    )


def _file_key(
    session: Session, signed: SignedPackage, me: DeviceInfo, passphrase: str | None
) -> bytes | None:
    manifest = signed.manifest
    aad = key_aad(manifest.package_id)
    if manifest.scheme == ENCRYPTION_NONE:
        return None
    if manifest.scheme == ENCRYPTION_SCRYPT:
        if passphrase is None:
            raise PackageRefused(MSG_PASSPHRASE_NEEDED, name=signed.name)
        try:
            return unwrap_with_passphrase(manifest.encryption, passphrase, aad)
        except DecryptionFailed as exc:
            raise PackageRefused(MSG_WRONG_PASSPHRASE, name=signed.name) from exc
    recipient = manifest.encryption.get("recipient")
    if recipient != me.id:
        raise PackageRefused(MSG_NOT_FOR_THIS_DEVICE, name=signed.name, recipient=recipient)
    private = session.scalars(select(LocalIdentity.encryption_private_key)).one()
    try:
        return unwrap_with_private_key(manifest.encryption, private, aad)
    except DecryptionFailed as exc:
        raise PackageRefused(MSG_DECRYPT_FAILED, name=signed.name) from exc


def _observe(session: Session, device_id: str, remote: Hlc, now_ms: int) -> None:
    """Move the local clock past a received timestamp, so later local edits order after it."""
    # Followed however far ahead it is: a local edit stored in the row must also win the
    # merge everywhere, so it needs a greater stamp than every op this device holds.
    del now_ms
    identity = session.get_one(LocalIdentity, device_id)
    clock = HybridClock(
        device_id, wall_ms=identity.hlc_wall_ms or 0, logical=identity.hlc_logical or 0
    )
    clock.observe(remote)
    identity.hlc_wall_ms, identity.hlc_logical = clock.wall_ms, clock.logical


def _clocks_ahead(signed: SignedPackage, ops: list[Any], now_ms: int) -> dict[str, int]:
    """Return devices whose own clock stamped times more than a day ahead of ours."""
    threshold = now_ms + MAX_DRIFT_MS
    ahead: dict[str, int] = {}
    created_ms = int(signed.manifest.created_at.timestamp() * 1000)
    if created_ms > threshold:
        ahead[signed.manifest.sender_id] = created_ms - now_ms
    bound = f"{threshold:013d}"
    for op in ops:
        # A stamp from the author's own clock has logical 0; a followed stamp does not.
        if op.hlc[:13] > bound and op.hlc[14:24] == "0000000000":
            wall = int(op.hlc[:13])
            ahead[op.device_id] = max(ahead.get(op.device_id, 0), wall - now_ms)
    return ahead


def _record_clock_warnings(
    session: Session, signed: SignedPackage, me_id: str, ahead: dict[str, int], now: datetime
) -> int | None:
    reported = dict(signed.manifest.clock_warnings)
    sender = signed.manifest.sender_id
    if sender not in ahead and sender not in reported:
        session.execute(
            delete(ClockWarning).where(
                ClockWarning.device_id == sender, ClockWarning.reported_by == me_id
            )
        )
    for device_id, ahead_ms in {**reported, **ahead}.items():
        row = session.get(ClockWarning, device_id)
        by = me_id if device_id in ahead else sender
        if row is None:
            session.add(
                ClockWarning(
                    device_id=device_id, ahead_ms=ahead_ms, detected_at=now, reported_by=by
                )
            )
        else:
            row.ahead_ms, row.detected_at, row.reported_by = ahead_ms, now, by
    session.flush()
    return reported.get(me_id)


@dataclass(frozen=True, slots=True)
class PeerStatus:
    """One trusted peer in the status: who, what it is known to hold, what it still lacks."""

    device_id: str
    role: str
    officer_name: str
    fingerprint: str
    known_vector: dict[str, int]
    pending_ops: int
    last_import_at: datetime | None


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """This device's sync state: its vector, peers, open conflicts and clock warnings."""

    device_id: str
    role: str
    vector: dict[str, int]
    total_ops: int
    peers: list[PeerStatus]
    open_conflicts: int
    clock_warnings: dict[str, int]
    held_records: int = 0
    """Records waiting for a record they link to (from a package not imported yet)."""

    def as_json(self) -> dict[str, Any]:
        """Return the status as the JSON object the command line prints."""
        return {
            "device_id": self.device_id,
            "role": self.role,
            "vector": self.vector,
            "total_ops": self.total_ops,
            "peers": [
                {
                    "device_id": p.device_id,
                    "role": p.role,
                    "officer_name": p.officer_name,
                    "fingerprint": p.fingerprint,
                    "known_vector": p.known_vector,
                    "pending_ops": p.pending_ops,
                    "last_import_at": p.last_import_at,
                }
                for p in self.peers
            ],
            "open_conflicts": self.open_conflicts,
            "clock_warnings": self.clock_warnings,
            "held_records": self.held_records,
        }


def sync_status(session: Session) -> SyncStatus:
    """Return the vector, every trusted peer with its pending ops, conflicts and clock warnings."""
    me = this_device(session)
    connection = session.connection()
    vectors = all_peer_vectors(session)
    last_imports = dict(
        session.execute(
            select(
                ImportedPackage.sender_device_id, func.max(ImportedPackage.imported_at)
            ).group_by(ImportedPackage.sender_device_id)
        ).all()
    )
    origins = sendable_origins(connection, me.id, me.role.value)
    peers = [
        PeerStatus(
            device_id=p.device_id,
            role=p.role,
            officer_name=p.officer_name,
            fingerprint=p.fingerprint,
            known_vector=vectors.get(p.device_id, {}),
            pending_ops=count_unknown_to(connection, vectors.get(p.device_id, {}), origins=origins),
            last_import_at=last_imports.get(p.device_id),
        )
        for p in trusted_peers(session)
    ]
    open_conflicts = session.scalar(
        select(func.count()).select_from(SyncConflict).where(SyncConflict.status == "open")
    )
    total = session.scalar(select(func.count()).select_from(ChangeOp))
    return SyncStatus(
        device_id=me.id,
        role=me.role.value,
        vector=local_vector(connection),
        total_ops=int(total or 0),
        peers=peers,
        open_conflicts=int(open_conflicts or 0),
        clock_warnings={w.device_id: w.ahead_ms for w in session.scalars(select(ClockWarning))},
        held_records=int(session.scalar(select(func.count()).select_from(SyncHeldRecord)) or 0),
    )


@dataclass(frozen=True, slots=True)
class PackageRecord:
    """One line of the sync history: a package imported or exported."""

    direction: str
    package_id: str
    file_name: str
    peer_id: str | None
    peer_name: str | None
    at: datetime
    ops: int
    applied: int
    conflicts: int
    attachments: int


def sync_history(session: Session, *, limit: int = 200) -> list[PackageRecord]:
    """Return recent imports and exports, newest first."""
    names = dict(session.execute(select(Device.id, Device.officer_name)).all())
    names.update(
        dict(session.execute(select(TrustedPeer.device_id, TrustedPeer.officer_name)).all())
    )
    records = [
        PackageRecord(
            "import",
            row.package_id,
            row.file_name,
            row.sender_device_id,
            names.get(row.sender_device_id),
            row.imported_at,
            row.ops_total,
            row.ops_applied,
            row.conflicts,
            row.attachments,
        )
        for row in session.scalars(
            select(ImportedPackage).order_by(ImportedPackage.imported_at.desc()).limit(limit)
        )
    ]
    records += [
        PackageRecord(
            "export",
            row.package_id,
            row.file_name,
            row.recipient_device_id,
            names.get(row.recipient_device_id or ""),
            row.created_at,
            row.ops,
            0,
            0,
            row.attachments,
        )
        for row in session.scalars(
            select(ExportedPackage).order_by(ExportedPackage.created_at.desc()).limit(limit)
        )
    ]
    return sorted(records, key=lambda r: r.at, reverse=True)[:limit]
