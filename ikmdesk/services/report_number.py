"""Report numbers ("0007/DISPERINDAG/IKM/III/2026"): given once per visit, kept for good.

Numbers are counted per year of the visit date and stored in the local ``setting`` table,
one row per numbered visit and one counter per year, so printing the same visit again
gives the same number. Drafts get no number: an office registers a letter when it is
issued, and a draft printed ten times for review must not use up ten numbers.

The table is local to this database (not synced): numbering belongs to the office copy
that prints and signs, normally the supervisor's.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from ikmdesk.models import Setting, Visit
from ikmdesk.models.enums import VisitStatus
from ikmdesk.services.live_record import live_record
from ikmdesk.services.office_settings import get_office_settings

_VISIT_KEY = "report_number:visit:{visit_id}"
_SEQ_KEY = "report_number:seq:{year}"
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def month_roman(month: int) -> str:
    """Return the Roman numeral of a month (1 → "I"), as Indonesian letter numbers use."""
    return _ROMAN[month - 1]


def format_report_number(pattern: str, *, seq: int, on: date) -> str:
    """Return ``pattern`` filled with ``seq`` and the year and month of ``on``."""
    return pattern.format(seq=seq, year=on.year, month=on.month, month_roman=month_roman(on.month))


def stored_report_number(session: Session, visit_id: str) -> str | None:
    """Return the number this visit was given, or ``None`` if it has none yet."""
    row = session.get(Setting, _VISIT_KEY.format(visit_id=visit_id))
    return row.value if row is not None and isinstance(row.value, str) else None


def assign_report_number(session: Session, visit_id: str) -> str | None:
    """Return the visit's report number, giving it the next one of its year if it has none.

    A draft gets ``None`` (and no number is used up).
    """
    existing = stored_report_number(session, visit_id)
    if existing is not None:
        return existing
    visit = live_record(session, Visit, visit_id, what="Kunjungan")
    if visit.status == VisitStatus.DRAFT:
        return None
    seq_key = _SEQ_KEY.format(year=visit.visit_date.year)
    counter = session.get(Setting, seq_key)
    seq = (counter.value if counter is not None and isinstance(counter.value, int) else 0) + 1
    if counter is None:
        session.add(Setting(key=seq_key, value=seq))
    else:
        counter.value = seq
    pattern = get_office_settings(session).report_number_pattern
    number = format_report_number(pattern, seq=seq, on=visit.visit_date)
    session.add(Setting(key=_VISIT_KEY.format(visit_id=visit_id), value=number))
    session.flush()
    return number
