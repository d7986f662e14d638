"""The checklist screen shows each judged item's limit, source and confirmation, and the verdict."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from ikmdesk.services.checklist_template import ChecklistTemplate, shipped_templates
from ikmdesk.ui.checklist_widget import ChecklistWidget

LEFT = Qt.MouseButton.LeftButton
TEMPLATES = {t.id: t for t in shipped_templates()}


def shown(qtbot: Any, template: ChecklistTemplate) -> ChecklistWidget:
    widget = ChecklistWidget()
    qtbot.addWidget(widget)
    widget.set_template(template, today=date(2026, 3, 4))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click(qtbot: Any, widget: ChecklistWidget, item_id: str, value: str) -> None:
    row = widget.item_rows[item_id]
    widget.scroll_area.ensureWidgetVisible(row)
    qtbot.mouseClick(row.radios[value], LEFT)


def test_a_critical_item_shows_its_limit_source_and_that_it_is_unconfirmed(qtbot: Any) -> None:
    widget = shown(qtbot, TEMPLATES["keripik-pisang"])

    text = widget.item_rows["air_bersih"].basis_label.text()

    assert "Butir kritis" in text
    assert "Batas: sesuai bila: ya" in text
    assert "CPPB-IRT butir 9" in text
    assert "perlu dikonfirmasi" in text
    lab = widget.item_rows["kadar_air"].basis_label.text()
    assert "batas belum ditetapkan" in lab and "perlu dikonfirmasi" in lab
    assert not widget.item_rows["laporan_uji"].basis_label.isVisibleTo(widget)  # not judged


def test_a_verified_limit_shows_without_the_confirmation_mark(qtbot: Any) -> None:
    widget = shown(qtbot, TEMPLATES["kakao-sni-2323"])

    moisture = widget.item_rows["kadar_air"].basis_label.text()
    mould = widget.item_rows["berjamur"].basis_label.text()

    assert "maks 7,5 %" in moisture and "SNI 2323:2008" in moisture
    assert "perlu dikonfirmasi" not in moisture
    assert "Mutu I: maks 2 %" in mould and "perlu dikonfirmasi" in mould


def test_na_cannot_be_chosen_on_an_item_that_always_applies(qtbot: Any) -> None:
    widget = shown(qtbot, TEMPLATES["label-irt"])

    click(qtbot, widget, "tanpa_klaim", "na")
    click(qtbot, widget, "halal", "na")

    assert not widget.item_rows["tanpa_klaim"].radios["na"].isEnabled()
    assert widget.item_rows["tanpa_klaim"].value() is None
    assert widget.item_rows["halal"].value() == "na"


def test_rotten_bananas_and_unclean_water_show_a_failed_verdict(qtbot: Any) -> None:
    template = TEMPLATES["keripik-pisang"]
    widget = shown(qtbot, template)
    for item in template.items():
        if item.answer == "yes_no_na":
            click(
                qtbot, widget, item.id, "no" if item.id in ("bahan_baku", "air_bersih") else "yes"
            )
    combo = widget.item_rows["kerenyahan"].combo
    assert combo is not None
    combo.setCurrentIndex(combo.findData("renyah"))

    verdict = widget.verdict_label.text()

    assert widget.result is not None and widget.result.verdict.outcome == "fail"
    assert "Keputusan: Tidak sesuai" in verdict
    assert "Butir kritis tidak sesuai:" in verdict and "tidak busuk" in verdict


def test_a_cppb_critical_finding_shows_readiness_marked_to_be_confirmed(qtbot: Any) -> None:
    template = TEMPLATES["cppb-irt"]
    widget = shown(qtbot, template)
    for item in template.items():
        click(qtbot, widget, item.id, "yes" if item.id == "9" else "no")

    verdict = widget.verdict_label.text()

    assert "Keputusan: Tidak sesuai" in verdict
    assert "Belum siap untuk SPP-IRT" in verdict
    assert "yang sudah memiliki SPP-IRT" in verdict
    assert "(perlu dikonfirmasi)" in verdict
