"""Stagnation risk: IKMs that had progressed (past trainings, certificates, targets met) but now
show no visit for a while, falling results or licences about to run out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ikmdesk.models import (
    ChecklistTemplate,
    Enterprise,
    PlanTarget,
    Product,
    QualityCheck,
    Region,
    TrainingRecord,
    Visit,
)
from ikmdesk.models.enums import CheckStatus, EnterpriseStatus, HalalStatus
from ikmdesk.services.product import pirt_expiry_year
from ikmdesk.services.programme.ikm_facts import CPPB_TEMPLATE, LABEL_TEMPLATE, level_rank

QUIET_DAYS = 120
"""No visit for longer than this (days) counts as a risk; callers may set their own."""
EXPIRY_DAYS = 90


class Reason(StrEnum):
    NO_VISIT = "no_visit"
    LEVEL_FELL = "level_fell"
    LABEL_FELL = "label_fell"
    HALAL_EXPIRING = "halal_expiring"
    PIRT_EXPIRING = "pirt_expiring"


REASON_LABELS: dict[str, tuple[str, str]] = {
    Reason.NO_VISIT: ("tidak dikunjungi {days} hari", "not visited for {days} days"),
    Reason.LEVEL_FELL: ("level CPPB-IRT turun", "CPPB-IRT level fell"),
    Reason.LABEL_FELL: ("label kembali belum sesuai", "label no longer conforms"),
    Reason.HALAL_EXPIRING: ("sertifikat halal segera berakhir", "halal certificate expiring"),
    Reason.PIRT_EXPIRING: ("P-IRT berakhir tahun ini", "P-IRT expires this year"),
}


@dataclass(frozen=True, slots=True)
class StagnationRisk:
    """One IKM at risk, with why it counts as having progressed and the reasons for the risk."""

    enterprise_id: str
    name: str
    kecamatan: str
    progressed_by: tuple[str, ...]
    reasons: tuple[str, ...]
    last_visit: date | None

    def reason_text(self, lang: str, on: date) -> str:
        """Return the reasons in words ("tidak dikunjungi 150 hari; level CPPB-IRT turun")."""
        days = (on - self.last_visit).days if self.last_visit else 0
        words = []
        for reason in self.reasons:
            pair = REASON_LABELS[reason]
            words.append((pair[1] if lang == "en" else pair[0]).format(days=days))
        return "; ".join(words)


def stagnation_risks(
    session: Session, *, on: date, quiet_days: int = QUIET_DAYS, expiry_days: int = EXPIRY_DAYS
) -> list[StagnationRisk]:
    """Return the active IKMs that had progressed and now show a risk, by name."""
    trained = set(
        session.scalars(
            select(TrainingRecord.enterprise_id).where(TrainingRecord.deleted.is_(False))
        )
    )
    met = set(
        session.scalars(
            select(PlanTarget.enterprise_id).where(
                PlanTarget.deleted.is_(False), PlanTarget.done_on.is_not(None)
            )
        )
    )
    last_visits = dict(
        session.execute(
            select(Visit.enterprise_id, func.max(Visit.visit_date))
            .where(Visit.deleted.is_(False), Visit.visit_date <= on)
            .group_by(Visit.enterprise_id)
        ).all()
    )
    pirts: dict[str, list[str]] = {}
    for enterprise_id, number in session.execute(
        select(Product.enterprise_id, Product.pirt_number).where(
            Product.deleted.is_(False), Product.pirt_number.is_not(None)
        )
    ):
        pirts.setdefault(enterprise_id, []).append(number)
    results = _check_history(session, on)
    regions = {rid: name for rid, name in session.execute(select(Region.id, Region.name))}
    risks = []
    enterprises = session.scalars(
        select(Enterprise).where(
            Enterprise.deleted.is_(False), Enterprise.status == EnterpriseStatus.ACTIVE
        )
    )
    for e in enterprises:
        progressed = []
        if e.id in trained:
            progressed.append("training")
        if e.halal_status == HalalStatus.CERTIFIED:
            progressed.append("halal")
        if e.id in pirts:
            progressed.append("pirt")
        if e.id in met:
            progressed.append("targets")
        if not progressed:
            continue
        reasons = []
        last = last_visits.get(e.id)
        if last is None or (on - last).days > quiet_days:
            reasons.append(Reason.NO_VISIT)
        history = results.get(e.id, {})
        levels = [level_rank(code) for code in history.get(CPPB_TEMPLATE, [])]
        levels = [lv for lv in levels if lv is not None]
        if len(levels) >= 2 and levels[-1] > levels[-2]:
            reasons.append(Reason.LEVEL_FELL)
        labels = history.get(LABEL_TEMPLATE, [])
        if len(labels) >= 2 and labels[-2] == "PASS" and labels[-1] == "FAIL":
            reasons.append(Reason.LABEL_FELL)
        if e.halal_expires_on and on <= e.halal_expires_on <= on + timedelta(days=expiry_days):
            reasons.append(Reason.HALAL_EXPIRING)
        if any(pirt_expiry_year(n) == on.year for n in pirts.get(e.id, [])):
            reasons.append(Reason.PIRT_EXPIRING)
        if reasons:
            risks.append(
                StagnationRisk(
                    enterprise_id=e.id,
                    name=e.name,
                    kecamatan=regions.get(e.kecamatan_id, ""),
                    progressed_by=tuple(progressed),
                    reasons=tuple(r.value for r in reasons),
                    last_visit=last,
                )
            )
    return sorted(risks, key=lambda r: (r.name.casefold(), r.enterprise_id))


def _check_history(session: Session, on: date) -> dict[str, dict[str, list[str]]]:
    """Return each IKM's complete CPPB-IRT and label result codes up to ``on``, oldest first
    (a past period's summary must not see later visits)."""
    rows = session.execute(
        select(Visit.enterprise_id, ChecklistTemplate.code, QualityCheck.result_code)
        .join(Visit, Visit.id == QualityCheck.visit_id)
        .join(ChecklistTemplate, ChecklistTemplate.id == QualityCheck.template_id)
        .where(
            QualityCheck.deleted.is_(False),
            Visit.deleted.is_(False),
            Visit.visit_date <= on,
            QualityCheck.result_status == CheckStatus.COMPLETE,
            ChecklistTemplate.code.in_((CPPB_TEMPLATE, LABEL_TEMPLATE)),
        )
        .order_by(QualityCheck.checked_on, QualityCheck.created_at)
    )
    history: dict[str, dict[str, list[str]]] = {}
    for enterprise_id, code, result in rows:
        history.setdefault(enterprise_id, {}).setdefault(code, []).append(result or "")
    return history
