"""Tindak lanjut: every follow-up, filtered by state and text; mark one done with a note.

Lists come from ``services.follow_up`` (the first page read off the GUI thread, later pages
as the table scrolls); marking done or reopening runs as an operation that announces
"follow_up" on the change bus, so Beranda and the visit pages refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ikmdesk.db import Database
from ikmdesk.services.follow_up import (
    FollowUpFilter,
    FollowUpRow,
    count_follow_ups,
    list_follow_ups,
    mark_done,
    mark_open,
)
from ikmdesk.ui import dialogs
from ikmdesk.ui.change_bus import change_bus
from ikmdesk.ui.follow_up_dialog import FollowUpDialog
from ikmdesk.ui.follow_up_model import (
    COL_ACTION,
    COL_DONE_ON,
    COL_DUE,
    COL_ENTERPRISE,
    COL_NOTE,
    COL_OWNER,
    COL_STATE,
    PAGE_SIZE,
    SORT_KEYS,
    FollowUpTableModel,
)
from ikmdesk.ui.operations import Operation, run_operation

WATCHED = frozenset({"follow_up", "visit", "enterprise", "sync"})
SEARCH_DELAY_MS = 250
# Filter choices: (state passed to FollowUpFilter, label). "open" is every follow-up not done.
STATE_CHOICES: tuple[str | None, ...] = ("open", "overdue", "due", "done", None)


class MarkDoneDialog(QDialog):
    """Asks when a follow-up was done and what came of it."""

    def __init__(self, row: FollowUpRow, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow_up = row
        self.setWindowTitle(self.tr("Tandai selesai"))
        self.setMinimumWidth(440)
        self.action_label = QLabel(
            self.tr("{enterprise}: {action}").format(
                enterprise=row.enterprise_name, action=row.action
            )
        )
        self.action_label.setWordWrap(True)
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(self.tr("mis. rak sudah dipasang, dicek saat kunjungan"))
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(
            self.tr("Tandai selesai"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Tanggal selesai:"), self.date_edit)
        form.addRow(self.tr("Catatan:"), self.note_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.action_label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.note_edit.setFocus()

    def done_on(self) -> date:
        """Return the chosen completion date."""
        return self.date_edit.date().toPython()

    def note(self) -> str:
        """Return the note as typed."""
        return self.note_edit.toPlainText()


class FollowUpPage(QWidget):
    """All follow-ups, with state and text filters, and the actions on one."""

    visit_requested = Signal(str)
    rows_loaded = Signal(int)
    follow_up_changed = Signal(str)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.today: Callable[[], date] = date.today
        self.mark_done_dialog: MarkDoneDialog | None = None
        self._loading: Operation | None = None
        self._reload_wanted = False
        self._sort_column = COL_DUE
        self._sort_order = Qt.SortOrder.AscendingOrder

        self.title_label = QLabel()
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.state_label = QLabel()
        self.state_combo = QComboBox()
        for state in STATE_CHOICES:
            self.state_combo.addItem("", state)
        self.state_combo.currentIndexChanged.connect(self.reload)
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.count_label = QLabel()

        self.model = FollowUpTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(False)  # sorting happens in SQL; see _on_header_clicked
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSortIndicator(COL_DUE, Qt.SortOrder.AscendingOrder)
        header.sectionClicked.connect(self._on_header_section_clicked)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_ACTION, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        for column, width in (
            (COL_DUE, 95),
            (COL_STATE, 135),
            (COL_ENTERPRISE, 210),
            (COL_OWNER, 150),
            (COL_DONE_ON, 95),
            (COL_NOTE, 170),
        ):
            self.table.setColumnWidth(column, width)
        # Compact rows: a field officer's laptop screen shows more follow-ups at once.
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_follow_up)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_selected)
        self.follow_up_dialog: FollowUpDialog | None = None
        self.done_button = QPushButton()
        self.done_button.clicked.connect(self.start_mark_done)
        self.reopen_button = QPushButton()
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.visit_button = QPushButton()
        self.visit_button.clicked.connect(self.open_selected_visit)

        filters = QHBoxLayout()
        filters.addWidget(self.state_label)
        filters.addWidget(self.state_combo)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.count_label)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.done_button)
        actions.addWidget(self.reopen_button)
        actions.addStretch(1)
        actions.addWidget(self.visit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self.retranslate_ui()
        self._update_buttons()
        change_bus().data_changed.connect(self._on_change_bus_data_changed)
        self.reload()

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.title_label.setText(self.tr("Tindak lanjut"))
        self.state_label.setText(self.tr("&Tampilkan:"))
        self.state_label.setBuddy(self.state_combo)
        labels = {
            "open": self.tr("Belum selesai"),
            "overdue": self.tr("Terlambat"),
            "due": self.tr("Jatuh tempo 7 hari ke depan"),
            "done": self.tr("Sudah selesai"),
            None: self.tr("Semua"),
        }
        for index, state in enumerate(STATE_CHOICES):
            self.state_combo.setItemText(index, labels[state])
        self.search_edit.setPlaceholderText(self.tr("Cari IKM, tindakan atau penanggung jawab…"))
        self.add_button.setText(self.tr("&Tambah…"))
        self.add_button.setToolTip(
            self.tr("Tindak lanjut baru untuk kunjungan mana pun (mula-mula: kunjungan terpilih).")
        )
        self.edit_button.setText(self.tr("&Ubah…"))
        self.done_button.setText(self.tr("Tandai &selesai…"))
        self.reopen_button.setText(self.tr("&Buka lagi"))
        self.reopen_button.setToolTip(self.tr("Hapus tanda selesai: tindak lanjut belum beres."))
        self.visit_button.setText(self.tr("Buka &kunjungan"))
        self._show_count()

    def show_state(self, state: str | None) -> None:
        """Filter to ``state`` ("open", "overdue", "due", "done" or None for all)."""
        self.state_combo.setCurrentIndex(max(self.state_combo.findData(state), 0))

    def focus_search(self) -> None:
        """Put the cursor in the search box (Ctrl+F)."""
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def current_filter(self) -> FollowUpFilter:
        """Return the filter the controls describe."""
        return FollowUpFilter(
            state=self.state_combo.currentData(),
            text=self.search_edit.text(),
            today=self.today(),
        )

    @Slot()
    def reload(self) -> None:
        """Read the first page of the filtered list off the GUI thread."""
        self._search_timer.stop()
        if self._loading is not None:
            self._reload_wanted = True
            return
        flt = self.current_filter()
        sort = SORT_KEYS[self._sort_column]
        descending = self._sort_order == Qt.SortOrder.DescendingOrder

        def work(session: Session) -> tuple[list[FollowUpRow], int]:
            rows = list_follow_ups(session, flt, sort=sort, descending=descending, limit=PAGE_SIZE)
            return rows, count_follow_ups(session, flt)

        def fetch(offset: int, limit: int) -> list[FollowUpRow]:
            with self.database.unit_of_work() as session:
                return list_follow_ups(
                    session, flt, sort=sort, descending=descending, offset=offset, limit=limit
                )

        self._loading = Operation(work, database=self.database)
        self._loading.succeeded.connect(
            lambda result: self._on_rows_loaded(result[0], result[1], fetch)
        )
        self._loading.failed.connect(lambda error: dialogs.show_error(self, error))
        self._loading.finished.connect(self._on_loading_finished)
        self._loading.start()

    def _on_rows_loaded(
        self, rows: list[FollowUpRow], total: int, fetch: Callable[[int, int], list[FollowUpRow]]
    ) -> None:
        selected = self.selected_row()
        self.model.set_rows(rows, total=total, fetch=fetch)
        if selected is not None:
            self.select_follow_up(selected.id)
        self._show_count()
        self.rows_loaded.emit(total)

    @Slot()
    def _on_loading_finished(self) -> None:
        self._loading = None
        if self._reload_wanted:
            self._reload_wanted = False
            self.reload()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("%n tindak lanjut", "", self.model.total))

    def selected_row(self) -> FollowUpRow | None:
        """Return the follow-up selected in the table, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_follow_up(self, follow_up_id: str) -> bool:
        """Select the row of ``follow_up_id`` if it is loaded; returns whether it was."""
        row = self.model.row_of(follow_up_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    @Slot()
    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.edit_button.setEnabled(row is not None)
        self.done_button.setEnabled(row is not None and row.state != "done")
        self.reopen_button.setEnabled(row is not None and row.state == "done")
        self.visit_button.setEnabled(row is not None)

    @Slot()
    def add_follow_up(self) -> None:
        """Open the dialog for a new follow-up; the visit is chosen in it."""
        self._open_dialog(None)

    @Slot()
    def edit_selected(self) -> None:
        """Open the dialog on the selected follow-up: action, owner, deadline and state."""
        row = self.selected_row()
        if row is not None:
            self._open_dialog(row)

    def _open_dialog(self, row: FollowUpRow | None) -> None:
        selected = self.selected_row()
        dialog = FollowUpDialog(
            self.database,
            today=self.today(),
            row=row,
            suggested_visit_id=selected.visit_id if selected is not None else None,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.follow_up_changed.emit)
        dialog.finished.connect(self._on_follow_up_dialog_finished)
        self.follow_up_dialog = dialog
        dialog.open()

    @Slot()
    def _on_follow_up_dialog_finished(self) -> None:
        self.follow_up_dialog = None

    @Slot()
    def start_mark_done(self) -> None:
        """Ask for the completion date and note of the selected follow-up, then save them."""
        row = self.selected_row()
        if row is None or row.state == "done":
            return
        dialog = MarkDoneDialog(row, self.today(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save_done(dialog))
        dialog.finished.connect(self._on_mark_done_dialog_finished)
        self.mark_done_dialog = dialog
        dialog.open()

    @Slot()
    def _on_mark_done_dialog_finished(self) -> None:
        self.mark_done_dialog = None

    def _save_done(self, dialog: MarkDoneDialog) -> None:
        follow_up_id, done_on, note = dialog.follow_up.id, dialog.done_on(), dialog.note()
        run_operation(
            lambda session: mark_done(session, follow_up_id, done_on=done_on, note=note),
            database=self.database,
            changes=("follow_up",),
            on_success=lambda _r: self.follow_up_changed.emit(follow_up_id),
            on_failure=lambda error: dialogs.show_error(self, error),
        )

    @Slot()
    def reopen_selected(self) -> None:
        """Clear the done mark of the selected follow-up after the user confirms."""
        row = self.selected_row()
        if row is None or row.state != "done":
            return
        if not dialogs.confirm(
            self,
            self.tr("Buka lagi"),
            self.tr("Tandai tindak lanjut ini belum selesai? Tanggal dan catatan selesai dihapus."),
        ):
            return
        follow_up_id = row.id
        run_operation(
            lambda session: mark_open(session, follow_up_id),
            database=self.database,
            changes=("follow_up",),
            on_success=lambda _r: self.follow_up_changed.emit(follow_up_id),
            on_failure=lambda error: dialogs.show_error(self, error),
        )

    @Slot()
    def open_selected_visit(self) -> None:
        """Ask the window to show the visit the selected follow-up came from."""
        row = self.selected_row()
        if row is not None:
            self.visit_requested.emit(row.visit_id)

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.visit_requested.emit(self.model.row_at(index.row()).visit_id)

    @Slot(int)
    def _on_header_section_clicked(self, column: int) -> None:
        if column not in SORT_KEYS:
            header = self.table.horizontalHeader()
            header.setSortIndicator(self._sort_column, self._sort_order)
            return
        if column == self._sort_column:
            self._sort_order = (
                Qt.SortOrder.DescendingOrder
                if self._sort_order == Qt.SortOrder.AscendingOrder
                else Qt.SortOrder.AscendingOrder
            )
        else:
            self._sort_column, self._sort_order = column, Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(self._sort_column, self._sort_order)
        self.reload()

    @Slot(object)
    def _on_change_bus_data_changed(self, entities: frozenset[str]) -> None:
        if entities & WATCHED:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
