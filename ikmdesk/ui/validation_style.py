"""Form building blocks: inline validation marks, the required-field mark, the date field.

A bad field gets a red border and a message right under it. The message line keeps its place
while hidden, so marking fields never moves the form under the pointer. A required field's
label ends in " *" (``required_label``), and a form says once what the star means.

A form wraps each input in a :class:`FieldRow` (the input above an initially hidden message
label). When a service raises ``ValidationError(field, ...)`` the form looks the row up by the
field name and calls :meth:`FieldRow.mark`; the next edit of that input clears the mark.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication
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

from ikmdesk.ui.date_field import DateField

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

    def __init__(
        self,
        editor: QWidget,
        parent: QWidget | None = None,
        *,
        required: bool = False,
        reserve_space: bool = True,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.required = required
        self.message_label = QLabel()
        self.message_label.setProperty("role", "fieldError")
        self.message_label.setWordWrap(True)
        if reserve_space:
            # One line is kept for the message, so a Save that marks fields moves nothing.
            policy = self.message_label.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.message_label.setSizePolicy(policy)
            self.message_label.setMinimumHeight(self.message_label.fontMetrics().height())
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

    def problem(self) -> str | None:
        """Return what the form itself can tell is wrong (empty but required, unreadable date)."""
        if isinstance(self.editor, DateField):
            return self.editor.problem()
        if self.required and _is_empty(self.editor):
            return QCoreApplication.translate("FieldRow", "Wajib diisi.")
        return None


def required_label(text: str) -> str:
    """Return a field label with the one mark for required fields."""
    return f"{text} *"


def required_note() -> str:
    """Return the line a form shows once to say what the star means."""
    return QCoreApplication.translate("FieldRow", "* wajib diisi")


def mark_problems(rows: Mapping[str, FieldRow], messages: Mapping[str, str] | None = None) -> bool:
    """Clear every row, then mark each one the form can tell is wrong; True when any is.

    ``messages`` gives a clearer text for an empty required field by name (e.g. "Pilih IKM").
    The first marked input gets the focus; all marks show at once.
    """
    marked: list[FieldRow] = []
    for name, row in rows.items():
        row.clear()
        problem = row.problem()
        if problem is None:
            continue
        if messages and name in messages and not isinstance(row.editor, DateField):
            problem = messages[name]
        row.mark(problem)
        marked.append(row)
    if marked:
        marked[0].editor.setFocus()
    return bool(marked)


def marked_rows(rows: Iterable[FieldRow]) -> list[FieldRow]:
    """Return the rows that carry a mark now."""
    return [row for row in rows if row.is_marked]


def _is_empty(editor: QWidget) -> bool:
    if isinstance(editor, QLineEdit):
        return not editor.text().strip()
    if isinstance(editor, QPlainTextEdit | QTextEdit):
        return not editor.toPlainText().strip()
    if isinstance(editor, QComboBox):
        return editor.currentData() in (None, "")
    combo = editor.findChild(QComboBox)
    if combo is not None:  # a composite input, e.g. search box + choice list
        return combo.currentData() in (None, "")
    return False


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Set the ``invalid`` property and make the style follow it at once."""
    widget.setProperty(INVALID_PROPERTY, invalid)
    if isinstance(widget, DateField):  # the border belongs on the text box inside
        set_invalid(widget.line_edit, invalid)
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


OptionalDateEdit = DateField
"""The optional date field of the forms: the shared :class:`DateField` (kept under this name)."""
