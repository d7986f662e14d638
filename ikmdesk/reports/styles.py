"""Named paragraph styles shared by every report, all in the bundled DejaVu Sans."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1

from ikmdesk.reports.fonts import BOLD, REGULAR, register_fonts

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#333333")
GRID = colors.HexColor("#9a9a9a")
HEAD_FILL = colors.HexColor("#e6e9ee")
ALERT = colors.HexColor("#a40000")
BAR_FILL = colors.HexColor("#4a6f96")


def report_styles() -> StyleSheet1:
    """Return a fresh style sheet: body text, headings, table cells, letterhead, signatures."""
    register_fonts()
    sheet = StyleSheet1()
    base = ParagraphStyle(
        "Body", fontName=REGULAR, fontSize=9.5, leading=12.5, textColor=INK, alignment=TA_LEFT
    )
    sheet.add(base)
    sheet.add(ParagraphStyle("BodyJustified", parent=base, alignment=TA_JUSTIFY, spaceAfter=4))
    sheet.add(ParagraphStyle("Small", parent=base, fontSize=8, leading=10, textColor=MUTED))
    sheet.add(ParagraphStyle("Center", parent=base, alignment=TA_CENTER))
    sheet.add(ParagraphStyle("Right", parent=base, alignment=TA_RIGHT))
    sheet.add(
        ParagraphStyle(
            "Title",
            parent=base,
            fontName=BOLD,
            fontSize=13,
            leading=17,
            alignment=TA_CENTER,
            spaceBefore=6,
            spaceAfter=2,
        )
    )
    sheet.add(ParagraphStyle("Subtitle", parent=base, alignment=TA_CENTER, spaceAfter=10))
    sheet.add(
        ParagraphStyle(
            "Heading",
            parent=base,
            fontName=BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=10,
            spaceAfter=4,
        )
    )
    sheet.add(
        ParagraphStyle(
            "SubHeading",
            parent=base,
            fontName=BOLD,
            fontSize=9.5,
            leading=12.5,
            spaceBefore=6,
            spaceAfter=2,
        )
    )
    sheet.add(ParagraphStyle("Cell", parent=base, fontSize=8.5, leading=10.5))
    sheet.add(ParagraphStyle("CellCenter", parent=sheet["Cell"], alignment=TA_CENTER))
    sheet.add(ParagraphStyle("CellRight", parent=sheet["Cell"], alignment=TA_RIGHT))
    sheet.add(ParagraphStyle("CellHead", parent=sheet["Cell"], fontName=BOLD, alignment=TA_CENTER))
    sheet.add(ParagraphStyle("CellAlert", parent=sheet["Cell"], textColor=ALERT, fontName=BOLD))
    sheet.add(ParagraphStyle("CellAlertCenter", parent=sheet["CellAlert"], alignment=TA_CENTER))
    sheet.add(ParagraphStyle("Caption", parent=base, fontSize=8, leading=10, alignment=TA_CENTER))
    sheet.add(
        ParagraphStyle(
            "Letterhead1", parent=base, fontName=BOLD, fontSize=12, leading=15, alignment=TA_CENTER
        )
    )
    sheet.add(
        ParagraphStyle(
            "Letterhead2",
            parent=base,
            fontName=BOLD,
            fontSize=13.5,
            leading=17,
            alignment=TA_CENTER,
        )
    )
    sheet.add(
        ParagraphStyle(
            "LetterheadAddress", parent=base, fontSize=8.5, leading=11, alignment=TA_CENTER
        )
    )
    sheet.add(ParagraphStyle("Sign", parent=base, alignment=TA_CENTER, leading=13))
    sheet.add(ParagraphStyle("SignName", parent=sheet["Sign"], fontName=BOLD))
    return sheet
