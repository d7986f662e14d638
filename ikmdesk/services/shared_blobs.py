"""Attachment files shared through a server database by the laptops that use it.

A SQLite file's attachments are the files in the folder beside it. On PostgreSQL several
supervisors' laptops share one database but each has its own folder, so the bytes are written
to ``attachment_blob`` in the same transaction as what names them (an attachment, a package
import, a letterhead logo), and a laptop that lacks a file fetches it from there, checks its
SHA-256 and keeps it in its folder. A row whose bytes do not match their name is never used.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from ikmdesk.blob_store import BlobStore, is_sha256
from ikmdesk.dialect import insert_if_absent
from ikmdesk.models import AttachmentBlob, utc_now

_BATCH = 32
"""Files fetched per query: photos are up to a few MB each."""


def shares_blobs(session: Session) -> bool:
    """Tell whether this session's database keeps attachment bytes (a server database)."""
    return session.get_bind().dialect.name != "sqlite"


def share_blobs(session: Session, blobs: Mapping[str, bytes]) -> None:
    """On a server database, store the files (by SHA-256) unless already there."""
    if not blobs or not shares_blobs(session):
        return
    now = utc_now()
    rows = [
        {"sha256": sha, "content": data, "size_bytes": len(data), "created_at": now}
        for sha, data in blobs.items()
    ]
    # Two laptops may store the same photo at once: the first row stands, the other is a no-op.
    statement = insert_if_absent(session.connection(), AttachmentBlob, ["sha256"])
    for start in range(0, len(rows), _BATCH):
        session.execute(statement, rows[start : start + _BATCH])


def share_stored(session: Session, store: BlobStore, sha256: str | None) -> None:
    """On a server database, store a file this laptop holds (e.g. a new letterhead logo)."""
    if sha256 and is_sha256(sha256) and shares_blobs(session) and store.has(sha256):
        share_blobs(session, {sha256: store.read(sha256)})


def on_server(session: Session, shas: Iterable[str]) -> set[str]:
    """Return which of the files the server database holds (none for a SQLite file)."""
    wanted = sorted({sha for sha in shas if is_sha256(sha)})
    if not wanted or not shares_blobs(session):
        return set()
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(
            session.scalars(select(AttachmentBlob.sha256).where(AttachmentBlob.sha256.in_(chunk)))
        )
    return found


def fetch_missing(session: Session, store: BlobStore, shas: Iterable[str]) -> set[str]:
    """Bring into ``store`` the files it lacks that the server database holds, verified.

    Returns the hashes now in ``store``. A server row whose bytes do not hash to its name is
    left out (as if missing) and never written to the folder.
    """
    wanted = {sha for sha in shas if is_sha256(sha)}
    present = {sha for sha in wanted if store.has(sha)}
    lacking = sorted(wanted - present)
    if not lacking or not shares_blobs(session):
        return present
    for start in range(0, len(lacking), _BATCH):
        chunk = lacking[start : start + _BATCH]
        rows = session.execute(
            select(AttachmentBlob.sha256, AttachmentBlob.content).where(
                AttachmentBlob.sha256.in_(chunk)
            )
        )
        for sha, content in rows:
            data = bytes(content)
            if hashlib.sha256(data).hexdigest() != sha:
                continue
            store.put_verified(sha, data)
            present.add(sha)
    return present
