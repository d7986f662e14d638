"""A small horizontal (optionally stacked) bar chart drawn with QPainter; QtCharts is not shipped.

``BarChartWidget.set_data(categories, series, values)``: ``categories`` label the bars top to
bottom, ``series`` are ``(name, QColor)`` pairs stacked left to right, ``values[i][j]`` is the
value of series ``j`` in category ``i``. A legend is drawn when there is more than one series.
The numbers are also exposed as ``tooltip`` text and ``accessible_summary()`` for screen
readers and tests.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_HEIGHT = 22
BAR_GAP = 10
PADDING = 8


class BarChartWidget(QWidget):
    """Horizontal bars per category, series stacked, value written at the end of each bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._categories: list[str] = []
        self._series: list[tuple[str, QColor]] = []
        self._values: list[list[int]] = []
        self._empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(80)

    def set_empty_text(self, text: str) -> None:
        """Set what is written when every value is zero."""
        self._empty_text = text
        self.update()

    def set_data(
        self,
        categories: Sequence[str],
        series: Sequence[tuple[str, QColor]],
        values: Sequence[Sequence[int]],
    ) -> None:
        """Replace what the chart shows."""
        self._categories = list(categories)
        self._series = list(series)
        self._values = [list(row) for row in values]
        self.setToolTip(self.accessible_summary())
        self.setAccessibleDescription(self.accessible_summary())
        self.updateGeometry()
        self.update()

    def accessible_summary(self) -> str:
        """Return the chart's numbers as text, one category per line."""
        lines = []
        for category, row in zip(self._categories, self._values, strict=False):
            parts = [
                f"{name}: {value}" for (name, _), value in zip(self._series, row, strict=False)
            ]
            lines.append(f"{category} — {', '.join(parts)}")
        return "\n".join(lines)

    def sizeHint(self) -> QSize:
        rows = max(len(self._categories), 1)
        legend = self._legend_height()
        return QSize(360, PADDING * 2 + legend + rows * (BAR_HEIGHT + BAR_GAP))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def _legend_height(self) -> int:
        return QFontMetrics(self.font()).height() + BAR_GAP if len(self._series) > 1 else 0

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        area = QRectF(self.rect()).adjusted(PADDING, PADDING, -PADDING, -PADDING)
        top = area.top() + self._draw_legend(painter, area, metrics, text_color)
        total_max = max((sum(row) for row in self._values), default=0)
        if total_max == 0:
            painter.setPen(text_color)
            painter.drawText(
                QRectF(area.left(), top, area.width(), area.bottom() - top),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._empty_text,
            )
            return
        label_width = min(
            max((metrics.horizontalAdvance(c) for c in self._categories), default=0) + PADDING,
            area.width() * 0.4,
        )
        value_width = metrics.horizontalAdvance(str(total_max)) + PADDING
        bar_left = area.left() + label_width
        bar_span = max(area.right() - value_width - bar_left, 1.0)
        for index, (category, row) in enumerate(zip(self._categories, self._values, strict=False)):
            y = top + index * (BAR_HEIGHT + BAR_GAP)
            painter.setPen(text_color)
            label_rect = QRectF(area.left(), y, label_width - PADDING, BAR_HEIGHT)
            painter.drawText(
                label_rect,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                metrics.elidedText(category, Qt.TextElideMode.ElideRight, int(label_rect.width())),
            )
            x = bar_left
            for (_, color), value in zip(self._series, row, strict=False):
                width = bar_span * value / total_max
                if width > 0:
                    painter.fillRect(QRectF(x, y, width, BAR_HEIGHT), color)
                x += width
            painter.setPen(text_color)
            painter.drawText(
                QRectF(x + 4, y, value_width, BAR_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                str(sum(row)),
            )

    def _draw_legend(
        self, painter: QPainter, area: QRectF, metrics: QFontMetrics, text_color: QColor
    ) -> float:
        if len(self._series) <= 1:
            return 0.0
        x = area.left()
        swatch = metrics.height() * 0.8
        for name, color in self._series:
            painter.fillRect(QRectF(x, area.top() + 2, swatch, swatch), color)
            x += swatch + 4
            painter.setPen(text_color)
            painter.drawText(
                QRectF(x, area.top(), metrics.horizontalAdvance(name) + 2, metrics.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                name,
            )
            x += metrics.horizontalAdvance(name) + 16
        return float(self._legend_height())
