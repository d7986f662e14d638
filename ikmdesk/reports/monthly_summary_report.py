"""Rekapitulasi bulanan: the month's visits, results, neglected IKMs and late actions."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from ikmdesk.reports.base import PdfReport
from ikmdesk.reports.charts import count_bar_chart
from ikmdesk.reports.markup import escaped, para, para_markup
from ikmdesk.reports.tables import data_table, data_tables
from ikmdesk.services.report_data import CountRow, FollowUpLine, MonthlySummary

_COLUMN_OF = {
    "section_by_officer": "col_officer",
    "section_by_cluster": "col_cluster",
    "section_by_kecamatan": "col_kecamatan",
}


class MonthlySummaryReport(PdfReport):
    """The monthly mentoring summary for the office, built from a MonthlySummary."""

    kind = "summary"

    def __init__(self, summary: MonthlySummary, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.summary = summary

    def record_id(self) -> str:
        scope = self.summary.cluster.id if self.summary.cluster else ""
        scope += f"/{self.summary.kecamatan}" if self.summary.kecamatan else ""
        return f"{self.summary.month:%Y-%m}" + (f":{scope}" if scope else "")

    def data(self) -> MonthlySummary:
        return self.summary

    def title(self) -> str:
        return f"{self.t.t('summary_title')} — {self.t.month(self.summary.month)}"

    def story(self) -> list[Flowable]:
        return [
            *self.letterhead(),
            *self.heading(),
            *self.counts("section_by_officer", self.summary.by_officer),
            *self.counts("section_by_cluster", self.summary.by_cluster),
            *self.counts("section_by_kecamatan", self.summary.by_kecamatan),
            *self.results(),
            *self.stale(),
            *self.overdue(),
        ]

    def heading(self) -> list[Flowable]:
        """Return the title, month, scope and totals."""
        t, s, summary = self.t, self.styles, self.summary
        scope = []
        if summary.cluster:
            scope.append(t.t("summary_scope_cluster", cluster=summary.cluster.get(t.lang)))
        if summary.kecamatan:
            scope.append(t.t("summary_scope_kecamatan", kecamatan=summary.kecamatan))
        return [
            para_markup(f"<u>{escaped(t.t('summary_title'))}</u>", s["Title"]),
            para(t.t("summary_period", month=t.month(summary.month)), s["Center"]),
            para(" · ".join(scope) or t.t("summary_scope_all"), s["Center"]),
            para(
                t.t(
                    "summary_totals",
                    visits=summary.visit_count,
                    enterprises=summary.enterprises_visited,
                ),
                s["Center"],
            ),
            para(self._status_line(), s["Subtitle"]),
            *(
                [para(t.t("summary_drafts_apart", n=summary.draft_count), s["Center"])]
                if summary.draft_count
                else []
            ),
        ]

    def _status_line(self) -> str:
        """Return how many of the month's reports are approved, submitted, returned, draft."""
        t = self.t
        counts = {row.label.id: row.count for row in self.summary.by_status}
        parts = [
            f"{t.word(status)} {counts[status]}"
            for status in ("approved", "submitted", "returned", "draft")
            if counts.get(status)
        ]
        return t.t("summary_status", counts=", ".join(parts)) if parts else ""

    def counts(self, key: str, rows: tuple[CountRow, ...]) -> list[Flowable]:
        """Return one breakdown of the month's visits as a table beside a bar chart."""
        t, s = self.t, self.styles
        heading = para(t.t(key), s["Heading"])
        if not rows:
            return [heading, para(t.t("none_in_month"), s["Body"])]
        labels = [(r.label.get(t.lang), r.count) for r in rows]
        # The table and chart sit side by side and cannot split: the heading moves with them.
        return [KeepTogether([heading, self._table_and_chart(labels, t.t(_COLUMN_OF[key]))])]

    def results(self) -> list[Flowable]:
        """Return how the month's quality checks ended, per checklist."""
        t, s = self.t, self.styles
        parts: list[Flowable] = [para(t.t("section_results"), s["Heading"])]
        if not self.summary.results:
            return [*parts, para(t.t("none_in_month"), s["Body"])]
        for distribution in self.summary.results:
            rows = [(r.label.get(t.lang), r.count) for r in distribution.rows]
            parts.append(para(distribution.title.get(t.lang), s["SubHeading"]))
            parts.append(self._table_and_chart(rows, t.t("col_result")))
        return parts

    def stale(self) -> list[Flowable]:
        """Return the active IKMs not visited for longer than the summary's limit."""
        t, s = self.t, self.styles
        parts: list[Flowable] = [
            para(t.t("section_stale", months=self.summary.stale_months), s["Heading"])
        ]
        if not self.summary.stale:
            return [*parts, para(t.t("none_stale"), s["Body"])]
        rows = [
            [
                str(n),
                e.name,
                e.kecamatan,
                e.cluster.get(t.lang),
                t.date(e.last_visit) if e.last_visit else t.t("never"),
            ]
            for n, e in enumerate(self.summary.stale, start=1)
        ]
        widths = [0.9 * cm, 0.0, 3.6 * cm, 3.2 * cm, 3.2 * cm]
        widths[1] = self.frame_width - sum(widths)
        header = [
            t.t("col_no"),
            t.t("col_enterprise"),
            t.t("col_kecamatan"),
            t.t("col_cluster"),
            t.t("col_last_visit"),
        ]
        return [*parts, *data_tables(header, rows, widths, s)]

    def overdue(self) -> list[Flowable]:
        """Return follow-up actions past their deadline at the end of the month."""
        t, s = self.t, self.styles
        parts: list[Flowable] = [para(t.t("section_overdue"), s["Heading"])]
        if not self.summary.overdue:
            return [*parts, para(t.t("none_overdue"), s["Body"])]
        end = _month_end(self.summary.month)
        rows = [self._overdue_row(n, item, end) for n, item in enumerate(self.summary.overdue, 1)]
        widths = [0.9 * cm, 3.6 * cm, 0.0, 2.9 * cm, 2.5 * cm, 2.2 * cm]
        widths[2] = self.frame_width - sum(widths)
        header = [
            t.t("col_no"),
            t.t("col_enterprise"),
            t.t("col_action"),
            t.t("col_owner"),
            t.t("col_due"),
            t.t("col_days_late"),
        ]
        return [*parts, *data_tables(header, rows, widths, s)]

    def _overdue_row(self, number: int, item: FollowUpLine, end: date) -> list:
        late = para(str((end - item.due_date).days), self.styles["CellRight"])
        return [
            str(number),
            item.enterprise_name,
            item.action,
            item.owner or "—",
            self.t.date(item.due_date),
            late,
        ]

    def _table_and_chart(self, rows: list[tuple[str, int]], head: str) -> Flowable:
        t, s = self.t, self.styles
        table_width = 7.4 * cm
        total = sum(count for _, count in rows)
        body = [[label, para(str(count), s["CellRight"])] for label, count in rows]
        body.append([para(t.t("total"), s["CellHead"]), para(str(total), s["CellRight"])])
        table = data_table([head, t.t("col_count")], body, [table_width - 1.6 * cm, 1.6 * cm], s)
        chart = count_bar_chart(rows, self.frame_width - table_width - 0.4 * cm)
        outer = Table([[table, chart]], colWidths=[table_width + 0.4 * cm, None])
        outer.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        outer.spaceAfter = 4
        return outer


def _month_end(first: date) -> date:
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)
