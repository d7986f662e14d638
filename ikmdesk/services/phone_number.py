"""What counts as a plausible Indonesian phone number once separators are taken out."""

from __future__ import annotations

import re

PHONE_DIGITS = (9, 15)
"""Fewest and most digits a number may have (without the leading "+")."""

_PHONE_SHAPE = re.compile(r"\+?[0-9]+")


def plausible_phone(number: str) -> bool:
    """Return whether ``number`` (separators removed) is 9–15 ASCII digits, "+" only as +62."""
    digits = number.lstrip("+")
    low, high = PHONE_DIGITS
    return (
        _PHONE_SHAPE.fullmatch(number) is not None
        and number.isascii()
        and (not number.startswith("+") or number.startswith("+62"))
        and low <= len(digits) <= high
    )
