"""Riwayat Pendampingan IKM: one enterprise's profile, visits, quality trend, open actions."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from ikmdesk.reports.base import PdfReport
from ikmdesk.reports.charts import empty_chart_note, ranked_line_chart, score_line_chart
from ikmdesk.reports.markup import escaped, para, para_markup
from ikmdesk.reports.report_parts import follow_up_table, profile_block, readiness_text
from ikmdesk.reports.tables import data_table
from ikmdesk.services.licence_status import halal_obligation
from ikmdesk.services.report_data import CheckResult, EnterpriseHistory

_LEVEL_RANK = {"LEVEL_IV": 0, "LEVEL_III": 1, "LEVEL_II": 2, "LEVEL_I": 3}
"""Chart height of each CPPB-IRT level: the best level at the top."""
_GRADE_RANK = {"III": 1, "II": 2, "I": 3}
"""Chart height of each cocoa grade (SNI 2323 Mutu I–III); below the standard is 0."""


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
                halal_rule=halal_obligation(self.settings.halal_umk_deadline),
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
        """Return section C: CPPB-IRT level, cocoa grade and scores over time as charts, every
        result as a table with its basis, and what the latest level means for the licence."""
        t, s = self.t, self.styles
        checks = [c for v in self.history.visits for c in v.checks]
        parts: list[Flowable] = [para(t.t("section_quality_trend"), s["Heading"])]
        if not checks:
            return [*parts, para(t.t("no_checks"), s["Body"])]
        charts = [*self._level_charts(checks), *self._grade_charts(checks)]
        charts += self._score_charts(checks)
        if not charts:
            parts.append(empty_chart_note(t.t("chart_no_scores"), self.frame_width))
        for title, chart in charts:
            # The section heading moves on with its first chart rather than end a page alone.
            lead = [parts.pop()] if len(parts) == 1 else []
            parts.append(KeepTogether([*lead, para(title, s["SubHeading"]), chart]))
        parts.append(Spacer(1, 6))
        parts.append(self._check_lines(checks))
        # The bases and the readiness line end the section together, never split from it.
        parts.append(KeepTogether([Spacer(1, 2), *self._bases(checks), *self._readiness(checks)]))
        return parts

    def _level_charts(self, checks: list[CheckResult]) -> list[tuple[str, Flowable]]:
        """Return one chart of the CPPB-IRT level by date (Level IV at the bottom, I on top)."""
        t = self.t
        by_title: dict[str, list[tuple[date, int]]] = {}
        for check in checks:
            rank = _LEVEL_RANK.get((check.code or "").upper()) if check.complete else None
            if check.rule_kind == "nonconformity_level" and rank is not None:
                by_title.setdefault(check.title.get(t.lang), []).append((check.checked_on, rank))
        ranks = ["Level IV", "Level III", "Level II", "Level I"]
        return [
            (title, ranked_line_chart([(t.t("chart_level"), points)], ranks, self.frame_width,
                                      4.6 * cm))
            for title, points in sorted(by_title.items())
        ]  # fmt: skip

    def _grade_charts(self, checks: list[CheckResult]) -> list[tuple[str, Flowable]]:
        """Return one chart of the cocoa grade by date (below the standard at the bottom)."""
        t = self.t
        by_title: dict[str, list[tuple[date, int]]] = {}
        for check in checks:
            if check.rule_kind != "measurement_grade" or not check.complete:
                continue
            if (check.code or "").upper() == "SUBSTANDARD":
                rank = 0
            else:
                grade = (check.grade or "").split("-")[0]
                if grade not in _GRADE_RANK:
                    continue
                rank = _GRADE_RANK[grade]
            by_title.setdefault(check.title.get(t.lang), []).append((check.checked_on, rank))
        ranks = [t.t("grade_substandard")] + [
            t.t("grade_value", grade=g) for g in sorted(_GRADE_RANK, key=_GRADE_RANK.get)
        ]
        return [
            (title, ranked_line_chart([(t.t("chart_grade"), points)], ranks, self.frame_width,
                                      4.6 * cm))
            for title, points in sorted(by_title.items())
        ]  # fmt: skip

    def _score_charts(self, checks: list[CheckResult]) -> list[tuple[str, Flowable]]:
        """Return one chart of the percentage score by date per weighted checklist."""
        t = self.t
        series: dict[str, list[tuple[date, float]]] = {}
        for check in checks:
            if (
                check.complete
                and check.score is not None
                and check.rule_kind == "weighted_percentage"
            ):
                series.setdefault(check.title.get(t.lang), []).append(
                    (check.checked_on, check.score)
                )
        return [
            (title, score_line_chart([(t.t("chart_score"), points)], self.frame_width, 4.6 * cm))
            for title, points in sorted(series.items())
        ]  # fmt: skip

    def _readiness(self, checks: list[CheckResult]) -> list[Flowable]:
        """Return what the latest CPPB-IRT level means for the IKM's licence as of today."""
        t, s = self.t, self.styles
        levels = [c for c in checks if c.rule_kind == "nonconformity_level" and c.complete]
        if not levels:
            return []
        latest = max(levels, key=lambda c: c.checked_on)
        numbers = [p.pirt.number for p in self.history.enterprise.products if p.pirt]
        text = readiness_text(latest, numbers, self.history.as_of, t)
        if not text:
            return []
        return [
            Spacer(1, 4),
            para_markup(
                f"<b>{escaped(t.t('readiness'))} ({escaped(t.date(latest.checked_on))}):</b> "
                f"{escaped(text)}",
                s["Body"],
            ),
        ]

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
                    self._result_cell(check),
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

    def _result_cell(self, check: CheckResult) -> Flowable:
        """Return the result, with "perlu dikonfirmasi" in small type where its rule or any
        item's limit is not confirmed (the basis is listed once below the table)."""
        text = escaped(self._result_text(check))
        if check.unverified or any(not row.confirmed for row in check.items if row.limit):
            text += f'<br/><font size="7" color="#a40000">{escaped(self.t.t("to_confirm"))}</font>'
        return para_markup(text, self.styles["Cell"])

    def _bases(self, checks: list[CheckResult]) -> list[Flowable]:
        """Return each checklist's basis once: "Dasar penilaian: <title>: <source>"."""
        seen: dict[str, str] = {}
        for check in checks:
            if check.source:
                seen.setdefault(check.title.get(self.t.lang), check.source)
        return [
            para(self.t.t("results_basis", source=f"{title}: {source}"), self.styles["Small"])
            for title, source in seen.items()
        ]

    def _result_text(self, check: CheckResult) -> str:
        if not check.complete:
            return self.t.t("result_incomplete")
        return check.label.get(self.t.lang) or check.code or "—"
