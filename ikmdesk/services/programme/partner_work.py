"""What the office did together with one partner institution: the programmes it took part in
and the logbook visits where it was present, with hours, IKMs reached and topics.

A visit counts for a partner only when its logbook entry names the partner as present; a
programme counts when it lists the partner (or one of its logbook visits names it).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ikmdesk.models import Enterprise, Programme
from ikmdesk.models.partner import PartnerKind
from ikmdesk.services.programme.logbook import LogbookRow, partner_logbook
from ikmdesk.services.programme.partner import partner_record
from ikmdesk.services.programme.programme import ProgrammeDetail, get_programme


@dataclass(frozen=True, slots=True)
class ProgrammeTogether:
    """A programme the partner took part in, with its visits where the partner was present."""

    id: str
    name: str
    cluster_name_id: str
    cluster_name_en: str
    kecamatan: str
    starts_on: date
    ends_on: date
    status: str
    enrolled: int
    listed: bool
    """The programme lists the partner (False: only a logbook visit names it)."""
    visits: int
    hours: float


@dataclass(frozen=True, slots=True)
class VisitTogether:
    """One logbook visit where the partner was present."""

    visit_id: str
    visit_date: date
    enterprise_id: str
    enterprise_name: str
    programme_name: str
    officer_name: str
    topics: tuple[str, ...]
    method: str
    hours: float
    workers_reached: int


@dataclass(frozen=True, slots=True)
class PartnerWork:
    """A partner's record of work with the office, as the partner report prints it."""

    partner_id: str
    name: str
    kind: str
    contact_person: str | None
    phone: str | None
    on: date
    programmes: tuple[ProgrammeTogether, ...]
    visits: tuple[VisitTogether, ...]
    topics: tuple[tuple[str, int], ...]
    """Topic codes taught on the visits together, most often first."""

    @property
    def hours(self) -> float:
        return sum(v.hours for v in self.visits)

    @property
    def enterprises(self) -> int:
        """Return how many different IKMs the visits together reached."""
        return len({v.enterprise_id for v in self.visits})

    @property
    def workers_reached(self) -> int:
        """Return the workers reached: per IKM the most on any one visit, summed over IKMs."""
        most: dict[str, int] = {}
        for v in self.visits:
            most[v.enterprise_id] = max(most.get(v.enterprise_id, 0), v.workers_reached)
        return sum(most.values())


def partner_work(session: Session, partner_id: str, *, on: date) -> PartnerWork:
    """Return what was done with the partner up to ``on``; NotFoundError for an unknown one."""
    partner = partner_record(session, partner_id)
    entries = [e for e in partner_logbook(session, partner_id) if e.visit_date <= on]
    entries.reverse()  # oldest first, as a record of work reads
    listed = {
        p.id
        for p in session.scalars(select(Programme).where(Programme.deleted.is_(False)))
        if partner_id in (p.partner_ids or [])
    }
    programme_ids = listed | {e.programme_id for e in entries}
    details = {}
    for pid in programme_ids:
        record = session.get(Programme, pid)
        if record is not None and not record.deleted:
            details[pid] = get_programme(session, pid, on=on)
    names = _enterprise_names(session, {e.enterprise_id for e in entries})
    programmes = [
        ProgrammeTogether(
            id=d.id,
            name=d.name,
            cluster_name_id=d.cluster_name_id,
            cluster_name_en=d.cluster_name_en,
            kecamatan=d.kecamatan,
            starts_on=d.starts_on,
            ends_on=d.ends_on,
            status=d.status,
            enrolled=len(d.enterprises),
            listed=d.id in listed,
            visits=sum(1 for e in entries if e.programme_id == d.id),
            hours=sum(e.hours for e in entries if e.programme_id == d.id),
        )
        for d in details.values()
    ]
    programmes.sort(key=lambda p: (p.starts_on, p.name))
    visits = tuple(_visit(e, names, details) for e in entries)
    topics = Counter(code for e in entries for code in e.topics)
    return PartnerWork(
        partner_id=partner.id,
        name=partner.name,
        kind=PartnerKind(partner.kind).value,
        contact_person=partner.contact_person,
        phone=partner.phone,
        on=on,
        programmes=tuple(programmes),
        visits=visits,
        topics=tuple(sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def _visit(
    e: LogbookRow, names: dict[str, str], details: dict[str, ProgrammeDetail]
) -> VisitTogether:
    programme = details.get(e.programme_id)
    return VisitTogether(
        visit_id=e.visit_id,
        visit_date=e.visit_date,
        enterprise_id=e.enterprise_id,
        enterprise_name=names.get(e.enterprise_id, ""),
        programme_name=programme.name if programme else "",
        officer_name=e.officer_name,
        topics=e.topics,
        method=e.method,
        hours=e.hours,
        workers_reached=e.workers_reached,
    )


def _enterprise_names(session: Session, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = session.execute(select(Enterprise.id, Enterprise.name).where(Enterprise.id.in_(ids)))
    return {eid: name for eid, name in rows}
