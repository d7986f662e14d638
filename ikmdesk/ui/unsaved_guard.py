"""Leaving a form with unsaved edits: ask Simpan / Buang / Batal, then go on or stay.

One mechanism for every editor, so leaving through the sidebar, another list row, a new record
or Esc asks the same question everywhere.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ikmdesk.ui import dialogs

Then = Callable[[], object]


def leave_with_guard(
    parent: QWidget,
    *,
    unsaved: bool,
    question: str,
    save: Callable[[Then], object],
    discard: Then,
    then: Then,
) -> None:
    """Run ``then`` at once, or after the edits are saved (``save(then)``) or thrown away.

    "Batal" runs nothing: the form stays as typed.
    """
    if not unsaved:
        then()
        return
    title = QCoreApplication.translate("unsaved_guard", "Perubahan belum disimpan")
    choice = dialogs.ask_unsaved(parent, title, question)
    if choice == dialogs.UNSAVED_DISCARD:
        discard()
        then()
    elif choice == dialogs.UNSAVED_SAVE:
        save(then)
