"""Visit reports per second: 200 reports with 4 phone photos each, against bare ReportLab.

The baseline is a plain platypus document holding the same text (as Paragraphs in the same
DejaVu font) and the same four photos embedded as they are, built in the same run. The ratio
says what the report layout costs on top of ReportLab itself: letterhead, tables, page
decorations and QR code, escaping, and downscaling the photos (the baseline embeds the
originals, which keeps it fast but makes its PDFs several times larger).
"""

from __future__ import annotations

import io
import random
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from PIL import Image as PilImage
from PIL import ImageDraw
from reportlab.lib.units import cm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer

from bench.result import record
from ikmdesk.reports.styles import report_styles
from ikmdesk.reports.visit_report import VisitReport
from ikmdesk.services.report_data import (
    CheckItemRow,
    CheckResult,
    EnterpriseProfile,
    FollowUpLine,
    Label,
    PhotoRef,
    VisitSheet,
)

REPORTS = 200
PHOTOS = 4
PHOTO_SIZE = (1600, 1200)
FIXED_TIME = datetime(2026, 3, 12, 10, 30, tzinfo=UTC)


def main() -> None:
    """Build both kinds of document REPORTS times and print rates and their ratio."""
    with tempfile.TemporaryDirectory() as folder:
        photos = _photos(Path(folder))
        sheets = [_sheet(i, photos) for i in range(REPORTS)]
        VisitReport(sheets[0], generated_at=FIXED_TIME).render()  # fonts registered, caches warm
        start = time.perf_counter()
        report_bytes = sum(
            len(VisitReport(s, generated_at=FIXED_TIME, version="bench").render()) for s in sheets
        )
        report_seconds = time.perf_counter() - start
        start = time.perf_counter()
        bare_bytes = sum(len(_bare(s)) for s in sheets)
        bare_seconds = time.perf_counter() - start
    report_rate = REPORTS / report_seconds
    bare_rate = REPORTS / bare_seconds
    report_kib = report_bytes / REPORTS / 1024
    print(f"visit reports: {report_rate:7.1f} reports/s  ({report_kib:6.0f} KiB each)")
    print(
        f"bare ReportLab:{bare_rate:7.1f} docs/s     ({bare_bytes / REPORTS / 1024:6.0f} KiB each)"
    )
    ratio = report_seconds / bare_seconds
    print(f"a visit report takes {ratio:.2f}x the time of the bare document")
    record(
        "reports",
        "visit report vs a bare ReportLab document with the same content",
        ratio,
        reports_per_second=round(report_rate, 2),
        bare_per_second=round(bare_rate, 2),
    )


def _photos(folder: Path) -> list[Path]:
    """Write phone-sized JPEGs that compress like photos (smooth areas, edges, some grain)."""
    rng = random.Random(7)
    paths = []
    for index in range(PHOTOS):
        base = PilImage.linear_gradient("L").resize(PHOTO_SIZE).convert("RGB")
        tint = PilImage.new("RGB", PHOTO_SIZE, (rng.randrange(256), 140, rng.randrange(256)))
        image = PilImage.blend(base, tint, 0.5)
        draw = ImageDraw.Draw(image)
        for _ in range(40):
            x, y = rng.randrange(PHOTO_SIZE[0]), rng.randrange(PHOTO_SIZE[1])
            r = rng.randrange(20, 200)
            colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        grain = PilImage.effect_noise(PHOTO_SIZE, 12).convert("RGB")
        path = folder / f"photo{index}.jpg"
        PilImage.blend(image, grain, 0.08).save(path, format="JPEG", quality=85)
        paths.append(path)
    return paths


def _sheet(index: int, photos: list[Path]) -> VisitSheet:
    profile = EnterpriseProfile(
        id=f"e{index}",
        name=f"UMKM Keripik Pisang {index}",
        owner_name="Ibu Rahmah",
        address="Jl. Yos Sudarso II No. 14",
        kecamatan="Sangatta Utara",
        desa=None,
        cluster=Label("Pisang", "Banana"),
        status="active",
        scale="mikro",
        nib="9120001234567",
        kbli=None,
        workers=4,
        production_capacity="50 kg/hari",
        halal_status="none",
        halal_route=None,
        halal_cert_no=None,
        halal_expires_on=None,
        pkp_cert_no=None,
        products=(),
    )
    items = tuple(
        CheckItemRow(
            section=Label("A. Lokasi", "A. Location"),
            number=str(n),
            text=Label(f"Butir pemeriksaan sarana produksi nomor {n} yang cukup panjang", "Item"),
            answer=Label("Tidak", "No"),
            nc_class="SE",
            note=None,
            corrective_action=None,
            failed=False,
        )
        for n in range(1, 13)
    )
    check = CheckResult(
        id="c",
        template_code="cppb-irt",
        template_version=1,
        title=Label("CPPB-IRT", "CPPB-IRT"),
        rule_kind="nonconformity_level",
        product_name=None,
        checked_on=date(2026, 3, 10),
        complete=True,
        code="I",
        label=Label("Level I", "Level I"),
        score=0.0,
        counts={"MI": 0, "MA": 0, "SE": 0, "KR": 0},
        size_class=None,
        grade=None,
        unverified=False,
        actions=(),
        notes=None,
        items=items,
    )
    text = "Lantai ruang produksi retak; tempat sampah tanpa tutup. " * 6
    return VisitSheet(
        id=f"v{index}",
        report_number=f"{index + 1:04d}/DISPERINDAG/IKM/III/2026",
        visit_date=date(2026, 3, 10),
        officer_name="Siti Rahmawati",
        officer_nip=None,
        companions=None,
        purpose="mentoring",
        activities=text,
        findings=text,
        recommendations=text,
        status="approved",
        revision=0,
        reviewed_at=FIXED_TIME,
        reviewer_name=None,
        reviewer_nip=None,
        review_comment=None,
        enterprise=profile,
        checks=(check,),
        photos=tuple(
            PhotoRef(
                sha256="0" * 64, caption=f"Foto {n}", mime_type="image/jpeg", path=p, taken_at=None
            )
            for n, p in enumerate(photos)
        ),
        follow_ups=(
            FollowUpLine(
                id="f",
                visit_id="v",
                enterprise_name="",
                action="Perbaiki lantai",
                owner="Ibu Rahmah",
                due_date=date(2026, 4, 10),
                done_on=None,
                done_note=None,
                overdue=False,
            ),
        ),
    )


def _bare(sheet: VisitSheet) -> bytes:
    """Return the same words and photos as a plain document: the ReportLab floor."""
    styles = report_styles()
    body = styles["Body"]
    words = [sheet.enterprise.name, sheet.activities, sheet.findings, sheet.recommendations]
    words += [f"{row.number} {row.text.id} {row.answer.id}" for row in sheet.checks[0].items]
    words += [f.action for f in sheet.follow_ups]
    story = [Paragraph(text or "", body) for text in words]  # trusted bench text
    for photo in sheet.photos:
        story += [Image(str(photo.path), width=8 * cm, height=6 * cm), Spacer(1, 4)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build(story)
    return buffer.getvalue()


if __name__ == "__main__":
    main()
