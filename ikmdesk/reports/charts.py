"""Small charts drawn with ReportLab graphics: bar charts of counts, scores over time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.charts.textlabels import Label as ChartLabel
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from ikmdesk.reports.fonts import REGULAR, printable
from ikmdesk.reports.styles import BAR_FILL, MUTED

SERIES_COLOURS = (
    colors.HexColor("#4a6f96"),
    colors.HexColor("#c0792b"),
    colors.HexColor("#3f8f5a"),
    colors.HexColor("#8e44ad"),
    colors.HexColor("#b03a2e"),
)
_MAX_LABEL = 34


def count_bar_chart(rows: Sequence[tuple[str, int]], width: float) -> Drawing:
    """Return horizontal bars, one per (label, count), largest first as given."""
    bar_height = 13
    height = max(40, bar_height * len(rows) + 30)
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    label_room = min(width * 0.45, 170)
    chart.x = label_room
    chart.y = 18
    chart.width = width - label_room - 30
    chart.height = height - 26
    # Bars are listed top to bottom, so the first row is drawn last (at the top).
    chart.data = [[count for _, count in reversed(rows)]]
    fits = max(8, int(label_room / (7.5 * 0.56)))  # DejaVu's average glyph is ~0.56 em
    chart.categoryAxis.categoryNames = [_short(label, fits) for label, _ in reversed(rows)]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -7
    _count_axis_and_bars(chart, rows)
    drawing.add(chart)
    return drawing


def _count_axis_and_bars(chart: HorizontalBarChart, rows: Sequence[tuple[str, int]]) -> None:
    """Give a horizontal bar chart of counts its value axis and its labelled bars."""
    chart.valueAxis.valueMin = 0
    top = max((count for _, count in rows), default=1)
    chart.valueAxis.valueMax = max(top, 1)
    chart.valueAxis.valueStep = _step(top)
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d"
    chart.bars[0].fillColor = BAR_FILL
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3


def score_line_chart(
    series: Sequence[tuple[str, Sequence[tuple[date, float]]]], width: float, height: float
) -> Drawing:
    """Return one line per named series of (date, score), dates along the bottom."""
    drawing = Drawing(width, height)
    plot = LinePlot()
    plot.x, plot.y = 40, 45
    plot.width, plot.height = width - 60, height - 60
    plot.data = [[(day.toordinal(), value) for day, value in points] for _, points in series]
    all_days = sorted({day for _, points in series for day, _ in points})
    first, last = all_days[0].toordinal(), all_days[-1].toordinal()
    if first == last:
        first, last = first - 15, last + 15
    plot.xValueAxis.valueMin = first
    plot.xValueAxis.valueMax = last
    plot.xValueAxis.valueSteps = _spaced_ticks(all_days, first, last, plot.width)
    plot.xValueAxis.labelTextFormat = lambda v: date.fromordinal(int(v)).strftime("%d/%m/%y")
    plot.xValueAxis.labels.fontName = REGULAR
    plot.xValueAxis.labels.fontSize = 7
    plot.yValueAxis.valueMin = 0
    top = max(value for _, points in series for _, value in points)
    plot.yValueAxis.valueMax = max(top * 1.1, 1)
    plot.yValueAxis.labels.fontName = REGULAR
    plot.yValueAxis.labels.fontSize = 7
    for index in range(len(series)):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        plot.lines[index].strokeColor = colour
        plot.lines[index].strokeWidth = 1.4
        plot.lines[index].symbol = makeMarker("FilledCircle", size=4, fillColor=colour)
    drawing.add(plot)
    for index, (name, _) in enumerate(series):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        x = 40 + (index % 2) * (width - 60) / 2
        y = 14 - (index // 2) * 10 + (10 if len(series) > 2 else 0)
        drawing.add(
            String(x, y, "■ " + _short(name, 50), fontName=REGULAR, fontSize=7.5, fillColor=colour)
        )
    return drawing


def empty_chart_note(text: str, width: float) -> Drawing:
    """Return a small drawing that only says there is nothing to chart."""
    drawing = Drawing(width, 20)
    label = ChartLabel()
    label.setText(printable(text))
    label.fontName = REGULAR
    label.fontSize = 8
    label.fillColor = MUTED
    label.x, label.y, label.boxAnchor = 0, 10, "w"
    drawing.add(label)
    return drawing


def _short(text: str, limit: int = _MAX_LABEL) -> str:
    clean = printable(" ".join(text.split()))
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def _step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500):
        if top / step <= 8:
            return step
    return 1000


LEGEND_SIZE = 7.5
_LABEL_SIZE = 7.5


def labelled_bar_chart(rows: Sequence[tuple[str, int]], width: float, legend: str) -> Drawing:
    """Return horizontal bars, one per (label, count) top to bottom, each label written in
    full (wrapped over lines, never cut short), the counts at the bar ends and a legend."""
    label_room = min(
        width * 0.45,
        max([stringWidth(printable(label), REGULAR, _LABEL_SIZE) for label, _ in rows] + [40]) + 10,
    )
    labels = [_wrapped(label, label_room - 10) for label, _ in rows]
    lines = [label.count("\n") + 1 for label in labels]
    bar_room = max(13, 9 * max(lines, default=1) + 4)
    legend_room = 16
    height = max(40, bar_room * len(rows) + 18 + legend_room)
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x = label_room
    chart.y = 14 + legend_room
    chart.width = width - label_room - 30
    chart.height = height - chart.y - 6
    chart.data = [[count for _, count in reversed(rows)]]  # the first row is drawn at the top
    chart.categoryAxis.categoryNames = list(reversed(labels))
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = _LABEL_SIZE
    chart.categoryAxis.labels.leading = 9
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.textAnchor = "end"
    chart.categoryAxis.labels.dx = -5
    _count_axis_and_bars(chart, rows)
    drawing.add(chart)
    _legend(drawing, [(legend, BAR_FILL)], x=label_room, y=3)
    return drawing


def ranked_line_chart(
    series: Sequence[tuple[str, Sequence[tuple[date, int]]]],
    ranks: Sequence[str],
    width: float,
    height: float,
) -> Drawing:
    """Return one line per named series of (date, rank), ``ranks`` naming the steps from the
    bottom (0) up, written in full beside the axis, with the dates below and a legend.

    For values that are ordered words rather than numbers: CPPB-IRT levels, cocoa grades.
    """
    label_room = max(stringWidth(printable(r), REGULAR, 7) for r in ranks) + 16
    legend_room = 12 * ((len(series) + 1) // 2) + 4
    drawing = Drawing(width, height + legend_room)
    plot = LinePlot()
    plot.x, plot.y = label_room, 30 + legend_room
    plot.width, plot.height = width - label_room - 20, height - 40
    plot.data = [[(day.toordinal(), value) for day, value in points] for _, points in series]
    all_days = sorted({day for _, points in series for day, _ in points})
    first, last = all_days[0].toordinal(), all_days[-1].toordinal()
    if first == last:
        first, last = first - 15, last + 15
    plot.xValueAxis.valueMin = first
    plot.xValueAxis.valueMax = last
    plot.xValueAxis.valueSteps = _spaced_ticks(all_days, first, last, plot.width)
    plot.xValueAxis.labelTextFormat = lambda v: date.fromordinal(int(v)).strftime("%d/%m/%y")
    plot.xValueAxis.labels.fontName = REGULAR
    plot.xValueAxis.labels.fontSize = 7
    plot.yValueAxis.valueMin = -0.3
    plot.yValueAxis.valueMax = len(ranks) - 0.7
    plot.yValueAxis.valueSteps = list(range(len(ranks)))
    plot.yValueAxis.labelTextFormat = lambda v: printable(ranks[round(v)])
    plot.yValueAxis.labels.fontName = REGULAR
    plot.yValueAxis.labels.fontSize = 7
    plot.yValueAxis.labels.dx = -4
    plot.yValueAxis.visibleGrid = True
    plot.yValueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    for index in range(len(series)):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        plot.lines[index].strokeColor = colour
        plot.lines[index].strokeWidth = 1.4
        plot.lines[index].symbol = makeMarker("FilledCircle", size=4, fillColor=colour)
    drawing.add(plot)
    _legend(
        drawing,
        [(name, SERIES_COLOURS[i % len(SERIES_COLOURS)]) for i, (name, _) in enumerate(series)],
        x=label_room,
        y=3,
        columns=2,
        column_width=(width - label_room) / 2,
    )
    return drawing


def _spaced_ticks(days: Sequence[date], first: int, last: int, width: float) -> list[int]:
    """Return the dates to label along the axis, far enough apart that no labels overlap
    (a date label is about 32 points wide at 7 points); the last date is always labelled."""
    room = 40 * (last - first) / max(width, 1)
    ticks: list[int] = []
    for day in (d.toordinal() for d in days):
        if not ticks or day - ticks[-1] >= room:
            ticks.append(day)
    if days and ticks[-1] != days[-1].toordinal():
        if len(ticks) > 1 and days[-1].toordinal() - ticks[-1] < room:
            ticks.pop()
        ticks.append(days[-1].toordinal())
    return ticks


def _legend(
    drawing: Drawing,
    entries: Sequence[tuple[str, object]],
    *,
    x: float,
    y: float,
    columns: int = 1,
    column_width: float = 0,
) -> None:
    """Draw a legend: a coloured square and the series' full name per entry, bottom up."""
    rows = (len(entries) + columns - 1) // columns
    for index, (name, colour) in enumerate(entries):
        row, column = divmod(index, columns)
        left = x + column * column_width
        base = y + (rows - 1 - row) * 12
        drawing.add(Rect(left, base, 7, 7, fillColor=colour, strokeColor=None))
        drawing.add(
            String(left + 10, base + 0.5, printable(name), fontName=REGULAR, fontSize=LEGEND_SIZE)
        )


def _wrapped(text: str, room: float) -> str:
    """Return ``text`` broken into lines no wider than ``room`` points, every word kept."""
    lines: list[str] = []
    for word in printable(" ".join(text.split())).split(" "):
        if lines and stringWidth(f"{lines[-1]} {word}", REGULAR, _LABEL_SIZE) <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines) or " "
