"""Form building blocks: inline validation marks and an optional date field.

A bad field gets a red border and a message right under it.

A form wraps each input in a :class:`FieldRow` (the input above an initially hidden message
label). When a service raises ``ValidationError(field, ...)`` the form looks the row up by the
field name and calls :meth:`FieldRow.mark`; the next edit of that input clears the mark.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

INVALID_PROPERTY = "invalid"
"""Dynamic property set to True on a marked input (style sheets and tests read it)."""

STYLE_SHEET = """
*[invalid="true"] { border: 2px solid #c62828; border-radius: 3px; }
QLabel[role="fieldError"] { color: #c62828; }
QLabel[role="fieldWarning"] { color: #8d6e00; }
"""
"""Style rules for marked inputs and their messages; applied by every form that marks."""


class FieldRow(QWidget):
    """An input with a message line under it that says what is wrong with the value."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.message_label = QLabel()
        self.message_label.setProperty("role", "fieldError")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.message_label)
        _connect_edits(editor, self.clear)

    @property
    def is_marked(self) -> bool:
        """Return whether the input currently carries an error mark."""
        return bool(self.editor.property(INVALID_PROPERTY))

    def mark(self, message: str) -> None:
        """Mark the input as invalid and show ``message`` under it."""
        set_invalid(self.editor, True)
        self.message_label.setText(message)
        self.message_label.show()

    def clear(self) -> None:
        """Remove the mark and hide the message."""
        if self.is_marked or self.message_label.isVisible():
            set_invalid(self.editor, False)
            self.message_label.clear()
            self.message_label.hide()


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Set the ``invalid`` property and make the style follow it at once."""
    widget.setProperty(INVALID_PROPERTY, invalid)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def _connect_edits(editor: QWidget, slot: object) -> None:
    """Connect the editor's "user changed the value" signal to ``slot``."""
    if isinstance(editor, QLineEdit):
        editor.textEdited.connect(slot)
    elif isinstance(editor, QPlainTextEdit | QTextEdit):
        editor.textChanged.connect(slot)
    elif isinstance(editor, QComboBox):
        editor.currentIndexChanged.connect(slot)
    elif isinstance(editor, QDateEdit):
        editor.dateChanged.connect(slot)
    elif isinstance(editor, QAbstractSpinBox):
        editor.editingFinished.connect(slot)
    elif hasattr(editor, "edited"):
        editor.edited.connect(slot)


class OptionalDateEdit(QDateEdit):
    """A date field that may be left empty: its lowest date stands for "no date" (shown "—")."""

    EMPTY = QDate(1900, 1, 1)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd-MM-yyyy")
        self.setMinimumDate(self.EMPTY)
        self.setMaximumDate(QDate(2099, 12, 31))
        self.setSpecialValueText("—")
        self.set_value(None)

    def value(self) -> date | None:
        """Return the chosen date, or None when empty."""
        chosen = self.date()
        if chosen == self.EMPTY:
            return None
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: date | None) -> None:
        """Show ``value`` (None: empty)."""
        self.setDate(self.EMPTY if value is None else QDate(value.year, value.month, value.day))
