"""The first exchange in the window: an officer without the supervisor's key, and back again.

Driven through the real page and its real dialogs (trust, passphrase); only the native file
dialogs are replaced. Progress dialogs show at once here, so a question they covered would be
caught.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from ikmdesk.models import Enterprise
from ikmdesk.ui import dialogs, operations
from ikmdesk.ui.operations import wait_for_operations
from ikmdesk.ui.passphrase_dialog import PassphraseDialog
from ikmdesk.ui.trust_dialog import TrustDialog
from ikmdesk.ui.window_messages import COMMAND_LINE
from tests.sync.sync_helpers import add_enterprise, edit, make_node
from tests.ui.sync_page_driver import (
    answer_trust,
    click,
    open_page,
    type_passphrase,
    visible_progress_dialogs,
    wait_for_question,
)

PASSPHRASE = "durian montong sangatta"
WINDOWS_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


@pytest.fixture
def strangers(tmp_path: Path):
    """An officer and a supervisor that have never exchanged anything."""
    off = make_node(tmp_path / "off", "Siti Rahmawati, S.TP")
    sup = make_node(tmp_path / "sup", "Bu Kasi", role="supervisor")
    yield off, sup
    wait_for_operations(10_000)
    off.db.close()
    sup.db.close()


@pytest.fixture(autouse=True)
def _progress_shows_at_once(monkeypatch):
    monkeypatch.setattr(operations, "SHOW_AFTER_MS", 0)


@pytest.fixture
def asked(monkeypatch):
    """Every question a page asks, in order (the dialogs themselves are answered for real)."""
    questions: list[object] = []
    errors: list[BaseException] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, error: errors.append(error))
    yield questions
    assert errors == []


def _record_questions(page, asked: list[object]) -> None:
    def on_question_asked(dialog) -> None:
        # At the moment the question opens, no progress dialog may be on screen.
        if visible_progress_dialogs():
            asked.append("covered by a progress dialog")
        asked.append(dialog)

    page.question_asked.connect(on_question_asked)


def _window_texts(page) -> list[str]:
    return [label.text() for label in page.findChildren(QLabel)]


def test_officer_to_supervisor_and_back_with_one_question_each(
    qtbot, strangers, tmp_path, monkeypatch, asked
):
    off, sup = strangers
    add_enterprise(off.db)
    stick = tmp_path / "stick"
    stick.mkdir()

    # 1. The officer, who has no supervisor key yet, locks the package with a passphrase.
    officer_page = open_page(qtbot, off.db)
    _record_questions(officer_page, asked)
    assert officer_page.recipient_combo.currentData() is None
    promised = officer_page.next_export_ops()
    assert f"semua {promised} perubahan" in officer_page.pending_label.text()
    suggested: list[str] = []

    def save_file(_parent, _title, name, _filter):
        suggested.append(name)
        return stick / name

    monkeypatch.setattr(dialogs, "save_file", save_file)
    click(qtbot, officer_page.export_button)
    choose = wait_for_question(qtbot, officer_page, PassphraseDialog)
    (name,) = suggested
    assert "Siti-Rahmawati-S-TP" in name and not WINDOWS_FORBIDDEN.search(name)
    type_passphrase(qtbot, choose, "pendek", "pendek")
    assert not choose.ok_button.isEnabled() and "10" in choose.hint_label.text()
    type_passphrase(qtbot, choose, PASSPHRASE, PASSPHRASE + "x")
    assert not choose.ok_button.isEnabled() and "sama" in choose.hint_label.text()
    type_passphrase(qtbot, choose, PASSPHRASE, PASSPHRASE)
    assert choose.ok_button.isEnabled()
    with qtbot.waitSignal(officer_page.export_finished, timeout=30_000) as exported:
        click(qtbot, choose.ok_button)
    (result,) = exported.args[0]
    assert result.ops == promised and result.encryption == "scrypt"
    package = result.path
    assert package.parent == stick
    assert package.name in officer_page.export_result_label.text()
    assert package.name not in officer_page.import_result_label.text()

    # 2. The supervisor imports: one trust question, one passphrase prompt (a wrong try first).
    sup_page = open_page(qtbot, sup.db)
    _record_questions(sup_page, asked)
    asked.clear()
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: [package])
    click(qtbot, sup_page.import_button)
    trust = answer_trust(qtbot, sup_page, trust=True)
    assert trust["name"] == off.info.officer_name
    assert trust["role"] == "petugas pendamping"
    assert trust["fingerprint"] == off.info.fingerprint
    enter = wait_for_question(qtbot, sup_page, PassphraseDialog)
    assert not enter.error_label.isVisible() and not enter.repeat_edit.isVisible()
    type_passphrase(qtbot, enter, "bukan kata sandinya")
    click(qtbot, enter.ok_button)
    retry = wait_for_question(qtbot, sup_page, PassphraseDialog)
    assert retry is not enter and retry.error_label.isVisible()
    assert "salah" in retry.error_label.text()
    type_passphrase(qtbot, retry, PASSPHRASE)
    with qtbot.waitSignal(sup_page.import_completed, timeout=30_000) as completed:
        click(qtbot, retry.ok_button)
    (outcome,) = completed.args[0]
    assert outcome.result is not None and outcome.result.applied == promised
    assert outcome.result.newly_trusted
    assert [type(q) for q in asked] == [TrustDialog, PassphraseDialog, PassphraseDialog]
    assert "perubahan baru" in sup_page.import_result_label.text()
    assert sup_page.question is None

    # 3. The supervisor replies: the officer is now trusted, so no passphrase is asked.
    qtbot.waitUntil(lambda: sup_page.recipient_combo.findData(off.id) > 0, timeout=30_000)
    sup_page.recipient_combo.setCurrentIndex(sup_page.recipient_combo.findData(off.id))
    reply_promised = sup_page.next_export_ops()
    assert f"{reply_promised} perubahan" in sup_page.pending_label.text()
    asked.clear()
    with qtbot.waitSignal(sup_page.export_finished, timeout=30_000) as exported:
        click(qtbot, sup_page.export_button)
    (reply,) = exported.args[0]
    assert asked == [] and reply.encryption == "x25519" and reply.ops == reply_promised
    assert "Bu-Kasi-untuk-Siti-Rahmawati" in reply.path.name

    # 4. The officer imports the reply: one trust question (the supervisor), nothing else.
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: [reply.path])
    with qtbot.waitSignal(officer_page.import_completed, timeout=30_000) as completed:
        click(qtbot, officer_page.import_button)
        trust = answer_trust(qtbot, officer_page, trust=True)
    assert trust["name"] == "Bu Kasi"
    assert trust["role"] == "penyelia"
    assert trust["fingerprint"] == sup.info.fingerprint
    (outcome,) = completed.args[0]
    assert outcome.result is not None and outcome.result.newly_trusted
    assert [type(q) for q in asked] == [TrustDialog]

    # 5. From now on the officer's exports go to the supervisor, and say what they carry.
    qtbot.waitUntil(lambda: officer_page.recipient_combo.currentData() == sup.id, timeout=30_000)
    assert officer_page.next_export_ops() == 0
    row = add_enterprise(off.db, "IKM Kedua")
    edit(off.db, Enterprise, row, phone="081200000000")
    officer_page.refresh()
    qtbot.waitUntil(lambda: officer_page.next_export_ops() > 0, timeout=30_000)
    promised = officer_page.next_export_ops()
    assert f"{promised} perubahan yang belum dipastikan diterima Bu Kasi" in (
        officer_page.pending_label.text()
    )
    with qtbot.waitSignal(officer_page.export_finished, timeout=30_000) as exported:
        click(qtbot, officer_page.export_button)
    (result,) = exported.args[0]
    assert result.ops == promised and result.encryption == "x25519"

    for page in (officer_page, sup_page):
        assert not [text for text in _window_texts(page) if COMMAND_LINE.search(text)]


def test_cancelling_the_passphrase_or_the_trust_ends_the_import(
    qtbot, strangers, tmp_path, monkeypatch, asked
):
    off, sup = strangers
    add_enterprise(off.db)
    from ikmdesk.services.sync_service import export_package

    package = export_package(off.db, tmp_path / "sandi.ikmsync", passphrase=PASSPHRASE).path
    page = open_page(qtbot, sup.db)
    _record_questions(page, asked)

    with qtbot.waitSignal(page.import_completed, timeout=30_000) as completed:
        page.import_paths([package])
        answer_trust(qtbot, page, trust=False)
    (outcome,) = completed.args[0]
    assert outcome.result is None and outcome.declined
    assert "tidak dipercaya" in page.import_result_label.text()
    assert [type(q) for q in asked] == [TrustDialog]

    asked.clear()
    with qtbot.waitSignal(page.import_completed, timeout=30_000) as completed:
        page.import_paths([package])
        answer_trust(qtbot, page, trust=True)
        click(qtbot, wait_for_question(qtbot, page, PassphraseDialog).cancel_button)
    (outcome,) = completed.args[0]
    assert outcome.result is None and outcome.declined
    assert "kata sandi tidak dimasukkan" in page.import_result_label.text()
    assert [type(q) for q in asked] == [TrustDialog, PassphraseDialog]
    assert page.import_button.isEnabled() and page.question is None
