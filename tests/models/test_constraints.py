"""The schema itself refuses impossible data, whatever code path writes it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from ikmdesk.models import Enterprise, Visit
from ikmdesk.services.reference_data import cluster_id, region_id
from ikmdesk.sync.change_capture import TombstoneRequired

NOW = "2026-01-01 00:00:00"


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def insert_enterprise(conn: sqlite3.Connection, **overrides: object) -> None:
    row: dict[str, object] = {
        "id": "e-test",
        "name": "Amplang Bahari",
        "kecamatan_id": region_id("64.08.04"),
        "cluster_id": cluster_id("pangan_olahan"),
        "status": "active",
        "halal_status": "none",
        "created_at": NOW,
        "updated_at": NOW,
        "deleted": 0,
    }
    row.update(overrides)
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    conn.execute(f"INSERT INTO enterprise ({columns}) VALUES ({marks})", list(row.values()))


@pytest.fixture
def raw(database):
    conn = sqlite3.connect(database.path)
    conn.execute("PRAGMA foreign_keys = ON")
    yield conn
    conn.close()


@pytest.mark.parametrize(
    "overrides",
    [
        {"nik": "640801234567890"},  # 15 digits
        {"nik": "64080123456789012"},  # 17 digits
        {"nik": "6408O12345678901"},  # letter O
        {"latitude": 91.0, "longitude": 117.0},
        {"latitude": 0.5, "longitude": -181.0},
        {"latitude": 0.5},  # latitude without longitude
        {"workers": -1},
        {"halal_expires_on": "2205-01-01"},
        {"status": "bankrupt"},
        {"halal_status": "maybe"},
        {"name": ""},
        {"cluster_id": "no-such-cluster"},
        {"kecamatan_id": None},
    ],
)
def test_enterprise_rejects_impossible_values(database, raw, overrides) -> None:
    before = dump(database.path)
    with pytest.raises(sqlite3.IntegrityError):
        insert_enterprise(raw, **overrides)
        raw.commit()
    raw.rollback()
    assert dump(database.path) == before


def test_enterprise_accepts_a_sixteen_digit_nik_and_a_location(database, raw) -> None:
    insert_enterprise(raw, nik="6408011203850001", latitude=0.92, longitude=117.95)
    raw.commit()


@pytest.mark.parametrize(
    ("table", "sql"),
    [
        (
            "visit",
            "INSERT INTO visit (id, enterprise_id, visit_date, officer_id, purpose, status,"
            " revision, created_at, updated_at, deleted) VALUES ('v1', 'e-test', '2150-03-01',"
            " :device, 'mentoring', 'draft', 0, :now, :now, 0)",
        ),
        (
            "visit",
            "INSERT INTO visit (id, enterprise_id, visit_date, officer_id, purpose, status,"
            " revision, created_at, updated_at, deleted) VALUES ('v1', 'e-test', '2026-03-01',"
            " :device, 'picnic', 'draft', 0, :now, :now, 0)",
        ),
        (
            "visit",
            "INSERT INTO visit (id, enterprise_id, visit_date, officer_id, purpose, status,"
            " revision, created_at, updated_at, deleted) VALUES ('v1', 'e-test', '2026-03-01',"
            " :device, 'mentoring', 'lost', 0, :now, :now, 0)",
        ),
        (
            "attachment",
            "INSERT INTO attachment (id, sha256, mime_type, size_bytes, enterprise_id, product_id,"
            " created_at, updated_at, deleted) VALUES ('a1', :sha, 'image/jpeg', 10, 'e-test',"
            " 'p0', :now, :now, 0)",
        ),
        (
            "attachment",
            "INSERT INTO attachment (id, sha256, mime_type, size_bytes, created_at, updated_at,"
            " deleted) VALUES ('a1', :sha, 'image/jpeg', 10, :now, :now, 0)",
        ),
        (
            "attachment",
            "INSERT INTO attachment (id, sha256, mime_type, size_bytes, enterprise_id, created_at,"
            " updated_at, deleted) VALUES ('a1', 'abc', 'image/jpeg', 10, 'e-test', :now, :now, 0)",
        ),
        (
            "product",
            "INSERT INTO product (id, enterprise_id, name, shelf_life_days, created_at, updated_at,"
            " deleted) VALUES ('p1', 'e-test', 'Keripik', 0, :now, :now, 0)",
        ),
        (
            "follow_up",
            "INSERT INTO follow_up (id, visit_id, enterprise_id, action, due_date, created_at,"
            " updated_at, deleted) VALUES ('f1', 'no-visit', 'e-test', 'Perbaiki label',"
            " '2026-02-01', :now, :now, 0)",
        ),
    ],
)
def test_records_reject_impossible_values(database, device, raw, table, sql) -> None:
    insert_enterprise(raw)
    raw.execute(
        "INSERT INTO product (id, enterprise_id, name, created_at, updated_at, deleted)"
        " VALUES ('p0', 'e-test', 'Amplang', ?, ?, 0)",
        (NOW, NOW),
    )
    raw.commit()
    before = dump(database.path)
    params = {"device": device.id, "now": NOW, "sha": "a" * 64}
    with pytest.raises(sqlite3.IntegrityError):
        raw.execute(sql, params)
        raw.commit()
    raw.rollback()
    assert dump(database.path) == before, table


def test_synced_records_cannot_be_hard_deleted(database) -> None:
    with database.unit_of_work() as session:
        session.add(
            Enterprise(
                name="Kakao Karangan",
                kecamatan_id=region_id("64.08.16"),
                cluster_id=cluster_id("kakao"),
            )
        )
    with pytest.raises(TombstoneRequired), database.unit_of_work() as session:
        session.delete(session.scalars(select(Enterprise)).one())
    with database.unit_of_work() as session:
        enterprise = session.scalars(select(Enterprise)).one()
        assert not enterprise.deleted
        assert session.scalars(select(Visit)).all() == []
