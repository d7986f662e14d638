"""The per-IKM mentoring plan: catalogue targets with an indicator and a deadline.

A target is done when the officer marks it (with the date it was reached); until then it is
late after its deadline, due within ``DUE_SOON`` of it, open otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, ValidationError
from ikmdesk.models import PlanTarget, stable_id
from ikmdesk.services.live_record import live_record
from ikmdesk.services.optional_text import optional_text
from ikmdesk.services.programme.catalogue import target_def
from ikmdesk.services.programme.diagnosis import ensure_enrolled
from ikmdesk.services.programme.programme import programme_record

DUE_SOON = timedelta(days=14)

MSG_TARGET = QT_TRANSLATE_NOOP(CONTEXT, "Sasaran")
MSG_TARGET_UNKNOWN = QT_TRANSLATE_NOOP(CONTEXT, "Sasaran '{code}' tidak ada dalam katalog sasaran.")
MSG_TARGET_DEADLINE = QT_TRANSLATE_NOOP(
    CONTEXT, "Tenggat sasaran ({due}) harus di dalam masa program ({start} s.d. {end})."
)
MSG_TARGET_DONE_EARLY = QT_TRANSLATE_NOOP(
    CONTEXT, "Tanggal tercapai ({done}) tidak boleh sebelum program dimulai ({start})."
)
MSG_INDICATOR_REQUIRED = QT_TRANSLATE_NOOP(CONTEXT, "Indikator sasaran wajib diisi.")


class TargetState(StrEnum):
    DONE = "done"
    LATE = "late"
    DUE = "due"
    OPEN = "open"


@dataclass(frozen=True, slots=True)
class TargetRow:
    """One plan target with the catalogue's words and its state on a date."""

    id: str
    programme_id: str
    enterprise_id: str
    code: str
    theme: str
    title_id: str
    title_en: str
    indicator: str
    source: str
    due_on: date
    done_on: date | None
    done_note: str | None
    state: str


def target_id(programme_id: str, enterprise_id: str, code: str) -> str:
    """Return the id every device gives this catalogue target for this IKM in this programme."""
    return stable_id("plan-target", f"{programme_id}:{enterprise_id}:{code}")


def target_state(due_on: date, done_on: date | None, on: date) -> TargetState:
    """Return a target's state on ``on``."""
    if done_on is not None:
        return TargetState.DONE
    if on > due_on:
        return TargetState.LATE
    if on >= due_on - DUE_SOON:
        return TargetState.DUE
    return TargetState.OPEN


def add_target(
    session: Session,
    *,
    programme_id: str,
    enterprise_id: str,
    code: str,
    due_on: date | None = None,
    indicator: str | None = None,
) -> str:
    """Put a catalogue target in the IKM's plan (again, if it was removed); returns its id.

    Without ``due_on`` the deadline is the catalogue's days after the programme start, within
    the programme; without ``indicator`` the catalogue's indicator is used.
    """
    definition = target_def(code)
    if definition is None:
        raise ValidationError("code", MSG_TARGET_UNKNOWN, code=code)
    programme = programme_record(session, programme_id)
    ensure_enrolled(session, programme_id, enterprise_id)
    if due_on is None:
        due_on = min(programme.starts_on + timedelta(days=definition.days), programme.ends_on)
    if not programme.starts_on <= due_on <= programme.ends_on:
        raise ValidationError(
            "due_on",
            MSG_TARGET_DEADLINE,
            due=due_on,
            start=programme.starts_on,
            end=programme.ends_on,
        )
    text = optional_text(indicator) if indicator is not None else definition.indicator_id
    if not text:
        raise ValidationError("indicator", MSG_INDICATOR_REQUIRED)
    row_id = target_id(programme_id, enterprise_id, code)
    record = session.get(PlanTarget, row_id)
    if record is None:
        record = PlanTarget(
            id=row_id,
            programme_id=programme_id,
            enterprise_id=enterprise_id,
            target_code=code,
            indicator=text,
            due_on=due_on,
        )
        session.add(record)
    else:
        for key, value in (("indicator", text), ("due_on", due_on), ("deleted", False)):
            if getattr(record, key) != value:
                setattr(record, key, value)
    session.flush()
    return record.id


def mark_target_done(
    session: Session, target: str, *, done_on: date | None, note: str | None = None
) -> None:
    """Record that a target was reached on ``done_on`` (None reopens it)."""
    record = live_record(session, PlanTarget, target, what=MSG_TARGET)
    programme = programme_record(session, record.programme_id)
    if done_on is not None and done_on < programme.starts_on:
        raise ValidationError(
            "done_on", MSG_TARGET_DONE_EARLY, done=done_on, start=programme.starts_on
        )
    record.done_on = done_on
    record.done_note = optional_text(note)
    session.flush()


def remove_target(session: Session, target: str) -> None:
    """Take a target out of the plan (tombstoned)."""
    live_record(session, PlanTarget, target, what=MSG_TARGET).deleted = True
    session.flush()


def list_targets(
    session: Session, programme_id: str, *, on: date, enterprise_id: str | None = None
) -> list[TargetRow]:
    """Return the live targets of a programme (one IKM's when given), by deadline."""
    query = select(PlanTarget).where(
        PlanTarget.programme_id == programme_id, PlanTarget.deleted.is_(False)
    )
    if enterprise_id is not None:
        query = query.where(PlanTarget.enterprise_id == enterprise_id)
    rows = []
    for t in session.scalars(query.order_by(PlanTarget.due_on, PlanTarget.target_code)):
        definition = target_def(t.target_code)
        rows.append(
            TargetRow(
                id=t.id,
                programme_id=t.programme_id,
                enterprise_id=t.enterprise_id,
                code=t.target_code,
                theme=definition.theme if definition else "",
                title_id=definition.title_id if definition else t.target_code,
                title_en=definition.title_en if definition else t.target_code,
                indicator=t.indicator,
                source=definition.source if definition else "",
                due_on=t.due_on,
                done_on=t.done_on,
                done_note=t.done_note,
                state=target_state(t.due_on, t.done_on, on).value,
            )
        )
    return rows
