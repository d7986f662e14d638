"""The business diagnosis of an enrolled IKM, at the start (baseline) and the end (final).

Fields the records can answer (licences, the latest CPPB-IRT level and label check, workers,
products) are prefilled from them; the officer confirms or corrects them and fills the rest.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, ValidationError
from ikmdesk.models import Diagnosis, ProgrammeEnrollment, stable_id
from ikmdesk.models.diagnosis import DiagnosisStage
from ikmdesk.services.device import this_device
from ikmdesk.services.optional_text import optional_text
from ikmdesk.services.programme.diagnosis_template import (
    DiagnosisField,
    DiagnosisForm,
    current_form,
    form_by_id,
)
from ikmdesk.services.programme.ikm_facts import IkmFacts, ikm_facts
from ikmdesk.services.programme.programme import enrollment_id, programme_record

MSG_NOT_ENROLLED = QT_TRANSLATE_NOOP(CONTEXT, "IKM ini tidak terdaftar dalam program tersebut.")
MSG_UNKNOWN_FIELD = QT_TRANSLATE_NOOP(
    CONTEXT, "Isian diagnosis '{field}' tidak ada pada templat diagnosis ini."
)
MSG_BAD_ANSWER = QT_TRANSLATE_NOOP(
    CONTEXT, "Jawaban untuk '{label}' tidak sesuai ({value}); {expected}."
)
MSG_EXPECT_NUMBER = QT_TRANSLATE_NOOP(CONTEXT, "isi angka {low} sampai {high}")
MSG_EXPECT_CHOICE = QT_TRANSLATE_NOOP(CONTEXT, "pilih salah satu: {choices}")
MSG_EXPECT_YES_NO = QT_TRANSLATE_NOOP(CONTEXT, "isi ya atau tidak")
MSG_EXPECT_TEXT = QT_TRANSLATE_NOOP(CONTEXT, "isi teks paling banyak 500 huruf")
MSG_STAGE_UNKNOWN = QT_TRANSLATE_NOOP(CONTEXT, "Tahap diagnosis '{value}' tidak dikenal.")


@dataclass(frozen=True, slots=True)
class DiagnosisView:
    """A stored diagnosis with the form it was filled from."""

    id: str
    programme_id: str
    enterprise_id: str
    stage: str
    diagnosed_on: date
    officer_id: str
    answers: dict[str, Any]
    notes: str | None
    form: DiagnosisForm


def diagnosis_id(programme_id: str, enterprise_id: str, stage: str) -> str:
    """Return the id every device gives this IKM's diagnosis at this stage of the programme."""
    return stable_id("diagnosis", f"{programme_id}:{enterprise_id}:{stage}")


def prefilled_answers(form: DiagnosisForm, facts: IkmFacts) -> dict[str, Any]:
    """Return the answers the records give for the form's prefilled fields."""
    values: dict[str, Any] = {
        "products": ", ".join(facts.products) or None,
        "production_capacity": facts.production_capacity,
        "cppb_level": facts.cppb_level or "belum",
        "nib": facts.has_nib,
        "pirt": facts.has_pirt,
        "halal": facts.halal_status,
        "pkp": facts.has_pkp,
        "label_check": (facts.label.code if facts.label and facts.label.code else "belum"),
        "packaging": facts.packaging,
        "workers": facts.workers,
    }
    answers = {}
    for section in form.sections:
        for f in section.fields:
            if f.prefill and values.get(f.prefill) is not None:
                answers[f.id] = values[f.prefill]
    return answers


def starting_answers(
    session: Session, programme_id: str, enterprise_id: str, stage: str = "baseline"
) -> dict[str, Any]:
    """Return the answers a new diagnosis form opens with: stored ones, else the records'."""
    existing = get_diagnosis(session, programme_id, enterprise_id, stage)
    if existing is not None:
        return dict(existing.answers)
    answers = prefilled_answers(current_form(session), ikm_facts(session, enterprise_id))
    if stage == DiagnosisStage.FINAL:
        baseline = get_diagnosis(session, programme_id, enterprise_id, "baseline")
        if baseline is not None:
            answers = {**baseline.answers, **answers}
    return answers


def save_diagnosis(
    session: Session,
    *,
    programme_id: str,
    enterprise_id: str,
    answers: dict[str, Any],
    diagnosed_on: date,
    stage: str = "baseline",
    notes: str | None = None,
) -> str:
    """Store (or replace) an IKM's diagnosis at ``stage``; only changed fields are written."""
    try:
        stage_value = DiagnosisStage(stage)
    except ValueError:
        raise ValidationError("stage", MSG_STAGE_UNKNOWN, value=stage) from None
    programme_record(session, programme_id)
    ensure_enrolled(session, programme_id, enterprise_id)
    row_id = diagnosis_id(programme_id, enterprise_id, stage_value.value)
    record = session.get(Diagnosis, row_id)
    form = form_by_id(session, record.template_id) if record else current_form(session)
    clean = {key: _valid_answer(form, key, value) for key, value in answers.items()}
    values = {
        "answers": clean,
        "diagnosed_on": diagnosed_on,
        "notes": optional_text(notes),
        "deleted": False,
    }
    if record is None:
        record = Diagnosis(
            id=row_id,
            programme_id=programme_id,
            enterprise_id=enterprise_id,
            template_id=form.record_id,
            stage=stage_value,
            officer_id=this_device(session).id,
            **values,
        )
        session.add(record)
    else:
        for key, value in values.items():
            if getattr(record, key) != value:
                setattr(record, key, value)
    session.flush()
    return record.id


def get_diagnosis(
    session: Session, programme_id: str, enterprise_id: str, stage: str = "baseline"
) -> DiagnosisView | None:
    """Return the IKM's live diagnosis at ``stage`` in the programme, or None."""
    record = session.get(Diagnosis, diagnosis_id(programme_id, enterprise_id, stage))
    if record is None or record.deleted:
        return None
    return DiagnosisView(
        id=record.id,
        programme_id=record.programme_id,
        enterprise_id=record.enterprise_id,
        stage=DiagnosisStage(record.stage).value,
        diagnosed_on=record.diagnosed_on,
        officer_id=record.officer_id,
        answers=dict(record.answers or {}),
        notes=record.notes,
        form=form_by_id(session, record.template_id),
    )


def diagnosed_enterprises(session: Session, programme_id: str, stage: str = "baseline") -> set[str]:
    """Return the ids of the IKMs with a live diagnosis at ``stage`` in the programme."""
    return set(
        session.scalars(
            select(Diagnosis.enterprise_id).where(
                Diagnosis.programme_id == programme_id,
                Diagnosis.stage == DiagnosisStage(stage),
                Diagnosis.deleted.is_(False),
            )
        )
    )


def ensure_enrolled(session: Session, programme_id: str, enterprise_id: str) -> None:
    """Raise ValidationError unless the IKM is (still) enrolled in the programme."""
    enrollment = session.get(ProgrammeEnrollment, enrollment_id(programme_id, enterprise_id))
    if enrollment is None or enrollment.deleted:
        raise ValidationError("enterprise_id", MSG_NOT_ENROLLED)


def _valid_answer(form: DiagnosisForm, key: str, value: Any) -> Any:
    field = form.field(key)
    if field is None:
        raise ValidationError(key, MSG_UNKNOWN_FIELD, field=key)
    if value is None or value == "" or value == []:
        return None
    ok, expected = _check(field, value)
    if not ok:
        raise ValidationError(
            key, MSG_BAD_ANSWER, label=field.label_id, value=value, expected=expected
        )
    return value.strip() if isinstance(value, str) else value


def _check(field: DiagnosisField, value: Any) -> tuple[bool, str]:
    if field.type == "number":
        low = field.minimum if field.minimum is not None else 0
        high = field.maximum if field.maximum is not None else 1_000_000
        expected = MSG_EXPECT_NUMBER.format(low=_num(low), high=_num(high))
        is_number = isinstance(value, int | float) and not isinstance(value, bool)
        return is_number and math.isfinite(value) and low <= value <= high, expected
    if field.type == "yes_no":
        return isinstance(value, bool), MSG_EXPECT_YES_NO
    if field.type == "choice":
        expected = MSG_EXPECT_CHOICE.format(choices=", ".join(field.choices))
        return value in field.choices, expected
    if field.type == "multi":
        expected = MSG_EXPECT_CHOICE.format(choices=", ".join(field.choices))
        return isinstance(value, list) and all(v in field.choices for v in value), expected
    return isinstance(value, str) and len(value) <= 500, MSG_EXPECT_TEXT


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
