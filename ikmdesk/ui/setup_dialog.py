"""First run: who uses this computer (role, name, NIP) and the office letterhead for reports.

``SetupDialog(database)`` writes the device identity (``services.device.create_identity``)
and the letterhead (``services.office_settings.save_office_settings``) in one unit of work
when the user presses "Simpan dan mulai"; ``choice`` is then ``CHOICE_CREATED``. Pressing
"Coba dengan data demo" closes it with ``choice == CHOICE_DEMO`` and writes nothing.

"Basis data di server kantor" takes a PostgreSQL URL instead of the file on this computer:
"Uji sambungan" (and saving) connects off the GUI thread and shows a translated reason when it
cannot. Once connected, ``database`` is the server database (the identity is written there,
unless the server already has one); the caller closes the file it passed in.

``OfficerForm`` and ``LetterheadForm`` are reused by the settings page.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ikmdesk.blob_store import BlobStore
from ikmdesk.db import Database
from ikmdesk.errors import UserError, ValidationError
from ikmdesk.models.enums import DeviceRole
from ikmdesk.paths import blob_dir
from ikmdesk.services.data_file import open_server_data_file
from ikmdesk.services.device import create_identity, has_identity
from ikmdesk.services.office_settings import OfficeSettings, save_office_settings
from ikmdesk.ui import dialogs
from ikmdesk.ui.operations import Operation

CHOICE_CREATED = "created"
CHOICE_DEMO = "demo"
LOGO_MAX_BYTES = 2 * 1024 * 1024


class OfficerForm(QWidget):
    """Role, officer name and NIP of this computer's user."""

    def __init__(self, parent: QWidget | None = None, *, role_editable: bool = True) -> None:
        super().__init__(parent)
        self.role_combo = QComboBox()
        self.role_combo.addItem("", DeviceRole.OFFICER.value)
        self.role_combo.addItem("", DeviceRole.SUPERVISOR.value)
        self.role_combo.setEnabled(role_editable)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.nip_edit = QLineEdit()
        self.nip_edit.setMaxLength(21)
        self.nip_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.role_label, self.name_label, self.nip_label = QLabel(), QLabel(), QLabel()
        self.layout_.addRow(self.role_label, self.role_combo)
        self.layout_.addRow(self.name_label, self.name_edit)
        self.layout_.addRow(self.nip_label, self.nip_edit)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.role_combo.setItemText(0, self.tr("Petugas pendamping"))
        self.role_combo.setItemText(1, self.tr("Penyelia (kepala seksi/bidang)"))
        self.role_label.setText(self.tr("&Peran:"))
        self.role_label.setBuddy(self.role_combo)
        self.name_label.setText(self.tr("&Nama petugas:"))
        self.name_label.setBuddy(self.name_edit)
        self.nip_label.setText(self.tr("N&IP:"))
        self.nip_label.setBuddy(self.nip_edit)
        self.name_edit.setPlaceholderText(self.tr("nama lengkap, mis. Siti Rahmawati, S.TP"))
        self.nip_edit.setPlaceholderText(self.tr("18 angka; boleh dikosongkan"))

    def role(self) -> str:
        """Return the chosen DeviceRole value."""
        return str(self.role_combo.currentData())

    def set_role(self, role: str) -> None:
        """Select ``role`` (a DeviceRole value)."""
        self.role_combo.setCurrentIndex(max(self.role_combo.findData(role), 0))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class LetterheadForm(QWidget):
    """The office letterhead printed on reports: office lines, address, city and logo."""

    logo_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = OfficeSettings()
        self._logo_file: Path | None = None
        self._blobs: BlobStore | None = None
        self.office_edit = QPlainTextEdit()
        self.office_edit.setTabChangesFocus(True)
        self.office_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.address_edit = QLineEdit()
        self.city_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(80, 64)
        self.logo_preview.setWordWrap(True)
        self.logo_preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_button = QPushButton()
        self.logo_button.clicked.connect(self._on_logo_button_clicked)
        self.logo_clear_button = QPushButton()
        self.logo_clear_button.clicked.connect(self._on_logo_clear_button_clicked)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.logo_clear_button)
        logo_row.addStretch(1)
        self.labels = [QLabel() for _ in range(5)]
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.labels[0], self.office_edit)
        form.addRow(self.labels[1], self.address_edit)
        form.addRow(self.labels[2], self.city_edit)
        form.addRow(self.labels[3], self.phone_edit)
        form.addRow(self.labels[4], logo_row)
        self.set_settings(self._settings)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        texts = (
            self.tr("Nama &kantor:"),
            self.tr("&Alamat:"),
            self.tr("&Kota (tempat tanda tangan):"),
            self.tr("&Telepon:"),
            self.tr("&Logo:"),
        )
        buddies = (
            self.office_edit,
            self.address_edit,
            self.city_edit,
            self.phone_edit,
            self.logo_button,
        )
        for label, text, buddy in zip(self.labels, texts, buddies, strict=True):
            label.setText(text)
            label.setBuddy(buddy)
        self.office_edit.setToolTip(
            self.tr("Satu baris per baris kop surat, dari atas: pemerintah, lalu dinas.")
        )
        self.logo_button.setText(self.tr("Pilih gambar…"))
        self.logo_clear_button.setText(self.tr("Tanpa logo"))
        self._show_logo()

    def set_settings(self, settings: OfficeSettings) -> None:
        """Fill the form from stored settings."""
        self._settings = settings
        self._logo_file = None
        self.office_edit.setPlainText("\n".join(settings.office_lines))
        for edit, text in (
            (self.address_edit, settings.address),
            (self.city_edit, settings.city),
            (self.phone_edit, settings.phone),
        ):
            edit.setText(text)
            edit.setCursorPosition(0)  # show the start of a long address, not its end
        self._show_logo()

    def logo_file(self) -> Path | None:
        """Return a newly chosen logo image not stored yet (None: keep what is stored)."""
        return self._logo_file

    def settings(self, blobs: BlobStore | None = None) -> OfficeSettings:
        """Return the settings as edited; a new logo is put into ``blobs`` when given."""
        logo_sha = self._settings.logo_sha256
        logo_path = self._settings.logo_path
        if self._logo_file is not None and blobs is not None:
            logo_sha, logo_path = blobs.put(self._logo_file.read_bytes()), None
        return dataclasses.replace(
            self._settings,
            office_lines=tuple(self.office_edit.toPlainText().splitlines()),
            address=self.address_edit.text(),
            city=self.city_edit.text(),
            phone=self.phone_edit.text(),
            logo_sha256=logo_sha,
            logo_path=logo_path,
        )

    def set_blob_root(self, blobs: BlobStore | None) -> None:
        """Tell the form where a stored logo can be read from, to preview it."""
        self._blobs = blobs
        self._show_logo()

    def choose_logo(self, path: Path) -> bool:
        """Use the image at ``path`` as the new logo; False (and a warning) if it is no image."""
        if path.stat().st_size > LOGO_MAX_BYTES or QImage(str(path)).isNull():
            dialogs.warn(
                self,
                self.tr("Logo"),
                self.tr("Berkas itu bukan gambar PNG/JPEG yang dapat dibaca (maks. 2 MB)."),
            )
            return False
        self._logo_file = path
        self._show_logo()
        self.logo_changed.emit()
        return True

    @Slot()
    def _on_logo_button_clicked(self) -> None:
        path = dialogs.open_file(
            self, self.tr("Pilih logo kantor"), self.tr("Gambar (*.png *.jpg *.jpeg)")
        )
        if path is not None:
            self.choose_logo(path)

    @Slot()
    def _on_logo_clear_button_clicked(self) -> None:
        self._logo_file = None
        self._settings = dataclasses.replace(self._settings, logo_sha256=None, logo_path=None)
        self._show_logo()
        self.logo_changed.emit()

    def _show_logo(self) -> None:
        image = QImage()
        if self._logo_file is not None:
            image.load(str(self._logo_file))
        elif self._settings.logo_sha256 and self._blobs is not None:
            if self._blobs.has(self._settings.logo_sha256):
                image.loadFromData(self._blobs.read(self._settings.logo_sha256))
        elif self._settings.logo_path:
            image.load(self._settings.logo_path)
        if image.isNull():
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("belum ada"))
        else:
            self.logo_preview.setPixmap(
                QPixmap.fromImage(image).scaled(
                    76,
                    60,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class DatabasePlaceForm(QWidget):
    """Where the data lives: the file on this computer, or the office's PostgreSQL server."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.local_radio = QRadioButton()
        self.local_radio.setChecked(True)
        self.server_radio = QRadioButton()
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("postgresql+psycopg://penyelia@192.168.1.10/ikmdesk")
        self.url_edit.setEnabled(False)
        self.test_button = QPushButton()
        self.test_button.setEnabled(False)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        self.server_radio.toggled.connect(self._on_server_radio_toggled)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url_edit, 1)
        url_row.addWidget(self.test_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.local_radio)
        layout.addWidget(self.server_radio)
        layout.addLayout(url_row)
        layout.addWidget(self.status_label)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.local_radio.setText(self.tr("Di komputer ini (untuk petugas dan satu penyelia)"))
        self.server_radio.setText(
            self.tr("Di &server kantor (PostgreSQL, dipakai beberapa penyelia bersama)")
        )
        self.url_edit.setToolTip(
            self.tr(
                "Alamat dari pengelola server. Sandi sebaiknya disimpan di berkas pgpass, "
                "bukan di alamat ini."
            )
        )
        self.test_button.setText(self.tr("&Uji sambungan"))

    def on_server(self) -> bool:
        """Tell whether the server is chosen."""
        return self.server_radio.isChecked()

    def url(self) -> str:
        """Return the URL as typed."""
        return self.url_edit.text().strip()

    def show_status(self, text: str, *, ok: bool) -> None:
        """Show the outcome of a connection attempt under the URL field."""
        self.status_label.setStyleSheet("color: #2e7d32;" if ok else "color: #c62828;")
        self.status_label.setText(text)
        self.status_label.show()

    @Slot(bool)
    def _on_server_radio_toggled(self, checked: bool) -> None:
        self.url_edit.setEnabled(checked)
        self.test_button.setEnabled(checked)
        self.status_label.hide()
        if checked:
            self.url_edit.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class SetupDialog(QDialog):
    """Asks a new user's role, name, NIP and letterhead, or offers the demo data instead."""

    identity_created = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.file_database = database
        self.choice: str | None = None
        self._saving: Operation | None = None
        self._connecting: Operation | None = None
        self._save_after_connect = False

        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        # At least this wide, and wider when longer texts need it: a minimum width set on the
        # dialog itself would stop the layout from growing it, and squeeze the logo buttons.
        self.intro_label.setMinimumWidth(620)
        self.officer_form = OfficerForm()
        self.letterhead_form = LetterheadForm()
        self.letterhead_form.set_blob_root(BlobStore(blob_dir(database.path)))
        self.place_form = DatabasePlaceForm()
        self.place_form.test_button.clicked.connect(self._on_test_button_clicked)
        self.place_form.url_edit.textEdited.connect(self._on_url_edited)
        self.place_form.server_radio.toggled.connect(self._on_url_edited)
        self.place_box = _boxed(self.place_form)
        self.officer_box = _boxed(self.officer_form)
        self.letterhead_box = _boxed(self.letterhead_form)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.demo_button = QPushButton()
        self.demo_button.clicked.connect(self._on_demo_button_clicked)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.place_box)
        layout.addWidget(self.officer_box)
        layout.addWidget(self.letterhead_box)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self.officer_form.name_edit.setFocus()

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Selamat datang di IKMDesk"))
        self.intro_label.setText(
            self.tr(
                "Sebelum mulai, isi siapa yang memakai komputer ini dan kop surat kantor "
                "untuk laporan. Kop surat dapat diubah nanti di halaman Pengaturan."
            )
        )
        self.place_box.setTitle(self.tr("Tempat basis data"))
        self.officer_box.setTitle(self.tr("Pengguna komputer ini"))
        self.letterhead_box.setTitle(self.tr("Kop surat laporan"))
        self.save_button.setText(self.tr("&Simpan dan mulai"))
        self.demo_button.setText(self.tr("Coba dengan data &demo"))
        self.demo_button.setToolTip(
            self.tr("Membuka basis data contoh terpisah; data Anda tidak tersentuh.")
        )
        self.cancel_button.setText(self.tr("Batal"))

    @Slot()
    def save(self) -> None:
        """Write identity and letterhead off the GUI thread; accept the dialog when done."""
        if self._saving is not None or self._connecting is not None:
            return
        if self.place_form.on_server() and self.database is self.file_database:
            self._save_after_connect = True
            self._connect()
            return
        if self.database is not self.file_database:
            with self.database.unit_of_work() as session:
                ready = has_identity(session)
            if ready:  # set up already from another supervisor's laptop: open it as it is
                self._finish()
                return
        role, name, nip = (
            self.officer_form.role(),
            self.officer_form.name_edit.text(),
            self.officer_form.nip_edit.text(),
        )
        blobs = BlobStore(blob_dir(self.database.path))
        letterhead = self.letterhead_form

        def work(session: Session) -> None:
            create_identity(session, role=role, officer_name=name, nip=nip or None)
            save_office_settings(session, letterhead_settings, blobs=blobs)

        try:
            letterhead_settings = letterhead.settings(blobs)
        except OSError as exc:
            self._show_problem(str(exc))
            return
        self.save_button.setEnabled(False)
        self._saving = Operation(
            work, database=self.database, changes=("device", "setting"), parent=self
        )
        self._saving.succeeded.connect(self._on_saving_succeeded)
        self._saving.failed.connect(self._on_saving_failed)
        self._saving.start()

    @Slot()
    def _on_test_button_clicked(self) -> None:
        if self._connecting is None and self._saving is None:
            self._save_after_connect = False
            self._connect()

    def _connect(self) -> None:
        """Open the server database named in the URL field, off the GUI thread."""
        url = self.place_form.url()
        self.error_label.hide()
        self.adjustSize()
        self.place_form.show_status(self.tr("Menghubungi server…"), ok=True)
        self.save_button.setEnabled(False)
        self.place_form.test_button.setEnabled(False)
        self._connecting = Operation(lambda: open_server_data_file(url), parent=self)
        self._connecting.succeeded.connect(self._on_connecting_succeeded)
        self._connecting.failed.connect(self._on_connecting_failed)
        self._connecting.start()

    @Slot(object)
    def _on_connecting_succeeded(self, database: Database) -> None:
        self._connecting = None
        self.save_button.setEnabled(True)
        self.place_form.test_button.setEnabled(True)
        self._use_server(database)
        with database.unit_of_work() as session:
            ready = has_identity(session)
        self.place_form.show_status(
            self.tr("Tersambung. Basis data ini sudah disiapkan; data di bawah tidak dipakai.")
            if ready
            else self.tr("Tersambung. Basis data ini masih kosong dan akan disiapkan."),
            ok=True,
        )
        if self._save_after_connect:
            self._save_after_connect = False
            self.save()

    @Slot(object)
    def _on_connecting_failed(self, error: Exception) -> None:
        self._connecting = None
        self._save_after_connect = False
        self.save_button.setEnabled(True)
        self.place_form.test_button.setEnabled(True)
        if not isinstance(error, UserError):
            self.place_form.status_label.hide()
            dialogs.show_error(self, error)
            return
        self.place_form.show_status(self.tr("Tidak tersambung."), ok=False)
        self._show_problem(dialogs.translate_error(error))
        self.place_form.url_edit.setFocus()

    def _use_server(self, database: Database) -> None:
        if self.database is not self.file_database:
            self.database.close()
        self.database = database

    @Slot()
    def _on_url_edited(self) -> None:
        """A changed URL (or going back to the file) forgets the server connected before."""
        if self.database is not self.file_database:
            self.database.close()
            self.database = self.file_database
        self.place_form.status_label.hide()

    def _finish(self) -> None:
        self.choice = CHOICE_CREATED
        self.identity_created.emit()
        self.accept()

    def done(self, result: int) -> None:
        """Close a server database connected here when the dialog ends without it."""
        kept = self.choice == CHOICE_CREATED  # set just before accept()
        if not kept and self.database is not self.file_database:
            self.database.close()
            self.database = self.file_database
        super().done(result)

    @Slot(object)
    def _on_saving_succeeded(self, _result: object) -> None:
        self._saving = None
        self.choice = CHOICE_CREATED
        self.identity_created.emit()
        self.accept()

    @Slot(object)
    def _on_saving_failed(self, error: Exception) -> None:
        self._saving = None
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self._show_problem(dialogs.translate_error(error))
            widget = self._field_widget(error.field)
            if widget is not None:
                widget.setFocus()
        else:
            dialogs.show_error(self, error)

    def _show_problem(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.adjustSize()  # a shown dialog does not grow by itself for a wrapped message

    def _field_widget(self, field: str) -> QWidget | None:
        return {
            "officer_name": self.officer_form.name_edit,
            "nip": self.officer_form.nip_edit,
            "role": self.officer_form.role_combo,
            "office_lines": self.letterhead_form.office_edit,
        }.get(field)

    @Slot()
    def _on_demo_button_clicked(self) -> None:
        self.choice = CHOICE_DEMO
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _boxed(widget: QWidget) -> QGroupBox:
    box = QGroupBox()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(widget)
    return box
