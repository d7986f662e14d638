"""An approved visit report is frozen: re-prints come from its approval snapshot."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from ikmdesk.db import Database
from ikmdesk.models import ApprovalSnapshot, Device, Enterprise, FollowUp, Product, ReportNumber
from ikmdesk.models.enums import VisitStatus
from ikmdesk.reports.render import render_visit
from ikmdesk.services.content_digest import content_digest
from ikmdesk.services.device import this_device
from ikmdesk.services.office_settings import (
    OfficeSettings,
    get_office_settings,
    save_office_settings,
)
from ikmdesk.services.visit import submit_visit
from ikmdesk.services.visit_review import approve_visit, return_visit, start_amendment
from tests.conftest import make_database
from tests.reports.builders import build_visit
from tests.reports.pdf_text import pages_text

APPROVED = datetime(2026, 3, 12, 2, 0, tzinfo=UTC)
PRINT_THEN = datetime(2026, 3, 12, 10, 30, tzinfo=UTC)
PRINT_LATER = datetime(2028, 3, 15, 9, 0, tzinfo=UTC)
"""After the P-IRT number's expiry year (2027): the frozen report still judges on its day."""


@pytest.fixture
def office(tmp_path: Path) -> Database:
    """A supervisor's database with the signing official in the office settings."""
    db = make_database(tmp_path / "office.db", role="supervisor", name="Hj. Aminah")
    with db.unit_of_work() as session:
        save_office_settings(
            session,
            OfficeSettings(supervisor_name="Ir. Hasanuddin", supervisor_nip="197001011990031001"),
        )
    return db


def submitted_visit(db: Database, name: str = "UMKM Keripik Pisang Sangatta") -> str:
    return build_visit(db, name=name, status=VisitStatus.SUBMITTED).visit_id


def approve(db: Database, visit_id: str, at: datetime = APPROVED) -> None:
    with db.unit_of_work() as session:
        approve_visit(session, visit_id, comment="Lengkap", now=at)


def without_print_line(pdf: bytes) -> list[str]:
    return [
        "\n".join(line for line in page.splitlines() if not line.startswith("Dicetak "))
        for page in pages_text(pdf)
    ]


def test_a_reprint_a_year_later_says_the_same_after_the_ikm_and_supervisor_changed(
    office: Database,
) -> None:
    visit_id = submitted_visit(office)
    approve(office, visit_id)
    first = render_visit(office, visit_id, generated_at=PRINT_THEN, version="1.0")
    with office.unit_of_work() as session:
        visit_enterprise = session.scalars(select(Enterprise)).one()
        visit_enterprise.name = "CV Pisang Baru"
        visit_enterprise.owner_name = "Bapak Lain"
        visit_enterprise.nib = "9999999999999"
        session.scalars(select(Product)).one().pirt_number = "2066408019999-30"
        me = session.get_one(Device, this_device(session).id)
        me.officer_name = "Penyelia Baru"
        settings = get_office_settings(session)
        save_office_settings(
            session,
            OfficeSettings(
                supervisor_name="Drs. Pengganti",
                supervisor_nip="198001012005011002",
                supervisor_title="Plt. Kepala Bidang",
                city="Bontang",
                office_lines=settings.office_lines,
            ),
        )
    later = render_visit(office, visit_id, generated_at=PRINT_LATER, version="1.0")
    assert without_print_line(later) == without_print_line(first)
    text = " ".join(pages_text(later))
    assert "Ir. Hasanuddin" in text and "Pengganti" not in text
    assert "UMKM Keripik Pisang Sangatta" in text and "CV Pisang Baru" not in text
    assert "Sangatta, 12 Maret 2026" in text
    # The follow-up was open on the approval day; a year later the frozen report still says so.
    assert "Belum selesai" in text and "Terlambat" not in text


def test_the_qr_hash_covers_the_snapshot_not_the_print_time(office: Database) -> None:
    visit_id = submitted_visit(office)
    approve(office, visit_id)
    with office.unit_of_work() as session:
        snapshot = session.scalars(select(ApprovalSnapshot)).one()
        digest, content = snapshot.digest, snapshot.content
    assert digest == content_digest(content)
    for when in (PRINT_THEN, PRINT_LATER):
        text = " ".join(pages_text(render_visit(office, visit_id, generated_at=when)))
        assert f"#{digest}" in text
    from ikmdesk.reports.visit_report import VisitReport
    from ikmdesk.services.approval_snapshot import frozen_report

    with office.unit_of_work() as session:
        frozen = frozen_report(session, visit_id)
    assert frozen is not None
    report = VisitReport(frozen.sheet, settings=frozen.settings, generated_at=PRINT_LATER)
    assert report.qr_payload() == f"ikmdesk:visit:{visit_id}#{digest}"


def test_the_snapshot_holds_approver_profile_checks_findings_and_follow_up_states(
    office: Database,
) -> None:
    visit_id = submitted_visit(office)
    approve(office, visit_id)
    with office.unit_of_work() as session:
        sheet = session.scalars(select(ApprovalSnapshot)).one().content["sheet"]
    assert sheet["reviewer_name"] == "Ir. Hasanuddin"
    assert sheet["reviewer_nip"] == "197001011990031001"
    assert sheet["enterprise"]["name"] == "UMKM Keripik Pisang Sangatta"
    assert sheet["enterprise"]["products"][0]["pirt"]["number"] == "2066408010243-27"
    cppb = sheet["checks"][0]
    assert cppb["template_code"] == "cppb-irt" and cppb["complete"]
    assert any(item["corrective_action"] == "Pasang kasa" for item in cppb["items"])
    assert [(f["action"], f["done_on"], f["overdue"]) for f in sheet["follow_ups"]] == [
        ("Perbaiki lantai ruang produksi", None, False)
    ]
    assert sheet["report_number"] == "0001/DISPERINDAG/IKM/III/2026"


def test_numbers_follow_approval_order_not_print_order(office: Database) -> None:
    first_built = submitted_visit(office, "IKM Satu")
    second_built = submitted_visit(office, "IKM Dua")
    printed_early = " ".join(pages_text(render_visit(office, first_built)))
    assert "belum bernomor" in printed_early
    approve(office, second_built, datetime(2026, 3, 12, 2, 0, tzinfo=UTC))
    approve(office, first_built, datetime(2026, 3, 13, 2, 0, tzinfo=UTC))
    assert "0002/DISPERINDAG/IKM/III/2026" in " ".join(
        pages_text(render_visit(office, first_built))
    )
    assert "0001/DISPERINDAG/IKM/III/2026" in " ".join(
        pages_text(render_visit(office, second_built))
    )


def test_a_returned_visit_gets_no_number_and_a_number_is_never_reused(office: Database) -> None:
    returned = submitted_visit(office, "IKM Dikembalikan")
    with office.unit_of_work() as session:
        return_visit(session, returned, comment="Lengkapi foto")
    first = submitted_visit(office, "IKM Satu")
    approve(office, first)
    with office.unit_of_work() as session:
        assert session.scalars(select(ReportNumber.visit_id)).all() == [first]
        # Even a withdrawn register entry keeps its number taken.
        session.scalars(select(ReportNumber)).one().deleted = True
    second = submitted_visit(office, "IKM Dua")
    approve(office, second)
    text = " ".join(pages_text(render_visit(office, second)))
    assert "0002/DISPERINDAG/IKM/III/2026" in text
    assert "belum bernomor" in " ".join(pages_text(render_visit(office, returned)))


def test_an_amendment_prints_as_draft_and_keeps_its_number_when_approved_again(
    office: Database,
) -> None:
    visit_id = submitted_visit(office)
    approve(office, visit_id)
    with office.unit_of_work() as session:
        start_amendment(session, visit_id)
    draft = " ".join(pages_text(render_visit(office, visit_id)))
    assert "belum bernomor" in draft and "DRAF" in draft
    with office.unit_of_work() as session:
        session.scalars(select(Enterprise)).one().name = "UMKM Pisang (revisi)"
        submit_visit(session, visit_id)
    approve(office, visit_id, datetime(2026, 4, 2, 2, 0, tzinfo=UTC))
    text = " ".join(pages_text(render_visit(office, visit_id)))
    assert "0001/DISPERINDAG/IKM/III/2026" in text
    assert "UMKM Pisang (revisi)" in text and "revisi ke-1" in text
    with office.unit_of_work() as session:
        assert session.scalars(select(ApprovalSnapshot.revision)).all() == [0, 1]
        assert len(session.scalars(select(ReportNumber)).all()) == 1


def test_printing_writes_nothing(office: Database) -> None:
    visit_id = submitted_visit(office)
    approve(office, visit_id)
    with office.unit_of_work() as session:
        before = session.scalars(select(ReportNumber.id)).all()
    render_visit(office, visit_id)
    with office.unit_of_work() as session:
        assert session.scalars(select(ReportNumber.id)).all() == before


def test_the_officers_copy_prints_the_same_number_and_hash_after_sync(tmp_path: Path) -> None:
    from tests.sync.sync_helpers import introduce, make_node, receive, send

    officer = make_node(tmp_path / "officer", "Siti Rahmawati")
    supervisor = make_node(tmp_path / "office", "Hj. Aminah", role="supervisor")
    introduce(officer, supervisor)
    visit_id = submitted_visit(officer.db)
    receive(supervisor, send(officer, supervisor, tmp_path / "up.ikmsync"))
    approve(supervisor.db, visit_id)
    receive(officer, send(supervisor, officer, tmp_path / "down.ikmsync"))
    with officer.db.unit_of_work() as session:
        # The follow-up was done later on the officer's laptop: the frozen report ignores it.
        session.scalars(select(FollowUp)).one().done_on = date(2026, 4, 1)
    at_office = without_print_line(render_visit(supervisor.db, visit_id, generated_at=PRINT_THEN))
    in_field = without_print_line(render_visit(officer.db, visit_id, generated_at=PRINT_LATER))
    assert in_field == at_office
    assert "0001/DISPERINDAG/IKM/III/2026" in " ".join(in_field)
