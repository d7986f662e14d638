"""The office data commands, run through ``ikmdesk.cli.main`` as a script would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from ikmdesk.cli import main
from ikmdesk.services.backup import list_backups
from tests.conftest import make_database

NIK = "6408014507850001"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    db = make_database(tmp_path / "ikmdesk.db")
    db.close()
    return db.path


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "IKM"
    sheet.append(["DAFTAR IKM"])
    sheet.append(["No", "Nama Usaha", "Pemilik", "NIK", "Desa", "Kecamatan", "Komoditas"])
    sheet.append(
        [1, "Keripik Pisang Bu Ani", "Ani", NIK, "Swarga Bara", "Sangatta Utara", "pisang"]
    )
    sheet.append([2, "Dodol", "Budi", None, None, "Sangata Utara", "dodol"])
    path = tmp_path / "ikm.xlsx"
    book.save(path)
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_dry_run_plans_without_writing(
    db_path: Path, registry: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = _run(
        capsys, "import", "registry", "--db", str(db_path), str(registry), "--dry-run", "--json"
    )
    assert code == 0
    report = json.loads(out)
    assert report["planned"] == {"create": 1, "update": 0, "skip": 1}
    assert report["mapping"]["name"] == "Nama Usaha"
    skipped = next(r for r in report["rows"] if r["action"] == "skip")
    assert any("Sangatta Utara" in reason for reason in skipped["reasons"])
    assert "result" not in report
    assert list_backups(db_path) == []
    assert NIK not in out


@pytest.mark.sqlite_only(
    reason="backs up or restores the SQLite file (a server database uses pg_dump)"
)
def test_import_twice_backs_up_and_creates_once(
    db_path: Path, registry: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "import", "registry", "--db", str(db_path), str(registry), "--json")
    assert code == 0
    first = json.loads(out)
    assert first["result"]["created"] == 1
    assert Path(first["backup"]).exists()
    code, out, _ = _run(capsys, "import", "registry", "--db", str(db_path), str(registry), "--json")
    second = json.loads(out)
    assert second["planned"]["create"] == 0
    assert "result" not in second  # nothing to write, so no backup either
    code, out, _ = _run(capsys, "list", "enterprises", "--db", str(db_path), "--json")
    assert [r["name"] for r in json.loads(out)] == ["Keripik Pisang Bu Ani"]


@pytest.mark.sqlite_only(
    reason="backs up or restores the SQLite file (a server database uses pg_dump)"
)
def test_import_text_output_names_the_rows(
    db_path: Path, registry: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "import", "registry", "--db", str(db_path), str(registry))
    assert code == 0
    assert "baris 4 (lewati)" in out
    assert "1 IKM baru" in out


def test_import_with_a_saved_mapping(
    db_path: Path, registry: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"name": 1, "kecamatan": 5}))
    code, out, _ = _run(
        capsys, "import", "registry", "--db", str(db_path), str(registry),
        "--mapping", str(mapping), "--json",
    )  # fmt: skip
    assert code == 0
    assert json.loads(out)["mapping"] == {"name": "Nama Usaha", "kecamatan": "Kecamatan"}


def test_import_of_a_missing_file_is_a_one_line_error(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = _run(
        capsys, "import", "registry", "--db", str(db_path), str(tmp_path / "nope.xlsx")
    )
    assert code == 1
    assert err.startswith("ikmdesk: ") and len(err.strip().splitlines()) == 1


@pytest.mark.sqlite_only(
    reason="backs up or restores the SQLite file (a server database uses pg_dump)"
)
def test_export_with_filters(
    db_path: Path, registry: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "import", "registry", "--db", str(db_path), str(registry))
    out_file = tmp_path / "pisang.xlsx"
    code, out, _ = _run(
        capsys, "export", "enterprises", "--db", str(db_path), "--out", str(out_file),
        "--cluster", "pisang", "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["rows"] == 1
    rows = list(load_workbook(out_file).worksheets[0].iter_rows(values_only=True))
    assert rows[1][0] == "Keripik Pisang Bu Ani"
    assert "NIK" not in rows[0]
    code, out, _ = _run(
        capsys, "export", "enterprises", "--db", str(db_path), "--out", str(out_file),
        "--cluster", "kakao",
    )  # fmt: skip
    assert code == 0 and out.startswith("0 baris")


@pytest.mark.parametrize("kind", ["visits", "checks", "followups", "siinas"])
def test_every_export_kind_writes_a_file(
    db_path: Path, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / f"{kind}.csv"
    code, _out, _err = _run(
        capsys, "export", kind, "--db", str(db_path), "--out", str(out_file),
        "--from", "2026-01-01", "--to", "2026-12-31",
    )  # fmt: skip
    assert code == 0
    assert out_file.read_bytes().startswith(b"\xef\xbb\xbf")


def test_bad_date_is_a_usage_error(db_path: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["export", "visits", "--db", str(db_path), "--out", str(tmp_path / "v.csv"),
              "--from", "kemarin"])  # fmt: skip
    assert exc.value.code == 2


@pytest.mark.sqlite_only(
    reason="backs up or restores the SQLite file (a server database uses pg_dump)"
)
def test_backups_and_restore(
    db_path: Path, registry: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "backups", "--db", str(db_path))
    assert code == 0 and "Belum ada" in out
    _run(capsys, "import", "registry", "--db", str(db_path), str(registry))
    code, out, _ = _run(capsys, "backups", "--db", str(db_path), "--json")
    [before_import] = json.loads(out)
    assert before_import["reason"] == "import"
    code, out, _ = _run(
        capsys, "restore", "--db", str(db_path), "--from", before_import["path"], "--json"
    )
    assert code == 0
    assert json.loads(out)["previous_backup"]
    code, out, _ = _run(capsys, "list", "enterprises", "--db", str(db_path), "--json")
    assert json.loads(out) == []


@pytest.mark.sqlite_only(
    reason="backs up or restores the SQLite file (a server database uses pg_dump)"
)
def test_restore_from_a_corrupt_file_fails_cleanly(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"rubbish" * 100)
    before = db_path.read_bytes()
    code, _out, err = _run(capsys, "restore", "--db", str(db_path), "--from", str(bad))
    assert code == 1 and "bukan basis data IKMDesk" in err
    assert db_path.read_bytes() == before
