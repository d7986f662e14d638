"""Storage: pragmas, unit of work, migrations, refusing newer/corrupt/busy files, backups."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, func, select, text

from ikmdesk.db import (
    alembic_config,
    backup_database,
    check_file,
    open_database,
    schema_head,
)
from ikmdesk.errors import DatabaseCorrupt, DatabaseInUse, DatabaseMissing, DatabaseTooNew
from ikmdesk.models import Base, ChangeOp, Cluster, Enterprise, Region
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.reference_data import cluster_id, region_id

pytestmark = pytest.mark.sqlite_only(
    reason="the database file itself: its lock, pragmas, integrity checks and file copies"
)


def file_digest(path: Path) -> str:
    """Hash the database file and any WAL beside it, i.e. everything SQLite would read."""
    digest = hashlib.sha256(path.read_bytes())
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


def first_revision() -> str:
    script = ScriptDirectory.from_config(alembic_config())
    return next(r.revision for r in script.walk_revisions() if r.down_revision is None)


def test_connections_use_durable_pragmas(database) -> None:
    with database.unit_of_work() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert session.execute(text("PRAGMA busy_timeout")).scalar() >= 1000


def test_new_database_is_seeded_from_resource_files(database) -> None:
    with database.unit_of_work() as session:
        kecamatan = session.scalars(select(Region.name).order_by(Region.code)).all()
        clusters = set(session.scalars(select(Cluster.code)))
    assert len(kecamatan) == 18
    assert kecamatan[0] == "Muara Ancalong" and kecamatan[-1] == "Long Mesangat"
    assert clusters == {"pisang", "kakao", "pangan_olahan"}


def test_unit_of_work_rolls_back_data_and_ops_together(database) -> None:
    with database.unit_of_work() as session:
        ops_before = session.scalar(select(func.count()).select_from(ChangeOp))
    with pytest.raises(RuntimeError), database.unit_of_work() as session:
        session.add(
            Enterprise(
                name="Keripik Pisang Selangkau",
                kecamatan_id=region_id("64.08.10"),
                cluster_id=cluster_id("pisang"),
            )
        )
        session.flush()
        raise RuntimeError("user pressed cancel")
    with database.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(Enterprise)) == 0
        assert session.scalar(select(func.count()).select_from(ChangeOp)) == ops_before


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    db = open_database(tmp_path / "schema.db", create=True)
    try:
        with db.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        db.close()
    assert diff == []


def test_migration_from_empty_reaches_head(tmp_path: Path) -> None:
    db = open_database(tmp_path / "fresh.db", create=True)
    db.close()
    with sqlite3.connect(tmp_path / "fresh.db") as conn:
        assert (
            conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == schema_head()
        )


def test_database_from_first_migration_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, first_revision())
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO region (id, level, code, name, created_at, updated_at, deleted)"
                " VALUES ('r1', 'kecamatan', '64.08.10', 'Kaliorang', '2025-01-01', "
                "'2025-01-01', 0)"
            )
        )
    engine.dispose()
    assert schema_head() != first_revision(), "needs a second migration to upgrade to"

    db = open_data_file(path)
    try:
        assert db.migrated_from == first_revision()
        assert db.backup_path is not None and db.backup_path.exists()
        with db.unit_of_work() as session:
            assert session.get(Region, "r1").name == "Kaliorang"
    finally:
        db.close()
    with sqlite3.connect(db.backup_path) as backup:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            first_revision()
        )
        assert backup.execute("SELECT name FROM region").fetchall() == [("Kaliorang",)]


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    open_data_file(path, create=True).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    before = file_digest(path)
    with pytest.raises(DatabaseTooNew) as refused:
        open_data_file(path)
    assert "9999_from_the_future" in str(refused.value)
    assert "tidak diubah" in str(refused.value)
    assert file_digest(path) == before


def test_missing_and_corrupt_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseMissing):
        open_data_file(tmp_path / "nope.db")
    assert not (tmp_path / "nope.db").exists()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is a spreadsheet, not a database" * 100)
    before = file_digest(junk)
    with pytest.raises(DatabaseCorrupt):
        open_data_file(junk)
    assert file_digest(junk) == before


def test_second_writer_in_this_process_is_told_the_database_is_in_use(database) -> None:
    with pytest.raises(DatabaseInUse) as busy:
        open_data_file(database.path)
    assert "sedang dipakai" in str(busy.value)


def test_second_writer_process_is_told_the_database_is_in_use(database) -> None:
    script = (
        "import sys\n"
        "from ikmdesk.errors import DatabaseInUse\n"
        "from ikmdesk.services.data_file import open_data_file\n"
        "try:\n"
        f"    open_data_file({str(database.path)!r})\n"
        "except DatabaseInUse as exc:\n"
        "    print(exc); sys.exit(3)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 3, result.stderr
    assert "sedang dipakai" in result.stdout


def test_reader_may_open_while_a_writer_holds_the_database(database) -> None:
    reader = open_data_file(database.path, writable=False)
    try:
        with reader.unit_of_work() as session:
            assert session.scalar(select(func.count()).select_from(Region)) == 18
    finally:
        reader.close()


def test_backup_taken_while_another_connection_writes_is_consistent(
    database, tmp_path: Path
) -> None:
    stop = threading.Event()

    def keep_writing() -> None:
        conn = sqlite3.connect(database.path, timeout=10)
        n = 0
        while not stop.is_set():
            n += 1
            conn.execute(
                "INSERT INTO setting (key, value) VALUES (?, ?)", (f"k{n}", f'"{"x" * 500}"')
            )
            conn.commit()
        conn.close()

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        copies = [backup_database(database.path, tmp_path / f"copy{i}.db") for i in range(5)]
    finally:
        stop.set()
        writer.join()
    for copy in copies:
        assert check_file(copy) == []
        with sqlite3.connect(copy) as conn:
            assert conn.execute("SELECT count(*) FROM region").fetchone()[0] == 18


def test_backup_to_an_unwritable_place_leaves_no_partial_file(database, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where a folder should be")
    from ikmdesk.errors import FileWriteError

    with pytest.raises(FileWriteError):
        backup_database(database.path, blocked / "copy.db")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == []


def test_closing_after_reading_only_leaves_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "quiet.db"
    open_data_file(path, create=True).close()
    before = file_digest(path)
    db = open_data_file(path)
    with db.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(Region)) == 18
    db.close()
    assert file_digest(path) == before
    assert not db.written


def test_closing_after_a_write_refreshes_planner_statistics(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    db = open_data_file(path, create=True)
    with db.unit_of_work() as session:
        session.execute(text("INSERT INTO setting (key, value) VALUES ('k', '1')"))
    db.close()
    assert db.written
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0] > 0
