"""One record of every synced model, built the way services build them (for capture tests)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from ikmdesk.models import (
    ApprovalSnapshot,
    Attachment,
    ChecklistTemplate,
    Cluster,
    Device,
    Diagnosis,
    DiagnosisTemplate,
    Enterprise,
    FollowUp,
    GuidanceSheet,
    LogbookEntry,
    Partner,
    PlanTarget,
    Product,
    Programme,
    ProgrammeEnrollment,
    QualityAnswer,
    QualityCheck,
    Region,
    ReportNumber,
    TrainingRecord,
    new_id,
)
from ikmdesk.models.diagnosis import DiagnosisStage
from ikmdesk.models.enums import DeviceRole, RegionLevel, VisitPurpose
from ikmdesk.models.logbook_entry import TeachingMethod
from ikmdesk.models.partner import PartnerKind
from ikmdesk.models.visit import Visit

# For each synced table: a field an edit changes, and the new value.
EDITS: dict[str, tuple[str, Any]] = {
    "device": ("officer_name", "Rahmat Hidayat"),
    "region": ("name", "Desa Baru"),
    "cluster": ("name_en", "Seaweed"),
    "checklist_template": ("title_en", "Edited"),
    "enterprise": ("phone", "081200000000"),
    "product": ("net_content", "250 g"),
    "visit": ("findings", "Lantai produksi bersih"),
    "quality_check": ("notes", "Diperiksa ulang"),
    "quality_answer": ("note", "Sudah diperbaiki"),
    "follow_up": ("done_on", date(2026, 11, 20)),
    "attachment": ("caption", "Ruang produksi"),
    "approval_snapshot": ("digest", "0123456789ab"),
    "report_number": ("number", "0002/DISPERINDAG/IKM/XI/2026"),
    "partner": ("contact_person", "Dr. Rina"),
    "programme": ("visit_interval_days", 14),
    "programme_enrollment": ("enrolled_on", date(2026, 11, 9)),
    "diagnosis_template": ("title_en", "Edited"),
    "diagnosis": ("notes", "Perlu dicek ulang"),
    "plan_target": ("done_on", date(2026, 11, 30)),
    "logbook_entry": ("hours", 3.5),
    "guidance_sheet": ("body", "Teks baru"),
    "training_record": ("organiser", "Disperindag Kaltim"),
}


def one_of_each(session: Session, officer_id: str) -> dict[str, Any]:
    """Add one record of every synced model (children after parents) and return them by table."""
    device = Device(role=DeviceRole.OFFICER, officer_name="Budi Santoso")
    kecamatan = Region(level=RegionLevel.KECAMATAN, name="Kecamatan Uji", code="64.08.99")
    cluster = Cluster(code="rumput-laut", name_id="Rumput laut", name_en="Seaweed farming")
    template = ChecklistTemplate(
        code="uji", version=1, title_id="Uji", title_en="Test", definition={"items": []}
    )
    session.add_all([device, kecamatan, cluster, template])
    session.flush()
    desa = Region(level=RegionLevel.DESA, name="Desa Uji", parent_id=kecamatan.id)
    enterprise = Enterprise(
        name="Keripik Uji",
        owner_name="Pemilik Uji",
        nik="6408011203870003",
        kecamatan_id=kecamatan.id,
        cluster_id=cluster.id,
    )
    session.add_all([desa, enterprise])
    session.flush()
    product = Product(enterprise_id=enterprise.id, name="Keripik pisang")
    visit = Visit(
        enterprise_id=enterprise.id,
        visit_date=date(2026, 11, 2),
        officer_id=officer_id,
        purpose=VisitPurpose.MENTORING,
    )
    session.add_all([product, visit])
    session.flush()
    check = QualityCheck(
        visit_id=visit.id,
        product_id=product.id,
        template_id=template.id,
        checked_on=date(2026, 11, 2),
    )
    session.add(check)
    session.flush()
    answer = QualityAnswer(id=new_id(), check_id=check.id, item_id="a1", value="yes")
    session.add(answer)
    session.flush()
    follow_up = FollowUp(
        visit_id=visit.id,
        enterprise_id=enterprise.id,
        answer_id=answer.id,
        action="Pasang tirai plastik",
        due_date=date(2026, 12, 1),
    )
    attachment = Attachment(
        sha256="a" * 64, mime_type="image/jpeg", size_bytes=10, visit_id=visit.id
    )
    approved_at = datetime(2026, 11, 3, 2, 0, tzinfo=UTC)
    snapshot = ApprovalSnapshot(
        visit_id=visit.id,
        approved_at=approved_at,
        approver_id=officer_id,
        report_number="0001/DISPERINDAG/IKM/XI/2026",
        digest="ba9876543210",
        content={"format": 1, "sheet": {}},
    )
    number = ReportNumber(
        year=2026,
        seq=1,
        number="0001/DISPERINDAG/IKM/XI/2026",
        visit_id=visit.id,
        issued_at=approved_at,
        issued_by=officer_id,
    )
    session.add_all([follow_up, attachment, snapshot, number])
    session.flush()
    programme_records = _programme_records(session, officer_id, enterprise.id, visit.id, cluster.id)
    return {
        "approval_snapshot": snapshot,
        "report_number": number,
        **programme_records,
        "device": device,
        "region": desa,
        "cluster": cluster,
        "checklist_template": template,
        "enterprise": enterprise,
        "product": product,
        "visit": visit,
        "quality_check": check,
        "quality_answer": answer,
        "follow_up": follow_up,
        "attachment": attachment,
    }


def _programme_records(
    session: Session, officer_id: str, enterprise_id: str, visit_id: str, cluster_id: str
) -> dict[str, Any]:
    """The mentoring-programme records (issue 13), children after parents."""
    kecamatan_id = session.get_one(Enterprise, enterprise_id).kecamatan_id
    partner = Partner(name="Universitas Mulawarman", kind=PartnerKind.UNIVERSITY)
    template = DiagnosisTemplate(
        code="uji", version=1, title_id="Uji", title_en="Test", definition={"sections": []}
    )
    session.add_all([partner, template])
    session.flush()
    programme = Programme(
        name="Pendampingan Uji",
        cluster_id=cluster_id,
        kecamatan_id=kecamatan_id,
        starts_on=date(2026, 11, 1),
        ends_on=date(2027, 2, 28),
        officer_ids=[officer_id],
        partner_ids=[partner.id],
    )
    session.add(programme)
    session.flush()
    enrollment = ProgrammeEnrollment(
        programme_id=programme.id, enterprise_id=enterprise_id, enrolled_on=date(2026, 11, 2)
    )
    diagnosis = Diagnosis(
        programme_id=programme.id,
        enterprise_id=enterprise_id,
        template_id=template.id,
        stage=DiagnosisStage.BASELINE,
        diagnosed_on=date(2026, 11, 2),
        officer_id=officer_id,
        answers={"workers": 3},
    )
    target = PlanTarget(
        programme_id=programme.id,
        enterprise_id=enterprise_id,
        target_code="spp-irt-terbit",
        indicator="SPP-IRT terbit",
        due_on=date(2027, 2, 1),
    )
    entry = LogbookEntry(
        visit_id=visit_id,
        programme_id=programme.id,
        topics=["label-perbpom-31-2018"],
        method=TeachingMethod.DEMONSTRATION,
        hours=2.0,
        workers_reached=3,
        partner_id=partner.id,
    )
    sheet = GuidanceSheet(code="uji", title="Uji", body="Teks", source="standards.md")
    training = TrainingRecord(enterprise_id=enterprise_id, year=2023, title="Pelatihan kemasan")
    session.add_all([enrollment, diagnosis, target, entry, sheet, training])
    session.flush()
    return {
        "partner": partner,
        "programme": programme,
        "programme_enrollment": enrollment,
        "diagnosis_template": template,
        "diagnosis": diagnosis,
        "plan_target": target,
        "logbook_entry": entry,
        "guidance_sheet": sheet,
        "training_record": training,
    }
