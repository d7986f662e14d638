"""Supervisor review of visit reports: approve, return with a comment, amend after approval.

Status flow (``VisitStatus``): an officer submits a draft (``services.visit.submit_visit``);
a supervisor approves it or returns it with a comment; a returned visit is edited and
submitted again. An approved visit is read-only: changing it starts an *amendment*, which puts
it back to draft with ``revision + 1`` and needs approval again. Earlier reviews stay readable:
:func:`review_history` rebuilds them from the visit's change log, which sync carries to every
device, so no review is ever overwritten out of sight.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, UserError, ValidationError
from ikmdesk.models import ChangeOp, Device, Visit
from ikmdesk.models.base import utc_now
from ikmdesk.models.enums import DeviceRole, VisitStatus
from ikmdesk.services.approval_snapshot import record_approval
from ikmdesk.services.device import this_device
from ikmdesk.services.visit import OFFICER_EDITABLE, move_status, visit_record
from ikmdesk.sync.authority import origin_authors
from ikmdesk.sync.hlc import Hlc

MSG_SUPERVISOR_ONLY = QT_TRANSLATE_NOOP(
    CONTEXT, "Hanya perangkat penyelia (supervisor) yang dapat meninjau laporan kunjungan."
)
MSG_NOT_SUBMITTED = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Kunjungan ini berstatus '{status}'; hanya kunjungan yang sudah dikirim yang dapat ditinjau.",
)
MSG_RETURN_NEEDS_COMMENT = QT_TRANSLATE_NOOP(
    CONTEXT, "Tulis catatan untuk petugas: apa yang harus diperbaiki sebelum dikirim lagi."
)
MSG_AMEND_ONLY_APPROVED = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Perubahan (amandemen) hanya untuk kunjungan yang sudah disetujui; "
    "kunjungan ini berstatus '{status}'.",
)

# Fields whose ops make up a review event; the others are the officer's own edits.
_REVIEW_FIELDS = ("status", "revision", "review_comment", "reviewer_id")


@dataclass(frozen=True, slots=True)
class ReviewState:
    """A visit's review facts after a review action."""

    visit_id: str
    status: VisitStatus
    revision: int
    reviewed_at: datetime | None
    reviewer_id: str | None
    review_comment: str | None


@dataclass(frozen=True, slots=True)
class ReviewEvent:
    """One step in a visit's life: a status change, with who made it, when and any comment."""

    at: datetime
    device_id: str
    person: str
    status: VisitStatus
    revision: int
    comment: str | None


def is_editable(status: VisitStatus | str) -> bool:
    """Return whether an officer may still edit a visit in ``status``."""
    return VisitStatus(status) in OFFICER_EDITABLE


def approve_visit(
    session: Session, visit_id: str, *, comment: str | None = None, now: datetime | None = None
) -> ReviewState:
    """Approve a submitted visit on this (supervisor) device; it becomes read-only.

    The approval gives the visit its report number (once, in approval order) and stores the
    report as approved (``approval_snapshot``), which every later print comes from.
    """
    return _review(session, visit_id, VisitStatus.APPROVED, comment, now=now)


def return_visit(
    session: Session, visit_id: str, *, comment: str, now: datetime | None = None
) -> ReviewState:
    """Send a submitted visit back to its officer with a comment saying what to fix."""
    if not (comment or "").strip():
        raise ValidationError("review_comment", MSG_RETURN_NEEDS_COMMENT)
    return _review(session, visit_id, VisitStatus.RETURNED, comment, now=now)


def start_amendment(session: Session, visit_id: str) -> ReviewState:
    """Reopen an approved visit as a draft with the next revision; it needs approval again."""
    visit = visit_record(session, visit_id)
    if visit.status != VisitStatus.APPROVED:
        raise UserError(MSG_AMEND_ONLY_APPROVED, status=VisitStatus(visit.status).value)
    move_status(visit, VisitStatus.DRAFT)
    visit.revision = (visit.revision or 0) + 1
    session.flush()
    return review_state(visit)


def review_history(session: Session, visit_id: str) -> list[ReviewEvent]:
    """Return every status step of a visit, oldest first, rebuilt from its change log."""
    visit_record(session, visit_id)
    ops = session.execute(
        select(ChangeOp.device_id, ChangeOp.counter, ChangeOp.field, ChangeOp.value, ChangeOp.hlc)
        .where(
            ChangeOp.entity == Visit.__tablename__,
            ChangeOp.row_id == visit_id,
            ChangeOp.field.in_(_REVIEW_FIELDS),
        )
        .order_by(ChangeOp.hlc)
    ).all()
    names = dict(session.execute(select(Device.id, Device.officer_name)).all())
    # Ops are named by their origin; a restored or copied database's origin names its device.
    authors = origin_authors(session.connection())
    events: list[ReviewEvent] = []
    revision = 0
    comment: str | None = None
    for group in _transactions(ops):
        fields = {op.field: op.value for op in group}
        revision = int(fields.get("revision", revision) or 0)
        comment = fields.get("review_comment", comment)
        if "status" not in fields:
            continue
        first = group[0]
        status = VisitStatus(fields["status"])
        events.append(
            ReviewEvent(
                at=datetime.fromtimestamp(Hlc.decode(first.hlc).wall_ms / 1000, UTC),
                device_id=authors.get(first.device_id, first.device_id),
                person=names.get(authors.get(first.device_id, first.device_id), ""),
                status=status,
                revision=revision,
                comment=comment if status in (VisitStatus.APPROVED, VisitStatus.RETURNED) else None,
            )
        )
    return events


def review_state(visit: Visit) -> ReviewState:
    """Return the review facts of a visit row."""
    return ReviewState(
        visit_id=visit.id,
        status=VisitStatus(visit.status),
        revision=visit.revision or 0,
        reviewed_at=visit.reviewed_at,
        reviewer_id=visit.reviewer_id,
        review_comment=visit.review_comment,
    )


def _review(
    session: Session,
    visit_id: str,
    status: VisitStatus,
    comment: str | None,
    *,
    now: datetime | None,
) -> ReviewState:
    device = this_device(session)
    if device.role != DeviceRole.SUPERVISOR:
        raise UserError(MSG_SUPERVISOR_ONLY)
    visit = visit_record(session, visit_id)
    if visit.status != VisitStatus.SUBMITTED:
        raise UserError(MSG_NOT_SUBMITTED, status=VisitStatus(visit.status).value)
    move_status(visit, status, now=now or utc_now())
    visit.reviewer_id = device.id
    # Always written, so the log pairs each review with its own comment (even an empty one).
    visit.review_comment = (comment or "").strip()
    session.flush()
    if status is VisitStatus.APPROVED and visit.reviewed_at is not None:
        record_approval(session, visit, approver_id=device.id, at=visit.reviewed_at)
    return review_state(visit)


def _transactions(ops: Sequence[Any]) -> list[list[Any]]:
    """Group ops written together: one device, near counters, no field twice.

    A flush stamps its ops with consecutive counters of one device and writes each field of
    a row once, so another device, a wide counter gap or a repeated field starts a new group.
    """
    groups: list[list[Any]] = []
    for op in ops:
        group = groups[-1] if groups else []
        last = group[-1] if group else None
        same = (
            last is not None
            and last.device_id == op.device_id
            and 0 < op.counter - last.counter <= len(Visit.__table__.columns)
            and all(o.field != op.field for o in group)
        )
        if same:
            group.append(op)
        else:
            groups.append([op])
    return groups
