"""Data kantor: import the office's IKM registry, export spreadsheets, manage backups, desa.

Four tabs (the fourth, *Desa*, is ``ui.desa_widget``), each a thin front on a headless service:

- *Impor daftar IKM* (``services.registry_import``): pick a .xlsx/.csv and a sheet, check the
  proposed column mapping (one combo box per field), preview every row's plan with its
  reasons, then import on the writer thread behind a cancellable progress dialog; the
  database is backed up first.
- *Ekspor* (``services.office_export``): what, filters like the lists, file type by name.
- *Cadangan* (``services.backup``): the rotating backups, "Cadangkan sekarang", "Cadangkan ke
  flashdisk" and "Pulihkan". Restoring replaces the open database, which only the window
  that opened it can do: the page emits ``restore_requested(path)`` for the main window.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QMetaMethod,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ikmdesk.db import Database
from ikmdesk.errors import QT_TRANSLATE_NOOP
from ikmdesk.services import office_export
from ikmdesk.services.backup import (
    REASON_IMPORT,
    REASON_MANUAL,
    BackupInfo,
    backup_now,
    backup_to_folder,
    list_backups,
)
from ikmdesk.services.enterprise import EnterpriseFilter
from ikmdesk.services.follow_up import FollowUpFilter
from ikmdesk.services.region import list_clusters, list_kecamatan
from ikmdesk.services.registry_import import (
    ACTION_CREATE,
    ACTION_SKIP,
    ACTION_UPDATE,
    FIELD_LABELS,
    FIELDS,
    MAX_ROWS,
    ImportCancelled,
    ImportPreview,
    ImportResult,
    ImportTable,
    RowPlan,
    apply_import,
    load_mapping,
    preview_import,
    propose_mapping,
    read_table,
    save_mapping,
    sheet_names,
)
from ikmdesk.services.status_label import VISIT_STATUS_NAMES, visit_status_label
from ikmdesk.services.visit import VisitFilter
from ikmdesk.ui import dialogs
from ikmdesk.ui.change_bus import ENTERPRISE, PRODUCT, change_bus
from ikmdesk.ui.desa_widget import DesaWidget
from ikmdesk.ui.operations import Operation, OperationCancelled, Progress, run_operation
from ikmdesk.ui.operations import run_with_progress as _run_with_progress
from ikmdesk.ui.page_title import page_title_label
from ikmdesk.ui.row_list_model import RowListModel
from ikmdesk.ui.translations import current_language

IMPORT_CHANGES = (ENTERPRISE, PRODUCT, "region")
NOT_MAPPED = -1


_ACTION_TEXTS = {
    ACTION_CREATE: QT_TRANSLATE_NOOP("OfficeDataPage", "Buat baru"),
    ACTION_UPDATE: QT_TRANSLATE_NOOP("OfficeDataPage", "Perbarui"),
    ACTION_SKIP: QT_TRANSLATE_NOOP("OfficeDataPage", "Lewati"),
}
_REASON_TEXTS = {
    REASON_MANUAL: QT_TRANSLATE_NOOP("OfficeDataPage", "manual"),
    "exit": QT_TRANSLATE_NOOP("OfficeDataPage", "saat keluar"),
    REASON_IMPORT: QT_TRANSLATE_NOOP("OfficeDataPage", "sebelum impor"),
    "migration": QT_TRANSLATE_NOOP("OfficeDataPage", "sebelum pembaruan skema"),
    "pre-restore": QT_TRANSLATE_NOOP("OfficeDataPage", "sebelum pemulihan"),
    "damaged": QT_TRANSLATE_NOOP("OfficeDataPage", "berkas rusak"),
}


@dataclass(frozen=True, slots=True)
class ExportKind:
    """One thing the export tab can write: service function, filter kind, default file name."""

    key: str
    label: str
    export: Callable[..., office_export.ExportResult]
    filter_kind: str
    file_stem: str


EXPORT_KINDS: tuple[ExportKind, ...] = (
    ExportKind(
        "enterprises",
        QT_TRANSLATE_NOOP("OfficeDataPage", "Daftar IKM dan izin"),
        office_export.export_enterprises,
        "enterprise",
        "daftar-ikm",
    ),
    ExportKind(
        "siinas",
        QT_TRANSLATE_NOOP("OfficeDataPage", "Lembar SIINas/KBLI"),
        office_export.export_siinas,
        "enterprise",
        "siinas-ikm",
    ),
    ExportKind(
        "visits",
        QT_TRANSLATE_NOOP("OfficeDataPage", "Kunjungan"),
        office_export.export_visits,
        "visit",
        "kunjungan",
    ),
    ExportKind(
        "checks",
        QT_TRANSLATE_NOOP("OfficeDataPage", "Hasil pemeriksaan mutu"),
        office_export.export_checks,
        "visit",
        "hasil-mutu",
    ),
    ExportKind(
        "followups",
        QT_TRANSLATE_NOOP("OfficeDataPage", "Tindak lanjut"),
        office_export.export_follow_ups,
        "follow_up",
        "tindak-lanjut",
    ),
)


def run_with_progress(*args: Any, **kwargs: Any) -> Operation:
    """Start work behind the shared progress dialog (a seam tests may replace)."""
    return _run_with_progress(*args, **kwargs)


class ImportPreviewModel(RowListModel[RowPlan]):
    """Shows RowPlan values: sheet row, IKM name, action and its reasons."""

    COL_ROW, COL_NAME, COL_ACTION, COL_REASONS = range(4)
    _CONTEXT = "ImportPreviewModel"
    _HEADERS = (
        QT_TRANSLATE_NOOP("ImportPreviewModel", "Baris"),
        QT_TRANSLATE_NOOP("ImportPreviewModel", "Nama IKM"),
        QT_TRANSLATE_NOOP("ImportPreviewModel", "Tindakan"),
        QT_TRANSLATE_NOOP("ImportPreviewModel", "Alasan"),
    )
    _COLOURS: ClassVar[dict[str, str]] = {
        ACTION_CREATE: "#1b5e20",
        ACTION_UPDATE: "#0d47a1",
        ACTION_SKIP: "#b71c1c",
    }

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        plan = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_ACTION:
            return QBrush(QColor(self._COLOURS.get(plan.action, "#000000")))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_REASONS:
            return "\n".join(plan.reasons(QCoreApplication.translate))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.COL_ROW:
            return plan.row_number
        if column == self.COL_NAME:
            return plan.name
        if column == self.COL_ACTION:
            return QCoreApplication.translate("OfficeDataPage", _ACTION_TEXTS[plan.action])
        if column == self.COL_REASONS:
            return " · ".join(plan.reasons(QCoreApplication.translate))
        return None


class OfficeDataPage(QWidget):
    """Registry import wizard, spreadsheet exports and backups of this database."""

    table_read = Signal(int)
    preview_ready = Signal(int)
    import_finished = Signal(object)
    export_finished = Signal(object)
    backups_listed = Signal(int)
    restore_requested = Signal(str)
    """Asks the main window to close the database, restore it from this file and reopen it."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.source_path: Path | None = None
        self.table: ImportTable | None = None
        self.preview: ImportPreview | None = None
        self.tabs = QTabWidget()
        self.tabs.addTab(self._import_tab(), "")
        self.tabs.addTab(self._export_tab(), "")
        self.tabs.addTab(self._backup_tab(), "")
        self.desa_widget = DesaWidget(database)
        self.tabs.addTab(self.desa_widget, "")
        self.title_label = page_title_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.tabs)
        change_bus().data_changed.connect(self._on_change_bus_data_changed)
        self.retranslate_ui()
        self._update_import_buttons()
        self._load_filter_choices()
        self.refresh_backups()

    def _import_tab(self) -> QWidget:
        self.choose_file_button = QPushButton()
        self.choose_file_button.clicked.connect(self._on_choose_file_button_clicked)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.sheet_label = QLabel()
        self.sheet_combo = QComboBox()
        self.sheet_combo.setMinimumContentsLength(20)
        self.sheet_combo.activated.connect(self._on_sheet_combo_activated)
        self.mapping_table = QTableWidget(len(FIELDS), 2)
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_combos: dict[str, QComboBox] = {}
        for row, name in enumerate(FIELDS):
            self.mapping_table.setItem(row, 0, QTableWidgetItem())
            combo = QComboBox()
            combo.currentIndexChanged.connect(self._on_mapping_changed)
            self.mapping_combos[name] = combo
            self.mapping_table.setCellWidget(row, 1, combo)
        self.load_mapping_button = QPushButton()
        self.load_mapping_button.clicked.connect(self._on_load_mapping_button_clicked)
        self.save_mapping_button = QPushButton()
        self.save_mapping_button.clicked.connect(self._on_save_mapping_button_clicked)
        self.preview_button = QPushButton()
        self.preview_button.clicked.connect(self.make_preview)
        self.preview_model = ImportPreviewModel(self)
        self.preview_view = QTableView()
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.verticalHeader().hide()
        self.preview_view.horizontalHeader().setStretchLastSection(True)
        self.preview_summary = QLabel()
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self._on_import_button_clicked)

        file_row = QHBoxLayout()
        file_row.addWidget(self.choose_file_button)
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.sheet_label)
        file_row.addWidget(self.sheet_combo)
        mapping_buttons = QHBoxLayout()
        mapping_buttons.addWidget(self.load_mapping_button)
        mapping_buttons.addWidget(self.save_mapping_button)
        mapping_buttons.addStretch(1)
        mapping_buttons.addWidget(self.preview_button)
        left = QVBoxLayout()
        left.addWidget(self.mapping_table)
        left.addLayout(mapping_buttons)
        right = QVBoxLayout()
        right.addWidget(self.preview_view)
        bottom = QHBoxLayout()
        bottom.addWidget(self.preview_summary, 1)
        bottom.addWidget(self.import_button)
        right.addLayout(bottom)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(file_row)
        layout.addLayout(body)
        return tab

    def _export_tab(self) -> QWidget:
        self.export_kind_combo = QComboBox()
        for kind in EXPORT_KINDS:
            self.export_kind_combo.addItem("", kind.key)
        self.export_kind_combo.currentIndexChanged.connect(self._on_export_kind_changed)
        self.cluster_combo = QComboBox()
        self.kecamatan_combo = QComboBox()
        self.status_combo = QComboBox()
        self.text_edit = QLineEdit()
        self.text_edit.setClearButtonEnabled(True)
        self.dates_check = QCheckBox()
        today = date.today()
        self.date_from_edit = QDateEdit(QDate(today.year, 1, 1))
        self.date_to_edit = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.date_from_edit, self.date_to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setEnabled(False)
        self.dates_check.toggled.connect(self.date_from_edit.setEnabled)
        self.dates_check.toggled.connect(self.date_to_edit.setEnabled)
        self.personal_check = QCheckBox()
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.export_note = QLabel()
        self.export_note.setWordWrap(True)

        dates = QHBoxLayout()
        dates.addWidget(self.dates_check)
        dates.addWidget(self.date_from_edit)
        dates.addWidget(self.date_to_edit)
        dates.addStretch(1)
        self.export_form = QFormLayout()
        self.export_labels = [QLabel() for _ in range(7)]
        fields: list[QWidget | QHBoxLayout] = [
            self.export_kind_combo,
            self.cluster_combo,
            self.kecamatan_combo,
            self.status_combo,
            self.text_edit,
            dates,
            self.personal_check,
        ]
        for label, field in zip(self.export_labels, fields, strict=True):
            self.export_form.addRow(label, field)
        form_box = QWidget()
        form_box.setLayout(self.export_form)
        form_box.setMaximumWidth(720)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(form_box)
        layout.addWidget(self.export_note)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return tab

    def _backup_tab(self) -> QWidget:
        self.backup_table = QTableWidget(0, 3)
        self.backup_table.verticalHeader().hide()
        self.backup_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.backup_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backup_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backup_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.backup_table.itemSelectionChanged.connect(self._update_backup_buttons)
        self.backup_now_button = QPushButton()
        self.backup_now_button.clicked.connect(self._on_backup_now_button_clicked)
        self.backup_stick_button = QPushButton()
        self.backup_stick_button.clicked.connect(self._on_backup_stick_button_clicked)
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.restore_file_button = QPushButton()
        self.restore_file_button.clicked.connect(self._on_restore_file_button_clicked)
        self.backup_note = QLabel()
        self.backup_note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_now_button)
        buttons.addWidget(self.backup_stick_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_file_button)
        buttons.addWidget(self.restore_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.backup_note)
        layout.addWidget(self.backup_table)
        layout.addLayout(buttons)
        self.backups: list[BackupInfo] = []
        return tab

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.title_label.setText(self.tr("Data kantor"))
        self.tabs.setTabText(0, self.tr("Impor daftar IKM"))
        self.tabs.setTabText(1, self.tr("Ekspor"))
        self.tabs.setTabText(2, self.tr("Cadangan"))
        self.tabs.setTabText(3, self.tr("Desa"))
        self.choose_file_button.setText(self.tr("Pilih berkas…"))
        if self.source_path is None:
            self.file_label.setText(self.tr("Belum ada berkas (.xlsx atau .csv)."))
        self.sheet_label.setText(self.tr("Lembar:"))
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Data"), self.tr("Kolom di berkas")])
        for row, name in enumerate(FIELDS):
            item = self.mapping_table.item(row, 0)
            item.setText(QCoreApplication.translate("registry_import", FIELD_LABELS[name]))
        self._fill_mapping_choices()
        self.load_mapping_button.setText(self.tr("Muat pemetaan…"))
        self.save_mapping_button.setText(self.tr("Simpan pemetaan…"))
        self.preview_button.setText(self.tr("Pratinjau"))
        self.import_button.setText(self.tr("Impor"))
        self._show_preview_summary()
        for index, kind in enumerate(EXPORT_KINDS):
            self.export_kind_combo.setItemText(
                index, QCoreApplication.translate("OfficeDataPage", kind.label)
            )
        labels = (
            self.tr("Ekspor:"),
            self.tr("Klaster:"),
            self.tr("Kecamatan:"),
            self.tr("Status:"),
            self.tr("Cari teks:"),
            self.tr("Tanggal kunjungan:"),
            "",
        )
        for label, text in zip(self.export_labels, labels, strict=True):
            label.setText(text)
        self.dates_check.setText(self.tr("hanya rentang"))
        self.personal_check.setText(self.tr("Sertakan NIK (data pribadi)"))
        self.export_button.setText(self.tr("Ekspor ke berkas…"))
        self.export_note.setText(
            self.tr(
                "Berkas .xlsx dapat langsung dibuka di Excel. Berkas .csv memakai koma dan "
                "UTF-8; di Excel berbahasa Indonesia buka lewat Data > Dari Teks/CSV. NIK tidak "
                "ikut kecuali dicentang."
            )
        )
        self._fill_status_choices()
        self.backup_table.setHorizontalHeaderLabels(
            [self.tr("Waktu"), self.tr("Sebab"), self.tr("Ukuran")]
        )
        self.backup_now_button.setText(self.tr("Cadangkan sekarang"))
        self.backup_stick_button.setText(self.tr("Cadangkan ke flashdisk…"))
        self.restore_button.setText(self.tr("Pulihkan"))
        self.restore_file_button.setText(self.tr("Pulihkan dari berkas…"))
        self.backup_note.setText(
            self.tr(
                "Cadangan otomatis dibuat saat keluar dan sebelum impor; disimpan 10 terakhir "
                "ditambah satu per bulan. Memulihkan mengganti data sekarang (yang sekarang "
                "disimpan dulu sebagai cadangan)."
            )
        )
        self._show_backups()

    def show_section(self, section: str) -> None:
        """Bring a tab to the front: "import", "export", "backup" or "desa"."""
        tabs = {"import": 0, "export": 1, "backup": 2, "desa": 3}
        if section in tabs:
            self.tabs.setCurrentIndex(tabs[section])

    def read_file(self, path: Path, sheet: str | None = None) -> None:
        """Read ``path`` (a sheet of it) off the GUI thread and propose a column mapping."""
        self.source_path = Path(path)
        self.file_label.setText(str(path))
        self.preview = None
        self.preview_model.set_rows([])

        def work(progress: Progress) -> tuple[list[str], ImportTable]:
            def rows_read(count: int) -> None:
                progress.raise_if_cancelled()
                progress.report(count, MAX_ROWS, reading.format(count=count, limit=MAX_ROWS))

            names = [] if Path(path).suffix.lower() == ".csv" else sheet_names(Path(path))
            return names, read_table(Path(path), sheet=sheet, progress=rows_read)

        reading = self.tr("Membaca baris {count} (paling banyak {limit})…")
        run_with_progress(
            self,
            self.tr("Membaca daftar IKM"),
            work,
            on_success=self._on_table_read,
            on_failure=lambda error: dialogs.show_error(self, error),
        )

    def mapping(self) -> dict[str, int]:
        """Return the column mapping as the combo boxes show it."""
        chosen = {name: combo.currentData() for name, combo in self.mapping_combos.items()}
        return {name: int(col) for name, col in chosen.items() if col is not None and col >= 0}

    def set_mapping(self, mapping: dict[str, int]) -> None:
        """Show ``mapping`` in the combo boxes (columns beyond the table are left unmapped)."""
        for name, combo in self.mapping_combos.items():
            index = combo.findData(mapping.get(name, NOT_MAPPED))
            combo.setCurrentIndex(max(index, 0))

    def make_preview(self) -> None:
        """Plan the import of every row under the current mapping (off the GUI thread)."""
        table = self.table
        if table is None:
            return
        mapping = self.mapping()

        def work(session: Session) -> ImportPreview:
            return preview_import(session, table, mapping)

        run_operation(
            work,
            database=self.database,
            on_success=self._on_preview_made,
            on_failure=lambda error: dialogs.show_error(self, error),
            parent=self,
        )

    def refresh_backups(self) -> None:
        """List the rotating backups again."""
        path = self.database.path
        run_operation(
            lambda: list_backups(path),
            on_success=self._on_backups_listed,
            on_failure=lambda error: dialogs.show_error(self, error),
            parent=self,
        )

    def export_filter(self) -> Any:
        """Return the filter value for the chosen export, from the filter widgets."""
        kind = self._export_kind()
        common = {
            "text": self.text_edit.text(),
            "cluster": self.cluster_combo.currentData(),
            "kecamatan": self.kecamatan_combo.currentData(),
        }
        status = self.status_combo.currentData()
        dates: dict[str, date | None] = {"date_from": None, "date_to": None}
        if self.dates_check.isChecked():
            dates = {
                "date_from": self.date_from_edit.date().toPython(),
                "date_to": self.date_to_edit.date().toPython(),
            }
        if kind.filter_kind == "visit":
            return VisitFilter(**common, status=status, **dates)
        if kind.filter_kind == "follow_up":
            return FollowUpFilter(**common, state=status)
        return EnterpriseFilter(**common, status=status, **dates)

    def export_to(self, path: Path) -> Operation:
        """Write the chosen export to ``path`` behind a progress dialog."""
        kind = self._export_kind()
        flt = self.export_filter()
        options: dict[str, Any] = {}
        if kind.key == "enterprises" and self.personal_check.isChecked():
            options["include_personal"] = True

        def work(session: Session, progress: Progress) -> office_export.ExportResult:
            try:
                return kind.export(
                    session,
                    path,
                    flt,
                    progress=lambda done, total: progress.report(done, total),
                    should_stop=lambda: progress.cancelled,
                    **options,
                )
            except office_export.ExportCancelled:
                raise OperationCancelled from None

        return run_with_progress(
            self,
            self.tr("Mengekspor"),
            work,
            database=self.database,
            on_success=self._on_export_succeeded,
        )

    def _export_kind(self) -> ExportKind:
        return EXPORT_KINDS[max(self.export_kind_combo.currentIndex(), 0)]

    def _fill_mapping_choices(self) -> None:
        headers = self.table.headers if self.table is not None else ()
        for combo in self.mapping_combos.values():
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(tidak dipakai)"), NOT_MAPPED)
            for column, header in enumerate(headers):
                combo.addItem(
                    self.tr("Kolom {letter}: {header}").format(
                        letter=_column_letter(column), header=header or "–"
                    ),
                    column,
                )
            index = combo.findData(current if current is not None else NOT_MAPPED)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def _fill_status_choices(self) -> None:
        kind = self._export_kind()
        choices: dict[str, list[tuple[str | None, str]]] = {
            "enterprise": [
                (None, self.tr("Semua")),
                ("active", self.tr("Aktif")),
                ("inactive", self.tr("Tidak aktif")),
                ("closed", self.tr("Tutup")),
            ],
            "visit": [
                (None, self.tr("Semua")),
                *(
                    (status, visit_status_label(status, current_language()))
                    for status in VISIT_STATUS_NAMES
                ),
            ],
            "follow_up": [
                (None, self.tr("Semua")),
                ("open", self.tr("Belum selesai")),
                ("overdue", self.tr("Terlambat")),
                ("done", self.tr("Sudah selesai")),
            ],
        }
        self.status_combo.clear()
        for value, label in choices[kind.filter_kind]:
            self.status_combo.addItem(label, value)
        self.personal_check.setEnabled(kind.key == "enterprises")
        has_dates = kind.filter_kind != "follow_up"
        self.dates_check.setEnabled(has_dates)
        if not has_dates:
            self.dates_check.setChecked(False)

    def _load_filter_choices(self) -> None:
        def work(session: Session) -> tuple[list[Any], list[Any]]:
            return list_clusters(session), list_kecamatan(session)

        run_operation(
            work,
            database=self.database,
            on_success=self._on_filter_choices_loaded,
            on_failure=lambda error: dialogs.show_error(self, error),
            parent=self,
        )

    @Slot(object)
    def _on_filter_choices_loaded(self, result: tuple[list[Any], list[Any]]) -> None:
        clusters, kecamatan = result
        self.cluster_combo.clear()
        self.cluster_combo.addItem(self.tr("Semua klaster"), None)
        for cluster in clusters:
            self.cluster_combo.addItem(cluster.name_id, cluster.code)
        self.kecamatan_combo.clear()
        self.kecamatan_combo.addItem(self.tr("Semua kecamatan"), None)
        for row in kecamatan:
            self.kecamatan_combo.addItem(row.name, row.id)

    @Slot()
    def _on_choose_file_button_clicked(self) -> None:
        path = dialogs.open_file(
            self, self.tr("Pilih daftar IKM"), self.tr("Lembar kerja (*.xlsx *.csv)")
        )
        if path is not None:
            self.read_file(path)

    @Slot(int)
    def _on_sheet_combo_activated(self, index: int) -> None:
        if self.source_path is not None and index >= 0:
            self.read_file(self.source_path, self.sheet_combo.itemText(index))

    @Slot(object)
    def _on_table_read(self, result: tuple[list[str], ImportTable]) -> None:
        names, table = result
        self.table = table
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(names)
        if table.sheet is not None:
            self.sheet_combo.setCurrentText(table.sheet)
        self.sheet_combo.setEnabled(bool(names))
        self.sheet_combo.blockSignals(False)
        self._fill_mapping_choices()
        self.set_mapping(propose_mapping(table.headers))
        self.file_label.setText(
            self.tr(
                "{path}: judul kolom di baris {row}, %n baris data", "", len(table.rows)
            ).format(path=str(self.source_path), row=table.header_row)
        )
        self._update_import_buttons()
        self.table_read.emit(len(table.rows))

    @Slot()
    def _on_mapping_changed(self) -> None:
        if self.preview is not None:
            self.preview = None
            self.preview_model.set_rows([])
            self._show_preview_summary()
        self._update_import_buttons()

    @Slot(object)
    def _on_preview_made(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.preview_model.set_rows(list(preview.rows))
        self.preview_view.resizeColumnToContents(ImportPreviewModel.COL_ROW)
        self.preview_view.resizeColumnToContents(ImportPreviewModel.COL_ACTION)
        self._show_preview_summary()
        self._update_import_buttons()
        self.preview_ready.emit(len(preview.rows))

    def _show_preview_summary(self) -> None:
        preview = self.preview
        if preview is None:
            self.preview_summary.setText(self.tr("Periksa pemetaan kolom lalu tekan Pratinjau."))
            return
        self.preview_summary.setText(
            self.tr("{create} baru, {update} diperbarui, {skip} dilewati").format(
                create=preview.count(ACTION_CREATE),
                update=preview.count(ACTION_UPDATE),
                skip=preview.count(ACTION_SKIP),
            )
        )

    def _update_import_buttons(self) -> None:
        has_table = self.table is not None
        mapping = self.mapping()
        self.preview_button.setEnabled(has_table and "name" in mapping and "kecamatan" in mapping)
        self.save_mapping_button.setEnabled(has_table)
        self.load_mapping_button.setEnabled(has_table)
        writes = self.preview is not None and (
            self.preview.count(ACTION_CREATE) + self.preview.count(ACTION_UPDATE) > 0
        )
        self.import_button.setEnabled(writes)

    @Slot()
    def _on_load_mapping_button_clicked(self) -> None:
        path = dialogs.open_file(
            self, self.tr("Muat pemetaan kolom"), self.tr("Pemetaan kolom (*.json)")
        )
        if path is None:
            return
        try:
            self.set_mapping(load_mapping(path))
        except Exception as error:  # a UserError with its own message, shown as is
            dialogs.show_error(self, error)

    @Slot()
    def _on_save_mapping_button_clicked(self) -> None:
        path = dialogs.save_file(
            self,
            self.tr("Simpan pemetaan kolom"),
            "pemetaan-kolom.json",
            self.tr("Pemetaan kolom (*.json)"),
        )
        if path is None:
            return
        headers = self.table.headers if self.table is not None else ()
        try:
            save_mapping(self.mapping(), path, headers=headers)
        except Exception as error:  # a UserError with its own message, shown as is
            dialogs.show_error(self, error)

    @Slot()
    def _on_import_button_clicked(self) -> None:
        preview = self.preview
        if preview is None:
            return
        question = self.tr(
            "Impor {create} IKM baru dan perbarui {update} IKM? Basis data dicadangkan dulu."
        ).format(create=preview.count(ACTION_CREATE), update=preview.count(ACTION_UPDATE))
        if not dialogs.confirm(self, self.tr("Impor daftar IKM"), question):
            return
        database = self.database

        def work(progress: Progress) -> ImportResult:
            if database.is_file:  # a server database is backed up by the server (pg_dump)
                backup_now(database.path, reason=REASON_IMPORT)
            try:
                with database.unit_of_work() as session:
                    return apply_import(
                        session,
                        preview,
                        progress=lambda done, total: progress.report(done, total),
                        should_stop=lambda: progress.cancelled,
                    )
            except ImportCancelled:
                raise OperationCancelled from None

        run_with_progress(
            self,
            self.tr("Mengimpor daftar IKM"),
            work,
            changes=IMPORT_CHANGES,
            on_success=self._on_import_succeeded,
        )

    @Slot(object)
    def _on_import_succeeded(self, result: ImportResult) -> None:
        self.preview = None
        self.preview_model.set_rows([])
        self._show_preview_summary()
        self._update_import_buttons()
        self.refresh_backups()
        lines = [
            self.tr(
                "{created} IKM baru, {updated} diperbarui, {products} produk baru, "
                "{desa} desa baru."
            ).format(
                created=result.created,
                updated=result.updated,
                products=result.products_created,
                desa=result.desa_added,
            )
        ]
        for row, message in result.failed:
            lines.append(self.tr("Baris {row} gagal: {message}").format(row=row, message=message))
        self.import_finished.emit(result)
        dialogs.inform(self, self.tr("Impor selesai"), "\n".join(lines))

    @Slot(int)
    def _on_export_kind_changed(self, _index: int) -> None:
        self._fill_status_choices()

    @Slot()
    def _on_export_button_clicked(self) -> None:
        kind = self._export_kind()
        suggested = f"{kind.file_stem}-{date.today().isoformat()}.xlsx"
        path = dialogs.save_file(
            self,
            self.tr("Simpan ekspor"),
            suggested,
            self.tr("Buku kerja Excel (*.xlsx);;CSV UTF-8 (*.csv)"),
        )
        if path is None:
            return
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + ".xlsx")
        self.export_to(path)

    @Slot(object)
    def _on_export_succeeded(self, result: office_export.ExportResult) -> None:
        self.export_finished.emit(result)
        dialogs.inform(
            self,
            self.tr("Ekspor selesai"),
            self.tr("%n baris ditulis ke {path}", "", result.rows).format(path=str(result.path)),
        )

    @Slot(object)
    def _on_backups_listed(self, backups: list[BackupInfo]) -> None:
        self.backups = backups
        self._show_backups()
        self.backups_listed.emit(len(backups))

    def _show_backups(self) -> None:
        self.backup_table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            when = info.taken_at.astimezone().strftime("%d-%m-%Y %H:%M:%S")
            reason = _REASON_TEXTS.get(re.sub(r"-\d+$", "", info.reason))
            reason_text = (
                QCoreApplication.translate("OfficeDataPage", reason) if reason else info.reason
            )
            size = self.tr("{size} KB").format(size=max(1, info.size_bytes // 1024))
            for column, text in enumerate((when, reason_text, size)):
                self.backup_table.setItem(row, column, QTableWidgetItem(text))
        self._update_backup_buttons()

    def _update_backup_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.backup_table.selectedItems()))

    def selected_backup(self) -> BackupInfo | None:
        """Return the backup selected in the list."""
        rows = {index.row() for index in self.backup_table.selectedIndexes()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self.backups[row] if 0 <= row < len(self.backups) else None

    @Slot()
    def _on_backup_now_button_clicked(self) -> None:
        path = self.database.path
        run_operation(
            lambda: backup_now(path, reason=REASON_MANUAL),
            on_success=lambda _target: self.refresh_backups(),
            on_failure=lambda error: dialogs.show_error(self, error),
            parent=self,
        )

    @Slot()
    def _on_backup_stick_button_clicked(self) -> None:
        folder = dialogs.choose_folder(self, self.tr("Pilih flashdisk atau folder cadangan"))
        if folder is None:
            return
        path = self.database.path
        run_with_progress(
            self,
            self.tr("Mencadangkan ke flashdisk"),
            lambda progress: backup_to_folder(path, folder),
            on_success=lambda target: dialogs.inform(
                self,
                self.tr("Cadangan selesai"),
                self.tr("Cadangan tersimpan dan sudah diperiksa: {path}").format(path=str(target)),
            ),
        )

    @Slot()
    def _on_restore_button_clicked(self) -> None:
        info = self.selected_backup()
        if info is not None:
            self._ask_restore(info.path)

    @Slot()
    def _on_restore_file_button_clicked(self) -> None:
        path = dialogs.open_file(
            self, self.tr("Pilih berkas cadangan"), self.tr("Basis data IKMDesk (*.db)")
        )
        if path is not None:
            self._ask_restore(path)

    def _ask_restore(self, path: Path) -> None:
        """Hand the restore to the main window, which confirms, closes, restores and reopens."""
        signal = QMetaMethod.fromSignal(self.restore_requested)
        if self.isSignalConnected(signal):
            self.restore_requested.emit(str(path))
            return
        dialogs.inform(
            self,
            self.tr("Pulihkan cadangan"),
            self.tr(
                'Tutup IKMDesk, lalu jalankan:\nikmdesk restore --db "{db}" --from "{file}"'
            ).format(db=str(self.database.path), file=str(path)),
        )

    @Slot(object)
    def _on_change_bus_data_changed(self, entities: frozenset[str]) -> None:
        if entities & {"cluster", "sync"}:
            self._load_filter_choices()


def _column_letter(index: int) -> str:
    """Return the spreadsheet letter of a 0-based column (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
