"""Test data for report tests: one IKM with a visit, checks, photos and follow-ups."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from PIL import Image
from sqlalchemy import select

from ikmdesk.blob_store import BlobStore
from ikmdesk.db import Database
from ikmdesk.models import Attachment, Cluster, Enterprise, FollowUp, Product, Region, Visit
from ikmdesk.models.enums import HalalStatus, VisitPurpose, VisitStatus
from ikmdesk.paths import blob_dir
from ikmdesk.services.approval_snapshot import record_approval
from ikmdesk.services.device import this_device
from ikmdesk.services.quality_check import (
    AnswerInput,
    ensure_shipped_templates,
    save_answers,
    start_check,
)

VISIT_DAY = date(2026, 3, 10)
APPROVED_AT = datetime(2026, 3, 12, 2, 0, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Built:
    """Ids of what ``build_visit`` made."""

    enterprise_id: str
    visit_id: str
    product_id: str


def jpeg_bytes(
    colour: tuple[int, int, int] = (200, 120, 40), size: tuple[int, int] = (64, 48)
) -> bytes:
    """Return a small solid-colour JPEG."""
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="JPEG")
    return out.getvalue()


def build_visit(
    db: Database,
    *,
    name: str = "UMKM Keripik Pisang Sangatta",
    owner: str = "Ibu Rahmah",
    findings: str = "Lantai ruang produksi retak; tempat sampah tanpa tutup.",
    activities: str = "Pemeriksaan sarana produksi dan label kemasan.",
    recommendations: str = "Perbaiki lantai; sediakan tempat sampah bertutup.",
    follow_up_action: str = "Perbaiki lantai ruang produksi",
    caption: str = "Ruang produksi",
    status: VisitStatus = VisitStatus.APPROVED,
    visit_day: date = VISIT_DAY,
    photos: int = 2,
    broken_photo: bool = False,
    missing_photo: bool = False,
    with_checks: bool = True,
) -> Built:
    """Create an IKM with one visit, a CPPB-IRT and a cocoa check, photos and follow-ups."""
    with db.unit_of_work() as session:
        me = this_device(session)
        ensure_shipped_templates(session)
        kecamatan = session.scalars(select(Region).where(Region.name == "Sangatta Utara")).one()
        cluster = session.scalars(select(Cluster).where(Cluster.code == "pisang")).one()
        enterprise = Enterprise(
            name=name,
            owner_name=owner,
            address="Jl. Yos Sudarso II No. 14, RT 07",
            kecamatan_id=kecamatan.id,
            cluster_id=cluster.id,
            nib="9120001234567",
            workers=4,
            production_capacity="50 kg/hari",
            halal_status=HalalStatus.CERTIFIED,
            halal_cert_no="ID64110000123450325",
            halal_expires_on=date(2029, 5, 1),
        )
        session.add(enterprise)
        session.flush()
        product = Product(
            enterprise_id=enterprise.id,
            name="Keripik pisang original",
            pirt_number="2066408010243-27",
            packaging="plastik",
        )
        session.add(product)
        visit = Visit(
            enterprise_id=enterprise.id,
            visit_date=visit_day,
            officer_id=me.id,
            companions="Tim PLUT Kutim",
            purpose=VisitPurpose.MENTORING,
            activities=activities,
            findings=findings,
            recommendations=recommendations,
            status=VisitStatus.DRAFT,
        )
        session.add(visit)
        session.flush()
        if with_checks:
            cppb = start_check(
                session, visit_id=visit.id, template_code="cppb-irt", product_id=product.id
            )
            answers: dict[str, AnswerInput | str] = {str(i): "no" for i in range(1, 38)}
            answers["2"] = AnswerInput(
                value="yes", note="Ventilasi kurang", corrective_action="Pasang kasa"
            )
            answers["36"] = "yes"
            save_answers(session, cppb, answers)
            kakao = start_check(session, visit_id=visit.id, template_code="kakao-sni-2323")
            save_answers(
                session,
                kakao,
                {
                    "jenis": "F",
                    "jumlah_biji": 98,
                    "serangga_hidup": "no",
                    "kadar_air": 7.1,
                    "bau_asing": "no",
                    "benda_asing": "no",
                    "biji_pecah": 1.5,
                    "berjamur": 1.0,
                    "slaty": 2.0,
                    "berserangga": 1.0,
                    "kotoran": 0.5,
                    "berkecambah": 1.0,
                },
            )
        session.add(
            FollowUp(
                visit_id=visit.id,
                enterprise_id=enterprise.id,
                action=follow_up_action,
                owner=owner,
                due_date=date(2026, 4, 10),
            )
        )
        store = BlobStore(blob_dir(Path(db.path)))
        images = [jpeg_bytes((40 * i % 255, 120, 200)) for i in range(photos)]
        if broken_photo:
            images.append(b"\xff\xd8\xff\xe0 this is not really a jpeg")
        for index, data in enumerate(images):
            sha = store.put(data)
            session.add(
                Attachment(
                    sha256=sha,
                    mime_type="image/jpeg",
                    size_bytes=len(data),
                    caption=f"{caption} {index + 1}",
                    visit_id=visit.id,
                    taken_at=datetime(2026, 3, 10, 9, index, tzinfo=UTC),
                )
            )
        if missing_photo:
            session.add(
                Attachment(
                    sha256="ab" * 32,
                    mime_type="image/jpeg",
                    size_bytes=10,
                    caption="Foto hilang",
                    visit_id=visit.id,
                )
            )
        visit.status = status
        if status == VisitStatus.APPROVED:
            visit.reviewer_id = me.id
            visit.reviewed_at = APPROVED_AT
            session.flush()
            record_approval(session, visit, approver_id=me.id, at=APPROVED_AT)
        session.flush()
        return Built(enterprise.id, visit.id, product.id)
