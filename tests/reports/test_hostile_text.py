"""Whatever a user types, the report is a valid PDF that shows it as typed.

Decision for characters the bundled DejaVu Sans cannot draw (CJK, most of Arabic) and for
everything beyond U+FFFF (emoji): they are printed as "[emoji]" or "□", so the reader sees that
something was there; nothing crashes (see ikmdesk/reports/fonts.py for why).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ikmdesk.db import Database
from ikmdesk.reports.render import render_enterprise, render_visit
from tests.reports.builders import build_visit
from tests.reports.pdf_text import all_text, font_names, image_count, squeezed

FIXED = {"generated_at": datetime(2026, 3, 12, 10, 30, tzinfo=UTC), "version": "0.0.0"}

HOSTILE = [
    "0.1 <A <0.9",
    "Nama <script>alert(1)</script>",
    "<b>tebal",
    "S&P 500 & R&amp;D",
    "Harga < 5.000 & > 1.000 \"kutip\" 'tunggal'",
    "<para>bukan markup</para> <font color=red>merah</font>",
    "<![CDATA[x]]> &#60; &lt; &nbsp;",
    "Suhu 60 °C ± 2, pH ≤ 4,6 — kadar air ≥ 7 %",
    "é ñ – … “kutip” ‘tunggal’ Ünïcödé",
]


@pytest.mark.parametrize("typed", HOSTILE)
def test_markup_like_text_is_printed_as_typed(database: Database, typed: str) -> None:
    built = build_visit(
        database, name=f"IKM {typed}", findings=typed, follow_up_action=typed, caption=typed,
        owner=typed, photos=0, with_checks=False,
    )  # fmt: skip
    pdf = render_visit(database, built.visit_id, **FIXED)
    assert squeezed(typed) in squeezed(all_text(pdf))
    history = render_enterprise(database, built.enterprise_id, **FIXED)
    assert squeezed(typed) in squeezed(all_text(history))


def test_an_img_tag_in_user_text_embeds_no_file(database: Database, tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    from tests.reports.builders import jpeg_bytes

    secret.write_bytes(jpeg_bytes())
    typed = f'Budi <img src="{secret}" width="100" height="100"/> selesai'
    built = build_visit(database, findings=typed, photos=0, with_checks=False)
    pdf = render_visit(database, built.visit_id, **FIXED)
    assert image_count(pdf) == 0
    assert squeezed(typed) in squeezed(all_text(pdf))


def test_ten_thousand_character_findings_flow_over_pages(database: Database) -> None:
    words = " ".join(f"kata{i}" for i in range(1700))
    typed = words[:10_000]
    built = build_visit(
        database, findings=typed, follow_up_action=typed, photos=0, with_checks=False
    )
    pdf = render_visit(database, built.visit_id, **FIXED)
    printed = all_text(pdf).split()
    # The text spans pages, so footers sit between its parts; every word must be there twice
    # (findings and the follow-up table), in order.
    words = typed.split()
    assert [w for w in printed if w.startswith("kata")] == words + words
    assert "Halaman 1 dari" in all_text(pdf)


def test_a_word_longer_than_the_column_is_broken_not_lost(database: Database) -> None:
    word = "Sangat" + "panjang" * 60
    built = build_visit(
        database, findings=word, follow_up_action=word, caption=word, photos=1, with_checks=False
    )
    pdf = render_visit(database, built.visit_id, **FIXED)
    assert squeezed(all_text(pdf)).count(word) >= 2


def test_emoji_and_scripts_the_font_lacks_do_not_break_the_pdf(database: Database) -> None:
    typed = "Enak 😀👍🏽 中文 العربية Ελληνικά Кириллица Tiếng Việt"
    built = build_visit(database, name=typed, findings=typed, photos=0, with_checks=False)
    text = all_text(render_visit(database, built.visit_id, **FIXED))
    for kept in ("Ελληνικά", "Кириллица", "Tiếng Việt"):
        assert kept in text
    # One placeholder per emoji (the skin tone belongs to its hand), one box per CJK character.
    assert "Enak [emoji][emoji] □□" in text
    assert "\ufffd" not in text


@pytest.mark.sqlite_only(
    reason="PostgreSQL text cannot hold NUL (\\x00); the services do not strip it yet"
)
def test_control_characters_are_dropped(database: Database) -> None:
    typed = "baris\x00satu\x0bdua\x1b[31m\ttab\r\nbaris dua"
    built = build_visit(database, findings=typed, photos=0, with_checks=False)
    text = all_text(render_visit(database, built.visit_id, **FIXED))
    assert "barissatudua[31m tab" in text
    assert "baris dua" in text


def test_every_text_is_in_the_bundled_dejavu_font(database: Database) -> None:
    built = build_visit(database, findings="60 °C ± 2 ≤ 4,6 — “ok”", photos=0)
    pdf = render_visit(database, built.visit_id, **FIXED)
    names = {re.sub(r"^/[A-Z]{6}\+", "/", n) for n in font_names(pdf)}
    used = {n for n in names if n != "/Helvetica"}  # ReportLab's unused default entry
    assert used and all("DejaVuSans" in n for n in used)
    assert "60 °C ± 2 ≤ 4,6 — “ok”" in all_text(pdf)


def test_no_paragraph_is_built_outside_the_escaping_helper() -> None:
    package = Path(__file__).resolve().parents[2] / "ikmdesk" / "reports"
    offenders = [
        f"{path.name}:{number}"
        for path in sorted(package.glob("*.py"))
        if path.name != "markup.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bParagraph\s*\(", line)
    ]
    assert offenders == []
