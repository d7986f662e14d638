"""The IKM's handout after a visit, guidance sheets, and the officer's monthly report."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from ikmdesk.cli import main
from ikmdesk.errors import ValidationError
from ikmdesk.reports.programme_render import render_handout, render_officer_month
from ikmdesk.services.device import this_device
from ikmdesk.services.follow_up import FollowUpInput, create_follow_up
from ikmdesk.services.programme.authority import SupervisorOnly
from ikmdesk.services.programme.guidance import (
    edit_sheet,
    list_sheets,
    sheets_for_item,
    sheets_for_topic,
)
from ikmdesk.services.programme.logbook import LogbookInput, record_logbook
from ikmdesk.services.programme.officer_month import officer_month
from ikmdesk.services.programme.plan import add_target, mark_target_done
from ikmdesk.services.visit import VisitInput, create_visit
from tests.conftest import make_database
from tests.programme.helpers import START, add_ikm, cocoa_programme
from tests.reports.pdf_text import all_text, squeezed
from tests.sync.sync_helpers import file_digest

NAME = "Cokelat <Hilir> & Co"


@pytest.fixture
def visited(tmp_path: Path):
    db = make_database(tmp_path / "sup.db", role="supervisor", name="Bu Kasi")
    with db.unit_of_work() as session:
        me = this_device(session).id
    ikm = add_ikm(db, NAME)
    pid = cocoa_programme(db, officer_ids=(me,), enterprise_ids=(ikm,))
    day = START + timedelta(days=5)
    with db.unit_of_work() as session:
        visit = create_visit(
            session,
            VisitInput(
                enterprise_id=ikm,
                visit_date=day,
                purpose="mentoring",
                findings="Label tanpa kode produksi",
                recommendations="Cetak kode produksi pada label",
            ),
        )
        create_follow_up(
            session,
            FollowUpInput(
                visit_id=visit, action="Pasang sabun cuci tangan", due_date=day + timedelta(days=14)
            ),
        )
        record_logbook(
            session,
            visit,
            LogbookInput(programme_id=pid, topics=("cuci-tangan",), method="practice", hours=3),
        )
        target = add_target(session, programme_id=pid, enterprise_id=ikm, code="cuci-tangan")
        mark_target_done(session, target, done_on=day + timedelta(days=2))
    yield db, me, visit
    db.close()


def test_starter_guidance_is_shipped_linked_and_marked(visited) -> None:
    db, _me, _visit = visited
    with db.unit_of_work() as session:
        sheets = list_sheets(session)
        by_item = sheets_for_item(session, "cppb-irt", "11")
        by_topic = sheets_for_topic(session, "halal-self-declare")
    assert sheets and all(s.starter and s.source for s in sheets)
    assert [s.title for s in by_item] == ["Sarana cuci tangan"]
    assert "PP 39/2021" in by_topic[0].source


def test_only_the_supervisor_edits_a_sheet_and_it_stops_being_starter_text(
    visited, database
) -> None:
    db, _me, _visit = visited
    with db.unit_of_work() as session:
        edit_sheet(session, "cppb-11", title="Cuci tangan", body="Teks kantor", source="SOP kantor")
        [sheet] = sheets_for_item(session, "cppb-irt", "11")
    assert (sheet.title, sheet.starter) == ("Cuci tangan", False)
    with pytest.raises(ValidationError), db.unit_of_work() as session:
        edit_sheet(session, "cppb-11", title="", body="x", source="y")
    before = file_digest(database.path)
    with pytest.raises(SupervisorOnly), database.unit_of_work() as session:
        edit_sheet(session, "cppb-11", title="X", body="Y", source="Z")
    assert file_digest(database.path) == before


def test_handout_says_what_to_do_by_when_with_guidance(visited, tmp_path: Path) -> None:
    db, _me, visit = visited
    text = squeezed(all_text(render_handout(db, visit)))
    for expected in (
        "LEMBAR PENDAMPINGAN",
        NAME,
        "Label tanpa kode produksi",
        "Pasang sabun cuci tangan",
        "Sarana cuci tangan (teks awal, perlu ditinjau kantor)",
        "CPPB-IRT butir 11",
        "Halaman 1 dari 1",
    ):
        assert squeezed(expected) in text
    out = tmp_path / "lembar.pdf"
    assert (
        main(["report", "handout", "--db", str(db.path), "--visit", visit, "--out", str(out)]) == 0
    )
    assert out.read_bytes().startswith(b"%PDF")


def test_officer_month_counts_visits_hours_topics_and_targets(visited, tmp_path: Path) -> None:
    db, me, _visit = visited
    with db.unit_of_work() as session:
        month = officer_month(session, me, START)
    assert len(month.visits) == 1 and month.hours == 3 and month.enterprises == 1
    assert month.topics == (("cuci-tangan", 1),)
    assert [t.code for _name, t in month.targets_met] == ["cuci-tangan"]
    text = squeezed(all_text(render_officer_month(db, START, lang="en")))
    assert squeezed("OFFICER'S MONTHLY ACTIVITY REPORT") in text
    assert squeezed("1 visits · 3 hours · 1 IKMs · 1 targets met") in text
    out = tmp_path / "bulan.pdf"
    args = ["report", "officer", "--db", str(db.path), "--month", f"{START:%Y-%m}"]
    assert main([*args, "--out", str(out)]) == 0
    assert main([*args, "--officer", me, "--out", str(out)]) == 0
    assert main([*args, "--officer", "nobody", "--out", str(out)]) == 1
    assert (
        main(["report", "officer", "--db", str(db.path), "--month", "2026-13", "--out", str(out)])
        == 1
    )
