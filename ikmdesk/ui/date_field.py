"""The app's one date field: typed as ``dd-mm-yyyy`` or picked from a calendar, empty allowed.

Qt's ``QDateEdit`` edits a date in sections, so digits typed into the wrong section or into an
empty field (shown by a special value) turn into another date or silently into no date. This
field is a plain text box instead: it reads what was typed when the form is saved, a date that
cannot be read is reported at the field (``problem()``), and an empty field's calendar opens at
today rather than at the lowest date Qt allows.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Slot
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

DISPLAY_FORMAT = "%d-%m-%Y"
EARLIEST_YEAR, LATEST_YEAR = 1900, 2099
_SEPARATED = re.compile(r"^\s*(\d{1,4})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{1,4})\s*$")
_DIGITS_ONLY = re.compile(r"^\s*(\d{6}|\d{8})\s*$")


class UnreadableDate(ValueError):
    """The text is not a date in ``dd-mm-yyyy`` (or one of the forms read alike)."""


def parse_date(text: str) -> date | None:
    """Read ``dd-mm-yyyy`` (also ``/``, ``.`` or spaces, 2-digit years, ``ddmmyyyy``, ISO).

    Returns None for an empty text; raises UnreadableDate for anything else that is no date.
    """
    if not text.strip():
        return None
    parts: tuple[str, str, str]
    separated = _SEPARATED.match(text)
    digits = _DIGITS_ONLY.match(text)
    if separated is not None:
        first, middle, last = separated.groups()
        parts = (last, middle, first) if len(first) == 4 else (first, middle, last)
    elif digits is not None:
        run = digits.group(1)
        parts = (run[:2], run[2:4], run[4:])
    else:
        raise UnreadableDate(text)
    day, month, year = (int(p) for p in parts)
    if len(parts[2]) <= 2:
        year += 2000
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise UnreadableDate(text)
    try:
        return date(year, month, day)
    except ValueError:
        raise UnreadableDate(text) from None


def format_date_text(value: date | None) -> str:
    """Return ``value`` as the field shows it (empty for None)."""
    return "" if value is None else value.strftime(DISPLAY_FORMAT)


class _DateLineEdit(QLineEdit):
    """A text box that selects its whole text when a click gives it focus.

    So typing a new date replaces the old one wherever the pointer landed.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._focused_by_mouse = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._focused_by_mouse = event.reason() == Qt.FocusReason.MouseFocusReason

    def mousePressEvent(self, event: QMouseEvent) -> None:
        fresh = self._focused_by_mouse or not self.hasFocus()
        super().mousePressEvent(event)
        if fresh:
            self._focused_by_mouse = False
            self.selectAll()


class DateField(QWidget):
    """A date typed as ``dd-mm-yyyy`` or chosen in a calendar; may be empty unless required."""

    def __init__(self, parent: QWidget | None = None, *, required: bool = False) -> None:
        super().__init__(parent)
        self.required = required
        self.line_edit = _DateLineEdit()
        self.line_edit.setMaxLength(20)
        # The calendar and its pop-up are built when first opened: a checklist has a deadline
        # field per item, and building 37 calendars was most of the time it took to open.
        self._calendar: QCalendarWidget | None = None
        self._popup: QMenu | None = None
        self.calendar_button = QToolButton()
        self.calendar_button.setText("▾")
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line_edit, 1)
        layout.addWidget(self.calendar_button)
        self.setFocusProxy(self.line_edit)
        # The text box's own signals, not re-emitted ones: emitting from Python on every key
        # is slower, and these say exactly "the user typed" and "the text changed".
        self.edited = self.line_edit.textEdited
        """The user changed the text or picked a date (passes the text)."""
        self.dateChanged = self.line_edit.textChanged
        """The value may have changed, by the user or by ``set_value`` (passes the text)."""

        self.line_edit.editingFinished.connect(self._on_line_edit_editing_finished)
        self.calendar_button.clicked.connect(self.open_calendar)
        self.retranslate_ui()

    @property
    def calendar(self) -> QCalendarWidget:
        """Return the calendar of the pop-up (built on first use)."""
        if self._calendar is None:
            self._calendar = QCalendarWidget()
            self._calendar.setGridVisible(True)
            self._popup = QMenu(self)
            action = QWidgetAction(self._popup)
            action.setDefaultWidget(self._calendar)
            self._popup.addAction(action)
            self._calendar.clicked.connect(self._on_calendar_clicked)
            self._calendar.activated.connect(self._on_calendar_clicked)
        return self._calendar

    @property
    def _menu(self) -> QMenu:
        """Return the pop-up that holds the calendar (built with it)."""
        self.calendar  # noqa: B018 - builds the pop-up
        assert self._popup is not None
        return self._popup

    def retranslate_ui(self) -> None:
        """Set the hint texts in the current language."""
        self.line_edit.setPlaceholderText(QCoreApplication.translate("DateField", "hh-bb-tttt"))
        self.calendar_button.setToolTip(QCoreApplication.translate("DateField", "Pilih tanggal"))

    def value(self) -> date | None:
        """Return the date typed or chosen; None when empty or unreadable (see ``problem``)."""
        try:
            return parse_date(self.line_edit.text())
        except UnreadableDate:
            return None

    def set_value(self, value: date | None) -> None:
        """Show ``value`` (None: empty)."""
        self.line_edit.setText(format_date_text(value))

    def is_empty(self) -> bool:
        """Return whether nothing is typed."""
        return not self.line_edit.text().strip()

    def problem(self) -> str | None:
        """Return what is wrong with the text as a message to show at the field, or None."""
        try:
            parsed = parse_date(self.line_edit.text())
        except UnreadableDate:
            return QCoreApplication.translate(
                "DateField", "Tanggal tidak terbaca. Tulis hari-bulan-tahun, misalnya {example}."
            ).format(example=format_date_text(date.today()))
        if parsed is None and self.required:
            return QCoreApplication.translate("DateField", "Isi tanggal atau pilih di kalender.")
        return None

    @Slot()
    def open_calendar(self) -> None:
        """Show the calendar under the field, at the date shown or else at today."""
        chosen = self.value() or date.today()
        self.calendar.setSelectedDate(QDate(chosen.year, chosen.month, chosen.day))
        self._menu.popup(self.mapToGlobal(self.rect().bottomLeft()))

    def _on_calendar_clicked(self, chosen: QDate) -> None:
        self._menu.hide()
        text = format_date_text(date(chosen.year(), chosen.month(), chosen.day()))
        self.line_edit.setText(text)
        self.line_edit.textEdited.emit(text)  # a pick is an edit by the user, like typing

    def _on_line_edit_editing_finished(self) -> None:
        # A readable date is shown back in the one form, so the user sees what was understood.
        try:
            parsed = parse_date(self.line_edit.text())
        except UnreadableDate:
            return
        text = format_date_text(parsed)
        if text != self.line_edit.text():
            self.line_edit.setText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self.open_calendar()
            return
        super().keyPressEvent(event)
