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
