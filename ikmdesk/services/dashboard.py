"""What the Beranda page shows: this month's visits, follow-ups due, recent visits, quality.

Everything is read with SQL aggregates and small limited queries, so the summary costs the
same on a database of 100 or 100,000 enterprises. Deleted records (tombstones) never count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ikmdesk.models import Cluster, Enterprise, FollowUp, QualityCheck, Visit
from ikmdesk.models.enums import CheckStatus, EnterpriseStatus, VisitPurpose, VisitStatus
from ikmdesk.models.sync_state import ExportedPackage, ImportedPackage
from ikmdesk.services.follow_up import DUE_SOON_DAYS

FOLLOW_UP_LIMIT = 50
RECENT_VISIT_LIMIT = 12
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
class DashboardSummary:
    """Everything Beranda shows for ``today``; lists are limited, counts are not."""

    today: date
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

    @property
    def visits_this_month_total(self) -> int:
        """Return the visits of this month over all clusters."""
        return sum(c.visits for c in self.visits_this_month)


def dashboard_summary(session: Session, today: date) -> DashboardSummary:
    """Return the Beranda figures as they stand on ``today``."""
    month_start = today.replace(day=1)
    due_until = today + timedelta(days=DUE_SOON_DAYS)  # the follow-up list's "due" rule
    quality_since = _months_back(month_start, QUALITY_MONTHS - 1)
    overdue_query = _open_follow_ups().where(FollowUp.due_date < today)
    soon_query = _open_follow_ups().where(
        FollowUp.due_date >= today, FollowUp.due_date <= due_until
    )
    return DashboardSummary(
        today=today,
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
        last_sync=last_sync(session),
    )


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
