"""One place where every benchmark records its rows, so the runner can print them as JSON."""

from __future__ import annotations

from typing import Any

_rows: list[dict[str, Any]] = []


def record(bench: str, name: str, ratio: float, **figures: Any) -> None:
    """Keep one benchmark row: its name, its ratio against the same-run baseline, other figures."""
    _rows.append({"bench": bench, "name": name, "ratio": round(ratio, 3), **figures})


def taken() -> list[dict[str, Any]]:
    """Return the rows recorded since the last call, and forget them."""
    rows = list(_rows)
    _rows.clear()
    return rows
