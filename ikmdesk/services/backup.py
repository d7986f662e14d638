"""Automatic and manual backups of a database, their rotation, and restoring one of them.

Backups are whole-database copies made with SQLite's backup API (``db.backup_database``:
consistent while the app writes, atomic, integrity-checked), kept in the rotating folder
``paths.backup_dir(db_path)`` under names that carry their UTC time and reason, e.g.
``ikmdesk_2026-11-28T05-04-56.123456Z_exit.db``. The name is the record: listing and
rotation read nothing but names, so a backup copied back into the folder by hand counts.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, select, update

from ikmdesk import db
from ikmdesk.atomic_file import ensure_parent, fsync_file, fsync_folder
from ikmdesk.dialect import display_url, is_server_url
from ikmdesk.errors import (
    CONTEXT,
    MSG_DB_CORRUPT,
    MSG_DB_MISSING,
    MSG_DB_TOO_NEW,
    MSG_WRITE_FAILED,
    QT_TRANSLATE_NOOP,
    DatabaseCorrupt,
    DatabaseInUse,
    DatabaseMissing,
    DatabaseTooNew,
    FileWriteError,
    UserError,
)
from ikmdesk.input_file import check_input_file
from ikmdesk.models import LocalIdentity
from ikmdesk.paths import backup_dir, make_private_folder

KEEP_LAST = 10
"""How many of the newest backups rotation always keeps (besides one per month)."""

REASON_MANUAL = "manual"
REASON_EXIT = "exit"
REASON_IMPORT = "import"
REASON_SYNC_IMPORT = "sync-import"
REASON_MIGRATION = "migration"
REASON_PRE_RESTORE = "pre-restore"
REASON_DAMAGED = "damaged"

MSG_NOT_IKMDESK = QT_TRANSLATE_NOOP(
    CONTEXT, "Berkas {path} bukan basis data IKMDesk (tidak ada skema IKMDesk di dalamnya)."
)
MSG_RESTORE_SAME_FILE = QT_TRANSLATE_NOOP(
    CONTEXT, "Berkas cadangan sama dengan basis data yang sedang dipakai: {path}"
)
MSG_BACKUP_UNREADABLE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Salinan cadangan di {path} tidak dapat dibaca ulang dengan benar ({detail}); "
    "jangan andalkan salinan ini, coba flashdisk lain.",
)
MSG_DB_BUSY_FOR_RESTORE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Basis data {path} masih dibuka oleh jendela atau perintah IKMDesk lain, jadi tidak dapat "
    "dipulihkan. Tutup yang lain itu lalu coba lagi.",
)

MSG_AFTER_RESTORE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Perubahan berikutnya di perangkat ini memakai nomor asal (origin) baru, jadi tidak ada yang "
    "tertimpa. Langkah berikutnya: kirim paket lengkap ke atasan, lalu impor "
    "balasan atasan untuk mendapatkan kembali perubahan yang dibuat setelah cadangan ini.",
)
"""What to do after a restore (the command line and the window both say it)."""
MSG_BACKUP_HOLDS_SECRETS = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Cadangan {name} memuat data pribadi (nama pemilik, NIK, nomor HP) dan kunci rahasia "
    "perangkat ini. Simpan flashdisk di tempat aman dan hapus cadangan yang tidak diperlukan "
    "lagi; siapa pun yang memegangnya dapat membaca data itu dan mengirim paket atas nama "
    "perangkat ini.",
)
NOTICE_SUFFIX = "-BACA-INI.txt"
"""The note written beside a backup put in a folder the user picked (a USB stick)."""
MAX_RESTORE_BYTES = 64 * 1024**3
"""Largest file offered for restoring (a database of 20,000 visits is well under 1 GiB)."""

_STAMP_FORMAT = "%Y-%m-%dT%H-%M-%S.%fZ"
_NAME = re.compile(
    r"^(?P<stem>.+)_(?P<stamp>\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:\.\d{1,6})?Z)"
    r"_(?P<reason>[a-z0-9-]+)\.db$"
)
# What db.open_database leaves beside the database before migrating (pre_migration_backup_path).
_PRE_MIGRATION = re.compile(r"^(?P<stem>.+)\.before-(?P<rev>[^.]+)\.(?P<stamp>\d{8}T\d{6}Z)\.db$")
_SIDE_FILES = ("-wal", "-shm", "-journal")


MSG_SERVER_BACKUP = QT_TRANSLATE_NOOP(
    CONTEXT,
    "{url} adalah basis data di server PostgreSQL; IKMDesk hanya mencadangkan berkas. "
    "Cadangkan di server dengan pg_dump.",
)
MSG_SERVER_RESTORE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "{url} adalah basis data di server PostgreSQL; IKMDesk hanya memulihkan berkas. "
    "Pulihkan di server dengan pg_restore dari cadangan pg_dump.",
)


class ServerDatabaseRefused(UserError):
    """A file backup or restore asked of a database on a PostgreSQL server.

    The server keeps its own backups (``pg_dump``/``pg_restore``, run by whoever looks after
    it); copying a file would miss what the other supervisors write meanwhile.
    """


def refuse_server_database(target: object, message_id: str) -> None:
    """Raise ServerDatabaseRefused when ``target`` (a ``--db`` value) is a server URL."""
    if is_server_url(target):
        raise ServerDatabaseRefused(message_id, url=display_url(str(target)))


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file in the rotating set: where it is, when (UTC) and why it was taken."""

    path: Path
    taken_at: datetime
    reason: str
    size_bytes: int


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """What a restore did: the file now in place came from ``restored_from``.

    ``previous_backup`` holds the database as it was just before (``None`` when there was
    none); ``previous_damaged`` says it failed its integrity check and was kept byte for byte.
    """

    restored_from: Path
    previous_backup: Path | None
    previous_damaged: bool
    schema_revision: str


def backup_name(db_path: Path, taken_at: datetime, reason: str) -> str:
    """Return the file name a backup of ``db_path`` taken at ``taken_at`` for ``reason`` gets."""
    stamp = taken_at.astimezone(UTC).strftime(_STAMP_FORMAT)
    return f"{db_path.stem}_{stamp}_{_reason_slug(reason)}.db"


def parse_backup_name(name: str) -> tuple[datetime, str] | None:
    """Return (time, reason) encoded in a backup file name, or ``None`` if it is not one."""
    match = _NAME.match(name)
    if match is None:
        return None
    stamp = match["stamp"]
    if "." not in stamp:
        stamp = stamp[:-1] + ".0Z"
    try:
        taken_at = datetime.strptime(stamp, _STAMP_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None
    return taken_at, match["reason"]


def backup_now(db_path: Path, *, reason: str = REASON_MANUAL, now: datetime | None = None) -> Path:
    """Copy the database into its rotating backup folder, prune old ones, return the new file."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise DatabaseMissing(MSG_DB_MISSING, path=str(db_path))
    adopt_pre_migration_backups(db_path)
    target = _free_target(backup_dir(db_path), db_path, now or datetime.now(UTC), reason)
    db.backup_database(db_path, target)
    prune_backups(db_path)
    return target


def backup_if_changed(
    db_path: Path, *, reason: str = REASON_EXIT, now: datetime | None = None
) -> Path | None:
    """Back up like ``backup_now`` unless nothing was written since the newest backup.

    Meant for closing the app: ten exits without edits must not push every useful backup
    out of the rotation. "Written" is judged by the modification time of the database and
    its write-ahead log against the newest backup's time.
    """
    db_path = Path(db_path)
    backups = list_backups(db_path)
    if backups and db_path.exists():
        written = max(
            side.stat().st_mtime
            for side in (db_path, db_path.with_name(db_path.name + "-wal"))
            if side.exists()
        )
        if written <= backups[0].taken_at.timestamp():
            return None
    return backup_now(db_path, reason=reason, now=now)


def backup_to_folder(db_path: Path, folder: Path, *, now: datetime | None = None) -> Path:
    """Write a verified backup into ``folder`` (e.g. a USB stick) and return its path.

    The copy appears whole or not at all (written beside, fsynced, renamed) and is then read
    back: SQLite's integrity check and the schema revision must both be right, else the
    half-trusted file is removed and FileWriteError says so.
    """
    db_path = Path(db_path)
    if not db_path.exists():
        raise DatabaseMissing(MSG_DB_MISSING, path=str(db_path))
    target = _free_target(Path(folder), db_path, now or datetime.now(UTC), REASON_MANUAL)
    db.backup_database(db_path, target)
    fsync_folder(target.parent)
    try:
        _verify_readable(target)
    except UserError as exc:
        with contextlib.suppress(OSError):
            target.unlink()
        raise FileWriteError(MSG_BACKUP_UNREADABLE, path=str(target), detail=exc.message()) from exc
    write_secrets_notice(target)
    return target


def secrets_notice(backup: Path) -> str:
    """Return the one-line warning that a backup holds personal data and private keys."""
    return UserError(MSG_BACKUP_HOLDS_SECRETS, name=Path(backup).name).message()


def write_secrets_notice(backup: Path) -> Path | None:
    """Write ``<backup>-BACA-INI.txt`` beside a backup on a stick, saying what it holds.

    The note travels with the file when it is copied on; failing to write it (a full
    stick) does not undo the verified backup.
    """
    backup = Path(backup)
    note = backup.with_name(backup.stem + NOTICE_SUFFIX)
    try:
        note.write_text(secrets_notice(backup) + "\n", encoding="utf-8")
    except OSError:
        return None
    return note


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Return the backups in the rotating folder of ``db_path``, newest first."""
    folder = backup_dir(Path(db_path))
    if not folder.is_dir():
        return []
    found: list[BackupInfo] = []
    for entry in folder.iterdir():
        parsed = parse_backup_name(entry.name)
        if parsed is None or not entry.is_file():
            continue
        found.append(BackupInfo(entry, parsed[0], parsed[1], entry.stat().st_size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def backups_to_keep(backups: Sequence[BackupInfo], *, keep_last: int = KEEP_LAST) -> set[Path]:
    """Return the backups rotation keeps: the ``keep_last`` newest plus the newest of each month.

    Months are UTC calendar months of the time in the name; every month ever backed up keeps
    one file, so an old state can always be found again at the cost of ~12 files a year.
    """
    newest_first = sorted(backups, key=lambda b: (b.taken_at, b.path.name), reverse=True)
    keep = {b.path for b in newest_first[:keep_last]}
    seen_months: set[tuple[int, int]] = set()
    for backup in newest_first:
        month = (backup.taken_at.year, backup.taken_at.month)
        if month not in seen_months:
            seen_months.add(month)
            keep.add(backup.path)
    return keep


def prune_backups(db_path: Path, *, keep_last: int = KEEP_LAST) -> list[Path]:
    """Delete the backups rotation does not keep; return what was deleted."""
    backups = list_backups(db_path)
    keep = backups_to_keep(backups, keep_last=keep_last)
    removed: list[Path] = []
    for backup in backups:
        if backup.path not in keep:
            with contextlib.suppress(FileNotFoundError):
                backup.path.unlink()
            removed.append(backup.path)
    return removed


def adopt_pre_migration_backups(db_path: Path) -> list[Path]:
    """Move copies that ``db.open_database`` left beside the database into the rotating set."""
    db_path = Path(db_path)
    moved: list[Path] = []
    if not db_path.parent.is_dir():
        return moved
    for entry in db_path.parent.glob(f"{db_path.stem}.before-*.db"):
        match = _PRE_MIGRATION.match(entry.name)
        if match is None or match["stem"] != db_path.stem:
            continue
        taken_at = datetime.strptime(match["stamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        target = _free_target(backup_dir(db_path), db_path, taken_at, REASON_MIGRATION)
        make_private_folder(target.parent)
        os.replace(entry, target)
        moved.append(target)
    return moved


def check_restorable(path: Path) -> str:
    """Return the schema revision of ``path`` if it is a sound IKMDesk database this version reads.

    Raises DatabaseMissing, DatabaseCorrupt (integrity failure, not a database, no IKMDesk
    schema) or DatabaseTooNew; reads the file without writing to it.
    """
    path = Path(path)
    if not path.exists():
        raise DatabaseMissing(MSG_DB_MISSING, path=str(path))
    check_input_file(path, max_bytes=MAX_RESTORE_BYTES)  # never a FIFO, device or folder
    problems = db.check_file(path)
    if problems:
        raise DatabaseCorrupt(MSG_DB_CORRUPT, path=str(path), detail=problems[0])
    revision = db.read_schema_revision(path)
    if revision is None:
        raise DatabaseCorrupt(MSG_NOT_IKMDESK, path=str(path))
    if revision not in db.known_revisions():
        raise DatabaseTooNew(MSG_DB_TOO_NEW, path=str(path), found=revision, known=db.schema_head())
    if not _has_identity_table(path):
        raise DatabaseCorrupt(MSG_NOT_IKMDESK, path=str(path))
    return revision


def _has_identity_table(path: Path) -> bool:
    """Tell whether the file has the device identity table (a bare alembic_version has not)."""
    uri = f"{path.as_uri()}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
        found = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
            (LocalIdentity.__tablename__,),
        ).fetchone()
    return found is not None


def restore(db_path: Path, from_file: Path, *, now: datetime | None = None) -> RestoreResult:
    """Replace the database at ``db_path`` with the backup ``from_file``, keeping the old one.

    Order of work, so that every failure leaves a usable database: check the backup; take the
    writer lock (DatabaseInUse if any IKMDesk has the database open for writing); back the
    current database up (byte for byte if it is damaged); stage a checked copy of the backup
    beside it; carry this device's op counter and clock forward so new edits never reuse op
    ids already sent out; fold the old write-ahead log in; swap the staged file in.
    """
    db_path = Path(db_path).expanduser().resolve()
    from_file = Path(from_file).expanduser().resolve()
    if from_file == db_path:
        raise UserError(MSG_RESTORE_SAME_FILE, path=str(from_file))
    revision = check_restorable(from_file)
    stamp = now or datetime.now(UTC)
    with db.writer_lock(db_path):
        previous, damaged = _keep_current(db_path, stamp)
        staged = db_path.with_name(db_path.name + db.RESTORE_STAGING_SUFFIX)
        try:
            db.backup_database(from_file, staged)
            _carry_clock_forward(None if damaged else previous, staged)
            fsync_file(staged)
            if db_path.exists() and not damaged:
                _fold_write_ahead_log(db_path)
            _remove_side_files(db_path)
            os.replace(staged, db_path)
            fsync_folder(db_path.parent)
        except OSError as exc:
            raise FileWriteError(
                MSG_WRITE_FAILED, path=str(db_path), detail=exc.strerror or str(exc)
            ) from exc
        finally:
            with contextlib.suppress(OSError):
                staged.unlink()
    prune_backups(db_path)
    return RestoreResult(from_file, previous, damaged, revision)


def _keep_current(db_path: Path, stamp: datetime) -> tuple[Path | None, bool]:
    """Back up the database about to be replaced; a damaged one is copied byte for byte."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None, False
    try:
        return backup_now(db_path, reason=REASON_PRE_RESTORE, now=stamp), False
    # db.backup_database lets sqlite3's "file is not a database" through untyped.
    except (DatabaseCorrupt, sqlite3.DatabaseError):
        target = _free_target(backup_dir(db_path), db_path, stamp, REASON_DAMAGED)
        make_private_folder(target.parent)
        shutil.copy2(db_path, target)
        for suffix in _SIDE_FILES:
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                shutil.copy2(side, target.with_name(target.name + suffix))
        return target, True


def _carry_clock_forward(previous: Path | None, staged: Path) -> None:
    """Start a new op origin in the staged copy, with the newer clock of the same device.

    The restored file's counters were already handed out by the database it replaces (and
    maybe sent out in packages with other content): its next edits get a fresh origin, so
    their op ids ("origin:counter") are new everywhere. The clock never goes back.
    """
    old = None if previous is None else _identity_state(previous)
    restored = _identity_state(staged)
    if restored is None:
        return
    values: dict[str, object] = {}
    if old is not None and old[0] == restored[0]:
        wall_ms, logical = max((restored[2], restored[3]), (old[2], old[3]))
        values.update(hlc_wall_ms=wall_ms, hlc_logical=logical)
    engine = create_engine(f"sqlite:///{staged}")
    try:
        with engine.begin() as connection:
            columns = {
                row[1] for row in connection.exec_driver_sql("PRAGMA table_info(local_identity)")
            }
            if "origin_id" in columns:
                # Older files get a new origin from migration 0003 on their first write.
                values.update(origin_id=str(uuid.uuid4()), op_counter=0, file_identity=None)
            if values:
                connection.execute(
                    update(LocalIdentity.__table__)
                    .where(LocalIdentity.__table__.c.device_id == restored[0])
                    .values(**values)
                )
    finally:
        engine.dispose()


def _identity_state(path: Path) -> tuple[str, int, int, int] | None:
    """Return (device id, op counter, HLC wall ms, HLC logical) stored in a database file.

    Only these columns are read, so a file of an older schema revision reads the same.
    """
    query = select(
        LocalIdentity.device_id,
        LocalIdentity.op_counter,
        LocalIdentity.hlc_wall_ms,
        LocalIdentity.hlc_logical,
    )
    engine = create_engine(f"sqlite:///{path.as_uri()}?mode=ro&uri=true")
    try:
        with engine.connect() as connection:
            row = connection.execute(query).first()
    finally:
        engine.dispose()
    if row is None:
        return None
    return (str(row[0]), int(row[1] or 0), int(row[2] or 0), int(row[3] or 0))


def _fold_write_ahead_log(db_path: Path) -> None:
    """Checkpoint the old file's WAL into it and leave WAL mode, so no stale -wal survives.

    Leaving WAL mode needs every other connection gone, so a reader still open somewhere is
    reported as DatabaseInUse instead of being pulled out from under.
    """
    try:
        with contextlib.closing(sqlite3.connect(db_path, timeout=1.0)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlite3.OperationalError as exc:
        raise DatabaseInUse(MSG_DB_BUSY_FOR_RESTORE, path=str(db_path)) from exc
    if mode is None or str(mode[0]).lower() != "delete":
        raise DatabaseInUse(MSG_DB_BUSY_FOR_RESTORE, path=str(db_path))


def _remove_side_files(db_path: Path) -> None:
    for suffix in _SIDE_FILES:
        with contextlib.suppress(FileNotFoundError):
            db_path.with_name(db_path.name + suffix).unlink()


def _verify_readable(path: Path) -> None:
    problems = db.check_file(path)
    if problems:
        raise DatabaseCorrupt(MSG_DB_CORRUPT, path=str(path), detail=problems[0])
    revision = db.read_schema_revision(path)
    if revision is None or revision not in db.known_revisions():
        raise DatabaseCorrupt(MSG_NOT_IKMDESK, path=str(path))


def _free_target(folder: Path, db_path: Path, taken_at: datetime, reason: str) -> Path:
    """Return a backup path in ``folder`` for that time and reason that no file has yet."""
    candidate = folder / backup_name(db_path, taken_at, reason)
    if folder == backup_dir(db_path):
        with contextlib.suppress(OSError):  # ensure_parent below names what went wrong
            make_private_folder(folder)  # the rotating set holds keys and personal data
    ensure_parent(candidate)  # a folder the OS refuses (too long, gone) is a FileWriteError
    n = 1
    while candidate.exists():
        n += 1
        candidate = folder / backup_name(db_path, taken_at, f"{_reason_slug(reason)}-{n}")
    return candidate


def _reason_slug(reason: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")
    return slug or REASON_MANUAL
