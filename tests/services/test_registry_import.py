"""Registry import from real, messy workbooks and CSV files made in the tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from ikmdesk.db import Database
from ikmdesk.errors import UserError
from ikmdesk.models import ChangeOp, Enterprise, Product, Region
from ikmdesk.models.enums import RegionLevel
from ikmdesk.services.enterprise import EnterpriseFilter, list_enterprises
from ikmdesk.services.region import add_desa
from ikmdesk.services.registry_import import (
    ACTION_CREATE,
    ACTION_SKIP,
    ACTION_UPDATE,
    ImportCancelled,
    apply_import,
    cluster_for_commodity,
    find_header_row,
    load_mapping,
    preview_import,
    propose_mapping,
    read_table,
    save_mapping,
    sheet_names,
)

HEADERS = [
    "No.",
    "Nama IKM / Usaha",
    "Nama Pemilik",
    "NIK",
    "No. HP / WA",
    "Alamat (Jalan, RT)",
    "Desa/Kelurahan",
    "Kec.",
    "Komoditas",
    "Produk",
    "No. P-IRT",
    "NIB",
    "Jumlah Tenaga Kerja (orang)",
]

ROWS: list[list[Any]] = [
    [
        1,
        "UD. Sari Pisang",
        "Ani Lestari",
        "6408014507850001",
        "0812-3456-7890",
        "Jl. Poros RT 02",
        "Swarga Bara",
        "Sangatta Utara",
        "Pisang",
        "Keripik pisang",
        "2066408010243-27",
        "9120001234567",
        "12 orang",
    ],
    [
        2,
        "Cokelat Wahau",
        "Budi Santoso",
        6.40801e15,  # Excel showed it as 6.40801E+15: the last digits are gone
        81234567891,  # stored as a number: the leading 0 went
        "Jl. Trans Kaltim",
        "Diak Lay",
        "Muara Wahau",
        "Kakao",
        "Bubuk kakao",
        None,
        None,
        "5",
    ],
    [
        3,
        "Dodol Rumput Laut",
        "Citra",
        6408016607900002,  # an exact 16-digit number is fine
        "nomor rahasia",
        None,
        None,
        "Sangata Utara",  # typo: nearest is Sangatta Utara
        "Rumput laut",
        "Dodol",
        None,
        None,
        None,
    ],
    [None] * 13,  # an empty row inside the table
    [
        5,
        "Amplang Bu Rina",
        "Rina",
        None,
        "+62 813 5000 1111",
        None,
        "Sangatta Selatan",
        "Sangatta Selatan",
        "Ikan",
        "Amplang, Kerupuk ikan",
        None,
        None,
        3,
    ],
]


def _workbook(path: Path, rows: list[list[Any]] = ROWS) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Data IKM 2025"
    sheet.append(["DATA IKM PANGAN KABUPATEN KUTAI TIMUR TAHUN 2025"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet.append(["Dinas Perindustrian dan Perdagangan"])
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(HEADERS))
    sheet.append([])
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    other = book.create_sheet("Rekap")
    other.append(["Jumlah", 4])
    book.save(path)
    return path


def _import(database: Database, path: Path, **kwargs: Any) -> Any:
    table = read_table(path, **kwargs)
    with database.unit_of_work() as session:
        preview = preview_import(session, table, propose_mapping(table.headers))
        result = apply_import(session, preview)
    return preview, result


def _count(database: Database, model: Any) -> int:
    with database.unit_of_work() as session:
        return int(
            session.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False)))
            or 0
        )


def test_header_row_is_found_below_merged_titles_and_blank_rows(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "ikm.xlsx")
    assert sheet_names(path) == ["Data IKM 2025", "Rekap"]
    table = read_table(path)
    assert table.header_row == 4
    assert table.headers[1] == "Nama IKM / Usaha"
    assert table.row_numbers[0] == 5


def test_mapping_is_proposed_from_messy_header_names() -> None:
    mapping = propose_mapping(HEADERS)
    assert mapping == {
        "name": 1,
        "owner_name": 2,
        "nik": 3,
        "phone": 4,
        "address": 5,
        "desa": 6,
        "kecamatan": 7,
        "commodity": 8,
        "product": 9,
        "pirt": 10,
        "nib": 11,
        "workers": 12,
    }


def test_english_headers_are_recognised() -> None:
    mapping = propose_mapping(["Company Name", "Owner", "Phone", "Village", "District", "KBLI"])
    assert mapping == {
        "name": 0,
        "owner_name": 1,
        "phone": 2,
        "desa": 3,
        "kecamatan": 4,
        "kbli": 5,
    }


def test_a_title_row_alone_is_not_a_header() -> None:
    rows = [("DATA IKM", None, None), (None, None, None), ("Nama Usaha", "Pemilik", "Kecamatan")]
    assert find_header_row(rows) == 2


def test_mapping_survives_a_json_round_trip(tmp_path: Path) -> None:
    mapping = propose_mapping(HEADERS)
    save_mapping(mapping, tmp_path / "map.json", headers=HEADERS)
    assert load_mapping(tmp_path / "map.json") == mapping
    (tmp_path / "bad.json").write_text('{"columns": {"shoe_size": 3}}')
    with pytest.raises(UserError):
        load_mapping(tmp_path / "bad.json")


def test_preview_plans_each_row_with_its_reasons(database: Database, tmp_path: Path) -> None:
    table = read_table(_workbook(tmp_path / "ikm.xlsx"))
    with database.unit_of_work() as session:
        preview = preview_import(session, table, propose_mapping(table.headers))
    by_row = {plan.row_number: plan for plan in preview.rows}
    assert sorted(by_row) == [5, 6, 7, 9]  # the empty row 8 is not a plan

    sari = by_row[5]
    assert sari.action == ACTION_CREATE
    assert sari.values is not None and sari.values.nik == "6408014507850001"
    assert sari.values.phone == "081234567890"
    assert sari.values.workers == 12
    assert any("12 orang" in r for r in sari.reasons())
    assert any("Swarga Bara" in r and "ditambahkan" in r for r in sari.reasons())

    wahau = by_row[6]
    assert wahau.action == ACTION_CREATE
    assert wahau.values is not None and wahau.values.nik is None
    assert any("dibulatkan" in r for r in wahau.reasons())
    assert wahau.values.phone == "081234567891"

    dodol = by_row[7]
    assert dodol.action == ACTION_SKIP
    assert any("Sangatta Utara" in r for r in dodol.reasons())

    amplang = by_row[9]
    assert amplang.values is not None
    assert [p.name for p in amplang.values.products] == ["Amplang", "Kerupuk ikan"]
    assert amplang.values.phone == "+6281350001111"
    with database.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(Enterprise)) == 0


def test_apply_creates_through_the_services_and_syncs(database: Database, tmp_path: Path) -> None:
    _preview, result = _import(database, _workbook(tmp_path / "ikm.xlsx"))
    assert (result.created, result.updated, result.failed) == (3, 0, ())
    assert result.products_created == 4
    assert result.desa_added == 3
    with database.unit_of_work() as session:
        rows = {r.name: r for r in list_enterprises(session, EnterpriseFilter())}
        assert set(rows) == {"UD. Sari Pisang", "Cokelat Wahau", "Amplang Bu Rina"}
        assert rows["UD. Sari Pisang"].cluster_code == "pisang"
        assert rows["UD. Sari Pisang"].desa == "Swarga Bara"
        assert rows["Cokelat Wahau"].cluster_code == "kakao"
        assert rows["Amplang Bu Rina"].cluster_code == "pangan_olahan"
        pirt = session.scalar(select(Product.pirt_number).where(Product.name == "Keripik pisang"))
        assert pirt == "2066408010243-27"
        ops = session.scalar(
            select(func.count()).select_from(ChangeOp).where(ChangeOp.entity == "enterprise")
        )
        assert ops and ops > 0
        desa_ops = session.scalar(
            select(func.count()).select_from(ChangeOp).where(ChangeOp.entity == "region")
        )
        assert desa_ops and desa_ops > 0


def test_importing_the_same_file_twice_creates_nothing_new(
    database: Database, tmp_path: Path
) -> None:
    path = _workbook(tmp_path / "ikm.xlsx")
    _import(database, path)
    counts = (_count(database, Enterprise), _count(database, Product), _count(database, Region))
    preview, result = _import(database, path)
    assert preview.count(ACTION_CREATE) == 0
    assert (result.created, result.products_created, result.desa_added) == (0, 0, 0)
    assert (_count(database, Enterprise), _count(database, Product), _count(database, Region)) == (
        counts
    )


def test_a_changed_row_updates_the_registered_ikm(database: Database, tmp_path: Path) -> None:
    _import(database, _workbook(tmp_path / "ikm.xlsx"))
    changed = [list(r) for r in ROWS]
    changed[0][1] = "Sari Pisang"  # "UD." dropped: still the same business (same NIB)
    changed[0][12] = 15
    changed[0][10] = "2066408010243-27, 2066408020243-27"
    changed[0][9] = "Keripik pisang; Sale pisang"
    preview, result = _import(database, _workbook(tmp_path / "ikm2.xlsx", changed))
    assert preview.rows[0].action == ACTION_UPDATE
    assert any("NIB" in r for r in preview.rows[0].reasons())
    assert result.created == 0 and result.products_created == 1
    with database.unit_of_work() as session:
        workers = session.scalar(select(Enterprise.workers).where(Enterprise.nib.is_not(None)))
        assert workers == 15
        assert _count(database, Enterprise) == 3


def test_rows_repeating_an_ikm_add_products_to_it(database: Database, tmp_path: Path) -> None:
    rows = [
        [1, "Sale Pisang Bu Tini", None, None, None, None, "Sepaso", "Bengalon", "Pisang",
         "Sale pisang", "2066408010300-26", None, None],
        [2, "Sale Pisang Bu Tini", None, None, None, None, "Sepaso", "Bengalon", "Pisang",
         "Keripik pisang", "2066408020300-26", None, None],
    ]  # fmt: skip
    preview, result = _import(database, _workbook(tmp_path / "ikm.xlsx", rows))
    assert [p.action for p in preview.rows] == [ACTION_CREATE, ACTION_UPDATE]
    assert preview.rows[1].same_as_row == 5
    assert (result.created, result.products_created) == (1, 2)
    assert _count(database, Enterprise) == 1


def test_csv_with_semicolons_bom_and_windows_encoding(database: Database, tmp_path: Path) -> None:
    utf8 = tmp_path / "utf8.csv"
    utf8.write_bytes(
        "\ufeffNama Usaha;Pemilik;Kecamatan;Desa;Produk\n"
        "Kue Bingka;Ibu Siti;Kaliorang;Bangun Jaya;Bingka\n".encode()
    )
    table = read_table(utf8)
    assert table.headers[0] == "Nama Usaha"
    assert table.rows[0][0] == "Kue Bingka"
    ansi = tmp_path / "ansi.csv"
    ansi.write_bytes("Nama Usaha,Pemilik,Kecamatan\nCaf\xe9 Kopi,Andr\xe9,Telen\n".encode("cp1252"))
    table = read_table(ansi)
    assert table.rows[0][:2] == ("Café Kopi", "André")
    with database.unit_of_work() as session:
        preview = preview_import(session, table, propose_mapping(table.headers))
        apply_import(session, preview)
    assert _count(database, Enterprise) == 1


def test_csv_nik_in_scientific_notation_is_flagged(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "nik.csv"
    path.write_text("Nama IKM,NIK,Kecamatan\nKeripik,6.40801E+15,Telen\n", encoding="utf-8")
    table = read_table(path)
    with database.unit_of_work() as session:
        preview = preview_import(session, table, propose_mapping(table.headers))
    [plan] = preview.rows
    assert plan.action == ACTION_CREATE and plan.values is not None and plan.values.nik is None
    assert any("6.40801E+15" in r for r in plan.reasons())


def test_cancelling_apply_writes_nothing(database: Database, tmp_path: Path) -> None:
    table = read_table(_workbook(tmp_path / "ikm.xlsx"))
    with pytest.raises(ImportCancelled), database.unit_of_work() as session:
        preview = preview_import(session, table, propose_mapping(table.headers))
        apply_import(session, preview, should_stop=lambda: True)
    assert _count(database, Enterprise) == 0


def test_mapping_without_kecamatan_is_refused(database: Database, tmp_path: Path) -> None:
    table = read_table(_workbook(tmp_path / "ikm.xlsx"))
    with pytest.raises(UserError), database.unit_of_work() as session:
        preview_import(session, table, {"name": 1})


def test_unreadable_files_give_a_user_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(UserError):
        read_table(broken)
    with pytest.raises(UserError):
        read_table(tmp_path / "data.pdf")
    no_header = tmp_path / "plain.csv"
    no_header.write_text("a,b\n1,2\n")
    with pytest.raises(UserError):
        read_table(no_header)


def test_commodity_words_choose_the_cluster() -> None:
    assert cluster_for_commodity("Keripik Pisang") == "pisang"
    assert cluster_for_commodity("Banana chips") == "pisang"
    assert cluster_for_commodity("COKLAT batang") == "kakao"
    assert cluster_for_commodity("bubuk cocoa") == "kakao"
    assert cluster_for_commodity("Amplang ikan") == "pangan_olahan"


def test_new_desa_are_added_to_the_right_kecamatan(database: Database, tmp_path: Path) -> None:
    _import(database, _workbook(tmp_path / "ikm.xlsx"))
    with database.unit_of_work() as session:
        desa = session.scalars(
            select(Region.name).where(Region.level == RegionLevel.DESA).order_by(Region.name)
        ).all()
    assert desa == ["Diak Lay", "Sangatta Selatan", "Swarga Bara"]


def test_a_registered_ikm_without_desa_is_matched_and_gets_the_desa(
    database: Database, tmp_path: Path
) -> None:
    from ikmdesk.services.enterprise import EnterpriseInput, create_enterprise, get_enterprise
    from ikmdesk.services.reference_data import cluster_id, region_id

    with database.unit_of_work() as session:
        known = create_enterprise(
            session,
            EnterpriseInput(
                name="Sari Pisang",
                kecamatan_id=region_id("64.08.04"),
                cluster_id=cluster_id("pisang"),
            ),
        )
    preview, result = _import(database, _workbook(tmp_path / "ikm.xlsx", [ROWS[0]]))
    assert preview.rows[0].action == ACTION_UPDATE
    assert (result.created, result.updated) == (0, 1)
    with database.unit_of_work() as session:
        detail = get_enterprise(session, known)
    assert detail.desa == "Swarga Bara"
    assert detail.nib == "9120001234567"
    assert detail.name == "Sari Pisang"  # the registered spelling is kept


def test_a_row_the_services_refuse_is_rolled_back_alone(database: Database, tmp_path: Path) -> None:
    bad = list(ROWS[0])
    bad[6] = "Desa Baru"
    bad[9] = "Keripik " + "x" * 300  # product names are at most 200 letters
    _preview, result = _import(database, _workbook(tmp_path / "ikm.xlsx", [bad, ROWS[4]]))
    assert result.created == 1
    assert [row for row, _message in result.failed] == [5]
    assert "200" in result.failed[0][1]
    assert result.desa_added == 1  # Sangatta Selatan only: Desa Baru was rolled back
    with database.unit_of_work() as session:
        names = set(session.scalars(select(Region.name).where(Region.level == RegionLevel.DESA)))
        assert names == {"Sangatta Selatan"}
        assert set(session.scalars(select(Enterprise.name))) == {"Amplang Bu Rina"}


def test_a_new_row_alike_a_registered_ikm_gets_a_hint(database: Database, tmp_path: Path) -> None:
    from ikmdesk.services.enterprise import EnterpriseInput, create_enterprise
    from ikmdesk.services.reference_data import cluster_id, region_id

    with database.unit_of_work() as session:
        create_enterprise(
            session,
            EnterpriseInput(
                name="Sari Pisangg",
                kecamatan_id=region_id("64.08.04"),
                cluster_id=cluster_id("pisang"),
            ),
        )
        desa = add_desa(session, kecamatan_id=region_id("64.08.04"), name="Swarga Bara")
        assert desa
    table = read_table(_workbook(tmp_path / "ikm.xlsx", [ROWS[0]]))
    with database.unit_of_work() as session:
        preview = preview_import(session, table, propose_mapping(table.headers))
    [plan] = preview.rows
    assert plan.action == ACTION_CREATE
    assert any("Sari Pisangg" in r and "IKM ganda" in r for r in plan.reasons())
