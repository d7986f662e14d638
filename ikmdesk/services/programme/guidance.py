"""Guidance sheets: short sourced "what to do" texts per catalogue topic and checklist item.

Starter sheets ship under ``resources/guidance`` (written from the standards reference and
marked as starter text); like templates each gets a stable id and is stored without change
ops on every device. The supervisor edits, adds and removes sheets and all of it travels by
sync. A removed sheet is a tombstone, so a removed starter sheet is not seeded again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, ValidationError
from ikmdesk.models import GuidanceSheet, new_id, stable_id
from ikmdesk.resource import resource_path
from ikmdesk.services import checklist_template
from ikmdesk.services.checklist_template import ChecklistTemplate
from ikmdesk.services.live_record import live_record
from ikmdesk.services.programme.authority import ensure_supervisor
from ikmdesk.services.programme.catalogue import target_def
from ikmdesk.services.reference_data import SEED_TIME
from ikmdesk.sync.change_capture import CAPTURE_OFF

MSG_SHEET = QT_TRANSLATE_NOOP(CONTEXT, "Lembar panduan")
MSG_SHEET_TITLE_REQUIRED = QT_TRANSLATE_NOOP(CONTEXT, "Judul lembar panduan wajib diisi.")
MSG_SHEET_BODY_REQUIRED = QT_TRANSLATE_NOOP(
    CONTEXT, "Tulis apa yang harus dilakukan (isi lembar panduan)."
)
MSG_SHEET_SOURCE_REQUIRED = QT_TRANSLATE_NOOP(
    CONTEXT, "Sumber lembar panduan wajib diisi (peraturan, standar atau SOP)."
)
MSG_SHEET_LINK_REQUIRED = QT_TRANSLATE_NOOP(
    CONTEXT, "Pilih topik katalog atau butir daftar periksa untuk lembar ini."
)
MSG_SHEET_TOPIC_UNKNOWN = QT_TRANSLATE_NOOP(CONTEXT, "Topik '{value}' tidak ada di katalog.")
MSG_SHEET_ITEM_REQUIRED = QT_TRANSLATE_NOOP(CONTEXT, "Pilih butir daftar periksa.")
MSG_SHEET_ITEM_UNKNOWN = QT_TRANSLATE_NOOP(
    CONTEXT, "Butir '{value}' tidak ada di daftar periksa ini."
)
MSG_SHEET_CHECKLIST_UNKNOWN = QT_TRANSLATE_NOOP(CONTEXT, "Daftar periksa '{value}' tidak dikenal.")


@dataclass(frozen=True, slots=True)
class Sheet:
    """A guidance sheet as the window and the handout show it."""

    id: str
    code: str
    topic_code: str | None
    checklist_code: str | None
    item_id: str | None
    title: str
    body: str
    source: str
    starter: bool


@dataclass(frozen=True, slots=True)
class SheetInput:
    """What the supervisor types for a new sheet: its text and what it is linked to.

    A sheet needs a catalogue topic, a checklist item, or both.
    """

    title: str
    body: str
    source: str
    topic_code: str | None = None
    checklist_code: str | None = None
    item_id: str | None = None


def sheet_id(code: str) -> str:
    """Return the id every device gives the guidance sheet with this code."""
    return stable_id("guidance-sheet", code)


@cache
def newest_templates() -> dict[str, ChecklistTemplate]:
    """Return the newest shipped version of each checklist (what a sheet links its item to).

    Cached: the window asks for it once per listed sheet.
    """
    return checklist_template.newest_templates()


@cache
def _starter() -> tuple[dict[str, Any], ...]:
    data = json.loads(resource_path("guidance", "starter.json").read_text(encoding="utf-8"))
    return tuple(data["sheets"])


def ensure_shipped_guidance(session: Session) -> int:
    """Store the starter sheets this database lacks (no change ops); return how many."""
    known = set(session.scalars(select(GuidanceSheet.id)))
    rows = [
        {
            "id": sheet_id(s["code"]),
            "code": s["code"],
            "topic_code": s.get("topic"),
            "checklist_code": s.get("checklist"),
            "item_id": s.get("item"),
            "title": s["title"],
            "body": s["body"],
            "source": s["source"],
            "starter": True,
            "created_at": SEED_TIME,
            "updated_at": SEED_TIME,
            "deleted": False,
        }
        for s in _starter()
        if sheet_id(s["code"]) not in known
    ]
    if rows:
        session.flush()
        session.info[CAPTURE_OFF] = True
        try:
            session.execute(insert(GuidanceSheet), rows)
        finally:
            session.info.pop(CAPTURE_OFF, None)
    return len(rows)


def list_sheets(session: Session) -> list[Sheet]:
    """Return every live guidance sheet by title."""
    rows = session.scalars(select(GuidanceSheet).where(GuidanceSheet.deleted.is_(False)))
    return sorted((_sheet(r) for r in rows), key=lambda s: s.title.casefold())


def get_sheet(session: Session, code: str) -> Sheet:
    """Return the live sheet with ``code``; NotFoundError for an unknown or removed one."""
    return _sheet(live_record(session, GuidanceSheet, sheet_id(code), what=MSG_SHEET))


def items_with_sheets(session: Session, checklist_code: str) -> set[str]:
    """Return the ids of the checklist's items that have a live guidance sheet."""
    return set(
        session.scalars(
            select(GuidanceSheet.item_id).where(
                GuidanceSheet.checklist_code == checklist_code,
                GuidanceSheet.item_id.is_not(None),
                GuidanceSheet.deleted.is_(False),
            )
        )
    )


def sheets_for_item(session: Session, checklist_code: str, item_id: str) -> list[Sheet]:
    """Return the sheets linked to one checklist item (what a failed item links to)."""
    rows = session.scalars(
        select(GuidanceSheet).where(
            GuidanceSheet.checklist_code == checklist_code,
            GuidanceSheet.item_id == item_id,
            GuidanceSheet.deleted.is_(False),
        )
    )
    return [_sheet(r) for r in rows]


def sheets_for_topic(session: Session, topic_code: str) -> list[Sheet]:
    """Return the sheets linked to one catalogue topic."""
    rows = session.scalars(
        select(GuidanceSheet).where(
            GuidanceSheet.topic_code == topic_code, GuidanceSheet.deleted.is_(False)
        )
    )
    return [_sheet(r) for r in rows]


def edit_sheet(session: Session, code: str, *, title: str, body: str, source: str) -> None:
    """Change a sheet's text (supervisor only); an edited sheet is no longer starter text."""
    ensure_supervisor(session)
    record = live_record(session, GuidanceSheet, sheet_id(code), what=MSG_SHEET)
    values = _texts(title, body, source)
    for key, value in {**values, "starter": False}.items():
        if getattr(record, key) != value:
            setattr(record, key, value)
    session.flush()


def add_sheet(session: Session, data: SheetInput) -> str:
    """Store a new office-written sheet (supervisor only); return its code."""
    ensure_supervisor(session)
    values = _texts(data.title, data.body, data.source)
    topic = (data.topic_code or "").strip() or None
    checklist = (data.checklist_code or "").strip() or None
    item = (data.item_id or "").strip() or None
    if topic is not None and target_def(topic) is None:
        raise ValidationError("topic", MSG_SHEET_TOPIC_UNKNOWN, value=topic)
    if checklist is not None:
        template = newest_templates().get(checklist)
        if template is None:
            raise ValidationError("checklist", MSG_SHEET_CHECKLIST_UNKNOWN, value=checklist)
        if item is None:
            raise ValidationError("item", MSG_SHEET_ITEM_REQUIRED)
        if item not in {i.id for i in template.items()}:
            raise ValidationError("item", MSG_SHEET_ITEM_UNKNOWN, value=item)
    elif item is not None:
        raise ValidationError("checklist", MSG_SHEET_LINK_REQUIRED)
    if topic is None and checklist is None:
        raise ValidationError("topic", MSG_SHEET_LINK_REQUIRED)
    code = f"kantor-{new_id()}"
    session.add(
        GuidanceSheet(
            id=sheet_id(code),
            code=code,
            topic_code=topic,
            checklist_code=checklist,
            item_id=item,
            starter=False,
            **values,
        )
    )
    session.flush()
    return code


def remove_sheet(session: Session, code: str) -> None:
    """Tombstone a sheet (supervisor only); the removal travels by sync and a removed starter
    sheet stays removed, since seeding skips every id the database holds."""
    ensure_supervisor(session)
    live_record(session, GuidanceSheet, sheet_id(code), what=MSG_SHEET).deleted = True
    session.flush()


def _texts(title: str, body: str, source: str) -> dict[str, str]:
    values = {"title": title.strip(), "body": body.strip(), "source": source.strip()}
    for field, message in (
        ("title", MSG_SHEET_TITLE_REQUIRED),
        ("body", MSG_SHEET_BODY_REQUIRED),
        ("source", MSG_SHEET_SOURCE_REQUIRED),
    ):
        if not values[field]:
            raise ValidationError(field, message)
    return values


def _sheet(r: GuidanceSheet) -> Sheet:
    return Sheet(
        id=r.id,
        code=r.code,
        topic_code=r.topic_code,
        checklist_code=r.checklist_code,
        item_id=r.item_id,
        title=r.title,
        body=r.body,
        source=r.source,
        starter=r.starter,
    )
