"""Reading PDFs back the way a reader sees them: text per page, images, fonts."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader


def reader(data: bytes) -> PdfReader:
    """Return a parsed PDF (pypdf raises if the file is not a valid PDF)."""
    assert data.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(data), strict=True)


def pages_text(data: bytes) -> list[str]:
    """Return each page's extracted text."""
    return [page.extract_text() for page in reader(data).pages]


def all_text(data: bytes) -> str:
    """Return the text of every page with runs of whitespace made single spaces."""
    return " ".join(" ".join(pages_text(data)).split())


def squeezed(text: str) -> str:
    """Return ``text`` without any whitespace (to compare text a line break may have split)."""
    return re.sub(r"\s+", "", text)


def image_count(data: bytes) -> int:
    """Return how many images the pages show."""
    return sum(len(page.images) for page in reader(data).pages)


def font_names(data: bytes) -> set[str]:
    """Return the base font names used on the pages."""
    names: set[str] = set()
    for page in reader(data).pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names
