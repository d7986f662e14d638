"""The visit page driven as an officer would: a visit with a CPPB-IRT finding and a photo,
validation, the unsaved-changes guard, draft recovery after a crash, and lazy lists.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QAbstractItemModelTester
from sqlalchemy import insert

from ikmdesk.db import Database
from ikmdesk.models import Visit
from ikmdesk.models.enums import VisitPurpose, VisitStatus
from ikmdesk.services import editor_recovery
from ikmdesk.services.device import DeviceInfo
from ikmdesk.services.enterprise import EnterpriseInput, create_enterprise, get_enterprise
from ikmdesk.services.follow_up import FollowUpFilter, list_follow_ups
from ikmdesk.services.quality_check import get_check, start_check
from ikmdesk.services.reference_data import cluster_id, region_id
from ikmdesk.services.visit import VisitInput, create_visit, get_visit
from ikmdesk.ui import dialogs
from ikmdesk.ui.operations import pending_operations
from ikmdesk.ui.visit_editor import VisitEditor
from ikmdesk.ui.visit_model import VisitTableModel
from ikmdesk.ui.visit_page import VisitPage
from tests.services import checksum
from tests.services.test_attachment import photo_bytes

LEFT = Qt.MouseButton.LeftButton
TODAY = date.today()


def make_enterprise(database: Database, name: str = "UD Keripik Pisang Sangatta") -> str:
    with database.unit_of_work() as session:
        return create_enterprise(
            session,
            EnterpriseInput(
                name=name, kecamatan_id=region_id("64.08.01"), cluster_id=cluster_id("pisang")
            ),
        )


def make_visit_with_check(database: Database) -> tuple[str, str, str]:
    """Return (enterprise, visit, check) ids of a draft visit with a CPPB-IRT check."""
    enterprise_id = make_enterprise(database)
    with database.unit_of_work() as session:
        visit_id = create_visit(
            session,
            VisitInput(
                enterprise_id=enterprise_id,
                visit_date=TODAY - timedelta(days=2),
                purpose=VisitPurpose.MENTORING.value,
                activities="Pemeriksaan sarana produksi",
            ),
        )
        check_id = start_check(session, visit_id=visit_id, template_code="cppb-irt")
    return enterprise_id, visit_id, check_id


def show_page(qtbot: Any, database: Database, *, keep: bool = True) -> VisitPage:
    """Show a visit page; ``keep=False`` for one the test destroys itself."""
    page = VisitPage(database)
    if keep:
        qtbot.addWidget(page)
    page.resize(1196, 708)
    page.show()
    return page


def destroy(widget: Any) -> None:
    """Throw a page away the way a crash would: no save, no question, no clean-up."""
    widget.hide()
    widget.editor.autosave_timer.stop()
    widget.setParent(None)
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def show_checklist(qtbot: Any, editor: VisitEditor) -> None:
    """Open the quality tab and wait until its items are laid out (clickable)."""
    editor.tabs.setCurrentIndex(VisitEditor.TAB_QUALITY)
    rows = list(editor.checklist.item_rows.values())
    qtbot.waitUntil(lambda: bool(rows) and all(r.isVisible() for r in rows))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def answer_all(qtbot: Any, editor: VisitEditor, value: str = "no") -> None:
    show_checklist(qtbot, editor)
    for row in editor.checklist.item_rows.values():
        qtbot.mouseClick(row.radios[value], LEFT)


@pytest.fixture
def agree(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer every question with Yes and record the titles asked."""
    asked: list[str] = []

    def confirm(_parent: Any, title: str, _text: str) -> bool:
        asked.append(title)
        return True

    monkeypatch.setattr(dialogs, "confirm", confirm)
    return asked


def test_an_officer_records_a_visit_with_a_finding_and_a_photo(
    qtbot: Any,
    database: Database,
    agree: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    enterprise_id = make_enterprise(database)
    page = show_page(qtbot, database)
    page.new_visit(enterprise_id)
    editor = page.editor
    assert editor.enterprise_combo.currentData() == enterprise_id
    editor.date_edit.set_value(TODAY - timedelta(days=1))
    qtbot.keyClicks(editor.activities_edit, "Pendampingan CPPB-IRT dan label kemasan")
    qtbot.keyClicks(editor.companions_edit, "Andi Pratama")

    editor.tabs.setCurrentIndex(VisitEditor.TAB_QUALITY)
    editor.template_combo.setCurrentIndex(editor.template_combo.findData("cppb-irt"))
    with qtbot.waitSignal(page.visit_saved, timeout=5000) as saved:
        qtbot.mouseClick(editor.start_check_button, LEFT)  # saves the new visit first
    visit_id = saved.args[0]
    qtbot.waitUntil(lambda: editor.checklist.template is not None)
    checklist = editor.checklist
    answer_all(qtbot, editor, "no")
    assert "Level" in checklist.result_label.text() or "Hasil" in checklist.result_label.text()
    finding = checklist.item_rows["3"]
    assert not finding.finding_box.isVisibleTo(checklist)
    qtbot.mouseClick(finding.radios["yes"], LEFT)
    assert finding.finding_box.isVisibleTo(checklist)
    assert "SE 1" in checklist.result_label.text()
    assert checklist.unverified_label.isVisibleTo(checklist)  # "perlu dikonfirmasi"
    fields = finding.finding_rows
    qtbot.keyClicks(fields["problem"].editor, "Lantai ruang produksi berdebu")
    qtbot.keyClicks(fields["location"].editor, "Ruang pengadonan")
    qtbot.keyClicks(fields["evidence"].editor, "Debu tebal di sudut, lihat foto")
    qtbot.keyClicks(fields["reference"].editor, "CPPB-IRT elemen B")
    qtbot.keyClicks(fields["corrective_action"].editor, "Pel lantai setiap selesai produksi")
    fields["due_date"].editor.set_value(TODAY + timedelta(days=3))
    assert editor.has_unsaved_changes()
    with qtbot.waitSignal(page.visit_saved, timeout=5000):
        qtbot.mouseClick(editor.save_button, LEFT)
    assert not editor.has_unsaved_changes()

    assert editor.follow_up_table.rowCount() == 1
    assert editor.follow_up_table.item(0, 0).text() == "Pel lantai setiap selesai produksi"
    with database.unit_of_work() as session:
        follow_ups = list_follow_ups(session, FollowUpFilter(visit_id=visit_id))
        check = get_check(session, editor.check_combo.currentData())
    assert [(f.action, f.due_date) for f in follow_ups] == [
        ("Pel lantai setiap selesai produksi", TODAY + timedelta(days=3))
    ]
    assert check.answers["3"].evidence == "Debu tebal di sudut, lihat foto"
    assert check.result is not None and check.result.counts["SE"] == 1
    assert check.summary.result_status == "complete"
    _follow_up_is_on_the_dashboard(qtbot, database, visit_id)

    photo = tmp_path / "IMG_2041.jpg"
    photo.write_bytes(photo_bytes(gps=(-0.52, 117.46)))
    monkeypatch.setattr(dialogs, "open_files", lambda *_args: [photo])
    photos = editor.photo_widget
    editor.tabs.setCurrentWidget(photos)
    qtbot.mouseClick(photos.add_button, LEFT)
    qtbot.waitUntil(lambda: photos.photo_list.count() == 1)
    assert not photos.photo_list.item(0).icon().isNull()
    assert "-0.52" in photos.location_label.text()
    # What the added photo set off (the editor's reload after the change) is over first, as
    # for a user who looks at the new thumbnail before typing its caption.
    qtbot.waitUntil(lambda: pending_operations() == 0, timeout=20_000)
    qtbot.keyClicks(photos.caption_edit, "Lantai ruang pengadonan")
    qtbot.mouseClick(photos.caption_button, LEFT)
    qtbot.waitUntil(
        lambda: photos.photo_list.item(0).text() == "Lantai ruang pengadonan", timeout=20_000
    )
    with qtbot.waitSignal(photos.location_applied, timeout=5000):
        qtbot.mouseClick(photos.location_button, LEFT)
    with database.unit_of_work() as session:
        located = get_enterprise(session, enterprise_id)
    assert located.latitude == pytest.approx(-0.52, abs=1e-4)
    assert located.longitude == pytest.approx(117.46, abs=1e-4)

    qtbot.mouseClick(editor.submit_button, LEFT)  # saves, then submits
    qtbot.waitUntil(lambda: not editor.editable)
    assert "Kirim kunjungan" in agree
    with database.unit_of_work() as session:
        assert get_visit(session, visit_id).status == VisitStatus.SUBMITTED.value
    assert not editor.editable
    assert editor.activities_edit.isReadOnly()
    assert not editor.save_button.isEnabled()
    assert not checklist.item_rows["1"].radios["yes"].isEnabled()
    assert not photos.add_button.isEnabled()
    assert "terkunci" in editor.status_label.text()


def _follow_up_is_on_the_dashboard(qtbot: Any, database: Database, visit_id: str) -> None:
    import importlib.util

    if importlib.util.find_spec("ikmdesk.ui.dashboard_page") is None:
        return
    from ikmdesk.ui.dashboard_page import DashboardPage

    dashboard = DashboardPage(database)
    qtbot.addWidget(dashboard)
    qtbot.waitUntil(lambda: visit_id in dashboard.follow_up_visit_ids(), timeout=5000)


def test_bad_visit_input_is_marked_and_nothing_is_saved(
    qtbot: Any, database: Database, agree: list[str]
) -> None:
    enterprise_id = make_enterprise(database)
    before = checksum(database)
    page = show_page(qtbot, database)
    page.new_visit()
    editor = page.editor
    qtbot.keyClicks(editor.activities_edit, "Kunjungan tanpa IKM")
    qtbot.mouseClick(editor.save_button, LEFT)
    qtbot.waitUntil(lambda: editor.rows["enterprise_id"].is_marked)
    assert editor.rows["enterprise_id"].message_label.text()

    editor.enterprise_combo.setCurrentIndex(editor.enterprise_combo.findData(enterprise_id))
    assert not editor.rows["enterprise_id"].is_marked
    editor.date_edit.set_value(TODAY + timedelta(days=30))
    qtbot.mouseClick(editor.save_button, LEFT)
    qtbot.waitUntil(lambda: editor.rows["visit_date"].is_marked)
    assert "masa depan" in editor.rows["visit_date"].message_label.text()
    assert checksum(database) == before


def test_a_deadline_before_the_visit_is_marked_on_the_finding(
    qtbot: Any, database: Database, agree: list[str]
) -> None:
    _, visit_id, _ = make_visit_with_check(database)
    page = show_page(qtbot, database)
    page.open_visit(visit_id)
    editor = page.editor
    show_checklist(qtbot, editor)
    finding = editor.checklist.item_rows["5"]
    qtbot.mouseClick(finding.radios["yes"], LEFT)
    qtbot.keyClicks(finding.finding_rows["corrective_action"].editor, "Ganti wajan berkarat")
    finding.finding_rows["due_date"].editor.set_value(TODAY - timedelta(days=30))
    before = checksum(database)
    qtbot.mouseClick(editor.save_button, LEFT)
    qtbot.waitUntil(lambda: finding.finding_rows["due_date"].is_marked)
    assert editor.tabs.currentIndex() == VisitEditor.TAB_QUALITY
    assert "tidak boleh sebelum" in finding.finding_rows["due_date"].message_label.text()
    assert checksum(database) == before
    assert editor.has_unsaved_changes()


def test_leaving_with_unsaved_changes_asks_first(
    qtbot: Any, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, visit_id, _ = make_visit_with_check(database)
    page = show_page(qtbot, database)
    page.open_visit(visit_id)
    editor = page.editor
    show_checklist(qtbot, editor)
    qtbot.mouseClick(editor.checklist.item_rows["2"].radios["yes"], LEFT)
    asked: list[str] = []

    def cancel(_parent: Any, title: str, _text: str) -> str:
        asked.append(title)
        return dialogs.UNSAVED_CANCEL

    monkeypatch.setattr(dialogs, "ask_unsaved", cancel)
    qtbot.mouseClick(editor.back_button, LEFT)
    assert asked == ["Perubahan belum disimpan"]
    assert page.stack.currentWidget() is editor
    page.new_visit()  # starting another visit asks too
    assert len(asked) == 2 and editor.visit_id == visit_id

    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_args: dialogs.UNSAVED_DISCARD)
    qtbot.mouseClick(editor.back_button, LEFT)
    assert page.stack.currentIndex() == page.LIST
    assert not page.has_unsaved_changes()
    assert editor_recovery.list_drafts(database_path=database.path) == []


def test_a_new_visit_is_recovered_after_the_window_died(
    qtbot: Any, database: Database, agree: list[str]
) -> None:
    enterprise_id = make_enterprise(database)
    page = show_page(qtbot, database, keep=False)
    page.new_visit(enterprise_id)
    qtbot.keyClicks(page.editor.findings_edit, "Label belum mencantumkan nomor P-IRT")
    page.editor.write_recovery()  # what the autosave timer does every few seconds
    drafts = editor_recovery.list_drafts(database_path=database.path, kind="visit")
    assert len(drafts) == 1
    destroy(page)

    reopened = show_page(qtbot, database)
    editor = reopened.editor
    qtbot.waitUntil(lambda: reopened.stack.currentWidget() is editor)
    assert "Pulihkan kunjungan" in agree
    assert editor.findings_edit.toPlainText() == "Label belum mencantumkan nomor P-IRT"
    assert editor.enterprise_combo.currentData() == enterprise_id
    with qtbot.waitSignal(reopened.visit_saved, timeout=5000) as saved:
        qtbot.mouseClick(editor.save_button, LEFT)
    with database.unit_of_work() as session:
        assert get_visit(session, saved.args[0]).findings == "Label belum mencantumkan nomor P-IRT"
    assert editor_recovery.list_drafts(database_path=database.path) == []


def test_unsaved_answers_of_a_stored_visit_are_recovered(
    qtbot: Any, database: Database, agree: list[str]
) -> None:
    _, visit_id, check_id = make_visit_with_check(database)
    page = show_page(qtbot, database, keep=False)
    page.open_visit(visit_id)
    show_checklist(qtbot, page.editor)
    qtbot.mouseClick(page.editor.checklist.item_rows["9"].radios["yes"], LEFT)
    page.editor.write_recovery()
    before = checksum(database)
    destroy(page)

    reopened = show_page(qtbot, database)
    editor = reopened.editor
    qtbot.waitUntil(lambda: editor.visit_id == visit_id)
    assert editor.checklist.item_rows["9"].value() == "yes"
    assert editor.has_unsaved_changes()
    assert checksum(database) == before  # offered back, not written behind the user's back
    with qtbot.waitSignal(reopened.visit_saved, timeout=5000):
        qtbot.mouseClick(editor.save_button, LEFT)
    with database.unit_of_work() as session:
        assert get_check(session, check_id).answers["9"].value == "yes"


def test_a_declined_draft_is_thrown_away(
    qtbot: Any, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = show_page(qtbot, database, keep=False)
    page.new_visit(make_enterprise(database))
    qtbot.keyClicks(page.editor.activities_edit, "Coba-coba")
    page.editor.write_recovery()
    destroy(page)
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: False)
    reopened = show_page(qtbot, database)
    qtbot.waitUntil(lambda: not editor_recovery.list_drafts(database_path=database.path))
    assert reopened.stack.currentIndex() == reopened.LIST


def test_photos_dropped_on_the_photo_tab_are_attached(
    qtbot: Any, database: Database, tmp_path: Path
) -> None:
    _, visit_id, _ = make_visit_with_check(database)
    page = show_page(qtbot, database)
    page.open_visit(visit_id)
    photos = page.editor.photo_widget
    page.editor.tabs.setCurrentWidget(photos)
    picture = tmp_path / "produksi.jpg"
    picture.write_bytes(photo_bytes(gps=None))
    notes = tmp_path / "catatan.txt"
    notes.write_text("bukan foto", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(notes)), QUrl.fromLocalFile(str(picture))])
    point = QPointF(photos.rect().center())
    enter = QDragEnterEvent(
        point, Qt.DropAction.CopyAction, mime, LEFT, Qt.KeyboardModifier.NoModifier
    )
    QCoreApplication.sendEvent(photos, enter)
    assert enter.isAccepted()
    drop = QDropEvent(point, Qt.DropAction.CopyAction, mime, LEFT, Qt.KeyboardModifier.NoModifier)
    QCoreApplication.sendEvent(photos, drop)
    qtbot.waitUntil(lambda: photos.photo_list.count() == 1)
    assert [p.original_name for p in photos.photos] == ["produksi.jpg"]
    assert not photos.location_button.isEnabled()  # this photo has no GPS position


def test_recovery_files_belong_to_their_database_and_broken_ones_are_skipped(
    database: Database, tmp_path: Path
) -> None:
    editor_recovery.save_draft(
        key="visit:a", kind="visit", record_id=None, database_path=database.path, state={"x": 1}
    )
    editor_recovery.save_draft(
        key="visit:b", kind="visit", record_id=None, database_path=tmp_path / "other.db", state={}
    )
    (editor_recovery.recovery_dir() / "cut-short.recovery.json").write_text('{"format": 1, "ke')
    drafts = editor_recovery.list_drafts(database_path=database.path, kind="visit")
    assert [(d.key, d.state) for d in drafts] == [("visit:a", {"x": 1})]
    editor_recovery.discard_draft("visit:a")
    editor_recovery.discard_draft("visit:a")  # twice is fine
    assert editor_recovery.list_drafts(database_path=database.path) == []


def test_the_visit_model_loads_lazily(qtbot: Any, database: Database, device: DeviceInfo) -> None:
    enterprise_id = make_enterprise(database)
    rows = [
        {
            "enterprise_id": enterprise_id,
            "visit_date": date(2025, 1, 1) + timedelta(days=i % 600),
            "officer_id": device.id,
            "purpose": VisitPurpose.MONITORING,
            "status": VisitStatus.SUBMITTED if i % 4 == 0 else VisitStatus.DRAFT,
        }
        for i in range(2500)
    ]
    with database.unit_of_work() as session:
        session.execute(insert(Visit), rows)
    model = VisitTableModel(database)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    model.reload()
    assert (model.total, model.rowCount()) == (2500, VisitTableModel.PAGE_SIZE)
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 2 * VisitTableModel.PAGE_SIZE
    newest = max(r["visit_date"] for r in rows)
    assert model.index(0, VisitTableModel.COL_DATE).data() == newest.strftime("%d-%m-%Y")
    page = show_page(qtbot, database)
    page.status_tabs.setCurrentIndex(VisitPage.TAB_REVIEW)
    assert page.model.total == 625
    assert "625 kunjungan" in page.count_label.text()


def test_the_visit_editor_fits_a_laptop_screen(qtbot: Any, database: Database) -> None:
    _, visit_id, _ = make_visit_with_check(database)
    page = show_page(qtbot, database)
    page.resize(1366 - 170, 768 - 60)
    page.open_visit(visit_id)
    for tab in range(page.editor.tabs.count()):
        page.editor.tabs.setCurrentIndex(tab)
        assert page.editor.submit_button.isVisible()
        assert page.editor.tabs.currentWidget().height() > 300
    page.editor.tabs.setCurrentIndex(VisitEditor.TAB_QUALITY)
    assert page.editor.checklist.scroll_area.height() > 200


def test_print_buttons_open_the_report_preview(
    qtbot: Any, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    if importlib.util.find_spec("ikmdesk.ui.report_page") is None:
        pytest.skip("this build has no report preview; the buttons are hidden")
    from ikmdesk.ui import report_page
    from ikmdesk.ui.enterprise_page import EnterprisePage

    opened: list[tuple[str, str]] = []
    monkeypatch.setattr(
        report_page,
        "open_report_preview",
        lambda _parent, _db, kind, record_id: opened.append((kind, record_id)),
    )
    enterprise_id, visit_id, _ = make_visit_with_check(database)
    page = show_page(qtbot, database)
    page.open_visit(visit_id)
    assert page.editor.print_button.isVisible()
    qtbot.mouseClick(page.editor.print_button, LEFT)
    enterprises = EnterprisePage(database)
    qtbot.addWidget(enterprises)
    enterprises.show()
    enterprises.open_enterprise(enterprise_id)
    qtbot.mouseClick(enterprises.editor.print_button, LEFT)
    assert opened == [("visit", visit_id), ("enterprise", enterprise_id)]


@pytest.mark.parametrize(
    "template_id", ["cppb-irt", "kakao-sni-2323", "keripik-pisang", "label-irt"]
)
def test_every_shipped_template_renders_with_the_right_widgets(
    qtbot: Any, template_id: str
) -> None:
    from ikmdesk.services.checklist_template import shipped_templates
    from ikmdesk.services.quality_check import AnswerInput
    from ikmdesk.services.quality_scoring import score
    from ikmdesk.ui.checklist_widget import ChecklistWidget

    template = next(t for t in shipped_templates() if t.id == template_id)
    widget = ChecklistWidget()
    qtbot.addWidget(widget)
    widget.set_photo_choices([("photo-1", "Ruang produksi")])
    widget.set_template(template, today=TODAY)
    answers: dict[str, Any] = {}
    for item in template.items():
        row = widget.item_rows[item.id]
        if item.answer == "yes_no_na":
            assert set(row.radios) == {"yes", "no", "na"}
            answers[item.id] = "no"
        elif item.answer == "number":
            assert row.spin is not None
            if item.unit:
                assert row.spin.suffix().strip() == item.unit
            if item.max is not None:
                assert row.spin.maximum() == item.max
            answers[item.id] = item.min if item.min is not None else 1
        elif item.answer == "choice":
            assert row.combo is not None and row.combo.count() == len(item.options) + 1
            answers[item.id] = item.options[0].value
        elif item.answer == "photo":
            assert row.combo is not None and row.combo.findData("photo-1") > 0
            answers[item.id] = "photo-1"
        else:
            assert row.text_edit is not None
            answers[item.id] = "2063510010243-26"
    widget.set_answers({k: AnswerInput(value=v) for k, v in answers.items()})
    assert {k: a.value for k, a in widget.answers().items()} == answers
    expected = score(template, answers, today=TODAY)
    assert widget.result == expected
    assert expected.label.id in widget.result_label.text()
    assert widget.unverified_label.isVisibleTo(widget) == expected.unverified


def test_submitting_with_an_unfinished_finding_asks_first(
    qtbot: Any, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, visit_id, _ = make_visit_with_check(database)
    page = show_page(qtbot, database)
    page.open_visit(visit_id)
    editor = page.editor
    answer_all(qtbot, editor, "no")
    qtbot.mouseClick(editor.checklist.item_rows["13"].radios["yes"], LEFT)  # no PLOR yet
    asked: list[str] = []

    def confirm(_parent: Any, title: str, text: str) -> bool:
        asked.append(title)
        return title != "Temuan belum lengkap"

    monkeypatch.setattr(dialogs, "confirm", confirm)
    with qtbot.waitSignal(page.visit_saved, timeout=5000):
        qtbot.mouseClick(editor.submit_button, LEFT)
    assert asked == ["Kirim kunjungan", "Temuan belum lengkap"]
    with database.unit_of_work() as session:
        assert get_visit(session, visit_id).status == VisitStatus.DRAFT.value
    assert editor.editable  # saved as a draft, not sent


def test_a_follow_up_done_elsewhere_shows_on_the_open_visit(qtbot: Any, database: Database) -> None:
    from ikmdesk.services.follow_up import mark_done
    from ikmdesk.services.quality_check import AnswerInput, save_answers
    from ikmdesk.ui.change_bus import FOLLOW_UP, change_bus

    _, visit_id, check_id = make_visit_with_check(database)
    with database.unit_of_work() as session:
        save_answers(
            session,
            check_id,
            {
                "13": AnswerInput(
                    value="yes",
                    corrective_action="Beli tempat sampah tertutup",
                    due_date=TODAY + timedelta(days=7),
                )
            },
        )
    page = show_page(qtbot, database)
    page.open_visit(visit_id)
    table = page.editor.follow_up_table
    assert table.item(0, 3).text() == "Segera jatuh tempo"  # due within the week
    with database.unit_of_work() as session:
        (follow_up,) = list_follow_ups(session, FollowUpFilter(visit_id=visit_id))
        mark_done(session, follow_up.id, done_on=TODAY)
    change_bus().notify(FOLLOW_UP)  # what the follow-up page announces after its write
    assert table.item(0, 3).text() == "Selesai"


def test_a_draft_of_a_visit_sent_since_is_not_offered_again(
    qtbot: Any, database: Database, agree: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ikmdesk.services.visit import submit_visit

    _, visit_id, _ = make_visit_with_check(database)
    page = show_page(qtbot, database, keep=False)
    page.open_visit(visit_id)
    qtbot.keyClicks(page.editor.findings_edit, "Catatan yang belum disimpan")
    page.editor.write_recovery()
    destroy(page)
    with database.unit_of_work() as session:
        submit_visit(session, visit_id)  # e.g. the same visit sent from another laptop
    warnings: list[str] = []
    monkeypatch.setattr(dialogs, "warn", lambda _p, title, _text: warnings.append(title))
    reopened = show_page(qtbot, database)
    qtbot.waitUntil(lambda: warnings == ["Pulihkan kunjungan"])
    assert editor_recovery.list_drafts(database_path=database.path) == []
    assert reopened.editor.findings_edit.toPlainText() == ""
    assert not reopened.editor.editable
