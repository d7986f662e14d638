"""Run the ``ikmdesk`` command as ``python -m ikmdesk.cli`` (tests and frozen builds use this)."""

from ikmdesk.cli import entry_point

entry_point()
