"""A programme's enrolled IKMs with visits against the rhythm, hours and targets; the selected
IKM's logbook and plan below.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ikmdesk.db import Database
from ikmdesk.services.programme.catalogue import target_def
from ikmdesk.services.programme.logbook import METHOD_LABELS, LogbookRow, programme_logbook
from ikmdesk.services.programme.plan import TargetRow, list_targets
from ikmdesk.services.programme.progress import IkmProgress, programme_progress
from ikmdesk.ui.translated_widget import TranslatedWidget
from ikmdesk.ui.translations import current_language

ID_ROLE = Qt.ItemDataRole.UserRole
LATE = QColor("#b3261e")
DUE = QColor("#8a5a00")
DONE = QColor("#1e6b2f")


def _table(columns: int, stretch: int) -> QTableWidget:
    """Return a read-only table whose ``stretch`` column takes the room the others leave."""
    table = QTableWidget(0, columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setWordWrap(True)
    return table


def _item(
    text: str, record_id: str | None = None, colour: QColor | None = None
) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if record_id is not None:
        item.setData(ID_ROLE, record_id)
    if colour is not None:
        item.setForeground(QBrush(colour))
    return item


def _day(value: date | None) -> str:
    return "–" if value is None else value.strftime("%d-%m-%Y")


def _hours(value: float) -> str:
    return f"{value:g}"


class ProgrammeProgressWidget(TranslatedWidget):
    """Shows progress per enrolled IKM; picking one shows its logbook and targets."""

    enterprise_selected = Signal(str)
    logbook_requested = Signal(str)
    target_requested = Signal(str)
    target_done_requested = Signal(str)
    diagnosis_requested = Signal(str)
    visit_requested = Signal(str)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self.programme_id: str | None = None
        self._progress: list[IkmProgress] = []
        self.ikm_table = _table(7, stretch=0)
        self.logbook_table = _table(6, stretch=1)
        self.target_table = _table(4, stretch=1)
        target_header = self.target_table.horizontalHeader()
        target_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.target_table.setColumnWidth(0, 190)
        self.logbook_label = QLabel()
        self.target_label = QLabel()
        self.diagnosis_button = QPushButton()
        self.logbook_button = QPushButton()
        self.target_button = QPushButton()
        self.done_button = QPushButton()
        self.on = date.today()

        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        for label, table, buttons in (
            (self.logbook_label, self.logbook_table, (self.logbook_button,)),
            (self.target_label, self.target_table, (self.target_button, self.done_button)),
        ):
            column = QVBoxLayout()
            label.setWordWrap(True)  # a longer translation wraps instead of widening the window
            column.addWidget(label)
            # The buttons get a row of their own: beside the label, the two columns' buttons
            # made the page wider than a 1366 px screen once translated.
            actions = QHBoxLayout()
            actions.addStretch(1)
            for button in buttons:
                actions.addWidget(button)
            column.addLayout(actions)
            column.addWidget(table)
            lower_layout.addLayout(column, 1)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.ikm_table)
        diagnosis_row = QHBoxLayout()
        diagnosis_row.addStretch(1)
        diagnosis_row.addWidget(self.diagnosis_button)
        upper_layout.addLayout(diagnosis_row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setSizes([240, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.retranslate_ui()
        self.ikm_table.itemSelectionChanged.connect(self._on_ikm_table_selection_changed)
        self.logbook_table.itemDoubleClicked.connect(self._on_logbook_table_double_clicked)
        self.diagnosis_button.clicked.connect(
            lambda: self._emit_for_selected(self.diagnosis_requested)
        )
        self.logbook_button.clicked.connect(lambda: self._emit_for_selected(self.logbook_requested))
        self.target_button.clicked.connect(lambda: self._emit_for_selected(self.target_requested))
        self.done_button.clicked.connect(self._on_done_button_clicked)
        self._update_buttons()

    def retranslate_ui(self) -> None:
        """Set every text in the current interface language."""
        self.ikm_table.setHorizontalHeaderLabels(
            [
                self.tr("IKM"),
                self.tr("Kunjungan / rencana"),
                self.tr("Jam"),
                self.tr("Di bawah jam minimum"),
                self.tr("Kunjungan terakhir"),
                self.tr("Diagnosis"),
                self.tr("Sasaran ✓ / segera / telat / lain"),
            ]
        )
        self.logbook_table.setHorizontalHeaderLabels(
            [
                self.tr("Tanggal"),
                self.tr("Topik"),
                self.tr("Metode"),
                self.tr("Jam"),
                self.tr("Pekerja"),
                self.tr("Mitra hadir"),
            ]
        )
        self.target_table.setHorizontalHeaderLabels(
            [self.tr("Sasaran"), self.tr("Indikator"), self.tr("Tenggat"), self.tr("Keadaan")]
        )
        self.logbook_label.setText(self.tr("Logbook pembinaan"))
        self.target_label.setText(self.tr("Rencana: sasaran"))
        self.diagnosis_button.setText(self.tr("Diagnosis…"))
        self.logbook_button.setText(self.tr("Catat logbook…"))
        self.target_button.setText(self.tr("Tambah sasaran…"))
        self.done_button.setText(self.tr("Tandai tercapai"))
        if self.programme_id is not None:
            self.load(self.programme_id, on=self.on)

    def _state_text(self, state: str) -> str:
        return {
            "done": self.tr("tercapai"),
            "late": self.tr("terlambat"),
            "due": self.tr("segera jatuh tempo"),
            "open": self.tr("berjalan"),
        }.get(state, state)

    def load(self, programme_id: str | None, *, on: date) -> None:
        """Show the progress of ``programme_id`` on ``on`` (None: nothing)."""
        selected = self.selected_enterprise_id()
        self.programme_id, self.on = programme_id, on
        self._progress = []
        if programme_id is not None:
            with self._database.unit_of_work() as session:
                self._progress = programme_progress(session, programme_id, on=on)
        self.ikm_table.setRowCount(len(self._progress))
        for row, p in enumerate(self._progress):
            behind = LATE if p.behind else None
            cells = (
                _item(p.name, p.enterprise_id),
                _item(f"{p.visits} / {p.expected_visits}", colour=behind),
                _item(_hours(p.hours)),
                _item(str(p.short_visits), colour=LATE if p.short_visits else None),
                _item(_day(p.last_visit)),
                _item(self.tr("sudah") if p.diagnosed else self.tr("belum")),
                _item(
                    f"{p.targets_done} / {p.targets_due} / {p.targets_late} / {p.targets_open}",
                    colour=LATE if p.targets_late else None,
                ),
            )
            for column, cell in enumerate(cells):
                self.ikm_table.setItem(row, column, cell)
        ids = [p.enterprise_id for p in self._progress]
        if ids:
            self.ikm_table.blockSignals(True)
            self.ikm_table.selectRow(ids.index(selected) if selected in ids else 0)
            self.ikm_table.blockSignals(False)
        self._show_details(self.selected_enterprise_id())
        self._update_buttons()

    def selected_enterprise_id(self) -> str | None:
        """Return the IKM picked in the table."""
        rows = self.ikm_table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.ikm_table.item(rows[0].row(), 0)
        return None if item is None else item.data(ID_ROLE)

    def selected_target_id(self) -> str | None:
        """Return the target picked in the plan table."""
        rows = self.target_table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.target_table.item(rows[0].row(), 0)
        return None if item is None else item.data(ID_ROLE)

    def _show_details(self, enterprise_id: str | None) -> None:
        logbook: list[LogbookRow] = []
        targets: list[TargetRow] = []
        if enterprise_id is not None and self.programme_id is not None:
            with self._database.unit_of_work() as session:
                logbook = programme_logbook(session, self.programme_id, enterprise_id=enterprise_id)
                targets = list_targets(
                    session, self.programme_id, on=self.on, enterprise_id=enterprise_id
                )
        lang = current_language()
        self.logbook_table.setRowCount(len(logbook))
        for row, entry in enumerate(logbook):
            topics = []
            for code in entry.topics:
                definition = target_def(code)
                topics.append(definition.title(lang) if definition else code)
            method = METHOD_LABELS.get(entry.method, (entry.method, entry.method))
            cells = (
                _item(_day(entry.visit_date), entry.visit_id),
                _item("; ".join(topics)),
                _item(method[1] if lang == "en" else method[0]),
                _item(_hours(entry.hours)),
                _item(str(entry.workers_reached)),
                _item(entry.partner_name or "–"),
            )
            for column, cell in enumerate(cells):
                self.logbook_table.setItem(row, column, cell)
        self.target_table.setRowCount(len(targets))
        colours = {"late": LATE, "due": DUE, "done": DONE}
        for row, target in enumerate(targets):
            state = self._state_text(target.state)
            if target.done_on is not None:
                state = f"{state} {_day(target.done_on)}"
            cells = (
                _item(target.title_en if lang == "en" else target.title_id, target.id),
                _item(target.indicator),
                _item(_day(target.due_on)),
                _item(state, colour=colours.get(target.state)),
            )
            for column, cell in enumerate(cells):
                self.target_table.setItem(row, column, cell)
        for table in (self.logbook_table, self.target_table):
            table.resizeRowsToContents()

    def _update_buttons(self) -> None:
        has_ikm = self.selected_enterprise_id() is not None
        for button in (
            self.diagnosis_button,
            self.logbook_button,
            self.target_button,
            self.done_button,
        ):
            button.setEnabled(has_ikm)

    def _emit_for_selected(self, signal: Signal) -> None:
        enterprise_id = self.selected_enterprise_id()
        if enterprise_id is not None:
            signal.emit(enterprise_id)

    @Slot()
    def _on_ikm_table_selection_changed(self) -> None:
        enterprise_id = self.selected_enterprise_id()
        self._show_details(enterprise_id)
        self._update_buttons()
        if enterprise_id is not None:
            self.enterprise_selected.emit(enterprise_id)

    @Slot()
    def _on_done_button_clicked(self) -> None:
        target = self.selected_target_id()
        if target is not None:
            self.target_done_requested.emit(target)

    @Slot(QTableWidgetItem)
    def _on_logbook_table_double_clicked(self, item: QTableWidgetItem) -> None:
        first = self.logbook_table.item(item.row(), 0)
        if first is not None:
            self.visit_requested.emit(first.data(ID_ROLE))
