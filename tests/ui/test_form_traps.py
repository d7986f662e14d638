"""Traps a new user fell into: the wheel turning fields, dates lost on save, one error per click.

Each test drives the real widgets with clicks, keys and wheel events.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ikmdesk.db import Database
from ikmdesk.services.checklist_template import shipped_templates
from ikmdesk.ui.checklist_widget import ChecklistWidget
from ikmdesk.ui.date_field import DateField, UnreadableDate, parse_date
from ikmdesk.ui.enterprise_page import EnterprisePage
from ikmdesk.ui.visit_editor import VisitEditor
from ikmdesk.ui.wheel_guard import install_wheel_guard
from tests.services import checksum
from tests.ui.test_visit_page import agree, make_visit_with_check, show_page  # noqa: F401

LEFT = Qt.MouseButton.LeftButton
TODAY = date.today()


def wheel(widget: QWidget, notches: int = -3) -> None:
    """Turn the mouse wheel over the middle of ``widget`` (negative: towards the user)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_past_fields_without_focus_and_turns_only_the_focused_one(
    qtbot: Any,
) -> None:
    install_wheel_guard()
    inner = QWidget()
    layout = QVBoxLayout(inner)
    spin, combo, date_edit = QSpinBox(), QComboBox(), QDateEdit()
    spin.setRange(0, 100)
    spin.setValue(50)
    combo.addItems(["a", "b", "c", "d"])
    combo.setCurrentIndex(1)
    for widget in (spin, combo, date_edit):
        layout.addWidget(widget)
        layout.addSpacing(600)
    area = QScrollArea()
    area.setWidget(inner)
    area.resize(300, 300)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    before_date = date_edit.date()

    for widget in (spin, combo, date_edit):
        wheel(widget)
    assert (spin.value(), combo.currentIndex(), date_edit.date()) == (50, 1, before_date)
    assert area.verticalScrollBar().value() > 0  # the page scrolled instead
    assert spin.focusPolicy() != Qt.FocusPolicy.WheelFocus

    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    wheel(spin, notches=1)
    assert spin.value() == 51  # a field the user is in still turns


def _template_with_numbers_and_choices() -> Any:
    return max(
        shipped_templates(),
        key=lambda t: sum(i.answer in ("number", "choice") for i in t.items()),
    )


def test_scrolling_a_checklist_over_its_fields_changes_no_answer(qtbot: Any) -> None:
    install_wheel_guard()
    template = _template_with_numbers_and_choices()
    widget = ChecklistWidget()
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.set_template(template, today=TODAY)
    widget.show()
    qtbot.waitExposed(widget)
    before = widget.answers()
    fields = [
        f for row in widget.item_rows.values() for f in (row.spin, row.combo) if f is not None
    ]
    assert fields
    for field in fields:
        wheel(field)
    assert widget.answers() == before


def test_a_visit_checklist_scrolled_over_a_deadline_keeps_it(
    qtbot: Any,
    database: Database,
    agree: list[str],  # noqa: F811
) -> None:
    install_wheel_guard()
    _, visit_id, _ = make_visit_with_check(database)
    page = show_page(qtbot, database)
    page.open_visit(visit_id)
    editor = page.editor
    editor.tabs.setCurrentIndex(VisitEditor.TAB_QUALITY)
    finding = editor.checklist.item_rows["5"]
    qtbot.waitUntil(finding.isVisible)
    qtbot.mouseClick(finding.radios["yes"], LEFT)
    deadline = finding.finding_rows["due_date"].editor
    deadline.set_value(date(2027, 1, 15))
    for widget in (deadline, *deadline.findChildren(QWidget)):
        wheel(widget)
    assert deadline.value() == date(2027, 1, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15-01-2027", date(2027, 1, 15)),
        ("15/1/2027", date(2027, 1, 15)),
        ("15.01.27", date(2027, 1, 15)),
        ("15012027", date(2027, 1, 15)),
        ("2027-01-15", date(2027, 1, 15)),
        ("", None),
    ],
)
def test_dates_are_read_in_the_forms_people_type(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["—1012027", "31-02-2027", "besok", "15-13-2027"])
def test_a_date_that_cannot_be_read_is_refused(text: str) -> None:
    with pytest.raises(UnreadableDate):
        parse_date(text)


def test_a_date_typed_after_a_click_anywhere_in_the_field_is_read(qtbot: Any) -> None:
    field = DateField()
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    qtbot.waitActive(field)
    field.set_value(date(2026, 3, 9))
    edit = field.line_edit
    for x in (2, edit.width() // 2, edit.width() - 4):
        field.clearFocus()
        edit.clearFocus()
        qtbot.waitUntil(lambda: not edit.hasFocus())
        qtbot.mouseClick(edit, LEFT, pos=QPoint(x, edit.height() // 2))
        qtbot.keyClicks(edit, "15-01-2027")
        assert field.value() == date(2027, 1, 15), x
        assert field.problem() is None
        field.set_value(date(2026, 3, 9))


def test_an_empty_date_opens_its_calendar_at_today(qtbot: Any) -> None:
    field = DateField()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    assert field.value() is None
    qtbot.mouseClick(field.calendar_button, LEFT)
    calendar = field.calendar
    qtbot.waitUntil(calendar.isVisible)
    assert (calendar.yearShown(), calendar.monthShown()) == (TODAY.year, TODAY.month)
    field._menu.hide()
    assert field.value() is None  # looking at the calendar chooses nothing


def test_an_unreadable_deadline_is_marked_at_its_field_and_nothing_is_saved(
    qtbot: Any,
    database: Database,
    agree: list[str],  # noqa: F811
) -> None:
    _, visit_id, _ = make_visit_with_check(database)
    page = show_page(qtbot, database)
    page.open_visit(visit_id)
    editor = page.editor
    editor.tabs.setCurrentIndex(VisitEditor.TAB_QUALITY)
    finding = editor.checklist.item_rows["5"]
    qtbot.waitUntil(finding.isVisible)
    qtbot.mouseClick(finding.radios["yes"], LEFT)
    deadline_row = finding.finding_rows["due_date"]
    qtbot.keyClicks(deadline_row.editor.line_edit, "15-01-20277")
    before = checksum(database)
    qtbot.mouseClick(editor.save_button, LEFT)
    qtbot.waitUntil(lambda: deadline_row.is_marked)
    assert "tidak terbaca" in deadline_row.message_label.text()
    assert checksum(database) == before


def test_a_save_marks_every_missing_field_at_once_without_moving_the_form(
    qtbot: Any, database: Database
) -> None:
    page = EnterprisePage(database)
    qtbot.addWidget(page)
    page.resize(1196, 708)
    page.show()
    qtbot.mouseClick(page.add_button, LEFT)
    editor = page.editor
    qtbot.keyClicks(editor.halal_expires_edit.line_edit, "31-31-2027")
    qtbot.waitUntil(editor.name_edit.isVisible)
    before = checksum(database)
    positions = {name: row.mapTo(editor, QPoint(0, 0)) for name, row in editor.rows.items()}
    heights = {name: row.height() for name, row in editor.rows.items()}
    qtbot.mouseClick(editor.save_button, LEFT)
    marked = {name for name, row in editor.rows.items() if row.is_marked}
    assert marked == {"name", "kecamatan_id", "cluster_id", "halal_expires_on"}
    assert editor.rows["kecamatan_id"].message_label.text() == "Pilih kecamatan."
    assert "tidak terbaca" in editor.rows["halal_expires_on"].message_label.text()
    assert {n: r.mapTo(editor, QPoint(0, 0)) for n, r in editor.rows.items()} == positions
    assert {n: r.height() for n, r in editor.rows.items()} == heights
    assert checksum(database) == before


def test_required_fields_carry_the_one_mark_and_a_new_visit_asks_to_choose_an_ikm(
    qtbot: Any,
    database: Database,
    agree: list[str],  # noqa: F811
) -> None:
    page = show_page(qtbot, database)
    page.new_visit()
    editor = page.editor
    for name, row in editor.rows.items():
        label = editor._labels[name].text()
        assert label.endswith(" *") == row.required, name
    assert editor.required_note_label.text() == "* wajib diisi"
    editor.date_edit.set_value(None)
    qtbot.mouseClick(editor.save_button, LEFT)
    assert editor.rows["enterprise_id"].message_label.text().startswith("Pilih IKM")
    assert editor.rows["visit_date"].is_marked


def _cppb_widget(qtbot: Any) -> ChecklistWidget:
    template = next(t for t in shipped_templates() if t.id == "cppb-irt")
    widget = ChecklistWidget()
    qtbot.addWidget(widget)
    widget.resize(1100, 560)
    widget.set_template(template, today=TODAY)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_fault_worded_items_answer_in_words_that_say_what_they_mean(qtbot: Any) -> None:
    widget = _cppb_widget(qtbot)
    row = widget.item_rows["5"]
    assert row.radios["yes"].text() == "Ada penyimpangan"
    assert row.radios["no"].text() == "Tidak ada"
    label = next(t for t in shipped_templates() if t.id == "label-irt")
    widget.set_template(label, today=TODAY)
    first = next(iter(widget.item_rows.values()))
    if "yes" in first.radios and first.item.nc_class is None:
        assert first.radios["yes"].text() == "Ya"


def test_answering_does_not_move_the_list_and_jump_finds_the_next_open_item(qtbot: Any) -> None:
    widget = _cppb_widget(qtbot)
    list_top = widget.scroll_area.mapTo(widget, QPoint(0, 0))
    rows = list(widget.item_rows.values())
    for row in rows[:3]:
        qtbot.mouseClick(row.radios["yes"], LEFT)  # each one fails and is listed
        assert widget.scroll_area.mapTo(widget, QPoint(0, 0)) == list_top
    assert "5" not in widget.failed_label.text() and "1" in widget.failed_label.text()
    qtbot.mouseClick(widget.next_unanswered_button, LEFT)
    assert widget.jump_to_next_unanswered() == rows[3].item.id
    for row in rows:
        qtbot.mouseClick(row.radios["no"], LEFT)
    assert widget.jump_to_next_unanswered() is None
