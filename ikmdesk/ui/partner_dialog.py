"""Asks the supervisor for a new partner institution's name, kind and contact."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from ikmdesk.services.programme.partner import KIND_LABELS, PartnerInput
from ikmdesk.ui.translations import current_language


class PartnerDialog(QDialog):
    """Collects a PartnerInput; ``value()`` returns it after the dialog is accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mitra baru"))
        self.name_edit = QLineEdit()
        self.kind_combo = QComboBox()
        lang = current_language()
        for kind, (label_id, label_en) in KIND_LABELS.items():
            self.kind_combo.addItem(label_en if lang == "en" else label_id, str(kind))
        self.contact_edit = QLineEdit()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Nama lembaga"), self.name_edit)
        form.addRow(self.tr("Jenis"), self.kind_combo)
        form.addRow(self.tr("Narahubung"), self.contact_edit)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def value(self) -> PartnerInput:
        """Return what was typed."""
        return PartnerInput(
            name=self.name_edit.text(),
            kind=self.kind_combo.currentData(),
            contact_person=self.contact_edit.text(),
        )
