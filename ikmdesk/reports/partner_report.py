"""Laporan Kerja Sama Mitra: what the office did together with one partner institution."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ikmdesk.reports.base import PdfReport
from ikmdesk.reports.markup import escaped, para, para_markup
from ikmdesk.reports.programme_strings import ps
from ikmdesk.reports.signatures import signature_block, signature_row
from ikmdesk.reports.tables import data_tables, key_value_table
from ikmdesk.services.programme.catalogue import target_def
from ikmdesk.services.programme.logbook import METHOD_LABELS
from ikmdesk.services.programme.partner import KIND_LABELS
from ikmdesk.services.programme.partner_work import PartnerWork


class PartnerReport(PdfReport):
    """One partner's programmes and visits with the office, built from a PartnerWork."""

    kind = "partner"

    def __init__(self, work: PartnerWork, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.work = work

    def record_id(self) -> str:
        return self.work.partner_id

    def data(self) -> PartnerWork:
        return self.work

    def title(self) -> str:
        return f"{ps(self.t, 'partner_title')} — {self.work.name}"

    def story(self) -> list[Flowable]:
        return [
            *self.letterhead(),
            *self.heading(),
            *self.partner(),
            *self.summary(),
            *self.programmes(),
            *self.visits(),
            *self.topics(),
            *self.signatures(),
        ]

    def _kind(self) -> str:
        label_id, label_en = KIND_LABELS.get(self.work.kind, (self.work.kind, self.work.kind))
        return label_en if self.t.lang == "en" else label_id

    def _topic(self, code: str) -> str:
        definition = target_def(code)
        return definition.title(self.t.lang) if definition else code

    def heading(self) -> list[Flowable]:
        t, s, w = self.t, self.styles, self.work
        return [
            para_markup(f"<u>{escaped(ps(t, 'partner_title'))}</u>", s["Title"]),
            para(w.name, s["Center"]),
            para(ps(t, "partner_until", kind=self._kind(), date=t.date(w.on)), s["Subtitle"]),
        ]

    def partner(self) -> list[Flowable]:
        t, s, w = self.t, self.styles, self.work
        contact = " · ".join(x for x in (w.contact_person, w.phone) if x) or "—"
        pairs = [
            (ps(t, "partner_name"), w.name),
            (ps(t, "partner_kind"), self._kind()),
            (ps(t, "partner_contact"), contact),
        ]
        return [
            para(ps(t, "section_partner"), s["Heading"]),
            key_value_table(pairs, (4.2 * cm, self.frame_width - 4.2 * cm), s),
        ]

    def summary(self) -> list[Flowable]:
        t, s, w = self.t, self.styles, self.work
        pairs = [
            (ps(t, "partner_programmes"), str(len(w.programmes))),
            (
                ps(t, "partner_visits"),
                ps(t, "visits_value", visits=len(w.visits), hours=t.number(w.hours)),
            ),
            (ps(t, "partner_ikms"), str(w.enterprises)),
            (ps(t, "partner_workers"), str(w.workers_reached)),
        ]
        return [
            para(ps(t, "section_partner_summary"), s["Heading"]),
            key_value_table(pairs, (6 * cm, self.frame_width - 6 * cm), s),
            para(ps(t, "partner_workers_note"), s["Small"]),
        ]

    def programmes(self) -> list[Flowable]:
        t, s, w = self.t, self.styles, self.work
        parts: list[Flowable] = [para(ps(t, "section_partner_programmes"), s["Heading"])]
        if not w.programmes:
            return [*parts, para(ps(t, "none"), s["Body"])]
        rows = [
            [
                p.name if p.listed else f"{p.name} *",
                p.cluster_name_en if t.lang == "en" else p.cluster_name_id,
                f"{t.date(p.starts_on)} – {t.date(p.ends_on)}",
                ps(t, p.status),
                str(p.enrolled),
                ps(t, "visits_value", visits=p.visits, hours=t.number(p.hours)),
            ]
            for p in w.programmes
        ]
        header = [
            ps(t, "col_programme"),
            ps(t, "cluster"),
            ps(t, "col_period"),
            ps(t, "status"),
            ps(t, "col_enrolled"),
            ps(t, "partner_visits"),
        ]
        fw = self.frame_width
        widths = [fw * 0.27, fw * 0.11, fw * 0.22, fw * 0.12, fw * 0.07, fw * 0.21]
        parts += data_tables(header, rows, widths, s)
        if any(not p.listed for p in w.programmes):
            parts.append(para(ps(t, "partner_not_listed"), s["Small"]))
        return parts

    def visits(self) -> list[Flowable]:
        t, s, w = self.t, self.styles, self.work
        parts: list[Flowable] = [para(ps(t, "section_partner_visits"), s["Heading"])]
        if not w.visits:
            return [*parts, para(ps(t, "none"), s["Body"])]
        rows = []
        for v in w.visits:
            label_id, label_en = METHOD_LABELS.get(v.method, (v.method, v.method))
            rows.append(
                [
                    t.date(v.visit_date),
                    v.enterprise_name,
                    v.programme_name,
                    "; ".join(self._topic(c) for c in v.topics) or "—",
                    label_en if t.lang == "en" else label_id,
                    t.number(v.hours),
                ]
            )
        header = [
            ps(t, "col_date"),
            ps(t, "col_ikm"),
            ps(t, "col_programme"),
            ps(t, "col_topics"),
            ps(t, "col_method"),
            ps(t, "col_hours"),
        ]
        fw = self.frame_width
        widths = [fw * 0.14, fw * 0.18, fw * 0.19, fw * 0.23, fw * 0.19, fw * 0.07]
        return [*parts, *data_tables(header, rows, widths, s)]

    def topics(self) -> list[Flowable]:
        t, s, w = self.t, self.styles, self.work
        parts: list[Flowable] = [para(ps(t, "section_partner_topics"), s["Heading"])]
        if not w.topics:
            return [*parts, para(ps(t, "none"), s["Body"])]
        rows = [[self._topic(code), str(n)] for code, n in w.topics]
        fw = self.frame_width
        header = [ps(t, "col_topics"), ps(t, "col_count")]
        return [*parts, *data_tables(header, rows, [fw * 0.8, fw * 0.2], s)]

    def signatures(self) -> list[Flowable]:
        t, s, settings, w = self.t, self.styles, self.settings, self.work
        place = t.t("place_date", city=settings.city, date=t.date(self.generated_at.date()))
        half = self.frame_width / 2

        def block(top: list[str], name: str | None, nip: str | None) -> list[Flowable]:
            return signature_block(t, s, top, name, nip, with_nip=nip is not None)

        table = signature_row(
            [
                block(
                    [t.t("sign_known"), settings.supervisor_title],
                    settings.supervisor_name or None,
                    settings.supervisor_nip or "",
                ),
                block([place, ps(t, "sign_partner"), w.name], w.contact_person, None),
            ],
            half,
        )
        return [Spacer(1, 14), KeepTogether([table])]
