"""The diagnosis form as versioned data: shipped under ``resources/diagnosis``, stored and synced.

Like checklist templates, each shipped version gets a stable id and is stored without change
ops on every device; a version the supervisor adds later travels by sync. A diagnosis names
the version it was filled from, so old diagnoses keep their meaning.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ikmdesk.models import DiagnosisTemplate, stable_id
from ikmdesk.resource import resource_path
from ikmdesk.services.reference_data import SEED_TIME
from ikmdesk.sync.change_capture import CAPTURE_OFF

DEFAULT_CODE = "diagnosis-usaha"
FIELD_TYPES = frozenset({"text", "number", "yes_no", "choice", "multi"})


@dataclass(frozen=True, slots=True)
class DiagnosisField:
    """One question: id, answer type, labels, choices or range, and where it is prefilled from."""

    id: str
    type: str
    label_id: str
    label_en: str
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    prefill: str | None = None

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_id


@dataclass(frozen=True, slots=True)
class DiagnosisSection:
    id: str
    title_id: str
    title_en: str
    fields: tuple[DiagnosisField, ...]

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_id


@dataclass(frozen=True, slots=True)
class DiagnosisForm:
    """A parsed diagnosis template version."""

    record_id: str
    code: str
    version: int
    title_id: str
    title_en: str
    sections: tuple[DiagnosisSection, ...]

    def field(self, field_id: str) -> DiagnosisField | None:
        for section in self.sections:
            for f in section.fields:
                if f.id == field_id:
                    return f
        return None


def template_record_id(code: str, version: int) -> str:
    """Return the id every device gives this template version."""
    return stable_id("diagnosis-template", f"{code}:{version}")


def parse_form(record_id: str, definition: dict[str, Any]) -> DiagnosisForm:
    """Return the form a template definition describes; ValueError if it is malformed."""
    sections = []
    for s in definition["sections"]:
        fields = []
        for f in s["fields"]:
            if f["type"] not in FIELD_TYPES:
                raise ValueError(f"unknown diagnosis field type {f['type']!r}")
            fields.append(
                DiagnosisField(
                    id=f["id"],
                    type=f["type"],
                    label_id=f["label"]["id"],
                    label_en=f["label"]["en"],
                    choices=tuple(f.get("choices", ())),
                    minimum=f.get("min"),
                    maximum=f.get("max"),
                    prefill=f.get("prefill"),
                )
            )
        sections.append(
            DiagnosisSection(s["id"], s["title"]["id"], s["title"]["en"], tuple(fields))
        )
    return DiagnosisForm(
        record_id=record_id,
        code=definition["id"],
        version=int(definition["version"]),
        title_id=definition["title"]["id"],
        title_en=definition["title"]["en"],
        sections=tuple(sections),
    )


@cache
def _shipped() -> tuple[dict[str, Any], ...]:
    folder = resource_path("diagnosis")
    definitions = []
    for path in sorted(folder.glob("*.json")):
        definition = json.loads(path.read_text(encoding="utf-8"))
        parse_form("", definition)  # a broken shipped file fails loudly at start, not mid-visit
        definitions.append(definition)
    return tuple(definitions)


def ensure_shipped_diagnosis_templates(session: Session) -> int:
    """Store the shipped diagnosis template versions this database lacks; return how many."""
    known = set(session.scalars(select(DiagnosisTemplate.id)))
    rows = [
        {
            "id": template_record_id(d["id"], int(d["version"])),
            "code": d["id"],
            "version": int(d["version"]),
            "title_id": d["title"]["id"],
            "title_en": d["title"]["en"],
            "definition": d,
            "created_at": SEED_TIME,
            "updated_at": SEED_TIME,
            "deleted": False,
        }
        for d in _shipped()
        if template_record_id(d["id"], int(d["version"])) not in known
    ]
    if rows:
        session.flush()
        session.info[CAPTURE_OFF] = True
        try:
            session.execute(insert(DiagnosisTemplate), rows)
        finally:
            session.info.pop(CAPTURE_OFF, None)
    return len(rows)


def current_form(session: Session, code: str = DEFAULT_CODE) -> DiagnosisForm:
    """Return the newest stored version of the diagnosis template ``code``."""
    record = session.scalars(
        select(DiagnosisTemplate)
        .where(DiagnosisTemplate.code == code, DiagnosisTemplate.deleted.is_(False))
        .order_by(DiagnosisTemplate.version.desc())
    ).first()
    if record is None:
        raise LookupError(f"no diagnosis template {code!r}")
    return parse_form(record.id, record.definition)


def form_by_id(session: Session, record_id: str) -> DiagnosisForm:
    """Return the template version a diagnosis was filled from."""
    record = session.get_one(DiagnosisTemplate, record_id)
    return parse_form(record.id, record.definition)
