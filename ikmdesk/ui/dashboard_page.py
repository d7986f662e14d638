"""Beranda: this month's visits per cluster, follow-ups overdue and due, recent visits, quality.

The figures come from ``services.dashboard.dashboard_summary`` read off the GUI thread; the
page reloads whenever the change bus says visits, follow-ups, checks or enterprises changed.
Activating a follow-up or a visit emits ``visit_requested(visit_id)``, which the main window
routes to the Kunjungan page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ikmdesk.db import Database
from ikmdesk.services.dashboard import DashboardSummary, FollowUpDue, dashboard_summary
from ikmdesk.services.status_label import visit_status_label
from ikmdesk.ui import dialogs
from ikmdesk.ui.change_bus import change_bus
from ikmdesk.ui.chart_widget import BarChartWidget
from ikmdesk.ui.operations import Operation
from ikmdesk.ui.translations import current_language


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for lupdate in ``context``; translated where it is shown."""
    return text


WATCHED = frozenset({"enterprise", "visit", "follow_up", "quality_check", "cluster", "sync"})

PURPOSE_LABELS = {
    "mentoring": QT_TRANSLATE_NOOP("DashboardPage", "Pendampingan"),
    "monitoring": QT_TRANSLATE_NOOP("DashboardPage", "Monitoring"),
    "follow_up": QT_TRANSLATE_NOOP("DashboardPage", "Tindak lanjut"),
    "certification_support": QT_TRANSLATE_NOOP("DashboardPage", "Dukungan sertifikasi"),
}
MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

MEETS_COLOR = QColor("#2e7d32")
NEEDS_WORK_COLOR = QColor("#e65100")
NOT_ASSESSED_COLOR = QColor("#9e9e9e")
VISITS_COLOR = QColor("#1565c0")
OVERDUE_COLOR = QColor("#c62828")

VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class StatCard(QFrame):
    """A big number with a caption, for the top row of Beranda; clickable when it leads on."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._clickable = False
        self.value_label = QLabel("–")
        font = QFont(self.value_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value_label.setFont(font)
        self.caption_label = QLabel()
        self.caption_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)

    def set_value(self, value: int, *, alert: bool = False) -> None:
        """Show ``value``, in red when ``alert``."""
        self.value_label.setText(str(value))
        color = OVERDUE_COLOR.name() if alert and value > 0 else ""
        self.value_label.setStyleSheet(f"color: {color};" if color else "")

    def set_clickable(self, tooltip: str) -> None:
        """Make the card a link: pointing hand, a tooltip, and ``clicked`` on a click."""
        self._clickable = True
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tooltip)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._clickable and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class DashboardPage(QWidget):
    """Beranda: what needs attention today, and how the clusters are doing."""

    visit_requested = Signal(str)
    follow_ups_requested = Signal(str)
    summary_loaded = Signal(object)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.today: Callable[[], date] = date.today
        self.summary: DashboardSummary | None = None
        self._loading: Operation | None = None
        self._reload_wanted = False

        self.title_label = QLabel()
        self.title_label.setObjectName("pageTitle")
        title_font = QFont(self.title_label.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.subtitle_label = QLabel()
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.reload)

        self.visits_card = StatCard()
        self.overdue_card = StatCard()
        self.due_soon_card = StatCard()
        self.enterprises_card = StatCard()
        self.overdue_card.clicked.connect(lambda: self.follow_ups_requested.emit("overdue"))
        self.due_soon_card.clicked.connect(lambda: self.follow_ups_requested.emit("due"))

        self.visits_chart = BarChartWidget()
        self.quality_chart = BarChartWidget()
        self.visits_box = _box(self.visits_chart)
        self.quality_box = _box(self.quality_chart)

        self.follow_up_tree = QTreeWidget()
        self.follow_up_tree.setColumnCount(3)
        self.follow_up_tree.setRootIsDecorated(True)
        self.follow_up_tree.setUniformRowHeights(True)
        self.follow_up_tree.itemActivated.connect(self._on_tree_item_activated)
        self.follow_up_box = _box(self.follow_up_tree)

        self.recent_tree = QTreeWidget()
        self.recent_tree.setColumnCount(4)
        self.recent_tree.setRootIsDecorated(False)
        self.recent_tree.setUniformRowHeights(True)
        self.recent_tree.itemActivated.connect(self._on_tree_item_activated)
        self.recent_box = _box(self.recent_tree)
        for tree in (self.follow_up_tree, self.recent_tree):
            tree.header().setStretchLastSection(True)
            tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            tree.setAlternatingRowColors(True)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title_label)
        titles.addWidget(self.subtitle_label)
        header.addLayout(titles, 1)
        header.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)

        cards = QHBoxLayout()
        for card in (
            self.visits_card,
            self.overdue_card,
            self.due_soon_card,
            self.enterprises_card,
        ):
            cards.addWidget(card, 1)

        grid = QGridLayout()
        grid.addWidget(self.follow_up_box, 0, 0)
        grid.addWidget(self.recent_box, 0, 1)
        grid.addWidget(self.visits_box, 1, 0)
        grid.addWidget(self.quality_box, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(header)
        layout.addLayout(cards)
        layout.addLayout(grid, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.retranslate_ui()
        change_bus().data_changed.connect(self._on_change_bus_data_changed)
        self.reload()

    def retranslate_ui(self) -> None:
        """Set every fixed text in the current language and redraw the figures."""
        self.title_label.setText(self.tr("Beranda"))
        self.refresh_button.setText(self.tr("Muat ulang"))
        self.visits_card.caption_label.setText(self.tr("kunjungan bulan ini"))
        self.overdue_card.caption_label.setText(self.tr("tindak lanjut terlambat"))
        self.due_soon_card.caption_label.setText(
            self.tr("tindak lanjut jatuh tempo 7 hari ke depan")
        )
        self.enterprises_card.caption_label.setText(self.tr("IKM aktif"))
        self.overdue_card.set_clickable(
            self.tr("Klik untuk membuka daftar tindak lanjut terlambat")
        )
        self.due_soon_card.set_clickable(
            self.tr("Klik untuk membuka daftar tindak lanjut yang segera jatuh tempo")
        )
        self.visits_box.setTitle(self.tr("Kunjungan bulan ini per klaster"))
        self.quality_box.setTitle(self.tr("Hasil pemeriksaan mutu per klaster, 12 bulan terakhir"))
        self.follow_up_box.setTitle(self.tr("Tindak lanjut yang perlu dikerjakan"))
        self.recent_box.setTitle(self.tr("Kunjungan terbaru"))
        self.follow_up_tree.setHeaderLabels(
            [self.tr("Tenggat"), self.tr("IKM"), self.tr("Tindakan")]
        )
        self.recent_tree.setHeaderLabels(
            [self.tr("Tanggal"), self.tr("IKM"), self.tr("Klaster"), self.tr("Status")]
        )
        self.visits_chart.set_empty_text(self.tr("Belum ada kunjungan bulan ini."))
        self.quality_chart.set_empty_text(self.tr("Belum ada pemeriksaan mutu."))
        if self.summary is not None:
            self._show(self.summary)

    @Slot()
    def reload(self) -> None:
        """Read the figures again off the GUI thread (one read at a time)."""
        if self._loading is not None:
            self._reload_wanted = True
            return
        today = self.today()
        self._loading = Operation(
            lambda session: dashboard_summary(session, today), database=self.database
        )
        self._loading.succeeded.connect(self._on_summary_succeeded)
        self._loading.failed.connect(self._on_summary_failed)
        self._loading.finished.connect(self._on_summary_finished)
        self._loading.start()

    @Slot(object)
    def _on_summary_succeeded(self, summary: DashboardSummary) -> None:
        self.summary = summary
        self._show(summary)
        self.summary_loaded.emit(summary)

    @Slot(object)
    def _on_summary_failed(self, error: Exception) -> None:
        dialogs.show_error(self, error)

    @Slot()
    def _on_summary_finished(self) -> None:
        self._loading = None
        if self._reload_wanted:
            self._reload_wanted = False
            self.reload()

    def _show(self, summary: DashboardSummary) -> None:
        self.subtitle_label.setText(
            self.tr("{date} · data {file}").format(
                date=long_date(summary.today), file=self.database.path.name
            )
        )
        self.visits_card.set_value(summary.visits_this_month_total)
        self.overdue_card.set_value(summary.overdue_count, alert=True)
        self.due_soon_card.set_value(summary.due_soon_count)
        self.enterprises_card.set_value(summary.enterprises_active)
        english = current_language() == "en"
        self.visits_chart.set_data(
            [c.name_en if english else c.name_id for c in summary.visits_this_month],
            [(self.tr("Kunjungan"), VISITS_COLOR)],
            [[c.visits] for c in summary.visits_this_month],
        )
        self.quality_chart.set_data(
            [c.name_en if english else c.name_id for c in summary.quality_by_cluster],
            [
                (self.tr("Memenuhi"), MEETS_COLOR),
                (self.tr("Perlu perbaikan"), NEEDS_WORK_COLOR),
                (self.tr("Belum dinilai"), NOT_ASSESSED_COLOR),
            ],
            [[c.meets, c.needs_work, c.not_assessed] for c in summary.quality_by_cluster],
        )
        self._show_follow_ups(summary)
        self._show_recent(summary)

    def _show_follow_ups(self, summary: DashboardSummary) -> None:
        tree = self.follow_up_tree
        tree.clear()
        groups = (
            (self.tr("Terlambat (%n)", "", summary.overdue_count), summary.overdue, True),
            (
                self.tr("Jatuh tempo 7 hari ke depan (%n)", "", summary.due_soon_count),
                summary.due_soon,
                False,
            ),
        )
        for title, rows, late in groups:
            group = QTreeWidgetItem(tree, [title])
            group.setFirstColumnSpanned(True)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            if late and rows:
                group.setForeground(0, OVERDUE_COLOR)
            for row in rows:
                self._follow_up_item(group, row, summary.today)
            if not rows:
                empty = QTreeWidgetItem(group, [self.tr("Tidak ada.")])
                empty.setFirstColumnSpanned(True)
                empty.setDisabled(True)
            group.setExpanded(True)
        tree.resizeColumnToContents(0)
        tree.setColumnWidth(1, max(tree.columnWidth(1), 170))

    def _follow_up_item(self, group: QTreeWidgetItem, row: FollowUpDue, today: date) -> None:
        late = row.days_late(today)
        due = short_date(row.due_date)
        if late > 0:
            due = self.tr("{date} (%n hari lalu)", "", late).format(date=due)
        item = QTreeWidgetItem(group, [due, row.enterprise_name, row.action])
        item.setData(0, VISIT_ID_ROLE, row.visit_id)
        item.setToolTip(2, row.action)
        item.setToolTip(0, self.tr("Tekan Enter atau klik dua kali untuk membuka kunjungannya."))

    def _show_recent(self, summary: DashboardSummary) -> None:
        tree = self.recent_tree
        tree.clear()
        english = current_language() == "en"
        for visit in summary.recent_visits:
            item = QTreeWidgetItem(
                tree,
                [
                    short_date(visit.visit_date),
                    visit.enterprise_name,
                    visit.cluster_name_en if english else visit.cluster_name_id,
                    visit_status_label(visit.status.value, current_language()),
                ],
            )
            item.setData(0, VISIT_ID_ROLE, visit.id)
            item.setToolTip(
                1,
                QCoreApplication.translate("DashboardPage", PURPOSE_LABELS[visit.purpose.value]),
            )
        if not summary.recent_visits:
            empty = QTreeWidgetItem(tree, [self.tr("Belum ada kunjungan.")])
            empty.setFirstColumnSpanned(True)
            empty.setDisabled(True)
        tree.resizeColumnToContents(0)
        tree.setColumnWidth(1, max(tree.columnWidth(1), 170))

    def follow_up_visit_ids(self) -> list[str]:
        """Return the visit ids listed under the follow-ups, top to bottom."""
        ids = []
        for g in range(self.follow_up_tree.topLevelItemCount()):
            group = self.follow_up_tree.topLevelItem(g)
            for c in range(group.childCount()):
                visit_id = group.child(c).data(0, VISIT_ID_ROLE)
                if visit_id:
                    ids.append(visit_id)
        return ids

    @Slot(QTreeWidgetItem, int)
    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        visit_id = item.data(0, VISIT_ID_ROLE)
        if visit_id:
            self.visit_requested.emit(visit_id)

    @Slot(object)
    def _on_change_bus_data_changed(self, entities: frozenset[str]) -> None:
        if entities & WATCHED:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _box(widget: QWidget) -> QGroupBox:
    box = QGroupBox()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(widget)
    return box


def short_date(day: date) -> str:
    """Return ``day`` as the officers write it: 03-03-2026."""
    return day.strftime("%d-%m-%Y")


def long_date(day: date) -> str:
    """Return ``day`` written out in the interface language: 3 Maret 2026 / 3 March 2026."""
    months = MONTHS_EN if current_language() == "en" else MONTHS_ID
    return f"{day.day} {months[day.month - 1]} {day.year}"
