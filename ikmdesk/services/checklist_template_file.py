"""The JSON form of a checklist template file, declared as pydantic models (formats 1 and 2).

``validate_file(data)`` checks a decoded JSON document against the model of its ``format`` and
returns the validated model; ``services.checklist_template`` turns that into its frozen plain
data and then checks what needs the whole template (ids unique across sections, the rule's fit
with the items). The shipped JSON Schemas are generated from these models
(``scripts/generate_checklist_schema.py``; a test keeps the committed files equal to it).

Every refusal is a ``TemplateError`` naming the place (``sections[2].items[1].answer``) with
the same translatable message the app has always shown: the field types below raise our own
message ids, and ``_template_error`` maps pydantic's built-in ones (missing key, unknown key,
not a list, not an object, empty list) to theirs.
"""

from __future__ import annotations

import json
import math
import re
import string
from collections.abc import Callable, Sequence
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    Tag,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic import ValidationError as PydanticValidationError
from pydantic_core import PydanticCustomError

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP

MSG_NOT_OBJECT = QT_TRANSLATE_NOOP(CONTEXT, "{path}: harus berupa objek JSON {{...}}")
MSG_NOT_LIST = QT_TRANSLATE_NOOP(CONTEXT, "{path}: harus berupa daftar [...]")
MSG_EMPTY_LIST = QT_TRANSLATE_NOOP(CONTEXT, "{path}: daftar tidak boleh kosong")
MSG_MISSING_KEY = QT_TRANSLATE_NOOP(CONTEXT, "{path}: wajib ada tetapi tidak ditemukan")
MSG_UNKNOWN_KEY = QT_TRANSLATE_NOOP(CONTEXT, "{path}: kunci tidak dikenal")
MSG_NOT_TEXT = QT_TRANSLATE_NOOP(CONTEXT, "{path}: harus berupa teks yang tidak kosong")
MSG_BAD_ID = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: kode '{value}' tidak sah (pakai huruf, angka, '-', '_' atau '.')"
)
MSG_NOT_INT = QT_TRANSLATE_NOOP(CONTEXT, "{path}: harus berupa bilangan bulat, bukan {value}")
MSG_NOT_NUMBER = QT_TRANSLATE_NOOP(CONTEXT, "{path}: harus berupa angka, bukan {value}")
MSG_NOT_BOOL = QT_TRANSLATE_NOOP(CONTEXT, "{path}: harus true atau false, bukan {value}")
MSG_BAD_FORMAT = QT_TRANSLATE_NOOP(
    CONTEXT,
    "{path}: format templat {value} tidak didukung; versi aplikasi ini membaca format {known}",
)
MSG_BAD_VERSION = QT_TRANSLATE_NOOP(CONTEXT, "{path}: versi harus 1 atau lebih, bukan {value}")
MSG_BAD_CONFIDENCE = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: tingkat keyakinan '{value}' tidak dikenal (verified, secondary, unverified)"
)
MSG_UNKNOWN_ANSWER = QT_TRANSLATE_NOOP(CONTEXT, "{path}: jenis jawaban tidak dikenal '{value}'")
MSG_BAD_FINDING_TYPE = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: jenis isian temuan tidak dikenal '{value}' (text atau date)"
)
MSG_UNKNOWN_RULE = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: jenis aturan penilaian tidak dikenal '{value}'"
)
MSG_BAD_CLASS = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: kelas ketidaksesuaian tidak dikenal '{value}' (MI, MA, SE atau KR)"
)
MSG_ONLY_FOR = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: hanya dipakai butir berjenis {expected}, bukan {answer}"
)
MSG_WEIGHT_AND_CLASS = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: satu butir memakai 'weight' atau 'class', tidak keduanya"
)
MSG_NOT_POSITIVE = QT_TRANSLATE_NOOP(CONTEXT, "{path}: harus lebih besar dari 0, bukan {value}")
MSG_NEGATIVE = QT_TRANSLATE_NOOP(CONTEXT, "{path}: tidak boleh negatif, bukan {value}")
MSG_MIN_ABOVE_MAX = QT_TRANSLATE_NOOP(CONTEXT, "{path}: min {min} lebih besar dari max {max}")
MSG_DUPLICATE_ID = QT_TRANSLATE_NOOP(CONTEXT, "{path}: '{value}' sudah dipakai di {other}")
MSG_NOTE_NEEDED = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: aturan yang belum terverifikasi (verified: false) wajib diberi catatan"
)
MSG_PERCENT_RANGE = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: persentase harus antara 0 dan 100, bukan {value}"
)
MSG_LEVEL_EMPTY = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: level tanpa rentang jumlah tidak akan pernah terpilih"
)
MSG_BAND_ORDER = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: batas atas harus naik; {value} tidak lebih besar dari {previous}"
)
MSG_BAND_OPEN_END = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: hanya golongan terakhir yang tanpa batas atas (max: null), dan harus begitu"
)
MSG_BAD_PLACEHOLDER = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: penanda '{value}' tidak dikenal; yang boleh: {allowed}"
)
MSG_BAD_OUTCOME = QT_TRANSLATE_NOOP(
    CONTEXT, "{path}: hasil '{value}' tidak dikenal (pass, needs_improvement atau fail)"
)

FORMATS: tuple[int, ...] = (1, 2)
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
_ID = re.compile(ID_PATTERN)
ANSWER_TYPES = ("yes_no_na", "number", "choice", "text", "photo")
NC_CLASSES = ("MI", "MA", "SE", "KR")
CONFIDENCES = ("verified", "secondary", "unverified")
FINDING_FIELD_TYPES = ("text", "date")
LEVEL_OUTCOMES = ("pass", "needs_improvement", "fail")


class Refusal(Exception):
    """A template refused at ``path`` with ``message_id`` and its format ``args``."""

    def __init__(self, path: str, message_id: str, args: dict[str, Any]) -> None:
        super().__init__(path, message_id)
        self.path = path
        self.message_id = message_id
        self.args_map = args


def refuse(message_id: str, /, *, at: Sequence[str | int] = (), **args: Any) -> PydanticCustomError:
    """Return the error a validator raises: ``at`` is the place below the one validated."""
    context = {"message_id": message_id, "at": tuple(at), "args": args}
    return PydanticCustomError("ikmdesk_template", message_id, context)


# Field types: each checks one JSON value and refuses it with the app's own message.


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise refuse(MSG_NOT_TEXT)
    return value


def _code(value: Any) -> str:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise refuse(MSG_BAD_ID, value=value)
    return value


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise refuse(MSG_NOT_INT, value=json.dumps(value))
    return value


def _number(value: Any) -> float:
    # An int stays an int, so a file read and written again is the same text.
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise refuse(MSG_NOT_NUMBER, value=json.dumps(value))
    return value


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise refuse(MSG_NOT_BOOL, value=json.dumps(value))
    return value


def _one_of(values: tuple[str, ...], message_id: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str) or value not in values:
            raise refuse(message_id, value=value)
        return value

    return check


Text = Annotated[str, PlainValidator(_text), WithJsonSchema({"type": "string", "pattern": "\\S"})]
Code = Annotated[
    str, PlainValidator(_code), WithJsonSchema({"type": "string", "pattern": ID_PATTERN})
]
Int = Annotated[int, PlainValidator(_int), WithJsonSchema({"type": "integer"})]
Number = Annotated[float, PlainValidator(_number), WithJsonSchema({"type": "number"})]
Bool = Annotated[bool, PlainValidator(_bool), WithJsonSchema({"type": "boolean"})]
AnswerType = Annotated[
    str,
    PlainValidator(_one_of(ANSWER_TYPES, MSG_UNKNOWN_ANSWER)),
    WithJsonSchema({"enum": list(ANSWER_TYPES)}),
]
NcClass = Annotated[
    str,
    PlainValidator(_one_of(NC_CLASSES, MSG_BAD_CLASS)),
    WithJsonSchema({"enum": list(NC_CLASSES)}),
]
Confidence = Annotated[
    str,
    PlainValidator(_one_of(CONFIDENCES, MSG_BAD_CONFIDENCE)),
    WithJsonSchema({"enum": list(CONFIDENCES)}),
]
FindingFieldType = Annotated[
    str,
    PlainValidator(_one_of(FINDING_FIELD_TYPES, MSG_BAD_FINDING_TYPE)),
    WithJsonSchema({"enum": list(FINDING_FIELD_TYPES)}),
]
Outcome = Annotated[
    str,
    PlainValidator(_one_of(LEVEL_OUTCOMES, MSG_BAD_OUTCOME)),
    WithJsonSchema({"enum": list(LEVEL_OUTCOMES)}),
]


def _unique(codes: Sequence[str], where: Callable[[int], tuple[str | int, ...]], key: str) -> None:
    """Refuse a code used twice; the error names the second place and the first."""
    seen: dict[str, int] = {}
    for i, code in enumerate(codes):
        if code in seen:
            raise refuse(
                MSG_DUPLICATE_ID, at=(*where(i), key), value=code, other_at=where(seen[code])
            )
        seen[code] = i


def _check_placeholders(text: BilingualText, key: str, allowed: tuple[str, ...]) -> None:
    """Refuse a label whose ``{placeholders}`` the engine cannot fill."""
    for lang in ("id", "en"):
        where = (key, lang)
        try:
            parts = string.Formatter().parse(getattr(text, lang))
            names = [name for _, name, _, _ in parts if name]
        except ValueError:
            raise refuse(MSG_BAD_PLACEHOLDER, at=where, value="{", allowed=allowed) from None
        for name in names:
            if name not in allowed:
                raise refuse(MSG_BAD_PLACEHOLDER, at=where, value=name, allowed=allowed)


class FileModel(BaseModel):
    """A JSON object of the file: every key known, none written twice (see the JSON reader)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class BilingualText(FileModel):
    """User-facing text in Indonesian (``id``) and English (``en``)."""

    id: Text
    en: Text


class SourceModel(FileModel):
    """Where a template's items and numbers come from, and how sure we are of them."""

    regulation: Text
    confidence: Confidence
    urls: list[Text]
    notes: BilingualText


class ItemSourceModel(FileModel):
    """Where one item's requirement comes from (format 2)."""

    reference: Text
    confidence: Confidence


class OptionModel(FileModel):
    """One possible answer of a ``choice`` item."""

    value: Code
    label: BilingualText


class FindingFieldModel(FileModel):
    """Asked by the UI for every failed item (for CPPB-IRT: every item answered yes)."""

    id: Code
    label: BilingualText
    answer: FindingFieldType
    required: Bool


class ActionModel(FileModel):
    """A follow-up a result implies; ``verified`` is false when the reference is unsure."""

    text: BilingualText
    verified: Bool


_NUMBER_KEYS = ("unit", "min", "max")


class ItemModel1(FileModel):
    """One question (format 1): every yes/no item may be answered "not applicable"."""

    id: Code = Field(description="Unique in the template; answers are keyed by it.")
    text: BilingualText
    answer: AnswerType
    unit: Text | None = None
    min: Number | None = Field(None, description="Lowest value the officer may enter.")
    max: Number | None = Field(None, description="Highest value the officer may enter.")
    options: Annotated[list[OptionModel], Field(min_length=1)] | None = None
    required: Bool
    weight: Number | None = Field(None, description="Weight in a weighted_percentage rule.")
    nc_class: NcClass | None = Field(
        None, alias="class", description="Non-conformity class in a nonconformity_level rule."
    )
    help: BilingualText | None = None

    @field_validator("weight")
    @classmethod
    def _weight_positive(cls, weight: float | None) -> float | None:
        if weight is not None and weight <= 0:
            raise refuse(MSG_NOT_POSITIVE, value=weight)
        return weight

    @model_validator(mode="after")
    def _fits_answer(self) -> ItemModel1:
        answer = self.answer
        for key in _NUMBER_KEYS:
            if getattr(self, key) is not None and answer != "number":
                raise refuse(MSG_ONLY_FOR, at=(key,), expected="number", answer=answer)
        if self.min is not None and self.max is not None and self.min > self.max:
            raise refuse(MSG_MIN_ABOVE_MAX, min=self.min, max=self.max)
        self._check_na_allowed()
        if self.weight is not None and self.nc_class is not None:
            raise refuse(MSG_WEIGHT_AND_CLASS, at=("weight",))
        if answer != "choice" and self.options is not None:
            raise refuse(MSG_ONLY_FOR, at=("options",), expected="choice", answer=answer)
        if answer == "choice":
            if self.options is None:
                raise refuse(MSG_MISSING_KEY, at=("options",))
            _unique([o.value for o in self.options], lambda i: ("options", i), "value")
        return self

    def _check_na_allowed(self) -> None:
        """Format 1 has no ``na_allowed``."""

    def allows_na(self) -> bool:
        """Tell whether "na" may be answered (format 1: every yes/no item)."""
        return self.answer == "yes_no_na"


class ItemModel2(ItemModel1):
    """One question (format 2): critical items, where N/A is allowed, the item's own source."""

    critical: Bool = Field(False, description="A failure fails the whole check.")
    na_allowed: Bool | None = Field(None, description="Only on yes_no_na items; default false.")
    source: ItemSourceModel | None = None

    def _check_na_allowed(self) -> None:
        if self.na_allowed and self.answer != "yes_no_na":
            raise refuse(MSG_ONLY_FOR, at=("na_allowed",), expected="yes_no_na", answer=self.answer)

    def allows_na(self) -> bool:
        return bool(self.na_allowed) and self.answer == "yes_no_na"


class SectionModel1(FileModel):
    """A titled group of items (for CPPB-IRT: one of the elements A–N)."""

    id: Code
    title: BilingualText
    items: Annotated[list[ItemModel1], Field(min_length=1)]


class SectionModel2(SectionModel1):
    items: Annotated[list[ItemModel2], Field(min_length=1)]  # type: ignore[assignment]


class CountRangeModel(FileModel):
    """Counts ``min``..``max`` (null: no upper end) of one non-conformity class."""

    min: Int
    max: Int | None

    @model_validator(mode="after")
    def _ordered(self) -> CountRangeModel:
        if self.min < 0:
            raise refuse(MSG_NEGATIVE, at=("min",), value=self.min)
        if self.max is not None and self.min > self.max:
            raise refuse(MSG_MIN_ABOVE_MAX, min=self.min, max=self.max)
        return self


ClassKey = Annotated[str, PlainValidator(_one_of(NC_CLASSES, MSG_BAD_CLASS))]


WhenAny = Annotated[
    dict[ClassKey, CountRangeModel],
    Field(json_schema_extra={"minProperties": 1, "propertyNames": {"enum": list(NC_CLASSES)}}),
]


class LevelModel1(FileModel):
    """A level reached when any class count falls in one of its ``when_any`` ranges."""

    code: Code
    label: BilingualText
    when_any: WhenAny
    audit_frequency: ActionModel
    actions: list[ActionModel] = []

    @field_validator("when_any")
    @classmethod
    def _when_any_not_empty(cls, value: dict[str, CountRangeModel]) -> dict[str, CountRangeModel]:
        if not value:
            raise refuse(MSG_LEVEL_EMPTY)
        return value

    def level_outcome(self) -> str:
        """Return what the level means (format 1 declares none: known CPPB-IRT levels)."""
        return _FORMAT_1_LEVEL_OUTCOMES.get(self.code, "needs_improvement")


_FORMAT_1_LEVEL_OUTCOMES: dict[str, str] = {
    "LEVEL_I": "pass",
    "LEVEL_II": "pass",
    "LEVEL_III": "needs_improvement",
    "LEVEL_IV": "fail",
}
"""What the CPPB-IRT levels of a format 1 file (which declares no outcomes) mean."""


class LevelModel2(LevelModel1):
    outcome: Outcome

    def level_outcome(self) -> str:
        return self.outcome


class RangeLimitModel(FileModel):
    """A threshold on a number item; both ends null: not set yet (recorded, not judged)."""

    item: Code
    min: Number | None
    max: Number | None
    verified: Bool

    @model_validator(mode="after")
    def _ordered(self) -> RangeLimitModel:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise refuse(MSG_MIN_ABOVE_MAX, min=self.min, max=self.max)
        return self


class AcceptLimitModel(FileModel):
    """The answers of a yes/no or choice item that conform."""

    item: Code
    accept: Annotated[list[Text], Field(min_length=1)]
    verified: Bool


def _limit_kind(value: Any) -> str:
    return "~accept" if isinstance(value, dict) and "accept" in value else "~range"


LimitModel = Annotated[
    Annotated[AcceptLimitModel, Tag("~accept")] | Annotated[RangeLimitModel, Tag("~range")],
    Discriminator(_limit_kind),
]


class SizeBandModel(FileModel):
    """A size class holding values up to ``max`` inclusive (null: everything above)."""

    code: Code
    max: Number | None
    label: BilingualText
    actions: list[ActionModel] = []


class SizeScaleModel(FileModel):
    """Size classes read from one number item, bands in ascending order."""

    item: Code
    bands: Annotated[list[SizeBandModel], Field(min_length=1)]
    verified: Bool

    @model_validator(mode="after")
    def _bands_cover_every_value(self) -> SizeScaleModel:
        bands = self.bands
        _unique([b.code for b in bands], lambda i: ("bands", i), "code")
        for i, band in enumerate(bands):
            at = ("bands", i, "max")
            if (band.max is None) != (i == len(bands) - 1):
                raise refuse(MSG_BAND_OPEN_END, at=at)
            previous = bands[i - 1].max if i else None
            if band.max is not None and previous is not None and band.max <= previous:
                raise refuse(MSG_BAND_ORDER, at=at, value=band.max, previous=previous)
        return self


class GradeModel(FileModel):
    """A quality grade and its limits per plant type; grades are listed best first."""

    code: Code
    label: BilingualText
    limits: dict[Code, list[LimitModel]]


class RuleModel(FileModel):
    """What every rule has: whether its numbers are verified, and a note when they are not."""

    KIND: ClassVar[str]
    verified: Bool
    note: BilingualText | None = None

    @model_validator(mode="after")
    def _consistent(self) -> RuleModel:
        if not self.verified and self.note is None:
            raise refuse(MSG_NOTE_NEEDED, at=("note",))
        limit = self.na_limit()
        if limit is not None and not 0 <= limit <= 100:
            raise refuse(MSG_PERCENT_RANGE, at=("na_limit_percent",), value=limit)
        self._check()
        return self

    def _check(self) -> None:
        """Checks of one kind of rule."""

    def na_limit(self) -> float | None:
        """Return the N/A share (percent) above which a run cannot be assessed (format 2)."""
        return getattr(self, "na_limit_percent", None)


_NA_LIMIT = Field(description="Share of N/A answers (percent) above which no verdict is given.")


class NonconformityRule1(RuleModel):
    """Count findings per class; the first level (most severe first) any count reaches wins."""

    KIND: ClassVar[str] = "nonconformity_level"
    kind: Literal["nonconformity_level"]
    levels: Annotated[list[LevelModel1], Field(min_length=1)]

    def _check(self) -> None:
        _unique([lv.code for lv in self.levels], lambda i: ("levels", i), "code")


class NonconformityRule2(NonconformityRule1):
    levels: Annotated[list[LevelModel2], Field(min_length=1)]  # type: ignore[assignment]
    na_limit_percent: Number = _NA_LIMIT


class MeasurementRule1(RuleModel):
    """General requirements pass/fail, then the best grade whose limits all hold, plus size."""

    KIND: ClassVar[str] = "measurement_grade"
    kind: Literal["measurement_grade"]
    type_item: Code
    size: SizeScaleModel
    general: list[LimitModel]
    grades: Annotated[list[GradeModel], Field(min_length=1)]
    result_label: BilingualText
    substandard_label: BilingualText

    def _check(self) -> None:
        _unique([g.code for g in self.grades], lambda i: ("grades", i), "code")
        _check_placeholders(self.result_label, "result_label", ("grade", "type", "size"))
        _check_placeholders(self.substandard_label, "substandard_label", ("failed", "size"))


class MeasurementRule2(MeasurementRule1):
    na_limit_percent: Number = _NA_LIMIT


class WeightedRule(RuleModel):
    """Weighted share of conforming answers against ``pass_percent``; critical items veto."""

    KIND: ClassVar[str] = "weighted_percentage"
    kind: Literal["weighted_percentage"]
    pass_percent: Number
    limits: list[LimitModel]
    fail_actions: list[ActionModel] = []
    pirt_item: Code | None = None
    pass_label: BilingualText
    fail_label: BilingualText

    def _check(self) -> None:
        if not 0 <= self.pass_percent <= 100:
            raise refuse(MSG_PERCENT_RANGE, at=("pass_percent",), value=self.pass_percent)
        _check_placeholders(self.pass_label, "pass_label", ("score",))
        _check_placeholders(self.fail_label, "fail_label", ("score",))

    def must_pass_items(self) -> tuple[str, ...]:
        """Return the format 1 must-pass list (format 2 marks critical items instead)."""
        return tuple(getattr(self, "must_pass", ()))


class WeightedRule1(WeightedRule):
    must_pass: list[Code] = Field([], description="Format 1: items that must conform.")


class WeightedRule2(WeightedRule):
    na_limit_percent: Number = _NA_LIMIT


_RULE_KINDS = ("nonconformity_level", "measurement_grade", "weighted_percentage")


def _rule_shape(value: Any) -> Any:
    """Refuse a rule that is no object or names no known kind, before the kind picks a model."""
    if not isinstance(value, dict):
        raise refuse(MSG_NOT_OBJECT)
    if "kind" not in value:
        raise refuse(MSG_MISSING_KEY, at=("kind",))
    if value["kind"] not in _RULE_KINDS:
        raise refuse(MSG_UNKNOWN_RULE, at=("kind",), value=value["kind"])
    return value


def _rule_kind(value: Any) -> str:
    return f"~{value['kind']}" if isinstance(value, dict) else "~"


Rule1 = Annotated[
    Annotated[NonconformityRule1, Tag("~nonconformity_level")]
    | Annotated[MeasurementRule1, Tag("~measurement_grade")]
    | Annotated[WeightedRule1, Tag("~weighted_percentage")],
    Discriminator(_rule_kind),
    BeforeValidator(_rule_shape),
]
Rule2 = Annotated[
    Annotated[NonconformityRule2, Tag("~nonconformity_level")]
    | Annotated[MeasurementRule2, Tag("~measurement_grade")]
    | Annotated[WeightedRule2, Tag("~weighted_percentage")],
    Discriminator(_rule_kind),
    BeforeValidator(_rule_shape),
]


class TemplateModel1(FileModel):
    """One version of a checklist template, format 1 (earlier versions stored checks use)."""

    format: Literal[1] = Field(description="File format version; not the template version.")
    id: Code = Field(description="Stable template code, e.g. cppb-irt.")
    version: Int = Field(
        description="Template version; (id, version) identifies a template.",
        json_schema_extra={"minimum": 1},
    )
    title: BilingualText
    source: SourceModel
    finding_fields: list[FindingFieldModel] = []
    sections: Annotated[list[SectionModel1], Field(min_length=1)]
    rule: Rule1

    @field_validator("version")
    @classmethod
    def _version_positive(cls, version: int) -> int:
        if version < 1:
            raise refuse(MSG_BAD_VERSION, value=version)
        return version


class TemplateModel2(TemplateModel1):
    """One version of a checklist template, format 2: critical items, N/A where allowed."""

    format: Literal[2] = Field(description="File format version; not the template version.")  # type: ignore[assignment]
    sections: Annotated[list[SectionModel2], Field(min_length=1)]  # type: ignore[assignment]
    rule: Rule2  # type: ignore[assignment]


TemplateFile = TemplateModel1 | TemplateModel2
MODELS: dict[int, type[TemplateModel1]] = {1: TemplateModel1, 2: TemplateModel2}


def validate_file(data: Any) -> TemplateFile:
    """Return the validated model of a decoded template file; raise Refusal naming the place."""
    if not isinstance(data, dict):
        raise Refusal("", MSG_NOT_OBJECT, {})
    if "format" not in data:
        raise Refusal("format", MSG_MISSING_KEY, {})
    file_format = data["format"]
    if isinstance(file_format, bool) or not isinstance(file_format, int):
        raise Refusal("format", MSG_NOT_INT, {"value": json.dumps(file_format)})
    if file_format not in MODELS:
        known = ", ".join(str(f) for f in FORMATS)
        raise Refusal("format", MSG_BAD_FORMAT, {"value": file_format, "known": known})
    try:
        return MODELS[file_format].model_validate(data)
    except PydanticValidationError as exc:
        raise _refusal(exc.errors()[0]) from None


_BUILT_IN: dict[str, str] = {
    "missing": MSG_MISSING_KEY,
    "extra_forbidden": MSG_UNKNOWN_KEY,
    "list_type": MSG_NOT_LIST,
    "too_short": MSG_EMPTY_LIST,
    "model_type": MSG_NOT_OBJECT,
    "model_attributes_type": MSG_NOT_OBJECT,
    "dict_type": MSG_NOT_OBJECT,
}


def place(loc: Sequence[str | int]) -> str:
    """Return the place a pydantic location names, as the app writes it: ``rule.limits[0]``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part == "[key]" or part.startswith("~"):
            continue  # a dict key's own check, or the tag that picked a model
        else:
            path = f"{path}.{part}" if path else part
    return path


def _refusal(error: Any) -> Refusal:
    loc = tuple(error["loc"])
    if error["type"] == "ikmdesk_template":
        context = error["ctx"]
        args = dict(context["args"])
        if "other_at" in args:
            args["other"] = place((*loc, *args.pop("other_at")))
        return Refusal(place((*loc, *context["at"])), context["message_id"], args)
    return Refusal(place(loc), _BUILT_IN.get(error["type"], MSG_NOT_OBJECT), {})


def json_schema(file_format: int) -> dict[str, Any]:
    """Return the JSON Schema of template files of ``file_format``, generated from the models."""
    model = MODELS[file_format]
    schema = model.model_json_schema(by_alias=True, ref_template="#/$defs/{model}")
    defs = schema.pop("$defs", {})
    other = 1 if file_format == 2 else 2
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:ikmdesk:checklist-template:format-{file_format}",
        "title": f"IKMDesk checklist template, format {file_format}",
        "description": (
            f"One version of a checklist template (format {file_format}; format {other} files "
            "are described beside this one). Generated from the pydantic models in "
            "ikmdesk/services/checklist_template_file.py by scripts/generate_checklist_schema.py"
            "; do not edit by hand. The app also checks what needs the whole template: ids "
            "unique across sections, the rule's items existing with the right answer type, "
            "level ranges neither overlapping nor leaving gaps. See docs/checklists.md."
        ),
        **schema,
        "$defs": dict(sorted(defs.items())),
    }
