"""Lembar Pendampingan: the one page an IKM keeps after a visit, in plain words."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ikmdesk.reports.base import PdfReport
from ikmdesk.reports.markup import escaped, para, para_markup
from ikmdesk.reports.programme_strings import ps
from ikmdesk.reports.tables import data_table
from ikmdesk.services.programme.catalogue import target_def
from ikmdesk.services.programme.handout import Handout


class HandoutReport(PdfReport):
    """The IKM's handout of one visit, built from a Handout."""

    kind = "handout"
    margins = (2 * cm, 2 * cm, 1.4 * cm, 2.8 * cm)

    def __init__(self, handout: Handout, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.handout = handout

    def record_id(self) -> str:
        return self.handout.visit_id

    def data(self) -> Handout:
        return self.handout

    def title(self) -> str:
        return f"{ps(self.t, 'handout_title')} — {self.handout.enterprise_name}"

    def story(self) -> list[Flowable]:
        return [
            *self.letterhead(),
            *self.heading(),
            *self.found(),
            *self.todo(),
            *self.taught(),
            *self.guidance(),
            *self.contact(),
        ]

    def heading(self) -> list[Flowable]:
        t, s, h = self.t, self.styles, self.handout
        return [
            para_markup(f"<u>{escaped(ps(t, 'handout_title'))}</u>", s["Title"]),
            para(ps(t, "handout_for", name=h.enterprise_name), s["Center"]),
            para(
                ps(t, "handout_visit", date=t.date(h.visit_date), officer=h.officer_name),
                s["Subtitle"],
            ),
        ]

    def found(self) -> list[Flowable]:
        t, s, h = self.t, self.styles, self.handout
        parts: list[Flowable] = [para(ps(t, "handout_found"), s["Heading"])]
        lines = [line for line in (h.findings or "").splitlines() if line.strip()]
        lines += h.failed_items
        if not lines:
            return [*parts, para(ps(t, "handout_nothing"), s["Body"])]
        return [*parts, *(para(f"• {line}", s["Body"]) for line in lines[:10])]

    def todo(self) -> list[Flowable]:
        t, s, h = self.t, self.styles, self.handout
        parts: list[Flowable] = [para(ps(t, "handout_todo"), s["Heading"])]
        rows = [
            [a.what, ps(t, "handout_by", date=t.date(a.due)) if a.due else "—"] for a in h.actions
        ]
        if rows:
            width = self.frame_width
            parts.append(
                data_table(
                    [ps(t, "handout_action"), ps(t, "handout_deadline")],
                    rows,
                    [width * 0.7, width * 0.3],
                    self.styles,
                )
            )
        lines = [line for line in (h.recommendations or "").splitlines() if line.strip()]
        parts += [para(f"• {line}", s["Body"]) for line in lines[:8]]
        if len(parts) == 1:
            parts.append(para(ps(t, "handout_nothing"), s["Body"]))
        return parts

    def taught(self) -> list[Flowable]:
        t, s, h = self.t, self.styles, self.handout
        if not h.topics:
            return []
        names = []
        for code in h.topics:
            definition = target_def(code)
            names.append(definition.title(t.lang) if definition else code)
        return [para(ps(t, "handout_taught"), s["Heading"]), para(", ".join(names), s["Body"])]

    def guidance(self) -> list[Flowable]:
        t, s, h = self.t, self.styles, self.handout
        if not h.guidance:
            return []
        parts: list[Flowable] = [para(ps(t, "handout_guidance"), s["Heading"])]
        for sheet in h.guidance:
            title = sheet.title + (f" {ps(t, 'handout_starter')}" if sheet.starter else "")
            parts.append(
                KeepTogether(
                    [
                        para_markup(f"<b>{escaped(title)}</b>", s["Body"]),
                        para(sheet.body, s["BodyJustified"]),
                        para(ps(t, "source", source=sheet.source), s["Small"]),
                        Spacer(1, 5),
                    ]
                )
            )
        return parts

    def contact(self) -> list[Flowable]:
        t, s, h, settings = self.t, self.styles, self.handout, self.settings
        phone = f" ({settings.phone})" if settings.phone else ""
        office = settings.office_lines[-1] if settings.office_lines else ""
        return [
            Spacer(1, 10),
            para(
                ps(t, "handout_contact", officer=h.officer_name, phone=phone, office=office),
                s["Center"],
            ),
        ]
