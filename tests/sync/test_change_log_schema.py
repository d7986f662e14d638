"""The change log's stored shape: keyed by origin and counter, no rowid, one field index."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.schema import CreateTable

from ikmdesk.db import open_database
from ikmdesk.models import ChangeOp


def _schema(path: Path) -> tuple[str, set[str]]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        table_sql = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'change_log'"
        ).fetchone()[0]
        indexes = {
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'change_log'"
            )
        }
    return " ".join(table_sql.split()), indexes


def test_migrated_change_log_is_keyed_by_origin_and_counter_without_rowid(tmp_path: Path) -> None:
    open_database(tmp_path / "log.db", create=True).close()
    table_sql, indexes = _schema(tmp_path / "log.db")
    assert "PRIMARY KEY (device_id, counter)" in table_sql
    assert table_sql.endswith("WITHOUT ROWID")
    assert "op_id" not in table_sql
    assert indexes == {"ix_change_log_field"}


def test_model_creates_the_same_change_log_as_the_migration(tmp_path: Path) -> None:
    engine = create_engine("sqlite://")
    model_sql = " ".join(str(CreateTable(ChangeOp.__table__).compile(engine)).split())
    open_database(tmp_path / "log.db", create=True).close()
    table_sql, _indexes = _schema(tmp_path / "log.db")
    assert model_sql.endswith("WITHOUT ROWID")
    assert "PRIMARY KEY (device_id, counter)" in model_sql
    assert table_sql.endswith("WITHOUT ROWID")
