"""The checklist window words a CPPB-IRT level as readiness for the IKM's own licences."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from ikmdesk.services.checklist_template import shipped_templates
from ikmdesk.services.quality_check import AnswerInput
from ikmdesk.ui.checklist_widget import ChecklistWidget

LEFT = Qt.MouseButton.LeftButton
CPPB = next(t for t in shipped_templates() if t.id == "cppb-irt")
NOTHING_FOUND = {str(i): AnswerInput(value="no") for i in range(1, 38)}
"""Stored answers of a visit where no item was found: Level I."""


def shown(qtbot: Any, licences: list[str] | None) -> ChecklistWidget:
    widget = ChecklistWidget()
    qtbot.addWidget(widget)
    widget.set_licences(licences)
    widget.set_template(CPPB, NOTHING_FOUND, today=date(2026, 3, 10))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def find_critical_item(qtbot: Any, widget: ChecklistWidget) -> None:
    """Answer item 5 (class KR, critical) "yes, found" by clicking it: Level IV."""
    row = widget.item_rows["5"]
    widget.scroll_area.ensureWidgetVisible(row)
    qtbot.mouseClick(row.radios["yes"], LEFT)


def test_a_holder_is_told_what_keeping_its_licence_requires(qtbot: Any) -> None:
    widget = shown(qtbot, ["2066408010243-27"])
    text = widget.verdict_label.text()
    assert "IKM memegang SPP-IRT (2066408010243-27)" in text
    assert "saat ini Level I, pertahankan" in text
    assert "Siap mengajukan" not in text
    find_critical_item(qtbot, widget)
    text = widget.verdict_label.text()
    assert "tetapi sarana pada Level IV" in text and "perlu perbaikan segera" in text


def test_an_ikm_without_one_is_told_what_it_is_ready_for(qtbot: Any) -> None:
    widget = shown(qtbot, [])
    assert "Siap mengajukan SPP-IRT: sarana mencapai Level I" in widget.verdict_label.text()
    find_critical_item(qtbot, widget)
    text = widget.verdict_label.text()
    assert "Belum siap mengajukan SPP-IRT: sarana pada Level IV" in text
    assert "IKM yang sudah memiliki SPP-IRT" not in text  # the two-case advice gives way
