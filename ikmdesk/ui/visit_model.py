"""The visit list model: ``VisitRow`` values from the visit service, a page at a time."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from ikmdesk.db import Database
from ikmdesk.errors import QT_TRANSLATE_NOOP
from ikmdesk.services.status_label import visit_status_label
from ikmdesk.services.visit import VisitFilter, VisitRow, count_visits, list_visits
from ikmdesk.ui.paged_table_model import FilteredTableModel, format_date
from ikmdesk.ui.translations import current_language


def visit_status_text(status: str) -> str:
    """Return a visit status's name in the interface language (``services.status_label``)."""
    return visit_status_label(status, current_language())


VISIT_PURPOSE_LABELS: dict[str, str] = {
    "mentoring": QT_TRANSLATE_NOOP("VisitTableModel", "Pendampingan"),
    "monitoring": QT_TRANSLATE_NOOP("VisitTableModel", "Monitoring"),
    "follow_up": QT_TRANSLATE_NOOP("VisitTableModel", "Tindak lanjut"),
    "certification_support": QT_TRANSLATE_NOOP("VisitTableModel", "Dukungan sertifikasi"),
}
"""Purpose names shown to users, translated in the ``VisitTableModel`` context."""


class VisitTableModel(FilteredTableModel[VisitFilter]):
    """Shows visits matching a ``VisitFilter``, newest first, loaded page by page."""

    CONTEXT = "VisitTableModel"
    (
        COL_DATE,
        COL_ENTERPRISE,
        COL_KECAMATAN,
        COL_PURPOSE,
        COL_STATUS,
        COL_OFFICER,
    ) = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("VisitTableModel", "Tanggal"),
        QT_TRANSLATE_NOOP("VisitTableModel", "IKM"),
        QT_TRANSLATE_NOOP("VisitTableModel", "Kecamatan"),
        QT_TRANSLATE_NOOP("VisitTableModel", "Tujuan"),
        QT_TRANSLATE_NOOP("VisitTableModel", "Status"),
        QT_TRANSLATE_NOOP("VisitTableModel", "Petugas"),
    )
    SORT_KEYS = (
        "visit_date",
        "enterprise_name",
        "kecamatan",
        "purpose",
        "status",
        "officer_name",
    )
    DEFAULT_SORT = (0, Qt.SortOrder.DescendingOrder)
    COLUMN_WIDTHS = (100, 260, 150, 150, 150, 170)
    """Fixed widths: measuring contents would read every row."""

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(
            database, VisitFilter(), list_rows=list_visits, count_rows=count_visits, parent=parent
        )

    def _cell(self, row: VisitRow, column: int) -> str:
        if column == self.COL_DATE:
            return format_date(row.visit_date)
        if column == self.COL_ENTERPRISE:
            return row.enterprise_name
        if column == self.COL_KECAMATAN:
            return row.kecamatan
        if column == self.COL_PURPOSE:
            return self._tr(VISIT_PURPOSE_LABELS.get(row.purpose, row.purpose))
        if column == self.COL_STATUS:
            return visit_status_text(row.status)
        if column == self.COL_OFFICER:
            return row.officer_name
        return ""
