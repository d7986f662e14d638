"""Wrong clocks: a clock years behind still converges; a clock days ahead is flagged and bounded."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from ikmdesk.models import Enterprise
from ikmdesk.services.sync_review import list_conflicts
from ikmdesk.services.sync_service import sync_status
from ikmdesk.sync import hlc
from tests.sync.sync_helpers import (
    Node,
    add_enterprise,
    content,
    edit,
    receive,
    send,
)

DAY_MS = 24 * 3600 * 1000
YEAR_MS = 365 * DAY_MS
_real_clock = hlc.wall_clock_ms


@contextmanager
def clock_off_by(monkeypatch: pytest.MonkeyPatch, offset_ms: int) -> Iterator[None]:
    """Run the block as a device whose clock is ``offset_ms`` away from the true time."""
    monkeypatch.setattr(hlc, "wall_clock_ms", lambda: _real_clock() + offset_ms)
    try:
        yield
    finally:
        monkeypatch.setattr(hlc, "wall_clock_ms", _real_clock)


def _name(node: Node, row: str) -> str:
    with node.db.unit_of_work() as session:
        return session.get_one(Enterprise, row).name


class _Post:
    """Carries packages between devices, numbering the files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0

    def __call__(self, source: Node, target: Node) -> object:
        self.count += 1
        return receive(target, send(source, target, self.folder / f"{self.count}.ikmsync"))


def test_a_clock_five_years_behind_converges_and_wins_once_it_has_seen_newer_ops(
    trio, tmp_path, monkeypatch
):
    sup, a, b = trio
    post = _Post(tmp_path)
    row = add_enterprise(b.db, "Nama awal")
    post(b, sup)
    post(sup, a)
    with clock_off_by(monkeypatch, -5 * YEAR_MS):
        edit(a.db, Enterprise, row, name="Siti, sebelum melihat")  # concurrent with the next
    edit(sup.db, Enterprise, row, name="Kepala seksi")
    post(sup, a)  # a has now seen the supervisor's newer edit
    with clock_off_by(monkeypatch, -5 * YEAR_MS):
        edit(a.db, Enterprise, row, name="Siti, sesudah melihat")
        package = send(a, sup, tmp_path / "behind.ikmsync")
    receive(sup, package)
    post(sup, b)
    post(sup, a)
    assert {_name(n, row) for n in trio} == {"Siti, sesudah melihat"}
    assert content(sup.db) == content(a.db) == content(b.db)


def test_a_clock_days_ahead_is_flagged_on_both_sides_and_its_edits_are_kept(
    trio, tmp_path, monkeypatch
):
    sup, a, b = trio
    post = _Post(tmp_path)
    row = add_enterprise(a.db, "Nama awal")
    post(a, sup)
    post(sup, b)
    with clock_off_by(monkeypatch, 3 * DAY_MS):
        edit(b.db, Enterprise, row, name="Rahmat, jam maju")
        package = send(b, sup, tmp_path / "ahead.ikmsync")
    result = receive(sup, package)
    assert b.id in result.clock_ahead_ms
    assert 2 * DAY_MS < result.clock_ahead_ms[b.id] <= 3 * DAY_MS + 60_000
    with sup.db.unit_of_work() as session:
        assert b.id in sync_status(session).clock_warnings
    assert _name(sup, row) == "Rahmat, jam maju"  # kept, not rejected

    back = post(sup, b)
    assert back.own_clock_ahead_ms is not None
    with b.db.unit_of_work() as session:
        assert b.id in sync_status(session).clock_warnings

    # Bounded damage: an edit made after seeing the skewed one wins over it ...
    edit(sup.db, Enterprise, row, name="Kepala seksi, sesudah")
    # ... while one made without seeing it loses, and is kept as a conflict for review.
    edit(a.db, Enterprise, row, name="Siti, tanpa tahu")
    post(a, sup)
    for officer in (a, b):
        post(sup, officer)
    assert {_name(n, row) for n in trio} == {"Kepala seksi, sesudah"}
    with sup.db.unit_of_work() as session:
        values = {c.other_value for c in list_conflicts(session)}
    assert "Siti, tanpa tahu" in values


def test_a_clock_months_ahead_is_followed_so_later_edits_still_win(trio, tmp_path, monkeypatch):
    sup, a, b = trio
    post = _Post(tmp_path)
    row = add_enterprise(a.db, "Nama awal")
    post(a, sup)
    post(sup, a)
    post(sup, b)
    with clock_off_by(monkeypatch, 60 * DAY_MS):
        edit(a.db, Enterprise, row, name="Siti, jam maju dua bulan")
        package = send(a, sup, tmp_path / "ahead.ikmsync")
    assert a.id in receive(sup, package).clock_ahead_ms
    edit(b.db, Enterprise, row, name="Rahmat, tanpa tahu")  # concurrent: loses, is kept
    edit(sup.db, Enterprise, row, name="Kepala seksi, sesudah")  # after seeing it: wins
    post(b, sup)
    post(sup, a)
    post(sup, b)
    assert {_name(n, row) for n in trio} == {"Kepala seksi, sesudah"}
    with sup.db.unit_of_work() as session:
        assert {c.other_value for c in list_conflicts(session)} == {"Rahmat, tanpa tahu"}
