"""Excel and CSV exports read back: header, frozen row, real dates, filters, no NIK by default."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert

from ikmdesk.db import Database
from ikmdesk.errors import UserError
from ikmdesk.models import Enterprise
from ikmdesk.services import office_export
from ikmdesk.services.enterprise import EnterpriseFilter, EnterpriseInput, create_enterprise
from ikmdesk.services.follow_up import FollowUpFilter, FollowUpInput, create_follow_up
from ikmdesk.services.office_export import (
    ExportCancelled,
    export_checks,
    export_enterprises,
    export_follow_ups,
    export_siinas,
    export_visits,
)
from ikmdesk.services.product import ProductInput, create_product
from ikmdesk.services.quality_check import ensure_shipped_templates, start_check
from ikmdesk.services.reference_data import cluster_id, region_id
from ikmdesk.services.visit import VisitFilter, VisitInput, create_visit

NIK = "6408014507850001"


@pytest.fixture
def office(database: Database) -> Database:
    """Two IKMs (banana, cocoa) with products, visits, a check and follow-ups."""
    with database.unit_of_work() as session:
        ensure_shipped_templates(session)
        sari = create_enterprise(
            session,
            EnterpriseInput(
                name="UD Sari Pisang",
                kecamatan_id=region_id("64.08.04"),
                cluster_id=cluster_id("pisang"),
                owner_name="Ani Lestari",
                nik=NIK,
                phone="+6281234567890",
                nib="9120001234567",
                kbli="10794",
                workers=12,
                scale="mikro",
            ),
        )
        cokelat = create_enterprise(
            session,
            EnterpriseInput(
                name="=Cokelat Wahau",  # text that looks like a formula must stay text
                kecamatan_id=region_id("64.08.02"),
                cluster_id=cluster_id("kakao"),
            ),
        )
        keripik = create_product(
            session, ProductInput(sari, "Keripik pisang", pirt_number="2066408010243-27")
        )
        create_product(session, ProductInput(sari, "Sale pisang", pirt_number="2066408020243-27"))
        first = create_visit(
            session, VisitInput(sari, date(2026, 3, 4), "mentoring", findings="Lantai basah")
        )
        create_visit(session, VisitInput(cokelat, date(2026, 4, 10), "monitoring"))
        start_check(session, visit_id=first, template_code="cppb-irt", product_id=keripik)
        create_follow_up(
            session, FollowUpInput(first, "Perbaiki saluran air", date(2026, 4, 1), owner="Ani")
        )
    return database


def _sheet_rows(path: Path, sheet: str | None = None) -> list[tuple]:
    book = load_workbook(path)
    ws = book[sheet] if sheet else book.worksheets[0]
    return [tuple(r) for r in ws.iter_rows(values_only=True)]


def test_enterprises_xlsx_has_styled_header_frozen_row_and_dates(
    office: Database, tmp_path: Path
) -> None:
    out = tmp_path / "ikm.xlsx"
    with office.unit_of_work() as session:
        result = export_enterprises(session, out)
    assert result.rows == 2
    book = load_workbook(out)
    assert book.sheetnames == ["IKM", "Produk"]
    ws = book["IKM"]
    assert ws.freeze_panes == "A2"
    assert ws["A1"].value == "Nama IKM" and ws["A1"].font.b
    assert ws["A1"].fill.fgColor.rgb.endswith("DDEBF7")
    assert ws.column_dimensions["A"].width >= 20
    header = [c.value for c in ws[1]]
    assert "NIK" not in header
    rows = {
        r[0]: dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)
    }
    sari = rows["UD Sari Pisang"]
    assert sari["Nomor P-IRT"] == "2066408010243-27; 2066408020243-27"
    assert sari["Tenaga kerja"] == 12
    assert sari["No. HP"] == "+6281234567890"
    assert sari["Kunjungan terakhir"].date() == date(2026, 3, 4)
    col = header.index("Kunjungan terakhir")
    date_cell = next(c for c in ws.iter_rows(min_row=2) if c[0].value == "UD Sari Pisang")[col]
    assert date_cell.is_date and date_cell.number_format == "DD/MM/YYYY"
    assert "=Cokelat Wahau" in rows
    assert ws.cell(row=3, column=1).data_type == "s" or ws.cell(row=2, column=1).data_type == "s"
    products = _sheet_rows(out, "Produk")
    assert products[0][:3] == ("Nama IKM", "Kecamatan", "Produk")
    assert {p[2] for p in products[1:]} == {"Keripik pisang", "Sale pisang"}


def test_nik_only_when_asked_for(office: Database, tmp_path: Path) -> None:
    plain, personal = tmp_path / "a.csv", tmp_path / "b.csv"
    with office.unit_of_work() as session:
        export_enterprises(session, plain)
        export_enterprises(session, personal, include_personal=True)
    assert NIK not in plain.read_text(encoding="utf-8-sig")
    assert NIK in personal.read_text(encoding="utf-8-sig")


def test_csv_starts_with_a_bom_and_uses_commas(office: Database, tmp_path: Path) -> None:
    out = tmp_path / "ikm.csv"
    with office.unit_of_work() as session:
        export_enterprises(session, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][0] == "Nama IKM"
    by_name = {r[0]: r for r in rows[1:]}
    assert "'=Cokelat Wahau" in by_name  # CSV injection guard
    last_visit = rows[0].index("Kunjungan terakhir")
    assert by_name["UD Sari Pisang"][last_visit] == "2026-03-04"


def test_filters_are_the_list_filters(office: Database, tmp_path: Path) -> None:
    out = tmp_path / "pisang.xlsx"
    with office.unit_of_work() as session:
        result = export_enterprises(session, out, EnterpriseFilter(cluster="pisang"))
    assert result.rows == 1
    assert [r[0] for r in _sheet_rows(out)[1:]] == ["UD Sari Pisang"]


def test_visits_export(office: Database, tmp_path: Path) -> None:
    out = tmp_path / "kunjungan.xlsx"
    with office.unit_of_work() as session:
        export_visits(
            session, out, VisitFilter(date_from=date(2026, 3, 1), date_to=date(2026, 3, 31))
        )
    rows = _sheet_rows(out)
    assert rows[0][0] == "Tanggal"
    assert len(rows) == 2
    assert rows[1][0].date() == date(2026, 3, 4)
    assert rows[1][1] == "UD Sari Pisang"
    assert "Lantai basah" in rows[1]


def test_checks_export(office: Database, tmp_path: Path) -> None:
    out = tmp_path / "mutu.xlsx"
    with office.unit_of_work() as session:
        result = export_checks(session, out)
    rows = _sheet_rows(out)
    assert result.rows == 1 and len(rows) == 2
    assert rows[1][2] == "UD Sari Pisang" and rows[1][5] == "Keripik pisang"
    assert rows[1][8] == "Belum lengkap"


def test_follow_ups_export(office: Database, tmp_path: Path) -> None:
    out = tmp_path / "tl.csv"
    with office.unit_of_work() as session:
        export_follow_ups(session, out, FollowUpFilter(today=date(2026, 5, 1)))
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][0] == "UD Sari Pisang"
    assert rows[1][2] == "Perbaiki saluran air"
    assert rows[1][4] == "2026-04-01"
    assert rows[1][6] == "Terlambat"


def test_siinas_sheet(office: Database, tmp_path: Path) -> None:
    out = tmp_path / "siinas.xlsx"
    with office.unit_of_work() as session:
        export_siinas(session, out)
    rows = _sheet_rows(out)
    header = rows[0]
    assert header[:3] == ("No", "Nama Perusahaan", "Nama Pemilik")
    sari = dict(zip(header, next(r for r in rows if r[1] == "UD Sari Pisang"), strict=True))
    assert sari["Kabupaten/Kota"] == "Kutai Timur"
    assert sari["Provinsi"] == "Kalimantan Timur"
    assert sari["KBLI"] == "10794"
    assert sari["Skala Usaha"] == "Mikro"
    assert sari["Kecamatan"] == "Sangatta Utara"
    assert [r[0] for r in rows[1:]] == [1, 2]
    assert NIK not in {str(v) for r in rows for v in r}


def test_large_export_streams_in_pages_and_reports_progress(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(office_export, "PAGE_SIZE", 20)
    with database.unit_of_work() as session:
        session.execute(
            insert(Enterprise),
            [
                {
                    "name": f"IKM {i:04d}",
                    "kecamatan_id": region_id("64.08.04"),
                    "cluster_id": cluster_id("pangan_olahan"),
                }
                for i in range(103)
            ],
        )
    seen: list[tuple[int, int]] = []
    out = tmp_path / "besar.xlsx"
    with database.unit_of_work() as session:
        export_siinas(session, out, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(20 * k, 103) for k in range(1, 6)] + [(103, 103)]
    rows = _sheet_rows(out)
    assert len(rows) == 104
    assert [r[0] for r in rows[1:]] == list(range(1, 104))
    assert rows[-1][1] == "IKM 0102"


def test_cancelled_export_leaves_no_file(office: Database, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ExportCancelled), office.unit_of_work() as session:
        export_enterprises(session, folder / "batal.xlsx", should_stop=lambda: True)
    assert list(folder.iterdir()) == []


def test_other_file_types_are_refused(office: Database, tmp_path: Path) -> None:
    with pytest.raises(UserError), office.unit_of_work() as session:
        export_enterprises(session, tmp_path / "ikm.pdf")


def test_checks_export_names_the_basis_and_each_items_limit(
    office: Database, tmp_path: Path
) -> None:
    out = tmp_path / "mutu-butir.xlsx"
    with office.unit_of_work() as session:
        export_checks(session, out)
    book = load_workbook(out, read_only=True)
    checks = [tuple(r) for r in book["Hasil mutu"].iter_rows(values_only=True)]
    assert checks[0][-2:] == ("Dasar penilaian", "Keterangan dasar")
    assert checks[1][-2].startswith("Perka BPOM") and checks[1][-1] == "perlu dikonfirmasi"
    items = [tuple(r) for r in book["Butir"].iter_rows(values_only=True)]
    header = items[0]
    assert header[3:] == (
        "Butir",
        "Uraian butir",
        "Jawaban",
        "Tidak sesuai",
        "Kritis",
        "Batas",
        "Sumber",
        "Keterangan",
    )
    assert len(items) > 1
    assert all(row[-1] in ("perlu dikonfirmasi", "terverifikasi") for row in items[1:])
    assert all(row[8] for row in items[1:])  # every judged item has its limit


def test_checks_csv_carries_the_basis_columns(office: Database, tmp_path: Path) -> None:
    out = tmp_path / "mutu.csv"
    with office.unit_of_work() as session:
        export_checks(session, out)
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][-2:] == ["Dasar penilaian", "Keterangan dasar"]
    assert rows[1][-1] == "perlu dikonfirmasi"
