"""Showing a service's ValidationError under the form field it names, instead of in a box."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ikmdesk.errors import ValidationError
from ikmdesk.ui import dialogs
from ikmdesk.ui.validation_style import FieldRow


def mark_field_error(
    rows: Mapping[str, FieldRow], error: object, *, reveal: Callable[[], object] | None = None
) -> bool:
    """Mark the row of the field ``error`` names and focus its input; False if none has it.

    ``reveal`` runs first (e.g. to switch to the form's tab), so the focus lands on a shown input.
    """
    if not isinstance(error, ValidationError) or error.field not in rows:
        return False
    if reveal is not None:
        reveal()
    row = rows[error.field]
    row.mark(dialogs.translate_error(error))
    row.editor.setFocus()
    return True
