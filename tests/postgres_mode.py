"""Run the suite against a PostgreSQL server: ``IKMDESK_TEST_POSTGRES_URL`` names one.

With it set (``scripts/test-postgres.sh`` does), every database a test opens in this process
by a file path is a PostgreSQL database instead: one per path, cloned from a template that is
migrated and seeded once per run, dropped when the test ends. Tests about the SQLite file
itself (its lock, backups, integrity checks, pragmas) carry ``@pytest.mark.sqlite_only``
with a reason and are skipped there. Commands run as separate processes still use files.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, make_url, text

URL_ENV = "IKMDESK_TEST_POSTGRES_URL"
TEMPLATE = "ikmdesk_template"
DEMO_TEMPLATE = "ikmdesk_demo_template"
_current: PathsOnServer | None = None


def server_url() -> str | None:
    """Return the server the suite runs against, or None for SQLite files (the default)."""
    return os.environ.get(URL_ENV) or None


def database_url(server: str, name: str) -> str:
    """Return the URL of database ``name`` on ``server``."""
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def _admin(server: str) -> Any:
    return create_engine(server, isolation_level="AUTOCOMMIT", pool_size=1)


def make_template(server: str) -> None:
    """Create the migrated, seeded template every test database is cloned from."""
    from ikmdesk.services.data_file import open_data_file

    admin = _admin(server)
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {DEMO_TEMPLATE} WITH (FORCE)"))
        connection.execute(text(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)"))
        connection.execute(text(f"CREATE DATABASE {TEMPLATE}"))
    db = open_data_file(database_url(server, TEMPLATE), create=True)
    db.close()
    admin.dispose()


class PathsOnServer:
    """Maps each database file path a test uses to a database of its own on the server."""

    def __init__(self, server: str) -> None:
        self.server = server
        self.admin = _admin(server)
        self.made: list[str] = []

    def name_for(self, path: Path) -> str:
        digest = hashlib.sha1(str(Path(path).expanduser().resolve()).encode()).hexdigest()
        return f"t_{digest[:24]}"

    def exists(self, name: str) -> bool:
        with self.admin.connect() as connection:
            found = connection.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
            ).first()
        return found is not None

    def clone(self, name: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}"))
        self.made.append(name)

    def copy_demo(self, target: Path, build: Callable[[Path], Any], scratch: Path) -> None:
        """Make ``target``'s database a copy of a demo built (into ``scratch``) once per run.

        The demo is built through the opener like any database, renamed to a template, and
        cloned per test; its photos stay in the local folder beside ``scratch``.
        """
        if not self.exists(DEMO_TEMPLATE):
            build(scratch)
            with self.admin.connect() as connection:
                connection.execute(
                    text(f"ALTER DATABASE {self.name_for(scratch)} RENAME TO {DEMO_TEMPLATE}")
                )
        name = self.name_for(target)
        with self.admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {DEMO_TEMPLATE}"))
        self.made.append(name)

    def drop_all(self) -> None:
        with self.admin.connect() as connection:
            for name in self.made:
                connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        self.admin.dispose()

    def opener(self, original: Callable[..., Any]) -> Callable[..., Any]:
        """Wrap ``db.open_database`` so a file path opens that path's server database."""
        from ikmdesk.db import open_server_database
        from ikmdesk.dialect import is_server_url
        from ikmdesk.errors import MSG_DB_MISSING, DatabaseMissing

        def open_on_server(path: Any, *, create: bool = False, writable: bool = True) -> Any:
            if is_server_url(path):
                return original(path, create=create, writable=writable)
            local = Path(path).expanduser().resolve()
            name = self.name_for(local)
            if not self.exists(name):
                if not create:
                    raise DatabaseMissing(MSG_DB_MISSING, path=str(local))
                self.clone(name)
            db = open_server_database(
                database_url(self.server, name), writable=writable, local_path=local
            )
            # db.created stays False: the template is seeded already, so nothing is seeded twice.
            return db

        return open_on_server


@pytest.fixture(scope="session")
def _postgres_template() -> str | None:
    server = server_url()
    if server is not None:
        make_template(server)
    return server


@pytest.fixture(autouse=True)
def _databases_on_postgres(
    _postgres_template: str | None, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    if _postgres_template is None:
        yield
        return
    import ikmdesk.db
    import ikmdesk.services.data_file

    # An error dialog nobody answers would hang the whole run: on PostgreSQL one fails the test.
    import ikmdesk.ui.dialogs

    def unanswered(_parent: Any, _icon: Any, title: str, text: str) -> None:
        raise AssertionError(f"a dialog was shown in the PostgreSQL run: {title}: {text}")

    monkeypatch.setattr(ikmdesk.ui.dialogs, "_acknowledge", unanswered)
    global _current
    paths = PathsOnServer(_postgres_template)
    opener = paths.opener(ikmdesk.db.open_database)
    monkeypatch.setattr(ikmdesk.db, "open_database", opener)
    monkeypatch.setattr(ikmdesk.services.data_file, "open_database", opener)
    _current = paths
    try:
        yield
    finally:
        _current = None
        _delete_windows()
        paths.drop_all()


def _delete_windows() -> None:
    """Delete the test's windows before their databases are dropped.

    A window left for later deletion would otherwise still refresh (on a language change in
    a later test) from a database that no longer exists; on SQLite its file is still there.
    """
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for widget in app.topLevelWidgets():
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def copy_demo_on_server(target: Path, build: Callable[[Path], Any], scratch: Path) -> None:
    """PostgreSQL run: give ``target`` a copy of the run's demo database (see copy_demo)."""
    assert _current is not None, "only inside a test of the PostgreSQL run"
    _current.copy_demo(target, build, scratch)


@pytest.fixture
def empty_server_url() -> Iterator[str]:
    """The URL of a new, empty database on the run's server (skipped without one)."""
    server = server_url()
    if server is None:
        pytest.skip(f"needs a PostgreSQL server: set {URL_ENV}")
    import uuid

    name = f"empty_{uuid.uuid4().hex[:12]}"
    admin = _admin(server)
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield database_url(server, name)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def pytest_configure(config: pytest.Config) -> None:
    """Declare the ``sqlite_only`` marker."""
    config.addinivalue_line(
        "markers", "sqlite_only(reason): about the SQLite file itself; skipped on PostgreSQL"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """On PostgreSQL, skip the tests marked ``sqlite_only``, saying why."""
    if server_url() is None:
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "")
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))
