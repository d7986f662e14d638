"""The mentoring logbook: the programme side of a visit (topics, method, hours, workers, partner).

An entry's id comes from its visit, so a visit belongs to at most one programme. It is written
while the visit can still be edited (draft or returned), by the visit's officer or the
supervisor, like the visit itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, UserError, ValidationError
from ikmdesk.models import Device, LogbookEntry, Partner, Visit, stable_id
from ikmdesk.models.logbook_entry import TeachingMethod
from ikmdesk.services.device import this_device
from ikmdesk.services.optional_text import optional_text
from ikmdesk.services.programme.authority import is_supervisor
from ikmdesk.services.programme.catalogue import target_def
from ikmdesk.services.programme.diagnosis import ensure_enrolled
from ikmdesk.services.programme.programme import programme_record
from ikmdesk.services.visit import editable_visit, visit_record

MSG_TOPIC_UNKNOWN = QT_TRANSLATE_NOOP(CONTEXT, "Topik '{code}' tidak ada dalam katalog.")
MSG_METHOD_UNKNOWN = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Metode '{value}' tidak dikenal (demonstration, practice, document_review, discussion, "
    "assisted_application, field_trip).",
)
MSG_HOURS = QT_TRANSLATE_NOOP(CONTEXT, "Lama pendampingan harus 0 sampai 24 jam (diisi {value}).")
MSG_WORKERS = QT_TRANSLATE_NOOP(
    CONTEXT, "Jumlah pekerja yang didampingi harus 0 sampai 500 (diisi {value})."
)
MSG_PARTNER_NOT_IN_PROGRAMME = QT_TRANSLATE_NOOP(
    CONTEXT, "Mitra yang dipilih bukan mitra program ini."
)
MSG_NOT_YOUR_VISIT = QT_TRANSLATE_NOOP(
    CONTEXT, "Logbook kunjungan hanya diisi oleh petugas kunjungan itu atau atasan."
)

METHOD_LABELS: dict[str, tuple[str, str]] = {
    TeachingMethod.DEMONSTRATION: ("Demonstrasi", "Demonstration"),
    TeachingMethod.PRACTICE: ("Praktik langsung", "Hands-on practice"),
    TeachingMethod.DOCUMENT_REVIEW: ("Pemeriksaan dokumen", "Document review"),
    TeachingMethod.DISCUSSION: ("Diskusi", "Discussion"),
    TeachingMethod.ASSISTED_APPLICATION: ("Pendampingan pengajuan izin", "Assisted application"),
    TeachingMethod.FIELD_TRIP: ("Kunjungan belajar", "Study visit"),
}
"""Indonesian and English names of the teaching methods (for reports, which run without Qt)."""


@dataclass(frozen=True, slots=True)
class LogbookInput:
    """What the officer records about a programme visit."""

    programme_id: str
    topics: tuple[str, ...]
    method: str
    hours: float
    workers_reached: int = 0
    partner_id: str | None = None
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class LogbookRow:
    """One logbook line: the visit's date, IKM and officer with what was taught."""

    visit_id: str
    programme_id: str
    enterprise_id: str
    visit_date: date
    officer_id: str
    officer_name: str
    topics: tuple[str, ...]
    method: str
    hours: float
    workers_reached: int
    partner_id: str | None
    partner_name: str | None
    notes: str | None
    findings: str | None
    recommendations: str | None


def entry_id(visit_id: str) -> str:
    """Return the id every device gives the logbook entry of this visit."""
    return stable_id("logbook-entry", visit_id)


def record_logbook(session: Session, visit_id: str, data: LogbookInput) -> str:
    """Make the visit a programme visit with this logbook entry (or replace it); returns its id."""
    visit = editable_visit(session, visit_id)
    if visit.officer_id != this_device(session).id and not is_supervisor(session):
        raise UserError(MSG_NOT_YOUR_VISIT)
    programme = programme_record(session, data.programme_id)
    ensure_enrolled(session, programme.id, visit.enterprise_id)
    for code in data.topics:
        if target_def(code) is None:
            raise ValidationError("topics", MSG_TOPIC_UNKNOWN, code=code)
    try:
        method = TeachingMethod(data.method)
    except ValueError:
        raise ValidationError("method", MSG_METHOD_UNKNOWN, value=data.method) from None
    if not (isinstance(data.hours, int | float) and math.isfinite(data.hours)) or not (
        0 <= data.hours <= 24
    ):
        raise ValidationError("hours", MSG_HOURS, value=data.hours)
    if not 0 <= data.workers_reached <= 500:
        raise ValidationError("workers_reached", MSG_WORKERS, value=data.workers_reached)
    if data.partner_id is not None and data.partner_id not in (programme.partner_ids or []):
        raise ValidationError("partner_id", MSG_PARTNER_NOT_IN_PROGRAMME)
    values = {
        "programme_id": programme.id,
        "topics": list(dict.fromkeys(data.topics)),
        "method": method,
        "hours": float(data.hours),
        "workers_reached": int(data.workers_reached),
        "partner_id": data.partner_id,
        "notes": optional_text(data.notes),
        "deleted": False,
    }
    row_id = entry_id(visit_id)
    record = session.get(LogbookEntry, row_id)
    if record is None:
        record = LogbookEntry(id=row_id, visit_id=visit_id, **values)
        session.add(record)
    else:
        for key, value in values.items():
            if getattr(record, key) != value:
                setattr(record, key, value)
    session.flush()
    return record.id


def remove_logbook(session: Session, visit_id: str) -> None:
    """Take an editable visit out of its programme (its entry is tombstoned)."""
    editable_visit(session, visit_id)
    record = session.get(LogbookEntry, entry_id(visit_id))
    if record is not None and not record.deleted:
        record.deleted = True
        session.flush()


def visit_logbook(session: Session, visit_id: str) -> LogbookRow | None:
    """Return the visit's live logbook entry, or None when it is not a programme visit."""
    visit_record(session, visit_id)
    rows = _rows(session, LogbookEntry.visit_id == visit_id)
    return rows[0] if rows else None


def programme_logbook(
    session: Session, programme_id: str, *, enterprise_id: str | None = None
) -> list[LogbookRow]:
    """Return a programme's logbook (one IKM's when given), newest visit first."""
    condition = LogbookEntry.programme_id == programme_id
    if enterprise_id is not None:
        condition = condition & (Visit.enterprise_id == enterprise_id)
    return _rows(session, condition)


def officer_logbook(session: Session, officer_id: str, start: date, end: date) -> list[LogbookRow]:
    """Return an officer's logbook entries with visits in [start, end], newest first."""
    return _rows(
        session,
        (Visit.officer_id == officer_id) & (Visit.visit_date >= start) & (Visit.visit_date <= end),
    )


def partner_logbook(session: Session, partner_id: str) -> list[LogbookRow]:
    """Return the logbook entries naming ``partner_id`` as present, newest first."""
    return _rows(session, LogbookEntry.partner_id == partner_id)


def _rows(session: Session, condition: ColumnElement[bool]) -> list[LogbookRow]:
    query = (
        select(LogbookEntry, Visit, Device.officer_name, Partner.name)
        .join(Visit, Visit.id == LogbookEntry.visit_id)
        .join(Device, Device.id == Visit.officer_id, isouter=True)
        .join(Partner, Partner.id == LogbookEntry.partner_id, isouter=True)
        .where(condition, LogbookEntry.deleted.is_(False), Visit.deleted.is_(False))
        .order_by(Visit.visit_date.desc(), Visit.created_at.desc())
    )
    return [
        LogbookRow(
            visit_id=visit.id,
            programme_id=entry.programme_id,
            enterprise_id=visit.enterprise_id,
            visit_date=visit.visit_date,
            officer_id=visit.officer_id,
            officer_name=officer_name or "",
            topics=tuple(entry.topics or ()),
            method=TeachingMethod(entry.method).value,
            hours=entry.hours,
            workers_reached=entry.workers_reached,
            partner_id=entry.partner_id,
            partner_name=partner_name,
            notes=entry.notes,
            findings=visit.findings,
            recommendations=visit.recommendations,
        )
        for entry, visit, officer_name, partner_name in session.execute(query)
    ]
