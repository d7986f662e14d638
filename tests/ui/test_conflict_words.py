"""The Sinkronisasi page's conflict list speaks in the forms' words, and the passphrase dialog
has no English: record names instead of table and id, field labels, values as forms show them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from ikmdesk.models import SYNCED_MODELS, Enterprise
from ikmdesk.services.record_label import ENTITY_NAMES, FIELD_NAMES
from ikmdesk.services.reference_data import region_id
from ikmdesk.services.sync_service import export_package, import_package
from ikmdesk.ui import dialogs
from ikmdesk.ui.operations import wait_for_operations
from ikmdesk.ui.passphrase_dialog import PassphraseDialog
from ikmdesk.ui.translations import install_language
from tests.sync.sync_helpers import add_enterprise, edit, introduce, make_node
from tests.ui.sync_page_driver import open_page
from tests.ui.test_no_internal_text import problems_in, shown_texts

SKIP = {"id", "created_at", "updated_at"}


def test_every_synced_table_and_column_has_a_name_in_both_languages():
    for model in SYNCED_MODELS:
        table = model.__table__
        assert table.name in ENTITY_NAMES
        for column in table.columns:
            if column.key not in SKIP:
                assert column.key in FIELD_NAMES, f"{table.name}.{column.key}"
    assert all(all(pair) for pair in (*ENTITY_NAMES.values(), *FIELD_NAMES.values()))


@pytest.fixture
def conflicted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A supervisor holding conflicts on an IKM's phone, halal date and kecamatan."""
    monkeypatch.setattr(dialogs, "show_error", lambda *_a: None)
    sup = make_node(tmp_path / "sup", "Bu Kasi", role="supervisor")
    off = make_node(tmp_path / "off", "Siti Rahmawati")
    introduce(sup, off)
    row = add_enterprise(off.db, "Keripik Pisang Selangkau")
    import_package(sup.db, export_package(off.db, tmp_path / "1.ikmsync").path)
    edit(
        off.db,
        Enterprise,
        row,
        phone="081254320000",
        halal_expires_on=date(2027, 1, 15),
        kecamatan_id=region_id("64.08.10"),
    )
    edit(
        sup.db,
        Enterprise,
        row,
        phone="081350001111",
        halal_expires_on=date(2027, 3, 1),
        kecamatan_id=region_id("64.08.16"),
    )
    import_package(sup.db, export_package(off.db, tmp_path / "2.ikmsync").path)
    yield sup
    wait_for_operations(10_000)
    sup.db.close()
    off.db.close()


def _rows(page) -> list[list[str]]:
    table = page.conflict_table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_conflict_list_names_record_field_values_and_people(qtbot, conflicted):
    page = open_page(qtbot, conflicted.db)
    qtbot.waitUntil(lambda: page.conflict_table.rowCount() == 3, timeout=30_000)
    rows = {row[1]: row for row in _rows(page)}
    assert set(rows) == {"Telepon", "Halal berlaku s.d.", "Kecamatan"}
    assert all(row[0] == "IKM Keripik Pisang Selangkau" for row in rows.values())
    assert {rows["Telepon"][2], rows["Telepon"][4]} == {"081254320000", "081350001111"}
    assert {rows["Halal berlaku s.d."][2], rows["Halal berlaku s.d."][4]} == {
        "15-01-2027",
        "01-03-2027",
    }
    assert {rows["Kecamatan"][2], rows["Kecamatan"][4]} == {"Kaliorang", "Karangan"}
    assert {rows["Telepon"][3], rows["Telepon"][5]} == {"Siti Rahmawati", "Bu Kasi"}
    assert problems_in(shown_texts(page)) == []


def test_the_conflict_list_in_english(qtbot, conflicted):
    install_language("en")
    page = open_page(qtbot, conflicted.db)
    qtbot.waitUntil(lambda: page.conflict_table.rowCount() == 3, timeout=30_000)
    fields = {row[1] for row in _rows(page)}
    assert fields == {"Phone", "Halal valid until", "Kecamatan"}
    problems = [p for p in problems_in(shown_texts(page)) if not p.startswith("an English role")]
    assert problems == []  # "(supervisor)" is the English window's own word


@pytest.mark.parametrize("choose", [True, False])
def test_the_passphrase_dialog_shows_no_internal_or_english_text(qtbot, choose):
    dialog = PassphraseDialog(
        None, file_name="ikmdesk-siti-2026-12-04.ikmsync", choose=choose, wrong=not choose
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase_edit, "kopi pagi")
    texts = [*shown_texts(dialog), dialog.windowTitle()]
    assert problems_in(texts) == []
    menu = dialog.edit_menu(dialog.passphrase_edit)
    words = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert words == ["Urungkan", "Ulang", "Potong", "Salin", "Tempel", "Hapus", "Pilih semua"]
    assert not any(w in " ".join(words) for w in ("Undo", "Paste", "Copy", "Select"))


def test_the_passphrase_menu_pastes_and_keeps_a_hidden_passphrase_from_being_copied(qtbot):
    dialog = PassphraseDialog(None, file_name="paket.ikmsync", choose=False)
    qtbot.addWidget(dialog)
    dialog.show()
    QGuiApplication.clipboard().setText("sandi dari catatan")
    menu = dialog.edit_menu(dialog.passphrase_edit)
    actions = {a.text().replace("&", ""): a for a in menu.actions() if not a.isSeparator()}
    actions["Tempel"].trigger()
    assert dialog.passphrase() == "sandi dari catatan"

    dialog.passphrase_edit.selectAll()
    menu = dialog.edit_menu(dialog.passphrase_edit)
    actions = {a.text().replace("&", ""): a for a in menu.actions() if not a.isSeparator()}
    assert not actions["Salin"].isEnabled() and not actions["Potong"].isEnabled()
    dialog.show_check.setChecked(True)
    assert dialog.passphrase_edit.echoMode() == QLineEdit.EchoMode.Normal
    menu = dialog.edit_menu(dialog.passphrase_edit)
    actions = {a.text().replace("&", ""): a for a in menu.actions() if not a.isSeparator()}
    assert actions["Salin"].isEnabled()
