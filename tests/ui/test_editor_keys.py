"""Feedback and keys: "Tersimpan", Enter and Esc, the Simpan/Buang/Batal guard on every way out,
the submit hint towards Sinkronisasi, and where file dialogs open.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths, Qt

from ikmdesk.db import Database
from ikmdesk.services.enterprise import get_enterprise
from ikmdesk.ui import dialogs
from tests.ui.test_enterprise_page import make_enterprise, page  # noqa: F401
from tests.ui.test_visit_page import make_visit_with_check

LEFT = Qt.MouseButton.LeftButton


def test_enter_saves_the_ikm_form_and_says_tersimpan(
    qtbot: Any,
    page: Any,  # noqa: F811
    database: Database,
) -> None:
    enterprise_id = make_enterprise(database)
    page.apply_filter()
    page.open_enterprise(enterprise_id)
    editor = page.editor
    assert editor.saved_label.text() == ""
    qtbot.keyClicks(editor.name_edit, " Baru")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        qtbot.keyClick(editor.name_edit, Qt.Key.Key_Return)
    assert editor.saved_label.text().startswith("✓ Tersimpan pukul ")
    assert editor.saved_label.isVisible()
    with database.unit_of_work() as session:
        assert get_enterprise(session, enterprise_id).name == "UD Amplang Sangatta Baru"


def test_esc_with_simpan_saves_then_goes_back_to_the_list(
    qtbot: Any,
    page: Any,  # noqa: F811
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    enterprise_id = make_enterprise(database)
    page.apply_filter()
    page.open_enterprise(enterprise_id)
    editor = page.editor
    qtbot.keyClicks(editor.owner_edit, "Ibu Sari")
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_a: dialogs.UNSAVED_SAVE)
    qtbot.keyClick(editor.owner_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.stack.currentIndex() == page.LIST)
    with database.unit_of_work() as session:
        assert get_enterprise(session, enterprise_id).owner_name == "Ibu Sari"


def test_the_sidebar_asks_before_leaving_unsaved_edits(
    qtbot: Any, main_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ikm_page = main_window.open_page("ikm")
    qtbot.mouseClick(ikm_page.add_button, LEFT)
    qtbot.keyClicks(ikm_page.editor.name_edit, "UD Baru")
    answers = iter([dialogs.UNSAVED_CANCEL, dialogs.UNSAVED_DISCARD])
    asked: list[str] = []

    def ask(_parent: Any, title: str, _text: str) -> str:
        asked.append(title)
        return next(answers)

    monkeypatch.setattr(dialogs, "ask_unsaved", ask)
    row = main_window.navigation.visualItemRect(main_window.navigation.item(0)).center()
    qtbot.mouseClick(main_window.navigation.viewport(), LEFT, pos=row)
    assert asked == ["Perubahan belum disimpan"]
    assert main_window.current_page_name() == "ikm"  # Batal: stays, edits kept
    assert ikm_page.editor.name_edit.text() == "UD Baru"

    qtbot.mouseClick(main_window.navigation.viewport(), LEFT, pos=row)
    assert main_window.current_page_name() == "beranda"  # Buang: leaves
    assert not ikm_page.has_unsaved_changes()


def test_submitting_says_the_visit_goes_with_the_next_sync_file_and_opens_sinkronisasi(
    qtbot: Any, main_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, visit_id, _ = make_visit_with_check(main_window.database)
    asked: list[tuple[str, str]] = []

    def agree(_parent: Any, title: str, text: str) -> bool:
        asked.append((title, text))
        return True

    monkeypatch.setattr(dialogs, "confirm", agree)
    main_window.show_visit(visit_id)
    editor = main_window.page("kunjungan").editor
    qtbot.mouseClick(editor.submit_button, LEFT)
    qtbot.waitUntil(lambda: main_window.current_page_name() == "sinkronisasi", timeout=10_000)
    title, text = asked[-1]
    assert title == "Kunjungan siap dikirim"
    assert "berkas sinkronisasi berikutnya" in text


def test_file_dialogs_open_in_documents_then_in_the_last_folder_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = tmp_path / "Dokumen"
    documents.mkdir()
    monkeypatch.setattr(
        QStandardPaths, "writableLocation", staticmethod(lambda _kind: str(documents))
    )
    assert dialogs.start_folder() == str(documents)
    stick = tmp_path / "FLASHDISK"
    stick.mkdir()
    dialogs.remember_folder(stick / "ikmdesk-2026.ikmsync")
    assert dialogs.start_folder() == str(stick)
    assert dialogs.start_folder("/given") == "/given"


def test_a_crash_draft_is_offered_at_start_up_whatever_page_opens(
    qtbot: Any, demo_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ikmdesk.services import editor_recovery
    from ikmdesk.ui.main_window import MainWindow

    editor_recovery.save_draft(
        key="visit:crashed",
        kind="visit",
        record_id=None,
        database_path=demo_database.path,
        state={"visit_id": None, "enterprise_id": "", "activities": "Catatan sebelum mati"},
    )
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, title, _t: asked.append(title) or False)
    window = MainWindow(demo_database)
    qtbot.addWidget(window)
    window.open_page("beranda")
    window.show()
    qtbot.waitUntil(lambda: asked == ["Pulihkan kunjungan"])
    assert window.current_page_name() == "kunjungan"
