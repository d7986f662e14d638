"""How long headless work reports progress and learns it was cancelled."""

from __future__ import annotations

from typing import Protocol


class ProgressSink(Protocol):
    """Where long work reports progress and learns it was cancelled (the UI's ``Progress``)."""

    def report(self, done: int, total: int, text: str = "") -> None: ...

    def raise_if_cancelled(self) -> None: ...
