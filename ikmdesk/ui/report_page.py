"""Laporan: choose a report, preview it inside the app, save it as PDF or print it.

PDFs are built on the writer thread (a visit report may give the visit its number, which
is a write), and come back as bytes that the preview shows with QtPdf. A batch export of
many visit reports runs behind a cancellable progress dialog; every file it writes is
complete, because each is written to a temporary name and renamed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ikmdesk.db import Database
from ikmdesk.services.region import list_clusters, list_kecamatan
from ikmdesk.services.report_data import enterprise_choices, visit_choices
from ikmdesk.services.report_period import (
    MONTH,
    QUARTER,
    YEAR,
    Period,
    month_period,
    quarter_period,
    year_period,
)
from ikmdesk.ui import dialogs
from ikmdesk.ui.change_bus import change_bus
from ikmdesk.ui.operations import Operation, Progress, run_operation, run_with_progress
from ikmdesk.ui.visit_model import visit_status_text

KIND_VISIT, KIND_ENTERPRISE, KIND_SUMMARY, KIND_BATCH = "visit", "enterprise", "summary", "visits"
KINDS = (KIND_VISIT, KIND_ENTERPRISE, KIND_SUMMARY, KIND_BATCH)
PRINT_DPI = 300
WATCHED = frozenset({"visit", "enterprise", "cluster", "sync"})


@dataclass(frozen=True, slots=True)
class _Choices:
    visits: list[Any]
    enterprises: list[Any]
    clusters: list[Any]
    kecamatan: list[Any]


def _load_choices(session: Session) -> _Choices:
    return _Choices(
        visits=visit_choices(session),
        enterprises=enterprise_choices(session),
        clusters=list_clusters(session),
        kecamatan=list_kecamatan(session),
    )


class ReportPage(QWidget):
    """Report picker with parameters, in-app preview, save, print and batch export."""

    preview_ready = Signal()
    export_finished = Signal(int)
    xlsx_saved = Signal(str)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.pdf_bytes: bytes | None = None
        self._pdf_name = ""
        self._rendering_name = ""
        self._pending_select: tuple[str, str] | None = None
        self._pending_preview = True
        self._buffer: QBuffer | None = None
        self._document: tuple[Callable[[Database, str], bytes], str] | None = None
        self._build()
        change_bus().data_changed.connect(self._on_change_bus_data_changed)
        self.reload_choices()

    def _build(self) -> None:
        self.kind_combo = QComboBox()
        for kind, text in (
            (KIND_VISIT, self.tr("Laporan kunjungan")),
            (KIND_ENTERPRISE, self.tr("Riwayat pendampingan IKM")),
            (KIND_SUMMARY, self.tr("Rekap bulanan, triwulanan atau tahunan")),
            (KIND_BATCH, self.tr("Semua laporan kunjungan dalam rentang tanggal")),
        ):
            self.kind_combo.addItem(text, kind)
        self.visit_combo = QComboBox()
        self.enterprise_combo = QComboBox()
        for combo in (self.visit_combo, self.enterprise_combo):
            combo.setEditable(True)  # type to find among hundreds
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.period_combo = QComboBox()
        for kind, text in (
            (MONTH, self.tr("Bulan")),
            (QUARTER, self.tr("Triwulan")),
            (YEAR, self.tr("Tahun")),
        ):
            self.period_combo.addItem(text, kind)
        last_month = QDate.currentDate().addMonths(-1)
        self.month_edit = QDateEdit(last_month)
        self.month_edit.setDisplayFormat("MM/yyyy")
        self.quarter_combo = QComboBox()
        for quarter, text in enumerate(
            (
                self.tr("Triwulan I (Januari–Maret)"),
                self.tr("Triwulan II (April–Juni)"),
                self.tr("Triwulan III (Juli–September)"),
                self.tr("Triwulan IV (Oktober–Desember)"),
            ),
            start=1,
        ):
            self.quarter_combo.addItem(text, quarter)
        self.quarter_combo.setCurrentIndex((last_month.month() - 1) // 3)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(last_month.year())
        self.cluster_combo = QComboBox()
        self.kecamatan_combo = QComboBox()
        self.stale_spin = QSpinBox()
        self.stale_spin.setRange(1, 36)
        self.stale_spin.setValue(3)
        self.stale_spin.setSuffix(self.tr(" bulan"))
        today = QDate.currentDate()
        self.from_edit = QDateEdit(QDate(today.year(), today.month(), 1))
        self.to_edit = QDateEdit(today)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.lang_combo = QComboBox()
        self.lang_combo.addItem(self.tr("Bahasa Indonesia"), "id")
        self.lang_combo.addItem(self.tr("English"), "en")

        self.parameters = QStackedWidget()
        self.parameters.addWidget(self._form((self.tr("Kunjungan"), self.visit_combo)))
        self.parameters.addWidget(self._form((self.tr("IKM"), self.enterprise_combo)))
        summary_form = self._form(
            (self.tr("Periode"), self.period_combo),
            (self.tr("Bulan"), self.month_edit),
            (self.tr("Triwulan"), self.quarter_combo),
            (self.tr("Tahun"), self.year_spin),
            (self.tr("Klaster"), self.cluster_combo),
            (self.tr("Kecamatan"), self.kecamatan_combo),
            (self.tr("Belum dikunjungi lebih dari"), self.stale_spin),
        )
        self._summary_form = cast(QFormLayout, summary_form.layout())
        self.parameters.addWidget(summary_form)
        self.parameters.addWidget(
            self._form((self.tr("Dari tanggal"), self.from_edit), (self.tr("Sampai"), self.to_edit))
        )

        self.preview_button = QPushButton(self.tr("Tampilkan"))
        self.save_button = QPushButton(self.tr("Simpan PDF…"))
        self.print_button = QPushButton(self.tr("Cetak…"))
        self.export_button = QPushButton(self.tr("Ekspor ke folder…"))
        self.xlsx_button = QPushButton(self.tr("Simpan Excel…"))
        self.xlsx_button.setToolTip(self.tr("Tabel rekap yang sama, satu lembar per tabel"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        left = QVBoxLayout()
        top = QFormLayout()
        top.addRow(self.tr("Jenis laporan"), self.kind_combo)
        top.addRow(self.tr("Bahasa laporan"), self.lang_combo)
        self._top_form = top
        left.addLayout(top)
        left.addWidget(self.parameters)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.save_button, self.print_button):
            buttons.addWidget(button)
        left.addLayout(buttons)
        left.addWidget(self.xlsx_button)
        left.addWidget(self.export_button)
        left.addWidget(self.status_label)
        left.addStretch(1)
        controls = QWidget()
        controls.setLayout(left)
        controls.setMinimumWidth(320)

        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        splitter = QSplitter()
        splitter.addWidget(controls)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        self.preview_button.clicked.connect(self.show_preview)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.xlsx_button.clicked.connect(self._on_xlsx_button_clicked)
        self.period_combo.currentIndexChanged.connect(self._on_period_combo_changed)
        self._on_period_combo_changed()
        self._on_kind_combo_changed()

    def _form(self, *rows: tuple[str, QWidget]) -> QWidget:
        widget = QWidget()
        form = QFormLayout(widget)
        form.setContentsMargins(0, 0, 0, 0)
        for label, field in rows:
            form.addRow(label, field)
        return widget

    def reload_choices(self) -> None:
        """Refill the pickers (visits, IKM, clusters, kecamatan) off the GUI thread."""
        run_operation(
            _load_choices,
            database=self.database,
            on_success=self._on_choices_loaded,
            on_failure=lambda error: dialogs.show_error(self, error),
            parent=self,
        )

    def select(self, kind: str, record_id: str | None = None, *, preview: bool = False) -> None:
        """Choose the report kind and, for a visit or IKM report, the record.

        With ``preview`` the report is shown as soon as the record is in the picker (the
        pickers fill off the GUI thread, so that may be a moment later).
        """
        self.kind_combo.setCurrentIndex(KINDS.index(kind))
        if record_id is None:
            return
        if self._select_record(kind, record_id):
            if preview:
                self.show_preview()
        else:
            self._pending_select = (kind, record_id)
            self._pending_preview = preview

    def show_document(self, render: Callable[[Database, str], bytes], file_name: str) -> None:
        """Preview one fixed document (``render(database, lang)``); the report pickers hide."""
        self._document = (render, file_name)
        self._top_form.setRowVisible(0, False)
        self.parameters.hide()
        self.export_button.hide()
        self.xlsx_button.hide()
        for button in (self.preview_button, self.save_button, self.print_button):
            button.setVisible(True)
        self.show_preview()

    def current_kind(self) -> str:
        """Return the chosen report kind (one of KINDS)."""
        return str(self.kind_combo.currentData())

    def summary_period(self) -> Period:
        """Return the month, quarter or year the summary fields name."""
        kind = self.period_combo.currentData()
        if kind == QUARTER:
            return quarter_period(self.year_spin.value(), int(self.quarter_combo.currentData()))
        if kind == YEAR:
            return year_period(self.year_spin.value())
        return month_period(self.month_edit.date().toPython())

    def save_summary_xlsx(self, path: Path) -> Operation:
        """Write the Excel version of the chosen summary to ``path`` off the GUI thread."""
        from ikmdesk.reports.render import write_summary_xlsx

        database, scope = self.database, self._summary_scope()
        lang = self.lang_combo.currentData()
        return run_operation(
            lambda: write_summary_xlsx(database, path, lang=lang, **scope),
            on_success=self._on_xlsx_written,
            on_failure=self._on_render_failed,
            parent=self,
        )

    def show_preview(self) -> None:
        """Build the chosen report off the GUI thread and show it in the preview."""
        work = self._render_work()
        if work is None:
            return
        self._set_busy(True, self.tr("Menyusun laporan…"))
        self._rendering_name = self._suggested_name()  # the file name follows the preview
        run_operation(
            lambda: work(),
            on_success=self._on_pdf_rendered,
            on_failure=self._on_render_failed,
            parent=self,
        )

    def save_pdf(self, path: Path) -> Path:
        """Write the previewed PDF to ``path`` atomically; returns the path."""
        from ikmdesk.reports.pdf_file import write_pdf

        if self.pdf_bytes is None:
            raise RuntimeError("nothing to save: show a preview first")
        return write_pdf(path, self.pdf_bytes)

    def print_to(self, printer: QPrinter) -> int:
        """Print every page of the preview on ``printer``; returns the pages printed."""
        pages = self.document.pageCount()
        painter = QPainter()
        if pages == 0 or not painter.begin(printer):
            return 0
        try:
            dpi = min(printer.resolution(), PRINT_DPI)
            for index in range(pages):
                if index:
                    printer.newPage()
                points = self.document.pagePointSize(index)
                size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
                image: QImage = self.document.render(index, size)
                target = printer.pageLayout().paintRectPixels(printer.resolution())
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(0, 0, scaled.width(), scaled.height()), image)
        finally:
            painter.end()
        return pages

    def export_visits(self, folder: Path) -> Operation:
        """Write one visit report per visit in the date range into ``folder``, cancellable."""
        first = self.from_edit.date().toPython()
        last = self.to_edit.date().toPython()
        lang = self.lang_combo.currentData()
        database = self.database

        def work(progress: Progress) -> int:
            from ikmdesk.reports.pdf_file import safe_file_stem, write_pdf
            from ikmdesk.reports.render import render_visit
            from ikmdesk.services.report_data import visits_between

            with database.unit_of_work() as session:
                visits = visits_between(session, first, last)
            folder.mkdir(parents=True, exist_ok=True)
            for index, (visit_id, day, name) in enumerate(visits):
                progress.raise_if_cancelled()
                progress.report(index, len(visits), name)
                target = folder / f"{day:%Y-%m-%d}_{safe_file_stem(name)}_{visit_id[:8]}.pdf"
                write_pdf(target, render_visit(database, visit_id, lang=lang))
            progress.report(len(visits), len(visits), "")
            return len(visits)

        return run_with_progress(
            self,
            self.tr("Ekspor laporan kunjungan"),
            work,
            on_success=self._on_export_succeeded,
            label=self.tr("Menulis laporan kunjungan…"),
        )

    def _render_work(self) -> Any:
        from ikmdesk.reports import render

        database, lang = self.database, self.lang_combo.currentData()
        if self._document is not None:
            render = self._document[0]
            return lambda: render(database, lang)
        kind = self.current_kind()
        if kind == KIND_VISIT:
            visit_id = self.visit_combo.currentData()
            if not visit_id:
                self.status_label.setText(self.tr("Pilih kunjungan dulu."))
                return None
            return lambda: render.render_visit(database, visit_id, lang=lang)
        if kind == KIND_ENTERPRISE:
            enterprise_id = self.enterprise_combo.currentData()
            if not enterprise_id:
                self.status_label.setText(self.tr("Pilih IKM dulu."))
                return None
            return lambda: render.render_enterprise(database, enterprise_id, lang=lang)
        if kind == KIND_SUMMARY:
            scope = self._summary_scope()
            return lambda: render.render_summary(database, lang=lang, **scope)
        self.status_label.setText(self.tr("Ekspor banyak laporan memakai tombol Ekspor."))
        return None

    def _summary_scope(self) -> dict[str, Any]:
        return {
            "period": self.summary_period(),
            "cluster": self.cluster_combo.currentData() or None,
            "kecamatan": self.kecamatan_combo.currentData() or None,
            "stale_months": self.stale_spin.value(),
        }

    def _select_record(self, kind: str, record_id: str) -> bool:
        combo = self.visit_combo if kind == KIND_VISIT else self.enterprise_combo
        index = combo.findData(record_id)
        if index < 0:
            return False
        combo.setCurrentIndex(index)
        return True

    def _set_busy(self, busy: bool, text: str = "") -> None:
        for button in (self.preview_button, self.save_button, self.print_button):
            button.setEnabled(not busy and (button is self.preview_button or bool(self.pdf_bytes)))
        self.status_label.setText(text)

    @Slot(object)
    def _on_choices_loaded(self, choices: _Choices) -> None:
        self.visit_combo.clear()
        for choice in choices.visits:
            self.visit_combo.addItem(
                f"{choice.label} ({visit_status_text(choice.status)})",
                choice.id,
            )
        self.enterprise_combo.clear()
        for choice in choices.enterprises:
            self.enterprise_combo.addItem(choice.label, choice.id)
        english = self.lang_combo.currentData() == "en"
        self.cluster_combo.clear()
        self.cluster_combo.addItem(self.tr("Semua klaster"), "")
        for cluster in choices.clusters:
            self.cluster_combo.addItem(
                cluster.name_en if english else cluster.name_id, cluster.code
            )
        self.kecamatan_combo.clear()
        self.kecamatan_combo.addItem(self.tr("Semua kecamatan"), "")
        for region in choices.kecamatan:
            self.kecamatan_combo.addItem(region.name, region.name)
        if self._pending_select is not None:
            kind, record_id = self._pending_select
            preview = self._pending_preview
            self._pending_select = None
            self._pending_preview = True
            if self._select_record(kind, record_id) and preview:
                self.show_preview()

    @Slot(object)
    def _on_change_bus_data_changed(self, entities: frozenset[str]) -> None:
        if entities & WATCHED:
            self._keep_selection()
            self.reload_choices()

    def _keep_selection(self) -> None:
        """Remember the chosen record so a refill of the pickers selects it again."""
        kind = self.current_kind()
        combo = self.visit_combo if kind == KIND_VISIT else self.enterprise_combo
        if kind in (KIND_VISIT, KIND_ENTERPRISE) and combo.currentData():
            self._pending_select = (kind, str(combo.currentData()))
            self._pending_preview = False

    @Slot()
    def _on_kind_combo_changed(self) -> None:
        kind = self.current_kind()
        self.parameters.setCurrentIndex(KINDS.index(kind))
        batch = kind == KIND_BATCH
        self.export_button.setVisible(batch)
        self.xlsx_button.setVisible(kind == KIND_SUMMARY)
        for button in (self.preview_button, self.save_button, self.print_button):
            button.setVisible(not batch)
        self._clear_preview()
        self._set_busy(False)

    @Slot()
    def _on_period_combo_changed(self) -> None:
        kind = self.period_combo.currentData()
        form = self._summary_form
        form.setRowVisible(self.month_edit, kind == MONTH)
        form.setRowVisible(self.quarter_combo, kind == QUARTER)
        form.setRowVisible(self.year_spin, kind in (QUARTER, YEAR))
        self._clear_preview()
        self._set_busy(False)

    def _clear_preview(self) -> None:
        """Drop the shown PDF, so Save and Print never act on another kind of report."""
        self.pdf_bytes = None
        self.document.close()

    @Slot(object)
    def _on_pdf_rendered(self, data: bytes) -> None:
        self.pdf_bytes = data
        self._pdf_name = self._rendering_name
        self.document.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self._set_busy(False, self.tr("%n halaman", "", self.document.pageCount()))
        self.preview_ready.emit()

    @Slot(object)
    def _on_render_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        dialogs.show_error(self, error)

    @Slot()
    def _on_save_button_clicked(self) -> None:
        if self.pdf_bytes is None:
            return
        path = dialogs.save_file(
            self, self.tr("Simpan laporan PDF"), self._pdf_name, self.tr("PDF (*.pdf)")
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        try:
            self.save_pdf(path)
        except Exception as error:  # a full disk or removed stick: tell the user, keep the preview
            dialogs.show_error(self, error)
            return
        self.status_label.setText(self.tr("Disimpan: %1").replace("%1", str(path)))

    @Slot()
    def _on_print_button_clicked(self) -> None:
        printer = self.ask_printer()
        if printer is not None:
            self.print_to(printer)

    def ask_printer(self) -> QPrinter | None:
        """Return the printer the user chose, or None when the dialog was cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    @Slot()
    def _on_export_button_clicked(self) -> None:
        folder = dialogs.choose_folder(self, self.tr("Pilih folder untuk laporan"))
        if folder is not None:
            self.export_visits(folder)

    @Slot()
    def _on_xlsx_button_clicked(self) -> None:
        name = self._summary_name() + ".xlsx"
        path = dialogs.save_file(
            self, self.tr("Simpan rekap Excel"), name, self.tr("Excel (*.xlsx)")
        )
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        self._set_busy(True, self.tr("Menulis rekap Excel…"))
        self.save_summary_xlsx(path)

    @Slot(object)
    def _on_xlsx_written(self, path: Path) -> None:
        self._set_busy(False, self.tr("Disimpan: %1").replace("%1", str(path)))
        self.xlsx_saved.emit(str(path))

    @Slot(object)
    def _on_export_succeeded(self, count: int) -> None:
        self.status_label.setText(self.tr("%n laporan ditulis.", "", count))
        self.export_finished.emit(count)

    def _suggested_name(self) -> str:
        if self._document is not None:
            return self._document[1]
        kind = self.current_kind()
        if kind == KIND_SUMMARY:
            return self._summary_name() + ".pdf"
        combo = self.visit_combo if kind == KIND_VISIT else self.enterprise_combo
        from ikmdesk.reports.pdf_file import safe_file_stem

        prefix = "laporan-kunjungan" if kind == KIND_VISIT else "riwayat"
        return f"{prefix}-{safe_file_stem(combo.currentText())}.pdf"

    def _summary_name(self) -> str:
        return f"rekap-{self.summary_period().key()}"


TITLE_BAR_PX = 40
"""Room left above a window for its title bar when sizing it to the screen."""


class ReportPreviewDialog(QDialog):
    """A window holding a report page set to one record, previewing it at once."""

    def __init__(
        self, database: Database, kind: str, record_id: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pratinjau laporan"))
        self.page = ReportPage(database, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        # 1100×760 where there is room; on a 1366×768 laptop the title bar and the taskbar
        # must fit too, so never taller than the screen's free height less a title bar.
        free = (parent or self).screen().availableGeometry()
        self.resize(min(1100, free.width() - 40), min(760, free.height() - TITLE_BAR_PX))
        self.page.select(kind, record_id, preview=True)


class DocumentPreviewDialog(QDialog):
    """A window previewing one fixed document (a handout, a partner report): save or print it."""

    def __init__(
        self,
        database: Database,
        title: str,
        render: Callable[[Database, str], bytes],
        file_name: str,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.page = ReportPage(database, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        self.resize(1100, 760)
        self.page.show_document(render, file_name)


def open_document_preview(
    parent: QWidget | None,
    database: Database,
    title: str,
    render: Callable[[Database, str], bytes],
    file_name: str,
) -> DocumentPreviewDialog:
    """Open a preview window of one document built by ``render(database, lang)``."""
    dialog = DocumentPreviewDialog(database, title, render, file_name, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def open_report_preview(
    parent: QWidget | None, database: Database, kind: str, record_id: str
) -> ReportPreviewDialog:
    """Open a preview window of the visit ("visit") or IKM history ("enterprise") report."""
    if kind not in (KIND_VISIT, KIND_ENTERPRISE):
        raise ValueError(f"unknown report kind {kind!r}")
    dialog = ReportPreviewDialog(database, kind, record_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
