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
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import attrgetter
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from ikmdesk.dialect import serialize_writers
from ikmdesk.models import ChangeOp
from ikmdesk.models.sync_state import SyncHeldRecord
from ikmdesk.sync.change_capture import (
    CONTEXT_ENTITY,
    UNSYNCED_FIELDS,
    insert_op_rows,
)
from ikmdesk.sync.conflict_rule import (  # noqa: F401 - the property test reads them
    KIND_DELETED,
    KIND_PARENT,
    _Judge,
    _Stored,
    fields_after_contexts,
    has_open,
    judge,
    parent_links,
)
from ikmdesk.sync.coupled import Repair, coupled_groups, repair_coupled, replay_group
from ikmdesk.sync.hlc import Hlc
from ikmdesk.sync.knowledge import vector_and_gaps
from ikmdesk.sync.op_schema import ENTITY_RULES, TABLES, Op

_CHUNK = 400
_LOG_ROW = attrgetter("device_id", "counter", "entity", "row_id", "field", "value", "hlc")
IMPORT_CACHE_KIB = -131072
"""Page cache while a package is applied (negative: KiB, so at most 128 MB)."""
_log = cast(Table, ChangeOp.__table__)
_held = cast(Table, SyncHeldRecord.__table__)


@dataclass(frozen=True, slots=True)
class ApplyOutcome:
    """What applying a batch of ops did on this device."""

    applied: int
    known: int
    conflicts: int
    max_hlc: str | None
    held: int = 0
    """Records waiting for a record they link to (held, not refused)."""


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
    new_ops, gapped = _unknown(connection, ops)
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
    released = _release_held(connection, now=now)
    suspects = [key for key in best if key in heads or key in shared]
    suspects += sorted(coupled_keys - set(suspects))
    suspects += sorted(_links_to_deleted(connection, best) - set(suspects))
    touched = {(op.entity, op.row_id) for op in data_ops}
    if not has_open(connection, KIND_DELETED, KIND_PARENT):
        # Only a record now marked deleted can hold an edit-on-deleted (or deleted-parent)
        # conflict, and with no open one nothing needs superseding: only records whose
        # deleted flag may be set (held before, or given a non-false tombstone now) are read.
        touched = with_history | {
            (op.entity, op.row_id)
            for op in data_ops
            if op.field == "deleted" and op.value is not False and op.value is not None
        }
    verdicts = _Judge(connection)
    conflicts = judge(
        connection,
        suspects,
        sorted(touched),
        now=now,
        repairs=repairs,
        replayed={(entity, row_id) for entity, row_id, _field in best},
        deleted_rows=_deleted_rows(connection, touched),
        judge=verdicts,
    )
    # Ops of an origin held past a gap were judged without the context ops in the gap;
    # those that arrive now can change what their author had seen. Released records were
    # not written when their ops arrived. Both are judged again from every op held.
    late = [
        (op.device_id, op.counter)
        for op in new_ops
        if op.entity == CONTEXT_ENTITY and op.device_id in gapped
    ]
    again: set[tuple[str, str, str]] = set()
    again_rows: set[tuple[str, str]] = set(released)
    if late:
        again, rows = fields_after_contexts(
            connection, late, {(op.device_id, op.counter) for op in new_ops}
        )
        again_rows |= rows
    for entity, row_id in released:
        again.update(
            (entity, row_id, field)
            for field in connection.scalars(
                select(_log.c.field)
                .where(_log.c.entity == entity, _log.c.row_id == row_id)
                .distinct()
            )
        )
    again -= set(suspects)
    if again or again_rows:
        conflicts += judge(
            connection,
            sorted(again),
            sorted(again_rows - touched),
            now=now,
            judge=verdicts,
        )
    return ApplyOutcome(
        applied=len(new_ops),
        known=len(ops) - len(new_ops),
        conflicts=conflicts,
        max_hlc=max(op.hlc for op in new_ops),
        held=_held_count(connection),
    )


@functools.cache
def _link_parent(entity: str, field: str) -> str | None:
    return dict(parent_links(entity)).get(field)


def _links_to_deleted(
    connection: Connection, best: Mapping[tuple[str, str, str], Op]
) -> set[tuple[str, str, str]]:
    """Return the parent links among the ops that name a record written here as deleted."""
    targets: dict[str, dict[str, list[tuple[str, str, str]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for key, op in best.items():
        parent = _link_parent(key[0], key[2])
        if parent is not None and isinstance(op.value, str):
            targets[parent][op.value].append(key)
    found: set[tuple[str, str, str]] = set()
    for parent, by_target in targets.items():
        table = TABLES[parent]
        if "deleted" not in table.c:
            continue
        for chunk in _chunks(sorted(by_target)):
            for row_id in connection.scalars(
                select(table.c.id).where(table.c.id.in_(chunk), table.c.deleted.is_(True))
            ):
                found.update(by_target[row_id])
    return found


def _deleted_rows(connection: Connection, rows: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """Return which of the records are written here with their deleted flag set."""
    by_entity: dict[str, list[str]] = defaultdict(list)
    for entity, row_id in rows:
        by_entity[entity].append(row_id)
    deleted: set[tuple[str, str]] = set()
    for entity, row_ids in by_entity.items():
        table = TABLES[entity]
        for chunk in _chunks(sorted(row_ids)):
            deleted.update(
                (entity, row_id)
                for row_id in connection.scalars(
                    select(table.c.id).where(table.c.id.in_(chunk), table.c.deleted.is_(True))
                )
            )
    return deleted


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


def _unknown(connection: Connection, ops: Sequence[Op]) -> tuple[list[Op], set[str]]:
    """Return the ops not held here, and the origins held past a gap before this import."""
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
        return candidates, gapped
    return [op for op in candidates if (op.device_id, op.counter) not in held], gapped


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
        held: set[str] = set()
        if parent_links(entity):
            # A record linking to one not here (yet) is held, not refused: its ops are
            # stored, and it is written once every record it links to is (_release_held).
            held = _missing_parents(connection, entity, dict(fresh), batch=True)
            held |= _missing_parents(
                connection, entity, {r: f for r, f in rows.items() if r in existing}
            )
            if held:
                _hold(connection, entity, held)
                fresh = [(row_id, fields) for row_id, fields in fresh if row_id not in held]
        if fresh:
            _bulk_insert(
                connection,
                table,
                [_new_row(entity, row_id, fields, now) for row_id, fields in fresh],
            )
        changed: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
        links = {column for column, _parent in parent_links(entity)}
        for row_id, fields in rows.items():
            if row_id in existing:
                if row_id in held:  # keeps its present link until the record linked to arrives
                    fields = {k: v for k, v in fields.items() if k not in links}
                    if not fields:
                        continue
                changed[frozenset(fields)].append(_changed_values(entity, row_id, fields))
        for names, params in changed.items():
            statement = (
                update(table)
                .where(table.c.id == bindparam("_row_id"))
                .values({name: bindparam(name) for name in (*names, "updated_at")})
            )
            connection.execute(statement, params)


def _missing_parents(
    connection: Connection,
    entity: str,
    rows: Mapping[str, Mapping[str, Op]],
    *,
    batch: bool = False,
) -> set[str]:
    """Return the rows that link to a record not written here.

    ``batch``: the rows are being inserted together, so a link between two of them counts
    as present (unless the one linked to is itself missing a record it links to).
    """
    missing: set[str] = set()
    links = parent_links(entity)
    if not rows or not links:
        return missing
    wanted: list[tuple[str, str, str]] = []  # (row_id, column, target)
    for column, _parent in links:
        for row_id, fields in rows.items():
            op = fields.get(column)
            if op is not None and isinstance(op.value, str):
                wanted.append((row_id, column, op.value))
    if not wanted:
        return missing
    parent_of = dict(links)
    present: dict[str, set[str]] = {}
    for column, parent in links:
        targets = sorted({t for _r, c, t in wanted if c == column})
        found: set[str] = present.setdefault(parent, set())
        table = TABLES[parent]
        for chunk in _chunks(targets):
            found.update(connection.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
    in_batch = set(rows) if batch else set()
    while True:
        more = {
            row_id
            for row_id, column, target in wanted
            if row_id not in missing
            and target not in present[parent_of[column]]
            and not (parent_of[column] == entity and target in in_batch - missing)
        }
        if not more:
            return missing
        missing |= more


def _hold(connection: Connection, entity: str, row_ids: set[str]) -> None:
    held = set(
        connection.scalars(
            select(_held.c.row_id).where(
                _held.c.entity == entity, _held.c.row_id.in_(list(row_ids))
            )
        )
    )
    new = [{"entity": entity, "row_id": row_id} for row_id in sorted(set(row_ids) - held)]
    if new:
        connection.execute(insert(_held), new)


def _held_count(connection: Connection) -> int:
    return int(connection.scalar(select(func.count()).select_from(_held)) or 0)


def _release_held(connection: Connection, *, now: datetime) -> set[tuple[str, str]]:
    """Write every held record whose links are all present now; return those written."""
    released: set[tuple[str, str]] = set()
    if not _holds_any(connection, select(_held.c.entity)):
        return released
    order = {entity: index for index, entity in enumerate(TABLES)}
    progress = True
    while progress:  # a record released can release the ones linking to it
        progress = False
        held = sorted(
            connection.execute(select(_held.c.entity, _held.c.row_id)).all(),
            key=lambda row: (order.get(row[0], len(order)), row[1]),
        )
        for entity, row_id in held:
            fields = _all_heads(connection, entity, row_id)
            for group in coupled_groups(entity):
                repair = replay_group(connection, entity, row_id, group)
                if repair is not None:
                    fields.update(repair.fields)
            if not fields or _missing_parents(connection, entity, {row_id: fields}):
                continue
            table = TABLES[entity]
            if connection.scalar(select(table.c.id).where(table.c.id == row_id)) is None:
                _bulk_insert(connection, table, [_new_row(entity, row_id, fields, now)])
            else:
                connection.execute(
                    update(table)
                    .where(table.c.id == bindparam("_row_id"))
                    .values({name: bindparam(name) for name in (*fields, "updated_at")}),
                    [_changed_values(entity, row_id, fields)],
                )
            connection.execute(
                delete(_held).where(_held.c.entity == entity, _held.c.row_id == row_id)
            )
            released.add((entity, row_id))
            progress = True
    return released


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


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]
