"""Every insert, update and tombstone of every synced model leaves ops in the same transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from ikmdesk.db import Database
from ikmdesk.models import SYNCED_MODELS, ChangeOp
from ikmdesk.services.device import DeviceInfo
from tests.sync.records import EDITS, one_of_each

TABLES = sorted(model.__table__.name for model in SYNCED_MODELS)


def _ops(database: Database, entity: str, row_id: str) -> list[tuple[str, object]]:
    with database.unit_of_work() as session:
        return [
            (op.field, op.value)
            for op in session.scalars(
                select(ChangeOp)
                .where(ChangeOp.entity == entity, ChangeOp.row_id == row_id)
                .order_by(ChangeOp.counter)
            )
        ]


def _op_count(database: Database) -> int:
    with database.unit_of_work() as session:
        return int(session.scalar(select(func.count()).select_from(ChangeOp)) or 0)


def test_the_edit_table_covers_every_synced_model() -> None:
    assert sorted(EDITS) == TABLES


@pytest.fixture
def records(database: Database, device: DeviceInfo) -> dict[str, tuple[type, str]]:
    with database.unit_of_work() as session:
        made = one_of_each(session, device.id)
        return {table: (type(obj), obj.id) for table, obj in made.items()}


@pytest.mark.parametrize("table", TABLES)
def test_insert_writes_an_op_per_set_field(database: Database, records, table: str) -> None:
    model, row_id = records[table]
    fields = dict(_ops(database, table, row_id))
    with database.unit_of_work() as session:
        obj = session.get_one(model, row_id)
        expected = {
            column.key
            for column in model.__table__.columns
            if column.key not in ("id", "updated_at", "deleted")
            and getattr(obj, column.key) is not None
        }
    assert set(fields) == expected
    assert "created_at" in fields


@pytest.mark.parametrize("table", TABLES)
def test_update_writes_an_op_for_the_changed_field(database: Database, records, table: str) -> None:
    model, row_id = records[table]
    field, value = EDITS[table]
    with database.unit_of_work() as session:
        setattr(session.get_one(model, row_id), field, value)
    last_field, last_value = _ops(database, table, row_id)[-1]
    assert last_field == field
    assert last_value == (value.isoformat() if hasattr(value, "isoformat") else value)


@pytest.mark.parametrize("table", TABLES)
def test_tombstone_writes_a_deleted_op(database: Database, records, table: str) -> None:
    model, row_id = records[table]
    with database.unit_of_work() as session:
        session.get_one(model, row_id).deleted = True
    assert _ops(database, table, row_id)[-1] == ("deleted", True)


@pytest.mark.parametrize("table", TABLES)
def test_rolled_back_changes_leave_no_ops(database: Database, records, table: str) -> None:
    model, row_id = records[table]
    field, value = EDITS[table]
    before = _op_count(database)
    with pytest.raises(RuntimeError), database.unit_of_work() as session:
        obj = session.get_one(model, row_id)
        setattr(obj, field, value)
        obj.deleted = True
        session.flush()
        assert _op_count_in(session) > before  # the ops were there inside the transaction
        raise RuntimeError("user cancelled")
    assert _op_count(database) == before
    with database.unit_of_work() as session:
        assert session.get_one(model, row_id).deleted is False


def _op_count_in(session) -> int:
    return int(session.scalar(select(func.count()).select_from(ChangeOp)) or 0)


def test_rolled_back_inserts_leave_no_ops(database: Database, device: DeviceInfo) -> None:
    before = _op_count(database)
    with pytest.raises(RuntimeError), database.unit_of_work() as session:
        one_of_each(session, device.id)
        raise RuntimeError("power cut")
    assert _op_count(database) == before


def test_every_new_database_gets_change_capture(tmp_path) -> None:
    # Regression: install() once trusted SQLAlchemy's id()-keyed event registry, so a new
    # session factory reusing a collected one's id was left without change capture.
    import gc

    from ikmdesk.models import LocalIdentity
    from tests.conftest import make_database

    for number in range(20):
        db = make_database(tmp_path / f"db{number}.db")
        with db.unit_of_work() as session:
            assert session.scalars(select(LocalIdentity.op_counter)).one() > 0
        db.close()
        del db
        gc.collect()
