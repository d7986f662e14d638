"""Which ops a package may carry: entities, fields and value types derived from the models.

Every op read from a package is checked here before anything is written, and converted
from its JSON form to the value the column stores when it is applied.
"""

from __future__ import annotations

import functools
import math
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum as PyEnum
from typing import Any, NamedTuple

from sqlalchemy import JSON, Boolean, Date, DateTime, Enum, Float, Integer, String, Table
from sqlalchemy.types import TypeDecorator

from ikmdesk.models import SYNCED_MODELS
from ikmdesk.sync.change_capture import (
    CONTEXT_ENTITY,
    CONTEXT_FIELD,
    ORIGIN_ENTITY,
    ORIGIN_FIELD,
    UNSYNCED_FIELDS,
)
from ikmdesk.sync.hlc import WALL_MAX_MS

MAX_TEXT_CHARS = 1_000_000
MAX_COUNTER = 2**53
_DEVICE_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_ROW_ID = re.compile(r"^[0-9A-Za-z-]{1,36}$")
_HLC = re.compile(r"^[0-9]{13}-[0-9]{10}-")
_CONVERTED_KINDS = frozenset({"date", "datetime", "enum", "float"})
OP_KEYS = frozenset({"op_id", "device_id", "counter", "entity", "row_id", "field", "value", "hlc"})


class Op(NamedTuple):
    """One field-level change as it travels: who made it, on what, the value and its HLC.

    A named tuple rather than a frozen dataclass: a package holds hundreds of thousands of
    ops, and building a tuple costs a fraction of a frozen dataclass's per-field setattr.
    """

    op_id: str
    device_id: str
    counter: int
    entity: str
    row_id: str
    field: str
    value: Any
    hlc: str

    def as_row(self) -> dict[str, Any]:
        """Return the op as a ``change_log`` row (its name is its device id and counter)."""
        return {
            "device_id": self.device_id,
            "counter": self.counter,
            "entity": self.entity,
            "row_id": self.row_id,
            "field": self.field,
            "value": self.value,
            "hlc": self.hlc,
        }


class OpRejected(ValueError):
    """An op is not one this version accepts; the message says why (in English, for logs)."""


@dataclass(frozen=True, slots=True)
class FieldRule:
    """What a field accepts: its kind, whether null is allowed, length or choices."""

    kind: str
    nullable: bool
    max_length: int | None = None
    choices: frozenset[str] | None = None
    enum_class: type[PyEnum] | None = None

    def accepts(self, value: Any) -> bool:
        """Tell whether ``value`` (a JSON value) is allowed for this field."""
        if value is None:
            return self.nullable
        check = _CHECKS.get(self.kind)
        return check is not None and check(self, value)

    @property
    def converts(self) -> bool:
        """Tell whether ``to_column`` changes accepted values (dates, enums, floats)."""
        return self.kind in _CONVERTED_KINDS

    def to_column(self, value: Any) -> Any:
        """Return the Python value the column stores for an accepted JSON value."""
        if value is None:
            return None
        if self.kind == "date":
            return date.fromisoformat(value)
        if self.kind == "datetime":
            return datetime.fromisoformat(value)
        if self.kind == "enum" and self.enum_class is not None:
            return self.enum_class(value)
        if self.kind == "float":
            return float(value)
        return value


def _is_str(rule: FieldRule, value: Any) -> bool:
    limit = rule.max_length or MAX_TEXT_CHARS
    return isinstance(value, str) and len(value) <= limit


def _is_int(_rule: FieldRule, value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**63


def _is_float(_rule: FieldRule, value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value)


def _is_bool(_rule: FieldRule, value: Any) -> bool:
    return isinstance(value, bool)


def _is_date(_rule: FieldRule, value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return False
    return in_value_years(parsed)


def _is_datetime(_rule: FieldRule, value: Any) -> bool:
    if not isinstance(value, str) or len(value) > 40:
        return False
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return False
    return parsed.tzinfo is not None and in_value_years(parsed)


VALUE_YEARS = range(1900, 2200)
"""Years a date or time value in an op may have (docs/sync-format.md)."""


def in_value_years(value: date) -> bool:
    """Tell whether a date or time lies in VALUE_YEARS.

    Checked on the parsed year, before any conversion: year 1 or 9999 with a +-14 h offset
    overflows when it is turned into UTC for storing.
    """
    return value.year in VALUE_YEARS


def has_lone_surrogate(value: Any) -> bool:
    """Tell whether a decoded JSON value holds text with a lone UTF-16 surrogate.

    JSON may escape one ("\\ud800") though no UTF-8 text can hold it, so SQLite could not
    store it; a proper pair ("\\ud83d\\ude00") is decoded into one character and passes.
    """
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(has_lone_surrogate(k) or has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_lone_surrogate(item) for item in value)
    return False


def _is_enum(rule: FieldRule, value: Any) -> bool:
    return isinstance(value, str) and rule.choices is not None and value in rule.choices


def _is_json(_rule: FieldRule, value: Any) -> bool:
    return True  # any JSON value parsed from the line; its size is bounded by the line limit


_CHECKS: dict[str, Callable[[FieldRule, Any], bool]] = {
    "str": _is_str,
    "int": _is_int,
    "float": _is_float,
    "bool": _is_bool,
    "date": _is_date,
    "datetime": _is_datetime,
    "enum": _is_enum,
    "json": _is_json,
}


def _rule_for(column: Any) -> FieldRule:
    col_type = column.type
    nullable = bool(column.nullable)
    if isinstance(col_type, Enum):
        return FieldRule(
            "enum",
            nullable,
            choices=frozenset(col_type.enums),
            enum_class=col_type.enum_class,
        )
    if isinstance(col_type, TypeDecorator):
        col_type = col_type.impl_instance
    if isinstance(col_type, Boolean):
        return FieldRule("bool", nullable)
    if isinstance(col_type, DateTime):
        return FieldRule("datetime", nullable)
    if isinstance(col_type, Date):
        return FieldRule("date", nullable)
    if isinstance(col_type, Float):
        return FieldRule("float", nullable)
    if isinstance(col_type, Integer):
        return FieldRule("int", nullable)
    if isinstance(col_type, JSON):
        return FieldRule("json", nullable)
    if isinstance(col_type, String):
        return FieldRule("str", nullable, max_length=col_type.length)
    raise TypeError(f"no sync rule for column type {col_type!r} of {column}")


def _entity_rules() -> dict[str, dict[str, FieldRule]]:
    rules: dict[str, dict[str, FieldRule]] = {}
    for model in SYNCED_MODELS:
        table: Table = model.__table__  # type: ignore[attr-defined]
        rules[table.name] = {
            column.key: _rule_for(column)
            for column in table.columns
            if column.key not in UNSYNCED_FIELDS
        }
    return rules


ENTITY_RULES: Mapping[str, Mapping[str, FieldRule]] = _entity_rules()
"""For each synced table, the rule of every field an op may set."""

TABLES: Mapping[str, Table] = {
    model.__table__.name: model.__table__  # type: ignore[attr-defined]
    for model in SYNCED_MODELS
}
"""Synced tables by entity name, parents before children."""


def _field_limits() -> dict[tuple[str, str], int | FieldRule]:
    # Per (entity, field): the length limit of a text field (the common case, checked
    # inline), or the rule to ask for anything else.
    limits: dict[tuple[str, str], int | FieldRule] = {}
    for entity, fields in ENTITY_RULES.items():
        for name, rule in fields.items():
            limit = rule.max_length or MAX_TEXT_CHARS
            limits[(entity, name)] = limit if rule.kind == "str" else rule
    return limits


_FIELD_LIMITS = _field_limits()
_new_op = functools.partial(tuple.__new__, Op)
_intern = sys.intern


def parse_op(obj: Any) -> Op:
    """Return the op a decoded JSON line describes; raises OpRejected if it is not allowed."""
    if not isinstance(obj, dict) or obj.keys() != OP_KEYS:
        raise OpRejected("not an op object with exactly the op keys")
    device_id, counter, entity = obj["device_id"], obj["counter"], obj["entity"]
    row_id, field, hlc = obj["row_id"], obj["field"], obj["hlc"]
    if not isinstance(device_id, str) or not _is_device_id(device_id):
        raise OpRejected("device_id is not a device id")
    if type(counter) is not int or not 1 <= counter < MAX_COUNTER:
        raise OpRejected("counter is not a positive integer")
    op_id = obj["op_id"]
    if op_id != f"{device_id}:{counter}":
        raise OpRejected("op_id does not match device_id and counter")
    if not isinstance(hlc, str) or not 25 <= len(hlc) <= 80 or not _HLC.match(hlc):
        raise OpRejected("hlc is not a timestamp")
    if hlc[25:] != device_id:
        raise OpRejected("hlc does not belong to the op's device")
    if int(hlc[:13]) > WALL_MAX_MS:
        raise OpRejected("hlc wall time is beyond 2100-01-01, the documented bound")
    if not isinstance(row_id, str) or not _is_row_id(row_id):
        raise OpRejected("row_id is not a record id")
    if not isinstance(entity, str) or not isinstance(field, str):
        raise OpRejected("entity and field must be text")
    value = obj["value"]
    limit = _FIELD_LIMITS.get((entity, field))
    if type(limit) is int:
        # Strings are most values: a text field's rule (same as _is_str) is checked inline.
        if value is None:
            if not ENTITY_RULES[entity][field].nullable:
                raise OpRejected(f"value of {entity}.{field} has the wrong type or size")
        elif not isinstance(value, str) or len(value) > limit:
            raise OpRejected(f"value of {entity}.{field} has the wrong type or size")
    elif limit is not None:
        if not limit.accepts(value):
            raise OpRejected(f"value of {entity}.{field} has the wrong type or size")
    elif entity == CONTEXT_ENTITY:
        _check_context(device_id, row_id, field, value)
    elif entity == ORIGIN_ENTITY:
        _check_origin(device_id, counter, row_id, field, value)
    elif entity not in ENTITY_RULES:
        raise OpRejected(f"unknown entity {entity[:64]!r}")
    else:
        raise OpRejected(f"unknown field {entity}.{field[:64]!r}")
    # A package names few devices, entities and fields and each record several times: one
    # shared string each keeps hundreds of thousands of ops small in memory.
    return _new_op(
        (op_id, _intern(device_id), counter, _intern(entity), _intern(row_id), _intern(field),
         value, hlc)
    )  # fmt: skip


# A package names few devices and each record several times: remembering the verdicts
# keeps validation of hundreds of thousands of ops cheap.
@functools.lru_cache(maxsize=1024)
def _is_device_id(text: str) -> bool:
    return bool(_DEVICE_ID.match(text))


@functools.lru_cache(maxsize=65536)
def _is_row_id(text: str) -> bool:
    return bool(_ROW_ID.match(text))


def _check_origin(origin: str, counter: int, row_id: str, field: str, value: Any) -> None:
    if field != ORIGIN_FIELD or row_id != origin or counter != 1:
        raise OpRejected("origin op must be the first op of the origin it opens")
    if not isinstance(value, str) or not _is_device_id(value) or value == origin:
        raise OpRejected("origin op must name the device whose incarnation it is")


def _check_context(device_id: str, row_id: str, field: str, value: Any) -> None:
    if field != CONTEXT_FIELD or row_id != device_id:
        raise OpRejected("context op must describe its own author's vector")
    if not isinstance(value, dict) or len(value) > 10_000:
        raise OpRejected("context vector must be an object")
    for origin, counter in value.items():
        if not _DEVICE_ID.match(origin) or not _is_int(FieldRule("int", False), counter):
            raise OpRejected("context vector holds something other than device counters")
        if not 0 <= counter < MAX_COUNTER:
            raise OpRejected("context vector counter out of range")
