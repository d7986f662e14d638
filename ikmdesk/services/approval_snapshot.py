"""The approved visit report, frozen: stored at approval, synced, and printed from ever after.

At approval the supervisor's device stores what the report shows that day (approver name and
NIP, the IKM profile, checks with their results and findings, follow-up states, the office
letterhead and signature facts) as one ``ApprovalSnapshot`` row. Printing an approved visit
reads that row, so a re-print years later, after the IKM was edited or the supervisor
changed, says the same; the QR code's hash is the snapshot's, not the print's.

Photos are kept by content hash only; where the file lies is found again at print time.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from pathlib import Path
from typing import Any, Union

from sqlalchemy import select
from sqlalchemy.orm import Session

from ikmdesk.blob_store import BlobStore
from ikmdesk.models import ApprovalSnapshot, Device, Visit
from ikmdesk.models.enums import VisitStatus
from ikmdesk.services.content_digest import content_digest
from ikmdesk.services.office_settings import (
    OfficeSettings,
    get_office_settings,
    settings_from_json,
    settings_to_json,
)
from ikmdesk.services.report_data import FollowUpLine, VisitSheet, visit_sheet
from ikmdesk.services.report_number import issue_report_number, office_day
from ikmdesk.services.shared_blobs import fetch_missing

SNAPSHOT_FORMAT = 1


@dataclasses.dataclass(frozen=True, slots=True)
class FrozenReport:
    """An approved visit as its snapshot holds it: the sheet and the office facts of that day."""

    sheet: VisitSheet
    settings: OfficeSettings
    digest: str


def record_approval(
    session: Session, visit: Visit, *, approver_id: str, at: datetime
) -> ApprovalSnapshot:
    """Give ``visit`` its report number and store its snapshot as approved by ``approver_id``.

    The caller has checked who may approve and moved the visit to approved (``visit_review``);
    demo data uses this directly for visits approved by its stand-in supervisor.
    """
    approver = session.get_one(Device, approver_id)
    settings = get_office_settings(session)
    number = issue_report_number(session, visit.id, issued_by=approver_id, at=at)
    day = office_day(at)
    live = visit_sheet(session, visit.id, blob_root=None, today=day)
    sheet = dataclasses.replace(
        live,
        report_number=number,
        status=VisitStatus.APPROVED.value,
        revision=visit.revision or 0,
        reviewed_at=at,
        # "Mengetahui" is whoever the office named as signing official that day, else the
        # approving supervisor; either way it is fixed now, not looked up at print time.
        reviewer_name=settings.supervisor_name or approver.officer_name,
        reviewer_nip=settings.supervisor_nip or approver.nip,
        review_comment=visit.review_comment,
        photos=tuple(dataclasses.replace(p, path=None) for p in live.photos),
        follow_ups=tuple(_as_of(line, day) for line in live.follow_ups),
    )
    content = {
        "format": SNAPSHOT_FORMAT,
        "sheet": to_json(sheet),
        "office": settings_to_json(dataclasses.replace(settings, extra={})),
    }
    snapshot = ApprovalSnapshot(
        visit_id=visit.id,
        revision=visit.revision or 0,
        approved_at=at,
        approver_id=approver_id,
        report_number=number,
        digest=content_digest(content),
        content=content,
    )
    session.add(snapshot)
    session.flush()
    return snapshot


def _as_of(line: FollowUpLine, day: date) -> FollowUpLine:
    """Return a follow-up as it stood on ``day``: done only if it was done by then."""
    if line.done_on is not None and line.done_on > day:
        return dataclasses.replace(line, done_on=None, done_note=None, overdue=line.due_date < day)
    return line


def frozen_report(
    session: Session, visit_id: str, *, blob_root: Path | None = None
) -> FrozenReport | None:
    """Return the approved report of ``visit_id`` from its snapshot, or ``None``.

    ``None`` when the visit is not approved now, or was approved before snapshots existed.
    The snapshot of the visit's current revision is used; of two (two supervisors approving
    the same revision offline) the earlier approval wins on every device.
    """
    visit = session.get(Visit, visit_id)
    if visit is None or visit.deleted or visit.status != VisitStatus.APPROVED:
        return None
    snapshot = session.scalars(
        select(ApprovalSnapshot)
        .where(
            ApprovalSnapshot.visit_id == visit_id,
            ApprovalSnapshot.revision == (visit.revision or 0),
            ApprovalSnapshot.deleted.is_(False),
        )
        .order_by(ApprovalSnapshot.approved_at, ApprovalSnapshot.id)
        .limit(1)
    ).first()
    if snapshot is None:
        return None
    content = snapshot.content
    sheet = from_json(VisitSheet, content["sheet"])
    if blob_root is not None:  # on a server database, photos another laptop added
        fetch_missing(session, BlobStore(blob_root), (p.sha256 for p in sheet.photos))
    photos = tuple(
        dataclasses.replace(
            p, path=(blob_root / p.sha256[:2] / p.sha256) if blob_root is not None else None
        )
        for p in sheet.photos
    )
    sheet = dataclasses.replace(sheet, photos=photos, frozen_digest=snapshot.digest)
    return FrozenReport(sheet, settings_from_json(content.get("office") or {}), snapshot.digest)


def to_json(value: Any) -> Any:
    """Return a report dataclass as plain JSON values (dates as ISO text, tuples as lists)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Path):
        return None
    return value


def from_json(kind: Any, value: Any) -> Any:
    """Return ``value`` (as ``to_json`` wrote it) rebuilt as type ``kind``."""
    if value is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return from_json(options[0], value) if len(options) == 1 else value
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        known = {f.name for f in dataclasses.fields(kind)}
        return kind(**{k: from_json(hints[k], v) for k, v in value.items() if k in known})
    if origin is tuple:
        return tuple(from_json(typing.get_args(kind)[0], v) for v in value)
    if origin is dict:
        return {k: from_json(typing.get_args(kind)[1], v) for k, v in value.items()}
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    if kind is Path:
        return None
    return value
