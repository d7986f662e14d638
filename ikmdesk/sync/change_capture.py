"""Write field-level change ops for every change to a synced record, in the same transaction.

Installed on a session factory, the hooks see every ORM flush and every ORM bulk insert, so no
service can change synced data without leaving ops behind. Sync import applies remote ops with
capture switched off for its session (``CAPTURE_OFF``), because those ops already exist.
"""

from __future__ import annotations

import contextlib
import enum
import json
import os
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, event, func, insert, inspect, select, update
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker
from sqlalchemy.orm.attributes import NO_VALUE

from ikmdesk.dialect import serialize_writers
from ikmdesk.errors import (
    CONTEXT,
    MSG_DEVICE_NOT_SET_UP,
    QT_TRANSLATE_NOOP,
    DeviceNotSetUp,
    UserError,
)
from ikmdesk.models import ChangeOp, LocalIdentity, SyncedRecord, utc_now
from ikmdesk.models.sync_state import SyncContext
from ikmdesk.sync import hlc
from ikmdesk.sync.check_groups import check_groups
from ikmdesk.sync.hlc import ClockExhausted, HybridClock
from ikmdesk.sync.knowledge import local_vector, mark_context_changed

CAPTURE_OFF = "ikmdesk.capture_off"
"""Session.info key; true only while applying ops that came from a sync package or seeding."""

CAPTURE_AS = "ikmdesk.capture_as"
"""Session.info key set by ``captured_as``: the stand-in device whose ops changes become."""

# Local bookkeeping, not an edit: syncing it would make every two edits of a record conflict.
UNSYNCED_FIELDS = frozenset({"id", "updated_at"})

CONTEXT_ENTITY = "sync_context"
"""Entity of the ops that say what their author had seen (row_id = origin, field = vector)."""
CONTEXT_FIELD = "vector"

ORIGIN_ENTITY = "sync_origin"
"""Entity of the op that opens a new origin: op ``<origin>:1``, row_id = the origin,
field ``device``, value = the device (author) whose incarnation it is."""
ORIGIN_FIELD = "device"


_INSTALLED = "_ikmdesk_change_capture"

MSG_CLOCK_EXHAUSTED = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Jam sinkronisasi perangkat ini sudah mencapai batas tahun 2100 karena sebuah paket; "
    "perubahan tidak disimpan. Hubungi atasan.",
)


class TombstoneRequired(TypeError):
    """Synced records are never deleted: set ``deleted = True`` instead."""


def install(factory: sessionmaker[Session]) -> None:
    """Attach change capture to every session the factory makes."""
    # A mark on the factory itself, not event.contains(): SQLAlchemy's event registry is
    # keyed by id(), and a new factory can reuse the id of a collected one, which made
    # contains() answer True and left a fresh database without change capture.
    if getattr(factory, _INSTALLED, False):
        return
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "do_orm_execute", _on_orm_execute)
    setattr(factory, _INSTALLED, True)


def is_synced(obj_or_class: object) -> bool:
    """Tell whether a model (instance or class) travels in sync files."""
    cls = obj_or_class if isinstance(obj_or_class, type) else type(obj_or_class)
    return issubclass(cls, SyncedRecord)


def op_value(value: Any) -> Any:
    """Return the JSON form an op stores for a column value."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    if session.info.get(CAPTURE_OFF):
        return
    for obj in session.deleted:
        if is_synced(obj):
            raise TombstoneRequired(f"{type(obj).__name__} is synced; tombstone it instead")
    changes: list[tuple[str, str, dict[str, Any]]] = []
    updated: set[tuple[str, str]] = set()
    for obj in session.new:
        if is_synced(obj):
            _fill_defaults(obj)
            changes.append((obj.__tablename__, obj.id, _inserted_fields(obj)))  # type: ignore[attr-defined]
    for obj in session.dirty:
        if is_synced(obj) and session.is_modified(obj, include_collections=False):
            fields = _updated_fields(obj)
            if fields:
                obj.updated_at = utc_now()  # type: ignore[attr-defined]
                changes.append((obj.__tablename__, obj.id, fields))  # type: ignore[attr-defined]
                updated.add((obj.__tablename__, obj.id))  # type: ignore[attr-defined]
    if changes:
        _write_ops(session, changes, updated=updated)


def _on_orm_execute(state: ORMExecuteState) -> Any:
    if state.session.info.get(CAPTURE_OFF) or not (
        state.is_insert or state.is_update or state.is_delete
    ):
        return None
    mapper = state.bind_mapper
    if mapper is None or not is_synced(mapper.class_):
        return None
    params = state.parameters
    if not state.is_insert or not isinstance(params, list):
        raise TypeError(
            f"bulk UPDATE/DELETE of synced {mapper.class_.__name__} would bypass the change log; "
            "change the objects through the session instead"
        )
    table = cast(Table, mapper.local_table).name
    rows = [_with_defaults(mapper.class_, row) for row in params]
    _write_ops(session=state.session, changes=[(table, r["id"], _row_fields(r)) for r in rows])
    return state.invoke_statement(params=rows)


def _fill_defaults(obj: Any) -> None:
    for column in inspect(type(obj)).columns:
        if column.default is not None and getattr(obj, column.key) is None:
            setattr(obj, column.key, _default_value(column.default))


def _with_defaults(cls: type, row: Mapping[str, Any]) -> dict[str, Any]:
    filled = dict(row)
    column: Any
    for column in inspect(cls).columns:
        if filled.get(column.key) is None and column.default is not None:
            filled[column.key] = _default_value(column.default)
    return filled


def _default_value(default: Any) -> Any:
    arg = default.arg
    return arg(None) if callable(arg) else arg


def _inserted_fields(obj: Any) -> dict[str, Any]:
    values = {column.key: getattr(obj, column.key) for column in inspect(type(obj)).columns}
    return _row_fields(values)


def _row_fields(values: Mapping[str, Any]) -> dict[str, Any]:
    # A new row sends only what differs from the schema defaults a receiver would fill in.
    return {
        key: op_value(value)
        for key, value in values.items()
        if key not in UNSYNCED_FIELDS and value is not None and not (key == "deleted" and not value)
    }


def _updated_fields(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    fields: dict[str, Any] = {}
    for column in state.mapper.columns:
        if column.key in UNSYNCED_FIELDS:
            continue
        history = state.attrs[column.key].history
        if not history.has_changes():
            continue
        new = history.added[0] if history.added else None
        old = history.deleted[0] if history.deleted else NO_VALUE
        if old is NO_VALUE or op_value(old) != op_value(new):
            fields[column.key] = op_value(new)
    for columns, _checks in check_groups(state.mapper.local_table):
        if fields.keys() & set(columns):
            # A group bound by a CHECK travels whole, so every device's merge of it starts
            # from a state this device accepted (see ikmdesk.sync.coupled).
            for name in columns:
                fields.setdefault(name, op_value(getattr(obj, name)))
    return fields


@dataclass(slots=True)
class _StandIn:
    device_id: str
    wrote: bool = False


@contextlib.contextmanager
def captured_as(session: Session, device_id: str) -> Iterator[None]:
    """Record the changes made inside as ops of device ``device_id``, as if received from it.

    For demo data only: what its stand-in colleagues and supervisor did is their work, so it
    carries their origin (their device id, a first incarnation) and their counters, and every
    device applies the authority rules to it as to a real peer's. Their ops follow everything
    held here (stamped after this device's clock, after a context op that says their author
    had seen it all), and this device's next own op says it has seen them, as after an import.

    Never for a real device: its own later ops would reuse these op ids.
    """
    identity, _pending = _identity(session)
    if device_id in (identity.device_id, identity.origin_id):
        raise ValueError("a device's own changes are captured as its own")
    session.flush()  # what is pending was done by this device
    stand_in = _StandIn(device_id)
    previous = session.info.get(CAPTURE_AS)
    session.info[CAPTURE_AS] = stand_in
    try:
        yield
        session.flush()
    finally:
        session.info[CAPTURE_AS] = previous
        if previous is None:
            session.info.pop(CAPTURE_AS)
    if stand_in.wrote:
        mark_context_changed(session, identity.device_id, local_vector(session.connection()))


def record_ops(session: Session, changes: Iterable[tuple[str, str, dict[str, Any]]]) -> None:
    """Write ops for changes already made to the data (or to be re-asserted), as a local edit.

    Used where an edit must produce an op even though the stored value does not change,
    such as keeping the winning value of a conflict so that every device learns of it.
    """
    changes = list(changes)
    _write_ops(session, changes, updated={(entity, row_id) for entity, row_id, _f in changes})


def _write_ops(
    session: Session,
    changes: Iterable[tuple[str, str, dict[str, Any]]],
    *,
    updated: set[tuple[str, str]] | None = None,
) -> None:
    """Write the ops of local changes; ``updated``: the records that existed before them."""
    serialize_writers(session.connection())  # before reading the op counter it will advance
    stand_in = session.info.get(CAPTURE_AS)
    if stand_in is not None:
        _write_stand_in_ops(session, stand_in, changes)
        return
    identity, pending = _identity(session)
    device_id = identity.device_id
    connection = session.connection()
    state: dict[str, Any] = {}
    origin = identity.origin_id or device_id
    counter = identity.op_counter or 0
    here = file_identity(connection)
    if here is not None and identity.file_identity != here:
        if identity.file_identity is not None:
            # This file is a copy (another laptop, a restored or hand-copied backup): the
            # original may still hand out the next counters of the old origin.
            origin, counter = str(uuid.uuid4()), 0
            state["origin_id"] = origin
        state["file_identity"] = here
    clock = HybridClock(
        origin,
        wall_ms=identity.hlc_wall_ms or 0,
        logical=identity.hlc_logical or 0,
        now_ms=_wall_clock,
    )
    rows = []
    opening = origin != device_id and counter == 0
    context = None if pending else _pending_context(session, device_id)
    if opening:
        # A new origin says whose it is, and that it has seen everything held here.
        context = local_vector(connection)
        changes = [
            (ORIGIN_ENTITY, origin, {ORIGIN_FIELD: device_id}),
            (CONTEXT_ENTITY, origin, {CONTEXT_FIELD: context}),
            *changes,
        ]
    elif context is not None:
        # The first local edit after an import says what this device had seen by then.
        changes = [(CONTEXT_ENTITY, origin, {CONTEXT_FIELD: context}), *changes]
    preamble = 2 if opening else (1 if context is not None else 0)
    try:
        for entity, row_id, fields in changes:
            for field, value in fields.items():
                counter += 1
                rows.append((origin, counter, entity, row_id, field, value, clock.tick().encode()))
    except ClockExhausted as exc:
        raise UserError(MSG_CLOCK_EXHAUSTED) from exc
    if len(rows) <= preamble:
        return
    insert_op_rows(connection, rows)
    if context is not None:
        connection.execute(
            update(SyncContext).where(SyncContext.device_id == device_id).values(pending=False)
        )
    _judge_local_edit(connection, rows[preamble:], origin, updated or set())
    state.update(op_counter=counter, hlc_wall_ms=clock.wall_ms, hlc_logical=clock.logical)
    if pending:
        for key, value in state.items():
            setattr(identity, key, value)
    else:
        connection.execute(
            update(LocalIdentity).where(LocalIdentity.device_id == device_id).values(**state)
        )


def _write_stand_in_ops(
    session: Session, stand_in: _StandIn, changes: Iterable[tuple[str, str, dict[str, Any]]]
) -> None:
    """Store ops under a stand-in's origin, as ``captured_as`` describes."""
    identity, pending = _identity(session)
    connection = session.connection()
    origin = stand_in.device_id
    log = cast(Table, ChangeOp.__table__)
    counter = connection.scalar(select(func.max(log.c.counter)).where(log.c.device_id == origin))
    counter = int(counter or 0)
    clock = HybridClock(
        origin,
        wall_ms=identity.hlc_wall_ms or 0,
        logical=identity.hlc_logical or 0,
        now_ms=_wall_clock,
    )
    preamble = 0
    if not stand_in.wrote:
        changes = [(CONTEXT_ENTITY, origin, {CONTEXT_FIELD: local_vector(connection)}), *changes]
        preamble = 1
    rows = []
    try:
        for entity, row_id, fields in changes:
            for field, value in fields.items():
                counter += 1
                rows.append((origin, counter, entity, row_id, field, value, clock.tick().encode()))
    except ClockExhausted as exc:
        raise UserError(MSG_CLOCK_EXHAUSTED) from exc
    if len(rows) <= preamble:
        return
    insert_op_rows(connection, rows)
    stand_in.wrote = True
    # This device has seen them: its own next ops are stamped after them.
    state = {"hlc_wall_ms": clock.wall_ms, "hlc_logical": clock.logical}
    if pending:
        for key, value in state.items():
            setattr(identity, key, value)
    else:
        connection.execute(
            update(LocalIdentity)
            .where(LocalIdentity.device_id == identity.device_id)
            .values(**state)
        )


def file_identity(connection: Connection) -> str | None:
    """Return "device:inode" of the database file, or ``None`` for a database in memory.

    A copy of the file (to another laptop, or a backup put back) has another identity, so
    the first write from it starts a new origin; moving or renaming the file keeps it.
    """
    if connection.dialect.name != "sqlite":
        return None
    for _seq, name, path in connection.exec_driver_sql("PRAGMA database_list"):
        if name == "main" and path:
            try:
                status = os.stat(path)
            except OSError:
                return None
            return f"{status.st_dev}:{status.st_ino}"
    return None


def insert_op_rows(connection: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """Store change-log rows ``(device_id, counter, entity, row_id, field, value, hlc)``.

    One executemany of plain tuples: only ``value`` is converted, to the JSON text the
    column type itself would store, so the rows are exactly what an ORM insert writes.
    """
    if connection.dialect.paramstyle != "qmark":
        names = ("device_id", "counter", "entity", "row_id", "field", "value", "hlc")
        connection.execute(insert(ChangeOp), [dict(zip(names, row, strict=True)) for row in rows])
        return
    text = _json_text(connection)
    connection.exec_driver_sql(
        "INSERT INTO change_log (device_id, counter, entity, row_id, field, value, hlc) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(*row[:5], text(row[5]), row[6]) for row in rows],
    )


def _json_text(connection: Connection) -> Callable[[Any], Any]:
    """Return the function giving the text the ``value`` column stores for a JSON value.

    With SQLAlchemy's default serializer (``json.dumps``), strings -- most values -- are
    encoded directly by the C encoder that ``json.dumps`` itself would call.
    """
    process = cast(Table, ChangeOp.__table__).c.value.type._cached_bind_processor(
        connection.dialect
    )
    if process is None:
        return lambda value: value
    if getattr(connection.dialect, "_json_serializer", None) is not None:
        return process
    quote = json.encoder.encode_basestring_ascii  # type: ignore[attr-defined]

    def text(value: Any) -> Any:
        return quote(value) if type(value) is str else process(value)

    return text


def _wall_clock() -> int:
    # Looked up at call time, so tests can give a device a wrong clock.
    return hlc.wall_clock_ms()


def _judge_local_edit(
    connection: Connection,
    rows: Sequence[tuple[Any, ...]],
    origin: str,
    updated: set[tuple[str, str]],
) -> None:
    """Judge the conflicts of what a local edit touched by the rule every device applies.

    A new record (a fresh id) has no ops of others, so it has nothing to judge. An edit of
    a record that only this origin ever changed cannot conflict either, except through a
    tombstone (a child elsewhere may link to it) or a parent link.
    """
    if not updated:
        return
    from ikmdesk.sync.conflict_rule import judge, parent_links  # it builds on this module

    touched = {(row[2], row[3]) for row in rows if (row[2], row[3]) in updated}
    if not touched:
        return
    log = cast(Table, ChangeOp.__table__)
    shared: set[tuple[str, str]] = set()
    by_entity: dict[str, list[str]] = {}
    for entity, row_id in sorted(touched):
        by_entity.setdefault(entity, []).append(row_id)
    for entity, row_ids in by_entity.items():
        for start in range(0, len(row_ids), 400):
            shared.update(
                (entity, row_id)
                for row_id in connection.scalars(
                    select(log.c.row_id)
                    .where(
                        log.c.entity == entity,
                        log.c.row_id.in_(row_ids[start : start + 400]),
                        log.c.device_id != origin,
                    )
                    .distinct()
                )
            )
    fields: set[tuple[str, str, str]] = set()
    records: set[tuple[str, str]] = set()
    for _origin, _counter, entity, row_id, field, _value, _hlc in rows:
        if (entity, row_id) not in touched:
            continue
        if (entity, row_id) in shared:
            fields.add((entity, row_id, field))
            records.add((entity, row_id))
        elif field == "deleted":
            records.add((entity, row_id))
        elif any(column == field for column, _parent in parent_links(entity)):
            fields.add((entity, row_id, field))
    if fields or records:
        judge(connection, sorted(fields), sorted(records), now=utc_now())


def _pending_context(session: Session, device_id: str) -> dict[str, int] | None:
    row = (
        session.connection()
        .execute(
            select(SyncContext.vector).where(
                SyncContext.device_id == device_id, SyncContext.pending.is_(True)
            )
        )
        .first()
    )
    return None if row is None else dict(row[0])


def _identity(session: Session) -> tuple[Any, bool]:
    """Return this device's identity row and whether it is still pending insertion."""
    for obj in session.new:
        if isinstance(obj, LocalIdentity):
            return obj, True
    row = session.connection().execute(select(LocalIdentity.__table__)).first()
    if row is None:
        raise DeviceNotSetUp(MSG_DEVICE_NOT_SET_UP)
    return row, False
