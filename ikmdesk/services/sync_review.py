"""Reviewing what sync found: conflicts to resolve, changes confirmed, changes still missing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ikmdesk.errors import CONTEXT, MSG_NOT_FOUND, QT_TRANSLATE_NOOP, NotFoundError, UserError
from ikmdesk.models import SYNCED_MODELS, ChangeOp, Device, utc_now
from ikmdesk.models.enums import DeviceRole
from ikmdesk.models.sync_state import SyncConflict, TrustedPeer
from ikmdesk.services.device import this_device
from ikmdesk.sync.authority import origin_authors, role_may_set
from ikmdesk.sync.change_capture import CONTEXT_ENTITY, ORIGIN_ENTITY, op_value, record_ops
from ikmdesk.sync.conflict_rule import KIND_DELETED, KIND_FIELD, KIND_PARENT, STATUS_OPEN, judge
from ikmdesk.sync.hlc import Hlc
from ikmdesk.sync.knowledge import all_peer_vectors, local_vector
from ikmdesk.sync.op_schema import ENTITY_RULES

STATUS_RESTORED = "restored"
STATUS_KEPT = "kept"
MSG_CONFLICT_CLOSED = QT_TRANSLATE_NOOP(CONTEXT, "Konflik ini sudah ditangani sebelumnya.")
MSG_CONFLICT_SUPERVISOR_ONLY = QT_TRANSLATE_NOOP(
    CONTEXT, "Hanya atasan yang dapat memutuskan konflik ini (data yang diatur atasan)."
)
_MODELS = {model.__table__.name: model for model in SYNCED_MODELS}  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class ConflictRow:
    """A conflict as the review list shows it: both values, who made each and when."""

    id: str
    kind: str
    entity: str
    row_id: str
    field: str
    status: str
    kept_value: Any
    kept_device_id: str
    kept_officer: str | None
    kept_at: datetime
    other_value: Any
    other_device_id: str
    other_officer: str | None
    other_at: datetime
    detected_at: datetime


def list_conflicts(session: Session, *, include_closed: bool = False) -> list[ConflictRow]:
    """Return conflicts, open ones only unless asked, newest first."""
    query = select(SyncConflict).order_by(SyncConflict.detected_at.desc(), SyncConflict.id)
    if not include_closed:
        query = query.where(SyncConflict.status == STATUS_OPEN)
    names = _officer_names(session)
    return [
        ConflictRow(
            id=c.id,
            kind=c.kind,
            entity=c.entity,
            row_id=c.row_id,
            field=c.field,
            status=c.status,
            kept_value=c.winner_value,
            kept_device_id=c.winner_device_id,
            kept_officer=names.get(c.winner_device_id),
            kept_at=_hlc_time(c.winner_hlc),
            other_value=c.loser_value,
            other_device_id=c.loser_device_id,
            other_officer=names.get(c.loser_device_id),
            other_at=_hlc_time(c.loser_hlc),
            detected_at=c.detected_at,
        )
        for c in session.scalars(query)
    ]


def restore_other_value(session: Session, conflict_id: str) -> None:
    """Put the losing value back (or bring the deleted record back) as a new edit that syncs."""
    conflict = _open_conflict(session, conflict_id)
    model = _MODELS[conflict.entity]
    record = session.get(model, conflict.row_id)
    if record is None:
        raise NotFoundError(MSG_NOT_FOUND, what=conflict.entity, id=conflict.row_id)
    if conflict.kind in (KIND_DELETED, KIND_PARENT):
        field, value = "deleted", False
    else:
        field = conflict.field
        value = ENTITY_RULES[conflict.entity][field].to_column(conflict.loser_value)
    _assert_value(session, record, conflict.entity, field, value)
    conflict.status, conflict.resolved_at = STATUS_RESTORED, utc_now()
    _judge_again(session, conflict)


def keep_current_value(session: Session, conflict_id: str) -> None:
    """Confirm the value that won; the confirmation is an edit that closes it on every device."""
    conflict = _open_conflict(session, conflict_id)
    model = _MODELS[conflict.entity]
    record = session.get(model, conflict.row_id)
    if record is None:
        raise NotFoundError(MSG_NOT_FOUND, what=conflict.entity, id=conflict.row_id)
    field = "deleted" if conflict.kind in (KIND_DELETED, KIND_PARENT) else conflict.field
    _assert_value(session, record, conflict.entity, field, getattr(record, field))
    conflict.status, conflict.resolved_at = STATUS_KEPT, utc_now()
    _judge_again(session, conflict)


def _judge_again(session: Session, conflict: SyncConflict) -> None:
    """Judge the reviewed conflict by the shared rule once its decision is stored.

    The decision keeps its status where its op dominates the loser (as on every device that
    receives it); where it cannot (the loser is held only past a gap) the conflict stays open.
    """
    session.flush()
    key = (conflict.entity, conflict.row_id)
    fields = [(*key, conflict.field)] if conflict.kind == KIND_FIELD else []
    judge(session.connection(), fields, [key], now=utc_now())
    session.expire(conflict)


def _open_conflict(session: Session, conflict_id: str) -> SyncConflict:
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None:
        raise NotFoundError(MSG_NOT_FOUND, what="konflik", id=conflict_id)
    if conflict.status != STATUS_OPEN:
        raise UserError(MSG_CONFLICT_CLOSED)
    return conflict


def _assert_value(session: Session, record: Any, entity: str, field: str, value: Any) -> None:
    """Set ``field``; if it already holds ``value``, still write an op so the decision syncs."""
    # An op the supervisor would refuse would block every later package of this device.
    if not role_may_set(this_device(session).role.value, entity, field, op_value(value)):
        raise UserError(MSG_CONFLICT_SUPERVISOR_ONLY)
    if op_value(getattr(record, field)) != op_value(value):
        setattr(record, field, value)
        session.flush()
    else:
        record.updated_at = utc_now()
        record_ops(session, [(entity, record.id, {field: op_value(value)})])


def _hlc_time(text: str) -> datetime:
    return datetime.fromtimestamp(Hlc.decode(text).wall_ms / 1000, UTC)


def _officer_names(session: Session) -> dict[str, str]:
    names = dict(session.execute(select(TrustedPeer.device_id, TrustedPeer.officer_name)).all())
    names.update(dict(session.execute(select(Device.id, Device.officer_name)).all()))
    return names


@dataclass(frozen=True, slots=True)
class Receipt:
    """How many of this device's own changes a peer has confirmed holding."""

    peer_id: str
    peer_name: str
    confirmed_through: int
    own_changes: int
    unconfirmed: int
    unconfirmed_records: list[tuple[str, str]]


def confirmed_changes(session: Session) -> list[Receipt]:
    """Return, per supervisor (for an officer) or per peer, which own changes it confirmed.

    A peer confirms by sending a package: its vector says up to which counter it holds
    this device's ops. ``unconfirmed_records`` names the records with changes not yet held.
    """
    me = this_device(session)
    # This device's ops span its origins (one more after each restore or copy).
    declared = origin_authors(session.connection()).items()
    origins = [me.id, *sorted(origin for origin, device in declared if device == me.id)]
    highest = {
        origin: int(
            session.scalar(select(func.max(ChangeOp.counter)).where(ChangeOp.device_id == origin))
            or 0
        )
        for origin in origins
    }
    own_total = sum(highest.values())
    vectors = all_peer_vectors(session)
    peers = session.scalars(select(TrustedPeer).order_by(TrustedPeer.officer_name)).all()
    if me.role == DeviceRole.OFFICER:
        peers = [p for p in peers if p.role == DeviceRole.SUPERVISOR.value] or list(peers)
    receipts = []
    for peer in peers:
        known = vectors.get(peer.device_id, {})
        held = {origin: min(known.get(origin, 0), highest[origin]) for origin in origins}
        through = sum(held.values())
        records = session.execute(
            select(ChangeOp.entity, ChangeOp.row_id)
            .where(
                or_(
                    *(
                        and_(ChangeOp.device_id == origin, ChangeOp.counter > held[origin])
                        for origin in origins
                    )
                ),
                ChangeOp.entity.not_in((CONTEXT_ENTITY, ORIGIN_ENTITY)),
            )
            .distinct()
            .limit(1000)
        ).all()
        receipts.append(
            Receipt(
                peer_id=peer.device_id,
                peer_name=peer.officer_name,
                confirmed_through=through,
                own_changes=own_total,
                unconfirmed=max(own_total - through, 0),
                unconfirmed_records=[(e, r) for e, r in records],
            )
        )
    return receipts


@dataclass(frozen=True, slots=True)
class Gap:
    """Changes of one device known to exist (from some package's vector) but not received."""

    device_id: str
    officer_name: str | None
    announced: int
    received: int
    missing: int
    missing_ranges: list[tuple[int, int]]


def missing_changes(session: Session) -> list[Gap]:
    """Return, per origin device, the changes announced by vectors but absent here."""
    me = this_device(session)
    connection = session.connection()
    held = local_vector(connection)
    announced: dict[str, int] = {}
    for vector in all_peer_vectors(session).values():
        for origin, counter in vector.items():
            announced[origin] = max(announced.get(origin, 0), counter)
    names = _officer_names(session)
    gaps = []
    for origin, highest in sorted(announced.items()):
        if origin == me.id or highest <= held.get(origin, 0):
            continue
        present = set(
            session.scalars(
                select(ChangeOp.counter).where(
                    ChangeOp.device_id == origin,
                    ChangeOp.counter > held.get(origin, 0),
                    ChangeOp.counter <= highest,
                )
            )
        )
        ranges = _missing_ranges(held.get(origin, 0) + 1, highest, present)
        gaps.append(
            Gap(
                device_id=origin,
                officer_name=names.get(origin),
                announced=highest,
                received=held.get(origin, 0),
                missing=sum(b - a + 1 for a, b in ranges),
                missing_ranges=ranges,
            )
        )
    return gaps


def _missing_ranges(first: int, last: int, present: set[int]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    start = None
    for counter in range(first, last + 1):
        if counter in present:
            if start is not None:
                ranges.append((start, counter - 1))
                start = None
        elif start is None:
            start = counter
    if start is not None:
        ranges.append((start, last))
    return ranges


__all__ = [
    "KIND_DELETED",
    "KIND_FIELD",
    "ConflictRow",
    "Gap",
    "Receipt",
    "confirmed_changes",
    "keep_current_value",
    "list_conflicts",
    "missing_changes",
    "restore_other_value",
]
