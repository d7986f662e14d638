"""Monthly, quarterly and yearly summaries as of their period's last day, as a reader sees
them in the PDF and in the Excel version."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from ikmdesk.cli import main
from ikmdesk.db import Database
from ikmdesk.errors import ValidationError
from ikmdesk.models import Enterprise, FollowUp, Product, Visit
from ikmdesk.reports.render import render_summary
from ikmdesk.services.office_settings import get_office_settings, save_office_settings
from ikmdesk.services.report_period import parse_quarter, parse_year
from tests.reports.builders import build_visit
from tests.reports.pdf_text import all_text

FIXED = {"generated_at": datetime(2026, 4, 20, 8, 0, tzinfo=UTC), "version": "0.0.0"}
SUPERVISOR_NIP = "197001011995031001"


def _with_supervisor(db: Database) -> None:
    import dataclasses

    with db.unit_of_work() as session:
        settings = get_office_settings(session)
        save_office_settings(
            session,
            dataclasses.replace(
                settings, supervisor_name="Ir. Bambang Wijaya", supervisor_nip=SUPERVISOR_NIP
            ),
        )


def _late_actions(db: Database, visit_id: str, count: int, *, first_due: date) -> None:
    with db.unit_of_work() as session:
        visit = session.get_one(Visit, visit_id)
        for n in range(count):
            session.add(
                FollowUp(
                    visit_id=visit.id,
                    enterprise_id=visit.enterprise_id,
                    action=f"Tindakan terlambat nomor {n + 1:02d}",
                    due_date=date.fromordinal(first_due.toordinal() + n),
                )
            )


def test_a_quarter_and_a_year_name_their_period_and_the_day_every_list_is_as_of(
    database: Database,
) -> None:
    build_visit(database, name="IKM Februari", visit_day=date(2026, 2, 10))
    quarter = all_text(render_summary(database, period=parse_quarter("2026-Q1"), **FIXED))
    assert "REKAPITULASI TRIWULANAN PENDAMPINGAN IKM" in quarter
    assert "Triwulan I 2026 (1 Januari 2026 – 31 Maret 2026)" in quarter
    assert "Semua daftar menurut keadaan per 31 Maret 2026." in quarter
    assert "1 kunjungan ke 1 IKM." in quarter
    year = all_text(render_summary(database, period=parse_year("2025"), **FIXED))
    assert "REKAPITULASI TAHUNAN PENDAMPINGAN IKM" in year and "Tahun 2025" in year
    assert "0 kunjungan ke 0 IKM." in year  # the February 2026 visit is not in 2025
    assert "Semua daftar menurut keadaan per 31 Desember 2025." in year


def test_officers_and_clusters_without_visits_show_their_zero(database: Database) -> None:
    build_visit(database, visit_day=date(2026, 3, 10))
    text = all_text(render_summary(database, date(2026, 3, 1), **FIXED))
    assert "Siti Rahmawati 1" in text
    assert "Kakao 0" in text and "Pangan olahan 0" in text
    assert "Jumlah kunjungan" in text  # the charts' legend
    assert "Jumlah pemeriksaan" in text


def test_overdue_actions_are_counted_with_the_oldest_five_and_listed_whole_in_the_annex(
    database: Database,
) -> None:
    built = build_visit(database, visit_day=date(2026, 1, 5))
    _late_actions(database, built.visit_id, 8, first_due=date(2026, 1, 20))
    body = all_text(render_summary(database, date(2026, 3, 1), **FIXED))
    assert "8 tindak lanjut terlambat per 31 Maret 2026, menurut lama keterlambatan:" in body
    assert "31–90 hari 8" in body
    assert "5 yang paling lama terlambat:" in body
    assert "Tindakan terlambat nomor 01" in body and "Tindakan terlambat nomor 05" in body
    assert "Tindakan terlambat nomor 06" not in body
    assert "3 lainnya tidak dicantumkan" in body
    annexed = all_text(render_summary(database, date(2026, 3, 1), annex=True, **FIXED))
    assert "LAMPIRAN" in annexed
    assert "Tindakan terlambat nomor 08" in annexed
    assert "Daftar lengkap (8 tindak lanjut) ada di Lampiran." in annexed


def test_an_action_done_after_the_period_still_counts_as_overdue_in_it(
    database: Database,
) -> None:
    built = build_visit(database, visit_day=date(2026, 1, 5))
    _late_actions(database, built.visit_id, 1, first_due=date(2026, 2, 1))
    with database.unit_of_work() as session:
        late = session.scalars(select(FollowUp).where(FollowUp.action.like("Tindakan%"))).one()
        late.done_on = date(2026, 4, 2)
    march = all_text(render_summary(database, date(2026, 3, 1), **FIXED))
    assert "Tindakan terlambat nomor 01" in march  # done only on 2 April
    april = all_text(render_summary(database, date(2026, 4, 1), **FIXED))
    assert "Tindakan terlambat nomor 01" not in april


def test_expired_pirt_numbers_are_listed_as_of_the_period_end(database: Database) -> None:
    built = build_visit(database, name="IKM Izin Lama", visit_day=date(2025, 11, 5))
    with database.unit_of_work() as session:
        product = session.scalars(
            select(Product).where(Product.enterprise_id == built.enterprise_id)
        ).one()
        product.pirt_number = "2066408010243-25"  # valid to the end of 2025
    december = all_text(render_summary(database, date(2025, 12, 1), **FIXED))
    assert "Tidak ada nomor P-IRT yang sudah berakhir." in december
    assert "Selain itu 1 nomor P-IRT berakhir pada akhir 2025." in december
    january = all_text(render_summary(database, date(2026, 1, 1), **FIXED))
    assert "2066408010243-25" in january and "akhir 2025" in january


def test_uncertified_micro_firms_are_counted_against_the_halal_date_from_the_settings(
    database: Database,
) -> None:
    built = build_visit(database, name="IKM Mikro", visit_day=date(2026, 3, 5))
    with database.unit_of_work() as session:
        enterprise = session.get_one(Enterprise, built.enterprise_id)
        enterprise.scale = "mikro"
        enterprise.halal_status = "none"
        enterprise.halal_cert_no = None
    text = all_text(render_summary(database, date(2026, 3, 1), annex=True, **FIXED))
    assert "wajib bersertifikat halal mulai 17 Oktober 2026" in text
    assert "PP 42/2024 Pasal 160(2); perlu dikonfirmasi" in text
    assert "1 IKM mikro/kecil aktif belum bersertifikat halal (0 dalam proses)" in text
    assert "IKM Mikro" in text.split("LAMPIRAN")[1]
    import dataclasses

    with database.unit_of_work() as session:
        settings = get_office_settings(session)
        save_office_settings(session, dataclasses.replace(settings, halal_umk_deadline=""))
    off = all_text(render_summary(database, date(2026, 3, 1), **FIXED))
    assert "Tanggal kewajiban halal UMK tidak diisi di pengaturan kantor." in off


def test_a_bad_halal_date_is_refused_by_the_settings(database: Database) -> None:
    import dataclasses

    with database.unit_of_work() as session, pytest.raises(ValidationError):
        settings = get_office_settings(session)
        save_office_settings(session, dataclasses.replace(settings, halal_umk_deadline="17/10"))


def test_the_summary_has_a_stagnation_section_and_the_basis_of_its_results(
    database: Database,
) -> None:
    build_visit(database, visit_day=date(2026, 3, 10))
    text = all_text(render_summary(database, date(2026, 3, 1), **FIXED))
    assert "I. Risiko Stagnasi" in text
    assert "Dasar penilaian: Perka BPOM" in text and "perlu dikonfirmasi" in text


def test_the_signature_block_names_who_made_it_and_the_supervisor(database: Database) -> None:
    build_visit(database, visit_day=date(2026, 3, 10))
    _with_supervisor(database)
    text = all_text(render_summary(database, date(2026, 3, 1), **FIXED))
    assert "Mengetahui," in text and "Dibuat oleh," in text
    assert "Ir. Bambang Wijaya" in text and "NIP. 19700101 199503 1 001" in text
    assert "Siti Rahmawati" in text.split("Dibuat oleh,")[1]
    assert "NIP. 19870312 201001 2 003" in text


def test_cli_writes_the_quarter_as_pdf_and_excel_with_the_same_tables(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_visit(database, visit_day=date(2026, 2, 10))
    database.close()
    pdf, xlsx = tmp_path / "rekap.pdf", tmp_path / "rekap.xlsx"
    code = main(
        [
            "report",
            "summary",
            "--db",
            str(database.path),
            "--quarter",
            "2026-Q1",
            "--out",
            str(pdf),
            "--xlsx",
            str(xlsx),
            "--json",
        ]
    )
    assert code == 0
    assert json.loads(capsys.readouterr().out)["count"] == 2
    assert "Triwulan I 2026" in all_text(pdf.read_bytes())
    book = load_workbook(xlsx, read_only=True)
    assert "Kunjungan per Petugas" in book.sheetnames
    officers = [tuple(r) for r in book["Kunjungan per Petugas"].iter_rows(values_only=True)]
    assert ("Siti Rahmawati", 1) in officers and ("Jumlah", 1) in officers
    kecamatan = [tuple(r) for r in book["Kunjungan per Kecamatan"].iter_rows(values_only=True)]
    assert ("Sangatta Selatan", 0) in kecamatan
    results = list(book["Sebaran Hasil Pemeriksaan Mutu"].iter_rows(values_only=True))
    assert results[0][:3] == ("Pemeriksaan", "Hasil", "Jumlah")
    assert any(r[1] == "Level I" and r[2] == 1 and r[4] == "perlu dikonfirmasi" for r in results)
    for name in ("Risiko Stagnasi", "Nomor P-IRT yang Sudah Berakhir", "Ringkasan"):
        assert name in book.sheetnames


@pytest.mark.parametrize("args", [["--quarter", "2026-Q5"], ["--year", "26"]])
def test_cli_refuses_a_badly_written_period(
    database: Database, tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    database.close()
    out = tmp_path / "x.pdf"
    code = main(["report", "summary", "--db", str(database.path), *args, "--out", str(out)])
    assert code != 0
    assert "harus ditulis" in capsys.readouterr().err
    assert not out.exists()
