"""The period a summary covers: a calendar month, quarter or year, and its last day.

Every list of a summary is computed as the period stood on its last day, so one period has
one summary, whenever it is printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, ValidationError

MONTH = "month"
QUARTER = "quarter"
YEAR = "year"
KINDS: tuple[str, ...] = (MONTH, QUARTER, YEAR)

MSG_BAD_QUARTER = QT_TRANSLATE_NOOP(
    CONTEXT, "Triwulan harus ditulis TTTT-Qn, misalnya 2026-Q1: {value}"
)
MSG_BAD_YEAR = QT_TRANSLATE_NOOP(CONTEXT, "Tahun harus ditulis TTTT, misalnya 2026: {value}")

_QUARTER = re.compile(r"^\s*(\d{4})\s*-?\s*[QqTt]([1-4])\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar month, quarter or year: ``first`` and ``last`` are its first and last day."""

    kind: str
    first: date
    last: date

    @property
    def after(self) -> date:
        """Return the first day after the period."""
        return self.last + timedelta(days=1)

    @property
    def quarter(self) -> int:
        """Return the quarter (1–4) the period starts in."""
        return (self.first.month - 1) // 3 + 1

    def key(self) -> str:
        """Return the period as written on the command line: 2026-03, 2026-Q1 or 2026."""
        if self.kind == YEAR:
            return f"{self.first.year}"
        if self.kind == QUARTER:
            return f"{self.first.year}-Q{self.quarter}"
        return f"{self.first:%Y-%m}"


def month_period(day: date) -> Period:
    """Return the calendar month holding ``day``."""
    first = day.replace(day=1)
    return Period(MONTH, first, _add_months(first, 1) - timedelta(days=1))


def quarter_period(year: int, quarter: int) -> Period:
    """Return quarter 1–4 of ``year``."""
    first = date(year, 3 * (quarter - 1) + 1, 1)
    return Period(QUARTER, first, _add_months(first, 3) - timedelta(days=1))


def year_period(year: int) -> Period:
    """Return the calendar year ``year``."""
    return Period(YEAR, date(year, 1, 1), date(year, 12, 31))


def parse_quarter(text: str) -> Period:
    """Return the quarter written "2026-Q1" (or "2026Q1"); ValidationError otherwise."""
    match = _QUARTER.match(text)
    if not match:
        raise ValidationError("quarter", MSG_BAD_QUARTER, value=text)
    return quarter_period(int(match.group(1)), int(match.group(2)))


def parse_year(text: str) -> Period:
    """Return the year written "2026"; ValidationError otherwise."""
    match = _YEAR.match(text)
    if not match or not 1900 <= int(match.group(1)) <= 9999:
        raise ValidationError("year", MSG_BAD_YEAR, value=text)
    return year_period(int(match.group(1)))


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
