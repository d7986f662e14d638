"""IKM ganda: pairs of records that are probably one business, compared side by side, merged.

Pairs come from ``services.duplicates.find_duplicates`` (read off the GUI thread). Merging
runs ``merge_enterprises`` as an operation: the record on the left is kept (``Tukar`` swaps),
every visit, product, follow-up and photo of the other moves to it, and the change syncs.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ikmdesk.db import Database
from ikmdesk.errors import QT_TRANSLATE_NOOP
from ikmdesk.services.duplicates import (
    REASON_LABELS,
    DuplicatePair,
    DuplicateSide,
    MergeResult,
    dismiss_pair,
    find_duplicates,
    merge_enterprises,
)
from ikmdesk.ui import dialogs
from ikmdesk.ui.change_bus import (
    ATTACHMENT,
    ENTERPRISE,
    FOLLOW_UP,
    PRODUCT,
    SETTING,
    VISIT,
    change_bus,
)
from ikmdesk.ui.operations import Operation, run_operation, run_with_progress
from ikmdesk.ui.page_title import page_title_label
from ikmdesk.ui.row_list_model import RowListModel

WATCHED = frozenset({ENTERPRISE, "sync"})
MERGE_CHANGES = (ENTERPRISE, VISIT, PRODUCT, FOLLOW_UP, ATTACHMENT)


class DuplicatePairModel(RowListModel[DuplicatePair]):
    """Shows DuplicatePair values: both names, the reasons and how alike the names are."""

    COL_FIRST, COL_SECOND, COL_REASONS, COL_SIMILARITY = range(4)
    _CONTEXT = "DuplicatePairModel"
    _HEADERS = (
        QT_TRANSLATE_NOOP("DuplicatePairModel", "IKM pertama"),
        QT_TRANSLATE_NOOP("DuplicatePairModel", "IKM kedua"),
        QT_TRANSLATE_NOOP("DuplicatePairModel", "Alasan"),
        QT_TRANSLATE_NOOP("DuplicatePairModel", "Kemiripan nama"),
    )
    PairRole = Qt.ItemDataRole.UserRole + 1

    def pair(self, row: int) -> DuplicatePair | None:
        """Return the pair on ``row``, or None outside the table."""
        return self.row_value(row)

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        pair = self.pair(index.row()) if index.isValid() else None
        if pair is None:
            return None
        if role == self.PairRole:
            return pair
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.COL_FIRST:
            return _side_title(pair.first)
        if column == self.COL_SECOND:
            return _side_title(pair.second)
        if column == self.COL_REASONS:
            return ", ".join(reason_text(r) for r in pair.reasons)
        if column == self.COL_SIMILARITY:
            return f"{round(pair.name_similarity * 100)}%"
        return None


def reason_text(reason: str) -> str:
    """Return the translated label of a duplicate reason code."""
    return QCoreApplication.translate("duplicates", REASON_LABELS.get(reason, reason))


def _side_title(side: DuplicateSide) -> str:
    place = side.desa or side.kecamatan
    return f"{side.name} ({place})"


class _SidePanel(QGroupBox):
    """One record of the pair, field by field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: dict[str, QLabel] = {}
        self.form = QFormLayout(self)
        self._labels: dict[str, QLabel] = {}
        for key in ("name", "owner", "phone", "nib", "address", "place", "visits", "products",
                    "created"):  # fmt: skip
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label = QLabel()
            self._labels[key] = label
            self.values[key] = value
            self.form.addRow(label, value)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        texts = {
            "name": self.tr("Nama IKM:"),
            "owner": self.tr("Pemilik:"),
            "phone": self.tr("No. HP:"),
            "nib": self.tr("NIB:"),
            "address": self.tr("Alamat:"),
            "place": self.tr("Desa, kecamatan:"),
            "visits": self.tr("Kunjungan:"),
            "products": self.tr("Produk:"),
            "created": self.tr("Terdaftar:"),
        }
        for key, label in self._labels.items():
            label.setText(texts[key])

    def show_side(self, side: DuplicateSide | None) -> None:
        if side is None:
            for value in self.values.values():
                value.clear()
            return
        place = ", ".join(p for p in (side.desa, side.kecamatan) if p)
        shown = {
            "name": side.name,
            "owner": side.owner_name or "–",
            "phone": side.phone or "–",
            "nib": side.nib or "–",
            "address": side.address or "–",
            "place": place,
            "visits": str(side.visit_count),
            "products": str(side.product_count),
            "created": side.created_at.astimezone().strftime("%d-%m-%Y"),
        }
        for key, text in shown.items():
            self.values[key].setText(text)


class DuplicatesPage(QWidget):
    """Likely duplicate IKMs side by side, with "Gabungkan" and "Bukan duplikat"."""

    pairs_loaded = Signal(int)
    merged = Signal(str)
    """Emitted with the kept IKM's id after a merge succeeded."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self._loading: Operation | None = None
        self._reload_wanted = False
        self._swapped = False

        self.title_label = page_title_label()
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.count_label = QLabel()
        self.model = DuplicatePairModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.keep_panel = _SidePanel()
        self.drop_panel = _SidePanel()
        self.swap_button = QPushButton()
        self.swap_button.clicked.connect(self._on_swap_button_clicked)
        self.merge_button = QPushButton()
        self.merge_button.clicked.connect(self._on_merge_button_clicked)
        self.dismiss_button = QPushButton()
        self.dismiss_button.clicked.connect(self._on_dismiss_button_clicked)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.reload)

        header = QHBoxLayout()
        header.addWidget(self.title_label)
        header.addStretch(1)
        header.addWidget(self.count_label)
        header.addWidget(self.refresh_button)
        sides = QHBoxLayout()
        sides.addWidget(self.keep_panel)
        sides.addWidget(self.drop_panel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.swap_button)
        buttons.addStretch(1)
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.table, 2)
        layout.addLayout(sides, 1)
        layout.addLayout(buttons)

        change_bus().data_changed.connect(self._on_change_bus_data_changed)
        self.retranslate_ui()
        self._show_current()
        self.reload()

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language."""
        self.title_label.setText(self.tr("IKM ganda"))
        self.hint_label.setText(
            self.tr(
                "IKM yang mungkin sama (didaftarkan dua kali, mis. oleh dua petugas). Yang di "
                "kiri dipertahankan; semua kunjungan, produk, tindak lanjut dan foto dari yang "
                "di kanan dipindahkan ke sana."
            )
        )
        self.keep_panel.setTitle(self.tr("Dipertahankan"))
        self.drop_panel.setTitle(self.tr("Digabungkan lalu dihapus"))
        self.keep_panel.retranslate_ui()
        self.drop_panel.retranslate_ui()
        self.swap_button.setText(self.tr("Tukar kiri–kanan"))
        self.merge_button.setText(self.tr("Gabungkan"))
        self.dismiss_button.setText(self.tr("Bukan duplikat"))
        self.refresh_button.setText(self.tr("Muat ulang"))
        self._show_count()

    def reload(self) -> None:
        """Look for likely duplicates again (off the GUI thread)."""
        if self._loading is not None:
            self._reload_wanted = True
            return
        self._loading = run_with_progress(
            self,
            self.tr("IKM duplikat"),
            find_duplicates,
            database=self.database,
            on_success=self._on_pairs_found,
            on_failure=self._on_load_failed,
            label=self.tr("Membandingkan nama, NIB dan nomor HP IKM…"),
        )
        self._loading.cancelled.connect(self._on_search_cancelled)

    def current_pair(self) -> DuplicatePair | None:
        """Return the selected pair."""
        return self.model.pair(self.table.currentIndex().row())

    def keep_and_drop(self) -> tuple[DuplicateSide, DuplicateSide] | None:
        """Return (kept, dropped) of the selected pair as the panels show them."""
        pair = self.current_pair()
        if pair is None:
            return None
        return (pair.second, pair.first) if self._swapped else (pair.first, pair.second)

    @Slot(object)
    def _on_pairs_found(self, pairs: list[DuplicatePair]) -> None:
        self._loading = None
        if self._reload_wanted:
            self._reload_wanted = False
            self.reload()
            return
        self.model.set_rows(pairs)
        self._swapped = False
        if pairs:
            self.table.selectRow(0)
        self._show_current()
        self._show_count()
        self.pairs_loaded.emit(len(pairs))

    @Slot()
    def _on_search_cancelled(self) -> None:
        self._loading = None
        self._reload_wanted = False
        self.count_label.setText(
            self.tr("Pencarian dibatalkan; tekan Muat ulang untuk mencari lagi.")
        )

    @Slot(object)
    def _on_load_failed(self, error: BaseException) -> None:
        self._loading = None
        dialogs.show_error(self, error)

    def _show_count(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(self.tr("%n pasangan", "", count))

    def _show_current(self) -> None:
        sides = self.keep_and_drop()
        self.keep_panel.show_side(None if sides is None else sides[0])
        self.drop_panel.show_side(None if sides is None else sides[1])
        for button in (self.swap_button, self.merge_button, self.dismiss_button):
            button.setEnabled(sides is not None)

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._swapped = False
        self._show_current()

    @Slot()
    def _on_swap_button_clicked(self) -> None:
        self._swapped = not self._swapped
        self._show_current()

    @Slot()
    def _on_merge_button_clicked(self) -> None:
        sides = self.keep_and_drop()
        if sides is None:
            return
        keep, drop = sides
        question = self.tr(
            "Gabungkan \u201c{drop}\u201d ke \u201c{keep}\u201d? {visits} kunjungan dan "
            "{products} produk dipindahkan, lalu \u201c{drop}\u201d dihapus dari daftar."
        ).format(
            drop=drop.name, keep=keep.name, visits=drop.visit_count, products=drop.product_count
        )
        if not dialogs.confirm(self, self.tr("Gabungkan IKM"), question):
            return
        keep_id, drop_id = keep.id, drop.id

        def work(session: Session) -> MergeResult:
            return merge_enterprises(session, keep_id, drop_id)

        run_operation(
            work,
            database=self.database,
            changes=MERGE_CHANGES,
            on_success=self._on_merge_succeeded,
            on_failure=lambda error: dialogs.show_error(self, error),
            parent=self,
        )

    @Slot(object)
    def _on_merge_succeeded(self, result: MergeResult) -> None:
        self.merged.emit(result.kept_id)
        self.reload()

    @Slot()
    def _on_dismiss_button_clicked(self) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        first, second = pair.first.id, pair.second.id

        def work(session: Session) -> None:
            dismiss_pair(session, first, second)

        run_operation(
            work,
            database=self.database,
            changes=(SETTING,),
            on_success=lambda _result: self.reload(),
            on_failure=lambda error: dialogs.show_error(self, error),
            parent=self,
        )

    @Slot(object)
    def _on_change_bus_data_changed(self, entities: frozenset[str]) -> None:
        if entities & WATCHED:
            self.reload()
