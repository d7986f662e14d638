"""Limit, source and "perlu dikonfirmasi" beside every judged value in the visit report and
the history; readiness worded from the IKM's own licences; the halal flag; the history chart
of level and grade."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from ikmdesk.db import Database
from ikmdesk.models import Enterprise, Product
from ikmdesk.models.enums import VisitStatus
from ikmdesk.reports.render import render_enterprise, render_visit
from tests.reports.builders import build_visit
from tests.reports.pdf_text import all_text

LIVE = VisitStatus.SUBMITTED
"""Changed after building: a submitted visit prints live (an approved one from its snapshot)."""
FIXED = {"generated_at": datetime(2026, 4, 20, 8, 0, tzinfo=UTC), "version": "0.0.0"}


def _pirt(db: Database, enterprise_id: str, number: str | None) -> None:
    with db.unit_of_work() as session:
        product = session.scalars(
            select(Product).where(Product.enterprise_id == enterprise_id)
        ).one()
        product.pirt_number = number


def test_every_judged_item_prints_its_limit_source_and_confirmation(database: Database) -> None:
    built = build_visit(database)
    text = all_text(render_visit(database, built.visit_id, **FIXED))
    # CPPB-IRT item 1 (class SE), a secondary source: marked to be confirmed
    assert "Batas: sesuai bila: tidak ditemukan (kelas SE) · Sumber: CPPB-IRT" in text
    assert "butir 1 (kelas SE) · perlu dikonfirmasi" in text
    # a KR item is marked critical
    assert "butir kritis" in text
    # cocoa: a number limit and the SNI as source
    assert "Sumber: SNI 2323:2008" in text
    assert "Dasar hasil: Perka BPOM" in text


def test_unverified_advice_is_marked(database: Database) -> None:
    built = build_visit(database)
    text = all_text(render_visit(database, built.visit_id, **FIXED))
    assert "Audit internal setiap dua bulan (perlu dikonfirmasi)" in text


def test_an_ikm_holding_a_valid_spp_irt_is_told_to_keep_its_level(database: Database) -> None:
    built = build_visit(database)  # P-IRT 2066408010243-27, valid to the end of 2027
    text = all_text(render_visit(database, built.visit_id, **FIXED))
    assert "IKM memegang SPP-IRT (2066408010243-27)" in text
    assert "menuntut sarana tetap pada Level II atau lebih baik; saat ini Level I" in text
    assert "Siap mengajukan SPP-IRT" not in text


def test_an_ikm_without_a_licence_is_told_what_it_is_ready_for(database: Database) -> None:
    built = build_visit(database, status=LIVE)
    _pirt(database, built.enterprise_id, None)
    text = all_text(render_visit(database, built.visit_id, **FIXED))
    assert "Siap mengajukan SPP-IRT: sarana mencapai Level I" in text
    assert "IKM memegang SPP-IRT" not in text


def test_an_ikm_whose_licence_ran_out_is_told_about_a_new_one(database: Database) -> None:
    built = build_visit(database, status=LIVE)  # checked 10 March 2026
    _pirt(database, built.enterprise_id, "2066408010243-24")
    text = all_text(render_visit(database, built.visit_id, **FIXED))
    assert "sudah berakhir pada akhir 2024" in text
    assert "siap mengajukan SPP-IRT baru" in text


def test_a_level_iv_holder_is_told_its_licence_needs_prompt_corrections(
    database: Database,
) -> None:
    from ikmdesk.models import QualityAnswer, QualityCheck
    from ikmdesk.services.quality_check import save_answers

    built = build_visit(database, status=VisitStatus.DRAFT)
    with database.unit_of_work() as session:
        check = session.scalars(
            select(QualityCheck)
            .join(QualityAnswer, QualityAnswer.check_id == QualityCheck.id)
            .where(QualityCheck.visit_id == built.visit_id, QualityAnswer.item_id == "36")
        ).first()
        assert check is not None
        save_answers(session, check.id, {"5": "yes"})  # item 5 is KR: Level IV
    text = all_text(render_visit(database, built.visit_id, **FIXED))
    assert "IKM memegang SPP-IRT (2066408010243-27), tetapi sarana pada Level IV" in text
    assert "Belum siap untuk SPP-IRT: IKM yang belum memiliki" not in text


def test_an_uncertified_micro_ikm_is_flagged_against_the_halal_date(database: Database) -> None:
    built = build_visit(database, status=LIVE)
    with database.unit_of_work() as session:
        enterprise = session.get_one(Enterprise, built.enterprise_id)
        enterprise.scale = "mikro"
        enterprise.halal_status = "none"
        enterprise.halal_cert_no = None
    visit = all_text(render_visit(database, built.visit_id, **FIXED))
    assert "Kewajiban halal" in visit
    assert "Wajib bersertifikat halal mulai 17 Oktober 2026" in visit
    assert "perlu dikonfirmasi) — belum bersertifikat" in visit
    later = all_text(
        render_enterprise(database, built.enterprise_id, today=date(2026, 11, 1), **FIXED)
    )
    assert "Wajib bersertifikat halal sejak 17 Oktober 2026" in later


def test_a_certified_or_medium_ikm_is_not_flagged(database: Database) -> None:
    built = build_visit(database, status=LIVE)  # certified halal
    with database.unit_of_work() as session:
        session.get_one(Enterprise, built.enterprise_id).scale = "kecil"
    assert "Kewajiban halal" not in all_text(render_visit(database, built.visit_id, **FIXED))
    with database.unit_of_work() as session:
        enterprise = session.get_one(Enterprise, built.enterprise_id)
        enterprise.scale = "menengah"
        enterprise.halal_status = "none"
    assert "Kewajiban halal" not in all_text(render_visit(database, built.visit_id, **FIXED))


def test_the_history_charts_level_and_grade_and_marks_unconfirmed_results(
    database: Database,
) -> None:
    built = build_visit(database, visit_day=date(2026, 1, 5))
    text = all_text(
        render_enterprise(database, built.enterprise_id, today=date(2026, 4, 20), **FIXED)
    )
    assert "Level CPPB-IRT per tanggal" in text  # the legend of the level chart
    assert "Level IV" in text and "Level I" in text  # the level axis, written in full
    assert "Mutu biji kakao per tanggal" in text
    assert "Tidak memenuhi SNI" in text and "Mutu II" in text  # the grade axis
    assert "Dasar penilaian: Pemeriksaan Sarana Produksi Pangan IRT (CPPB-IRT): Perka BPOM" in text
    assert "perlu dikonfirmasi" in text
    assert "Kesiapan izin (5 Januari 2026): IKM memegang SPP-IRT" in text
