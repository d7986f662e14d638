"""The app-wide "data changed" signal pages emit after a mutation and refresh from.

API (for every page):

- ``change_bus() -> ChangeBus``: the bus of the current main window (a process-wide default
  when no window made one). Call it in a page's ``__init__`` and keep the result.
- ``ChangeBus.data_changed(object)``: carries a ``frozenset[str]`` of entity names that
  changed, e.g. ``frozenset({"visit", "follow_up"})``. Names are the constants below
  (the model table names). Listen and refresh only when a name you show is in the set.
- ``ChangeBus.notify(*entities)``: emit ``data_changed`` with those names; call it in the GUI
  thread after a write succeeded (``ui.operations.Operation(changes=...)`` does it for you).
- ``install_change_bus(bus)``: the main window makes its own bus and installs it before it
  builds its pages, so a second window (or a test) never hears the first one's changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

ENTERPRISE = "enterprise"
PRODUCT = "product"
VISIT = "visit"
FOLLOW_UP = "follow_up"
QUALITY_CHECK = "quality_check"
ATTACHMENT = "attachment"
DEVICE = "device"
CLUSTER = "cluster"
CHECKLIST_TEMPLATE = "checklist_template"
SETTING = "setting"
SYNC = "sync"
"""Entities touched by importing a sync file arrive as their own names; SYNC adds "a sync ran"."""

ALL_ENTITIES: frozenset[str] = frozenset(
    {
        ENTERPRISE,
        PRODUCT,
        VISIT,
        FOLLOW_UP,
        QUALITY_CHECK,
        ATTACHMENT,
        DEVICE,
        CLUSTER,
        CHECKLIST_TEMPLATE,
        SETTING,
        SYNC,
    }
)


class ChangeBus(QObject):
    """Tells every page which kinds of records some other page just changed."""

    data_changed = Signal(object)

    def notify(self, *entities: str) -> None:
        """Emit ``data_changed`` with ``entities`` as a frozenset (nothing when empty)."""
        changed = frozenset(entities)
        if changed:
            self.data_changed.emit(changed)


_current: ChangeBus | None = None


def change_bus() -> ChangeBus:
    """Return the bus pages use: the one the main window installed, else a shared default."""
    global _current
    if _current is None:
        _current = ChangeBus()
    return _current


def install_change_bus(bus: ChangeBus) -> ChangeBus:
    """Make ``bus`` the one ``change_bus()`` returns from now on; returns it."""
    global _current
    _current = bus
    return bus
