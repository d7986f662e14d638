"""Follow-up actions agreed on a visit: plan them, mark them done, and list what is due.

Officers plan follow-ups by hand on any live visit, whatever its status: what is to be done,
who is responsible, by when. They add and edit them after submission and approval too,
because the work goes on after the report: an approved report prints the follow-ups frozen
in its approval snapshot, so later changes never alter a signed document. Deleting one is
allowed only while its visit is editable (draft or returned): once a report went to the
supervisor, an action agreed in it is closed (marked done with a note), not made to vanish.

States, relative to ``today``: "done" (has a done date), "overdue" (due before today),
"due" (due within ``DUE_SOON_DAYS`` days), otherwise "open". The filter state "open" means
every follow-up not done yet, including due and overdue ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, case, func, literal, select
from sqlalchemy.orm import Session

from ikmdesk.errors import (
    CONTEXT,
    QT_TRANSLATE_NOOP,
    NotFoundError,
    ValidationError,
)
from ikmdesk.models import Enterprise, FollowUp, QualityAnswer, QualityCheck, Visit, new_id
from ikmdesk.models.base import FAR_FUTURE
from ikmdesk.services import visit as visit_service
from ikmdesk.services.enterprise_place import enterprise_place_conditions
from ikmdesk.services.listing import (
    check_page,
    resolve_sort,
    sort_key,
    text_matches,
)
from ikmdesk.services.live_record import live_record
from ikmdesk.services.optional_text import optional_text

DUE_SOON_DAYS = 7
OWNER_MAX = 200
FAR_FUTURE_DATE = date.fromisoformat(FAR_FUTURE)

FollowUpState = Literal["open", "due", "overdue", "done"]
STATES: tuple[FollowUpState, ...] = ("open", "due", "overdue", "done")

MSG_FOLLOW_UP = QT_TRANSLATE_NOOP(CONTEXT, "Tindak lanjut")
MSG_ACTION_REQUIRED = QT_TRANSLATE_NOOP(CONTEXT, "Tindakan tindak lanjut wajib diisi.")
MSG_OWNER_TOO_LONG = QT_TRANSLATE_NOOP(
    CONTEXT, "Penanggung jawab tindak lanjut paling banyak {max} huruf."
)
MSG_DUE_REQUIRED = QT_TRANSLATE_NOOP(CONTEXT, "Tenggat tindak lanjut wajib diisi.")
MSG_DUE_FAR = QT_TRANSLATE_NOOP(CONTEXT, "Tenggat tindak lanjut harus sebelum tahun 2100.")
MSG_DUE_BEFORE_VISIT = QT_TRANSLATE_NOOP(
    CONTEXT, "Tenggat tindak lanjut tidak boleh sebelum tanggal kunjungan ({visit_date})."
)
MSG_VISIT_UNKNOWN = QT_TRANSLATE_NOOP(CONTEXT, "Kunjungan untuk tindak lanjut ini tidak ditemukan.")
MSG_MOVE_VISIT = QT_TRANSLATE_NOOP(
    CONTEXT, "Tindak lanjut tidak dapat dipindah ke kunjungan lain; hapus lalu buat yang baru."
)
MSG_ANSWER_UNKNOWN = QT_TRANSLATE_NOOP(
    CONTEXT, "Temuan daftar periksa yang dirujuk tidak ada pada kunjungan ini."
)
MSG_DONE_REQUIRED = QT_TRANSLATE_NOOP(CONTEXT, "Tanggal selesai tindak lanjut wajib diisi.")
MSG_DONE_FUTURE = QT_TRANSLATE_NOOP(
    CONTEXT, "Tanggal selesai tindak lanjut {value} masih di masa depan."
)
MSG_DONE_BEFORE_VISIT = QT_TRANSLATE_NOOP(
    CONTEXT, "Tanggal selesai tindak lanjut tidak boleh sebelum tanggal kunjungan ({visit_date})."
)
MSG_STATE_UNKNOWN = QT_TRANSLATE_NOOP(
    CONTEXT, "Keadaan tindak lanjut '{value}' tidak dikenal (open, due, overdue, done)."
)


@dataclass(frozen=True, slots=True)
class FollowUpInput:
    """What is planned: the action, who does it, by when, and the checklist finding behind it."""

    visit_id: str
    action: str
    due_date: date
    owner: str | None = None
    answer_id: str | None = None


@dataclass(frozen=True, slots=True)
class FollowUpRow:
    """One follow-up as lists show it; ``state`` is one of ``STATES`` as of the filter's today."""

    id: str
    visit_id: str
    enterprise_id: str
    enterprise_name: str
    action: str
    owner: str | None
    due_date: date
    done_on: date | None
    state: str
    done_note: str | None = None
    answer_id: str | None = None


@dataclass(frozen=True, slots=True)
class FollowUpFilter:
    """What a follow-up list is narrowed to; empty fields mean "any".

    ``state`` is one of ``STATES`` ("open" = not done yet); ``today`` fixes the date states are
    computed against (default: the computer's date). ``cluster``/``kecamatan`` as in
    ``VisitFilter``.
    """

    state: str | None = None
    enterprise_id: str | None = None
    visit_id: str | None = None
    cluster: str | None = None
    kecamatan: str | None = None
    text: str = ""
    today: date | None = None


SORT_KEYS = ("due_date", "done_on", "enterprise_name", "owner", "action", "visit_date")
"""Keys ``list_follow_ups`` sorts by."""


def create_follow_up(session: Session, data: FollowUpInput) -> str:
    """Plan a follow-up on a live visit (any status) and return its id."""
    visit = _visit_for(session, data.visit_id)
    values = _valid_values(session, data, visit)
    follow_up = FollowUp(id=new_id(), enterprise_id=visit.enterprise_id, **values)
    session.add(follow_up)
    session.flush()
    return follow_up.id


def update_follow_up(session: Session, follow_up_id: str, data: FollowUpInput) -> None:
    """Replace a follow-up's plan (only changed fields are written), on a visit of any status."""
    follow_up = follow_up_record(session, follow_up_id)
    if data.visit_id != follow_up.visit_id:
        raise ValidationError("visit_id", MSG_MOVE_VISIT)
    visit = visit_service.visit_record(session, follow_up.visit_id)
    values = _valid_values(session, data, visit)
    for key, value in values.items():
        if getattr(follow_up, key) != value:
            setattr(follow_up, key, value)
    session.flush()


def save_follow_up(
    session: Session,
    follow_up_id: str | None,
    data: FollowUpInput,
    *,
    done_on: date | None = None,
    done_note: str | None = None,
) -> str:
    """Create (``follow_up_id`` None) or edit a follow-up with its state, in one step.

    ``done_on`` set marks it done on that day with ``done_note``; ``None`` means not done yet.
    Any refusal leaves stored data as it was (the caller's unit of work rolls back).
    """
    if follow_up_id is None:
        follow_up_id = create_follow_up(session, data)
    else:
        update_follow_up(session, follow_up_id, data)
    if done_on is not None:
        mark_done(session, follow_up_id, done_on=done_on, note=done_note)
    else:
        mark_open(session, follow_up_id)
    return follow_up_id


def mark_done(
    session: Session, follow_up_id: str, *, done_on: date, note: str | None = None
) -> None:
    """Record that a follow-up was carried out on ``done_on``, with an optional note."""
    follow_up = follow_up_record(session, follow_up_id)
    visit = session.get_one(Visit, follow_up.visit_id)
    if done_on is None:
        raise ValidationError("done_on", MSG_DONE_REQUIRED)
    if isinstance(done_on, datetime):
        done_on = done_on.date()
    if done_on > visit_service.today() + visit_service.FUTURE_GRACE:
        raise ValidationError("done_on", MSG_DONE_FUTURE, value=done_on.isoformat())
    if done_on < visit.visit_date:
        raise ValidationError(
            "done_on", MSG_DONE_BEFORE_VISIT, visit_date=visit.visit_date.isoformat()
        )
    clean_note = optional_text(note)
    if follow_up.done_on != done_on:
        follow_up.done_on = done_on
    if follow_up.done_note != clean_note:
        follow_up.done_note = clean_note
    session.flush()


def mark_open(session: Session, follow_up_id: str) -> None:
    """Undo ``mark_done``: the follow-up counts as not done again."""
    follow_up = follow_up_record(session, follow_up_id)
    if follow_up.done_on is not None:
        follow_up.done_on = None
    if follow_up.done_note is not None:
        follow_up.done_note = None
    session.flush()


def delete_follow_up(session: Session, follow_up_id: str) -> None:
    """Tombstone a follow-up of an editable visit."""
    follow_up = follow_up_record(session, follow_up_id)
    visit_service.editable_visit(session, follow_up.visit_id)
    follow_up.deleted = True
    session.flush()


def get_follow_up(session: Session, follow_up_id: str, *, today: date | None = None) -> FollowUpRow:
    """Return one live follow-up; raises NotFoundError for an unknown or deleted one."""
    follow_up_record(session, follow_up_id)
    day = today or date.today()
    rows = _rows(session, [FollowUp.id == follow_up_id], day, order=[FollowUp.id.asc()], limit=1)
    return rows[0]


def follow_up_record(session: Session, follow_up_id: str) -> FollowUp:
    """Return the live follow-up row for sibling services; raises NotFoundError otherwise."""
    return live_record(session, FollowUp, follow_up_id, what=MSG_FOLLOW_UP)


def follow_up_state(due_date: date, done_on: date | None, today: date) -> FollowUpState:
    """Return the state a follow-up is in on ``today`` (the same rule the lists apply in SQL)."""
    if done_on is not None:
        return "done"
    if due_date < today:
        return "overdue"
    if due_date <= today + timedelta(days=DUE_SOON_DAYS):
        return "due"
    return "open"


def list_follow_ups(
    session: Session,
    flt: FollowUpFilter | None = None,
    *,
    sort: str = "due_date",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[FollowUpRow]:
    """Return one page of live follow-ups matching ``flt``, soonest due first by default.

    Raises ValidationError for an unknown sort key (see ``SORT_KEYS``), bad paging or an
    unknown filter value.
    """
    flt = flt or FollowUpFilter()
    check_page(offset, limit)
    day = flt.today or date.today()
    keys = {
        "due_date": sort_key(FollowUp.due_date),
        "done_on": sort_key(FollowUp.done_on, FollowUp.due_date, nullable=True),
        "enterprise_name": sort_key(Enterprise.name, FollowUp.due_date),
        "owner": sort_key(FollowUp.owner, FollowUp.due_date, nullable=True),
        "action": sort_key(FollowUp.action, FollowUp.due_date),
        "visit_date": sort_key(Visit.visit_date, FollowUp.due_date),
    }
    key = resolve_sort(keys, sort)
    order = key.terms(descending=descending, tiebreak=FollowUp.id)
    conditions = _conditions(session, flt, day, page=True)
    return _rows(session, conditions, day, order=order, offset=offset, limit=limit)


def _rows(
    session: Session,
    conditions: list[ColumnElement[bool]],
    today: date,
    *,
    order: list[ColumnElement[Any]],
    offset: int = 0,
    limit: int,
) -> list[FollowUpRow]:
    query = (
        select(
            FollowUp.id,
            FollowUp.visit_id,
            FollowUp.enterprise_id,
            Enterprise.name,
            FollowUp.action,
            FollowUp.owner,
            FollowUp.due_date,
            FollowUp.done_on,
            _state_column(today),
            FollowUp.done_note,
            FollowUp.answer_id,
        )
        .select_from(FollowUp)
        .join(Enterprise, Enterprise.id == FollowUp.enterprise_id)
        .join(Visit, Visit.id == FollowUp.visit_id)
        .where(*conditions)
        .order_by(*order)
        .offset(offset)
        .limit(limit)
    )
    return [
        FollowUpRow(
            id=row[0],
            visit_id=row[1],
            enterprise_id=row[2],
            enterprise_name=row[3],
            action=row[4],
            owner=row[5],
            due_date=row[6],
            done_on=row[7],
            state=row[8],
            done_note=row[9],
            answer_id=row[10],
        )
        for row in session.execute(query)
    ]


def count_follow_ups(session: Session, flt: FollowUpFilter | None = None) -> int:
    """Return how many live follow-ups match ``flt`` (the total behind list pages)."""
    flt = flt or FollowUpFilter()
    query = (
        select(func.count())
        .select_from(FollowUp)
        .join(Enterprise, Enterprise.id == FollowUp.enterprise_id)
        .where(*_conditions(session, flt, flt.today or date.today(), page=False))
    )
    return int(session.scalar(query) or 0)


def _state_column(today: date) -> ColumnElement[str]:
    return case(
        (FollowUp.done_on.is_not(None), literal("done")),
        (FollowUp.due_date < today, literal("overdue")),
        (FollowUp.due_date <= today + timedelta(days=DUE_SOON_DAYS), literal("due")),
        else_=literal("open"),
    )


def _conditions(
    session: Session, flt: FollowUpFilter, today: date, *, page: bool
) -> list[ColumnElement[bool]]:
    """Return WHERE conditions on ``FollowUp`` joined with ``Enterprise``."""
    conditions: list[ColumnElement[bool]] = [FollowUp.deleted.is_(False)]
    if flt.state:
        conditions.append(_state_condition(flt.state, today))
    if flt.enterprise_id:
        conditions.append(FollowUp.enterprise_id == flt.enterprise_id)
    if flt.visit_id:
        conditions.append(FollowUp.visit_id == flt.visit_id)
    conditions += enterprise_place_conditions(
        session, FollowUp.enterprise_id, cluster=flt.cluster, kecamatan=flt.kecamatan, page=page
    )
    text = flt.text.strip() if flt.text else ""
    if text:
        conditions.append(text_matches(text, [FollowUp.action, FollowUp.owner, Enterprise.name]))
    return conditions


def _state_condition(state: str, today: date) -> ColumnElement[bool]:
    not_done = FollowUp.done_on.is_(None)
    soon = today + timedelta(days=DUE_SOON_DAYS)
    conditions: dict[str, ColumnElement[bool]] = {
        "open": not_done,
        "due": and_(not_done, FollowUp.due_date >= today, FollowUp.due_date <= soon),
        "overdue": and_(not_done, FollowUp.due_date < today),
        "done": FollowUp.done_on.is_not(None),
    }
    if state not in conditions:
        raise ValidationError("state", MSG_STATE_UNKNOWN, value=state)
    return conditions[state]


def _visit_for(session: Session, visit_id: str) -> Visit:
    try:
        return visit_service.visit_record(session, visit_id)
    except NotFoundError:
        raise ValidationError("visit_id", MSG_VISIT_UNKNOWN) from None


def _valid_values(session: Session, data: FollowUpInput, visit: Visit) -> dict[str, Any]:
    action = (data.action or "").strip()
    if not action:
        raise ValidationError("action", MSG_ACTION_REQUIRED)
    owner = " ".join((data.owner or "").split()) or None
    if owner is not None and len(owner) > OWNER_MAX:
        raise ValidationError("owner", MSG_OWNER_TOO_LONG, max=OWNER_MAX)
    due = data.due_date
    if due is None:
        raise ValidationError("due_date", MSG_DUE_REQUIRED)
    if isinstance(due, datetime):
        due = due.date()
    if due >= FAR_FUTURE_DATE:
        raise ValidationError("due_date", MSG_DUE_FAR)
    if due < visit.visit_date:
        raise ValidationError(
            "due_date", MSG_DUE_BEFORE_VISIT, visit_date=visit.visit_date.isoformat()
        )
    answer_id = data.answer_id or None
    if answer_id is not None and not _answer_on_visit(session, answer_id, visit.id):
        raise ValidationError("answer_id", MSG_ANSWER_UNKNOWN)
    return {
        "visit_id": visit.id,
        "action": action,
        "owner": owner,
        "due_date": due,
        "answer_id": answer_id,
    }


def _answer_on_visit(session: Session, answer_id: str, visit_id: str) -> bool:
    found = session.scalar(
        select(QualityAnswer.id)
        .join(QualityCheck, QualityCheck.id == QualityAnswer.check_id)
        .where(
            QualityAnswer.id == answer_id,
            QualityAnswer.deleted.is_(False),
            QualityCheck.visit_id == visit_id,
            QualityCheck.deleted.is_(False),
        )
    )
    return found is not None
