"""Riwayat Pendampingan IKM: one enterprise's profile, visits, quality trend, open actions."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from ikmdesk.reports.base import PdfReport
from ikmdesk.reports.charts import empty_chart_note, score_line_chart
from ikmdesk.reports.markup import escaped, para, para_markup
from ikmdesk.reports.report_parts import follow_up_table, profile_block
from ikmdesk.reports.tables import data_table
from ikmdesk.services.report_data import CheckResult, EnterpriseHistory


class EnterpriseHistoryReport(PdfReport):
    """The mentoring history of one IKM, built from an EnterpriseHistory."""

    kind = "enterprise"

    def __init__(self, history: EnterpriseHistory, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.history = history

    def record_id(self) -> str:
        return self.history.enterprise.id

    def data(self) -> EnterpriseHistory:
        return self.history

    def title(self) -> str:
        return f"{self.t.t('history_title')} — {self.history.enterprise.name}"

    def story(self) -> list[Flowable]:
        return [
            *self.letterhead(),
            *self.heading(),
            *self.profile(),
            *self.visits(),
            *self.quality_trend(),
            *self.open_follow_ups(),
        ]

    def heading(self) -> list[Flowable]:
        """Return the title, the IKM's name and the day the history runs to."""
        t, s = self.t, self.styles
        return [
            para_markup(f"<u>{escaped(t.t('history_title'))}</u>", s["Title"]),
            para(self.history.enterprise.name, s["Center"]),
            para(t.t("as_of", date=t.date(self.history.as_of)), s["Subtitle"]),
        ]

    def profile(self) -> list[Flowable]:
        """Return section A: the enterprise profile with licences."""
        return [
            para(self.t.t("section_profile"), self.styles["Heading"]),
            *profile_block(
                self.history.enterprise,
                self.t,
                self.styles,
                self.frame_width,
                as_of=self.history.as_of,
            ),
        ]

    def visits(self) -> list[Flowable]:
        """Return section B: every visit, oldest first, with findings and check results."""
        t, s = self.t, self.styles
        parts: list[Flowable] = [para(t.t("section_visits"), s["Heading"])]
        if not self.history.visits:
            return [*parts, para(t.t("no_visits"), s["Body"])]
        for number, visit in enumerate(self.history.visits, start=1):
            line = t.t(
                "visit_line",
                date=t.date(visit.visit_date),
                purpose=t.word(visit.purpose),
                officer=visit.officer_name,
                status=t.word(visit.status),
            )
            block: list[Flowable] = [para(f"{number}. {line}", s["SubHeading"])]
            for key, text in (
                ("findings", visit.findings),
                ("recommendations", visit.recommendations),
            ):
                if text:
                    block.append(
                        para_markup(
                            f"<b>{escaped(t.t(key))}:</b> {escaped(text)}", s["BodyJustified"]
                        )
                    )
            if visit.checks:
                results = "; ".join(
                    f"{c.title.get(t.lang)}: {self._result_text(c)}" for c in visit.checks
                )
                block.append(
                    para_markup(f"<b>{escaped(t.t('checks'))}:</b> {escaped(results)}", s["Body"])
                )
            parts += [CondPageBreak(3 * cm), KeepTogether(block[:2]), *block[2:], Spacer(1, 4)]
        return parts

    def quality_trend(self) -> list[Flowable]:
        """Return section C: check scores over time as a chart, and every result as a table."""
        t, s = self.t, self.styles
        checks = [c for v in self.history.visits for c in v.checks]
        parts: list[Flowable] = [para(t.t("section_quality_trend"), s["Heading"])]
        if not checks:
            return [*parts, para(t.t("no_checks"), s["Body"])]
        # One chart per checklist: a count of non-conformities and a percentage do not share
        # an axis. Checks graded by measurement have no score; the table shows them.
        series: dict[tuple[str, str], list[tuple[date, float]]] = {}
        for check in checks:
            if check.complete and check.score is not None:
                key = (check.title.get(t.lang), check.rule_kind)
                series.setdefault(key, []).append((check.checked_on, check.score))
        if not series:
            parts.append(empty_chart_note(t.t("chart_no_scores"), self.frame_width))
        for (title, kind), points in sorted(series.items()):
            measure = t.t("chart_nc_count" if kind == "nonconformity_level" else "chart_score")
            chart = score_line_chart([(measure, points)], self.frame_width, 4.6 * cm)
            # The section heading moves on with its first chart rather than end a page alone.
            lead = [parts.pop()] if len(parts) == 1 else []
            parts.append(KeepTogether([*lead, para(title, s["SubHeading"]), chart]))
        parts.append(Spacer(1, 6))
        parts.append(self._check_lines(checks))
        return parts

    def open_follow_ups(self) -> list[Flowable]:
        """Return section D: follow-up actions not yet done."""
        t, s = self.t, self.styles
        parts: list[Flowable] = [para(t.t("section_open_follow_ups"), s["Heading"])]
        if not self.history.open_follow_ups:
            return [*parts, para(t.t("no_open_follow_ups"), s["Body"])]
        return [*parts, follow_up_table(self.history.open_follow_ups, t, s, self.frame_width)]

    def _check_lines(self, checks: tuple[CheckResult, ...] | list[CheckResult]) -> Flowable:
        t = self.t
        width = self.frame_width
        rows = []
        for check in checks:
            score = "—" if check.score is None else t.number(check.score)
            rows.append(
                [
                    t.date(check.checked_on),
                    check.title.get(t.lang),
                    check.product_name or "—",
                    self._result_text(check),
                    score,
                ]
            )
        widths = [3.1 * cm, 0.0, 3.3 * cm, 4.3 * cm, 1.3 * cm]
        widths[1] = width - sum(widths)
        header = [
            t.t("col_date"),
            t.t("col_template"),
            t.t("product"),
            t.t("col_result"),
            t.t("col_score"),
        ]
        return data_table(header, rows, widths, self.styles)

    def _result_text(self, check: CheckResult) -> str:
        if not check.complete:
            return self.t.t("result_incomplete")
        return check.label.get(self.t.lang) or check.code or "—"
