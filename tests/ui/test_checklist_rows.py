"""The rows below a new checklist's first screen appear right after it is painted.

A new form lays out its first rows before the first paint and the others just after; every
answer, result and jump works on all of them, and the end of the list is never shown first.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from ikmdesk.services.checklist_template import shipped_templates
from ikmdesk.services.quality_check import AnswerInput
from ikmdesk.ui.checklist_widget import FIRST_ROWS, ChecklistWidget

LEFT = Qt.MouseButton.LeftButton
CPPB = next(t for t in shipped_templates() if t.id == "cppb-irt")
DAY = date(2026, 3, 4)


def _new_widget(qtbot: Any, answers: dict[str, AnswerInput] | None = None) -> ChecklistWidget:
    widget = ChecklistWidget()
    qtbot.addWidget(widget)
    widget.resize(1100, 560)
    widget.set_template(CPPB, answers, today=DAY)
    widget.show()
    return widget


def test_the_rows_below_the_first_screen_appear_with_their_answers(qtbot: Any) -> None:
    last = list(CPPB.items())[-1].id
    widget = _new_widget(qtbot, {last: AnswerInput(value="no")})
    rows = list(widget.item_rows.values())
    assert len(rows) == len(list(CPPB.items()))
    assert all(row.isVisibleTo(widget) for row in rows[:FIRST_ROWS])
    assert not rows[-1].isVisibleTo(widget)  # not laid out before the first paint
    qtbot.waitUntil(lambda: all(row.isVisible() for row in rows))  # nothing to do: they come
    assert widget.item_rows[last].radios["no"].isChecked()
    widget.scroll_area.ensureWidgetVisible(rows[-1])
    qtbot.mouseClick(rows[-1].radios["yes"], LEFT)
    assert rows[-1].item.id in widget.failed_label.text()
    assert rows[-1].finding_box.isVisibleTo(widget)


def test_scrolling_to_the_end_at_once_shows_every_row(qtbot: Any) -> None:
    widget = _new_widget(qtbot)
    qtbot.waitExposed(widget)
    bar = widget.scroll_area.verticalScrollBar()
    qtbot.keyClick(bar, Qt.Key.Key_End)
    assert widget.rows_pending() == 0
    assert all(row.isVisible() for row in widget.item_rows.values())


def test_jump_reaches_an_open_item_below_the_first_rows(qtbot: Any) -> None:
    items = [i.id for i in CPPB.items()]
    answered = {i: AnswerInput(value="no") for i in items[: FIRST_ROWS + 2]}
    widget = _new_widget(qtbot, answered)
    qtbot.waitExposed(widget)
    qtbot.mouseClick(widget.next_unanswered_button, LEFT)
    target = widget.item_rows[items[FIRST_ROWS + 2]]
    assert target.isVisible()
    assert widget.focusWidget() is target.radios["yes"]  # the keyboard goes on from there


def test_tab_goes_from_the_first_rows_on_to_the_rows_laid_out_after(qtbot: Any) -> None:
    widget = _new_widget(qtbot)
    qtbot.waitUntil(lambda: widget.rows_pending() == 0)
    rows = list(widget.item_rows.values())
    last_first, next_row = rows[FIRST_ROWS - 1], rows[FIRST_ROWS]
    field = last_first.radios["na"].nextInFocusChain()  # the chain the Tab key follows
    others = [row for row in rows if row is not last_first]
    while not any(row.isAncestorOf(field) for row in others):
        field = field.nextInFocusChain()
    assert next_row.isAncestorOf(field)
