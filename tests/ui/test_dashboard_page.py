"""Beranda shows what needs attention and follows changes made elsewhere."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from ikmdesk.services.dashboard import (
    OUTCOME_MEETS,
    OUTCOME_NEEDS_WORK,
    OUTCOME_NOT_ASSESSED,
    check_outcome,
    dashboard_summary,
)
from ikmdesk.services.follow_up import mark_done
from ikmdesk.ui.change_bus import change_bus
from ikmdesk.ui.dashboard_page import DashboardPage
from tests.ui.conftest import add_follow_up


def _page(qtbot, database) -> DashboardPage:
    page = DashboardPage(database)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.summary is not None, timeout=10_000)
    return page


def test_overdue_follow_up_made_by_a_service_appears(qtbot, database):
    visit_id, _ = add_follow_up(database, name="Keripik Pisang Uji", due_in_days=-5)
    page = _page(qtbot, database)

    assert page.overdue_card.value_label.text() == "1"
    assert page.due_soon_card.value_label.text() == "0"
    assert page.follow_up_visit_ids() == [visit_id]
    overdue_group = page.follow_up_tree.topLevelItem(0)
    assert overdue_group.text(0) == "Terlambat (1)"
    row = overdue_group.child(0)
    assert row.text(1) == "Keripik Pisang Uji"
    assert "5 hari lalu" in row.text(0)


def test_a_change_elsewhere_refreshes_the_page(qtbot, database):
    add_follow_up(database, name="Dodol Uji", due_in_days=-2)
    page = _page(qtbot, database)
    assert page.overdue_card.value_label.text() == "1"

    _, second = add_follow_up(database, name="Kakao Uji", due_in_days=3)
    with qtbot.waitSignal(page.summary_loaded, timeout=10_000):
        change_bus().notify("follow_up")
    assert page.due_soon_card.value_label.text() == "1"

    with database.unit_of_work() as session:
        mark_done(session, second, done_on=date.today(), note="selesai")
    with qtbot.waitSignal(page.summary_loaded, timeout=10_000):
        change_bus().notify("follow_up")
    assert page.due_soon_card.value_label.text() == "0"


def test_unrelated_change_does_not_reload(qtbot, database):
    page = _page(qtbot, database)
    with qtbot.assertNotEmitted(page.summary_loaded, wait=200):
        change_bus().notify("setting")


def test_activating_a_follow_up_asks_for_its_visit(qtbot, database):
    visit_id, _ = add_follow_up(database)
    page = _page(qtbot, database)
    tree = page.follow_up_tree
    item = tree.topLevelItem(0).child(0)
    tree.setCurrentItem(item)
    tree.setFocus()
    with qtbot.waitSignal(page.visit_requested, timeout=2000) as blocker:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert blocker.args == [visit_id]


def test_visits_this_month_are_counted_per_cluster(qtbot, database):
    add_follow_up(database, visit_days_ago=0, due_in_days=10)
    page = _page(qtbot, database)
    summary = page.summary
    counts = {c.name_id: c.visits for c in summary.visits_this_month}
    assert counts == {"Kakao": 0, "Pangan olahan": 0, "Pisang": 1}
    assert page.visits_card.value_label.text() == "1"
    assert "Pisang — Kunjungan: 1" in page.visits_chart.accessible_summary()


def test_demo_database_summary_is_consistent(demo_database):
    today = date.today()
    with demo_database.unit_of_work() as session:
        summary = dashboard_summary(session, today)
    assert summary.overdue_count >= len(summary.overdue)
    assert all(f.due_date < today for f in summary.overdue)
    assert all(today <= f.due_date <= today + timedelta(days=7) for f in summary.due_soon)
    dates = [v.visit_date for v in summary.recent_visits]
    assert dates == sorted(dates, reverse=True)
    assert {c.name_id for c in summary.quality_by_cluster} == {"Kakao", "Pangan olahan", "Pisang"}


def test_check_outcomes():
    assert check_outcome("complete", "PASS") == OUTCOME_MEETS
    assert check_outcome("complete", "LEVEL_II") == OUTCOME_MEETS
    assert check_outcome("complete", "I-F/AA") == OUTCOME_MEETS
    assert check_outcome("complete", "LEVEL_IV") == OUTCOME_NEEDS_WORK
    assert check_outcome("complete", "SUBSTANDARD") == OUTCOME_NEEDS_WORK
    assert check_outcome("complete", "NOT_ASSESSED") == OUTCOME_NOT_ASSESSED
    assert check_outcome("incomplete", "PASS") == OUTCOME_NOT_ASSESSED


LABEL_ITEMS = (
    "nama_produk",
    "daftar_bahan",
    "berat_bersih",
    "produsen",
    "halal",
    "kode_produksi",
    "kedaluwarsa",
    "nomor_pirt_tercantum",
    "asal_bahan",
    "bahasa_indonesia",
    "mudah_dibaca",
    "peringatan",
    "tanpa_klaim",
)


def test_quality_chart_counts_checks_by_outcome(qtbot, database):
    from ikmdesk.services.quality_check import ensure_shipped_templates, save_answers, start_check

    visit_id, _ = add_follow_up(
        database, name="Keripik Pisang Mutu", visit_days_ago=3, due_in_days=10
    )
    with database.unit_of_work() as session:
        ensure_shipped_templates(session)
        passed = start_check(session, visit_id=visit_id, template_code="label-irt")
        result = save_answers(session, passed, dict.fromkeys(LABEL_ITEMS, "yes"))
        failed = start_check(session, visit_id=visit_id, template_code="label-irt")
        save_answers(session, failed, {**dict.fromkeys(LABEL_ITEMS, "yes"), "halal": "no"})
        start_check(session, visit_id=visit_id, template_code="label-irt")
    assert result.code == "PASS"

    page = _page(qtbot, database)
    pisang = next(c for c in page.summary.quality_by_cluster if c.name_id == "Pisang")
    assert (pisang.meets, pisang.needs_work, pisang.not_assessed) == (1, 1, 1)
    assert (
        "Pisang — Memenuhi: 1, Perlu perbaikan: 1, Belum dinilai: 1"
        in page.quality_chart.accessible_summary()
    )
