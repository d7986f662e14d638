"""Kecamatan, desa and clusters: the lookups every form and filter offers, and adding a desa.

Kecamatan and clusters are seeded reference data; desa are added by officers as they meet
them (the official village list is not shipped), so a new desa is a synced record. Who may
rename one follows the sync authority of ``Region`` (``sync.authority``): the supervisor any
desa, an officer only the desa added on its own device; anything else would be refused.
Names are listed in alphabetical order whatever their case ("air Putih" sorts with "Air").
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, UserError, ValidationError
from ikmdesk.models import ChangeOp, Cluster, Enterprise, Region, new_id
from ikmdesk.models.enums import DeviceRole, RegionLevel
from ikmdesk.services.device import this_device
from ikmdesk.sync.authority import origin_authors

NAME_MAX = 200

MSG_DESA_NAME_REQUIRED = QT_TRANSLATE_NOOP(CONTEXT, "Nama desa wajib diisi.")
MSG_DESA_NAME_TOO_LONG = QT_TRANSLATE_NOOP(CONTEXT, "Nama desa paling banyak {max} huruf.")
MSG_DESA_EXISTS = QT_TRANSLATE_NOOP(CONTEXT, "Desa {name} sudah ada di kecamatan {kecamatan}.")
MSG_DESA_UNKNOWN = QT_TRANSLATE_NOOP(CONTEXT, "Desa yang dipilih tidak ditemukan.")
MSG_DESA_NOT_YOURS = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Nama desa {name} hanya dapat diubah oleh kepala seksi, karena desa itu tidak ditambahkan "
    "di perangkat ini.",
)
MSG_KECAMATAN_UNKNOWN = QT_TRANSLATE_NOOP(CONTEXT, "Kecamatan yang dipilih tidak ditemukan.")
MSG_FILTER_CLUSTER = QT_TRANSLATE_NOOP(CONTEXT, "Klaster '{value}' tidak dikenal.")
MSG_FILTER_KECAMATAN = QT_TRANSLATE_NOOP(CONTEXT, "Kecamatan '{value}' tidak dikenal.")


@dataclass(frozen=True, slots=True)
class RegionRow:
    """A kecamatan or desa; ``parent_id`` is the kecamatan of a desa, None for a kecamatan."""

    id: str
    code: str | None
    name: str
    level: str
    parent_id: str | None


@dataclass(frozen=True, slots=True)
class ClusterRow:
    """A mentoring cluster with its Indonesian and English names."""

    id: str
    code: str
    name_id: str
    name_en: str


@dataclass(frozen=True, slots=True)
class DesaEntry:
    """A desa as the desa screen lists it: how many IKMs name it, whether it may be renamed here."""

    id: str
    name: str
    kecamatan_id: str
    enterprises: int
    editable: bool


def list_kecamatan(session: Session) -> list[RegionRow]:
    """Return the regency's kecamatan in alphabetical order of their names."""
    query = select(Region).where(Region.level == RegionLevel.KECAMATAN, Region.deleted.is_(False))
    return sorted((_region_row(r) for r in session.scalars(query)), key=_name_key)


def list_desa(session: Session, kecamatan_id: str) -> list[RegionRow]:
    """Return the desa of one kecamatan by name; empty for an unknown kecamatan."""
    query = select(Region).where(
        Region.level == RegionLevel.DESA,
        Region.parent_id == kecamatan_id,
        Region.deleted.is_(False),
    )
    return sorted((_region_row(r) for r in session.scalars(query)), key=_name_key)


def desa_counts(session: Session) -> dict[str, int]:
    """Return the number of live desa per kecamatan id (kecamatan without desa are absent)."""
    rows = session.execute(
        select(Region.parent_id, func.count(Region.id))
        .where(Region.level == RegionLevel.DESA, Region.deleted.is_(False))
        .group_by(Region.parent_id)
    )
    return {parent: int(count) for parent, count in rows if parent is not None}


def desa_entries(session: Session, kecamatan_id: str) -> list[DesaEntry]:
    """Return the desa of one kecamatan by name, with their IKM counts and who may rename them."""
    desa = list_desa(session, kecamatan_id)
    ids = [d.id for d in desa]
    used = dict(
        session.execute(
            select(Enterprise.desa_id, func.count(Enterprise.id))
            .where(Enterprise.deleted.is_(False), Enterprise.desa_id.in_(ids))
            .group_by(Enterprise.desa_id)
        ).all()
    )
    editable = _renamable(session, ids)
    return [
        DesaEntry(
            id=d.id,
            name=d.name,
            kecamatan_id=kecamatan_id,
            enterprises=int(used.get(d.id, 0)),
            editable=d.id in editable,
        )
        for d in desa
    ]


def rename_desa(session: Session, desa_id: str, name: str) -> None:
    """Give a desa a new name; refuses a blank or duplicate name and a desa not renamable here."""
    desa = desa_record(session, desa_id)
    if desa is None:
        raise ValidationError("desa_id", MSG_DESA_UNKNOWN)
    clean = _valid_desa_name(session, name, kecamatan_id=desa.parent_id, other_than=desa.id)
    if desa.id not in _renamable(session, [desa.id]):
        raise UserError(MSG_DESA_NOT_YOURS, name=desa.name)
    if clean != desa.name:
        desa.name = clean
        session.flush()


def add_desa(session: Session, *, kecamatan_id: str, name: str) -> str:
    """Add a desa to a kecamatan and return its id; refuses a blank name or a duplicate."""
    clean = _valid_desa_name(session, name, kecamatan_id=kecamatan_id)
    desa = Region(id=new_id(), level=RegionLevel.DESA, name=clean, parent_id=kecamatan_id)
    session.add(desa)
    session.flush()
    return desa.id


def _valid_desa_name(
    session: Session, name: str, *, kecamatan_id: str | None, other_than: str | None = None
) -> str:
    """Return ``name`` with spaces tidied; raise if blank, too long or taken in the kecamatan."""
    clean = " ".join(name.split())
    if not clean:
        raise ValidationError("name", MSG_DESA_NAME_REQUIRED)
    if len(clean) > NAME_MAX:
        raise ValidationError("name", MSG_DESA_NAME_TOO_LONG, max=NAME_MAX)
    kecamatan = kecamatan_record(session, kecamatan_id)
    if kecamatan is None:
        raise ValidationError("kecamatan_id", MSG_KECAMATAN_UNKNOWN)
    siblings = session.execute(
        select(Region.id, Region.name).where(
            Region.level == RegionLevel.DESA,
            Region.parent_id == kecamatan_id,
            Region.deleted.is_(False),
        )
    )
    # casefold in Python: SQLite's lower() leaves non-ASCII letters as they are.
    if any(rid != other_than and n.casefold() == clean.casefold() for rid, n in siblings):
        raise ValidationError("name", MSG_DESA_EXISTS, name=clean, kecamatan=kecamatan.name)
    return clean


def _renamable(session: Session, desa_ids: Collection[str]) -> set[str]:
    """Return the desa of ``desa_ids`` this device may rename (the authority rule of Region)."""
    if not desa_ids:
        return set()
    if this_device(session).role == DeviceRole.SUPERVISOR:
        return set(desa_ids)
    me = this_device(session).id
    authors = origin_authors(session.connection())
    first: dict[str, str] = {}
    rows = session.execute(
        select(ChangeOp.row_id, ChangeOp.device_id)
        .where(ChangeOp.entity == Region.__tablename__, ChangeOp.row_id.in_(list(desa_ids)))
        .order_by(ChangeOp.hlc)
    )
    for row_id, origin in rows:
        first.setdefault(row_id, origin)
    # A desa without ops is shipped reference data: only the supervisor changes it.
    return {rid for rid, origin in first.items() if authors.get(origin, origin) == me}


def _name_key(row: RegionRow) -> tuple[str, str]:
    return (row.name.casefold(), row.id)


def list_clusters(session: Session) -> list[ClusterRow]:
    """Return the clusters by Indonesian name."""
    query = select(Cluster).where(Cluster.deleted.is_(False)).order_by(Cluster.name_id, Cluster.id)
    return [_cluster_row(c) for c in session.scalars(query)]


def find_kecamatan(session: Session, name_or_code: str) -> RegionRow | None:
    """Return the kecamatan whose code or name (ignoring case and extra spaces) is given."""
    key = " ".join(name_or_code.split())
    if not key:
        return None
    query = (
        select(Region)
        .where(
            Region.level == RegionLevel.KECAMATAN,
            Region.deleted.is_(False),
            or_(Region.code == key, func.lower(Region.name) == key.lower()),
        )
        .order_by(Region.code)
    )
    region = session.scalars(query).first()
    return None if region is None else _region_row(region)


def find_cluster(session: Session, code_or_name: str) -> ClusterRow | None:
    """Return the cluster whose code or Indonesian/English name (ignoring case) is given."""
    key = " ".join(code_or_name.split()).lower()
    if not key:
        return None
    query = select(Cluster).where(
        Cluster.deleted.is_(False),
        or_(
            func.lower(Cluster.code) == key,
            func.lower(Cluster.name_id) == key,
            func.lower(Cluster.name_en) == key,
        ),
    )
    cluster = session.scalars(query.order_by(Cluster.code)).first()
    return None if cluster is None else _cluster_row(cluster)


def resolve_cluster_id(session: Session, value: str) -> str:
    """Return the id of the cluster given by code, id or name; ValidationError if none."""
    key = value.strip()
    found = session.scalar(
        select(Cluster.id)
        .where(
            Cluster.deleted.is_(False),
            or_(
                Cluster.code == key,
                Cluster.id == key,
                func.lower(Cluster.name_id) == key.lower(),
                func.lower(Cluster.name_en) == key.lower(),
            ),
        )
        .order_by(Cluster.code)
        .limit(1)
    )
    if found is None:
        raise ValidationError("cluster", MSG_FILTER_CLUSTER, value=value)
    return found


def resolve_kecamatan_id(session: Session, value: str) -> str:
    """Return the id of the kecamatan given by id, code or name; ValidationError if none."""
    key = " ".join(value.split())
    found = session.scalar(
        select(Region.id)
        .where(
            Region.level == RegionLevel.KECAMATAN,
            Region.deleted.is_(False),
            or_(Region.id == key, Region.code == key, func.lower(Region.name) == key.lower()),
        )
        .order_by(Region.code)
        .limit(1)
    )
    if found is None:
        raise ValidationError("kecamatan", MSG_FILTER_KECAMATAN, value=value)
    return found


def kecamatan_record(session: Session, kecamatan_id: str | None) -> Region | None:
    """Return the live kecamatan row with this id, for sibling services validating input."""
    if not kecamatan_id:
        return None
    region = session.get(Region, kecamatan_id)
    if region is None or region.deleted or region.level != RegionLevel.KECAMATAN:
        return None
    return region


def desa_record(session: Session, desa_id: str | None) -> Region | None:
    """Return the live desa row with this id, for sibling services validating input."""
    if not desa_id:
        return None
    region = session.get(Region, desa_id)
    if region is None or region.deleted or region.level != RegionLevel.DESA:
        return None
    return region


def cluster_record(session: Session, cluster_id: str | None) -> Cluster | None:
    """Return the live cluster row with this id, for sibling services validating input."""
    if not cluster_id:
        return None
    cluster = session.get(Cluster, cluster_id)
    return None if cluster is None or cluster.deleted else cluster


def _region_row(region: Region) -> RegionRow:
    return RegionRow(
        id=region.id,
        code=region.code,
        name=region.name,
        level=RegionLevel(region.level).value,
        parent_id=region.parent_id,
    )


def _cluster_row(cluster: Cluster) -> ClusterRow:
    return ClusterRow(
        id=cluster.id, code=cluster.code, name_id=cluster.name_id, name_en=cluster.name_en
    )
