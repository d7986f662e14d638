"""The office register of visit report numbers ("0007/DISPERINDAG/IKM/III/2026").

Rules (see also ``docs/architecture.md``, "Report numbers"):

- A number is given once, when a supervisor's device approves a visit, never at printing.
  Drafts, submitted and returned visits have none and print "DRAF".
- Numbers count per calendar year of the approval (office time, WITA), in approval order:
  the next number is one more than the highest of that year this device holds, deleted
  entries included, so a number is never handed out twice by one register.
- A visit keeps its number for good: approving an amendment (revision 2, 3, ...) reuses it.
- The register syncs (``ReportNumber``, sync authority "supervisor"), so every device prints
  the same number. The office keeps ONE numbering device at a time; a second supervisor
  device must import the office master file before it approves. If two devices still give
  the same number offline, both entries share one row id (derived from year and number),
  so sync turns it into a visible conflict on that row instead of two reports silently
  carrying one number; the supervisor resolves it there.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ikmdesk.models import ReportNumber, stable_id
from ikmdesk.services.office_settings import get_office_settings

OFFICE_TZ = timezone(timedelta(hours=8))
"""Kutai Timur keeps WITA (UTC+8): the approval day and year are counted in it."""
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def month_roman(month: int) -> str:
    """Return the Roman numeral of a month (1 → "I"), as Indonesian letter numbers use."""
    return _ROMAN[month - 1]


def format_report_number(pattern: str, *, seq: int, on: date) -> str:
    """Return ``pattern`` filled with ``seq`` and the year and month of ``on``."""
    return pattern.format(seq=seq, year=on.year, month=on.month, month_roman=month_roman(on.month))


def office_day(moment: datetime) -> date:
    """Return the office's calendar day at ``moment`` (an aware datetime)."""
    return moment.astimezone(OFFICE_TZ).date()


def visit_report_number(session: Session, visit_id: str) -> str | None:
    """Return the number the register gave this visit, or ``None`` if it has none yet."""
    return session.scalar(
        select(ReportNumber.number)
        .where(ReportNumber.visit_id == visit_id, ReportNumber.deleted.is_(False))
        .order_by(ReportNumber.issued_at, ReportNumber.id)
        .limit(1)
    )


def issue_report_number(session: Session, visit_id: str, *, issued_by: str, at: datetime) -> str:
    """Return the visit's number, entering the next one of the approval year if it has none.

    Only the approval step calls this (on the supervisor's device), in approval order.
    """
    existing = visit_report_number(session, visit_id)
    if existing is not None:
        return existing
    day = office_day(at)
    highest = session.scalar(
        select(func.max(ReportNumber.seq)).where(ReportNumber.year == day.year)
    )
    seq = (highest or 0) + 1
    pattern = get_office_settings(session).report_number_pattern
    number = format_report_number(pattern, seq=seq, on=day)
    session.add(
        ReportNumber(
            id=stable_id("report_number", f"{day.year}:{seq}"),
            year=day.year,
            seq=seq,
            number=number,
            visit_id=visit_id,
            issued_at=at,
            issued_by=issued_by,
        )
    )
    session.flush()
    return number
