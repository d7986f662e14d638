"""A lazy table model base: rows come from a service a page at a time, sorted in SQL.

:class:`PagedTableModel` asks its service for ``PAGE_SIZE`` rows at a time through
``fetchMore`` and sorts and filters by asking again, never in Python, so 100,000 rows scroll
and re-sort without a pause (a proxy model took 21 s per sort at that size). It holds plain row
values and the database handle, never a session.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from sqlalchemy.orm import Session

from ikmdesk.db import Database

ROLE_ID = Qt.ItemDataRole.UserRole + 1
"""Item role holding the record id of a row."""

ROLE_ROW = Qt.ItemDataRole.UserRole + 2
"""Item role holding the whole row value (a frozen dataclass)."""

AnyIndex = QModelIndex | QPersistentModelIndex
F = TypeVar("F")


def format_date(value: date | None) -> str:
    """Return a date the way Indonesian lists write it (dd-mm-yyyy), or an empty string."""
    return "" if value is None else value.strftime("%d-%m-%Y")


class PagedTableModel(QAbstractTableModel):
    """A read-only table that loads rows from a service on demand and sorts by asking again.

    Subclasses name their columns (``HEADERS``, translated in their class's context), the
    service sort key of each column (``SORT_KEYS``, ``None``: not sortable) and implement
    ``_page``, ``_count`` and ``_cell``.
    """

    PAGE_SIZE: ClassVar[int] = 200
    CONTEXT: ClassVar[str] = "PagedTableModel"
    HEADERS: ClassVar[tuple[str, ...]] = ()
    SORT_KEYS: ClassVar[tuple[str | None, ...]] = ()
    DEFAULT_SORT: ClassVar[tuple[int, Qt.SortOrder]] = (0, Qt.SortOrder.AscendingOrder)

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._rows: list[Any] = []
        self._total = 0
        self._sort_column, self._sort_order = self.DEFAULT_SORT

    @property
    def total(self) -> int:
        """Return how many rows match in all (loaded or not)."""
        return self._total

    @property
    def sort_key(self) -> str:
        """Return the service sort key in force."""
        return self.SORT_KEYS[self._sort_column] or ""

    @property
    def descending(self) -> bool:
        """Return whether the sort is descending."""
        return self._sort_order == Qt.SortOrder.DescendingOrder

    def row_value(self, row: int) -> Any:
        """Return the row value shown in ``row``."""
        return self._rows[row]

    def row_id(self, row: int) -> str:
        """Return the record id shown in ``row``."""
        return str(self._rows[row].id)

    def row_of(self, record_id: str) -> int:
        """Return the loaded row showing ``record_id``, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), -1)

    def reload(self) -> None:
        """Forget loaded rows and load the first page again (after a filter, sort or change)."""
        with self._database.unit_of_work() as session:
            total = self._count(session)
            rows = self._page(session, 0, self.PAGE_SIZE)
        self.beginResetModel()
        self._rows = rows
        self._total = max(total, len(rows))
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid():
            return
        with self._database.unit_of_work() as session:
            rows = self._page(session, len(self._rows), self.PAGE_SIZE)
        if not rows:
            # Rows were removed since the count: stop asking.
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.SORT_KEYS) or self.SORT_KEYS[column] is None:
            return
        if (column, order) == (self._sort_column, self._sort_order) and self._rows:
            return
        self._sort_column, self._sort_order = column, order
        self.reload()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(row, index.column())
        if role == ROLE_ID:
            return row.id
        if role == ROLE_ROW:
            return row
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _tr(self, text: str) -> str:
        return QCoreApplication.translate(self.CONTEXT, text)

    def _page(self, session: Session, offset: int, limit: int) -> list[Any]:
        raise NotImplementedError

    def _count(self, session: Session) -> int:
        raise NotImplementedError

    def _cell(self, row: Any, column: int) -> str:
        raise NotImplementedError


class FilteredTableModel(PagedTableModel, Generic[F]):
    """A paged table of the rows a service lists for a filter value; ``set_filter`` asks again.

    ``list_rows(session, flt, sort=, descending=, offset=, limit=)`` and
    ``count_rows(session, flt)`` are the service's list and count functions for that filter.
    """

    def __init__(
        self,
        database: Database,
        flt: F,
        *,
        list_rows: Callable[..., list[Any]],
        count_rows: Callable[[Session, F], int],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(database, parent)
        self._filter = flt
        self._list_rows = list_rows
        self._count_rows = count_rows

    @property
    def filter(self) -> F:
        """Return the filter in force."""
        return self._filter

    def set_filter(self, flt: F) -> None:
        """Show only rows matching ``flt`` (asks the service again)."""
        self._filter = flt
        self.reload()

    def _page(self, session: Session, offset: int, limit: int) -> list[Any]:
        return self._list_rows(
            session,
            self._filter,
            sort=self.sort_key,
            descending=self.descending,
            offset=offset,
            limit=limit,
        )

    def _count(self, session: Session) -> int:
        return self._count_rows(session, self._filter)
