"""The IKM's one-page handout (Lembar Pendampingan) after a visit: what was found, what to do
and by when, guidance for the failed checklist items and the topics taught, and who to call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from ikmdesk.models import QualityCheck
from ikmdesk.services.programme.guidance import Sheet, sheets_for_item, sheets_for_topic
from ikmdesk.services.programme.logbook import visit_logbook
from ikmdesk.services.report_data import visit_sheet

MAX_GUIDANCE = 5
"""A handout is one page: at most this many guidance excerpts."""


@dataclass(frozen=True, slots=True)
class HandoutAction:
    what: str
    due: date | None


@dataclass(frozen=True, slots=True)
class Handout:
    """What the handout prints, in plain words for the IKM."""

    visit_id: str
    visit_date: date
    enterprise_name: str
    officer_name: str
    findings: str | None
    recommendations: str | None
    failed_items: tuple[str, ...]
    actions: tuple[HandoutAction, ...]
    topics: tuple[str, ...]
    guidance: tuple[Sheet, ...]


def failed_item_ids(session: Session, check_id: str) -> list[str]:
    """Return the template item ids a scored check failed (as its stored result lists them)."""
    check = session.get(QualityCheck, check_id)
    stored = (check.result if check else None) or {}
    failed = stored.get("failed_items") if isinstance(stored, dict) else None
    return [str(f["item_id"]) for f in failed or [] if isinstance(f, dict) and "item_id" in f]


def visit_handout(session: Session, visit_id: str) -> Handout:
    """Return the handout of one visit; NotFoundError for an unknown or deleted visit."""
    sheet = visit_sheet(session, visit_id)
    failed: list[str] = []
    guidance: dict[str, Sheet] = {}
    for check in sheet.checks:
        failed += [item.text.id for item in check.items if item.failed]
        for item_id in failed_item_ids(session, check.id):
            for g in sheets_for_item(session, check.template_code, item_id):
                guidance.setdefault(g.id, g)
    entry = visit_logbook(session, visit_id)
    topics = entry.topics if entry else ()
    for topic in topics:
        for g in sheets_for_topic(session, topic):
            guidance.setdefault(g.id, g)
    actions = [HandoutAction(f.action, f.due_date) for f in sheet.follow_ups if f.done_on is None]
    return Handout(
        visit_id=sheet.id,
        visit_date=sheet.visit_date,
        enterprise_name=sheet.enterprise.name,
        officer_name=sheet.officer_name,
        findings=sheet.findings,
        recommendations=sheet.recommendations,
        failed_items=tuple(failed),
        actions=tuple(actions),
        topics=tuple(topics),
        guidance=tuple(list(guidance.values())[:MAX_GUIDANCE]),
    )
