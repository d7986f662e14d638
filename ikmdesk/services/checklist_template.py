"""Checklist templates: versioned JSON documents parsed into frozen, validated plain data.

A template is identified by ``(id, version)``. Its JSON form is described in
``docs/checklists.md`` and declared as pydantic models in ``checklist_template_file`` (which
also generates ``resources/checklists/schema/checklist.schema.json``). This module turns a
validated file into frozen plain data and checks what needs the whole template: unique ids
across sections, the rule's items and their answer types, level ranges, critical items judged.
Every threshold lives in the template, so a supervisor corrects a number without a release.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar, Literal

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, ValidationError
from ikmdesk.resource import resource_path
from ikmdesk.services import checklist_template_file as file
from ikmdesk.services.checklist_template_file import (  # noqa: F401 - the messages stay importable here
    MSG_BAD_CLASS,
    MSG_BAD_CONFIDENCE,
    MSG_BAD_FINDING_TYPE,
    MSG_BAD_FORMAT,
    MSG_BAD_ID,
    MSG_BAD_OUTCOME,
    MSG_BAD_PLACEHOLDER,
    MSG_BAD_VERSION,
    MSG_BAND_OPEN_END,
    MSG_BAND_ORDER,
    MSG_DUPLICATE_ID,
    MSG_EMPTY_LIST,
    MSG_LEVEL_EMPTY,
    MSG_MIN_ABOVE_MAX,
    MSG_MISSING_KEY,
    MSG_NEGATIVE,
    MSG_NOT_BOOL,
    MSG_NOT_INT,
    MSG_NOT_LIST,
    MSG_NOT_NUMBER,
    MSG_NOT_OBJECT,
    MSG_NOT_POSITIVE,
    MSG_NOT_TEXT,
    MSG_NOTE_NEEDED,
    MSG_ONLY_FOR,
    MSG_PERCENT_RANGE,
    MSG_UNKNOWN_ANSWER,
    MSG_UNKNOWN_KEY,
    MSG_UNKNOWN_RULE,
    MSG_WEIGHT_AND_CLASS,
)

FORMAT = 2
"""The template file format this code writes; bumped only when old readers would misread."""

FORMATS: tuple[int, ...] = (1, 2)
"""The file formats this code reads. Format 2 adds critical items, ``na_allowed``, item
sources, level outcomes and the N/A limit; format 1 files (earlier template versions that
stored checks refer to) keep their old meaning: every yes/no item may be N/A, no N/A limit."""

AnswerType = Literal["yes_no_na", "number", "choice", "text", "photo"]
NcClass = Literal["MI", "MA", "SE", "KR"]
Confidence = Literal["verified", "secondary", "unverified"]
FindingFieldType = Literal["text", "date"]
LevelOutcome = Literal["pass", "needs_improvement", "fail"]

ANSWER_TYPES: tuple[AnswerType, ...] = ("yes_no_na", "number", "choice", "text", "photo")
NC_CLASSES: tuple[NcClass, ...] = ("MI", "MA", "SE", "KR")
CONFIDENCES: tuple[Confidence, ...] = ("verified", "secondary", "unverified")
FINDING_FIELD_TYPES: tuple[FindingFieldType, ...] = ("text", "date")
YES_NO_NA: tuple[str, ...] = ("yes", "no", "na")
LEVEL_OUTCOMES: tuple[LevelOutcome, ...] = ("pass", "needs_improvement", "fail")

_FORMAT_1_LEVEL_OUTCOMES: dict[str, LevelOutcome] = {
    "LEVEL_I": "pass",
    "LEVEL_II": "pass",
    "LEVEL_III": "needs_improvement",
    "LEVEL_IV": "fail",
}
"""What the CPPB-IRT levels of a format 1 file (which declares no outcomes) mean."""

_ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")

MSG_INVALID_JSON = QT_TRANSLATE_NOOP(CONTEXT, "{path}: bukan JSON yang sah ({detail})")
MSG_DUPLICATE_KEY = QT_TRANSLATE_NOOP(CONTEXT, "{path}: kunci '{key}' ditulis dua kali")
MSG_NOT_USED_BY_RULE = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: '{key}' tidak dipakai oleh aturan {kind}"
)
MSG_CLASS_NEEDS_YES_NO = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: butir berkelas ketidaksesuaian harus berjenis yes_no_na, bukan {answer}"
)
MSG_UNKNOWN_ITEM = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: merujuk ke butir '{value}' yang tidak ada di templat"
)
MSG_WRONG_ITEM_TYPE = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: butir '{value}' berjenis {answer}, aturan ini memerlukan {expected}"
)
MSG_ITEM_MUST_BE_REQUIRED = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: butir '{value}' menentukan mutu, jadi harus \"required\": true"
)
MSG_LIMIT_SHAPE = QT_TRANSLATE_NOOP(
    CONTEXT,
    '{path}: batas untuk butir angka memakai "min" dan "max"; untuk butir pilihan atau '
    'ya/tidak memakai "accept"',
)
MSG_BAD_ACCEPT = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: '{value}' bukan jawaban yang mungkin untuk butir '{item}'"
)
MSG_DUPLICATE_LIMIT = QT_TRANSLATE_NOOP(CONTEXT, "{path}: butir '{value}' sudah diberi batas")
MSG_LIMIT_UNUSED = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: butir '{value}' tidak berbobot, jadi batas ini tidak berpengaruh"
)
MSG_NEEDS_LIMIT = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: butir berbobot berjenis {answer} memerlukan batas di rule.limits"
)
MSG_NOT_SCORABLE = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: butir berjenis {answer} tidak dapat diberi bobot"
)
MSG_MUST_PASS_UNWEIGHTED = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: butir wajib lulus '{value}' harus berbobot"
)
MSG_LEVEL_OVERLAP = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: kelas {nc_class}: jumlah {count} masuk ke level {first} dan {second}"
)
MSG_LEVEL_GAP = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: kelas {nc_class}: jumlah {count} tidak masuk level mana pun"
)
MSG_TYPE_LIMITS_MISMATCH = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: batas harus diberikan untuk setiap jenis {expected}, ditemukan {found}"
)
MSG_CRITICAL_NOT_JUDGED = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: butir kritis '{value}' tidak dinilai oleh aturan ini"
)
MSG_FILE_ID_MISMATCH = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: id '{value}' tidak sama dengan nama berkas {file}"
)


class TemplateError(ValidationError):
    """A checklist template that cannot be used; ``path`` names the place, e.g. ``rule.limits[0]``.

    The message is an Indonesian source string marked for Qt Linguist (context ``errors``), so
    the UI shows ``exc.message(translate)`` and the stored data stays as it was.
    """

    def __init__(self, path: str, message_id: str, /, **args: Any) -> None:
        path = path or "template"
        super().__init__(path, message_id, path=path, **args)

    @property
    def path(self) -> str:
        """Return where in the template the problem is."""
        return self.field


@dataclass(frozen=True, slots=True)
class BilingualText:
    """A user-facing text in Indonesian (``id``, the default) and English (``en``)."""

    id: str
    en: str

    def get(self, lang: str) -> str:
        """Return the English text for ``lang == "en"``, the Indonesian one otherwise."""
        return self.en if lang == "en" else self.id

    def as_dict(self) -> dict[str, str]:
        """Return the JSON form ``{"id": ..., "en": ...}``."""
        return {"id": self.id, "en": self.en}


@dataclass(frozen=True, slots=True)
class Source:
    """Where a template's items and numbers come from, and how sure we are of them."""

    regulation: str
    confidence: Confidence
    urls: tuple[str, ...]
    notes: BilingualText


@dataclass(frozen=True, slots=True)
class ItemSource:
    """Where one item's requirement comes from (a regulation, a form item, an SNI clause)."""

    reference: str
    confidence: Confidence

    @property
    def confirmed(self) -> bool:
        """Return whether the reference was read in a primary source (else: to be confirmed)."""
        return self.confidence == "verified"


@dataclass(frozen=True, slots=True)
class Option:
    """One possible answer of a ``choice`` item."""

    value: str
    label: BilingualText


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One question; ``nc_class`` is the JSON key ``class`` (non-conformity items only).

    ``critical``: a failure on this item fails the whole check, whatever the percentage.
    ``na_allowed``: "na" (not applicable) may be answered; false for items that always apply.
    ``source``: the item's own reference; ``None`` means the template's source.
    """

    id: str
    text: BilingualText
    answer: AnswerType
    required: bool
    weight: float | None = None
    nc_class: NcClass | None = None
    unit: str | None = None
    min: float | None = None
    max: float | None = None
    options: tuple[Option, ...] = ()
    help: BilingualText | None = None
    critical: bool = False
    na_allowed: bool = True
    source: ItemSource | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """A titled group of items (for CPPB-IRT: one of the elements A–N)."""

    id: str
    title: BilingualText
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True, slots=True)
class FindingField:
    """A field the UI asks for on every failed item (PLOR, corrective action, deadline)."""

    id: str
    label: BilingualText
    answer: FindingFieldType
    required: bool


@dataclass(frozen=True, slots=True)
class Action:
    """A follow-up the result implies; ``verified`` is false when the reference is unsure."""

    text: BilingualText
    verified: bool


@dataclass(frozen=True, slots=True)
class CountRange:
    """Counts ``min``..``max`` (``None``: no upper end) of one non-conformity class."""

    nc_class: NcClass
    min: int
    max: int | None

    def contains(self, count: int) -> bool:
        """Return whether ``count`` lies in this range."""
        return self.min <= count and (self.max is None or count <= self.max)


@dataclass(frozen=True, slots=True)
class Level:
    """An outcome reached when any class count falls in one of its ``when_any`` ranges."""

    code: str
    label: BilingualText
    when_any: tuple[CountRange, ...]
    audit_frequency: Action
    actions: tuple[Action, ...] = ()
    outcome: LevelOutcome = "needs_improvement"


@dataclass(frozen=True, slots=True)
class NonconformityLevelRule:
    """Count findings per class; the first level (most severe first) any count reaches wins."""

    KIND: ClassVar[str] = "nonconformity_level"

    levels: tuple[Level, ...]
    verified: bool
    note: BilingualText | None = None
    na_limit_percent: float | None = None


@dataclass(frozen=True, slots=True)
class Limit:
    """A threshold on one item: ``min``/``max`` for numbers, ``accept`` for yes/no and choices.

    A number limit with both ends ``None`` is not set yet: the engine records the value but
    does not judge it.
    """

    item: str
    min: float | None = None
    max: float | None = None
    accept: tuple[str, ...] = ()
    verified: bool = True

    @property
    def is_set(self) -> bool:
        """Return whether this limit can judge a value."""
        return bool(self.accept) or self.min is not None or self.max is not None


@dataclass(frozen=True, slots=True)
class SizeBand:
    """A size class holding values up to ``max`` inclusive (``None``: everything above)."""

    code: str
    max: float | None
    label: BilingualText
    actions: tuple[Action, ...] = ()


@dataclass(frozen=True, slots=True)
class SizeScale:
    """Size classes read from one number item, bands in ascending order."""

    item: str
    bands: tuple[SizeBand, ...]
    verified: bool

    def band_for(self, value: float) -> SizeBand:
        """Return the band ``value`` falls in; validation guarantees the last band is open."""
        return next(b for b in self.bands if b.max is None or value <= b.max)


@dataclass(frozen=True, slots=True)
class TypeLimits:
    """The limits of one grade for one plant type (an option value of the type item)."""

    type_code: str
    limits: tuple[Limit, ...]


@dataclass(frozen=True, slots=True)
class Grade:
    """A quality grade and its limits per type; grades are listed best first."""

    code: str
    label: BilingualText
    limits: tuple[TypeLimits, ...]

    def limits_for(self, type_code: str) -> tuple[Limit, ...]:
        """Return this grade's limits for ``type_code`` (empty for an unknown type)."""
        return next((t.limits for t in self.limits if t.type_code == type_code), ())


@dataclass(frozen=True, slots=True)
class MeasurementGradeRule:
    """General requirements pass/fail, then the best grade whose limits all hold, plus size."""

    KIND: ClassVar[str] = "measurement_grade"

    type_item: str
    size: SizeScale
    general: tuple[Limit, ...]
    grades: tuple[Grade, ...]
    result_label: BilingualText
    substandard_label: BilingualText
    verified: bool
    note: BilingualText | None = None
    na_limit_percent: float | None = None


@dataclass(frozen=True, slots=True)
class WeightedPercentageRule:
    """Weighted share of conforming answers against ``pass_percent``; must-pass items veto."""

    KIND: ClassVar[str] = "weighted_percentage"

    pass_percent: float
    limits: tuple[Limit, ...]
    pass_label: BilingualText
    fail_label: BilingualText
    verified: bool
    must_pass: tuple[str, ...] = ()
    fail_actions: tuple[Action, ...] = ()
    pirt_item: str | None = None
    note: BilingualText | None = None
    na_limit_percent: float | None = None


Rule = NonconformityLevelRule | MeasurementGradeRule | WeightedPercentageRule


@dataclass(frozen=True, slots=True)
class ChecklistTemplate:
    """One version of a checklist: sections of items, the grading rule and where it comes from."""

    id: str
    version: int
    title: BilingualText
    source: Source
    sections: tuple[Section, ...]
    rule: Rule
    finding_fields: tuple[FindingField, ...] = ()
    file_format: int = FORMAT

    @property
    def key(self) -> tuple[str, int]:
        """Return ``(id, version)``, the identity a stored check refers to."""
        return (self.id, self.version)

    def items(self) -> Iterator[ChecklistItem]:
        """Yield every item in template order."""
        for section in self.sections:
            yield from section.items

    def item(self, item_id: str) -> ChecklistItem:
        """Return the item with ``item_id``; raise ``KeyError`` if there is none."""
        for item in self.items():
            if item.id == item_id:
                return item
        raise KeyError(item_id)


def parse_template(data: dict[str, Any]) -> ChecklistTemplate:
    """Return the template described by ``data``; raise ``TemplateError`` naming the bad place."""
    try:
        model = file.validate_file(data)
    except file.Refusal as refusal:
        raise TemplateError(refusal.path, refusal.message_id, **refusal.args_map) from None
    template = _from_file(model)
    _check_template(template)
    return template


def template_from_json(text: str) -> ChecklistTemplate:
    """Return the template in the JSON document ``text``; raise ``TemplateError`` if unusable."""
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        detail = f"{exc.msg}, line {exc.lineno} column {exc.colno}"
        raise TemplateError("", MSG_INVALID_JSON, detail=detail) from exc
    return parse_template(data)


def template_to_dict(template: ChecklistTemplate) -> dict[str, Any]:
    """Return the JSON-ready dict of ``template``; ``parse_template`` of it gives it back.

    The dict is canonical: optional keys are left out when unset or empty, so a shipped file
    written in canonical form compares equal to its own round trip.
    """
    data: dict[str, Any] = {
        "format": template.file_format,
        "id": template.id,
        "version": template.version,
        "title": template.title.as_dict(),
        "source": _source_dict(template.source),
    }
    if template.finding_fields:
        data["finding_fields"] = [_finding_field_dict(f) for f in template.finding_fields]
    data["sections"] = [_section_dict(s, template.file_format) for s in template.sections]
    data["rule"] = _rule_dict(template.rule, template.file_format)
    return data


def shipped_templates() -> list[ChecklistTemplate]:
    """Return the current version of each bundled template, ordered by file name."""
    return list(_bundled_templates("checklists"))


def newest_templates() -> dict[str, ChecklistTemplate]:
    """Return the newest shipped version of each template, by code (a new dict each call)."""
    newest: dict[str, ChecklistTemplate] = {}
    for template in shipped_templates():
        if template.id not in newest or template.version > newest[template.id].version:
            newest[template.id] = template
    return newest


def previous_templates() -> list[ChecklistTemplate]:
    """Return the earlier bundled versions, which checks made with them still refer to.

    They live in ``resources/checklists/previous/<id>.v<version>.json``, unchanged since
    they were current, so every device can read a check whatever version it was made with.
    """
    return list(_bundled_templates("checklists", "previous"))


@cache
def _bundled_templates(*folder_parts: str) -> tuple[ChecklistTemplate, ...]:
    # Bundled files never change while the app runs; parse and validate them once.
    folder = resource_path(*folder_parts)
    templates = []
    for path in sorted(folder.glob("*.json")):
        template = template_from_json(path.read_text(encoding="utf-8"))
        stem = path.stem.split(".v")[0] if folder_parts[-1] == "previous" else path.stem
        if template.id != stem:
            raise TemplateError("id", MSG_FILE_ID_MISMATCH, value=template.id, file=path.name)
        templates.append(template)
    return tuple(templates)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Build a JSON object, refusing a key written twice (JSON would keep only the last)."""
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise TemplateError("", MSG_DUPLICATE_KEY, key=key)
        data[key] = value
    return data


def _no_constant(name: str) -> Any:
    """Refuse NaN and Infinity, which Python's JSON reader would otherwise accept."""
    raise TemplateError("", MSG_NOT_NUMBER, value=name)


def _key(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _index(path: str, index: int) -> str:
    return f"{path}[{index}]"


def _from_file(model: file.TemplateFile) -> ChecklistTemplate:
    """Return the plain data of a validated template file."""
    return ChecklistTemplate(
        id=model.id,
        version=model.version,
        title=_text(model.title),
        source=Source(
            regulation=model.source.regulation,
            confidence=model.source.confidence,  # type: ignore[arg-type]
            urls=tuple(model.source.urls),
            notes=_text(model.source.notes),
        ),
        sections=tuple(
            Section(id=s.id, title=_text(s.title), items=tuple(_item(i) for i in s.items))
            for s in model.sections
        ),
        rule=_rule(model.rule),
        finding_fields=tuple(
            FindingField(
                id=f.id,
                label=_text(f.label),
                answer=f.answer,  # type: ignore[arg-type]
                required=f.required,
            )
            for f in model.finding_fields
        ),
        file_format=model.format,
    )


def _text(model: file.BilingualText) -> BilingualText:
    return BilingualText(id=model.id, en=model.en)


def _optional_text(model: file.BilingualText | None) -> BilingualText | None:
    return None if model is None else _text(model)


def _actions(models: list[file.ActionModel]) -> tuple[Action, ...]:
    return tuple(Action(text=_text(a.text), verified=a.verified) for a in models)


def _item(model: file.ItemModel1) -> ChecklistItem:
    source = getattr(model, "source", None)
    return ChecklistItem(
        id=model.id,
        text=_text(model.text),
        answer=model.answer,  # type: ignore[arg-type]
        required=model.required,
        weight=model.weight,
        nc_class=model.nc_class,  # type: ignore[arg-type]
        unit=model.unit,
        min=model.min,
        max=model.max,
        options=tuple(Option(value=o.value, label=_text(o.label)) for o in model.options or ()),
        help=_optional_text(model.help),
        critical=bool(getattr(model, "critical", False)),
        na_allowed=model.allows_na(),
        source=None
        if source is None
        else ItemSource(reference=source.reference, confidence=source.confidence),
    )


def _limit(model: file.AcceptLimitModel | file.RangeLimitModel) -> Limit:
    if isinstance(model, file.AcceptLimitModel):
        return Limit(item=model.item, accept=tuple(model.accept), verified=model.verified)
    return Limit(item=model.item, min=model.min, max=model.max, verified=model.verified)


def _limits(models: list[Any]) -> tuple[Limit, ...]:
    return tuple(_limit(m) for m in models)


def _rule(model: file.RuleModel) -> Rule:
    common: dict[str, Any] = {
        "verified": model.verified,
        "note": _optional_text(model.note),
        "na_limit_percent": model.na_limit(),
    }
    if isinstance(model, file.NonconformityRule1):
        levels = tuple(
            Level(
                code=lv.code,
                label=_text(lv.label),
                when_any=tuple(
                    CountRange(nc_class=c, min=r.min, max=r.max)  # type: ignore[arg-type]
                    for c, r in lv.when_any.items()
                ),
                audit_frequency=_actions([lv.audit_frequency])[0],
                actions=_actions(lv.actions),
                outcome=lv.level_outcome(),  # type: ignore[arg-type]
            )
            for lv in model.levels
        )
        return NonconformityLevelRule(levels=levels, **common)
    if isinstance(model, file.MeasurementRule1):
        size = model.size
        return MeasurementGradeRule(
            type_item=model.type_item,
            size=SizeScale(
                item=size.item,
                bands=tuple(
                    SizeBand(
                        code=b.code, max=b.max, label=_text(b.label), actions=_actions(b.actions)
                    )
                    for b in size.bands
                ),
                verified=size.verified,
            ),
            general=_limits(model.general),
            grades=tuple(
                Grade(
                    code=g.code,
                    label=_text(g.label),
                    limits=tuple(
                        TypeLimits(type_code=t, limits=_limits(ls)) for t, ls in g.limits.items()
                    ),
                )
                for g in model.grades
            ),
            result_label=_text(model.result_label),
            substandard_label=_text(model.substandard_label),
            **common,
        )
    assert isinstance(model, file.WeightedRule)
    return WeightedPercentageRule(
        pass_percent=model.pass_percent,
        limits=_limits(model.limits),
        pass_label=_text(model.pass_label),
        fail_label=_text(model.fail_label),
        must_pass=model.must_pass_items(),
        fail_actions=_actions(model.fail_actions),
        pirt_item=model.pirt_item,
        **common,
    )


def _check_unique(entries: list[tuple[str, str]], key: str) -> None:
    """Refuse a code used twice among ``(code, path)`` entries; the error names both places."""
    seen: dict[str, str] = {}
    for code, path in entries:
        if code in seen:
            raise TemplateError(_key(path, key), MSG_DUPLICATE_ID, value=code, other=seen[code])
        seen[code] = path


def _item_paths(template: ChecklistTemplate) -> dict[str, tuple[str, ChecklistItem]]:
    """Return each item with its path, refusing duplicate section and item ids."""
    _check_unique([(s.id, _index("sections", i)) for i, s in enumerate(template.sections)], "id")
    _check_unique(
        [(f.id, _index("finding_fields", i)) for i, f in enumerate(template.finding_fields)], "id"
    )
    entries = [
        (item.id, _index(_key(_index("sections", s), "items"), i), item)
        for s, section in enumerate(template.sections)
        for i, item in enumerate(section.items)
    ]
    _check_unique([(item_id, path) for item_id, path, _ in entries], "id")
    return {item_id: (path, item) for item_id, path, item in entries}


def _check_template(template: ChecklistTemplate) -> None:
    """Check what needs the whole template: unique ids and the rule's fit with the items."""
    items = _item_paths(template)
    rule = template.rule
    for path, item in items.values():
        if item.nc_class is not None and not isinstance(rule, NonconformityLevelRule):
            raise TemplateError(
                _key(path, "class"), MSG_NOT_USED_BY_RULE, key="class", kind=rule.KIND
            )
        if item.weight is not None and not isinstance(rule, WeightedPercentageRule):
            raise TemplateError(
                _key(path, "weight"), MSG_NOT_USED_BY_RULE, key="weight", kind=rule.KIND
            )
    if isinstance(rule, NonconformityLevelRule):
        _check_nonconformity_rule(rule, items)
    elif isinstance(rule, MeasurementGradeRule):
        _check_measurement_rule(rule, items)
    else:
        _check_weighted_rule(rule, items)
    judged = set(judged_item_ids(template))
    for path, item in items.values():
        if item.critical and item.id not in judged:
            raise TemplateError(_key(path, "critical"), MSG_CRITICAL_NOT_JUDGED, value=item.id)


def judged_item_ids(template: ChecklistTemplate) -> tuple[str, ...]:
    """Return, in template order, the items whose answers the rule judges."""
    rule = template.rule
    if isinstance(rule, NonconformityLevelRule):
        judged = {i.id for i in template.items() if i.nc_class is not None}
    elif isinstance(rule, MeasurementGradeRule):
        limits = [*rule.general, *(lim for g in rule.grades for t in g.limits for lim in t.limits)]
        judged = {limit.item for limit in limits}
    else:
        judged = {i.id for i in template.items() if i.weight is not None}
    return tuple(i.id for i in template.items() if i.id in judged)


def _check_nonconformity_rule(
    rule: NonconformityLevelRule, items: dict[str, tuple[str, ChecklistItem]]
) -> None:
    for path, item in items.values():
        if item.nc_class is not None and item.answer != "yes_no_na":
            raise TemplateError(_key(path, "class"), MSG_CLASS_NEEDS_YES_NO, answer=item.answer)
    used = {item.nc_class for _, item in items.values() if item.nc_class is not None}
    used |= {r.nc_class for level in rule.levels for r in level.when_any}
    for nc_class in NC_CLASSES:
        if nc_class in used:
            _check_class_partition(rule, nc_class)


def _check_class_partition(rule: NonconformityLevelRule, nc_class: NcClass) -> None:
    """Every count 0, 1, 2, … of ``nc_class`` must fall in exactly one level's range.

    With that, any combination of counts reaches at least one level, and taking the first
    reached (levels listed most severe first) makes the outcome unique.
    """
    ranges = sorted(
        (
            (r.min, r.max, level.code, i)
            for i, level in enumerate(rule.levels)
            for r in level.when_any
            if r.nc_class == nc_class
        ),
        key=lambda entry: entry[0],
    )
    expected: int | None = 0
    previous_code = ""
    for low, high, code, i in ranges:
        path = _key(_key(_index("rule.levels", i), "when_any"), nc_class)
        if expected is None or low < expected:
            raise TemplateError(
                path,
                MSG_LEVEL_OVERLAP,
                nc_class=nc_class,
                count=low,
                first=previous_code,
                second=code,
            )
        if low > expected:
            raise TemplateError(path, MSG_LEVEL_GAP, nc_class=nc_class, count=expected)
        expected = None if high is None else high + 1
        previous_code = code
    if expected is not None:
        raise TemplateError("rule.levels", MSG_LEVEL_GAP, nc_class=nc_class, count=expected)


def _rule_item(
    item_id: str, path: str, items: dict[str, tuple[str, ChecklistItem]]
) -> ChecklistItem:
    if item_id not in items:
        raise TemplateError(path, MSG_UNKNOWN_ITEM, value=item_id)
    return items[item_id][1]


def _check_item_type(item: ChecklistItem, path: str, expected: tuple[str, ...]) -> None:
    if item.answer not in expected:
        raise TemplateError(
            path,
            MSG_WRONG_ITEM_TYPE,
            value=item.id,
            answer=item.answer,
            expected="/".join(expected),
        )


def _check_limits(
    limits: tuple[Limit, ...],
    path: str,
    items: dict[str, tuple[str, ChecklistItem]],
    *,
    must_be_required: bool,
) -> None:
    """Each limit names an existing item once and has the shape that item's answer needs."""
    _check_unique([(lim.item, _index(path, i)) for i, lim in enumerate(limits)], "item")
    for i, limit in enumerate(limits):
        limit_path = _index(path, i)
        item = _rule_item(limit.item, _key(limit_path, "item"), items)
        if must_be_required and not item.required:
            raise TemplateError(_key(limit_path, "item"), MSG_ITEM_MUST_BE_REQUIRED, value=item.id)
        _check_item_type(item, _key(limit_path, "item"), ("number", "yes_no_na", "choice"))
        if (item.answer == "number") == bool(limit.accept):
            raise TemplateError(limit_path, MSG_LIMIT_SHAPE)
        possible = YES_NO_NA if item.answer == "yes_no_na" else tuple(o.value for o in item.options)
        for j, accepted in enumerate(limit.accept):
            if accepted not in possible:
                raise TemplateError(
                    _index(_key(limit_path, "accept"), j),
                    MSG_BAD_ACCEPT,
                    value=accepted,
                    item=item.id,
                )


def _check_measurement_rule(
    rule: MeasurementGradeRule, items: dict[str, tuple[str, ChecklistItem]]
) -> None:
    for key, item_id, answer in (
        ("type_item", rule.type_item, ("choice",)),
        ("size.item", rule.size.item, ("number",)),
    ):
        path = _key("rule", key)
        item = _rule_item(item_id, path, items)
        _check_item_type(item, path, answer)
        if not item.required:
            raise TemplateError(path, MSG_ITEM_MUST_BE_REQUIRED, value=item_id)
    _check_limits(rule.general, "rule.general", items, must_be_required=True)
    type_codes = [o.value for o in items[rule.type_item][1].options]
    for i, grade in enumerate(rule.grades):
        limits_path = _key(_index("rule.grades", i), "limits")
        found = [t.type_code for t in grade.limits]
        if sorted(found) != sorted(type_codes):
            raise TemplateError(
                limits_path,
                MSG_TYPE_LIMITS_MISMATCH,
                expected=", ".join(type_codes),
                found=", ".join(found) or "-",
            )
        for type_limits in grade.limits:
            _check_limits(
                type_limits.limits,
                _key(limits_path, type_limits.type_code),
                items,
                must_be_required=True,
            )


def _check_weighted_rule(
    rule: WeightedPercentageRule, items: dict[str, tuple[str, ChecklistItem]]
) -> None:
    _check_limits(rule.limits, "rule.limits", items, must_be_required=False)
    limited = {limit.item for limit in rule.limits}
    for i, limit in enumerate(rule.limits):
        if items[limit.item][1].weight is None:
            raise TemplateError(_index("rule.limits", i), MSG_LIMIT_UNUSED, value=limit.item)
    for path, item in items.values():
        if item.weight is None:
            continue
        if item.answer in ("text", "photo"):
            raise TemplateError(_key(path, "weight"), MSG_NOT_SCORABLE, answer=item.answer)
        if item.answer in ("number", "choice") and item.id not in limited:
            raise TemplateError(_key(path, "weight"), MSG_NEEDS_LIMIT, answer=item.answer)
    for i, item_id in enumerate(rule.must_pass):
        path = _index("rule.must_pass", i)
        if _rule_item(item_id, path, items).weight is None:
            raise TemplateError(path, MSG_MUST_PASS_UNWEIGHTED, value=item_id)
    if rule.pirt_item is not None:
        _check_item_type(
            _rule_item(rule.pirt_item, "rule.pirt_item", items), "rule.pirt_item", ("text",)
        )


def _source_dict(source: Source) -> dict[str, Any]:
    return {
        "regulation": source.regulation,
        "confidence": source.confidence,
        "urls": list(source.urls),
        "notes": source.notes.as_dict(),
    }


def _finding_field_dict(field: FindingField) -> dict[str, Any]:
    return {
        "id": field.id,
        "label": field.label.as_dict(),
        "answer": field.answer,
        "required": field.required,
    }


def _section_dict(section: Section, file_format: int) -> dict[str, Any]:
    return {
        "id": section.id,
        "title": section.title.as_dict(),
        "items": [_item_dict(item, file_format) for item in section.items],
    }


def _item_dict(item: ChecklistItem, file_format: int) -> dict[str, Any]:
    data: dict[str, Any] = {"id": item.id, "text": item.text.as_dict(), "answer": item.answer}
    optional: dict[str, Any] = {"unit": item.unit, "min": item.min, "max": item.max}
    data.update((k, v) for k, v in optional.items() if v is not None)
    if item.options:
        data["options"] = [{"value": o.value, "label": o.label.as_dict()} for o in item.options]
    data["required"] = item.required
    if item.weight is not None:
        data["weight"] = item.weight
    if item.nc_class is not None:
        data["class"] = item.nc_class
    if item.help is not None:
        data["help"] = item.help.as_dict()
    if file_format >= 2:
        if item.critical:
            data["critical"] = True
        if item.na_allowed:
            data["na_allowed"] = True
        if item.source is not None:
            data["source"] = {
                "reference": item.source.reference,
                "confidence": item.source.confidence,
            }
    return data


def _action_dict(action: Action) -> dict[str, Any]:
    return {"text": action.text.as_dict(), "verified": action.verified}


def _with_optional(data: dict[str, Any], **optional: Any) -> dict[str, Any]:
    """Add the optional keys that are set, so canonical dicts leave empty ones out."""
    data.update((k, v) for k, v in optional.items() if v not in (None, [], ()))
    return data


def _limit_dict(limit: Limit) -> dict[str, Any]:
    if limit.accept:
        return {"item": limit.item, "accept": list(limit.accept), "verified": limit.verified}
    return {"item": limit.item, "min": limit.min, "max": limit.max, "verified": limit.verified}


def _level_dict(level: Level, file_format: int) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": level.code,
        "label": level.label.as_dict(),
        "when_any": {r.nc_class: {"min": r.min, "max": r.max} for r in level.when_any},
        "audit_frequency": _action_dict(level.audit_frequency),
    }
    if file_format >= 2:
        data["outcome"] = level.outcome
    return _with_optional(data, actions=[_action_dict(a) for a in level.actions])


def _band_dict(band: SizeBand) -> dict[str, Any]:
    data = {"code": band.code, "max": band.max, "label": band.label.as_dict()}
    return _with_optional(data, actions=[_action_dict(a) for a in band.actions])


def _grade_dict(grade: Grade) -> dict[str, Any]:
    return {
        "code": grade.code,
        "label": grade.label.as_dict(),
        "limits": {t.type_code: [_limit_dict(lim) for lim in t.limits] for t in grade.limits},
    }


def _rule_dict(rule: Rule, file_format: int) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": rule.KIND, "verified": rule.verified}
    if rule.note is not None:
        data["note"] = rule.note.as_dict()
    if rule.na_limit_percent is not None:
        data["na_limit_percent"] = rule.na_limit_percent
    if isinstance(rule, NonconformityLevelRule):
        data["levels"] = [_level_dict(level, file_format) for level in rule.levels]
    elif isinstance(rule, MeasurementGradeRule):
        data["type_item"] = rule.type_item
        data["size"] = {
            "item": rule.size.item,
            "verified": rule.size.verified,
            "bands": [_band_dict(b) for b in rule.size.bands],
        }
        data["general"] = [_limit_dict(lim) for lim in rule.general]
        data["grades"] = [_grade_dict(g) for g in rule.grades]
        data["result_label"] = rule.result_label.as_dict()
        data["substandard_label"] = rule.substandard_label.as_dict()
    else:
        data["pass_percent"] = rule.pass_percent
        data["limits"] = [_limit_dict(lim) for lim in rule.limits]
        _with_optional(
            data,
            must_pass=list(rule.must_pass),
            pirt_item=rule.pirt_item,
            fail_actions=[_action_dict(a) for a in rule.fail_actions],
        )
        data["pass_label"] = rule.pass_label.as_dict()
        data["fail_label"] = rule.fail_label.as_dict()
    return data
