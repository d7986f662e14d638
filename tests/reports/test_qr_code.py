"""The footer's QR code is drawn the same as ReportLab's own QR widget would draw it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas

from ikmdesk.reports.base import _draw_qr_modules, qr_modules

SIZE = 200


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler's pdftoppm is not installed")
def test_footer_qr_matches_reportlabs_qr_widget(tmp_path: Path) -> None:
    payload = "ikmdesk:visit:00000000-0000-4000-8000-00000000000a#ea50a911a779"
    pdf = tmp_path / "qr.pdf"
    canvas = Canvas(str(pdf), pagesize=(2 * SIZE + 30, SIZE + 20))
    canvas.saveState()
    canvas.translate(10, 10)
    _draw_qr_modules(canvas, qr_modules(payload), SIZE)
    canvas.restoreState()
    widget = QrCodeWidget(payload, barLevel="M", barWidth=SIZE, barHeight=SIZE, barBorder=2)
    drawing = Drawing(SIZE, SIZE)
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, SIZE + 20, 10)
    canvas.save()
    subprocess.run(
        ["pdftoppm", "-r", "72", "-png", "-singlefile", str(pdf), str(tmp_path / "qr")],
        check=True,
    )
    page = Image.open(tmp_path / "qr.png").convert("L")
    ours = page.crop((10, 10, 10 + SIZE, 10 + SIZE))
    theirs = page.crop((SIZE + 20, 10, 2 * SIZE + 20, 10 + SIZE))
    difference = ImageChops.difference(ours, theirs).point(lambda v: 255 if v > 128 else 0)
    assert difference.histogram()[255] < SIZE * SIZE * 0.005  # edge rounding only
