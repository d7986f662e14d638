"""Write a finished PDF so a reader never sees half a file: temp file, fsync, rename."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from ikmdesk.atomic_file import write_atomically

_WINDOWS_DEVICE = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])$")


def write_pdf(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (the old file stays intact on failure)."""
    return write_atomically(Path(path), data)


def safe_file_stem(text: str, *, limit: int = 60) -> str:
    """Return ``text`` as a portable file-name part (ASCII letters, digits, '-')."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()
    stem = stem[:limit].rstrip("-") or "laporan"
    # Windows will not open "con.pdf" or "nul.pdf": those are device names, not files.
    return f"{stem}-ikm" if _WINDOWS_DEVICE.match(stem) else stem
