"""Opening a file the user picked (package, backup, registry sheet) as untrusted input.

Only a regular file is read, and only up to a size limit. A FIFO would block the open or
the first read for ever, a device such as /dev/zero would be read until memory runs out,
and a symlink to either looks like a file by name: all are refused before a byte is read.
The file is opened non-blocking and checked with ``fstat`` on the open descriptor, so a
name swapped between the check and the read cannot slip a FIFO in.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, UserError

MSG_NOT_REGULAR = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Berkas {path} bukan berkas biasa (folder, pipa, perangkat, atau tautan ke salah satunya); "
    "berkas tidak dibuka.",
)
MSG_INPUT_TOO_LARGE = QT_TRANSLATE_NOOP(
    CONTEXT, "Berkas {path} terlalu besar ({size} bita); batasnya {limit} bita."
)
MSG_INPUT_UNREADABLE = QT_TRANSLATE_NOOP(CONTEXT, "Berkas {path} tidak dapat dibuka: {detail}")


class InputFileRefused(UserError):
    """A file picked as input is not a regular file, is too large, or cannot be opened."""


def open_input_file(path: Path, *, max_bytes: int) -> BinaryIO:
    """Return ``path`` opened for binary reading after checking it is a regular file.

    Raises InputFileRefused (never blocks) for a FIFO, device, folder, a symlink to one of
    those, a missing file or one larger than ``max_bytes``.
    """
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        # stat first: on Windows there is no O_NONBLOCK, and a folder cannot be os.open'ed.
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise InputFileRefused(MSG_NOT_REGULAR, path=path.name)
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputFileRefused(
            MSG_INPUT_UNREADABLE, path=path.name, detail=exc.strerror or str(exc)
        ) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputFileRefused(MSG_NOT_REGULAR, path=path.name)
        if info.st_size > max_bytes:
            raise InputFileRefused(
                MSG_INPUT_TOO_LARGE, path=path.name, size=info.st_size, limit=max_bytes
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def check_input_file(path: Path, *, max_bytes: int) -> int:
    """Return the size of ``path`` after the checks of ``open_input_file`` (for readers that
    open the file themselves, such as SQLite)."""
    with open_input_file(path, max_bytes=max_bytes) as handle:
        return os.fstat(handle.fileno()).st_size


@contextlib.contextmanager
def input_file(path: Path, *, max_bytes: int) -> Iterator[BinaryIO]:
    """Context manager form of ``open_input_file``."""
    handle = open_input_file(path, max_bytes=max_bytes)
    try:
        yield handle
    finally:
        handle.close()
