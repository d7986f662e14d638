"""Supervisor review in the visit page: the "Perlu ditinjau" list, approve, return, amend."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from ikmdesk.db import Database
from ikmdesk.models.enums import VisitPurpose, VisitStatus
from ikmdesk.services.enterprise import EnterpriseInput, create_enterprise
from ikmdesk.services.reference_data import cluster_id, region_id
from ikmdesk.services.visit import VisitInput, create_visit, get_visit, submit_visit
from ikmdesk.ui import dialogs
from ikmdesk.ui.visit_editor import VisitEditor
from ikmdesk.ui.visit_page import VisitPage
from tests.conftest import make_database
from tests.services import checksum

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def supervisor_db(tmp_path: Path) -> Iterator[Database]:
    db = make_database(tmp_path / "supervisor.db", role="supervisor", name="Ir. Bambang")
    yield db
    db.close()


def add_visits(database: Database, *, submitted: int, drafts: int) -> list[str]:
    """Add visits to one IKM; return the ids of the submitted ones."""
    with database.unit_of_work() as session:
        enterprise_id = create_enterprise(
            session,
            EnterpriseInput(
                name="KUB Kakao Muara Wahau",
                kecamatan_id=region_id("64.08.01"),
                cluster_id=cluster_id("kakao"),
            ),
        )
        ids = []
        for i in range(submitted + drafts):
            visit_id = create_visit(
                session,
                VisitInput(
                    enterprise_id=enterprise_id,
                    visit_date=date.today() - timedelta(days=i + 1),
                    purpose=VisitPurpose.MONITORING.value,
                    findings=f"Fermentasi biji kakao belum merata ({i})",
                ),
            )
            if i < submitted:
                submit_visit(session, visit_id)
                ids.append(visit_id)
    return ids


def open_page(qtbot: Any, database: Database) -> VisitPage:
    page = VisitPage(database)
    qtbot.addWidget(page)
    page.resize(1196, 708)
    page.show()
    return page


def status(database: Database, visit_id: str) -> tuple[str, int]:
    with database.unit_of_work() as session:
        detail = get_visit(session, visit_id)
    return detail.status, detail.revision


def open_for_review(qtbot: Any, page: VisitPage, row: int = 0) -> VisitEditor:
    point = page.table.visualRect(page.model.index(row, 0)).center()
    # A real double click is a press-release followed by a double-click event.
    qtbot.mouseClick(page.table.viewport(), LEFT, pos=point)
    qtbot.mouseDClick(page.table.viewport(), LEFT, pos=point)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.editor)
    page.editor.tabs.setCurrentIndex(VisitEditor.TAB_REVIEW)
    return page.editor


def test_a_supervisor_sees_what_needs_review_and_approves_it(
    qtbot: Any, supervisor_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[str, str]] = []

    def agree(_parent: Any, title: str, text: str) -> bool:
        asked.append((title, text))
        return True

    monkeypatch.setattr(dialogs, "confirm", agree)
    submitted = add_visits(supervisor_db, submitted=2, drafts=3)
    page = open_page(qtbot, supervisor_db)
    assert page.status_tabs.currentIndex() == VisitPage.TAB_REVIEW
    assert page.status_tabs.tabText(VisitPage.TAB_REVIEW) == "Menunggu tinjauan (2)"
    assert page.model.total == 2
    assert {page.model.row_id(r) for r in range(2)} == set(submitted)

    editor = open_for_review(qtbot, page)
    visit_id = editor.visit_id
    assert visit_id in submitted
    assert not editor.editable  # a submitted report is read-only, also for the supervisor
    assert editor.approve_button.isVisible() and editor.return_button.isVisible()
    qtbot.keyClicks(editor.review_comment_edit, "Laporan lengkap.")
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: False)
    before = checksum(supervisor_db)
    qtbot.mouseClick(editor.approve_button, LEFT)  # "Tidak": nothing changes
    assert checksum(supervisor_db) == before
    monkeypatch.setattr(dialogs, "confirm", agree)
    with qtbot.waitSignal(page.visit_saved, timeout=5000):
        qtbot.mouseClick(editor.approve_button, LEFT)
    title, text = asked[-1]
    assert title == "Setujui kunjungan"
    assert "IKM:" in text and "Pemeriksaan" in text and "Temuan" in text
    assert status(supervisor_db, visit_id) == (VisitStatus.APPROVED.value, 0)
    assert not editor.approve_button.isVisible()
    assert editor.amend_button.isVisible()
    assert editor.activities_edit.isReadOnly()
    history = [
        editor.history_table.item(r, 2).text() for r in range(editor.history_table.rowCount())
    ]
    assert history[-1] == "Disetujui"
    assert editor.history_table.item(editor.history_table.rowCount() - 1, 4).text() == (
        "Laporan lengkap."
    )
    assert "Ir. Bambang" in editor.review_state_label.text()

    qtbot.mouseClick(editor.back_button, LEFT)
    qtbot.waitUntil(lambda: page.model.total == 1)  # one left to review
    assert page.status_tabs.tabText(VisitPage.TAB_REVIEW) == "Menunggu tinjauan (1)"


def test_returning_needs_a_comment_and_then_goes_back_to_the_officer(
    qtbot: Any, supervisor_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, title, _t: asked.append(title) or True)
    add_visits(supervisor_db, submitted=1, drafts=0)
    page = open_page(qtbot, supervisor_db)
    editor = open_for_review(qtbot, page)
    visit_id = editor.visit_id
    assert visit_id is not None
    before = checksum(supervisor_db)
    qtbot.mouseClick(editor.return_button, LEFT)
    qtbot.waitUntil(lambda: editor.review_comment_row.is_marked)
    assert "catatan" in editor.review_comment_row.message_label.text().lower()
    assert checksum(supervisor_db) == before

    qtbot.keyClicks(editor.review_comment_edit, "Lengkapi foto ruang fermentasi.")
    with qtbot.waitSignal(page.visit_saved, timeout=5000):
        qtbot.mouseClick(editor.return_button, LEFT)
    assert asked == ["Kembalikan kunjungan"]  # asked once, only when there was a reason
    assert status(supervisor_db, visit_id)[0] == VisitStatus.RETURNED.value
    assert editor.editable  # back with the officer, who can correct it
    assert "Lengkapi foto ruang fermentasi." in editor.review_state_label.text()


def test_an_approved_visit_is_amended_as_a_new_revision(
    qtbot: Any, supervisor_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_visits(supervisor_db, submitted=1, drafts=0)
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    page = open_page(qtbot, supervisor_db)
    editor = open_for_review(qtbot, page)
    visit_id = editor.visit_id
    assert visit_id is not None
    with qtbot.waitSignal(page.visit_saved, timeout=5000):
        qtbot.mouseClick(editor.approve_button, LEFT)
    with qtbot.waitSignal(page.visit_saved, timeout=5000):
        qtbot.mouseClick(editor.amend_button, LEFT)
    assert status(supervisor_db, visit_id) == (VisitStatus.DRAFT.value, 1)
    assert editor.editable and not editor.activities_edit.isReadOnly()
    statuses = [
        editor.history_table.item(r, 2).text() for r in range(editor.history_table.rowCount())
    ]
    assert statuses[-2:] == ["Disetujui", "Draf"]  # the first approval stays readable

    qtbot.keyClicks(editor.recommendations_edit, "Tambahkan jadwal fermentasi.")
    editor.tabs.setCurrentIndex(VisitEditor.TAB_VISIT)
    qtbot.mouseClick(editor.submit_button, LEFT)
    qtbot.waitUntil(lambda: status(supervisor_db, visit_id)[0] == VisitStatus.SUBMITTED.value)
    qtbot.waitUntil(lambda: not editor.approve_button.isHidden())  # approval needed again


def test_an_officer_cannot_review(qtbot: Any, database: Database) -> None:
    add_visits(database, submitted=1, drafts=1)
    page = open_page(qtbot, database)
    assert page.status_tabs.currentIndex() == VisitPage.TAB_ALL
    assert page.model.total == 2
    page.status_tabs.setCurrentIndex(VisitPage.TAB_REVIEW)
    editor = open_for_review(qtbot, page)
    assert not editor.approve_button.isVisible()
    assert not editor.return_button.isVisible()
    assert not editor.editable
