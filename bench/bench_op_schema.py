"""Op validation: the hand-written ``sync.op_schema.parse_op`` against a declared pydantic model.

Issue #14 item 4 asks whether declared models would serve ``sync/op_schema.py`` as they serve
the checklist template files. The pydantic variant declares the op envelope (keys, types,
patterns, ranges) as a strict model validated in one batch by pydantic-core, and checks the
value with the same per-field rules; the hand-written one is what the import runs. Both see
the same N decoded op objects (mostly text fields, as a real package); the ratio is
pydantic time / hand-written time (above 1: the hand-written one is faster, and is kept).
"""

from __future__ import annotations

import os
import time
import uuid
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator

from bench.result import record
from ikmdesk.sync.hlc import WALL_MAX_MS
from ikmdesk.sync.op_schema import ENTITY_RULES, MAX_COUNTER, Op, OpRejected, parse_op

N = int(os.environ.get("IKMDESK_BENCH_OPS", "200000"))


class OpModel(BaseModel):
    """The op envelope declared: what ``parse_op`` checks by hand, as types and constraints."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    op_id: str
    device_id: Annotated[
        str, Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
    ]
    counter: Annotated[int, Field(ge=1, lt=MAX_COUNTER)]
    entity: str
    row_id: Annotated[str, Field(pattern=r"^[0-9A-Za-z-]{1,36}$")]
    field: str
    value: Any
    hlc: Annotated[str, Field(min_length=25, max_length=80, pattern=r"^[0-9]{13}-[0-9]{10}-")]

    @model_validator(mode="after")
    def _consistent(self) -> OpModel:
        if self.op_id != f"{self.device_id}:{self.counter}":
            raise ValueError("op_id does not match device_id and counter")
        if self.hlc[25:] != self.device_id or int(self.hlc[:13]) > WALL_MAX_MS:
            raise ValueError("hlc does not belong to the op's device or is out of bounds")
        rule = ENTITY_RULES.get(self.entity, {}).get(self.field)
        if rule is None or not rule.accepts(self.value):
            raise ValueError(f"value of {self.entity}.{self.field} has the wrong type or size")
        return self


_BATCH = TypeAdapter(list[OpModel])


def _ops(count: int) -> list[dict[str, Any]]:
    """Return ``count`` decoded op objects shaped like an officer's package."""
    fields = [
        (entity, name, rule)
        for entity in ("enterprise", "visit", "product")
        for name, rule in ENTITY_RULES[entity].items()
    ]
    samples: dict[str, Any] = {
        "str": "Keripik Pisang Ibu Sari",
        "int": 7,
        "float": 12.5,
        "bool": True,
        "date": "2026-11-03",
        "datetime": "2026-11-03T08:15:00+08:00",
        "json": {"a": 1},
    }
    device = str(uuid.UUID(int=7))
    ops = []
    for i in range(count):
        entity, name, rule = fields[i % len(fields)]
        value = sorted(rule.choices)[0] if rule.kind == "enum" and rule.choices else None
        if value is None:
            value = samples[rule.kind]
            if rule.kind == "str":
                value = value[: rule.max_length]
        counter = i + 1
        ops.append({
            "op_id": f"{device}:{counter}", "device_id": device, "counter": counter,
            "entity": entity, "row_id": str(uuid.UUID(int=i // 20)), "field": name,
            "value": value, "hlc": f"{1_764_000_000_000 + i:013d}-{0:010d}-{device}",
        })  # fmt: skip
    return ops


def _best_of(runs: int, work: Any) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Print both timings and record the ratio (pydantic / hand-written)."""
    ops = _ops(N)
    hand = [parse_op(o) for o in ops]
    declared = _BATCH.validate_python(ops)
    assert len(hand) == len(declared) == N and all(isinstance(op, Op) for op in hand[:10])
    try:
        parse_op({**ops[0], "counter": 0})
        raise AssertionError("a zero counter must be refused")
    except OpRejected:
        pass
    hand_s = _best_of(3, lambda: [parse_op(o) for o in ops])
    declared_s = _best_of(3, lambda: _BATCH.validate_python(ops))
    ratio = declared_s / hand_s
    print(f"validate {N} ops: hand-written parse_op {hand_s:.3f} s, "
          f"pydantic model (batch) {declared_s:.3f} s, ratio {ratio:.2f}")  # fmt: skip
    record("op_schema", f"validate {N} ops", ratio, hand_s=round(hand_s, 3),
           pydantic_s=round(declared_s, 3), ops=N)  # fmt: skip


if __name__ == "__main__":
    main()
