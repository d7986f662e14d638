"""What each judged checklist item is held against: its limit, its source, how sure that is.

Screens, reports and exports show this next to every judged value, with "perlu dikonfirmasi"
wherever ``confirmed`` is false (a secondary or unverified source, or a limit that is
unverified or not set yet). Texts come in both languages, like the scoring reasons.
"""

from __future__ import annotations

from dataclasses import dataclass

from ikmdesk.services.checklist_template import (
    BilingualText as Text,
)
from ikmdesk.services.checklist_template import (
    ChecklistItem,
    ChecklistTemplate,
    Limit,
    MeasurementGradeRule,
    NonconformityLevelRule,
    WeightedPercentageRule,
    judged_item_ids,
)

_YES = Text("ya", "yes")
_NO = Text("tidak", "no")
_NOT_SET = Text(
    "batas belum ditetapkan (dicatat, tidak dinilai)", "no limit set yet (recorded, not judged)"
)


@dataclass(frozen=True, slots=True)
class ItemBasis:
    """The limit a judged item is held against and where it comes from.

    ``limit``: what conforms ("sesuai bila: ya", "maks 7,5 %"); ``source``: the reference
    (the item's own, else the template's); ``confirmed``: false means "perlu dikonfirmasi".
    """

    item_id: str
    limit: Text
    source: str
    confirmed: bool
    critical: bool
    na_allowed: bool


def item_bases(template: ChecklistTemplate) -> dict[str, ItemBasis]:
    """Return the basis of every item the template's rule judges, in template order."""
    limits = _limits_by_item(template)
    bases = {}
    for item_id in judged_item_ids(template):
        item = template.item(item_id)
        item_limits = limits.get(item_id, ())
        source = item.source
        reference = template.source.regulation if source is None else source.reference
        confidence = template.source.confidence if source is None else source.confidence
        bases[item_id] = ItemBasis(
            item_id=item_id,
            limit=_limit_text(template, item, item_limits),
            source=reference,
            confirmed=confidence == "verified"
            and all(lim.verified and lim.is_set for _, lim in item_limits),
            critical=item.critical,
            na_allowed=item.na_allowed,
        )
    return bases


def _limits_by_item(template: ChecklistTemplate) -> dict[str, tuple[tuple[str, Limit], ...]]:
    """Return each item's limits, each with the grade (and type) it belongs to, or ""."""
    rule = template.rule
    found: dict[str, list[tuple[str, Limit]]] = {}
    if isinstance(rule, WeightedPercentageRule):
        for limit in rule.limits:
            found.setdefault(limit.item, []).append(("", limit))
    elif isinstance(rule, MeasurementGradeRule):
        for limit in rule.general:
            found.setdefault(limit.item, []).append(("", limit))
        for grade in rule.grades:
            for type_limits in grade.limits:
                for limit in type_limits.limits:
                    scope = f"{grade.code}-{type_limits.type_code}"
                    found.setdefault(limit.item, []).append((scope, limit))
    return {item_id: tuple(limits) for item_id, limits in found.items()}


def _limit_text(
    template: ChecklistTemplate, item: ChecklistItem, limits: tuple[tuple[str, Limit], ...]
) -> Text:
    if isinstance(template.rule, NonconformityLevelRule):
        return Text(
            f"sesuai bila: tidak ditemukan (kelas {item.nc_class})",
            f"conforms when: not found (class {item.nc_class})",
        )
    if not limits:  # a weighted yes/no item conforms on "yes"
        return Text("sesuai bila: ya", "conforms when: yes")
    if not any(limit.is_set for _, limit in limits):
        return _NOT_SET
    scoped = [(scope, _one_limit(item, limit)) for scope, limit in limits if limit.is_set]
    distinct = {text for _, text in scoped}
    if len(distinct) == 1:
        return distinct.pop()
    # Grade limits: one entry per grade when every type has the same limit, else per type.
    by_grade: dict[str, list[tuple[str, Text]]] = {}
    for scope, text in scoped:
        by_grade.setdefault(scope.split("-")[0], []).append((scope, text))
    parts = []
    for grade, entries in by_grade.items():
        if len({text for _, text in entries}) == 1:
            parts.append((grade, entries[0][1]))
        else:
            parts.extend(entries)
    return Text(
        "; ".join(f"Mutu {scope}: {text.id}" for scope, text in parts),
        "; ".join(f"Grade {scope}: {text.en}" for scope, text in parts),
    )


def _one_limit(item: ChecklistItem, limit: Limit) -> Text:
    if limit.accept:
        return Text(
            "sesuai bila: " + " / ".join(_answer(item, a).id for a in limit.accept),
            "conforms when: " + " / ".join(_answer(item, a).en for a in limit.accept),
        )
    unit = f" {item.unit}" if item.unit else ""
    low, high = limit.min, limit.max
    if low is not None and high is not None:
        return Text(f"{_id(low)}–{_id(high)}{unit}", f"{low:g}–{high:g}{unit}")
    if high is not None:
        return Text(f"maks {_id(high)}{unit}", f"max {high:g}{unit}")
    assert low is not None  # a set number limit has at least one end
    return Text(f"min {_id(low)}{unit}", f"min {low:g}{unit}")


def _answer(item: ChecklistItem, value: str) -> Text:
    if item.answer == "yes_no_na":
        return _YES if value == "yes" else _NO if value == "no" else Text(value, value)
    option = next((o for o in item.options if o.value == value), None)
    return Text(value, value) if option is None else option.label


def _id(value: float) -> str:
    """Write a number the Indonesian way: decimal comma, no trailing ".0"."""
    return f"{value:g}".replace(".", ",")
