"""Bar charts for the programme report whose labels are never cut: long labels wrap.

ReportLab's bar chart draws each category name on one line, so a theme name with its count
("Mutu dan sertifikasi (0/5)") ran out of the label room. These bars are drawn by hand, each
label wrapped to the room measured in the font itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from ikmdesk.reports.fonts import REGULAR, printable
from ikmdesk.reports.styles import BAR_FILL, MUTED

FONT_SIZE = 7.5
LINE = 9.0
BAR = 9.0
GAP = 5.0


def wrap_label(text: str, room: float, size: float = FONT_SIZE) -> list[str]:
    """Return ``text`` as lines no wider than ``room`` points (a too-long word stays whole)."""
    lines: list[str] = []
    current = ""
    for word in printable(" ".join(text.split())).split(" "):
        trial = f"{current} {word}".strip()
        if current and stringWidth(trial, REGULAR, size) > room:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current] if current else lines or [""]


def wrapped_bar_chart(rows: Sequence[tuple[str, int]], width: float) -> Drawing:
    """Return horizontal bars, one per (label, count) from the top, with whole labels."""
    label_room = min(width * 0.48, 180)
    bar_room = width - label_room - 24
    wrapped = [wrap_label(label, label_room - 6) for label, _ in rows]
    heights = [max(BAR, LINE * len(lines)) + GAP for lines in wrapped]
    height = sum(heights) + 14
    drawing = Drawing(width, height)
    top = max((count for _, count in rows), default=0)
    scale = bar_room / max(top, 1)
    y = height
    for (_label, count), lines, row_height in zip(rows, wrapped, heights, strict=True):
        y -= row_height
        middle = y + row_height / 2
        first = middle + (len(lines) - 1) * LINE / 2 - FONT_SIZE / 3
        for n, line in enumerate(lines):
            drawing.add(
                String(
                    label_room - 6,
                    first - n * LINE,
                    line,
                    fontName=REGULAR,
                    fontSize=FONT_SIZE,
                    textAnchor="end",
                )
            )
        length = count * scale
        if length:
            drawing.add(
                Rect(
                    label_room, middle - BAR / 2, length, BAR, fillColor=BAR_FILL, strokeColor=None
                )
            )
        drawing.add(
            String(
                label_room + length + 3,
                middle - FONT_SIZE / 3,
                str(count),
                fontName=REGULAR,
                fontSize=7,
            )
        )
    drawing.add(Line(label_room, 10, label_room, height, strokeColor=MUTED, strokeWidth=0.5))
    return drawing
