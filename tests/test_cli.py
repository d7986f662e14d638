"""The ``ikmdesk`` command run as a separate process, the way scripts and users run it."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from ikmdesk.cli import main
from ikmdesk.models import Setting
from ikmdesk.services.data_file import open_data_file

pytestmark = pytest.mark.sqlite_only(
    reason="runs ikmdesk as subprocesses on SQLite files (servers: tests/test_cli_server.py)"
)


REPO = Path(__file__).resolve().parents[1]
ENTERPRISES, VISITS = 12, 60
Capture = pytest.CaptureFixture[str]


def ikmdesk(*args: object, home: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m ikmdesk.cli ARGS`` with its user data folder inside ``home``."""
    env = {**os.environ, "IKMDESK_DATA_DIR": str(home / "userdata"), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "ikmdesk.cli", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        env=env,
        timeout=300,
        check=False,
    )


@dataclass(frozen=True)
class Run:
    """What one command run showed: exit code, stdout and stderr."""

    returncode: int
    stdout: str
    stderr: str


def run_in_process(*args: object, capsys: Capture) -> Run:
    """Run the command through ``main`` in this process (quicker than a subprocess)."""
    capsys.readouterr()
    try:
        code = main([str(a) for a in args])
    except SystemExit as exit_:  # argparse's way of saying "bad usage"
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return Run(code, out, err)


def assert_user_error(result: Run | subprocess.CompletedProcess[str], fragment: str) -> None:
    """Exit 1 with exactly one line on stderr that names the problem, and no traceback."""
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("ikmdesk: ")
    assert fragment in lines[0]
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A demo database made by ``ikmdesk demo`` once for this module; tests copy it to change it."""
    folder = tmp_path_factory.mktemp("cli")
    path = folder / "demo.db"
    result = ikmdesk(
        "demo", "--db", path, "--enterprises", ENTERPRISES, "--visits", VISITS, home=folder
    )
    assert result.returncode == 0, result.stderr
    assert "demo:" in result.stderr  # progress goes to stderr
    assert f"{ENTERPRISES} IKM" in result.stdout
    yield path


def copy_of(path: Path, target: Path) -> Path:
    shutil.copyfile(path, target)
    return target


def test_help_lists_every_command(tmp_path: Path) -> None:
    result = ikmdesk("--help", home=tmp_path)
    assert result.returncode == 0
    for command in ("init", "demo", "list", "check", "backup"):
        assert f"    {command} " in result.stdout, command


def test_init_sets_up_a_new_database_once(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "office.db"
    init = ["init", "--db", path, "--role", "supervisor", "--name", "Kepala Seksi", "--json"]
    result = run_in_process(*init, capsys=capsys)
    assert result.returncode == 0, result.stderr
    made = json.loads(result.stdout)
    assert made["role"] == "supervisor"
    with closing(sqlite3.connect(path)) as conn:
        stored = conn.execute(
            "SELECT d.id, d.role FROM device d JOIN local_identity l ON l.device_id = d.id"
        ).fetchall()
    assert stored == [(made["device_id"], "supervisor")]
    assert_user_error(run_in_process(*init, capsys=capsys), "sudah disiapkan")


@pytest.mark.parametrize(
    ("role", "word"), [("officer", "petugas pendamping"), ("supervisor", "penyelia")]
)
def test_init_names_the_role_in_words(
    tmp_path: Path, capsys: Capture, role: str, word: str
) -> None:
    init = ["init", "--db", tmp_path / "a.db", "--role", role, "--name", "Budi"]
    result = run_in_process(*init, capsys=capsys)
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"Perangkat disiapkan sebagai {word}: "), first
    assert role not in first.split(":")[0]
    shown = run_in_process("device", "show", "--db", tmp_path / "a.db", capsys=capsys)
    assert f"Peran: {word}" in shown.stdout


def test_init_refuses_a_malformed_nip(tmp_path: Path, capsys: Capture) -> None:
    init = ["init", "--db", tmp_path / "a.db", "--role", "officer", "--name", "Budi"]
    assert_user_error(run_in_process(*init, "--nip", "12", capsys=capsys), "NIP")


def test_list_enterprises_as_json_has_the_main_fields_and_no_nik(
    demo_db: Path, capsys: Capture
) -> None:
    result = run_in_process("list", "enterprises", "--db", demo_db, "--json", capsys=capsys)
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert len(records) == ENTERPRISES
    assert {"id", "name", "kecamatan", "cluster", "status"} <= set(records[0])
    assert {r["cluster"] for r in records} <= {"pisang", "kakao", "pangan_olahan"}
    with closing(sqlite3.connect(demo_db)) as conn:
        niks = [row[0] for row in conn.execute("SELECT nik FROM enterprise")]
    assert niks and not any(nik in result.stdout for nik in niks)


def test_list_visits_filters_by_status(demo_db: Path, capsys: Capture) -> None:
    result = run_in_process(
        "list",
        "visits",
        "--db",
        demo_db,
        "--json",
        "--status",
        "approved",
        "--limit",
        1000,
        capsys=capsys,
    )
    assert result.returncode == 0, result.stderr
    visits = json.loads(result.stdout)
    assert visits and {v["status"] for v in visits} == {"approved"}
    assert {"id", "enterprise_id", "date"} <= set(visits[0])
    dates = [v["date"] for v in visits]
    assert dates == sorted(dates, reverse=True)  # newest first


def test_list_followups_by_state(demo_db: Path, capsys: Capture) -> None:
    result = run_in_process(
        "list", "followups", "--db", demo_db, "--json", "--status", "overdue", capsys=capsys
    )
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert items
    for item in items:
        assert {"id", "enterprise_id", "visit_id", "due_date"} <= set(item)
        assert item["status"] == item["state"] == "overdue"


def test_list_without_json_prints_an_aligned_table(demo_db: Path, capsys: Capture) -> None:
    result = run_in_process(
        "list",
        "enterprises",
        "--db",
        demo_db,
        "--limit",
        5,
        "--cluster",
        "pangan_olahan",
        capsys=capsys,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Nama IKM")
    assert set(lines[1]) <= {"-", " "}
    assert 3 <= len(lines) <= 7
    column = lines[0].index("Kecamatan")
    assert all(line[column - 2 : column] == "  " for line in lines[1:])


def test_check_reports_a_sound_database(demo_db: Path, capsys: Capture) -> None:
    result = run_in_process("check", "--db", demo_db, "--json", capsys=capsys)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] and report["problems"] == []
    assert report["schema"]["current"]
    assert report["counts"]["enterprise"] == ENTERPRISES
    assert report["counts"]["visit"] == VISITS


def test_check_finds_a_broken_reference(demo_db: Path, tmp_path: Path, capsys: Capture) -> None:
    broken = copy_of(demo_db, tmp_path / "broken.db")
    with closing(sqlite3.connect(broken)) as conn:
        conn.execute("UPDATE visit SET enterprise_id = 'gone' WHERE rowid = 1")
        conn.commit()
    result = run_in_process("check", "--db", broken, capsys=capsys)
    assert_user_error(result, "foreign key")
    assert "1 masalah" in result.stdout


def test_backup_while_another_connection_writes_is_sound(
    demo_db: Path, tmp_path: Path, capsys: Capture
) -> None:
    live = copy_of(demo_db, tmp_path / "live.db")
    stop = threading.Event()
    writes = [0]

    def keep_writing() -> None:
        with closing(sqlite3.connect(live, timeout=10)) as conn:
            conn.execute("PRAGMA journal_mode = WAL")
            while not stop.is_set():
                conn.execute(
                    "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                    (f"test.{writes[0] % 50}", json.dumps("x" * (writes[0] % 500))),
                )
                conn.commit()
                writes[0] += 1

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        result = ikmdesk("backup", "--db", live, "--out", tmp_path / "copy.db", home=tmp_path)
    finally:
        stop.set()
        writer.join()
    assert result.returncode == 0, result.stderr
    assert writes[0] > 0
    with closing(sqlite3.connect(tmp_path / "copy.db")) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT count(*) FROM visit").fetchone() == (VISITS,)
    checked = run_in_process("check", "--db", tmp_path / "copy.db", capsys=capsys)
    assert checked.returncode == 0, checked.stderr


def test_backup_into_a_folder_gets_a_dated_name(
    demo_db: Path, tmp_path: Path, capsys: Capture
) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    result = run_in_process("backup", "--db", demo_db, "--out", folder, "--json", capsys=capsys)
    assert result.returncode == 0, result.stderr
    made = Path(json.loads(result.stdout)["backup"])
    assert made.parent == folder and made.name.startswith("demo_")
    assert made.stat().st_size == json.loads(result.stdout)["size_bytes"]


def test_backup_refuses_to_overwrite_its_own_database(demo_db: Path, capsys: Capture) -> None:
    result = run_in_process("backup", "--db", demo_db, "--out", demo_db, capsys=capsys)
    assert_user_error(result, "menimpa")


def test_a_missing_database_is_one_line_and_exit_1(tmp_path: Path, capsys: Capture) -> None:
    missing = tmp_path / "nothing.db"
    for args in (["list", "visits"], ["check"], ["backup", "--out", tmp_path / "b.db"]):
        result = run_in_process(*args, "--db", missing, capsys=capsys)
        assert_user_error(result, "tidak ditemukan")
    assert list(tmp_path.iterdir()) == []


def test_a_corrupt_file_is_one_line_and_exit_1(tmp_path: Path, capsys: Capture) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(8192))
    before = junk.read_bytes()
    assert_user_error(ikmdesk("check", "--db", junk, home=tmp_path), "bukan basis data IKMDesk")
    for args in (["list", "enterprises"], ["demo", "--enterprises", "2"]):
        result = run_in_process(*args, "--db", junk, capsys=capsys)
        assert_user_error(result, "bukan basis data IKMDesk")
    assert junk.read_bytes() == before


def test_bad_values_are_user_errors(demo_db: Path, tmp_path: Path, capsys: Capture) -> None:
    result = run_in_process("list", "visits", "--db", demo_db, "--cluster", "durian", capsys=capsys)
    assert_user_error(result, "durian")
    result = run_in_process("demo", "--db", tmp_path / "x.db", "--visits", "-1", capsys=capsys)
    assert_user_error(result, "kunjungan")


def test_bad_usage_exits_2(tmp_path: Path, capsys: Capture) -> None:
    for args in (
        ["list", "products", "--db", "x.db"],
        ["demo"],
        ["demo", "--db", "x", "--visits", "many"],
    ):
        result = run_in_process(*args, capsys=capsys)
        assert result.returncode == 2, args
        assert "usage:" in result.stderr


def test_a_database_in_use_refuses_writers_but_not_readers(
    demo_db: Path, tmp_path: Path, capsys: Capture
) -> None:
    path = copy_of(demo_db, tmp_path / "busy.db")
    held = open_data_file(path)
    try:
        with held.unit_of_work() as session:  # a live connection with unsaved WAL pages
            session.add(Setting(key="test.busy", value=True))
        assert path.with_name("busy.db-wal").stat().st_size > 0
        refused = ikmdesk("demo", "--db", path, "--enterprises", 2, "--visits", 3, home=tmp_path)
        assert_user_error(refused, "sedang dipakai")
        for args in (["list", "visits"], ["check"]):
            result = run_in_process(*args, "--db", path, capsys=capsys)
            assert result.returncode == 0, result.stderr
    finally:
        held.close()
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT count(*) FROM enterprise").fetchone() == (ENTERPRISES,)
