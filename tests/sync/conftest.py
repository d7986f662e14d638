"""Fixtures the sync tests share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.sync_helpers import Node, introduce, make_node


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[tuple[Node, Node, Node]]:
    """A supervisor and two officers who have exchanged key cards with it."""
    sup = make_node(tmp_path / "sup", "Bu Kasi", role="supervisor")
    a = make_node(tmp_path / "a", "Siti")
    b = make_node(tmp_path / "b", "Rahmat")
    introduce(sup, a)
    introduce(sup, b)
    yield sup, a, b
    for node in (sup, a, b):
        node.db.close()
