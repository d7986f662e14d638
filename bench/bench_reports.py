"""Visit reports per second: 200 reports with 4 phone photos each, against bare ReportLab.

The baseline is a plain platypus document holding the same content in the same structures
(the text as Paragraphs in the same DejaVu font, the profile, checks, follow-ups and
signatures as plain tables, the four photos embedded as they are), built in the same run.
Its photos are downscaled to the same print size with Pillow alone, as anyone writing such a
report would (embedding phone originals makes each PDF several megabytes). The ratio says
what IKMDesk costs on top of ReportLab and Pillow: the letterhead, the page decorations and
QR code, escaping and glyph fallback, keep-together rules, EXIF orientation. Until 2026-12
the baseline held the words only, without tables, and embedded the originals undecoded; its
ratio (12x) mostly measured ReportLab's own table layout and the photo downscaling.
"""

from __future__ import annotations

import io
import random
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PIL import Image as PilImage
from PIL import ImageDraw
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Table, TableStyle

from bench.result import record
from ikmdesk.reports.images import JPEG_QUALITY, MAX_EMBED_PX
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
    """Return the same content in plain ReportLab: the floor a hand-written report stands on.

    The same words in the same structures a reader sees (title lines, the profile and visit
    details as label/value tables, the narrative, each check as a table of its items, the
    photos two per row, the follow-ups table and three signature columns), each table with a
    plain grid. Left out is what IKMDesk adds on top: the letterhead and its logo, page
    decorations (footer, page x of y, QR code, DRAFT mark), escaping and glyph fallback of
    user text, keep-together rules, and downscaling the photos.
    """
    styles = report_styles()
    body, heading = styles["Body"], styles["Heading"]
    width = A4[0] - 4 * cm
    profile = sheet.enterprise
    story: list[Any] = [
        Paragraph("LAPORAN KUNJUNGAN PENDAMPINGAN IKM", styles["Title"]),
        Paragraph(f"Nomor: {sheet.report_number}", body),
        Paragraph(f"Status: {sheet.status}", body),
        Paragraph("A. Profil IKM", heading),
        _grid(
            [
                ("Nama IKM", profile.name),
                ("Pemilik", profile.owner_name or ""),
                ("Alamat", profile.address or ""),
                ("Desa/Kecamatan", profile.kecamatan or ""),
                ("Klaster", profile.cluster.id),
                ("Skala", profile.scale or ""),
                ("Tenaga kerja", str(profile.workers or "")),
                ("Kapasitas", profile.production_capacity or ""),
                ("NIB", profile.nib or "belum ada"),
                ("KBLI", profile.kbli or "belum ada"),
                ("Halal", profile.halal_status or ""),
                ("Sertifikat halal", profile.halal_cert_no or "belum ada"),
                ("PKP", profile.pkp_cert_no or "belum ada"),
            ],
            (4.2 * cm, width - 4.2 * cm),
            body,
        ),
        Paragraph("B. Kunjungan", heading),
        _grid(
            [
                ("Tanggal", sheet.visit_date.isoformat()),
                ("Petugas", sheet.officer_name),
                ("Pendamping", sheet.companions or ""),
                ("Tujuan", sheet.purpose),
            ],
            (4.2 * cm, width - 4.2 * cm),
            body,
        ),
    ]
    for title, text in (
        ("C. Kegiatan", sheet.activities),
        ("D. Temuan", sheet.findings),
        ("E. Saran", sheet.recommendations),
    ):
        story += [Paragraph(title, heading), Paragraph(text or "", body)]
    story.append(Paragraph("F. Pemeriksaan mutu", heading))
    for check in sheet.checks:
        story.append(Paragraph(f"{check.title.id}: {check.label.id}", body))
        rows = [("No", "Butir", "Jawaban", "Kelas")]
        rows += [(r.number, r.text.id, r.answer.id, r.nc_class or "") for r in check.items]
        story.append(_grid(rows, (1 * cm, width - 5 * cm, 2.2 * cm, 1.8 * cm), body))
    story.append(Paragraph("G. Foto", heading))
    cells = [
        [
            Image(_downscaled(photo.path), width=7.5 * cm, height=5.6 * cm),
            Paragraph(photo.caption, body),
        ]
        for photo in sheet.photos
    ]
    photo_rows = [
        [cells[i], cells[i + 1] if i + 1 < len(cells) else ""] for i in range(0, len(cells), 2)
    ]
    story.append(Table(photo_rows, colWidths=(width / 2, width / 2)))
    story.append(Paragraph("H. Tindak lanjut", heading))
    follow_ups = [("Tindakan", "Penanggung jawab", "Tenggat", "Status")]
    follow_ups += [
        (f.action, f.owner or "", f.due_date.isoformat() if f.due_date else "", "terbuka")
        for f in sheet.follow_ups
    ]
    story.append(_grid(follow_ups, (width - 9 * cm, 4 * cm, 2.5 * cm, 2.5 * cm), body))
    signers = [("Petugas", "Pemilik IKM", "Mengetahui"), (sheet.officer_name, "", "")]
    story.append(_grid(signers, (width / 3,) * 3, body))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)  # trusted bench text
    return buffer.getvalue()


def _downscaled(path: Path | None) -> io.BytesIO:
    """Return the photo at print size as JPEG, with Pillow alone (the same work as the report)."""
    assert path is not None
    with PilImage.open(path) as image:
        fit = min(1.0, MAX_EMBED_PX / max(image.size))
        image.draft("RGB", (int(image.width * fit), int(image.height * fit)))
        image.thumbnail(
            (MAX_EMBED_PX, MAX_EMBED_PX), resample=PilImage.Resampling.BILINEAR, reducing_gap=2.0
        )
        out = io.BytesIO()
        image.convert("RGB").save(out, format="JPEG", quality=JPEG_QUALITY)
    out.seek(0)
    return out


def _grid(rows: list[tuple[str, ...]], widths: tuple[float, ...], style: Any) -> Table:
    table = Table([[Paragraph(cell, style) for cell in row] for row in rows], colWidths=widths)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey)]))
    return table


if __name__ == "__main__":
    main()
