"""Quality checks on a visit: start one from a template version, answer it, keep its result.

A check is bound to the stored template *version* it was started with, and keeps the result
it was scored to. A newer version arriving by sync changes nothing on existing checks: they
are re-scored only when their answers are saved again, and then still with their own version.
Findings (failed items) that carry a corrective action and a deadline become follow-ups.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ikmdesk.errors import (
    CONTEXT,
    QT_TRANSLATE_NOOP,
    UserError,
    ValidationError,
)
from ikmdesk.models import (
    ChecklistTemplate as TemplateRecord,
)
from ikmdesk.models import (
    FollowUp,
    Product,
    QualityAnswer,
    QualityCheck,
    Visit,
    new_id,
    stable_id,
)
from ikmdesk.models.base import FAR_FUTURE
from ikmdesk.models.enums import CheckStatus
from ikmdesk.services.checklist_template import (
    ChecklistTemplate,
    parse_template,
    previous_templates,
    shipped_templates,
    template_to_dict,
)
from ikmdesk.services.live_record import live_record
from ikmdesk.services.optional_text import optional_text
from ikmdesk.services.quality_scoring import (
    AnswerValue,
    QualityResult,
    result_from_dict,
    result_to_dict,
    score,
)
from ikmdesk.services.reference_data import SEED_TIME
from ikmdesk.services.visit import editable_visit
from ikmdesk.sync.change_capture import CAPTURE_OFF

FINDING_COLUMNS: tuple[str, ...] = (
    "problem",
    "location",
    "evidence",
    "reference",
    "corrective_action",
    "due_date",
)
"""Answer fields a finding carries (PLOR, corrective action, deadline): template field ids."""

_LAST_DATE = date.fromisoformat(FAR_FUTURE)

MSG_TEMPLATE_UNKNOWN = QT_TRANSLATE_NOOP(CONTEXT, "Templat daftar periksa '{code}' tidak ada.")
MSG_PRODUCT_OTHER_IKM = QT_TRANSLATE_NOOP(
    CONTEXT, "Produk yang dipilih bukan milik IKM yang dikunjungi."
)
MSG_DUE_BEFORE_CHECK = QT_TRANSLATE_NOOP(
    CONTEXT, "Batas waktu butir {item} ({due}) tidak boleh sebelum tanggal pemeriksaan ({on})."
)
MSG_DUE_FAR_FUTURE = QT_TRANSLATE_NOOP(
    CONTEXT, "Batas waktu butir {item} ({due}) terlalu jauh; periksa tahunnya."
)
WHAT_CHECK = QT_TRANSLATE_NOOP(CONTEXT, "Pemeriksaan mutu")
WHAT_PRODUCT = QT_TRANSLATE_NOOP(CONTEXT, "Produk")


@dataclass(frozen=True, slots=True)
class AnswerInput:
    """What the user entered for one item: the answer and, for a finding, its PLOR fields."""

    value: AnswerValue = None
    note: str | None = None
    problem: str | None = None
    location: str | None = None
    evidence: str | None = None
    reference: str | None = None
    corrective_action: str | None = None
    due_date: date | None = None


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    """One saved answer, with the follow-up its finding produced (if any)."""

    id: str
    item_id: str
    value: AnswerValue
    note: str | None
    problem: str | None
    location: str | None
    evidence: str | None
    reference: str | None
    corrective_action: str | None
    due_date: date | None
    follow_up_id: str | None

    def as_input(self) -> AnswerInput:
        """Return the answer in the form ``save_answers`` takes."""
        return AnswerInput(
            value=self.value,
            note=self.note,
            problem=self.problem,
            location=self.location,
            evidence=self.evidence,
            reference=self.reference,
            corrective_action=self.corrective_action,
            due_date=self.due_date,
        )


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    """A stored template version as pickers show it."""

    record_id: str
    code: str
    version: int
    title_id: str
    title_en: str


@dataclass(frozen=True, slots=True)
class CheckSummary:
    """A check as lists show it: what template, which product, what result."""

    id: str
    visit_id: str
    product_id: str | None
    product_name: str | None
    template_code: str
    template_version: int
    template_title_id: str
    template_title_en: str
    checked_on: date
    result_status: CheckStatus
    result_code: str | None
    result_label_id: str | None
    result_label_en: str | None
    score: float | None
    unverified: bool


@dataclass(frozen=True, slots=True)
class CheckDetail:
    """A check with its template version, answers and the stored result (never re-scored)."""

    summary: CheckSummary
    template: ChecklistTemplate
    answers: dict[str, StoredAnswer] = field(default_factory=dict)
    result: QualityResult | None = None
    notes: str | None = None

    @property
    def id(self) -> str:
        """Return the check's id."""
        return self.summary.id


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """One complete check of an enterprise (or one product) on the way to a quality trend."""

    check_id: str
    visit_id: str
    checked_on: date
    template_code: str
    template_version: int
    product_id: str | None
    product_name: str | None
    result_code: str | None
    label_id: str | None
    label_en: str | None
    score: float | None
    unverified: bool


def template_record_id(code: str, version: int) -> str:
    """Return the id every device gives a shipped template version."""
    return stable_id("template", f"{code}:{version}")


def ensure_shipped_templates(session: Session) -> int:
    """Store the bundled template versions this database lacks; return how many were added.

    Like other reference data they get stable ids and no change ops: every device ships them.
    """
    known = set(session.scalars(select(TemplateRecord.id)))
    rows = [
        {
            "id": template_record_id(t.id, t.version),
            "code": t.id,
            "version": t.version,
            "title_id": t.title.id,
            "title_en": t.title.en,
            "source": t.source.regulation,
            "definition": template_to_dict(t),
            "created_at": SEED_TIME,
            "updated_at": SEED_TIME,
            "deleted": False,
        }
        for t in (*previous_templates(), *shipped_templates())
        if template_record_id(t.id, t.version) not in known
    ]
    if rows:
        session.flush()  # pending user edits must still get their ops before capture pauses
        session.info[CAPTURE_OFF] = True
        try:
            session.execute(insert(TemplateRecord), rows)
        finally:
            session.info.pop(CAPTURE_OFF, None)
    return len(rows)


def available_templates(session: Session) -> list[TemplateInfo]:
    """Return the newest stored version of every template code, by title."""
    newest: dict[str, TemplateRecord] = {}
    for record in session.scalars(select(TemplateRecord).where(TemplateRecord.deleted.is_(False))):
        current = newest.get(record.code)
        if current is None or record.version > current.version:
            newest[record.code] = record
    infos = [_template_info(r) for r in newest.values()]
    return sorted(infos, key=lambda t: t.title_id.casefold())


def stored_templates(session: Session) -> list[ChecklistTemplate]:
    """Return every live template version stored in this database, by (code, version)."""
    records = session.scalars(
        select(TemplateRecord)
        .where(TemplateRecord.deleted.is_(False))
        .order_by(TemplateRecord.code, TemplateRecord.version)
    )
    return [parse_template(record.definition) for record in records]


def newest_template(session: Session, code: str) -> TemplateInfo:
    """Return the newest stored version of template ``code``; UserError if there is none."""
    record = session.scalar(
        select(TemplateRecord)
        .where(TemplateRecord.code == code, TemplateRecord.deleted.is_(False))
        .order_by(TemplateRecord.version.desc())
        .limit(1)
    )
    if record is None:
        raise UserError(MSG_TEMPLATE_UNKNOWN, code=code)
    return _template_info(record)


def start_check(
    session: Session,
    *,
    visit_id: str,
    template_code: str,
    product_id: str | None = None,
) -> str:
    """Start a check on an editable visit with the newest version of a template; return its id."""
    visit = editable_visit(session, visit_id)
    if product_id is not None:
        product = live_record(session, Product, product_id, what=WHAT_PRODUCT)
        if product.enterprise_id != visit.enterprise_id:
            raise ValidationError("product_id", MSG_PRODUCT_OTHER_IKM)
    info = newest_template(session, template_code)
    check = QualityCheck(
        id=new_id(),
        visit_id=visit.id,
        product_id=product_id,
        template_id=info.record_id,
        checked_on=visit.visit_date,
        result_status=CheckStatus.INCOMPLETE,
    )
    session.add(check)
    session.flush()
    return check.id


def save_answers(
    session: Session,
    check_id: str,
    answers: Mapping[str, AnswerInput | AnswerValue],
    *,
    notes: str | None = None,
) -> QualityResult:
    """Store the answers, score them with the check's own template version, keep the result.

    ``answers`` maps item ids to an :class:`AnswerInput` (or a bare value). Items left out keep
    their stored answer. Findings with a corrective action and a deadline get a follow-up on
    the visit; a finding that is withdrawn takes its open follow-up with it. Raises
    ``AnswerError``/``ValidationError`` naming the item before anything is written.
    """
    check = _live_check(session, check_id)
    visit = editable_visit(session, check.visit_id)
    template = _template_of(session, check)
    stored = _answer_rows(session, check.id)
    inputs = {item_id: _as_input(a) for item_id, a in answers.items()}
    merged = {row.item_id: _row_input(row) for row in stored.values()} | inputs
    result = score(template, {k: v.value for k, v in merged.items()}, today=check.checked_on)
    for item_id, given in inputs.items():
        _check_due_date(item_id, given.due_date, check.checked_on)
    for item_id, given in inputs.items():
        row = stored.get(item_id)
        if row is None:
            row = QualityAnswer(id=answer_id(check.id, item_id), check_id=check.id, item_id=item_id)
            session.add(row)
            stored[item_id] = row
        _apply_input(row, given)
    if notes is not None:
        check.notes = notes.strip() or None
    _store_result(check, result)
    session.flush()
    findings = {f.item_id for f in result.failed_items}
    for row in stored.values():
        _sync_follow_up(session, visit, row, is_finding=row.item_id in findings)
    session.flush()
    return result


def answer_id(check_id: str, item_id: str) -> str:
    """Return the id of the answer to ``item_id`` on ``check_id`` (the same on every device)."""
    return stable_id("answer", f"{check_id}:{item_id}")


def get_check(session: Session, check_id: str) -> CheckDetail:
    """Return a check with its own template version and its stored (not recomputed) result."""
    check = _live_check(session, check_id)
    record = session.get_one(TemplateRecord, check.template_id)
    follow_ups = _follow_up_ids(session, check.visit_id)
    answers = {
        row.item_id: _stored_answer(row, follow_ups.get(row.id))
        for row in _answer_rows(session, check.id).values()
    }
    return CheckDetail(
        summary=_summary(session, check, record),
        template=parse_template(record.definition),
        answers=answers,
        result=None if check.result is None else result_from_dict(check.result),
        notes=check.notes,
    )


def checks_for_visit(session: Session, visit_id: str) -> list[CheckSummary]:
    """Return the live checks of a visit in the order they were started."""
    checks = session.scalars(
        select(QualityCheck)
        .where(QualityCheck.visit_id == visit_id, QualityCheck.deleted.is_(False))
        .order_by(QualityCheck.created_at, QualityCheck.id)
    ).all()
    return [_summary(session, c, session.get_one(TemplateRecord, c.template_id)) for c in checks]


def remove_check(session: Session, check_id: str) -> None:
    """Tombstone a check, its answers and the open follow-ups its findings made."""
    check = _live_check(session, check_id)
    visit = editable_visit(session, check.visit_id)
    for row in _answer_rows(session, check.id).values():
        _sync_follow_up(session, visit, row, is_finding=False)
        row.deleted = True
    check.deleted = True
    session.flush()


def quality_trend(
    session: Session, *, enterprise_id: str, product_id: str | None = None
) -> list[TrendPoint]:
    """Return the complete checks of an enterprise (or one of its products), oldest first."""
    query = (
        select(QualityCheck, TemplateRecord, Product.name)
        .join(Visit, Visit.id == QualityCheck.visit_id)
        .join(TemplateRecord, TemplateRecord.id == QualityCheck.template_id)
        .outerjoin(Product, Product.id == QualityCheck.product_id)
        .where(
            Visit.enterprise_id == enterprise_id,
            Visit.deleted.is_(False),
            QualityCheck.deleted.is_(False),
            QualityCheck.result_status == CheckStatus.COMPLETE,
        )
        .order_by(QualityCheck.checked_on, QualityCheck.created_at)
    )
    if product_id is not None:
        query = query.where(QualityCheck.product_id == product_id)
    return [
        TrendPoint(
            check_id=check.id,
            visit_id=check.visit_id,
            checked_on=check.checked_on,
            template_code=record.code,
            template_version=record.version,
            product_id=check.product_id,
            product_name=product_name,
            result_code=check.result_code,
            label_id=check.result_label_id,
            label_en=check.result_label_en,
            score=check.score,
            unverified=bool((check.result or {}).get("unverified")),
        )
        for check, record, product_name in session.execute(query)
    ]


def missing_finding_fields(detail: CheckDetail) -> dict[str, tuple[str, ...]]:
    """Return, per finding, the required finding fields (PLOR, action, deadline) still empty."""
    if detail.result is None:
        return {}
    required = [f.id for f in detail.template.finding_fields if f.required]
    missing: dict[str, tuple[str, ...]] = {}
    for failed in detail.result.failed_items:
        answer = detail.answers.get(failed.item_id)
        empty = tuple(
            f for f in required if answer is None or getattr(answer, f, None) in (None, "")
        )
        if empty:
            missing[failed.item_id] = empty
    return missing


def _template_info(record: TemplateRecord) -> TemplateInfo:
    return TemplateInfo(
        record_id=record.id,
        code=record.code,
        version=record.version,
        title_id=record.title_id,
        title_en=record.title_en,
    )


def _summary(session: Session, check: QualityCheck, record: TemplateRecord) -> CheckSummary:
    product_name = None
    if check.product_id is not None:
        product_name = session.scalar(select(Product.name).where(Product.id == check.product_id))
    return CheckSummary(
        id=check.id,
        visit_id=check.visit_id,
        product_id=check.product_id,
        product_name=product_name,
        template_code=record.code,
        template_version=record.version,
        template_title_id=record.title_id,
        template_title_en=record.title_en,
        checked_on=check.checked_on,
        result_status=CheckStatus(check.result_status),
        result_code=check.result_code,
        result_label_id=check.result_label_id,
        result_label_en=check.result_label_en,
        score=check.score,
        unverified=bool((check.result or {}).get("unverified")),
    )


def _live_check(session: Session, check_id: str) -> QualityCheck:
    return live_record(session, QualityCheck, check_id, what=WHAT_CHECK)


def _template_of(session: Session, check: QualityCheck) -> ChecklistTemplate:
    return parse_template(session.get_one(TemplateRecord, check.template_id).definition)


def _answer_rows(session: Session, check_id: str) -> dict[str, QualityAnswer]:
    rows = session.scalars(
        select(QualityAnswer).where(
            QualityAnswer.check_id == check_id, QualityAnswer.deleted.is_(False)
        )
    )
    return {row.item_id: row for row in rows}


def _follow_up_ids(session: Session, visit_id: str) -> dict[str, str]:
    rows = session.execute(
        select(FollowUp.answer_id, FollowUp.id).where(
            FollowUp.visit_id == visit_id,
            FollowUp.deleted.is_(False),
            FollowUp.answer_id.is_not(None),
        )
    )
    return {answer: follow_up for answer, follow_up in rows if answer is not None}


def _as_input(answer: AnswerInput | AnswerValue) -> AnswerInput:
    return answer if isinstance(answer, AnswerInput) else AnswerInput(value=answer)


def _row_input(row: QualityAnswer) -> AnswerInput:
    return _stored_answer(row, None).as_input()


def _stored_answer(row: QualityAnswer, follow_up_id: str | None) -> StoredAnswer:
    return StoredAnswer(
        id=row.id,
        item_id=row.item_id,
        value=row.value,
        note=row.note,
        problem=row.problem,
        location=row.location,
        evidence=row.evidence,
        reference=row.reference,
        corrective_action=row.corrective_action,
        due_date=row.due_date,
        follow_up_id=follow_up_id,
    )


def _apply_input(row: QualityAnswer, given: AnswerInput) -> None:
    value = given.value
    row.value = None if isinstance(value, str) and not value.strip() else value
    row.note = optional_text(given.note)
    row.problem = optional_text(given.problem)
    row.location = optional_text(given.location)
    row.evidence = optional_text(given.evidence)
    row.reference = optional_text(given.reference)
    row.corrective_action = optional_text(given.corrective_action)
    row.due_date = given.due_date


def _check_due_date(item_id: str, due: date | None, checked_on: date) -> None:
    if due is None:
        return
    if due >= _LAST_DATE:
        raise ValidationError(
            f"{item_id}.due_date", MSG_DUE_FAR_FUTURE, item=item_id, due=due.isoformat()
        )
    if due < checked_on:
        raise ValidationError(
            f"{item_id}.due_date",
            MSG_DUE_BEFORE_CHECK,
            item=item_id,
            due=due.isoformat(),
            on=checked_on.isoformat(),
        )


def result_columns(result: QualityResult) -> dict[str, Any]:
    """Return the QualityCheck column values that store ``result`` (never re-scored later)."""
    return {
        "result_status": CheckStatus(result.status),
        "result_code": result.code,
        "result_label_id": result.label.id,
        "result_label_en": result.label.en,
        "score": result.score,
        "result": result_to_dict(result),
    }


def _store_result(check: QualityCheck, result: QualityResult) -> None:
    for column, value in result_columns(result).items():
        setattr(check, column, value)


def _sync_follow_up(
    session: Session, visit: Visit, row: QualityAnswer, *, is_finding: bool
) -> None:
    """Make the answer's follow-up match it: open while it is a finding with action and date.

    The follow-up's id derives from the answer's, so two devices recording the same finding
    edit one follow-up. A follow-up already marked done is history and is left alone.
    """
    follow_up_id = stable_id("follow_up", row.id)
    existing = session.get(FollowUp, follow_up_id)
    wanted = is_finding and bool(row.corrective_action) and row.due_date is not None
    if existing is not None and existing.done_on is not None:
        return
    if not wanted:
        if existing is not None and not existing.deleted:
            existing.deleted = True
        return
    assert row.corrective_action is not None and row.due_date is not None
    if existing is None:
        session.add(
            FollowUp(
                id=follow_up_id,
                visit_id=visit.id,
                enterprise_id=visit.enterprise_id,
                answer_id=row.id,
                action=row.corrective_action,
                due_date=row.due_date,
            )
        )
        return
    existing.deleted = False
    existing.action = row.corrective_action
    existing.due_date = row.due_date
