"""Change-log values are stored as the JSON text SQLAlchemy's JSON type writes, on every path."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from ikmdesk.models import Enterprise
from tests.sync.sync_helpers import add_enterprise, edit, introduce, make_node, receive, send


def _log(path: Path, device_id: str) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return conn.execute(
            "SELECT device_id, counter, entity, row_id, field, value, hlc FROM change_log "
            "WHERE device_id = ? ORDER BY counter",
            (device_id,),
        ).fetchall()


@pytest.mark.sqlite_only(reason="reads the change log's stored bytes from the SQLite file")
def test_received_ops_are_stored_with_the_senders_exact_text(tmp_path: Path) -> None:
    sup = make_node(tmp_path / "sup", "Bu Kasi", role="supervisor")
    officer = make_node(tmp_path / "a", "Siti")
    introduce(sup, officer)
    row_id = add_enterprise(officer.db, name='Amplang "Bu Ida" — Sangatta ✓', address=None)
    edit(
        officer.db,
        Enterprise,
        row_id,
        name="Kerupuk\u2028Ikan\\Pipih",
        workers=7,
        latitude=0.5869,
        longitude=117.4875,
        halal_issued_on=date(2025, 3, 1),
        address="Jl. Yos Sudarso",
    )
    edit(officer.db, Enterprise, row_id, address=None)
    receive(sup, send(officer, sup, tmp_path / "up.ikmsync"))
    sent = _log(officer.db.path, officer.id)
    stored = _log(sup.db.path, officer.id)
    officer.db.close()
    sup.db.close()
    assert stored == sent
    assert {"workers", "latitude", "halal_issued_on"} <= {row[4] for row in stored}
    assert any(row[4] == "address" and row[5] is None for row in stored)  # JSON null as NULL
    values = [value for *_head, value, _hlc in stored if value is not None]
    assert any("\\u2014" in str(value) for value in values)  # ASCII-escaped, as json.dumps does
    # (Numbers read back as numbers: the JSON column has NUMERIC affinity in SQLite.)
    assert [v for v in values if str(v) != json.dumps(json.loads(str(v)))] == []
