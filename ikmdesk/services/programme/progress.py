"""How a programme is going per IKM: visits against the planned rhythm and hours, targets."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from ikmdesk.services.programme.diagnosis import diagnosed_enterprises
from ikmdesk.services.programme.logbook import programme_logbook
from ikmdesk.services.programme.plan import TargetState, list_targets
from ikmdesk.services.programme.programme import enrolled_ikms, programme_record


@dataclass(frozen=True, slots=True)
class IkmProgress:
    """One enrolled IKM's visits, hours and targets on a date."""

    enterprise_id: str
    name: str
    visits: int
    expected_visits: int
    hours: float
    short_visits: int
    last_visit: date | None
    workers_reached: int
    diagnosed: bool
    targets_done: int
    targets_due: int
    targets_late: int
    targets_open: int

    @property
    def behind(self) -> bool:
        """Tell whether the IKM got fewer visits than the rhythm asks for so far."""
        return self.visits < self.expected_visits


def expected_visits(start: date, end: date, interval_days: int, on: date) -> int:
    """Return how many visits the rhythm asks for from ``start`` to ``on`` (capped at ``end``)."""
    if on < start:
        return 0
    elapsed = (min(on, end) - start).days + 1
    return math.ceil(elapsed / interval_days)


def programme_progress(session: Session, programme_id: str, *, on: date) -> list[IkmProgress]:
    """Return the progress of every enrolled IKM, by name."""
    programme = programme_record(session, programme_id)
    logbook = programme_logbook(session, programme_id)
    targets = list_targets(session, programme_id, on=on)
    diagnosed = diagnosed_enterprises(session, programme_id)
    result = []
    for ikm in enrolled_ikms(session, programme_id):
        entries = [e for e in logbook if e.enterprise_id == ikm.enterprise_id]
        mine = [t for t in targets if t.enterprise_id == ikm.enterprise_id]
        # Enrolment may be recorded after mentoring began; the first visit then counts.
        start = max(programme.starts_on, ikm.enrolled_on)
        start = min([start, *(e.visit_date for e in entries)])
        result.append(
            IkmProgress(
                enterprise_id=ikm.enterprise_id,
                name=ikm.name,
                visits=len(entries),
                expected_visits=expected_visits(
                    start, programme.ends_on, programme.visit_interval_days, on
                ),
                hours=sum(e.hours for e in entries),
                short_visits=sum(1 for e in entries if e.hours < programme.min_hours_per_visit),
                last_visit=max((e.visit_date for e in entries), default=None),
                workers_reached=max((e.workers_reached for e in entries), default=0),
                diagnosed=ikm.enterprise_id in diagnosed,
                targets_done=sum(1 for t in mine if t.state == TargetState.DONE),
                targets_due=sum(1 for t in mine if t.state == TargetState.DUE),
                targets_late=sum(1 for t in mine if t.state == TargetState.LATE),
                targets_open=sum(1 for t in mine if t.state == TargetState.OPEN),
            )
        )
    return result
