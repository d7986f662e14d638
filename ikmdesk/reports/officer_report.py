"""The officer's monthly activity report, printable for the performance appraisal."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer

from ikmdesk.reports.base import PdfReport
from ikmdesk.reports.markup import escaped, para, para_markup
from ikmdesk.reports.programme_strings import ps
from ikmdesk.reports.signatures import signature_block, signature_row
from ikmdesk.reports.tables import data_tables
from ikmdesk.services.programme.catalogue import target_def
from ikmdesk.services.programme.officer_month import OfficerMonth


class OfficerReport(PdfReport):
    """One officer's month, built from an OfficerMonth."""

    kind = "officer"

    def __init__(self, month: OfficerMonth, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.month = month

    def record_id(self) -> str:
        return f"{self.month.officer_id}:{self.month.month:%Y-%m}"

    def data(self) -> OfficerMonth:
        return self.month

    def title(self) -> str:
        return f"{ps(self.t, 'officer_title')} — {self.month.officer_name}"

    def story(self) -> list[Flowable]:
        return [
            *self.letterhead(),
            *self.heading(),
            *self.visits(),
            *self.topics(),
            *self.targets(),
            *self.signatures(),
        ]

    def _topic(self, code: str) -> str:
        definition = target_def(code)
        return definition.title(self.t.lang) if definition else code

    def heading(self) -> list[Flowable]:
        t, s, m = self.t, self.styles, self.month
        return [
            para_markup(f"<u>{escaped(ps(t, 'officer_title'))}</u>", s["Title"]),
            para(ps(t, "officer_of", name=m.officer_name, month=t.month(m.month)), s["Center"]),
            para(
                ps(
                    t,
                    "officer_totals",
                    visits=len(m.visits),
                    hours=t.number(m.hours),
                    ikms=m.enterprises,
                    targets=len(m.targets_met),
                ),
                s["Subtitle"],
            ),
        ]

    def visits(self) -> list[Flowable]:
        t, s, m = self.t, self.styles, self.month
        parts: list[Flowable] = [para(ps(t, "section_visits"), s["Heading"])]
        if not m.visits:
            return [*parts, para(ps(t, "none"), s["Body"])]
        rows = [
            [
                t.date(v.visit.visit_date),
                v.visit.enterprise_name,
                v.programme or ps(t, "outside_programme"),
                "; ".join(self._topic(c) for c in v.topics) or "—",
                t.number(v.hours) if v.hours is not None else "—",
            ]
            for v in m.visits
        ]
        w = self.frame_width
        widths = [w * 0.16, w * 0.22, w * 0.22, w * 0.32, w * 0.08]
        header = [
            ps(t, "col_date"),
            ps(t, "col_ikm"),
            ps(t, "col_programme"),
            ps(t, "col_topics"),
            ps(t, "col_hours"),
        ]
        return [*parts, *data_tables(header, rows, widths, s)]

    def topics(self) -> list[Flowable]:
        t, s, m = self.t, self.styles, self.month
        parts: list[Flowable] = [para(ps(t, "section_topics"), s["Heading"])]
        if not m.topics:
            return [*parts, para(ps(t, "none"), s["Body"])]
        rows = [[self._topic(code), str(n)] for code, n in m.topics]
        w = self.frame_width
        return [
            *parts,
            *data_tables([ps(t, "col_topics"), ps(t, "col_count")], rows, [w * 0.8, w * 0.2], s),
        ]

    def targets(self) -> list[Flowable]:
        t, s, m = self.t, self.styles, self.month
        parts: list[Flowable] = [para(ps(t, "section_targets"), s["Heading"])]
        if not m.targets_met:
            return [*parts, para(ps(t, "none"), s["Body"])]
        rows = [
            [name, target.title_en if t.lang == "en" else target.title_id, t.date(target.done_on)]
            for name, target in m.targets_met
        ]
        w = self.frame_width
        header = [ps(t, "col_ikm"), ps(t, "col_target"), ps(t, "col_done")]
        return [*parts, *data_tables(header, rows, [w * 0.35, w * 0.45, w * 0.2], s)]

    def signatures(self) -> list[Flowable]:
        t, s, settings, m = self.t, self.styles, self.settings, self.month
        place = t.t("place_date", city=settings.city, date=t.date(self.generated_at.date()))
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
                block([place, ps(t, "sign_officer")], m.officer_name, m.officer_nip),
            ],
            half,
        )
        return [Spacer(1, 14), KeepTogether([table])]
