"""Records the logbook side of one of an IKM's open visits: topics, method, hours, partner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from ikmdesk.services.programme.catalogue import targets
from ikmdesk.services.programme.logbook import METHOD_LABELS, LogbookInput
from ikmdesk.ui.translations import current_language

ID_ROLE = Qt.ItemDataRole.UserRole


class LogbookDialog(QDialog):
    """Collects (visit id, LogbookInput) for a programme visit."""

    def __init__(
        self,
        *,
        programme_id: str,
        visits: list[tuple[str, str]],
        partners: list[tuple[str, str]],
        min_hours: float,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Logbook kunjungan program"))
        self._programme_id = programme_id
        lang = current_language()
        self.visit_combo = QComboBox()
        for visit_id, text in visits:
            self.visit_combo.addItem(text, visit_id)
        self.topic_list = QListWidget()
        for target in targets():
            item = QListWidgetItem(target.title(lang))
            item.setData(ID_ROLE, target.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.topic_list.addItem(item)
        self.method_combo = QComboBox()
        for method, (label_id, label_en) in METHOD_LABELS.items():
            self.method_combo.addItem(label_en if lang == "en" else label_id, str(method))
        self.hours_spin = QDoubleSpinBox(minimum=0, maximum=24, singleStep=0.5, value=min_hours)
        self.workers_spin = QSpinBox(minimum=0, maximum=500)
        self.partner_combo = QComboBox()
        self.partner_combo.addItem(self.tr("Tidak ada mitra hadir"), None)
        for partner_id, name in partners:
            self.partner_combo.addItem(name, partner_id)
        self.notes_edit = QLineEdit()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Kunjungan"), self.visit_combo)
        form.addRow(self.tr("Topik yang diajarkan"), self.topic_list)
        form.addRow(self.tr("Metode"), self.method_combo)
        form.addRow(self.tr("Lama (jam)"), self.hours_spin)
        form.addRow(self.tr("Pekerja yang didampingi"), self.workers_spin)
        form.addRow(self.tr("Mitra hadir"), self.partner_combo)
        form.addRow(self.tr("Catatan"), self.notes_edit)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def value(self) -> tuple[str, LogbookInput]:
        """Return the chosen visit and what was recorded about it."""
        topics = tuple(
            self.topic_list.item(row).data(ID_ROLE)
            for row in range(self.topic_list.count())
            if self.topic_list.item(row).checkState() == Qt.CheckState.Checked
        )
        return self.visit_combo.currentData(), LogbookInput(
            programme_id=self._programme_id,
            topics=topics,
            method=self.method_combo.currentData(),
            hours=self.hours_spin.value(),
            workers_reached=self.workers_spin.value(),
            partner_id=self.partner_combo.currentData(),
            notes=self.notes_edit.text(),
        )
