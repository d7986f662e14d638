"""The IKM page driven as a user would: register, validate, guard edits, products, big lists."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from sqlalchemy import insert, select

from ikmdesk.db import Database
from ikmdesk.models import Enterprise, Product
from ikmdesk.services.enterprise import EnterpriseInput, create_enterprise, get_enterprise
from ikmdesk.services.reference_data import cluster_id, region_id
from ikmdesk.ui import dialogs
from ikmdesk.ui.enterprise_model import EnterpriseTableModel
from ikmdesk.ui.enterprise_page import EnterprisePage
from tests.services import checksum

LEFT = Qt.MouseButton.LeftButton


def make_enterprise(database: Database, name: str = "UD Amplang Sangatta") -> str:
    with database.unit_of_work() as session:
        return create_enterprise(
            session,
            EnterpriseInput(
                name=name, kecamatan_id=region_id("64.08.01"), cluster_id=cluster_id("pisang")
            ),
        )


@pytest.fixture
def page(qtbot: Any, database: Database) -> EnterprisePage:
    widget = EnterprisePage(database)
    qtbot.addWidget(widget)
    widget.resize(1196, 708)
    widget.show()
    return widget


def choose(combo: Any, data: Any) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_an_officer_registers_an_ikm_through_the_editor(
    qtbot: Any, page: EnterprisePage, database: Database
) -> None:
    assert page.model.rowCount() == 0
    qtbot.mouseClick(page.add_button, LEFT)
    editor = page.editor
    assert page.stack.currentWidget() is editor
    qtbot.keyClicks(editor.name_edit, "UD Keripik Pisang Bu Sari")
    qtbot.keyClicks(editor.owner_edit, "Sari Wulandari")
    qtbot.keyClicks(editor.phone_edit, "081234567890")
    choose(editor.kecamatan_combo, region_id("64.08.01"))
    choose(editor.cluster_combo, cluster_id("pisang"))
    qtbot.keyClicks(editor.latitude_edit, "-0,51")
    qtbot.keyClicks(editor.longitude_edit, "117.45")
    assert editor.has_unsaved_changes()
    with qtbot.waitSignal(editor.saved, timeout=5000) as saved:
        qtbot.mouseClick(editor.save_button, LEFT)
    with database.unit_of_work() as session:
        stored = get_enterprise(session, saved.args[0])
    assert (stored.name, stored.owner_name, stored.phone) == (
        "UD Keripik Pisang Bu Sari",
        "Sari Wulandari",
        "081234567890",
    )
    assert (stored.latitude, stored.longitude) == (-0.51, 117.45)
    assert not editor.has_unsaved_changes()
    assert editor.product_editor.new_button.isEnabled()  # products can be added now
    qtbot.mouseClick(editor.back_button, LEFT)
    assert page.stack.currentIndex() == page.LIST
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, EnterpriseTableModel.COL_NAME).data() == stored.name


def test_bad_input_is_marked_on_the_field_and_nothing_is_saved(
    qtbot: Any, page: EnterprisePage, database: Database
) -> None:
    before = checksum(database)
    qtbot.mouseClick(page.add_button, LEFT)
    editor = page.editor
    qtbot.keyClicks(editor.name_edit, "UD Dodol")
    choose(editor.cluster_combo, cluster_id("pangan_olahan"))
    qtbot.mouseClick(editor.save_button, LEFT)  # no kecamatan chosen
    qtbot.waitUntil(lambda: editor.rows["kecamatan_id"].is_marked)
    assert "kecamatan" in editor.rows["kecamatan_id"].message_label.text().lower()
    assert editor.rows["kecamatan_id"].message_label.isVisible()

    choose(editor.kecamatan_combo, region_id("64.08.01"))
    assert not editor.rows["kecamatan_id"].is_marked  # choosing again clears the mark
    qtbot.keyClicks(editor.nik_edit, "12345")
    qtbot.mouseClick(editor.save_button, LEFT)
    qtbot.waitUntil(lambda: editor.rows["nik"].is_marked)
    assert "16 angka" in editor.rows["nik"].message_label.text()

    editor.nik_edit.clear()
    qtbot.keyClicks(editor.latitude_edit, "utara")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert editor.rows["latitude"].is_marked  # unreadable numbers never reach the service
    assert checksum(database) == before


def test_leaving_with_unsaved_changes_asks_first(
    qtbot: Any, page: EnterprisePage, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    enterprise_id = make_enterprise(database)
    page.apply_filter()
    page.open_enterprise(enterprise_id)
    editor = page.editor
    qtbot.keyClicks(editor.name_edit, " (baru)")
    questions: list[str] = []

    def cancel(_parent: Any, title: str, _text: str) -> str:
        questions.append(title)
        return dialogs.UNSAVED_CANCEL

    monkeypatch.setattr(dialogs, "ask_unsaved", cancel)
    qtbot.mouseClick(editor.back_button, LEFT)
    assert questions == ["Perubahan belum disimpan"]
    assert page.stack.currentWidget() is editor
    assert editor.name_edit.text() == "UD Amplang Sangatta (baru)"

    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_args: dialogs.UNSAVED_DISCARD)
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_Escape)  # Esc asks the same way
    assert page.stack.currentIndex() == page.LIST
    assert not page.has_unsaved_changes()  # closing the window later asks nothing
    assert editor.name_edit.text() == "UD Amplang Sangatta"  # the edit was thrown away
    with database.unit_of_work() as session:
        assert get_enterprise(session, enterprise_id).name == "UD Amplang Sangatta"


def test_products_show_the_decoded_pirt_and_warnings(
    qtbot: Any, page: EnterprisePage, database: Database
) -> None:
    enterprise_id = make_enterprise(database)
    page.open_enterprise(enterprise_id)
    products = page.editor.product_editor
    page.editor.tabs.setCurrentWidget(products)
    qtbot.mouseClick(products.new_button, LEFT)
    qtbot.keyClicks(products.name_edit, "Amplang ikan")
    qtbot.keyClicks(products.pirt_edit, "2063510010243")
    assert "15 angka" in products.pirt_warning_label.text()
    assert products.pirt_warning_label.isVisibleTo(products)
    qtbot.keyClicks(products.pirt_edit, "26")  # 15 digits, but without the dash
    assert "plastik" in products.pirt_decoded_label.text()
    assert "2026" in products.pirt_decoded_label.text()
    assert "tanda hubung" in products.pirt_warning_label.text()
    assert page.editor.has_unsaved_changes()
    with qtbot.waitSignal(products.products_changed, timeout=5000):
        qtbot.mouseClick(products.save_button, LEFT)
    with database.unit_of_work() as session:
        stored = session.scalars(select(Product).where(Product.enterprise_id == enterprise_id))
        assert [(p.name, p.pirt_number) for p in stored] == [("Amplang ikan", "206351001024326")]
    assert [p.name for p in products.products] == ["Amplang ikan"]
    assert not page.editor.has_unsaved_changes()


def test_a_product_without_a_name_is_marked(
    qtbot: Any, page: EnterprisePage, database: Database
) -> None:
    page.open_enterprise(make_enterprise(database))
    products = page.editor.product_editor
    before = checksum(database)
    qtbot.mouseClick(products.new_button, LEFT)
    qtbot.keyClicks(products.pirt_edit, "2063510010243-26")
    qtbot.mouseClick(products.save_button, LEFT)
    qtbot.waitUntil(lambda: products.rows["name"].is_marked)
    assert "wajib" in products.rows["name"].message_label.text()
    assert checksum(database) == before


@pytest.fixture
def big_database(database: Database) -> Database:
    """The test database with 3,000 IKMs in two clusters (inserted in bulk, with ops)."""
    rows = [
        {
            "name": f"IKM {i:05d}",
            "owner_name": f"Pemilik {i % 97}",
            "kecamatan_id": region_id("64.08.01" if i % 2 else "64.08.02"),
            "cluster_id": cluster_id("kakao" if i % 3 == 0 else "pisang"),
        }
        for i in range(3000)
    ]
    with database.unit_of_work() as session:
        session.execute(insert(Enterprise), rows)
    return database


def test_the_model_loads_pages_lazily_and_sorts_in_sql(qtbot: Any, big_database: Database) -> None:
    model = EnterpriseTableModel(big_database)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    model.reload()
    assert model.total == 3000
    assert model.rowCount() == EnterpriseTableModel.PAGE_SIZE
    assert model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 2 * EnterpriseTableModel.PAGE_SIZE
    model.sort(EnterpriseTableModel.COL_NAME, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == EnterpriseTableModel.PAGE_SIZE  # a new sort starts over
    assert model.index(0, EnterpriseTableModel.COL_NAME).data() == "IKM 02999"
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 3000
    assert model.index(2999, EnterpriseTableModel.COL_NAME).data() == "IKM 00000"


def test_search_and_filters_narrow_the_list(qtbot: Any, big_database: Database) -> None:
    page = EnterprisePage(big_database)
    qtbot.addWidget(page)
    page.show()
    assert page.model.total == 3000
    qtbot.keyClicks(page.search_edit, "IKM 0299")  # IKM 00299 and IKM 02990 to 02999
    qtbot.waitUntil(lambda: page.model.total == 11)
    assert "11 IKM" in page.count_label.text()
    page.search_edit.clear()
    qtbot.waitUntil(lambda: page.model.total == 3000)
    choose(page.cluster_combo, "kakao")
    assert page.model.total == 1000
    choose(page.kecamatan_combo, region_id("64.08.01"))
    assert page.model.total == 500  # odd numbers divisible by 3
    page.table.sortByColumn(EnterpriseTableModel.COL_NAME, Qt.SortOrder.DescendingOrder)
    assert page.model.index(0, 0).data() == "IKM 02997"


def test_the_ikm_page_fits_a_laptop_screen(
    qtbot: Any, page: EnterprisePage, database: Database, tmp_path: Path
) -> None:
    page.open_enterprise(make_enterprise(database))
    page.resize(1366 - 170, 768 - 60)  # the window minus navigation, menu and status bar
    for tab in range(page.editor.tabs.count()):
        page.editor.tabs.setCurrentIndex(tab)
        qtbot.wait(1)
        assert page.editor.save_button.isVisible()
        assert page.editor.tabs.currentWidget().height() > 300
    assert not page.grab().isNull()


def test_the_licence_filter_finds_pirt_certificates_running_out(
    qtbot: Any, page: EnterprisePage, database: Database
) -> None:
    from datetime import date

    from ikmdesk.services.product import ProductInput, create_product

    soon = (date.today().year + 1) % 100
    later = (date.today().year + 4) % 100
    expiring = make_enterprise(database, "UD Dodol Habis Izin")
    fine = make_enterprise(database, "UD Amplang Masih Lama")
    make_enterprise(database, "UD Tanpa Produk")
    with database.unit_of_work() as session:
        create_product(
            session,
            ProductInput(
                enterprise_id=expiring, name="Dodol", pirt_number=f"2063510010243-{soon:02d}"
            ),
        )
        create_product(
            session,
            ProductInput(
                enterprise_id=fine, name="Amplang", pirt_number=f"2063510010244-{later:02d}"
            ),
        )
    page.apply_filter()
    assert page.model.total == 3
    choose(page.licence_combo, "pirt_expiring")
    assert page.model.total == 1
    assert page.model.row_id(0) == expiring
    choose(page.licence_combo, "no_pirt")
    assert [page.model.index(0, 0).data()] == ["UD Tanpa Produk"]


def test_a_new_visit_starts_from_the_ikm_in_the_main_window(qtbot: Any, main_window: Any) -> None:
    page = main_window.open_page("ikm")
    enterprise_id = page.model.row_id(0)
    page.open_enterprise(enterprise_id)
    qtbot.mouseClick(page.editor.new_visit_button, LEFT)
    assert main_window.current_page_name() == "kunjungan"
    visits = main_window.current_page()
    assert visits.stack.currentWidget() is visits.editor
    assert visits.editor.enterprise_combo.currentData() == enterprise_id
    assert visits.editor.visit_id is None
