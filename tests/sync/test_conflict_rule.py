"""Open conflicts are a function of the ops a device holds (issue 10 item 5), also when ops
arrive past a gap and when the device edits locally: one shared rule judges both.

Real devices exchange real packages; the supervisor restores an older backup, so the
officer's next incremental package reaches it past a gap.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from ikmdesk.models import Enterprise
from ikmdesk.models.sync_state import SyncConflict
from ikmdesk.services.backup import backup_to_folder, restore
from ikmdesk.services.data_file import open_data_file
from ikmdesk.sync.knowledge import held_beyond_prefix
from tests.sync.sync_helpers import (
    Node,
    Stick,
    add_enterprise,
    content,
    edit,
    op_ids,
)

pytestmark = pytest.mark.sqlite_only(
    reason="the gap comes from restoring the supervisor's backup file"
)


def _open(node: Node) -> set[tuple[str, str, str]]:
    with node.db.unit_of_work() as session:
        return set(
            session.execute(
                select(SyncConflict.kind, SyncConflict.loser_op_id, SyncConflict.loser_value).where(
                    SyncConflict.status == "open"
                )
            ).all()
        )


def _restore_supervisor(sup: Node, backup: Path) -> None:
    path = sup.db.path
    sup.db.close()
    for side in path.parent.glob(path.name + "*"):
        side.unlink()
    restore(path, backup)
    sup.db = open_data_file(path)


def _gap_at_supervisor(trio, tmp_path: Path) -> tuple[Stick, str]:
    """Leave the supervisor holding officer A's latest name edit past a gap that holds the
    context op saying A had seen B's concurrent edit."""
    sup, a, b = trio
    stick = Stick(tmp_path / "stick")
    ikm = add_enterprise(a.db, "Keripik A0")
    stick.everyone(sup, [a, b])
    edit(b.db, Enterprise, ikm, name="Keripik B1")
    stick.carry(b, sup)
    backup = backup_to_folder(sup.db.path, tmp_path / "backups")
    stick.carry(sup, a)
    # A's first edit after that import (of another field) carries the context op that
    # says A had seen B1.
    edit(a.db, Enterprise, ikm, notes="Sudah dikunjungi")
    stick.carry(a, sup)
    stick.carry(sup, a)  # A learns the supervisor holds it
    _restore_supervisor(sup, backup)
    edit(a.db, Enterprise, ikm, name="Keripik A3")  # A had seen B1: no conflict
    stick.carry(a, sup)  # incremental: A3 only, past the gap holding A's context op
    assert held_beyond_prefix(sup.db.engine.connect()).get(a.id)
    return stick, ikm


def test_a_context_op_arriving_late_closes_what_it_proves_was_seen(trio, tmp_path):
    sup, a, b = trio
    stick, _ikm = _gap_at_supervisor(trio, tmp_path)
    # Without the context op, A3's author is not known to have seen B1: a lost edit.
    assert {value for _kind, _op, value in _open(sup)} == {"Keripik B1"}
    stick.carry(a, sup, full=True)  # the gap is filled: the verdict follows the ops
    assert _open(sup) == set()
    stick.everyone(sup, [a, b])
    assert _open(sup) == _open(a) == _open(b) == set()
    assert content(sup.db) == content(a.db) == content(b.db)


def test_a_local_edit_judges_by_the_rule_every_device_applies(trio, tmp_path):
    sup, a, b = trio
    stick, ikm = _gap_at_supervisor(trio, tmp_path)
    # The supervisor edits the name. It holds A3 only past a gap, so its context op cannot
    # say it had seen A3: every device will find A3 a lost edit, and so does the supervisor.
    edit(sup.db, Enterprise, ikm, name="Keripik Bu Kasi")
    assert {value for _kind, _op, value in _open(sup)} == {"Keripik A3"}
    stick.carry(a, sup, full=True)
    stick.everyone(sup, [a, b])
    expected = _open(sup)
    assert {value for _kind, _op, value in expected} == {"Keripik A3"}
    assert _open(a) == expected and _open(b) == expected
    assert op_ids(a.db) == op_ids(sup.db) == op_ids(b.db)
    with a.db.unit_of_work() as session:
        assert session.get_one(Enterprise, ikm).name == "Keripik Bu Kasi"


def test_a_repaired_location_leaves_the_other_fields_to_the_field_rule(trio, tmp_path):
    from tests.sync.test_sync_core import _lat_only

    sup, a, b = trio
    stick = Stick(tmp_path / "stick")
    ikm = add_enterprise(a.db, "Keripik A0", latitude=0.5, longitude=117.5)
    stick.everyone(sup, [a, b])
    edit(b.db, Enterprise, ikm, latitude=None, longitude=None, name="Keripik B1")
    _lat_only(a.db, ikm, 0.75)  # as older versions sent it: the group must be repaired
    edit(a.db, Enterprise, ikm, name="Keripik A1")
    stick.carry(b, sup)
    stick.carry(a, sup)
    stick.everyone(sup, [a, b])
    with sup.db.unit_of_work() as session:
        name = session.get_one(Enterprise, ikm).name
        names = session.execute(
            select(SyncConflict.loser_value, SyncConflict.winner_value).where(
                SyncConflict.status == "open", SyncConflict.field == "name"
            )
        ).all()
    # One lost name, against the name that won; never the winning name against a location.
    lost = ({"Keripik A1", "Keripik B1"} - {name}).pop()
    assert [tuple(row) for row in names] == [(lost, name)]
    assert _open(sup) == _open(a) == _open(b)
