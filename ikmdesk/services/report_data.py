"""Plain data the PDF reports are built from, read from the models in read-only queries.

Quality checks are shown as stored: item texts come from the template definition the check
was made with (``ChecklistTemplate.definition``), results from ``QualityCheck.result`` and its
columns. Nothing is re-scored here, so a report always says what the officer's app said.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ikmdesk.blob_store import BlobStore
from ikmdesk.errors import MSG_NOT_FOUND, NotFoundError
from ikmdesk.models import (
    Attachment,
    ChecklistTemplate,
    Cluster,
    Device,
    Enterprise,
    FollowUp,
    Product,
    QualityAnswer,
    QualityCheck,
    Region,
    Visit,
)
from ikmdesk.models.enums import DeviceRole, VisitStatus
from ikmdesk.paths import blob_dir
from ikmdesk.services.checklist_template import TemplateError, parse_template
from ikmdesk.services.device import has_identity, this_device
from ikmdesk.services.item_basis import ItemBasis, item_bases
from ikmdesk.services.licence_status import (
    HalalObligation,
    PirtExpiry,
    halal_flag,
    halal_obligation,
    pirt_expiries,
)
from ikmdesk.services.live_record import live_record
from ikmdesk.services.office_settings import get_office_settings
from ikmdesk.services.pirt import parse_pirt
from ikmdesk.services.report_number import visit_report_number
from ikmdesk.services.report_period import Period, month_period
from ikmdesk.services.shared_blobs import fetch_missing

NC_CLASSES: tuple[str, ...] = ("MI", "MA", "SE", "KR")
_GRADE_CODE = re.compile(r"^(?P<grade>[^-/]+)-(?P<type>[^/]+)/(?P<size>.+)$")


@dataclass(frozen=True, slots=True)
class Label:
    """A text in Indonesian and English."""

    id: str
    en: str

    def get(self, lang: str) -> str:
        """Return the text in ``lang`` ("en" or else Indonesian), falling back to the other."""
        return (self.en or self.id) if lang == "en" else (self.id or self.en)


@dataclass(frozen=True, slots=True)
class PirtInfo:
    """A product's P-IRT number as typed and, when it reads as 15 digits, decoded."""

    number: str
    valid: bool
    packaging_code: str = ""
    packaging: Label | None = None
    food_type_code: str = ""
    food_type: Label | None = None
    region_code: str = ""
    product_no: str = ""
    irtp_no: str = ""
    expiry_year: int | None = None


@dataclass(frozen=True, slots=True)
class ProductLine:
    """One product of the IKM with its licence facts."""

    id: str
    name: str
    category: str | None
    packaging: str | None
    net_content: str | None
    shelf_life_days: int | None
    pirt: PirtInfo | None


@dataclass(frozen=True, slots=True)
class EnterpriseProfile:
    """The IKM as a report shows it; NIK and phone are left out on purpose (personal data)."""

    id: str
    name: str
    owner_name: str | None
    address: str | None
    kecamatan: str
    desa: str | None
    cluster: Label
    status: str
    scale: str | None
    nib: str | None
    kbli: str | None
    workers: int | None
    production_capacity: str | None
    halal_status: str
    halal_route: str | None
    halal_cert_no: str | None
    halal_expires_on: date | None
    pkp_cert_no: str | None
    products: tuple[ProductLine, ...]
    halal_issued_on: date | None = None


@dataclass(frozen=True, slots=True)
class CheckItemRow:
    """One answered (or unanswered) template item of a stored check."""

    section: Label
    number: str
    text: Label
    answer: Label
    nc_class: str | None
    note: str | None
    corrective_action: str | None
    failed: bool
    problem: str | None = None
    location: str | None = None
    evidence: str | None = None
    reference: str | None = None
    due_date: date | None = None
    limit: Label | None = None
    """What conforms ("sesuai bila: ya", "maks 7,5 %"), for an item the rule judges."""
    source: str | None = None
    """Where the limit comes from (the item's own reference, else the template's)."""
    confirmed: bool = True
    """False prints "perlu dikonfirmasi" beside the limit and source."""
    critical: bool = False

    @property
    def is_finding(self) -> bool:
        """Tell whether the officer wrote a finding record (PLOR) for this item."""
        return any((self.problem, self.location, self.evidence, self.reference))


@dataclass(frozen=True, slots=True)
class CheckResult:
    """A stored quality check, ready to print: items as answered and the result it got."""

    id: str
    template_code: str
    template_version: int
    title: Label
    rule_kind: str
    product_name: str | None
    checked_on: date
    complete: bool
    code: str | None
    label: Label
    score: float | None
    counts: dict[str, int]
    size_class: Label | None
    grade: str | None
    unverified: bool
    actions: tuple[Label, ...]
    notes: str | None
    items: tuple[CheckItemRow, ...]
    action_verified: tuple[bool, ...] = ()
    """Per entry of ``actions``: false prints "perlu dikonfirmasi" beside it."""
    source: str | None = None
    """The template's regulation, the basis of the result as a whole."""


@dataclass(frozen=True, slots=True)
class PhotoRef:
    """A photo of the visit; ``path`` is where its file should be (it may be missing)."""

    sha256: str
    caption: str | None
    mime_type: str
    path: Path | None
    taken_at: datetime | None


@dataclass(frozen=True, slots=True)
class FollowUpLine:
    """An action agreed on a visit; ``overdue`` is judged against the report's day."""

    id: str
    visit_id: str
    enterprise_name: str
    action: str
    owner: str | None
    due_date: date
    done_on: date | None
    done_note: str | None
    overdue: bool


@dataclass(frozen=True, slots=True)
class VisitSheet:
    """Everything the visit report prints, for one visit."""

    id: str
    report_number: str | None
    visit_date: date
    officer_name: str
    officer_nip: str | None
    companions: str | None
    purpose: str
    activities: str | None
    findings: str | None
    recommendations: str | None
    status: str
    revision: int
    reviewed_at: datetime | None
    reviewer_name: str | None
    reviewer_nip: str | None
    review_comment: str | None
    enterprise: EnterpriseProfile
    checks: tuple[CheckResult, ...]
    photos: tuple[PhotoRef, ...]
    follow_ups: tuple[FollowUpLine, ...]
    frozen_digest: str | None = None
    """The approval snapshot's hash when the sheet is read from one (see approval_snapshot)."""


@dataclass(frozen=True, slots=True)
class VisitLine:
    """One visit in an enterprise's history."""

    id: str
    visit_date: date
    officer_name: str
    purpose: str
    status: str
    findings: str | None
    recommendations: str | None
    checks: tuple[CheckResult, ...]


@dataclass(frozen=True, slots=True)
class EnterpriseHistory:
    """One IKM over time: profile, visits oldest first, check results, open follow-ups."""

    enterprise: EnterpriseProfile
    visits: tuple[VisitLine, ...]
    open_follow_ups: tuple[FollowUpLine, ...]
    as_of: date


@dataclass(frozen=True, slots=True)
class CountRow:
    """A label and how many records carry it."""

    label: Label
    count: int


@dataclass(frozen=True, slots=True)
class ResultDistribution:
    """How the checks of one template ended in the month."""

    title: Label
    rows: tuple[CountRow, ...]
    source: str | None = None
    """The checklist's regulation, the basis these results were judged against."""
    confirmed: bool = True
    """False when any of the results rests on an unverified rule ("perlu dikonfirmasi")."""


@dataclass(frozen=True, slots=True)
class StaleEnterprise:
    """An active IKM not visited for longer than the summary's limit (or never)."""

    id: str
    name: str
    kecamatan: str
    cluster: Label
    last_visit: date | None


@dataclass(frozen=True, slots=True)
class MonthlySummary:
    """The month's mentoring work for the office, optionally for one cluster or kecamatan."""

    month: date
    cluster: Label | None
    kecamatan: str | None
    visit_count: int
    enterprises_visited: int
    by_officer: tuple[CountRow, ...]
    by_cluster: tuple[CountRow, ...]
    by_kecamatan: tuple[CountRow, ...]
    by_status: tuple[CountRow, ...]
    results: tuple[ResultDistribution, ...]
    stale_months: int
    stale: tuple[StaleEnterprise, ...]
    overdue: tuple[FollowUpLine, ...]
    draft_count: int = 0
    """Visits of the month still in draft: shown apart, never in the totals or tables."""
    period: str = "month"
    """``month``, ``quarter`` or ``year``; ``month`` is then the period's first day."""
    period_end: date | None = None
    """The period's last day, the day every list is computed on."""
    overdue_bands: tuple[CountRow, ...] = ()
    """Overdue actions counted by how late they are on ``period_end``."""
    pirt_expiries: tuple[PirtExpiry, ...] = ()
    halal_obligation: HalalObligation | None = None
    halal_due: tuple[HalalDue, ...] = ()
    stagnation: tuple[StagnationLine, ...] = ()
    made_by_name: str | None = None
    """Who printed it (this device's officer), for "Dibuat oleh"."""
    made_by_nip: str | None = None
    supervisor_name: str | None = None
    """The supervisor device's officer, signing "Mengetahui" when the office settings name
    nobody."""
    supervisor_nip: str | None = None

    @property
    def last_day(self) -> date:
        """Return the period's last day."""
        if self.period_end is not None:
            return self.period_end
        return month_period(self.month).last


def visit_sheet(
    session: Session, visit_id: str, *, blob_root: Path | None = None, today: date | None = None
) -> VisitSheet:
    """Return the visit report data of ``visit_id``; NotFoundError if absent or deleted.

    ``blob_root`` is the attachment folder (default: the one beside the session's database).
    """
    visit = live_record(session, Visit, visit_id, what="Kunjungan")
    root = blob_root if blob_root is not None else _default_blob_root(session)
    officer = session.get(Device, visit.officer_id)
    reviewer = session.get(Device, visit.reviewer_id) if visit.reviewer_id else None
    profile = enterprise_profile(session, visit.enterprise_id)
    return VisitSheet(
        id=visit.id,
        report_number=(
            visit_report_number(session, visit.id) if visit.status == VisitStatus.APPROVED else None
        ),
        visit_date=visit.visit_date,
        officer_name=officer.officer_name if officer else "",
        officer_nip=officer.nip if officer else None,
        companions=visit.companions,
        purpose=str(visit.purpose),
        activities=visit.activities,
        findings=visit.findings,
        recommendations=visit.recommendations,
        status=str(visit.status),
        revision=visit.revision,
        reviewed_at=visit.reviewed_at,
        reviewer_name=reviewer.officer_name if reviewer else None,
        reviewer_nip=reviewer.nip if reviewer else None,
        review_comment=visit.review_comment,
        enterprise=profile,
        checks=tuple(visit_checks(session, visit.id)),
        photos=tuple(visit_photos(session, visit.id, root)),
        follow_ups=tuple(
            _follow_up_lines(
                session,
                select(FollowUp).where(FollowUp.visit_id == visit.id),
                today or date.today(),
            )
        ),
    )


def enterprise_history(
    session: Session, enterprise_id: str, *, today: date | None = None
) -> EnterpriseHistory:
    """Return the history of one IKM; NotFoundError if absent or deleted."""
    as_of = today or date.today()
    profile = enterprise_profile(session, enterprise_id)
    visits = session.scalars(
        select(Visit)
        .where(Visit.enterprise_id == enterprise_id, Visit.deleted.is_(False))
        .order_by(Visit.visit_date, Visit.created_at)
    ).all()
    names = _officer_names(session)
    lines = tuple(
        VisitLine(
            id=v.id,
            visit_date=v.visit_date,
            officer_name=names.get(v.officer_id, ""),
            purpose=str(v.purpose),
            status=str(v.status),
            findings=v.findings,
            recommendations=v.recommendations,
            checks=tuple(visit_checks(session, v.id)),
        )
        for v in visits
    )
    open_items = _follow_up_lines(
        session,
        select(FollowUp).where(FollowUp.enterprise_id == enterprise_id, FollowUp.done_on.is_(None)),
        as_of,
    )
    return EnterpriseHistory(
        enterprise=profile, visits=lines, open_follow_ups=tuple(open_items), as_of=as_of
    )


def monthly_summary(
    session: Session,
    month: date,
    cluster: str | None = None,
    kecamatan: str | None = None,
    *,
    stale_months: int = 3,
) -> MonthlySummary:
    """Return the summary of the calendar month holding ``month`` (see ``period_summary``)."""
    return period_summary(
        session, month_period(month), cluster, kecamatan, stale_months=stale_months
    )


OVERDUE_SHOWN = 5
"""Overdue actions a summary lists by name (the oldest); the rest only as counts or annex."""
_OVERDUE_BANDS: tuple[tuple[int, Label], ...] = (
    (30, Label("1–30 hari", "1–30 days")),
    (90, Label("31–90 hari", "31–90 days")),
    (180, Label("91–180 hari", "91–180 days")),
    (10**9, Label("lebih dari 180 hari", "more than 180 days")),
)


def period_summary(
    session: Session,
    period: Period,
    cluster: str | None = None,
    kecamatan: str | None = None,
    *,
    stale_months: int = 3,
) -> MonthlySummary:
    """Return the summary of ``period`` (a month, quarter or year), every list as the period
    stood on its last day: visits, neglected IKMs, late actions, expired P-IRT numbers, the
    halal obligation and stagnation risk. Drafts are counted apart, never in the totals.

    ``cluster`` is a cluster code or name, ``kecamatan`` a kecamatan name or Kemendagri code
    (both case-insensitive); NotFoundError when they name nothing.
    """
    first, after, end = period.first, period.after, period.last
    cluster_row = _find_cluster(session, cluster) if cluster else None
    kecamatan_row = _find_kecamatan(session, kecamatan) if kecamatan else None
    enterprises = _enterprise_filter(cluster_row, kecamatan_row)
    rows = session.execute(
        select(Visit, Enterprise)
        .join(Enterprise, Enterprise.id == Visit.enterprise_id)
        .where(
            Visit.deleted.is_(False),
            Visit.visit_date >= first,
            Visit.visit_date < after,
            *enterprises,
        )
        .order_by(Visit.visit_date)
    ).all()
    names = _officer_names(session)
    clusters = _cluster_labels(session)
    regions = _region_names(session)
    # A draft is not yet a report: it is counted apart, not in the period's work.
    counted = [(v, e) for v, e in rows if v.status != VisitStatus.DRAFT]
    visit_ids = [v.id for v, _ in counted]
    kecamatan_counts = Counter(regions.get(e.kecamatan_id, "?") for _, e in counted)
    for name in _kecamatan_names(session, kecamatan_row):
        kecamatan_counts.setdefault(name, 0)  # a kecamatan nobody visited shows its 0
    officer_counts = Counter(names.get(v.officer_id, "?") for v, _ in counted)
    for name in _officer_roll(session):
        officer_counts.setdefault(name, 0)  # an officer without visits shows their 0
    cluster_counts = Counter(clusters.get(e.cluster_id, Label("?", "?")) for _, e in counted)
    if cluster_row is None:
        for label in _live_cluster_labels(session):
            cluster_counts.setdefault(label, 0)
    elif cluster_row.id in clusters:
        cluster_counts.setdefault(clusters[cluster_row.id], 0)
    overdue = _follow_up_lines(
        session,
        select(FollowUp)
        .join(Enterprise, Enterprise.id == FollowUp.enterprise_id)
        .join(Visit, Visit.id == FollowUp.visit_id)
        .where(
            # as the period stood: not done by its last day (done later still counts)
            (FollowUp.done_on.is_(None)) | (FollowUp.done_on > end),
            FollowUp.due_date <= end,
            Visit.deleted.is_(False),
            Visit.visit_date <= end,
            *enterprises,
        ),
        end,
        only_overdue=True,
        as_of_done=end,
    )
    settings = get_office_settings(session)
    made_by = this_device(session) if has_identity(session) else None
    supervisor = session.execute(
        select(Device.officer_name, Device.nip)
        .where(Device.role == DeviceRole.SUPERVISOR)
        .order_by(Device.officer_name, Device.id)
        .limit(1)
    ).first()
    return MonthlySummary(
        month=first,
        cluster=clusters.get(cluster_row.id) if cluster_row else None,
        kecamatan=kecamatan_row.name if kecamatan_row else None,
        visit_count=len(counted),
        enterprises_visited=len({e.id for _, e in counted}),
        by_officer=_sorted_counts((Label(n, n), c) for n, c in officer_counts.items()),
        by_cluster=_sorted_counts(cluster_counts.items()),
        by_kecamatan=_sorted_counts((Label(n, n), c) for n, c in kecamatan_counts.items()),
        by_status=_count_rows(Label(str(v.status), str(v.status)) for v, _ in rows),
        results=tuple(_result_distributions(session, visit_ids)),
        stale_months=stale_months,
        stale=tuple(
            _stale_enterprises(
                session,
                _add_months(after, -stale_months),
                enterprises,
                clusters,
                regions,
                before=after,
            )
        ),
        overdue=tuple(overdue),
        draft_count=len(rows) - len(counted),
        period=period.kind,
        period_end=end,
        overdue_bands=_overdue_bands(overdue, end),
        pirt_expiries=tuple(pirt_expiries(session, end, conditions=enterprises)),
        halal_obligation=halal_obligation(settings.halal_umk_deadline),
        halal_due=tuple(_halal_due(session, enterprises, regions, end, settings)),
        stagnation=tuple(_stagnation_lines(session, enterprises, end)),
        made_by_name=made_by.officer_name if made_by else None,
        made_by_nip=made_by.nip if made_by else None,
        supervisor_name=supervisor[0] if supervisor else None,
        supervisor_nip=supervisor[1] if supervisor else None,
    )


def _officer_roll(session: Session) -> list[str]:
    """Return the names of the office's officers (supervisors make no visits)."""
    return list(
        session.scalars(
            select(Device.officer_name).where(Device.role == DeviceRole.OFFICER).distinct()
        )
    )


def _live_cluster_labels(session: Session) -> list[Label]:
    return [
        Label(row.name_id, row.name_en)
        for row in session.execute(
            select(Cluster.name_id, Cluster.name_en).where(Cluster.deleted.is_(False))
        )
    ]


def _sorted_counts(pairs: Iterable[tuple[Label, int]]) -> tuple[CountRow, ...]:
    return tuple(
        CountRow(label, n) for label, n in sorted(pairs, key=lambda pair: (-pair[1], pair[0].id))
    )


def _overdue_bands(items: Sequence[FollowUpLine], end: date) -> tuple[CountRow, ...]:
    """Return how many actions are late by 1–30, 31–90, 91–180 and more days on ``end``."""
    counts = [0] * len(_OVERDUE_BANDS)
    for item in items:
        late = (end - item.due_date).days
        index = next(i for i, (top, _) in enumerate(_OVERDUE_BANDS) if late <= top)
        counts[index] += 1
    return tuple(CountRow(label, n) for (_, label), n in zip(_OVERDUE_BANDS, counts, strict=True))


@dataclass(frozen=True, slots=True)
class HalalDue:
    """A micro or small IKM the halal obligation concerns, not certified on the period's end."""

    id: str
    name: str
    kecamatan: str
    scale: str
    halal_status: str


def _halal_due(
    session: Session,
    conditions: list[Any],
    regions: Mapping[str, str],
    end: date,
    settings: Any,
) -> list[HalalDue]:
    obligation = halal_obligation(settings.halal_umk_deadline)
    if obligation is None:
        return []
    found = []
    for e in session.scalars(
        select(Enterprise)
        .where(*conditions, Enterprise.status == "active")
        .order_by(Enterprise.name, Enterprise.id)
    ):
        flag = halal_flag(
            obligation,
            scale=str(e.scale) if e.scale else None,
            halal_status=str(e.halal_status),
            halal_issued_on=e.halal_issued_on,
            as_of=end,
        )
        if flag is not None:
            found.append(
                HalalDue(
                    e.id,
                    e.name,
                    regions.get(e.kecamatan_id, ""),
                    str(e.scale),
                    "in_process" if flag.in_process else "none",
                )
            )
    return found


@dataclass(frozen=True, slots=True)
class StagnationLine:
    """An IKM that had progressed and showed a risk on the period's end, with the reasons."""

    id: str
    name: str
    kecamatan: str
    reasons: Label
    last_visit: date | None


def _stagnation_lines(session: Session, conditions: list[Any], end: date) -> list[StagnationLine]:
    from ikmdesk.services.programme.stagnation import Reason, StagnationRisk, stagnation_risks

    def words(risk: StagnationRisk, lang: str) -> str:
        if risk.last_visit is not None:
            return risk.reason_text(lang, end)
        # never visited: "not visited for 0 days" would mislead
        never = "belum pernah dikunjungi" if lang != "en" else "never visited"
        rest = dataclasses.replace(
            risk, reasons=tuple(r for r in risk.reasons if r != Reason.NO_VISIT)
        )
        return "; ".join(
            part for part in (never, rest.reason_text(lang, end) if rest.reasons else "") if part
        )

    in_scope = set(session.scalars(select(Enterprise.id).where(*conditions)))
    return [
        StagnationLine(
            r.enterprise_id,
            r.name,
            r.kecamatan,
            Label(words(r, "id"), words(r, "en")),
            r.last_visit,
        )
        for r in stagnation_risks(session, on=end)
        if r.enterprise_id in in_scope
    ]


def _kecamatan_names(session: Session, only: Region | None) -> list[str]:
    if only is not None:
        return [only.name]
    return list(
        session.scalars(
            select(Region.name).where(Region.level == "kecamatan", Region.deleted.is_(False))
        )
    )


def enterprise_profile(session: Session, enterprise_id: str) -> EnterpriseProfile:
    """Return the report profile of one IKM; NotFoundError if absent or deleted."""
    ent = live_record(session, Enterprise, enterprise_id, what="IKM")
    regions = _region_names(session)
    cluster = _cluster_labels(session).get(ent.cluster_id, Label("", ""))
    products = session.scalars(
        select(Product)
        .where(Product.enterprise_id == ent.id, Product.deleted.is_(False))
        .order_by(Product.name)
    ).all()
    return EnterpriseProfile(
        id=ent.id,
        name=ent.name,
        owner_name=ent.owner_name,
        address=ent.address,
        kecamatan=regions.get(ent.kecamatan_id, ""),
        desa=regions.get(ent.desa_id) if ent.desa_id else None,
        cluster=cluster,
        status=str(ent.status),
        scale=str(ent.scale) if ent.scale else None,
        nib=ent.nib,
        kbli=ent.kbli,
        workers=ent.workers,
        production_capacity=ent.production_capacity,
        halal_status=str(ent.halal_status),
        halal_route=str(ent.halal_route) if ent.halal_route else None,
        halal_cert_no=ent.halal_cert_no,
        halal_expires_on=ent.halal_expires_on,
        halal_issued_on=ent.halal_issued_on,
        pkp_cert_no=ent.pkp_cert_no,
        products=tuple(
            ProductLine(
                id=p.id,
                name=p.name,
                category=p.category,
                packaging=p.packaging,
                net_content=p.net_content,
                shelf_life_days=p.shelf_life_days,
                pirt=pirt_info(p.pirt_number) if p.pirt_number else None,
            )
            for p in products
        ),
    )


def pirt_info(number: str) -> PirtInfo:
    """Return ``number`` as typed, decoded by ``services.pirt`` when it reads as a number."""
    parsed = parse_pirt(number)
    if parsed is None:
        return PirtInfo(number=number, valid=False)
    packaging = parsed.packaging_name
    food = parsed.food_type_name
    return PirtInfo(
        number=number,
        valid=True,
        packaging_code=parsed.packaging_code,
        packaging=Label(packaging.id, packaging.en) if packaging else None,
        food_type_code=parsed.food_type_code,
        food_type=Label(food.id, food.en) if food else None,
        region_code=parsed.region_code,
        product_no=parsed.product_no,
        irtp_no=parsed.irtp_no,
        expiry_year=parsed.expiry_year,
    )


def visit_checks(session: Session, visit_id: str) -> list[CheckResult]:
    """Return the stored checks of a visit, oldest first, with their items and results."""
    checks = session.scalars(
        select(QualityCheck)
        .where(QualityCheck.visit_id == visit_id, QualityCheck.deleted.is_(False))
        .order_by(QualityCheck.checked_on, QualityCheck.created_at)
    ).all()
    if not checks:
        return []
    answers: dict[str, dict[str, QualityAnswer]] = {}
    for answer in session.scalars(
        select(QualityAnswer).where(
            QualityAnswer.check_id.in_([c.id for c in checks]), QualityAnswer.deleted.is_(False)
        )
    ):
        answers.setdefault(answer.check_id, {})[answer.item_id] = answer
    results = []
    bases: dict[str, tuple[dict[str, ItemBasis], str | None]] = {}
    for check in checks:
        template = session.get(ChecklistTemplate, check.template_id)
        product = session.get(Product, check.product_id) if check.product_id else None
        if template is not None and template.id not in bases:
            bases[template.id] = _bases(_dict(template.definition))
        results.append(
            _check_result(
                check,
                template,
                product,
                answers.get(check.id, {}),
                bases.get(template.id) if template else None,
            )
        )
    return results


def visit_photos(session: Session, visit_id: str, blob_root: Path | None) -> list[PhotoRef]:
    """Return the visit's image attachments in the order they were taken or added."""
    rows = session.scalars(
        select(Attachment)
        .where(Attachment.visit_id == visit_id, Attachment.deleted.is_(False))
        .order_by(Attachment.taken_at, Attachment.created_at)
    ).all()
    if blob_root is not None:  # on a server database, photos another laptop added
        fetch_missing(session, BlobStore(blob_root), (a.sha256 for a in rows))
    return [
        PhotoRef(
            sha256=a.sha256,
            caption=a.caption,
            mime_type=a.mime_type,
            path=(blob_root / a.sha256[:2] / a.sha256) if blob_root else None,
            taken_at=a.taken_at,
        )
        for a in rows
        if a.mime_type.startswith("image/")
    ]


def visits_between(session: Session, first: date, last: date) -> list[tuple[str, date, str]]:
    """Return (visit id, date, enterprise name) of the visits from ``first`` to ``last``."""
    rows = session.execute(
        select(Visit.id, Visit.visit_date, Enterprise.name)
        .join(Enterprise, Enterprise.id == Visit.enterprise_id)
        .where(Visit.deleted.is_(False), Visit.visit_date >= first, Visit.visit_date <= last)
        .order_by(Visit.visit_date, Enterprise.name, Visit.id)
    ).all()
    return [(r[0], r[1], r[2]) for r in rows]


def _default_blob_root(session: Session) -> Path | None:
    database = session.get_bind().engine.url.database
    if not database or database == ":memory:":
        return None
    return blob_dir(Path(database))


def _check_result(
    check: QualityCheck,
    template: ChecklistTemplate | None,
    product: Product | None,
    answers: Mapping[str, QualityAnswer],
    known_bases: tuple[dict[str, ItemBasis], str | None] | None = None,
) -> CheckResult:
    definition = _dict(template.definition if template else None)
    stored = _dict(check.result)
    rule = _dict(definition.get("rule"))
    failed_ids = {
        f.get("item_id") for f in _list(stored.get("failed_items")) if isinstance(f, dict)
    }
    bases, source = known_bases if known_bases is not None else _bases(definition)
    items = tuple(_item_rows(definition, answers, failed_ids, bases))
    actions = [
        (lbl, bool(a.get("verified", True)))
        for a in _list(stored.get("actions"))
        if isinstance(a, dict) and (lbl := _label(a.get("text"))) is not None
    ]
    label = _label(stored.get("label")) or Label(
        check.result_label_id or "", check.result_label_en or check.result_label_id or ""
    )
    counts = _dict(stored.get("counts"))
    size_class, grade = _size_and_grade(check.result_code, rule, answers)
    return CheckResult(
        id=check.id,
        template_code=template.code if template else "",
        template_version=template.version if template else 0,
        title=Label(template.title_id, template.title_en) if template else Label("?", "?"),
        rule_kind=str(rule.get("kind", "")),
        product_name=product.name if product else None,
        checked_on=check.checked_on,
        complete=str(check.result_status) == "complete",
        code=check.result_code,
        label=label,
        score=check.score,
        counts={k: int(counts.get(k, 0)) for k in NC_CLASSES} if counts else {},
        size_class=size_class,
        grade=grade,
        unverified=bool(stored.get("unverified", False)),
        actions=tuple(lbl for lbl, _ in actions),
        notes=check.notes,
        items=items,
        action_verified=tuple(verified for _, verified in actions),
        source=source,
    )


def _bases(definition: Mapping[str, Any]) -> tuple[dict[str, ItemBasis], str | None]:
    """Return each judged item's limit and source, and the template's regulation, read from
    the definition the check was made with (nothing when it no longer parses)."""
    try:
        template = parse_template(dict(definition))
    except (TemplateError, TypeError, ValueError, KeyError, AttributeError):
        return {}, None
    return item_bases(template), template.source.regulation


def _item_rows(
    definition: Mapping[str, Any],
    answers: Mapping[str, QualityAnswer],
    failed_ids: set[Any],
    bases: Mapping[str, ItemBasis],
) -> Iterable[CheckItemRow]:
    seen: set[str] = set()
    sections = _list(definition.get("sections"))
    number = 0
    for section in sections:
        if not isinstance(section, dict):
            continue
        title = _label(section.get("title")) or Label("", "")
        for item in _list(section.get("items")):
            if not isinstance(item, dict) or "id" not in item:
                continue
            number += 1
            item_id = str(item["id"])
            seen.add(item_id)
            answer = answers.get(item_id)
            yield CheckItemRow(
                section=title,
                number=str(number),
                text=_label(item.get("text")) or Label(item_id, item_id),
                answer=_answer_text(item, answer.value if answer else None),
                nc_class=item.get("class"),
                note=_answer_note(answer),
                corrective_action=answer.corrective_action if answer else None,
                failed=item_id in failed_ids,
                **_finding_fields(answer),
                **_basis_fields(bases.get(item_id)),
            )
    # Answers to items the stored definition does not list are shown, not dropped.
    for item_id, answer in sorted(answers.items()):
        if item_id not in seen:
            number += 1
            yield CheckItemRow(
                section=Label("", ""),
                number=str(number),
                text=Label(item_id, item_id),
                answer=_answer_text({}, answer.value),
                nc_class=None,
                note=_answer_note(answer),
                corrective_action=answer.corrective_action,
                failed=item_id in failed_ids,
                **_finding_fields(answer),
            )


_YES_NO_NA = {
    "yes": Label("Ya", "Yes"),
    "no": Label("Tidak", "No"),
    "na": Label("Tidak berlaku", "N/A"),
}


def _answer_text(item: Mapping[str, Any], value: Any) -> Label:
    if value is None or value == "":
        return Label("—", "—")
    kind = item.get("answer")
    if kind == "yes_no_na" and value in _YES_NO_NA:
        return _YES_NO_NA[str(value)]
    if kind == "choice":
        for option in _list(item.get("options")):
            if isinstance(option, dict) and option.get("value") == value:
                return _label(option.get("label")) or Label(str(value), str(value))
    if kind == "photo":
        return Label("(foto)", "(photo)")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    unit = item.get("unit")
    if isinstance(value, int | float) and not isinstance(value, bool):
        id_text = f"{value}".replace(".", ",")
        text_id, text_en = (
            (f"{id_text} {unit}", f"{value} {unit}") if unit else (id_text, f"{value}")
        )
        return Label(text_id, text_en)
    return Label(str(value), str(value))


def _basis_fields(basis: ItemBasis | None) -> dict[str, Any]:
    if basis is None:
        return {}
    return {
        "limit": Label(basis.limit.id, basis.limit.en),
        "source": basis.source,
        "confirmed": basis.confirmed,
        "critical": basis.critical,
    }


def _answer_note(answer: QualityAnswer | None) -> str | None:
    return answer.note or None if answer is not None else None


def _finding_fields(answer: QualityAnswer | None) -> dict[str, Any]:
    if answer is None:
        return {}
    return {
        "problem": answer.problem or None,
        "location": answer.location or None,
        "evidence": answer.evidence or None,
        "reference": answer.reference or None,
        "due_date": answer.due_date,
    }


def _size_and_grade(
    code: str | None, rule: Mapping[str, Any], answers: Mapping[str, QualityAnswer]
) -> tuple[Label | None, str | None]:
    if rule.get("kind") != "measurement_grade":
        return None, None
    match = _GRADE_CODE.match(code or "")
    size = _dict(rule.get("size"))
    size_code = match.group("size") if match else None
    if size_code is None:
        answer = answers.get(str(size.get("item")))
        size_code = _band_code(size, answer.value if answer else None)
    band_label = None
    for band in _list(size.get("bands")):
        if isinstance(band, dict) and band.get("code") == size_code:
            band_label = _label(band.get("label"))
    size_class = None
    if size_code:
        size_class = band_label or Label(size_code, size_code)
    return size_class, (f"{match.group('grade')}-{match.group('type')}" if match else None)


def _band_code(size: Mapping[str, Any], value: Any) -> str | None:
    """Read the size band of a stored measurement from the definition (display only)."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    for band in _list(size.get("bands")):
        if not isinstance(band, dict):
            continue
        top = band.get("max")
        if top is None or value <= top:
            return str(band.get("code"))
    return None


def _dict(value: Any) -> dict[str, Any]:
    """Return ``value`` if stored JSON gave an object here, else an empty one."""
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    """Return ``value`` if stored JSON gave a list here, else an empty one."""
    return value if isinstance(value, list) else []


def _label(value: Any) -> Label | None:
    if isinstance(value, dict):
        id_text = str(value.get("id") or "")
        en_text = str(value.get("en") or "")
        if id_text or en_text:
            return Label(id_text, en_text)
    if isinstance(value, str) and value:
        return Label(value, value)
    return None


def _follow_up_lines(
    session: Session,
    query: Any,
    as_of: date,
    *,
    only_overdue: bool = False,
    as_of_done: date | None = None,
) -> list[FollowUpLine]:
    """Return follow-up lines; with ``as_of_done`` an action done after that day shows as
    not yet done (a past period's summary must not know what happened later)."""
    query = query.where(FollowUp.deleted.is_(False)).order_by(FollowUp.due_date, FollowUp.id)
    items = session.scalars(query).all()
    names = dict(
        session.execute(
            select(Enterprise.id, Enterprise.name).where(
                Enterprise.id.in_({f.enterprise_id for f in items})
            )
        ).all()
    )
    lines = []
    for f in items:
        done_on = f.done_on
        if as_of_done is not None and done_on is not None and done_on > as_of_done:
            done_on = None
        lines.append(
            FollowUpLine(
                id=f.id,
                visit_id=f.visit_id,
                enterprise_name=names.get(f.enterprise_id, ""),
                action=f.action,
                owner=f.owner,
                due_date=f.due_date,
                done_on=done_on,
                done_note=f.done_note if done_on else None,
                overdue=done_on is None and f.due_date < as_of,
            )
        )
    return [line for line in lines if line.overdue] if only_overdue else lines


def _officer_names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(Device.id, Device.officer_name)).all())


def _cluster_labels(session: Session) -> dict[str, Label]:
    return {
        row.id: Label(row.name_id, row.name_en)
        for row in session.execute(select(Cluster.id, Cluster.name_id, Cluster.name_en))
    }


def _region_names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(Region.id, Region.name)).all())


def _find_cluster(session: Session, text: str) -> Cluster:
    wanted = text.strip().lower()
    for row in session.scalars(select(Cluster).where(Cluster.deleted.is_(False))):
        if wanted in {row.code.lower(), row.name_id.lower(), row.name_en.lower()}:
            return row
    raise NotFoundError(MSG_NOT_FOUND, what="Klaster", id=text)


def _find_kecamatan(session: Session, text: str) -> Region:
    wanted = text.strip().lower()
    for row in session.scalars(
        select(Region).where(Region.deleted.is_(False), Region.level == "kecamatan")
    ):
        if wanted in {row.name.lower(), (row.code or "").lower()}:
            return row
    raise NotFoundError(MSG_NOT_FOUND, what="Kecamatan", id=text)


def _enterprise_filter(cluster: Cluster | None, kecamatan: Region | None) -> list[Any]:
    conditions: list[Any] = [Enterprise.deleted.is_(False)]
    if cluster is not None:
        conditions.append(Enterprise.cluster_id == cluster.id)
    if kecamatan is not None:
        conditions.append(Enterprise.kecamatan_id == kecamatan.id)
    return conditions


def _count_rows(labels: Iterable[Label]) -> tuple[CountRow, ...]:
    counts = Counter(labels)
    return tuple(
        CountRow(label, n)
        for label, n in sorted(counts.items(), key=lambda pair: (-pair[1], pair[0].id))
    )


def _result_distributions(session: Session, visit_ids: Sequence[str]) -> list[ResultDistribution]:
    if not visit_ids:
        return []
    rows = session.execute(
        select(
            ChecklistTemplate.code,
            ChecklistTemplate.title_id,
            ChecklistTemplate.title_en,
            QualityCheck.result_status,
            QualityCheck.result_label_id,
            QualityCheck.result_label_en,
            QualityCheck.result_code,
            QualityCheck.result,
            ChecklistTemplate.definition,
        )
        .join(ChecklistTemplate, ChecklistTemplate.id == QualityCheck.template_id)
        .where(QualityCheck.visit_id.in_(visit_ids), QualityCheck.deleted.is_(False))
    ).all()
    by_template: dict[str, tuple[Label, Counter[tuple[int, str, Label]]]] = {}
    sources: dict[str, str | None] = {}
    unconfirmed: set[str] = set()
    for row in rows:
        code, title_id, title_en, status, label_id, label_en, result_code, stored, definition = row
        _title, counter = by_template.setdefault(code, (Label(title_id, title_en), Counter()))
        source = _dict(_dict(definition).get("source"))
        sources.setdefault(code, str(source.get("regulation") or "") or None)
        if _dict(stored).get("unverified") or source.get("confidence") != "verified":
            unconfirmed.add(code)
        if str(status) != "complete":
            counter[(len(_OUTCOME_ORDER) + 1, "", Label("Belum lengkap", "Incomplete"))] += 1
        else:
            counter[_outcome_key(result_code, label_id, label_en)] += 1
    return [
        ResultDistribution(
            title,
            tuple(CountRow(label, n) for (_rank, _code, label), n in sorted(counter.items())),
            source=sources.get(code),
            confirmed=code not in unconfirmed,
        )
        for code, (title, counter) in sorted(by_template.items())
    ]


# Outcomes in reading order (levels I–IV, then pass to not assessed), with one label each, so
# results are grouped by what they mean, never by the score text of each check.
_OUTCOME_ORDER: dict[str, Label] = {
    "LEVEL_I": Label("Level I", "Level I"),
    "LEVEL_II": Label("Level II", "Level II"),
    "LEVEL_III": Label("Level III", "Level III"),
    "LEVEL_IV": Label("Level IV", "Level IV"),
    "PASS": Label("Sesuai", "Pass"),
    "NEEDS_IMPROVEMENT": Label("Perlu perbaikan", "Needs improvement"),
    "FAIL": Label("Belum sesuai", "Fail"),
    "SUBSTANDARD": Label("Tidak memenuhi SNI", "Below the standard"),
    "NOT_ASSESSED": Label("Tidak dapat dinilai", "Not assessed"),
}


def _outcome_key(
    code: str | None, label_id: str | None, label_en: str | None
) -> tuple[int, str, Label]:
    """Return (rank, code, label) of a stored result: known outcomes by their fixed label,
    others (cocoa grades) by their code and label without the detail after " — "."""
    upper = (code or "").upper()
    names = list(_OUTCOME_ORDER)
    if upper in _OUTCOME_ORDER:
        return (names.index(upper), upper, _OUTCOME_ORDER[upper])
    text_id = (label_id or code or "?").split(" — ")[0]
    text_en = (label_en or label_id or code or "?").split(" — ")[0]
    return (len(names), upper, Label(text_id, text_en))


def _stale_enterprises(
    session: Session,
    cutoff: date,
    conditions: list[Any],
    clusters: Mapping[str, Label],
    regions: Mapping[str, str],
    *,
    before: date,
) -> list[StaleEnterprise]:
    """Return the IKMs last visited before ``cutoff`` as the period stood (visits before
    ``before``): a visit made after the period cannot take an IKM off a past month's list."""
    last = (
        select(Visit.enterprise_id, func.max(Visit.visit_date).label("last_visit"))
        .where(Visit.deleted.is_(False), Visit.visit_date < before)
        .group_by(Visit.enterprise_id)
        .subquery()
    )
    rows = session.execute(
        select(Enterprise, last.c.last_visit)
        .outerjoin(last, last.c.enterprise_id == Enterprise.id)
        .where(
            *conditions,
            Enterprise.status == "active",
            (last.c.last_visit.is_(None)) | (last.c.last_visit < cutoff),
        )
        .order_by(last.c.last_visit.is_not(None), last.c.last_visit, Enterprise.name)
    ).all()
    return [
        StaleEnterprise(
            id=e.id,
            name=e.name,
            kecamatan=regions.get(e.kecamatan_id, ""),
            cluster=clusters.get(e.cluster_id, Label("", "")),
            last_visit=last_visit,
        )
        for e, last_visit in rows
    ]


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def is_approved(status: str) -> bool:
    """Tell whether a visit status means the supervisor approved the report."""
    return status == VisitStatus.APPROVED.value


@dataclass(frozen=True, slots=True)
class ReportChoice:
    """Something a report can be printed for, as a picker lists it."""

    id: str
    label: str
    status: str | None = None
    """A visit's status value (the picker words it in the user's language)."""


def visit_choices(session: Session, *, limit: int = 500) -> list[ReportChoice]:
    """Return the newest visits as "date — IKM" with their status, newest first."""
    rows = session.execute(
        select(Visit.id, Visit.visit_date, Enterprise.name, Visit.status)
        .join(Enterprise, Enterprise.id == Visit.enterprise_id)
        .where(Visit.deleted.is_(False))
        .order_by(Visit.visit_date.desc(), Enterprise.name, Visit.id)
        .limit(limit)
    ).all()
    return [ReportChoice(r[0], f"{r[1]:%Y-%m-%d} — {r[2]}", str(r[3])) for r in rows]


def visit_choice(session: Session, visit_id: str) -> ReportChoice:
    """Return one live visit as "date — IKM"; NotFoundError if absent or deleted."""
    visit = live_record(session, Visit, visit_id, what="Kunjungan")
    name = session.scalar(select(Enterprise.name).where(Enterprise.id == visit.enterprise_id))
    return ReportChoice(visit.id, f"{visit.visit_date:%Y-%m-%d} — {name}", str(visit.status))


def enterprise_choices(session: Session) -> list[ReportChoice]:
    """Return every IKM by name."""
    rows = session.execute(
        select(Enterprise.id, Enterprise.name)
        .where(Enterprise.deleted.is_(False))
        .order_by(Enterprise.name, Enterprise.id)
    ).all()
    return [ReportChoice(r[0], r[1]) for r in rows]
