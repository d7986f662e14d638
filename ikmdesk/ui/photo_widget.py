"""The photos of a visit: add from files or by drag-and-drop, thumbnails, captions, GPS.

Thumbnails are turned upright by the photo's EXIF orientation (the service makes them). A photo
that carries a GPS position can give the visited IKM its location, after the user agrees.

Nothing slow runs on the GUI thread: reading, checking and storing an added file and making its
thumbnail run as an operation (``ui.operations``), and so does making the thumbnails a refresh
finds missing (photos that came by sync); the list shows them when they are done.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ikmdesk.blob_store import BlobStore
from ikmdesk.db import Database
from ikmdesk.paths import blob_dir
from ikmdesk.services.attachment import (
    AttachmentInfo,
    add_attachment_file,
    cached_thumbnail_path,
    list_attachments,
    remove_attachment,
    set_caption,
    thumbnail_path,
)
from ikmdesk.services.enterprise import enterprise_input, get_enterprise, update_enterprise
from ikmdesk.services.shared_blobs import fetch_missing
from ikmdesk.ui import dialogs
from ikmdesk.ui.change_bus import ATTACHMENT, ENTERPRISE
from ikmdesk.ui.operations import run_operation
from ikmdesk.ui.translated_widget import TranslatedWidget

PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".pdf"})
THUMBNAIL_PX = 128


class PhotoWidget(TranslatedWidget):
    """Shows a visit's photos as thumbnails with captions; adds, captions and removes them."""

    photos_changed = Signal()
    """The list of photos changed (added, captioned or removed)."""
    location_applied = Signal(float, float)
    """A photo's GPS position was stored as the IKM's location."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._store = BlobStore(blob_dir(database.path))
        self._visit_id: str | None = None
        self._enterprise_id: str | None = None
        self._read_only = False
        self._photos: list[AttachmentInfo] = []
        self._adding = 0
        self._thumbnails_asked: set[str] = set()
        self.setAcceptDrops(True)

        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.photo_list = QListWidget()
        self.photo_list.setViewMode(QListView.ViewMode.IconMode)
        self.photo_list.setIconSize(QSize(THUMBNAIL_PX, THUMBNAIL_PX))
        self.photo_list.setGridSize(QSize(THUMBNAIL_PX + 36, THUMBNAIL_PX + 44))
        self.photo_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.photo_list.setMovement(QListView.Movement.Static)
        self.photo_list.setWordWrap(True)
        self.photo_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.photo_list.setAcceptDrops(False)  # the widget takes the drop, not the list
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.caption_edit = QLineEdit()
        self.caption_button = QPushButton()
        self.location_label = QLabel()
        self.location_label.setWordWrap(True)
        self.location_button = QPushButton()

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        caption_row = QHBoxLayout()
        caption_row.addWidget(self.caption_edit, 1)
        caption_row.addWidget(self.caption_button)
        location_row = QHBoxLayout()
        location_row.addWidget(self.location_label, 1)
        location_row.addWidget(self.location_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint_label)
        layout.addLayout(buttons)
        layout.addWidget(self.photo_list, 1)
        layout.addLayout(caption_row)
        layout.addLayout(location_row)

        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.caption_button.clicked.connect(self._on_caption_button_clicked)
        self.caption_edit.returnPressed.connect(self._on_caption_button_clicked)
        self.location_button.clicked.connect(self._on_location_button_clicked)
        self.photo_list.currentRowChanged.connect(self._on_photo_list_current_row_changed)
        self.retranslate_ui()
        self._update_buttons()

    def retranslate_ui(self) -> None:
        """Set every text in the current interface language."""
        self.add_button.setText(self.tr("Tambah foto…"))
        self.remove_button.setText(self.tr("Hapus foto"))
        self.caption_edit.setPlaceholderText(self.tr("Keterangan foto"))
        self.caption_button.setText(self.tr("Simpan keterangan"))
        self.location_button.setText(self.tr("Pakai lokasi foto untuk IKM"))
        self._update_hint()
        self._update_location()

    @property
    def photos(self) -> list[AttachmentInfo]:
        """Return the photos shown, oldest first."""
        return list(self._photos)

    def set_visit(
        self, visit_id: str | None, enterprise_id: str | None, *, read_only: bool = False
    ) -> None:
        """Show the photos of ``visit_id`` (None: a visit not saved yet, nothing to show)."""
        self._visit_id = visit_id
        self._enterprise_id = enterprise_id
        self._read_only = read_only
        self.refresh()

    def refresh(self) -> None:
        """Read the visit's photos again and redraw the thumbnails."""
        photos: list[AttachmentInfo] = []
        if self._visit_id is not None:
            with self._database.unit_of_work() as session:
                photos = list_attachments(session, visit_id=self._visit_id)
        current = self._current()
        self._photos = photos
        self.photo_list.blockSignals(True)
        self.photo_list.clear()
        for photo in photos:
            item = QListWidgetItem(self._icon(photo), self._item_text(photo))
            item.setData(Qt.ItemDataRole.UserRole, photo.id)
            item.setToolTip(photo.original_name or "")
            self.photo_list.addItem(item)
        self.photo_list.blockSignals(False)
        if current is not None:
            self.select_photo(current.id)
        self._on_photo_list_current_row_changed(self.photo_list.currentRow())
        self._update_hint()

    def select_photo(self, attachment_id: str) -> None:
        """Make the photo with ``attachment_id`` the current one."""
        for row, photo in enumerate(self._photos):
            if photo.id == attachment_id:
                self.photo_list.setCurrentRow(row)
                return

    def add_files(self, paths: list[Path]) -> None:
        """Attach the files at ``paths`` to the visit (off the GUI thread), then refresh."""
        visit_id = self._visit_id
        if visit_id is None or self._read_only or not paths:
            return
        store = self._store

        def work(session: Session) -> list[str]:
            added = [add_attachment_file(session, store, path, visit_id=visit_id) for path in paths]
            for info in added:
                if info.is_image:
                    thumbnail_path(store, info.sha256, size=THUMBNAIL_PX)
            return [info.id for info in added]

        self.add_button.setEnabled(False)
        self._adding += 1
        self._update_hint()
        run_operation(
            work,
            database=self._database,
            changes=(ATTACHMENT,),
            on_success=self._on_add_succeeded,
            on_failure=self._on_add_failed,
            parent=self,
        )

    @property
    def is_adding(self) -> bool:
        """Tell whether photos are being added (read, stored and thumbnailed) right now."""
        return self._adding > 0

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        paths = [p for p in paths if p.suffix.lower() in PHOTO_SUFFIXES]
        if paths and self._visit_id is not None and not self._read_only:
            event.acceptProposedAction()
            self.add_files(paths)
        else:
            event.ignore()

    def _accepts(self, urls: list) -> bool:
        return (
            self._visit_id is not None
            and not self._read_only
            and any(
                url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in PHOTO_SUFFIXES
                for url in urls
            )
        )

    def _current(self) -> AttachmentInfo | None:
        row = self.photo_list.currentRow()
        return self._photos[row] if 0 <= row < len(self._photos) else None

    def _icon(self, photo: AttachmentInfo) -> QIcon:
        if not photo.is_image:
            return QIcon()
        path = cached_thumbnail_path(self._store, photo.sha256, size=THUMBNAIL_PX)
        if path is None:
            self._make_thumbnail_later(photo.sha256)
            return QIcon()
        return QIcon(QPixmap(str(path)))

    def _make_thumbnail_later(self, sha256: str) -> None:
        """Make a missing thumbnail off the GUI thread, then show it."""
        if sha256 in self._thumbnails_asked:
            return  # asked once per widget: a blob that has not arrived stays without one
        self._thumbnails_asked.add(sha256)
        store = self._store

        def work(session: Session) -> str | None:
            # On a server database the photo may be one another laptop added.
            if sha256 not in fetch_missing(session, store, [sha256]):
                return None  # the blob has not arrived yet (sync sends it later)
            try:
                thumbnail_path(store, sha256, size=THUMBNAIL_PX)
            except OSError:
                return None
            return sha256

        run_operation(
            work, database=self._database, on_success=self._on_thumbnail_made, parent=self
        )

    def _on_thumbnail_made(self, sha256: object) -> None:
        if not isinstance(sha256, str):
            return
        for row, photo in enumerate(self._photos):
            item = self.photo_list.item(row)
            if photo.sha256 == sha256 and item is not None:
                item.setIcon(self._icon(photo))

    def _item_text(self, photo: AttachmentInfo) -> str:
        return photo.caption or photo.original_name or self.tr("(tanpa keterangan)")

    def _update_hint(self) -> None:
        if self._adding:
            self.hint_label.setText(self.tr("Menambahkan foto…"))
        elif self._visit_id is None:
            self.hint_label.setText(self.tr("Simpan kunjungan dahulu, lalu tambahkan fotonya."))
        elif self._read_only:
            self.hint_label.setText(self.tr("Kunjungan ini terkunci; foto hanya dapat dilihat."))
        else:
            self.hint_label.setText(
                self.tr("Tambahkan foto dengan tombol atau seret berkas foto ke sini.")
            )

    def _update_location(self) -> None:
        photo = self._current()
        if photo is None:
            self.location_label.setText(self.tr("Pilih foto untuk melihat lokasinya."))
        elif photo.latitude is None or photo.longitude is None:
            self.location_label.setText(self.tr("Foto ini tidak memuat lokasi GPS."))
        else:
            self.location_label.setText(
                self.tr("Lokasi foto: {lat:.6f}, {lon:.6f}").format(
                    lat=photo.latitude, lon=photo.longitude
                )
            )

    def _update_buttons(self) -> None:
        photo = self._current()
        editable = self._visit_id is not None and not self._read_only
        self.add_button.setEnabled(editable and not self._adding)
        self.remove_button.setEnabled(editable and photo is not None)
        self.caption_edit.setEnabled(editable and photo is not None)
        self.caption_button.setEnabled(editable and photo is not None)
        self.location_button.setEnabled(
            photo is not None
            and photo.latitude is not None
            and self._enterprise_id is not None
            and not self._read_only
        )

    @Slot(int)
    def _on_photo_list_current_row_changed(self, _row: int) -> None:
        photo = self._current()
        self.caption_edit.setText("" if photo is None else photo.caption or "")
        self._update_location()
        self._update_buttons()

    @Slot()
    def _on_add_button_clicked(self) -> None:
        paths = dialogs.open_files(
            self,
            self.tr("Pilih foto"),
            self.tr("Foto dan dokumen (*.jpg *.jpeg *.png *.webp *.pdf)"),
        )
        self.add_files(paths)

    def _on_add_succeeded(self, added: object) -> None:
        self._adding -= 1
        self._update_buttons()
        self.refresh()
        if isinstance(added, list) and added:
            self.select_photo(str(added[-1]))
        self.photos_changed.emit()

    def _on_add_failed(self, error: object) -> None:
        self._adding -= 1
        self._update_hint()
        self._on_operation_failed(error)

    def _on_operation_failed(self, error: object) -> None:
        self._update_buttons()
        if isinstance(error, BaseException):
            dialogs.show_error(self, error)

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        photo = self._current()
        if photo is None or not dialogs.confirm(
            self, self.tr("Hapus foto"), self.tr("Hapus foto ini dari kunjungan?")
        ):
            return
        run_operation(
            lambda session: remove_attachment(session, photo.id),
            database=self._database,
            changes=(ATTACHMENT,),
            on_success=lambda _result: self._on_changed(),
            on_failure=self._on_operation_failed,
            parent=self,
        )

    @Slot()
    def _on_caption_button_clicked(self) -> None:
        photo = self._current()
        if photo is None or self._read_only:
            return
        caption = self.caption_edit.text()
        run_operation(
            lambda session: set_caption(session, photo.id, caption),
            database=self._database,
            changes=(ATTACHMENT,),
            on_success=lambda _result: self._on_changed(),
            on_failure=self._on_operation_failed,
            parent=self,
        )

    def _on_changed(self) -> None:
        self.refresh()
        self.photos_changed.emit()

    @Slot()
    def _on_location_button_clicked(self) -> None:
        photo = self._current()
        enterprise_id = self._enterprise_id
        if photo is None or photo.latitude is None or photo.longitude is None:
            return
        if enterprise_id is None:
            return
        latitude, longitude = photo.latitude, photo.longitude
        if not dialogs.confirm(
            self,
            self.tr("Lokasi IKM"),
            self.tr("Simpan {lat:.6f}, {lon:.6f} sebagai lokasi IKM ini?").format(
                lat=latitude, lon=longitude
            ),
        ):
            return

        def work(session: Session) -> None:
            data = enterprise_input(get_enterprise(session, enterprise_id))
            update_enterprise(
                session, enterprise_id, replace(data, latitude=latitude, longitude=longitude)
            )

        run_operation(
            work,
            database=self._database,
            changes=(ENTERPRISE,),
            on_success=lambda _result: self.location_applied.emit(latitude, longitude),
            on_failure=self._on_operation_failed,
            parent=self,
        )
