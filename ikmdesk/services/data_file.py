"""Open an IKMDesk data file ready for services: migrated, change capture on, seeded when new."""

from __future__ import annotations

import os

from ikmdesk.db import Database, open_database
from ikmdesk.services.backup import adopt_pre_migration_backups
from ikmdesk.services.programme.shipped import ensure_shipped_programme_data
from ikmdesk.services.quality_check import ensure_shipped_templates
from ikmdesk.services.reference_data import seed_reference_data
from ikmdesk.sync import change_capture


def open_data_file(
    path: str | os.PathLike[str], *, create: bool = False, writable: bool = True
) -> Database:
    """Open the database at ``path`` the way every caller (window, CLI, tests) must.

    A new file gets the reference data and the shipped checklist templates; every session
    made by the returned factory records change ops for synced records.
    """
    db = open_database(path, create=create, writable=writable)
    try:
        change_capture.install(db.factory)
        if db.backup_path is not None:
            # The copy taken before migrating joins the rotating backup set.
            db.backup_path = adopt_pre_migration_backups(db.path)[0]
        if db.created:
            with db.unit_of_work() as session:
                seed_reference_data(session)
        if writable:
            # A new release may ship new template versions; every device adds them alike.
            with db.unit_of_work() as session:
                ensure_shipped_templates(session)
                ensure_shipped_programme_data(session)
    except BaseException:
        db.close()
        raise
    return db
