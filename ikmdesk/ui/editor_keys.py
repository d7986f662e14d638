"""What every editor shares for keys and feedback: Esc to go back, a visible "Tersimpan".

Ctrl+S is the main window's (it calls the page's ``save``); Enter in a one-line field is wired
by each form, since Enter in a multi-line field must stay a new line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QWidget

SAVED_STYLE = "color: #2e7d32; font-weight: bold;"


def escape_closes(editor: QWidget, close: Callable[[], object]) -> QShortcut:
    """Make Esc anywhere in ``editor`` call ``close`` (which asks about unsaved edits)."""
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), editor)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(close)
    return shortcut


def saved_label() -> QLabel:
    """Return the label an editor shows beside its Save button after a save."""
    label = QLabel()
    label.setObjectName("savedLabel")
    label.setStyleSheet(SAVED_STYLE)
    return label


def saved_text(moment: datetime | None = None) -> str:
    """Return "Tersimpan pukul HH:MM" for ``moment`` (now by default)."""
    when = (moment or datetime.now()).strftime("%H:%M")
    return QCoreApplication.translate("editor_keys", "✓ Tersimpan pukul {time}").format(time=when)
