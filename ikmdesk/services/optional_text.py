"""Optional free text as it is stored: trimmed, and NULL when nothing but spaces was typed."""

from __future__ import annotations


def optional_text(text: str | None) -> str | None:
    """Return ``text`` without surrounding whitespace, or None when nothing is left."""
    return (text or "").strip() or None
