"""The Desa tab of Data kantor: add and rename desa per kecamatan, as the sync authority allows.

Driven with real clicks and keys; a desa typed on one officer's laptop reaches another officer
through real sync packages relayed by the supervisor.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QTableWidget

from ikmdesk.db import Database
from ikmdesk.services.reference_data import region_id
from ikmdesk.services.region import add_desa, list_desa
from ikmdesk.ui.desa_widget import DesaWidget
from ikmdesk.ui.enterprise_editor import EnterpriseEditor
from ikmdesk.ui.main_window import MainWindow
from ikmdesk.ui.operations import wait_for_operations
from tests.sync.sync_helpers import introduce, make_node, receive, send

KALIORANG = "64.08.10"


def _widget(qtbot, database: Database) -> DesaWidget:
    widget = DesaWidget(database)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _click_kecamatan(qtbot, widget: DesaWidget, name: str) -> None:
    view: QListWidget = widget.kecamatan_list
    item = next(
        view.item(r) for r in range(view.count()) if view.item(r).text().startswith(f"{name} (")
    )
    view.scrollToItem(item)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(item).center()
    )
    assert widget.kecamatan_list.currentItem() is item


def _click_desa(qtbot, widget: DesaWidget, name: str) -> None:
    table: QTableWidget = widget.desa_table
    row = widget.desa_names().index(name)
    rect = table.visualItemRect(table.item(row, DesaWidget.COL_NAME))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert widget.selected_desa().name == name


def _type_new(qtbot, widget: DesaWidget, name: str, *, enter: bool = True) -> None:
    qtbot.mouseClick(widget.new_name_edit, Qt.MouseButton.LeftButton)
    widget.new_name_edit.selectAll()
    qtbot.keyClicks(widget.new_name_edit, name)
    with qtbot.waitSignal(widget.desa_saved, timeout=10_000, raising=False):
        if enter:
            qtbot.keyClick(widget.new_name_edit, Qt.Key.Key_Return)
        else:
            qtbot.mouseClick(widget.add_button, Qt.MouseButton.LeftButton)
    wait_for_operations(10_000)
    qtbot.wait(20)


def _desa_names(database: Database) -> list[str]:
    with database.unit_of_work() as session:
        return [d.name for d in list_desa(session, region_id(KALIORANG))]


def test_kecamatan_are_listed_by_name_and_new_desa_sort_in(qtbot, database):
    widget = _widget(qtbot, database)
    names = [
        widget.kecamatan_list.item(r).data(Qt.ItemDataRole.UserRole + 1)
        for r in range(widget.kecamatan_list.count())
    ]
    assert len(names) == 18
    assert names == sorted(names, key=str.casefold)
    assert names[:3] == ["Batu Ampar", "Bengalon", "Busang"]

    _click_kecamatan(qtbot, widget, "Kaliorang")
    assert widget.empty_label.isVisible()
    _type_new(qtbot, widget, "selangkau")
    _type_new(qtbot, widget, "Bukit Makmur", enter=False)
    _type_new(qtbot, widget, "  Kaliorang   Kota ")

    assert widget.desa_names() == ["Bukit Makmur", "Kaliorang Kota", "selangkau"]
    assert _desa_names(database) == ["Bukit Makmur", "Kaliorang Kota", "selangkau"]
    assert widget.new_name_edit.text() == ""
    assert widget.saved_label.text() == "✓ Tersimpan"
    assert widget.kecamatan_list.currentItem().text() == "Kaliorang (3 desa)"


def test_empty_and_duplicate_names_are_shown_at_the_field_and_store_nothing(qtbot, database):
    with database.unit_of_work() as session:
        add_desa(session, kecamatan_id=region_id(KALIORANG), name="Selangkau")
    widget = _widget(qtbot, database)
    _click_kecamatan(qtbot, widget, "Kaliorang")

    _type_new(qtbot, widget, "   ")
    assert widget.new_name_row.is_marked
    assert widget.new_name_row.message_label.text() == "Nama desa wajib diisi."

    _type_new(qtbot, widget, "SELANGKAU")
    assert widget.new_name_row.message_label.text() == (
        "Desa SELANGKAU sudah ada di kecamatan Kaliorang."
    )
    assert widget.new_name_edit.hasFocus()
    assert _desa_names(database) == ["Selangkau"]

    qtbot.keyClick(widget.new_name_edit, Qt.Key.Key_Backspace)  # the next edit clears the mark
    assert not widget.new_name_row.is_marked


def test_renaming_checks_the_same_rules(qtbot, database):
    with database.unit_of_work() as session:
        add_desa(session, kecamatan_id=region_id(KALIORANG), name="Selangkau")
        add_desa(session, kecamatan_id=region_id(KALIORANG), name="Bangun Jaya")
    widget = _widget(qtbot, database)
    _click_kecamatan(qtbot, widget, "Kaliorang")
    _click_desa(qtbot, widget, "Selangkau")
    assert widget.rename_edit.isEnabled()

    widget.rename_edit.selectAll()
    qtbot.keyClicks(widget.rename_edit, "bangun jaya")
    qtbot.keyClick(widget.rename_edit, Qt.Key.Key_Return)
    wait_for_operations(10_000)
    qtbot.waitUntil(lambda: widget.rename_row.is_marked)
    assert "sudah ada di kecamatan Kaliorang" in widget.rename_row.message_label.text()

    widget.rename_edit.selectAll()
    qtbot.keyClicks(widget.rename_edit, "Selangkau Baru")
    with qtbot.waitSignal(widget.desa_saved, timeout=10_000):
        qtbot.mouseClick(widget.rename_button, Qt.MouseButton.LeftButton)
    assert widget.desa_names() == ["Bangun Jaya", "Selangkau Baru"]
    assert widget.selected_desa().name == "Selangkau Baru"


def test_a_desa_typed_by_an_officer_reaches_another_officer_and_only_the_supervisor_renames_it(
    qtbot, tmp_path: Path
):
    supervisor = make_node(tmp_path / "kasi", "Hendra Kasi", role="supervisor")
    siti = make_node(tmp_path / "siti", "Siti Rahmawati")
    budi = make_node(tmp_path / "budi", "Budi Santoso")
    introduce(supervisor, siti)
    introduce(supervisor, budi)

    # Siti adds a desa on her Desa tab, and it goes to the supervisor and on to Budi.
    on_siti = _widget(qtbot, siti.db)
    _click_kecamatan(qtbot, on_siti, "Kaliorang")
    _type_new(qtbot, on_siti, "Selangkau")
    receive(supervisor, send(siti, supervisor, tmp_path / "siti-1.ikmsync"))
    receive(budi, send(supervisor, budi, tmp_path / "kasi-budi.ikmsync"))
    assert _desa_names(budi.db) == ["Selangkau"]

    # Budi sees it in the IKM editor's desa list, sorted with his own, but may not rename it.
    with budi.db.unit_of_work() as session:
        add_desa(session, kecamatan_id=region_id(KALIORANG), name="Bangun Jaya")
    editor = EnterpriseEditor(budi.db)
    qtbot.addWidget(editor)
    editor.show()
    editor.kecamatan_combo.setCurrentIndex(editor.kecamatan_combo.findText("Kaliorang"))
    desa = [editor.desa_combo.itemText(i) for i in range(editor.desa_combo.count())]
    assert desa == ["—", "Bangun Jaya", "Selangkau"]

    on_budi = _widget(qtbot, budi.db)
    _click_kecamatan(qtbot, on_budi, "Kaliorang")
    _click_desa(qtbot, on_budi, "Selangkau")
    assert not on_budi.rename_edit.isEnabled()
    assert not on_budi.rename_button.isEnabled()
    assert "hanya kepala seksi" in on_budi.lock_label.text()
    _click_desa(qtbot, on_budi, "Bangun Jaya")
    assert on_budi.rename_edit.isEnabled()

    # The supervisor renames Siti's desa on the same screen; Siti gets the new name.
    on_kasi = _widget(qtbot, supervisor.db)
    _click_kecamatan(qtbot, on_kasi, "Kaliorang")
    _click_desa(qtbot, on_kasi, "Selangkau")
    on_kasi.rename_edit.selectAll()
    qtbot.keyClicks(on_kasi.rename_edit, "Selangkau Ilir")
    with qtbot.waitSignal(on_kasi.desa_saved, timeout=10_000):
        qtbot.keyClick(on_kasi.rename_edit, Qt.Key.Key_Return)
    receive(siti, send(supervisor, siti, tmp_path / "kasi-siti.ikmsync"))
    assert _desa_names(siti.db) == ["Selangkau Ilir"]
    for node in (supervisor, siti, budi):
        node.db.close()


def test_the_desa_tab_is_part_of_data_kantor(qtbot, database):
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.open_page("data_kantor")
    page.show_section("desa")
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Desa"
    assert page.desa_widget.isVisible()
    wait_for_operations(10_000)
