"""Print the IKM's one-page handout (Lembar Pendampingan) of a visit from the window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from ikmdesk.db import Database


def open_handout_preview(parent: QWidget | None, database: Database, visit_id: str) -> QDialog:
    """Open the handout of ``visit_id`` in a preview window to save as PDF or print."""
    from ikmdesk.reports.programme_render import render_handout
    from ikmdesk.ui.report_page import open_document_preview

    def render(db: Database, lang: str) -> bytes:
        return render_handout(db, visit_id, lang=lang)

    title = QCoreApplication.translate("HandoutPrint", "Lembar Pendampingan")
    return open_document_preview(
        parent, database, title, render, f"lembar-pendampingan-{visit_id[:8]}.pdf"
    )
