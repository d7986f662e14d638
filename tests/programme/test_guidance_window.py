"""Guidance sheets in the window: the supervisor edits, adds and removes them, officers read
them, a failed checklist item opens its sheet, and the visit prints the IKM's handout."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ikmdesk.errors import NotFoundError
from ikmdesk.models.enums import VisitPurpose
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.enterprise import EnterpriseInput, create_enterprise
from ikmdesk.services.programme.authority import SupervisorOnly
from ikmdesk.services.programme.guidance import (
    SheetInput,
    add_sheet,
    get_sheet,
    list_sheets,
    remove_sheet,
)
from ikmdesk.services.quality_check import start_check
from ikmdesk.services.reference_data import cluster_id, region_id
from ikmdesk.services.visit import VisitInput, create_visit
from ikmdesk.ui import dialogs
from ikmdesk.ui.guidance_dialog import GuidanceDialog
from ikmdesk.ui.operations import pending_operations, wait_for_operations
from ikmdesk.ui.programme_page import ProgrammePage
from ikmdesk.ui.report_page import DocumentPreviewDialog
from ikmdesk.ui.visit_editor import VisitEditor
from ikmdesk.ui.visit_page import VisitPage
from tests.programme.helpers import START
from tests.sync.sync_helpers import introduce, make_node, receive, send

LEFT = Qt.MouseButton.LeftButton
NAME = "UD Keripik Pisang Sangatta"


@pytest.fixture(autouse=True)
def no_modals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(dialogs, "confirm", lambda *a: shown.append(a[2]) or True)
    monkeypatch.setattr(dialogs, "show_error", lambda _p, error: shown.append(str(error)))
    return shown


@pytest.fixture
def pair(tmp_path: Path):
    sup = make_node(tmp_path / "sup", "Bu Kasi", role="supervisor")
    off = make_node(tmp_path / "off", "Siti")
    introduce(sup, off)
    yield sup, off
    wait_for_operations(10_000)
    sup.db.close()
    off.db.close()


def _open_dialogs(kind: type) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _select(dialog: GuidanceDialog, title: str, qtbot) -> None:
    for row in range(dialog.sheet_list.count()):
        item = dialog.sheet_list.item(row)
        if item.text().split("\n")[0] == title:
            rect = dialog.sheet_list.visualItemRect(item)
            dialog.sheet_list.scrollToItem(item)
            rect = dialog.sheet_list.visualItemRect(item)
            qtbot.mouseClick(dialog.sheet_list.viewport(), LEFT, pos=rect.center())
            assert dialog.current_code() == item.data(Qt.ItemDataRole.UserRole)
            return
    raise AssertionError(f"{title!r} not listed")


def test_supervisor_edits_a_sheet_and_the_officer_reads_it_after_sync(
    qtbot, pair, tmp_path: Path
) -> None:
    sup, off = pair
    page = ProgrammePage(sup.db)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.guidance_button, LEFT)
    dialog = page.guidance_dialog  # a child of the page, closed with it
    assert dialog.sheet_list.count() == 14
    first = dialog.sheet_list.item(0).text()
    assert first.startswith("Sarana cuci tangan") or "butir" in first  # checklist items first
    _select(dialog, "Sarana cuci tangan", qtbot)
    assert (
        dialog.starter_label.isVisible() and "teks awal" in dialog.sheet_list.currentItem().text()
    )
    assert "butir 11" in dialog.link_label.text()
    assert not dialog.title_edit.isReadOnly() and dialog.save_button.isVisible()
    dialog.title_edit.clear()
    qtbot.keyClicks(dialog.title_edit, "Cuci tangan sebelum produksi")
    dialog.body_edit.selectAll()
    qtbot.keyClicks(dialog.body_edit, "Pasang wastafel dengan sabun di pintu ruang produksi.")
    dialog.source_edit.selectAll()
    qtbot.keyClicks(dialog.source_edit, "SOP Disperindag Kutim 2026")
    with qtbot.waitSignal(dialog.sheet_saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.current_code() == "cppb-11"
    assert not dialog.starter_label.isVisible()
    assert "teks awal" not in dialog.sheet_list.currentItem().text()
    assert dialog.saved_label.text().startswith("✓")

    # An empty body is refused at once, and nothing is stored.
    dialog.body_edit.clear()
    qtbot.mouseClick(dialog.save_button, LEFT)
    wait_for_operations(10_000)
    with sup.db.unit_of_work() as session:
        assert get_sheet(session, "cppb-11").body.startswith("Pasang wastafel")

    receive(off, send(sup, off, tmp_path / "master.ikmsync"))
    officer_view = GuidanceDialog(off.db, select="cppb-11")
    qtbot.addWidget(officer_view)
    officer_view.show()
    assert officer_view.title_edit.text() == "Cuci tangan sebelum produksi"
    assert officer_view.body_edit.toPlainText().startswith("Pasang wastafel dengan sabun")
    assert officer_view.source_edit.toPlainText() == "SOP Disperindag Kutim 2026"
    assert officer_view.title_edit.isReadOnly() and officer_view.body_edit.isReadOnly()
    assert not officer_view.save_button.isVisible()
    assert not officer_view.starter_label.isVisible()
    assert "atasan" in officer_view.note_label.text()


def _choose(combo, data, qtbot) -> None:
    """Pick the entry whose data is ``data`` with the keyboard, as a user would."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{data!r} not in the list")


def _click_and_wait(button, qtbot) -> None:
    """Click and wait until the work it started has reported back to the window."""
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: pending_operations() == 0, timeout=10_000)


def _titles(db) -> list[str]:
    with db.unit_of_work() as session:
        return [s.title for s in list_sheets(session)]


def test_supervisor_adds_and_removes_sheets_and_the_officer_follows_by_sync(
    qtbot, pair, tmp_path: Path, no_modals: list[str]
) -> None:
    sup, off = pair
    page = ProgrammePage(sup.db)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.guidance_button, LEFT)
    dialog = page.guidance_dialog
    assert dialog.add_button.isVisible() and dialog.remove_button.isVisible()
    assert not dialog.topic_combo.isVisible()  # the link is chosen only for a new sheet
    qtbot.mouseClick(dialog.add_button, LEFT)
    assert dialog.current_code() is None and dialog.title_edit.text() == ""
    assert dialog.topic_combo.isVisible() and dialog.item_combo.isVisible()
    assert not dialog.starter_label.isVisible() and not dialog.remove_button.isEnabled()

    # Nothing typed: the title is marked at its field, no box, nothing stored.
    _click_and_wait(dialog.save_button, qtbot)
    assert dialog.rows["title"].is_marked and "Judul" in dialog.rows["title"].message_label.text()
    qtbot.keyClicks(dialog.title_edit, "Pisahkan bahan baku dan produk jadi")
    qtbot.keyClicks(dialog.body_edit, "Simpan bahan baku di rak terpisah dari produk jadi.")
    qtbot.keyClicks(dialog.source_edit, "SOP Disperindag Kutim 2026")
    _click_and_wait(dialog.save_button, qtbot)
    assert dialog.rows["topic"].is_marked  # neither a topic nor a checklist item
    _choose(dialog.checklist_combo, "cppb-irt", qtbot)
    _click_and_wait(dialog.save_button, qtbot)
    assert dialog.rows["item"].is_marked and not dialog.rows["topic"].is_marked
    _choose(dialog.item_combo, "26", qtbot)
    _choose(dialog.topic_combo, "dokumen-produksi", qtbot)
    assert no_modals == []  # every refusal was shown at its field
    with qtbot.waitSignal(dialog.sheet_saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    code = dialog.current_code()
    assert code is not None and code.startswith("kantor-")
    assert dialog.sheet_list.count() == 15 and not dialog.topic_combo.isVisible()
    assert "butir 26" in dialog.link_label.text() and "Topik" in dialog.link_label.text()
    assert "teks awal" not in dialog.sheet_list.currentItem().text()
    assert not dialog.starter_label.isVisible()

    # A starter sheet is removed, after a question that names it.
    _select(dialog, "Sarana cuci tangan", qtbot)
    with qtbot.waitSignal(dialog.sheet_removed, timeout=10_000):
        qtbot.mouseClick(dialog.remove_button, LEFT)
    assert no_modals and '"Sarana cuci tangan"' in no_modals[-1]
    assert dialog.sheet_list.count() == 14
    assert "Sarana cuci tangan" not in _titles(sup.db)

    receive(off, send(sup, off, tmp_path / "master.ikmsync"))
    titles = _titles(off.db)
    assert "Pisahkan bahan baku dan produk jadi" in titles
    assert "Sarana cuci tangan" not in titles
    officer_view = GuidanceDialog(off.db, select=code)
    qtbot.addWidget(officer_view)
    officer_view.show()
    assert officer_view.title_edit.text() == "Pisahkan bahan baku dan produk jadi"
    assert officer_view.source_edit.toPlainText() == "SOP Disperindag Kutim 2026"
    assert "butir 26" in officer_view.link_label.text()
    assert not officer_view.add_button.isVisible() and not officer_view.remove_button.isVisible()
    assert officer_view.title_edit.isReadOnly()
    with off.db.unit_of_work() as session, pytest.raises(NotFoundError):
        get_sheet(session, "cppb-11")

    # The next start seeds the shipped sheets again: the removed one stays removed on both.
    for node in (sup, off):
        path = node.db.path
        node.db.close()
        node.db = open_data_file(path)
        assert "Sarana cuci tangan" not in _titles(node.db)
        assert len(_titles(node.db)) == 14
    # A device set up after the removal seeds the starter sheet, then sync removes it there too.
    late = make_node(tmp_path / "late", "Rina")
    try:
        introduce(sup, late)
        assert "Sarana cuci tangan" in _titles(late.db)
        receive(late, send(sup, late, tmp_path / "late.ikmsync"))
        titles = _titles(late.db)
        assert "Sarana cuci tangan" not in titles
        assert "Pisahkan bahan baku dan produk jadi" in titles
    finally:
        late.db.close()


def test_the_officer_cannot_add_or_remove_a_sheet(qtbot, pair) -> None:
    _sup, off = pair
    before = _titles(off.db)
    data = SheetInput(title="X", body="Y", source="Z", topic_code="cuci-tangan")
    with pytest.raises(SupervisorOnly) as refused, off.db.unit_of_work() as session:
        add_sheet(session, data)
    assert "atasan" in str(refused.value.message())
    with pytest.raises(SupervisorOnly), off.db.unit_of_work() as session:
        remove_sheet(session, "cppb-11")
    assert _titles(off.db) == before
    view = GuidanceDialog(off.db)
    qtbot.addWidget(view)
    view.show()
    assert not view.add_button.isVisible() and not view.remove_button.isVisible()
    view.start_new()  # even called directly, the officer's window does not open a new sheet
    assert not view.topic_combo.isVisible() and view.current_code() is not None


def _visit_with_check(db, day: date) -> str:
    with db.unit_of_work() as session:
        ikm = create_enterprise(
            session,
            EnterpriseInput(
                name=NAME, kecamatan_id=region_id("64.08.01"), cluster_id=cluster_id("pisang")
            ),
        )
        visit = create_visit(
            session,
            VisitInput(
                enterprise_id=ikm,
                visit_date=day,
                purpose=VisitPurpose.MENTORING.value,
                findings="Tidak ada sabun di tempat cuci tangan",
            ),
        )
        start_check(session, visit_id=visit, template_code="cppb-irt")
    return visit


def test_a_failed_item_opens_its_guidance_sheet(qtbot, pair) -> None:
    _sup, off = pair
    visit = _visit_with_check(off.db, START)
    page = VisitPage(off.db)
    qtbot.addWidget(page)
    page.resize(1196, 708)
    page.show()
    page.open_visit(visit)
    editor = page.editor
    editor.tabs.setCurrentIndex(VisitEditor.TAB_QUALITY)
    checklist = editor.checklist
    row = checklist.item_rows["11"]
    checklist.scroll_area.ensureWidgetVisible(row)
    assert row.guidance_button is None or not row.guidance_button.isVisible()
    qtbot.mouseClick(row.radios["yes"], LEFT)  # "Ada penyimpangan": item 11 fails
    assert row.guidance_button is not None and row.guidance_button.isVisible()
    assert row.guidance_button.text() == "Panduan"
    no_sheet = checklist.item_rows["1"]
    qtbot.mouseClick(no_sheet.radios["yes"], LEFT)
    assert no_sheet.guidance_button is None  # item 1 has no sheet: no link
    qtbot.mouseClick(row.guidance_button, LEFT)
    [dialog] = _open_dialogs(GuidanceDialog)
    assert dialog.sheet_list.count() == 1
    assert dialog.title_edit.text() == "Sarana cuci tangan"
    assert dialog.title_edit.isReadOnly() and not dialog.save_button.isVisible()
    assert dialog.starter_label.isVisible()
    dialog.close()
    qtbot.mouseClick(row.radios["no"], LEFT)  # fixed: the link goes away
    assert not row.guidance_button.isVisible()


def test_the_visit_prints_the_handout(qtbot, pair, tmp_path: Path, monkeypatch) -> None:
    _sup, off = pair
    visit = _visit_with_check(off.db, START + timedelta(days=1))
    page = VisitPage(off.db)
    qtbot.addWidget(page)
    page.show()
    editor = page.editor
    assert not editor.handout_button.isEnabled()  # a new, unsaved visit has no handout yet
    page.open_visit(visit)
    assert editor.handout_button.isVisible() and editor.handout_button.isEnabled()
    qtbot.mouseClick(editor.handout_button, LEFT)
    [preview] = _open_dialogs(DocumentPreviewDialog)
    qtbot.waitUntil(lambda: preview.page.pdf_bytes is not None, timeout=30_000)
    assert not preview.page.kind_combo.isVisible() and preview.page.save_button.isEnabled()
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.page.pdf_bytes)).pages)
    assert "LEMBAR PENDAMPINGAN" in text and NAME in text
    target = tmp_path / "lembar.pdf"
    seen: list[str] = []

    def save_file(_parent, _title, suggested, _filter):
        seen.append(suggested)
        return target

    monkeypatch.setattr(dialogs, "save_file", save_file)
    qtbot.mouseClick(preview.page.save_button, LEFT)
    assert target.read_bytes() == preview.page.pdf_bytes
    assert seen and seen[0].startswith("lembar-pendampingan-")
    preview.close()


def test_typing_in_a_sheet_is_not_lost_when_the_supervisor_moves_on(
    qtbot, pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    sup, _off = pair
    asked: list[str] = []
    answer = [dialogs.UNSAVED_CANCEL]
    monkeypatch.setattr(
        dialogs, "ask_unsaved", lambda _p, _t, text: asked.append(text) or answer[0]
    )
    dialog = GuidanceDialog(sup.db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.add_button, LEFT)
    qtbot.keyClicks(dialog.title_edit, "Catat suhu penggorengan")

    # Another sheet clicked: asked, and "Batal" keeps the typing and the new-sheet form.
    _select_row(dialog, 1, qtbot)
    assert len(asked) == 1 and "belum disimpan" in asked[0]
    assert dialog.title_edit.text() == "Catat suhu penggorengan"
    assert dialog.current_code() is None and dialog.topic_combo.isVisible()

    # Esc asks too; "Batal" keeps the window open.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(asked) == 2 and dialog.isVisible()

    # "Buang" throws the typing away and shows the sheet clicked.
    answer[0] = dialogs.UNSAVED_DISCARD
    _select_row(dialog, 1, qtbot)
    assert dialog.current_code() == dialog.sheet_list.item(1).data(Qt.ItemDataRole.UserRole)
    assert dialog.title_edit.text() != "Catat suhu penggorengan"

    # An edited sheet saved on the way out: "Simpan" stores it, then the other sheet shows.
    shown = dialog.current_code()
    dialog.body_edit.selectAll()
    qtbot.keyClicks(dialog.body_edit, "Isi yang ditinjau kantor.")
    answer[0] = dialogs.UNSAVED_SAVE
    with qtbot.waitSignal(dialog.sheet_saved, timeout=10_000):
        _select_row(dialog, 0, qtbot)
    wait_for_operations(10_000)
    with sup.db.unit_of_work() as session:
        assert get_sheet(session, shown).body == "Isi yang ditinjau kantor."
    assert dialog.current_code() == dialog.sheet_list.item(0).data(Qt.ItemDataRole.UserRole)
    assert len(asked) == 4

    # Nothing typed: no question, the window closes.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(asked) == 4 and not dialog.isVisible()


def _select_row(dialog: GuidanceDialog, row: int, qtbot) -> None:
    item = dialog.sheet_list.item(row)
    dialog.sheet_list.scrollToItem(item)
    rect = dialog.sheet_list.visualItemRect(item)
    qtbot.mouseClick(dialog.sheet_list.viewport(), LEFT, pos=rect.center())
