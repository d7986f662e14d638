"""Property: any mix of edits and package exchanges converges to one state on every device.

One supervisor and two officers create, edit and tombstone records while packages travel
in random order, some twice, some never; afterwards everything is re-sent through the
supervisor. Every device then holds the same records, every op and the same open conflicts.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from ikmdesk.db import backup_database
from ikmdesk.models import Enterprise, Product
from ikmdesk.models.sync_state import SyncConflict
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.sync_service import export_package, import_package
from tests.sync.sync_helpers import (
    Node,
    add_enterprise,
    content,
    introduce,
    make_node,
    op_ids,
)

VALUES = {
    "name": ["Keripik A", "Keripik B", "Dodol C"],
    "phone": [None, "0811", "0822"],
    "notes": ["catatan 1", "catatan 2", None],
    "workers": [0, 3, 12],
}
PRODUCT_VALUES = {"name": ["Keripik", "Sale"], "net_content": ["100 g", "250 g", None]}

device_index = st.integers(0, 2)
pick = st.integers(0, 50)
action = st.one_of(
    st.tuples(st.just("create"), device_index, pick),
    st.tuples(st.just("product"), device_index, pick),
    st.tuples(
        st.just("edit"), device_index, pick, st.sampled_from(sorted(VALUES)), st.integers(0, 2)
    ),
    st.tuples(
        st.just("edit_product"),
        device_index,
        pick,
        st.sampled_from(sorted(PRODUCT_VALUES)),
        st.integers(0, 2),
    ),
    st.tuples(st.just("delete"), device_index, pick),
    st.tuples(st.just("send"), device_index, st.integers(1, 2)),
    st.tuples(st.just("deliver"), pick),
    st.tuples(st.just("deliver"), pick),
)


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("templates")
    nodes = [
        make_node(root / "sup", "Bu Kasi", role="supervisor"),
        make_node(root / "a", "Siti"),
        make_node(root / "b", "Rahmat"),
    ]
    introduce(nodes[0], nodes[1])
    introduce(nodes[0], nodes[2])
    paths = [n.db.path for n in nodes]
    for node in nodes:
        node.db.close()
    return paths


_RUN = itertools.count()


def _fresh_world(templates: list[Path], root: Path) -> list[Node]:
    nodes = []
    for index, template in enumerate(templates):
        folder = root / f"d{index}"
        path = backup_database(template, folder / "ikmdesk.db")
        db = open_data_file(path)
        with db.unit_of_work() as session:
            from ikmdesk.services.device import this_device

            info = this_device(session)
        nodes.append(Node(db, info, folder))
    return nodes


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


def _run(nodes: list[Node], actions: list[tuple[Any, ...]], stick: Path) -> None:
    sup = nodes[0]
    packages: list[tuple[Path, Node]] = []
    serial = itertools.count()
    for step in actions:
        kind = step[0]
        if kind == "create":
            add_enterprise(nodes[step[1]].db, f"IKM {step[2]}")
        elif kind == "product":
            node = nodes[step[1]]
            enterprises = _ids(node, Enterprise)
            if enterprises:
                with node.db.unit_of_work() as session:
                    session.add(
                        Product(
                            enterprise_id=enterprises[step[2] % len(enterprises)], name="Produk"
                        )
                    )
        elif kind in ("edit", "edit_product"):
            node = nodes[step[1]]
            model, values = (Enterprise, VALUES) if kind == "edit" else (Product, PRODUCT_VALUES)
            rows = _ids(node, model)
            if rows:
                value = values[step[3]][step[4] % len(values[step[3]])]
                _set(node, model, rows[step[2] % len(rows)], **{step[3]: value})
        elif kind == "delete":
            node = nodes[step[1]]
            rows = _ids(node, Enterprise) + _ids(node, Product)
            if rows:
                row_id = rows[step[2] % len(rows)]
                model = Enterprise if row_id in _ids(node, Enterprise) else Product
                _set(node, model, row_id, deleted=True)
        elif kind == "send":
            source = nodes[step[1]]
            target = sup if source is not sup else nodes[step[2]]
            path = stick / f"p{next(serial)}.ikmsync"
            export_package(source.db, path, to=target.id)
            packages.append((path, target))
        elif kind == "deliver" and packages:
            path, target = packages[step[1] % len(packages)]
            import_package(target.db, path)
    for _round in range(2):  # everything re-sent through the supervisor
        for officer in nodes[1:]:
            path = stick / f"p{next(serial)}.ikmsync"
            export_package(officer.db, path, to=sup.id)
            import_package(sup.db, path)
        for officer in nodes[1:]:
            path = stick / f"p{next(serial)}.ikmsync"
            export_package(sup.db, path, to=officer.id)
            import_package(officer.db, path)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(actions=st.lists(action, min_size=4, max_size=24))
def test_every_device_converges(templates, tmp_path_factory, actions):
    root = tmp_path_factory.mktemp(f"run{next(_RUN)}")
    nodes = _fresh_world(templates, root)
    stick = root / "stick"
    stick.mkdir()
    try:
        _run(nodes, actions, stick)
        states = [content(n.db) for n in nodes]
        assert states[0] == states[1] == states[2]
        assert op_ids(nodes[0].db) == op_ids(nodes[1].db) == op_ids(nodes[2].db)
        conflicts = [_open_conflicts(n) for n in nodes]
        assert conflicts[0] == conflicts[1] == conflicts[2]
    finally:
        for node in nodes:
            node.db.close()
