"""The report base class: page layout, kop surat, numbered footer with QR code, DRAFT mark.

A report is a class with small steps a subclass overrides (``story``, ``letterhead``,
``decorate_page`` ...) and ``render()`` returns the PDF bytes (the pretix invoice pattern).
Page "x of y" needs the page count before any footer is drawn, so the canvas keeps every
page's drawing and adds the decorations when the document is saved.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable
from datetime import datetime
from typing import Any, ClassVar

from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

import ikmdesk
from ikmdesk.reports.catalogue import Catalogue, catalogue
from ikmdesk.reports.fonts import BOLD, REGULAR, printable
from ikmdesk.reports.images import image_flowable
from ikmdesk.reports.markup import para
from ikmdesk.reports.styles import MUTED, RULE, report_styles
from ikmdesk.services.content_digest import content_digest
from ikmdesk.services.office_settings import OfficeSettings

# Images are stored binary rather than ASCII85-encoded: without ReportLab's C accelerator
# the encoder is pure Python and took most of a photo-heavy report's time; binary is also
# a quarter smaller. This is a process-wide ReportLab setting, and it only affects size.
rl_config.useA85 = 0

QR_SIZE = 1.7 * cm
HEADING_SPACE = {"Heading": 4 * cm, "SubHeading": 3 * cm}
"""Room a heading needs below it on the page (else it starts the next page)."""


class PdfReport:
    """A PDF document with the office letterhead on page 1 and a footer on every page."""

    kind: ClassVar[str] = "report"
    pagesize: ClassVar[tuple[float, float]] = A4
    margins: ClassVar[tuple[float, float, float, float]] = (2.2 * cm, 2 * cm, 1.6 * cm, 3 * cm)
    """Left, right, top, bottom; the bottom leaves room for the footer and its QR code."""

    def __init__(
        self,
        *,
        settings: OfficeSettings | None = None,
        lang: str | None = None,
        generated_at: datetime | None = None,
        version: str | None = None,
        logo: bytes | None = None,
    ) -> None:
        self.settings = settings or OfficeSettings()
        self.t: Catalogue = catalogue(lang or self.settings.lang)
        self.lang = self.t.lang
        self.generated_at = generated_at or datetime.now().astimezone()
        self.version = version or ikmdesk.__version__
        self.logo = logo
        self.styles: StyleSheet1 = report_styles()
        self._qr_form: str | None = None
        self._digest: str | None = None  # set once per render: hashing the data is not free

    def record_id(self) -> str:
        """Return the id of the record the report is about (printed and put in the QR code)."""
        return ""

    def data(self) -> Any:
        """Return the report's data object (hashed into the printed content digest)."""
        return None

    def title(self) -> str:
        """Return the document title (PDF metadata)."""
        return "IKMDesk"

    def is_draft(self) -> bool:
        """Tell whether the pages get the diagonal DRAFT mark."""
        return False

    def story(self) -> list[Flowable]:
        """Return the flowables of the document body, letterhead included."""
        return self.letterhead()

    def digest(self) -> str:
        """Return the short content hash printed in the footer and the QR code."""
        return content_digest(self.data())

    def qr_payload(self) -> str:
        """Return the text the QR code carries: kind, record id and content digest."""
        return f"ikmdesk:{self.kind}:{self.record_id()}#{self._digest or self.digest()}"

    @property
    def frame_width(self) -> float:
        """Return the width flowables can use."""
        left, right, _, _ = self.margins
        return self.pagesize[0] - left - right

    def render(self) -> bytes:
        """Return the finished PDF."""
        buffer = io.BytesIO()
        left, right, top, bottom = self.margins
        document = SimpleDocTemplate(
            buffer,
            pagesize=self.pagesize,
            leftMargin=left,
            rightMargin=right,
            topMargin=top,
            bottomMargin=bottom,
            title=printable(self.title()),
            author=printable(" ".join(self.settings.office_lines)),
            creator=f"IKMDesk {self.version}",
            lang=self.lang,
        )
        self._digest = self.digest()
        self._qr_form = None
        document.build(
            _with_heading_breaks(self.story()), canvasmaker=_numbered_canvas(self.decorate_page)
        )
        return buffer.getvalue()

    def letterhead(self) -> list[Flowable]:
        """Return the kop surat: logo, office lines, address, and the double rule under it."""
        styles = self.styles
        lines = self.settings.office_lines
        text: list[Flowable] = []
        for index, line in enumerate(lines):
            last = index == len(lines) - 1 and len(lines) > 1
            text.append(para(line, styles["Letterhead2" if last else "Letterhead1"]))
        contact = self._contact_line()
        if self.settings.address:
            text.append(para(self.settings.address, styles["LetterheadAddress"]))
        if contact:
            text.append(para(contact, styles["LetterheadAddress"]))
        logo_size = 2.3 * cm
        logo: Flowable = (
            image_flowable(self.logo, logo_size, logo_size, placeholder="")
            if self.logo
            else Spacer(logo_size, logo_size)
        )
        # The text is centred on the page, so the logo column is mirrored by an empty one.
        table = Table(
            [[logo, text, ""]],
            colWidths=[logo_size, self.frame_width - 2 * logo_size, logo_size],
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return [
            table,
            Spacer(1, 3),
            HRFlowable(width="100%", thickness=2.2, color=RULE, spaceBefore=0, spaceAfter=1.6),
            HRFlowable(width="100%", thickness=0.7, color=RULE, spaceBefore=0, spaceAfter=8),
        ]

    def decorate_page(self, canvas: Canvas, page: int, total: int) -> None:
        """Draw the footer (page x of y, print time, version, id, digest, QR) and DRAFT mark."""
        width, _ = self.pagesize
        left, right, _, bottom = self.margins
        canvas.saveState()
        if self.is_draft():
            self.draw_draft_mark(canvas)
        top_of_footer = bottom - 0.55 * cm
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, top_of_footer, width - right, top_of_footer)
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 7.5)
        text_x = left
        canvas.drawString(
            text_x,
            top_of_footer - 11,
            printable(
                self.t.t("generated", when=self.t.datetime(self.generated_at), version=self.version)
            ),
        )
        canvas.drawString(
            text_x,
            top_of_footer - 21,
            printable(self.t.t("record", record=self.record_id() or "-", digest=self._digest)),
        )
        canvas.setFont(BOLD, 8.5)
        canvas.setFillColor(colors.black)
        canvas.drawRightString(
            width - right - QR_SIZE - 6,
            top_of_footer - 12,
            self.t.t("page_x_of_y", page=page, total=total),
        )
        self._draw_qr(canvas, width - right - QR_SIZE, top_of_footer - QR_SIZE - 3)
        canvas.restoreState()

    def draw_draft_mark(self, canvas: Canvas) -> None:
        """Draw "DRAFT" diagonally across the page in light grey."""
        width, height = self.pagesize
        canvas.saveState()
        canvas.setFillColor(colors.Color(0.75, 0.1, 0.1, alpha=0.16))
        canvas.setFont(BOLD, 120)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(50)
        canvas.drawCentredString(0, -40, self.t.t("draft_mark"))
        canvas.restoreState()

    def _draw_qr(self, canvas: Canvas, x: float, y: float) -> None:
        # The same code is on every page: draw it once as a form and reuse it. Its modules
        # are drawn as one path straight from the encoder; going through the graphics
        # widget made a thousand shapes and cost more than the rest of a page.
        if self._qr_form is None:
            self._qr_form = "ikmdesk_qr"
            canvas.beginForm(self._qr_form)
            _draw_qr_modules(canvas, qr_modules(self.qr_payload()), QR_SIZE)
            canvas.endForm()
        canvas.saveState()
        canvas.translate(x, y)
        canvas.doForm(self._qr_form)
        canvas.restoreState()

    def _contact_line(self) -> str:
        parts = []
        if self.settings.phone:
            parts.append(f"{self.t.t('phone')} {self.settings.phone}")
        if self.settings.email:
            parts.append(f"{self.t.t('email')} {self.settings.email}")
        if self.settings.website:
            parts.append(self.settings.website)
        return " · ".join(parts)


def qr_modules(text: str) -> list[list[bool]]:
    """Return the QR code of ``text`` (error correction M) as rows of dark/light modules."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    return [[bool(module) for module in row] for row in code.modules]


def _draw_qr_modules(canvas: Canvas, modules: list[list[bool]], size: float) -> None:
    quiet = 2  # modules of white border; the page margin adds the rest of the quiet zone
    box = size / (len(modules) + 2 * quiet)
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        c = 0
        for dark, run in itertools.groupby(row):
            count = len(list(run))
            if dark:
                path.rect((c + quiet) * box, size - (r + quiet + 1) * box, count * box, box)
            c += count
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1)


def _with_heading_breaks(story: list[Flowable]) -> list[Flowable]:
    """Start a new page before a heading that would sit at the very bottom of one.

    Headings are not "keep with next": that glues a heading to a long table as one block,
    which then jumps whole to the next page and leaves half a page empty.
    """
    out: list[Flowable] = []
    for flowable in story:
        style = getattr(flowable, "style", None)
        name = getattr(style, "name", "")
        if name in HEADING_SPACE:
            out.append(CondPageBreak(HEADING_SPACE[name]))
        out.append(flowable)
    return out


def _numbered_canvas(decorate: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """Return a canvas class that holds pages back until it knows how many there are."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                decorate(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas
