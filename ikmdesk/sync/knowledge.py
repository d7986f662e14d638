"""Version vectors: which ops this device holds, and what it knows each peer holds.

A vector maps an origin device id to a counter N meaning "holds that device's ops 1..N".
This device's own vector is read from the change log (the contiguous prefix per origin),
so it can never disagree with the ops actually stored.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import cast

from sqlalchemy import Connection, Table, and_, delete, func, select
from sqlalchemy.orm import Session

from ikmdesk.blob_store import is_sha256
from ikmdesk.dialect import json_as_text
from ikmdesk.models import ChangeOp
from ikmdesk.models.sync_state import PeerKnowledge, SyncContext

_log = cast(Table, ChangeOp.__table__)


def local_vector(connection: Connection) -> dict[str, int]:
    """Return, per origin device, the highest counter up to which every op is held here."""
    return vector_and_gaps(connection)[0]


def vector_and_gaps(connection: Connection) -> tuple[dict[str, int], set[str]]:
    """Return the local vector and the origins of which ops past a gap are held too."""
    rows = connection.execute(
        select(_log.c.device_id, func.max(_log.c.counter), func.count()).group_by(_log.c.device_id)
    ).all()
    vector: dict[str, int] = {}
    gapped: set[str] = set()
    for device_id, highest, count in rows:
        if highest == count:
            vector[device_id] = highest
        else:
            vector[device_id] = _prefix_end(connection, device_id)
            gapped.add(device_id)
    return vector, gapped


def held_beyond_prefix(connection: Connection) -> dict[str, list[int]]:
    """Return, per origin, counters held past a gap (ops received out of order)."""
    held: dict[str, list[int]] = {}
    for device_id, end in local_vector(connection).items():
        counters = connection.scalars(
            select(_log.c.counter)
            .where(_log.c.device_id == device_id, _log.c.counter > end)
            .order_by(_log.c.counter)
        ).all()
        if counters:
            held[device_id] = list(counters)
    return held


def _prefix_end(connection: Connection, device_id: str) -> int:
    first = connection.scalar(select(func.min(_log.c.counter)).where(_log.c.device_id == device_id))
    if first != 1:
        return 0
    following = _log.alias("following")
    return int(
        connection.scalar(
            select(func.min(_log.c.counter)).where(
                _log.c.device_id == device_id,
                ~select(following.c.counter)
                .where(
                    and_(
                        following.c.device_id == _log.c.device_id,
                        following.c.counter == _log.c.counter + 1,
                    )
                )
                .exists(),
            )
        )
        or 0
    )


def peer_vector(session: Session, peer_id: str) -> dict[str, int]:
    """Return what this device knows ``peer_id`` holds (empty for a peer never heard from)."""
    rows = session.execute(
        select(PeerKnowledge.origin_device_id, PeerKnowledge.counter).where(
            PeerKnowledge.peer_device_id == peer_id
        )
    ).all()
    return {origin: counter for origin, counter in rows}


def all_peer_vectors(session: Session) -> dict[str, dict[str, int]]:
    """Return what this device knows every peer holds, by peer id."""
    vectors: dict[str, dict[str, int]] = {}
    for peer, origin, counter in session.execute(
        select(PeerKnowledge.peer_device_id, PeerKnowledge.origin_device_id, PeerKnowledge.counter)
    ):
        vectors.setdefault(peer, {})[origin] = counter
    return vectors


def learn_peer_vector(
    session: Session, peer_id: str, vector: Mapping[str, int], *, replace: bool = False
) -> None:
    """Record that ``peer_id`` holds at least ``vector`` (knowledge only ever grows).

    ``replace``: the peer was restored from a backup, so it holds exactly ``vector`` now.
    """
    if replace:
        session.execute(delete(PeerKnowledge).where(PeerKnowledge.peer_device_id == peer_id))
    known = {
        row.origin_device_id: row
        for row in session.scalars(
            select(PeerKnowledge).where(PeerKnowledge.peer_device_id == peer_id)
        )
    }
    for origin, counter in vector.items():
        row = known.get(origin)
        if row is None:
            session.add(
                PeerKnowledge(peer_device_id=peer_id, origin_device_id=origin, counter=counter)
            )
        elif counter > row.counter:
            row.counter = counter
    session.flush()


def op_lines_unknown_to(
    connection: Connection, known: Mapping[str, int], *, origins: Collection[str] | None = None
) -> list[str]:
    """Return, as JSON lines, every stored op the holder of ``known`` lacks (by origin, counter).

    ``origins``: only ops of these origins (an officer sends only its own); ``None``: all.
    Values are copied as the JSON text stored in the change log, never decoded and
    re-encoded: exports of hundreds of thousands of ops spend their time here.
    """
    quote = json.encoder.encode_basestring  # type: ignore[attr-defined]
    held = _held_origins(connection, origins)
    raw_value = json_as_text(_log.c.value, connection)
    lines: list[str] = []
    for origin in sorted(held):
        result = connection.execute(
            select(
                _log.c.device_id,
                _log.c.counter,
                _log.c.entity,
                _log.c.row_id,
                _log.c.field,
                raw_value,
                _log.c.hlc,
            )
            .where(_log.c.device_id == origin, _log.c.counter > known.get(origin, 0))
            .order_by(_log.c.counter)
        )
        lines.extend(
            f'{{"op_id":{quote(f"{device_id}:{int(counter)}")},"device_id":{quote(device_id)},'
            f'"counter":{int(counter)},"entity":{quote(entity)},"row_id":{quote(row_id)},'
            f'"field":{quote(field)},"value":{"null" if value is None else value},'
            f'"hlc":{quote(hlc)}}}'
            for device_id, counter, entity, row_id, field, value, hlc in result
        )
    return lines


def attachment_hashes(
    connection: Connection, known: Mapping[str, int], *, origins: Collection[str] | None = None
) -> list[str]:
    """Return the SHA-256 of every attachment file named by an op the holder lacks.

    ``origins``: only files named by ops of these origins; ``None``: by any.
    """
    rows = connection.execute(
        select(_log.c.device_id, _log.c.counter, _log.c.value).where(
            _log.c.entity == "attachment", _log.c.field == "sha256"
        )
    )
    return sorted(
        {
            value
            for device_id, counter, value in rows
            if counter > known.get(device_id, 0)
            and (origins is None or device_id in origins)
            and isinstance(value, str)
            and is_sha256(value)
        }
    )


def count_unknown_to(
    connection: Connection, known: Mapping[str, int], *, origins: Collection[str] | None = None
) -> int:
    """Return how many stored ops the holder of ``known`` lacks (of ``origins`` only, if given)."""
    return sum(
        int(
            connection.scalar(
                select(func.count()).where(
                    _log.c.device_id == origin, _log.c.counter > known.get(origin, 0)
                )
            )
            or 0
        )
        for origin in _held_origins(connection, origins)
    )


def _held_origins(connection: Connection, wanted: Collection[str] | None) -> list[str]:
    held = connection.scalars(select(_log.c.device_id).distinct()).all()
    return [o for o in held if wanted is None or o in wanted]


def mark_context_changed(session: Session, device_id: str, vector: Mapping[str, int]) -> None:
    """Remember the vector after an import; the next local op will carry it as its context."""
    row = session.get(SyncContext, device_id)
    if row is None:
        session.add(SyncContext(device_id=device_id, vector=dict(vector), pending=True))
    else:
        row.vector = dict(vector)
        row.pending = True
    session.flush()
