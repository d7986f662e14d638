"""Start the window: open (or first set up) a database, or build a fresh demo one, then run Qt.

``run_app(db=..., demo=..., lang=...) -> int`` is what ``ikmdesk`` without a subcommand calls.
``Launcher`` does the steps without entering the event loop, so tests drive it directly.
Exit codes: 0 closed normally, 1 the database could not be opened or set-up was abandoned.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication
from sqlalchemy import make_url

from ikmdesk.db import Database
from ikmdesk.dialect import is_server_url
from ikmdesk.errors import UserError
from ikmdesk.paths import default_database_path
from ikmdesk.resource import resource_path
from ikmdesk.services.backup import REASON_EXIT, backup_if_changed
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.demo_data import DemoCancelled, build_demo
from ikmdesk.services.device import has_identity
from ikmdesk.ui import dialogs
from ikmdesk.ui.main_window import MainWindow
from ikmdesk.ui.operations import Progress, run_with_progress
from ikmdesk.ui.setup_dialog import CHOICE_CREATED, CHOICE_DEMO, SetupDialog
from ikmdesk.ui.translations import (
    APPLICATION,
    ORGANISATION,
    app_settings,
    install_language,
    install_pseudo,
    saved_language,
)
from ikmdesk.ui.wheel_guard import install_wheel_guard

EXIT_OK, EXIT_FAILED = 0, 1
DEMO_ENTERPRISES = 150
DEMO_VISITS = 900
DEMO_FILE_NAME = "ikmdesk-demo.db"
PSEUDO_ENV = "IKMDESK_PSEUDO_TRANSLATION"
SERVER_URL_KEY = "database/server_url"
"""QSettings key of the office server chosen at set-up (kept without its password)."""


def application() -> QApplication:
    """Return the running QApplication, making it (named for QSettings) if there is none."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.svg"))))
    install_wheel_guard(app)
    return app


def run_app(*, db: str | None, demo: bool, lang: str | None) -> int:
    """Open the main window on ``db`` (or a new demo database) and run until it closes."""
    app = application()
    install_language(lang or saved_language())
    if os.environ.get(PSEUDO_ENV) == "1":
        install_pseudo()
    launcher = Launcher(db=db, demo=demo)
    early = launcher.start()
    if early is not None:
        launcher.close()
        return early
    try:
        code = app.exec()
    finally:
        launcher.close()
    return launcher.exit_code if launcher.exit_code is not None else code


def remembered_server() -> str | None:
    """Return the office server chosen at set-up, if any (opened when no --db is given)."""
    value = app_settings().value(SERVER_URL_KEY, "")
    return value if isinstance(value, str) and is_server_url(value) else None


def remember_server(url: str) -> None:
    """Keep ``url`` (minus any password: psycopg reads it from pgpass) for the next start."""
    app_settings().setValue(
        SERVER_URL_KEY, make_url(url).set(password=None).render_as_string(hide_password=False)
    )


class Launcher(QObject):
    """Takes the app from nothing to an open main window, or to an exit code."""

    window_opened = Signal(object)
    gave_up = Signal(int)

    def __init__(
        self,
        *,
        db: str | None,
        demo: bool,
        demo_enterprises: int = DEMO_ENTERPRISES,
        demo_visits: int = DEMO_VISITS,
    ) -> None:
        super().__init__()
        self._db_arg = db
        self._demo = demo
        self._demo_counts = (demo_enterprises, demo_visits)
        self.database: Database | None = None
        self.window: MainWindow | None = None
        self.exit_code: int | None = None
        self.demo_dir: Path | None = None

    def start(self) -> int | None:
        """Begin; returns an exit code when done already, None while the window runs."""
        if self._demo:
            self.start_demo()
            return None
        target: str | Path = self._db_arg or remembered_server() or default_database_path()
        if not is_server_url(target):
            target = Path(target)
        try:
            database = open_data_file(target, create=True)
        except UserError as exc:
            dialogs.show_error(None, exc)
            return EXIT_FAILED
        return self._open(database)

    def _open(self, database: Database) -> int | None:
        self.database = database
        with database.unit_of_work() as session:
            ready = has_identity(session)
        if not ready:
            setup = SetupDialog(database)
            setup.exec()
            if setup.choice == CHOICE_DEMO:
                database.close()
                self.database = None
                self.start_demo()
                return None
            if setup.choice != CHOICE_CREATED:
                return EXIT_FAILED
            if setup.database is not database:  # the office server was chosen instead
                database.close()
                database = self.database = setup.database
                remember_server(database.url or "")
        self.window = MainWindow(database, demo=self.demo_dir is not None)
        self.window.show()
        self.window_opened.emit(self.window)
        return None

    def start_demo(self) -> None:
        """Build a fresh demo database in a temporary folder, behind a progress dialog."""
        self.demo_dir = Path(tempfile.mkdtemp(prefix="ikmdesk-demo-"))
        path = self.demo_dir / DEMO_FILE_NAME
        enterprises, visits = self._demo_counts
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # The progress dialog is the only window until the main window shows.
            app.setQuitOnLastWindowClosed(False)

        def work(progress: Progress) -> Path:
            def report(stage: str, done: int, total: int) -> None:
                progress.report(done, total, QCoreApplication.translate("demo_data", stage))

            build_demo(
                path,
                enterprises=enterprises,
                visits=visits,
                progress=report,
                cancelled=lambda: progress.cancelled,
            )
            return path

        run_with_progress(
            None,
            QCoreApplication.translate("Launcher", "Membuat data demo"),
            work,
            on_success=self._on_demo_succeeded,
            on_failure=self._on_demo_failed,
            label=QCoreApplication.translate(
                "Launcher", "Membuat basis data demo baru di folder sementara…"
            ),
        )

    @Slot(object)
    def _on_demo_succeeded(self, path: Path) -> None:
        try:
            code = self._open(open_data_file(path))
        except UserError as exc:
            dialogs.show_error(None, exc)
            code = EXIT_FAILED
        self._quit_on_last_window_closed()
        if code is not None:
            self._give_up(code)

    @Slot(object)
    def _on_demo_failed(self, error: Exception) -> None:
        if not isinstance(error, DemoCancelled):
            dialogs.show_error(None, error)
        self._quit_on_last_window_closed()
        self._give_up(EXIT_FAILED)

    def _give_up(self, code: int) -> None:
        self.exit_code = code
        self.gave_up.emit(code)
        app = QCoreApplication.instance()
        if app is not None:
            app.exit(code)

    def _backup_on_exit(self, path: Path) -> None:
        # The rotating backups are the officer's undo for a bad import or a lost laptop
        # stick; an unchanged database is not copied again (see backup_if_changed).
        try:
            backup_if_changed(path, reason=REASON_EXIT)
        except UserError as exc:
            dialogs.show_error(None, exc)

    def _quit_on_last_window_closed(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(True)

    def close(self) -> None:
        """Back up a changed database, close it, and remove a demo folder made here."""
        in_use: Path | None = None
        if self.window is not None:
            if self.window.isVisible():
                self.window.close()
            in_use = self.window.database.path if self.window.database.is_file else None
            # The window may have reopened its database (restoring a backup does).
            if self.window.database is not self.database:
                self.window.database.close()
            self.window.deleteLater()
            self.window = None
        if self.database is not None:
            self.database.close()
            self.database = None
        if in_use is not None and self.demo_dir is None:
            # After closing: the last connection folds the write-ahead log into the file, so
            # the copy is complete and the file's time says whether anything changed.
            self._backup_on_exit(in_use)
        if self.demo_dir is not None:
            with contextlib.suppress(OSError):
                shutil.rmtree(self.demo_dir)
            self.demo_dir = None
