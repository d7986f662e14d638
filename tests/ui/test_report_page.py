"""Laporan page: preview inside the app, save, print, batch export with cancel, quick preview."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter

from ikmdesk.db import Database
from ikmdesk.services.report_data import period_summary, visits_between
from ikmdesk.services.report_period import quarter_period
from ikmdesk.ui import dialogs
from ikmdesk.ui.operations import wait_for_operations
from ikmdesk.ui.report_page import (
    KIND_BATCH,
    KIND_ENTERPRISE,
    KIND_SUMMARY,
    KIND_VISIT,
    ReportPage,
    open_report_preview,
)


def _page(qtbot, database: Database) -> ReportPage:
    page = ReportPage(database)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: page.visit_combo.count() > 0, timeout=10_000)
    return page


def _text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def test_a_visit_report_is_previewed_in_the_page(qtbot, demo_database: Database) -> None:
    page = _page(qtbot, demo_database)
    page.select(KIND_VISIT)
    page.visit_combo.setCurrentIndex(0)
    name = page.visit_combo.currentText().split(" — ", 1)[1].rsplit(" (", 1)[0]
    with qtbot.waitSignal(page.preview_ready, timeout=20_000):
        qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    assert page.document.pageCount() >= 1
    assert page.save_button.isEnabled() and page.print_button.isEnabled()
    text = _text(page.pdf_bytes or b"")
    assert "LAPORAN KUNJUNGAN PENDAMPINGAN IKM" in text
    assert name in text
    assert "Halaman 1 dari" in text


def test_the_previewed_pdf_is_saved_where_the_user_chose(
    qtbot, demo_database: Database, tmp_path: Path, monkeypatch
) -> None:
    page = _page(qtbot, demo_database)
    page.select(KIND_ENTERPRISE)
    page.enterprise_combo.setCurrentIndex(0)
    with qtbot.waitSignal(page.preview_ready, timeout=20_000):
        page.show_preview()
    chosen = tmp_path / "riwayat"
    monkeypatch.setattr(dialogs, "save_file", lambda *args, **kwargs: chosen)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = chosen.with_suffix(".pdf")
    assert saved.read_bytes() == page.pdf_bytes
    assert "RIWAYAT PENDAMPINGAN IKM" in _text(saved.read_bytes())


def test_printing_sends_every_page_to_the_printer(
    qtbot, demo_database: Database, tmp_path: Path, monkeypatch
) -> None:
    page = _page(qtbot, demo_database)
    page.select(KIND_SUMMARY)
    page.month_edit.setDate(QDate.currentDate())
    with qtbot.waitSignal(page.preview_ready, timeout=20_000):
        page.show_preview()
    target = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    monkeypatch.setattr(page, "ask_printer", lambda: printer)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert len(PdfReader(target).pages) == page.document.pageCount()


def test_batch_export_writes_one_pdf_per_visit(
    qtbot, demo_database: Database, tmp_path: Path, monkeypatch
) -> None:
    first, last = _busiest_month(demo_database)
    page = _page(qtbot, demo_database)
    page.select(KIND_BATCH)
    assert page.export_button.isVisible() and not page.preview_button.isVisible()
    page.from_edit.setDate(QDate(first.year, first.month, first.day))
    page.to_edit.setDate(QDate(last.year, last.month, last.day))
    folder = tmp_path / "ekspor"
    monkeypatch.setattr(dialogs, "choose_folder", lambda *args, **kwargs: folder)
    with qtbot.waitSignal(page.export_finished, timeout=60_000) as finished:
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    with demo_database.unit_of_work() as session:
        expected = len(visits_between(session, first, last))
    assert finished.args == [expected]
    assert len(list(folder.glob("*.pdf"))) == expected
    assert not list(folder.glob(".*.part"))


def test_a_cancelled_export_stops_and_leaves_only_whole_files(
    qtbot, demo_database: Database, tmp_path: Path
) -> None:
    page = _page(qtbot, demo_database)
    page.select(KIND_BATCH)
    page.from_edit.setDate(QDate(2000, 1, 1))
    page.to_edit.setDate(QDate(2100, 1, 1))
    folder = tmp_path / "batal"
    operation = page.export_visits(folder)
    operation.cancel()
    with qtbot.waitSignal(operation.finished, timeout=60_000):
        pass
    wait_for_operations(10_000)
    with demo_database.unit_of_work() as session:
        total = len(visits_between(session, date(2000, 1, 1), date(2100, 1, 1)))
    written = list(folder.glob("*.pdf")) if folder.exists() else []
    assert len(written) < total
    assert not list(folder.glob(".*.part")) if folder.exists() else True
    for pdf in written:
        assert len(PdfReader(pdf).pages) >= 1


def test_open_report_preview_shows_the_record_at_once(qtbot, demo_database: Database) -> None:
    with demo_database.unit_of_work() as session:
        visit_id, _, name = visits_between(session, date(2000, 1, 1), date(2100, 1, 1))[-1]
    dialog = open_report_preview(None, demo_database, KIND_VISIT, visit_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.page.pdf_bytes is not None, timeout=20_000)
    assert dialog.page.visit_combo.currentData() == visit_id
    assert name in _text(dialog.page.pdf_bytes or b"")


def _busiest_month(database: Database) -> tuple[date, date]:
    with database.unit_of_work() as session:
        visits = visits_between(session, date(2000, 1, 1), date(2100, 1, 1))
    day = visits[-1][1]
    first = day.replace(day=1)
    return first, day


def test_a_new_visit_appears_in_the_picker_after_a_change(qtbot, demo_database: Database) -> None:
    from ikmdesk.ui.change_bus import change_bus
    from tests.ui.conftest import add_follow_up

    page = _page(qtbot, demo_database)
    page.select(KIND_ENTERPRISE)
    page.enterprise_combo.setCurrentIndex(2)
    chosen = page.enterprise_combo.currentData()
    visit_id, _ = add_follow_up(demo_database, name="IKM Baru Sekali")
    change_bus().notify("visit", "enterprise")
    qtbot.waitUntil(lambda: page.visit_combo.findData(visit_id) >= 0, timeout=10_000)
    assert page.enterprise_combo.findText("IKM Baru Sekali") >= 0
    assert page.enterprise_combo.currentData() == chosen  # the choice survives the refill
    assert page.pdf_bytes is None  # and nothing was rendered on the way


def test_a_quarter_summary_is_previewed_and_saved_as_pdf_and_excel(
    qtbot, demo_database: Database, tmp_path: Path, monkeypatch
) -> None:
    from openpyxl import load_workbook

    _, busiest = _busiest_month(demo_database)
    year, quarter = busiest.year, (busiest.month - 1) // 3 + 1
    with demo_database.unit_of_work() as session:
        summary = period_summary(session, quarter_period(year, quarter))
    assert summary.visit_count > 0
    page = _page(qtbot, demo_database)
    page.select(KIND_SUMMARY)
    assert page.month_edit.isVisible() and not page.quarter_combo.isVisible()
    page.period_combo.setCurrentIndex(page.period_combo.findData("quarter"))
    assert page.quarter_combo.isVisible() and page.year_spin.isVisible()
    assert not page.month_edit.isVisible()
    page.year_spin.setValue(year)
    page.quarter_combo.setCurrentIndex(quarter - 1)
    with qtbot.waitSignal(page.preview_ready, timeout=20_000):
        qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    text = _text(page.pdf_bytes or b"")
    roman = ("I", "II", "III", "IV")[quarter - 1]
    assert "REKAPITULASI TRIWULANAN PENDAMPINGAN IKM" in text
    assert f"Triwulan {roman} {year}" in text
    assert f"{summary.visit_count} kunjungan ke {summary.enterprises_visited} IKM" in text
    offered: list[str] = []

    def save_file(parent, title, name, filters):
        offered.append(name)
        return tmp_path / Path(name).stem

    monkeypatch.setattr(dialogs, "save_file", save_file)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert offered == [f"rekap-{year}-Q{quarter}.pdf"]
    assert (tmp_path / f"rekap-{year}-Q{quarter}.pdf").read_bytes() == page.pdf_bytes
    assert page.xlsx_button.isVisible()
    with qtbot.waitSignal(page.xlsx_saved, timeout=20_000) as saved:
        qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    assert offered[-1] == f"rekap-{year}-Q{quarter}.xlsx"
    book = load_workbook(saved.args[0])
    first_sheet = book.worksheets[0]
    assert f"Triwulan {roman} {year}" in str(first_sheet["A1"].value)


def test_a_year_summary_asks_only_for_the_year(qtbot, demo_database: Database) -> None:
    page = _page(qtbot, demo_database)
    page.select(KIND_SUMMARY)
    page.period_combo.setCurrentIndex(page.period_combo.findData("year"))
    assert page.year_spin.isVisible()
    assert not page.month_edit.isVisible() and not page.quarter_combo.isVisible()
    page.year_spin.setValue(2025)
    with qtbot.waitSignal(page.preview_ready, timeout=20_000):
        qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    text = _text(page.pdf_bytes or b"")
    assert "REKAPITULASI TAHUNAN PENDAMPINGAN IKM" in text and "Tahun 2025" in text
    assert not page.export_button.isVisible()


def test_the_excel_button_belongs_to_the_summary_only(qtbot, demo_database: Database) -> None:
    page = _page(qtbot, demo_database)
    for kind in (KIND_VISIT, KIND_ENTERPRISE, KIND_BATCH):
        page.select(kind)
        assert not page.xlsx_button.isVisible()
    page.select(KIND_SUMMARY)
    assert page.xlsx_button.isVisible()
