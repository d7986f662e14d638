"""The title at the top of a page: the widget font, 1.4 times as large, bold."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

TITLE_SCALE = 1.4


def page_title_label() -> QLabel:
    """Return an empty label in the page-title font (text set on retranslation)."""
    label = QLabel()
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * TITLE_SCALE)
    font.setBold(True)
    label.setFont(font)
    return label
