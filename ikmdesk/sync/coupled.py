"""Fields bound together by a CHECK across columns (GPS latitude and longitude, one owner).

Per-field merge can combine individually valid ops into a row such a CHECK refuses: officer
B clears a location while officer A changes only its latitude. The group then takes one
value, by a rule that depends only on the ops held, so every device repairs it the same way:

    apply the group's ops in HLC order, starting from the column defaults; the group keeps
    the last state that satisfies its CHECKs (the final one when it does).

The ops after that state whose value is not kept become conflicts (the losing values stay
reviewable). Nothing is refused: a package is refused only for what is wrong in itself.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Table, select

from ikmdesk.models import ChangeOp
from ikmdesk.sync.check_groups import check_groups
from ikmdesk.sync.op_schema import TABLES, Op

_log = cast(Table, ChangeOp.__table__)
_CHUNK = 200


@dataclass(frozen=True, slots=True)
class Group:
    """Columns bound by CHECKs across them, and those CHECKs' SQL."""

    columns: tuple[str, ...]
    checks: tuple[str, ...]
    table: Table


@dataclass(frozen=True, slots=True)
class Repair:
    """The kept state of a group: per column the op that set it, and that state's HLC."""

    fields: dict[str, Op]
    hlc: str


@functools.cache
def coupled_groups(entity: str) -> tuple[Group, ...]:
    """Return the groups of columns of a synced table bound by multi-column CHECKs."""
    table = TABLES[entity]
    return tuple(Group(columns, checks, table) for columns, checks in check_groups(table))


def repair_coupled(
    connection: Connection,
    best: Mapping[tuple[str, str, str], Op],
    with_history: set[tuple[str, str]],
) -> tuple[dict[tuple[str, str], Repair], set[tuple[str, str, str]]]:
    """Return the repairs of every group the ops touch, and the fields to judge again.

    Call after the new ops are stored. A record whose ops all arrived now is replayed only
    if its winning values break a CHECK; one with history is always replayed, because its
    stored group may be an earlier repair.
    """
    touched: dict[tuple[str, str], set[str]] = {}
    for entity, row_id, field in best:
        if coupled_groups(entity):
            touched.setdefault((entity, row_id), set()).add(field)
    repairs: dict[tuple[str, str], Repair] = {}
    rejudge: set[tuple[str, str, str]] = set()
    for entity in sorted({entity for entity, _row in touched}):
        for group in coupled_groups(entity):
            rows = sorted(
                row_id
                for (e, row_id), fields in touched.items()
                if e == entity and fields & set(group.columns)
            )
            if not rows:
                continue
            replay = [r for r in rows if (entity, r) in with_history]
            new = [r for r in rows if (entity, r) not in with_history]
            if new:
                states = [
                    (r, _state(entity, group, {c: best.get((entity, r, c)) for c in group.columns}))
                    for r in new
                ]
                replay += [r for r in new if r in _broken(connection, group, states)]
            for row_id in replay:
                repair = replay_group(connection, entity, row_id, group)
                if repair is not None:
                    repairs[(entity, row_id)] = _merged(repairs.get((entity, row_id)), repair)
                if repair is not None or (entity, row_id) in with_history:
                    rejudge.update((entity, row_id, c) for c in group.columns)
    return repairs, rejudge


def _merged(old: Repair | None, new: Repair) -> Repair:
    if old is None:
        return new
    return Repair({**old.fields, **new.fields}, max(old.hlc, new.hlc))


def _defaults(entity: str, group: Group) -> dict[str, Any]:
    table = TABLES[entity]
    values: dict[str, Any] = {}
    for name in group.columns:
        default = table.c[name].default
        arg = None if default is None else default.arg
        values[name] = None if callable(arg) else arg
    return values


def _state(entity: str, group: Group, ops: Mapping[str, Op | None]) -> dict[str, Any]:
    state = _defaults(entity, group)
    for name, op in ops.items():
        if op is not None:
            state[name] = op.value
    return state


def replay_group(connection: Connection, entity: str, row_id: str, group: Group) -> Repair | None:
    """Return the group's kept state if its final state breaks a CHECK (else ``None``)."""
    rows = connection.execute(
        select(_log.c.device_id, _log.c.counter, _log.c.field, _log.c.value, _log.c.hlc)
        .where(
            _log.c.entity == entity,
            _log.c.row_id == row_id,
            _log.c.field.in_(group.columns),
        )
        .order_by(_log.c.hlc)
    ).all()
    ops = [
        Op(f"{device}:{counter}", device, counter, entity, row_id, field, value, hlc)
        for device, counter, field, value, hlc in rows
    ]
    setters: dict[str, Op | None] = dict.fromkeys(group.columns)
    history: list[tuple[int, dict[str, Any], dict[str, Op | None]]] = []
    for index, op in enumerate(ops):
        setters[op.field] = op
        history.append((index, _state(entity, group, setters), dict(setters)))
    if not history:
        return None
    broken = _broken(connection, group, [(index, state) for index, state, _s in history])
    if history[-1][0] not in broken:
        return None
    for index, _unused, kept in reversed(history):
        if index not in broken:
            hlc = ops[index].hlc
            return Repair(
                {
                    name: op if op is not None else _default_op(entity, row_id, name, group, hlc)
                    for name, op in kept.items()
                },
                hlc,
            )
    return None  # never consistent: the row is written as it is and refused by SQLite


def _default_op(entity: str, row_id: str, name: str, group: Group, hlc: str) -> Op:
    value = _defaults(entity, group)[name]
    return Op("", "", 0, entity, row_id, name, value, hlc)


def _broken(
    connection: Connection, group: Group, states: Sequence[tuple[Any, Mapping[str, Any]]]
) -> set[Any]:
    """Return the keys of the states that a CHECK of the group refuses (SQLite evaluates)."""
    broken: set[Any] = set()
    columns = ", ".join(group.columns)
    condition = " AND ".join(f"coalesce(({check}), true)" for check in group.checks)
    row = "(" + ", ".join([_mark(connection), *_typed_marks(connection, group)]) + ")"
    sqlite = connection.dialect.name == "sqlite"
    for chunk in _chunks(list(states)):
        marks = ", ".join([row] * len(chunk))
        params: list[Any] = []
        for position, (_key, state) in enumerate(chunk):
            params.append(position)
            params.extend(_sql_value(state[name], sqlite=sqlite) for name in group.columns)
        sql = f"WITH v(_k, {columns}) AS (VALUES {marks}) SELECT _k FROM v WHERE NOT ({condition})"
        for (position,) in connection.exec_driver_sql(sql, tuple(params)):
            broken.add(chunk[position][0])
    return broken


def _mark(connection: Connection) -> str:
    return "?" if connection.dialect.paramstyle == "qmark" else "%s"


def _typed_marks(connection: Connection, group: Group) -> list[str]:
    """Return one placeholder per column; typed where the server types a bare parameter.

    SQLite compares by affinity, so its values stay bare (a CAST to DATE would turn
    '2026-01-01' into 2026); PostgreSQL needs the column's type for the CHECK to apply.
    """
    mark = _mark(connection)
    if connection.dialect.name == "sqlite":
        return [mark] * len(group.columns)
    return [
        f"CAST({mark} AS {group.table.c[name].type.compile(dialect=connection.dialect)})"
        for name in group.columns
    ]


def _sql_value(value: Any, *, sqlite: bool) -> Any:
    if isinstance(value, bool):
        return int(value) if sqlite else value
    if isinstance(value, dict | list):
        return None
    return value


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]
