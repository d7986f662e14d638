"""Authority: each op is accepted only if its author may make it and its sender may carry it.

Hostile packages are built with the project's own writer and validly signed by a trusted
officer (issue 10 item 3, issue 16's accepted cases). Each is refused with one line, the
supervisor's database is byte for byte unchanged, and the officer's next good package imports.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from ikmdesk.errors import CONTEXT
from ikmdesk.models import ChangeOp, LocalIdentity, Region
from ikmdesk.models.enums import RegionLevel
from ikmdesk.services.region import add_desa
from ikmdesk.services.sync_service import export_package, import_package
from ikmdesk.sync.authority import RULE_KEYS, RULE_OWN_ROW, RULE_SUPERVISOR
from ikmdesk.sync.hlc import wall_clock_ms
from ikmdesk.sync.package_format import ENCRYPTION_NONE, PackageRefused
from ikmdesk.sync.package_writer import Encryption, PackageDraft, write_package
from ikmdesk.ui.translation_build import read_messages, ts_path
from tests.sync.sync_helpers import (
    Node,
    add_enterprise,
    dump,
    file_digest,
    introduce,
    make_node,
    op_ids,
    receive,
    send,
)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("authority")
    sup = make_node(root / "sup", "Bu Kasi", role="supervisor")
    a = make_node(root / "a", "Siti")
    b = make_node(root / "b", "Rahmat")
    introduce(sup, a)
    introduce(sup, b)
    add_enterprise(sup.db, "IKM atasan")
    receive(sup, send(a, sup, root / "a0.ikmsync"))
    receive(a, send(sup, a, root / "s0.ikmsync"))
    yield {"sup": sup, "a": a, "b": b, "root": root, "serial": iter(range(10_000))}
    for node in (sup, a, b):
        node.db.close()


def _origin(node: Node) -> tuple[str, int]:
    with node.db.unit_of_work() as session:
        identity = session.scalars(select(LocalIdentity)).one()
        return identity.origin_id or identity.device_id, identity.op_counter


def _op(origin: str, counter: int, entity: str, row_id: str, field: str, value: Any) -> str:
    hlc = f"{wall_clock_ms():013d}-{0:010d}-{origin}"
    return json.dumps(
        {
            "op_id": f"{origin}:{counter}",
            "device_id": origin,
            "counter": counter,
            "entity": entity,
            "row_id": row_id,
            "field": field,
            "value": value,
            "hlc": hlc,
        }
    )


def _package(world: dict[str, Any], signer: Node, ops: list[str]) -> Path:
    with signer.db.unit_of_work() as session:
        key = session.scalars(select(LocalIdentity.signing_private_key)).one()
    draft = PackageDraft(
        package_id=str(uuid.uuid4()),
        created_at=datetime.now(UTC).isoformat(),
        sender={
            "device_id": signer.id,
            "role": signer.info.role.value,
            "officer_name": signer.info.officer_name,
            "signing_public_key": signer.info.signing_public_key,
            "encryption_public_key": signer.info.encryption_public_key,
        },
        recipient_id=None,
        vector={},
        clock_warnings={},
        ops=ops,
        blobs={},
    )
    target = world["root"] / f"hostile-{next(world['serial'])}.ikmsync"
    return write_package(target, draft, signing_key=key, encryption=Encryption(ENCRYPTION_NONE))


def _refused(world: dict[str, Any], path: Path, match: str) -> None:
    sup: Node = world["sup"]
    before, text = file_digest(sup.db.path), dump(sup.db)
    with pytest.raises(PackageRefused) as refused:
        import_package(sup.db, path)
    message = refused.value.message()
    assert match in message, message
    assert "\n" not in message
    assert file_digest(sup.db.path) == before and dump(sup.db) == text
    # The officer's next good package still imports.
    officer: Node = world["a"]
    add_enterprise(officer.db, f"IKM {uuid.uuid4().hex[:6]}")
    good = export_package(officer.db, world["root"] / f"good-{next(world['serial'])}.ikmsync")
    assert import_package(sup.db, good.path).applied > 0


def _own_ops(world: dict[str, Any], node: Node, *specs: tuple[str, str, str, Any]) -> list[str]:
    origin, counter = _origin(node)
    return [_op(origin, counter + 1 + n, *spec) for n, spec in enumerate(specs)]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("signing_public_key", "A" * 43 + "="),
        ("encryption_public_key", "B" * 43 + "="),
        ("role", "officer"),
        ("officer_name", "Bukan Bu Kasi"),
        ("deleted", True),
    ],
)
def test_ops_on_the_supervisors_device_row_are_refused(world, field: str, value: Any) -> None:
    sup, a = world["sup"], world["a"]
    ops = _own_ops(world, a, ("device", sup.id, field, value))
    _refused(world, _package(world, a, ops), "hanya perangkat itu sendiri")


def _english() -> Any:
    """Return translate(context, text) from the committed English .ts, as the window has it."""
    table = {
        (m.context, m.source): m.translations[0]
        for m in read_messages(ts_path("en"))
        if not m.unfinished and not m.plural
    }
    return lambda context, text: table.get((context, text), text)


def test_the_refused_rule_is_translated_with_the_refusal(world) -> None:
    a = world["a"]
    path = _package(world, a, _own_ops(world, a, ("device", world["sup"].id, "nip", "1" * 18)))
    with pytest.raises(PackageRefused) as refused:
        import_package(world["sup"].db, path)
    english = refused.value.message(_english())
    assert "only that device itself" in english and "hanya" not in english, english
    assert "hanya perangkat itu sendiri" in refused.value.message()
    for rule in (RULE_OWN_ROW, RULE_SUPERVISOR, RULE_KEYS):
        assert _english()(CONTEXT, rule) != rule


def test_an_officer_cannot_change_its_own_role(world) -> None:
    a = world["a"]
    ops = _own_ops(world, a, ("device", a.id, "role", "supervisor"))
    _refused(world, _package(world, a, ops), "peran dan kunci")


def test_an_officer_cannot_approve_its_own_visit(world) -> None:
    a = world["a"]
    ops = _own_ops(world, a, ("visit", str(uuid.uuid4()), "status", "approved"))
    _refused(world, _package(world, a, ops), "hanya atasan")


def test_an_officer_cannot_rename_a_region(world) -> None:
    a, sup = world["a"], world["sup"]
    with sup.db.unit_of_work() as session:
        kecamatan = session.scalars(
            select(Region.id).where(Region.level == RegionLevel.KECAMATAN)
        ).first()
    ops = _own_ops(world, a, ("region", kecamatan, "name", "Kecamatan Palsu"))
    _refused(world, _package(world, a, ops), "hanya atasan")


def test_an_officer_may_add_a_desa(world) -> None:
    a, sup = world["a"], world["sup"]
    with a.db.unit_of_work() as session:
        kecamatan = session.scalars(
            select(Region.id).where(Region.level == RegionLevel.KECAMATAN)
        ).first()
        desa = add_desa(session, kecamatan_id=kecamatan, name="Desa Baru Sekali")
    receive(sup, send(a, sup, world["root"] / "desa.ikmsync"))
    with sup.db.unit_of_work() as session:
        assert session.get_one(Region, desa).name == "Desa Baru Sekali"


def test_ops_forged_under_another_officer_are_refused(world) -> None:
    a, b = world["a"], world["b"]
    ops = [_op(b.id, 50, "enterprise", str(uuid.uuid4()), "notes", "palsu")]
    _refused(world, _package(world, a, ops), "atas nama perangkat lain")


def test_ops_forged_under_the_supervisor_are_refused(world) -> None:
    a, sup = world["a"], world["sup"]
    unknown = [_op(sup.id, 10_000, "enterprise", str(uuid.uuid4()), "notes", "palsu")]
    _refused(world, _package(world, a, unknown), "atas nama perangkat ini")
    known = [_op(sup.id, 3, "enterprise", str(uuid.uuid4()), "notes", "palsu")]
    _refused(world, _package(world, a, known), "isinya berbeda")


def test_another_officers_ops_replayed_in_a_package_are_refused(world) -> None:
    b, a = world["b"], world["a"]
    add_enterprise(b.db, "IKM Rahmat")
    path = export_package(b.db, world["root"] / "b-own.ikmsync", plain=True).path
    import zipfile

    with zipfile.ZipFile(path) as archive:
        lines = archive.read("ops.jsonl").decode().splitlines()
    _refused(world, _package(world, a, lines), "atas nama perangkat lain")


def test_an_origin_claimed_for_another_device_is_refused(world) -> None:
    a, b = world["a"], world["b"]
    origin = str(uuid.uuid4())
    ops = [_op(origin, 1, "sync_origin", origin, "device", b.id)]
    _refused(world, _package(world, a, ops), "atas nama perangkat lain")
    ops = [_op(b.id, 1, "sync_origin", b.id, "device", a.id)]
    with pytest.raises(PackageRefused):
        import_package(world["sup"].db, _package(world, a, ops))


def test_ops_the_receiver_holds_may_travel_with_any_sender(world) -> None:
    sup, a = world["sup"], world["a"]
    # The officer's full package carries the supervisor's ops it received: they are held.
    add_enterprise(a.db, "IKM penuh")
    result = receive(sup, send(a, sup, world["root"] / "full.ikmsync", full=True))
    assert result.applied > 0 and result.already_known > 0
    assert op_ids(sup.db) >= {op for op in op_ids(a.db) if not op.startswith(world["b"].id)}


def test_the_supervisor_cannot_send_an_officer_ops_of_its_current_origin(world) -> None:
    sup, a = world["sup"], world["a"]
    origin, counter = _origin(a)
    ops = [_op(origin, counter + 5, "enterprise", str(uuid.uuid4()), "notes", "palsu")]
    before = file_digest(a.db.path)
    with pytest.raises(PackageRefused, match="tidak pernah dibuatnya"):
        import_package(a.db, _package(world, sup, ops))
    assert file_digest(a.db.path) == before
    with a.db.unit_of_work() as session:
        assert session.scalar(select(ChangeOp).where(ChangeOp.counter == counter + 5)) is None


# --- issue 10 item 4: bounded clocks ---------------------------------------------------------


def _stamped(origin: str, counter: int, wall: int, logical: int, row_id: str) -> str:
    op = json.loads(_op(origin, counter, "enterprise", row_id, "notes", "jam"))
    op["hlc"] = f"{wall:013d}-{logical:010d}-{origin}"
    return json.dumps(op)


def test_an_hlc_beyond_the_bound_is_refused(world) -> None:
    a = world["a"]
    origin, counter = _origin(a)
    row = add_enterprise(a.db, "IKM jam")
    origin, counter = _origin(a)
    ops = [_stamped(origin, counter + 1, 9_999_999_999_999, 0, row)]
    _refused(world, _package(world, a, ops), "2100")


def test_following_the_largest_accepted_hlc_still_emits_accepted_hlcs(world) -> None:
    from ikmdesk.sync.hlc import LOGICAL_MAX, WALL_MAX_MS

    sup, a, b = world["sup"], world["a"], world["b"]
    receive(sup, send(a, sup, world["root"] / "pre-clock.ikmsync"))
    row = add_enterprise(a.db, "IKM jam maksimum")
    receive(sup, send(a, sup, world["root"] / "pre-clock2.ikmsync"))
    origin, counter = _origin(a)
    # The officer's own op at the very bound; its counters must follow on from its origin.
    ops = [_stamped(origin, counter + 1, WALL_MAX_MS - 1, LOGICAL_MAX, row)]
    import_package(sup.db, _package(world, a, ops))
    with sup.db.unit_of_work() as session:
        from ikmdesk.models import Enterprise

        session.get_one(Enterprise, row).notes = "sesudah jam maksimum"
    # Every peer accepts what the supervisor stamps next.
    receive(b, send(sup, b, world["root"] / "after-clock.ikmsync"))
    with b.db.unit_of_work() as session:
        from ikmdesk.models import Enterprise

        assert session.get_one(Enterprise, row).notes == "sesudah jam maksimum"
