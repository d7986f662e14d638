"""The one rule that says which conflicts are open, judged from the ops held for a field or record.

Import (``ikmdesk.sync.merge``) and local edits (``ikmdesk.sync.change_capture``) both call
:func:`judge`, after the new ops are in the change log, for every (record, field) and record
they touched. Each verdict reads all held ops of that field or record, never what the
caller happens to know, so the open conflicts on a device are a function of the ops it
holds, whatever the arrival order (see docs/sync-format.md §5).

Kinds (the ``kind`` column of ``sync_conflict``):

- ``field``: a lost edit, or for a repaired CHECK group an op after the kept state;
- ``deleted``: an edit of another field concurrent with the record's winning tombstone;
- ``parent``: a child's winning parent link (say a product's ``enterprise_id``) concurrent
  with the winning tombstone of that parent. Kept on the parent's row; its loser is the
  child's link op, so restoring it brings the parent back.
"""

from __future__ import annotations

import functools
import uuid
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, insert, select, update

from ikmdesk.models import ChangeOp
from ikmdesk.models.sync_state import SyncConflict
from ikmdesk.sync.change_capture import CONTEXT_ENTITY, CONTEXT_FIELD
from ikmdesk.sync.coupled import Repair, coupled_groups, replay_group
from ikmdesk.sync.op_schema import TABLES

KIND_FIELD = "field"
KIND_DELETED = "deleted"
KIND_PARENT = "parent"
STATUS_OPEN = "open"
STATUS_SUPERSEDED = "superseded"
_CHUNK = 400
_log = cast(Table, ChangeOp.__table__)
_conflicts = cast(Table, SyncConflict.__table__)


@dataclass(frozen=True, slots=True)
class _Stored:
    op_id: str
    device_id: str
    counter: int
    field: str
    value: Any
    hlc: str


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

    def concurrent(self, one: _Stored, other: _Stored) -> bool:
        return (
            one.device_id != other.device_id
            and not self.had_seen(one, other)
            and not self.had_seen(other, one)
        )

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


@functools.cache
def parent_links(entity: str) -> tuple[tuple[str, str], ...]:
    """Return (column, parent entity) of every link from a synced table to a synced table."""
    return tuple(
        sorted(
            (fk.parent.key, fk.column.table.name)
            for fk in TABLES[entity].foreign_keys
            if fk.column.table.name in TABLES
        )
    )


@functools.cache
def child_links(entity: str) -> tuple[tuple[str, str], ...]:
    """Return (child entity, column) of every link from a synced table to ``entity``."""
    return tuple(
        (child, column)
        for child in TABLES
        for column, parent in parent_links(child)
        if parent == entity
    )


def stored_ops(
    connection: Connection, entity: str, row_id: str, field: str | None
) -> list[_Stored]:
    """Return the ops held for a field (or, ``field=None``, a whole record) in HLC order."""
    query = select(_log.c.device_id, _log.c.counter, _log.c.field, _log.c.value, _log.c.hlc).where(
        _log.c.entity == entity, _log.c.row_id == row_id
    )
    if field is not None:
        query = query.where(_log.c.field == field)
    return [
        _Stored(f"{device_id}:{counter}", device_id, counter, name, value, hlc)
        for device_id, counter, name, value, hlc in connection.execute(query.order_by(_log.c.hlc))
    ]


def judge(
    connection: Connection,
    fields: Iterable[tuple[str, str, str]],
    rows: Iterable[tuple[str, str]],
    *,
    now: datetime,
    repairs: Mapping[tuple[str, str], Repair] | None = None,
    replayed: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset(),
    deleted_rows: set[tuple[str, str]] | None = None,
    judge: _Judge | None = None,
) -> int:
    """Bring the conflicts of the fields and records to what all ops held for them say.

    ``repairs``: the CHECK-group repairs already computed for the records in ``replayed``
    (the others' groups are replayed here). ``deleted_rows``: which of ``rows`` are
    tombstoned, when the caller knows (else read from the ops). Returns how many conflicts
    are new on this device.
    """
    judge = judge or _Judge(connection)
    repairs = dict(repairs or {})
    found = 0
    link_fields: list[tuple[str, str, str]] = []
    for entity, row_id, field in fields:
        repair = _repair_for(connection, entity, row_id, field, repairs, replayed)
        found += _judge_field(connection, judge, entity, row_id, field, repair, now)
        if any(column == field for column, _parent in parent_links(entity)):
            link_fields.append((entity, row_id, field))
    tombstoned: list[tuple[str, str]] = []
    alive: dict[str, list[str]] = defaultdict(list)
    for entity, row_id in rows:
        if deleted_rows is not None and (entity, row_id) not in deleted_rows:
            alive[entity].append(row_id)
            continue
        ops = stored_ops(connection, entity, row_id, None)
        tomb = _winning_tomb(ops)
        if tomb is None:
            alive[entity].append(row_id)
        else:
            found += _judge_record(connection, judge, entity, row_id, ops, tomb, now)
            tombstoned.append((entity, row_id))
    if alive and has_open(connection, KIND_DELETED, KIND_PARENT):
        for entity, row_ids in sorted(alive.items()):
            close_alive(connection, entity, sorted(row_ids), now=now)
    for entity, row_id in tombstoned:
        # Only a tombstoned parent can hold a parent conflict, so only its children are read.
        for child, column in child_links(entity):
            table = TABLES[child]
            for child_id in connection.scalars(
                select(table.c.id).where(table.c[column] == row_id).order_by(table.c.id)
            ):
                link_fields.append((child, child_id, column))
    for entity, row_id, field in sorted(set(link_fields)):
        found += _judge_link(connection, judge, entity, row_id, field, now)
    return found


def _repair_for(
    connection: Connection,
    entity: str,
    row_id: str,
    field: str,
    repairs: dict[tuple[str, str], Repair],
    replayed: set[tuple[str, str]] | frozenset[tuple[str, str]],
) -> Repair | None:
    groups = [g for g in coupled_groups(entity) if field in g.columns]
    if not groups:
        return None
    key = (entity, row_id)
    if key not in replayed:
        for group in groups:
            repair = replay_group(connection, entity, row_id, group)
            if repair is not None:
                old = repairs.get(key)
                repairs[key] = (
                    repair
                    if old is None
                    else Repair({**old.fields, **repair.fields}, max(old.hlc, repair.hlc))
                )
    repair = repairs.get(key)
    # A repair covers its own group only: other fields of the record follow the field rule.
    return repair if repair is not None and field in repair.fields else None


def _judge_field(
    connection: Connection,
    judge: _Judge,
    entity: str,
    row_id: str,
    field: str,
    repair: Repair | None,
    now: datetime,
) -> int:
    ops = stored_ops(connection, entity, row_id, field)
    if repair is not None:
        return _judge_repaired(connection, entity, row_id, ops, repair, now)
    if len({op.device_id for op in ops}) < 2:
        # One origin never conflicts with itself (it had seen its own ops); a group's
        # field may still hold conflicts from an earlier repair of the group.
        if coupled_groups(entity):
            _close_all(connection, [op.op_id for op in ops], now)
        return 0
    found = 0
    winner = ops[-1]
    for loser in ops[:-1]:
        overwritten = any(judge.had_seen(later, loser) for later in ops if later.hlc > loser.hlc)
        if overwritten or loser.value == winner.value:
            _close(connection, loser.op_id, KIND_FIELD, now)
        else:
            found += _open(connection, KIND_FIELD, entity, row_id, loser, winner, now)
    if coupled_groups(entity):
        # A group's winner may have been an op after an earlier repair's kept state.
        _close(connection, winner.op_id, KIND_FIELD, now)
    return found


def _judge_repaired(
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
    kept = repair.fields[field]
    winner = next((op for op in ops if op.op_id == kept.op_id), None)
    if winner is None:
        winner = _Stored("", "", 0, field, kept.value, repair.hlc)
    found = 0
    for op in ops:
        if op.op_id == winner.op_id:
            _close(connection, op.op_id, KIND_FIELD, now)
        elif op.hlc > repair.hlc and op.value != winner.value:
            found += _open(connection, KIND_FIELD, entity, row_id, op, winner, now)
        else:
            _close(connection, op.op_id, KIND_FIELD, now)
    return found


def _winning_tomb(ops: Sequence[_Stored]) -> _Stored | None:
    """Return the record's winning ``deleted`` op if it is a tombstone (ops in HLC order)."""
    tombs = [op for op in ops if op.field == "deleted"]
    return tombs[-1] if tombs and tombs[-1].value is True else None


def _judge_record(
    connection: Connection,
    judge: _Judge,
    entity: str,
    row_id: str,
    ops: Sequence[_Stored],
    tomb: _Stored,
    now: datetime,
) -> int:
    """Edit-on-deleted conflicts of a record: edits concurrent with its winning tombstone."""
    found = 0
    for edit in ops:
        if edit.field == "deleted":
            continue
        if judge.concurrent(edit, tomb):
            found += _open(connection, KIND_DELETED, entity, row_id, edit, tomb, now)
        else:
            _close(connection, edit.op_id, KIND_DELETED, now)
    return found


def _judge_link(
    connection: Connection, judge: _Judge, entity: str, row_id: str, field: str, now: datetime
) -> int:
    """Parent conflict of a child's link: its winning link op concurrent with the parent's
    winning tombstone (the child's other link ops have none)."""
    ops = stored_ops(connection, entity, row_id, field)
    if not ops:
        return 0
    for loser in ops[:-1]:
        _close(connection, loser.op_id, KIND_PARENT, now)
    link = ops[-1]
    parent = dict(parent_links(entity))[field]
    tomb = (
        _winning_tomb(stored_ops(connection, parent, link.value, "deleted"))
        if isinstance(link.value, str)
        else None
    )
    if tomb is None or not judge.concurrent(link, tomb):
        _close(connection, link.op_id, KIND_PARENT, now)
        return 0
    return _open(connection, KIND_PARENT, parent, link.value, link, tomb, now)


def close_alive(
    connection: Connection, entity: str, row_ids: Sequence[str], *, now: datetime
) -> None:
    """Close, in bulk, the deleted and parent conflicts of records that are not deleted."""
    for start in range(0, len(row_ids), _CHUNK):
        connection.execute(
            update(_conflicts)
            .where(
                _conflicts.c.kind.in_((KIND_DELETED, KIND_PARENT)),
                _conflicts.c.status == STATUS_OPEN,
                _conflicts.c.entity == entity,
                _conflicts.c.row_id.in_(row_ids[start : start + _CHUNK]),
            )
            .values(status=STATUS_SUPERSEDED, resolved_at=now)
        )


def has_open(connection: Connection, *kinds: str) -> bool:
    """Tell whether any conflict of the kinds (any kind if none given) is open here."""
    query = select(_conflicts.c.id).where(_conflicts.c.status == STATUS_OPEN)
    if kinds:
        query = query.where(_conflicts.c.kind.in_(kinds))
    return connection.scalar(query.limit(1)) is not None


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
        # One closed by an earlier verdict (or reviewed by a decision that did not
        # dominate the loser) opens again when the ops now say so.
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


def _close_all(connection: Connection, op_ids: Sequence[str], now: datetime) -> None:
    for start in range(0, len(op_ids), _CHUNK):
        connection.execute(
            update(_conflicts)
            .where(
                _conflicts.c.loser_op_id.in_(op_ids[start : start + _CHUNK]),
                _conflicts.c.kind == KIND_FIELD,
                _conflicts.c.status == STATUS_OPEN,
            )
            .values(status=STATUS_SUPERSEDED, resolved_at=now)
        )


def fields_after_contexts(
    connection: Connection, contexts: Iterable[tuple[str, int]], new: set[tuple[str, int]]
) -> tuple[set[tuple[str, str, str]], set[tuple[str, str]]]:
    """Return the fields and records whose verdict a context op arriving late can change.

    A context op of origin X at counter c says what X had seen when it made its ops after
    c; ops of X past c held before it arrived (received past a gap) were judged without it.
    """
    fields: set[tuple[str, str, str]] = set()
    by_origin: dict[str, int] = defaultdict(lambda: 1 << 62)
    for origin, counter in contexts:
        by_origin[origin] = min(by_origin[origin], counter)
    for origin, first in sorted(by_origin.items()):
        for counter, entity, row_id, field in connection.execute(
            select(_log.c.counter, _log.c.entity, _log.c.row_id, _log.c.field).where(
                _log.c.device_id == origin, _log.c.counter > first
            )
        ):
            if entity in TABLES and (origin, counter) not in new:
                fields.add((entity, row_id, field))
    return fields, {(entity, row_id) for entity, row_id, _field in fields}
