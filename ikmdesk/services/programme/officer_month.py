"""The officer's own monthly record: visits, hours, IKMs reached, topics and targets met."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ikmdesk.errors import CONTEXT, MSG_NOT_FOUND, QT_TRANSLATE_NOOP, NotFoundError
from ikmdesk.models import Device, Enterprise, Programme
from ikmdesk.services.programme.logbook import officer_logbook
from ikmdesk.services.programme.plan import TargetRow, list_targets
from ikmdesk.services.visit import VisitFilter, VisitRow, list_visits

MSG_OFFICER = QT_TRANSLATE_NOOP(CONTEXT, "Petugas")


@dataclass(frozen=True, slots=True)
class OfficerVisit:
    visit: VisitRow
    programme: str | None
    topics: tuple[str, ...]
    hours: float | None


@dataclass(frozen=True, slots=True)
class OfficerMonth:
    """One officer's month, for the performance appraisal."""

    officer_id: str
    officer_name: str
    officer_nip: str | None
    month: date
    visits: tuple[OfficerVisit, ...]
    topics: tuple[tuple[str, int], ...]
    targets_met: tuple[tuple[str, TargetRow], ...]

    @property
    def hours(self) -> float:
        return sum(v.hours or 0 for v in self.visits)

    @property
    def enterprises(self) -> int:
        return len({v.visit.enterprise_id for v in self.visits})


def month_bounds(month: date) -> tuple[date, date]:
    """Return the first and last day of ``month``'s month."""
    first = month.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def officer_month(session: Session, officer_id: str, month: date) -> OfficerMonth:
    """Return the officer's visits and programme work in the month holding ``month``."""
    device = session.get(Device, officer_id)
    if device is None or device.deleted:
        raise NotFoundError(MSG_NOT_FOUND, what=MSG_OFFICER, id=officer_id)
    first, last = month_bounds(month)
    rows = list_visits(
        session,
        VisitFilter(officer_id=officer_id, date_from=first, date_to=last),
        sort="visit_date",
        descending=False,
        limit=10_000,
    )
    entries = {e.visit_id: e for e in officer_logbook(session, officer_id, first, last)}
    names = {pid: name for pid, name in session.execute(select(Programme.id, Programme.name))}
    visits = []
    topics: Counter[str] = Counter()
    for row in rows:
        entry = entries.get(row.id)
        if entry:
            topics.update(entry.topics)
        visits.append(
            OfficerVisit(
                visit=row,
                programme=names.get(entry.programme_id) if entry else None,
                topics=entry.topics if entry else (),
                hours=entry.hours if entry else None,
            )
        )
    met = []
    programme_ids = [
        p.id
        for p in session.scalars(select(Programme).where(Programme.deleted.is_(False)))
        if officer_id in (p.officer_ids or [])
    ]
    enterprise_names = {}
    for pid in programme_ids:
        for target in list_targets(session, pid, on=last):
            if target.done_on is not None and first <= target.done_on <= last:
                if target.enterprise_id not in enterprise_names:
                    enterprise = session.get(Enterprise, target.enterprise_id)
                    enterprise_names[target.enterprise_id] = enterprise.name if enterprise else ""
                met.append((enterprise_names[target.enterprise_id], target))
    return OfficerMonth(
        officer_id=officer_id,
        officer_name=device.officer_name,
        officer_nip=device.nip,
        month=first,
        visits=tuple(visits),
        topics=tuple(topics.most_common()),
        targets_met=tuple(met),
    )
