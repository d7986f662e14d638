"""IKMs (enterprises): validated create/update/tombstone, detail, and fast filtered lists.

Lists are built for 100,000 IKMs: filtering, sorting and paging happen in SQL, the count is a
separate query, and one query returns a page with its names, last visit and product count.
Deleting an IKM tombstones it and its products (a product cannot outlive its maker); an IKM
that has visits is not deleted at all, because visit reports point at it: close it instead
(status "closed").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Label, Row, Select, Subquery, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from ikmdesk.errors import (
    CONTEXT,
    QT_TRANSLATE_NOOP,
    UserError,
    ValidationError,
)
from ikmdesk.models import Cluster, Enterprise, Product, Region, Visit, new_id
from ikmdesk.models.base import FAR_FUTURE
from ikmdesk.models.enums import (
    BusinessScale,
    EnterpriseStatus,
    HalalRoute,
    HalalStatus,
    RegionLevel,
)
from ikmdesk.services.listing import (
    SortKey,
    SqlColumn,
    check_page,
    like,
    resolve_sort,
    sort_key,
    words_match,
)
from ikmdesk.services.live_record import live_record
from ikmdesk.services.nik import is_nik
from ikmdesk.services.optional_text import optional_text
from ikmdesk.services.phone_number import plausible_phone
from ikmdesk.services.product import ProductRow, list_products
from ikmdesk.services.region import (
    cluster_record,
    desa_record,
    kecamatan_record,
    resolve_cluster_id,
    resolve_kecamatan_id,
)

E = TypeVar("E", bound=StrEnum)

NAME_MAX = 200
FAR_FUTURE_DATE = date.fromisoformat(FAR_FUTURE)

MSG_ENTERPRISE = QT_TRANSLATE_NOOP(CONTEXT, "IKM")
MSG_NAME_REQUIRED = QT_TRANSLATE_NOOP(CONTEXT, "Nama IKM wajib diisi.")
MSG_NAME_TOO_LONG = QT_TRANSLATE_NOOP(CONTEXT, "Nama IKM paling banyak {max} huruf.")
MSG_NIK_FORMAT = QT_TRANSLATE_NOOP(CONTEXT, "NIK pemilik harus tepat 16 angka.")
MSG_PHONE_FORMAT = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Nomor telepon tidak sah: tulis 9 sampai 15 angka, boleh diawali +62 atau 0 "
    "(contoh 081234567890).",
)
MSG_LATLON_PAIR = QT_TRANSLATE_NOOP(
    CONTEXT, "Lintang dan bujur harus diisi keduanya, atau dikosongkan keduanya."
)
MSG_LATITUDE_RANGE = QT_TRANSLATE_NOOP(CONTEXT, "Lintang harus antara -90 dan 90, bukan {value}.")
MSG_LONGITUDE_RANGE = QT_TRANSLATE_NOOP(CONTEXT, "Bujur harus antara -180 dan 180, bukan {value}.")
MSG_WORKERS_NEGATIVE = QT_TRANSLATE_NOOP(
    CONTEXT, "Jumlah tenaga kerja harus bilangan bulat 0 atau lebih, bukan {value}."
)
MSG_KECAMATAN_REQUIRED = QT_TRANSLATE_NOOP(
    CONTEXT, "Kecamatan IKM wajib dipilih dari daftar kecamatan."
)
MSG_CLUSTER_REQUIRED = QT_TRANSLATE_NOOP(CONTEXT, "Klaster IKM wajib dipilih dari daftar klaster.")
MSG_DESA_UNKNOWN = QT_TRANSLATE_NOOP(CONTEXT, "Desa yang dipilih tidak ditemukan.")
MSG_DESA_OUTSIDE = QT_TRANSLATE_NOOP(CONTEXT, "Desa {desa} tidak berada di Kecamatan {kecamatan}.")
MSG_STATUS_UNKNOWN = QT_TRANSLATE_NOOP(
    CONTEXT, "Status IKM '{value}' tidak dikenal (active, inactive, closed)."
)
MSG_SCALE_UNKNOWN = QT_TRANSLATE_NOOP(
    CONTEXT, "Skala usaha '{value}' tidak dikenal (mikro, kecil, menengah)."
)
MSG_HALAL_STATUS_UNKNOWN = QT_TRANSLATE_NOOP(
    CONTEXT, "Status halal '{value}' tidak dikenal (none, in_process, certified)."
)
MSG_HALAL_ROUTE_UNKNOWN = QT_TRANSLATE_NOOP(
    CONTEXT, "Jalur sertifikasi halal '{value}' tidak dikenal (self_declare, reguler)."
)
MSG_HALAL_ISSUED_FAR = QT_TRANSLATE_NOOP(
    CONTEXT, "Tanggal terbit sertifikat halal harus sebelum tahun 2100."
)
MSG_HALAL_EXPIRES_FAR = QT_TRANSLATE_NOOP(
    CONTEXT, "Tanggal berakhir sertifikat halal harus sebelum tahun 2100."
)
MSG_PKP_DATE_FAR = QT_TRANSLATE_NOOP(CONTEXT, "Tanggal sertifikat PKP harus sebelum tahun 2100.")
MSG_HALAL_EXPIRY_ORDER = QT_TRANSLATE_NOOP(
    CONTEXT, "Tanggal berakhir sertifikat halal harus sesudah tanggal terbitnya."
)
MSG_HAS_VISITS = QT_TRANSLATE_NOOP(
    CONTEXT,
    "IKM ini sudah punya {count} kunjungan, jadi tidak dapat dihapus. "
    "Ubah statusnya menjadi 'tutup' bila usahanya sudah berhenti.",
)
MSG_FILTER_LICENCE = QT_TRANSLATE_NOOP(
    CONTEXT, "Saringan izin '{value}' tidak dikenal; pilih salah satu dari: {allowed}."
)


class Licence(StrEnum):
    """Licence situations an IKM list can be narrowed to."""

    PIRT_EXPIRING = "pirt_expiring"
    """A product's P-IRT runs out this year or next (digits 14–15)."""
    PIRT_EXPIRED = "pirt_expired"
    """A product's P-IRT ran out before this year."""
    HAS_PIRT = "has_pirt"
    NO_PIRT = "no_pirt"
    """No live product has a P-IRT number."""
    HALAL_CERTIFIED = "halal_certified"
    HALAL_IN_PROCESS = "halal_in_process"
    NO_HALAL = "no_halal"
    HALAL_EXPIRED = "halal_expired"
    """The halal certificate has an expiry date before today."""
    NO_NIB = "no_nib"


@dataclass(frozen=True, slots=True)
class EnterpriseInput:
    """Every field a user edits on an IKM; blank texts are stored as empty (None).

    Enum fields take their value text ("active", "mikro", "certified", "self_declare").
    """

    name: str
    kecamatan_id: str
    cluster_id: str
    owner_name: str | None = None
    nik: str | None = None
    phone: str | None = None
    address: str | None = None
    desa_id: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    status: str = EnterpriseStatus.ACTIVE.value
    scale: str | None = None
    nib: str | None = None
    kbli: str | None = None
    workers: int | None = None
    production_capacity: str | None = None
    halal_status: str = HalalStatus.NONE.value
    halal_route: str | None = None
    halal_cert_no: str | None = None
    halal_issued_on: date | None = None
    halal_expires_on: date | None = None
    pkp_cert_no: str | None = None
    pkp_cert_date: date | None = None
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class EnterpriseDetail:
    """One IKM with everything the profile page and reports show, including its products."""

    id: str
    name: str
    kecamatan_id: str
    cluster_id: str
    owner_name: str | None
    nik: str | None
    phone: str | None
    address: str | None
    desa_id: str | None
    latitude: float | None
    longitude: float | None
    status: str
    scale: str | None
    nib: str | None
    kbli: str | None
    workers: int | None
    production_capacity: str | None
    halal_status: str
    halal_route: str | None
    halal_cert_no: str | None
    halal_issued_on: date | None
    halal_expires_on: date | None
    pkp_cert_no: str | None
    pkp_cert_date: date | None
    notes: str | None
    kecamatan: str
    desa: str | None
    cluster_code: str
    cluster_name: str
    created_at: datetime
    updated_at: datetime
    last_visit: date | None
    products: tuple[ProductRow, ...]


@dataclass(frozen=True, slots=True)
class EnterpriseRow:
    """One line of the IKM list; ``cluster_name`` is the Indonesian name."""

    id: str
    name: str
    owner_name: str | None
    kecamatan: str
    desa: str | None
    cluster_code: str
    cluster_name: str
    status: str
    phone: str | None
    nib: str | None
    last_visit: date | None
    product_count: int


@dataclass(frozen=True, slots=True)
class EnterpriseFilter:
    """What an IKM list is narrowed to; every field left empty means "any".

    ``cluster`` takes a cluster code (or id or name), ``kecamatan`` a kecamatan id (or code or
    name). ``date_from``/``date_to`` keep IKMs with a visit dated in that range (inclusive).
    ``licence`` is a ``Licence`` value. ``today`` fixes "this year" for the licence filters
    (default: the computer's date).
    """

    text: str = ""
    cluster: str | None = None
    kecamatan: str | None = None
    desa_id: str | None = None
    status: str | None = None
    licence: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    today: date | None = None


SORT_KEYS = (
    "name",
    "owner_name",
    "kecamatan",
    "desa",
    "cluster",
    "status",
    "nib",
    "last_visit",
    "product_count",
    "created_at",
    "updated_at",
)
"""Keys ``list_enterprises`` sorts by."""


def create_enterprise(session: Session, data: EnterpriseInput) -> str:
    """Register an IKM and return its id; raises ValidationError naming the first bad field."""
    values = _valid_values(session, data)
    enterprise = Enterprise(id=new_id(), **values)
    session.add(enterprise)
    session.flush()
    return enterprise.id


def update_enterprise(session: Session, enterprise_id: str, data: EnterpriseInput) -> None:
    """Replace an IKM's editable fields; only changed fields are written (and logged)."""
    enterprise = enterprise_record(session, enterprise_id)
    values = _valid_values(session, data)
    for key, value in values.items():
        if getattr(enterprise, key) != value:
            setattr(enterprise, key, value)
    session.flush()


def delete_enterprise(session: Session, enterprise_id: str) -> None:
    """Tombstone an IKM and its products; refused (UserError) while it has live visits."""
    enterprise = enterprise_record(session, enterprise_id)
    visits = session.scalar(
        select(func.count())
        .select_from(Visit)
        .where(Visit.enterprise_id == enterprise_id, Visit.deleted.is_(False))
    )
    if visits:
        raise UserError(MSG_HAS_VISITS, count=visits)
    products = session.scalars(
        select(Product).where(Product.enterprise_id == enterprise_id, Product.deleted.is_(False))
    )
    for product in products:
        product.deleted = True
    enterprise.deleted = True
    session.flush()


def get_enterprise(session: Session, enterprise_id: str) -> EnterpriseDetail:
    """Return one live IKM with its products; raises NotFoundError for unknown or deleted ones."""
    enterprise = enterprise_record(session, enterprise_id)
    kecamatan = session.get_one(Region, enterprise.kecamatan_id)
    desa = session.get(Region, enterprise.desa_id) if enterprise.desa_id else None
    cluster = session.get_one(Cluster, enterprise.cluster_id)
    last_visit = session.scalar(_last_visit(Enterprise.id).where(Enterprise.id == enterprise_id))
    editable = {f.name: _plain(getattr(enterprise, f.name)) for f in fields(EnterpriseInput)}
    return EnterpriseDetail(
        id=enterprise.id,
        **editable,
        kecamatan=kecamatan.name,
        desa=None if desa is None else desa.name,
        cluster_code=cluster.code,
        cluster_name=cluster.name_id,
        created_at=enterprise.created_at,
        updated_at=enterprise.updated_at,
        last_visit=last_visit,
        products=tuple(list_products(session, enterprise_id)),
    )


def enterprise_input(detail: EnterpriseDetail) -> EnterpriseInput:
    """Return the input that would save ``detail`` unchanged (start of an edit form)."""
    return EnterpriseInput(**{f.name: getattr(detail, f.name) for f in fields(EnterpriseInput)})


def enterprise_record(session: Session, enterprise_id: str) -> Enterprise:
    """Return the live IKM row for sibling services; raises NotFoundError otherwise."""
    return live_record(session, Enterprise, enterprise_id, what=MSG_ENTERPRISE)


def list_enterprises(
    session: Session,
    flt: EnterpriseFilter | None = None,
    *,
    sort: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[EnterpriseRow]:
    """Return one page of live IKMs matching ``flt``, sorted by a key of ``SORT_KEYS``.

    One SQL statement (plus a lookup when a cluster or kecamatan is given by code or name): an
    inner query picks the page's ids in order, using the indexes for the common sorts; the
    outer one adds names, last visit and product count for those rows only. Raises
    ValidationError for an unknown sort key, bad paging or an unknown filter value.
    """
    flt = flt or EnterpriseFilter()
    check_page(offset, limit)
    kecamatan, desa = aliased(Region), aliased(Region)
    key = resolve_sort(_sort_keys(kecamatan, desa), sort)
    page = select(Enterprise.id.label("id"), *_labelled(key.columns)).select_from(Enterprise)
    # Join only what the sort key reads, so the common sorts walk one index and stop early.
    if sort == "kecamatan":
        page = page.join(kecamatan, kecamatan.id == Enterprise.kecamatan_id)
    elif sort == "cluster":
        page = page.join(Cluster, Cluster.id == Enterprise.cluster_id)
    elif sort == "desa":
        page = page.outerjoin(desa, desa.id == Enterprise.desa_id)
    ids = (
        page.where(*_conditions(session, flt))
        .order_by(*key.terms(descending=descending, tiebreak=Enterprise.id))
        .offset(offset)
        .limit(limit)
        .subquery("page")
    )
    in_page_order = key.terms(
        descending=descending,
        tiebreak=ids.c.id,
        columns=[ids.c[label.name] for label in _labelled(key.columns)],
    )
    return [_enterprise_row(row) for row in session.execute(_rows_for(ids, in_page_order))]


def _labelled(columns: tuple[SqlColumn, ...]) -> list[Label[Any]]:
    return [column.label(f"k{i}") for i, column in enumerate(columns)]


def _rows_for(ids: Subquery, order: list[ColumnElement[Any]]) -> Select[*tuple[Any, ...]]:
    """Return the row query for a page of ids: names by join, last visit and count by subquery."""
    kecamatan, desa = aliased(Region), aliased(Region)
    return (
        select(
            Enterprise.id,
            Enterprise.name,
            Enterprise.owner_name,
            kecamatan.name,
            desa.name,
            Cluster.code,
            Cluster.name_id,
            Enterprise.status,
            Enterprise.phone,
            Enterprise.nib,
            _last_visit(Enterprise.id).scalar_subquery(),
            _product_count(Enterprise.id).scalar_subquery(),
        )
        .select_from(ids)
        .join(Enterprise, Enterprise.id == ids.c.id)
        .join(kecamatan, kecamatan.id == Enterprise.kecamatan_id)
        .join(Cluster, Cluster.id == Enterprise.cluster_id)
        .outerjoin(desa, desa.id == Enterprise.desa_id)
        .order_by(*order)
    )


def _enterprise_row(row: Row[*tuple[Any, ...]]) -> EnterpriseRow:
    return EnterpriseRow(
        id=row[0],
        name=row[1],
        owner_name=row[2],
        kecamatan=row[3],
        desa=row[4],
        cluster_code=row[5],
        cluster_name=row[6],
        status=EnterpriseStatus(row[7]).value,
        phone=row[8],
        nib=row[9],
        last_visit=_as_date(row[10]),
        product_count=int(row[11]),
    )


def count_enterprises(session: Session, flt: EnterpriseFilter | None = None) -> int:
    """Return how many live IKMs match ``flt`` (the total behind ``list_enterprises`` pages)."""
    query = (
        select(func.count())
        .select_from(Enterprise)
        .where(*_conditions(session, flt or EnterpriseFilter()))
    )
    return int(session.scalar(query) or 0)


def _sort_keys(kecamatan: Any, desa: Any) -> dict[str, SortKey]:
    return {
        "name": sort_key(Enterprise.name),
        "owner_name": sort_key(Enterprise.owner_name, nullable=True),
        "kecamatan": sort_key(kecamatan.name, Enterprise.name),
        "desa": sort_key(desa.name, Enterprise.name, nullable=True),
        "cluster": sort_key(Cluster.name_id, Enterprise.name),
        "status": sort_key(Enterprise.status, Enterprise.name),
        "nib": sort_key(Enterprise.nib, nullable=True),
        "last_visit": sort_key(_last_visit(Enterprise.id).scalar_subquery(), nullable=True),
        "product_count": sort_key(_product_count(Enterprise.id).scalar_subquery()),
        "created_at": sort_key(Enterprise.created_at),
        "updated_at": sort_key(Enterprise.updated_at),
    }


def _last_visit(enterprise_id: SqlColumn) -> Select[Any]:
    return select(func.max(Visit.visit_date)).where(
        Visit.enterprise_id == enterprise_id, Visit.deleted.is_(False)
    )


def _product_count(enterprise_id: SqlColumn) -> Select[Any]:
    return (
        select(func.count())
        .select_from(Product)
        .where(Product.enterprise_id == enterprise_id, Product.deleted.is_(False))
    )


def _conditions(session: Session, flt: EnterpriseFilter) -> list[ColumnElement[bool]]:
    """Return WHERE conditions on ``Enterprise`` alone, so counting needs no joins."""
    conditions: list[ColumnElement[bool]] = [Enterprise.deleted.is_(False)]
    text = flt.text.strip() if flt.text else ""
    if text:

        def word_found(pattern: str) -> ColumnElement[bool]:
            # Desa names are few: match them once and test the IKM's desa id against that set.
            desa_matching = select(Region.id).where(
                Region.level == RegionLevel.DESA, like(Region.name, pattern)
            )
            return or_(
                like(Enterprise.name, pattern),
                like(Enterprise.owner_name, pattern),
                Enterprise.desa_id.in_(desa_matching),
            )

        conditions.append(words_match(text, word_found))
    if flt.cluster:
        conditions.append(Enterprise.cluster_id == resolve_cluster_id(session, flt.cluster))
    if flt.kecamatan:
        conditions.append(Enterprise.kecamatan_id == resolve_kecamatan_id(session, flt.kecamatan))
    if flt.desa_id:
        conditions.append(Enterprise.desa_id == flt.desa_id)
    if flt.status:
        conditions.append(Enterprise.status == _enum_value(EnterpriseStatus, flt.status, "status"))
    if flt.date_from or flt.date_to:
        # IN (one pass over the visits, by date index) beats EXISTS per IKM at 100k IKMs.
        visit_in_range: list[ColumnElement[bool]] = [Visit.deleted.is_(False)]
        if flt.date_from:
            visit_in_range.append(Visit.visit_date >= flt.date_from)
        if flt.date_to:
            visit_in_range.append(Visit.visit_date <= flt.date_to)
        conditions.append(Enterprise.id.in_(select(Visit.enterprise_id).where(*visit_in_range)))
    if flt.licence:
        conditions.append(_licence_condition(flt.licence, flt.today or date.today()))
    return conditions


def _licence_condition(licence: str, today: date) -> ColumnElement[bool]:
    try:
        wanted = Licence(licence)
    except ValueError:
        allowed = ", ".join(m.value for m in Licence)
        raise ValidationError(
            "licence", MSG_FILTER_LICENCE, value=licence, allowed=allowed
        ) from None
    # The P-IRT is kept as typed; its last two characters are the expiry year when it is
    # written in any of the usual ways ("...0243-26", "... 0243 26"). Badly written numbers
    # are flagged by the product warnings rather than guessed at here.
    number = func.trim(func.coalesce(Product.pirt_number, ""))
    year = func.substr(number, func.length(number) - 1, 2)
    this_year, next_year = f"{today.year % 100:02d}", f"{(today.year + 1) % 100:02d}"
    with_pirt = [Product.deleted.is_(False), number != ""]

    def makers(*where: ColumnElement[bool]) -> ColumnElement[bool]:
        return Enterprise.id.in_(select(Product.enterprise_id).where(*with_pirt, *where))

    conditions: dict[Licence, ColumnElement[bool]] = {
        Licence.PIRT_EXPIRING: makers(year.in_([this_year, next_year])),
        Licence.PIRT_EXPIRED: makers(year >= "00", year < this_year),
        Licence.HAS_PIRT: makers(),
        Licence.NO_PIRT: ~makers(),
        Licence.HALAL_CERTIFIED: Enterprise.halal_status == HalalStatus.CERTIFIED,
        Licence.HALAL_IN_PROCESS: Enterprise.halal_status == HalalStatus.IN_PROCESS,
        Licence.NO_HALAL: Enterprise.halal_status == HalalStatus.NONE,
        Licence.HALAL_EXPIRED: and_(
            Enterprise.halal_expires_on.is_not(None), Enterprise.halal_expires_on < today
        ),
        Licence.NO_NIB: func.trim(func.coalesce(Enterprise.nib, "")) == "",
    }
    return conditions[wanted]


def _valid_values(session: Session, data: EnterpriseInput) -> dict[str, Any]:
    """Return the model values for ``data``, or raise ValidationError naming the bad field."""
    name = " ".join((data.name or "").split())
    if not name:
        raise ValidationError("name", MSG_NAME_REQUIRED)
    if len(name) > NAME_MAX:
        raise ValidationError("name", MSG_NAME_TOO_LONG, max=NAME_MAX)
    latitude, longitude = _valid_position(data.latitude, data.longitude)
    values: dict[str, Any] = {
        "name": name,
        "owner_name": optional_text(data.owner_name),
        "nik": _valid_nik(data.nik),
        "phone": _valid_phone(data.phone),
        "address": optional_text(data.address),
        "latitude": latitude,
        "longitude": longitude,
        "status": _enum_value(EnterpriseStatus, data.status, "status"),
        "scale": _optional_enum(BusinessScale, data.scale, "scale"),
        "nib": optional_text(data.nib),
        "kbli": optional_text(data.kbli),
        "workers": _valid_workers(data.workers),
        "production_capacity": optional_text(data.production_capacity),
        "halal_status": _enum_value(HalalStatus, data.halal_status, "halal_status"),
        "halal_route": _optional_enum(HalalRoute, data.halal_route, "halal_route"),
        "halal_cert_no": optional_text(data.halal_cert_no),
        "halal_issued_on": _valid_date(data.halal_issued_on, "halal_issued_on"),
        "halal_expires_on": _valid_date(data.halal_expires_on, "halal_expires_on"),
        "pkp_cert_no": optional_text(data.pkp_cert_no),
        "pkp_cert_date": _valid_date(data.pkp_cert_date, "pkp_cert_date"),
        "notes": optional_text(data.notes),
    }
    issued, expires = values["halal_issued_on"], values["halal_expires_on"]
    if issued is not None and expires is not None and expires <= issued:
        raise ValidationError("halal_expires_on", MSG_HALAL_EXPIRY_ORDER)
    values.update(_valid_places(session, data))
    return values


def _valid_places(session: Session, data: EnterpriseInput) -> dict[str, Any]:
    kecamatan = kecamatan_record(session, data.kecamatan_id)
    if kecamatan is None:
        raise ValidationError("kecamatan_id", MSG_KECAMATAN_REQUIRED)
    if cluster_record(session, data.cluster_id) is None:
        raise ValidationError("cluster_id", MSG_CLUSTER_REQUIRED)
    desa_id = data.desa_id or None
    if desa_id is not None:
        desa = desa_record(session, desa_id)
        if desa is None:
            raise ValidationError("desa_id", MSG_DESA_UNKNOWN)
        if desa.parent_id != kecamatan.id:
            raise ValidationError(
                "desa_id", MSG_DESA_OUTSIDE, desa=desa.name, kecamatan=kecamatan.name
            )
    return {"kecamatan_id": kecamatan.id, "cluster_id": data.cluster_id, "desa_id": desa_id}


def _valid_nik(nik: str | None) -> str | None:
    value = "".join((nik or "").split())
    if not value:
        return None
    if not is_nik(value):
        raise ValidationError("nik", MSG_NIK_FORMAT)
    return value


_PHONE_SEPARATORS = re.compile(r"[\s().-]")


def _valid_phone(phone: str | None) -> str | None:
    """Return the number without separators ("0812-3456 7890" -> "081234567890")."""
    value = _PHONE_SEPARATORS.sub("", phone or "")
    if not value:
        return None
    if not plausible_phone(value):
        raise ValidationError("phone", MSG_PHONE_FORMAT)
    return value


def _valid_position(
    latitude: float | None, longitude: float | None
) -> tuple[float | None, float | None]:
    if (latitude is None) != (longitude is None):
        raise ValidationError("longitude" if longitude is None else "latitude", MSG_LATLON_PAIR)
    if latitude is None or longitude is None:
        return None, None
    if not -90 <= latitude <= 90:
        raise ValidationError("latitude", MSG_LATITUDE_RANGE, value=latitude)
    if not -180 <= longitude <= 180:
        raise ValidationError("longitude", MSG_LONGITUDE_RANGE, value=longitude)
    return float(latitude), float(longitude)


def _valid_workers(workers: int | None) -> int | None:
    if workers is None:
        return None
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 0:
        raise ValidationError("workers", MSG_WORKERS_NEGATIVE, value=workers)
    return workers


_FAR_DATE_MESSAGES = {
    "halal_issued_on": MSG_HALAL_ISSUED_FAR,
    "halal_expires_on": MSG_HALAL_EXPIRES_FAR,
    "pkp_cert_date": MSG_PKP_DATE_FAR,
}


def _valid_date(value: date | None, field: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    if value >= FAR_FUTURE_DATE:
        raise ValidationError(field, _FAR_DATE_MESSAGES[field])
    return value


_ENUM_MESSAGES = {
    "status": MSG_STATUS_UNKNOWN,
    "scale": MSG_SCALE_UNKNOWN,
    "halal_status": MSG_HALAL_STATUS_UNKNOWN,
    "halal_route": MSG_HALAL_ROUTE_UNKNOWN,
}


def _enum_value(enum: type[E], value: str, field: str) -> E:
    try:
        return enum(value)
    except ValueError:
        raise ValidationError(field, _ENUM_MESSAGES[field], value=value) from None


def _optional_enum(enum: type[E], value: str | None, field: str) -> E | None:
    return None if not value else _enum_value(enum, value, field)


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, StrEnum) else value


def _as_date(value: Any) -> date | None:
    # A scalar subquery's MAX() comes back as text on SQLite (no column type to convert by).
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
