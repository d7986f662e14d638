"""What the Beranda page shows: this month's visits, follow-ups due, recent visits, quality,
and what needs someone: visits waiting for the supervisor's review, licences run out or running
out, IKMs at risk of stagnation, and what to do first in a new database.

Counts and lists are read with SQL aggregates and limited queries; the stagnation list is the
programme service's (``services.programme.stagnation``). A supervisor sees every IKM; an
officer's licence and stagnation lists keep to the officer's own IKMs (``own_enterprise_ids``).
Deleted records (tombstones) never count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import Session

from ikmdesk.models import (
    Cluster,
    Device,
    Enterprise,
    FollowUp,
    Programme,
    ProgrammeEnrollment,
    QualityCheck,
    Region,
    Visit,
)
from ikmdesk.models.enums import (
    CheckStatus,
    DeviceRole,
    EnterpriseStatus,
    RegionLevel,
    VisitPurpose,
    VisitStatus,
)
from ikmdesk.models.sync_state import ExportedPackage, ImportedPackage, TrustedPeer
from ikmdesk.services.device import has_identity, this_device
from ikmdesk.services.follow_up import DUE_SOON_DAYS
from ikmdesk.services.licence_expiry import LicenceAlerts, licence_alerts
from ikmdesk.services.programme.stagnation import StagnationRisk, stagnation_risks

FOLLOW_UP_LIMIT = 50
RECENT_VISIT_LIMIT = 12
REVIEW_LIMIT = 50
STAGNATION_LIMIT = 50
QUALITY_MONTHS = 12

OUTCOME_MEETS = "meets"
OUTCOME_NEEDS_WORK = "needs_work"
OUTCOME_NOT_ASSESSED = "not_assessed"
OUTCOMES: tuple[str, ...] = (OUTCOME_MEETS, OUTCOME_NEEDS_WORK, OUTCOME_NOT_ASSESSED)

# Result codes written by quality_scoring that mean "this product/process is not yet up to
# standard"; CPPB-IRT levels III and IV are the ones that cannot get an SPP-IRT.
_NEEDS_WORK_CODES = frozenset({"FAIL", "SUBSTANDARD", "LEVEL_III", "LEVEL_IV"})
_NOT_ASSESSED_CODES = frozenset({"INCOMPLETE", "NOT_ASSESSED"})


@dataclass(frozen=True, slots=True)
class ClusterVisits:
    """Visits made in the current month in one cluster."""

    cluster_id: str
    name_id: str
    name_en: str
    visits: int


@dataclass(frozen=True, slots=True)
class FollowUpDue:
    """A follow-up not yet done, with the visit it came from."""

    id: str
    visit_id: str
    enterprise_id: str
    enterprise_name: str
    action: str
    owner: str | None
    due_date: date

    def days_late(self, today: date) -> int:
        """Return how many days past due it is on ``today`` (0 or less when not late)."""
        return (today - self.due_date).days


@dataclass(frozen=True, slots=True)
class RecentVisit:
    """One of the latest visits, for the Beranda list."""

    id: str
    visit_date: date
    enterprise_id: str
    enterprise_name: str
    cluster_name_id: str
    cluster_name_en: str
    purpose: VisitPurpose
    status: VisitStatus


@dataclass(frozen=True, slots=True)
class ClusterQuality:
    """Quality checks of the last months in one cluster, counted by outcome."""

    cluster_id: str
    name_id: str
    name_en: str
    meets: int
    needs_work: int
    not_assessed: int

    @property
    def total(self) -> int:
        """Return the number of checks counted."""
        return self.meets + self.needs_work + self.not_assessed


@dataclass(frozen=True, slots=True)
class VisitAwaitingReview:
    """A submitted visit the supervisor has not yet approved or returned."""

    id: str
    visit_date: date
    submitted_at: datetime | None
    enterprise_id: str
    enterprise_name: str
    officer_name: str | None

    def waiting_days(self, today: date) -> int:
        """Return the days since it was submitted (since the visit, when that is unknown)."""
        since = self.submitted_at.date() if self.submitted_at else self.visit_date
        return max(0, (today - since).days)


@dataclass(frozen=True, slots=True)
class FirstRun:
    """How far a new database is: what is there yet, to say what to do first."""

    enterprises: int
    desa: int
    synced: bool
    trusted_peers: int

    @property
    def is_new(self) -> bool:
        """Return whether the database holds no IKM yet (Beranda then shows where to start)."""
        return self.enterprises == 0


@dataclass(frozen=True, slots=True)
class StagnationList:
    """The IKMs at risk of stagnation Beranda lists (limited) and how many there are."""

    risks: tuple[StagnationRisk, ...]
    count: int


@dataclass(frozen=True, slots=True)
class DashboardSummary:
    """Everything Beranda shows for ``today``; lists are limited, counts are not."""

    today: date
    role: str
    """This device's role ("officer" or "supervisor"); "officer" before it is set up."""
    month_start: date
    due_until: date
    enterprises_active: int
    visits_this_month: tuple[ClusterVisits, ...]
    overdue: tuple[FollowUpDue, ...]
    overdue_count: int
    due_soon: tuple[FollowUpDue, ...]
    due_soon_count: int
    recent_visits: tuple[RecentVisit, ...]
    quality_since: date
    quality_by_cluster: tuple[ClusterQuality, ...]
    last_sync: datetime | None
    review_queue: tuple[VisitAwaitingReview, ...]
    review_count: int
    licences: LicenceAlerts
    stagnation: StagnationList | None
    """None when not read with the rest (the window reads it apart: it is the slow part)."""
    first_run: FirstRun

    @property
    def is_supervisor(self) -> bool:
        """Return whether this device is the supervisor's."""
        return self.role == DeviceRole.SUPERVISOR.value

    @property
    def visits_this_month_total(self) -> int:
        """Return the visits of this month over all clusters."""
        return sum(c.visits for c in self.visits_this_month)


def dashboard_summary(
    session: Session, today: date, *, with_stagnation: bool = True
) -> DashboardSummary:
    """Return the Beranda figures as they stand on ``today``.

    ``with_stagnation=False`` leaves out the stagnation list (``dashboard_stagnation``), which
    costs more than all the rest on a large database, so the window reads it afterwards.
    """
    month_start = today.replace(day=1)
    due_until = today + timedelta(days=DUE_SOON_DAYS)  # the follow-up list's "due" rule
    quality_since = _months_back(month_start, QUALITY_MONTHS - 1)
    overdue_query = _open_follow_ups().where(FollowUp.due_date < today)
    soon_query = _open_follow_ups().where(
        FollowUp.due_date >= today, FollowUp.due_date <= due_until
    )
    role, device_id = DeviceRole.OFFICER.value, None
    if has_identity(session):
        device = this_device(session)
        role, device_id = device.role.value, device.id
    supervisor = role == DeviceRole.SUPERVISOR.value
    own = None if supervisor or device_id is None else own_enterprise_ids(session, device_id)
    synced = last_sync(session)
    return DashboardSummary(
        today=today,
        role=role,
        month_start=month_start,
        due_until=due_until,
        enterprises_active=_enterprises_active(session),
        visits_this_month=visits_per_cluster(session, since=month_start, until=today),
        overdue=_follow_up_rows(session, overdue_query),
        overdue_count=_count(session, overdue_query),
        due_soon=_follow_up_rows(session, soon_query),
        due_soon_count=_count(session, soon_query),
        recent_visits=recent_visits(session),
        quality_since=quality_since,
        quality_by_cluster=quality_per_cluster(session, since=quality_since),
        last_sync=synced,
        review_queue=review_queue(session) if supervisor else (),
        review_count=_review_count(session) if supervisor else 0,
        licences=licence_alerts(session, today=today, enterprise_ids=own),
        stagnation=dashboard_stagnation(session, today) if with_stagnation else None,
        first_run=first_run(session, synced=synced is not None),
    )


def dashboard_stagnation(session: Session, today: date) -> StagnationList:
    """Return the IKMs at risk of stagnation by name: all for a supervisor, an officer's own."""
    risks = stagnation_risks(session, on=today)
    if has_identity(session):
        device = this_device(session)
        if device.role != DeviceRole.SUPERVISOR:
            own = own_enterprise_ids(session, device.id)
            risks = [r for r in risks if r.enterprise_id in own]
    return StagnationList(risks=tuple(risks[:STAGNATION_LIMIT]), count=len(risks))


def review_queue(session: Session, *, limit: int = REVIEW_LIMIT) -> tuple[VisitAwaitingReview, ...]:
    """Return the submitted visits waiting for review, the longest-waiting first."""
    waiting_since = func.coalesce(Visit.submitted_at, Visit.visit_date)
    rows = session.execute(
        select(
            Visit.id,
            Visit.visit_date,
            Visit.submitted_at,
            Enterprise.id,
            Enterprise.name,
            Visit.officer_id,
        )
        .join(Enterprise, Enterprise.id == Visit.enterprise_id)
        .where(_awaiting_review())
        .order_by(waiting_since, Visit.visit_date, Visit.id)
        .limit(limit)
    ).all()
    names = _officer_names(session)
    return tuple(
        VisitAwaitingReview(
            id=visit_id,
            visit_date=visit_date,
            submitted_at=submitted_at,
            enterprise_id=enterprise_id,
            enterprise_name=enterprise_name,
            officer_name=names.get(officer_id),
        )
        for visit_id, visit_date, submitted_at, enterprise_id, enterprise_name, officer_id in rows
    )


def own_enterprise_ids(session: Session, device_id: str) -> set[str]:
    """Return an officer's IKMs: those it visited and those enrolled in its programmes."""
    visited = set(
        session.scalars(
            select(Visit.enterprise_id)
            .where(Visit.officer_id == device_id, Visit.deleted.is_(False))
            .distinct()
        )
    )
    programmes = [
        p.id
        for p in session.scalars(select(Programme).where(Programme.deleted.is_(False)))
        if device_id in (p.officer_ids or [])
    ]
    enrolled = (
        set(
            session.scalars(
                select(ProgrammeEnrollment.enterprise_id).where(
                    ProgrammeEnrollment.deleted.is_(False),
                    ProgrammeEnrollment.programme_id.in_(programmes),
                )
            )
        )
        if programmes
        else set()
    )
    return visited | enrolled


def first_run(session: Session, *, synced: bool) -> FirstRun:
    """Return what a new database already holds (IKMs, desa, a sync, known devices)."""
    return FirstRun(
        enterprises=int(
            session.scalar(select(func.count(Enterprise.id)).where(Enterprise.deleted.is_(False)))
            or 0
        ),
        desa=int(
            session.scalar(
                select(func.count(Region.id)).where(
                    Region.level == RegionLevel.DESA, Region.deleted.is_(False)
                )
            )
            or 0
        ),
        synced=synced,
        trusted_peers=int(session.scalar(select(func.count()).select_from(TrustedPeer)) or 0),
    )


def _awaiting_review() -> ColumnElement[bool]:
    return and_(
        Visit.status == VisitStatus.SUBMITTED,
        Visit.deleted.is_(False),
        Enterprise.deleted.is_(False),
    )


def _review_count(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count(Visit.id))
            .join(Enterprise, Enterprise.id == Visit.enterprise_id)
            .where(_awaiting_review())
        )
        or 0
    )


def _officer_names(session: Session) -> dict[str, str]:
    names = dict(session.execute(select(TrustedPeer.device_id, TrustedPeer.officer_name)).all())
    names.update(dict(session.execute(select(Device.id, Device.officer_name)).all()))
    return names


def visits_per_cluster(session: Session, *, since: date, until: date) -> tuple[ClusterVisits, ...]:
    """Return, for every cluster (zero included), the visits dated ``since``..``until``."""
    counts = dict(
        session.execute(
            select(Enterprise.cluster_id, func.count(Visit.id))
            .join(Enterprise, Enterprise.id == Visit.enterprise_id)
            .where(
                Visit.deleted.is_(False),
                Enterprise.deleted.is_(False),
                Visit.visit_date >= since,
                Visit.visit_date <= until,
            )
            .group_by(Enterprise.cluster_id)
        ).all()
    )
    return tuple(
        ClusterVisits(c.id, c.name_id, c.name_en, int(counts.get(c.id, 0)))
        for c in _clusters(session)
    )


def quality_per_cluster(session: Session, *, since: date) -> tuple[ClusterQuality, ...]:
    """Return checks made since ``since`` per cluster, counted as meets/needs work/not assessed."""
    rows = session.execute(
        select(
            Enterprise.cluster_id,
            QualityCheck.result_status,
            QualityCheck.result_code,
            func.count(QualityCheck.id),
        )
        .join(Visit, Visit.id == QualityCheck.visit_id)
        .join(Enterprise, Enterprise.id == Visit.enterprise_id)
        .where(
            QualityCheck.deleted.is_(False),
            Visit.deleted.is_(False),
            Enterprise.deleted.is_(False),
            QualityCheck.checked_on >= since,
        )
        .group_by(Enterprise.cluster_id, QualityCheck.result_status, QualityCheck.result_code)
    ).all()
    tally: dict[str, dict[str, int]] = {}
    for cluster_id, status, code, count in rows:
        outcome = check_outcome(status, code)
        per_cluster = tally.setdefault(cluster_id, dict.fromkeys(OUTCOMES, 0))
        per_cluster[outcome] += int(count)
    empty = dict.fromkeys(OUTCOMES, 0)
    return tuple(
        ClusterQuality(
            c.id,
            c.name_id,
            c.name_en,
            meets=tally.get(c.id, empty)[OUTCOME_MEETS],
            needs_work=tally.get(c.id, empty)[OUTCOME_NEEDS_WORK],
            not_assessed=tally.get(c.id, empty)[OUTCOME_NOT_ASSESSED],
        )
        for c in _clusters(session)
    )


def check_outcome(status: CheckStatus | str | None, code: str | None) -> str:
    """Return the Beranda outcome of a stored check result (see the OUTCOME_* names)."""
    if status != CheckStatus.COMPLETE or code is None or code in _NOT_ASSESSED_CODES:
        return OUTCOME_NOT_ASSESSED
    if code in _NEEDS_WORK_CODES:
        return OUTCOME_NEEDS_WORK
    return OUTCOME_MEETS


def recent_visits(session: Session, *, limit: int = RECENT_VISIT_LIMIT) -> tuple[RecentVisit, ...]:
    """Return the latest visits, newest first."""
    rows = session.execute(
        select(
            Visit.id,
            Visit.visit_date,
            Enterprise.id,
            Enterprise.name,
            Cluster.name_id,
            Cluster.name_en,
            Visit.purpose,
            Visit.status,
        )
        .join(Enterprise, Enterprise.id == Visit.enterprise_id)
        .join(Cluster, Cluster.id == Enterprise.cluster_id)
        .where(Visit.deleted.is_(False), Enterprise.deleted.is_(False))
        .order_by(Visit.visit_date.desc(), Visit.created_at.desc())
        .limit(limit)
    ).all()
    return tuple(RecentVisit(*row) for row in rows)


def last_sync(session: Session) -> datetime | None:
    """Return when a sync file was last imported or exported here (None: never)."""
    imported = session.scalar(select(func.max(ImportedPackage.imported_at)))
    exported = session.scalar(select(func.max(ExportedPackage.created_at)))
    times = [t for t in (imported, exported) if t is not None]
    return max(times) if times else None


def _open_follow_ups() -> Select[FollowUp, Enterprise]:
    return (
        select(FollowUp, Enterprise)
        .join(Enterprise, Enterprise.id == FollowUp.enterprise_id)
        .join(Visit, Visit.id == FollowUp.visit_id)
        .where(
            FollowUp.deleted.is_(False),
            FollowUp.done_on.is_(None),
            Enterprise.deleted.is_(False),
            Visit.deleted.is_(False),
        )
    )


def _follow_up_rows(
    session: Session, query: Select[FollowUp, Enterprise]
) -> tuple[FollowUpDue, ...]:
    rows = session.execute(
        query.order_by(FollowUp.due_date, Enterprise.name).limit(FOLLOW_UP_LIMIT)
    ).all()
    return tuple(
        FollowUpDue(
            id=f.id,
            visit_id=f.visit_id,
            enterprise_id=e.id,
            enterprise_name=e.name,
            action=f.action,
            owner=f.owner,
            due_date=f.due_date,
        )
        for f, e in rows
    )


def _count(session: Session, query: Select[FollowUp, Enterprise]) -> int:
    return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)


def _enterprises_active(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count(Enterprise.id)).where(
                Enterprise.deleted.is_(False), Enterprise.status == EnterpriseStatus.ACTIVE
            )
        )
        or 0
    )


def _clusters(session: Session) -> list[Cluster]:
    return list(
        session.scalars(select(Cluster).where(Cluster.deleted.is_(False)).order_by(Cluster.code))
    )


def _months_back(month_start: date, months: int) -> date:
    index = month_start.year * 12 + (month_start.month - 1) - months
    return date(index // 12, index % 12 + 1, 1)
