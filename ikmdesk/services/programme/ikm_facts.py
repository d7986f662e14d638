"""What the records already say about an IKM: licences, latest checks, workers, products.

The diagnosis is prefilled from these facts instead of asking again, and the evaluation
compares them before and after a programme.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ikmdesk.models import ChecklistTemplate, Enterprise, Product, QualityCheck, Visit
from ikmdesk.models.enums import CheckStatus, HalalStatus

CPPB_TEMPLATE = "cppb-irt"
LABEL_TEMPLATE = "label-irt"
LEVELS = ("LEVEL_I", "LEVEL_II", "LEVEL_III", "LEVEL_IV")


@dataclass(frozen=True, slots=True)
class CheckFact:
    """The latest complete check of one template: its result code, label and date."""

    code: str | None
    label_id: str | None
    label_en: str | None
    checked_on: date


@dataclass(frozen=True, slots=True)
class IkmFacts:
    """An IKM's licences, latest CPPB-IRT and label check, workers and products, as of a date."""

    enterprise_id: str
    has_nib: bool
    has_pirt: bool
    halal_status: str
    has_pkp: bool
    workers: int | None
    production_capacity: str | None
    products: tuple[str, ...]
    packaging: str | None
    cppb: CheckFact | None
    label: CheckFact | None
    halal_issued_on: date | None = None
    pkp_cert_date: date | None = None

    @property
    def cppb_level(self) -> str | None:
        """Return the latest CPPB-IRT level code (LEVEL_I … LEVEL_IV), None if never judged."""
        code = self.cppb.code if self.cppb else None
        return code if code in LEVELS else None


def level_rank(level: str | None) -> int | None:
    """Return 1 for Level I … 4 for Level IV (lower is better), None for no level."""
    return LEVELS.index(level) + 1 if level in LEVELS else None


def ikm_facts(session: Session, enterprise_id: str, *, until: date | None = None) -> IkmFacts:
    """Return what the records say about an IKM, as of ``until`` when given.

    Checks count up to ``until``, and so do the licences the records date (the halal
    certificate's issue date, the PKP certificate's date): one dated later was not held yet.
    NIB and P-IRT carry no date here, so they count as recorded.
    """
    enterprise = session.get_one(Enterprise, enterprise_id)
    products = list(
        session.scalars(
            select(Product)
            .where(Product.enterprise_id == enterprise_id, Product.deleted.is_(False))
            .order_by(Product.name)
        )
    )
    halal = HalalStatus(enterprise.halal_status)
    issued = enterprise.halal_issued_on
    if halal is HalalStatus.CERTIFIED and until is not None and issued and issued > until:
        halal = HalalStatus.IN_PROCESS  # certified later: on ``until`` it was still under way
    pkp_date = enterprise.pkp_cert_date
    return IkmFacts(
        enterprise_id=enterprise_id,
        has_nib=bool(enterprise.nib),
        has_pirt=any(p.pirt_number for p in products),
        halal_status=halal.value,
        has_pkp=bool(enterprise.pkp_cert_no)
        and not (until is not None and pkp_date is not None and pkp_date > until),
        workers=enterprise.workers,
        production_capacity=enterprise.production_capacity,
        products=tuple(p.name for p in products),
        packaging=next((p.packaging for p in products if p.packaging), None),
        cppb=latest_check(session, enterprise_id, CPPB_TEMPLATE, until=until),
        label=latest_check(session, enterprise_id, LABEL_TEMPLATE, until=until),
        halal_issued_on=issued,
        pkp_cert_date=pkp_date,
    )


def latest_check(
    session: Session, enterprise_id: str, template_code: str, *, until: date | None = None
) -> CheckFact | None:
    """Return the newest complete check of ``template_code`` on the IKM's live visits."""
    query = (
        select(
            QualityCheck.result_code,
            QualityCheck.result_label_id,
            QualityCheck.result_label_en,
            QualityCheck.checked_on,
        )
        .join(Visit, Visit.id == QualityCheck.visit_id)
        .join(ChecklistTemplate, ChecklistTemplate.id == QualityCheck.template_id)
        .where(
            Visit.enterprise_id == enterprise_id,
            Visit.deleted.is_(False),
            QualityCheck.deleted.is_(False),
            QualityCheck.result_status == CheckStatus.COMPLETE,
            ChecklistTemplate.code == template_code,
        )
        .order_by(QualityCheck.checked_on.desc(), QualityCheck.created_at.desc())
        .limit(1)
    )
    if until is not None:
        query = query.where(QualityCheck.checked_on <= until)
    row = session.execute(query).first()
    return None if row is None else CheckFact(*row)
