"""Sinkronisasi: export a sync file, import files (picked or dropped), key cards, conflicts.

Export and import run as operations on the writer thread with a cancellable progress dialog
(hidden before any question is asked). An import is one conversation per file: when the
sender is not trusted yet the page asks the trust question once (``TrustDialog``), when the
package is locked it asks for the passphrase (``PassphraseDialog``; a wrong one says so and
the user tries again or cancels), and every answer is kept for the next try of that file, so
nothing is asked twice. Questions are opened window-modal with ``open()``; ``question`` is
the one on screen and ``question_asked`` announces it (tests answer it through its buttons).

What the page says about the next export is what ``export_package`` will write:
``services.sync_exchange.next_export_ops`` per recipient.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
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
from ikmdesk.services.record_label import field_name, record_name, value_text
from ikmdesk.services.sync_exchange import next_export_ops
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
from ikmdesk.ui.key_card_widget import KeyCardWidget
from ikmdesk.ui.operations import Operation, run_operation, run_with_progress
from ikmdesk.ui.passphrase_dialog import PassphraseDialog
from ikmdesk.ui.translations import current_language
from ikmdesk.ui.trust_dialog import TrustDialog, role_text
from ikmdesk.ui.window_messages import window_message

ALL_OFFICERS = "__all__"


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What one try at a file did: imported, refused, or waiting for the user's answer."""

    path: Path
    result: ImportResult | None = None
    error: UserError | None = None
    needs_trust: PeerInfo | None = None
    needs_passphrase: bool = False
    wrong_passphrase: bool = False
    declined: bool = False

    @property
    def refused(self) -> str | None:
        """Return why the file was not imported, in the window's words (None if it was)."""
        return None if self.error is None else window_message(self.error)


@dataclass(frozen=True, slots=True)
class PageData:
    """Everything the page shows, read in one go off the GUI thread."""

    device: DeviceInfo
    status: SyncStatus
    peers: list[PeerInfo]
    supervisor: PeerInfo | None
    history: list[PackageRecord]
    conflicts: list[ConflictRow]
    conflict_texts: dict[str, ConflictText]
    """What the conflict list writes for each conflict (by id), in the page's language."""
    next_export: dict[str, int]
    """Ops an export would carry now, by trusted peer id."""
    total_ops: int
    """Ops a full or passphrase-locked export carries: every op held."""

    @property
    def officers(self) -> list[PeerInfo]:
        """Return the trusted officers (a supervisor's recipients)."""
        return [p for p in self.peers if p.role == DeviceRole.OFFICER.value]


@dataclass(frozen=True, slots=True)
class ConflictText:
    """A conflict in words: the record, the field's label and both values as forms show them."""

    record: str
    field: str
    kept: str
    other: str


def conflict_text(session: Any, conflict: ConflictRow, lang: str) -> ConflictText:
    """Name a conflict's record, field and values for a person (worker side)."""
    entity, field_code = conflict.entity, conflict.field
    return ConflictText(
        record=record_name(session, entity, conflict.row_id, lang),
        field=field_name(field_code, lang, entity=entity),
        kept=value_text(session, entity, field_code, conflict.kept_value, lang),
        other=value_text(session, entity, field_code, conflict.other_value, lang),
    )


@dataclass
class _FileState:
    """The answers given so far for one file of an import, reused on every later try."""

    trust: bool = False
    passphrase: str | None = None


@dataclass
class _ImportFlow:
    """One import the user started: its files, their answers, what is still to ask."""

    paths: list[Path]
    states: dict[Path, _FileState] = field(default_factory=dict)
    latest: dict[Path, FileOutcome] = field(default_factory=dict)
    to_ask: list[FileOutcome] = field(default_factory=list)
    accepted_senders: set[str] = field(default_factory=set)
    declined_senders: set[str] = field(default_factory=set)
    running: int = 0


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
        outcomes.append(_import_one(database, path, trust=trust, passphrase=passphrase))
    if progress is not None:
        progress.report(len(paths), len(paths), "")
    return outcomes


def _import_one(
    database: Database, path: Path, *, trust: bool, passphrase: str | None
) -> FileOutcome:
    try:
        result = import_package(database, path, trust=trust, passphrase=passphrase)
    except PackageRefused as exc:
        if exc.message_id == MSG_UNKNOWN_SENDER:
            return FileOutcome(path, error=exc, needs_trust=read_package_sender(path))
        if exc.message_id in (MSG_PASSPHRASE_NEEDED, MSG_WRONG_PASSPHRASE):
            wrong = exc.message_id == MSG_WRONG_PASSPHRASE
            return FileOutcome(path, error=exc, needs_passphrase=True, wrong_passphrase=wrong)
        return FileOutcome(path, error=exc)
    except UserError as exc:
        return FileOutcome(path, error=exc)
    return FileOutcome(path, result=result)


def read_page(database: Database, lang: str = "id") -> PageData:
    """Read the device, status, peers, history, conflicts and export sizes (worker side)."""
    with database.unit_of_work() as session:
        peers = trusted_peers(session)
        conflicts = list_conflicts(session)
        return PageData(
            device=this_device(session),
            status=sync_status(session),
            peers=peers,
            supervisor=default_recipient(session),
            history=sync_history(session, limit=100),
            conflicts=conflicts,
            conflict_texts={c.id: conflict_text(session, c, lang) for c in conflicts},
            next_export={p.device_id: next_export_ops(session, p.device_id) for p in peers},
            total_ops=next_export_ops(session, None),
        )


class SyncPage(QWidget):
    """The Sinkronisasi page: export, import with its questions, key cards, history, conflicts."""

    imports_finished = Signal(object)
    """One import run ended (a list of FileOutcome); questions may follow."""
    import_completed = Signal(object)
    """An import the user started is over: every file's last outcome, every question answered."""
    export_finished = Signal(object)
    refreshed = Signal()
    question_asked = Signal(object)
    """A trust or passphrase question (a QDialog) was opened; ``question`` is it."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.data: PageData | None = None
        self.last_outcomes: list[FileOutcome] = []
        self.question: QDialog | None = None
        self._flow: _ImportFlow | None = None
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
        self.recipient_combo.currentIndexChanged.connect(self._on_export_choice_changed)
        self.full_check = QCheckBox(self.tr("Semua perubahan (paket lengkap)"))
        self.full_check.toggled.connect(self._on_export_choice_changed)
        self.export_button = QPushButton(self.tr("Ekspor berkas sinkronisasi…"))
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.pending_label = QLabel()
        self.pending_label.setWordWrap(True)
        self.export_result_label = QLabel()
        self.export_result_label.setWordWrap(True)
        self.export_result_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        export_box = QGroupBox(self.tr("Kirim"))
        export_column = QVBoxLayout(export_box)
        export_row = QHBoxLayout()
        export_row.addWidget(QLabel(self.tr("Untuk:")))
        export_row.addWidget(self.recipient_combo, 1)
        export_row.addWidget(self.full_check)
        export_row.addWidget(self.export_button)
        export_column.addLayout(export_row)
        export_column.addWidget(self.pending_label)
        export_column.addWidget(self.export_result_label)

        self.import_button = QPushButton(self.tr("Impor berkas…"))
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.import_result_label = QLabel(
            self.tr("Seret berkas .ikmsync ke sini atau pilih Impor.")
        )
        self.import_result_label.setWordWrap(True)
        self.import_result_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        import_box = QGroupBox(self.tr("Terima"))
        import_column = QVBoxLayout(import_box)
        import_column.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        import_column.addWidget(self.import_result_label)
        import_column.addStretch(1)

        self.key_cards = KeyCardWidget(self.database)
        self.key_cards.question_asked.connect(self._on_key_cards_question_asked)

        self.conflict_table = self._table(
            [self.tr("Data"), self.tr("Isian"), self.tr("Nilai dipakai"), self.tr("Oleh"),
             self.tr("Nilai lain"), self.tr("Oleh"), self.tr("Waktu")],
            stretch=(2, 4),
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
             self.tr("Perubahan"), self.tr("Konflik"), self.tr("Lampiran")],
            stretch=(3,),
        )  # fmt: skip
        history_box = QGroupBox(self.tr("Riwayat"))
        QVBoxLayout(history_box).addWidget(self.history_table)

        receive_row = QHBoxLayout()
        receive_row.addWidget(import_box, 1)
        receive_row.addWidget(self.key_cards, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.device_label)
        layout.addWidget(self.status_label)
        layout.addWidget(export_box)
        layout.addLayout(receive_row)
        layout.addWidget(conflict_box, 1)
        layout.addWidget(history_box, 1)

    def _table(self, headers: list[str], *, stretch: tuple[int, ...]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(len(headers)):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column in stretch
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        table.verticalHeader().setVisible(False)
        return table

    def refresh(self) -> Operation:
        """Reload everything shown, off the GUI thread."""
        lang = current_language()  # read here: the worker must not ask Qt
        return run_operation(
            lambda: read_page(self.database, lang),
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
                name=device.officer_name,
                role=role_text(device.role.value),
                fingerprint=device.fingerprint,
            )
        )
        lines = [
            self.tr("Konflik terbuka: {conflicts}.").format(conflicts=data.status.open_conflicts)
        ]
        if data.status.held_records:
            lines.append(
                self.tr(
                    "%n catatan tersimpan tetapi belum tampil: data yang ditautkannya (misalnya "
                    "IKM atau kunjungannya) ada di paket yang belum diimpor. Impor paket "
                    "berikutnya dari pengirimnya.",
                    "",
                    data.status.held_records,
                )
            )
        for device_id, ahead in data.status.clock_warnings.items():
            lines.append(
                self.tr("Peringatan: jam perangkat {device} lebih cepat {days:.1f} hari.").format(
                    device=device_id[:8], days=ahead / 86_400_000
                )
            )
        self.status_label.setText("\n".join(lines))
        self.key_cards.set_state(device, data.peers)
        self._fill_recipients(data)
        self._fill_conflicts(data.conflicts, data.conflict_texts)
        self._fill_history(data.history)
        self.refreshed.emit()

    def _fill_recipients(self, data: PageData) -> None:
        chosen = self.recipient_combo.currentData()
        self.recipient_combo.blockSignals(True)
        self.recipient_combo.clear()
        if data.device.role == DeviceRole.SUPERVISOR:
            self.recipient_combo.addItem(self.tr("Semua petugas"), ALL_OFFICERS)
            for officer in data.officers:
                self.recipient_combo.addItem(officer.officer_name, officer.device_id)
        elif data.supervisor is not None:
            self.recipient_combo.addItem(data.supervisor.officer_name, data.supervisor.device_id)
        else:
            self.recipient_combo.addItem(
                self.tr("(belum ada kunci kepala seksi — dikunci dengan kata sandi)"), None
            )
        index = self.recipient_combo.findData(chosen)
        self.recipient_combo.setCurrentIndex(max(index, 0))
        self.recipient_combo.blockSignals(False)
        self._on_export_choice_changed()

    def next_export_ops(self) -> int | dict[str, int]:
        """Return what the export as now chosen would carry: ops, or ops per officer."""
        assert self.data is not None
        target = self.recipient_combo.currentData()
        if self.full_check.isChecked() or target is None:
            return self.data.total_ops
        if target == ALL_OFFICERS:
            return {o.device_id: self.data.next_export[o.device_id] for o in self.data.officers}
        return self.data.next_export.get(target, self.data.total_ops)

    @Slot()
    def _on_export_choice_changed(self) -> None:
        if self.data is None:
            return
        count = self.next_export_ops()
        if isinstance(count, dict):
            if count:
                per_officer = "; ".join(
                    f"{o.officer_name}: {count[o.device_id]}" for o in self.data.officers
                )
                text = self.tr("Ekspor berikutnya membawa, per petugas: {list}.").format(
                    list=per_officer
                )
            else:
                text = self.tr(
                    "Belum ada petugas yang dipercaya. Impor dulu paket atau kartu kunci petugas."
                )
        elif self.full_check.isChecked():
            text = self.tr(
                "Ekspor berikutnya membawa semua {ops} perubahan (paket lengkap)."
            ).format(ops=count)
        elif self.recipient_combo.currentData() is None:
            text = self.tr(
                "Ekspor berikutnya membawa semua {ops} perubahan: paket berkata sandi selalu "
                "lengkap."
            ).format(ops=count)
        else:
            text = self.tr(
                "Ekspor berikutnya membawa {ops} perubahan yang belum dipastikan diterima {name}."
            ).format(ops=count, name=self.recipient_combo.currentText())
        self.pending_label.setText(text)

    def _fill_conflicts(
        self, conflicts: list[ConflictRow], texts: dict[str, ConflictText] | None = None
    ) -> None:
        self.conflict_table.setRowCount(len(conflicts))
        unknown = self.tr("perangkat tidak dikenal")
        for row, conflict in enumerate(conflicts):
            deleted = conflict.kind in ("deleted", "parent")  # the kept side is a tombstone
            text = (texts or {}).get(conflict.id) or ConflictText("", "", "", "")
            values = [
                text.record,
                text.field,
                self.tr("(dihapus)") if deleted else text.kept,
                conflict.kept_officer or unknown,
                text.other,
                conflict.other_officer or unknown,
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
                record.peer_name or (record.peer_id or "")[:8] or self.tr("(kata sandi)"),
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
            if not self.data.officers:
                self.export_result_label.setText(
                    self.tr(
                        "Belum ada petugas yang dipercaya. Impor dulu paket atau kartu kunci "
                        "petugas."
                    )
                )
                return
            folder = dialogs.choose_folder(self, self.tr("Pilih folder (flashdisk) tujuan"))
            if folder is None:
                return
            jobs = [(o.device_id, folder / self._file_name(o)) for o in self.data.officers]
            self.export_to(jobs, passphrase=None)
            return
        recipient = next((p for p in self.data.peers if p.device_id == target), None)
        path = dialogs.save_file(
            self,
            self.tr("Simpan berkas sinkronisasi"),
            self._file_name(recipient),
            self.tr("Berkas sinkronisasi (*.ikmsync)"),
        )
        if path is None:
            return
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        if target is not None:
            self.export_to([(target, path)], passphrase=None)
            return
        dialog = PassphraseDialog(self, file_name=path.name, choose=True)
        dialog.finished.connect(lambda answer: self._on_export_passphrase_answered(path, answer))
        self._ask(dialog)

    def _on_export_passphrase_answered(self, path: Path, answer: int) -> None:
        passphrase = self._answered_passphrase(answer)
        if passphrase is None:
            self.export_result_label.setText(
                self.tr("Ekspor dibatalkan; tidak ada berkas yang ditulis.")
            )
            return
        self.export_to([(None, path)], passphrase=passphrase)

    def _file_name(self, recipient: PeerInfo | None) -> str:
        assert self.data is not None
        return default_file_name(self.data.device, recipient, now=datetime.now().astimezone())

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
            on_failure=self._on_export_failed,
        )

    @Slot(object)
    def _on_exported(self, results: list[ExportResult]) -> None:
        names = {p.device_id: p.officer_name for p in self.data.peers} if self.data else {}
        lines = []
        for result in results:
            if result.recipient_id is None:
                lock = self.tr("dikunci dengan kata sandi")
            else:
                lock = self.tr("dikunci untuk {name}").format(
                    name=names.get(result.recipient_id, result.recipient_id[:8])
                )
            lines.append(
                self.tr("{file}: {ops} perubahan, {attachments} lampiran, {lock}.").format(
                    file=result.path.name, ops=result.ops, attachments=result.attachments, lock=lock
                )
            )
        if results:
            lines.append(
                self.tr("Disimpan di folder {folder}.").format(folder=str(results[0].path.parent))
            )
        self.export_result_label.setText("\n".join(lines))
        self.export_finished.emit(results)

    def _on_export_failed(self, error: BaseException) -> None:
        self.export_result_label.setText(
            self.tr("Ekspor gagal: {reason}").format(reason=dialogs.translate_error(error))
        )
        dialogs.show_error(self, error)

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

    def import_paths(self, paths: list[Path]) -> Operation | None:
        """Import the files, then ask what they need (trust, passphrase), one file at a time."""
        if self._flow is not None:
            return None  # one import conversation at a time; the button is disabled meanwhile
        unique = list(dict.fromkeys(paths))  # a file picked twice is imported once
        self._flow = _ImportFlow(paths=unique)
        self.import_button.setEnabled(False)
        return self._run_import(unique, _FileState())

    def _run_import(self, paths: list[Path], state: _FileState) -> Operation:
        assert self._flow is not None
        for path in paths:
            self._flow.states[path] = replace(state)
        self._flow.running += 1
        database = self.database

        def work(progress: Any) -> list[FileOutcome]:
            return import_files(
                database, paths, trust=state.trust, passphrase=state.passphrase, progress=progress
            )

        return run_with_progress(
            self,
            self.tr("Mengimpor"),
            work,
            changes=(*sorted(ALL_ENTITIES), SYNC),
            on_success=self._on_imported,
            on_failure=self._on_import_failed,
        )

    @Slot(object)
    def _on_imported(self, outcomes: list[FileOutcome]) -> None:
        flow = self._flow
        assert flow is not None
        flow.running -= 1
        for outcome in outcomes:
            flow.latest[outcome.path] = outcome
            if outcome.needs_trust is not None or outcome.needs_passphrase:
                flow.to_ask.append(outcome)
        self.last_outcomes = outcomes
        self._show_import_lines()
        self.imports_finished.emit(outcomes)
        self._ask_next()

    def _on_import_failed(self, error: BaseException) -> None:
        assert self._flow is not None
        self._flow.running -= 1
        dialogs.show_error(self, error)
        self._ask_next()

    def _ask_next(self) -> None:
        """Ask the next question the files of this import need; end the import when none."""
        flow = self._flow
        assert flow is not None
        while flow.to_ask:
            outcome = flow.to_ask.pop(0)
            state = flow.states[outcome.path]
            sender = outcome.needs_trust
            if sender is not None:
                if state.trust or sender.device_id in flow.declined_senders:
                    self._settle(replace(outcome, needs_trust=None, declined=True))
                    continue
                if sender.device_id in flow.accepted_senders:
                    self._run_import([outcome.path], replace(state, trust=True))
                    return
                source = self.tr("Paket {file}").format(file=outcome.path.name)
                dialog: QDialog = TrustDialog(self, sender, source=source)
                dialog.finished.connect(
                    lambda answer, o=outcome: self._on_trust_answered(o, answer)
                )
                self._ask(dialog)
                return
            dialog = PassphraseDialog(
                self,
                file_name=outcome.path.name,
                choose=False,
                wrong=outcome.wrong_passphrase and state.passphrase is not None,
            )
            dialog.finished.connect(
                lambda answer, o=outcome: self._on_passphrase_answered(o, answer)
            )
            self._ask(dialog)
            return
        if flow.running == 0:
            self._flow = None
            self.import_button.setEnabled(True)
            self.import_completed.emit([flow.latest[p] for p in flow.paths if p in flow.latest])

    def _on_trust_answered(self, outcome: FileOutcome, answer: int) -> None:
        flow = self._flow
        assert flow is not None and outcome.needs_trust is not None
        self._close_question()
        sender = outcome.needs_trust.device_id
        if answer != QDialog.DialogCode.Accepted:
            flow.declined_senders.add(sender)
            self._settle(replace(outcome, needs_trust=None, declined=True))
            self._ask_next()
            return
        flow.accepted_senders.add(sender)
        self._run_import([outcome.path], replace(flow.states[outcome.path], trust=True))

    def _on_passphrase_answered(self, outcome: FileOutcome, answer: int) -> None:
        flow = self._flow
        assert flow is not None
        passphrase = self._answered_passphrase(answer)
        if passphrase is None:
            self._settle(replace(outcome, needs_passphrase=False, declined=True))
            self._ask_next()
            return
        self._run_import([outcome.path], replace(flow.states[outcome.path], passphrase=passphrase))

    def _settle(self, outcome: FileOutcome) -> None:
        assert self._flow is not None
        self._flow.latest[outcome.path] = outcome
        self._show_import_lines()

    def _ask(self, dialog: QDialog) -> None:
        self.question = dialog
        dialog.open()
        self.question_asked.emit(dialog)

    def _answered_passphrase(self, answer: int) -> str | None:
        dialog = self.question
        self._close_question()
        if answer != QDialog.DialogCode.Accepted or not isinstance(dialog, PassphraseDialog):
            return None
        return dialog.passphrase() or None

    def _close_question(self) -> None:
        if self.question is not None:
            self.question.deleteLater()
            self.question = None

    @Slot(object)
    def _on_key_cards_question_asked(self, dialog: QDialog) -> None:
        self.question_asked.emit(dialog)

    def _show_import_lines(self) -> None:
        assert self._flow is not None
        latest = self._flow.latest
        self.import_result_label.setText(
            "\n".join(self._summary(latest[p]) for p in self._flow.paths if p in latest)
        )

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
            if result.held:
                text += " " + self.tr(
                    "%n catatan menunggu data yang ditautkannya dari paket lain.", "", result.held
                )
            if result.newly_trusted:
                text += " " + self.tr("{name} kini dipercaya.").format(name=result.sender_name)
            if result.clock_ahead_ms:
                text += " " + self.tr("Jam pengirim lebih cepat dari jam perangkat ini.")
            return text
        if outcome.declined and outcome.error is not None:
            if outcome.error.message_id == MSG_UNKNOWN_SENDER:
                return self.tr("{file}: pengirim tidak dipercaya; tidak diimpor.").format(file=name)
            return self.tr("{file}: kata sandi tidak dimasukkan; tidak diimpor.").format(file=name)
        if outcome.needs_trust is not None:
            return self.tr("{file}: pengirim belum dipercaya.").format(file=name)
        if outcome.needs_passphrase:
            if outcome.wrong_passphrase:
                return self.tr("{file}: kata sandi salah.").format(file=name)
            return self.tr("{file}: dikunci dengan kata sandi.").format(file=name)
        return self.tr("{file}: ditolak — {reason}").format(file=name, reason=outcome.refused)

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


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%d-%m-%Y %H:%M")
