"""Rekapitulasi pendampingan per bulan, triwulan or tahun: the period's visits and results,
neglected IKMs, late actions, expired P-IRT numbers, the halal obligation, stagnation risk,
and a signature block. Every list is as the period stood on its last day.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from ikmdesk.reports.base import PdfReport
from ikmdesk.reports.charts import labelled_bar_chart
from ikmdesk.reports.markup import escaped, para, para_markup
from ikmdesk.reports.signatures import signature_block, signature_row
from ikmdesk.reports.tables import data_table, data_tables
from ikmdesk.services.report_data import OVERDUE_SHOWN, CountRow, FollowUpLine, MonthlySummary
from ikmdesk.services.report_period import month_period

_COLUMN_OF = {
    "section_by_officer": "col_officer",
    "section_by_cluster": "col_cluster",
    "section_by_kecamatan": "col_kecamatan",
}
_ROMAN = ("I", "II", "III", "IV")


class MonthlySummaryReport(PdfReport):
    """The mentoring summary of a month, quarter or year, built from a MonthlySummary.

    ``annex`` adds the full lists (every overdue action, every IKM the halal obligation
    concerns) after the signatures; without it the body gives counts and the oldest few.
    """

    kind = "summary"

    def __init__(self, summary: MonthlySummary, *, annex: bool = False, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.summary = summary
        self.annex = annex

    def record_id(self) -> str:
        scope = self.summary.cluster.id if self.summary.cluster else ""
        scope += f"/{self.summary.kecamatan}" if self.summary.kecamatan else ""
        return self._period_key() + (f":{scope}" if scope else "")

    def data(self) -> MonthlySummary:
        return self.summary

    def title(self) -> str:
        return f"{self._title()} — {self._period_text()}"

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
            *self.pirt_expired(),
            *self.halal(),
            *self.stagnation(),
            *self.signatures(),
            *self.annexes(),
        ]

    # --- period ---------------------------------------------------------------------------

    def _period_key(self) -> str:
        first = self.summary.month
        if self.summary.period == "year":
            return f"{first.year}"
        if self.summary.period == "quarter":
            return f"{first.year}-Q{(first.month - 1) // 3 + 1}"
        return f"{first:%Y-%m}"

    def _title(self) -> str:
        key = {"quarter": "summary_title_quarter", "year": "summary_title_year"}
        return self.t.t(key.get(self.summary.period, "summary_title"))

    def _period_text(self) -> str:
        t, first = self.t, self.summary.month
        if self.summary.period == "year":
            return t.t("summary_period_year", year=first.year)
        if self.summary.period == "quarter":
            return t.t(
                "summary_period_quarter",
                roman=_ROMAN[(first.month - 1) // 3],
                year=first.year,
                first=t.date(first),
                last=t.date(self.summary.last_day),
            )
        return t.t("summary_period", month=t.month(first))

    def _none(self) -> str:
        return self.t.t("none_in_month" if self.summary.period == "month" else "none_in_period")

    # --- sections -------------------------------------------------------------------------

    def heading(self) -> list[Flowable]:
        """Return the title, period, scope, totals and the day every list is computed on."""
        t, s, summary = self.t, self.styles, self.summary
        scope = []
        if summary.cluster:
            scope.append(t.t("summary_scope_cluster", cluster=summary.cluster.get(t.lang)))
        if summary.kecamatan:
            scope.append(t.t("summary_scope_kecamatan", kecamatan=summary.kecamatan))
        return [
            para_markup(f"<u>{escaped(self._title())}</u>", s["Title"]),
            para(self._period_text(), s["Center"]),
            para(" · ".join(scope) or t.t("summary_scope_all"), s["Center"]),
            para(
                t.t(
                    "summary_totals",
                    visits=summary.visit_count,
                    enterprises=summary.enterprises_visited,
                ),
                s["Center"],
            ),
            para(self._status_line(), s["Center"]),
            *(
                [para(t.t("summary_drafts_apart", n=summary.draft_count), s["Center"])]
                if summary.draft_count
                else []
            ),
            para(t.t("summary_as_of", date=t.date(summary.last_day)), s["Subtitle"]),
        ]

    def _status_line(self) -> str:
        """Return how many of the period's reports are approved, submitted, returned, draft."""
        t = self.t
        counts = {row.label.id: row.count for row in self.summary.by_status}
        parts = [
            f"{t.word(status)} {counts[status]}"
            for status in ("approved", "submitted", "returned", "draft")
            if counts.get(status)
        ]
        return t.t("summary_status", counts=", ".join(parts)) if parts else ""

    def counts(self, key: str, rows: tuple[CountRow, ...]) -> list[Flowable]:
        """Return one breakdown of the period's visits (zeros shown) beside a bar chart."""
        t, s = self.t, self.styles
        heading = para(t.t(key), s["Heading"])
        if not rows:
            return [heading, para(self._none(), s["Body"])]
        labels = [(r.label.get(t.lang), r.count) for r in rows]
        table = self._table_and_chart(labels, t.t(_COLUMN_OF[key]), t.t("chart_legend_visits"))
        # The table and chart sit side by side and cannot split: the heading moves with them.
        return [KeepTogether([heading, table])]

    def results(self) -> list[Flowable]:
        """Return how the period's quality checks ended, per checklist, with the basis."""
        t, s = self.t, self.styles
        parts: list[Flowable] = [para(t.t("section_results"), s["Heading"])]
        if not self.summary.results:
            return [*parts, para(self._none(), s["Body"])]
        for distribution in self.summary.results:
            rows = [(r.label.get(t.lang), r.count) for r in distribution.rows]
            block: list[Flowable] = [para(distribution.title.get(t.lang), s["SubHeading"])]
            if distribution.source:
                basis = t.t("results_basis", source=distribution.source)
                if not distribution.confirmed:
                    basis += f" — {t.t('to_confirm')}"
                block.append(para(basis, s["Small"]))
            block.append(self._table_and_chart(rows, t.t("col_result"), t.t("chart_legend_checks")))
            parts.append(KeepTogether(block))
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
        """Return the overdue actions on the period's last day as counts and the oldest few."""
        t, s, summary = self.t, self.styles, self.summary
        parts: list[Flowable] = [para(t.t("section_overdue"), s["Heading"])]
        if not summary.overdue:
            return [*parts, para(t.t("none_overdue"), s["Body"])]
        end = summary.last_day
        parts.append(
            para(t.t("overdue_total", n=len(summary.overdue), date=t.date(end)), s["Body"])
        )
        bands = [
            [row.label.get(t.lang), para(str(row.count), s["CellRight"])]
            for row in summary.overdue_bands
        ]
        bands.append(
            [para(t.t("total"), s["CellHead"]), para(str(len(summary.overdue)), s["CellRight"])]
        )
        parts.append(
            data_table([t.t("col_lateness"), t.t("col_count")], bands, [5 * cm, 2 * cm], s)
        )
        oldest = sorted(summary.overdue, key=lambda item: (item.due_date, item.id))
        shown = oldest[:OVERDUE_SHOWN]
        parts += [
            Spacer(1, 4),
            para(t.t("overdue_oldest", n=len(shown)), s["Body"]),
            *self._overdue_table(shown, end),
        ]
        rest = len(oldest) - len(shown)
        if rest:
            key = "overdue_rest_annex" if self.annex else "overdue_rest_no_annex"
            parts += [
                Spacer(1, 2),
                para(t.t(key, n=len(oldest) if self.annex else rest), s["Small"]),
            ]
        return parts

    def _overdue_table(self, items: list[FollowUpLine], end: date) -> list[Flowable]:
        t, s = self.t, self.styles
        rows = [self._overdue_row(n, item, end) for n, item in enumerate(items, 1)]
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
        return data_tables(header, rows, widths, s)

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

    def pirt_expired(self) -> list[Flowable]:
        """Return the P-IRT numbers expired on the period's last day, and how many run out
        at the end of that year."""
        t, s, summary = self.t, self.styles, self.summary
        end = summary.last_day
        parts: list[Flowable] = [
            para(t.t("section_pirt_expired"), s["Heading"]),
            para(t.t("pirt_expired_lead", date=t.date(end)), s["Small"]),
        ]
        expired = [p for p in summary.pirt_expiries if p.state == "expired"]
        expiring = len(summary.pirt_expiries) - len(expired)
        if not expired:
            parts.append(para(t.t("none_pirt_expired"), s["Body"]))
        else:
            rows = [
                [
                    str(n),
                    p.enterprise_name,
                    p.kecamatan,
                    p.product_name,
                    p.pirt_number,
                    t.t("pirt_year_end", year=p.expiry_year),
                ]
                for n, p in enumerate(expired, start=1)
            ]
            widths = [0.9 * cm, 0.0, 3.0 * cm, 3.2 * cm, 3.5 * cm, 2.3 * cm]
            widths[1] = self.frame_width - sum(widths)
            header = [
                t.t("col_no"),
                t.t("col_enterprise"),
                t.t("col_kecamatan"),
                t.t("col_product"),
                t.t("col_pirt"),
                t.t("col_valid_until"),
            ]
            parts += data_tables(header, rows, widths, s)
        if expiring:
            parts.append(Spacer(1, 3))
            parts.append(para(t.t("pirt_expiring_count", n=expiring, year=end.year), s["Body"]))
        return parts

    def halal(self) -> list[Flowable]:
        """Return the halal obligation of micro/small food firms and who was not certified on
        the period's last day (counts per kecamatan; the names in the annex)."""
        t, s, summary = self.t, self.styles, self.summary
        parts: list[Flowable] = [para(t.t("section_halal"), s["Heading"])]
        obligation = summary.halal_obligation
        if obligation is None:
            return [*parts, para(t.t("halal_off"), s["Body"])]
        confirmation = t.t("confirmed" if obligation.confirmed else "to_confirm")
        parts.append(
            para(
                t.t(
                    "halal_rule",
                    date=t.date(obligation.deadline),
                    source=obligation.source,
                    confirmation=confirmation,
                ),
                s["Body"],
            )
        )
        due = summary.halal_due
        if not due:
            return [*parts, para(t.t("none_halal_due"), s["Body"])]
        in_process = sum(1 for d in due if d.halal_status == "in_process")
        parts.append(
            para(
                t.t(
                    "halal_due_count",
                    date=t.date(summary.last_day),
                    n=len(due),
                    in_process=in_process,
                ),
                s["Body"],
            )
        )
        per_kecamatan: dict[str, int] = {}
        for d in due:
            per_kecamatan[d.kecamatan or "—"] = per_kecamatan.get(d.kecamatan or "—", 0) + 1
        rows = sorted(per_kecamatan.items(), key=lambda pair: (-pair[1], pair[0]))
        parts.append(
            data_table(
                [t.t("col_kecamatan"), t.t("col_count")],
                [[name, para(str(n), s["CellRight"])] for name, n in rows],
                [5 * cm, 2 * cm],
                s,
            )
        )
        parts.append(Spacer(1, 2))
        parts.append(
            para(
                t.t("halal_due_annex") if self.annex else t.t("overdue_rest_no_annex", n=len(due)),
                s["Small"],
            )
        )
        return parts

    def stagnation(self) -> list[Flowable]:
        """Return the IKMs at risk of stagnation on the period's last day."""
        t, s, summary = self.t, self.styles, self.summary
        parts: list[Flowable] = [
            para(t.t("section_stagnation"), s["Heading"]),
            para(t.t("stagnation_lead", date=t.date(summary.last_day)), s["Small"]),
        ]
        if not summary.stagnation:
            return [*parts, para(t.t("none_stagnation"), s["Body"])]
        rows = [
            [
                str(n),
                r.name,
                r.kecamatan,
                r.reasons.get(t.lang),
                t.date(r.last_visit) if r.last_visit else t.t("never"),
            ]
            for n, r in enumerate(summary.stagnation, start=1)
        ]
        widths = [0.9 * cm, 4.2 * cm, 3.0 * cm, 0.0, 3.0 * cm]
        widths[3] = self.frame_width - sum(widths)
        header = [
            t.t("col_no"),
            t.t("col_enterprise"),
            t.t("col_kecamatan"),
            t.t("col_reasons"),
            t.t("col_last_visit"),
        ]
        return [*parts, *data_tables(header, rows, widths, s)]

    def signatures(self) -> list[Flowable]:
        """Return "Dibuat oleh" (this device's officer) and "Mengetahui" (the office's
        supervisor) side by side, kept together on one page."""
        t, s, settings, summary = self.t, self.styles, self.settings, self.summary
        place = t.t("place_date", city=settings.city, date=t.date(self.generated_at.date()))
        half = self.frame_width / 2

        def block(top: list[str], name: str | None, nip: str | None) -> list[Flowable]:
            return signature_block(t, s, top, name, nip)

        made_by = summary.made_by_name
        made_nip = summary.made_by_nip
        supervisor = settings.supervisor_name or summary.supervisor_name
        supervisor_nip = settings.supervisor_nip or (
            summary.supervisor_nip if not settings.supervisor_name else None
        )
        if made_by and made_by == supervisor:
            made_by, made_nip = None, None  # the supervisor does not sign twice
        known = block([t.t("sign_known"), settings.supervisor_title], supervisor, supervisor_nip)
        made = block([place, t.t("sign_made_by")], made_by, made_nip)
        table = signature_row([known, made], half)
        return [KeepTogether([Spacer(1, 16), table])]

    def annexes(self) -> list[Flowable]:
        """Return the full lists, when asked for: every overdue action, every IKM the halal
        obligation concerns."""
        if not self.annex:
            return []
        t, s, summary = self.t, self.styles, self.summary
        parts: list[Flowable] = [
            PageBreak(),
            para_markup(f"<u>{escaped(t.t('annex_title'))}</u>", s["Title"]),
            para(self._period_text(), s["Subtitle"]),
            para(t.t("annex_overdue"), s["Heading"]),
        ]
        if summary.overdue:
            oldest = sorted(summary.overdue, key=lambda item: (item.due_date, item.id))
            parts += self._overdue_table(oldest, summary.last_day)
        else:
            parts.append(para(t.t("none_overdue"), s["Body"]))
        parts.append(para(t.t("annex_halal"), s["Heading"]))
        if summary.halal_due:
            rows = [
                [str(n), d.name, d.kecamatan, t.word(d.scale), t.word(d.halal_status)]
                for n, d in enumerate(summary.halal_due, start=1)
            ]
            widths = [0.9 * cm, 0.0, 3.6 * cm, 2.4 * cm, 3.6 * cm]
            widths[1] = self.frame_width - sum(widths)
            header = [
                t.t("col_no"),
                t.t("col_enterprise"),
                t.t("col_kecamatan"),
                t.t("col_scale"),
                t.t("col_halal"),
            ]
            parts += data_tables(header, rows, widths, s)
        else:
            parts.append(para(t.t("none_halal_due"), s["Body"]))
        return parts

    def _table_and_chart(self, rows: list[tuple[str, int]], head: str, legend: str) -> Flowable:
        t, s = self.t, self.styles
        table_width = 7.4 * cm
        total = sum(count for _, count in rows)
        body = [[label, para(str(count), s["CellRight"])] for label, count in rows]
        body.append([para(t.t("total"), s["CellHead"]), para(str(total), s["CellRight"])])
        table = data_table([head, t.t("col_count")], body, [table_width - 1.6 * cm, 1.6 * cm], s)
        chart = labelled_bar_chart(rows, self.frame_width - table_width - 0.4 * cm, legend)
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
    return month_period(first).last
