"""A widget that sets its texts again when the interface language changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget


class TranslatedWidget(QWidget):
    """Calls ``retranslate_ui`` on every LanguageChange (a translator installed or removed).

    Holds no text itself: each subclass's ``self.tr()`` strings stay in that subclass's
    translation context.
    """

    def retranslate_ui(self) -> None:
        """Set every text in the current interface language."""
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
