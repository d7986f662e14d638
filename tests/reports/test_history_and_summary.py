"""Enterprise history and monthly summary as a reader sees them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ikmdesk.db import Database
from ikmdesk.errors import NotFoundError
from ikmdesk.models import Enterprise
from ikmdesk.models.enums import VisitStatus
from ikmdesk.reports.render import render_enterprise, render_summary
from tests.reports.builders import build_visit
from tests.reports.pdf_text import all_text, pages_text

FIXED = {"generated_at": datetime(2026, 4, 20, 8, 0, tzinfo=UTC), "version": "0.0.0"}


def test_history_lists_every_visit_in_order_with_results_and_open_actions(
    database: Database,
) -> None:
    built = build_visit(database, findings="Temuan pertama", visit_day=date(2026, 1, 5))
    text = all_text(
        render_enterprise(database, built.enterprise_id, today=date(2026, 4, 20), **FIXED)
    )
    assert "RIWAYAT PENDAMPINGAN IKM" in text
    assert "UMKM Keripik Pisang Sangatta" in text
    assert "1. 5 Januari 2026 · Pendampingan · Siti Rahmawati · Disetujui" in text
    assert "Temuan pertama" in text
    assert "Level CPPB-IRT per tanggal" in text  # the history charts the level itself
    assert "Level I" in text
    assert "Perbaiki lantai ruang produksi" in text and "Terlambat" in text
    assert "Halaman 1 dari" in text


def test_history_of_an_unknown_enterprise_is_a_user_error(database: Database) -> None:
    with pytest.raises(NotFoundError):
        render_enterprise(database, "no-such-id")


def test_summary_counts_the_month_and_names_neglected_ikm_and_late_actions(
    database: Database,
) -> None:
    build_visit(database, name="IKM Maret", visit_day=date(2026, 3, 10))
    build_visit(database, name="IKM Lama", visit_day=date(2025, 10, 1))
    build_visit(database, name="IKM Draf", visit_day=date(2026, 3, 20), status=VisitStatus.DRAFT)
    pdf = render_summary(database, date(2026, 4, 1), **FIXED)
    april = all_text(pdf)
    assert "Bulan April 2026" in april
    assert "0 kunjungan ke 0 IKM." in april
    march = all_text(render_summary(database, date(2026, 3, 1), **FIXED))
    assert "REKAPITULASI BULANAN PENDAMPINGAN IKM" in march
    assert "1 kunjungan ke 1 IKM." in march  # the draft is shown apart
    assert "1 kunjungan masih draf dan tidak dihitung di atas." in march
    assert "Status laporan: Disetujui 1, Draf 1." in march
    assert "Siti Rahmawati 1" in march
    assert "Pisang 1" in march
    assert "Sangatta Utara 1" in march
    assert "Sangatta Selatan 0" in march  # kecamatan nobody visited show their zero
    assert "Level I 1" in march  # grouped by outcome, not by the score text
    assert "IKM Lama" in march  # last visited October 2025: more than 3 months before April
    # Follow-ups of the October visit were due 10 April 2026: not late at the end of March.
    assert "Tidak ada tindak lanjut yang terlambat." in march
    assert "Perbaiki lantai ruang produksi" in all_text(
        render_summary(database, date(2026, 5, 1), **FIXED)
    )


def test_summary_can_be_limited_to_a_cluster_or_kecamatan(database: Database) -> None:
    build_visit(database, name="IKM Pisang", visit_day=date(2026, 3, 10))
    text = all_text(render_summary(database, date(2026, 3, 1), cluster="kakao", **FIXED))
    assert "Klaster: Kakao" in text
    assert "0 kunjungan ke 0 IKM." in text
    text = all_text(render_summary(database, date(2026, 3, 1), kecamatan="sangatta utara", **FIXED))
    assert "Kecamatan: Sangatta Utara" in text
    assert "1 kunjungan ke 1 IKM." in text
    with pytest.raises(NotFoundError):
        render_summary(database, date(2026, 3, 1), cluster="durian")


def test_a_closed_enterprise_is_not_listed_as_neglected(database: Database) -> None:
    built = build_visit(database, name="IKM Tutup", visit_day=date(2025, 1, 1))
    with database.unit_of_work() as session:
        session.get_one(Enterprise, built.enterprise_id).status = "closed"
    text = all_text(render_summary(database, date(2026, 3, 1), **FIXED))
    assert "IKM Tutup" not in text


def test_summary_in_english(database: Database) -> None:
    build_visit(database)
    pages = pages_text(render_summary(database, date(2026, 3, 1), lang="en", **FIXED))
    assert "MONTHLY IKM MENTORING SUMMARY" in pages[0]
    assert f"Page 1 of {len(pages)}" in pages[0]


def test_a_past_months_neglected_list_ignores_later_visits(database: Database) -> None:
    built = build_visit(database, name="IKM Dikunjungi Lagi", visit_day=date(2025, 6, 2))
    from ikmdesk.models import Visit

    with database.unit_of_work() as session:
        old = session.get_one(Visit, built.visit_id)
        session.add(
            Visit(
                enterprise_id=old.enterprise_id,
                visit_date=date(2026, 1, 15),
                officer_id=old.officer_id,
                purpose=old.purpose,
            )
        )
    october = all_text(render_summary(database, date(2025, 10, 1), **FIXED))
    # As October 2025 stood, the IKM had not been visited since June: it is listed.
    assert "IKM Dikunjungi Lagi" in october
