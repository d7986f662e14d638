"""The Program page: the supervisor creates a programme by clicks; officers see theirs first."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from ikmdesk.services.device import this_device
from ikmdesk.services.programme.plan import list_targets
from ikmdesk.services.programme.programme import list_programmes
from ikmdesk.ui import programme_page
from ikmdesk.ui.operations import wait_for_operations
from ikmdesk.ui.programme_page import ProgrammePage
from tests.conftest import make_database
from tests.programme.helpers import START, add_ikm, add_partner, cocoa_programme


@pytest.fixture
def supervisor_db(tmp_path: Path):
    db = make_database(tmp_path / "sup.db", role="supervisor", name="Bu Kasi")
    yield db
    wait_for_operations(10_000)
    db.close()


def _tick(lst, text: str) -> None:
    for row in range(lst.count()):
        item = lst.item(row)
        if item.text().startswith(text):
            lst.scrollToItem(item)
            item.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"{text!r} not in list")


def test_supervisor_creates_a_programme_through_the_form(qtbot, supervisor_db, monkeypatch) -> None:
    add_ikm(supervisor_db, "Cokelat Karangan Hilir")
    add_partner(supervisor_db)
    monkeypatch.setattr(programme_page, "today", lambda: START + timedelta(days=3))
    page = ProgrammePage(supervisor_db)
    qtbot.addWidget(page)
    page.show()
    assert page.new_button.isVisible()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.form
    qtbot.keyClicks(form.name_edit, "Pendampingan Kakao Karangan")
    form.cluster_combo.setCurrentIndex(form.cluster_combo.findText("Kakao"))
    form.kecamatan_combo.setCurrentIndex(form.kecamatan_combo.findText("Karangan"))
    form.start_edit.setDate(QDate(2026, 9, 1))
    form.end_edit.setDate(QDate(2027, 1, 31))
    _tick(form.officer_list, "Bu Kasi")
    _tick(form.partner_list, "Universitas Mulawarman")
    _tick(form.enterprise_list, "Cokelat Karangan Hilir")
    with qtbot.waitSignal(page.programme_saved, timeout=10_000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert page.programme_list.count() == 1
    assert "Pendampingan Kakao Karangan" in page.programme_list.item(0).text()
    assert page.progress.ikm_table.rowCount() == 1
    assert page.progress.ikm_table.item(0, 0).text() == "Cokelat Karangan Hilir"
    assert "Universitas Mulawarman" in page.summary_label.text()


def test_officer_sees_a_read_only_programme_and_adds_a_target(qtbot, database, monkeypatch) -> None:
    # The officer's database holds the programme as a sync import would leave it.
    with database.unit_of_work() as session:
        me = this_device(session).id
    ikm = add_ikm(database, "Cokelat Karangan Hilir")
    monkeypatch.setattr(
        "ikmdesk.services.programme.programme.ensure_supervisor", lambda session: None
    )
    pid = cocoa_programme(database, officer_ids=(me,), enterprise_ids=(ikm,))
    monkeypatch.undo()
    monkeypatch.setattr(programme_page, "today", lambda: START + timedelta(days=3))

    def fill_target(dialog) -> bool:
        dialog.target_combo.setCurrentIndex(dialog.target_combo.findData("spp-irt-terbit"))
        return True

    monkeypatch.setattr(programme_page, "run_dialog", fill_target)
    errors = []
    monkeypatch.setattr(programme_page.dialogs, "show_error", lambda _p, e: errors.append(e))
    page = ProgrammePage(database)
    qtbot.addWidget(page)
    page.show()
    assert not page.new_button.isVisible()
    assert "★" in page.programme_list.item(0).text()
    assert page.form.name_edit.isReadOnly() and not page.form.save_button.isVisible()
    assert page.progress.ikm_table.rowCount() == 1
    assert page.progress.target_button.isEnabled()
    qtbot.mouseClick(page.progress.target_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: errors or page.progress.target_table.rowCount() == 1, timeout=10_000)
    assert not errors, errors[0].message()
    assert page.progress.target_table.item(0, 0).text() == "SPP-IRT terbit"
    with database.unit_of_work() as session:
        assert [t.code for t in list_targets(session, pid, on=START)] == ["spp-irt-terbit"]
        assert list_programmes(session, officer_id=me)[0].mine
