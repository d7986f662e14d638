"""SQLite storage: engine with durable pragmas, one-writer lock, migrations, backups, checks.

The only module that knows it is talking to SQLite; a PostgreSQL server database (a URL for
``--db``) is opened here too, with what differs kept in :mod:`ikmdesk.dialect`. Everything
above it works with SQLAlchemy sessions obtained from :class:`Database`.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from filelock import FileLock, Timeout
from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ikmdesk.atomic_file import PART_SUFFIX, remove_leftover_parts
from ikmdesk.dialect import (
    display_url,
    is_server_url,
    local_stand_in,
    serialize_writers,
    server_engine,
)
from ikmdesk.errors import (
    MSG_DB_CORRUPT,
    MSG_DB_IN_USE,
    MSG_DB_MISSING,
    MSG_DB_TOO_NEW,
    MSG_DB_UNREACHABLE,
    MSG_WRITE_FAILED,
    DatabaseCorrupt,
    DatabaseInUse,
    DatabaseMissing,
    DatabaseTooNew,
    DatabaseUnreachable,
    FileWriteError,
)
from ikmdesk.paths import (
    backup_dir,
    blob_dir,
    create_private_file,
    data_dir,
    make_private_folder,
    restrict_to_owner,
)

BUSY_TIMEOUT_MS = 5000
RESTORE_STAGING_SUFFIX = ".restoring"
_SIDE_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


@dataclass
class Database:
    """An open database: its file, engine, session factory and (when writable) its lock."""

    path: Path
    engine: Engine
    factory: sessionmaker[Session]
    writable: bool
    created: bool = False
    migrated_from: str | None = None
    backup_path: Path | None = None
    url: str | None = None
    """The server URL of a PostgreSQL database; ``None`` for a SQLite file at ``path``."""
    _lock: FileLock | None = field(default=None, repr=False)
    _closed: bool = field(default=False, repr=False)
    _written: bool = field(default=False, repr=False)

    def track_writes(self) -> None:
        """Notice from now on whether any connection changed the file (to skip needless work)."""

        def checkout(dbapi_connection: sqlite3.Connection, record: Any, _proxy: Any) -> None:
            record.info["changes_at_checkout"] = dbapi_connection.total_changes

        def checkin(dbapi_connection: sqlite3.Connection | None, record: Any) -> None:
            before = record.info.pop("changes_at_checkout", None)
            if dbapi_connection is not None and before != dbapi_connection.total_changes:
                self._written = True

        event.listen(self.engine, "checkout", checkout)
        event.listen(self.engine, "checkin", checkin)

    @property
    def is_file(self) -> bool:
        """Tell whether this is a SQLite file (which file backups and checks apply to)."""
        return self.url is None

    @property
    def written(self) -> bool:
        """Tell whether anything was written since the database was opened."""
        return self._written

    @contextlib.contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction for one user action: commit on success, roll back on error."""
        with unit_of_work(self.factory) as session:
            yield session

    def close(self) -> None:
        """Refresh planner statistics if data changed, dispose of connections, release the lock.

        A close after reading only leaves the file untouched (so "back up if changed" holds).
        """
        if self._closed:
            return
        self._closed = True
        if self.writable and self._written and self.path.exists():
            refresh_statistics(self.engine)
        self.engine.dispose()
        if self._lock is not None:
            _release_lock(self._lock)
            self._lock = None


@contextlib.contextmanager
def unit_of_work(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction for one user action: commit on success, roll back on error."""
    with factory() as session, session.begin():
        yield session


def open_database(
    path: str | os.PathLike[str], *, create: bool = False, writable: bool = True
) -> Database:
    """Open (or with ``create`` make) an IKMDesk database, migrating it to this version's schema.

    Raises DatabaseMissing, DatabaseCorrupt, DatabaseTooNew or DatabaseInUse with a message
    the user can act on; in every refused case the file is left untouched. A PostgreSQL URL
    (``postgresql+psycopg://user@host/name``) opens that server database instead.
    """
    if is_server_url(path):
        return open_server_database(str(path), create=create, writable=writable)
    db_path = Path(path).expanduser().resolve()
    exists = _has_content(db_path)
    if not exists and not create:
        raise DatabaseMissing(MSG_DB_MISSING, path=str(db_path))
    lock = _acquire_lock(db_path) if writable else None
    try:
        if writable:
            _protect_files(db_path)
            remove_leftovers(db_path)
        current = read_schema_revision(db_path) if exists else None
        _refuse_unknown_revision(db_path, current)
        engine = _make_engine(db_path, writable=writable)
        db = Database(db_path, engine, _session_factory(engine), writable, _lock=lock)
        if writable and current != schema_head():
            if exists and current is not None:
                db.backup_path = backup_database(
                    db_path, pre_migration_backup_path(db_path, current)
                )
            _upgrade(engine)
            db.created = current is None
            db.migrated_from = current
        if writable:
            refresh_statistics(engine, only_if_missing=True)
            db.track_writes()
        return db
    except BaseException:
        if lock is not None:
            _release_lock(lock)
        raise


def open_server_database(
    url: str, *, create: bool = False, writable: bool = True, local_path: Path | None = None
) -> Database:
    """Open (or with ``create`` set up) an IKMDesk database on a PostgreSQL server.

    No file lock: the server orders concurrent writers (see ``dialect.serialize_writers``),
    so several supervisors' laptops may use it at once. Attachments are kept in a local
    folder beside ``local_path`` (by default one per server database in the data folder).
    """
    engine = server_engine(url)
    try:
        with engine.begin() as connection:
            if writable:
                serialize_writers(connection)  # one laptop migrates; the others then find it done
            current, tables = _server_revision(connection)
            if current is None and tables:
                raise DatabaseCorrupt(
                    MSG_DB_CORRUPT, path=display_url(url), detail="no IKMDesk schema"
                )
            if current is None and not create:
                raise DatabaseMissing(MSG_DB_MISSING, path=display_url(url))
            _refuse_unknown_revision(Path(display_url(url)), current)
            if writable and current != schema_head():
                config = alembic_config()
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
    except OperationalError as exc:
        engine.dispose()
        detail = str(exc.orig or exc).strip().splitlines()[0][:200]
        raise DatabaseUnreachable(MSG_DB_UNREACHABLE, path=display_url(url), detail=detail) from exc
    except BaseException:
        engine.dispose()
        raise
    stand_in = local_path or local_stand_in(url)
    db = Database(stand_in, engine, _session_factory(engine), writable, url=url)
    db.created = current is None
    db.migrated_from = current if current != schema_head() else None
    return db


def _server_revision(connection: Connection) -> tuple[str | None, int]:
    names = inspect(connection).get_table_names()
    if "alembic_version" not in names:
        return None, len(names)
    row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return (None if row is None else str(row[0])), len(names)


def _has_content(path: Path) -> bool:
    # A name the OS refuses (too long, a vanished drive) is a file that is not there; creating
    # it then fails as a FileWriteError at the lock.
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False


def schema_head() -> str:
    """Return the newest schema revision this version of IKMDesk knows."""
    return _shipped_revisions()[0]


def known_revisions() -> set[str]:
    """Return every schema revision this version can read and upgrade from."""
    return set(_shipped_revisions()[1])


@functools.cache
def _shipped_revisions() -> tuple[str, frozenset[str]]:
    """Read the shipped migration scripts once per process (they cannot change while it runs).

    Loading them is most of the cost of opening a database (about 40 ms of 80 ms on a loaded
    2-core machine), and every open asks for the head and the known revisions.
    """
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None
    return head, frozenset(rev.revision for rev in script.walk_revisions())


def read_schema_revision(path: Path) -> str | None:
    """Return the schema revision stored in the file, reading it without writing anything."""
    try:
        with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
            conn.execute("PRAGMA schema_version").fetchone()
            has_table = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            if not has_table:
                tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if tables:
                    raise DatabaseCorrupt(
                        MSG_DB_CORRUPT, path=str(path), detail="no IKMDesk schema"
                    )
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return None if row is None else str(row[0])
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorrupt(MSG_DB_CORRUPT, path=str(path), detail=str(exc)) from exc


def _refuse_unknown_revision(path: Path, current: str | None) -> None:
    if current is not None and current not in known_revisions():
        raise DatabaseTooNew(MSG_DB_TOO_NEW, path=str(path), found=current, known=schema_head())


def alembic_config() -> Config:
    """Return the Alembic configuration for the migrations shipped inside the package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def _upgrade(engine: Engine) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def refresh_statistics(engine: Engine, *, only_if_missing: bool = False) -> None:
    """Refresh SQLite's planner statistics (sampled, so milliseconds even on large files).

    Without them the planner walks the wrong side of some joins (a visit page took 308 ms
    instead of 12 ms).
    """
    if engine.dialect.name != "sqlite":
        if not only_if_missing:  # the server's autovacuum keeps them; a bulk write asks now
            with engine.begin() as connection:
                connection.exec_driver_sql("ANALYZE")
        return
    with engine.begin() as connection:
        if (
            only_if_missing
            and connection.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
            ).first()
        ):
            return
        connection.exec_driver_sql("PRAGMA analysis_limit = 400")
        connection.exec_driver_sql("ANALYZE")


def settle_after_bulk_write(engine: Engine) -> None:
    """Make reads after a bulk write (a large sync import) as fast as after a restart.

    Fresh planner statistics, and on SQLite the write-ahead log folded back into the file:
    a 90 MB log left by an import made every later read look pages up in it until the
    next close.
    """
    refresh_statistics(engine)
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def current_revision(engine: Engine) -> str | None:
    """Return the schema revision of an open database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _make_engine(path: Path, *, writable: bool) -> Engine:
    if writable:
        engine = create_engine(f"sqlite:///{path}")
    else:
        engine = create_engine(f"sqlite:///{path.as_uri()}?mode=ro&uri=true")

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # pysqlite's own transaction handling fights SAVEPOINT and BEGIN; let SQLAlchemy drive.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if writable:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def _session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def _lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


@contextlib.contextmanager
def writer_lock(path: Path) -> Iterator[None]:
    """Hold the database's writer lock (as ``open_database`` does) for the block's length."""
    lock = _acquire_lock(Path(path).expanduser().resolve())
    try:
        yield
    finally:
        _release_lock(lock)


def _acquire_lock(path: Path) -> FileLock:
    """Hold an OS lock beside the database so a second writer is told, not left to corrupt it.

    ``filelock`` uses flock on POSIX and LockFileEx on Windows; never a soft (marker-file)
    lock, whose leftover after a crash would refuse the database for good.
    """
    lock = FileLock(_lock_path(path), timeout=0, thread_local=False, fallback_to_soft=False)
    try:
        make_private_folder(path.parent)
        create_private_file(_lock_path(path))
        lock.acquire()
    except Timeout as exc:
        raise DatabaseInUse(MSG_DB_IN_USE, path=str(path)) from exc
    except OSError as exc:
        # A folder that cannot be written (read-only stick, path too long) is not "in use".
        raise FileWriteError(
            MSG_WRITE_FAILED, path=str(_lock_path(path)), detail=exc.strerror or str(exc)
        ) from exc
    return lock


def _protect_files(db_path: Path) -> None:
    """Make the database, its side files and its folders readable by the owner only.

    A new database file is created 0600 before SQLite opens it, so SQLite creates its WAL
    and SHM files 0600 as well; files made by older versions (0644) are tightened here.
    """
    if db_path.parent == data_dir().expanduser().resolve():
        restrict_to_owner(db_path.parent)
    create_private_file(db_path)
    for suffix in _SIDE_SUFFIXES:
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            restrict_to_owner(side)
    for folder in (backup_dir(db_path), blob_dir(db_path)):
        if folder.is_dir():
            restrict_to_owner(folder)


def remove_leftovers(db_path: Path) -> list[Path]:
    """Remove what a killed backup, restore or attachment write left beside the database.

    Only called with the writer lock held: every writer of these folders holds it, so no
    temporary file found here can be one still being written.
    """
    removed = remove_leftover_parts(backup_dir(db_path))
    removed += remove_leftover_parts(blob_dir(db_path))
    staged = db_path.with_name(db_path.name + RESTORE_STAGING_SUFFIX)
    if staged.is_file() and not staged.is_symlink():
        with contextlib.suppress(OSError):
            staged.unlink()
            removed.append(staged)
    return removed


def _release_lock(lock: FileLock) -> None:
    with contextlib.suppress(OSError):
        lock.release(force=True)


def pre_migration_backup_path(path: Path, revision: str) -> Path:
    """Return where the copy taken before upgrading from ``revision`` goes."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return path.with_name(f"{path.stem}.before-{revision}.{stamp}.db")


def backup_database(source: Path, target: Path) -> Path:
    """Copy a live database with SQLite's backup API; the target appears whole or not at all."""
    target = Path(target)
    tmp = target.with_name(target.name + PART_SUFFIX)
    try:
        make_private_folder(target.parent)
        tmp.unlink(missing_ok=True)  # a killed earlier copy; SQLite would open it as is
        create_private_file(tmp)  # a backup holds the private keys and personal data
        with contextlib.closing(
            sqlite3.connect(f"{Path(source).as_uri()}?mode=ro", uri=True)
        ) as src:
            src.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            with contextlib.closing(sqlite3.connect(tmp)) as dst:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
                problems = integrity_problems(dst)
        if problems:
            raise DatabaseCorrupt(MSG_DB_CORRUPT, path=str(source), detail=problems[0])
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except sqlite3.DatabaseError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise DatabaseCorrupt(MSG_DB_CORRUPT, path=str(source), detail=str(exc)) from exc
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise FileWriteError(
            MSG_WRITE_FAILED, path=str(target), detail=exc.strerror or str(exc)
        ) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """Return what SQLite's integrity and foreign-key checks find wrong; empty means sound."""
    rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
    problems = [] if rows == ["ok"] else rows
    for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"foreign key: {table} row {rowid} -> {parent}")
    return problems


def check_file(path: Path) -> list[str]:
    """Run the integrity checks on a database file without writing to it."""
    try:
        with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
            return integrity_problems(conn)
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorrupt(MSG_DB_CORRUPT, path=str(path), detail=str(exc)) from exc
