"""Reference data every database starts with: the regency's kecamatan and the clusters.

Seeded rows get ids derived from their codes and a fixed creation time, so every device
holds identical rows without sending them to each other; later edits to them do sync.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from ikmdesk.models import Cluster, Region, stable_id
from ikmdesk.models.enums import RegionLevel
from ikmdesk.resource import resource_path
from ikmdesk.sync.change_capture import CAPTURE_OFF

SEED_TIME = datetime(2025, 1, 1, tzinfo=UTC)


def region_id(code: str) -> str:
    """Return the id every device gives the region with this Kemendagri code."""
    return stable_id("region", code)


def cluster_id(code: str) -> str:
    """Return the id every device gives the cluster with this code."""
    return stable_id("cluster", code)


def seed_reference_data(session: Session) -> None:
    """Insert the shipped kecamatan and clusters into a new database."""
    kecamatan = _load("kecamatan.json")["kecamatan"]
    clusters = _load("clusters.json")["clusters"]
    session.info[CAPTURE_OFF] = True
    try:
        session.execute(insert(Region), [_region_row(k) for k in kecamatan])
        session.execute(insert(Cluster), [_cluster_row(c) for c in clusters])
    finally:
        session.info.pop(CAPTURE_OFF, None)


def _load(name: str) -> dict[str, Any]:
    return json.loads(resource_path("seed", name).read_text(encoding="utf-8"))


def _region_row(entry: dict[str, str]) -> dict[str, Any]:
    return {
        "id": region_id(entry["code"]),
        "level": RegionLevel.KECAMATAN,
        "code": entry["code"],
        "name": entry["name"],
        "created_at": SEED_TIME,
        "updated_at": SEED_TIME,
        "deleted": False,
    }


def _cluster_row(entry: dict[str, str]) -> dict[str, Any]:
    return {
        "id": cluster_id(entry["code"]),
        "code": entry["code"],
        "name_id": entry["name_id"],
        "name_en": entry["name_en"],
        "created_at": SEED_TIME,
        "updated_at": SEED_TIME,
        "deleted": False,
    }
