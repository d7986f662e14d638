"""Two writers on one PostgreSQL database (two supervisors' laptops) importing at once.

Only on PostgreSQL (``scripts/test-postgres.sh``): a SQLite file has one writer by design,
and a second one is refused (tests/test_portability.py checks that).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from ikmdesk.db import Database
from ikmdesk.models import Enterprise
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.sync_service import import_package
from tests.postgres_mode import server_url
from tests.sync.sync_helpers import add_enterprise, content, introduce, make_node, op_ids, send

pytestmark = pytest.mark.skipif(
    server_url() is None, reason="PostgreSQL only: SQLite files have a single writer"
)


def _together(jobs: list[Callable[[], None]]) -> list[BaseException]:
    """Run the jobs in threads released at the same moment; return what they raised."""
    start = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job: Callable[[], None]) -> None:
        start.wait()
        try:
            job()
        except BaseException as exc:  # reported to the test, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def _names(db: Database) -> set[str]:
    with db.unit_of_work() as session:
        return set(session.scalars(select(Enterprise.name)))


def _import_all(db: Database, packages: list[Path]) -> Callable[[], None]:
    def job() -> None:
        for package in packages:
            import_package(db, package)

    return job


def test_two_writers_importing_at_once_lose_nothing(tmp_path: Path) -> None:
    office = make_node(tmp_path / "kantor", "Budi Santoso", role="supervisor")
    officers = [make_node(tmp_path / f"petugas{n}", f"Petugas {n}") for n in (1, 2)]
    packages = []
    for n, officer in enumerate(officers, start=1):
        introduce(officer, office)
        for i in range(25):
            add_enterprise(officer.db, name=f"IKM {n}-{i}")
        packages.append(send(officer, office, tmp_path / f"p{n}.ikmsync"))
    # The second laptop: another connection pool on the same server database.
    other = open_data_file(office.db.path)
    try:
        assert other.url == office.db.url
        errors = _together([_import_all(office.db, packages), _import_all(other, packages[::-1])])
        assert errors == []
        held = op_ids(office.db)
        for officer in officers:
            assert op_ids(officer.db) <= held
        names = _names(office.db)
        assert {f"IKM {n}-{i}" for n in (1, 2) for i in range(25)} <= names
        # Both laptops see the one database.
        assert content(other) == content(office.db)
    finally:
        other.close()
        for node in (office, *officers):
            node.db.close()


def test_two_writers_editing_at_once_number_their_ops_without_collision(tmp_path: Path) -> None:
    office = make_node(tmp_path / "kantor", "Budi Santoso", role="supervisor")
    other = open_data_file(office.db.path)
    try:
        before = len(op_ids(office.db))
        errors = _together(
            [
                lambda: [add_enterprise(office.db, name=f"A {i}") for i in range(20)],
                lambda: [add_enterprise(other, name=f"B {i}") for i in range(20)],
            ]
        )
        assert errors == []
        names = _names(office.db)
        assert {f"A {i}" for i in range(20)} | {f"B {i}" for i in range(20)} <= names
        assert len(op_ids(office.db)) > before + 40
    finally:
        other.close()
        office.db.close()
