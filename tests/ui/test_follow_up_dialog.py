"""Follow-ups planned and edited by hand, from Tindak lanjut and from the visit editor."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt

from ikmdesk.db import Database
from ikmdesk.models import Visit
from ikmdesk.models.enums import VisitStatus
from ikmdesk.services.follow_up import FollowUpFilter, get_follow_up, list_follow_ups
from ikmdesk.ui.follow_up_dialog import FollowUpDialog
from ikmdesk.ui.follow_up_page import FollowUpPage
from ikmdesk.ui.visit_editor import VisitEditor
from ikmdesk.ui.visit_page import VisitPage
from tests.services import checksum
from tests.ui.conftest import add_follow_up

LEFT = Qt.MouseButton.LeftButton


def _page(qtbot: Any, database: Database) -> FollowUpPage:
    page = FollowUpPage(database)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    qtbot.waitUntil(lambda: page._loading is None, timeout=10_000)
    return page


def _ready(qtbot: Any, dialog: FollowUpDialog | None) -> FollowUpDialog:
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.visit_combo.count() > 0, timeout=10_000)
    return dialog


def test_add_a_follow_up_with_owner_and_deadline_from_tindak_lanjut(
    qtbot: Any, database: Database
) -> None:
    visit_id, _ = add_follow_up(database, name="IKM Kalbana")
    page = _page(qtbot, database)
    page.table.selectRow(0)
    qtbot.mouseClick(page.add_button, LEFT)
    dialog = _ready(qtbot, page.follow_up_dialog)
    assert dialog.visit_id() == visit_id  # the selected row's visit comes first
    qtbot.keyClicks(dialog.action_edit, "Uji kadar air keripik")
    qtbot.keyClicks(dialog.owner_edit, "Ibu Rahmah")
    due = date.today() + timedelta(days=14)
    dialog.due_edit.setDate(QDate(due.year, due.month, due.day))
    with qtbot.waitSignal(page.follow_up_changed, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.save_button, LEFT)
    with database.unit_of_work() as session:
        row = get_follow_up(session, saved.args[0])
    assert (row.visit_id, row.action, row.owner, row.due_date, row.state) == (
        visit_id,
        "Uji kadar air keripik",
        "Ibu Rahmah",
        due,
        "open",
    )


def test_edit_owner_and_close_it_from_tindak_lanjut(qtbot: Any, database: Database) -> None:
    _, follow_up_id = add_follow_up(database, name="IKM Kalbana")
    page = _page(qtbot, database)
    page.table.selectRow(0)
    qtbot.mouseClick(page.edit_button, LEFT)
    dialog = _ready(qtbot, page.follow_up_dialog)
    assert not dialog.visit_combo.isEnabled()  # a follow-up stays with its visit
    dialog.owner_edit.clear()
    qtbot.keyClicks(dialog.owner_edit, "Pak Darto")
    dialog.state_combo.setCurrentIndex(dialog.state_combo.findText("Sudah selesai"))
    assert dialog.note_edit.isEnabled()
    qtbot.keyClicks(dialog.note_edit, "Rak terpasang")
    with qtbot.waitSignal(page.follow_up_changed, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    with database.unit_of_work() as session:
        row = get_follow_up(session, follow_up_id)
    assert (row.owner, row.state, row.done_on, row.done_note) == (
        "Pak Darto",
        "done",
        date.today(),
        "Rak terpasang",
    )


def test_a_refused_follow_up_stays_in_the_dialog_and_changes_nothing(
    qtbot: Any, database: Database
) -> None:
    add_follow_up(database, name="IKM Kalbana")
    page = _page(qtbot, database)
    page.table.selectRow(0)
    before = checksum(database)
    qtbot.mouseClick(page.add_button, LEFT)
    dialog = _ready(qtbot, page.follow_up_dialog)
    qtbot.mouseClick(dialog.save_button, LEFT)  # no action typed
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=10_000)
    assert "wajib diisi" in dialog.error_label.text()
    assert dialog.isVisible()
    assert checksum(database) == before


def test_an_approved_visit_gets_a_follow_up_from_its_editor(qtbot: Any, database: Database) -> None:
    visit_id, _ = add_follow_up(database, name="IKM Kalbana")
    with database.unit_of_work() as session:
        session.get_one(Visit, visit_id).status = VisitStatus.APPROVED
    page = VisitPage(database)
    qtbot.addWidget(page)
    page.resize(1196, 708)
    page.show()
    page.open_visit(visit_id)
    editor = page.editor
    editor.tabs.setCurrentIndex(VisitEditor.TAB_FOLLOW_UPS)
    assert editor.follow_up_table.rowCount() == 1
    qtbot.mouseClick(editor.add_follow_up_button, LEFT)
    dialog = _ready(qtbot, editor.follow_up_dialog)
    assert dialog.visit_id() == visit_id and not dialog.visit_combo.isEnabled()
    qtbot.keyClicks(dialog.action_edit, "Daftarkan sertifikat halal")
    qtbot.keyClicks(dialog.owner_edit, "Pendamping PPH")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: editor.follow_up_table.rowCount() == 2, timeout=10_000)
    with database.unit_of_work() as session:
        owners = {r.owner for r in list_follow_ups(session, FollowUpFilter(visit_id=visit_id))}
    assert "Pendamping PPH" in owners
