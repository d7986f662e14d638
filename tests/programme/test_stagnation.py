"""Stagnation risk: progressed IKMs with no recent visit or expiring licences; training import."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook

from ikmdesk.cli import main
from ikmdesk.errors import UserError, ValidationError
from ikmdesk.models import Enterprise
from ikmdesk.services.programme.stagnation import stagnation_risks
from ikmdesk.services.programme.training_import import import_training_history
from ikmdesk.services.visit import VisitInput, create_visit
from tests.conftest import make_database
from tests.programme.helpers import add_ikm
from tests.sync.sync_helpers import edit, file_digest


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


HEADER = ["NIB", "Nama IKM", "Tahun", "Pelatihan", "Tema", "Penyelenggara"]


def test_trained_ikm_without_recent_visit_is_at_risk(database, tmp_path: Path) -> None:
    trained = add_ikm(database, "Keripik Terlatih")
    add_ikm(database, "Keripik Baru")  # never trained nor certified: not "progressed"
    visited = add_ikm(database, "Keripik Rajin")
    edit(database, Enterprise, trained, nib="1234567890123")
    xlsx = _sheet(
        tmp_path / "pelatihan.xlsx",
        [
            HEADER,
            [
                "1234567890123",
                "",
                2024,
                "Pelatihan pemasaran digital",
                "digital_marketing",
                "Disperindag",
            ],
            ["", "keripik rajin", "2023", "Pelatihan kemasan", "packaging", None],
        ],
    )
    with database.unit_of_work() as session:
        result = import_training_history(session, xlsx)
    assert (result.added, result.skipped) == (2, 0)
    with database.unit_of_work() as session:
        assert import_training_history(session, xlsx).skipped == 2
    today = date.today()
    with database.unit_of_work() as session:
        create_visit(
            session,
            VisitInput(
                enterprise_id=visited, visit_date=today - timedelta(days=3), purpose="mentoring"
            ),
        )
        risks = stagnation_risks(session, on=today)
    assert [(r.name, r.reasons, r.progressed_by) for r in risks] == [
        ("Keripik Terlatih", ("no_visit",), ("training",))
    ]
    assert risks[0].reason_text("id", today).startswith("tidak dikunjungi")

    assert (
        main(["programme", "stagnation", "--db", str(database.path), "--json", "--lang", "en"]) == 0
    )


@pytest.mark.parametrize(
    "rows",
    [
        [["Nama", "Kapan"], ["Keripik Terlatih", 2024]],
        [HEADER, ["", "Keripik Terlatih", 2024, "Pelatihan A"], ["", "Tidak Ada", 2024, "B"]],
        [HEADER, ["", "Keripik Terlatih", "dulu", "Pelatihan A"]],
        [HEADER, ["", "Keripik Terlatih", 2024, ""]],
    ],
)
def test_a_bad_training_file_imports_nothing(database, tmp_path: Path, rows) -> None:
    add_ikm(database, "Keripik Terlatih")
    xlsx = _sheet(tmp_path / "salah.xlsx", rows)
    before = file_digest(database.path)
    with pytest.raises(ValidationError) as caught, database.unit_of_work() as session:
        import_training_history(session, xlsx)
    assert caught.value.message()
    assert file_digest(database.path) == before


def test_not_an_excel_file_is_refused_and_cli_says_so(tmp_path: Path, capsys) -> None:
    junk = tmp_path / "bukan.xlsx"
    junk.write_text("bukan excel", encoding="utf-8")
    database = make_database(tmp_path / "cli.db")
    with pytest.raises(UserError), database.unit_of_work() as session:
        import_training_history(session, junk)
    database.close()
    args = ["programme", "import-training", "--db", str(database.path), "--file", str(junk)]
    assert main(args) == 1
    assert "bukan berkas Excel" in capsys.readouterr().err
    good = _sheet(tmp_path / "ok.xlsx", [HEADER])
    assert main([*args[:-1], str(good), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"added": 0, "skipped": 0}
    assert main(["programme", "stagnation", "--db", str(database.path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
