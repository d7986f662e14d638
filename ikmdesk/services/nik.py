"""The NIK (Nomor Induk Kependudukan): the 16-digit Indonesian identity number, personal data."""

from __future__ import annotations

NIK_LENGTH = 16


def is_nik(text: str) -> bool:
    """Return whether ``text`` (separators already removed) is 16 ASCII digits."""
    return len(text) == NIK_LENGTH and all(c in "0123456789" for c in text)
