"""Files that appear whole or not at all: written beside the target, fsynced, then renamed.

A USB stick pulled out mid-write, a full disk or a crash must never leave a file that looks
complete; the old file (if any) stays as it was until the rename.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ikmdesk.errors import MSG_WRITE_FAILED, FileWriteError


def part_path(target: Path) -> Path:
    """Return the temporary name a file is written under before it is renamed into place."""
    return target.with_name(f".{target.name}.part")


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
