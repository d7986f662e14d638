"""The IKM page: a searchable, filterable list of enterprises and the editor of one of them.

Search runs as the user types (after a short pause, so typing a name does not query the
database once per letter); filters and sorting are passed to the service, which does them in
SQL, and rows arrive a page at a time as the list is scrolled.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from ikmdesk.db import Database
from ikmdesk.services.enterprise import EnterpriseFilter, Licence
from ikmdesk.services.region import list_clusters, list_kecamatan
from ikmdesk.ui.change_bus import CLUSTER, ENTERPRISE, PRODUCT, SYNC, VISIT
from ikmdesk.ui.enterprise_editor import EnterpriseEditor
from ikmdesk.ui.enterprise_model import EnterpriseTableModel
from ikmdesk.ui.list_page import ListEditorPage, record_table
from ikmdesk.ui.translations import current_language


class EnterprisePage(ListEditorPage):
    """Lists IKMs (search, filters, sortable columns) and opens one in the editor."""

    visit_requested = Signal(str)
    """Ask the window to show this visit (from the IKM's visit history)."""

    REFRESH_ON = frozenset({ENTERPRISE, PRODUCT, VISIT, CLUSTER, SYNC})

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.add_button = QPushButton()
        self.cluster_combo = QComboBox()
        self.kecamatan_combo = QComboBox()
        self.licence_combo = QComboBox()
        self.model = EnterpriseTableModel(database, self)
        self.table = record_table(
            self.model,
            column_widths=EnterpriseTableModel.COLUMN_WIDTHS,
            sort_column=EnterpriseTableModel.COL_NAME,
            order=Qt.SortOrder.AscendingOrder,
        )
        self.editor = EnterpriseEditor(database)
        self._lay_out(
            action_button=self.add_button,
            filter_widgets=(self.cluster_combo, self.kecamatan_combo, self.licence_combo),
        )

        self.retranslate_ui()
        self._fill_filters()
        self._connect_list()
        for combo in (self.cluster_combo, self.kecamatan_combo, self.licence_combo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.add_button.clicked.connect(self.new_record)
        self.editor.visit_requested.connect(self.visit_requested)
        self.editor.new_visit_requested.connect(self._on_editor_new_visit_requested)
        self.apply_filter()

    def retranslate_ui(self) -> None:
        """Set every text in the current interface language."""
        self.title_label.setText(self.tr("IKM binaan"))
        self.search_edit.setPlaceholderText(self.tr("Cari nama IKM, pemilik atau desa…"))
        self.add_button.setText(self.tr("Tambah IKM"))
        self._update_count()

    def current_filter(self) -> EnterpriseFilter:
        """Return the filter the search box and combos describe."""
        return EnterpriseFilter(
            text=self.search_edit.text().strip(),
            cluster=self.cluster_combo.currentData(),
            kecamatan=self.kecamatan_combo.currentData(),
            licence=self.licence_combo.currentData(),
        )

    @Slot()
    def new_record(self) -> None:
        """Open the editor on a new, empty IKM (Ctrl+N)."""
        if self._leave_editor_allowed():
            self.editor.new_enterprise()
            self.stack.setCurrentIndex(self.EDITOR)

    def open_enterprise(self, enterprise_id: str) -> None:
        """Show one IKM in the editor (asks first if another has unsaved edits)."""
        self.open_record(enterprise_id)

    def _shown_record_id(self) -> str | None:
        return self.editor.enterprise_id

    def show_list(self) -> None:
        """Go back to the list (no questions asked; callers check unsaved changes)."""
        super().show_list()
        self.table.setFocus()

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

    @Slot(int)
    def _on_filter_changed(self, _index: int) -> None:
        self.apply_filter()

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
