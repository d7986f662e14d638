"""Where IKMDesk keeps its files; resolved here only, so tests can point it at a temp folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_DIR_ENV = "IKMDESK_DATA_DIR"


def data_dir() -> Path:
    """Return the user data folder (``IKMDESK_DATA_DIR`` overrides it, e.g. in tests)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
        return base / "IKMDesk"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "IKMDesk"
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "ikmdesk"


def default_database_path() -> Path:
    """Return the database used when no ``--db`` is given."""
    return data_dir() / "ikmdesk.db"


def blob_dir(database_path: Path) -> Path:
    """Return the folder of attachment files belonging to a database (kept beside it)."""
    return database_path.with_name(database_path.stem + "-files")


def backup_dir(database_path: Path) -> Path:
    """Return the folder of automatic backups of a database (kept beside it)."""
    return database_path.with_name(database_path.stem + "-backups")
