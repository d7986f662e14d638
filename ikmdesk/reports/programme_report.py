"""Laporan Hasil Pendampingan: a programme's results for the head of office and the partners."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ikmdesk.reports.base import PdfReport
from ikmdesk.reports.markup import escaped, para, para_markup
from ikmdesk.reports.programme_charts import wrapped_bar_chart
from ikmdesk.reports.programme_strings import ps
from ikmdesk.reports.signatures import signature_block, signature_row
from ikmdesk.reports.tables import data_table, key_value_table
from ikmdesk.services.programme.catalogue import theme_def
from ikmdesk.services.programme.evaluation import IkmEvaluation, ProgrammeEvaluation

LEVEL_NAMES = {"LEVEL_I": "I", "LEVEL_II": "II", "LEVEL_III": "III", "LEVEL_IV": "IV"}


class ProgrammeReport(PdfReport):
    """The results of one programme, built from a ProgrammeEvaluation."""

    kind = "programme"

    def __init__(self, evaluation: ProgrammeEvaluation, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.evaluation = evaluation

    def record_id(self) -> str:
        return self.evaluation.programme.id

    def data(self) -> ProgrammeEvaluation:
        return self.evaluation

    def title(self) -> str:
        return f"{ps(self.t, 'programme_title')} — {self.evaluation.programme.name}"

    def story(self) -> list[Flowable]:
        return [
            *self.letterhead(),
            *self.heading(),
            *self.facts(),
            *self.summary(),
            *self.charts(),
            *self.per_ikm(),
            *self.conclusion(),
            *self.signatures(),
        ]

    def heading(self) -> list[Flowable]:
        """Return the title, the programme name and its period."""
        t, s, p = self.t, self.styles, self.evaluation.programme
        return [
            para_markup(f"<u>{escaped(ps(t, 'programme_title'))}</u>", s["Title"]),
            para(p.name, s["Center"]),
            para(ps(t, "period", start=t.date(p.starts_on), end=t.date(p.ends_on)), s["Subtitle"]),
        ]

    def facts(self) -> list[Flowable]:
        """Return the programme's settings as label : value lines."""
        t, s, p = self.t, self.styles, self.evaluation.programme
        cluster = p.cluster_name_en if t.lang == "en" else p.cluster_name_id
        pairs = [
            (ps(t, "cluster"), cluster),
            (ps(t, "place"), " / ".join(x for x in (p.kecamatan, p.sentra) if x)),
            (
                ps(t, "rhythm"),
                ps(
                    t,
                    "rhythm_value",
                    days=p.visit_interval_days,
                    hours=t.number(p.min_hours_per_visit),
                ),
            ),
            (ps(t, "officers"), ", ".join(name for _id, name in p.officers) or "—"),
            (ps(t, "partners"), ", ".join(name for _id, name in p.partners) or "—"),
            (ps(t, "enrolled"), str(len(p.enterprises))),
            (ps(t, "status"), ps(t, p.status)),
        ]
        if p.goal:
            pairs.append((ps(t, "goal"), p.goal))
        return [
            para(ps(t, "section_programme"), s["Heading"]),
            key_value_table(pairs, (4.2 * cm, self.frame_width - 4.2 * cm), s),
        ]

    def summary(self) -> list[Flowable]:
        """Return the programme's totals."""
        t, s, e = self.t, self.styles, self.evaluation
        count = len(e.ikms)
        pairs = [
            (ps(t, "visits_done"), ps(t, "visits_value", visits=e.visits, hours=t.number(e.hours))),
            (ps(t, "targets_met"), ps(t, "of_total", met=e.targets_met, total=e.targets_total)),
            (ps(t, "levels_improved"), ps(t, "of_total", met=e.levels_improved, total=count)),
            (ps(t, "licences_gained"), self._licences_text()),
            (ps(t, "online_started"), ps(t, "of_total", met=e.online_started, total=count)),
        ]
        return [
            para(ps(t, "section_summary"), s["Heading"]),
            key_value_table(pairs, (6 * cm, self.frame_width - 6 * cm), s),
        ]

    def _licences_text(self) -> str:
        t, e = self.t, self.evaluation
        if not e.licences_gained:
            return "0"
        kinds = ", ".join(f"{ps(t, f'lic_{k}')} {n}" for k, n in e.licences_by_kind)
        return ps(
            t, "licences_value", count=e.licences_gained, ikms=e.ikms_with_new_licence, kinds=kinds
        )

    def charts(self) -> list[Flowable]:
        """Return two bar charts: targets met per theme, and CPPB-IRT levels at start and end."""
        t, s, e = self.t, self.styles, self.evaluation
        half = (self.frame_width - 0.6 * cm) / 2
        themes = []
        for row in e.themes:
            theme = theme_def(row.theme)
            name = theme.title(t.lang) if theme else row.theme
            themes.append((f"{name} ({row.met}/{row.total})", row.met))
        levels = []
        for code, name in LEVEL_NAMES.items():
            for stage, attr in (("before", "level_before"), ("after", "level_after")):
                n = sum(1 for i in e.ikms if getattr(i, attr) == code)
                levels.append((f"Level {name} — {ps(t, stage)}", n))
        grid = Table(
            [
                [
                    para(ps(t, "chart_themes"), s["SubHeading"]),
                    para(ps(t, "chart_levels"), s["SubHeading"]),
                ],
                [wrapped_bar_chart(themes or [("—", 0)], half), wrapped_bar_chart(levels, half)],
            ],
            colWidths=[half + 0.3 * cm, half + 0.3 * cm],
        )
        grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return [
            para(ps(t, "section_charts"), s["Heading"]),
            grid,
            para(ps(t, "unverified_levels"), s["Small"]),
        ]

    def per_ikm(self) -> list[Flowable]:
        """Return the before/after table, one row per enrolled IKM."""
        t, s, e = self.t, self.styles, self.evaluation
        header = [
            ps(t, "col_ikm"),
            ps(t, "col_visits"),
            ps(t, "col_targets"),
            ps(t, "col_level"),
            ps(t, "col_label"),
            ps(t, "col_licences"),
            ps(t, "col_channels"),
        ]
        rows = [self._ikm_row(i) for i in e.ikms]
        widths = [3.4, 2.4, 1.7, 2.0, 2.4, 2.0, 2.7]
        scale = self.frame_width / (sum(widths) * cm)
        parts: list[Flowable] = [
            para(ps(t, "section_ikms"), s["Heading"]),
            data_table(header, rows, [w * cm * scale for w in widths], s),
        ]
        if any(not i.final_diagnosis for i in e.ikms):
            parts.append(para(ps(t, "no_final"), s["Small"]))
        return parts

    def _ikm_row(self, i: IkmEvaluation) -> list[str]:
        t = self.t

        def level(code: str | None) -> str:
            return LEVEL_NAMES.get(code or "", "—")

        def label(code: str | None) -> str:
            return ps(t, f"label_{code}") if code else "—"

        name = i.name if i.final_diagnosis else f"{i.name} *"
        return [
            name,
            f"{i.progress.visits} / {i.progress.expected_visits}",
            f"{i.targets_met} / {i.targets_total}",
            f"{level(i.level_before)} → {level(i.level_after)}",
            f"{label(i.label_before)} → {label(i.label_after)}",
            ", ".join(ps(t, f"lic_{k}") for k in i.licences_gained) or "—",
            ", ".join(c.replace("_", " ") for c in i.channels_gained) or "—",
        ]

    def conclusion(self) -> list[Flowable]:
        """Return the supervisor's evaluation text."""
        t, s = self.t, self.styles
        text = self.evaluation.programme.evaluation
        return [
            para(ps(t, "section_evaluation"), s["Heading"]),
            para(text or ps(t, "no_evaluation"), s["BodyJustified"]),
        ]

    def signatures(self) -> list[Flowable]:
        """Return the officer's signature beside the head of office's "Mengetahui"."""
        t, s, settings = self.t, self.styles, self.settings
        p = self.evaluation.programme
        place = t.t("place_date", city=settings.city, date=t.date(self.generated_at.date()))
        officer = p.officers[0][1] if p.officers else None
        half = self.frame_width / 2

        def block(top: list[str], name: str | None, nip: str | None) -> list[Flowable]:
            return signature_block(t, s, top, name, nip)

        table = signature_row(
            [
                block(
                    [t.t("sign_known"), settings.supervisor_title],
                    settings.supervisor_name or None,
                    settings.supervisor_nip or None,
                ),
                block([place, ps(t, "sign_officer")], officer, None),
            ],
            half,
        )
        return [Spacer(1, 14), KeepTogether([table])]
