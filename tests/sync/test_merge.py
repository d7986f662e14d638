"""Merging: the greatest HLC wins per field, concurrent losers are kept, nothing is revived."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from ikmdesk.models import ChangeOp, Enterprise, LocalIdentity
from ikmdesk.services.sync_review import (
    keep_current_value,
    list_conflicts,
    restore_other_value,
)
from tests.sync.sync_helpers import (
    Node,
    add_enterprise,
    content,
    edit,
    op_ids,
    receive,
    send,
)


def _field_hlc(node: Node, row_id: str, field: str) -> dict[str, str]:
    with node.db.unit_of_work() as session:
        return {
            op.device_id: op.hlc
            for op in session.scalars(
                select(ChangeOp).where(ChangeOp.row_id == row_id, ChangeOp.field == field)
            )
        }


def _name(node: Node, row_id: str) -> str:
    with node.db.unit_of_work() as session:
        return session.get_one(Enterprise, row_id).name


def _sync_all(trio, tmp_path: Path, rounds: int = 2) -> None:
    sup, a, b = trio
    for n in range(rounds):
        for officer in (a, b):
            receive(sup, send(officer, sup, tmp_path / f"up-{officer.id[:4]}-{n}.ikmsync"))
        for officer in (a, b):
            receive(officer, send(sup, officer, tmp_path / f"down-{officer.id[:4]}-{n}.ikmsync"))


def test_concurrent_edits_converge_and_the_loser_is_kept_on_every_device(trio, tmp_path):
    sup, a, b = trio
    row = add_enterprise(a.db, "Keripik Awal")
    _sync_all(trio, tmp_path, rounds=1)
    edit(a.db, Enterprise, row, name="Keripik dari Siti")
    edit(b.db, Enterprise, row, name="Keripik dari Rahmat")
    (tmp_path / "x").mkdir()
    _sync_all(trio, tmp_path / "x", rounds=2)

    hlcs = _field_hlc(a, row, "name")
    winner = "Keripik dari Siti" if hlcs[a.id] > hlcs[b.id] else "Keripik dari Rahmat"
    loser = "Keripik dari Rahmat" if winner == "Keripik dari Siti" else "Keripik dari Siti"
    assert {_name(n, row) for n in trio} == {winner}
    assert content(sup.db) == content(a.db) == content(b.db)
    for node in trio:
        with node.db.unit_of_work() as session:
            conflicts = [c for c in list_conflicts(session) if c.field == "name"]
        assert len(conflicts) == 1
        (conflict,) = conflicts
        assert (conflict.kept_value, conflict.other_value) == (winner, loser)
        assert {conflict.kept_officer, conflict.other_officer} == {"Siti", "Rahmat"}
        assert conflict.other_at <= conflict.kept_at


def test_an_edit_made_after_seeing_another_is_no_conflict(trio, tmp_path):
    _sup, a, b = trio
    row = add_enterprise(a.db, "Keripik Awal")
    _sync_all(trio, tmp_path, rounds=1)
    edit(b.db, Enterprise, row, name="Dikoreksi Rahmat")
    (tmp_path / "x").mkdir()
    _sync_all(trio, tmp_path / "x", rounds=1)
    edit(a.db, Enterprise, row, name="Dikoreksi lagi oleh Siti")
    (tmp_path / "y").mkdir()
    _sync_all(trio, tmp_path / "y", rounds=2)
    assert {_name(n, row) for n in trio} == {"Dikoreksi lagi oleh Siti"}
    for node in trio:
        with node.db.unit_of_work() as session:
            assert list_conflicts(session) == []


def test_an_edit_to_a_record_deleted_concurrently_is_kept_as_a_conflict_and_restorable(
    trio, tmp_path
):
    sup, a, b = trio
    row = add_enterprise(a.db, "Keripik Awal")
    _sync_all(trio, tmp_path, rounds=1)
    edit(a.db, Enterprise, row, deleted=True)
    edit(b.db, Enterprise, row, notes="Sudah punya NIB")
    (tmp_path / "x").mkdir()
    _sync_all(trio, tmp_path / "x", rounds=2)
    for node in trio:
        with node.db.unit_of_work() as session:
            record = session.get_one(Enterprise, row)
            assert record.deleted is True  # not silently revived
            assert record.notes == "Sudah punya NIB"  # the edit is not dropped
            (conflict,) = list_conflicts(session)
            assert conflict.kind == "deleted"
            assert conflict.other_officer == "Rahmat" and conflict.kept_officer == "Siti"

    with sup.db.unit_of_work() as session:
        restore_other_value(session, list_conflicts(session)[0].id)
    (tmp_path / "y").mkdir()
    _sync_all(trio, tmp_path / "y", rounds=1)
    for node in trio:
        with node.db.unit_of_work() as session:
            assert session.get_one(Enterprise, row).deleted is False
            assert list_conflicts(session) == []


def test_restoring_the_other_value_is_an_edit_that_reaches_every_device(trio, tmp_path):
    sup, a, b = trio
    row = add_enterprise(a.db, "Keripik Awal")
    _sync_all(trio, tmp_path, rounds=1)
    edit(a.db, Enterprise, row, name="Nama A")
    edit(b.db, Enterprise, row, name="Nama B")
    (tmp_path / "x").mkdir()
    _sync_all(trio, tmp_path / "x", rounds=2)
    with sup.db.unit_of_work() as session:
        (conflict,) = list_conflicts(session)
        restore_other_value(session, conflict.id)
    restored = conflict.other_value
    (tmp_path / "y").mkdir()
    _sync_all(trio, tmp_path / "y", rounds=1)
    assert {_name(n, row) for n in trio} == {restored}
    for node in trio:
        with node.db.unit_of_work() as session:
            assert list_conflicts(session) == []


def test_keeping_the_current_value_closes_the_conflict_everywhere(trio, tmp_path):
    sup, a, b = trio
    row = add_enterprise(a.db, "Keripik Awal")
    _sync_all(trio, tmp_path, rounds=1)
    edit(a.db, Enterprise, row, name="Nama A")
    edit(b.db, Enterprise, row, name="Nama B")
    (tmp_path / "x").mkdir()
    _sync_all(trio, tmp_path / "x", rounds=2)
    before = _name(sup, row)
    with sup.db.unit_of_work() as session:
        keep_current_value(session, list_conflicts(session)[0].id)
    (tmp_path / "y").mkdir()
    _sync_all(trio, tmp_path / "y", rounds=1)
    assert {_name(n, row) for n in trio} == {before}
    for node in trio:
        with node.db.unit_of_work() as session:
            assert list_conflicts(session) == []


def test_import_writes_no_local_ops_and_later_local_edits_order_after_it(trio, tmp_path):
    sup, a, _b = trio
    row = add_enterprise(a.db, "Keripik Awal")
    with sup.db.unit_of_work() as session:
        counter_before = session.scalars(select(LocalIdentity.op_counter)).one()
    receive(sup, send(a, sup, tmp_path / "p.ikmsync"))
    with sup.db.unit_of_work() as session:
        assert session.scalars(select(LocalIdentity.op_counter)).one() == counter_before
        assert not session.scalars(
            select(ChangeOp).where(ChangeOp.device_id == sup.id, ChangeOp.row_id == row)
        ).all()
    edit(sup.db, Enterprise, row, name="Diubah kepala seksi")
    hlcs = _field_hlc(sup, row, "name")
    assert hlcs[sup.id] > hlcs[a.id]


def test_reimporting_the_same_ops_in_a_new_package_changes_nothing(trio, tmp_path):
    sup, a, _b = trio
    add_enterprise(a.db, "Keripik Awal")
    receive(sup, send(a, sup, tmp_path / "1.ikmsync"))
    before = (content(sup.db), op_ids(sup.db))
    result = receive(sup, send(a, sup, tmp_path / "2.ikmsync", full=True))
    assert result.applied == 0 and result.already_known > 0 and not result.already_imported
    assert (content(sup.db), op_ids(sup.db)) == before
    again = receive(sup, tmp_path / "2.ikmsync")
    assert again.already_imported
