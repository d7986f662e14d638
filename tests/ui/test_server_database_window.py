"""The window on a server database: its backup and restore actions point to the server's tools."""

from __future__ import annotations

import pytest

from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.device import create_identity
from ikmdesk.ui import dialogs
from ikmdesk.ui.main_window import MainWindow


@pytest.fixture
def server_window(qtbot, empty_server_url, monkeypatch):
    database = open_data_file(empty_server_url, create=True)
    with database.unit_of_work() as session:
        create_identity(session, role="supervisor", officer_name="Budi Santoso", nip=None)
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append((title, text)))
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: pytest.fail("nothing to confirm"))
    monkeypatch.setattr(dialogs, "choose_folder", lambda *a, **k: pytest.fail("no folder asked"))
    window = MainWindow(database)
    qtbot.addWidget(window)
    yield window, told
    window.close()
    window.database.close()


def test_backup_on_a_server_database_points_to_pg_dump(server_window) -> None:
    window, told = server_window

    window.backup_database()

    assert len(told) == 1
    assert told[0][1].endswith("Cadangkan di server dengan pg_dump.")
    assert "postgresql+psycopg://" in told[0][1]


def test_restore_on_a_server_database_points_to_pg_restore(server_window, tmp_path) -> None:
    window, told = server_window
    before = window.database

    window.restore_backup(str(tmp_path / "cadangan.db"))

    assert len(told) == 1 and "pg_restore" in told[0][1]
    assert window.database is before  # nothing closed or reopened


def test_a_photo_one_laptop_adds_shows_in_the_other_laptops_photo_list(
    qtbot, empty_server_url, tmp_path, monkeypatch
) -> None:
    from PySide6.QtCore import Qt

    from ikmdesk.blob_store import BlobStore
    from ikmdesk.db import open_server_database
    from ikmdesk.paths import blob_dir
    from ikmdesk.ui.photo_widget import PhotoWidget
    from tests.services.test_attachment import photo_bytes
    from tests.ui.test_photo_widget import make_visit

    first = open_data_file(empty_server_url, create=True)
    with first.unit_of_work() as session:
        create_identity(session, role="supervisor", officer_name="Budi Santoso", nip=None)
    (tmp_path / "laptop-b").mkdir()
    second = open_server_database(empty_server_url, local_path=tmp_path / "laptop-b" / "ikm.db")
    widgets = []
    try:
        enterprise_id, visit_id = make_visit(first)
        picture = tmp_path / "dapur.jpg"
        picture.write_bytes(photo_bytes(gps=None))
        monkeypatch.setattr(dialogs, "open_files", lambda *_args: [picture])
        for database in (first, second):
            widget = PhotoWidget(database)
            qtbot.addWidget(widget)
            widget.set_visit(visit_id, enterprise_id)
            widget.show()
            widgets.append(widget)
        qtbot.mouseClick(widgets[0].add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: widgets[0].photo_list.count() == 1, timeout=10_000)
        widgets[1].refresh()  # the other laptop looks again
        qtbot.waitUntil(lambda: widgets[1].photo_list.count() == 1, timeout=10_000)
        qtbot.waitUntil(lambda: not widgets[1].photo_list.item(0).icon().isNull(), timeout=10_000)
        assert len(list(BlobStore(blob_dir(second.path)).root.glob("??/*"))) == 1
    finally:
        for widget in widgets:
            widget.close()
        second.close()
        first.close()
