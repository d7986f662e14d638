"""``ikmdesk report ...`` from the command line: files written, exit codes, batch progress."""

from __future__ import annotations

from pathlib import Path

import pytest

from ikmdesk.cli import main
from ikmdesk.db import Database
from tests.reports.builders import build_visit
from tests.reports.pdf_text import all_text


def test_visit_enterprise_and_summary_commands_write_pdfs(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    built = build_visit(database)
    database.close()  # the command opens the file itself, as a supervisor's script would
    db = str(database.path)
    visit_pdf, history_pdf, summary_pdf = (tmp_path / n for n in ("v.pdf", "e.pdf", "s.pdf"))
    assert (
        main(["report", "visit", "--db", db, "--visit", built.visit_id, "--out", str(visit_pdf)])
        == 0
    )
    assert (
        main(
            [
                "report",
                "enterprise",
                "--db",
                db,
                "--enterprise",
                built.enterprise_id,
                "--out",
                str(history_pdf),
                "--lang",
                "en",
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "report",
                "summary",
                "--db",
                db,
                "--month",
                "2026-03",
                "--cluster",
                "pisang",
                "--out",
                str(summary_pdf),
            ]
        )
        == 0
    )
    assert "UMKM Keripik Pisang Sangatta" in all_text(visit_pdf.read_bytes())
    assert "ENTERPRISE MENTORING HISTORY" in all_text(history_pdf.read_bytes())
    assert "Klaster: Pisang" in all_text(summary_pdf.read_bytes())
    assert not list(tmp_path.glob(".*.part"))


def test_batch_writes_one_pdf_per_visit_with_progress_on_stderr(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date

    build_visit(database, name="IKM A", visit_day=date(2026, 3, 1))
    build_visit(database, name="IKM B", visit_day=date(2026, 3, 2))
    build_visit(database, name="IKM Luar", visit_day=date(2026, 5, 2))
    database.close()
    out = tmp_path / "batch"
    code = main(
        [
            "report",
            "visits",
            "--db",
            str(database.path),
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 2
    assert files[0].startswith("2026-03-01_ikm-a_") and files[1].startswith("2026-03-02_ikm-b_")
    err = capsys.readouterr().err
    assert "[1/2]" in err and "[2/2]" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["summary", "--month", "2026-13"], "Bulan harus ditulis"),
        (["visit", "--visit", "nope"], "tidak ditemukan"),
        (["visits", "--from", "2026-03-31", "--to", "2026-03-01"], "sesudah tanggal akhir"),
        (["visits", "--from", "kemarin", "--to", "2026-03-01"], "Tanggal harus ditulis"),
    ],
)
def test_user_errors_exit_1_with_one_line(
    database: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    database.close()
    out = tmp_path / "x.pdf" if args[0] != "visits" else tmp_path / "dir"
    code = main(["report", args[0], "--db", str(database.path), *args[1:], "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert message in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_an_unwritable_target_is_a_user_error(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    built = build_visit(database, photos=0, with_checks=False)
    database.close()
    target = tmp_path / "no-such-folder" / "v.pdf"
    code = main(
        [
            "report",
            "visit",
            "--db",
            str(database.path),
            "--visit",
            built.visit_id,
            "--out",
            str(target),
        ]
    )
    assert code == 1
    assert "Tidak dapat menulis berkas" in capsys.readouterr().err
