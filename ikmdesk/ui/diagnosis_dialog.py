"""Fills an IKM's diagnosis from the template; fields the records answer come prefilled."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ikmdesk.services.programme.diagnosis_template import DiagnosisField, DiagnosisForm
from ikmdesk.ui.translations import current_language

EMPTY = -1


def choice_text(value: str) -> str:
    """Return a choice code as readable words (codes are Indonesian, e.g. toko_oleh_oleh)."""
    return value.replace("LEVEL_", "Level ").replace("_", " ")


class DiagnosisDialog(QDialog):
    """One widget per template field; ``value()`` returns (answers, date) after accepting."""

    def __init__(
        self,
        form: DiagnosisForm,
        answers: dict[str, Any],
        *,
        diagnosed_on: date,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._form = form
        self._widgets: dict[str, QWidget] = {}
        lang = current_language()
        body = QWidget()
        body_layout = QVBoxLayout(body)
        self.date_edit = QDateEdit(calendarPopup=True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setDate(QDate(diagnosed_on.year, diagnosed_on.month, diagnosed_on.day))
        top = QFormLayout()
        top.addRow(self.tr("Tanggal diagnosis"), self.date_edit)
        body_layout.addLayout(top)
        for section in form.sections:
            box = QGroupBox(section.title(lang))
            layout = QFormLayout(box)
            for f in section.fields:
                widget = self._widget_for(f, answers.get(f.id))
                self._widgets[f.id] = widget
                label = f.label(lang)
                if f.prefill:
                    label = self.tr("%1 (dari data)").replace("%1", label)
                layout.addRow(label, widget)
            body_layout.addWidget(box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(620, 640)

    def widget(self, field_id: str) -> QWidget:
        """Return the widget of one field (tests fill them like a user)."""
        return self._widgets[field_id]

    def _widget_for(self, f: DiagnosisField, value: Any) -> QWidget:
        if f.type == "number":
            spin = QSpinBox(minimum=EMPTY, maximum=int(f.maximum or 100_000))
            spin.setSpecialValueText("–")
            spin.setValue(int(value) if isinstance(value, int | float) else EMPTY)
            return spin
        if f.type in ("yes_no", "choice"):
            combo = QComboBox()
            combo.addItem("–", None)
            if f.type == "yes_no":
                combo.addItem(self.tr("ya"), True)
                combo.addItem(self.tr("tidak"), False)
            else:
                for choice in f.choices:
                    combo.addItem(choice_text(choice), choice)
            index = combo.findData(value)
            combo.setCurrentIndex(index if value is not None and index >= 0 else 0)
            return combo
        if f.type == "multi":
            lst = QListWidget()
            chosen = set(value or [])
            for choice in f.choices:
                item = QListWidgetItem(choice_text(choice))
                item.setData(Qt.ItemDataRole.UserRole, choice)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = Qt.CheckState.Checked if choice in chosen else Qt.CheckState.Unchecked
                item.setCheckState(checked)
                lst.addItem(item)
            lst.setMaximumHeight(22 * len(f.choices) + 8)
            return lst
        edit = QLineEdit()
        edit.setText("" if value is None else str(value))
        return edit

    def value(self) -> tuple[dict[str, Any], date]:
        """Return the answers and the diagnosis date."""
        answers: dict[str, Any] = {}
        for field_id, widget in self._widgets.items():
            if isinstance(widget, QSpinBox):
                answers[field_id] = None if widget.value() == EMPTY else widget.value()
            elif isinstance(widget, QComboBox):
                answers[field_id] = widget.currentData()
            elif isinstance(widget, QListWidget):
                answers[field_id] = [
                    widget.item(row).data(Qt.ItemDataRole.UserRole)
                    for row in range(widget.count())
                    if widget.item(row).checkState() == Qt.CheckState.Checked
                ]
            elif isinstance(widget, QLineEdit):
                answers[field_id] = widget.text()
        return answers, self.date_edit.date().toPython()
