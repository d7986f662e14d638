"""The Kunjungan page: visit lists by status (with "Menunggu tinjauan" for supervisors) and the
visit editor; offers back drafts a crash left behind.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QPushButton, QTabBar, QWidget

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
)
from ikmdesk.ui.list_page import ListEditorPage, record_table
from ikmdesk.ui.visit_editor import RECOVERY_KIND, VisitEditor
from ikmdesk.ui.visit_model import VisitTableModel, visit_status_text

_REFRESH_ON = frozenset({VISIT, ENTERPRISE, QUALITY_CHECK, SYNC})
# Changes made elsewhere (a sync import, the follow-up page) that the open visit shows.
_EDITOR_REFRESH_ON = frozenset({SYNC, FOLLOW_UP})


class VisitPage(ListEditorPage):
    """Lists visits (filtered by status and search) and edits, submits or reviews one."""

    visit_saved = Signal(str)
    """A visit was saved, submitted or reviewed on this page."""
    page_requested = Signal(str)
    """The editor asked for another page (the main window opens it)."""

    REFRESH_ON = _REFRESH_ON | _EDITOR_REFRESH_ON
    STATUS_TABS: tuple[str | None, ...] = (
        None,
        VisitStatus.DRAFT.value,
        VisitStatus.SUBMITTED.value,
        VisitStatus.RETURNED.value,
        VisitStatus.APPROVED.value,
    )
    TAB_ALL, TAB_DRAFT, TAB_REVIEW, TAB_RETURNED, TAB_APPROVED = range(5)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self._recovery_checked = False
        with database.unit_of_work() as session:
            self._role = this_device(session).role

        self.new_button = QPushButton()
        self.status_tabs = QTabBar()
        for _ in self.STATUS_TABS:
            self.status_tabs.addTab("")
        self.model = VisitTableModel(database, self)
        self.table = record_table(
            self.model,
            column_widths=VisitTableModel.COLUMN_WIDTHS,
            sort_column=VisitTableModel.COL_DATE,
            order=Qt.SortOrder.DescendingOrder,
        )
        self.editor = VisitEditor(database)
        self._lay_out(action_button=self.new_button, filter_widgets=(self.status_tabs,))

        self.retranslate_ui()
        if self._role == DeviceRole.SUPERVISOR:
            self.status_tabs.setCurrentIndex(self.TAB_REVIEW)
        self._connect_list()
        self.status_tabs.currentChanged.connect(self._on_status_tabs_current_changed)
        self.new_button.clicked.connect(self.new_record)
        self.editor.saved.connect(self.visit_saved)
        self.editor.page_requested.connect(self.page_requested)
        self.apply_filter()

    def retranslate_ui(self) -> None:
        """Set every text in the current interface language."""
        self.title_label.setText(self.tr("Kunjungan"))
        self.search_edit.setPlaceholderText(self.tr("Cari nama IKM…"))
        self.new_button.setText(self.tr("Kunjungan baru"))
        titles = (
            self.tr("Semua"),
            *(
                visit_status_text(status)
                for status in ("draft", "submitted", "returned", "approved")
            ),
        )
        for index, title in enumerate(titles):
            self.status_tabs.setTabText(index, title)
        self._update_review_count()
        self._update_count()

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

    def _load_rows(self) -> None:
        super()._load_rows()
        self._update_review_count()

    def _update_review_count(self) -> None:
        """Show on the "Menunggu tinjauan" tab how many visits wait for review."""
        with self._database.unit_of_work() as session:
            waiting = count_visits(session, VisitFilter(status=VisitStatus.SUBMITTED.value))
        title = visit_status_text("submitted")
        if waiting:
            title = f"{title} ({waiting})"
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
        self.open_record(visit_id)

    def _shown_record_id(self) -> str | None:
        return self.editor.visit_id

    def show_list(self) -> None:
        """Go back to the list (callers check unsaved changes first)."""
        self.editor.autosave_timer.stop()
        super().show_list()

    @Slot()
    def _update_count(self) -> None:
        total = self.model.total
        self.count_label.setText(
            self.tr("%n kunjungan", "", total) if total else self.tr("Tidak ada kunjungan")
        )

    @Slot(int)
    def _on_status_tabs_current_changed(self, _index: int) -> None:
        self.apply_filter()

    def _on_data_changed_while_editing(self, changed: frozenset[str]) -> None:
        if changed & _EDITOR_REFRESH_ON:
            self.editor.reload_if_unchanged()
