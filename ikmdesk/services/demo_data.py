"""Demo database: realistic Kutai Timur IKM records for trying the app, tests and benchmarks.

Everything comes from the seed: two builds with the same seed on the same device write the
same records with the same ids (UUIDv5 from the device, the seed and how many enterprises
the database already held), so a copied database grows identically and a second build on
one database adds new records instead of colliding. The records are this device's own: they
are written with bulk ``insert(Model)`` statements that change capture turns into ops, so
they travel in sync files like typed-in data. What the demo's stand-in colleagues and
supervisor did (their device rows, their visits, approvals, report numbers and programmes)
is written as their ops, as if received from them (``change_capture.captured_as``), so an
officer's demo database syncs with a real supervisor: its packages carry only its own ops,
which the authority rules accept. Word lists live in ``resources/demo/*.json``.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import os
import random
import shutil
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from PIL import Image, ImageDraw, ImageFont, ImageOps
from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from ikmdesk.blob_store import BlobStore
from ikmdesk.db import Database
from ikmdesk.dialect import is_server_url
from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, UserError, ValidationError
from ikmdesk.models import (
    Attachment,
    Device,
    Enterprise,
    FollowUp,
    Product,
    QualityAnswer,
    QualityCheck,
    Region,
    Visit,
)
from ikmdesk.models.enums import (
    BusinessScale,
    DeviceRole,
    EnterpriseStatus,
    HalalRoute,
    HalalStatus,
    RegionLevel,
    VisitPurpose,
    VisitStatus,
)
from ikmdesk.paths import blob_dir
from ikmdesk.resource import resource_path
from ikmdesk.services.checklist_template import ChecklistTemplate, newest_templates
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.demo_approval import record_demo_approvals
from ikmdesk.services.demo_checks import (
    DemoCheckRows,
    DemoVisit,
    checks_for_visit,
    closing_chance,
)
from ikmdesk.services.device import create_identity, has_identity, this_device
from ikmdesk.services.programme.demo import write_programme_demo
from ikmdesk.services.quality_check import ensure_shipped_templates
from ikmdesk.services.reference_data import cluster_id, region_id
from ikmdesk.services.shared_blobs import share_blobs, shares_blobs
from ikmdesk.sync.change_capture import CAPTURE_OFF, captured_as, op_value, record_ops

DEFAULT_ENTERPRISES = 300
DEFAULT_VISITS = 3000
DEFAULT_SEED = 1
DEMO_OFFICER_NAME = "Petugas Demo"
DEMO_OFFICER_NIP = "198703122010012003"
DEMO_SUPERVISOR_NIP = "197805142005011003"
DEMO_COLLEAGUES = (("Rudi Hartono", "199001152015031002"), ("Nur Aisyah", "199206082019032001"))
"""Fellow officers whose visits the demo shows too (stand-ins, like the demo supervisor)."""
MAX_ENTERPRISES = 100_000
MAX_VISITS = 1_000_000

PIRT_REGION = "6408"
"""Digits 4–7 of demo P-IRT numbers: the Kemendagri code of Kutai Timur (64.08).

Unverified: BPOM may use the BPS code 6404 instead (shared reference standards.md §2.1, open
item 4). Demo numbers use 6408 until a real Kutim P-IRT label settles it.
"""

HISTORY_MONTHS = 18
PHOTO_SHARE = 0.2
PHOTO_SIZE = (640, 480)
# Field visits happen in WITA (UTC+8); timestamps are stored as UTC.
WITA = timezone(timedelta(hours=8))
_CHUNK = 2000
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "ikmdesk:demo")

STAGE_PLANNING = QT_TRANSLATE_NOOP("demo_data", "Menyusun data demo")
STAGE_PHOTOS = QT_TRANSLATE_NOOP("demo_data", "Membuat foto demo")
STAGE_SAVING = QT_TRANSLATE_NOOP("demo_data", "Menyimpan data demo")

MSG_DEMO_CANCELLED = QT_TRANSLATE_NOOP(
    CONTEXT, "Pembuatan data demo dibatalkan; tidak ada data demo yang disimpan."
)
MSG_DEMO_ENTERPRISE_COUNT = QT_TRANSLATE_NOOP(
    CONTEXT, "Jumlah IKM demo harus antara {low} dan {high}."
)
MSG_DEMO_VISIT_COUNT = QT_TRANSLATE_NOOP(
    CONTEXT, "Jumlah kunjungan demo harus antara {low} dan {high}."
)
MSG_DEMO_NEEDS_ENTERPRISES = QT_TRANSLATE_NOOP(
    CONTEXT, "Kunjungan demo memerlukan paling sedikit satu IKM demo."
)

ProgressCallback = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)``; ``stage`` is one of the ``STAGE_*`` texts."""


class DemoCancelled(UserError):
    """The user cancelled building demo data; nothing of it was stored."""


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What one demo build added; ``database_created`` says the build made the file itself."""

    device_id: str
    database_created: bool
    desa: int
    enterprises: int
    products: int
    visits: int
    follow_ups: int
    quality_checks: int
    attachments: int
    photo_files: int


def build_demo(
    target: Database | str | os.PathLike[str],
    *,
    enterprises: int = DEFAULT_ENTERPRISES,
    visits: int = DEFAULT_VISITS,
    seed: int = DEFAULT_SEED,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    today: date | None = None,
) -> DemoSummary:
    """Add demo records to a database (creating the file and a demo officer when missing).

    ``target`` is an open writable Database or a path. All records are written in one
    transaction: on ``cancelled()`` returning true DemoCancelled is raised, nothing is kept,
    and a file this call created is removed again.
    """
    _check_counts(enterprises, visits)
    options = {
        "enterprises": enterprises,
        "visits": visits,
        "seed": seed,
        "progress": progress,
        "cancelled": cancelled,
        "today": today,
    }
    if isinstance(target, Database):
        return _build_in(target, options)
    if is_server_url(target):
        server = open_data_file(target, create=True)
        try:
            return _build_in(server, options)
        finally:
            server.close()
    path = Path(target).expanduser().resolve()
    new_file = not (path.exists() and path.stat().st_size > 0)
    new_blob_dir = not blob_dir(path).exists()
    db = open_data_file(path, create=True)
    try:
        summary = _build_in(db, options)
    except BaseException as exc:
        db.close()  # once only: closing touches the file (planner statistics)
        if isinstance(exc, DemoCancelled):
            if new_file:
                _remove_database_files(path)
            if new_blob_dir:
                shutil.rmtree(blob_dir(path), ignore_errors=True)
        raise
    db.close()
    return replace(summary, database_created=new_file)


def write_demo(
    session: Session,
    blobs: BlobStore,
    *,
    enterprises: int = DEFAULT_ENTERPRISES,
    visits: int = DEFAULT_VISITS,
    seed: int = DEFAULT_SEED,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    today: date | None = None,
) -> DemoSummary:
    """Write demo records as this device's own in ``session``'s transaction; photos go to ``blobs``.

    The caller commits. Raises DemoCancelled (before anything is committed) when asked to stop.
    """
    _check_counts(enterprises, visits)
    device = this_device(session)
    batch = session.scalar(select(func.count()).select_from(Enterprise)) or 0
    world = _World(
        seed=seed,
        batch=batch,
        device_id=device.id,
        today=today or date.today(),
        words=_words(),
        progress=progress or _no_progress,
        cancelled=cancelled or _never,
    )
    ensure_shipped_templates(session)  # the checks below point at the stored template rows
    reviewer_id, reviewer_rows = _reviewer(session, world, device.role)
    colleague_ids, colleague_rows = _colleagues(session, world)
    world.officer_ids = (device.id, *colleague_ids)
    desa_by_kecamatan, desa_rows = _desa(session, world)
    world.report(STAGE_PLANNING, 0, enterprises + visits)
    ents = _plan_enterprises(world, enterprises, desa_by_kecamatan)
    products = [p for e in ents for p in e.products]
    visit_plans = _plan_visits(world, ents, visits, reviewer_id)
    photos = _PhotoPool(blobs)
    rows = _Rows(
        regions=desa_rows,
        devices=[*reviewer_rows, *colleague_rows],
        enterprises=[e.row for e in ents],
        products=[p.row for p in products],
        visits=[v.row for v in visit_plans],
        follow_ups=[f for v in visit_plans for f in (*v.follow_ups, *v.checks.follow_ups)],
        checks=[c for v in visit_plans for c in v.checks.checks],
        answers=[a for v in visit_plans for a in v.checks.answers],
        attachments=_attachment_rows(world, visit_plans, photos),
    )
    _insert_all(session, world, rows)
    if shares_blobs(session):
        share_blobs(session, photos.made())
    with _as_author(session, reviewer_id, device.id):
        _record_reviews(session, rows.visits)
        record_demo_approvals(session, rows.visits)
        write_programme_demo(
            session,
            key=str(world.namespace),
            device_id=device.id,
            today=world.today,
            enterprises=rows.enterprises,
            visits=rows.visits,
        )
    return DemoSummary(
        device_id=device.id,
        database_created=False,
        desa=len(rows.regions),
        enterprises=len(rows.enterprises),
        products=len(rows.products),
        visits=len(rows.visits),
        follow_ups=len(rows.follow_ups),
        quality_checks=len(rows.checks),
        attachments=len(rows.attachments),
        photo_files=photos.stored,
    )


def _build_in(db: Database, options: dict[str, Any]) -> DemoSummary:
    with db.unit_of_work() as session:
        if not has_identity(session):
            create_identity(
                session,
                role=DeviceRole.OFFICER,
                officer_name=DEMO_OFFICER_NAME,
                nip=DEMO_OFFICER_NIP,
            )
        return write_demo(session, BlobStore(blob_dir(db.path)), **options)


def _check_counts(enterprises: int, visits: int) -> None:
    if not 0 <= enterprises <= MAX_ENTERPRISES:
        raise ValidationError("enterprises", MSG_DEMO_ENTERPRISE_COUNT, low=0, high=MAX_ENTERPRISES)
    if not 0 <= visits <= MAX_VISITS:
        raise ValidationError("visits", MSG_DEMO_VISIT_COUNT, low=0, high=MAX_VISITS)
    if visits and not enterprises:
        raise ValidationError("enterprises", MSG_DEMO_NEEDS_ENTERPRISES)


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()


def _no_progress(_stage: str, _done: int, _total: int) -> None:
    return None


def _never() -> bool:
    return False


@cache
def _words() -> dict[str, Any]:
    names = ("places", "names", "products", "phrases")
    return {n: json.loads(resource_path("demo", f"{n}.json").read_text("utf-8")) for n in names}


@dataclass
class _World:
    """The fixed inputs of one build and the id and random-stream makers derived from them."""

    seed: int
    batch: int
    device_id: str
    today: date
    words: dict[str, Any]
    progress: ProgressCallback
    cancelled: Callable[[], bool]
    templates: dict[str, ChecklistTemplate] = field(default_factory=newest_templates)
    officer_ids: tuple[str, ...] = ()
    """This device's officer first, then the demo colleagues."""
    namespace: uuid.UUID = field(init=False)

    def __post_init__(self) -> None:
        key = f"{self.device_id}:{self.seed}:{self.batch}"
        self.namespace = uuid.uuid5(_ID_NAMESPACE, key)

    @property
    def last_day(self) -> date:
        # Nothing is dated today: a record stamped later today would lie about the present.
        return self.today - timedelta(days=1)

    @property
    def first_day(self) -> date:
        return _months_before(self.today, HISTORY_MONTHS)

    def id(self, kind: str, *key: object) -> str:
        """Return the id of the ``kind`` record with ``key`` in this build."""
        return str(uuid.uuid5(self.namespace, ":".join([kind, *map(str, key)])))

    def rng(self, kind: str, *key: object) -> random.Random:
        """Return the random stream of one record, so one record's changes leave others alone."""
        return random.Random(":".join([str(self.seed), str(self.batch), kind, *map(str, key)]))

    def report(self, stage: str, done: int, total: int) -> None:
        if self.cancelled():
            raise DemoCancelled(MSG_DEMO_CANCELLED)
        self.progress(stage, done, total)


def _months_before(day: date, months: int) -> date:
    """Return the same day of the month ``months`` earlier (the month's last day if shorter)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    next_year, next_month0 = divmod(year * 12 + month0 + 1, 12)
    month_end = date(next_year, next_month0 + 1, 1) - timedelta(days=1)
    return date(year, month0 + 1, min(day.day, month_end.day))


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    """Return ``hour:minute`` WITA on ``day`` as an aware UTC datetime."""
    return datetime.combine(day, time(hour, minute), WITA).astimezone(UTC)


def _stamps(created: datetime, updated: datetime | None = None) -> dict[str, Any]:
    return {"created_at": created, "updated_at": updated or created, "deleted": False}


def _reviewer(
    session: Session, world: _World, role: DeviceRole
) -> tuple[str, list[dict[str, Any]]]:
    """Return who approves demo visits: this device if a supervisor, else a demo supervisor.

    On an officer's laptop the supervisor's device row normally arrives by sync; a demo
    supervisor stands in for it, also where a real supervisor is known (its approvals are
    written as the stand-in's ops, and ops must never be made up under a real device's
    name). Its keys come from the seed and its private halves are thrown away, so it can
    never sign anything.
    """
    if role is DeviceRole.SUPERVISOR:
        return world.device_id, []
    device_id = str(uuid.uuid5(_ID_NAMESPACE, f"{world.device_id}:supervisor"))
    if session.get(Device, device_id) is not None:
        return device_id, []
    key_seed = uuid.uuid5(_ID_NAMESPACE, f"{device_id}:keys").bytes * 2
    signing = Ed25519PrivateKey.from_private_bytes(key_seed).public_key().public_bytes_raw()
    sealing = X25519PrivateKey.from_private_bytes(key_seed).public_key().public_bytes_raw()
    row = {
        "id": device_id,
        "role": DeviceRole.SUPERVISOR,
        "officer_name": world.words["names"]["officers"]["supervisor"],
        "nip": DEMO_SUPERVISOR_NIP,
        "signing_public_key": _b64(signing),
        "encryption_public_key": _b64(sealing),
        **_stamps(_at(world.first_day - timedelta(days=30), 8)),
    }
    return device_id, [row]


def _colleagues(session: Session, world: _World) -> tuple[list[str], list[dict[str, Any]]]:
    """Return the demo's fellow officers (with NIPs) and the device rows still to be added.

    Like the demo supervisor they are stand-ins with seed-made keys whose private halves are
    thrown away; on a real laptop their device rows arrive by sync.
    """
    ids: list[str] = []
    rows: list[dict[str, Any]] = []
    for name, nip in DEMO_COLLEAGUES:
        device_id = str(uuid.uuid5(_ID_NAMESPACE, f"{world.device_id}:officer:{nip}"))
        ids.append(device_id)
        if session.get(Device, device_id) is not None:
            continue
        key_seed = uuid.uuid5(_ID_NAMESPACE, f"{device_id}:keys").bytes * 2
        signing = Ed25519PrivateKey.from_private_bytes(key_seed).public_key().public_bytes_raw()
        sealing = X25519PrivateKey.from_private_bytes(key_seed).public_key().public_bytes_raw()
        rows.append(
            {
                "id": device_id,
                "role": DeviceRole.OFFICER,
                "officer_name": name,
                "nip": nip,
                "signing_public_key": _b64(signing),
                "encryption_public_key": _b64(sealing),
                **_stamps(_at(world.first_day - timedelta(days=30), 8)),
            }
        )
    return ids, rows


def _officer(world: _World, index: int) -> str:
    """Return who made visit ``index``: mostly this device's officer, else a colleague."""
    if len(world.officer_ids) < 2 or world.rng("officer", index).random() < 0.6:
        return world.device_id
    return world.rng("officer-pick", index).choice(world.officer_ids[1:])


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _desa(session: Session, world: _World) -> tuple[dict[str, list[str]], list[dict[str, Any]]]:
    """Return the desa ids per kecamatan code, and the desa rows still to be added."""
    existing = {
        (parent, name): rid
        for rid, parent, name in session.execute(
            select(Region.id, Region.parent_id, Region.name).where(
                Region.level == RegionLevel.DESA, Region.deleted.is_(False)
            )
        )
    }
    by_kecamatan: dict[str, list[str]] = {}
    rows: list[dict[str, Any]] = []
    created = _at(world.first_day - timedelta(days=60), 8)
    for code, place in world.words["places"]["kecamatan"].items():
        parent = region_id(code)
        ids = by_kecamatan.setdefault(code, [])
        for name in place["desa"]:
            rid = existing.get((parent, name))
            if rid is None:
                rid = str(uuid.uuid5(_ID_NAMESPACE, f"{world.device_id}:desa:{code}:{name}"))
                rows.append(
                    {
                        "id": rid,
                        "level": RegionLevel.DESA,
                        "code": None,
                        "name": name,
                        "parent_id": parent,
                        **_stamps(created),
                    }
                )
                existing[(parent, name)] = rid
            ids.append(rid)
    return by_kecamatan, rows


@dataclass(slots=True)
class _ProductPlan:
    row: dict[str, Any]
    name: str
    pirt_eligible: bool


@dataclass(slots=True)
class _EnterprisePlan:
    row: dict[str, Any]
    cluster: str
    registered_on: date
    activity: float
    products: list[_ProductPlan]


@dataclass(slots=True)
class _VisitPlan:
    row: dict[str, Any]
    enterprise: _EnterprisePlan
    product: str
    follow_ups: list[dict[str, Any]]
    checks: DemoCheckRows
    index: int


def _plan_enterprises(
    world: _World, count: int, desa_by_kecamatan: dict[str, list[str]]
) -> list[_EnterprisePlan]:
    """Return ``count`` IKMs, clusters in the shipped shares, each with a distinct IRTP number."""
    plan_rng = world.rng("plan", "enterprises")
    places = world.words["places"]
    shares = places["cluster_share"]
    clusters = plan_rng.choices(list(shares), weights=list(shares.values()), k=count)
    irtp_numbers = plan_rng.sample(range(1, 10_000), k=min(count, 9_999))
    names_seen: set[str] = set()
    plans = []
    for i, cluster in enumerate(clusters):
        plan = _enterprise(
            world,
            i,
            cluster=cluster,
            desa_by_kecamatan=desa_by_kecamatan,
            irtp=irtp_numbers[i % len(irtp_numbers)],
            names_seen=names_seen,
        )
        plans.append(plan)
        if i % 500 == 0:
            world.report(STAGE_PLANNING, i, count)
    return plans


def _enterprise(
    world: _World,
    index: int,
    *,
    cluster: str,
    desa_by_kecamatan: dict[str, list[str]],
    irtp: int,
    names_seen: set[str],
) -> _EnterprisePlan:
    """Return one IKM with its products; ``irtp`` is its number among the regency's IRTPs."""
    rng = world.rng("enterprise", index)
    words = world.words
    spread = words["places"]["cluster_spread"][cluster]
    kecamatan = rng.choices(list(spread), weights=list(spread.values()))[0]
    place = words["places"]["kecamatan"][kecamatan]
    desa_names = place["desa"]
    desa_index = rng.randrange(len(desa_names))
    desa_name = desa_names[desa_index]
    name = _business_name(rng, words["names"]["business"][cluster], desa_name, names_seen)
    female = rng.random() < 0.55  # most IKM food businesses are run by women
    registered_on = _registered_on(world, rng)
    halal = _halal(rng, world.today)
    has_gps = rng.random() < 0.65
    lat, lon = place["center"]
    enterprise_id = world.id("enterprise", index)
    scale = rng.choices(list(BusinessScale), weights=[80, 17, 3])[0]
    status = rng.choices(list(EnterpriseStatus), weights=[92, 6, 2])[0]
    catalog = _product_choices(rng, words["products"][cluster], name)
    pkp = rng.random() < 0.45
    created = _at(registered_on, 10, rng.randrange(60))
    row = {
        "id": enterprise_id,
        "name": name,
        "owner_name": _person_name(rng, words["names"], female=female),
        "nik": _nik(rng, kecamatan, female=female),
        "phone": _phone(rng) if rng.random() < 0.9 else None,
        "address": _address(rng, words["places"]),
        "kecamatan_id": region_id(kecamatan),
        "desa_id": desa_by_kecamatan[kecamatan][desa_index] if rng.random() < 0.92 else None,
        "latitude": round(lat + rng.gauss(0, 0.03), 6) if has_gps else None,
        "longitude": round(lon + rng.gauss(0, 0.03), 6) if has_gps else None,
        "cluster_id": cluster_id(cluster),
        "status": status,
        "scale": scale,
        "nib": f"9120{rng.randrange(10**9):09d}" if rng.random() < 0.75 else None,
        "kbli": catalog[0]["kbli"],
        "workers": _workers(rng, scale),
        "production_capacity": rng.choice(words["phrases"]["capacity"][cluster]),
        **halal,
        "pkp_cert_no": f"{rng.randrange(1, 999):03d}/PKP/DINKES-KT/{registered_on.year}"
        if pkp
        else None,
        "pkp_cert_date": registered_on if pkp else None,
        "notes": None,
        **_stamps(created),
    }
    products = [
        _product(world, rng, owner=(index, row), number=n, entry=entry, irtp=irtp)
        for n, entry in enumerate(catalog, start=1)
    ]
    activity = rng.choice([0.5, 1, 1, 1, 2, 2, 3, 5]) * (0.2 if status != "active" else 1)
    return _EnterprisePlan(row, cluster, registered_on, activity, products)


def _business_name(
    rng: random.Random, business: dict[str, list[str]], place: str, seen: set[str]
) -> str:
    name = ""
    for _attempt in range(6):
        pattern = rng.choice(business["patterns"])
        name = pattern.format(brand=rng.choice(business["brands"]), place=place)
        if name not in seen:
            break
    else:
        name = f"{name} {place}"
    seen.add(name)
    return name


def _registered_on(world: _World, rng: random.Random) -> date:
    # Most IKMs were on the office's books before the history window; some joined during it.
    if rng.random() < 0.8:
        return world.first_day - timedelta(days=rng.randrange(1, 900))
    span = (world.last_day - world.first_day).days
    return world.first_day + timedelta(days=rng.randrange(max(1, span - 30)))


def _person_name(rng: random.Random, names: dict[str, Any], *, female: bool) -> str:
    given: str = rng.choice(names["given_female" if female else "given_male"])
    if rng.random() < 0.3:
        return given
    return f"{given} {rng.choice(names['family'])}"


def _nik(rng: random.Random, kecamatan: str, *, female: bool) -> str:
    """Return a 16-digit NIK: kabupaten 6408, kecamatan, birth date (day+40 for women), serial."""
    born = date(1960, 1, 1) + timedelta(days=rng.randrange(40 * 365))
    day = born.day + (40 if female else 0)
    birth = f"{day:02d}{born.month:02d}{born.year % 100:02d}"
    return f"6408{kecamatan[-2:]}{birth}{rng.randrange(1, 9999):04d}"


def _phone(rng: random.Random) -> str:
    prefix = rng.choice(["0811", "0812", "0813", "0821", "0822", "0852", "0853", "0857", "0858"])
    return prefix + "".join(str(rng.randrange(10)) for _ in range(rng.choice([7, 8])))


def _address(rng: random.Random, places: dict[str, Any]) -> str:
    street = rng.choice(places["streets"])
    rt = rng.randrange(1, 40)
    if rng.random() < 0.3:
        return f"{street} {rng.choice(places['alleys'])} RT {rt:02d}"
    return f"{street} No. {rng.randrange(1, 200)} RT {rt:02d}"


def _workers(rng: random.Random, scale: BusinessScale) -> int:
    low, high = {"mikro": (1, 5), "kecil": (5, 19), "menengah": (20, 60)}[scale]
    return rng.randint(low, high)


def _halal(rng: random.Random, today: date) -> dict[str, Any]:
    status = rng.choices(list(HalalStatus), weights=[45, 20, 35])[0]
    fields: dict[str, Any] = {
        "halal_status": status,
        "halal_route": None,
        "halal_cert_no": None,
        "halal_issued_on": None,
        "halal_expires_on": None,
    }
    if status is HalalStatus.NONE:
        return fields
    fields["halal_route"] = HalalRoute.SELF_DECLARE if rng.random() < 0.85 else HalalRoute.REGULER
    if status is HalalStatus.CERTIFIED:
        issued = today - timedelta(days=rng.randrange(60, 4 * 365))
        # Shape of BPJPH numbers (ID + province 64 + serial); not a real certificate.
        fields["halal_cert_no"] = f"ID64{rng.randrange(10**15):015d}"
        fields["halal_issued_on"] = issued
    return fields


def _product_choices(
    rng: random.Random, catalog: list[dict[str, Any]], business_name: str
) -> list[dict[str, Any]]:
    """Return 1–3 catalogue entries, the first matching the business name when one does."""
    count = rng.choices([1, 2, 3], weights=[45, 40, 15])[0]
    matching = [e for e in catalog if e["name"].split()[0] in business_name.split()]
    first = rng.choice(matching or catalog)
    others = rng.sample([e for e in catalog if e is not first], k=min(count - 1, len(catalog) - 1))
    return [first, *others]


def _product(
    world: _World,
    rng: random.Random,
    *,
    owner: tuple[int, dict[str, Any]],
    number: int,
    entry: dict[str, Any],
    irtp: int,
) -> _ProductPlan:
    """Return product ``number`` (from 1) of the enterprise with this index and row."""
    owner_index, owner_row = owner
    kemasan, packaging = rng.choice(entry["packaging"])
    jenis = entry["jenis"]
    has_pirt = jenis is not None and rng.random() < 0.8
    row = {
        "id": world.id("product", owner_index, number),
        "enterprise_id": owner_row["id"],
        "name": entry["name"],
        "category": entry["category"],
        "packaging": packaging,
        "net_content": rng.choice(entry["net"]),
        "ingredients": entry["ingredients"],
        "pirt_number": _pirt(
            rng, world.today, kemasan=kemasan, jenis=jenis, number=number, irtp=irtp
        )
        if has_pirt
        else None,
        "shelf_life_days": entry["shelf_life_days"],
        "label_notes": None,
        **_stamps(owner_row["created_at"]),
    }
    return _ProductPlan(row, entry["name"], pirt_eligible=jenis is not None)


def _pirt(
    rng: random.Random, today: date, *, kemasan: int, jenis: str, number: int, irtp: int
) -> str:
    """Return a P-IRT number as printed: 13 digits, a hyphen, the 2-digit expiry year."""
    offset = rng.choices([-1, 0, 1, 2, 3, 4], weights=[10, 12, 18, 25, 20, 15])[0]
    expiry = (today.year + offset) % 100
    return f"{kemasan}{jenis}{PIRT_REGION}{number:02d}{irtp:04d}-{expiry:02d}"


def _plan_visits(
    world: _World, ents: list[_EnterprisePlan], count: int, reviewer_id: str
) -> list[_VisitPlan]:
    """Return ``count`` visits spread over the IKMs, busier IKMs visited more often."""
    if not count:
        return []
    plan_rng = world.rng("plan", "visits")
    # Every IKM gets a visit when there are enough; the rest go to the busier ones.
    owners = list(ents[:count]) + plan_rng.choices(
        ents, weights=[e.activity for e in ents], k=max(0, count - len(ents))
    )
    plans = []
    for i, ent in enumerate(owners):
        plans.append(_visit(world, i, enterprise=ent, reviewer_id=reviewer_id))
        if i % 1000 == 0:
            world.report(STAGE_PLANNING, len(ents) + i, len(ents) + count)
    return plans


def _visit_day(world: _World, rng: random.Random, ent: _EnterprisePlan) -> date:
    first = max(world.first_day, ent.registered_on)
    span = max(0, (world.last_day - first).days)
    day = first + timedelta(days=rng.randint(0, span))
    if day.weekday() >= 5:  # field visits are on working days
        earlier = day - timedelta(days=day.weekday() - 4)
        day = earlier if earlier >= first else day + timedelta(days=7 - day.weekday())
    return min(day, world.last_day)


def _visit(
    world: _World, index: int, *, enterprise: _EnterprisePlan, reviewer_id: str
) -> _VisitPlan:
    """Return visit ``index`` to ``enterprise`` with its follow-ups and quality checks."""
    rng = world.rng("visit", index)
    ent = enterprise
    phrases = world.words["phrases"]
    day = _visit_day(world, rng, ent)
    purpose = rng.choices(list(VisitPurpose), weights=[40, 30, 20, 10])[0]
    looked_at = rng.choice(ent.products)
    product = looked_at.name
    facts = _facts(ent, looked_at, day)
    cluster = ent.cluster
    activities = [rng.choice(phrases["purpose_intro"][purpose])]
    activities += rng.sample(_pieces(phrases["activities"], cluster, product), k=2)
    good = rng.sample(_pieces(phrases["good_findings"], cluster, product, facts), k=1)
    issue_pool = _pieces(phrases["issues"], cluster, product, facts)
    issues = rng.sample(issue_pool, k=rng.choices([0, 1, 2, 3], weights=[25, 40, 27, 8])[0])
    findings = [*map(_text, good), *(i["finding"] for i in issues)]
    advice = [i["recommendation"] for i in issues] or [rng.choice(phrases["when_all_is_well"])]
    created = _at(day, 16, rng.randrange(60))
    review = _review(world, rng, created=created, reviewer_id=reviewer_id)
    row = {
        "id": world.id("visit", index),
        "enterprise_id": ent.row["id"],
        "visit_date": day,
        "officer_id": _officer(world, index),
        "companions": rng.choice(world.words["names"]["officers"]["companions"])
        if rng.random() < 0.3
        else None,
        "purpose": purpose,
        "activities": _fill(" ".join(map(_text, activities)), product),
        "findings": _fill("\n".join(findings), product),
        "recommendations": _fill("\n".join(advice), product),
        **review,
        **_stamps(created, review.get("reviewed_at") or review.get("submitted_at")),
    }
    follow_ups = [
        _follow_up(
            world, rng, visit=row, key=(index, n), issue=issue, product=product, cluster=cluster
        )
        for n, issue in enumerate(issues)
        if rng.random() < 0.8
    ]
    checks = _checks_for_visit(world, visit=row, enterprise=ent, product=looked_at, key=index)
    if checks.checks:
        # What was checked is what was seen: the written findings and advice come from the
        # checks, so no sentence claims a clean room the checklist found dirty. Licence facts
        # (an expired P-IRT, no halal certificate) are no checklist item and stay.
        licence = [i for i in issues if i.get("when")]
        row["findings"] = _fill(
            "\n".join([*checks.findings, *(i["finding"] for i in licence)]), product
        )
        advice = [*checks.advice, *(i["recommendation"] for i in licence)]
        row["recommendations"] = _fill(
            "\n".join(advice) or rng.choice(phrases["when_all_is_well"]), product
        )
        kept = {_fill(i["action"], product) for i in licence}
        follow_ups = [f for f in follow_ups if f["action"] in kept]
    return _VisitPlan(row, ent, product, follow_ups, checks, index)


def _pieces(
    groups: dict[str, list[Any]], cluster: str, product: str, facts: frozenset[str] = frozenset()
) -> list[Any]:
    """Return the cluster's and the general pieces that fit the product and the visit's facts."""
    word = product.split()[0]
    return [
        piece
        for piece in groups[cluster] + groups["umum"]
        if not isinstance(piece, dict)
        or (word in piece.get("for", (word,)) and piece.get("when", "") in {"", *facts})
    ]


def _facts(enterprise: _EnterprisePlan, product: _ProductPlan, day: date) -> frozenset[str]:
    """Return what holds on a visit that some report sentences depend on."""
    row = enterprise.row
    pirt = product.row["pirt_number"]
    facts = set()
    if pirt is not None and 2000 + int(pirt[-2:]) < day.year:
        facts.add("pirt_expired")
    if pirt is None and product.pirt_eligible:
        facts.add("pirt_missing")
    if row["halal_status"] == HalalStatus.NONE:
        facts.add("no_halal")
    if row["nib"] and row["pkp_cert_no"]:
        facts.add("has_nib_pkp")
    return frozenset(facts)


def _text(piece: str | dict[str, Any]) -> str:
    return piece if isinstance(piece, str) else piece["text"]


def _fill(text: str, product: str) -> str:
    return text.replace("{produk}", product)


def _review(
    world: _World, rng: random.Random, *, created: datetime, reviewer_id: str
) -> dict[str, Any]:
    """Return status and review fields that fit the visit's age (old visits are approved)."""
    age = (world.today - created.date()).days
    if age < 14:
        weights = [50, 40, 10, 0]
    elif age < 60:
        weights = [10, 35, 10, 45]
    else:
        weights = [2, 5, 5, 88]
    status = rng.choices(list(VisitStatus), weights=weights)[0]
    latest = _at(world.last_day, 17)
    fields: dict[str, Any] = {
        "status": status,
        "revision": 0,
        "submitted_at": None,
        "reviewed_at": None,
        "reviewer_id": None,
        "review_comment": None,
    }
    if status is VisitStatus.DRAFT:
        return fields
    submitted = min(created + timedelta(days=rng.randrange(0, 5), hours=1), latest)
    fields["submitted_at"] = submitted
    if status is VisitStatus.SUBMITTED:
        return fields
    reviewed = min(submitted + timedelta(days=rng.randrange(1, 15)), latest)
    phrases = world.words["phrases"]
    returned = status is VisitStatus.RETURNED
    fields |= {
        "reviewed_at": reviewed,
        "reviewer_id": reviewer_id,
        "review_comment": rng.choice(phrases["review_returned" if returned else "review_approved"]),
        "revision": 1 if not returned and rng.random() < 0.1 else 0,
    }
    return fields


def _follow_up(
    world: _World,
    rng: random.Random,
    *,
    visit: dict[str, Any],
    key: tuple[int, int],
    issue: dict[str, str],
    product: str,
    cluster: str,
) -> dict[str, Any]:
    """Return the follow-up agreed on ``visit`` for one issue; ``key`` is (visit, issue) index."""
    day = visit["visit_date"]
    due = day + timedelta(days=rng.choice([14, 21, 30, 45, 60]))
    done_on = None
    if due < world.today:
        if rng.random() < closing_chance(due, world.today):
            done_on = min(
                day + timedelta(days=rng.randint(3, (due - day).days + 20)), world.last_day
            )
    elif rng.random() < 0.2 and day < world.last_day:
        done_on = day + timedelta(days=rng.randint(1, (world.last_day - day).days))
    phrases = world.words["phrases"]
    return {
        "id": world.id("follow_up", *key),
        "visit_id": visit["id"],
        "enterprise_id": visit["enterprise_id"],
        "answer_id": None,
        "action": _fill(issue["action"], product),
        "owner": rng.choice(_pieces(phrases["follow_up_owners"], cluster, product)),
        "due_date": due,
        "done_on": done_on,
        "done_note": rng.choice(phrases["done_notes"]) if done_on else None,
        **_stamps(visit["created_at"], _at(done_on, 12) if done_on else None),
    }


def _checks_for_visit(
    world: _World,
    *,
    visit: dict[str, Any],
    enterprise: _EnterprisePlan,
    product: _ProductPlan,
    key: int,
) -> DemoCheckRows:
    """Return the quality checks recorded on one demo visit, scored by the real engine."""
    span = max(1, (world.today - world.first_day).days)
    demo_visit = DemoVisit(
        row=visit,
        cluster=enterprise.cluster,
        product=product.row,
        category=product.row.get("category") or "",
        # Keyed on what the IKM is, not its id (which differs per device), so the same seed
        # writes the same checks, and so the same written findings, in every new file.
        skill=world.rng("skill", enterprise.row["name"], enterprise.row["nik"]).random(),
        progress=min(1.0, max(0.0, (visit["visit_date"] - world.first_day).days / span)),
        today=world.today,
    )
    return checks_for_visit(
        demo_visit,
        world.templates,
        world.rng("check", key),
        lambda n: world.id("check", key, n),
    )


def _attachment_rows(
    world: _World, visits: Sequence[_VisitPlan], photos: _PhotoPool
) -> list[dict[str, Any]]:
    scenes = world.words["phrases"]["photo_scenes"]
    rows: list[dict[str, Any]] = []
    chosen = [v for v in visits if world.rng("photo", v.index).random() < PHOTO_SHARE]
    for done, visit in enumerate(chosen):
        rng = world.rng("photo", visit.index)
        rng.random()  # the draw that chose this visit
        cluster = visit.enterprise.cluster
        pool = [_text(p) for p in _pieces(scenes, cluster, visit.product)]
        for n, scene in enumerate(rng.sample(pool, k=rng.choice([1, 1, 2, 3]))):
            variant = rng.randrange(2)
            photo = photos.photo(cluster, scene, variant)
            rows.append(_attachment(world, visit, number=n, scene=scene, photo=photo))
        if done % 200 == 0:
            world.report(STAGE_PHOTOS, done, len(chosen))
    return rows


def _attachment(
    world: _World, visit: _VisitPlan, *, number: int, scene: str, photo: tuple[str, int]
) -> dict[str, Any]:
    """Return photo ``number`` of a visit; ``photo`` is the stored blob's (SHA-256, size)."""
    sha256, size = photo
    row = visit.row
    taken = row["created_at"] - timedelta(hours=5, minutes=17 * (3 - number))
    ent = visit.enterprise.row
    return {
        "id": world.id("attachment", visit.index, number),
        "sha256": sha256,
        "mime_type": "image/jpeg",
        "size_bytes": size,
        "original_name": f"IMG_{row['visit_date']:%Y%m%d}_{visit.index % 10_000:04d}{number}.jpg",
        "caption": scene,
        "taken_at": taken,
        "latitude": ent["latitude"],
        "longitude": ent["longitude"],
        "visit_id": row["id"],
        "enterprise_id": None,
        "product_id": None,
        **_stamps(row["created_at"]),
    }


class _PhotoPool:
    """Makes each demo picture once and stores it content-addressed; visits share them."""

    _PALETTES: ClassVar[dict[str, tuple[tuple[int, int, int], ...]]] = {
        "pisang": ((250, 214, 75), (120, 150, 40)),
        "kakao": ((110, 60, 30), (215, 160, 100)),
        "pangan_olahan": ((230, 120, 60), (250, 235, 200)),
    }

    def __init__(self, blobs: BlobStore) -> None:
        self._blobs = blobs
        self._made: dict[tuple[str, str, int], tuple[str, int]] = {}
        self.stored = 0

    def made(self) -> dict[str, bytes]:
        """Return the pictures stored so far, by SHA-256."""
        return {sha: self._blobs.read(sha) for sha, _size in self._made.values()}

    def photo(self, cluster: str, scene: str, variant: int) -> tuple[str, int]:
        """Return the SHA-256 and size of the picture for a scene, storing it on first use."""
        key = (cluster, scene, variant)
        if key not in self._made:
            data = demo_photo(scene, palette=self._PALETTES[cluster], variant=variant)
            self._made[key] = (self._blobs.put(data), len(data))
            self.stored += 1
        return self._made[key]


@cache  # a pure function of its arguments; repeated builds in one process reuse the pictures
def demo_photo(caption: str, *, palette: tuple[tuple[int, ...], ...], variant: int = 0) -> bytes:
    """Return a 640×480 JPEG: a gradient, a few shapes placed by the caption, and the caption."""
    width, height = PHOTO_SIZE
    rng = random.Random(f"{caption}:{palette}:{variant}")
    gradient = Image.linear_gradient("L").rotate(rng.choice([0, 90, 45])).resize(PHOTO_SIZE)
    image = ImageOps.colorize(gradient, palette[variant % 2], palette[(variant + 1) % 2])
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(4, 9)):
        x, y = rng.randrange(width), rng.randrange(height - 80)
        r = rng.randint(20, 90)
        color = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            draw.ellipse((x - r, y - r, x + r, y + r), fill=color, outline=(40, 40, 40))
        else:
            draw.rectangle((x - r, y - r // 2, x + r, y + r // 2), fill=color)
    draw.rectangle((0, height - 64, width, height), fill=(0, 0, 0))
    draw.text((20, height - 50), caption, fill=(255, 255, 255), font=_caption_font())
    # Marked, so a demo picture that ends up in a printed report is not taken for evidence.
    mark_width = draw.textlength("FOTO DEMO", font=_caption_font())
    draw.text(
        (width - 20 - mark_width, height - 50),
        "FOTO DEMO",
        fill=(255, 210, 0),
        font=_caption_font(),
    )
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    return out.getvalue()


@cache
def _caption_font() -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=30)


@dataclass(slots=True)
class _Rows:
    regions: list[dict[str, Any]]
    devices: list[dict[str, Any]]
    enterprises: list[dict[str, Any]]
    products: list[dict[str, Any]]
    visits: list[dict[str, Any]]
    follow_ups: list[dict[str, Any]]
    checks: list[dict[str, Any]]
    answers: list[dict[str, Any]]
    attachments: list[dict[str, Any]]

    def in_order(self) -> Iterator[tuple[type[Any], list[dict[str, Any]]]]:
        """Yield each model with its rows, parents before children."""
        yield Region, self.regions
        yield Device, self.devices
        yield Enterprise, self.enterprises
        yield Product, self.products
        yield Visit, self.visits
        yield QualityCheck, self.checks
        yield QualityAnswer, self.answers
        yield FollowUp, self.follow_ups
        yield Attachment, self.attachments


def _insert_all(session: Session, world: _World, rows: _Rows) -> None:
    """Insert every row as the ops of the device that made it (change capture records them).

    Each stand-in writes its own device row; this device its desa, IKMs and products; each
    officer its visits with their checks, answers, follow-ups and photos, as submitted (the
    reviewer's approval or return follows in ``_record_reviews``).
    """
    total = sum(len(batch) for _model, batch in rows.in_order())
    done = 0
    world.report(STAGE_SAVING, done, total)
    for row in rows.devices:
        with captured_as(session, row["id"]):
            session.execute(insert(Device), [row])
        done += 1
    for author, batch in _by_author(rows, world.device_id):
        with _as_author(session, author, world.device_id):
            for model, chunk_rows in batch.in_order():
                for start in range(0, len(chunk_rows), _CHUNK):
                    chunk = chunk_rows[start : start + _CHUNK]
                    session.execute(insert(model), chunk)
                    done += len(chunk)
                    world.report(STAGE_SAVING, done, total)


_REVIEW_FIELDS = ("status", "reviewed_at", "reviewer_id", "review_comment")


def _by_author(rows: _Rows, device_id: str) -> list[tuple[str, _Rows]]:
    """Return the rows each device made, this device's first; visits as their officer sent them."""
    own = _Rows(
        regions=rows.regions,
        devices=[],
        enterprises=rows.enterprises,
        products=rows.products,
        visits=[],
        follow_ups=[],
        checks=[],
        answers=[],
        attachments=[],
    )
    batches = {device_id: own}
    author = {v["id"]: v["officer_id"] for v in rows.visits}

    def batch(officer_id: str) -> _Rows:
        if officer_id not in batches:
            batches[officer_id] = _Rows([], [], [], [], [], [], [], [], [])
        return batches[officer_id]

    for visit in rows.visits:
        sent = visit
        if visit["reviewer_id"] is not None:
            sent = {**visit, "status": VisitStatus.SUBMITTED} | dict.fromkeys(_REVIEW_FIELDS[1:])
        batch(author[visit["id"]]).visits.append(sent)
    check_author = {}
    for check in rows.checks:
        check_author[check["id"]] = author[check["visit_id"]]
        batch(check_author[check["id"]]).checks.append(check)
    for answer in rows.answers:
        batch(check_author[answer["check_id"]]).answers.append(answer)
    for follow_up in rows.follow_ups:
        batch(author[follow_up["visit_id"]]).follow_ups.append(follow_up)
    for attachment in rows.attachments:
        batch(author[attachment["visit_id"]]).attachments.append(attachment)
    return list(batches.items())


def _record_reviews(session: Session, visits: Sequence[dict[str, Any]]) -> None:
    """Approve or return the reviewed demo visits, as the reviewer's ops."""
    reviewed = [v for v in visits if v["reviewer_id"] is not None]
    if not reviewed:
        return
    session.info[CAPTURE_OFF] = True  # the ops are written below, as one batch
    try:
        session.execute(
            update(Visit),
            [
                {"id": v["id"], "updated_at": v["updated_at"]}
                | {name: v[name] for name in _REVIEW_FIELDS}
                for v in reviewed
            ],
        )
    finally:
        session.info.pop(CAPTURE_OFF, None)
    record_ops(
        session,
        [
            ("visit", v["id"], {name: op_value(v[name]) for name in _REVIEW_FIELDS})
            for v in reviewed
        ],
    )


def _as_author(
    session: Session, author: str, device_id: str
) -> contextlib.AbstractContextManager[None]:
    """Capture changes as this device's own, or as a stand-in's (``captured_as``)."""
    return contextlib.nullcontext() if author == device_id else captured_as(session, author)
