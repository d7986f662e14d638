"""Portability rules, checked on every OS (CI runs them here on Linux).

Where behaviour branches on the OS, the test poses as each OS by monkeypatching ``os.name`` /
``sys.platform``; file names are checked by scanning every file the app makes.
"""

from __future__ import annotations

import ast
import errno
import json
import os
import re
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import filelock
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ikmdesk
from ikmdesk import atomic_file, db, paths
from ikmdesk.atomic_file import write_atomically
from ikmdesk.cli import main
from ikmdesk.db import open_database, pre_migration_backup_path
from ikmdesk.errors import DatabaseInUse, FileWriteError
from ikmdesk.reports.pdf_file import safe_file_stem, write_pdf
from ikmdesk.services.backup import backup_name, backup_now, backup_to_folder
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.device import DeviceInfo
from ikmdesk.services.sync_service import default_file_name, export_package
from ikmdesk.services.sync_trust import PeerInfo
from ikmdesk.sync.package_format import PackageWriteFailed
from ikmdesk.sync.package_writer import PackageFiles

PACKAGE = Path(ikmdesk.__file__).parent

# Characters and names Windows refuses in a file name (Naming Files, Paths, and Namespaces).
WINDOWS_FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}
WINDOWS_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?$", re.IGNORECASE)

# Modules and attributes that exist only on POSIX.
POSIX_ONLY_MODULES = {"fcntl", "pwd", "grp", "termios", "tty", "pty", "resource", "posix"}
POSIX_ONLY_OS = {
    "fork",
    "getuid",
    "geteuid",
    "getgid",
    "getegid",
    "getpwnam",
    "O_DIRECTORY",
    "O_NOFOLLOW",
    "O_CLOEXEC",
    "statvfs",
    "sync",
    "killpg",
    "setsid",
    "rename",  # os.replace overwrites on every OS; os.rename refuses to on Windows
}


def windows_name_problem(name: str) -> str | None:
    """Say why Windows would refuse ``name`` as a file name, or None when it accepts it."""
    bad = sorted(c for c in name if c in WINDOWS_FORBIDDEN)
    if bad:
        return f"forbidden characters {bad!r}"
    if WINDOWS_RESERVED.match(name):
        return "reserved device name"
    if name.endswith((" ", ".")):
        return "ends with a space or dot"
    return None


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "resources" not in p.parts)


# --- nothing POSIX-only -------------------------------------------------------------------------


def test_no_module_imports_posix_only_modules_or_calls() -> None:
    found = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module.split(".")[0]]
            found += [f"{path.name}: import {n}" for n in names if n in POSIX_ONLY_MODULES]
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "os"
                and node.attr in POSIX_ONLY_OS
            ):
                found.append(f"{path.name}:{node.lineno}: os.{node.attr}")
            # Path.rename fails on Windows when the target exists; Path.replace does not.
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "rename"
            ):
                found.append(f"{path.name}:{node.lineno}: .rename()")
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value.startswith(("/tmp/", "/home/", "/var/", "~/"))
            ):
                found.append(f"{path.name}:{node.lineno}: POSIX path {node.value!r}")
    assert found == []


# --- the single-writer lock ---------------------------------------------------------------------


def test_writer_lock_is_the_platforms_native_filelock(tmp_path: Path) -> None:
    native = filelock.WindowsFileLock if os.name == "nt" else filelock.UnixFileLock
    assert issubclass(filelock.FileLock, native)
    with db.writer_lock(tmp_path / "x.db"), pytest.raises(DatabaseInUse):
        open_database(tmp_path / "x.db", create=True)
    open_database(tmp_path / "x.db", create=True).close()  # released when the block ends


@pytest.mark.sqlite_only(reason="the SQLite file's writer lock, backups and file paths")
def test_second_writer_is_refused_and_the_first_goes_on(tmp_path: Path) -> None:
    first = open_data_file(tmp_path / "a.db", create=True)
    try:
        with pytest.raises(DatabaseInUse):
            open_data_file(tmp_path / "a.db")
        with first.unit_of_work() as session:
            session.connection().exec_driver_sql("SELECT 1")
    finally:
        first.close()
    open_data_file(tmp_path / "a.db").close()


def test_lock_in_an_unwritable_place_is_a_write_error_not_in_use(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")
    with pytest.raises(FileWriteError):
        open_database(blocker / "inside" / "x.db", create=True)


# --- folder fsync -------------------------------------------------------------------------------


@pytest.mark.parametrize("os_name", ["nt", "posix"])
def test_folder_fsync_is_skipped_where_the_os_cannot(
    os_name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[object] = []
    real_open = os.open

    def spy_open(path: object, flags: int, *args: object) -> int:
        opened.append(path)
        if os_name == "posix" and sys.platform == "win32":
            raise PermissionError(errno.EACCES, "Access is denied")  # what Windows says
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "name", os_name)
    monkeypatch.setattr(os, "open", spy_open)
    atomic_file.fsync_folder(tmp_path)
    PackageFiles().sync_folder(tmp_path)
    if os_name == "nt":
        assert opened == []
    else:
        assert opened == [tmp_path, tmp_path]


def test_folder_fsync_refused_by_the_filesystem_is_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> int:
        raise OSError(errno.EINVAL, "Invalid argument")  # FAT on a stick

    monkeypatch.setattr(os, "name", "posix")
    monkeypatch.setattr(os, "open", refuse)
    atomic_file.fsync_folder(tmp_path)
    PackageFiles().sync_folder(tmp_path)


def test_replacing_a_file_overwrites_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "laporan.pdf"
    target.write_bytes(b"old")
    calls: list[tuple[object, object]] = []
    real_replace = os.replace

    def spy_replace(src: object, dst: object) -> None:
        calls.append((src, dst))
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", spy_replace)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert [Path(str(d)) for _s, d in calls] == [target]


# --- file names ---------------------------------------------------------------------------------


@given(st.text(max_size=120))
def test_report_file_stems_are_portable_for_any_name(text: str) -> None:
    stem = safe_file_stem(text)
    assert windows_name_problem(f"2026-03-01_{stem}_abcdef12.pdf") is None
    assert windows_name_problem(f"{stem}.pdf") is None


def test_generated_names_have_no_windows_forbidden_characters(tmp_path: Path) -> None:
    now = datetime(2026, 3, 1, 9, 30, 15, 123456, tzinfo=UTC)
    device = DeviceInfo.__new__(DeviceInfo)
    object.__setattr__(device, "id", "0123456789abcdef")
    object.__setattr__(device, "officer_name", 'Siti: "Rahma"/Wati*?')
    recipient = PeerInfo.__new__(PeerInfo)
    object.__setattr__(recipient, "device_id", "fedcba9876543210")
    object.__setattr__(recipient, "officer_name", "Bu <Kasi>|Pangan")
    names = [
        backup_name(tmp_path / "ikmdesk.db", now, "before sync: import"),
        pre_migration_backup_path(tmp_path / "ikmdesk.db", "0002").name,
        default_file_name(device, None, now=now),
        default_file_name(device, recipient, now=now),
        f"rekap-{date(2026, 3, 1):%Y-%m}.pdf",
    ]
    assert [n for n in names if windows_name_problem(n)] == []


@pytest.mark.sqlite_only(reason="the SQLite file's writer lock, backups and file paths")
def test_every_file_the_app_makes_has_a_portable_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    out = tmp_path / "out"
    base = data / "kantor.db"

    def run(*args: object) -> str:
        capsys.readouterr()
        assert main([str(a) for a in args]) == 0, capsys.readouterr().err
        return capsys.readouterr().out

    run("init", "--db", base, "--role", "officer", "--name", "Siti: Rahmawati/Uji")
    run("demo", "--db", base, "--enterprises", 3, "--visits", 4)
    visits = json.loads(run("list", "visits", "--db", base, "--json"))
    visit_id = visits[0]["id"] if isinstance(visits, list) else visits["rows"][0]["id"]
    out.mkdir()
    run("report", "visit", "--db", base, "--visit", visit_id, "--out", out / "kunjungan.pdf")
    run("report", "visits", "--db", base, "--from", "2000-01-01", "--to", "2100-01-01",
        "--out", out / "semua")  # fmt: skip
    run("export", "enterprises", "--db", base, "--out", out / "ikm.xlsx")
    run("backup", "--db", base, "--out", out / "salinan.db")
    db_ = open_data_file(base)
    try:
        with db_.unit_of_work() as session:
            from ikmdesk.services.device import this_device

            me = this_device(session)
        result = export_package(
            db_, out / default_file_name(me, None, now=datetime.now(UTC)), plain=True
        )
        assert result is not None
    finally:
        db_.close()
    backup_now(base, reason="manual: before update")
    backup_to_folder(base, out / "stick")
    made = [p for p in tmp_path.rglob("*") if p.is_file() or p.is_dir()]
    assert len(made) > 10
    assert [str(p) for p in made if windows_name_problem(p.name)] == []


# --- the user data folder -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("win32", Path("C:/Users/siti/AppData/Local") / "IKMDesk"),
        ("darwin", Path.home() / "Library" / "Application Support" / "IKMDesk"),
        ("linux", Path("/xdg/data") / "ikmdesk"),
    ],
)
def test_user_data_folder_follows_each_os(
    platform: str, expected: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs.windows

    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setenv("LOCALAPPDATA", str(Path("C:/Users/siti/AppData/Local")))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    if platform == "linux":
        monkeypatch.setenv("XDG_DATA_HOME", "/xdg/data")
    # Off Windows there is no shell API to ask; the environment variable is what it returns.
    monkeypatch.setattr(
        platformdirs.windows,
        "_RESOLVE_WIN_FOLDER",
        platformdirs.windows.get_win_folder_from_env_vars,
    )
    assert paths.data_dir() == expected
    assert paths.default_database_path() == expected / "ikmdesk.db"


# --- long paths and vanishing drives -------------------------------------------------------------


def _too_long(tmp_path: Path) -> Path:
    # One 300-character folder: over Windows' 260-character MAX_PATH and every filesystem's
    # 255-character name limit, so the OS refuses it everywhere.
    return tmp_path / ("panjang" * 43) / "berkas"


@pytest.mark.sqlite_only(reason="the SQLite file's writer lock, backups and file paths")
def test_paths_over_260_characters_give_write_errors(tmp_path: Path) -> None:
    far = _too_long(tmp_path)
    assert len(str(far)) > 260
    with pytest.raises(FileWriteError):
        write_atomically(far / "a.bin", b"x")
    with pytest.raises(FileWriteError):
        write_pdf(far / "laporan.pdf", b"%PDF-1.4")
    with pytest.raises(FileWriteError):
        open_database(far / "ikmdesk.db", create=True)
    db_ = open_data_file(tmp_path / "ok.db", create=True)
    try:
        with pytest.raises(FileWriteError):
            backup_to_folder(db_.path, far)
    finally:
        db_.close()


VANISHED = [
    OSError(errno.EIO, "Input/output error"),
    OSError(errno.ENODEV, "No such device"),
    OSError(errno.ENOENT, "The device is not ready"),  # Windows' ERROR_NOT_READY maps here
]


@pytest.mark.parametrize("error", VANISHED, ids=["EIO", "ENODEV", "not-ready"])
@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_drive_vanishing_mid_write_gives_a_write_error_and_no_partial_file(
    error: OSError, step: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "stick" / "laporan.pdf"
    target.parent.mkdir()
    target.write_bytes(b"old report")

    def vanish(*_args: object) -> None:
        raise error

    monkeypatch.setattr(atomic_file.os, step, vanish)
    with pytest.raises(FileWriteError):
        write_pdf(target, b"%PDF-1.4 new")
    assert target.read_bytes() == b"old report"
    assert sorted(p.name for p in target.parent.iterdir()) == ["laporan.pdf"]


@pytest.mark.parametrize("error", VANISHED, ids=["EIO", "ENODEV", "not-ready"])
def test_drive_vanishing_during_a_sync_export_gives_its_typed_error(
    error: OSError, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import make_database

    database = make_database(tmp_path / "a.db")

    class VanishingStick(PackageFiles):
        def fsync(self, handle: object) -> None:
            raise error

    stick = tmp_path / "stick"
    stick.mkdir()
    try:
        with pytest.raises(PackageWriteFailed):
            export_package(database, stick / "a.ikmsync", plain=True, files=VanishingStick())
    finally:
        database.close()
    assert list(stick.iterdir()) == []
