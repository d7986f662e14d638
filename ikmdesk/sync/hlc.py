"""Hybrid logical clock (Kulkarni et al. 2014): wall time plus a counter, ordered by device."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

_WALL_DIGITS = 13
_LOGICAL_DIGITS = 10

WALL_MAX_MS = 4_102_444_800_000
"""The latest wall time an HLC may carry: 2100-01-01T00:00Z (the models' FAR_FUTURE).

Every device refuses ops stamped later (``op_schema.parse_op``); a machine whose clock says
later stamps as if it were just before this bound."""
LOGICAL_MAX = 10**_LOGICAL_DIGITS - 1
"""The largest logical counter the text form holds; received counters up to it are accepted."""
LOGICAL_CARRY = 10**9
"""Below the wall bound, a tick whose logical counter would reach this moves to the next
millisecond instead, so following any accepted stamp never overflows the counter."""


class ClockExhausted(ValueError):
    """The clock followed a stamp at the very bound and has no greater stamp left to give."""


def wall_clock_ms() -> int:
    """Return this machine's wall clock in milliseconds since the epoch."""
    return time.time_ns() // 1_000_000


@dataclass(frozen=True, order=True, slots=True)
class Hlc:
    """One timestamp; ordering is (wall, logical, device), which is also its string order."""

    wall_ms: int
    logical: int
    device_id: str

    def encode(self) -> str:
        """Return the fixed-width text form, whose string order equals the timestamp order."""
        return (
            f"{self.wall_ms:0{_WALL_DIGITS}d}-{self.logical:0{_LOGICAL_DIGITS}d}-{self.device_id}"
        )

    @classmethod
    def decode(cls, text: str) -> Hlc:
        """Parse the text form; raises ValueError on anything else."""
        wall, logical, device_id = text.split("-", 2)
        if len(wall) != _WALL_DIGITS or len(logical) != _LOGICAL_DIGITS or not device_id:
            raise ValueError(f"not an HLC timestamp: {text!r}")
        return cls(int(wall), int(logical), device_id)


class HybridClock:
    """The clock of one device; ``tick`` stamps local events, ``observe`` merges remote ones."""

    def __init__(
        self,
        device_id: str,
        *,
        wall_ms: int = 0,
        logical: int = 0,
        now_ms: Callable[[], int] = wall_clock_ms,
    ) -> None:
        self.device_id = device_id
        self.wall_ms = wall_ms
        self.logical = logical
        self._now_ms = now_ms

    def tick(self) -> Hlc:
        """Return a timestamp greater than every one this clock has issued or observed."""
        physical = min(self._now_ms(), WALL_MAX_MS - 1)
        if physical > self.wall_ms:
            self.wall_ms, self.logical = physical, 0
        elif self.logical + 1 >= LOGICAL_CARRY and self.wall_ms < WALL_MAX_MS:
            self.wall_ms, self.logical = self.wall_ms + 1, 0
        elif self.logical < LOGICAL_MAX:
            self.logical += 1
        else:
            # Only an op stamped at the bound itself leads here: stamping nothing is better
            # than stamping what every peer refuses.
            raise ClockExhausted(f"no HLC left after {self.wall_ms}-{self.logical}")
        return Hlc(self.wall_ms, self.logical, self.device_id)

    def observe(self, remote: Hlc) -> None:
        """Advance past a remote timestamp, so later local events order after it.

        Received stamps are within the bounds (``WALL_MAX_MS``, ``LOGICAL_MAX``): op_schema
        refuses the others before anything is applied.
        """
        if remote.wall_ms > self.wall_ms:
            self.wall_ms, self.logical = remote.wall_ms, remote.logical
        elif remote.wall_ms == self.wall_ms:
            self.logical = max(self.logical, remote.logical)
