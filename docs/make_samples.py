"""Write the sample PDFs under docs/samples from freshly generated demo data.

Run ``uv run python docs/make_samples.py``. The demo data, the print time and the version
are fixed, so running it again gives the same documents (apart from PDF ids).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from ikmdesk.models import Attachment, Product, QualityCheck, Visit
from ikmdesk.models.enums import VisitStatus
from ikmdesk.reports.pdf_file import write_pdf
from ikmdesk.reports.render import render_enterprise, render_summary, render_visit
from ikmdesk.services.demo_data import build_demo
from ikmdesk.services.quality_check import (
    AnswerInput,
    ensure_shipped_templates,
    save_answers,
    start_check,
)

TODAY = date(2026, 3, 15)
PRINTED = datetime(2026, 3, 15, 9, 0, tzinfo=UTC)
VERSION = "sample"
OUT = Path(__file__).parent / "samples"


def main() -> int:
    """Build demo data in a temporary folder and write the three sample reports."""
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.db"
        build_demo(path, enterprises=40, visits=160, seed=7, today=TODAY)
        from ikmdesk.services.data_file import open_data_file

        db = open_data_file(path)
        try:
            visit_id, enterprise_id = _richest_approved_visit(db)
            _ensure_checks(db, visit_id)
            fixed = {"generated_at": PRINTED, "version": VERSION}
            write_pdf(OUT / "laporan-kunjungan.pdf", render_visit(db, visit_id, **fixed))
            write_pdf(
                OUT / "riwayat-ikm.pdf",
                render_enterprise(db, enterprise_id, today=TODAY, **fixed),
            )
            month = date(TODAY.year, TODAY.month, 1).replace(day=1)
            previous = date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)
            write_pdf(OUT / "rekap-bulanan.pdf", render_summary(db, previous, **fixed))
        finally:
            db.close()
    for name in sorted(p.name for p in OUT.glob("*.pdf")):
        print(OUT / name, file=sys.stderr)
    return 0


def _ensure_checks(db: Any, visit_id: str) -> None:
    """Give the sample visit a CPPB-IRT and a product check when the demo data has none.

    The demo generator leaves quality checks out until it can score them itself; the sample
    report should still show how stored checks print.
    """
    with db.unit_of_work() as session:
        visit = session.get_one(Visit, visit_id)
        if session.scalar(select(func.count()).where(QualityCheck.visit_id == visit_id)):
            return
        ensure_shipped_templates(session)
        status = visit.status
        visit.status = VisitStatus.DRAFT  # checks are added to an editable visit only
        session.flush()
        product_id = session.scalar(
            select(Product.id).where(Product.enterprise_id == visit.enterprise_id).limit(1)
        )
        cppb = start_check(session, visit_id=visit_id, template_code="cppb-irt")
        answers: dict[str, Any] = {str(n): "no" for n in range(1, 38)}
        answers["10"] = AnswerInput(
            value="yes",
            note="Belum ada bak cuci khusus untuk peralatan.",
            corrective_action="Sediakan bak cuci peralatan yang terpisah dari cuci tangan.",
        )
        answers["36"] = "yes"
        save_answers(session, cppb, answers)
        label = start_check(
            session, visit_id=visit_id, template_code="label-irt", product_id=product_id
        )
        label_answers: dict[str, Any] = {
            item: "yes"
            for item in (
                "nama_produk",
                "daftar_bahan",
                "berat_bersih",
                "produsen",
                "halal",
                "kedaluwarsa",
                "nomor_pirt_tercantum",
                "asal_bahan",
                "bahasa_indonesia",
                "mudah_dibaca",
                "peringatan",
                "tanpa_klaim",
            )
        }
        label_answers["kode_produksi"] = AnswerInput(
            value="no", note="Kode produksi belum dicetak pada kemasan."
        )
        save_answers(session, label, label_answers)
        visit.status = status


def _richest_approved_visit(db: Any) -> tuple[str, str]:
    """Return the approved visit with the most checks and photos (a full sample page set)."""
    with db.unit_of_work() as session:
        checks = (
            select(QualityCheck.visit_id, func.count().label("n"))
            .group_by(QualityCheck.visit_id)
            .subquery()
        )
        photos = (
            select(Attachment.visit_id, func.count().label("n"))
            .where(Attachment.visit_id.is_not(None))
            .group_by(Attachment.visit_id)
            .subquery()
        )
        row = session.execute(
            select(Visit.id, Visit.enterprise_id)
            .outerjoin(checks, checks.c.visit_id == Visit.id)
            .outerjoin(photos, photos.c.visit_id == Visit.id)
            .where(Visit.status == VisitStatus.APPROVED, Visit.deleted.is_(False))
            .order_by(
                func.coalesce(checks.c.n, 0).desc(),
                func.coalesce(photos.c.n, 0).desc(),
                Visit.visit_date.desc(),
                Visit.id,
            )
            .limit(1)
        ).one()
        return row[0], row[1]


if __name__ == "__main__":
    raise SystemExit(main())
