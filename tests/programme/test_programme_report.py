"""Laporan Hasil Pendampingan: before/after per IKM, charts, signatures, Excel; text escaped."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ikmdesk.cli import main
from ikmdesk.reports.programme_render import render_programme
from ikmdesk.services.device import this_device
from ikmdesk.services.programme.diagnosis import save_diagnosis
from ikmdesk.services.programme.evaluation import evaluate_programme
from ikmdesk.services.programme.plan import add_target, mark_target_done
from ikmdesk.services.programme.programme import close_programme
from tests.conftest import make_database
from tests.programme.helpers import END, START, add_ikm, add_partner, cocoa_programme
from tests.reports.pdf_text import all_text, squeezed

HOSTILE = "Cokelat <b>Bu & Pak</b>"


@pytest.fixture
def ended(tmp_path: Path):
    db = make_database(tmp_path / "sup.db", role="supervisor", name="Bu Kasi")
    with db.unit_of_work() as session:
        me = this_device(session).id
    ikm = add_ikm(db, HOSTILE)
    pid = cocoa_programme(
        db, officer_ids=(me,), enterprise_ids=(ikm,), partner_ids=(add_partner(db),)
    )
    before = {
        "level_cppb": "LEVEL_III",
        "nib": False,
        "spp_irt": False,
        "label": "FAIL",
        "saluran": ["warung"],
        "halal": "none",
    }
    after = before | {
        "level_cppb": "LEVEL_II",
        "nib": True,
        "label": "PASS",
        "saluran": ["warung", "marketplace"],
    }
    with db.unit_of_work() as session:
        save_diagnosis(
            session, programme_id=pid, enterprise_id=ikm, answers=before, diagnosed_on=START
        )
        save_diagnosis(
            session,
            programme_id=pid,
            enterprise_id=ikm,
            answers=after,
            diagnosed_on=END - timedelta(days=2),
            stage="final",
        )
        target = add_target(session, programme_id=pid, enterprise_id=ikm, code="nib-terbit")
        add_target(session, programme_id=pid, enterprise_id=ikm, code="jual-daring")
        mark_target_done(session, target, done_on=START + timedelta(days=20))
        close_programme(session, pid, closed_on=END, evaluation="Hasil <i>baik</i> & lanjut")
    yield db, pid, ikm
    db.close()


def test_evaluation_compares_baseline_and_final(ended) -> None:
    db, pid, _ikm = ended
    with db.unit_of_work() as session:
        evaluation = evaluate_programme(session, pid, on=END)
    [row] = evaluation.ikms
    assert (row.level_before, row.level_after, row.level_improved) == (
        "LEVEL_III",
        "LEVEL_II",
        True,
    )
    assert row.licences_gained == ("nib",)
    assert row.channels_gained == ("marketplace",) and row.online_started
    assert (row.targets_met, row.targets_total) == (1, 2)
    assert evaluation.programme.status == "ended"


def test_programme_pdf_shows_results_and_escapes_user_text(ended) -> None:
    db, pid, _ikm = ended
    text = squeezed(all_text(render_programme(db, pid, on=END)))
    assert squeezed("LAPORAN HASIL PENDAMPINGAN IKM") in text
    assert squeezed(HOSTILE) in text and squeezed("Hasil <i>baik</i> & lanjut") in text
    assert squeezed("III → II") in text
    assert squeezed("Sasaran tercapai per tema") in text and squeezed("Mengetahui,") in text
    english = squeezed(all_text(render_programme(db, pid, on=END, lang="en")))
    assert squeezed("IKM MENTORING RESULTS REPORT") in english and squeezed("1 of 2") in english


def test_cli_writes_pdf_and_excel(ended, tmp_path: Path, capsys) -> None:
    db, pid, _ikm = ended
    pdf, xlsx = tmp_path / "hasil.pdf", tmp_path / "hasil.xlsx"
    args = ["report", "programme", "--db", str(db.path), "--programme", pid]
    assert main([*args, "--out", str(pdf), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["written"] == [str(pdf)]
    assert pdf.read_bytes().startswith(b"%PDF")
    assert main([*args, "--out", str(xlsx), "--xlsx"]) == 0
    book = load_workbook(io.BytesIO(xlsx.read_bytes()))
    rows = list(book.worksheets[0].values)
    assert rows[4][0] == HOSTILE and rows[4][6:8] == ("III", "II")
    assert len(list(book.worksheets[1].values)) == 3
    assert main([*args[:-1], "no-such-id", "--out", str(pdf)]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err
