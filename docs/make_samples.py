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

from ikmdesk.models import Attachment, QualityAnswer, QualityCheck, Visit
from ikmdesk.models.enums import VisitStatus
from ikmdesk.reports.monthly_summary_report import MonthlySummaryReport
from ikmdesk.reports.pdf_file import write_pdf
from ikmdesk.reports.render import read_summary, render_enterprise, render_summary, render_visit
from ikmdesk.reports.summary_workbook import write_summary_workbook
from ikmdesk.services.demo_data import build_demo
from ikmdesk.services.report_period import quarter_period

TODAY = date(2026, 3, 15)
PRINTED = datetime(2026, 3, 15, 9, 0, tzinfo=UTC)
VERSION = "sample"
OUT = Path(__file__).parent / "samples"


def main() -> int:
    """Build demo data in a temporary folder and write the sample reports."""
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.db"
        build_demo(path, enterprises=40, visits=160, seed=7, today=TODAY)
        from ikmdesk.services.data_file import open_data_file

        db = open_data_file(path)
        try:
            visit_id, enterprise_id = _richest_approved_visit(db)
            fixed = {"generated_at": PRINTED, "version": VERSION}
            write_pdf(OUT / "laporan-kunjungan.pdf", render_visit(db, visit_id, **fixed))
            write_pdf(
                OUT / "laporan-kunjungan-draf.pdf",
                render_visit(db, _newest_submitted_visit(db), **fixed),
            )
            write_pdf(
                OUT / "riwayat-ikm.pdf",
                render_enterprise(db, enterprise_id, today=TODAY, **fixed),
            )
            month = date(TODAY.year, TODAY.month, 1).replace(day=1)
            previous = date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)
            write_pdf(OUT / "rekap-bulanan.pdf", render_summary(db, previous, **fixed))
            quarter = quarter_period(TODAY.year - (TODAY.month <= 3), 4 if TODAY.month <= 3 else 1)
            write_pdf(
                OUT / "rekap-triwulan.pdf",
                render_summary(db, period=quarter, annex=True, **fixed),
            )
            summary, settings = read_summary(db, period=quarter)
            write_summary_workbook(
                OUT / "rekap-triwulan.xlsx",
                summary,
                title=MonthlySummaryReport(summary, settings=settings).title(),
            )
        finally:
            db.close()
    for name in sorted(p.name for p in [*OUT.glob("*.pdf"), *OUT.glob("*.xlsx")]):
        print(OUT / name, file=sys.stderr)
    return 0


def _richest_approved_visit(db: Any) -> tuple[str, str]:
    """Return the approved visit with the most findings, checks and photos (a full page set)."""
    with db.unit_of_work() as session:
        findings = (
            select(QualityCheck.visit_id, func.count().label("n"))
            .join(QualityAnswer, QualityAnswer.check_id == QualityCheck.id)
            .where(QualityAnswer.problem.is_not(None))
            .group_by(QualityCheck.visit_id)
            .subquery()
        )
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
            .outerjoin(findings, findings.c.visit_id == Visit.id)
            .outerjoin(checks, checks.c.visit_id == Visit.id)
            .outerjoin(photos, photos.c.visit_id == Visit.id)
            .where(Visit.status == VisitStatus.APPROVED, Visit.deleted.is_(False))
            .order_by(
                func.coalesce(findings.c.n, 0).desc(),
                func.coalesce(checks.c.n, 0).desc(),
                func.coalesce(photos.c.n, 0).desc(),
                Visit.visit_date.desc(),
                Visit.id,
            )
            .limit(1)
        ).one()
        return row[0], row[1]


def _newest_submitted_visit(db: Any) -> str:
    """Return a visit waiting for review: it prints with the DRAF mark and no number."""
    with db.unit_of_work() as session:
        return session.scalars(
            select(Visit.id)
            .where(Visit.status == VisitStatus.SUBMITTED, Visit.deleted.is_(False))
            .order_by(Visit.visit_date.desc(), Visit.id)
            .limit(1)
        ).one()


if __name__ == "__main__":
    raise SystemExit(main())
