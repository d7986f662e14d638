"""Attachment files stored by their SHA-256, so the same photo is kept and sent only once."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ikmdesk.atomic_file import ensure_parent, write_atomically

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def is_sha256(text: str) -> bool:
    """Tell whether ``text`` is a lowercase hex SHA-256 (the only names blobs get)."""
    return bool(_SHA256.match(text))


class BlobStore:
    """A folder of content-addressed files: ``ab/abcdef...`` named by the content's SHA-256."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        """Return where the blob with this hash lives (it may not exist)."""
        if not is_sha256(sha256):
            raise ValueError(f"not a SHA-256: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        """Tell whether the blob is stored."""
        return self.path_for(sha256).is_file()

    def read(self, sha256: str) -> bytes:
        """Return the blob's bytes."""
        return self.path_for(sha256).read_bytes()

    def put(self, data: bytes) -> str:
        """Store ``data`` (atomically, once) and return its SHA-256."""
        sha256 = hashlib.sha256(data).hexdigest()
        self.put_verified(sha256, data)
        return sha256

    def put_verified(self, sha256: str, data: bytes) -> None:
        """Store ``data`` under ``sha256`` after checking the hash matches."""
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError("content does not match its SHA-256")
        target = self.path_for(sha256)
        if target.is_file():
            return
        ensure_parent(target)
        write_atomically(target, data)
