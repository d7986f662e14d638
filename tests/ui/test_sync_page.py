"""The Sinkronisasi page: export, import (picked or dropped), trust prompt, conflict review."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from ikmdesk.models import Enterprise
from ikmdesk.services.sync_service import export_package, import_package
from ikmdesk.ui import dialogs
from ikmdesk.ui.operations import wait_for_operations
from ikmdesk.ui.sync_page import SyncPage
from tests.sync.sync_helpers import add_enterprise, edit, introduce, make_node


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


def _page(qtbot, node) -> SyncPage:
    page = SyncPage(node.db)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    return page


def test_officer_exports_for_its_supervisor(qtbot, world, tmp_path, monkeypatch):
    sup, off, _other = world
    add_enterprise(off.db)
    page = _page(qtbot, off)
    assert page.recipient_combo.currentData() == sup.id
    target = tmp_path / "stick" / "untuk-kasi.ikmsync"
    target.parent.mkdir()
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: target)
    with qtbot.waitSignal(page.export_finished, timeout=10_000):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert target.exists()
    assert "untuk-kasi.ikmsync" in page.result_label.text()
    assert import_package(sup.db, target).applied > 0


def test_supervisor_exports_for_all_officers_into_a_folder(qtbot, world, tmp_path, monkeypatch):
    sup, off, _other = world
    page = _page(qtbot, sup)
    assert page.recipient_combo.itemData(0) == "__all__"
    assert page.recipient_combo.findData(off.id) > 0
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(dialogs, "choose_folder", lambda *a, **k: stick)
    with qtbot.waitSignal(page.export_finished, timeout=10_000):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    (written,) = stick.iterdir()
    assert import_package(off.db, written).applied > 0


def test_importing_picked_files_shows_a_summary_and_the_history(
    qtbot, world, tmp_path, monkeypatch
):
    sup, off, _other = world
    add_enterprise(off.db)
    package = export_package(off.db, tmp_path / "dari-siti.ikmsync").path
    page = _page(qtbot, sup)
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: [package, package])
    with qtbot.waitSignal(page.imports_finished, timeout=10_000) as blocker:
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    first, second = blocker.args[0]
    assert first.result.applied > 0 and second.result.already_imported
    assert "perubahan baru" in page.result_label.text()
    assert "sudah pernah diimpor" in page.result_label.text()
    qtbot.waitUntil(lambda: page.history_table.rowCount() == 1, timeout=10_000)
    assert page.history_table.item(0, 3).text() == "dari-siti.ikmsync"


def test_an_unknown_sender_is_asked_about_and_imported_only_when_trusted(
    qtbot, world, tmp_path, monkeypatch
):
    sup, _off, other = world
    add_enterprise(other.db, "IKM Rahmat")
    package = export_package(other.db, tmp_path / "rahmat.ikmsync", plain=True).path
    page = _page(qtbot, sup)
    asked = []
    monkeypatch.setattr(page, "ask_trust", lambda peer: asked.append(peer) or False)
    with qtbot.waitSignal(page.imports_finished, timeout=10_000):
        page.import_paths([package])
    assert [p.fingerprint for p in asked] == [other.info.fingerprint]
    assert "belum dipercaya" in page.result_label.text()

    monkeypatch.setattr(page, "ask_trust", lambda peer: True)
    with qtbot.waitSignal(page.imports_finished, timeout=10_000):
        page.import_paths([package])
    with qtbot.waitSignal(page.imports_finished, timeout=10_000) as blocker:
        pass  # the trusted re-import follows on its own
    (outcome,) = blocker.args[0]
    assert outcome.result is not None and outcome.result.newly_trusted


def test_a_dropped_file_is_imported(qtbot, world, tmp_path):
    sup, off, _other = world
    add_enterprise(off.db)
    package = export_package(off.db, tmp_path / "dijatuhkan.ikmsync").path
    page = _page(qtbot, sup)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(package))])
    drop = QDropEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    with qtbot.waitSignal(page.imports_finished, timeout=10_000) as blocker:
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
    page = _page(qtbot, sup)
    qtbot.waitUntil(lambda: page.conflict_table.rowCount() == 1, timeout=10_000)
    other_value = page.conflict_table.item(0, 4).text()
    assert {other_value, page.conflict_table.item(0, 2).text()} == {"Versi Siti", "Versi Kasi"}
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.conflict_table.rowCount() == 0, timeout=10_000)
    with sup.db.unit_of_work() as session:
        assert session.get_one(Enterprise, row).name == other_value
    QApplication.processEvents()


def test_a_passphrase_package_asks_for_the_passphrase(qtbot, world, tmp_path, monkeypatch):
    sup, off, _other = world
    add_enterprise(off.db)
    package = export_package(off.db, tmp_path / "sandi.ikmsync", passphrase="durian montong").path
    page = _page(qtbot, sup)
    asked = []
    monkeypatch.setattr(
        page, "ask_passphrase", lambda name, confirm: asked.append(name) or "durian montong"
    )
    with qtbot.waitSignal(page.imports_finished, timeout=10_000) as first:
        page.import_paths([package])
    (locked,) = first.args[0]
    assert locked.needs_passphrase and locked.result is None
    with qtbot.waitSignal(page.imports_finished, timeout=10_000) as second:
        pass  # the page asked and imports again with the passphrase
    (outcome,) = second.args[0]
    assert asked == ["sandi.ikmsync"]
    assert outcome.result is not None and outcome.result.applied > 0
