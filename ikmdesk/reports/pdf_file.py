"""Write a finished PDF so a reader never sees half a file: temp file, fsync, rename."""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from pathlib import Path

from ikmdesk.errors import MSG_WRITE_FAILED, FileWriteError


def write_pdf(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (the old file stays intact on failure)."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.part")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        _sync_folder(target.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise FileWriteError(
            MSG_WRITE_FAILED, path=str(target), detail=exc.strerror or str(exc)
        ) from exc
    return target


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (POSIX only)."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    except OSError:  # some filesystems (FAT on a stick) refuse a folder fsync; the data is out
        pass
    finally:
        os.close(handle)


def safe_file_stem(text: str, *, limit: int = 60) -> str:
    """Return ``text`` as a portable file-name part (ASCII letters, digits, '-')."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()
    return stem[:limit].rstrip("-") or "laporan"
