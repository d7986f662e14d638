"""P-IRT numbers: decode the 15 digits, and warn about badly written ones without refusing them.

Format (PerBPOM 22/2018, ✅ in the reference): ``D1 D2D3 D4D5D6D7 D8D9 D10D11D12D13-D14D15``,
written ``1234567890123-45``: packaging code, food-type code, region code (province 2 +
regency 2), product number within the IRTP, IRTP number within the regency, and the last two
digits of the year the certificate expires. The number is stored as text as typed; this module
only reads it, so a number the office has not seen before is never lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ikmdesk.services.checklist_template import BilingualText

# Digit 1 (✅ Tempo 2021 and a 2014 list agree on 1–6; Tempo adds 7–8).
PACKAGING_NAMES: dict[str, BilingualText] = {
    "1": BilingualText("gelas/kaca", "glass"),
    "2": BilingualText("plastik", "plastic"),
    "3": BilingualText("karton/kertas", "carton/paper"),
    "4": BilingualText("kaleng", "can"),
    "5": BilingualText("aluminium foil", "aluminium foil"),
    "6": BilingualText("lain-lain (mis. daun)", "other (e.g. leaves)"),
    "7": BilingualText("komposit (dua bahan atau lebih)", "composite (two or more materials)"),
    "8": BilingualText(
        "ganda (kemasan primer dan sekunder berbeda)", "double (different primary and secondary)"
    ),
}

# Digits 2–3, only the codes the reference could confirm (🟡, 2012-era list). Codes 07 and up
# exist but were not found, and the list may have changed in 2018 and 2024: an unknown code is
# shown as unknown, never as an error.
FOOD_TYPE_NAMES: dict[str, BilingualText] = {
    "01": BilingualText("Hasil olahan daging kering", "Dried processed meat products"),
    "02": BilingualText("Hasil olahan ikan kering", "Dried processed fish products"),
    "03": BilingualText("Hasil olahan unggas kering", "Dried processed poultry products"),
    "04": BilingualText("Sayur asin dan sayur kering", "Salted and dried vegetables"),
    "05": BilingualText("Hasil olahan kelapa", "Processed coconut products"),
    "06": BilingualText("Tepung dan hasil olahnya", "Flour and flour products"),
}

_PREFIX = re.compile(r"^\s*(?:P\s*-?\s*IRT)?\s*(?:No\.?|Nomor)?\s*:?\s*", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s.-]")
_CANONICAL = re.compile(r"[0-9]{13}-[0-9]{2}")
_DIGITS = frozenset("0123456789")  # str.isdigit() would also let "²" or "٣" through

_PROBLEMS: dict[str, BilingualText] = {
    "empty": BilingualText("Nomor P-IRT kosong.", "The P-IRT number is empty."),
    "characters": BilingualText(
        "Nomor P-IRT memuat karakter selain angka: {chars}",
        "The P-IRT number contains characters other than digits: {chars}",
    ),
    "length": BilingualText(
        "Nomor P-IRT harus 15 angka; yang tertulis {count} angka.",
        "A P-IRT number has 15 digits; this one has {count}.",
    ),
    "dash": BilingualText(
        "Tulis dua angka terakhir (tahun berakhir) setelah tanda hubung, contoh 2063510010243-26.",
        "Write the last two digits (expiry year) after a hyphen, e.g. 2063510010243-26.",
    ),
    "packaging": BilingualText(
        "Kode jenis kemasan {code} tidak dikenal (1–8).",
        "Unknown packaging code {code} (1–8).",
    ),
}


@dataclass(frozen=True, slots=True)
class PirtNumber:
    """A decoded P-IRT number; codes keep their leading zeros as written."""

    packaging_code: str
    food_type_code: str
    region_code: str
    product_no: str
    irtp_no: str
    expiry_year: int

    @property
    def text(self) -> str:
        """Return the number written the standard way, e.g. ``2063510010243-26``."""
        return (
            f"{self.packaging_code}{self.food_type_code}{self.region_code}{self.product_no}"
            f"{self.irtp_no}-{self.expiry_year % 100:02d}"
        )

    @property
    def province_code(self) -> str:
        """Return digits 4–5 (which code list BPOM uses for Kutai Timur is unverified)."""
        return self.region_code[:2]

    @property
    def regency_code(self) -> str:
        """Return digits 6–7, the kabupaten/kota within the province."""
        return self.region_code[2:]

    @property
    def packaging_name(self) -> BilingualText | None:
        """Return the packaging kind, or ``None`` for a code outside 1–8."""
        return PACKAGING_NAMES.get(self.packaging_code)

    @property
    def food_type_name(self) -> BilingualText | None:
        """Return the food type, or ``None`` for a code the reference does not list."""
        return FOOD_TYPE_NAMES.get(self.food_type_code)

    def expired(self, today: date) -> bool:
        """Return whether the certificate has run out by ``today``.

        Only the year is encoded, so a certificate counts as valid until the end of it.
        """
        return today.year > self.expiry_year


def parse_pirt(text: str) -> PirtNumber | None:
    """Return the decoded number in ``text`` (prefix "P-IRT No." allowed), or ``None``.

    Spaces, dots and hyphens between digits are tolerated; anything else, or a digit count
    other than 15, gives ``None`` (``pirt_problems`` says why).
    """
    body = _body(text)
    if not body or _stray_characters(body):
        return None
    digits = _SEPARATORS.sub("", body)
    if len(digits) != 15:
        return None
    return PirtNumber(
        packaging_code=digits[0],
        food_type_code=digits[1:3],
        region_code=digits[3:7],
        product_no=digits[7:9],
        irtp_no=digits[9:13],
        expiry_year=2000 + int(digits[13:]),
    )


def pirt_problems(text: str, lang: str = "id") -> list[str]:
    """Return warnings about how ``text`` is written, in ``lang`` ("id" or "en"); [] if fine.

    These are warnings only: the number is kept as typed whatever they say.
    """
    return [message.get(lang).format(**args) for message, args in _problem_entries(text)]


def pirt_problem_texts(text: str) -> list[BilingualText]:
    """Return the same warnings as ``pirt_problems`` with both languages, for stored results."""
    return [
        BilingualText(message.id.format(**args), message.en.format(**args))
        for message, args in _problem_entries(text)
    ]


def _body(text: str) -> str:
    """Return ``text`` without surrounding blanks and the "P-IRT No." prefix."""
    return _PREFIX.sub("", text or "", count=1).strip()


def _stray_characters(body: str) -> str:
    """Return the characters that are neither digits nor tolerated separators, in order."""
    return "".join(dict.fromkeys(c for c in body if not (c in _DIGITS or _SEPARATORS.match(c))))


def _problem_entries(text: str) -> list[tuple[BilingualText, dict[str, object]]]:
    body = _body(text)
    if not body:
        return [(_PROBLEMS["empty"], {})]
    stray = _stray_characters(body)
    if stray:
        return [(_PROBLEMS["characters"], {"chars": stray})]
    digits = _SEPARATORS.sub("", body)
    if len(digits) != 15:
        return [(_PROBLEMS["length"], {"count": len(digits)})]
    problems: list[tuple[BilingualText, dict[str, object]]] = []
    if not _CANONICAL.fullmatch(re.sub(r"[\s.]", "", body)):
        problems.append((_PROBLEMS["dash"], {}))
    if digits[0] not in PACKAGING_NAMES:
        problems.append((_PROBLEMS["packaging"], {"code": digits[0]}))
    return problems
