"""Picks a catalogue target (by theme) and its deadline for an IKM's plan."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from ikmdesk.services.programme.catalogue import target_def, targets, theme_def
from ikmdesk.ui.translations import current_language


class TargetDialog(QDialog):
    """Collects (target code, deadline); the deadline starts at the catalogue's suggestion."""

    def __init__(self, *, starts_on: date, ends_on: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tambah sasaran"))
        self._starts_on, self._ends_on = starts_on, ends_on
        lang = current_language()
        self.target_combo = QComboBox()
        for target in targets():
            theme = theme_def(target.theme)
            theme_title = theme.title(lang) if theme else target.theme
            self.target_combo.addItem(f"{theme_title}: {target.title(lang)}", target.id)
        self.indicator_label = QLabel(wordWrap=True)
        self.source_label = QLabel(wordWrap=True)
        self.due_edit = QDateEdit(calendarPopup=True)
        self.due_edit.setDisplayFormat("dd-MM-yyyy")
        self.due_edit.setDateRange(_qdate(starts_on), _qdate(ends_on))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Sasaran"), self.target_combo)
        form.addRow(self.tr("Indikator"), self.indicator_label)
        form.addRow(self.tr("Dasar"), self.source_label)
        form.addRow(self.tr("Tenggat"), self.due_edit)
        form.addRow(self.buttons)
        self.target_combo.currentIndexChanged.connect(self._on_target_combo_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._on_target_combo_changed(0)
        self.resize(560, self.sizeHint().height())

    def _on_target_combo_changed(self, _index: int) -> None:
        definition = target_def(self.target_combo.currentData())
        if definition is None:
            return
        self.indicator_label.setText(definition.indicator(current_language()))
        self.source_label.setText(definition.source)
        suggested = min(self._starts_on + timedelta(days=definition.days), self._ends_on)
        self.due_edit.setDate(_qdate(suggested))

    def value(self) -> tuple[str, date]:
        """Return the chosen target code and deadline."""
        return self.target_combo.currentData(), self.due_edit.date().toPython()


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)
