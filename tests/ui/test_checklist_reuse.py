"""A checklist's rows are built once and shown again: switching forms keeps every answer apart,
and an item's finding fields, built only when it fails, still keep what was stored for it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from ikmdesk.services.checklist_template import shipped_templates
from ikmdesk.services.quality_check import AnswerInput
from ikmdesk.ui.checklist_widget import ChecklistWidget

LEFT = Qt.MouseButton.LeftButton
TEMPLATES = {t.id: t for t in shipped_templates()}
DAY = date(2026, 3, 4)


def shown(qtbot: Any) -> ChecklistWidget:
    widget = ChecklistWidget()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click(qtbot: Any, widget: ChecklistWidget, item_id: str, value: str) -> None:
    row = widget.item_rows[item_id]
    widget.scroll_area.ensureWidgetVisible(row)
    qtbot.mouseClick(row.radios[value], LEFT)


def test_going_back_to_a_form_shows_its_own_answers_not_the_last_ones(qtbot: Any) -> None:
    widget = shown(qtbot)
    cppb, label = TEMPLATES["cppb-irt"], TEMPLATES["label-irt"]
    widget.set_template(cppb, {"3": AnswerInput(value="no")}, today=DAY)
    first_rows = dict(widget.item_rows)
    click(qtbot, widget, "5", "yes")  # an edit that is not saved
    assert widget.item_rows["3"].radios["no"].isChecked()

    widget.set_template(label, today=DAY)
    assert set(widget.item_rows) == {i.id for i in label.items()}
    assert widget.answers() == {}

    widget.set_template(cppb, {"7": AnswerInput(value="na")}, today=DAY)
    assert widget.item_rows == first_rows  # the same rows, shown again
    assert set(widget.answers()) == {"7"}
    assert widget.item_rows["7"].radios["na"].isChecked()
    assert not widget.item_rows["3"].radios["no"].isChecked()
    assert not widget.item_rows["5"].finding_box.isVisibleTo(widget)
    assert widget.scroll_area.widget() is widget.item_rows["7"].parentWidget()


def test_stored_finding_text_survives_until_the_item_fails_and_shows_then(qtbot: Any) -> None:
    widget = shown(qtbot)
    stored = AnswerInput(value="no", corrective_action="Pel lantai", due_date=date(2026, 4, 1))
    widget.set_template(TEMPLATES["cppb-irt"], {"3": stored}, today=DAY)
    row = widget.item_rows["3"]
    assert not row.built_finding_rows()  # nothing failed: no finding fields built yet
    assert widget.all_answers()["3"] == stored  # and yet nothing stored is dropped

    click(qtbot, widget, "3", "yes")
    assert row.finding_box.isVisibleTo(widget)
    assert row.finding_rows["corrective_action"].editor.text() == "Pel lantai"
    assert row.finding_rows["due_date"].editor.value() == date(2026, 4, 1)
    qtbot.keyClicks(row.finding_rows["problem"].editor, "Lantai berdebu")
    assert widget.all_answers()["3"].problem == "Lantai berdebu"


def test_an_error_on_a_finding_field_opens_it_even_before_the_item_failed(qtbot: Any) -> None:
    widget = shown(qtbot)
    widget.set_template(TEMPLATES["cppb-irt"], today=DAY)
    assert widget.mark_error("4.due_date", "Tenggat tidak boleh sebelum tanggal kunjungan.")
    row = widget.item_rows["4"]
    assert row.finding_rows["due_date"].is_marked
    assert row.finding_box.isVisibleTo(widget)


def test_a_read_only_checklist_builds_its_finding_fields_read_only(qtbot: Any) -> None:
    widget = shown(qtbot)
    widget.set_read_only(True)
    widget.set_template(TEMPLATES["cppb-irt"], {"3": AnswerInput(value="yes")}, today=DAY)
    row = widget.item_rows["3"]
    assert row.finding_box.isVisibleTo(widget)
    assert row.finding_rows["problem"].editor.isReadOnly()
    assert not row.finding_rows["due_date"].editor.isEnabled()
