"""After a large import the database reads as fast as after a restart (issue 10, item 8)."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from ikmdesk.services import sync_service
from tests.sync.sync_helpers import add_enterprise, introduce, make_node, receive, send


@pytest.mark.sqlite_only(reason="reads the SQLite file's write-ahead log and sqlite_stat1")
def test_a_large_import_refreshes_statistics_and_folds_the_log_back(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(sync_service, "STATISTICS_AFTER_OPS", 50)
    supervisor = make_node(tmp_path / "sup", "Ir. Hendra Wijaya", role="supervisor")
    officer = make_node(tmp_path / "off", "Siti Rahmawati")
    try:
        introduce(supervisor, officer)
        for n in range(8):
            add_enterprise(officer.db, f"Keripik Pisang Kaliorang {n}")
        result = receive(supervisor, send(officer, supervisor, tmp_path / "p.ikmsync"))
        assert result.applied >= 50
        path = supervisor.folder / "ikmdesk.db"
        wal = path.with_name(path.name + "-wal")
        # still open, as the window keeps it: the log is folded back, the statistics fresh
        assert not wal.exists() or wal.stat().st_size == 0
        with contextlib.closing(sqlite3.connect(path)) as conn:
            tables = {row[0] for row in conn.execute("SELECT tbl FROM sqlite_stat1")}
        assert {"enterprise", "change_log"} <= tables
    finally:
        supervisor.db.close()
        officer.db.close()
