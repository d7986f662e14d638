"""The programme editor: what the supervisor sets for a programme (read-only for officers)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ikmdesk.db import Database
from ikmdesk.services.enterprise import EnterpriseFilter, list_enterprises
from ikmdesk.services.listing import MAX_LIMIT
from ikmdesk.services.programme.partner import list_partners
from ikmdesk.services.programme.programme import ProgrammeDetail, ProgrammeInput, list_people
from ikmdesk.services.region import list_clusters, list_kecamatan
from ikmdesk.ui.translated_widget import TranslatedWidget
from ikmdesk.ui.translations import current_language

ID_ROLE = Qt.ItemDataRole.UserRole


class ProgrammeForm(TranslatedWidget):
    """Edits one programme's fields, officers, partners and enrolled IKMs."""

    save_requested = Signal()
    partner_report_requested = Signal(str)
    """The user asked for the report of work done with the partner with this id."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self.programme_id: str | None = None
        self.name_edit = QLineEdit()
        self.cluster_combo = QComboBox()
        self.kecamatan_combo = QComboBox()
        self.sentra_edit = QLineEdit()
        self.start_edit = QDateEdit(calendarPopup=True)
        self.end_edit = QDateEdit(calendarPopup=True)
        self.interval_spin = QSpinBox(minimum=1, maximum=90, value=7)
        self.hours_spin = QDoubleSpinBox(minimum=0, maximum=12, value=2, singleStep=0.5)
        self.goal_edit = QPlainTextEdit()
        self.goal_edit.setMaximumHeight(60)
        self.officer_list = QListWidget()
        self.partner_list = QListWidget()
        self.enterprise_list = QListWidget()
        self.save_button = QPushButton()
        self.partner_report_button = QPushButton()
        self.partner_report_button.setEnabled(False)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)  # a long line must not widen the whole window
        for date_edit in (self.start_edit, self.end_edit):
            date_edit.setDisplayFormat("dd-MM-yyyy")

        self._form = QFormLayout()
        # A long label puts its field on the next line instead of widening the page.
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._labels = [QLabel() for _ in range(8)]
        for label, widget in zip(
            self._labels,
            (
                self.name_edit,
                self.cluster_combo,
                self.kecamatan_combo,
                self.sentra_edit,
                self.start_edit,
                self.end_edit,
                self.interval_spin,
                self.hours_spin,
            ),
            strict=True,
        ):
            self._form.addRow(label, widget)
        self._goal_label = QLabel()
        self._form.addRow(self._goal_label, self.goal_edit)
        self.officer_box = QGroupBox()
        self.partner_box = QGroupBox()
        self.enterprise_box = QGroupBox()
        for box, widget in (
            (self.officer_box, self.officer_list),
            (self.partner_box, self.partner_list),
            (self.enterprise_box, self.enterprise_list),
        ):
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(widget)
            if box is self.partner_box:
                box_layout.addWidget(self.partner_report_button)
        grid = QGridLayout(self)
        grid.addLayout(self._form, 0, 0, 2, 1)
        grid.addWidget(self.officer_box, 0, 1)
        grid.addWidget(self.partner_box, 1, 1)
        grid.addWidget(self.enterprise_box, 0, 2, 2, 1)
        grid.addWidget(self.status_label, 2, 0, 1, 2)
        grid.addWidget(self.save_button, 2, 2, alignment=Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)

        self.retranslate_ui()
        self._fill_choices()
        self.cluster_combo.currentIndexChanged.connect(self._fill_enterprises)
        self.save_button.clicked.connect(self.save_requested)
        self.partner_list.currentItemChanged.connect(self._on_partner_list_current_changed)
        self.partner_report_button.clicked.connect(self._on_partner_report_button_clicked)

    def retranslate_ui(self) -> None:
        """Set every text in the current interface language."""
        texts = (
            self.tr("Nama program"),
            self.tr("Klaster"),
            self.tr("Kecamatan"),
            self.tr("Sentra / desa"),
            self.tr("Mulai"),
            self.tr("Selesai"),
            self.tr("Kunjungan setiap (hari)"),
            self.tr("Jam minimum per kunjungan"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self._goal_label.setText(self.tr("Tujuan"))
        self.officer_box.setTitle(self.tr("Petugas pendamping"))
        self.partner_box.setTitle(self.tr("Mitra"))
        self.enterprise_box.setTitle(self.tr("IKM peserta"))
        self.save_button.setText(self.tr("Simpan program"))
        self.partner_report_button.setText(self.tr("Laporan mitra…"))
        self.partner_report_button.setToolTip(
            self.tr("Program dan kunjungan bersama mitra yang dipilih, sebagai PDF")
        )
        self.sentra_edit.setPlaceholderText(self.tr("mis. Desa Karangan Hilir"))

    def _fill_choices(self) -> None:
        lang = current_language()
        with self._database.unit_of_work() as session:
            clusters = list_clusters(session)
            kecamatan = list_kecamatan(session)
            people = list_people(session)
            partners = list_partners(session)
        for cluster in clusters:
            self.cluster_combo.addItem(
                cluster.name_en if lang == "en" else cluster.name_id, cluster.id
            )
        for region in kecamatan:
            self.kecamatan_combo.addItem(region.name, region.id)
        self.officer_list.clear()
        for person in people:
            self._add_check(self.officer_list, person.name, person.id)
        self.partner_list.clear()
        for partner in partners:
            self._add_check(self.partner_list, partner.name, partner.id)
        self._fill_enterprises()

    def refresh_choices(self) -> None:
        """Reload officers, partners and IKMs (after a sync or a new partner), keeping ticks."""
        ticked = {
            lst: set(self._checked(lst))
            for lst in (self.officer_list, self.partner_list, self.enterprise_list)
        }
        cluster, kecamatan = self.cluster_combo.currentData(), self.kecamatan_combo.currentData()
        self.cluster_combo.blockSignals(True)
        self.cluster_combo.clear()
        self.kecamatan_combo.clear()
        self._fill_choices()
        self._select(self.cluster_combo, cluster)
        self._select(self.kecamatan_combo, kecamatan)
        self.cluster_combo.blockSignals(False)
        self._fill_enterprises()
        for lst, ids in ticked.items():
            self._tick(lst, ids)

    def _fill_enterprises(self) -> None:
        ticked = set(self._checked(self.enterprise_list))
        cluster_id = self.cluster_combo.currentData()
        with self._database.unit_of_work() as session:
            rows = list_enterprises(session, EnterpriseFilter(cluster=cluster_id), limit=MAX_LIMIT)
        self.enterprise_list.clear()
        for row in rows:
            self._add_check(self.enterprise_list, f"{row.name} — {row.kecamatan}", row.id)
        self._tick(self.enterprise_list, ticked)

    def load(self, detail: ProgrammeDetail | None, *, editable: bool) -> None:
        """Show ``detail`` (None: an empty new programme) and allow edits only if ``editable``."""
        self.programme_id = None if detail is None else detail.id
        if detail is None:
            start = date.today()
            self.name_edit.clear()
            self.sentra_edit.clear()
            self.goal_edit.clear()
            self.start_edit.setDate(QDate(start.year, start.month, start.day))
            end = start + timedelta(days=120)
            self.end_edit.setDate(QDate(end.year, end.month, end.day))
            self.interval_spin.setValue(7)
            self.hours_spin.setValue(2)
            ids: dict[QListWidget, set[str]] = {lst: set() for lst in self._lists()}
        else:
            self.name_edit.setText(detail.name)
            self._select(self.cluster_combo, detail.cluster_id)
            self._select(self.kecamatan_combo, detail.kecamatan_id)
            self.sentra_edit.setText(detail.sentra or "")
            self.goal_edit.setPlainText(detail.goal or "")
            for edit, value in (
                (self.start_edit, detail.starts_on),
                (self.end_edit, detail.ends_on),
            ):
                edit.setDate(QDate(value.year, value.month, value.day))
            self.interval_spin.setValue(detail.visit_interval_days)
            self.hours_spin.setValue(detail.min_hours_per_visit)
            ids = {
                self.officer_list: set(detail.officer_ids),
                self.partner_list: set(detail.partner_ids),
                self.enterprise_list: set(detail.enterprise_ids),
            }
        for lst, wanted in ids.items():
            self._tick(lst, wanted)
        self.set_editable(editable)

    def set_editable(self, editable: bool) -> None:
        """Allow or forbid edits; officers see the supervisor's programme as it is."""
        for widget in (self.name_edit, self.sentra_edit):
            widget.setReadOnly(not editable)
        self.goal_edit.setReadOnly(not editable)
        for widget in (
            self.cluster_combo,
            self.kecamatan_combo,
            self.start_edit,
            self.end_edit,
            self.interval_spin,
            self.hours_spin,
        ):
            widget.setEnabled(editable)
        for lst in self._lists():
            for row in range(lst.count()):
                item = lst.item(row)
                flags = item.flags()
                if editable:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                else:
                    flags &= ~Qt.ItemFlag.ItemIsUserCheckable
                item.setFlags(flags)
        self.save_button.setVisible(editable)
        self.status_label.setText(
            ""
            if editable
            else self.tr(
                "Program dibuat dan diubah oleh atasan; sampai ke sini lewat sinkronisasi."
            )
        )

    def current_input(self) -> ProgrammeInput:
        """Return the programme the form describes."""
        return ProgrammeInput(
            name=self.name_edit.text(),
            cluster_id=self.cluster_combo.currentData(),
            kecamatan_id=self.kecamatan_combo.currentData(),
            sentra=self.sentra_edit.text(),
            starts_on=self.start_edit.date().toPython(),
            ends_on=self.end_edit.date().toPython(),
            visit_interval_days=self.interval_spin.value(),
            min_hours_per_visit=self.hours_spin.value(),
            officer_ids=tuple(self._checked(self.officer_list)),
            partner_ids=tuple(self._checked(self.partner_list)),
            enterprise_ids=tuple(self._checked(self.enterprise_list)),
            goal=self.goal_edit.toPlainText(),
        )

    def _on_partner_list_current_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        self.partner_report_button.setEnabled(current is not None)

    def _on_partner_report_button_clicked(self) -> None:
        item = self.partner_list.currentItem()
        if item is not None:
            self.partner_report_requested.emit(item.data(ID_ROLE))

    def _lists(self) -> tuple[QListWidget, ...]:
        return (self.officer_list, self.partner_list, self.enterprise_list)

    @staticmethod
    def _add_check(lst: QListWidget, text: str, record_id: str) -> None:
        item = QListWidgetItem(text)
        item.setData(ID_ROLE, record_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        lst.addItem(item)

    @staticmethod
    def _checked(lst: QListWidget) -> list[str]:
        return [
            lst.item(row).data(ID_ROLE)
            for row in range(lst.count())
            if lst.item(row).checkState() == Qt.CheckState.Checked
        ]

    @staticmethod
    def _tick(lst: QListWidget, ids: set[str]) -> None:
        for row in range(lst.count()):
            item = lst.item(row)
            checked = item.data(ID_ROLE) in ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    @staticmethod
    def _select(combo: QComboBox, value: str | None) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)
