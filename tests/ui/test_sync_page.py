"""The Sinkronisasi page: export, import (picked or dropped), key cards, status, conflicts."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from ikmdesk.models import Enterprise
from ikmdesk.services.sync_service import default_file_name, export_package, import_package
from ikmdesk.services.sync_trust import PeerInfo
from ikmdesk.ui import dialogs
from ikmdesk.ui.operations import wait_for_operations
from ikmdesk.ui.passphrase_dialog import PassphraseDialog
from tests.sync.sync_helpers import add_enterprise, edit, introduce, make_node
from tests.ui.sync_page_driver import (
    answer_trust,
    click,
    open_page,
    type_passphrase,
    wait_for_question,
)

WINDOWS_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


@pytest.fixture
def world(tmp_path: Path):
    sup = make_node(tmp_path / "sup", "Bu Kasi", role="supervisor")
    off = make_node(tmp_path / "off", "Siti")
    other = make_node(tmp_path / "other", "Rahmat")
    introduce(sup, off)
    yield sup, off, other
    wait_for_operations(10_000)
    for node in (sup, off, other):
        node.db.close()


@pytest.fixture(autouse=True)
def _no_real_dialogs(monkeypatch):
    errors: list[BaseException] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, error: errors.append(error))
    return errors


def test_officer_exports_for_its_supervisor_what_the_page_promised(
    qtbot, world, tmp_path, monkeypatch
):
    sup, off, _other = world
    add_enterprise(off.db)
    page = open_page(qtbot, off.db)
    assert page.recipient_combo.currentData() == sup.id
    promised = page.next_export_ops()
    assert promised > 0
    assert f"{promised} perubahan yang belum dipastikan diterima Bu Kasi" in (
        page.pending_label.text()
    )
    target = tmp_path / "stick" / "untuk-kasi.ikmsync"
    target.parent.mkdir()
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: target)
    with qtbot.waitSignal(page.export_finished, timeout=30_000) as exported:
        click(qtbot, page.export_button)
    assert target.exists()
    assert exported.args[0][0].ops == promised
    assert "untuk-kasi.ikmsync" in page.export_result_label.text()
    assert "dikunci untuk Bu Kasi" in page.export_result_label.text()
    assert "untuk-kasi" not in page.import_result_label.text()
    assert import_package(sup.db, target).applied == promised


def test_a_full_package_carries_what_the_page_says(qtbot, world, tmp_path, monkeypatch):
    sup, off, _other = world
    add_enterprise(off.db)
    import_package(sup.db, export_package(off.db, tmp_path / "1.ikmsync").path)
    import_package(off.db, export_package(sup.db, tmp_path / "2.ikmsync", to=off.id).path)
    page = open_page(qtbot, off.db)
    qtbot.waitUntil(lambda: page.next_export_ops() == 0, timeout=30_000)
    click(qtbot, page.full_check)
    promised = page.next_export_ops()
    assert promised > 0 and f"semua {promised} perubahan" in page.pending_label.text()
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: tmp_path / "lengkap.ikmsync")
    with qtbot.waitSignal(page.export_finished, timeout=30_000) as exported:
        click(qtbot, page.export_button)
    assert exported.args[0][0].ops == promised and exported.args[0][0].full


def test_supervisor_exports_for_all_officers_what_the_page_promised(
    qtbot, world, tmp_path, monkeypatch
):
    sup, off, other = world
    introduce(sup, other)
    add_enterprise(off.db)
    import_package(sup.db, export_package(off.db, tmp_path / "siti.ikmsync").path)
    page = open_page(qtbot, sup.db)
    assert page.recipient_combo.itemData(0) == "__all__"
    assert page.recipient_combo.findData(off.id) > 0
    promised = page.next_export_ops()
    assert isinstance(promised, dict) and set(promised) == {off.id, other.id}
    assert f"Siti: {promised[off.id]}" in page.pending_label.text()
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(dialogs, "choose_folder", lambda *a, **k: stick)
    with qtbot.waitSignal(page.export_finished, timeout=30_000) as exported:
        click(qtbot, page.export_button)
    assert {r.recipient_id: r.ops for r in exported.args[0]} == promised
    names = sorted(p.name for p in stick.iterdir())
    assert len(names) == 2 and all("Bu-Kasi-untuk-" in n for n in names)
    assert any("untuk-Siti" in n for n in names) and any("untuk-Rahmat" in n for n in names)
    written = next(p for p in stick.iterdir() if "untuk-Siti" in p.name)
    assert import_package(off.db, written).applied > 0


def test_a_supervisor_without_officers_is_told_so(qtbot, tmp_path):
    sup = make_node(tmp_path / "sup", "Bu Kasi", role="supervisor")
    page = open_page(qtbot, sup.db)
    assert "Belum ada petugas yang dipercaya" in page.pending_label.text()
    click(qtbot, page.export_button)
    assert "Belum ada petugas yang dipercaya" in page.export_result_label.text()
    wait_for_operations(10_000)
    sup.db.close()


def test_default_file_names_name_the_officers_and_the_date(world):
    sup, off, _other = world
    when = datetime(2026, 12, 3, 14, 2, 33)
    officer = off.info
    name = default_file_name(officer, None, now=when)
    assert name == "ikmdesk-Siti-2026-12-03-140233.ikmsync"
    odd = PeerInfo(
        device_id=sup.id,
        role="supervisor",
        officer_name='Ir. Hj. Nur\u2019aini: "Kasi" <IKM/Pangan> \\ Sangatta?',
        nip=None,
        fingerprint=sup.info.fingerprint,
        signing_public_key=sup.info.signing_public_key,
        encryption_public_key=sup.info.encryption_public_key,
    )
    name = default_file_name(officer, odd, now=when)
    assert name.startswith("ikmdesk-Siti-untuk-Ir-Hj-Nuraini-Kasi-IKM-Pangan")
    assert "2026-12-03" in name and not WINDOWS_FORBIDDEN.search(name)


def test_importing_picked_files_shows_a_summary_and_the_history(
    qtbot, world, tmp_path, monkeypatch
):
    sup, off, _other = world
    add_enterprise(off.db)
    package = export_package(off.db, tmp_path / "dari-siti.ikmsync").path
    page = open_page(qtbot, sup.db)
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: [package, package])
    with qtbot.waitSignal(page.import_completed, timeout=30_000) as blocker:
        click(qtbot, page.import_button)
    (first,) = blocker.args[0]  # picked twice, imported once
    assert first.result.applied > 0
    assert "perubahan baru" in page.import_result_label.text()
    with qtbot.waitSignal(page.import_completed, timeout=30_000) as blocker:
        click(qtbot, page.import_button)
    (second,) = blocker.args[0]
    assert second.result.already_imported
    assert "sudah pernah diimpor" in page.import_result_label.text()
    assert "dari-siti" not in page.export_result_label.text()
    qtbot.waitUntil(lambda: page.history_table.rowCount() == 1, timeout=30_000)
    assert page.history_table.item(0, 3).text() == "dari-siti.ikmsync"


def test_an_unknown_sender_is_asked_about_once_and_imported_only_when_trusted(
    qtbot, world, tmp_path
):
    sup, _off, other = world
    add_enterprise(other.db, "IKM Rahmat")
    first = export_package(other.db, tmp_path / "rahmat-1.ikmsync", plain=True).path
    add_enterprise(other.db, "IKM Rahmat Dua")
    second = export_package(other.db, tmp_path / "rahmat-2.ikmsync", plain=True).path
    page = open_page(qtbot, sup.db)
    asked = []
    page.question_asked.connect(asked.append)
    with qtbot.waitSignal(page.import_completed, timeout=30_000):
        page.import_paths([first])
        shown = answer_trust(qtbot, page, trust=False)
    assert shown["fingerprint"] == other.info.fingerprint and shown["name"] == "Rahmat"
    assert "tidak dipercaya" in page.import_result_label.text()

    with qtbot.waitSignal(page.import_completed, timeout=30_000) as blocker:
        page.import_paths([first, second])
        answer_trust(qtbot, page, trust=True)
    assert len(asked) == 2  # one question per import, not one per file of the same sender
    assert all(o.result is not None and o.result.applied > 0 for o in blocker.args[0])
    assert "Rahmat kini dipercaya" in page.import_result_label.text()


def test_a_dropped_file_is_imported(qtbot, world, tmp_path):
    sup, off, _other = world
    add_enterprise(off.db)
    package = export_package(off.db, tmp_path / "dijatuhkan.ikmsync").path
    page = open_page(qtbot, sup.db)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(package))])
    drop = QDropEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    with qtbot.waitSignal(page.import_completed, timeout=30_000) as blocker:
        page.dropEvent(drop)
    (outcome,) = blocker.args[0]
    assert outcome.result is not None and outcome.result.applied > 0


def test_a_conflict_is_listed_and_the_other_value_restored(qtbot, world, tmp_path):
    sup, off, _other = world
    row = add_enterprise(off.db, "Nama awal")
    import_package(sup.db, export_package(off.db, tmp_path / "1.ikmsync").path)
    edit(off.db, Enterprise, row, name="Versi Siti")
    edit(sup.db, Enterprise, row, name="Versi Kasi")
    import_package(sup.db, export_package(off.db, tmp_path / "2.ikmsync").path)
    page = open_page(qtbot, sup.db)
    qtbot.waitUntil(lambda: page.conflict_table.rowCount() == 1, timeout=30_000)
    assert "Konflik terbuka: 1." in page.status_label.text()
    other_value = page.conflict_table.item(0, 4).text()
    assert {other_value, page.conflict_table.item(0, 2).text()} == {"Versi Siti", "Versi Kasi"}
    click(qtbot, page.restore_button)
    qtbot.waitUntil(lambda: page.conflict_table.rowCount() == 0, timeout=30_000)
    with sup.db.unit_of_work() as session:
        assert session.get_one(Enterprise, row).name == other_value
    QApplication.processEvents()


def test_a_trusted_senders_passphrase_package_asks_only_for_the_passphrase(qtbot, world, tmp_path):
    sup, off, _other = world
    add_enterprise(off.db)
    package = export_package(off.db, tmp_path / "sandi.ikmsync", passphrase="durian montong").path
    page = open_page(qtbot, sup.db)
    asked = []
    page.question_asked.connect(asked.append)
    with qtbot.waitSignal(page.import_completed, timeout=30_000) as blocker:
        page.import_paths([package])
        dialog = wait_for_question(qtbot, page, PassphraseDialog)
        assert "sandi.ikmsync" in dialog.intro_label.text()
        type_passphrase(qtbot, dialog, "durian montong")
        click(qtbot, dialog.ok_button)
    (outcome,) = blocker.args[0]
    assert len(asked) == 1
    assert outcome.result is not None and outcome.result.applied > 0


def test_key_cards_are_saved_and_trusted_with_the_fingerprint_shown(qtbot, tmp_path, monkeypatch):
    off = make_node(tmp_path / "off", "Siti Rahmawati")
    sup = make_node(tmp_path / "sup", "Bu Kasi", role="supervisor")
    officer_page = open_page(qtbot, off.db)
    suggested = []

    def save_file(_parent, _title, name, _filter):
        suggested.append(name)
        return tmp_path / name

    monkeypatch.setattr(dialogs, "save_file", save_file)
    cards = officer_page.key_cards
    with qtbot.waitSignal(cards.key_card_saved, timeout=30_000):
        click(qtbot, cards.save_button)
    assert suggested == ["kartu-kunci-Siti-Rahmawati.json"]
    card_path = tmp_path / suggested[0]
    assert json.loads(card_path.read_text(encoding="utf-8"))["fingerprint"] == (
        off.info.fingerprint
    )
    assert off.info.fingerprint in cards.result_label.text()

    sup_page = open_page(qtbot, sup.db)
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: card_path)
    sup_cards = sup_page.key_cards
    click(qtbot, sup_cards.import_button)
    shown = answer_trust(qtbot, sup_cards, trust=False)
    assert shown == {
        "name": "Siti Rahmawati",
        "role": "petugas pendamping",
        "fingerprint": off.info.fingerprint,
    }
    assert "tidak dipercaya" in sup_cards.result_label.text()
    with qtbot.waitSignal(sup_cards.peer_trusted, timeout=30_000):
        click(qtbot, sup_cards.import_button)
        answer_trust(qtbot, sup_cards, trust=True)
    assert "Siti Rahmawati (petugas pendamping) kini dipercaya" in sup_cards.result_label.text()
    assert off.info.fingerprint in sup_cards.result_label.text()
    qtbot.waitUntil(lambda: sup_page.recipient_combo.findData(off.id) > 0, timeout=30_000)

    click(qtbot, sup_cards.import_button)  # the same card again: nothing to ask
    qtbot.waitUntil(lambda: "sudah dipercaya" in sup_cards.result_label.text(), timeout=30_000)
    assert sup_cards.question is None
    wait_for_operations(10_000)
    off.db.close()
    sup.db.close()


def test_a_bad_key_card_is_refused_with_its_reason(qtbot, world, tmp_path, monkeypatch):
    sup, _off, _other = world
    bad = tmp_path / "bukan-kartu.json"
    bad.write_text("{}", encoding="utf-8")
    page = open_page(qtbot, sup.db)
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: bad)
    click(qtbot, page.key_cards.import_button)
    qtbot.waitUntil(
        lambda: "bukan kartu kunci" in page.key_cards.result_label.text(), timeout=30_000
    )
    assert page.key_cards.question is None


@pytest.mark.sqlite_only(reason="the missing IKM comes from restoring a backup file")
def test_records_waiting_for_a_missing_ikm_are_shown_until_it_arrives(
    qtbot, world, tmp_path, monkeypatch
):
    from ikmdesk.models import Product
    from ikmdesk.services.backup import backup_to_folder, restore
    from ikmdesk.services.data_file import open_data_file
    from tests.sync.sync_helpers import Stick

    sup, off, _other = world
    backup = backup_to_folder(sup.db.path, tmp_path / "backups")
    ikm = add_enterprise(off.db, "IKM baru")
    stick = Stick(tmp_path / "stick")
    stick.carry(off, sup)  # the supervisor holds the IKM and says so ...
    stick.carry(sup, off)
    path = sup.db.path  # ... then restores an older backup, without it
    sup.db.close()
    for side in path.parent.glob(path.name + "*"):
        side.unlink()
    restore(path, backup)
    sup.db = open_data_file(path)
    with off.db.unit_of_work() as session:
        session.add(Product(enterprise_id=ikm, name="Keripik"))
    package = export_package(off.db, tmp_path / "produk.ikmsync").path
    page = open_page(qtbot, sup.db)
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: [package])
    with (
        qtbot.waitSignal(page.refreshed, timeout=30_000),
        qtbot.waitSignal(page.import_completed, timeout=30_000),
    ):
        click(qtbot, page.import_button)
    assert "1 catatan menunggu data yang ditautkannya dari paket lain." in (
        page.import_result_label.text()
    )
    assert "1 catatan tersimpan tetapi belum tampil" in page.status_label.text()
    full = export_package(off.db, tmp_path / "lengkap.ikmsync", full=True).path
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: [full])
    with (
        qtbot.waitSignal(page.refreshed, timeout=30_000),
        qtbot.waitSignal(page.import_completed, timeout=30_000),
    ):
        click(qtbot, page.import_button)
    assert "menunggu" not in page.import_result_label.text()
    assert "belum tampil" not in page.status_label.text()
