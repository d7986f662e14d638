"""Beranda: what needs attention today, and how the clusters are doing.

Cards count the visits waiting for review (supervisor), this month's visits, follow-ups late and
due, licences run out and active IKMs. The lists beside them, one tab each: the review queue
(supervisor; longest waiting first), follow-ups, licences run out or running out (P-IRT, halal
when its date is known), and IKMs at risk of stagnation with the reason. An officer's licence and
stagnation lists keep to its own IKMs. Charts: visits this month and check results per cluster.

The figures come from ``services.dashboard.dashboard_summary`` read off the GUI thread; until
they arrive every list and card says "Memuat…" (never an empty-state text). A database without
IKMs shows "Mulai dari sini" instead of the lists: add or import IKMs, add desa, a first sync,
each with a button leading there (``section_requested(page, section)``).

Activating a visit (Enter or double-click) emits ``visit_requested(visit_id)``; an IKM of the
licence or stagnation lists emits ``enterprise_requested(enterprise_id)``. The page reloads
whenever the change bus says visits, follow-ups, checks, enterprises, products or regions changed.
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
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ikmdesk.db import Database
from ikmdesk.services.dashboard import (
    DashboardSummary,
    FirstRun,
    FollowUpDue,
    StagnationList,
    dashboard_stagnation,
    dashboard_summary,
)
from ikmdesk.services.licence_expiry import PIRT, LicenceAlert
from ikmdesk.services.programme.stagnation import Reason, StagnationRisk
from ikmdesk.services.status_label import visit_status_label
from ikmdesk.ui import dialogs
from ikmdesk.ui.change_bus import change_bus
from ikmdesk.ui.chart_widget import BarChartWidget
from ikmdesk.ui.operations import Operation
from ikmdesk.ui.translations import current_language


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for lupdate in ``context``; translated where it is shown."""
    return text


WATCHED = frozenset(
    {
        "enterprise",
        "visit",
        "follow_up",
        "quality_check",
        "cluster",
        "sync",
        "product",
        "region",
        "programme",
        "programme_enrollment",
        "training_record",
        "plan_target",
    }
)

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
ENTERPRISE_ID_ROLE = Qt.ItemDataRole.UserRole + 2


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

    def set_loading(self) -> None:
        """Show that the number is still being read."""
        self.value_label.setText("…")
        self.value_label.setStyleSheet("")

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
    enterprise_requested = Signal(str)
    follow_ups_requested = Signal(str)
    section_requested = Signal(str, str)
    """Asks the window to open a page on a part of it: ("ikm", "new"), ("data_kantor", "desa")."""
    summary_loaded = Signal(object)
    stagnation_loaded = Signal(object)

    TAB_REVIEW, TAB_FOLLOW_UPS, TAB_LICENCES, TAB_STAGNATION = range(4)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.today: Callable[[], date] = date.today
        self.summary: DashboardSummary | None = None
        self.stagnation: StagnationList | None = None
        self._stagnation_reading: Operation | None = None
        self._loading: Operation | None = None
        self._reload_wanted = False

        self.title_label = QLabel()
        self.title_label.setObjectName("pageTitle")
        title_font = QFont(self.title_label.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.subtitle_label = QLabel()
        self.loading_label = QLabel()
        self.loading_label.setStyleSheet("color: #555555;")
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.reload)

        self.review_card = StatCard()
        self.review_card.hide()  # shown once the summary says this is the supervisor's device
        self.visits_card = StatCard()
        self.overdue_card = StatCard()
        self.due_soon_card = StatCard()
        self.licences_card = StatCard()
        self.enterprises_card = StatCard()
        self.overdue_card.clicked.connect(lambda: self.follow_ups_requested.emit("overdue"))
        self.due_soon_card.clicked.connect(lambda: self.follow_ups_requested.emit("due"))
        self.review_card.clicked.connect(lambda: self._show_tab(self.review_tree))
        self.licences_card.clicked.connect(lambda: self._show_tab(self.licence_tree))

        self.visits_chart = BarChartWidget()
        self.quality_chart = BarChartWidget()
        self.visits_box = _box(self.visits_chart)
        self.quality_box = _box(self.quality_chart)

        self.follow_up_tree = QTreeWidget()
        self.follow_up_tree.setColumnCount(3)
        self.follow_up_tree.setRootIsDecorated(True)
        self.follow_up_tree.setUniformRowHeights(True)
        self.follow_up_tree.itemActivated.connect(self._on_tree_item_activated)

        self.review_tree = _tree(4, root=False)
        self.review_tree.itemActivated.connect(self._on_tree_item_activated)
        self.licence_tree = _tree(4, root=True)
        self.licence_tree.itemActivated.connect(self._on_tree_item_activated)
        self.stagnation_tree = _tree(4, root=False)
        self.stagnation_tree.itemActivated.connect(self._on_tree_item_activated)
        self.lists = QTabWidget()
        self.lists.addTab(self.review_tree, "")
        self.lists.addTab(self.follow_up_tree, "")
        self.lists.addTab(self.licence_tree, "")
        self.lists.addTab(self.stagnation_tree, "")
        self.lists.setTabVisible(self.TAB_REVIEW, False)
        self.lists.setCurrentIndex(self.TAB_FOLLOW_UPS)
        self.follow_up_box = self.lists

        self.first_run_box = QGroupBox()
        self.first_run_intro = QLabel()
        self.first_run_intro.setWordWrap(True)
        self.first_run_steps: list[tuple[QLabel, QPushButton]] = []
        first_run_layout = QGridLayout(self.first_run_box)
        first_run_layout.addWidget(self.first_run_intro, 0, 0, 1, 2)
        targets = (
            ("ikm", "new"),
            ("data_kantor", "import"),
            ("data_kantor", "desa"),
            ("sinkronisasi", ""),
        )
        for row, (page, section) in enumerate(targets, start=1):
            label = QLabel()
            label.setWordWrap(True)
            button = QPushButton()
            button.clicked.connect(
                lambda _checked=False, p=page, s=section: self.section_requested.emit(p, s)
            )
            first_run_layout.addWidget(label, row, 0)
            first_run_layout.addWidget(button, row, 1)
            self.first_run_steps.append((label, button))
        first_run_layout.setColumnStretch(0, 1)
        first_run_layout.setRowStretch(len(targets) + 1, 1)
        self.first_run_box.hide()

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
        header.addWidget(self.loading_label, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)

        cards = QHBoxLayout()
        for card in (
            self.review_card,
            self.visits_card,
            self.overdue_card,
            self.due_soon_card,
            self.licences_card,
            self.enterprises_card,
        ):
            cards.addWidget(card, 1)

        self.overview = QWidget()
        grid = QGridLayout(self.overview)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.follow_up_box, 0, 0)
        grid.addWidget(self.recent_box, 0, 1)
        grid.addWidget(self.visits_box, 1, 0)
        grid.addWidget(self.quality_box, 1, 1)
        grid.setColumnStretch(0, 3)  # the attention lists need the room more than the latest visits
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(header)
        layout.addLayout(cards)
        layout.addWidget(self.first_run_box, 1)
        layout.addWidget(self.overview, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.retranslate_ui()
        self._show_loading()
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
        self.review_card.caption_label.setText(self.tr("kunjungan menunggu tinjauan"))
        self.review_card.set_clickable(
            self.tr("Klik untuk melihat kunjungan yang menunggu tinjauan")
        )
        self.licences_card.caption_label.setText(self.tr("izin (P-IRT, halal) sudah berakhir"))
        self.licences_card.set_clickable(self.tr("Klik untuk melihat izin yang berakhir"))
        self.loading_label.setText(self.tr("Memuat…"))
        self.review_tree.setHeaderLabels(
            [
                self.tr("Menunggu sejak"),
                self.tr("IKM"),
                self.tr("Petugas"),
                self.tr("Tanggal kunjungan"),
            ]
        )
        self.licence_tree.setHeaderLabels(
            [self.tr("Berlaku s.d."), self.tr("IKM"), self.tr("Kecamatan"), self.tr("Izin")]
        )
        self.stagnation_tree.setHeaderLabels(
            [self.tr("IKM"), self.tr("Kecamatan"), self.tr("Kunjungan terakhir"), self.tr("Alasan")]
        )
        self._retranslate_first_run()
        self.overdue_card.set_clickable(
            self.tr("Klik untuk membuka daftar tindak lanjut terlambat")
        )
        self.due_soon_card.set_clickable(
            self.tr("Klik untuk membuka daftar tindak lanjut yang segera jatuh tempo")
        )
        self.visits_box.setTitle(self.tr("Kunjungan bulan ini per klaster"))
        self.quality_box.setTitle(self.tr("Hasil pemeriksaan mutu per klaster, 12 bulan terakhir"))
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
        else:
            self._name_tabs(None)

    def _retranslate_first_run(self) -> None:
        self.first_run_box.setTitle(self.tr("Mulai dari sini"))
        self.first_run_intro.setText(
            self.tr("Basis data ini belum berisi IKM. Langkah pertama, dalam urutan mana pun:")
        )
        texts = (
            (self.tr("Tambahkan IKM satu per satu."), self.tr("Tambah IKM…")),
            (
                self.tr("Atau impor daftar IKM kantor dari berkas Excel (.xlsx) atau .csv."),
                self.tr("Impor daftar IKM…"),
            ),
            (
                self.tr("Tambahkan desa di kecamatan yang Anda dampingi (18 kecamatan sudah ada)."),
                self.tr("Buka daftar desa"),
            ),
            (
                self.tr(
                    "Tukar kartu kunci dengan kepala seksi atau petugas, lalu kirim dan terima "
                    "berkas sinkronisasi pertama: data IKM kantor ikut di dalamnya."
                ),
                self.tr("Buka Sinkronisasi"),
            ),
        )
        for (label, button), (text, action) in zip(self.first_run_steps, texts, strict=True):
            label.setText(text)
            button.setText(action)
        if self.summary is not None:
            self._show_first_run(self.summary.first_run)

    def _show_first_run(self, state: FirstRun) -> None:
        done = (state.enterprises > 0, state.enterprises > 0, state.desa > 0, state.synced)
        for (label, _button), finished in zip(self.first_run_steps, done, strict=True):
            font = label.font()
            font.setStrikeOut(finished)
            label.setFont(font)
        self.first_run_box.setVisible(state.is_new)
        self.overview.setVisible(not state.is_new)

    def _show_loading(self) -> None:
        """Say "Memuat…" wherever a figure or a list will appear (first load only)."""
        for card in (
            self.review_card,
            self.visits_card,
            self.overdue_card,
            self.due_soon_card,
            self.licences_card,
            self.enterprises_card,
        ):
            card.set_loading()
        loading = self.tr("Memuat…")
        for tree in (
            self.review_tree,
            self.follow_up_tree,
            self.licence_tree,
            self.stagnation_tree,
            self.recent_tree,
        ):
            tree.clear()
            _placeholder(tree, loading)
        self.visits_chart.set_empty_text(loading)
        self.quality_chart.set_empty_text(loading)
        self.loading_label.show()

    def _name_tabs(self, summary: DashboardSummary | None) -> None:
        if summary is None:
            titles = (
                self.tr("Menunggu tinjauan"),
                self.tr("Tindak lanjut"),
                self.tr("Izin"),
                self.tr("Risiko stagnasi"),
            )
        else:
            licences = summary.licences
            titles = (
                self.tr("Menunggu tinjauan (%n)", "", summary.review_count),
                self.tr("Tindak lanjut (%n)", "", summary.overdue_count + summary.due_soon_count),
                self.tr("Izin (%n)", "", licences.expired_count + licences.expiring_count),
                self.tr("Risiko stagnasi (%n)", "", self.stagnation.count)
                if self.stagnation is not None
                else self.tr("Risiko stagnasi"),
            )
        for index, title in enumerate(titles):
            self.lists.setTabText(index, title)

    def _show_tab(self, tree: QTreeWidget) -> None:
        self.lists.setCurrentWidget(tree)
        tree.setFocus()

    def is_loading(self) -> bool:
        """Return whether a read of the figures is under way."""
        return self._loading is not None

    @Slot()
    def reload(self) -> None:
        """Read the figures again off the GUI thread (one read at a time)."""
        if self._loading is not None:
            self._reload_wanted = True
            return
        today = self.today()
        self.loading_label.show()
        self._loading = Operation(
            lambda session: dashboard_summary(session, today, with_stagnation=False),
            database=self.database,
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
        self._read_stagnation(summary.today)

    def _read_stagnation(self, today: date) -> None:
        """Read the stagnation list after the rest: it is the slow part on a large database."""
        if self._stagnation_reading is not None:
            return  # the reload that follows the running read asks again
        reading = Operation(
            lambda session: dashboard_stagnation(session, today), database=self.database
        )
        reading.succeeded.connect(self._on_stagnation_succeeded)
        reading.failed.connect(self._on_summary_failed)
        reading.finished.connect(self._on_stagnation_finished)
        self._stagnation_reading = reading
        reading.start()

    @Slot(object)
    def _on_stagnation_succeeded(self, stagnation: StagnationList) -> None:
        self.stagnation = stagnation
        if self.summary is not None:
            self._show_stagnation(self.summary)
            self._name_tabs(self.summary)
        self.stagnation_loaded.emit(stagnation)

    @Slot()
    def _on_stagnation_finished(self) -> None:
        self._stagnation_reading = None

    @Slot(object)
    def _on_summary_failed(self, error: Exception) -> None:
        dialogs.show_error(self, error)

    @Slot()
    def _on_summary_finished(self) -> None:
        self._loading = None
        self.loading_label.setVisible(self._reload_wanted)
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
        self.visits_chart.set_empty_text(self.tr("Belum ada kunjungan bulan ini."))
        self.quality_chart.set_empty_text(self.tr("Belum ada pemeriksaan mutu."))
        supervisor = summary.is_supervisor
        self.review_card.setVisible(supervisor)
        self.review_card.set_value(summary.review_count)
        self.licences_card.set_value(summary.licences.expired_count, alert=True)
        was_shown = self.lists.isTabVisible(self.TAB_REVIEW)
        self.lists.setTabVisible(self.TAB_REVIEW, supervisor)
        if supervisor and not was_shown:
            self.lists.setCurrentIndex(self.TAB_REVIEW)  # the supervisor's first job
        self._show_review(summary)
        self._show_licences(summary)
        self._show_stagnation(summary)
        self._name_tabs(summary)
        self._show_first_run(summary.first_run)

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

    def _show_review(self, summary: DashboardSummary) -> None:
        tree = self.review_tree
        tree.clear()
        for visit in summary.review_queue:
            waited = visit.waiting_days(summary.today)
            since = visit.submitted_at.date() if visit.submitted_at else visit.visit_date
            item = QTreeWidgetItem(
                tree,
                [
                    self.tr("{date} (%n hari)", "", waited).format(date=short_date(since)),
                    visit.enterprise_name,
                    visit.officer_name or self.tr("petugas tidak dikenal"),
                    short_date(visit.visit_date),
                ],
            )
            item.setData(0, VISIT_ID_ROLE, visit.id)
            item.setToolTip(
                0, self.tr("Tekan Enter atau klik dua kali untuk membuka kunjungannya.")
            )
        if not summary.review_queue:
            _placeholder(tree, self.tr("Tidak ada kunjungan yang menunggu tinjauan."))
        elif summary.review_count > len(summary.review_queue):
            _placeholder(
                tree,
                self.tr("… dan %n lagi (halaman Kunjungan, status Menunggu tinjauan).", "",
                        summary.review_count - len(summary.review_queue)),
            )  # fmt: skip
        _fit(tree)

    def _show_licences(self, summary: DashboardSummary) -> None:
        tree = self.licence_tree
        tree.clear()
        licences = summary.licences
        groups = (
            (
                self.tr("Sudah berakhir (%n)", "", licences.expired_count),
                licences.expired,
                licences.expired_count,
                True,
            ),
            (
                self.tr("Berakhir tahun ini atau tahun depan (%n)", "", licences.expiring_count),
                licences.expiring,
                licences.expiring_count,
                False,
            ),
        )
        for title, rows, count, late in groups:
            group = _group(tree, title, alert=late and bool(rows))
            for alert in rows:
                self._licence_item(group, alert)
            if not rows:
                _placeholder(group, self.tr("Tidak ada."))
            elif count > len(rows):
                _placeholder(group, self.tr("… dan %n lagi", "", count - len(rows)))
        _fit(tree)

    def _licence_item(self, group: QTreeWidgetItem, alert: LicenceAlert) -> None:
        if alert.licence == PIRT:
            until = str(alert.expires_year)
            what = self.tr("P-IRT {number} ({product})").format(
                number=alert.number or "", product=alert.product_name or ""
            )
        else:
            until = short_date(alert.expires_on) if alert.expires_on else str(alert.expires_year)
            what = (
                self.tr("Sertifikat halal {number}").format(number=alert.number)
                if alert.number
                else self.tr("Sertifikat halal")
            )
        item = QTreeWidgetItem(group, [until, alert.enterprise_name, alert.kecamatan, what])
        item.setData(0, ENTERPRISE_ID_ROLE, alert.enterprise_id)
        item.setToolTip(3, what)
        item.setToolTip(0, self.tr("Tekan Enter atau klik dua kali untuk membuka IKM-nya."))

    def _show_stagnation(self, summary: DashboardSummary) -> None:
        tree = self.stagnation_tree
        stagnation = self.stagnation
        if stagnation is None:
            return  # still "Memuat…"
        tree.clear()
        lang = current_language()
        for risk in stagnation.risks:
            reason = self._risk_reason(risk, lang, summary.today)
            item = QTreeWidgetItem(
                tree,
                [
                    risk.name,
                    risk.kecamatan,
                    short_date(risk.last_visit) if risk.last_visit else self.tr("belum pernah"),
                    reason,
                ],
            )
            item.setData(0, ENTERPRISE_ID_ROLE, risk.enterprise_id)
            item.setToolTip(3, reason)
        if not stagnation.risks:
            _placeholder(tree, self.tr("Tidak ada IKM yang berisiko stagnasi."))
        elif stagnation.count > len(stagnation.risks):
            _placeholder(
                tree,
                self.tr("… dan %n lagi", "",
                        stagnation.count - len(stagnation.risks)),
            )  # fmt: skip
        _fit(tree, widest=210)

    def _risk_reason(self, risk: StagnationRisk, lang: str, today: date) -> str:
        if risk.last_visit is not None:
            return risk.reason_text(lang, today)
        # The service counts the days since the last visit; an IKM never visited has none.
        words = [
            self.tr("belum pernah dikunjungi")
            if reason == Reason.NO_VISIT
            else StagnationRisk(risk.enterprise_id, "", "", (), (reason,), None).reason_text(
                lang, today
            )
            for reason in risk.reasons
        ]
        return "; ".join(words)

    def review_visit_ids(self) -> list[str]:
        """Return the visit ids of the review queue, top to bottom."""
        tree = self.review_tree
        ids = (tree.topLevelItem(r).data(0, VISIT_ID_ROLE) for r in range(tree.topLevelItemCount()))
        return [i for i in ids if i]

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
            return
        enterprise_id = item.data(0, ENTERPRISE_ID_ROLE)
        if enterprise_id:
            self.enterprise_requested.emit(enterprise_id)

    @Slot(object)
    def _on_change_bus_data_changed(self, entities: frozenset[str]) -> None:
        if entities & WATCHED:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _tree(columns: int, *, root: bool) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setColumnCount(columns)
    tree.setRootIsDecorated(root)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.header().setStretchLastSection(True)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return tree


def _group(tree: QTreeWidget, title: str, *, alert: bool) -> QTreeWidgetItem:
    group = QTreeWidgetItem(tree, [title])
    group.setFirstColumnSpanned(True)
    font = group.font(0)
    font.setBold(True)
    group.setFont(0, font)
    if alert:
        group.setForeground(0, OVERDUE_COLOR)
    group.setExpanded(True)
    return group


def _placeholder(parent: QTreeWidget | QTreeWidgetItem, text: str) -> QTreeWidgetItem:
    """Add a greyed line spanning the columns ("Memuat…", "Tidak ada.")."""
    item = QTreeWidgetItem(parent, [text])
    item.setFirstColumnSpanned(True)
    item.setDisabled(True)
    return item


def _fit(tree: QTreeWidget, *, widest: int = 230) -> None:
    """Size every column but the last (which stretches) to its contents, up to ``widest``."""
    for column in range(tree.columnCount() - 1):
        tree.resizeColumnToContents(column)
        tree.setColumnWidth(column, min(tree.columnWidth(column), widest))


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
