"""The Kunjungan page: visit lists by status (with "Perlu ditinjau" for supervisors) and the
visit editor; offers back drafts a crash left behind.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ikmdesk.db import Database
from ikmdesk.errors import UserError
from ikmdesk.models.enums import DeviceRole, VisitStatus
from ikmdesk.services import editor_recovery
from ikmdesk.services.device import this_device
from ikmdesk.services.visit import VisitFilter, count_visits
from ikmdesk.ui import dialogs
from ikmdesk.ui.change_bus import (
    ENTERPRISE,
    FOLLOW_UP,
    QUALITY_CHECK,
    SYNC,
    VISIT,
    change_bus,
)
from ikmdesk.ui.visit_editor import RECOVERY_KIND, VisitEditor
from ikmdesk.ui.visit_model import VisitTableModel

SEARCH_DELAY_MS = 250
_REFRESH_ON = frozenset({VISIT, ENTERPRISE, QUALITY_CHECK, SYNC})
# Changes made elsewhere (a sync import, the follow-up page) that the open visit shows.
_EDITOR_REFRESH_ON = frozenset({SYNC, FOLLOW_UP})


class VisitPage(QWidget):
    """Lists visits (filtered by status and search) and edits, submits or reviews one."""

    visit_saved = Signal(str)
    """A visit was saved, submitted or reviewed on this page."""

    LIST, EDITOR = range(2)
    STATUS_TABS: tuple[str | None, ...] = (
        None,
        VisitStatus.DRAFT.value,
        VisitStatus.SUBMITTED.value,
        VisitStatus.RETURNED.value,
        VisitStatus.APPROVED.value,
    )
    TAB_ALL, TAB_DRAFT, TAB_REVIEW, TAB_RETURNED, TAB_APPROVED = range(5)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._recovery_checked = False
        self._stale = False
        with database.unit_of_work() as session:
            self._role = this_device(session).role

        self.title_label = QLabel()
        self.title_label.setObjectName("pageTitle")
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.new_button = QPushButton()
        self.status_tabs = QTabBar()
        for _ in self.STATUS_TABS:
            self.status_tabs.addTab("")
        self.count_label = QLabel()
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)

        self.model = VisitTableModel(database, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(VisitTableModel.COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(VisitTableModel.COL_DATE, Qt.SortOrder.DescendingOrder)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.new_button)
        tabs_row = QHBoxLayout()
        tabs_row.addWidget(self.status_tabs)
        tabs_row.addStretch(1)
        tabs_row.addWidget(self.count_label)
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(top)
        list_layout.addLayout(tabs_row)
        list_layout.addWidget(self.table, 1)

        self.editor = VisitEditor(database)
        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)
        self.stack.addWidget(self.editor)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        self.retranslate_ui()
        if self._role == DeviceRole.SUPERVISOR:
            self.status_tabs.setCurrentIndex(self.TAB_REVIEW)
        self.search_edit.textChanged.connect(lambda _text: self.search_timer.start())
        self.search_timer.timeout.connect(self.apply_filter)
        self.status_tabs.currentChanged.connect(self._on_status_tabs_current_changed)
        self.new_button.clicked.connect(self.new_record)
        self.table.activated.connect(self._on_table_activated)
        self.table.doubleClicked.connect(self._on_table_activated)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.editor.close_requested.connect(self._on_editor_close_requested)
        self.editor.saved.connect(self.visit_saved)
        change_bus().data_changed.connect(self._on_change_bus_data_changed)
        self.apply_filter()

    def retranslate_ui(self) -> None:
        """Set every text in the current interface language."""
        self.title_label.setText(self.tr("Kunjungan"))
        self.search_edit.setPlaceholderText(self.tr("Cari nama IKM…"))
        self.new_button.setText(self.tr("Kunjungan baru"))
        titles = (
            self.tr("Semua"),
            self.tr("Draf"),
            self.tr("Perlu ditinjau"),
            self.tr("Dikembalikan"),
            self.tr("Disetujui"),
        )
        for index, title in enumerate(titles):
            self.status_tabs.setTabText(index, title)
        self._update_review_count()
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._recovery_checked:
            self._recovery_checked = True
            # After the page is on screen, so the question has a window to belong to.
            QTimer.singleShot(0, self, self.offer_recovery)

    def current_filter(self) -> VisitFilter:
        """Return the filter the search box and status tab describe."""
        index = self.status_tabs.currentIndex()
        status = self.STATUS_TABS[index] if 0 <= index < len(self.STATUS_TABS) else None
        return VisitFilter(text=self.search_edit.text().strip(), status=status)

    @Slot()
    def apply_filter(self) -> None:
        """Load the list again with the current search text and status tab."""
        self.search_timer.stop()
        try:
            self.model.set_filter(self.current_filter())
            self._update_review_count()
        except UserError as error:
            dialogs.show_error(self, error)

    def _update_review_count(self) -> None:
        """Show on the "Perlu ditinjau" tab how many visits wait for review."""
        with self._database.unit_of_work() as session:
            waiting = count_visits(session, VisitFilter(status=VisitStatus.SUBMITTED.value))
        title = self.tr("Perlu ditinjau")
        if waiting:
            title = self.tr("Perlu ditinjau (%n)", "", waiting)
        self.status_tabs.setTabText(self.TAB_REVIEW, title)

    @Slot()
    def offer_recovery(self) -> None:
        """Offer back visit drafts left by a crash; each is restored or thrown away."""
        drafts = editor_recovery.list_drafts(database_path=self._database.path, kind=RECOVERY_KIND)
        for draft in drafts:
            when = draft.saved_at.astimezone().strftime("%d-%m-%Y %H:%M")
            if not dialogs.confirm(
                self,
                self.tr("Pulihkan kunjungan"),
                self.tr(
                    "Ada isian kunjungan yang belum disimpan dari {when} (aplikasi tertutup "
                    "sebelum sempat menyimpan). Pulihkan isian itu?"
                ).format(when=when),
            ):
                editor_recovery.discard_draft(draft.key)
                continue
            try:
                self.editor.restore_state(draft.state)
            except UserError as error:
                editor_recovery.discard_draft(draft.key)
                dialogs.show_error(self, error)
                continue
            if not self.editor.editable:
                # Sent or approved since (e.g. on another device): the edits cannot apply.
                editor_recovery.discard_draft(draft.key)
                self.editor.load(self.editor.visit_id or "")
                self.stack.setCurrentIndex(self.EDITOR)
                dialogs.warn(
                    self,
                    self.tr("Pulihkan kunjungan"),
                    self.tr(
                        "Kunjungan ini sudah dikirim atau disetujui, jadi isian yang belum "
                        "disimpan tidak dapat dipakai lagi."
                    ),
                )
                return
            if draft.key != self.editor.recovery_key:
                editor_recovery.discard_draft(draft.key)  # rewritten under the editor's key
            self.stack.setCurrentIndex(self.EDITOR)
            self.editor.write_recovery()
            return

    @Slot()
    def new_record(self) -> None:
        """Start a new visit (Ctrl+N)."""
        self.new_visit()

    def new_visit(self, enterprise_id: str | None = None) -> None:
        """Open the editor on a new visit, for ``enterprise_id`` when given."""
        if self._leave_editor_allowed():
            self.editor.new_visit(enterprise_id)
            self.stack.setCurrentIndex(self.EDITOR)

    def open_visit(self, visit_id: str) -> None:
        """Show one visit in the editor (asks first if another has unsaved edits)."""
        if self.editor.visit_id == visit_id and self.stack.currentIndex() == self.EDITOR:
            return
        if not self._leave_editor_allowed():
            return
        try:
            self.editor.load(visit_id)
        except UserError as error:
            dialogs.show_error(self, error)
            return
        self.stack.setCurrentIndex(self.EDITOR)

    def show_list(self) -> None:
        """Go back to the list (callers check unsaved changes first)."""
        self.editor.autosave_timer.stop()
        self.stack.setCurrentIndex(self.LIST)
        if self._stale:
            self._stale = False
            self.apply_filter()

    def focus_search(self) -> None:
        """Put the cursor in the search box (Ctrl+F)."""
        if not self._leave_editor_allowed():
            return
        self.show_list()
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def save(self) -> None:
        """Save the visit in the editor (Ctrl+S)."""
        if self.stack.currentIndex() == self.EDITOR:
            self.editor.save()

    def has_unsaved_changes(self) -> bool:
        """Return whether the editor holds edits not saved yet."""
        return self.stack.currentIndex() == self.EDITOR and self.editor.has_unsaved_changes()

    def _leave_editor_allowed(self) -> bool:
        return self.stack.currentIndex() != self.EDITOR or self.editor.confirm_discard()

    @Slot()
    def _update_count(self) -> None:
        total = self.model.total
        self.count_label.setText(
            self.tr("%n kunjungan", "", total) if total else self.tr("Tidak ada kunjungan")
        )

    @Slot(int)
    def _on_status_tabs_current_changed(self, _index: int) -> None:
        self.apply_filter()

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_visit(self.model.row_id(index.row()))

    @Slot()
    def _on_editor_close_requested(self) -> None:
        self.show_list()

    @Slot(object)
    def _on_change_bus_data_changed(self, changed: object) -> None:
        if not isinstance(changed, frozenset) or not changed & (_REFRESH_ON | _EDITOR_REFRESH_ON):
            return
        if self.stack.currentIndex() == self.LIST:
            self.apply_filter()
        else:
            self._stale = True
            if changed & _EDITOR_REFRESH_ON:
                self.editor.reload_if_unchanged()
