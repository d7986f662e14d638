"""The main window on a demo database: what the user sees, navigation, shortcuts, memory."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from ikmdesk.ui import dialogs
from ikmdesk.ui.dashboard_page import DashboardPage
from ikmdesk.ui.follow_up_page import FollowUpPage
from ikmdesk.ui.main_window import PAGE_NAMES, PAGES, MainWindow, page_class


def test_opens_on_a_demo_database_and_grabs_to_png(qtbot, main_window, tmp_path: Path):
    page = main_window.current_page()
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: page.summary is not None, timeout=10_000)
    shot = tmp_path / "main_window.png"
    assert main_window.grab().save(str(shot))

    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1366, 768)
    colours = {image.pixel(x, y) for x in range(0, 1366, 37) for y in range(0, 768, 23)}
    assert len(colours) > 5  # a drawn window, not a blank rectangle
    assert main_window.windowTitle() == "IKMDesk — demo.db"
    assert main_window.officer_label.text() == "Petugas Demo (petugas)"
    assert main_window.database_label.text() == "Data: demo.db"
    assert main_window.sync_label.text() == "Sinkronisasi terakhir: belum pernah"
    assert int(page.visits_card.value_label.text()) >= 0


def test_navigation_list_opens_every_page(qtbot, main_window):
    nav = main_window.navigation
    assert [nav.item(row).text() for row in range(nav.count())] == [
        "Beranda",
        "IKM",
        "Kunjungan",
        "Tindak lanjut",
        "Program",
        "Sinkronisasi",
        "Laporan",
        "Data kantor",
        "IKM ganda",
        "Pengaturan",
    ]
    for row, name in enumerate(PAGE_NAMES):
        rect = nav.visualItemRect(nav.item(row))
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert main_window.current_page_name() == name
        assert main_window.stack.currentWidget() is main_window.pages[name]


def test_every_page_is_built_from_its_own_module(qtbot, main_window):
    for spec in PAGES:
        page = main_window.open_page(spec.name)
        assert type(page) is page_class(spec)
        assert page.isVisible()


def test_keyboard_shortcuts_reach_the_current_page(qtbot, main_window):
    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window)
    saved: list[str] = []
    follow_ups = main_window.page("tindak_lanjut")
    follow_ups.save = lambda: saved.append("save")  # type: ignore[attr-defined]
    qtbot.keyClick(main_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = main_window.current_page()
    assert isinstance(page, FollowUpPage)

    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()

    qtbot.keyClick(main_window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved == ["save"]

    qtbot.keyClick(main_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_page_name() == "beranda"


def test_new_record_goes_to_the_visit_page_when_the_current_page_has_none(qtbot, main_window):
    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window)
    main_window.open_page("beranda")
    visits = main_window.page("kunjungan")
    created: list[bool] = []
    visits.new_record = lambda: created.append(True)  # type: ignore[attr-defined]
    qtbot.keyClick(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_page_name() == "kunjungan"
    assert created == [True]


def test_dashboard_visit_request_opens_the_visit_page(qtbot, main_window):
    opened: list[str] = []
    visits = main_window.page("kunjungan")
    visits.open_visit = lambda visit_id: opened.append(visit_id)  # type: ignore[attr-defined]
    dashboard = main_window.open_page("beranda")
    dashboard.visit_requested.emit("visit-123")
    assert main_window.current_page_name() == "kunjungan"
    assert opened == ["visit-123"]


def test_geometry_and_last_page_are_remembered(qtbot, demo_database):
    first = MainWindow(demo_database)
    qtbot.addWidget(first)
    first.show()
    first.resize(800, 640)  # the offscreen test screen is 800×800
    first.move(40, 30)
    first.open_page("tindak_lanjut")
    assert first.close()

    second = MainWindow(demo_database)
    qtbot.addWidget(second)
    second.show()
    assert second.current_page_name() == "tindak_lanjut"
    assert (second.width(), second.height()) == (800, 640)


def test_closing_with_unsaved_changes_asks_first(qtbot, main_window, monkeypatch):
    page = main_window.open_page("tindak_lanjut")
    page.has_unsaved_changes = lambda: True  # type: ignore[attr-defined]
    asked: list[str] = []

    def refuse(parent, title, text):
        asked.append(title)
        return False

    monkeypatch.setattr(dialogs, "confirm", refuse)
    assert not main_window.close()
    assert main_window.isVisible()
    assert asked == ["Perubahan belum disimpan"]

    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    assert main_window.close()


def test_unknown_page_name_is_refused(main_window):
    import pytest

    with pytest.raises(KeyError):
        main_window.open_page("visits")


@pytest.mark.sqlite_only(reason="restores a SQLite file backup")
def test_restoring_a_backup_replaces_the_data_and_reopens(qtbot, main_window, monkeypatch):
    from sqlalchemy import func, select

    from ikmdesk.models import Enterprise
    from ikmdesk.services.backup import backup_now
    from tests.ui.conftest import add_follow_up

    database = main_window.database
    backup = backup_now(database.path)
    add_follow_up(database, name="Dibuat sesudah cadangan")
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    told: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda _parent, _title, text: told.append(text))
    main_window.open_page("tindak_lanjut")

    main_window.restore_backup(str(backup))

    # The officer is told what comes next: the lost work returns through the supervisor.
    assert len(told) == 1 and "kirim paket lengkap ke atasan" in told[0]

    assert main_window.database is not database
    try:
        with main_window.database.unit_of_work() as session:
            names = session.scalars(select(Enterprise.name)).all()
            assert "Dibuat sesudah cadangan" not in names
            assert session.scalar(select(func.count()).select_from(Enterprise)) > 0
        assert main_window.current_page_name() == "tindak_lanjut"
        assert main_window.current_page().database is main_window.database
    finally:
        main_window.close()
        main_window.database.close()


def test_clicking_the_overdue_card_lists_overdue_follow_ups(qtbot, main_window):
    dashboard = main_window.open_page("beranda")
    qtbot.waitUntil(lambda: dashboard.summary is not None, timeout=10_000)
    qtbot.mouseClick(dashboard.overdue_card, Qt.MouseButton.LeftButton)
    page = main_window.current_page()
    assert isinstance(page, FollowUpPage)
    assert page.state_combo.currentData() == "overdue"
    qtbot.waitUntil(lambda: page.model.total == dashboard.summary.overdue_count, timeout=10_000)


def test_every_page_has_a_navigation_icon(main_window):
    nav = main_window.navigation
    assert all(not nav.item(row).icon().isNull() for row in range(nav.count()))


def test_an_overdue_follow_up_on_beranda_opens_its_visit_in_the_editor(qtbot, main_window):
    dashboard = main_window.open_page("beranda")
    qtbot.waitUntil(lambda: dashboard.summary is not None, timeout=10_000)
    visit_id = dashboard.follow_up_visit_ids()[0]
    tree = dashboard.follow_up_tree
    tree.setCurrentItem(tree.topLevelItem(0).child(0))
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)

    visits = main_window.current_page()
    assert main_window.current_page_name() == "kunjungan"
    assert visits.stack.currentWidget() is visits.editor
    assert visits.editor.visit_id == visit_id
