"""Property: any mix of edits and package exchanges converges to one state on every device.

One supervisor and four officers create, edit (GPS pairs too, and the latitude alone as
older versions sent it), delete and undelete records while packages travel in random order,
some twice, some never. Officers back up and restore old backups, copy their database to a
second laptop that goes on working, send hostile packages (ops forged under another author,
on the supervisor's own rows) that must be refused without a trace, and push their clocks
to the documented bound. Afterwards everything is re-sent through the supervisor. Every
device then holds the same records, the same ops and the same open conflicts, and no edit
is lost: each op either gives its field's value, was overwritten by an author who had seen
it, or is an open conflict.

A fast run by default; ``IKMDESK_SCALE_TESTS=1`` runs 1,000 examples (about 10 s each on a
loaded 2-core machine), ``IKMDESK_PROPERTY_EXAMPLES=N`` any other number.
"""

from __future__ import annotations

import itertools
import json
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from ikmdesk.db import backup_database
from ikmdesk.models import ChangeOp, Cluster, Enterprise, LocalIdentity, Product
from ikmdesk.models.sync_state import SyncConflict
from ikmdesk.services.backup import backup_to_folder, restore
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.device import this_device
from ikmdesk.services.sync_service import export_package, import_package
from ikmdesk.sync.change_capture import CAPTURE_OFF, op_value, record_ops
from ikmdesk.sync.hlc import LOGICAL_MAX, WALL_MAX_MS
from ikmdesk.sync.merge import _Judge, _Stored
from ikmdesk.sync.package_format import ENCRYPTION_NONE, PackageRefused
from ikmdesk.sync.package_writer import Encryption, PackageDraft, write_package
from tests.sync.sync_helpers import (
    Node,
    add_enterprise,
    content,
    dump,
    file_digest,
    introduce,
    make_node,
    op_ids,
)

OFFICERS = 4
VALUES = {
    "name": ["Keripik A", "Keripik B", "Dodol C"],
    "phone": [None, "0811", "0822"],
    "notes": ["catatan 1", "catatan 2", None],
    "workers": [0, 3, 12],
    "gps": [(None, None), (0.5, 117.5), (1.25, 118.0)],
}
PRODUCT_VALUES = {"name": ["Keripik", "Sale"], "net_content": ["100 g", "250 g", None]}
SCALE = bool(os.environ.get("IKMDESK_SCALE_TESTS"))
EXAMPLES = int(os.environ.get("IKMDESK_PROPERTY_EXAMPLES", "1000" if SCALE else "6"))

officer = st.integers(1, OFFICERS)
device_index = st.integers(0, OFFICERS)
pick = st.integers(0, 50)
action = st.one_of(
    st.tuples(st.just("create"), device_index, pick),
    st.tuples(st.just("product"), device_index, pick),
    st.tuples(
        st.just("edit"), device_index, pick, st.sampled_from(sorted(VALUES)), st.integers(0, 2)
    ),
    st.tuples(st.just("latitude_only"), device_index, pick, st.integers(0, 2)),
    st.tuples(
        st.just("edit_product"),
        device_index,
        pick,
        st.sampled_from(sorted(PRODUCT_VALUES)),
        st.integers(0, 2),
    ),
    st.tuples(st.just("delete"), device_index, pick),
    st.tuples(st.just("undelete"), device_index, pick),
    st.tuples(st.just("send"), device_index, st.integers(1, OFFICERS)),
    st.tuples(st.just("deliver"), pick),
    st.tuples(st.just("deliver"), pick),
    st.tuples(st.just("backup"), officer),
    st.tuples(st.just("restore"), officer, pick),
    st.tuples(st.just("copy"), officer),
    st.tuples(st.just("forge"), officer, st.sampled_from(["author", "cluster", "device"])),
    st.tuples(st.just("clock_bound"), device_index),
)


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("templates")
    names = ["Siti", "Rahmat", "Dewi", "Yusuf"]
    nodes = [make_node(root / "sup", "Bu Kasi", role="supervisor")]
    nodes += [make_node(root / f"o{n}", names[n]) for n in range(OFFICERS)]
    for node in nodes[1:]:
        introduce(nodes[0], node)
    paths = [n.db.path for n in nodes]
    for node in nodes:
        node.db.close()
    return paths


_RUN = itertools.count()


class World:
    """The devices of one example: index 0 the supervisor, then the officers' laptops."""

    def __init__(self, templates: list[Path], root: Path) -> None:
        self.root = root
        self.stick = root / "stick"
        self.stick.mkdir()
        self.nodes: list[Node] = []
        for index, template in enumerate(templates):
            folder = root / f"d{index}"
            self.nodes.append(self._open(backup_database(template, folder / "ikmdesk.db")))
        self.clones: list[Node] = []
        self.backups: dict[int, list[Path]] = {}
        self.packages: list[tuple[Path, Node]] = []
        self.serial = itertools.count()

    def _open(self, path: Path) -> Node:
        db = open_data_file(path)
        with db.unit_of_work() as session:
            info = this_device(session)
        return Node(db, info, path.parent)

    def all(self) -> list[Node]:
        return self.nodes + self.clones

    def path(self) -> Path:
        return self.stick / f"p{next(self.serial)}.ikmsync"

    def close(self) -> None:
        for node in self.all():
            node.db.close()


def _ids(node: Node, model: type) -> list[str]:
    with node.db.unit_of_work() as session:
        return list(session.scalars(select(model.id).order_by(model.created_at, model.id)))


def _set(node: Node, model: type, row_id: str, **fields: Any) -> None:
    with node.db.unit_of_work() as session:
        obj = session.get_one(model, row_id)
        for key, value in fields.items():
            setattr(obj, key, value)


def _open_conflicts(node: Node) -> set[tuple[str, str]]:
    with node.db.unit_of_work() as session:
        return set(
            session.execute(
                select(SyncConflict.loser_op_id, SyncConflict.kind).where(
                    SyncConflict.status == "open"
                )
            ).all()
        )


def _edit(world: World, step: tuple[Any, ...]) -> None:
    kind, node = step[0], world.nodes[step[1]]
    model, values = (Product, PRODUCT_VALUES) if kind == "edit_product" else (Enterprise, VALUES)
    rows = _ids(node, model)
    if not rows:
        return
    row_id = rows[step[2] % len(rows)]
    if kind == "latitude_only":
        _latitude_only(node, row_id, VALUES["gps"][1 + step[3] % 2][0])
        return
    value = values[step[3]][step[4] % len(values[step[3]])]
    if step[3] == "gps":
        _set(node, model, row_id, latitude=value[0], longitude=value[1])
    else:
        _set(node, model, row_id, **{step[3]: value})


def _latitude_only(node: Node, row_id: str, latitude: float) -> None:
    """What the app sent before groups travelled whole: an op on latitude alone."""
    with node.db.unit_of_work() as session:
        row = session.get_one(Enterprise, row_id)
        if row.longitude is None:
            return
        session.info[CAPTURE_OFF] = True
        row.latitude = latitude
        session.flush()
        session.info.pop(CAPTURE_OFF)
        record_ops(session, [("enterprise", row_id, {"latitude": latitude})])


def _tombstone(world: World, step: tuple[Any, ...], deleted: bool) -> None:
    node = world.nodes[step[1]]
    rows = _ids(node, Enterprise) + _ids(node, Product)
    if rows:
        row_id = rows[step[2] % len(rows)]
        model = Enterprise if row_id in _ids(node, Enterprise) else Product
        _set(node, model, row_id, deleted=deleted)


def _restore(world: World, index: int, choice: int) -> None:
    backups = world.backups.get(index)
    if not backups:
        return
    node = world.nodes[index]
    node.db.close()
    restore(node.db.path, backups[choice % len(backups)])
    world.nodes[index] = world._open(node.db.path)


def _copy(world: World, index: int) -> None:
    """The officer's database goes on a second laptop as well, and both keep working."""
    node = world.nodes[index]
    folder = world.root / f"clone{len(world.clones)}"
    copy = backup_database(node.db.path, folder / "ikmdesk.db")
    world.clones.append(world._open(copy))


def _forge(world: World, index: int, target: str) -> None:
    """A trusted officer signs a package it may not send; the supervisor must refuse it."""
    node, sup = world.nodes[index], world.nodes[0]
    with node.db.unit_of_work() as session:
        identity = session.scalars(select(LocalIdentity)).one()
        key = identity.signing_private_key
        origin = identity.origin_id or identity.device_id
        counter = identity.op_counter + 1
        cluster = session.scalars(select(Cluster.id)).first()
    other = world.nodes[1 + index % OFFICERS].id
    op_origin, entity, row_id, field, value = {
        "author": (other, "enterprise", str(uuid.uuid4()), "notes", "palsu"),
        "cluster": (origin, "cluster", cluster, "name_id", "Klaster palsu"),
        "device": (origin, "device", sup.id, "officer_name", "Bukan Bu Kasi"),
    }[target]
    line = json.dumps(
        {
            "op_id": f"{op_origin}:{counter + 10_000}",
            "device_id": op_origin,
            "counter": counter + 10_000,
            "entity": entity,
            "row_id": row_id,
            "field": field,
            "value": value,
            "hlc": f"{WALL_MAX_MS - 2:013d}-{0:010d}-{op_origin}",
        }
    )
    if target != "author":
        line = line.replace(f"{origin}:{counter + 10_000}", f"{origin}:{counter}").replace(
            f'"counter": {counter + 10_000}', f'"counter": {counter}'
        )
    draft = PackageDraft(
        package_id=str(uuid.uuid4()),
        created_at=datetime.now(UTC).isoformat(),
        sender={
            "device_id": node.id,
            "role": node.info.role.value,
            "officer_name": node.info.officer_name,
            "signing_public_key": node.info.signing_public_key,
            "encryption_public_key": node.info.encryption_public_key,
        },
        recipient_id=None,
        vector={},
        clock_warnings={},
        ops=[line],
        blobs={},
    )
    path = write_package(
        world.path(), draft, signing_key=key, encryption=Encryption(ENCRYPTION_NONE)
    )
    before, text = file_digest(sup.db.path), dump(sup.db)
    with pytest.raises(PackageRefused):
        import_package(sup.db, path)
    assert file_digest(sup.db.path) == before and dump(sup.db) == text


def _clock_bound(node: Node) -> None:
    """Push the device's clock to just below the bound with a full logical counter."""
    with node.db.unit_of_work() as session:
        session.execute(
            update(LocalIdentity).values(hlc_wall_ms=WALL_MAX_MS - 1, hlc_logical=LOGICAL_MAX)
        )
    rows = _ids(node, Enterprise)
    if rows:
        _set(node, Enterprise, rows[0], notes=f"jam {uuid.uuid4().hex[:4]}")


def _run(world: World, actions: list[tuple[Any, ...]]) -> None:
    sup = world.nodes[0]
    for step in actions:
        kind = step[0]
        if kind == "create":
            add_enterprise(world.nodes[step[1]].db, f"IKM {step[2]}")
        elif kind == "product":
            node = world.nodes[step[1]]
            enterprises = _ids(node, Enterprise)
            if enterprises:
                with node.db.unit_of_work() as session:
                    session.add(
                        Product(
                            enterprise_id=enterprises[step[2] % len(enterprises)], name="Produk"
                        )
                    )
        elif kind in ("edit", "edit_product", "latitude_only"):
            _edit(world, step)
        elif kind in ("delete", "undelete"):
            _tombstone(world, step, kind == "delete")
        elif kind == "send":
            source = world.nodes[step[1]]
            target = sup if source is not sup else world.nodes[step[2]]
            path = world.path()
            export_package(source.db, path, to=target.id)
            world.packages.append((path, target))
        elif kind == "deliver" and world.packages:
            path, target = world.packages[step[1] % len(world.packages)]
            import_package(target.db, path)
        elif kind == "backup":
            world.backups.setdefault(step[1], []).append(
                backup_to_folder(world.nodes[step[1]].db.path, world.root / f"bk{step[1]}")
            )
        elif kind == "restore":
            _restore(world, step[1], step[2])
        elif kind == "copy" and len(world.clones) < 2:
            _copy(world, step[1])
        elif kind == "forge":
            _forge(world, step[1], step[2])
        elif kind == "clock_bound":
            _clock_bound(world.nodes[step[1]])
    laptops = world.nodes[1:] + world.clones
    for _round in range(2):  # everything re-sent through the supervisor
        for laptop in laptops:
            path = world.path()
            export_package(laptop.db, path, to=sup.id, full=True)
            import_package(sup.db, path)
        for laptop in laptops:
            path = world.path()
            export_package(sup.db, path, to=laptop.id, full=True)
            import_package(laptop.db, path)


def _assert_no_edit_lost(node: Node) -> None:
    """Each op gives its field's value, was overwritten knowingly, or is an open conflict."""
    with node.db.engine.connect() as connection:
        rows = connection.execute(
            select(ChangeOp).where(ChangeOp.entity.in_(("enterprise", "product")))
        ).all()
        open_losers = {
            loser
            for (loser,) in connection.execute(
                select(SyncConflict.loser_op_id).where(SyncConflict.status == "open")
            )
        }
        values = {}
        for model in (Enterprise, Product):
            table = model.__table__
            for row in connection.execute(select(table)).mappings():
                values[(table.name, row["id"])] = row
        judge = _Judge(connection)
        by_field: dict[tuple[str, str, str], list[_Stored]] = {}
        for op in rows:
            op_id = f"{op.device_id}:{op.counter}"
            stored = _Stored(op_id, op.device_id, op.counter, op.field, op.value, op.hlc)
            by_field.setdefault((op.entity, op.row_id, op.field), []).append(stored)
        for (entity, row_id, field), ops in by_field.items():
            current = op_value(values[(entity, row_id)][field])
            for op in ops:
                if op.value == current or op.op_id in open_losers:
                    continue
                if any(judge.had_seen(later, op) for later in ops if later.hlc > op.hlc):
                    continue
                if field == "deleted":
                    continue  # a tombstone lost to a later undelete (or the reverse) knowingly
                raise AssertionError(f"edit {op.op_id} on {entity}.{field} was lost")


@pytest.mark.sqlite_only(reason="devices restore and copy SQLite files (backups, file copies)")
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    # Shrinking a five-device world takes many minutes; the failing example is printed whole.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(actions=st.lists(action, min_size=4, max_size=30))
def test_every_device_converges(templates, tmp_path_factory, actions):
    world = World(templates, tmp_path_factory.mktemp(f"run{next(_RUN)}"))
    try:
        _run(world, actions)
        nodes = world.all()
        states = [content(n.db) for n in nodes]
        assert all(state == states[0] for state in states)
        ops = [op_ids(n.db) for n in nodes]
        assert all(held == ops[0] for held in ops)
        conflicts = [_open_conflicts(n) for n in nodes]
        assert all(found == conflicts[0] for found in conflicts)
        _assert_no_edit_lost(nodes[0])
    finally:
        world.close()
