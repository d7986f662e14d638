"""Drive the Sinkronisasi page's own dialogs through their widgets, as a user would."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ikmdesk.ui.operations import ProgressDialog
from ikmdesk.ui.passphrase_dialog import PassphraseDialog
from ikmdesk.ui.sync_page import SyncPage
from ikmdesk.ui.trust_dialog import TrustDialog

D = TypeVar("D", bound=QDialog)


def open_page(qtbot, database) -> SyncPage:
    """Show a Sinkronisasi page on ``database`` and wait until it has read its data."""
    page = SyncPage(database)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None, timeout=30_000)
    return page


def visible_progress_dialogs() -> list[QWidget]:
    """Return every progress dialog on screen."""
    return [w for w in QApplication.allWidgets() if isinstance(w, ProgressDialog) and w.isVisible()]


def wait_for_question(qtbot, owner, kind: type[D]) -> D:
    """Wait until ``owner`` shows a question of ``kind``; no progress dialog may cover it."""
    qtbot.waitUntil(
        lambda: isinstance(owner.question, kind) and owner.question.isVisible(), timeout=30_000
    )
    assert visible_progress_dialogs() == []
    return owner.question


def type_passphrase(qtbot, dialog: PassphraseDialog, first: str, repeat: str | None = None) -> None:
    """Replace what the passphrase fields hold with typed text."""
    dialog.passphrase_edit.clear()
    qtbot.keyClicks(dialog.passphrase_edit, first)
    if repeat is not None:
        dialog.repeat_edit.clear()
        qtbot.keyClicks(dialog.repeat_edit, repeat)


def click(qtbot, button) -> None:
    """Click a button with the mouse."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer_trust(qtbot, owner, *, trust: bool) -> dict[str, str]:
    """Answer the trust question on screen; returns the name, role and fingerprint it showed."""
    dialog = wait_for_question(qtbot, owner, TrustDialog)
    shown = {
        "name": dialog.name_label.text(),
        "role": dialog.role_label.text(),
        "fingerprint": dialog.fingerprint_label.text(),
    }
    click(qtbot, dialog.trust_button if trust else dialog.reject_button)
    return shown
