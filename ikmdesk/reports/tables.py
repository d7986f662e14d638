"""Table layouts the reports share: gridded data tables and label–colon–value blocks.

Tables are built with ``splitInRow`` so a cell holding a very long user text (a 10,000
character finding) splits across pages instead of failing the layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from reportlab.lib.styles import StyleSheet1
from reportlab.platypus import Flowable, Table, TableStyle

from ikmdesk.reports.markup import para
from ikmdesk.reports.styles import GRID, HEAD_FILL

Cell: TypeAlias = Flowable | str


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    styles: StyleSheet1,
    *,
    extra: Sequence[tuple[object, ...]] = (),
) -> Table:
    """Return a gridded table with a shaded header row repeated on every page.

    String cells are user-safe text (escaped by ``para``); flowables are used as given.
    """
    head = [para(text, styles["CellHead"]) for text in header]
    body = [[_cell(value, styles) for value in row] for row in rows]
    table = Table([head, *body], colWidths=list(widths), repeatRows=1, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 3.5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3.5),
                *extra,
            ]
        )
    )
    return table


def data_tables(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    styles: StyleSheet1,
    *,
    chunk: int = 300,
) -> list[Flowable]:
    """Return a long list as consecutive tables of ``chunk`` rows that read as one.

    One table spanning dozens of pages is re-measured at every page break, so its cost grows
    with the square of its length (10,000 rows: 30 s as one table, 18 s in parts). Each part
    repeats the header, which a reader sees only every several pages.
    """
    parts = [rows[i : i + chunk] for i in range(0, len(rows), chunk)] or [rows]
    return [data_table(header, part, widths, styles) for part in parts]


def key_value_table(
    pairs: Sequence[tuple[str, Cell]], widths: tuple[float, float], styles: StyleSheet1
) -> Table:
    """Return "Label : value" lines, the way Indonesian forms list facts."""
    rows = [
        [para(label, styles["Body"]), para(":", styles["Body"]), _cell(value, styles, "Body")]
        for label, value in pairs
    ]
    table = Table(rows, colWidths=[widths[0], 8, widths[1] - 8], splitInRow=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def _cell(value: Cell, styles: StyleSheet1, style: str = "Cell") -> Flowable:
    return value if isinstance(value, Flowable) else para(value, styles[style])
