"""The one way user text becomes a Paragraph: escaped, font-safe, line breaks kept.

ReportLab's Paragraph parses its text as markup: "<", "&" and tags typed by a user would
break the document, change it, or make it read local files (``<img src=...>``). Every
Paragraph built from data goes through ``para``; only fixed catalogue strings may carry
markup, through ``para_markup``. A test greps this package for any other ``Paragraph(``.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from ikmdesk.reports.fonts import printable

# Long unbroken runs (URLs, "aaaa…") get a break opportunity every so often; ReportLab's own
# long-word splitting also exists, but it cannot split inside a word that is followed by markup.
_SOFT_BREAK_EVERY = 24
_ZERO_WIDTH_SPACE = "\u200b"


def escaped(text: object) -> str:
    """Return ``text`` as safe Paragraph markup: escaped, font-safe, newlines as <br/>."""
    clean = printable("" if text is None else str(text)).replace("\t", "    ")
    safe = escape(clean, {'"': "&quot;"})
    return "<br/>".join(safe.split("\n"))


def para(text: object, style: ParagraphStyle) -> Paragraph:
    """Return a Paragraph showing ``text`` exactly as typed (no markup is interpreted)."""
    return Paragraph(escaped(text), style)  # the only Paragraph built from user text


def para_markup(markup: str, style: ParagraphStyle) -> Paragraph:
    """Return a Paragraph of trusted markup: catalogue strings with user parts ``escaped``."""
    return Paragraph(markup, style)
