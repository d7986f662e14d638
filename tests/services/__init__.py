"""Service tests; the helpers below read the database file the way an outside tool would."""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text

from ikmdesk.db import Database
from ikmdesk.services.reference_data import cluster_id, region_id


def data_checksum(path: Path) -> str:
    """Return a SHA-256 over every table's rows (and the schema) of the database file."""
    digest = hashlib.sha256()
    with contextlib.closing(sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True)) as conn:
        for line in conn.iterdump():
            digest.update(line.encode("utf-8"))
    return digest.hexdigest()


def checksum(database: Database) -> str:
    """Return ``data_checksum`` of the database's file ("nothing was saved": it is unchanged)."""
    if not database.is_file:
        return _server_checksum(database)
    return data_checksum(database.path)


def _server_checksum(database: Database) -> str:
    digest = hashlib.sha256()
    with database.engine.connect() as connection:
        for table in sorted(inspect(connection).get_table_names()):
            rows = connection.execute(text(f'SELECT * FROM "{table}"')).fetchall()
            for row in sorted(repr(tuple(r)) for r in rows):
                digest.update(f"{table}:{row}".encode())
    return digest.hexdigest()


def change_ops(db: Database, entity: str, row_id: str) -> list[tuple[str, Any]]:
    """Return the (field, value) ops the change log holds for one record, oldest first."""
    query = (
        "SELECT field, CAST(value AS TEXT) FROM change_log WHERE entity = :entity "
        "AND row_id = :row_id ORDER BY counter"
    )
    if not db.is_file:
        with db.engine.connect() as connection:
            rows = connection.execute(text(query), {"entity": entity, "row_id": row_id}).all()
        # A null value may be stored as SQL NULL rather than the JSON text "null".
        return [(field, None if value is None else json.loads(value)) for field, value in rows]
    with contextlib.closing(sqlite3.connect(f"{Path(db.path).as_uri()}?mode=ro", uri=True)) as conn:
        rows = conn.execute(
            "SELECT field, value FROM change_log WHERE entity = ? AND row_id = ? ORDER BY counter",
            (entity, row_id),
        ).fetchall()
    # The JSON column has NUMERIC affinity in SQLite, so numbers come back already decoded.
    return [
        (field, json.loads(value) if isinstance(value, str) else value) for field, value in rows
    ]


@dataclass(frozen=True)
class Places:
    """Ids of seeded reference data the tests use."""

    sangatta_utara: str = region_id("64.08.04")
    kaliorang: str = region_id("64.08.10")
    pisang: str = cluster_id("pisang")
    kakao: str = cluster_id("kakao")
    pangan_olahan: str = cluster_id("pangan_olahan")


PLACES = Places()
