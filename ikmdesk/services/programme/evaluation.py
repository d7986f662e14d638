"""The programme evaluation: per IKM, targets met, CPPB-IRT level and label before and after,
licences gained and new sales channels, from the baseline and final diagnoses.

Where an IKM has no final diagnosis yet, "after" is what the records say on the report date
(or the programme's end, whichever is first), so a running programme can be evaluated too; the
row says which it used. A level or label result counts as "after" only when it was checked
within the programme; an IKM without a baseline diagnosis is compared with its records as of
the start. A licence counts as gained once per IKM and kind, and a licence the records date (halal,
PKP) only when that date lies within the programme.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from ikmdesk.services.programme.diagnosis import get_diagnosis, prefilled_answers
from ikmdesk.services.programme.diagnosis_template import current_form
from ikmdesk.services.programme.ikm_facts import CheckFact, IkmFacts, ikm_facts, level_rank
from ikmdesk.services.programme.plan import TargetRow, TargetState, list_targets
from ikmdesk.services.programme.programme import ProgrammeDetail, get_programme
from ikmdesk.services.programme.progress import IkmProgress, programme_progress

LICENCES = ("nib", "spp_irt", "pkp", "halal")
ONLINE = frozenset({"media_sosial", "marketplace"})


@dataclass(frozen=True, slots=True)
class IkmEvaluation:
    """One IKM before and after the programme."""

    enterprise_id: str
    name: str
    targets_total: int
    targets_met: int
    level_before: str | None
    level_after: str | None
    label_before: str | None
    label_after: str | None
    licences_gained: tuple[str, ...]
    channels_gained: tuple[str, ...]
    final_diagnosis: bool
    progress: IkmProgress

    @property
    def level_improved(self) -> bool:
        before, after = level_rank(self.level_before), level_rank(self.level_after)
        return before is not None and after is not None and after < before

    @property
    def online_started(self) -> bool:
        return bool(ONLINE & set(self.channels_gained))


@dataclass(frozen=True, slots=True)
class ThemeCount:
    theme: str
    total: int
    met: int


@dataclass(frozen=True, slots=True)
class ProgrammeEvaluation:
    """A programme's results, as the programme report prints them."""

    programme: ProgrammeDetail
    on: date
    ikms: tuple[IkmEvaluation, ...]
    themes: tuple[ThemeCount, ...]
    targets: tuple[TargetRow, ...]

    @property
    def targets_total(self) -> int:
        return sum(i.targets_total for i in self.ikms)

    @property
    def targets_met(self) -> int:
        return sum(i.targets_met for i in self.ikms)

    @property
    def levels_improved(self) -> int:
        return sum(1 for i in self.ikms if i.level_improved)

    @property
    def licences_gained(self) -> int:
        """Return the licences gained, counted once per IKM and kind."""
        return sum(len(i.licences_gained) for i in self.ikms)

    @property
    def licences_by_kind(self) -> tuple[tuple[str, int], ...]:
        """Return how many IKMs gained each licence kind (kinds in LICENCES order)."""
        counts = Counter(k for i in self.ikms for k in i.licences_gained)
        return tuple((k, counts[k]) for k in LICENCES if counts[k])

    @property
    def ikms_with_new_licence(self) -> int:
        return sum(1 for i in self.ikms if i.licences_gained)

    @property
    def online_started(self) -> int:
        return sum(1 for i in self.ikms if i.online_started)

    @property
    def visits(self) -> int:
        return sum(i.progress.visits for i in self.ikms)

    @property
    def hours(self) -> float:
        return sum(i.progress.hours for i in self.ikms)


def evaluate_programme(session: Session, programme_id: str, *, on: date) -> ProgrammeEvaluation:
    """Return the before/after view of every enrolled IKM on ``on``."""
    programme = get_programme(session, programme_id, on=on)
    progress = {p.enterprise_id: p for p in programme_progress(session, programme_id, on=on)}
    targets = list_targets(session, programme_id, on=on)
    form = current_form(session)
    start = programme.starts_on
    cutoff = max(start, min(on, programme.ends_on))
    rows = []
    for ikm in programme.enterprises:
        baseline = get_diagnosis(session, programme_id, ikm.enterprise_id, "baseline")
        final = get_diagnosis(session, programme_id, ikm.enterprise_id, "final")
        facts = ikm_facts(session, ikm.enterprise_id, until=cutoff)
        before: dict[str, Any] = (
            baseline.answers
            if baseline
            else prefilled_answers(
                form, ikm_facts(session, ikm.enterprise_id, until=start - timedelta(days=1))
            )
        )
        if final is not None:
            after: dict[str, Any] = final.answers
        else:
            now = prefilled_answers(form, facts)
            for key, check in (("level_cppb", facts.cppb), ("label", facts.label)):
                if not _checked_within(check, start):
                    now.pop(key, None)  # nothing checked in the programme: no change seen
            after = {**before, **now}
        mine = [t for t in targets if t.enterprise_id == ikm.enterprise_id]
        rows.append(
            IkmEvaluation(
                enterprise_id=ikm.enterprise_id,
                name=ikm.name,
                targets_total=len(mine),
                targets_met=sum(1 for t in mine if t.state == TargetState.DONE),
                level_before=_level(before.get("level_cppb")),
                level_after=_level(after.get("level_cppb")),
                label_before=_known(before.get("label")),
                label_after=_known(after.get("label")),
                licences_gained=tuple(
                    k
                    for k in LICENCES
                    if _gained(k, before, after) and _dated_within(k, facts, start, cutoff)
                ),
                channels_gained=tuple(
                    c for c in after.get("saluran") or [] if c not in (before.get("saluran") or [])
                ),
                final_diagnosis=final is not None,
                progress=progress[ikm.enterprise_id],
            )
        )
    themes: dict[str, list[int]] = {}
    for t in targets:
        counts = themes.setdefault(t.theme, [0, 0])
        counts[0] += 1
        counts[1] += t.state == TargetState.DONE
    return ProgrammeEvaluation(
        programme=programme,
        on=on,
        ikms=tuple(rows),
        themes=tuple(ThemeCount(k, v[0], v[1]) for k, v in themes.items()),
        targets=tuple(targets),
    )


def _level(value: Any) -> str | None:
    return value if isinstance(value, str) and value.startswith("LEVEL_") else None


def _known(value: Any) -> str | None:
    return value if value in ("PASS", "FAIL") else None


def _checked_within(check: CheckFact | None, start: date) -> bool:
    return check is not None and check.checked_on >= start


def _dated_within(key: str, facts: IkmFacts, start: date, end: date) -> bool:
    """Tell whether a licence the records date was issued within [start, end] (undated: yes)."""
    day = {"halal": facts.halal_issued_on, "pkp": facts.pkp_cert_date}.get(key)
    return day is None or start <= day <= end


def _gained(key: str, before: dict[str, Any], after: dict[str, Any]) -> bool:
    if key == "halal":
        return before.get("halal") != "certified" and after.get("halal") == "certified"
    return not before.get(key) and bool(after.get(key))
