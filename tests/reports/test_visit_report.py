"""The visit report as a reader sees it: names, findings, results, numbering, DRAFT mark."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from ikmdesk.db import Database
from ikmdesk.models.enums import VisitStatus
from ikmdesk.reports.render import render_visit
from ikmdesk.services.office_settings import OfficeSettings, save_office_settings
from tests.reports.builders import build_visit
from tests.reports.pdf_text import all_text, image_count, pages_text, squeezed

FIXED = {"generated_at": datetime(2026, 3, 12, 10, 30, tzinfo=UTC), "version": "9.9.9"}


def test_an_approved_visit_report_shows_what_was_recorded(database: Database) -> None:
    built = build_visit(database, findings="Lantai retak di dekat penggorengan.")
    pdf = render_visit(database, built.visit_id, **FIXED)
    pages = pages_text(pdf)
    text = all_text(pdf)
    assert "LAPORAN KUNJUNGAN PENDAMPINGAN IKM" in text
    assert "PEMERINTAH KABUPATEN KUTAI TIMUR" in text
    assert "UMKM Keripik Pisang Sangatta" in text
    assert "Lantai retak di dekat penggorengan." in text
    assert "Nomor: 0001/DISPERINDAG/IKM/III/2026" in text
    assert "Status laporan: Disetujui" in text
    assert "Level I" in text  # the stored CPPB-IRT result
    assert "Mutu I-F, ukuran A" in text  # the stored cocoa result
    assert "Perbaiki lantai ruang produksi" in text
    assert "Mengetahui," in text
    assert "2066408010243-27" in text
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {len(pages)}" in page
        assert "IKMDesk 9.9.9" in page
        assert built.visit_id in page
    assert "DRAF" not in text
    assert image_count(pdf) == 2  # the two photos; the QR code is drawn as vectors


def test_cppb_counts_per_class_are_printed(database: Database) -> None:
    built = build_visit(database)
    text = all_text(render_visit(database, built.visit_id, **FIXED))
    # MI MA SE KR total: items 36 (MI) and 2 (MA) were answered "ya".
    assert "Minor (MI) Mayor (MA) Serius (SE) Kritis (KR) Jumlah Level IRTP 1 1 0 0 2" in text


@pytest.mark.parametrize("status", [VisitStatus.DRAFT, VisitStatus.SUBMITTED, VisitStatus.RETURNED])
def test_a_visit_not_yet_approved_says_draf_on_every_page_and_has_no_number(
    database: Database, status: VisitStatus
) -> None:
    built = build_visit(database, status=status)
    pages = pages_text(render_visit(database, built.visit_id, **FIXED))
    assert all("DRAF" in page and "DRAFT" not in page for page in pages)
    assert "Nomor: DRAF — belum bernomor" in pages[0]
    assert "/DISPERINDAG/" not in "".join(pages)
    english = pages_text(render_visit(database, built.visit_id, lang="en", **FIXED))
    assert all("DRAFT" in page for page in english)


def test_a_draft_uses_no_report_number(database: Database) -> None:
    draft = build_visit(database, status=VisitStatus.DRAFT)
    assert "belum bernomor" in all_text(render_visit(database, draft.visit_id, **FIXED))
    approved = build_visit(database, name="IKM Kedua")
    assert "0001/DISPERINDAG" in all_text(render_visit(database, approved.visit_id, **FIXED))


def test_the_same_visit_keeps_its_number_and_the_next_gets_the_next(database: Database) -> None:
    first = build_visit(database, name="IKM Satu")
    second = build_visit(database, name="IKM Dua")
    assert "0001/DISPERINDAG/IKM/III/2026" in all_text(render_visit(database, first.visit_id))
    assert "0002/DISPERINDAG/IKM/III/2026" in all_text(render_visit(database, second.visit_id))
    assert "0001/DISPERINDAG/IKM/III/2026" in all_text(render_visit(database, first.visit_id))


def test_the_number_pattern_and_letterhead_come_from_settings(database: Database) -> None:
    with database.unit_of_work() as session:
        save_office_settings(
            session,
            OfficeSettings(
                office_lines=("PEMERINTAH KABUPATEN CONTOH", "DINAS KOPERASI & UKM"),
                report_number_pattern="IKM-{year}-{month:02d}-{seq:03d}",
                supervisor_name="Ir. Hasanuddin",
                supervisor_nip="197001011990031001",
                city="Bontang",
            ),
        )
    built = build_visit(database)
    text = all_text(render_visit(database, built.visit_id, **FIXED))
    assert "DINAS KOPERASI & UKM" in text
    assert "IKM-2026-03-001" in text
    assert "Ir. Hasanuddin" in text
    assert "NIP. 19700101 199003 1 001" in text
    assert "Bontang, 12 Maret 2026" in text


def test_english_on_request(database: Database) -> None:
    built = build_visit(database)
    text = all_text(render_visit(database, built.visit_id, lang="en", **FIXED))
    assert "IKM MENTORING VISIT REPORT" in text
    assert "Page 1 of" in text
    assert "Halaman" not in text


def test_missing_and_unreadable_photos_become_placeholder_boxes(database: Database) -> None:
    built = build_visit(database, photos=1, broken_photo=True, missing_photo=True)
    text = all_text(render_visit(database, built.visit_id, **FIXED))
    assert "Foto tidak tersedia" in text
    assert "Foto tidak dapat dibaca" in text
    assert "Foto hilang" in text  # the caption is still printed


def test_the_footer_digest_of_a_draft_changes_with_the_content(database: Database) -> None:
    built = build_visit(database, status=VisitStatus.SUBMITTED)
    before = squeezed(all_text(render_visit(database, built.visit_id, **FIXED)))
    again = squeezed(all_text(render_visit(database, built.visit_id, **FIXED)))
    assert before == again
    from ikmdesk.models import Visit

    with database.unit_of_work() as session:
        session.get_one(Visit, built.visit_id).findings = "Sudah diperbaiki."
    after = squeezed(all_text(render_visit(database, built.visit_id, **FIXED)))
    digest = before.split(built.visit_id + "·#")[1][:12]
    assert digest not in after


def test_the_digest_does_not_depend_on_where_photos_are_kept(
    database: Database, tmp_path: Path
) -> None:
    from datetime import date

    from ikmdesk.reports.base import content_digest
    from ikmdesk.services.report_data import visit_sheet

    built = build_visit(database)
    with database.unit_of_work() as session:
        here = visit_sheet(session, built.visit_id, today=date(2026, 4, 1))
        elsewhere = visit_sheet(session, built.visit_id, blob_root=tmp_path, today=date(2026, 4, 1))
    assert here.photos[0].path != elsewhere.photos[0].path
    assert content_digest(here) == content_digest(elsewhere)


def test_a_revised_report_says_which_revision_it_is(database: Database) -> None:
    from ikmdesk.models import Visit

    built = build_visit(database, status=VisitStatus.SUBMITTED)
    with database.unit_of_work() as session:
        session.get_one(Visit, built.visit_id).revision = 2
    text = all_text(render_visit(database, built.visit_id, **FIXED))
    assert "Status laporan: Menunggu tinjauan, revisi ke-2" in text
