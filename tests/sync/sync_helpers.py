"""Small helpers the sync tests share: devices that know each other, records, state dumps."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ikmdesk.db import Database
from ikmdesk.models import SYNCED_MODELS, ChangeOp, Cluster, Enterprise, Region
from ikmdesk.services.device import DeviceInfo, this_device
from ikmdesk.services.sync_service import ImportResult, export_package, import_package
from ikmdesk.services.sync_trust import key_card, read_key_card, trust_peer
from tests.conftest import make_database

NIK = "6408011203870003"
PHONE = "081254321987"
OWNER = "Hajjah Nurhayati Binti Abdullah"


@dataclass
class Node:
    """A device in a test: its open database and identity."""

    db: Database
    info: DeviceInfo
    folder: Path

    @property
    def id(self) -> str:
        return self.info.id


def make_node(folder: Path, name: str, *, role: str = "officer") -> Node:
    folder.mkdir(parents=True, exist_ok=True)
    db = make_database(folder / "ikmdesk.db", role=role, name=name)
    with db.unit_of_work() as session:
        info = this_device(session)
    return Node(db, info, folder)


def introduce(a: Node, b: Node) -> None:
    """Make two devices trust each other, as exchanging key cards does."""
    for left, right in ((a, b), (b, a)):
        card = left.folder / "card.json"
        card.write_text(json.dumps(key_card(left.info)), encoding="utf-8")
        with right.db.unit_of_work() as session:
            trust_peer(session, read_key_card(card))


def send(a: Node, b: Node, out: Path, **kwargs: Any) -> Path:
    kwargs.setdefault("to", b.id)
    export_package(a.db, out, **kwargs)
    return out


def receive(b: Node, path: Path, **kwargs: Any) -> ImportResult:
    return import_package(b.db, path, **kwargs)


class Stick:
    """A USB stick carrying packages between devices, one numbered file per exchange."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(exist_ok=True)
        self.folder, self.count = folder, 0

    def carry(self, source: Node, target: Node, **kwargs: Any) -> None:
        self.count += 1
        receive(target, send(source, target, self.folder / f"p{self.count}.ikmsync", **kwargs))

    def everyone(self, sup: Node, officers: list[Node], **kwargs: Any) -> None:
        """Two rounds of every officer to the supervisor and back: everyone holds everything."""
        for _round in range(2):
            for officer in officers:
                self.carry(officer, sup, **kwargs)
            for officer in officers:
                self.carry(sup, officer, **kwargs)


def reference_ids(db: Database) -> tuple[str, str]:
    with db.unit_of_work() as session:
        region = session.scalars(select(Region.id).order_by(Region.code)).first()
        cluster = session.scalars(select(Cluster.id).order_by(Cluster.code)).first()
    assert region and cluster
    return region, cluster


def add_enterprise(db: Database, name: str = "Keripik Pisang Sangatta", **fields: Any) -> str:
    region, cluster = reference_ids(db)
    with db.unit_of_work() as session:
        enterprise = Enterprise(
            name=name,
            owner_name=OWNER,
            nik=NIK,
            phone=PHONE,
            kecamatan_id=region,
            cluster_id=cluster,
            **fields,
        )
        session.add(enterprise)
        session.flush()
        return enterprise.id


def edit(db: Database, model: type, row_id: str, **fields: Any) -> None:
    with db.unit_of_work() as session:
        obj = session.get_one(model, row_id)
        for key, value in fields.items():
            setattr(obj, key, value)


def content(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Return every synced row (without the local ``updated_at``), sorted by id."""
    result: dict[str, list[tuple[Any, ...]]] = {}
    with db.engine.connect() as connection:
        for model in SYNCED_MODELS:
            table = model.__table__
            cols = [c for c in table.columns if c.key != "updated_at"]
            rows = connection.execute(select(*cols).order_by(table.c.id)).all()
            result[table.name] = [tuple(r) for r in rows]
    return result


def op_ids(db: Database) -> set[str]:
    with db.engine.connect() as connection:
        return {
            f"{device_id}:{counter}"
            for device_id, counter in connection.execute(
                select(ChangeOp.device_id, ChangeOp.counter)
            )
        }


def file_digest(path: Path) -> str:
    """Return a digest of the database file and its WAL, to prove nothing was written."""
    digest = hashlib.sha256()
    for candidate in (path, path.with_name(path.name + "-wal")):
        if candidate.exists():
            digest.update(candidate.read_bytes())
    return digest.hexdigest()


def dump(db: Database) -> list[str]:
    """Return the database as SQL text (what ``iterdump`` sees), ignoring nothing."""
    import contextlib
    import sqlite3

    with contextlib.closing(sqlite3.connect(db.path)) as conn:
        return list(conn.iterdump())


TODAY = date(2026, 11, 2)
