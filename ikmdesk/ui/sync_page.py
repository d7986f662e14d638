"""Sinkronisasi: export a sync file, import files (picked or dropped), review conflicts.

Export and import run as operations on the writer thread with a cancellable progress
dialog; the page shows what each import did, asks before trusting an unknown sender, and
lists the import/export history and the open conflicts with "restore the other value".
Prompts are small methods (``ask_trust``, ``ask_passphrase``) that tests replace.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ikmdesk.db import Database
from ikmdesk.errors import UserError
from ikmdesk.models.enums import DeviceRole
from ikmdesk.services.device import DeviceInfo, this_device
from ikmdesk.services.sync_review import (
    ConflictRow,
    keep_current_value,
    list_conflicts,
    restore_other_value,
)
from ikmdesk.services.sync_service import (
    ExportResult,
    ImportResult,
    PackageRecord,
    SyncStatus,
    default_file_name,
    default_recipient,
    export_package,
    import_package,
    read_package_sender,
    sync_history,
    sync_status,
)
from ikmdesk.services.sync_trust import PeerInfo, trusted_peers
from ikmdesk.sync.package_format import (
    MSG_PASSPHRASE_NEEDED,
    MSG_UNKNOWN_SENDER,
    MSG_WRONG_PASSPHRASE,
    SUFFIX,
    PackageRefused,
)
from ikmdesk.ui import dialogs
from ikmdesk.ui.change_bus import ALL_ENTITIES, SYNC, change_bus
from ikmdesk.ui.operations import Operation, run_operation, run_with_progress

ALL_OFFICERS = "__all__"


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What happened to one picked file: imported, refused, or waiting for the user's answer."""

    path: Path
    result: ImportResult | None = None
    refused: str | None = None
    needs_trust: PeerInfo | None = None
    needs_passphrase: bool = False


@dataclass(frozen=True, slots=True)
class PageData:
    """Everything the page shows, read in one go off the GUI thread."""

    device: DeviceInfo
    status: SyncStatus
    officers: list[PeerInfo]
    supervisor: PeerInfo | None
    history: list[PackageRecord]
    conflicts: list[ConflictRow]


def import_files(
    database: Database,
    paths: list[Path],
    *,
    trust: bool = False,
    passphrase: str | None = None,
    progress: Any = None,
) -> list[FileOutcome]:
    """Import each file in turn (worker side); prompts needed are returned, never shown here."""
    outcomes = []
    for number, path in enumerate(paths):
        if progress is not None:
            progress.raise_if_cancelled()
            progress.report(number, len(paths), path.name)
        try:
            result = import_package(database, path, trust=trust, passphrase=passphrase)
        except PackageRefused as exc:
            if exc.message_id == MSG_UNKNOWN_SENDER:
                outcomes.append(FileOutcome(path, needs_trust=read_package_sender(path)))
            elif exc.message_id in (MSG_PASSPHRASE_NEEDED, MSG_WRONG_PASSPHRASE):
                outcomes.append(FileOutcome(path, needs_passphrase=True, refused=exc.message()))
            else:
                outcomes.append(FileOutcome(path, refused=exc.message()))
        except UserError as exc:
            outcomes.append(FileOutcome(path, refused=exc.message()))
        else:
            outcomes.append(FileOutcome(path, result=result))
    if progress is not None:
        progress.report(len(paths), len(paths), "")
    return outcomes


def read_page(database: Database) -> PageData:
    """Read the device, status, peers, history and open conflicts (worker side)."""
    with database.unit_of_work() as session:
        peers = trusted_peers(session)
        return PageData(
            device=this_device(session),
            status=sync_status(session),
            officers=[p for p in peers if p.role == DeviceRole.OFFICER.value],
            supervisor=default_recipient(session),
            history=sync_history(session, limit=100),
            conflicts=list_conflicts(session),
        )


class SyncPage(QWidget):
    """The Sinkronisasi page: export, import with progress, history and conflict review."""

    imports_finished = Signal(object)
    export_finished = Signal(object)
    refreshed = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.data: PageData | None = None
        self.last_outcomes: list[FileOutcome] = []
        self._bus = change_bus()
        self.setAcceptDrops(True)
        self._build()
        self._bus.data_changed.connect(self._on_bus_data_changed)
        self.refresh()

    def _build(self) -> None:
        self.device_label = QLabel()
        self.device_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        self.recipient_combo = QComboBox()
        self.full_check = QCheckBox(self.tr("Semua perubahan (paket lengkap)"))
        self.export_button = QPushButton(self.tr("Ekspor berkas sinkronisasi…"))
        self.export_button.clicked.connect(self._on_export_button_clicked)
        export_box = QGroupBox(self.tr("Kirim"))
        export_row = QHBoxLayout(export_box)
        export_row.addWidget(QLabel(self.tr("Untuk:")))
        export_row.addWidget(self.recipient_combo, 1)
        export_row.addWidget(self.full_check)
        export_row.addWidget(self.export_button)

        self.import_button = QPushButton(self.tr("Impor berkas…"))
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.result_label = QLabel(self.tr("Seret berkas .ikmsync ke sini atau pilih Impor."))
        self.result_label.setWordWrap(True)
        import_box = QGroupBox(self.tr("Terima"))
        import_column = QVBoxLayout(import_box)
        import_column.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        import_column.addWidget(self.result_label)

        self.conflict_table = self._table(
            [self.tr("Data"), self.tr("Isian"), self.tr("Nilai dipakai"), self.tr("Oleh"),
             self.tr("Nilai lain"), self.tr("Oleh"), self.tr("Waktu")]
        )  # fmt: skip
        self.restore_button = QPushButton(self.tr("Pulihkan nilai lain"))
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.keep_button = QPushButton(self.tr("Pertahankan nilai dipakai"))
        self.keep_button.clicked.connect(self._on_keep_button_clicked)
        conflict_box = QGroupBox(self.tr("Konflik yang perlu ditinjau"))
        conflict_column = QVBoxLayout(conflict_box)
        conflict_column.addWidget(self.conflict_table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.keep_button)
        buttons.addStretch(1)
        conflict_column.addLayout(buttons)

        self.history_table = self._table(
            [self.tr("Waktu"), self.tr("Arah"), self.tr("Perangkat"), self.tr("Berkas"),
             self.tr("Perubahan"), self.tr("Konflik"), self.tr("Lampiran")]
        )  # fmt: skip
        history_box = QGroupBox(self.tr("Riwayat"))
        QVBoxLayout(history_box).addWidget(self.history_table)

        layout = QVBoxLayout(self)
        layout.addWidget(self.device_label)
        layout.addWidget(self.status_label)
        layout.addWidget(export_box)
        layout.addWidget(import_box)
        layout.addWidget(conflict_box, 1)
        layout.addWidget(history_box, 1)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        return table

    def refresh(self) -> Operation:
        """Reload everything shown, off the GUI thread."""
        return run_operation(
            lambda: read_page(self.database),
            on_success=self._on_page_read,
            on_failure=lambda error: dialogs.show_error(self, error),
            parent=self,
        )

    @Slot(object)
    def _on_page_read(self, data: PageData) -> None:
        self.data = data
        device = data.device
        self.device_label.setText(
            self.tr("Perangkat ini: {name} ({role}) — sidik jari {fingerprint}").format(
                name=device.officer_name, role=device.role.value, fingerprint=device.fingerprint
            )
        )
        pending = sum(p.pending_ops for p in data.status.peers)
        lines = [
            self.tr("Perubahan belum terkirim: {pending}. Konflik terbuka: {conflicts}.").format(
                pending=pending, conflicts=data.status.open_conflicts
            )
        ]
        for device_id, ahead in data.status.clock_warnings.items():
            lines.append(
                self.tr("Peringatan: jam perangkat {device} lebih cepat {days:.1f} hari.").format(
                    device=device_id[:8], days=ahead / 86_400_000
                )
            )
        self.status_label.setText("\n".join(lines))
        self._fill_recipients(data)
        self._fill_conflicts(data.conflicts)
        self._fill_history(data.history)
        self.refreshed.emit()

    def _fill_recipients(self, data: PageData) -> None:
        self.recipient_combo.clear()
        if data.device.role == DeviceRole.SUPERVISOR:
            self.recipient_combo.addItem(self.tr("Semua petugas"), ALL_OFFICERS)
            for officer in data.officers:
                self.recipient_combo.addItem(officer.officer_name, officer.device_id)
        elif data.supervisor is not None:
            self.recipient_combo.addItem(data.supervisor.officer_name, data.supervisor.device_id)
        else:
            self.recipient_combo.addItem(
                self.tr("(belum ada kepala seksi — pakai kata sandi)"), None
            )

    def _fill_conflicts(self, conflicts: list[ConflictRow]) -> None:
        self.conflict_table.setRowCount(len(conflicts))
        for row, conflict in enumerate(conflicts):
            deleted = conflict.kind == "deleted"
            values = [
                f"{conflict.entity} {conflict.row_id[:8]}",
                conflict.field,
                self.tr("(dihapus)") if deleted else _text(conflict.kept_value),
                conflict.kept_officer or conflict.kept_device_id[:8],
                _text(conflict.other_value),
                conflict.other_officer or conflict.other_device_id[:8],
                _when(conflict.other_at),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, conflict.id)
                self.conflict_table.setItem(row, column, item)
        has_rows = bool(conflicts)
        self.restore_button.setEnabled(has_rows)
        self.keep_button.setEnabled(has_rows)

    def _fill_history(self, history: list[PackageRecord]) -> None:
        self.history_table.setRowCount(len(history))
        for row, record in enumerate(history):
            direction = self.tr("impor") if record.direction == "import" else self.tr("ekspor")
            values = [
                _when(record.at),
                direction,
                record.peer_name or (record.peer_id or "")[:8] or self.tr("siapa saja"),
                record.file_name,
                str(record.applied if record.direction == "import" else record.ops),
                str(record.conflicts),
                str(record.attachments),
            ]
            for column, value in enumerate(values):
                self.history_table.setItem(row, column, QTableWidgetItem(value))

    @Slot()
    def _on_export_button_clicked(self) -> None:
        if self.data is None:
            return
        target = self.recipient_combo.currentData()
        if target == ALL_OFFICERS:
            folder = dialogs.choose_folder(self, self.tr("Pilih folder (flashdisk) tujuan"))
            if folder is None:
                return
            jobs = [
                (o.device_id, folder / self._file_name(o.device_id)) for o in self.data.officers
            ]
            self.export_to(jobs, passphrase=None)
            return
        path = dialogs.save_file(
            self,
            self.tr("Simpan berkas sinkronisasi"),
            self._file_name(target),
            self.tr("Berkas sinkronisasi (*.ikmsync)"),
        )
        if path is None:
            return
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        passphrase = None
        if target is None:
            passphrase = self.ask_passphrase(path.name, confirm=True)
            if not passphrase:
                return
        self.export_to([(target, path)], passphrase=passphrase)

    def _file_name(self, recipient_id: str | None) -> str:
        assert self.data is not None
        return default_file_name(self.data.device, recipient_id, now=datetime.now(UTC))

    def export_to(
        self, jobs: list[tuple[str | None, Path]], *, passphrase: str | None
    ) -> Operation:
        """Write one package per (recipient, path) on the writer thread."""
        full = self.full_check.isChecked()
        database = self.database

        def work(progress: Any) -> list[ExportResult]:
            results = []
            for number, (recipient, path) in enumerate(jobs):
                progress.raise_if_cancelled()
                progress.report(number, len(jobs), path.name)
                results.append(
                    export_package(database, path, to=recipient, full=full, passphrase=passphrase)
                )
            return results

        return run_with_progress(
            self,
            self.tr("Mengekspor"),
            work,
            changes=(SYNC,),
            on_success=self._on_exported,
        )

    @Slot(object)
    def _on_exported(self, results: list[ExportResult]) -> None:
        text = "\n".join(
            self.tr("{file}: {ops} perubahan, {attachments} lampiran.").format(
                file=r.path.name, ops=r.ops, attachments=r.attachments
            )
            for r in results
        )
        self.result_label.setText(text)
        self.export_finished.emit(results)

    @Slot()
    def _on_import_button_clicked(self) -> None:
        paths = dialogs.open_files(
            self, self.tr("Pilih berkas sinkronisasi"), self.tr("Berkas sinkronisasi (*.ikmsync)")
        )
        if paths:
            self.import_paths(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.toLocalFile().endswith(SUFFIX) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls()]
        paths = [p for p in paths if p.suffix == SUFFIX]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def import_paths(
        self, paths: list[Path], *, trust: bool = False, passphrase: str | None = None
    ) -> Operation:
        """Import the files on the writer thread; asks about untrusted senders afterwards."""
        database = self.database

        def work(progress: Any) -> list[FileOutcome]:
            return import_files(
                database, paths, trust=trust, passphrase=passphrase, progress=progress
            )

        return run_with_progress(
            self,
            self.tr("Mengimpor"),
            work,
            changes=(*sorted(ALL_ENTITIES), SYNC),
            on_success=self._on_imported,
        )

    @Slot(object)
    def _on_imported(self, outcomes: list[FileOutcome]) -> None:
        self.last_outcomes = outcomes
        self.result_label.setText("\n".join(self._summary(o) for o in outcomes))
        to_trust = [o for o in outcomes if o.needs_trust is not None]
        accepted = [o.path for o in to_trust if o.needs_trust and self.ask_trust(o.needs_trust)]
        locked = [o.path for o in outcomes if o.needs_passphrase]
        self.imports_finished.emit(outcomes)
        if accepted:
            self.import_paths(accepted, trust=True)
        for path in locked:
            passphrase = self.ask_passphrase(path.name, confirm=False)
            if passphrase:
                self.import_paths([path], passphrase=passphrase)

    def _summary(self, outcome: FileOutcome) -> str:
        name = outcome.path.name
        if outcome.result is not None:
            result = outcome.result
            if result.already_imported:
                return self.tr("{file}: sudah pernah diimpor; tidak ada yang berubah.").format(
                    file=name
                )
            text = self.tr(
                "{file}: {applied} perubahan baru, {known} sudah ada, {conflicts} konflik, "
                "{attachments} lampiran."
            ).format(
                file=name,
                applied=result.applied,
                known=result.already_known,
                conflicts=result.conflicts,
                attachments=result.attachments,
            )
            if result.clock_ahead_ms:
                text += " " + self.tr("Jam pengirim lebih cepat dari jam perangkat ini.")
            return text
        if outcome.needs_trust is not None:
            return self.tr("{file}: pengirim belum dipercaya.").format(file=name)
        return self.tr("{file}: ditolak — {reason}").format(file=name, reason=outcome.refused)

    def ask_trust(self, peer: PeerInfo) -> bool:
        """Ask whether to trust a package's unknown sender (tests replace this)."""
        return dialogs.confirm(
            self,
            self.tr("Percayai pengirim?"),
            self.tr(
                "Berkas ini dari perangkat yang belum dikenal:\n{name} ({role})\n"
                "Sidik jari: {fingerprint}\n\nCocokkan sidik jari dengan pengirim. Percayai?"
            ).format(name=peer.officer_name, role=peer.role, fingerprint=peer.fingerprint),
        )

    def ask_passphrase(self, file_name: str, *, confirm: bool) -> str | None:
        """Ask for a package passphrase (tests replace this); None when cancelled."""
        text, ok = QInputDialog.getText(
            self,
            self.tr("Kata sandi paket"),
            self.tr("Kata sandi untuk {file}:").format(file=file_name),
            QLineEdit.EchoMode.Password,
        )
        del confirm  # a second "repeat it" field would go here for exports
        return text if ok and text else None

    def selected_conflict_id(self) -> str | None:
        """Return the id of the conflict selected in the list (or the first one)."""
        row = self.conflict_table.currentRow()
        if row < 0 and self.conflict_table.rowCount():
            row = 0
        item = self.conflict_table.item(row, 0) if row >= 0 else None
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    @Slot()
    def _on_restore_button_clicked(self) -> None:
        self._resolve(restore_other_value)

    @Slot()
    def _on_keep_button_clicked(self) -> None:
        self._resolve(keep_current_value)

    def _resolve(self, action: Callable[[Any, str], None]) -> Operation | None:
        conflict_id = self.selected_conflict_id()
        if conflict_id is None:
            return None
        return run_operation(
            lambda session: action(session, conflict_id),
            database=self.database,
            changes=(*sorted(ALL_ENTITIES), SYNC),
            on_failure=lambda error: dialogs.show_error(self, error),
            parent=self,
        )

    @Slot(object)
    def _on_bus_data_changed(self, entities: frozenset[str]) -> None:
        if SYNC in entities:
            self.refresh()


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
