"""Files that appear whole or not at all: written beside the target, fsynced, then renamed.

A USB stick pulled out mid-write, a full disk or a crash must never leave a file that looks
complete; the old file (if any) stays as it was until the rename.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ikmdesk.errors import MSG_WRITE_FAILED, FileWriteError

PART_SUFFIX = ".part"
"""Every temporary file IKMDesk writes ends so; no package, backup or blob name does."""


def part_path(target: Path) -> Path:
    """Return the temporary name a file is written under before it is renamed into place."""
    return target.with_name(f".{target.name}{PART_SUFFIX}")


def remove_leftover_parts(
    folder: Path, *, older_than_s: float | None = None, names: re.Pattern[str] | None = None
) -> list[Path]:
    """Remove the ``*.part`` files a killed write left in ``folder``; return what went.

    Only regular files are removed (never a folder or what a symlink points to).
    ``older_than_s`` spares files modified more recently, for folders where another
    process may be writing right now (a stick shared by two exports); ``names`` limits
    the removal to names IKMDesk gives (a stick may hold other programs' ``.part`` files).
    """
    removed: list[Path] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:  # no such folder, or a stick pulled out: nothing to tidy
        return removed
    now = time.time()
    for entry in entries:
        if not entry.name.endswith(PART_SUFFIX):
            continue
        if names is not None and not names.match(entry.name):
            continue
        try:
            info = entry.lstat()
            if not stat.S_ISREG(info.st_mode):
                continue
            if older_than_s is not None and now - info.st_mtime < older_than_s:
                continue
            entry.unlink()
        except OSError:
            continue
        removed.append(entry)
    return removed


def ensure_parent(target: Path) -> None:
    """Create the folder ``target`` goes in; FileWriteError if that is impossible."""
    try:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileWriteError(
            MSG_WRITE_FAILED, path=str(target), detail=exc.strerror or str(exc)
        ) from exc


def fsync_file(path: Path) -> None:
    """Flush a closed file's contents to the device."""
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable on POSIX (Windows cannot, and need not)."""
    if os.name != "posix":
        return
    # Some filesystems (FAT on a stick) refuse a folder fsync; the data itself is already out.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it is fsynced and renamed onto ``target``.

    Any OSError becomes FileWriteError naming the target; the temporary file never remains.
    """
    target = Path(target)
    tmp = part_path(target)
    try:
        yield tmp
        fsync_file(tmp)
        os.replace(tmp, target)
        fsync_folder(target.parent)
    except OSError as exc:
        raise FileWriteError(
            MSG_WRITE_FAILED, path=str(target), detail=exc.strerror or str(exc)
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def write_atomically(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` atomically and return the target."""
    with atomic_output(Path(target)) as tmp, open(tmp, "wb") as handle:
        _write_all(handle, data)
    return Path(target)


def _write_all(handle: IO[bytes], data: bytes) -> None:
    handle.write(data)
    handle.flush()
