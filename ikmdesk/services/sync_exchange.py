"""What the Sinkronisasi page tells before an exchange: what the next export carries, names, rules.

These mirror the choices ``sync_service.export_package`` makes, so what the window promises is
what the file holds (a test compares them with real exports).
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy.orm import Session

from ikmdesk.services.device import this_device
from ikmdesk.sync.authority import sendable_origins
from ikmdesk.sync.knowledge import count_unknown_to, peer_vector

MIN_PASSPHRASE_LENGTH = 10
"""A package passphrase guards NIKs on a stick that may be lost; short ones are refused."""

_NAME_PART = re.compile(r"[^A-Za-z0-9]+")
_NAME_PART_MAX = 40


def next_export_ops(session: Session, recipient_id: str | None, *, full: bool = False) -> int:
    """Return how many ops an export to ``recipient_id`` would carry right now.

    A full package, and one locked with a passphrase (no known recipient), carries every op
    its sender may send (an officer only its own); one for a trusted peer carries those the
    peer is not known to hold.
    """
    me = this_device(session)
    connection = session.connection()
    origins = sendable_origins(connection, me.id, me.role.value)
    known = {} if full or recipient_id is None else peer_vector(session, recipient_id)
    return count_unknown_to(connection, known, origins=origins)


def file_name_part(text: str, *, fallback: str) -> str:
    """Return ``text`` as a file-name-safe part on every system: ASCII letters, digits and '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    part = _NAME_PART.sub("-", ascii_text).strip("-")[:_NAME_PART_MAX].strip("-")
    return part or fallback


def key_card_file_name(officer_name: str, device_id: str) -> str:
    """Return the suggested name of a device's key card file, naming its officer."""
    return f"kartu-kunci-{file_name_part(officer_name, fallback=device_id[:8])}.json"
