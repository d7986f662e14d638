"""The first page of a visit report, rendered to pixels, still looks like the approved one.

The data, the print time, the version and the font are fixed, so only a layout change moves
pixels. Regenerate the reference after an intended change with
``IKMDESK_UPDATE_REFERENCE=1 uv run pytest tests/reports/test_rendered_page.py`` and look
at the new PNG before committing it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops

from ikmdesk.reports.monthly_summary_report import MonthlySummaryReport
from ikmdesk.reports.visit_report import VisitReport
from ikmdesk.services.report_data import (
    CheckItemRow,
    CheckResult,
    CountRow,
    EnterpriseProfile,
    FollowUpLine,
    Label,
    MonthlySummary,
    PirtInfo,
    ProductLine,
    ResultDistribution,
    VisitSheet,
)

REFERENCE = Path(__file__).parent / "reference" / "visit_page1.png"
SUMMARY_REFERENCE = Path(__file__).parent / "reference" / "summary_page1.png"
# A pixel "differs" when a channel moves by more than this; the page may have this share of
# such pixels (antialiasing differences between poppler versions stay well below it).
CHANNEL_TOLERANCE = 48
MAX_DIFFERING_SHARE = 0.004


def fixed_sheet() -> VisitSheet:
    """Return a visit report's data with every value fixed."""
    profile = EnterpriseProfile(
        id="00000000-0000-4000-8000-000000000001",
        name="UMKM Keripik Pisang Sangatta",
        owner_name="Ibu Rahmah",
        address="Jl. Yos Sudarso II No. 14, RT 07",
        kecamatan="Sangatta Utara",
        desa="Swarga Bara",
        cluster=Label("Pisang", "Banana"),
        status="active",
        scale="mikro",
        nib="9120001234567",
        kbli="10794",
        workers=4,
        production_capacity="50 kg/hari",
        halal_status="certified",
        halal_route="self_declare",
        halal_cert_no="ID64110000123450325",
        halal_expires_on=date(2029, 5, 1),
        pkp_cert_no=None,
        products=(
            ProductLine(
                id="p1",
                name="Keripik pisang original",
                category=None,
                packaging="plastik",
                net_content="250 g",
                shelf_life_days=90,
                pirt=PirtInfo(
                    number="2066408010243-27",
                    valid=True,
                    packaging_code="2",
                    packaging=Label("plastik", "plastic"),
                    food_type_code="06",
                    food_type=Label("Tepung dan hasil olahnya", "Flour"),
                    region_code="6408",
                    product_no="01",
                    irtp_no="0243",
                    expiry_year=2027,
                ),
            ),
        ),
    )
    items = tuple(
        CheckItemRow(
            section=Label("A. LOKASI", "A. LOCATION"),
            number=str(n),
            text=Label(f"Butir pemeriksaan nomor {n}", f"Item {n}"),
            answer=Label("Ya", "Yes") if n == 2 else Label("Tidak", "No"),
            nc_class="MA" if n == 2 else "SE",
            note=None,
            corrective_action=None,
            failed=n == 2,
        )
        for n in range(1, 4)
    )
    check = CheckResult(
        id="c1",
        template_code="cppb-irt",
        template_version=1,
        title=Label("Pemeriksaan Sarana Produksi Pangan IRT (CPPB-IRT)", "CPPB-IRT"),
        rule_kind="nonconformity_level",
        product_name="Keripik pisang original",
        checked_on=date(2026, 3, 10),
        complete=True,
        code="I",
        label=Label("Level I — audit internal setiap dua bulan", "Level I"),
        score=1.0,
        counts={"MI": 0, "MA": 1, "SE": 0, "KR": 0},
        size_class=None,
        grade=None,
        unverified=False,
        actions=(),
        notes=None,
        items=items,
    )
    return VisitSheet(
        id="00000000-0000-4000-8000-00000000000a",
        report_number="0007/DISPERINDAG/IKM/III/2026",
        visit_date=date(2026, 3, 10),
        officer_name="Siti Rahmawati",
        officer_nip="198703122010012003",
        companions="Tim PLUT Kutim",
        purpose="mentoring",
        activities="Pemeriksaan sarana produksi dan label kemasan.",
        findings="Lantai ruang produksi retak; tempat sampah tanpa tutup. Suhu minyak 170 °C ± 5.",
        recommendations="Perbaiki lantai; sediakan tempat sampah bertutup.",
        status="approved",
        revision=0,
        reviewed_at=datetime(2026, 3, 12, 2, 0, tzinfo=UTC),
        reviewer_name="Ir. Hasanuddin",
        reviewer_nip="197001011990031001",
        review_comment=None,
        enterprise=profile,
        checks=(check,),
        photos=(),
        follow_ups=(
            FollowUpLine(
                id="f1",
                visit_id="v",
                enterprise_name="UMKM",
                action="Perbaiki lantai",
                owner="Ibu Rahmah",
                due_date=date(2026, 4, 10),
                done_on=None,
                done_note=None,
                overdue=False,
            ),
        ),
    )


def fixed_summary() -> MonthlySummary:
    """Return a monthly summary's data with every value fixed."""

    def rows(*pairs: tuple[str, int]) -> tuple[CountRow, ...]:
        return tuple(CountRow(Label(name, name), count) for name, count in pairs)

    return MonthlySummary(
        month=date(2026, 3, 1),
        cluster=None,
        kecamatan=None,
        visit_count=14,
        enterprises_visited=11,
        by_officer=rows(("Siti Rahmawati", 8), ("Andi Saputra", 6)),
        by_cluster=rows(("Pisang", 7), ("Kakao", 4), ("Pangan olahan", 3)),
        by_kecamatan=rows(("Sangatta Utara", 6), ("Kaliorang", 5), ("Muara Wahau", 3)),
        by_status=rows(("approved", 10), ("submitted", 4)),
        results=(
            ResultDistribution(
                Label("Pemeriksaan Sarana Produksi Pangan IRT (CPPB-IRT)", "CPPB-IRT"),
                rows(("Level I", 5), ("Level II", 2), ("Level III", 1)),
            ),
        ),
        stale_months=3,
        stale=(),
        overdue=(),
    )


def render_first_page(tmp_path: Path, report: Any = None) -> Image.Image:
    fixed = {"generated_at": datetime(2026, 3, 12, 10, 30, tzinfo=UTC), "version": "1.0.0"}
    pdf = (report or VisitReport(fixed_sheet(), **fixed)).render()
    source = tmp_path / "page.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "50",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(source),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    return Image.open(tmp_path / "page.png").convert("RGB")


NO_PDFTOPPM = shutil.which("pdftoppm") is None


def assert_matches(page: Image.Image, reference_path: Path) -> None:
    """Compare a rendered page with its reference (writing it first when asked to)."""
    if os.environ.get("IKMDESK_UPDATE_REFERENCE") == "1":
        reference_path.parent.mkdir(exist_ok=True)
        page.save(reference_path, optimize=True)
    reference = Image.open(reference_path).convert("RGB")
    assert page.size == reference.size
    difference = ImageChops.difference(page, reference).convert("L")
    mask = difference.point(lambda v: 255 if v > CHANNEL_TOLERANCE else 0)
    assert mask.histogram()[255] / (page.width * page.height) <= MAX_DIFFERING_SHARE


@pytest.mark.skipif(NO_PDFTOPPM, reason="poppler's pdftoppm is not installed")
def test_first_page_matches_the_reference(tmp_path: Path) -> None:
    assert_matches(render_first_page(tmp_path), REFERENCE)


@pytest.mark.skipif(NO_PDFTOPPM, reason="poppler's pdftoppm is not installed")
def test_summary_with_charts_matches_the_reference(tmp_path: Path) -> None:
    report = MonthlySummaryReport(
        fixed_summary(), generated_at=datetime(2026, 4, 1, 8, 0, tzinfo=UTC), version="1.0.0"
    )
    assert_matches(render_first_page(tmp_path, report), SUMMARY_REFERENCE)
