"""Desa per kecamatan: list them, add one, rename one (the "Desa" tab of Data kantor).

The kecamatan are the 18 seeded ones, in alphabetical order; picking one lists its desa, also
alphabetical, with how many IKMs name each. Any device may add a desa (it syncs to the
supervisor, who passes it on to every officer). Renaming follows the sync authority of
regions (``services.region.rename_desa``): the supervisor renames any desa, an officer only
the desa added on this laptop; the others are shown locked, with the reason. Errors (empty
name, a name already used in that kecamatan) show under the field, never in a box.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ikmdesk.db import Database
from ikmdesk.models.enums import DeviceRole
from ikmdesk.services.device import this_device
from ikmdesk.services.region import (
    DesaEntry,
    RegionRow,
    add_desa,
    desa_counts,
    desa_entries,
    list_kecamatan,
    rename_desa,
)
from ikmdesk.ui import dialogs
from ikmdesk.ui.change_bus import SYNC, change_bus
from ikmdesk.ui.field_error import mark_field_error
from ikmdesk.ui.operations import run_operation
from ikmdesk.ui.validation_style import STYLE_SHEET, FieldRow

ID_ROLE = Qt.ItemDataRole.UserRole
LOCKED_COLOR = QColor("#757575")
REGION = "region"


class DesaWidget(QWidget):
    """Kecamatan on the left, their desa on the right, with an add and a rename field."""

    desa_saved = Signal(str)
    """A desa was added or renamed (its id); the change bus has been told too."""

    COL_NAME, COL_IKM = range(2)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.entries: list[DesaEntry] = []
        self._supervisor = False
        self.setStyleSheet(STYLE_SHEET)

        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.kecamatan_list = QListWidget()
        self.kecamatan_list.setMaximumWidth(300)
        self.kecamatan_list.currentRowChanged.connect(self._on_kecamatan_changed)

        self.desa_table = QTableWidget(0, 2)
        self.desa_table.verticalHeader().hide()
        self.desa_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.desa_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.desa_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.desa_table.horizontalHeader()
        header.setSectionResizeMode(self.COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.COL_IKM, QHeaderView.ResizeMode.ResizeToContents)
        self.desa_table.itemSelectionChanged.connect(self._on_desa_selected)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)

        self.new_name_edit = QLineEdit()
        self.new_name_edit.setMaxLength(200)
        self.new_name_edit.returnPressed.connect(self.add)
        self.new_name_row = FieldRow(self.new_name_edit)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add)
        self.rename_edit = QLineEdit()
        self.rename_edit.setMaxLength(200)
        self.rename_edit.returnPressed.connect(self.rename)
        self.rename_row = FieldRow(self.rename_edit)
        self.rename_button = QPushButton()
        self.rename_button.clicked.connect(self.rename)
        self.lock_label = QLabel()
        self.lock_label.setWordWrap(True)
        self.saved_label = QLabel()
        self.saved_label.setStyleSheet("color: #2e7d32;")

        self.add_form_label = QLabel()
        self.rename_form_label = QLabel()
        add_line = QHBoxLayout()
        add_line.addWidget(self.new_name_row, 1)
        add_line.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        rename_line = QHBoxLayout()
        rename_line.addWidget(self.rename_row, 1)
        rename_line.addWidget(self.rename_button, 0, Qt.AlignmentFlag.AlignTop)
        form = QFormLayout()
        form.addRow(self.add_form_label, add_line)
        form.addRow(self.rename_form_label, rename_line)
        form.addRow("", self.lock_label)

        self.desa_box = QGroupBox()
        right = QVBoxLayout(self.desa_box)
        right.addWidget(self.desa_table, 1)
        right.addWidget(self.empty_label)
        right.addLayout(form)
        right.addWidget(self.saved_label)
        self.kecamatan_box = QGroupBox()
        QVBoxLayout(self.kecamatan_box).addWidget(self.kecamatan_list)
        body = QHBoxLayout()
        body.addWidget(self.kecamatan_box)
        body.addWidget(self.desa_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note_label)
        layout.addLayout(body, 1)

        self.retranslate_ui()
        self.reload()
        change_bus().data_changed.connect(self._on_change_bus_data_changed)

    @Slot(object)
    def _on_change_bus_data_changed(self, entities: frozenset[str]) -> None:
        if SYNC in entities:  # desa from other devices arrived; own writes refresh themselves
            self.reload()

    def retranslate_ui(self) -> None:
        """Set every fixed text in the current language."""
        self.kecamatan_box.setTitle(self.tr("Kecamatan"))
        self.desa_table.setHorizontalHeaderLabels([self.tr("Desa"), self.tr("IKM")])
        self.add_form_label.setText(self.tr("Desa baru:"))
        self.rename_form_label.setText(self.tr("Ubah nama:"))
        self.new_name_edit.setPlaceholderText(self.tr("Ketik nama desa, lalu Enter"))
        self.add_button.setText(self.tr("Tambah desa"))
        self.rename_button.setText(self.tr("Simpan nama"))
        self._show_note()
        self._show_selected_kecamatan_title()

    def _show_note(self) -> None:
        if self._supervisor:
            text = self.tr(
                "Desa yang ditambahkan atau diubah di sini ikut dalam berkas sinkronisasi "
                "berikutnya untuk para petugas."
            )
        else:
            text = self.tr(
                "Desa yang Anda tambahkan ikut dalam berkas sinkronisasi berikutnya ke kepala "
                "seksi, yang meneruskannya ke petugas lain. Anda dapat mengubah nama desa yang "
                "ditambahkan di laptop ini; desa lain hanya diubah oleh kepala seksi."
            )
        self.note_label.setText(text)

    def reload(self) -> None:
        """Read the kecamatan and their desa counts again, keeping the kecamatan picked."""
        current = self.current_kecamatan_id()
        with self.database.unit_of_work() as session:
            self._supervisor = this_device(session).role == DeviceRole.SUPERVISOR
            kecamatan = list_kecamatan(session)
            counts = desa_counts(session)
        self._show_note()
        self.kecamatan_list.blockSignals(True)
        self.kecamatan_list.clear()
        for region in kecamatan:
            item = QListWidgetItem(self._kecamatan_text(region, counts.get(region.id, 0)))
            item.setData(ID_ROLE, region.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, region.name)
            self.kecamatan_list.addItem(item)
        self.kecamatan_list.blockSignals(False)
        ids = [r.id for r in kecamatan]
        self.kecamatan_list.setCurrentRow(ids.index(current) if current in ids else 0)
        self._on_kecamatan_changed(self.kecamatan_list.currentRow())

    def _kecamatan_text(self, region: RegionRow, count: int) -> str:
        return self.tr("{name} (%n desa)", "", count).format(name=region.name)

    def current_kecamatan_id(self) -> str | None:
        """Return the id of the kecamatan picked on the left."""
        item = self.kecamatan_list.currentItem()
        return None if item is None else item.data(ID_ROLE)

    def select_kecamatan(self, name: str) -> None:
        """Pick the kecamatan called ``name`` (as a user clicking it would)."""
        for row in range(self.kecamatan_list.count()):
            if self.kecamatan_list.item(row).data(Qt.ItemDataRole.UserRole + 1) == name:
                self.kecamatan_list.setCurrentRow(row)
                return
        raise KeyError(name)

    def desa_names(self) -> list[str]:
        """Return the desa names listed, top to bottom."""
        return [e.name for e in self.entries]

    def selected_desa(self) -> DesaEntry | None:
        """Return the desa selected in the list, if any."""
        rows = self.desa_table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.entries):
            return None
        return self.entries[rows[0].row()]

    @Slot(int)
    def _on_kecamatan_changed(self, _row: int) -> None:
        self.new_name_row.clear()
        self._show_selected_kecamatan_title()
        self._load_desa()

    def _show_selected_kecamatan_title(self) -> None:
        item = self.kecamatan_list.currentItem()
        name = "" if item is None else item.data(Qt.ItemDataRole.UserRole + 1)
        self.desa_box.setTitle(self.tr("Desa di kecamatan {name}").format(name=name))

    def _load_desa(self, select_id: str | None = None) -> None:
        kecamatan_id = self.current_kecamatan_id()
        if kecamatan_id is None:
            self.entries = []
        else:
            with self.database.unit_of_work() as session:
                self.entries = desa_entries(session, kecamatan_id)
        table = self.desa_table
        table.blockSignals(True)
        table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            name = QTableWidgetItem(entry.name)
            count = QTableWidgetItem(str(entry.enterprises))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not entry.editable:
                name.setForeground(QBrush(LOCKED_COLOR))
                name.setToolTip(
                    self.tr("Ditambahkan di perangkat lain; hanya kepala seksi mengubahnya.")
                )
            table.setItem(row, self.COL_NAME, name)
            table.setItem(row, self.COL_IKM, count)
        table.blockSignals(False)
        self.empty_label.setText(
            self.tr("Belum ada desa di kecamatan ini. Ketik nama desa di bawah lalu Enter.")
        )
        self.empty_label.setVisible(not self.entries)
        ids = [e.id for e in self.entries]
        if select_id in ids:
            table.selectRow(ids.index(select_id))
        else:
            table.clearSelection()
        self._on_desa_selected()

    @Slot()
    def _on_desa_selected(self) -> None:
        entry = self.selected_desa()
        self.rename_row.clear()
        self.rename_edit.setText("" if entry is None else entry.name)
        allowed = entry is not None and entry.editable
        self.rename_edit.setEnabled(allowed)
        self.rename_button.setEnabled(allowed)
        if entry is None:
            self.lock_label.setText(self.tr("Pilih desa di daftar untuk mengubah namanya."))
        elif not entry.editable:
            self.lock_label.setText(
                self.tr(
                    "Desa {name} ditambahkan di perangkat lain: hanya kepala seksi yang dapat "
                    "mengubah namanya."
                ).format(name=entry.name)
            )
        else:
            self.lock_label.setText("")

    @Slot()
    def add(self) -> None:
        """Add the desa typed under the list to the picked kecamatan (on the writer thread)."""
        kecamatan_id = self.current_kecamatan_id()
        if kecamatan_id is None:
            return
        name = self.new_name_edit.text()

        def work(session: Session) -> str:
            return add_desa(session, kecamatan_id=kecamatan_id, name=name)

        self._write(work, self.new_name_row, clear=self.new_name_edit)

    @Slot()
    def rename(self) -> None:
        """Give the selected desa the name typed in the rename field."""
        entry = self.selected_desa()
        if entry is None or not entry.editable:
            return
        name = self.rename_edit.text()

        def work(session: Session) -> str:
            rename_desa(session, entry.id, name)
            return entry.id

        self._write(work, self.rename_row)

    def _write(
        self, work: Callable[[Session], str], row: FieldRow, *, clear: QLineEdit | None = None
    ) -> None:
        row.clear()
        self.saved_label.clear()

        def succeeded(desa_id: str) -> None:
            if clear is not None:
                clear.clear()
            self._refresh_counts()
            self._load_desa(select_id=desa_id)
            self.saved_label.setText(self.tr("✓ Tersimpan"))
            self.desa_saved.emit(desa_id)

        def failed(error: Exception) -> None:
            if not mark_field_error({"name": row}, error):
                dialogs.show_error(self, error)

        run_operation(
            work,
            database=self.database,
            changes=(REGION,),
            on_success=succeeded,
            on_failure=failed,
            parent=self,
        )

    def _refresh_counts(self) -> None:
        with self.database.unit_of_work() as session:
            counts = desa_counts(session)
            kecamatan = {r.id: r for r in list_kecamatan(session)}
        for row in range(self.kecamatan_list.count()):
            item = self.kecamatan_list.item(row)
            region = kecamatan.get(item.data(ID_ROLE))
            if region is not None:
                item.setText(self._kecamatan_text(region, counts.get(region.id, 0)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
