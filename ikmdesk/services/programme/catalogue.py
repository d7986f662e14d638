"""The target catalogue: mentoring targets per theme, each with an indicator and its source.

Themes 1-4 are the four formal trainings Kutai Timur stopped in 2025 (digital marketing,
packaging, food processing, quality certification); the targets' sources come from the
standards reference. Logbook topics are catalogue codes too, so what was taught and what is
aimed at speak the same words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from ikmdesk.resource import resource_path


@dataclass(frozen=True, slots=True)
class Theme:
    """A catalogue theme with its Indonesian and English titles."""

    id: str
    title_id: str
    title_en: str
    discontinued_training: bool

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_id


@dataclass(frozen=True, slots=True)
class TargetDef:
    """A catalogue target: theme, title, indicator, source, default days to deadline, measure.

    ``measure`` names how the evaluation can tell from records whether it was met
    (``manual`` when only the officer can say).
    """

    id: str
    theme: str
    title_id: str
    title_en: str
    indicator_id: str
    indicator_en: str
    source: str
    days: int
    measure: str

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_id

    def indicator(self, lang: str) -> str:
        return self.indicator_en if lang == "en" else self.indicator_id


@cache
def _catalogue() -> tuple[tuple[Theme, ...], tuple[TargetDef, ...]]:
    data = json.loads(resource_path("programme", "targets.json").read_text(encoding="utf-8"))
    themes = tuple(
        Theme(t["id"], t["title"]["id"], t["title"]["en"], bool(t["discontinued_training"]))
        for t in data["themes"]
    )
    targets = tuple(
        TargetDef(
            id=t["id"],
            theme=t["theme"],
            title_id=t["title"]["id"],
            title_en=t["title"]["en"],
            indicator_id=t["indicator"]["id"],
            indicator_en=t["indicator"]["en"],
            source=t["source"],
            days=int(t["days"]),
            measure=t["measure"],
        )
        for t in data["targets"]
    )
    return themes, targets


def themes() -> tuple[Theme, ...]:
    """Return the catalogue themes in catalogue order."""
    return _catalogue()[0]


def targets() -> tuple[TargetDef, ...]:
    """Return every catalogue target in catalogue order."""
    return _catalogue()[1]


def target_def(code: str) -> TargetDef | None:
    """Return the catalogue target with this code, or None for a code this version lacks."""
    return next((t for t in targets() if t.id == code), None)


def theme_def(code: str) -> Theme | None:
    """Return the theme with this code, or None."""
    return next((t for t in themes() if t.id == code), None)
