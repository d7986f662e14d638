"""The Excel version of a summary: the same tables as the PDF, one sheet each.

Headers and words come from the report catalogue, so the workbook reads in the report's
language; numbers are numbers and dates are dates, so the office can total and filter them.
Every result table names its basis and "perlu dikonfirmasi" where the rule is unverified.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ikmdesk.atomic_file import atomic_output, ensure_parent
from ikmdesk.reports.catalogue import Catalogue, catalogue
from ikmdesk.services.report_data import CountRow, MonthlySummary

_SHEET_NAME_LIMIT = 31  # Excel's limit


def write_summary_workbook(
    path: str | Path, summary: MonthlySummary, *, lang: str | None = None, title: str = ""
) -> Path:
    """Write ``summary`` as an .xlsx at ``path`` (beside it first, renamed on success)."""
    import xlsxwriter  # only the Excel version needs it

    t = catalogue(lang)
    target = Path(path)
    ensure_parent(target)
    with atomic_output(target) as tmp:
        book = xlsxwriter.Workbook(
            str(tmp),
            {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False},
        )
        try:
            _Book(book, t).fill(summary, title)
        finally:
            book.close()
    return target


class _Book:
    def __init__(self, book: Any, t: Catalogue) -> None:
        self.book, self.t = book, t
        self.head = book.add_format({"bold": True, "bg_color": "#E8ECF2", "text_wrap": True})
        self.bold = book.add_format({"bold": True})
        self.day = book.add_format({"num_format": "dd/mm/yyyy"})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})

    def fill(self, s: MonthlySummary, title: str) -> None:
        t = self.t
        end = s.last_day
        lead: list[list[Any]] = [
            [title],
            [t.t("summary_as_of", date=t.date(end))],
            [t.t("summary_totals", visits=s.visit_count, enterprises=s.enterprises_visited)],
        ]
        if s.draft_count:
            lead.append([t.t("summary_drafts_apart", n=s.draft_count)])
        self.sheet(
            t.t("sheet_overview"),
            [t.t("col_status"), t.t("col_count")],
            [[t.word(r.label.id), r.count] for r in s.by_status],
            lead=lead,
            widths=(30, 10),
        )
        self.counts("section_by_officer", "col_officer", s.by_officer)
        self.counts("section_by_cluster", "col_cluster", s.by_cluster)
        self.counts("section_by_kecamatan", "col_kecamatan", s.by_kecamatan)
        self.sheet(
            t.t("section_results"),
            [
                t.t("col_template"),
                t.t("col_result"),
                t.t("col_count"),
                t.t("col_basis"),
                t.t("col_confirmation"),
            ],
            [
                [
                    d.title.get(t.lang),
                    r.label.get(t.lang),
                    r.count,
                    d.source or "",
                    "" if d.confirmed else t.t("to_confirm"),
                ]
                for d in s.results
                for r in d.rows
            ],
            widths=(40, 24, 9, 60, 18),
        )
        self.sheet(
            t.t("section_stale", months=s.stale_months),
            [
                t.t("col_enterprise"),
                t.t("col_kecamatan"),
                t.t("col_cluster"),
                t.t("col_last_visit"),
            ],
            [
                [e.name, e.kecamatan, e.cluster.get(t.lang), e.last_visit or t.t("never")]
                for e in s.stale
            ],
        )
        self.sheet(
            t.t("section_overdue"),
            [
                t.t("col_enterprise"),
                t.t("col_action"),
                t.t("col_owner"),
                t.t("col_due"),
                t.t("col_days_late"),
            ],
            [
                [f.enterprise_name, f.action, f.owner or "", f.due_date, (end - f.due_date).days]
                for f in sorted(s.overdue, key=lambda f: (f.due_date, f.id))
            ],
            widths=(30, 50, 20, 12, 10),
            lead=[[r.label.get(t.lang), r.count] for r in s.overdue_bands],
        )
        self.sheet(
            t.t("section_pirt_expired"),
            [
                t.t("col_enterprise"),
                t.t("col_kecamatan"),
                t.t("col_product"),
                t.t("col_pirt"),
                t.t("col_valid_until"),
                t.t("col_state"),
            ],
            [
                [
                    p.enterprise_name,
                    p.kecamatan,
                    p.product_name,
                    p.pirt_number,
                    p.expiry_year,
                    t.t("pirt_expired" if p.state == "expired" else "pirt_ends_this_year"),
                ]
                for p in s.pirt_expiries
            ],
        )
        obligation = s.halal_obligation
        lead = []
        if obligation is not None:
            confirmation = t.t("confirmed" if obligation.confirmed else "to_confirm")
            lead.append(
                [
                    t.t(
                        "halal_rule",
                        date=t.date(obligation.deadline),
                        source=obligation.source,
                        confirmation=confirmation,
                    )
                ]
            )
        self.sheet(
            t.t("section_halal"),
            [t.t("col_enterprise"), t.t("col_kecamatan"), t.t("col_scale"), t.t("col_halal")],
            [[d.name, d.kecamatan, t.word(d.scale), t.word(d.halal_status)] for d in s.halal_due],
            lead=lead,
        )
        self.sheet(
            t.t("section_stagnation"),
            [
                t.t("col_enterprise"),
                t.t("col_kecamatan"),
                t.t("col_reasons"),
                t.t("col_last_visit"),
            ],
            [[r.name, r.kecamatan, r.reasons.get(t.lang), r.last_visit] for r in s.stagnation],
            widths=(30, 18, 50, 14),
        )

    def counts(self, section: str, column: str, rows: tuple[CountRow, ...]) -> None:
        body: list[list[Any]] = [[r.label.get(self.t.lang), r.count] for r in rows]
        body.append([self.t.t("total"), sum(r.count for r in rows)])
        self.sheet(self.t.t(section), [self.t.t(column), self.t.t("col_count")], body)

    def sheet(
        self,
        name: str,
        header: Sequence[str],
        rows: Sequence[Sequence[Any]],
        *,
        widths: Sequence[int] = (),
        lead: Sequence[Sequence[Any]] = (),
    ) -> None:
        """Add one sheet: optional lead lines, the header row, then the rows."""
        sheet = self.book.add_worksheet(_sheet_name(name, self.book))
        for index in range(len(header)):
            sheet.set_column(index, index, widths[index] if index < len(widths) else 24)
        row = 0
        for line in lead:
            self.row(sheet, row, line)
            row += 1
        if lead:
            row += 1
        sheet.write_row(row, 0, list(header), self.head)
        sheet.freeze_panes(row + 1, 0)
        for values in rows:
            row += 1
            self.row(sheet, row, values)

    def row(self, sheet: Any, row: int, values: Sequence[Any]) -> None:
        for column, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, date):
                sheet.write_datetime(row, column, value, self.day)
            elif isinstance(value, bool):
                sheet.write_boolean(row, column, value)
            elif isinstance(value, int | float):
                sheet.write_number(row, column, value)
            else:
                sheet.write_string(row, column, str(value))


def _sheet_name(text: str, book: Any) -> str:
    """Return a valid, unused sheet name: no []:*?/\\ characters, at most 31 long."""
    clean = "".join(" " if c in "[]:*?/\\" else c for c in text).strip()
    # "A. Kunjungan per Petugas" reads better without the section letter in a tab
    if len(clean) > 3 and clean[1:3] == ". ":
        clean = clean[3:]
    clean = clean[:_SHEET_NAME_LIMIT].strip() or "Sheet"
    taken = {name.lower() for name in book.sheetnames}
    name, n = clean, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name = clean[: _SHEET_NAME_LIMIT - len(suffix)] + suffix
        n += 1
    return name
