"""A read-only table model over rows held in a list, replaced whole with ``set_rows``."""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

R = TypeVar("R")
AnyIndex = QModelIndex | QPersistentModelIndex


class RowListModel(QAbstractTableModel, Generic[R]):
    """Shows a short list of row values (a preview, a list of pairs) held in memory.

    Subclasses name their columns in ``_HEADERS`` (marked with ``QT_TRANSLATE_NOOP`` in
    ``_CONTEXT``, which translates them) and implement ``data`` over ``_rows``.
    """

    _CONTEXT: ClassVar[str] = "RowListModel"
    _HEADERS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    def set_rows(self, rows: list[R]) -> None:
        """Replace the rows shown."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_value(self, row: int) -> R | None:
        """Return the value on ``row``, or None outside the table."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._HEADERS):
            return QCoreApplication.translate(self._CONTEXT, self._HEADERS[section])
        return None
