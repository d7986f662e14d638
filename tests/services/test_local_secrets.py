"""Secrets at rest and leftovers: owner-only files, no debris after a kill, clear refusals.

A stolen laptop's other accounts, or another local user, must not read the database (its
private keys, NIK and phone numbers); a killed import or export must leave nothing that
looks like a package or a backup.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import time
from pathlib import Path

import pytest

from ikmdesk.cli import main
from ikmdesk.db import Database, remove_leftovers
from ikmdesk.errors import DatabaseCorrupt, UserError
from ikmdesk.input_file import InputFileRefused, check_input_file
from ikmdesk.paths import backup_dir, blob_dir, data_dir
from ikmdesk.services import backup
from ikmdesk.services.backup import backup_now, backup_to_folder, list_backups, restore
from ikmdesk.services.data_file import open_data_file
from ikmdesk.sync.package_writer import LEFTOVER_PACKAGE, STALE_PART_S
from tests.conftest import make_database
from tests.services import checksum
from tests.sync.sync_helpers import add_enterprise

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


pytestmark = pytest.mark.sqlite_only(
    reason="file modes, backups and leftover files of the SQLite file"
)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_database_side_files_lock_and_data_folder_are_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)  # the usual default, under which files come out 0644
    try:
        db = make_database(data_dir() / "ikmdesk.db")
        add_enterprise(db)
        side = [db.path.with_name(db.path.name + s) for s in ("-wal", "-shm", ".lock")]
        assert all(p.exists() for p in side)
        assert _mode(db.path) == 0o600
        assert {_mode(p) for p in side} == {0o600}
        assert _mode(data_dir()) == 0o700
        made = backup_now(db.path)
        assert _mode(made) == 0o600 and _mode(backup_dir(db.path)) == 0o700
        db.close()
    finally:
        os.umask(old)


@posix_only
def test_files_left_world_readable_by_an_older_version_are_tightened(tmp_path: Path) -> None:
    db = make_database(tmp_path / "ikmdesk.db")
    db.close()
    os.chmod(db.path, 0o644)
    backup_now(db.path)
    os.chmod(backup_dir(db.path), 0o755)
    open_data_file(db.path).close()
    assert _mode(db.path) == 0o600 and _mode(backup_dir(db.path)) == 0o700


@posix_only
def test_a_backup_on_a_stick_is_owner_only_and_says_it_holds_personal_data(
    database: Database, tmp_path: Path
) -> None:
    stick = tmp_path / "USB"
    stick.mkdir()
    made = backup_to_folder(database.path, stick)
    assert _mode(made) == 0o600
    note = made.with_name(made.stem + backup.NOTICE_SUFFIX).read_text(encoding="utf-8")
    assert "NIK" in note and "kunci rahasia" in note


def test_the_backup_command_warns_that_the_copy_holds_personal_data(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database.close()
    assert main(["backup", "--db", str(database.path), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Cadangan dibuat") and "data pribadi" in out[1]


def test_a_killed_import_backup_is_removed_at_the_next_start(tmp_path: Path) -> None:
    db = make_database(tmp_path / "ikmdesk.db")
    made = backup_now(db.path, reason="sync-import")
    db.close()
    # What SIGKILL during db.backup_database leaves: the copy under its temporary name.
    leftover = made.with_name(made.name.replace("_sync-import", "_sync-import-2") + ".part")
    leftover.write_bytes(made.read_bytes()[:4096])
    staged = db.path.with_name(db.path.name + ".restoring")
    staged.write_bytes(b"half a restore")
    blob_dir(db.path).mkdir(exist_ok=True)
    blob_part = blob_dir(db.path) / ".ab.part"
    blob_part.write_bytes(b"half a photo")
    assert [b.path for b in list_backups(db.path)] == [made]  # never taken for a backup
    open_data_file(db.path).close()
    assert not leftover.exists() and not staged.exists() and not blob_part.exists()
    assert made.exists()


def test_check_removes_leftovers_unless_a_writer_holds_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = make_database(tmp_path / "ikmdesk.db")
    folder = backup_dir(db.path)
    folder.mkdir(exist_ok=True)
    leftover = folder / "ikmdesk_2026-11-28T05-04-56.123456Z_sync-import.db.part"
    leftover.write_bytes(b"partial")
    # The window is open (it holds the writer lock): its backup may be that very file.
    assert main(["check", "--db", str(db.path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["leftovers_removed"] == []
    assert leftover.exists()
    db.close()
    assert main(["check", "--db", str(db.path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["leftovers_removed"] == [str(leftover)]
    assert not leftover.exists()


def test_a_killed_export_on_the_stick_is_removed_by_the_next_export(tmp_path: Path) -> None:
    from ikmdesk.services.sync_service import export_package

    db = make_database(tmp_path / "ikmdesk.db")
    stick = tmp_path / "USB"
    stick.mkdir()
    killed = stick / ".paket.ikmsync.0a1b2c3d.part"
    killed.write_bytes(b"PK\x03\x04 half a package")
    other = stick / "film.mkv.part"  # another program's download: not ours to remove
    other.write_bytes(b"x")
    fresh = stick / ".lain.ikmsync.deadbeef.part"  # another export, still being written
    fresh.write_bytes(b"PK")
    stale = time.time() - STALE_PART_S - 60
    os.utime(killed, (stale, stale))
    os.utime(other, (stale, stale))
    assert LEFTOVER_PACKAGE.match(killed.name)
    export_package(db, stick / "baru.ikmsync", plain=True)
    assert not killed.exists() and other.exists() and fresh.exists()
    db.close()


def test_remove_leftovers_never_follows_a_symlink(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("symlinks need privileges on Windows")
    db = make_database(tmp_path / "ikmdesk.db")
    victim = tmp_path / "precious.txt"
    victim.write_text("keep", encoding="utf-8")
    folder = backup_dir(db.path)
    folder.mkdir(exist_ok=True)
    (folder / "trap.part").symlink_to(victim)
    db.close()
    remove_leftovers(db.path)
    assert victim.read_text(encoding="utf-8") == "keep"


def test_restoring_a_database_that_holds_only_alembic_version_is_refused_clearly(
    database: Database, tmp_path: Path
) -> None:
    from ikmdesk import db as storage

    bare = tmp_path / "bare.db"
    with sqlite3.connect(bare) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES (?)", (storage.schema_head(),))
    conn.close()
    database.close()
    before = checksum(database)
    with pytest.raises(DatabaseCorrupt) as refused:
        restore(database.path, bare)
    assert "bukan basis data IKMDesk" in refused.value.message()
    assert "\n" not in refused.value.message()
    assert checksum(database) == before


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev exist on POSIX")
@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "link-to-fifo", "folder"])
def test_only_regular_files_are_restored_from(database: Database, tmp_path: Path, kind) -> None:
    target = tmp_path / f"{kind}.db"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "dev-zero":
        target.symlink_to("/dev/zero")
    elif kind == "link-to-fifo":
        os.mkfifo(tmp_path / "pipe")
        target.symlink_to(tmp_path / "pipe")
    else:
        target.mkdir()
    database.close()
    with pytest.raises(UserError) as refused:
        restore(database.path, target)
    assert "bukan berkas biasa" in refused.value.message()


def test_input_files_over_the_limit_are_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 2048)
    assert check_input_file(big, max_bytes=2048) == 2048
    with pytest.raises(InputFileRefused, match="batasnya 1024"):
        check_input_file(big, max_bytes=1024)
    with pytest.raises(InputFileRefused, match="tidak dapat dibuka"):
        check_input_file(tmp_path / "missing.bin", max_bytes=1024)
