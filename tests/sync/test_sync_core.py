"""Sync never loses, never blocks, and a peer cannot break it (issue 10 items 1, 2, 3, 6).

Each test drives the services the window and the command line use, on real files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from ikmdesk.models import ChangeOp, Enterprise, LocalIdentity
from ikmdesk.models.sync_state import SyncConflict
from ikmdesk.services.backup import backup_to_folder, restore
from ikmdesk.services.data_file import open_data_file
from ikmdesk.sync.change_capture import CAPTURE_OFF, record_ops
from ikmdesk.sync.package_format import PackageRefused
from tests.sync.sync_helpers import (
    Node,
    add_enterprise,
    content,
    edit,
    file_digest,
    op_ids,
    receive,
    send,
)


def _exchange(sup: Node, officers: list[Node], stick: Path, tag: str) -> None:
    for n in range(2):
        for officer in officers:
            receive(sup, send(officer, sup, stick / f"{tag}-up-{officer.id[:4]}-{n}.ikmsync"))
        for officer in officers:
            receive(officer, send(sup, officer, stick / f"{tag}-down-{officer.id[:4]}-{n}.ikmsync"))


def _open_conflicts(node: Node) -> set[tuple[str, str]]:
    with node.db.unit_of_work() as session:
        return set(
            session.execute(
                select(SyncConflict.loser_op_id, SyncConflict.kind).where(
                    SyncConflict.status == "open"
                )
            ).all()
        )


# --- item 1: restore and copies never reuse op ids -----------------------------------------


@pytest.mark.sqlite_only(reason="restores or copies a SQLite file")
def test_work_after_restore_reaches_the_supervisor(trio, tmp_path: Path) -> None:
    sup, a, _b = trio
    stick = tmp_path / "stick"
    stick.mkdir()
    for n in range(3):
        add_enterprise(a.db, f"IKM lama {n}")
    backup = backup_to_folder(a.db.path, stick)
    for n in range(3):
        add_enterprise(a.db, f"IKM sesudah cadangan {n}")
    receive(sup, send(a, sup, stick / "a1.ikmsync"))
    # The laptop loses its database; the officer restores the stick's backup.
    path = a.db.path
    a.db.close()
    for side in path.parent.glob(path.name + "*"):
        side.unlink()
    restore(path, backup)
    a.db = open_data_file(path)
    new_ids = [add_enterprise(a.db, f"IKM baru {n}") for n in range(3)]
    result = receive(sup, send(a, sup, stick / "a2.ikmsync", full=True))
    assert result.applied > 0
    with sup.db.unit_of_work() as session:
        held = set(session.scalars(select(Enterprise.id)))
    assert set(new_ids) <= held
    # The supervisor's reply gives the officer back what was made after the backup.
    receive(a, send(sup, a, stick / "reply.ikmsync"))
    assert content(a.db) == content(sup.db)
    assert op_ids(a.db) == op_ids(sup.db)


@pytest.mark.sqlite_only(reason="restores or copies a SQLite file")
def test_a_copied_database_starts_a_new_origin(trio, tmp_path: Path) -> None:
    sup, a, _b = trio
    add_enterprise(a.db, "IKM asli")
    copy_path = tmp_path / "laptop2" / "ikmdesk.db"
    copy_path.parent.mkdir()
    a.db.engine.dispose()
    shutil.copyfile(a.db.path, copy_path)
    copy = Node(open_data_file(copy_path), a.info, copy_path.parent)
    try:
        add_enterprise(a.db, "IKM di laptop 1")
        add_enterprise(copy.db, "IKM di laptop 2")
        with a.db.unit_of_work() as s1, copy.db.unit_of_work() as s2:
            origin1 = s1.scalars(select(LocalIdentity.origin_id)).one()
            origin2 = s2.scalars(select(LocalIdentity.origin_id)).one()
        assert origin1 != origin2
        assert not (op_ids(a.db) - op_ids(copy.db)) & (op_ids(copy.db) - op_ids(a.db))
        stick = tmp_path / "stick"
        stick.mkdir()
        receive(sup, send(a, sup, stick / "l1.ikmsync"))
        receive(sup, send(copy, sup, stick / "l2.ikmsync", full=True))
        with sup.db.unit_of_work() as session:
            names = set(session.scalars(select(Enterprise.name)))
        assert {"IKM di laptop 1", "IKM di laptop 2"} <= names
    finally:
        copy.db.close()


def test_an_op_id_with_other_content_is_refused_naming_both(trio, tmp_path: Path) -> None:
    sup, a, _b = trio
    row = add_enterprise(a.db, "IKM")
    receive(sup, send(a, sup, tmp_path / "p1.ikmsync"))
    # Forge: the officer's database forgets its counter and reuses it with other content.
    with a.db.unit_of_work() as session:
        last = session.scalars(
            select(ChangeOp).where(ChangeOp.row_id == row, ChangeOp.field == "name")
        ).one()
        session.delete(last)
        session.flush()
        session.add(
            ChangeOp(
                device_id=last.device_id,
                counter=last.counter,
                entity="enterprise",
                row_id=row,
                field="name",
                value="Nama lain",
                hlc=last.hlc,
            )
        )
    before = file_digest(sup.db.path)
    with pytest.raises(PackageRefused) as refused:
        receive(sup, send(a, sup, tmp_path / "p2.ikmsync", full=True))
    text = refused.value.message()
    assert "Nama lain" in text and "'IKM'" in text
    assert file_digest(sup.db.path) == before


# --- item 2: coupled fields never block ----------------------------------------------------


def _lat_only(db, row_id: str, latitude: float) -> None:
    """What the app before this change sent: an op on latitude alone."""
    with db.unit_of_work() as session:
        session.info[CAPTURE_OFF] = True
        session.get_one(Enterprise, row_id).latitude = latitude
        session.flush()
        session.info.pop(CAPTURE_OFF)
        record_ops(session, [("enterprise", row_id, {"latitude": latitude})])


@pytest.mark.parametrize("legacy", [False, True])
def test_cleared_location_and_a_new_latitude_merge(trio, tmp_path: Path, legacy: bool) -> None:
    sup, a, b = trio
    stick = tmp_path / "stick"
    stick.mkdir()
    row = add_enterprise(a.db, "IKM GPS", latitude=0.5, longitude=117.5)
    _exchange(sup, [a, b], stick, "start")
    edit(b.db, Enterprise, row, latitude=None, longitude=None)
    if legacy:
        _lat_only(a.db, row, 0.75)
    else:
        edit(a.db, Enterprise, row, latitude=0.75)
    receive(sup, send(b, sup, stick / "b.ikmsync"))
    receive(sup, send(a, sup, stick / "a.ikmsync"))  # was refused: ck_enterprise_latlon_together
    receive(sup, send(a, sup, stick / "a-full.ikmsync", full=True))
    add_enterprise(a.db, "IKM berikutnya")
    assert receive(sup, send(a, sup, stick / "a-next.ikmsync")).applied > 0
    _exchange(sup, [a, b], stick, "end")
    states = [content(n.db) for n in (sup, a, b)]
    assert states[0] == states[1] == states[2]
    with sup.db.unit_of_work() as session:
        gps = session.get_one(Enterprise, row)
        assert (gps.latitude is None) == (gps.longitude is None)
    conflicts = [_open_conflicts(n) for n in (sup, a, b)]
    assert conflicts[0] == conflicts[1] == conflicts[2]
    assert conflicts[0], "the losing location must stay reviewable"


# --- item 6: verify before "already imported" ----------------------------------------------


def test_a_tampered_copy_of_an_imported_package_is_refused(trio, tmp_path: Path) -> None:
    import zipfile

    sup, a, _b = trio
    add_enterprise(a.db, "IKM")
    path = send(a, sup, tmp_path / "p.ikmsync")
    receive(sup, path)
    tampered = tmp_path / "tampered.ikmsync"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tampered, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "ops.jsonl":
                data = data[:-3] + bytes([data[-3] ^ 1]) + data[-2:]
            dst.writestr(info, data)
    with pytest.raises(PackageRefused):
        receive(sup, tampered)
    assert receive(sup, path).already_imported
