"""The NIP (Nomor Induk Pegawai) of a civil servant: 18 digits, printed in four groups."""

from __future__ import annotations

NIP_LENGTH = 18


def normalised_nip(text: str) -> str:
    """Return ``text`` without surrounding blanks and inner spaces (as officers often type it)."""
    return text.strip().replace(" ", "")


def is_nip(text: str) -> bool:
    """Return whether ``text`` (already normalised) is 18 ASCII digits."""
    return len(text) == NIP_LENGTH and all(c in "0123456789" for c in text)
