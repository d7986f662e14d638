"""The frame shared by the IKM and Kunjungan pages: a searchable record list, or one record's
editor in its place.

Search runs as the user types (after a short pause, so typing a name does not query the
database once per letter); the list reloads when the change bus reports data it shows, or, while
the editor is open, on going back to the list. This module holds no user-visible text: each page
keeps its own strings, so they stay in that page's translation context.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from ikmdesk.ui import dialogs
from ikmdesk.ui.change_bus import change_bus
from ikmdesk.ui.paged_table_model import FilteredTableModel, PagedTableModel
from ikmdesk.ui.translated_widget import TranslatedWidget

SEARCH_DELAY_MS = 250


def record_table(
    model: PagedTableModel, *, column_widths: Sequence[int], sort_column: int, order: Qt.SortOrder
) -> QTableView:
    """Return a read-only table of whole-row single selection showing ``model``, sorted."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate(column_widths):
        table.setColumnWidth(column, width)
    table.setSortingEnabled(True)
    table.sortByColumn(sort_column, order)
    return table


class ListEditorPage(TranslatedWidget):
    """A searchable list of records (``model`` in ``table``) with ``editor`` shown in its place.

    A subclass creates ``model``, ``table`` and ``editor``, calls :meth:`_lay_out` and
    :meth:`_connect_list`, and supplies ``current_filter``, ``_shown_record_id`` and
    ``_update_count`` (the count text is the subclass's, in its own translation context).
    """

    LIST, EDITOR = range(2)
    REFRESH_ON: ClassVar[frozenset[str]] = frozenset()
    """Change-bus entities whose change reloads the list."""

    model: FilteredTableModel[Any]
    table: QTableView
    editor: Any
    """A QWidget with ``load``, ``save``, ``has_unsaved_changes``, ``confirm_discard`` and the
    signal ``close_requested``."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._stale = False
        self.title_label = QLabel()
        self.title_label.setObjectName("pageTitle")
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.stack = QStackedWidget()

    def _lay_out(self, *, action_button: QPushButton, filter_widgets: Sequence[QWidget]) -> None:
        """Put title, search box and ``action_button`` over the filters, count and table."""
        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addWidget(self.search_edit, 1)
        top.addWidget(action_button)
        filters = QHBoxLayout()
        for widget in filter_widgets:
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(top)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.table, 1)

        self.stack.addWidget(list_page)
        self.stack.addWidget(self.editor)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    def _connect_list(self) -> None:
        """Connect the search box, table, model, editor's close request and change bus."""
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_timer.timeout.connect(self._on_search_timer_timeout)
        self.table.activated.connect(self._on_table_activated)
        self.table.doubleClicked.connect(self._on_table_activated)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.editor.close_requested.connect(self._on_editor_close_requested)
        change_bus().data_changed.connect(self._on_change_bus_data_changed)

    def current_filter(self) -> Any:
        """Return the filter the search box and the other filter widgets describe."""
        raise NotImplementedError

    @Slot()
    def apply_filter(self) -> None:
        """Load the list again with the current search text and filters."""
        self.search_timer.stop()
        try:
            self._load_rows()
        except UserError as error:
            dialogs.show_error(self, error)

    def _load_rows(self) -> None:
        self.model.set_filter(self.current_filter())

    def open_record(self, record_id: str) -> None:
        """Show one record in the editor (asks first if another has unsaved edits)."""
        if self._shown_record_id() == record_id and self.stack.currentIndex() == self.EDITOR:
            return
        if not self._leave_editor_allowed():
            return
        try:
            self.editor.load(record_id)
        except UserError as error:
            dialogs.show_error(self, error)
            return
        self.stack.setCurrentIndex(self.EDITOR)

    def _shown_record_id(self) -> str | None:
        raise NotImplementedError

    def show_list(self) -> None:
        """Go back to the list (no questions asked; callers check unsaved changes)."""
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
        """Save the record in the editor (Ctrl+S)."""
        if self.stack.currentIndex() == self.EDITOR:
            self.editor.save()

    def has_unsaved_changes(self) -> bool:
        """Return whether the editor holds edits not saved yet."""
        return self.stack.currentIndex() == self.EDITOR and self.editor.has_unsaved_changes()

    def leave_with_guard(self, then: Callable[[], object]) -> None:
        """Run ``then`` once the editor's unsaved edits are saved or thrown away (or none)."""
        if self.stack.currentIndex() != self.EDITOR:
            then()
            return
        self.editor.leave_with_guard(then)

    def _leave_editor_allowed(self) -> bool:
        return self.stack.currentIndex() != self.EDITOR or self.editor.confirm_discard()

    @Slot()
    def _update_count(self) -> None:
        raise NotImplementedError

    def _on_data_changed_while_editing(self, changed: frozenset[str]) -> None:
        """React to a change while the editor is shown (the list reloads on going back)."""

    @Slot(str)
    def _on_search_edit_text_changed(self, _text: str) -> None:
        self.search_timer.start()

    @Slot()
    def _on_search_timer_timeout(self) -> None:
        self.apply_filter()

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_record(self.model.row_id(index.row()))

    @Slot()
    def _on_editor_close_requested(self) -> None:
        self.show_list()

    @Slot(object)
    def _on_change_bus_data_changed(self, changed: object) -> None:
        if not isinstance(changed, frozenset) or not changed & self.REFRESH_ON:
            return
        if self.stack.currentIndex() == self.LIST:
            self.apply_filter()
        else:
            self._stale = True
            self._on_data_changed_while_editing(changed)
