"""A page that says honestly that a part of the app is not available in this build yet."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    """Stands in for a page whose module is missing; shows its title and that it is not ready."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self.title_label = QLabel()
        self.title_label.setObjectName("pageTitle")
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every text in the current interface language."""
        self.title_label.setText(self._title)
        self.message_label.setText(
            self.tr(
                "Bagian ini belum tersedia pada versi aplikasi ini. Data Anda tidak terpengaruh; "
                "fitur ini akan muncul di sini setelah selesai dibuat."
            )
        )

    def set_title(self, title: str) -> None:
        """Change the title shown (the main window passes it translated)."""
        self._title = title
        self.title_label.setText(title)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
