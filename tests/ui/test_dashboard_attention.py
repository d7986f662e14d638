"""Beranda's attention lists: the supervisor's review queue, licences, stagnation risk, loading
state and the first-run help, driven with real clicks and keys.
"""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTreeWidget, QTreeWidgetItem

from ikmdesk.db import Database
from ikmdesk.models import Enterprise, Visit
from ikmdesk.models.enums import HalalStatus
from ikmdesk.services.enterprise import EnterpriseInput, create_enterprise
from ikmdesk.services.product import ProductInput, create_product
from ikmdesk.services.reference_data import cluster_id, region_id
from ikmdesk.services.region import add_desa
from ikmdesk.services.visit import VisitInput, create_visit, submit_visit
from ikmdesk.ui import dashboard_page as dashboard_module
from ikmdesk.ui import dialogs
from ikmdesk.ui.dashboard_page import DashboardPage
from ikmdesk.ui.main_window import MainWindow
from ikmdesk.ui.operations import wait_for_operations
from tests.conftest import make_database

TODAY = date.today()


@pytest.fixture(autouse=True)
def _no_modals(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(dialogs, "inform", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *a, **k: "discard")


@pytest.fixture
def supervisor_db(tmp_path: Path):
    db = make_database(tmp_path / "kasi.db", role="supervisor", name="Hendra Kasi")
    yield db
    wait_for_operations(10_000)
    db.close()


def _enterprise(db: Database, name: str, **fields: Any) -> str:
    with db.unit_of_work() as session:
        enterprise_id = create_enterprise(
            session,
            EnterpriseInput(
                name=name, kecamatan_id=region_id("64.08.10"), cluster_id=cluster_id("pisang")
            ),
        )
        if fields:
            record = session.get_one(Enterprise, enterprise_id)
            for key, value in fields.items():
                setattr(record, key, value)
    return enterprise_id


def _submitted_visit(db: Database, enterprise_id: str, *, days_ago: int) -> str:
    with db.unit_of_work() as session:
        visit_id = create_visit(
            session,
            VisitInput(
                enterprise_id=enterprise_id,
                visit_date=TODAY - timedelta(days=days_ago + 2),
                purpose="mentoring",
                activities="Pendampingan sanitasi dapur",
            ),
        )
        submit_visit(session, visit_id)
        visit = session.get_one(Visit, visit_id)
        visit.submitted_at = datetime.now(UTC) - timedelta(days=days_ago)
    return visit_id


def _page(qtbot, database: Database) -> DashboardPage:
    page = DashboardPage(database)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: page.stagnation is not None, timeout=20_000)
    return page


def _rows(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    rows: list[QTreeWidgetItem] = []
    for r in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(r)
        rows.append(top)
        rows.extend(top.child(c) for c in range(top.childCount()))
    return rows


def _texts(tree: QTreeWidget) -> list[str]:
    return [" | ".join(i.text(c) for c in range(tree.columnCount())) for i in _rows(tree)]


def _double_click(qtbot, tree: QTreeWidget, item: QTreeWidgetItem) -> None:
    """Double-click as a mouse does it: click, then press again quickly and release."""
    pos = tree.visualItemRect(item).center()
    left = Qt.MouseButton.LeftButton
    qtbot.mouseClick(tree.viewport(), left, pos=pos)
    qtbot.mouseDClick(tree.viewport(), left, pos=pos)
    qtbot.mouseRelease(tree.viewport(), left, pos=pos)


def _window(qtbot, database: Database) -> MainWindow:
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.open_page("beranda")
    page = window.page("beranda")
    qtbot.waitUntil(lambda: page.summary is not None, timeout=20_000)
    return window


def test_loading_beranda_says_memuat_not_empty(qtbot, database, monkeypatch):
    _enterprise(database, "Keripik Pisang Uji")
    release = threading.Event()
    real = dashboard_module.dashboard_summary

    def slow_summary(session, today, **kwargs):
        release.wait(20)
        return real(session, today, **kwargs)

    monkeypatch.setattr(dashboard_module, "dashboard_summary", slow_summary)
    page = DashboardPage(database)
    qtbot.addWidget(page)
    page.show()
    try:
        assert page.is_loading()
        assert page.loading_label.isVisible() and page.loading_label.text() == "Memuat…"
        assert page.overdue_card.value_label.text() == "…"
        trees = (page.follow_up_tree, page.recent_tree, page.licence_tree, page.stagnation_tree)
        for tree in trees:
            assert _texts(tree)[0].startswith("Memuat…")
        shown = " ".join(" ".join(_texts(t)) for t in (page.follow_up_tree, page.recent_tree))
        assert "Tidak ada" not in shown and "Belum ada" not in shown
        assert not page.first_run_box.isVisible()
    finally:
        release.set()
    qtbot.waitUntil(lambda: page.summary is not None, timeout=20_000)
    qtbot.waitUntil(lambda: not page.loading_label.isVisible())
    assert page.overdue_card.value_label.text() == "0"
    assert _texts(page.recent_tree) == ["Belum ada kunjungan. |  |  | "]


def test_supervisor_sees_the_review_queue_oldest_first_and_opens_a_visit(qtbot, supervisor_db):
    first = _enterprise(supervisor_db, "Keripik Pisang Selangkau")
    second = _enterprise(supervisor_db, "Dodol Kaliorang")
    newer = _submitted_visit(supervisor_db, first, days_ago=3)
    older = _submitted_visit(supervisor_db, second, days_ago=12)
    window = _window(qtbot, supervisor_db)
    page = window.page("beranda")

    assert page.review_card.isVisible()
    assert page.review_card.value_label.text() == "2"
    assert page.lists.currentWidget() is page.review_tree
    assert page.lists.tabText(page.TAB_REVIEW) == "Menunggu tinjauan (2)"
    assert page.review_visit_ids() == [older, newer]
    rows = _texts(page.review_tree)
    assert rows[0].startswith((TODAY - timedelta(days=12)).strftime("%d-%m-%Y") + " (12 hari)")
    assert "Dodol Kaliorang | Hendra Kasi" in rows[0]

    tree = page.review_tree
    _double_click(qtbot, tree, tree.topLevelItem(1))
    visits = window.page("kunjungan")
    qtbot.waitUntil(lambda: visits.editor.visit_id == newer, timeout=10_000)

    window.open_page("beranda")
    tree.setCurrentItem(tree.topLevelItem(0))
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: visits.editor.visit_id == older, timeout=10_000)


def test_an_officer_has_no_review_queue(qtbot, database):
    _enterprise(database, "Keripik Pisang Uji")
    page = _page(qtbot, database)
    assert not page.review_card.isVisible()
    assert not page.lists.isTabVisible(page.TAB_REVIEW)
    assert page.lists.currentWidget() is page.follow_up_tree


def test_expired_and_expiring_licences_are_listed_and_open_their_ikm(qtbot, supervisor_db):
    last_year, this_year = (TODAY.year - 1) % 100, TODAY.year % 100
    abon = _enterprise(supervisor_db, "Abon Ikan Sangatta")
    keripik = _enterprise(
        supervisor_db,
        "Keripik Pisang Halal",
        halal_status=HalalStatus.CERTIFIED,
        halal_cert_no="ID64110000123450124",
        halal_expires_on=TODAY + timedelta(days=30),
    )
    with supervisor_db.unit_of_work() as session:
        create_product(
            session,
            ProductInput(
                enterprise_id=abon, name="Abon Tuna", pirt_number=f"2026408010243-{last_year:02d}"
            ),
        )
        create_product(
            session,
            ProductInput(
                enterprise_id=keripik,
                name="Keripik Kepok",
                pirt_number=f"2066408020244-{this_year:02d}",
            ),
        )
        create_product(
            session,
            ProductInput(
                enterprise_id=keripik,
                name="Keripik Lama Rusak",
                pirt_number="20664080202",  # unreadable: never guessed at
            ),
        )
    window = _window(qtbot, supervisor_db)
    page = window.page("beranda")
    assert page.licences_card.value_label.text() == "1"
    qtbot.mouseClick(page.licences_card, Qt.MouseButton.LeftButton)
    assert page.lists.currentWidget() is page.licence_tree
    rows = _texts(page.licence_tree)
    assert rows[0].startswith("Sudah berakhir (1)")
    assert rows[1] == (
        f"{TODAY.year - 1} | Abon Ikan Sangatta | Kaliorang | "
        f"P-IRT 2026408010243-{last_year:02d} (Abon Tuna)"
    )
    assert rows[2].startswith("Berakhir tahun ini atau tahun depan (2)")
    expiring = " ".join(rows[3:])
    assert "Sertifikat halal ID64110000123450124" in expiring
    assert (TODAY + timedelta(days=30)).strftime("%d-%m-%Y") in expiring
    assert "(Keripik Kepok)" in expiring and "Rusak" not in expiring

    tree = page.licence_tree
    item = tree.topLevelItem(0).child(0)
    tree.setCurrentItem(item)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    ikm = window.page("ikm")
    qtbot.waitUntil(lambda: ikm.editor.enterprise_id == abon, timeout=10_000)


def test_stagnation_risk_lists_the_officers_own_ikms_with_the_reason(qtbot, database, tmp_path):
    mine = _enterprise(database, "Kopi Sangatta Bersertifikat", halal_status=HalalStatus.CERTIFIED)
    _enterprise(database, "Madu Kelulut Lain", halal_status=HalalStatus.CERTIFIED)
    with database.unit_of_work() as session:
        create_visit(
            session,
            VisitInput(
                enterprise_id=mine, visit_date=TODAY - timedelta(days=200), purpose="mentoring"
            ),
        )
    page = _page(qtbot, database)
    assert page.lists.tabText(page.TAB_STAGNATION) == "Risiko stagnasi (1)"
    page.lists.setCurrentWidget(page.stagnation_tree)
    rows = _texts(page.stagnation_tree)
    assert rows == [
        "Kopi Sangatta Bersertifikat | Kaliorang | "
        + (TODAY - timedelta(days=200)).strftime("%d-%m-%Y")
        + " | tidak dikunjungi 200 hari"
    ]
    with qtbot.waitSignal(page.enterprise_requested, timeout=2000) as blocker:
        _double_click(qtbot, page.stagnation_tree, page.stagnation_tree.topLevelItem(0))
    assert blocker.args == [mine]


def test_the_supervisor_sees_every_ikm_at_risk_and_never_visited_ones_say_so(qtbot, supervisor_db):
    _enterprise(supervisor_db, "Madu Kelulut Lain", halal_status=HalalStatus.CERTIFIED)
    page = _page(qtbot, supervisor_db)
    assert _texts(page.stagnation_tree) == [
        "Madu Kelulut Lain | Kaliorang | belum pernah | belum pernah dikunjungi"
    ]


def _click(qtbot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_new_database_shows_where_to_start_with_buttons_that_lead_there(qtbot, database):
    window = _window(qtbot, database)
    page = window.page("beranda")
    assert page.first_run_box.isVisible()
    assert page.first_run_box.title() == "Mulai dari sini"
    assert not page.overview.isVisible()
    labels = [label.text() for label, _ in page.first_run_steps]
    assert labels[0] == "Tambahkan IKM satu per satu."
    assert "impor daftar IKM" in labels[1] and "desa" in labels[2] and "sinkronisasi" in labels[3]

    add_ikm, import_ikm, desa, sync = (button for _, button in page.first_run_steps)
    _click(qtbot, add_ikm)
    assert window.current_page_name() == "ikm"
    ikm = window.page("ikm")
    assert ikm.editor.isVisible() and ikm.editor.enterprise_id is None

    window.open_page("beranda")
    _click(qtbot, import_ikm)
    office = window.page("data_kantor")
    assert window.current_page_name() == "data_kantor"
    assert office.tabs.currentIndex() == 0

    window.open_page("beranda")
    _click(qtbot, desa)
    assert office.tabs.currentWidget() is office.desa_widget

    window.open_page("beranda")
    _click(qtbot, sync)
    assert window.current_page_name() == "sinkronisasi"
    wait_for_operations(10_000)


def test_first_steps_done_are_struck_out_and_the_help_goes_once_there_is_an_ikm(qtbot, database):
    with database.unit_of_work() as session:
        add_desa(session, kecamatan_id=region_id("64.08.10"), name="Selangkau")
    page = _page(qtbot, database)
    struck = [label.font().strikeOut() for label, _ in page.first_run_steps]
    assert struck == [False, False, True, False]

    _enterprise(database, "Keripik Pisang Pertama")
    with qtbot.waitSignal(page.summary_loaded, timeout=10_000):
        qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    assert not page.first_run_box.isVisible()
    assert page.overview.isVisible()
