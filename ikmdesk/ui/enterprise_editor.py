"""The IKM editor: profile form with inline validation, products, visit history, quality trend.

Saving runs on the writer thread; a ``ValidationError`` from the service marks the field it
names (red border, message under it) and nothing is stored. Leaving with unsaved changes asks
first (``dialogs.confirm``).
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ikmdesk.db import Database
from ikmdesk.models.enums import BusinessScale, EnterpriseStatus, HalalRoute, HalalStatus
from ikmdesk.services.enterprise import (
    EnterpriseDetail,
    EnterpriseInput,
    create_enterprise,
    delete_enterprise,
    enterprise_input,
    get_enterprise,
    update_enterprise,
)
from ikmdesk.services.quality_check import TrendPoint, quality_trend
from ikmdesk.services.region import list_clusters, list_desa, list_kecamatan
from ikmdesk.services.visit import VisitFilter, VisitRow, list_visits
from ikmdesk.ui import dialogs
from ikmdesk.ui.change_bus import ENTERPRISE
from ikmdesk.ui.date_field import DateField
from ikmdesk.ui.editor_keys import escape_closes, saved_label, saved_text
from ikmdesk.ui.enterprise_model import ENTERPRISE_STATUS_LABELS
from ikmdesk.ui.field_error import mark_field_error
from ikmdesk.ui.operations import run_operation
from ikmdesk.ui.paged_table_model import format_date
from ikmdesk.ui.product_editor import ProductEditor
from ikmdesk.ui.translated_widget import TranslatedWidget
from ikmdesk.ui.translations import current_language
from ikmdesk.ui.unsaved_guard import leave_with_guard
from ikmdesk.ui.validation_style import (
    STYLE_SHEET,
    FieldRow,
    OptionalDateEdit,
    mark_problems,
    required_label,
    required_note,
)
from ikmdesk.ui.visit_model import VISIT_PURPOSE_LABELS, visit_status_text

REPORT_MODULE = "ikmdesk.ui.report_page"
REQUIRED_FIELDS = frozenset({"name", "kecamatan_id", "cluster_id"})
HISTORY_LIMIT = 200


def report_preview_available() -> bool:
    """Return whether this build has the report preview (its module may not exist yet)."""
    return importlib.util.find_spec(REPORT_MODULE) is not None


def open_report_preview(parent: QWidget, database: Database, kind: str, record_id: str) -> None:
    """Open the report preview of one record (``kind`` "visit" or "enterprise")."""
    opener = getattr(importlib.import_module(REPORT_MODULE), "open_report_preview", None)
    if opener is not None:
        opener(parent, database, kind, record_id)


class EnterpriseEditor(TranslatedWidget):
    """Edits one IKM (or registers a new one) and shows its products, visits and trend."""

    saved = Signal(str)
    """The IKM with this id was saved."""
    deleted = Signal(str)
    """The IKM with this id was removed."""
    close_requested = Signal()
    """The user asked to go back to the list (unsaved changes were already dealt with)."""
    visit_requested = Signal(str)
    new_visit_requested = Signal(str)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._detail: EnterpriseDetail | None = None
        self._baseline: dict[str, Any] = {}
        self._saving = False
        self._then: Callable[[], object] | None = None
        self.setStyleSheet(STYLE_SHEET)

        self.title_label = QLabel()
        self.title_label.setObjectName("pageTitle")
        self.tabs = QTabWidget()
        self._build_fields()
        self.tabs.addTab(self._profile_tab(), "")
        self.product_editor = ProductEditor(database)
        self.tabs.addTab(self.product_editor, "")
        self.tabs.addTab(self._history_tab(), "")

        self.back_button = QPushButton()
        self.new_visit_button = QPushButton()
        self.print_button = QPushButton()
        self.print_button.setVisible(report_preview_available())
        self.delete_button = QPushButton()
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.new_visit_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.delete_button)
        self.saved_label = saved_label()
        buttons.addWidget(self.saved_label)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        self.kecamatan_combo.currentIndexChanged.connect(self._on_kecamatan_combo_changed)
        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.new_visit_button.clicked.connect(self._on_new_visit_button_clicked)
        self.product_editor.products_changed.connect(self._on_product_editor_products_changed)
        self.trend_product_combo.currentIndexChanged.connect(self._on_trend_product_changed)
        self.visit_table.cellDoubleClicked.connect(self._on_visit_table_double_clicked)
        # Enter in a one-line field saves the form; Esc goes back (asking about unsaved edits).
        for row in self.rows.values():
            if isinstance(row.editor, QLineEdit):
                row.editor.returnPressed.connect(self._on_save_button_clicked)
            elif isinstance(row.editor, DateField):
                row.editor.line_edit.returnPressed.connect(self._on_save_button_clicked)
        escape_closes(self, self._on_back_button_clicked)
        self.retranslate_ui()
        self._fill_choices()
        self.new_enterprise()

    def _build_fields(self) -> None:
        self.name_edit = QLineEdit()
        self.owner_edit = QLineEdit()
        self.nik_edit = QLineEdit()
        self.nik_edit.setMaxLength(20)
        self.phone_edit = QLineEdit()
        self.address_edit = QPlainTextEdit()
        self.address_edit.setMaximumHeight(60)
        self.kecamatan_combo = QComboBox()
        self.desa_combo = QComboBox()
        self.cluster_combo = QComboBox()
        self.status_combo = QComboBox()
        self.latitude_edit = QLineEdit()
        self.latitude_edit.setPlaceholderText("-0.5123")
        self.longitude_edit = QLineEdit()
        self.longitude_edit.setPlaceholderText("117.4567")
        self.scale_combo = QComboBox()
        self.nib_edit = QLineEdit()
        self.kbli_edit = QLineEdit()
        self.workers_spin = QSpinBox()
        self.workers_spin.setRange(-1, 100000)
        self.workers_spin.setSpecialValueText("—")
        self.capacity_edit = QLineEdit()
        self.halal_status_combo = QComboBox()
        self.halal_route_combo = QComboBox()
        self.halal_cert_edit = QLineEdit()
        self.halal_issued_edit = OptionalDateEdit()
        self.halal_expires_edit = OptionalDateEdit()
        self.pkp_cert_edit = QLineEdit()
        self.pkp_date_edit = OptionalDateEdit()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setMaximumHeight(60)
        self.rows: dict[str, FieldRow] = {
            name: FieldRow(widget, required=name in REQUIRED_FIELDS)
            for name, widget in (
                ("name", self.name_edit),
                ("owner_name", self.owner_edit),
                ("nik", self.nik_edit),
                ("phone", self.phone_edit),
                ("address", self.address_edit),
                ("kecamatan_id", self.kecamatan_combo),
                ("desa_id", self.desa_combo),
                ("cluster_id", self.cluster_combo),
                ("status", self.status_combo),
                ("latitude", self.latitude_edit),
                ("longitude", self.longitude_edit),
                ("scale", self.scale_combo),
                ("nib", self.nib_edit),
                ("kbli", self.kbli_edit),
                ("workers", self.workers_spin),
                ("production_capacity", self.capacity_edit),
                ("halal_status", self.halal_status_combo),
                ("halal_route", self.halal_route_combo),
                ("halal_cert_no", self.halal_cert_edit),
                ("halal_issued_on", self.halal_issued_edit),
                ("halal_expires_on", self.halal_expires_edit),
                ("pkp_cert_no", self.pkp_cert_edit),
                ("pkp_cert_date", self.pkp_date_edit),
                ("notes", self.notes_edit),
            )
        }
        self._labels = {name: QLabel() for name in self.rows}

    def _profile_tab(self) -> QWidget:
        left = QFormLayout()
        right = QFormLayout()
        left_fields = (
            "name",
            "owner_name",
            "nik",
            "phone",
            "address",
            "kecamatan_id",
            "desa_id",
            "cluster_id",
            "status",
            "latitude",
            "longitude",
        )
        for form in (left, right):
            form.setHorizontalSpacing(12)  # labels do not touch their fields
        for name in self.rows:
            (left if name in left_fields else right).addRow(self._labels[name], self.rows[name])
        grid = QGridLayout()
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(24)
        self.required_note_label = QLabel()
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.required_note_label)
        inner_layout.addLayout(grid)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    def _history_tab(self) -> QWidget:
        self.visit_label = QLabel()
        self.visit_table = QTableWidget(0, 4)
        self.visit_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.visit_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.visit_table.verticalHeader().hide()
        self.visit_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.trend_label = QLabel()
        self.trend_product_combo = QComboBox()
        self.trend_table = QTableWidget(0, 5)
        self.trend_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.trend_table.verticalHeader().hide()
        self.trend_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        trend_top = QHBoxLayout()
        trend_top.addWidget(self.trend_label)
        trend_top.addStretch(1)
        trend_top.addWidget(self.trend_product_combo)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.visit_label)
        layout.addWidget(self.visit_table, 1)
        layout.addLayout(trend_top)
        layout.addWidget(self.trend_table, 1)
        return tab

    def retranslate_ui(self) -> None:
        """Set every text in the current interface language."""
        labels = {
            "name": self.tr("Nama IKM"),
            "owner_name": self.tr("Nama pemilik"),
            "nik": self.tr("NIK pemilik"),
            "phone": self.tr("Telepon"),
            "address": self.tr("Alamat"),
            "kecamatan_id": self.tr("Kecamatan"),
            "desa_id": self.tr("Desa"),
            "cluster_id": self.tr("Klaster"),
            "status": self.tr("Status"),
            "latitude": self.tr("Lintang (GPS)"),
            "longitude": self.tr("Bujur (GPS)"),
            "scale": self.tr("Skala usaha"),
            "nib": self.tr("NIB"),
            "kbli": self.tr("KBLI"),
            "workers": self.tr("Jumlah pekerja"),
            "production_capacity": self.tr("Kapasitas produksi"),
            "halal_status": self.tr("Status halal"),
            "halal_route": self.tr("Jalur halal"),
            "halal_cert_no": self.tr("Nomor sertifikat halal"),
            "halal_issued_on": self.tr("Halal terbit"),
            "halal_expires_on": self.tr("Halal berlaku s.d."),
            "pkp_cert_no": self.tr("Nomor sertifikat PKP"),
            "pkp_cert_date": self.tr("Tanggal sertifikat PKP"),
            "notes": self.tr("Catatan"),
        }
        for name, text in labels.items():
            self._labels[name].setText(required_label(text) if self.rows[name].required else text)
        self.required_note_label.setText(required_note())
        self.tabs.setTabText(0, self.tr("Profil"))
        self.tabs.setTabText(1, self.tr("Produk dan P-IRT"))
        self.tabs.setTabText(2, self.tr("Riwayat kunjungan dan mutu"))
        self.back_button.setText(self.tr("Kembali ke daftar"))
        self.new_visit_button.setText(self.tr("Kunjungan baru"))
        self.print_button.setText(self.tr("Cetak laporan"))
        self.delete_button.setText(self.tr("Hapus IKM"))
        self.save_button.setText(self.tr("Simpan"))
        self.visit_label.setText(self.tr("Kunjungan (klik dua kali untuk membuka)"))
        self.visit_table.setHorizontalHeaderLabels(
            [self.tr("Tanggal"), self.tr("Tujuan"), self.tr("Status"), self.tr("Petugas")]
        )
        self.trend_label.setText(self.tr("Perkembangan mutu"))
        self.trend_table.setHorizontalHeaderLabels(
            [
                self.tr("Tanggal"),
                self.tr("Daftar periksa"),
                self.tr("Produk"),
                self.tr("Hasil"),
                self.tr("Skor"),
            ]
        )
        self._update_title()

    @property
    def enterprise_id(self) -> str | None:
        """Return the id of the IKM shown (None while a new one is not saved yet)."""
        return None if self._detail is None else self._detail.id

    def new_enterprise(self) -> None:
        """Show an empty form for registering an IKM."""
        self._detail = None
        self.saved_label.clear()
        self._show_input(None)
        self.product_editor.set_enterprise(None, [])
        self._show_history([], [])
        self.tabs.setCurrentIndex(0)
        self.name_edit.setFocus()

    def load(self, enterprise_id: str) -> None:
        """Show the IKM with ``enterprise_id`` (read now; NotFoundError if it is gone)."""
        with self._database.unit_of_work() as session:
            detail = get_enterprise(session, enterprise_id)
            visits, trend = self._history(session, enterprise_id, None)
        same = self._detail is not None and self._detail.id == detail.id
        self._detail = detail
        self._show_input(enterprise_input(detail))
        if not (same and self.product_editor.has_unsaved_changes()):
            # Saving the profile must not throw away a product form still being typed.
            self.product_editor.set_enterprise(detail.id, list(detail.products))
        self._fill_trend_products()
        self._show_history(visits, trend)

    def has_unsaved_changes(self) -> bool:
        """Return whether the profile or the product form holds edits not yet saved."""
        return self._form_state() != self._baseline or self.product_editor.has_unsaved_changes()

    def confirm_discard(self) -> bool:
        """Return True when nothing is unsaved or the user throws it away (Simpan: save, stay)."""
        left: list[bool] = []
        self._guard(save=lambda _after: self.save(), then=lambda: left.append(True))
        return bool(left)

    def leave_with_guard(self, then: Callable[[], object]) -> None:
        """Run ``then`` once unsaved edits are saved or thrown away (Simpan / Buang / Batal)."""
        self._guard(save=lambda after: self.save(then=after), then=then)

    def _guard(
        self, *, save: Callable[[Callable[[], object]], object], then: Callable[[], object]
    ) -> None:
        leave_with_guard(
            self,
            unsaved=self.has_unsaved_changes(),
            question=self.tr("Data IKM ini berubah dan belum disimpan. Simpan perubahan itu?"),
            save=save,
            discard=self.discard_changes,
            then=then,
        )

    def discard_changes(self) -> None:
        """Put the stored values back in the form (an empty form for a new IKM)."""
        if self._detail is None:
            self.new_enterprise()
            return
        self._show_input(enterprise_input(self._detail))
        self.product_editor.set_enterprise(self._detail.id, list(self._detail.products))

    def form_input(self) -> EnterpriseInput | None:
        """Return the form as service input; None (and the field marked) for unreadable GPS."""
        latitude = self._coordinate(self.latitude_edit, "latitude")
        longitude = self._coordinate(self.longitude_edit, "longitude")
        if latitude is False or longitude is False:
            return None
        workers = self.workers_spin.value()
        return EnterpriseInput(
            name=self.name_edit.text(),
            kecamatan_id=self.kecamatan_combo.currentData() or "",
            cluster_id=self.cluster_combo.currentData() or "",
            owner_name=self.owner_edit.text(),
            nik=self.nik_edit.text(),
            phone=self.phone_edit.text(),
            address=self.address_edit.toPlainText(),
            desa_id=self.desa_combo.currentData(),
            latitude=latitude,
            longitude=longitude,
            status=self.status_combo.currentData() or EnterpriseStatus.ACTIVE.value,
            scale=self.scale_combo.currentData(),
            nib=self.nib_edit.text(),
            kbli=self.kbli_edit.text(),
            workers=None if workers < 0 else workers,
            production_capacity=self.capacity_edit.text(),
            halal_status=self.halal_status_combo.currentData() or HalalStatus.NONE.value,
            halal_route=self.halal_route_combo.currentData(),
            halal_cert_no=self.halal_cert_edit.text(),
            halal_issued_on=self.halal_issued_edit.value(),
            halal_expires_on=self.halal_expires_edit.value(),
            pkp_cert_no=self.pkp_cert_edit.text(),
            pkp_cert_date=self.pkp_date_edit.value(),
            notes=self.notes_edit.toPlainText(),
        )

    def set_location(self, latitude: float, longitude: float) -> None:
        """Put a GPS position in the form (e.g. from a photo); saved with the next Save."""
        self.latitude_edit.setText(f"{latitude:.6f}")
        self.longitude_edit.setText(f"{longitude:.6f}")

    @Slot()
    def _on_save_button_clicked(self) -> None:
        self.save()

    def save(self, then: Callable[[], object] | None = None) -> None:
        """Validate and store the profile; marks the offending field on a ValidationError.

        ``then`` runs after a successful save (e.g. leaving the editor).
        """
        if self._saving:
            return
        self._then = then
        # Everything the form can tell by itself is marked at once, before the service is asked.
        problems = mark_problems(
            self.rows,
            {
                "name": self.tr("Tulis nama IKM."),
                "kecamatan_id": self.tr("Pilih kecamatan."),
                "cluster_id": self.tr("Pilih klaster."),
            },
        )
        data = self.form_input()
        if problems or data is None:
            self.tabs.setCurrentIndex(0)
            return
        enterprise_id = self.enterprise_id
        self._saving = True
        self.save_button.setEnabled(False)

        def work(session: Session) -> str:
            if enterprise_id is None:
                return create_enterprise(session, data)
            update_enterprise(session, enterprise_id, data)
            return enterprise_id

        run_operation(
            work,
            database=self._database,
            changes=(ENTERPRISE,),
            on_success=self._on_save_succeeded,
            on_failure=self._on_save_failed,
            parent=self,
        )

    def _on_save_succeeded(self, enterprise_id: object) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.load(str(enterprise_id))
        self.saved_label.setText(saved_text())
        self.saved.emit(str(enterprise_id))
        then, self._then = self._then, None
        if then is not None:
            then()

    def _on_save_failed(self, error: object) -> None:
        self._saving = False
        self._then = None
        self.save_button.setEnabled(True)
        if mark_field_error(self.rows, error, reveal=lambda: self.tabs.setCurrentIndex(0)):
            return
        if isinstance(error, BaseException):
            dialogs.show_error(self, error)

    def _coordinate(self, edit: QLineEdit, field: str) -> float | bool | None:
        text = edit.text().strip().replace(",", ".")
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            self.rows[field].mark(self.tr("Tulis angka desimal, contoh -0.5123 atau 117.4567."))
            return False

    def _form_state(self) -> dict[str, Any]:
        return {
            "name": self.name_edit.text(),
            "owner": self.owner_edit.text(),
            "nik": self.nik_edit.text(),
            "phone": self.phone_edit.text(),
            "address": self.address_edit.toPlainText(),
            "kecamatan": self.kecamatan_combo.currentData(),
            "desa": self.desa_combo.currentData(),
            "cluster": self.cluster_combo.currentData(),
            "status": self.status_combo.currentData(),
            "lat": self.latitude_edit.text(),
            "lon": self.longitude_edit.text(),
            "scale": self.scale_combo.currentData(),
            "nib": self.nib_edit.text(),
            "kbli": self.kbli_edit.text(),
            "workers": self.workers_spin.value(),
            "capacity": self.capacity_edit.text(),
            "halal_status": self.halal_status_combo.currentData(),
            "halal_route": self.halal_route_combo.currentData(),
            "halal_cert": self.halal_cert_edit.text(),
            "halal_issued": self.halal_issued_edit.line_edit.text(),
            "halal_expires": self.halal_expires_edit.line_edit.text(),
            "pkp": self.pkp_cert_edit.text(),
            "pkp_date": self.pkp_date_edit.line_edit.text(),
            "notes": self.notes_edit.toPlainText(),
        }

    def _fill_choices(self) -> None:
        lang = current_language()
        with self._database.unit_of_work() as session:
            kecamatan = list_kecamatan(session)
            clusters = list_clusters(session)
        self.kecamatan_combo.clear()
        self.kecamatan_combo.addItem(self.tr("— pilih kecamatan —"), None)
        for region in kecamatan:
            self.kecamatan_combo.addItem(region.name, region.id)
        self.cluster_combo.clear()
        self.cluster_combo.addItem(self.tr("— pilih klaster —"), None)
        for cluster in clusters:
            self.cluster_combo.addItem(
                cluster.name_en if lang == "en" else cluster.name_id, cluster.id
            )
        self.status_combo.clear()
        for status in EnterpriseStatus:
            label = ENTERPRISE_STATUS_LABELS[status.value]
            self.status_combo.addItem(self._translate_model(label), status.value)
        self.scale_combo.clear()
        self.scale_combo.addItem("—", None)
        scale_labels = {
            BusinessScale.MIKRO: self.tr("Mikro"),
            BusinessScale.KECIL: self.tr("Kecil"),
            BusinessScale.MENENGAH: self.tr("Menengah"),
        }
        for scale, text in scale_labels.items():
            self.scale_combo.addItem(text, scale.value)
        self.halal_status_combo.clear()
        halal_labels = {
            HalalStatus.NONE: self.tr("Belum ada"),
            HalalStatus.IN_PROCESS: self.tr("Sedang diproses"),
            HalalStatus.CERTIFIED: self.tr("Bersertifikat"),
        }
        for halal, text in halal_labels.items():
            self.halal_status_combo.addItem(text, halal.value)
        self.halal_route_combo.clear()
        self.halal_route_combo.addItem("—", None)
        self.halal_route_combo.addItem(self.tr("Pernyataan mandiri"), HalalRoute.SELF_DECLARE.value)
        self.halal_route_combo.addItem(self.tr("Reguler"), HalalRoute.REGULER.value)

    def _translate_model(self, text: str) -> str:
        return QCoreApplication.translate("EnterpriseTableModel", text)

    def _fill_desa(self, kecamatan_id: str | None, selected: str | None = None) -> None:
        self.desa_combo.blockSignals(True)
        self.desa_combo.clear()
        self.desa_combo.addItem("—", None)
        if kecamatan_id:
            with self._database.unit_of_work() as session:
                for desa in list_desa(session, kecamatan_id):
                    self.desa_combo.addItem(desa.name, desa.id)
        self._select(self.desa_combo, selected)
        self.desa_combo.blockSignals(False)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def _show_input(self, data: EnterpriseInput | None) -> None:
        data = data or EnterpriseInput(name="", kecamatan_id="", cluster_id="")
        self.name_edit.setText(data.name)
        self.owner_edit.setText(data.owner_name or "")
        self.nik_edit.setText(data.nik or "")
        self.phone_edit.setText(data.phone or "")
        self.address_edit.setPlainText(data.address or "")
        self.kecamatan_combo.blockSignals(True)
        self.kecamatan_combo.setCurrentIndex(
            max(0, self.kecamatan_combo.findData(data.kecamatan_id or None))
        )
        self.kecamatan_combo.blockSignals(False)
        self._fill_desa(data.kecamatan_id or None, data.desa_id)
        self.cluster_combo.setCurrentIndex(
            max(0, self.cluster_combo.findData(data.cluster_id or None))
        )
        self._select(self.status_combo, data.status)
        self.latitude_edit.setText("" if data.latitude is None else f"{data.latitude:.6f}")
        self.longitude_edit.setText("" if data.longitude is None else f"{data.longitude:.6f}")
        self._select(self.scale_combo, data.scale)
        self.nib_edit.setText(data.nib or "")
        self.kbli_edit.setText(data.kbli or "")
        self.workers_spin.setValue(-1 if data.workers is None else data.workers)
        self.capacity_edit.setText(data.production_capacity or "")
        self.halal_status_combo.setCurrentIndex(
            max(0, self.halal_status_combo.findData(data.halal_status))
        )
        self.halal_route_combo.setCurrentIndex(
            max(0, self.halal_route_combo.findData(data.halal_route))
        )
        self.halal_cert_edit.setText(data.halal_cert_no or "")
        self.halal_issued_edit.set_value(data.halal_issued_on)
        self.halal_expires_edit.set_value(data.halal_expires_on)
        self.pkp_cert_edit.setText(data.pkp_cert_no or "")
        self.pkp_date_edit.set_value(data.pkp_cert_date)
        self.notes_edit.setPlainText(data.notes or "")
        for row in self.rows.values():
            row.clear()
        self._baseline = self._form_state()
        self.delete_button.setEnabled(self._detail is not None)
        self.print_button.setEnabled(self._detail is not None)
        self.new_visit_button.setEnabled(self._detail is not None)
        self._update_title()

    def _update_title(self) -> None:
        if self._detail is None:
            self.title_label.setText(self.tr("IKM baru"))
        else:
            self.title_label.setText(
                self.tr("{name} — {kecamatan}").format(
                    name=self._detail.name, kecamatan=self._detail.kecamatan
                )
            )

    def _history(
        self, session: Session, enterprise_id: str, product_id: str | None
    ) -> tuple[list[VisitRow], list[TrendPoint]]:
        visits = list_visits(session, VisitFilter(enterprise_id=enterprise_id), limit=HISTORY_LIMIT)
        trend = quality_trend(session, enterprise_id=enterprise_id, product_id=product_id)
        return visits, trend

    def _fill_trend_products(self) -> None:
        self.trend_product_combo.blockSignals(True)
        self.trend_product_combo.clear()
        self.trend_product_combo.addItem(self.tr("Semua produk"), None)
        for product in self.product_editor.products:
            self.trend_product_combo.addItem(product.name, product.id)
        self.trend_product_combo.blockSignals(False)

    def _show_history(self, visits: list[VisitRow], trend: list[TrendPoint]) -> None:
        self.visit_table.setRowCount(len(visits))
        for row, visit in enumerate(visits):
            cells = (
                format_date(visit.visit_date),
                self._visit_text(VISIT_PURPOSE_LABELS, visit.purpose),
                visit_status_text(visit.status),
                visit.officer_name,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, visit.id)
                self.visit_table.setItem(row, column, item)
        self._show_trend(trend)

    def _show_trend(self, trend: list[TrendPoint]) -> None:
        lang = current_language()
        self.trend_table.setRowCount(len(trend))
        for row, point in enumerate(trend):
            label = (point.label_en if lang == "en" else point.label_id) or ""
            if point.unverified:
                label = self.tr("{label} (perlu dikonfirmasi)").format(label=label)
            cells = (
                format_date(point.checked_on),
                f"{point.template_code} v{point.template_version}",
                point.product_name or "",
                label,
                "" if point.score is None else f"{round(point.score, 1):g}",
            )
            for column, text in enumerate(cells):
                self.trend_table.setItem(row, column, QTableWidgetItem(text))

    def _visit_text(self, labels: dict[str, str], value: str) -> str:
        return QCoreApplication.translate("VisitTableModel", labels.get(value, value))

    @Slot(int)
    def _on_kecamatan_combo_changed(self, _index: int) -> None:
        self._fill_desa(self.kecamatan_combo.currentData())

    @Slot()
    def _on_back_button_clicked(self) -> None:
        self.leave_with_guard(self.close_requested.emit)

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        detail = self._detail
        if detail is None or not dialogs.confirm(
            self,
            self.tr("Hapus IKM"),
            self.tr("Hapus IKM {name} beserta produknya?").format(name=detail.name),
        ):
            return
        run_operation(
            lambda session: delete_enterprise(session, detail.id),
            database=self._database,
            changes=(ENTERPRISE,),
            on_success=lambda _result: self._on_delete_succeeded(detail.id),
            on_failure=lambda error: dialogs.show_error(self, error),
            parent=self,
        )

    def _on_delete_succeeded(self, enterprise_id: str) -> None:
        self.new_enterprise()
        self.deleted.emit(enterprise_id)
        self.close_requested.emit()

    @Slot()
    def _on_print_button_clicked(self) -> None:
        if self.enterprise_id is not None:
            open_report_preview(self, self._database, "enterprise", self.enterprise_id)

    @Slot()
    def _on_new_visit_button_clicked(self) -> None:
        if self.enterprise_id is not None:
            self.new_visit_requested.emit(self.enterprise_id)

    @Slot()
    def _on_product_editor_products_changed(self) -> None:
        enterprise_id = self.enterprise_id
        if enterprise_id is None:
            return
        with self._database.unit_of_work() as session:
            detail = get_enterprise(session, enterprise_id)
        # Keep unsaved profile edits: only the products part of the detail is refreshed.
        self._detail = replace(self._detail, products=detail.products) if self._detail else detail
        self.product_editor.set_enterprise(enterprise_id, list(detail.products))
        self._fill_trend_products()

    @Slot(int)
    def _on_trend_product_changed(self, _index: int) -> None:
        enterprise_id = self.enterprise_id
        if enterprise_id is None:
            return
        with self._database.unit_of_work() as session:
            trend = quality_trend(
                session,
                enterprise_id=enterprise_id,
                product_id=self.trend_product_combo.currentData(),
            )
        self._show_trend(trend)

    @Slot(int, int)
    def _on_visit_table_double_clicked(self, row: int, _column: int) -> None:
        item = self.visit_table.item(row, 0)
        if item is not None:
            self.visit_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))
