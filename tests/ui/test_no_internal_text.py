"""No internal codes reach a reader: every page of the Indonesian window and the Excel exports are
scanned for snake_case codes, raw ids, format placeholders and unrounded numbers.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from ikmdesk.services import office_export
from ikmdesk.services.visit import VisitFilter
from ikmdesk.ui.main_window import PAGES

INTERNAL = (
    (re.compile(r"\b[a-z]+_[a-z_]+\b"), "a snake_case code"),
    (re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}\b|\b[0-9a-f]{8}\b(?= /)"), "a raw id"),
    (re.compile(r"\{[a-z_]+(:[^}]*)?\}"), "a format placeholder"),
    # (not the dotted parts of a regulation number such as "HK.03.1.23.04.12.2207")
    (re.compile(r"(?<![.\d])\b\d+\.\d{3,}\b"), "an unrounded number"),
    (re.compile(r"\((officer|supervisor)\)"), "an English role"),
)
SKIPPED_PAGES: set[str] = set()
# The conflict list and the passphrase dialog are scanned with conflicts on screen in
# tests/ui/test_conflict_words.py; the Beranda's attention tabs below.


def shown_texts(page: QWidget) -> list[str]:
    texts: list[str] = []
    for label in page.findChildren(QLabel):
        if label.isVisibleTo(page):
            texts.append(label.text())
    for button in page.findChildren(QAbstractButton):
        if button.isVisibleTo(page):
            texts.append(button.text())
    for combo in page.findChildren(QComboBox):
        if combo.isVisibleTo(page):
            texts.extend(combo.itemText(i) for i in range(combo.count()))
    for edit in page.findChildren(QLineEdit):
        if edit.isVisibleTo(page) and not edit.isReadOnly():
            texts.append(edit.placeholderText())
    for tree in page.findChildren(QTreeWidget):
        if not tree.isVisibleTo(page) and not _in_tab(tree, page):
            continue
        header = tree.headerItem()
        texts.extend(header.text(c) for c in range(tree.columnCount()))
        iterator = [tree.topLevelItem(r) for r in range(tree.topLevelItemCount())]
        for item in iterator[:30]:
            texts.extend(item.text(c) for c in range(tree.columnCount()))
            texts.extend(
                item.child(k).text(c)
                for k in range(min(item.childCount(), 30))
                for c in range(tree.columnCount())
            )
    for tabs in page.findChildren(QTabWidget):
        if tabs.isVisibleTo(page):
            texts.extend(tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i))
    for table in page.findChildren(QTableView):
        model = table.model()
        if model is None or not table.isVisibleTo(page):
            continue
        for row in range(min(model.rowCount(), 30)):
            texts.extend(str(model.index(row, c).data() or "") for c in range(model.columnCount()))
    return texts


def _in_tab(widget: QWidget, page: QWidget) -> bool:
    """Tell whether ``widget`` is a shown page's tab that is merely not the current one."""
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            return parent.parentWidget().isVisibleTo(page)
        parent = parent.parentWidget()
    return False


def problems_in(texts: list[str]) -> list[str]:
    found = []
    for text in texts:
        for pattern, what in INTERNAL:
            if pattern.search(text):
                found.append(f"{what}: {text!r}")
    return found


def test_no_page_of_the_indonesian_window_shows_internal_text(qtbot: Any, main_window: Any) -> None:
    problems: list[str] = []
    for spec in PAGES:
        if spec.name in SKIPPED_PAGES:
            continue
        page = main_window.open_page(spec.name)
        qtbot.wait(50)
        problems += [f"{spec.name}: {p}" for p in problems_in(shown_texts(page))]
    problems += problems_in([main_window.officer_label.text()])
    assert problems == []


def test_the_supervisors_beranda_shows_no_internal_text(qtbot: Any, tmp_path: Path) -> None:
    from ikmdesk.services.demo_data import build_demo
    from ikmdesk.ui.main_window import MainWindow
    from ikmdesk.ui.operations import wait_for_operations
    from tests.conftest import make_database

    database = make_database(tmp_path / "kasi.db", role="supervisor", name="Hendra Kasi")
    build_demo(database, enterprises=30, visits=120)
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.open_page("beranda")
    qtbot.waitUntil(lambda: page.stagnation is not None, timeout=30_000)
    assert page.summary.review_count > 0 and page.stagnation.count > 0
    texts = shown_texts(page)
    assert any("hari" in t for t in texts)  # the review queue and stagnation reasons are in
    assert problems_in(texts) == []
    wait_for_operations(10_000)
    database.close()


def test_the_visits_export_names_clusters_and_rounds_scores(
    demo_database: Any, tmp_path: Path
) -> None:
    texts: list[str] = []
    for export in (office_export.export_visits, office_export.export_checks):
        target = tmp_path / f"{export.__name__}.xlsx"
        with demo_database.unit_of_work() as session:
            export(session, target, VisitFilter())
        book = load_workbook(target, read_only=True)
        texts += [
            str(cell)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if isinstance(cell, str | float)
        ]
    assert texts
    assert problems_in(texts) == []
