"""Refresh ikmdesk/resources/translations: run lupdate over ikmdesk/ and lrelease into the .qm.

Usage: ``uv run python docs/update_translations.py``. Then translate what it lists as
untranslated (Qt Linguist: ``uv run pyside6-linguist ikmdesk/resources/translations/
ikmdesk_en.ts``), and run it again so the .qm matches. Exit status 1 while anything is
untranslated.
"""

from __future__ import annotations

import sys

from ikmdesk.ui.translation_build import main

if __name__ == "__main__":
    sys.exit(main())
