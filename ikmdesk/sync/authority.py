"""Who may make which op: checked for a whole package before anything of it is written.

A package proves who sent it; this module decides whether each op in it is one its author
may make, and whether the sender may carry it (the rules of docs/sync-format.md, "Authority"):

- an op's author is the device whose origin named it: the origin itself for a device's
  first incarnation, else the device its ``sync_origin`` op names;
- an officer's package carries only that officer's ops, or ops the receiver already holds;
  the supervisor is the only relay;
- no package may carry ops of the receiver's current origin that the receiver lacks
  (it made every one of them); ops of its own retired origins come back only from the
  supervisor, after a restore;
- ``__sync_authority__`` of each model: ``"device_self"`` rows only by that device (and a
  known device's role and keys never change), ``"supervisor"`` rows only by a supervisor
  (``__sync_officer_creates__``: an officer may also add a row and edit the rows it added),
  ``"records"`` by anyone;
- field rules: approving or returning a visit, and naming its reviewer, only by a supervisor.

The first refusal found names the op; nothing is written (the caller has not begun).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Table, select

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, Phrase
from ikmdesk.models import SYNCED_MODELS, ChangeOp, Device
from ikmdesk.models.enums import DeviceRole
from ikmdesk.models.sync_state import TrustedPeer
from ikmdesk.sync.change_capture import CONTEXT_ENTITY, ORIGIN_ENTITY
from ikmdesk.sync.op_schema import TABLES, Op
from ikmdesk.sync.package_format import MSG_FOREIGN_OWN_OPS, PackageRefused
from ikmdesk.sync.stamp_order import refuse_unordered_stamps

AUTHORITY_RECORDS = "records"
AUTHORITY_SUPERVISOR = "supervisor"
AUTHORITY_DEVICE_SELF = "device_self"

MSG_OP_ID_REUSED = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Paket {name} memuat perubahan {op_id} yang isinya berbeda dari perubahan bernomor sama "
    "yang sudah ada di sini (di sini: {held}; di paket: {received}); paket ditolak.",
)
MSG_NOT_SENDERS_OP = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Paket {name} dari petugas memuat perubahan {op_id} atas nama perangkat lain ({author}); "
    "hanya atasan yang boleh meneruskan perubahan perangkat lain. Paket ditolak.",
)
MSG_NOT_AUTHORISED = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Paket {name} memuat perubahan {op_id} pada {entity}.{field} yang tidak boleh dibuat oleh "
    "perangkat {author} ({rule}); paket ditolak.",
)
MSG_BAD_ORIGIN = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Paket {name} memuat asal perubahan {origin} yang tidak sah ({detail}); paket ditolak.",
)

# The {rule} of MSG_NOT_AUTHORISED, translated with it.
RULE_OWN_ROW = Phrase(QT_TRANSLATE_NOOP(CONTEXT, "hanya perangkat itu sendiri"))
RULE_SUPERVISOR = Phrase(QT_TRANSLATE_NOOP(CONTEXT, "hanya atasan"))
RULE_KEYS = Phrase(QT_TRANSLATE_NOOP(CONTEXT, "peran dan kunci perangkat tidak berubah"))
DETAIL_ALREADY_A_DEVICE = Phrase(
    QT_TRANSLATE_NOOP(CONTEXT, "sudah dipakai sebagai perangkat atau asal lain")
)

# Values of a field only a supervisor may set (None: any non-null value).
_SUPERVISOR_VALUES: Mapping[tuple[str, str], frozenset[str] | None] = {
    ("visit", "status"): frozenset({"approved", "returned"}),
    ("visit", "reviewer_id"): None,
}
_FIXED_DEVICE_FIELDS = ("role", "signing_public_key", "encryption_public_key")
_MODELS: Mapping[str, type] = {m.__table__.name: m for m in SYNCED_MODELS}  # type: ignore[attr-defined]
_log = cast(Table, ChangeOp.__table__)


def authority_of(entity: str) -> str:
    """Return who may change records of a synced table (``records`` unless declared)."""
    model = _MODELS.get(entity)
    return AUTHORITY_RECORDS if model is None else getattr(model, "__sync_authority__", "records")


def role_may_set(role: str, entity: str, field: str, value: Any) -> bool:
    """Tell whether a device of ``role`` may write this value on its own (a local decision).

    The package rules above, as far as they depend on the role alone: services use it so
    that no device makes an op its peers would refuse (which would block its later packages).
    """
    if role == DeviceRole.SUPERVISOR.value:
        return True
    model = _MODELS.get(entity)
    if authority_of(entity) == AUTHORITY_SUPERVISOR and not getattr(
        model, "__sync_officer_creates__", False
    ):
        return False
    allowed = _SUPERVISOR_VALUES.get((entity, field), ())
    return allowed == () or value is None or (allowed is not None and value not in allowed)


@dataclass(frozen=True, slots=True)
class Receiver:
    """The importing device: its id, role, current origin and the counter it reached."""

    device_id: str
    role: str
    origin: str
    counter: int


def origin_authors(connection: Connection) -> dict[str, str]:
    """Return the device of every origin declared by a ``sync_origin`` op held here."""
    rows = connection.execute(
        select(_log.c.row_id, _log.c.value).where(_log.c.entity == ORIGIN_ENTITY)
    )
    return {origin: str(device) for origin, device in rows}


def sendable_origins(connection: Connection, device_id: str, role: str) -> frozenset[str] | None:
    """Return the origins whose ops a package of this device may carry (``None``: all of them).

    The supervisor relays everyone's ops; an officer sends only its own (those of every
    incarnation it opened), since a receiver refuses any other op it does not hold already.
    """
    if role == DeviceRole.SUPERVISOR.value:
        return None
    own = {origin for origin, author in origin_authors(connection).items() if author == device_id}
    return frozenset({device_id, *own})


def check_package(
    connection: Connection,
    ops: Sequence[Op],
    *,
    name: str,
    sender_id: str,
    sender_role: str,
    me: Receiver,
) -> list[Op]:
    """Refuse the package unless every op may be carried by its sender; return the new ops."""
    fresh = _fresh_ops(connection, ops, name)
    if not fresh:
        return fresh
    refuse_unordered_stamps(connection, fresh, name=name)
    authors = origin_authors(connection)
    known_devices = _known_devices(connection, me)
    for op in fresh:
        if op.entity == ORIGIN_ENTITY:
            if op.row_id in known_devices or op.row_id in authors:
                raise PackageRefused(
                    MSG_BAD_ORIGIN, name=name, origin=op.row_id, detail=DETAIL_ALREADY_A_DEVICE
                )
            authors[op.row_id] = op.value
    roles = _roles(connection, me, fresh, authors)
    rows = _Rows(connection, authors)
    sender_is_supervisor = sender_role == DeviceRole.SUPERVISOR.value
    for op in fresh:
        author = authors.get(op.device_id, op.device_id)
        if op.device_id == me.origin or (author == me.device_id and not sender_is_supervisor):
            raise PackageRefused(MSG_FOREIGN_OWN_OPS, name=name)
        if not sender_is_supervisor and author != sender_id:
            raise PackageRefused(MSG_NOT_SENDERS_OP, name=name, op_id=op.op_id, author=author)
        if op.entity in (CONTEXT_ENTITY, ORIGIN_ENTITY):
            continue
        rule = _broken_rule(op, author, roles, known_devices, rows, fresh)
        if rule is not None:
            raise PackageRefused(
                MSG_NOT_AUTHORISED,
                name=name,
                op_id=op.op_id,
                entity=op.entity,
                field=op.field,
                author=author,
                rule=rule,
            )
    return fresh


def _broken_rule(
    op: Op,
    author: str,
    roles: Mapping[str, str],
    known_devices: Mapping[str, tuple[str, str, str]],
    rows: _Rows,
    fresh: Sequence[Op],
) -> str | None:
    is_supervisor = roles.get(author) == DeviceRole.SUPERVISOR.value
    authority = authority_of(op.entity)
    if authority == AUTHORITY_DEVICE_SELF:
        if op.row_id != author:
            return RULE_OWN_ROW
        fixed = known_devices.get(author)
        if (
            fixed is not None
            and op.field in _FIXED_DEVICE_FIELDS
            and op.value != fixed[_FIXED_DEVICE_FIELDS.index(op.field)]
        ):
            return RULE_KEYS
    elif authority == AUTHORITY_SUPERVISOR and not is_supervisor:
        model = _MODELS[op.entity]
        if not getattr(model, "__sync_officer_creates__", False):
            return RULE_SUPERVISOR
        if rows.creator(op.entity, op.row_id, fresh) != author:
            return RULE_SUPERVISOR
    allowed = _SUPERVISOR_VALUES.get((op.entity, op.field), ())
    restricted = allowed != () and not is_supervisor and op.value is not None
    if restricted and (allowed is None or op.value in allowed):
        return RULE_SUPERVISOR
    return None


class _Rows:
    """Who added a record: the author of its earliest op (held here, else in the package)."""

    def __init__(self, connection: Connection, authors: Mapping[str, str]) -> None:
        self._connection = connection
        self._authors = authors
        self._cache: dict[tuple[str, str], str | None] = {}

    def creator(self, entity: str, row_id: str, fresh: Sequence[Op]) -> str | None:
        key = (entity, row_id)
        if key not in self._cache:
            self._cache[key] = self._find(entity, row_id, fresh)
        return self._cache[key]

    def _find(self, entity: str, row_id: str, fresh: Sequence[Op]) -> str | None:
        first = self._connection.execute(
            select(_log.c.device_id)
            .where(_log.c.entity == entity, _log.c.row_id == row_id)
            .order_by(_log.c.hlc)
            .limit(1)
        ).first()
        if first is not None:
            return self._authors.get(first[0], first[0])
        table = TABLES[entity]
        if self._connection.execute(select(table.c.id).where(table.c.id == row_id)).first():
            return None  # shipped reference data: no op made it, nobody but the supervisor
        ops = [op for op in fresh if op.entity == entity and op.row_id == row_id]
        earliest = min(ops, key=lambda op: op.hlc)
        return self._authors.get(earliest.device_id, earliest.device_id)


def _fresh_ops(connection: Connection, ops: Sequence[Op], name: str) -> list[Op]:
    """Return the ops not held here; an id held (or repeated) with other content is refused."""
    by_origin: dict[str, list[Op]] = defaultdict(list)
    seen: dict[tuple[str, int], Op] = {}
    for op in ops:
        key = (op.device_id, op.counter)
        twin = seen.setdefault(key, op)
        if twin is not op:
            if _content(twin) != _content(op):
                _refuse_reuse(name, op, twin, op)
            continue
        by_origin[op.device_id].append(op)
    fresh: list[Op] = []
    for origin, group in by_origin.items():
        low = min(op.counter for op in group)
        high = max(op.counter for op in group)
        held = {
            row[0]: row[1:]
            for row in connection.execute(
                select(
                    _log.c.counter, _log.c.entity, _log.c.row_id, _log.c.field, _log.c.value,
                    _log.c.hlc,
                ).where(_log.c.device_id == origin, _log.c.counter.between(low, high))
            )
        }  # fmt: skip
        if not held:
            fresh.extend(group)
            continue
        for op in group:
            stored = held.get(op.counter)
            if stored is None:
                fresh.append(op)
            elif tuple(stored) != _content(op):
                _refuse_reuse(name, op, stored, op)
    return fresh


def _content(op: Any) -> tuple[Any, ...]:
    return (op.entity, op.row_id, op.field, op.value, op.hlc)


def _describe(content: Sequence[Any]) -> str:
    entity, row_id, field, value, hlc = content
    return f"{entity}.{field}[{str(row_id)[:8]}]={str(value)[:40]!r} @{hlc[:24]}"


def _refuse_reuse(name: str, op: Op, held: Any, received: Any) -> None:
    held_content = _content(held) if isinstance(held, Op) else tuple(held)
    raise PackageRefused(
        MSG_OP_ID_REUSED,
        name=name,
        op_id=op.op_id,
        held=_describe(held_content),
        received=_describe(_content(received)),
    )


def _known_devices(connection: Connection, me: Receiver) -> dict[str, tuple[str, str, str]]:
    """Return role and keys of every device this one trusts (and of itself)."""
    known = {
        row.device_id: (row.role, row.signing_public_key, row.encryption_public_key)
        for row in connection.execute(select(cast(Table, TrustedPeer.__table__)))
    }
    device = cast(Table, Device.__table__)
    own = connection.execute(select(device).where(device.c.id == me.device_id)).first()
    if own is not None:
        role = own.role.value if hasattr(own.role, "value") else str(own.role)
        known[me.device_id] = (role, own.signing_public_key, own.encryption_public_key)
    return known


def _roles(
    connection: Connection, me: Receiver, fresh: Sequence[Op], authors: Mapping[str, str]
) -> dict[str, str]:
    """Return each device's role: trusted, else as its own device row says (held or new)."""
    device = cast(Table, Device.__table__)
    roles: dict[str, str] = {}
    for op in fresh:
        author = authors.get(op.device_id, op.device_id)
        if op.entity == "device" and op.field == "role" and op.row_id == author:
            roles[author] = str(op.value)
    for device_id, role in connection.execute(select(device.c.id, device.c.role)):
        roles[device_id] = role.value if hasattr(role, "value") else str(role)
    for device_id, role in connection.execute(select(TrustedPeer.device_id, TrustedPeer.role)):
        roles[device_id] = role
    roles[me.device_id] = me.role
    return roles
