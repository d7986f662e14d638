"""Demo visits that are approved are approved properly: numbered and frozen in approval order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from ikmdesk.models import Visit
from ikmdesk.models.enums import VisitStatus
from ikmdesk.services.approval_snapshot import record_approval


def record_demo_approvals(session: Session, visits: Sequence[dict[str, Any]]) -> int:
    """Give every approved demo visit its report number and snapshot; returns how many.

    Numbers follow the demo approval times, as the supervisor's device would have given them.
    """
    approved = sorted(
        (v for v in visits if v["status"] == VisitStatus.APPROVED),
        key=lambda v: (v["reviewed_at"], v["id"]),
    )
    for row in approved:
        visit = session.get_one(Visit, row["id"])
        record_approval(session, visit, approver_id=row["reviewer_id"], at=row["reviewed_at"])
    return len(approved)
