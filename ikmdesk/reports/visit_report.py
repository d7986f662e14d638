"""Laporan Kunjungan Pendampingan IKM: one visit, as an office files and signs it."""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from ikmdesk.reports.base import PdfReport
from ikmdesk.reports.images import image_flowable
from ikmdesk.reports.markup import escaped, para, para_markup
from ikmdesk.reports.report_parts import LABEL_WIDTH, check_block, follow_up_table, profile_block
from ikmdesk.reports.signatures import signature_block, signature_row
from ikmdesk.reports.tables import key_value_table
from ikmdesk.services.licence_status import halal_obligation
from ikmdesk.services.report_data import VisitSheet, is_approved
from ikmdesk.services.report_number import office_day

PHOTO_COLUMNS = 2
PHOTO_HEIGHT = 6 * cm


class VisitReport(PdfReport):
    """Laporan Kunjungan Pendampingan IKM for one visit, built from a VisitSheet."""

    kind = "visit"

    def __init__(self, sheet: VisitSheet, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.sheet = sheet

    def record_id(self) -> str:
        return self.sheet.id

    def data(self) -> VisitSheet:
        return self.sheet

    def digest(self) -> str:
        # An approved report carries its snapshot's hash: the same on every print and device.
        return self.sheet.frozen_digest or super().digest()

    def title(self) -> str:
        return f"{self.t.t('visit_title')} — {self.sheet.enterprise.name}"

    def is_draft(self) -> bool:
        return not is_approved(self.sheet.status)

    def story(self) -> list[Flowable]:
        return [
            *self.letterhead(),
            *self.heading(),
            *self.profile(),
            *self.visit_details(),
            *self.narrative(),
            *self.checks(),
            *self.photos(),
            *self.closing(),
        ]

    def closing(self) -> list[Flowable]:
        """Return the follow-ups and the signatures as one block, so the signatures never
        stand alone on a last page (a long table still splits, ending beside them)."""
        return [KeepTogether([*self.follow_ups(), *self.signatures()])]

    def heading(self) -> list[Flowable]:
        """Return the title, the report number and the approval state."""
        t, s = self.t, self.styles
        # An approval from before the register (no snapshot) has no number, but is no draft.
        unnumbered = "—" if is_approved(self.sheet.status) else t.t("no_number")
        number = self.sheet.report_number or unnumbered
        status = t.word(self.sheet.status)
        if is_approved(self.sheet.status) and self.sheet.reviewed_at:
            status += f" ({t.date(office_day(self.sheet.reviewed_at))})"
        if self.sheet.revision > 0:
            status += f", {t.t('revision', n=self.sheet.revision)}"
        return [
            para_markup(f"<u>{escaped(t.t('visit_title'))}</u>", s["Title"]),
            para(f"{t.t('number')}: {number}", s["Center"]),
            para(f"{t.t('status')}: {status}", s["Subtitle"]),
        ]

    def profile(self) -> list[Flowable]:
        """Return section A: the enterprise profile with licences."""
        return [
            para(self.t.t("section_profile"), self.styles["Heading"]),
            *profile_block(
                self.sheet.enterprise,
                self.t,
                self.styles,
                self.frame_width,
                as_of=self.signing_date(),
                halal_rule=halal_obligation(self.settings.halal_umk_deadline),
            ),
        ]

    def visit_details(self) -> list[Flowable]:
        """Return section B: when, who and why."""
        t, sheet = self.t, self.sheet
        pairs = [
            (t.t("visit_date"), t.date(sheet.visit_date)),
            (t.t("officer"), sheet.officer_name),
            (t.t("companions"), sheet.companions or "—"),
            (t.t("purpose"), t.word(sheet.purpose)),
        ]
        if sheet.review_comment:
            pairs.append((t.t("review"), sheet.review_comment))
        return [
            para(t.t("section_visit"), self.styles["Heading"]),
            key_value_table(pairs, (LABEL_WIDTH, self.frame_width - LABEL_WIDTH), self.styles),
        ]

    def narrative(self) -> list[Flowable]:
        """Return sections C–E: activities, findings and recommendations as typed."""
        parts: list[Flowable] = []
        for key, text in (
            ("section_activities", self.sheet.activities),
            ("section_findings", self.sheet.findings),
            ("section_recommendations", self.sheet.recommendations),
        ):
            parts.append(para(self.t.t(key), self.styles["Heading"]))
            parts.append(para(text or self.t.t("nothing_recorded"), self.styles["BodyJustified"]))
        return parts

    def checks(self) -> list[Flowable]:
        """Return section F: every quality check of the visit."""
        parts: list[Flowable] = [para(self.t.t("section_checks"), self.styles["Heading"])]
        if not self.sheet.checks:
            parts.append(para(self.t.t("no_checks"), self.styles["Body"]))
        for index, check in enumerate(self.sheet.checks, start=1):
            parts += check_block(
                check,
                index,
                self.t,
                self.styles,
                self.frame_width,
                pirt_numbers=[p.pirt.number for p in self.sheet.enterprise.products if p.pirt],
            )
        return parts

    def photos(self) -> list[Flowable]:
        """Return section G: photos with captions, two per row."""
        heading = para(self.t.t("section_photos"), self.styles["Heading"])
        if not self.sheet.photos:
            return [heading, para(self.t.t("no_photos"), self.styles["Body"])]
        # The heading moves on with the first row of photos rather than end a page alone.
        parts: list[Flowable] = [CondPageBreak(PHOTO_HEIGHT + 2.5 * cm), heading]
        column = self.frame_width / PHOTO_COLUMNS
        cells: list[Any] = []
        for photo in self.sheet.photos:
            missing = photo.path is None or not photo.path.is_file()
            label = self.t.t("photo_missing" if missing else "photo_unreadable")
            image = image_flowable(
                None if missing else photo.path, column - 12, PHOTO_HEIGHT, placeholder=label
            )
            cells.append([image, Spacer(1, 3), para(photo.caption or "", self.styles["Caption"])])
        rows: list[list[Any]] = [
            cells[i : i + PHOTO_COLUMNS] for i in range(0, len(cells), PHOTO_COLUMNS)
        ]
        rows[-1] += [""] * (PHOTO_COLUMNS - len(rows[-1]))
        grid = Table(rows, colWidths=[column] * PHOTO_COLUMNS, splitInRow=1)
        grid.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        return [*parts, grid]

    def follow_ups(self) -> list[Flowable]:
        """Return section H: the agreed actions with owners and deadlines."""
        parts: list[Flowable] = [para(self.t.t("section_follow_ups"), self.styles["Heading"])]
        if not self.sheet.follow_ups:
            return [*parts, para(self.t.t("no_follow_ups"), self.styles["Body"])]
        return [
            *parts,
            follow_up_table(self.sheet.follow_ups, self.t, self.styles, self.frame_width),
        ]

    def signatures(self) -> list[Flowable]:
        """Return the signature blocks: owner and officer side by side, then "Mengetahui"."""
        t, s, settings = self.t, self.styles, self.settings
        place = t.t("place_date", city=settings.city, date=t.date(self.signing_date()))
        owner = self.sheet.enterprise.owner_name
        supervisor = settings.supervisor_name or self.sheet.reviewer_name
        supervisor_nip = settings.supervisor_nip or self.sheet.reviewer_nip
        half = self.frame_width / 2

        def block(top: list[str], name: str | None, nip: str | None, with_nip: bool) -> list:
            return signature_block(t, s, top, name, nip, with_nip=with_nip)

        pair = signature_row(
            [
                block(["\u00a0", t.t("sign_owner")], owner, None, with_nip=False),
                block(
                    [place, t.t("sign_officer")],
                    self.sheet.officer_name,
                    self.sheet.officer_nip,
                    with_nip=True,
                ),
            ],
            half,
        )
        known = signature_row(
            [
                block(
                    [t.t("sign_known"), settings.supervisor_title],
                    supervisor,
                    supervisor_nip,
                    with_nip=True,
                )
            ],
            half,
        )
        # Not wrapped in a KeepTogether here: ``closing`` keeps them with the follow-ups, and a
        # KeepTogether nested in another reports an endless height (it always moved on).
        return [Spacer(1, 14), pair, Spacer(1, 10), known]

    def signing_date(self) -> date:
        """Return the date written above the signatures: approval day, else the print day."""
        if is_approved(self.sheet.status) and self.sheet.reviewed_at is not None:
            # The office's day, wherever and whenever the copy is printed.
            return office_day(self.sheet.reviewed_at)
        return self.generated_at.date()
