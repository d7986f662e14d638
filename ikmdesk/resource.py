"""Locate files shipped under ``ikmdesk/resources`` from a source tree or an installed wheel."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Return the path of a bundled resource; the resources folder travels inside the package."""
    root = files("ikmdesk").joinpath("resources")
    return Path(str(root.joinpath(*parts)))
