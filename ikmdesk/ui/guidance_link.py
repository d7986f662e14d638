"""Links a checklist's failed items to their guidance sheets (the "Panduan" button)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ikmdesk.db import Database
from ikmdesk.services.programme.guidance import items_with_sheets, sheets_for_item
from ikmdesk.ui.checklist_widget import ChecklistWidget


def link_guidance(checklist: ChecklistWidget, database: Database, parent: QWidget) -> None:
    """Let ``checklist`` offer the sheet of each failed item that has one, opened on a click."""

    def lookup(template_code: str) -> set[str]:
        with database.unit_of_work() as session:
            return items_with_sheets(session, template_code)

    def open_sheet(item_id: str) -> None:
        from ikmdesk.ui.guidance_dialog import open_guidance

        template = checklist.template
        if template is None:
            return
        with database.unit_of_work() as session:
            codes = tuple(s.code for s in sheets_for_item(session, template.id, item_id))
        if codes:
            open_guidance(parent, database, select=codes[0], only=codes)

    checklist.guidance_lookup = lookup
    checklist.guidance_requested.connect(open_sheet)
