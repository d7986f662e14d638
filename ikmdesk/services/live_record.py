"""Finding a record that is still live: present and not marked deleted (records that have
travelled in sync files are never hard-deleted, only marked).
"""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from ikmdesk.errors import MSG_NOT_FOUND, NotFoundError
from ikmdesk.models.base import SyncedRecord

R = TypeVar("R", bound=SyncedRecord)


def live_record(session: Session, model: type[R], record_id: str | None, *, what: str) -> R:
    """Return the live ``model`` row with ``record_id``; NotFoundError naming ``what`` otherwise."""
    record = session.get(model, record_id) if record_id else None
    if record is None or record.deleted:
        raise NotFoundError(MSG_NOT_FOUND, what=what, id=record_id)
    return record
