"""Benchmark databases built once in the temp folder and reused by later runs."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ikmdesk.db import Database
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.device import create_identity

FOLDER = Path(tempfile.gettempdir()) / "ikmdesk-bench"


def cached_database(name: str, fill: Callable[[Any, str], None]) -> Database:
    """Open ``FOLDER/name``, first building it through ``fill(session, officer_id)`` if missing.

    The build writes a partial file renamed when complete, so a killed build is redone.
    """
    path = FOLDER / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        for stale in path.parent.glob(partial.name + "*"):
            stale.unlink()
        db = open_data_file(partial, create=True)
        try:
            with db.unit_of_work() as session:
                device = create_identity(session, role="officer", officer_name="Petugas Bench")
                fill(session, device.id)
        finally:
            db.close()
        partial.rename(path)
    return open_data_file(path)
