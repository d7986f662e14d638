"""The IKM page: a searchable, filterable list of enterprises and the editor of one of them.

Search runs as the user types (after a short pause, so typing a name does not query the
database once per letter); filters and sorting are passed to the service, which does them in
SQL, and rows arrive a page at a time as the list is scrolled.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ikmdesk.db import Database
from ikmdesk.errors import UserError
from ikmdesk.services.enterprise import EnterpriseFilter, Licence
from ikmdesk.services.region import list_clusters, list_kecamatan
from ikmdesk.ui import dialogs
from ikmdesk.ui.change_bus import CLUSTER, ENTERPRISE, PRODUCT, SYNC, VISIT, change_bus
from ikmdesk.ui.enterprise_editor import EnterpriseEditor
from ikmdesk.ui.enterprise_model import EnterpriseTableModel
from ikmdesk.ui.translations import current_language

SEARCH_DELAY_MS = 250
_REFRESH_ON = frozenset({ENTERPRISE, PRODUCT, VISIT, CLUSTER, SYNC})


class EnterprisePage(QWidget):
    """Lists IKMs (search, filters, sortable columns) and opens one in the editor."""

    visit_requested = Signal(str)
    """Ask the window to show this visit (from the IKM's visit history)."""

    LIST, EDITOR = range(2)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._stale = False

        self.title_label = QLabel()
        self.title_label.setObjectName("pageTitle")
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.add_button = QPushButton()
        self.cluster_combo = QComboBox()
        self.kecamatan_combo = QComboBox()
        self.licence_combo = QComboBox()
        self.count_label = QLabel()
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)

        self.model = EnterpriseTableModel(database, self)
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
        for column, width in enumerate(EnterpriseTableModel.COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(EnterpriseTableModel.COL_NAME, Qt.SortOrder.AscendingOrder)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.add_button)
        filters = QHBoxLayout()
        filters.addWidget(self.cluster_combo)
        filters.addWidget(self.kecamatan_combo)
        filters.addWidget(self.licence_combo)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(top)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.table, 1)

        self.editor = EnterpriseEditor(database)
        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)
        self.stack.addWidget(self.editor)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        self.retranslate_ui()
        self._fill_filters()
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_timer.timeout.connect(self._on_search_timer_timeout)
        for combo in (self.cluster_combo, self.kecamatan_combo, self.licence_combo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.add_button.clicked.connect(self.new_record)
        self.table.activated.connect(self._on_table_activated)
        self.table.doubleClicked.connect(self._on_table_activated)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.editor.close_requested.connect(self._on_editor_close_requested)
        self.editor.visit_requested.connect(self.visit_requested)
        self.editor.new_visit_requested.connect(self._on_editor_new_visit_requested)
        change_bus().data_changed.connect(self._on_change_bus_data_changed)
        self.apply_filter()

    def retranslate_ui(self) -> None:
        """Set every text in the current interface language."""
        self.title_label.setText(self.tr("IKM binaan"))
        self.search_edit.setPlaceholderText(self.tr("Cari nama IKM, pemilik atau desa…"))
        self.add_button.setText(self.tr("Tambah IKM"))
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def current_filter(self) -> EnterpriseFilter:
        """Return the filter the search box and combos describe."""
        return EnterpriseFilter(
            text=self.search_edit.text().strip(),
            cluster=self.cluster_combo.currentData(),
            kecamatan=self.kecamatan_combo.currentData(),
            licence=self.licence_combo.currentData(),
        )

    def apply_filter(self) -> None:
        """Load the list again with the current search text and filters."""
        self.search_timer.stop()
        try:
            self.model.set_filter(self.current_filter())
        except UserError as error:
            dialogs.show_error(self, error)

    @Slot()
    def new_record(self) -> None:
        """Open the editor on a new, empty IKM (Ctrl+N)."""
        if self._leave_editor_allowed():
            self.editor.new_enterprise()
            self.stack.setCurrentIndex(self.EDITOR)

    def open_enterprise(self, enterprise_id: str) -> None:
        """Show one IKM in the editor (asks first if another has unsaved edits)."""
        if self.editor.enterprise_id == enterprise_id and self.stack.currentIndex() == self.EDITOR:
            return
        if not self._leave_editor_allowed():
            return
        try:
            self.editor.load(enterprise_id)
        except UserError as error:
            dialogs.show_error(self, error)
            return
        self.stack.setCurrentIndex(self.EDITOR)

    def show_list(self) -> None:
        """Go back to the list (no questions asked; callers check unsaved changes)."""
        self.stack.setCurrentIndex(self.LIST)
        if self._stale:
            self._stale = False
            self.apply_filter()
        self.table.setFocus()

    def focus_search(self) -> None:
        """Put the cursor in the search box (Ctrl+F)."""
        if self.stack.currentIndex() == self.EDITOR and not self._leave_editor_allowed():
            return
        self.show_list()
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def save(self) -> None:
        """Save the IKM in the editor (Ctrl+S)."""
        if self.stack.currentIndex() == self.EDITOR:
            self.editor.save()

    def has_unsaved_changes(self) -> bool:
        """Return whether the editor holds edits not saved yet."""
        return self.stack.currentIndex() == self.EDITOR and self.editor.has_unsaved_changes()

    def _leave_editor_allowed(self) -> bool:
        return self.stack.currentIndex() != self.EDITOR or self.editor.confirm_discard()

    def _fill_filters(self) -> None:
        lang = current_language()
        with self._database.unit_of_work() as session:
            clusters = list_clusters(session)
            kecamatan = list_kecamatan(session)
        self.cluster_combo.addItem(self.tr("Semua klaster"), None)
        for cluster in clusters:
            self.cluster_combo.addItem(
                cluster.name_en if lang == "en" else cluster.name_id, cluster.code
            )
        self.kecamatan_combo.addItem(self.tr("Semua kecamatan"), None)
        for region in kecamatan:
            self.kecamatan_combo.addItem(region.name, region.id)
        licences = (
            (None, self.tr("Semua izin")),
            (Licence.PIRT_EXPIRING, self.tr("P-IRT segera berakhir")),
            (Licence.PIRT_EXPIRED, self.tr("P-IRT sudah berakhir")),
            (Licence.HAS_PIRT, self.tr("Punya P-IRT")),
            (Licence.NO_PIRT, self.tr("Belum punya P-IRT")),
            (Licence.HALAL_CERTIFIED, self.tr("Bersertifikat halal")),
            (Licence.HALAL_IN_PROCESS, self.tr("Halal sedang diproses")),
            (Licence.NO_HALAL, self.tr("Belum halal")),
            (Licence.HALAL_EXPIRED, self.tr("Sertifikat halal berakhir")),
            (Licence.NO_NIB, self.tr("Belum punya NIB")),
        )
        for value, text in licences:
            self.licence_combo.addItem(text, None if value is None else value.value)

    @Slot()
    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("%n IKM", "", self.model.total)
            if self.model.total
            else self.tr("Tidak ada IKM")
        )

    @Slot(str)
    def _on_search_edit_text_changed(self, _text: str) -> None:
        self.search_timer.start()

    @Slot()
    def _on_search_timer_timeout(self) -> None:
        self.apply_filter()

    @Slot(int)
    def _on_filter_changed(self, _index: int) -> None:
        self.apply_filter()

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_enterprise(self.model.row_id(index.row()))

    @Slot()
    def _on_editor_close_requested(self) -> None:
        self.show_list()

    @Slot(str)
    def _on_editor_new_visit_requested(self, enterprise_id: str) -> None:
        if not self.editor.confirm_discard():
            return
        window = self.window()
        open_page = getattr(window, "open_page", None)
        if open_page is None:
            return
        page = open_page("kunjungan")
        starter = getattr(page, "new_visit", None)
        if starter is not None:
            starter(enterprise_id)

    @Slot(object)
    def _on_change_bus_data_changed(self, changed: object) -> None:
        if not isinstance(changed, frozenset) or not changed & _REFRESH_ON:
            return
        if self.stack.currentIndex() == self.LIST:
            self.apply_filter()
        else:
            self._stale = True
