"""Backups: rotation keeps the right set, restore checks first and never loses the current data."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ikmdesk.db import Database
from ikmdesk.errors import DatabaseCorrupt, DatabaseInUse, DatabaseTooNew
from ikmdesk.models import ChangeOp, Enterprise
from ikmdesk.paths import backup_dir
from ikmdesk.services import backup
from ikmdesk.services.backup import (
    BackupInfo,
    backup_if_changed,
    backup_name,
    backup_now,
    backup_to_folder,
    backups_to_keep,
    list_backups,
    parse_backup_name,
    prune_backups,
    restore,
)
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.reference_data import cluster_id, region_id
from tests.conftest import make_database

pytestmark = pytest.mark.sqlite_only(
    reason="file backups and restores of a SQLite database (a server is backed up with pg_dump)"
)


def _add_enterprise(db: Database, name: str) -> None:
    with db.unit_of_work() as session:
        session.add(
            Enterprise(
                name=name, kecamatan_id=region_id("64.08.04"), cluster_id=cluster_id("pisang")
            )
        )


def _names(db: Database) -> list[str]:
    with db.unit_of_work() as session:
        return sorted(session.scalars(select(Enterprise.name)))


def _checksum(path: Path) -> str:
    digest = hashlib.sha256()
    for suffix in ("", "-wal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            digest.update(side.read_bytes())
    return digest.hexdigest()


def _info(name: str, when: datetime) -> BackupInfo:
    return BackupInfo(Path(name), when, "exit", 1)


def test_backup_names_carry_time_and_reason() -> None:
    when = datetime(2026, 3, 4, 5, 6, 7, 890, tzinfo=UTC)
    name = backup_name(Path("/x/ikmdesk.db"), when, "Before Import!")
    assert name == "ikmdesk_2026-03-04T05-06-07.000890Z_before-import.db"
    assert parse_backup_name(name) == (when, "before-import")
    assert parse_backup_name("ikmdesk_2026-03-04T05-06-07Z_exit.db") == (
        datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC),
        "exit",
    )
    assert parse_backup_name("notes.txt") is None


def test_rotation_keeps_the_last_ten_and_the_newest_of_each_month() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    # One backup every 5 days for a year: 73 backups across 12 months.
    infos = [_info(f"b{i:03d}", start + timedelta(days=5 * i)) for i in range(73)]
    keep = backups_to_keep(infos)
    newest_ten = {i.path for i in sorted(infos, key=lambda b: b.taken_at)[-10:]}
    assert newest_ten <= keep
    for month in range(1, 13):
        in_month = [i for i in infos if i.taken_at.month == month and i.taken_at.year == 2026]
        newest = max(in_month, key=lambda b: b.taken_at)
        assert newest.path in keep
        older = {i.path for i in in_month if i is not newest} - newest_ten
        assert not (older & keep)
    assert len(keep) == len(newest_ten | {i.path for i in infos if i.path in keep})


def test_rotation_with_few_backups_keeps_them_all() -> None:
    infos = [_info(f"b{i}", datetime(2026, 5, 1 + i, tzinfo=UTC)) for i in range(4)]
    assert backups_to_keep(infos) == {i.path for i in infos}


def test_prune_deletes_only_what_rotation_drops(database: Database) -> None:
    folder = backup_dir(database.path)
    folder.mkdir(parents=True)
    start = datetime(2025, 6, 30, tzinfo=UTC)
    for i in range(15):
        (folder / backup_name(database.path, start + timedelta(hours=i), "exit")).write_bytes(b"x")
    (folder / "my notes.txt").write_text("not a backup")
    removed = prune_backups(database.path)
    # 30 June 00:00 is the newest June backup only if nothing later is in June: hours 0..14
    # are all on 30 June, so June keeps its newest (which is also among the last ten).
    assert len(removed) == 5
    assert len(list_backups(database.path)) == 10
    assert (folder / "my notes.txt").exists()


def test_backup_now_lands_in_the_rotating_folder(database: Database) -> None:
    _add_enterprise(database, "Keripik Pisang Bu Ani")
    path = backup_now(database.path, reason="exit")
    assert path.parent == backup_dir(database.path)
    [info] = list_backups(database.path)
    assert info.path == path and info.reason == "exit" and info.size_bytes > 0
    copy = open_data_file(path, writable=False)
    try:
        assert _names(copy) == ["Keripik Pisang Bu Ani"]
    finally:
        copy.close()


def test_two_backups_in_the_same_instant_do_not_overwrite(database: Database) -> None:
    when = datetime(2026, 1, 1, tzinfo=UTC)
    first = backup_now(database.path, now=when)
    second = backup_now(database.path, now=when)
    assert first != second and first.exists() and second.exists()


def test_backup_to_a_stick_is_verified(database: Database, tmp_path: Path) -> None:
    stick = tmp_path / "USB"
    stick.mkdir()
    path = backup_to_folder(database.path, stick)
    assert path.parent == stick
    notice = path.with_name(path.stem + backup.NOTICE_SUFFIX)
    assert sorted(p.name for p in stick.iterdir()) == sorted([path.name, notice.name])  # no .part
    assert "data pribadi" in notice.read_text(encoding="utf-8")
    assert backup.check_restorable(path)


def test_restore_brings_back_the_old_state_and_keeps_the_current(tmp_path: Path) -> None:
    db = make_database(tmp_path / "ikmdesk.db")
    _add_enterprise(db, "Dodol Kakao Sandaran")
    saved = backup_now(db.path)
    _add_enterprise(db, "Kerupuk Ikan Bengalon")
    db.close()

    result = restore(tmp_path / "ikmdesk.db", saved)

    assert result.previous_backup is not None and not result.previous_damaged
    reopened = open_data_file(tmp_path / "ikmdesk.db")
    try:
        assert _names(reopened) == ["Dodol Kakao Sandaran"]
    finally:
        reopened.close()
    kept = open_data_file(result.previous_backup, writable=False)
    try:
        assert _names(kept) == ["Dodol Kakao Sandaran", "Kerupuk Ikan Bengalon"]
    finally:
        kept.close()
    assert not (tmp_path / "ikmdesk.db-wal").exists()


def test_restore_starts_a_new_op_origin(tmp_path: Path) -> None:
    db = make_database(tmp_path / "ikmdesk.db")
    saved = backup_now(db.path)
    _add_enterprise(db, "Keripik Pisang")
    with db.unit_of_work() as session:
        handed_out = {f"{o.device_id}:{o.counter}" for o in session.scalars(select(ChangeOp))}
    db.close()
    restore(db.path, saved)
    reopened = open_data_file(db.path)
    try:
        _add_enterprise(reopened, "Keripik Talas")
        with reopened.unit_of_work() as session:
            assert session.scalar(select(func.count()).select_from(Enterprise)) == 1
            new_ops = {f"{o.device_id}:{o.counter}" for o in session.scalars(select(ChangeOp))}
        # The edits after the restore carry op ids the lost edit never had.
        assert not (new_ops - handed_out) & handed_out
        assert len(new_ops - handed_out) > 0
        assert {op.split(":")[0] for op in new_ops - handed_out}.isdisjoint(
            {op.split(":")[0] for op in handed_out}
        )
    finally:
        reopened.close()


@pytest.mark.parametrize(
    "content",
    [b"", b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\x00" * 200],
)
def test_restore_from_a_bad_file_is_refused_and_changes_nothing(
    tmp_path: Path, content: bytes
) -> None:
    db = make_database(tmp_path / "ikmdesk.db")
    _add_enterprise(db, "Keripik Pisang")
    db.close()
    before = _checksum(db.path)
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    with pytest.raises(DatabaseCorrupt):
        restore(db.path, bad)
    assert _checksum(db.path) == before
    assert list_backups(db.path) == []


def test_restore_from_a_truncated_backup_is_refused(tmp_path: Path) -> None:
    db = make_database(tmp_path / "ikmdesk.db")
    _add_enterprise(db, "Keripik Pisang")
    saved = backup_now(db.path)
    db.close()
    before = _checksum(db.path)
    broken = tmp_path / "broken.db"
    data = saved.read_bytes()
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(DatabaseCorrupt):
        restore(db.path, broken)
    assert _checksum(db.path) == before


def test_restore_refuses_a_plain_sqlite_file(tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    db = make_database(tmp_path / "ikmdesk.db")
    db.close()
    with pytest.raises(DatabaseCorrupt):
        restore(db.path, other)


def test_restore_refuses_a_newer_schema(tmp_path: Path) -> None:
    import sqlite3

    newer = make_database(tmp_path / "newer.db")
    newer.close()
    with sqlite3.connect(newer.path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    conn.close()
    db = make_database(tmp_path / "ikmdesk.db")
    db.close()
    with pytest.raises(DatabaseTooNew):
        restore(db.path, newer.path)


def test_restore_while_the_database_is_open_is_refused(database: Database) -> None:
    _add_enterprise(database, "Keripik Pisang")
    saved = backup_now(database.path)
    _add_enterprise(database, "Dodol")
    with pytest.raises(DatabaseInUse):
        restore(database.path, saved)
    assert _names(database) == ["Dodol", "Keripik Pisang"]


def test_restore_over_a_damaged_database_keeps_its_bytes(tmp_path: Path) -> None:
    db = make_database(tmp_path / "ikmdesk.db")
    saved = backup_now(db.path)
    db.close()
    damaged = b"SQLite format 3\x00" + b"\xff" * 5000
    db.path.write_bytes(damaged)
    result = restore(db.path, saved)
    assert result.previous_damaged
    assert result.previous_backup is not None
    assert result.previous_backup.read_bytes() == damaged
    assert backup.check_restorable(db.path)


def test_pre_migration_copies_are_adopted_into_the_rotating_set(database: Database) -> None:
    stray = database.path.with_name("ikmdesk.before-0001.20260101T010203Z.db")
    stray.write_bytes(b"copy")
    backup_now(database.path)
    assert not stray.exists()
    reasons = {(b.reason, b.taken_at) for b in list_backups(database.path)}
    assert ("migration", datetime(2026, 1, 1, 1, 2, 3, tzinfo=UTC)) in reasons


def test_exit_backup_is_skipped_when_nothing_was_written_since(database: Database) -> None:
    backup_now(database.path, now=datetime(2020, 1, 1, tzinfo=UTC))
    _add_enterprise(database, "Keripik Pisang")  # written after the 2020 backup
    taken = backup_if_changed(database.path)
    assert taken is not None and parse_backup_name(taken.name)[1] == "exit"  # type: ignore[index]
    later = datetime.now(UTC) + timedelta(days=1)
    backup_now(database.path, now=later)  # newest backup is newer than every write
    assert backup_if_changed(database.path) is None
    assert len(list_backups(database.path)) == 3


def test_first_exit_backup_is_always_taken(database: Database) -> None:
    assert backup_if_changed(database.path) is not None
