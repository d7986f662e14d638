"""A CPPB-IRT finding prints whole: problem, location, evidence, reference, criterion,
corrective action and deadline."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ikmdesk.db import Database
from ikmdesk.models import ChecklistTemplate, QualityCheck
from ikmdesk.models.enums import VisitStatus
from ikmdesk.reports.render import render_visit
from ikmdesk.services.quality_check import AnswerInput, save_answers
from tests.reports.builders import build_visit
from tests.reports.pdf_text import all_text


def test_every_part_of_a_written_finding_is_printed(database: Database) -> None:
    built = build_visit(database, status=VisitStatus.DRAFT)
    with database.unit_of_work() as session:
        check_id = session.scalars(
            select(QualityCheck.id)
            .join(ChecklistTemplate, ChecklistTemplate.id == QualityCheck.template_id)
            .where(ChecklistTemplate.code == "cppb-irt")
        ).one()
        save_answers(
            session,
            check_id,
            {
                "2": AnswerInput(
                    value="yes",
                    problem="Jendela ruang produksi tanpa kasa",
                    location="Ruang penggorengan",
                    evidence="Lalat terlihat di meja pengemasan",
                    reference="Perka BPOM HK.03.1.23.04.12.2207/2012 butir 4",
                    corrective_action="Pasang kasa pada dua jendela",
                    due_date=date(2026, 4, 10),
                )
            },
        )
    text = all_text(render_visit(database, built.visit_id))
    assert "Rekaman temuan" in text
    for part in (
        "Masalah : Jendela ruang produksi tanpa kasa",
        "Lokasi : Ruang penggorengan",
        "Bukti objektif : Lalat terlihat di meja pengemasan",
        "Rujukan : Perka BPOM HK.03.1.23.04.12.2207/2012 butir 4",
        "Tindakan koreksi : Pasang kasa pada dua jendela",
        "Tenggat : 10 April 2026",
        "Kriteria :",
    ):
        assert part in text
