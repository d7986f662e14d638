"""Pengaturan: who uses this computer, the report letterhead and signatures, and the language.

The letterhead and report settings are saved with ``services.office_settings`` (Ctrl+S or
"Simpan"); the interface language applies at once through ``MainWindow.set_language`` and is
remembered for the next start.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ikmdesk.blob_store import BlobStore
from ikmdesk.db import Database
from ikmdesk.errors import UserError, ValidationError
from ikmdesk.paths import blob_dir
from ikmdesk.services.device import DeviceInfo, this_device, update_officer
from ikmdesk.services.office_settings import (
    OfficeSettings,
    get_office_settings,
    save_office_settings,
)
from ikmdesk.services.report_number import format_report_number
from ikmdesk.services.shared_blobs import (
    fetch_missing,
)
from ikmdesk.ui import dialogs
from ikmdesk.ui.operations import Operation
from ikmdesk.ui.setup_dialog import LetterheadForm
from ikmdesk.ui.translations import LANGUAGES, current_language, install_language, save_language


class SettingsPage(QWidget):
    """Edits the local settings of this database and the interface language."""

    settings_saved = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self._blobs = BlobStore(blob_dir(database.path))
        self._stored = OfficeSettings()
        self._device: DeviceInfo | None = None
        self._dirty = False
        self._saving: Operation | None = None

        self.title_label = QLabel()
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)

        self.officer_box = QGroupBox()
        self.role_value, self.key_value = QLabel(), QLabel()
        self.name_value, self.nip_value = QLineEdit(), QLineEdit()
        self.nip_value.setMaxLength(18)
        self.key_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.officer_note = QLabel()
        self.officer_note.setWordWrap(True)
        self.officer_labels = [QLabel() for _ in range(4)]
        officer_form = QFormLayout(self.officer_box)
        for caption, value in zip(
            self.officer_labels,
            (self.role_value, self.name_value, self.nip_value, self.key_value),
            strict=True,
        ):
            officer_form.addRow(caption, value)
        officer_form.addRow(self.officer_note)

        self.letterhead_box = QGroupBox()
        self.letterhead_form = LetterheadForm()
        self.letterhead_form.set_blob_root(self._blobs)
        QVBoxLayout(self.letterhead_box).addWidget(self.letterhead_form)

        self.report_box = QGroupBox()
        self.supervisor_name_edit = QLineEdit()
        self.supervisor_nip_edit = QLineEdit()
        self.supervisor_title_edit = QLineEdit()
        self.pattern_edit = QLineEdit()
        self.report_lang_combo = QComboBox()
        self.report_lang_combo.addItem("", "id")
        self.report_lang_combo.addItem("", "en")
        self.halal_deadline_edit = QLineEdit()
        self.halal_deadline_edit.setPlaceholderText("TTTT-BB-HH")
        self.report_labels = [QLabel() for _ in range(6)]
        report_form = QFormLayout(self.report_box)
        report_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for caption, field in zip(
            self.report_labels,
            (
                self.supervisor_name_edit,
                self.supervisor_nip_edit,
                self.supervisor_title_edit,
                self.pattern_edit,
                self.report_lang_combo,
                self.halal_deadline_edit,
            ),
            strict=True,
        ):
            report_form.addRow(caption, field)
            caption.setBuddy(field)
        # The pattern's syntax means nothing to most readers; a number made from it does.
        self.pattern_example_label = QLabel()
        self.pattern_example_label.setObjectName("patternExample")
        report_form.insertRow(4, "", self.pattern_example_label)
        self.pattern_edit.textChanged.connect(self._show_pattern_example)

        self.language_box = QGroupBox()
        self.language_combo = QComboBox()
        self.language_combo.addItem("Bahasa Indonesia", "id")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(self.language_combo.findData(current_language()))
        self.language_combo.currentIndexChanged.connect(self._on_language_combo_changed)
        self.language_label = QLabel()
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        language_form = QFormLayout(self.language_box)
        language_form.addRow(self.language_label, self.language_combo)
        language_form.addRow(self.language_note)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton()
        self.revert_button.clicked.connect(self.load)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error_label, 1)
        buttons.addStretch(1)  # keeps the buttons small while no error is shown
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.officer_box)
        left.addWidget(self.language_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.letterhead_box)
        right.addWidget(self.report_box)
        right.addStretch(1)
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(self.title_label)
        content_layout.addLayout(columns, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addLayout(buttons)

        for edit in (
            self.name_value,
            self.nip_value,
            self.letterhead_form.address_edit,
            self.letterhead_form.city_edit,
            self.letterhead_form.phone_edit,
            self.supervisor_name_edit,
            self.supervisor_nip_edit,
            self.supervisor_title_edit,
            self.pattern_edit,
            self.halal_deadline_edit,
        ):
            edit.textEdited.connect(self._mark_dirty)
        self.letterhead_form.office_edit.textChanged.connect(self._mark_dirty)
        self.letterhead_form.logo_changed.connect(self._mark_dirty)
        self.report_lang_combo.activated.connect(self._mark_dirty)

        self.retranslate_ui()
        self.load()

    @Slot()
    def _show_pattern_example(self) -> None:
        try:
            example = format_report_number(self.pattern_edit.text(), seq=1, on=date.today())
        except (KeyError, IndexError, ValueError, TypeError, AttributeError):
            self.pattern_example_label.setText(
                self.tr("Pola ini belum dapat membuat nomor; lihat petunjuk pada kolomnya.")
            )
            return
        self.pattern_example_label.setText(
            self.tr("Contoh nomor laporan pertama: {number}").format(number=example)
        )

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.title_label.setText(self.tr("Pengaturan"))
        self.officer_box.setTitle(self.tr("Pengguna komputer ini"))
        for label, text in zip(
            self.officer_labels,
            (self.tr("Peran:"), self.tr("Nama:"), self.tr("NIP:"), self.tr("Sidik kunci:")),
            strict=True,
        ):
            label.setText(text)
        self.officer_note.setText(
            self.tr(
                "Peran ditetapkan saat penyiapan; nama dan NIP dapat dibetulkan di sini. Sidik "
                "kunci dicocokkan dengan penyelia saat bertukar kartu kunci untuk sinkronisasi."
            )
        )
        self.letterhead_box.setTitle(self.tr("Kop surat laporan"))
        self.report_box.setTitle(self.tr("Laporan"))
        for label, text in zip(
            self.report_labels,
            (
                self.tr("Nama &atasan (Mengetahui):"),
                self.tr("NIP a&tasan:"),
                self.tr("&Jabatan atasan:"),
                self.tr("&Pola nomor laporan:"),
                self.tr("&Bahasa laporan:"),
                self.tr("Tanggal &wajib halal UMK:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.halal_deadline_edit.setToolTip(
            self.tr(
                "Sejak tanggal ini produk pangan usaha mikro dan kecil wajib bersertifikat halal "
                "(PP 42/2024 Pasal 160(2), perlu dikonfirmasi). Kosongkan bila tidak ingin "
                "ditandai di laporan."
            )
        )
        self.pattern_edit.setToolTip(
            self.tr("Gunakan {seq:04d}, {year}, {month} dan {month_roman}.")
        )
        self._show_pattern_example()
        self.report_lang_combo.setItemText(0, self.tr("Bahasa Indonesia"))
        self.report_lang_combo.setItemText(1, self.tr("Inggris"))
        self.language_box.setTitle(self.tr("Bahasa antarmuka"))
        self.language_label.setText(self.tr("&Bahasa:"))
        self.language_label.setBuddy(self.language_combo)
        self.language_note.setText(
            self.tr("Berlaku langsung dan diingat untuk pembukaan berikutnya.")
        )
        self.save_button.setText(self.tr("&Simpan"))
        self.revert_button.setText(self.tr("Batalkan perubahan"))
        self._show_device()

    @Slot()
    def load(self) -> None:
        """Read the stored settings into the form, dropping unsaved edits."""
        try:
            with self.database.unit_of_work() as session:
                self._stored = get_office_settings(session)
                self._device = this_device(session)
                fetch_missing(session, self._blobs, [self._stored.logo_sha256 or ""])
        except UserError as exc:
            dialogs.show_error(self, exc)
            return
        self.letterhead_form.set_settings(self._stored)
        self.supervisor_name_edit.setText(self._stored.supervisor_name)
        self.supervisor_nip_edit.setText(self._stored.supervisor_nip)
        self.supervisor_title_edit.setText(self._stored.supervisor_title)
        self.pattern_edit.setText(self._stored.report_number_pattern)
        self.halal_deadline_edit.setText(self._stored.halal_umk_deadline)
        self.report_lang_combo.setCurrentIndex(
            max(self.report_lang_combo.findData(self._stored.lang), 0)
        )
        self._show_device()
        self.error_label.hide()
        self._set_dirty(False)

    def _show_device(self) -> None:
        device = self._device
        if device is None:
            return
        self.role_value.setText(
            self.tr("Penyelia") if device.role.value == "supervisor" else self.tr("Petugas")
        )
        self.name_value.setText(device.officer_name)
        self.nip_value.setText(device.nip or "")
        self.nip_value.setPlaceholderText(self.tr("(tidak diisi)"))
        self.key_value.setText(device.fingerprint)

    def edited_settings(self, *, store_logo: bool = False) -> OfficeSettings:
        """Return the settings as the form shows them (a new logo stored only when asked)."""
        base = self.letterhead_form.settings(self._blobs if store_logo else None)
        return dataclasses.replace(
            base,
            supervisor_name=self.supervisor_name_edit.text(),
            supervisor_nip=self.supervisor_nip_edit.text(),
            supervisor_title=self.supervisor_title_edit.text(),
            report_number_pattern=self.pattern_edit.text(),
            lang=str(self.report_lang_combo.currentData()),
            halal_umk_deadline=self.halal_deadline_edit.text(),
        )

    def has_unsaved_changes(self) -> bool:
        """Tell whether the form holds edits not saved yet."""
        return self._dirty

    @Slot()
    def save(self) -> None:
        """Validate and store the settings off the GUI thread (Ctrl+S)."""
        if self._saving is not None:
            return
        try:
            settings = self.edited_settings(store_logo=True)
        except OSError as exc:
            self._show_problem(str(exc))
            return

        officer_name, nip = self.name_value.text(), self.nip_value.text()
        blobs = self._blobs

        def work(session: Session) -> OfficeSettings:
            update_officer(session, officer_name=officer_name, nip=nip)
            return save_office_settings(session, settings, blobs=blobs)

        self.save_button.setEnabled(False)
        self._saving = Operation(work, database=self.database, changes=("setting", "device"))
        self._saving.succeeded.connect(self._on_saving_succeeded)
        self._saving.failed.connect(self._on_saving_failed)
        self._saving.start()

    @Slot(object)
    def _on_saving_succeeded(self, stored: OfficeSettings) -> None:
        self._saving = None
        self.load()
        self.settings_saved.emit()
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr("Pengaturan tersimpan."), 4000)

    @Slot(object)
    def _on_saving_failed(self, error: Exception) -> None:
        self._saving = None
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self._show_problem(dialogs.translate_error(error))
            field = {
                "officer_name": self.name_value,
                "nip": self.nip_value,
                "office_lines": self.letterhead_form.office_edit,
                "supervisor_nip": self.supervisor_nip_edit,
                "report_number_pattern": self.pattern_edit,
            }.get(error.field)
            if field is not None:
                field.setFocus()
        else:
            dialogs.show_error(self, error)

    def _show_problem(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    @Slot()
    def _mark_dirty(self) -> None:
        self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    @Slot(int)
    def _on_language_combo_changed(self, _index: int) -> None:
        lang = str(self.language_combo.currentData())
        if lang not in LANGUAGES or lang == current_language():
            return
        window = self.window()
        setter = getattr(window, "set_language", None)
        if setter is not None:
            setter(lang)
        else:
            save_language(lang)
            install_language(lang)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
