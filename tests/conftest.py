"""Shared fixtures: hermetic data folder, offscreen Qt, and fresh databases with an identity."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from ikmdesk.db import Database
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.device import DeviceInfo, create_identity
from tests.postgres_mode import (  # noqa: F401 - fixtures and hooks of the PostgreSQL run
    _databases_on_postgres,
    _postgres_template,
    empty_server_url,
    pytest_collection_modifyitems,
    pytest_configure,
)


@pytest.fixture(autouse=True)
def _hermetic_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test's user data folder (and Qt settings) inside its own temp folder."""
    data = tmp_path / "userdata"
    monkeypatch.setenv("IKMDESK_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return data


def make_database(path: Path, *, role: str = "officer", name: str = "Siti Rahmawati") -> Database:
    """Create a database at ``path`` with a device identity."""
    db = open_data_file(path, create=True)
    with db.unit_of_work() as session:
        create_identity(session, role=role, officer_name=name, nip="198703122010012003")
    return db


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    """A fresh officer database in the test's temp folder."""
    db = make_database(tmp_path / "ikmdesk.db")
    yield db
    db.close()


@pytest.fixture
def device(database: Database) -> DeviceInfo:
    """The identity of ``database``."""
    from ikmdesk.services.device import this_device

    with database.unit_of_work() as session:
        return this_device(session)
