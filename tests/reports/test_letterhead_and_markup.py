"""The letterhead logo from settings, and the escaping helper against any text at all."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.platypus import SimpleDocTemplate

from ikmdesk.blob_store import BlobStore
from ikmdesk.db import Database
from ikmdesk.paths import blob_dir
from ikmdesk.reports.markup import para
from ikmdesk.reports.render import render_summary
from ikmdesk.reports.styles import report_styles
from ikmdesk.services.office_settings import OfficeSettings, save_office_settings
from tests.reports.builders import jpeg_bytes
from tests.reports.pdf_text import all_text, image_count, reader

FIXED = {"generated_at": datetime(2026, 4, 1, 8, 0, tzinfo=UTC), "version": "0.0.0"}


def _summary(database: Database) -> bytes:
    from datetime import date

    return render_summary(database, date(2026, 3, 1), **FIXED)


def test_a_logo_in_the_blob_store_is_printed_in_the_letterhead(database: Database) -> None:
    sha = BlobStore(blob_dir(Path(database.path))).put(jpeg_bytes(size=(120, 120)))
    with database.unit_of_work() as session:
        save_office_settings(session, OfficeSettings(logo_sha256=sha))
    assert image_count(_summary(database)) == 1


def test_a_logo_file_on_this_computer_is_printed(database: Database, tmp_path: Path) -> None:
    logo = tmp_path / "logo.jpg"
    logo.write_bytes(jpeg_bytes(size=(80, 100)))
    with database.unit_of_work() as session:
        save_office_settings(session, OfficeSettings(logo_path=str(logo)))
    assert image_count(_summary(database)) == 1


def test_a_missing_or_broken_logo_leaves_the_letterhead_without_one(
    database: Database, tmp_path: Path
) -> None:
    broken = tmp_path / "logo.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    with database.unit_of_work() as session:
        save_office_settings(session, OfficeSettings(logo_path=str(broken), logo_sha256="a" * 64))
    pdf = _summary(database)
    assert image_count(pdf) == 0
    assert "DINAS PERINDUSTRIAN DAN PERDAGANGAN" in all_text(pdf)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_makes_a_valid_pdf(text: str) -> None:
    buffer = io.BytesIO()
    styles = report_styles()
    SimpleDocTemplate(buffer).build([para(text, styles["Body"]), para(text, styles["Cell"])])
    assert len(reader(buffer.getvalue()).pages) >= 1


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.characters(
            min_codepoint=0x20,
            max_codepoint=0x17F,
            blacklist_categories=("Cc", "Cs", "Zs"),
            blacklist_characters="\xad",  # a soft hyphen is invisible unless a line breaks there
        ),
        min_size=1,
        max_size=80,
    )
)
def test_latin_text_reads_back_as_typed(text: str) -> None:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([para(text, report_styles()["Body"])])
    printed = "".join(page.extract_text() for page in reader(buffer.getvalue()).pages)
    assert "".join(printed.split()) == "".join(text.split())
