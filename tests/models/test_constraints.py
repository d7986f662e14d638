"""The schema itself refuses impossible data, whatever code path writes it (on both engines)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, Engine, inspect, select, text
from sqlalchemy.exc import IntegrityError

from ikmdesk.models import Enterprise, Visit
from ikmdesk.services.reference_data import cluster_id, region_id
from ikmdesk.sync.change_capture import TombstoneRequired

NOW = "2026-01-01 00:00:00"


def dump(engine: Engine) -> dict[str, list[str]]:
    """Return every row of every table, to compare before and after a refused write."""
    with engine.connect() as conn:
        return {
            name: sorted(map(repr, conn.exec_driver_sql(f'SELECT * FROM "{name}"')))
            for name in inspect(conn).get_table_names()
        }


def insert_enterprise(conn: Connection, **overrides: object) -> None:
    row: dict[str, object] = {
        "id": "e-test",
        "name": "Amplang Bahari",
        "kecamatan_id": region_id("64.08.04"),
        "cluster_id": cluster_id("pangan_olahan"),
        "status": "active",
        "halal_status": "none",
        "created_at": NOW,
        "updated_at": NOW,
        "deleted": False,
    }
    row.update(overrides)
    columns = ", ".join(row)
    marks = ", ".join(f":{name}" for name in row)
    conn.execute(text(f"INSERT INTO enterprise ({columns}) VALUES ({marks})"), row)


@pytest.fixture
def raw(database) -> Iterator[Connection]:
    """A plain connection of the database's engine (SQLite: foreign keys on), past the ORM."""
    with database.engine.connect() as conn:
        yield conn


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
    before = dump(database.engine)
    with pytest.raises(IntegrityError), raw.begin():
        insert_enterprise(raw, **overrides)
    assert dump(database.engine) == before


def test_enterprise_accepts_a_sixteen_digit_nik_and_a_location(database, raw) -> None:
    with raw.begin():
        insert_enterprise(raw, nik="6408011203850001", latitude=0.92, longitude=117.95)


@pytest.mark.parametrize(
    ("table", "sql"),
    [
        (
            "visit",
            "INSERT INTO visit (id, enterprise_id, visit_date, officer_id, purpose, status,"
            " revision, created_at, updated_at, deleted) VALUES ('v1', 'e-test', '2150-03-01',"
            " :device, 'mentoring', 'draft', 0, :now, :now, :no)",
        ),
        (
            "visit",
            "INSERT INTO visit (id, enterprise_id, visit_date, officer_id, purpose, status,"
            " revision, created_at, updated_at, deleted) VALUES ('v1', 'e-test', '2026-03-01',"
            " :device, 'picnic', 'draft', 0, :now, :now, :no)",
        ),
        (
            "visit",
            "INSERT INTO visit (id, enterprise_id, visit_date, officer_id, purpose, status,"
            " revision, created_at, updated_at, deleted) VALUES ('v1', 'e-test', '2026-03-01',"
            " :device, 'mentoring', 'lost', 0, :now, :now, :no)",
        ),
        (
            "attachment",
            "INSERT INTO attachment (id, sha256, mime_type, size_bytes, enterprise_id, product_id,"
            " created_at, updated_at, deleted) VALUES ('a1', :sha, 'image/jpeg', 10, 'e-test',"
            " 'p0', :now, :now, :no)",
        ),
        (
            "attachment",
            "INSERT INTO attachment (id, sha256, mime_type, size_bytes, created_at, updated_at,"
            " deleted) VALUES ('a1', :sha, 'image/jpeg', 10, :now, :now, :no)",
        ),
        (
            "attachment",
            "INSERT INTO attachment (id, sha256, mime_type, size_bytes, enterprise_id, created_at,"
            " updated_at, deleted) VALUES ('a1', 'abc', 'image/jpeg', 10, 'e-test', :now, :now,"
            " :no)",
        ),
        (
            "product",
            "INSERT INTO product (id, enterprise_id, name, shelf_life_days, created_at, updated_at,"
            " deleted) VALUES ('p1', 'e-test', 'Keripik', 0, :now, :now, :no)",
        ),
        (
            "follow_up",
            "INSERT INTO follow_up (id, visit_id, enterprise_id, action, due_date, created_at,"
            " updated_at, deleted) VALUES ('f1', 'no-visit', 'e-test', 'Perbaiki label',"
            " '2026-02-01', :now, :now, :no)",
        ),
    ],
)
def test_records_reject_impossible_values(database, device, raw, table, sql) -> None:
    with raw.begin():
        insert_enterprise(raw)
        raw.execute(
            text(
                "INSERT INTO product (id, enterprise_id, name, created_at, updated_at, deleted)"
                " VALUES ('p0', 'e-test', 'Amplang', :now, :now, :no)"
            ),
            {"now": NOW, "no": False},
        )
    before = dump(database.engine)
    params = {"device": device.id, "now": NOW, "sha": "a" * 64, "no": False}
    with pytest.raises(IntegrityError), raw.begin():
        raw.execute(text(sql), params)
    assert dump(database.engine) == before, table


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
