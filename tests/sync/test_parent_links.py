"""Parent links merge deterministically: no package is refused for individually valid ops
around a foreign key, and the losing side stays reviewable (issue 10 items 2 and 5).

Real devices exchange real packages: a supervisor and two officers.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from ikmdesk.models import Enterprise, Product, Visit
from ikmdesk.models.enums import VisitPurpose
from ikmdesk.models.sync_state import SyncConflict, SyncHeldRecord
from ikmdesk.services.backup import backup_to_folder, restore
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.duplicates import merge_enterprises
from ikmdesk.services.sync_review import list_conflicts, restore_other_value
from tests.sync.sync_helpers import (
    Node,
    Stick,
    add_enterprise,
    content,
    edit,
    op_ids,
)


def _conflicts(node: Node, kind: str | None = None) -> set[tuple[str, str, str, str]]:
    with node.db.unit_of_work() as session:
        query = select(
            SyncConflict.kind, SyncConflict.entity, SyncConflict.row_id, SyncConflict.loser_op_id
        ).where(SyncConflict.status == "open")
        if kind is not None:
            query = query.where(SyncConflict.kind == kind)
        return set(session.execute(query).all())


def _add_product(node: Node, enterprise_id: str, name: str = "Keripik") -> str:
    with node.db.unit_of_work() as session:
        product = Product(enterprise_id=enterprise_id, name=name)
        session.add(product)
        session.flush()
        return product.id


def _assert_same_everywhere(*nodes: Node) -> None:
    first = nodes[0]
    for node in nodes[1:]:
        assert content(node.db) == content(first.db)
        assert op_ids(node.db) == op_ids(first.db)
        assert _conflicts(node) == _conflicts(first)


def test_a_product_added_under_an_ikm_deleted_elsewhere_is_a_parent_conflict(trio, tmp_path):
    sup, a, b = trio
    stick = Stick(tmp_path / "stick")
    ikm = add_enterprise(a.db, "Keripik Pisang Sangatta")
    stick.everyone(sup, [a, b])
    edit(b.db, Enterprise, ikm, deleted=True)  # B deletes the IKM ...
    product = _add_product(a, ikm)  # ... while A adds a product to it
    stick.everyone(sup, [a, b])
    _assert_same_everywhere(sup, a, b)
    found = _conflicts(sup, "parent")
    assert len(found) == 1
    _kind, entity, row_id, _loser = next(iter(found))
    assert (entity, row_id) == ("enterprise", ikm)
    with sup.db.unit_of_work() as session:
        kept = session.get_one(Product, product)
        assert kept.enterprise_id == ikm and not kept.deleted  # still reachable from its IKM
        conflict = next(c for c in list_conflicts(session) if c.kind == "parent")
        restore_other_value(session, conflict.id)  # bring the IKM back
    stick.everyone(sup, [a, b])
    _assert_same_everywhere(sup, a, b)
    assert not _conflicts(a, "parent")
    with a.db.unit_of_work() as session:
        assert not session.get_one(Enterprise, ikm).deleted


def test_a_visit_of_an_ikm_tombstoned_concurrently_is_kept_and_reviewable(trio, tmp_path):
    sup, a, b = trio
    stick = Stick(tmp_path / "stick")
    ikm = add_enterprise(a.db)
    stick.everyone(sup, [a, b])
    edit(sup.db, Enterprise, ikm, deleted=True)
    with a.db.unit_of_work() as session:
        visit = Visit(
            enterprise_id=ikm,
            visit_date=date(2026, 11, 2),
            officer_id=a.id,
            purpose=VisitPurpose.MENTORING,
        )
        session.add(visit)
        session.flush()
        visit_id = visit.id
    stick.everyone(sup, [a, b])
    _assert_same_everywhere(sup, a, b)
    with b.db.unit_of_work() as session:
        assert session.get_one(Visit, visit_id).enterprise_id == ikm
    assert {(e, r) for _k, e, r, _l in _conflicts(b, "parent")} == {("enterprise", ikm)}


def test_products_moved_by_a_duplicate_merge_into_an_ikm_deleted_elsewhere(trio, tmp_path):
    sup, a, b = trio
    stick = Stick(tmp_path / "stick")
    keep = add_enterprise(a.db, "Keripik Pisang Sangatta")
    drop = add_enterprise(a.db, "Keripik Pisang Sanggata")
    product = _add_product(a, drop)
    stick.everyone(sup, [a, b])
    with sup.db.unit_of_work() as session:
        merge_enterprises(session, keep, drop)  # the product moves to the kept IKM ...
    edit(b.db, Enterprise, keep, deleted=True)  # ... which B deletes meanwhile
    edit(a.db, Product, product, name="Keripik Pedas")  # and A edits the product itself
    stick.everyone(sup, [a, b])
    _assert_same_everywhere(sup, a, b)
    with a.db.unit_of_work() as session:
        moved = session.get_one(Product, product)
        assert (moved.enterprise_id, moved.name) == (keep, "Keripik Pedas")
        assert session.get_one(Enterprise, drop).deleted
    assert {(e, r) for _k, e, r, _l in _conflicts(a, "parent")} == {("enterprise", keep)}


@pytest.mark.sqlite_only(reason="the missing parent comes from restoring a backup file")
def test_a_product_whose_ikm_arrives_only_later_past_a_gap_is_held_not_refused(
    trio, tmp_path
) -> None:
    sup, a, b = trio
    stick = Stick(tmp_path / "stick")
    backup = backup_to_folder(sup.db.path, tmp_path / "backups")
    ikm = add_enterprise(a.db, "IKM baru")
    stick.carry(a, sup)  # the supervisor holds the IKM ...
    stick.carry(sup, a)  # ... and says so
    # ... and then loses its database and restores the older backup, without it.
    path = sup.db.path
    sup.db.close()
    for side in path.parent.glob(path.name + "*"):
        side.unlink()
    restore(path, backup)
    sup.db = open_data_file(path)
    product = _add_product(a, ikm)
    stick.carry(a, sup)  # incremental: only the product, whose IKM is not here
    with sup.db.unit_of_work() as session:
        assert session.get(Product, product) is None
        held = session.execute(select(SyncHeldRecord.entity, SyncHeldRecord.row_id)).all()
        assert [tuple(row) for row in held] == [("product", product)]
    # The supervisor relays what it holds; B gets no product without its IKM either.
    stick.carry(sup, b)
    stick.carry(a, sup, full=True)  # the full package brings the IKM: both are written
    with sup.db.unit_of_work() as session:
        assert session.get_one(Product, product).enterprise_id == ikm
        assert not session.scalars(select(SyncHeldRecord)).all()
    stick.everyone(sup, [a, b])
    _assert_same_everywhere(sup, a, b)


@pytest.mark.sqlite_only(reason="the missing parent comes from restoring a backup file")
def test_a_visit_and_its_checks_held_behind_a_missing_ikm_are_written_in_order(trio, tmp_path):
    sup, a, _b = trio
    stick = Stick(tmp_path / "stick")
    backup = backup_to_folder(sup.db.path, tmp_path / "backups")
    ikm = add_enterprise(a.db)
    stick.carry(a, sup)
    stick.carry(sup, a)
    path = sup.db.path
    sup.db.close()
    for side in path.parent.glob(path.name + "*"):
        side.unlink()
    restore(path, backup)
    sup.db = open_data_file(path)
    product = _add_product(a, ikm)
    with a.db.unit_of_work() as session:
        visit = Visit(
            enterprise_id=ikm,
            visit_date=date(2026, 11, 2),
            officer_id=a.id,
            purpose=VisitPurpose.MENTORING,
        )
        session.add(visit)
        session.flush()
        visit_id = visit.id
    stick.carry(a, sup)
    edit(a.db, Visit, visit_id, findings="Dapur bersih")  # an edit of the held visit
    stick.carry(a, sup)
    with sup.db.unit_of_work() as session:
        assert session.get(Visit, visit_id) is None and session.get(Product, product) is None
    stick.carry(a, sup, full=True)
    with sup.db.unit_of_work() as session:
        assert session.get_one(Visit, visit_id).findings == "Dapur bersih"
    assert content(sup.db) == content(a.db)


@pytest.mark.sqlite_only(reason="the missing parent comes from restoring a backup file")
def test_a_product_moved_to_an_ikm_not_here_keeps_its_link_until_it_arrives(trio, tmp_path):
    sup, a, _b = trio
    stick = Stick(tmp_path / "stick")
    first = add_enterprise(a.db, "IKM pertama")
    product = _add_product(a, first)
    stick.carry(a, sup)
    backup = backup_to_folder(sup.db.path, tmp_path / "backups")
    second = add_enterprise(a.db, "IKM kedua")
    stick.carry(a, sup)
    stick.carry(sup, a)
    path = sup.db.path
    sup.db.close()
    for side in path.parent.glob(path.name + "*"):
        side.unlink()
    restore(path, backup)
    sup.db = open_data_file(path)
    edit(a.db, Product, product, enterprise_id=second, name="Keripik pindah")
    stick.carry(a, sup)  # the move arrives, the IKM it moves to does not
    with sup.db.unit_of_work() as session:
        moved = session.get_one(Product, product)
        assert (moved.enterprise_id, moved.name) == (first, "Keripik pindah")
    stick.carry(a, sup, full=True)
    with sup.db.unit_of_work() as session:
        assert session.get_one(Product, product).enterprise_id == second
    assert content(sup.db) == content(a.db)
