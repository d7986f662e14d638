"""Where IKMDesk keeps its files; resolved here only, so tests can point it at a temp folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs.macos import MacOS
from platformdirs.unix import Unix
from platformdirs.windows import Windows

DATA_DIR_ENV = "IKMDESK_DATA_DIR"
APP_NAME = "IKMDesk"


def data_dir() -> Path:
    """Return the user data folder (``IKMDESK_DATA_DIR`` overrides it, e.g. in tests).

    Each OS's own convention, via platformdirs: ``%LOCALAPPDATA%\\IKMDesk`` on Windows (a
    database must not roam with the profile), ``~/Library/Application Support/IKMDesk`` on
    macOS, ``$XDG_DATA_HOME/ikmdesk`` elsewhere.
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    # The class is picked here (not by platformdirs at import) so a test can pose as each OS.
    if sys.platform == "win32":
        return Windows(APP_NAME, appauthor=False, roaming=False).user_data_path
    if sys.platform == "darwin":
        return MacOS(APP_NAME).user_data_path
    return Unix(APP_NAME.lower()).user_data_path


def default_database_path() -> Path:
    """Return the database used when no ``--db`` is given."""
    return data_dir() / "ikmdesk.db"


def blob_dir(database_path: Path) -> Path:
    """Return the folder of attachment files belonging to a database (kept beside it)."""
    return database_path.with_name(database_path.stem + "-files")


def backup_dir(database_path: Path) -> Path:
    """Return the folder of automatic backups of a database (kept beside it)."""
    return database_path.with_name(database_path.stem + "-backups")
