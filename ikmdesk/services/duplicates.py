"""Likely duplicate IKMs (the same business registered twice) and merging two into one.

Two officers often register the same IKM, each on their own laptop: "UD. Sari Pisang" in one
file, "Sari Pisang" in the other. Uniqueness cannot be enforced across laptops, so duplicates
are found after the fact and a person decides; a merge keeps everything both records had.
"""

from __future__ import annotations

import re
import unicodedata

# Legal-form and programme words that say nothing about which business it is.
_NOISE_WORDS = frozenset(
    {
        "ud",
        "cv",
        "pt",
        "ikm",
        "ukm",
        "umkm",
        "kube",
        "kelompok",
        "usaha",
        "toko",
        "home",
        "industri",
    }
)
_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalised_name(name: str | None) -> str:
    """Return ``name`` for comparison: lower case, no accents, punctuation or legal-form words.

    "UD. Sari  Pisang" and "sari pisang (IKM)" both give "sari pisang".
    """
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    words = _NON_WORD.sub(" ", text.lower()).split()
    kept = [w for w in words if w not in _NOISE_WORDS]
    return " ".join(kept or words)


def normalised_phone(phone: str | None) -> str:
    """Return the phone number's digits in national form ("+62 812-34" -> "081234"), or ""."""
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("62"):
        digits = "0" + digits[2:]
    elif digits.startswith("8"):
        digits = "0" + digits
    return digits
