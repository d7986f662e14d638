"""The per-partner report: programmes taken part in and visits where the partner was present."""

from __future__ import annotations

import dataclasses
import io
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ikmdesk.cli import main
from ikmdesk.reports.programme_render import render_partner
from ikmdesk.services.device import this_device
from ikmdesk.services.programme.logbook import LogbookInput, record_logbook
from ikmdesk.services.programme.partner_work import partner_work
from ikmdesk.services.programme.programme import (
    ProgrammeInput,
    get_programme,
    save_programme,
)
from ikmdesk.services.visit import VisitInput, create_visit
from ikmdesk.ui import dialogs, programme_page
from ikmdesk.ui.operations import wait_for_operations
from ikmdesk.ui.programme_page import ProgrammePage
from ikmdesk.ui.report_page import DocumentPreviewDialog
from tests.conftest import make_database
from tests.programme.helpers import START, add_ikm, add_partner, cocoa_programme
from tests.reports.pdf_text import all_text, squeezed

UNMUL = "Universitas Mulawarman"


@pytest.fixture
def worked(tmp_path: Path):
    db = make_database(tmp_path / "sup.db", role="supervisor", name="Bu Kasi")
    with db.unit_of_work() as session:
        me = this_device(session).id
    a, b = add_ikm(db, "Cokelat Hilir"), add_ikm(db, "Kakao Ulu")
    unmul, bpom = add_partner(db, UNMUL), add_partner(db, "BBPOM Samarinda", "bpom")
    pid = cocoa_programme(db, officer_ids=(me,), enterprise_ids=(a, b), partner_ids=(unmul, bpom))
    lines = [  # IKM, day, partner, topics, hours, workers
        (a, 3, unmul, ("cuci-tangan", "bagan-alir"), 3.0, 2),
        (a, 10, unmul, ("cuci-tangan",), 2.5, 4),
        (b, 4, unmul, ("label-perbpom-31-2018",), 3.0, 3),
        (b, 11, bpom, ("kemasan-pangan",), 4.0, 5),
        (a, 17, None, ("bagan-alir",), 3.0, 1),
    ]
    with db.unit_of_work() as session:
        for ikm, day, partner, topics, hours, workers in lines:
            visit = create_visit(
                session,
                VisitInput(
                    enterprise_id=ikm, visit_date=START + timedelta(days=day), purpose="mentoring"
                ),
            )
            record_logbook(
                session,
                visit,
                LogbookInput(
                    programme_id=pid,
                    topics=topics,
                    method="practice",
                    hours=hours,
                    workers_reached=workers,
                    partner_id=partner,
                ),
            )
    yield db, pid, unmul, bpom
    wait_for_operations(10_000)
    db.close()


def test_partner_work_counts_only_visits_where_the_partner_was_present(worked) -> None:
    db, pid, unmul, bpom = worked
    on = START + timedelta(days=30)
    with db.unit_of_work() as session:
        work = partner_work(session, unmul, on=on)
        other = partner_work(session, bpom, on=on)
        early = partner_work(session, unmul, on=START + timedelta(days=5))
    assert work.name == UNMUL and work.kind == "university"
    assert [(v.enterprise_name, v.hours) for v in work.visits] == [
        ("Cokelat Hilir", 3.0),
        ("Kakao Ulu", 3.0),
        ("Cokelat Hilir", 2.5),
    ]
    assert (work.hours, work.enterprises, work.workers_reached) == (8.5, 2, 4 + 3)
    assert work.topics == (
        ("cuci-tangan", 2),
        ("bagan-alir", 1),
        ("label-perbpom-31-2018", 1),
    )
    [programme] = work.programmes
    assert (programme.id, programme.listed, programme.visits, programme.hours) == (
        pid,
        True,
        3,
        8.5,
    )
    assert (len(other.visits), other.hours, other.enterprises) == (1, 4.0, 1)
    assert len(early.visits) == 2  # only visits up to the report date


def test_a_programme_that_dropped_the_partner_still_shows_the_visits_together(worked) -> None:
    db, pid, unmul, _bpom = worked
    with db.unit_of_work() as session:
        d = get_programme(session, pid)
        data = ProgrammeInput(
            **{
                f.name: getattr(d, f.name)
                for f in dataclasses.fields(ProgrammeInput)
                if f.name not in {"partner_ids", "enterprise_ids", "officer_ids"}
            },
            officer_ids=d.officer_ids,
            partner_ids=(),
            enterprise_ids=tuple(e.enterprise_id for e in d.enterprises),
        )
        save_programme(session, data, pid)
        work = partner_work(session, unmul, on=START + timedelta(days=30))
    [programme] = work.programmes
    assert not programme.listed and programme.visits == 3
    text = squeezed(all_text(render_partner(db, unmul, on=START + timedelta(days=30))))
    assert squeezed("* program tidak mencantumkan mitra ini") in text


def test_partner_report_pdf_and_cli(worked, tmp_path: Path, capsys) -> None:
    db, _pid, unmul, _bpom = worked
    text = squeezed(all_text(render_partner(db, unmul, on=START + timedelta(days=30))))
    for expected in (
        "LAPORAN KERJA SAMA MITRA",
        UNMUL,
        "Perguruan tinggi",
        "Kunjungan bersama : 3 kunjungan, 8,5 jam",
        "IKM yang dijangkau : 2",
        "Pendampingan Kakao Karangan 2026",
        "Cokelat Hilir",
        "Kakao Ulu",
        "Praktik langsung",
        "Wakil mitra",
        "Halaman 1 dari",
    ):
        assert squeezed(expected) in text, expected
    english = squeezed(all_text(render_partner(db, unmul, lang="en")))
    assert squeezed("PARTNER COOPERATION REPORT") in english
    assert squeezed("Visits together : 3 visits, 8.5 hours") in english
    out = tmp_path / "mitra.pdf"
    args = ["report", "partner", "--db", str(db.path), "--partner"]
    assert main([*args, unmul, "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert main([*args, "no-such-id", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "Mitra" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_the_programme_page_prints_the_partner_report(qtbot, worked, monkeypatch) -> None:
    db, _pid, _unmul, _bpom = worked
    monkeypatch.setattr(programme_page, "today", lambda: START + timedelta(days=30))
    monkeypatch.setattr(dialogs, "show_error", lambda _p, error: pytest.fail(str(error)))
    page = ProgrammePage(db)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.form)
    form = page.form
    assert not form.partner_report_button.isEnabled()
    names = [form.partner_list.item(r).text() for r in range(form.partner_list.count())]
    item = form.partner_list.item(names.index(UNMUL))
    rect = form.partner_list.visualItemRect(item)
    qtbot.mouseClick(form.partner_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert form.partner_report_button.isEnabled()
    qtbot.mouseClick(form.partner_report_button, Qt.MouseButton.LeftButton)
    [preview] = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, DocumentPreviewDialog) and w.isVisible()
    ]
    qtbot.waitUntil(lambda: preview.page.pdf_bytes is not None, timeout=30_000)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.page.pdf_bytes)).pages)
    assert "LAPORAN KERJA SAMA MITRA" in text and UNMUL in text
    assert preview.page._suggested_name() == "laporan-mitra-universitas-mulawarman.pdf"
    preview.close()
