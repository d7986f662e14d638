"""Open an IKMDesk data file ready for services: migrated, change capture on, seeded when new."""

from __future__ import annotations

import os

from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError

from ikmdesk.db import Database, open_database
from ikmdesk.dialect import is_server_url
from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, ValidationError
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


MSG_NOT_SERVER_URL = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Alamat basis data server harus berbentuk postgresql+psycopg://pengguna@server/nama, "
    "mis. postgresql+psycopg://penyelia@192.168.1.10/ikmdesk",
)
_DRIVERS = ("postgresql", "postgresql+psycopg")


def server_url(text: str) -> str:
    """Return the PostgreSQL URL a user typed, with the driver IKMDesk ships (psycopg).

    Raises ValidationError (field ``url``) for anything that is not such a URL.
    """
    text = text.strip()
    try:
        parsed = make_url(text) if is_server_url(text) else None
    except (ArgumentError, ValueError):
        parsed = None
    if parsed is None or parsed.drivername not in _DRIVERS:
        raise ValidationError("url", MSG_NOT_SERVER_URL)
    if not parsed.host or not parsed.database:
        raise ValidationError("url", MSG_NOT_SERVER_URL)
    return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def open_server_data_file(text: str) -> Database:
    """Open the office's PostgreSQL database at the URL ``text``, setting it up when empty.

    Raises ValidationError for a malformed URL and DatabaseUnreachable (a DatabaseMissing)
    with the server's reason when it cannot connect.
    """
    return open_data_file(server_url(text), create=True)
