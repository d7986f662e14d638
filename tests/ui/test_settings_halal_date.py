"""The office sets the halal obligation date of micro and small firms on the settings page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ikmdesk.services.office_settings import get_office_settings
from ikmdesk.ui.settings_page import SettingsPage


def test_the_halal_date_is_shown_edited_and_checked(qtbot: Any, database: Any) -> None:
    page = SettingsPage(database)
    qtbot.addWidget(page)
    page.show()
    assert page.halal_deadline_edit.text() == "2026-10-17"  # standards.md §7, PP 42/2024
    page.halal_deadline_edit.selectAll()
    qtbot.keyClicks(page.halal_deadline_edit, "17/10/2027")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error_label.isVisible(), timeout=10_000)
    assert "TTTT-BB-HH" in page.error_label.text()
    page.halal_deadline_edit.selectAll()
    qtbot.keyClicks(page.halal_deadline_edit, "2027-10-17")
    with qtbot.waitSignal(page.settings_saved, timeout=10_000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    with database.unit_of_work() as session:
        assert get_office_settings(session).halal_umk_deadline == "2027-10-17"
