"""The visit report's licence lines: NIB and KBLI apart, halal dates, "belum ada" when missing."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ikmdesk.db import Database
from ikmdesk.models import Enterprise, Product
from ikmdesk.models.enums import VisitStatus
from ikmdesk.reports.render import render_visit
from tests.reports.builders import build_visit
from tests.reports.pdf_text import all_text


def test_nib_and_kbli_are_apart_and_missing_licences_say_belum_ada(database: Database) -> None:
    built = build_visit(database, status=VisitStatus.DRAFT, with_checks=False, photos=0)
    with database.unit_of_work() as session:
        enterprise = session.get_one(Enterprise, built.enterprise_id)
        enterprise.nib = None
        enterprise.kbli = "10794"
        enterprise.halal_issued_on = date(2025, 3, 1)
        session.add(Product(enterprise_id=enterprise.id, name="Keripik pisang pedas"))
    text = all_text(render_visit(database, built.visit_id))
    assert "NIB : belum ada" in text
    assert "KBLI : 10794" in text
    assert (
        "Sertifikat halal : ID64110000123450325, terbit 1 Maret 2025, berlaku s.d. 1 Mei 2029"
        in text
    )
    assert "Sertifikat PKP : belum ada" in text
    assert "Keripik pisang pedas belum ada" in text  # a product without a P-IRT number
    with database.unit_of_work() as session:
        assert session.scalars(select(Enterprise.kbli)).one() == "10794"
