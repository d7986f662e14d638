"""Mentoring visits: the officer's draft, its submission, and filtered lists for every screen.

An officer edits a visit only while it is a draft or has been returned by the supervisor;
once submitted or approved it is locked (``VisitLocked``). The allowed status moves live in
``STATUS_MOVES`` and ``move_status`` so the supervisor's review (approve, return) reuses them.
Deleting a visit tombstones it with its follow-ups, quality checks and attachments.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from ikmdesk.errors import (
    CONTEXT,
    QT_TRANSLATE_NOOP,
    NotFoundError,
    UserError,
    ValidationError,
)
from ikmdesk.models import (
    Attachment,
    Cluster,
    Device,
    Enterprise,
    FollowUp,
    QualityCheck,
    Region,
    Visit,
    new_id,
    utc_now,
)
from ikmdesk.models.enums import VisitPurpose, VisitStatus
from ikmdesk.services.device import this_device
from ikmdesk.services.enterprise import enterprise_record
from ikmdesk.services.enterprise_place import enterprise_place_conditions
from ikmdesk.services.listing import (
    check_page,
    resolve_sort,
    sort_key,
    text_matches,
)
from ikmdesk.services.live_record import live_record
from ikmdesk.services.optional_text import optional_text

VISIT_ONLY_SORTS = frozenset({"visit_date", "status", "purpose", "updated_at"})
"""Sort keys on the visit's own columns: their pages can be found in the visit table alone."""
EARLIEST_VISIT = date(2000, 1, 1)
FUTURE_GRACE = timedelta(days=1)
"""A visit may be dated tomorrow: laptops cross midnight and time zones (WIB/WITA)."""

OFFICER_EDITABLE = frozenset({VisitStatus.DRAFT, VisitStatus.RETURNED})

STATUS_MOVES: dict[VisitStatus, frozenset[VisitStatus]] = {
    VisitStatus.DRAFT: frozenset({VisitStatus.SUBMITTED}),
    VisitStatus.RETURNED: frozenset({VisitStatus.SUBMITTED}),
    VisitStatus.SUBMITTED: frozenset({VisitStatus.APPROVED, VisitStatus.RETURNED}),
    VisitStatus.APPROVED: frozenset({VisitStatus.DRAFT}),
}
"""Status changes allowed from each status; everything else is refused by ``move_status``.

Approved -> draft is the supervisor's amendment (``services.visit_review``), which also raises
the revision.
"""

MSG_VISIT = QT_TRANSLATE_NOOP(CONTEXT, "Kunjungan")
MSG_DATE_REQUIRED = QT_TRANSLATE_NOOP(CONTEXT, "Tanggal kunjungan wajib diisi.")
MSG_DATE_FUTURE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Tanggal kunjungan {value} masih di masa depan; isi tanggal kunjungan yang sudah terjadi.",
)
MSG_DATE_TOO_EARLY = QT_TRANSLATE_NOOP(
    CONTEXT, "Tanggal kunjungan {value} terlalu lama; isi tanggal sejak tahun 2000."
)
MSG_PURPOSE_UNKNOWN = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Tujuan kunjungan '{value}' tidak dikenal "
    "(mentoring, monitoring, follow_up, certification_support).",
)
MSG_STATUS_UNKNOWN = QT_TRANSLATE_NOOP(
    CONTEXT, "Status kunjungan '{value}' tidak dikenal (draft, submitted, returned, approved)."
)
MSG_ENTERPRISE_UNKNOWN = QT_TRANSLATE_NOOP(CONTEXT, "IKM yang dikunjungi tidak ditemukan.")
MSG_LOCKED_SUBMITTED = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Kunjungan ini sudah dikirim ke atasan untuk diperiksa, jadi tidak dapat diubah atau "
    "dihapus. Minta atasan mengembalikannya bila perlu diperbaiki.",
)
MSG_LOCKED_APPROVED = QT_TRANSLATE_NOOP(
    CONTEXT, "Kunjungan ini sudah disetujui, jadi tidak dapat diubah atau dihapus lagi."
)
MSG_BAD_MOVE = QT_TRANSLATE_NOOP(
    CONTEXT, "Kunjungan berstatus {current} tidak dapat diubah menjadi {target}."
)
MSG_NOTHING_TO_SUBMIT = QT_TRANSLATE_NOOP(
    CONTEXT, "Isi kegiatan, temuan atau rekomendasi kunjungan sebelum mengirimnya."
)


class VisitLocked(UserError):
    """The visit was submitted or approved, so the officer can no longer change it."""


class VisitStatusError(UserError):
    """A status change the review workflow does not allow (e.g. approving a draft)."""


@dataclass(frozen=True, slots=True)
class VisitInput:
    """What the officer writes about a visit; ``purpose`` is a VisitPurpose value."""

    enterprise_id: str
    visit_date: date
    purpose: str
    companions: str | None = None
    activities: str | None = None
    findings: str | None = None
    recommendations: str | None = None


@dataclass(frozen=True, slots=True)
class VisitRow:
    """One line of a visit list."""

    id: str
    enterprise_id: str
    enterprise_name: str
    visit_date: date
    status: str
    purpose: str
    officer_name: str
    cluster_code: str
    kecamatan: str


@dataclass(frozen=True, slots=True)
class VisitDetail:
    """One visit with everything its page and report show (follow-ups: ``list_follow_ups``)."""

    id: str
    enterprise_id: str
    enterprise_name: str
    visit_date: date
    purpose: str
    companions: str | None
    activities: str | None
    findings: str | None
    recommendations: str | None
    status: str
    revision: int
    officer_id: str
    officer_name: str
    submitted_at: datetime | None
    reviewed_at: datetime | None
    reviewer_id: str | None
    reviewer_name: str | None
    review_comment: str | None
    created_at: datetime
    updated_at: datetime

    @property
    def editable(self) -> bool:
        """Return whether the officer may still change or delete this visit."""
        return VisitStatus(self.status) in OFFICER_EDITABLE


@dataclass(frozen=True, slots=True)
class VisitFilter:
    """What a visit list is narrowed to; empty fields mean "any".

    ``cluster`` takes a cluster code (or id or name), ``kecamatan`` a kecamatan id (or code or
    name); ``date_from``/``date_to`` are inclusive.
    """

    text: str = ""
    cluster: str | None = None
    kecamatan: str | None = None
    enterprise_id: str | None = None
    status: str | None = None
    purpose: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    officer_id: str | None = None


SORT_KEYS = (
    "visit_date",
    "enterprise_name",
    "status",
    "purpose",
    "officer_name",
    "kecamatan",
    "cluster",
    "updated_at",
)
"""Keys ``list_visits`` sorts by."""


def today() -> date:
    """Return the date visits are checked against (the computer's; tests replace it)."""
    return date.today()


def create_visit(session: Session, data: VisitInput) -> str:
    """Record a draft visit by this device's officer and return its id."""
    values = _valid_values(session, data)
    visit = Visit(
        id=new_id(), officer_id=this_device(session).id, status=VisitStatus.DRAFT, **values
    )
    session.add(visit)
    session.flush()
    return visit.id


def update_visit(session: Session, visit_id: str, data: VisitInput) -> None:
    """Replace a draft or returned visit's fields (only changed ones are written)."""
    visit = editable_visit(session, visit_id)
    values = _valid_values(session, data)
    for key, value in values.items():
        if getattr(visit, key) != value:
            setattr(visit, key, value)
    # Follow-ups carry the visit's IKM so lists need no join; a draft moved to another IKM
    # takes its follow-ups along.
    for follow_up in _live(session, FollowUp, FollowUp.visit_id == visit_id):
        if follow_up.enterprise_id != visit.enterprise_id:
            follow_up.enterprise_id = visit.enterprise_id
    session.flush()


def delete_visit(session: Session, visit_id: str) -> None:
    """Tombstone a draft or returned visit with its follow-ups, checks and attachments."""
    visit = editable_visit(session, visit_id)
    for model, condition in (
        (FollowUp, FollowUp.visit_id == visit_id),
        (QualityCheck, QualityCheck.visit_id == visit_id),
        (Attachment, Attachment.visit_id == visit_id),
    ):
        for record in _live(session, model, condition):
            record.deleted = True
    visit.deleted = True
    session.flush()


def submit_visit(session: Session, visit_id: str) -> None:
    """Send a draft or returned visit for review; it is locked for the officer afterwards."""
    visit = editable_visit(session, visit_id)
    if not any((visit.activities, visit.findings, visit.recommendations)):
        raise ValidationError("activities", MSG_NOTHING_TO_SUBMIT)
    move_status(visit, VisitStatus.SUBMITTED)
    session.flush()


def get_visit(session: Session, visit_id: str) -> VisitDetail:
    """Return one live visit; raises NotFoundError for an unknown or deleted one."""
    visit = visit_record(session, visit_id)
    enterprise = session.get_one(Enterprise, visit.enterprise_id)
    officer = session.get(Device, visit.officer_id)
    reviewer = session.get(Device, visit.reviewer_id) if visit.reviewer_id else None
    return VisitDetail(
        id=visit.id,
        enterprise_id=visit.enterprise_id,
        enterprise_name=enterprise.name,
        visit_date=visit.visit_date,
        purpose=VisitPurpose(visit.purpose).value,
        companions=visit.companions,
        activities=visit.activities,
        findings=visit.findings,
        recommendations=visit.recommendations,
        status=VisitStatus(visit.status).value,
        revision=visit.revision,
        officer_id=visit.officer_id,
        officer_name="" if officer is None else officer.officer_name,
        submitted_at=visit.submitted_at,
        reviewed_at=visit.reviewed_at,
        reviewer_id=visit.reviewer_id,
        reviewer_name=None if reviewer is None else reviewer.officer_name,
        review_comment=visit.review_comment,
        created_at=visit.created_at,
        updated_at=visit.updated_at,
    )


def visit_input(detail: VisitDetail) -> VisitInput:
    """Return the input that would save ``detail`` unchanged (start of an edit form)."""
    return VisitInput(**{f.name: getattr(detail, f.name) for f in fields(VisitInput)})


def visit_record(session: Session, visit_id: str) -> Visit:
    """Return the live visit row for sibling services; raises NotFoundError otherwise."""
    return live_record(session, Visit, visit_id, what=MSG_VISIT)


def editable_visit(session: Session, visit_id: str) -> Visit:
    """Return the live visit row if the officer may change it; raises VisitLocked otherwise."""
    visit = visit_record(session, visit_id)
    ensure_editable(visit)
    return visit


def ensure_editable(visit: Visit) -> None:
    """Raise VisitLocked unless ``visit`` is a draft or was returned for correction."""
    status = VisitStatus(visit.status)
    if status in OFFICER_EDITABLE:
        return
    raise VisitLocked(
        MSG_LOCKED_APPROVED if status is VisitStatus.APPROVED else MSG_LOCKED_SUBMITTED
    )


def can_move(current: str, target: str) -> bool:
    """Return whether a visit may go from status ``current`` to ``target``."""
    return VisitStatus(target) in STATUS_MOVES[VisitStatus(current)]


def move_status(visit: Visit, target: VisitStatus, *, now: datetime | None = None) -> None:
    """Set ``visit``'s status to ``target`` if ``STATUS_MOVES`` allows it, stamping the time.

    Submitting stamps ``submitted_at``; approving or returning stamps ``reviewed_at`` (the
    caller sets ``reviewer_id`` and ``review_comment``); reopening as a draft clears
    ``submitted_at``. Raises VisitStatusError otherwise.
    """
    current = VisitStatus(visit.status)
    if not can_move(current, target):
        raise VisitStatusError(MSG_BAD_MOVE, current=current.value, target=target.value)
    moment = now or utc_now()
    visit.status = target
    if target is VisitStatus.SUBMITTED:
        visit.submitted_at = moment
    elif target is VisitStatus.DRAFT:
        visit.submitted_at = None
    else:
        visit.reviewed_at = moment


def list_visits(
    session: Session,
    flt: VisitFilter | None = None,
    *,
    sort: str = "visit_date",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
) -> list[VisitRow]:
    """Return one page of live visits matching ``flt``, newest first by default.

    Raises ValidationError for an unknown sort key (see ``SORT_KEYS``), bad paging or an
    unknown filter value.
    """
    flt = flt or VisitFilter()
    check_page(offset, limit)
    keys = {
        "visit_date": sort_key(Visit.visit_date),
        "enterprise_name": sort_key(Enterprise.name, Visit.visit_date),
        "status": sort_key(Visit.status, Visit.visit_date),
        "purpose": sort_key(Visit.purpose, Visit.visit_date),
        "officer_name": sort_key(Device.officer_name, Visit.visit_date),
        "kecamatan": sort_key(Region.name, Visit.visit_date),
        "cluster": sort_key(Cluster.name_id, Visit.visit_date),
        "updated_at": sort_key(Visit.updated_at),
    }
    key = resolve_sort(keys, sort)
    order = key.terms(descending=descending, tiebreak=Visit.id)
    query = (
        select(
            Visit.id,
            Visit.enterprise_id,
            Enterprise.name,
            Visit.visit_date,
            Visit.status,
            Visit.purpose,
            Device.officer_name,
            Cluster.code,
            Region.name,
        )
        .select_from(Visit)
        .join(Enterprise, Enterprise.id == Visit.enterprise_id)
        .join(Region, Region.id == Enterprise.kecamatan_id)
        .join(Cluster, Cluster.id == Enterprise.cluster_id)
        .join(Device, Device.id == Visit.officer_id)
        .order_by(*order)
    )
    if sort in VISIT_ONLY_SORTS and not _narrows_by_place(flt):
        # One page of ids from the visit table alone, by its own index, then their details:
        # SQLite's planner does not weigh LIMIT and, given the joins, starts from the small
        # device and cluster tables and sorts every visit (300 ms at 30,000 visits).
        page_ids = (
            select(Visit.id)
            .where(*_conditions(session, flt, page=True))
            .order_by(*order)
            .offset(offset)
            .limit(limit)
            .subquery()
        )
        query = query.join(page_ids, page_ids.c.id == Visit.id)
    else:
        query = query.where(*_conditions(session, flt, page=False)).offset(offset).limit(limit)
    return [
        VisitRow(
            id=row[0],
            enterprise_id=row[1],
            enterprise_name=row[2],
            visit_date=row[3],
            status=VisitStatus(row[4]).value,
            purpose=VisitPurpose(row[5]).value,
            officer_name=row[6],
            cluster_code=row[7],
            kecamatan=row[8],
        )
        for row in session.execute(query)
    ]


def count_visits(session: Session, flt: VisitFilter | None = None) -> int:
    """Return how many live visits match ``flt`` (the total behind ``list_visits`` pages)."""
    query = (
        select(func.count())
        .select_from(Visit)
        .join(Enterprise, Enterprise.id == Visit.enterprise_id)
        .where(*_conditions(session, flt or VisitFilter(), page=False))
    )
    return int(session.scalar(query) or 0)


def _narrows_by_place(flt: VisitFilter) -> bool:
    """Whether ``flt`` names a kecamatan or text: a page then starts from the matching IKMs.

    A kecamatan holds a few percent of the visits, so sorting its visits beats walking all
    visits by date; a text filter reads IKM names, which the visit table alone has not.
    """
    return bool(flt.kecamatan or (flt.text and flt.text.strip()))


def _conditions(session: Session, flt: VisitFilter, *, page: bool) -> list[ColumnElement[bool]]:
    """Return WHERE conditions on ``Visit`` joined with ``Enterprise``."""
    conditions: list[ColumnElement[bool]] = [Visit.deleted.is_(False)]
    text = flt.text.strip() if flt.text else ""
    if text:
        conditions.append(
            text_matches(
                text,
                [
                    Enterprise.name,
                    Enterprise.owner_name,
                    Visit.companions,
                    Visit.activities,
                    Visit.findings,
                    Visit.recommendations,
                ],
            )
        )
    conditions += enterprise_place_conditions(
        session, Visit.enterprise_id, cluster=flt.cluster, kecamatan=flt.kecamatan, page=page
    )
    if flt.enterprise_id:
        conditions.append(Visit.enterprise_id == flt.enterprise_id)
    if flt.status:
        conditions.append(Visit.status == _status(flt.status))
    if flt.purpose:
        conditions.append(Visit.purpose == _purpose(flt.purpose))
    if flt.date_from:
        conditions.append(Visit.visit_date >= flt.date_from)
    if flt.date_to:
        conditions.append(Visit.visit_date <= flt.date_to)
    if flt.officer_id:
        conditions.append(Visit.officer_id == flt.officer_id)
    return conditions


def _valid_values(session: Session, data: VisitInput) -> dict[str, Any]:
    try:
        enterprise_record(session, data.enterprise_id)
    except NotFoundError:
        raise ValidationError("enterprise_id", MSG_ENTERPRISE_UNKNOWN) from None
    return {
        "enterprise_id": data.enterprise_id,
        "visit_date": _valid_date(data.visit_date),
        "purpose": _purpose(data.purpose),
        "companions": optional_text(data.companions),
        "activities": optional_text(data.activities),
        "findings": optional_text(data.findings),
        "recommendations": optional_text(data.recommendations),
    }


def _valid_date(value: date | None) -> date:
    if value is None:
        raise ValidationError("visit_date", MSG_DATE_REQUIRED)
    if isinstance(value, datetime):
        value = value.date()
    if value > today() + FUTURE_GRACE:
        raise ValidationError("visit_date", MSG_DATE_FUTURE, value=value.isoformat())
    if value < EARLIEST_VISIT:
        raise ValidationError("visit_date", MSG_DATE_TOO_EARLY, value=value.isoformat())
    return value


def _purpose(value: str) -> VisitPurpose:
    try:
        return VisitPurpose(value)
    except ValueError:
        raise ValidationError("purpose", MSG_PURPOSE_UNKNOWN, value=value) from None


def _status(value: str) -> VisitStatus:
    try:
        return VisitStatus(value)
    except ValueError:
        raise ValidationError("status", MSG_STATUS_UNKNOWN, value=value) from None


def _live(session: Session, model: Any, condition: ColumnElement[bool]) -> list[Any]:
    return list(session.scalars(select(model).where(condition, model.deleted.is_(False))))
