"""Table model of follow-ups: holds FollowUpRow values, loads further pages on demand.

Columns are the ``COL_*`` constants; ``ID_ROLE``, ``VISIT_ID_ROLE`` and ``STATE_ROLE`` give
the row's ids and state ("open", "due", "overdue", "done") to views and tests. Rows come
from ``services.follow_up.list_follow_ups`` through a ``fetch(offset, limit)`` callable; the
model itself holds no session.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from ikmdesk.services.follow_up import FollowUpRow
from ikmdesk.services.status_label import follow_up_state_label
from ikmdesk.ui.translations import current_language


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for lupdate in ``context``; translated where it is shown."""
    return text


PAGE_SIZE = 200

ID_ROLE = Qt.ItemDataRole.UserRole + 1
VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_ROLE = Qt.ItemDataRole.UserRole + 3

COL_DUE, COL_STATE, COL_ENTERPRISE, COL_ACTION, COL_OWNER, COL_DONE_ON, COL_NOTE = range(7)
HEADERS = (
    QT_TRANSLATE_NOOP("FollowUpTableModel", "Tenggat"),
    QT_TRANSLATE_NOOP("FollowUpTableModel", "Keadaan"),
    QT_TRANSLATE_NOOP("FollowUpTableModel", "IKM"),
    QT_TRANSLATE_NOOP("FollowUpTableModel", "Tindakan"),
    QT_TRANSLATE_NOOP("FollowUpTableModel", "Penanggung jawab"),
    QT_TRANSLATE_NOOP("FollowUpTableModel", "Selesai"),
    QT_TRANSLATE_NOOP("FollowUpTableModel", "Catatan selesai"),
)
SORT_KEYS = {
    COL_DUE: "due_date",
    COL_ENTERPRISE: "enterprise_name",
    COL_ACTION: "action",
    COL_OWNER: "owner",
    COL_DONE_ON: "done_on",
}
"""Columns the list can be sorted by (in SQL), with the service's sort key."""

STATE_LABELS = {
    "open": QT_TRANSLATE_NOOP("FollowUpTableModel", "Belum jatuh tempo"),
    "due": QT_TRANSLATE_NOOP("FollowUpTableModel", "Segera jatuh tempo"),
    "overdue": QT_TRANSLATE_NOOP("FollowUpTableModel", "Terlambat"),
    "done": QT_TRANSLATE_NOOP("FollowUpTableModel", "Selesai"),
}
STATE_COLORS = {"overdue": QColor("#c62828"), "due": QColor("#e65100"), "done": QColor("#616161")}

Fetch = Callable[[int, int], Sequence[FollowUpRow]]
ModelIndex = QModelIndex | QPersistentModelIndex


def state_label(state: str) -> str:
    """Return the translated name of a follow-up state."""
    return follow_up_state_label(state, current_language())


def _date(day: date | None) -> str:
    return "" if day is None else day.strftime("%d-%m-%Y")


class FollowUpTableModel(QAbstractTableModel):
    """Shows FollowUpRow values; asks ``fetch`` for the next page when the view scrolls."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FollowUpRow] = []
        self._total = 0
        self._fetch: Fetch | None = None

    def set_rows(self, rows: Sequence[FollowUpRow], *, total: int, fetch: Fetch | None) -> None:
        """Replace all rows: the first page, the total behind it, and how to get more."""
        self.beginResetModel()
        self._rows = list(rows)
        self._total = max(total, len(self._rows))
        self._fetch = fetch
        self.endResetModel()

    @property
    def total(self) -> int:
        """Return how many rows match, loaded or not."""
        return self._total

    def row_at(self, row: int) -> FollowUpRow:
        """Return the follow-up shown in ``row``."""
        return self._rows[row]

    def row_of(self, follow_up_id: str) -> int:
        """Return the row showing ``follow_up_id``, or -1 when it is not loaded."""
        return next((i for i, r in enumerate(self._rows) if r.id == follow_up_id), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._fetch is not None and len(self._rows) < self._total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetch is None:
            return
        more = list(self._fetch(len(self._rows), PAGE_SIZE))
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return QCoreApplication.translate("FollowUpTableModel", HEADERS[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == ID_ROLE:
            return row.id
        if role == VISIT_ID_ROLE:
            return row.visit_id
        if role == STATE_ROLE:
            return row.state
        if role == Qt.ItemDataRole.ForegroundRole and column in (COL_DUE, COL_STATE):
            return STATE_COLORS.get(row.state)
        if role == Qt.ItemDataRole.FontRole and column == COL_STATE and row.state == "overdue":
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, row: FollowUpRow, column: int) -> str:
        if column == COL_DUE:
            return _date(row.due_date)
        if column == COL_STATE:
            return state_label(row.state)
        if column == COL_ENTERPRISE:
            return row.enterprise_name
        if column == COL_ACTION:
            return row.action
        if column == COL_OWNER:
            return row.owner or ""
        if column == COL_DONE_ON:
            return _date(row.done_on)
        if column == COL_NOTE:
            return row.done_note or ""
        return ""
