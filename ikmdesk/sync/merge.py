"""Apply received ops: per field the greatest HLC wins; concurrent losers become conflicts.

The state of every field is a pure function of the set of ops held for it (the one with
the greatest HLC, whose text ends with the device id, so ties cannot happen). Applying
ops is therefore idempotent, commutative and associative. Ops are written with Core
statements in bulk and never produce new local ops.

"Concurrent" (recorded in ``sync_conflict``): op L on a field is a *lost edit* when it is
not the winner and no op on that field was made by an author who had seen L. "Had seen"
is exact: an author has seen its own earlier ops, and the ops covered by the version
vector in its latest context op (written before its first edit after each import).
An edit E of a record whose ``deleted`` winner T is a tombstone is an *edit on a deleted
record* when neither T's author had seen E nor E's author had seen T.
"""

from __future__ import annotations

import functools
import uuid
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import attrgetter
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from ikmdesk.dialect import serialize_writers
from ikmdesk.models import ChangeOp
from ikmdesk.models.sync_state import SyncConflict
from ikmdesk.sync.change_capture import (
    CONTEXT_ENTITY,
    CONTEXT_FIELD,
    UNSYNCED_FIELDS,
    insert_op_rows,
)
from ikmdesk.sync.coupled import Repair, repair_coupled
from ikmdesk.sync.hlc import Hlc
from ikmdesk.sync.knowledge import vector_and_gaps
from ikmdesk.sync.op_schema import ENTITY_RULES, TABLES, Op

KIND_FIELD = "field"
KIND_DELETED = "deleted"
STATUS_OPEN = "open"
STATUS_SUPERSEDED = "superseded"
_CHUNK = 400
_LOG_ROW = attrgetter("device_id", "counter", "entity", "row_id", "field", "value", "hlc")
IMPORT_CACHE_KIB = -131072
"""Page cache while a package is applied (negative: KiB, so at most 128 MB)."""
_log = cast(Table, ChangeOp.__table__)
_conflicts = cast(Table, SyncConflict.__table__)


@dataclass(frozen=True, slots=True)
class ApplyOutcome:
    """What applying a batch of ops did on this device."""

    applied: int
    known: int
    conflicts: int
    max_hlc: str | None


@dataclass(frozen=True, slots=True)
class _Stored:
    op_id: str
    device_id: str
    counter: int
    field: str
    value: Any
    hlc: str


def apply_ops(session: Session, ops: Sequence[Op], *, now: datetime) -> ApplyOutcome:
    """Store the ops this device lacks and bring every field they touch to its winning value."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        serialize_writers(connection)  # before asking which of the ops are already held
        return _apply(connection, ops, now)
    # Children may name parents that arrive later in the same package.
    connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    # A large package inserts into the change log's field index all over the file; with
    # SQLite's default 2 MB page cache most of those pages would be read and spilled again.
    cache_size = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}")
    try:
        return _apply(connection, ops, now)
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(cache_size or 0)}")


def _apply(connection: Connection, ops: Sequence[Op], now: datetime) -> ApplyOutcome:
    new_ops = _unknown(connection, ops)
    if not new_ops:
        return ApplyOutcome(0, len(ops), 0, None)
    data_ops = [op for op in new_ops if op.entity in TABLES]
    heads = _field_heads(connection, data_ops)
    _insert_ops(connection, new_ops)
    best, shared = _best_ops(data_ops)
    winners = (
        [op for key, op in best.items() if key not in heads or op.hlc > heads[key]]
        if heads
        else list(best.values())
    )
    with_history = {(entity, row_id) for entity, row_id, _field in heads}
    repairs, coupled_keys = repair_coupled(connection, best, with_history)
    _write_winners(connection, winners, with_history, now=now, overrides=repairs)
    suspects = [key for key in best if key in heads or key in shared]
    suspects += sorted(coupled_keys - set(suspects))
    judge = _Judge(connection)
    conflicts = _record_field_conflicts(connection, judge, suspects, now=now, repairs=repairs)
    touched = {(op.entity, op.row_id) for op in data_ops}
    if not _has_open(connection, KIND_DELETED):
        # Only a record now marked deleted can hold an edit-on-deleted conflict, and with no
        # open one nothing needs superseding: only records whose deleted flag may be set
        # (held before, or given a non-false tombstone now) are looked up.
        touched = with_history | {
            (op.entity, op.row_id)
            for op in data_ops
            if op.field == "deleted" and op.value is not False and op.value is not None
        }
    conflicts += _record_deleted_conflicts(connection, judge, touched, now=now)
    return ApplyOutcome(
        applied=len(new_ops),
        known=len(ops) - len(new_ops),
        conflicts=conflicts,
        max_hlc=max(op.hlc for op in new_ops),
    )


def _best_ops(
    ops: Iterable[Op],
) -> tuple[dict[tuple[str, str, str], Op], set[tuple[str, str, str]]]:
    """Return the greatest-HLC op of every field, and the fields set by more than one device.

    A field has ops by two devices exactly when some op's device differs from that of the
    best op seen before it (all ops before the first stranger share one device).
    """
    best: dict[tuple[str, str, str], Op] = {}
    shared: set[tuple[str, str, str]] = set()
    for op in ops:
        key = (op.entity, op.row_id, op.field)
        current = best.setdefault(key, op)
        if current is not op:
            if current.device_id != op.device_id:
                shared.add(key)
            if op.hlc > current.hlc:
                best[key] = op
    return best, shared


def _unknown(connection: Connection, ops: Sequence[Op]) -> list[Op]:
    vector, gapped = vector_and_gaps(connection)
    candidates = [op for op in ops if op.counter > vector.get(op.device_id, 0)]
    # Past its prefix, an origin's ops can only be held here if some were received past a gap.
    held: set[tuple[str, int]] = set()
    for origin in sorted(gapped & {op.device_id for op in candidates}):
        held.update(
            (origin, counter)
            for counter in connection.scalars(
                select(_log.c.counter).where(
                    _log.c.device_id == origin, _log.c.counter > vector.get(origin, 0)
                )
            )
        )
    if not held:
        return candidates
    return [op for op in candidates if (op.device_id, op.counter) not in held]


def _field_heads(connection: Connection, ops: Iterable[Op]) -> dict[tuple[str, str, str], str]:
    """Return the greatest stored HLC of every field the ops touch (before storing them)."""
    rows_by_entity: dict[str, set[str]] = defaultdict(set)
    for op in ops:
        rows_by_entity[op.entity].add(op.row_id)
    heads: dict[tuple[str, str, str], str] = {}
    for entity, row_ids in rows_by_entity.items():
        if not _holds_any(connection, select(_log.c.counter).where(_log.c.entity == entity)):
            continue  # e.g. the first import into a new device: nothing to look up
        for chunk in _chunks(sorted(row_ids)):
            result = connection.execute(
                select(_log.c.row_id, _log.c.field, func.max(_log.c.hlc))
                .where(_log.c.entity == entity, _log.c.row_id.in_(chunk))
                .group_by(_log.c.row_id, _log.c.field)
            )
            for row_id, field, hlc in result:
                heads[(entity, row_id, field)] = hlc
    return heads


def _holds_any(connection: Connection, query: Any) -> bool:
    return connection.scalar(query.limit(1)) is not None


def _write_winners(
    connection: Connection,
    winners: Sequence[Op],
    with_history: set[tuple[str, str]],
    *,
    now: datetime,
    overrides: Mapping[tuple[str, str], Repair] | None = None,
) -> None:
    by_row: dict[str, dict[str, dict[str, Op]]] = defaultdict(lambda: defaultdict(dict))
    for op in winners:
        by_row[op.entity][op.row_id][op.field] = op
    for (entity, row_id), repair in (overrides or {}).items():
        by_row[entity][row_id].update(repair.fields)
    for entity, table in TABLES.items():  # parents before children
        rows = by_row.get(entity)
        if not rows:
            continue
        existing: set[str] = set()
        if _holds_any(connection, select(table.c.id)):
            for chunk in _chunks(sorted(rows)):
                existing.update(connection.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
        fresh = [
            (row_id, _all_heads(connection, entity, row_id) if (entity, row_id) in with_history
             else fields)
            for row_id, fields in rows.items()
            if row_id not in existing
        ]  # fmt: skip
        if overrides:
            fresh = [
                (row_id, {**fields, **overrides[(entity, row_id)].fields})
                if (entity, row_id) in overrides else (row_id, fields)
                for row_id, fields in fresh
            ]  # fmt: skip
        if fresh:
            _bulk_insert(
                connection,
                table,
                [_new_row(entity, row_id, fields, now) for row_id, fields in fresh],
            )
        changed: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
        for row_id, fields in rows.items():
            if row_id in existing:
                changed[frozenset(fields)].append(_changed_values(entity, row_id, fields))
        for names, params in changed.items():
            statement = (
                update(table)
                .where(table.c.id == bindparam("_row_id"))
                .values({name: bindparam(name) for name in (*names, "updated_at")})
            )
            connection.execute(statement, params)


def _all_heads(connection: Connection, entity: str, row_id: str) -> dict[str, Op]:
    """Return the winning op of every field of a record from all ops held for it.

    Needed when a record is missing here although some of its ops are held (ops received
    past a gap, e.g. after restoring a backup): its row must be built from all of them.
    """
    heads: dict[str, Op] = {}
    result = connection.execute(
        select(*_log.c).where(_log.c.entity == entity, _log.c.row_id == row_id).order_by(_log.c.hlc)
    )
    for row in result.mappings():
        heads[row["field"]] = Op(op_id=f"{row['device_id']}:{row['counter']}", **row)
    return heads


def _insert_ops(connection: Connection, ops: Sequence[Op]) -> None:
    insert_op_rows(connection, list(map(_LOG_ROW, ops)))


def _bulk_insert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows that all carry every column, skipping SQLAlchemy's per-row bookkeeping.

    The values go through each column type's own bind processor, so they are stored exactly
    as an ORM insert would store them; only the statement is executed by the driver at once.
    """
    if not rows:
        return
    if connection.dialect.paramstyle != "qmark":
        connection.execute(insert(table), rows)
        return
    names = list(rows[0])
    columns: list[list[Any]] = []
    for name in names:
        values = [row[name] for row in rows]
        process = table.c[name].type._cached_bind_processor(connection.dialect)
        # Column by column with map(): the per-value Python overhead is what costs here.
        columns.append(values if process is None else list(map(process, values)))
    params = list(zip(*columns, strict=True))
    quote = connection.dialect.identifier_preparer.quote
    columns = ", ".join(quote(table.c[name].name) for name in names)
    marks = ", ".join("?" * len(names))
    connection.exec_driver_sql(
        f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({marks})", params
    )


def _new_row(entity: str, row_id: str, fields: dict[str, Op], now: datetime) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for key, convert, constant, factory in _columns(entity):
        op = fields.get(key)
        if op is not None:
            row[key] = op.value if convert is None else convert(op.value)
        else:
            row[key] = constant if factory is None else factory(None)
    row["id"] = row_id
    if row.get("created_at") is None:
        row["created_at"] = now
    row["updated_at"] = _op_time(fields.values())
    return row


def _changed_values(entity: str, row_id: str, fields: dict[str, Op]) -> dict[str, Any]:
    rules = ENTITY_RULES[entity]
    params = {name: rules[name].to_column(op.value) for name, op in fields.items()}
    params["_row_id"] = row_id
    params["updated_at"] = _op_time(fields.values())
    return params


_Column = tuple[str, Callable[[Any], Any] | None, Any, Callable[[Any], Any] | None]


@functools.cache
def _columns(entity: str) -> tuple[_Column, ...]:
    """Return each synced column's key, value converter (None: as is) and new-row default.

    The default is a constant, or a factory called with no context (as SQLAlchemy would).
    """
    rules = ENTITY_RULES[entity]
    columns: list[_Column] = []
    for column in TABLES[entity].columns:
        if column.key in UNSYNCED_FIELDS:
            continue
        rule = rules[column.key]
        arg = None if column.default is None else column.default.arg
        factory = arg if callable(arg) else None
        columns.append(
            (
                column.key,
                rule.to_column if rule.converts else None,
                arg if factory is None else None,
                factory,
            )
        )
    return tuple(columns)


def _op_time(ops: Iterable[Op]) -> datetime:
    """Return when the newest of the ops was made, by its author's hybrid clock."""
    return _wall_time(Hlc.decode(max(op.hlc for op in ops)).wall_ms)


@functools.lru_cache(maxsize=4096)
def _wall_time(wall_ms: int) -> datetime:
    # Ops made in one burst share their millisecond: most rows hit the cache.
    return datetime.fromtimestamp(wall_ms / 1000, UTC)


class _Judge:
    """Answers "had the author of op A seen op B?" from the context ops in the change log."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._contexts: dict[str, tuple[list[int], list[dict[str, int]]]] = {}

    def had_seen(self, author: _Stored, other: _Stored) -> bool:
        if author.device_id == other.device_id:
            return other.counter < author.counter
        counters, vectors = self._context_of(author.device_id)
        index = bisect_left(counters, author.counter) - 1
        return index >= 0 and vectors[index].get(other.device_id, 0) >= other.counter

    def _context_of(self, device_id: str) -> tuple[list[int], list[dict[str, int]]]:
        cached = self._contexts.get(device_id)
        if cached is None:
            rows = self._connection.execute(
                select(_log.c.counter, _log.c.value)
                .where(
                    _log.c.entity == CONTEXT_ENTITY,
                    _log.c.row_id == device_id,
                    _log.c.field == CONTEXT_FIELD,
                )
                .order_by(_log.c.counter)
            ).all()
            cached = ([r[0] for r in rows], [dict(r[1] or {}) for r in rows])
            self._contexts[device_id] = cached
        return cached


def _stored_ops(
    connection: Connection, entity: str, row_id: str, field: str | None
) -> list[_Stored]:
    query = select(_log.c.device_id, _log.c.counter, _log.c.field, _log.c.value, _log.c.hlc).where(
        _log.c.entity == entity, _log.c.row_id == row_id
    )
    if field is not None:
        query = query.where(_log.c.field == field)
    return [
        _Stored(f"{device_id}:{counter}", device_id, counter, name, value, hlc)
        for device_id, counter, name, value, hlc in connection.execute(query.order_by(_log.c.hlc))
    ]


def _record_field_conflicts(
    connection: Connection,
    judge: _Judge,
    keys: Iterable[tuple[str, str, str]],
    *,
    now: datetime,
    repairs: Mapping[tuple[str, str], Repair] | None = None,
) -> int:
    found = 0
    for entity, row_id, field in keys:
        ops = _stored_ops(connection, entity, row_id, field)
        repair = (repairs or {}).get((entity, row_id))
        if repair is not None:
            found += _record_repair_conflicts(connection, entity, row_id, ops, repair, now)
            continue
        if len({op.device_id for op in ops}) < 2:
            continue
        winner = ops[-1]
        for loser in ops[:-1]:
            overwritten = any(
                judge.had_seen(later, loser) for later in ops if later.hlc > loser.hlc
            )
            if overwritten or loser.value == winner.value:
                _close(connection, loser.op_id, KIND_FIELD, now)
            else:
                found += _open(connection, KIND_FIELD, entity, row_id, loser, winner, now)
    return found


def _record_repair_conflicts(
    connection: Connection,
    entity: str,
    row_id: str,
    ops: Sequence[_Stored],
    repair: Repair,
    now: datetime,
) -> int:
    """Conflicts of a field of a repaired group: what came after the kept state lost."""
    if not ops:
        return 0
    field = ops[0].field
    kept = repair.fields.get(field)
    winner = next((op for op in ops if kept is not None and op.op_id == kept.op_id), None)
    if winner is None:
        winner = _Stored("", "", 0, field, None if kept is None else kept.value, repair.hlc)
    found = 0
    for op in ops:
        if op.op_id == winner.op_id:
            continue
        if op.hlc > repair.hlc and op.value != winner.value:
            found += _open(connection, KIND_FIELD, entity, row_id, op, winner, now)
        else:
            _close(connection, op.op_id, KIND_FIELD, now)
    return found


def _record_deleted_conflicts(
    connection: Connection, judge: _Judge, rows: Iterable[tuple[str, str]], *, now: datetime
) -> int:
    by_entity: dict[str, list[str]] = defaultdict(list)
    for entity, row_id in rows:
        by_entity[entity].append(row_id)
    found = 0
    for entity, row_ids in by_entity.items():
        table = TABLES[entity]
        deleted: set[str] = set()
        for chunk in _chunks(sorted(row_ids)):
            deleted.update(
                connection.scalars(
                    select(table.c.id).where(table.c.id.in_(chunk), table.c.deleted.is_(True))
                )
            )
        for row_id in sorted(deleted):
            found += _judge_deleted_row(connection, judge, entity, row_id, now)
        alive = sorted(set(row_ids) - deleted)
        if alive and _has_open(connection, KIND_DELETED):
            # A record brought back to life has no edit-on-deleted conflict any more.
            for chunk in _chunks(alive):
                connection.execute(
                    update(_conflicts)
                    .where(
                        _conflicts.c.kind == KIND_DELETED,
                        _conflicts.c.status == STATUS_OPEN,
                        _conflicts.c.entity == entity,
                        _conflicts.c.row_id.in_(chunk),
                    )
                    .values(status=STATUS_SUPERSEDED, resolved_at=now)
                )
    return found


def _judge_deleted_row(
    connection: Connection, judge: _Judge, entity: str, row_id: str, now: datetime
) -> int:
    ops = _stored_ops(connection, entity, row_id, None)
    tombstones = [op for op in ops if op.field == "deleted"]
    if not tombstones:
        return 0
    tomb = tombstones[-1]
    found = 0
    for edit in ops:
        if edit.field == "deleted":
            continue
        concurrent = (
            edit.device_id != tomb.device_id
            and not judge.had_seen(tomb, edit)
            and not judge.had_seen(edit, tomb)
        )
        if concurrent:
            found += _open(connection, KIND_DELETED, entity, row_id, edit, tomb, now)
        else:
            _close(connection, edit.op_id, KIND_DELETED, now)
    return found


def _has_open(connection: Connection, kind: str) -> bool:
    return (
        connection.scalar(
            select(_conflicts.c.id)
            .where(_conflicts.c.kind == kind, _conflicts.c.status == STATUS_OPEN)
            .limit(1)
        )
        is not None
    )


def _open(
    connection: Connection,
    kind: str,
    entity: str,
    row_id: str,
    loser: _Stored,
    winner: _Stored,
    now: datetime,
) -> int:
    """Record (or refresh) a conflict; return 1 if it is new on this device."""
    existing = connection.execute(
        select(_conflicts.c.id, _conflicts.c.winner_op_id, _conflicts.c.status).where(
            _conflicts.c.loser_op_id == loser.op_id, _conflicts.c.kind == kind
        )
    ).first()
    winner_values = {
        "winner_op_id": winner.op_id,
        "winner_device_id": winner.device_id,
        "winner_hlc": winner.hlc,
        "winner_value": winner.value,
    }
    if existing is not None:
        # The open conflicts are a function of the ops held: one closed by an earlier
        # verdict opens again when the ops now say so (e.g. a new winner with another value).
        if existing.winner_op_id != winner.op_id or existing.status != STATUS_OPEN:
            connection.execute(
                update(_conflicts)
                .where(_conflicts.c.id == existing.id)
                .values(**winner_values, status=STATUS_OPEN, resolved_at=None)
            )
        return 0
    connection.execute(
        insert(_conflicts).values(
            id=str(uuid.uuid4()),
            kind=kind,
            entity=entity,
            row_id=row_id,
            field=loser.field,
            loser_op_id=loser.op_id,
            loser_device_id=loser.device_id,
            loser_hlc=loser.hlc,
            loser_value=loser.value,
            detected_at=now,
            status=STATUS_OPEN,
            **winner_values,
        )
    )
    return 1


def _close(connection: Connection, loser_op_id: str, kind: str, now: datetime) -> None:
    connection.execute(
        update(_conflicts)
        .where(
            _conflicts.c.loser_op_id == loser_op_id,
            _conflicts.c.kind == kind,
            _conflicts.c.status == STATUS_OPEN,
        )
        .values(status=STATUS_SUPERSEDED, resolved_at=now)
    )


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]
