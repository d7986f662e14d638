"""Kecamatan, desa and clusters: the lookups every form and filter offers, and adding a desa.

Kecamatan and clusters are seeded reference data; desa are added by officers as they meet
them (the official village list is not shipped), so a new desa is a synced record.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, ValidationError
from ikmdesk.models import Cluster, Region, new_id
from ikmdesk.models.enums import RegionLevel

NAME_MAX = 200

MSG_DESA_NAME_REQUIRED = QT_TRANSLATE_NOOP(CONTEXT, "Nama desa wajib diisi.")
MSG_DESA_NAME_TOO_LONG = QT_TRANSLATE_NOOP(CONTEXT, "Nama desa paling banyak {max} huruf.")
MSG_DESA_EXISTS = QT_TRANSLATE_NOOP(CONTEXT, "Desa {name} sudah ada di kecamatan {kecamatan}.")
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


def list_kecamatan(session: Session) -> list[RegionRow]:
    """Return the regency's kecamatan in code order (the order official lists use)."""
    query = (
        select(Region)
        .where(Region.level == RegionLevel.KECAMATAN, Region.deleted.is_(False))
        .order_by(Region.name, Region.code)
    )
    return [_region_row(r) for r in session.scalars(query)]


def list_desa(session: Session, kecamatan_id: str) -> list[RegionRow]:
    """Return the desa of one kecamatan by name; empty for an unknown kecamatan."""
    query = (
        select(Region)
        .where(
            Region.level == RegionLevel.DESA,
            Region.parent_id == kecamatan_id,
            Region.deleted.is_(False),
        )
        .order_by(Region.name, Region.id)
    )
    return [_region_row(r) for r in session.scalars(query)]


def add_desa(session: Session, *, kecamatan_id: str, name: str) -> str:
    """Add a desa to a kecamatan and return its id; refuses a blank name or a duplicate."""
    clean = " ".join(name.split())
    if not clean:
        raise ValidationError("name", MSG_DESA_NAME_REQUIRED)
    if len(clean) > NAME_MAX:
        raise ValidationError("name", MSG_DESA_NAME_TOO_LONG, max=NAME_MAX)
    kecamatan = kecamatan_record(session, kecamatan_id)
    if kecamatan is None:
        raise ValidationError("kecamatan_id", MSG_KECAMATAN_UNKNOWN)
    duplicate = session.scalar(
        select(Region.id).where(
            Region.level == RegionLevel.DESA,
            Region.parent_id == kecamatan_id,
            Region.deleted.is_(False),
            func.lower(Region.name) == clean.lower(),
        )
    )
    if duplicate is not None:
        raise ValidationError("name", MSG_DESA_EXISTS, name=clean, kecamatan=kecamatan.name)
    desa = Region(id=new_id(), level=RegionLevel.DESA, name=clean, parent_id=kecamatan_id)
    session.add(desa)
    session.flush()
    return desa.id


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
