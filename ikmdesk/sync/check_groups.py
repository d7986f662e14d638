"""Which columns of a table are bound together by a CHECK across them (read from the model)."""

from __future__ import annotations

import functools
import re

from sqlalchemy import CheckConstraint, Table


@functools.cache
def check_groups(table: Table) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Return (columns, CHECK texts) of each group of columns bound by multi-column CHECKs.

    CHECKs sharing a column form one group; only those SQLite creates are read.
    """
    names = [c.name for c in table.columns]
    found: list[tuple[set[str], list[str]]] = []
    for constraint in table.constraints:
        if not isinstance(constraint, CheckConstraint):
            continue
        ddl_if = getattr(constraint, "_ddl_if", None)
        if ddl_if is not None and getattr(ddl_if, "dialect", None) not in (None, "sqlite"):
            continue
        text = str(constraint.sqltext)
        used = {n for n in names if re.search(rf"\b{re.escape(n)}\b", text)}
        if len(used) < 2:
            continue
        for columns, checks in found:
            if columns & used:
                columns |= used
                checks.append(text)
                break
        else:
            found.append((used, [text]))
    return tuple((tuple(sorted(cols)), tuple(checks)) for cols, checks in found)
