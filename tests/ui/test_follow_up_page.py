"""Tindak lanjut: filter by state and text, mark done with a note, reopen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from ikmdesk.services.follow_up import get_follow_up, mark_done
from ikmdesk.ui import dialogs
from ikmdesk.ui.follow_up_model import COL_ENTERPRISE, COL_STATE, FollowUpTableModel
from ikmdesk.ui.follow_up_page import FollowUpPage
from tests.ui.conftest import add_follow_up


def _page(qtbot, database) -> FollowUpPage:
    page = FollowUpPage(database)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    qtbot.waitUntil(lambda: page._loading is None, timeout=10_000)
    return page


def _names(page: FollowUpPage) -> list[str]:
    model = page.model
    return [model.index(r, COL_ENTERPRISE).data() for r in range(model.rowCount())]


def _choose_state(qtbot, page: FollowUpPage, label: str) -> None:
    index = page.state_combo.findText(label)
    assert index >= 0, label
    with qtbot.waitSignal(page.rows_loaded, timeout=10_000):
        page.state_combo.setCurrentIndex(index)


def _three_follow_ups(database) -> dict[str, str]:
    _, late = add_follow_up(database, name="IKM Terlambat", due_in_days=-3)
    _, soon = add_follow_up(database, name="IKM Segera", due_in_days=2)
    _, done = add_follow_up(database, name="IKM Selesai", due_in_days=20)
    with database.unit_of_work() as session:
        mark_done(session, done, done_on=date.today(), note="sudah")
    return {"late": late, "soon": soon, "done": done}


def test_state_filters(qtbot, database):
    _three_follow_ups(database)
    page = _page(qtbot, database)
    assert page.state_combo.currentText() == "Belum selesai"
    assert _names(page) == ["IKM Terlambat", "IKM Segera"]
    assert page.count_label.text() == "2 tindak lanjut"

    _choose_state(qtbot, page, "Terlambat")
    assert _names(page) == ["IKM Terlambat"]
    assert page.model.index(0, COL_STATE).data() == "Terlambat"
    _choose_state(qtbot, page, "Jatuh tempo 7 hari ke depan")
    assert _names(page) == ["IKM Segera"]
    _choose_state(qtbot, page, "Sudah selesai")
    assert _names(page) == ["IKM Selesai"]
    _choose_state(qtbot, page, "Semua")
    assert sorted(_names(page)) == ["IKM Segera", "IKM Selesai", "IKM Terlambat"]


def test_search_box_filters_by_text(qtbot, database):
    _three_follow_ups(database)
    page = _page(qtbot, database)
    with qtbot.waitSignal(page.rows_loaded, timeout=10_000):
        qtbot.keyClicks(page.search_edit, "segera")
    assert _names(page) == ["IKM Segera"]


def test_mark_done_with_a_note(qtbot, database):
    ids = _three_follow_ups(database)
    page = _page(qtbot, database)
    page.table.selectRow(0)
    assert page.selected_row().id == ids["late"]
    assert page.done_button.isEnabled()

    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    dialog = page.mark_done_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.note_edit, "Rak sudah terpasang")
    with qtbot.waitSignal(page.follow_up_changed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    with database.unit_of_work() as session:
        stored = get_follow_up(session, ids["late"])
    assert stored.done_on == date.today()
    assert stored.done_note == "Rak sudah terpasang"
    qtbot.waitUntil(lambda: _names(page) == ["IKM Segera"], timeout=10_000)


def test_reopen_asks_first(qtbot, database, monkeypatch):
    ids = _three_follow_ups(database)
    page = _page(qtbot, database)
    _choose_state(qtbot, page, "Sudah selesai")
    page.table.selectRow(0)
    assert page.reopen_button.isEnabled() and not page.done_button.isEnabled()

    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)
    qtbot.mouseClick(page.reopen_button, Qt.MouseButton.LeftButton)
    with database.unit_of_work() as session:
        assert get_follow_up(session, ids["done"]).done_on is not None

    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    with qtbot.waitSignal(page.follow_up_changed, timeout=10_000):
        qtbot.mouseClick(page.reopen_button, Qt.MouseButton.LeftButton)
    with database.unit_of_work() as session:
        assert get_follow_up(session, ids["done"]).done_on is None


def test_open_visit_button_asks_for_the_visit(qtbot, database):
    visit_id, _ = add_follow_up(database)
    page = _page(qtbot, database)
    page.table.selectRow(0)
    with qtbot.waitSignal(page.visit_requested, timeout=2000) as blocker:
        qtbot.mouseClick(page.visit_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [visit_id]


def test_long_lists_load_more_as_the_table_scrolls(qtbot, demo_database):
    page = _page(qtbot, demo_database)
    _choose_state(qtbot, page, "Semua")
    model = page.model
    assert model.total > 0
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)


def test_model_passes_qt_model_checks(qtbot, database):
    _three_follow_ups(database)
    page = _page(qtbot, database)
    model: FollowUpTableModel = page.model
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Tenggat"
