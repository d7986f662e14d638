"""First run: the set-up dialog creates the identity and letterhead; the launcher's paths."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from sqlalchemy import select

from ikmdesk.blob_store import BlobStore
from ikmdesk.errors import DatabaseCorrupt
from ikmdesk.paths import blob_dir
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.device import has_identity, this_device
from ikmdesk.services.office_settings import get_office_settings
from ikmdesk.ui import dialogs
from ikmdesk.ui.app import Launcher
from ikmdesk.ui.main_window import MainWindow
from ikmdesk.ui.setup_dialog import CHOICE_CREATED, CHOICE_DEMO, SetupDialog
from tests.conftest import make_database


@pytest.fixture
def fresh_database(tmp_path: Path):
    db = open_data_file(tmp_path / "baru.db", create=True)
    yield db
    db.close()


def _dialog(qtbot, database) -> SetupDialog:
    dialog = SetupDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_first_run_through_the_keyboard_creates_the_identity(qtbot, fresh_database):
    dialog = _dialog(qtbot, fresh_database)
    form = dialog.officer_form
    form.role_combo.setFocus()
    qtbot.keyClick(form.role_combo, Qt.Key.Key_Down)
    assert form.role() == "supervisor"
    qtbot.keyClicks(form.name_edit, "Budi Santoso")
    qtbot.keyClicks(form.nip_edit, "198001012005011002")
    office = dialog.letterhead_form.office_edit
    office.selectAll()
    qtbot.keyClicks(office, "PEMERINTAH KABUPATEN KUTAI TIMUR")
    qtbot.keyClick(office, Qt.Key.Key_Return)
    qtbot.keyClicks(office, "DINAS PERINDUSTRIAN DAN PERDAGANGAN")
    dialog.letterhead_form.address_edit.clear()
    qtbot.keyClicks(dialog.letterhead_form.address_edit, "Jl. Soekarno-Hatta, Sangatta")

    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.choice == CHOICE_CREATED
    with fresh_database.unit_of_work() as session:
        device = this_device(session)
        settings = get_office_settings(session)
    assert (device.officer_name, device.role.value, device.nip) == (
        "Budi Santoso",
        "supervisor",
        "198001012005011002",
    )
    assert settings.office_lines == (
        "PEMERINTAH KABUPATEN KUTAI TIMUR",
        "DINAS PERINDUSTRIAN DAN PERDAGANGAN",
    )
    assert settings.address == "Jl. Soekarno-Hatta, Sangatta"


def test_a_bad_nip_is_explained_and_nothing_is_written(qtbot, fresh_database):
    dialog = _dialog(qtbot, fresh_database)
    qtbot.keyClicks(dialog.officer_form.name_edit, "Budi")
    qtbot.keyClicks(dialog.officer_form.nip_edit, "12345")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=10_000)

    assert dialog.error_label.text() == "NIP harus 18 angka (tanpa spasi atau titik)."
    assert dialog.isVisible() and dialog.choice is None
    assert dialog.officer_form.nip_edit.hasFocus()
    with fresh_database.unit_of_work() as session:
        assert not has_identity(session)


def test_logo_is_kept_with_the_data(qtbot, fresh_database, tmp_path, monkeypatch):
    logo = tmp_path / "logo.png"
    image = QImage(48, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#1565c0"))
    assert image.save(str(logo))
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: logo)

    dialog = _dialog(qtbot, fresh_database)
    qtbot.keyClicks(dialog.officer_form.name_edit, "Siti")
    qtbot.mouseClick(dialog.letterhead_form.logo_button, Qt.MouseButton.LeftButton)
    assert not dialog.letterhead_form.logo_preview.pixmap().isNull()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    with fresh_database.unit_of_work() as session:
        settings = get_office_settings(session)
    assert settings.logo_sha256 is not None
    stored = BlobStore(blob_dir(fresh_database.path)).read(settings.logo_sha256)
    assert stored == logo.read_bytes()


def test_a_file_that_is_no_image_is_refused_as_logo(qtbot, fresh_database, tmp_path, monkeypatch):
    fake = tmp_path / "logo.png"
    fake.write_text("bukan gambar")
    warned: list[str] = []
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: fake)
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: warned.append(text))
    dialog = _dialog(qtbot, fresh_database)
    qtbot.mouseClick(dialog.letterhead_form.logo_button, Qt.MouseButton.LeftButton)
    assert warned and "bukan gambar" in warned[0]
    assert dialog.letterhead_form.logo_file() is None


def test_demo_button_closes_without_writing(qtbot, fresh_database):
    dialog = _dialog(qtbot, fresh_database)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == CHOICE_DEMO
    with fresh_database.unit_of_work() as session:
        assert not has_identity(session)


def test_launcher_opens_the_window_on_a_ready_database(qtbot, tmp_path):
    path = tmp_path / "siap.db"
    make_database(path).close()
    launcher = Launcher(db=str(path), demo=False)
    try:
        assert launcher.start() is None
        assert isinstance(launcher.window, MainWindow)
        qtbot.addWidget(launcher.window)
        assert launcher.window.officer_label.text() == "Siti Rahmawati (petugas)"
    finally:
        launcher.close()


@pytest.mark.sqlite_only(reason="a corrupt SQLite file")
def test_launcher_reports_a_corrupt_file_and_exits_1(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "rusak.db"
    path.write_bytes(b"ini bukan basis data SQLite" * 100)
    shown: list[Exception] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, error: shown.append(error))
    launcher = Launcher(db=str(path), demo=False)
    assert launcher.start() == 1
    assert len(shown) == 1 and isinstance(shown[0], DatabaseCorrupt)
    launcher.close()


def test_launcher_builds_a_demo_database_and_removes_it_afterwards(qtbot):
    launcher = Launcher(db=None, demo=True, demo_enterprises=8, demo_visits=20)
    with qtbot.waitSignal(launcher.window_opened, timeout=60_000) as blocker:
        assert launcher.start() is None
    window = blocker.args[0]
    qtbot.addWidget(window)
    assert window.officer_label.text() == "Petugas Demo (petugas)"
    assert "DEMO" in window.windowTitle() and window.demo_label.isVisible()
    demo_dir = launcher.demo_dir
    assert demo_dir is not None and demo_dir.exists()
    launcher.close()
    assert not demo_dir.exists()


def test_launcher_on_a_new_file_runs_set_up_then_opens_the_window(qtbot, tmp_path, monkeypatch):
    def fill_and_save(dialog: SetupDialog) -> int:
        dialog.show()
        qtbot.keyClicks(dialog.officer_form.name_edit, "Rina Wulandari")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.choice == CHOICE_CREATED, timeout=10_000)
        return 1

    monkeypatch.setattr(SetupDialog, "exec", fill_and_save)
    launcher = Launcher(db=str(tmp_path / "pertama.db"), demo=False)
    try:
        assert launcher.start() is None
        qtbot.addWidget(launcher.window)
        assert launcher.window.officer_label.text() == "Rina Wulandari (petugas)"
    finally:
        launcher.close()


def test_launcher_exits_1_when_set_up_is_cancelled(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(SetupDialog, "exec", lambda dialog: 0)
    launcher = Launcher(db=str(tmp_path / "batal.db"), demo=False)
    assert launcher.start() == 1
    assert launcher.window is None
    launcher.close()


@pytest.mark.sqlite_only(reason="backs up the SQLite file on exit (a server: pg_dump)")
def test_closing_the_app_backs_up_the_database(qtbot, tmp_path):
    from ikmdesk.services.backup import list_backups

    path = tmp_path / "kerja.db"
    make_database(path).close()
    launcher = Launcher(db=str(path), demo=False)
    assert launcher.start() is None
    qtbot.addWidget(launcher.window)
    launcher.close()
    backups = list_backups(path)
    assert [b.reason for b in backups] == ["exit"]


@pytest.mark.sqlite_only(reason="the SQLite file's writer lock")
def test_launcher_refuses_a_database_another_window_has_open(qtbot, tmp_path, monkeypatch):
    from ikmdesk.errors import DatabaseInUse

    path = tmp_path / "dipakai.db"
    first = make_database(path)
    shown: list[Exception] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, error: shown.append(error))
    try:
        launcher = Launcher(db=str(path), demo=False)
        assert launcher.start() == 1
        assert len(shown) == 1 and isinstance(shown[0], DatabaseInUse)
        assert "sedang dipakai" in dialogs.translate_error(shown[0])
        launcher.close()
    finally:
        first.close()


def test_settings_page_saves_the_letterhead_and_signature(qtbot, database):
    from ikmdesk.ui.settings_page import SettingsPage

    page = SettingsPage(database)
    qtbot.addWidget(page)
    page.show()
    assert not page.has_unsaved_changes() and not page.save_button.isEnabled()
    assert page.name_value.text() == "Siti Rahmawati"

    qtbot.keyClicks(page.supervisor_name_edit, "Ir. Hendra Wijaya")
    qtbot.keyClicks(page.supervisor_nip_edit, "197502101999031004")
    assert page.has_unsaved_changes() and page.save_button.isEnabled()
    with qtbot.waitSignal(page.settings_saved, timeout=10_000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert not page.has_unsaved_changes()
    with database.unit_of_work() as session:
        stored = get_office_settings(session)
    assert (stored.supervisor_name, stored.supervisor_nip) == (
        "Ir. Hendra Wijaya",
        "197502101999031004",
    )


def test_settings_page_explains_a_bad_report_number_pattern(qtbot, database):
    from ikmdesk.ui.settings_page import SettingsPage

    page = SettingsPage(database)
    qtbot.addWidget(page)
    page.show()
    page.pattern_edit.selectAll()
    qtbot.keyClicks(page.pattern_edit, "LAPORAN/{year}")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error_label.isVisible(), timeout=10_000)
    assert "{seq}" in page.error_label.text()
    assert page.has_unsaved_changes()
    with database.unit_of_work() as session:
        assert get_office_settings(session).report_number_pattern != "LAPORAN/{year}"


def test_settings_page_corrects_the_officer_name_and_nip(qtbot, database):
    from ikmdesk.models import ChangeOp
    from ikmdesk.services.device import this_device
    from ikmdesk.ui.settings_page import SettingsPage

    page = SettingsPage(database)
    qtbot.addWidget(page)
    page.show()
    page.name_value.selectAll()
    qtbot.keyClicks(page.name_value, "Siti Rahmawati, S.TP")
    with qtbot.waitSignal(page.settings_saved, timeout=10_000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    with database.unit_of_work() as session:
        device = this_device(session)
        renamed = session.scalars(
            select(ChangeOp.value).where(
                ChangeOp.entity == "device", ChangeOp.field == "officer_name"
            )
        ).all()
    assert device.officer_name == "Siti Rahmawati, S.TP"
    assert renamed[-1] == "Siti Rahmawati, S.TP", "the correction travels in sync files"


def test_settings_page_refuses_a_bad_nip_and_keeps_the_old_one(qtbot, database):
    from ikmdesk.services.device import this_device
    from ikmdesk.ui.settings_page import SettingsPage

    page = SettingsPage(database)
    qtbot.addWidget(page)
    page.show()
    page.nip_value.selectAll()
    qtbot.keyClicks(page.nip_value, "12345")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error_label.isVisible(), timeout=10_000)
    assert "NIP" in page.error_label.text()
    with database.unit_of_work() as session:
        assert this_device(session).nip == "198703122010012003"


def _choose_server(qtbot, dialog: SetupDialog, url: str) -> None:
    place = dialog.place_form
    qtbot.mouseClick(place.server_radio, Qt.MouseButton.LeftButton)
    assert place.server_radio.isChecked() and place.url_edit.isEnabled()
    qtbot.keyClicks(place.url_edit, url)


def test_a_server_that_cannot_be_reached_is_explained_and_the_file_is_kept(qtbot, fresh_database):
    dialog = _dialog(qtbot, fresh_database)
    _choose_server(qtbot, dialog, "postgresql+psycopg://penyelia@127.0.0.1:1/ikmdesk")
    qtbot.keyClicks(dialog.officer_form.name_edit, "Budi")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    status = dialog.error_label
    qtbot.waitUntil(lambda: status.text().startswith("Tidak dapat"), timeout=20_000)

    assert status.isVisible() and dialog.place_form.status_label.text() == "Tidak tersambung."
    assert status.text().startswith(
        "Tidak dapat terhubung ke basis data di server "
        "postgresql+psycopg://penyelia@127.0.0.1:1/ikmdesk. Periksa alamat server"
    )
    assert dialog.isVisible() and dialog.choice is None
    assert dialog.database is fresh_database and dialog.save_button.isEnabled()
    with fresh_database.unit_of_work() as session:
        assert not has_identity(session)


def test_a_url_that_is_not_postgresql_is_refused_at_the_field(qtbot, fresh_database):
    dialog = _dialog(qtbot, fresh_database)
    _choose_server(qtbot, dialog, "mysql://penyelia@server/ikmdesk")

    qtbot.mouseClick(dialog.place_form.test_button, Qt.MouseButton.LeftButton)
    status = dialog.error_label
    qtbot.waitUntil(lambda: "postgresql+psycopg://pengguna@server" in status.text(), timeout=10_000)

    assert status.text().startswith("Alamat basis data server harus berbentuk")
    assert dialog.place_form.url_edit.hasFocus()


def test_the_error_is_shown_in_english_when_english_is_chosen(qtbot, fresh_database):
    from ikmdesk.ui.translations import install_language

    install_language("en")
    try:
        dialog = _dialog(qtbot, fresh_database)
        _choose_server(qtbot, dialog, "postgresql+psycopg://penyelia@127.0.0.1:1/ikmdesk")
        qtbot.mouseClick(dialog.place_form.test_button, Qt.MouseButton.LeftButton)
        status = dialog.error_label
        qtbot.waitUntil(lambda: "127.0.0.1:1" in status.text(), timeout=20_000)
        assert status.text().startswith("Cannot connect to the database on the server")
        assert dialog.place_form.test_button.text() == "&Test connection"
    finally:
        install_language("id")


def test_the_office_server_is_set_up_and_opened_from_the_dialog(
    qtbot, fresh_database, empty_server_url
):
    dialog = _dialog(qtbot, fresh_database)
    _choose_server(qtbot, dialog, empty_server_url)
    qtbot.mouseClick(dialog.place_form.test_button, Qt.MouseButton.LeftButton)
    status = dialog.place_form.status_label
    qtbot.waitUntil(lambda: status.text().startswith("Tersambung"), timeout=30_000)
    assert "masih kosong" in status.text()
    qtbot.keyClicks(dialog.officer_form.name_edit, "Budi Santoso")

    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    server = dialog.database
    try:
        assert dialog.choice == CHOICE_CREATED and server.url == empty_server_url
        with server.unit_of_work() as session:
            assert this_device(session).officer_name == "Budi Santoso"
        with fresh_database.unit_of_work() as session:
            assert not has_identity(session)
    finally:
        server.close()
    # A second laptop finds it set up: the dialog opens it without asking again.
    second = _dialog(qtbot, fresh_database)
    _choose_server(qtbot, second, empty_server_url)
    with qtbot.waitSignal(second.accepted, timeout=30_000):
        qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    try:
        with second.database.unit_of_work() as session:
            assert this_device(session).officer_name == "Budi Santoso"
    finally:
        second.database.close()
