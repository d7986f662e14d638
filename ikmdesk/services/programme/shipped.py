"""Programme reference data every release ships: diagnosis templates and starter guidance sheets."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ikmdesk.services.programme.diagnosis_template import ensure_shipped_diagnosis_templates
from ikmdesk.services.programme.guidance import ensure_shipped_guidance


def ensure_shipped_programme_data(session: Session) -> None:
    """Store the shipped programme reference data this database lacks (no change ops)."""
    ensure_shipped_diagnosis_templates(session)
    ensure_shipped_guidance(session)
