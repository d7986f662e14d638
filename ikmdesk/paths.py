"""Where IKMDesk keeps its files; resolved here only, so tests can point it at a temp folder."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path

from platformdirs.macos import MacOS
from platformdirs.unix import Unix
from platformdirs.windows import Windows

DATA_DIR_ENV = "IKMDESK_DATA_DIR"
APP_NAME = "IKMDesk"
PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700
"""POSIX modes of what holds personal data and private keys: the owner's alone.

On Windows chmod only toggles read-only; there the data folder lies in the user's
profile (%APPDATA%), whose ACL already grants only that user, SYSTEM and administrators.
"""


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


def make_private_folder(folder: Path) -> Path:
    """Create ``folder`` (and missing parents) readable by its owner only; return it.

    An existing folder is left as it is: it may be the user's own (a Documents folder
    given with --db). ``db.open_database`` tightens IKMDesk's own folders separately.
    """
    folder = Path(folder)
    if not folder.exists():
        folder.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
        restrict_to_owner(folder)  # mkdir's mode is filtered by the umask; make it exact
    return folder


def restrict_to_owner(path: Path) -> None:
    """Remove group and other access from an IKMDesk file or folder (POSIX only)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):  # a stick's FAT has no modes; nothing to protect there
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            return
        wanted = PRIVATE_FOLDER_MODE if stat.S_ISDIR(mode) else PRIVATE_FILE_MODE
        if stat.S_IMODE(mode) & 0o077:
            os.chmod(path, stat.S_IMODE(mode) & ~0o077 | (wanted & 0o700))


def create_private_file(path: Path) -> None:
    """Create ``path`` empty with owner-only access if it does not exist; tighten it if it does.

    SQLite gives its -wal, -shm and -journal files the mode of the database file, so a
    database created this way keeps its side files private too.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        pass
    else:
        os.close(fd)
    restrict_to_owner(path)
