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


def escaped(text: object) -> str:
    """Return ``text`` as safe Paragraph markup: escaped, font-safe, newlines as <br/>."""
    clean = printable("" if text is None else str(text)).replace("\t", "    ")
    safe = escape(clean, {'"': "&quot;"})
    return "<br/>".join(safe.split("\n"))


def para(text: object, style: ParagraphStyle) -> Paragraph:
    """Return a Paragraph showing ``text`` exactly as typed (no markup is interpreted).

    Words wider than the column are broken by ReportLab's own long-word splitting, which
    every style here leaves on.
    """
    return Paragraph(escaped(text), style)  # the only Paragraph built from user text


def para_markup(markup: str, style: ParagraphStyle) -> Paragraph:
    """Return a Paragraph of trusted markup: catalogue strings with user parts ``escaped``."""
    return Paragraph(markup, style)
