"""Score a checklist run: a pure function of (template, answers, today) giving a QualityResult.

Nothing here reads a clock, a file or the database, so a stored check keeps the result it was
given; re-scoring is a deliberate act with the template version the check was made with.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, ValidationError
from ikmdesk.services.checklist_template import (
    NC_CLASSES,
    YES_NO_NA,
    Action,
    BilingualText,
    ChecklistItem,
    ChecklistTemplate,
    Grade,
    Level,
    Limit,
    MeasurementGradeRule,
    NcClass,
    NonconformityLevelRule,
    WeightedPercentageRule,
    judged_item_ids,
)
from ikmdesk.services.pirt import parse_pirt, pirt_problem_texts

AnswerValue = str | float | int | None
"""yes_no_na: "yes" | "no" | "na"; number: int or float; choice: an option value;
text: the text; photo: an attachment id. ``None`` (or a blank string) means unanswered."""

Status = Literal["complete", "incomplete"]
Outcome = Literal["pass", "needs_improvement", "fail", "not_assessed"]
OUTCOMES: tuple[Outcome, ...] = ("pass", "needs_improvement", "fail", "not_assessed")

CODE_INCOMPLETE = "INCOMPLETE"
CODE_PASS = "PASS"
CODE_FAIL = "FAIL"
CODE_NOT_ASSESSED = "NOT_ASSESSED"
CODE_SUBSTANDARD = "SUBSTANDARD"

MSG_ANSWER_UNKNOWN_ITEM = QT_TRANSLATE_NOOP(
    CONTEXT, "Butir '{item}' tidak ada di templat {template} versi {version}"
)
MSG_ANSWER_INVALID = QT_TRANSLATE_NOOP(
    CONTEXT, "Jawaban butir '{item}' tidak sah untuk jenis {answer}: {value}"
)
MSG_ANSWER_OUT_OF_RANGE = QT_TRANSLATE_NOOP(
    CONTEXT, "Jawaban butir '{item}' = {value} di luar rentang {min} sampai {max}"
)
MSG_ANSWER_NA_REFUSED = QT_TRANSLATE_NOOP(
    CONTEXT, "Butir '{item}' selalu berlaku: jawaban \"tidak berlaku\" tidak diterima"
)

_FOUND = BilingualText("ketidaksesuaian ditemukan", "non-conformity found")
_GENERAL = BilingualText("syarat umum", "general requirement")
_MUST_PASS = BilingualText("butir wajib lulus", "must-pass item")
_NOT_ASSESSED = BilingualText(
    "Belum dapat dinilai — tidak ada butir berbobot yang dijawab",
    "Not assessed — no weighted item was answered",
)
_TOO_MANY_NA = BilingualText(
    'Tidak dapat dinilai — {na} dari {judged} butir dijawab "tidak berlaku" (batas {limit} %)',
    'Not assessed — {na} of {judged} items answered "not applicable" (limit {limit} %)',
)
_CRITICAL = BilingualText("butir kritis", "critical item")
_YES_NO_NA_TEXT = {
    "yes": BilingualText("ya", "yes"),
    "no": BilingualText("tidak", "no"),
    "na": BilingualText("tidak berlaku", "not applicable"),
}
_PIRT_EXPIRED = BilingualText(
    "SPP-IRT sudah berakhir (tahun {year})", "The SPP-IRT expired (year {year})"
)
_PIRT_RENEW = Action(
    BilingualText(
        "Perpanjang SPP-IRT; produk tidak boleh diedarkan setelah SPP-IRT berakhir",
        "Renew the SPP-IRT; products must not be distributed after it has expired",
    ),
    verified=False,
)
_PIRT_ENDS_THIS_YEAR = BilingualText(
    "SPP-IRT berakhir tahun ini ({year}); siapkan perpanjangan",
    "The SPP-IRT expires this year ({year}); prepare the renewal",
)
_PIRT_FIX_WRITING = Action(
    BilingualText(
        "Periksa dan perbaiki penulisan nomor P-IRT pada label",
        "Check and correct how the P-IRT number is written on the label",
    ),
    verified=True,
)


class AnswerError(ValidationError):
    """An answer that cannot belong to the template (unknown item, wrong type, out of range)."""


@dataclass(frozen=True, slots=True)
class FailedItem:
    """An item that did not conform; ``nc_class`` is set for non-conformity items."""

    item_id: str
    nc_class: NcClass | None
    text: BilingualText
    reason: BilingualText


@dataclass(frozen=True, slots=True)
class PirtCheck:
    """What the label's P-IRT number says; ``expired`` is ``None`` when no ``today`` was given."""

    item_id: str
    text: str
    valid: bool
    expiry_year: int | None
    expired: bool | None
    problems: tuple[BilingualText, ...]


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a check decides, in the words every report and export uses.

    ``outcome``: ``pass``, ``needs_improvement``, ``fail`` (a critical item failed, or the
    rule's most severe outcome) or ``not_assessed`` (incomplete, too many N/A, nothing
    judged). ``level`` (CPPB-IRT level code) and ``grade`` (cocoa ``<mutu>-<type>``) are
    ``None`` where the template has none or nothing could be judged; ``percentage`` is the
    weighted score, ``None`` for other rules. ``failed_critical``: ids of the critical
    items that failed, in template order.
    """

    outcome: Outcome
    level: str | None = None
    grade: str | None = None
    percentage: float | None = None
    failed_critical: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON form (``failed_critical`` as a list)."""
        return {
            "outcome": self.outcome,
            "level": self.level,
            "grade": self.grade,
            "percentage": self.percentage,
            "failed_critical": list(self.failed_critical),
        }


_UNJUDGED = Verdict("not_assessed")


@dataclass(frozen=True, slots=True)
class QualityResult:
    """The outcome of one checklist run, plain and JSON-storable (``result_to_dict``).

    ``score``: the weighted percentage (weighted_percentage), the number of non-conformities
    found (nonconformity_level), ``None`` for measurement_grade and for incomplete runs.
    ``counts``: non-conformities per class (MI, MA, SE, KR) for nonconformity_level, else empty;
    treat it as read-only. ``unverified``: the rule or a threshold that decided the outcome is
    flagged unverified, so the result must be shown as "perlu dikonfirmasi".
    """

    status: Status
    code: str
    label: BilingualText
    score: float | None
    counts: dict[str, int]
    failed_items: tuple[FailedItem, ...]
    actions: tuple[Action, ...]
    unverified: bool
    missing_required: tuple[str, ...]
    pirt: PirtCheck | None = None
    verdict: Verdict = _UNJUDGED


def score(
    template: ChecklistTemplate,
    answers: Mapping[str, AnswerValue],
    *,
    today: date | None = None,
) -> QualityResult:
    """Return the result of ``answers`` under ``template``; raise ``AnswerError`` on a bad answer.

    An unanswered required item makes the result incomplete (code ``INCOMPLETE``), never a
    pass; counts and failed items then describe what was answered so far. A critical item
    that failed makes the outcome ``fail`` whatever else holds. More N/A answers than the
    rule's ``na_limit_percent`` make the run not assessed (code ``NOT_ASSESSED``): no level,
    grade or percentage. ``today`` is only used to tell whether a P-IRT number has expired.
    """
    values = _answered(template, answers)
    rule = template.rule
    if isinstance(rule, NonconformityLevelRule):
        result = _score_levels(template, rule, values)
    elif isinstance(rule, MeasurementGradeRule):
        result = _score_grade(template, rule, values)
    else:
        result = _score_weighted(template, rule, values, today)
    failed_critical = result.verdict.failed_critical
    missing = tuple(i.id for i in template.items() if i.required and i.id not in values)
    if missing:
        return _incomplete(result, missing)
    if not failed_critical:
        return _too_many_na(template, values, result) or result
    return result


def result_to_dict(result: QualityResult) -> dict[str, Any]:
    """Return ``result`` as JSON-safe data; ``result_from_dict`` gives back an equal result."""
    return {
        "status": result.status,
        "code": result.code,
        "label": result.label.as_dict(),
        "score": result.score,
        "counts": dict(result.counts),
        "failed_items": [
            {
                "item_id": f.item_id,
                "class": f.nc_class,
                "text": f.text.as_dict(),
                "reason": f.reason.as_dict(),
            }
            for f in result.failed_items
        ],
        "actions": [{"text": a.text.as_dict(), "verified": a.verified} for a in result.actions],
        "unverified": result.unverified,
        "missing_required": list(result.missing_required),
        "pirt": None if result.pirt is None else _pirt_dict(result.pirt),
        "verdict": result.verdict.as_dict(),
    }


def result_from_dict(data: Mapping[str, Any]) -> QualityResult:
    """Return the result stored by ``result_to_dict``.

    Results stored before verdicts existed get the verdict their code meant (see
    ``legacy_verdict``); they are read, never re-scored.
    """
    pirt = data["pirt"]
    verdict = data.get("verdict")
    return QualityResult(
        status=data["status"],
        code=data["code"],
        label=_text(data["label"]),
        score=None if data["score"] is None else float(data["score"]),
        counts={str(k): int(v) for k, v in data["counts"].items()},
        failed_items=tuple(
            FailedItem(f["item_id"], f["class"], _text(f["text"]), _text(f["reason"]))
            for f in data["failed_items"]
        ),
        actions=tuple(Action(_text(a["text"]), bool(a["verified"])) for a in data["actions"]),
        unverified=bool(data["unverified"]),
        missing_required=tuple(data["missing_required"]),
        pirt=None if pirt is None else _pirt_from_dict(pirt),
        verdict=legacy_verdict(data) if verdict is None else _verdict_from_dict(verdict),
    )


def legacy_verdict(data: Mapping[str, Any]) -> Verdict:
    """Return the verdict of a result stored before verdicts existed, read off its code.

    Those results never named critical items; an old ``FAIL`` is read as ``fail`` because
    it may have been a must-pass veto, and nothing old reads as better than it was.
    """
    code, status = str(data.get("code")), data.get("status")
    score_value = data.get("score")
    if status != "complete" or code in (CODE_INCOMPLETE, CODE_NOT_ASSESSED):
        return _UNJUDGED
    if code == CODE_PASS:
        return Verdict("pass", percentage=score_value)
    if code == CODE_FAIL:
        return Verdict("fail", percentage=score_value)
    if code == CODE_SUBSTANDARD:
        return Verdict("fail")
    level_outcomes: dict[str, Outcome] = {
        "LEVEL_I": "pass",
        "LEVEL_II": "pass",
        "LEVEL_III": "needs_improvement",
        "LEVEL_IV": "fail",
    }
    if code in level_outcomes:
        return Verdict(level_outcomes[code], level=code)
    if "/" in code:  # a cocoa grade "<mutu>-<type>/<size>"
        return Verdict("pass", grade=code.split("/")[0])
    return _UNJUDGED


def _verdict_from_dict(data: Mapping[str, Any]) -> Verdict:
    percentage = data["percentage"]
    outcome = data["outcome"]
    return Verdict(
        outcome=outcome if outcome in OUTCOMES else "not_assessed",
        level=data["level"],
        grade=data["grade"],
        percentage=None if percentage is None else float(percentage),
        failed_critical=tuple(data["failed_critical"]),
    )


def _text(data: Mapping[str, str]) -> BilingualText:
    return BilingualText(data["id"], data["en"])


def _pirt_dict(pirt: PirtCheck) -> dict[str, Any]:
    return {
        "item_id": pirt.item_id,
        "text": pirt.text,
        "valid": pirt.valid,
        "expiry_year": pirt.expiry_year,
        "expired": pirt.expired,
        "problems": [p.as_dict() for p in pirt.problems],
    }


def _pirt_from_dict(data: Mapping[str, Any]) -> PirtCheck:
    return PirtCheck(
        item_id=data["item_id"],
        text=data["text"],
        valid=bool(data["valid"]),
        expiry_year=data["expiry_year"],
        expired=data["expired"],
        problems=tuple(_text(p) for p in data["problems"]),
    )


def _answered(
    template: ChecklistTemplate, answers: Mapping[str, AnswerValue]
) -> dict[str, str | float]:
    """Return the answered items' values, checked against their items."""
    items = {item.id: item for item in template.items()}
    values: dict[str, str | float] = {}
    for item_id, value in answers.items():
        item = items.get(item_id)
        if item is None:
            raise AnswerError(
                item_id,
                MSG_ANSWER_UNKNOWN_ITEM,
                item=item_id,
                template=template.id,
                version=template.version,
            )
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        values[item_id] = _checked_value(item, value)
        if values[item_id] == "na" and item.answer == "yes_no_na" and not item.na_allowed:
            raise AnswerError(item_id, MSG_ANSWER_NA_REFUSED, item=item_id)
    return values


def _checked_value(item: ChecklistItem, value: str | float) -> str | float:
    def invalid() -> AnswerError:
        return AnswerError(
            item.id, MSG_ANSWER_INVALID, item=item.id, answer=item.answer, value=repr(value)
        )

    if item.answer == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise invalid()
        if not math.isfinite(value):
            raise invalid()
        if (item.min is not None and value < item.min) or (
            item.max is not None and value > item.max
        ):
            raise AnswerError(
                item.id,
                MSG_ANSWER_OUT_OF_RANGE,
                item=item.id,
                value=value,
                min="-" if item.min is None else item.min,
                max="-" if item.max is None else item.max,
            )
        return value
    if not isinstance(value, str):
        raise invalid()
    if item.answer == "yes_no_na" and value not in YES_NO_NA:
        raise invalid()
    if item.answer == "choice" and value not in {o.value for o in item.options}:
        raise invalid()
    return value


def _incomplete(result: QualityResult, missing: tuple[str, ...]) -> QualityResult:
    """Turn ``result`` into an incomplete one: no code, score or actions can be trusted yet."""
    n = len(missing)
    label = BilingualText(
        f"Belum lengkap — {n} butir wajib belum dijawab",
        f"Incomplete — {n} required item{'' if n == 1 else 's'} not answered",
    )
    # A critical failure already found stays a failure; anything else waits for the answers.
    failed_critical = result.verdict.failed_critical
    verdict = Verdict("fail", failed_critical=failed_critical) if failed_critical else _UNJUDGED
    return replace(
        result,
        status="incomplete",
        code=CODE_INCOMPLETE,
        label=label,
        score=None,
        actions=(),
        missing_required=missing,
        verdict=verdict,
    )


def _too_many_na(
    template: ChecklistTemplate, values: Mapping[str, str | float], result: QualityResult
) -> QualityResult | None:
    """Return the run as not assessed when more judged answers are N/A than the rule allows."""
    limit = template.rule.na_limit_percent
    if limit is None:
        return None
    answered = [values[i] for i in judged_item_ids(template) if i in values]
    na = sum(1 for value in answered if value == "na")
    if not answered or 100.0 * na / len(answered) <= limit:
        return None
    label = _format(_TOO_MANY_NA, na=na, judged=len(answered), limit=f"{limit:g}")
    return replace(
        result,
        code=CODE_NOT_ASSESSED,
        label=label,
        score=None,
        actions=(),
        pirt=result.pirt,
        verdict=_UNJUDGED,
    )


def _critical_failures(
    template: ChecklistTemplate, failed: Iterable[FailedItem]
) -> tuple[str, ...]:
    """Return the ids of failed critical items (format 1 must-pass items count), in order."""
    rule = template.rule
    must_pass = rule.must_pass if isinstance(rule, WeightedPercentageRule) else ()
    failed_ids = {f.item_id for f in failed}
    return tuple(
        i.id for i in template.items() if i.id in failed_ids and (i.critical or i.id in must_pass)
    )


def _score_levels(
    template: ChecklistTemplate, rule: NonconformityLevelRule, values: Mapping[str, str | float]
) -> QualityResult:
    """Count the items answered "yes" (the problem was found) per class and find the level."""
    counts: dict[str, int] = dict.fromkeys(NC_CLASSES, 0)
    failed = []
    for item in template.items():
        if item.nc_class is not None and values.get(item.id) == "yes":
            counts[item.nc_class] += 1
            failed.append(FailedItem(item.id, item.nc_class, item.text, _FOUND))
    level = _level_for(rule, counts)
    failed_critical = _critical_failures(template, failed)
    outcome: Outcome = "fail" if failed_critical else level.outcome
    return QualityResult(
        status="complete",
        code=level.code,
        label=level.label,
        score=float(sum(counts.values())),
        counts=counts,
        failed_items=tuple(failed),
        actions=(level.audit_frequency, *level.actions),
        unverified=not rule.verified,
        missing_required=(),
        verdict=Verdict(outcome, level=level.code, failed_critical=failed_critical),
    )


def _level_for(rule: NonconformityLevelRule, counts: Mapping[str, int]) -> Level:
    """Return the first level (most severe first) that any class count reaches."""
    for level in rule.levels:
        if any(r.contains(counts[r.nc_class]) for r in level.when_any):
            return level
    # parse_template proves every count of every class reaches a level.
    raise ValueError(f"no level matches {dict(counts)}; was the template built by parse_template?")


def _score_grade(
    template: ChecklistTemplate, rule: MeasurementGradeRule, values: Mapping[str, str | float]
) -> QualityResult:
    """General requirements first (any failure: substandard), then the best grade, and size."""
    items = {item.id: item for item in template.items()}
    size_value = values.get(rule.size.item)
    band = None if size_value is None else rule.size.band_for(float(size_value))
    size_code = "?" if band is None else band.code
    type_code = values.get(rule.type_item)
    failed = _failures(items, rule.general, values, _GENERAL)
    unverified = (
        not rule.verified or (band is not None and not rule.size.verified) or _unsure(rule.general)
    )
    grade = None
    general_failed = bool(failed)
    if not failed and type_code is not None:
        grade, failed, grade_unsure = _best_grade(items, rule, str(type_code), values)
        unverified = unverified or grade_unsure
    failed_critical = _critical_failures(template, failed)
    if failed_critical or general_failed:
        verdict = Verdict("fail", failed_critical=failed_critical)
    elif grade is not None:
        verdict = Verdict("pass", grade=f"{grade.code}-{type_code}")
    else:  # no grade holds (or the type is not answered yet: incomplete)
        verdict = Verdict("needs_improvement")
    if grade is not None:
        code = f"{grade.code}-{type_code}/{size_code}"
        label = _format(rule.result_label, grade=grade.code, type=type_code, size=size_code)
    elif failed:
        code = CODE_SUBSTANDARD
        label = BilingualText(
            rule.substandard_label.id.format(failed=_names(failed, "id"), size=size_code),
            rule.substandard_label.en.format(failed=_names(failed, "en"), size=size_code),
        )
    else:  # the type is not answered yet: score() marks the result incomplete
        code, label = CODE_INCOMPLETE, BilingualText("-", "-")
    return QualityResult(
        status="complete",
        code=code,
        label=label,
        score=None,
        counts={},
        failed_items=tuple(failed),
        actions=() if band is None else band.actions,
        unverified=unverified,
        missing_required=(),
        verdict=verdict,
    )


def _best_grade(
    items: Mapping[str, ChecklistItem],
    rule: MeasurementGradeRule,
    type_code: str,
    values: Mapping[str, str | float],
) -> tuple[Grade | None, list[FailedItem], bool]:
    """Return the best grade whose limits all hold, with the reasons it is not the top grade.

    When no grade holds, the failures are those against the lowest grade. The flag says
    whether an unverified or unset limit took part in the decision.
    """
    top_failures: list[FailedItem] | None = None
    failures: list[FailedItem] = []
    unsure = False
    for grade in rule.grades:
        limits = grade.limits_for(type_code)
        unsure = unsure or _unsure(limits)
        failures = _failures(items, limits, values, grade.label)
        if not failures:
            return grade, top_failures or [], unsure
        top_failures = failures if top_failures is None else top_failures
    return None, failures, unsure


def _unsure(limits: Iterable[Limit]) -> bool:
    return any(not limit.verified or not limit.is_set for limit in limits)


def _failures(
    items: Mapping[str, ChecklistItem],
    limits: Iterable[Limit],
    values: Mapping[str, str | float],
    scope: BilingualText | None,
) -> list[FailedItem]:
    """Return a failure for each answered item its limit rejects."""
    failed = []
    for limit in limits:
        item, value = items[limit.item], values.get(limit.item)
        if value is not None and _conforms(item, limit, value) is False:
            failed.append(
                FailedItem(item.id, item.nc_class, item.text, _reason(item, limit, value, scope))
            )
    return failed


def _conforms(item: ChecklistItem, limit: Limit, value: str | float) -> bool | None:
    """Return whether ``value`` meets ``limit``; ``None`` when it cannot be judged.

    "na" on a yes/no item is not applicable, and a limit without numbers is not set yet.
    """
    if (item.answer == "yes_no_na" and value == "na") or not limit.is_set:
        return None
    if limit.accept:
        return value in limit.accept
    number = float(value)
    return (limit.min is None or number >= limit.min) and (limit.max is None or number <= limit.max)


def _reason(
    item: ChecklistItem, limit: Limit, value: str | float, scope: BilingualText | None
) -> BilingualText:
    """Say why ``value`` failed ``limit``, in both languages."""
    texts = []
    for lang in ("id", "en"):
        if limit.accept:
            got = _answer_text(item, str(value), lang)
            expected = " / ".join(_answer_text(item, a, lang) for a in limit.accept)
            text = (
                f"jawaban: {got}; yang sesuai: {expected}"
                if lang == "id"
                else f"answer: {got}; expected: {expected}"
            )
        elif limit.max is not None and float(value) > limit.max:
            got, bound = _quantity(value, item.unit, lang), _quantity(limit.max, item.unit, lang)
            text = (
                f"{got} melebihi batas maks {bound}"
                if lang == "id"
                else f"{got} is above the maximum {bound}"
            )
        else:
            assert limit.min is not None  # a number that conforms to no max fails its min
            got, bound = _quantity(value, item.unit, lang), _quantity(limit.min, item.unit, lang)
            text = (
                f"{got} di bawah batas min {bound}"
                if lang == "id"
                else f"{got} is below the minimum {bound}"
            )
        texts.append(text if scope is None else f"{text} ({scope.get(lang)})")
    return BilingualText(*texts)


def _answer_text(item: ChecklistItem, value: str, lang: str) -> str:
    if item.answer == "yes_no_na":
        return _YES_NO_NA_TEXT[value].get(lang)
    return next((o.label.get(lang) for o in item.options if o.value == value), value)


def _number_text(value: float, lang: str) -> str:
    """Write a number as people read it: no trailing ".0", a decimal comma in Indonesian."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "id" else text


def _quantity(value: str | float, unit: str | None, lang: str) -> str:
    number = _number_text(float(value), lang)
    return f"{number} {unit}" if unit else number


def _names(failed: Iterable[FailedItem], lang: str) -> str:
    return "; ".join(f.text.get(lang) for f in failed)


def _format(text: BilingualText, **fields: Any) -> BilingualText:
    return BilingualText(text.id.format(**fields), text.en.format(**fields))


def _score_weighted(
    template: ChecklistTemplate,
    rule: WeightedPercentageRule,
    values: Mapping[str, str | float],
    today: date | None,
) -> QualityResult:
    """Share of weight on conforming answers; a failed must-pass item or expired P-IRT fails."""
    limits = {limit.item: limit for limit in rule.limits}
    conforming = assessed = 0.0
    failed: list[FailedItem] = []
    vetoed = False
    unverified = not rule.verified
    for item in template.items():
        value = values.get(item.id)
        if item.weight is None or value is None:
            continue
        # A yes/no item without its own limit conforms when answered "yes".
        limit = limits.get(item.id) or Limit(item=item.id, accept=("yes",))
        verdict = _conforms(item, limit, value)
        if verdict is None:
            continue
        assessed += item.weight
        unverified = unverified or not limit.verified
        if verdict:
            conforming += item.weight
            continue
        must_pass = item.id in rule.must_pass
        vetoed = vetoed or must_pass or item.critical
        scope = _MUST_PASS if must_pass else _CRITICAL if item.critical else None
        reason = _reason(item, limit, value, scope)
        failed.append(FailedItem(item.id, None, item.text, reason))
    pirt = None if rule.pirt_item is None else _pirt_check(rule.pirt_item, values, today)
    actions = list(_pirt_actions(pirt, today))
    if pirt is not None and pirt.expired:
        vetoed = True
        item = template.item(pirt.item_id)
        reason = _format(_PIRT_EXPIRED, year=pirt.expiry_year)
        failed.append(FailedItem(item.id, None, item.text, reason))
    percent = 100.0 * conforming / assessed if assessed else None
    failed_critical = _critical_failures(template, failed)
    if pirt is not None and pirt.expired:
        failed_critical = (*failed_critical, pirt.item_id)  # an expired licence vetoes too
    if failed_critical:
        verdict = Verdict("fail", percentage=percent, failed_critical=failed_critical)
    elif percent is None:
        verdict = _UNJUDGED
    elif percent >= rule.pass_percent:
        verdict = Verdict("pass", percentage=percent)
    else:
        verdict = Verdict("needs_improvement", percentage=percent)
    if percent is None and not vetoed:
        code, label = CODE_NOT_ASSESSED, _NOT_ASSESSED
    else:
        passed = not vetoed and percent is not None and percent >= rule.pass_percent
        code = CODE_PASS if passed else CODE_FAIL
        shown = BilingualText(*(_percent_text(percent, lang) for lang in ("id", "en")))
        template_label = rule.pass_label if passed else rule.fail_label
        label = BilingualText(
            template_label.id.format(score=shown.id), template_label.en.format(score=shown.en)
        )
        if not passed:
            actions.extend(rule.fail_actions)
    return QualityResult(
        status="complete",
        code=code,
        label=label,
        score=percent,
        counts={},
        failed_items=tuple(failed),
        actions=tuple(actions),
        unverified=unverified,
        missing_required=(),
        pirt=pirt,
        verdict=verdict,
    )


def _percent_text(percent: float | None, lang: str) -> str:
    return "–" if percent is None else _number_text(round(percent, 1), lang)


def _pirt_check(
    item_id: str, values: Mapping[str, str | float], today: date | None
) -> PirtCheck | None:
    """Decode the P-IRT number typed on the label, if one was typed."""
    text = values.get(item_id)
    if text is None:
        return None
    text = str(text)
    number = parse_pirt(text)
    problems = tuple(pirt_problem_texts(text))
    return PirtCheck(
        item_id=item_id,
        text=text,
        valid=number is not None and not problems,
        expiry_year=None if number is None else number.expiry_year,
        expired=None if number is None or today is None else number.expired(today),
        problems=problems,
    )


def _pirt_actions(pirt: PirtCheck | None, today: date | None) -> Iterable[Action]:
    if pirt is None:
        return
    if pirt.problems:
        yield _PIRT_FIX_WRITING
    if pirt.expired:
        yield _PIRT_RENEW
    elif today is not None and pirt.expiry_year == today.year:
        yield Action(_format(_PIRT_ENDS_THIS_YEAR, year=pirt.expiry_year), verified=True)
