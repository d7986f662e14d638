"""IKM lists on a large registry: filtered, sorted pages and counts equal a plain-Python answer.

The registry is inserted the realistic way (ORM bulk insert, so change capture logs it). It
has 10,000 IKMs by default, which keeps this module to a few seconds; set
``IKMDESK_SCALE_TESTS=1`` to also run it at 100,000 (about a minute: most of it is writing
the change log). Speed itself is measured by ``bench/bench_listing.py``, not here.
"""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert

from ikmdesk.db import Database
from ikmdesk.models import Enterprise, Product, Visit, new_id
from ikmdesk.services.device import this_device
from ikmdesk.services.enterprise import EnterpriseFilter, count_enterprises, list_enterprises
from ikmdesk.services.region import add_desa, list_clusters, list_kecamatan
from tests.conftest import make_database

TODAY = date(2026, 6, 1)
WORDS = ["Sari", "Maju", "Jaya", "Berkah", "Pisang", "Kakao", "Amplang", "Madu", "Kopi", "Aren"]
PEOPLE = ["Siti", "Ahmad", "Budi", "Dewi", "Yusuf", "Aminah", "Rudi", "Lina"]
DESA = ["Selangkau", "Sekerat", "Tepian", "Sangkima", "Swarga"]

SIZES = [
    10_000,
    pytest.param(
        100_000,
        marks=pytest.mark.skipif(
            not os.environ.get("IKMDESK_SCALE_TESTS"), reason="set IKMDESK_SCALE_TESTS=1"
        ),
    ),
]


@dataclass
class Ikm:
    """What the test knows about each generated IKM, to compute expected pages in Python."""

    id: str
    name: str
    owner: str
    kecamatan_id: str
    kecamatan: str
    desa: str | None
    cluster: str
    status: str
    last_visit: str | None = None
    pirt_years: tuple[str, ...] = ()


@dataclass
class Registry:
    db: Database
    ikms: list[Ikm]


@pytest.fixture(scope="module", params=SIZES, ids=lambda n: f"{n}")
def registry(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Registry]:
    size: int = request.param
    db = make_database(tmp_path_factory.mktemp("scale") / "ikmdesk.db")
    rng = random.Random(size)
    with db.unit_of_work() as session:
        kecamatan = list_kecamatan(session)
        clusters = list_clusters(session)
        officer = this_device(session).id
        desa = {
            k.id: [(add_desa(session, kecamatan_id=k.id, name=n), n) for n in rng.sample(DESA, 3)]
            for k in kecamatan
        }
        ikms: list[Ikm] = []
        rows = []
        for i in range(size):
            kec = rng.choice(kecamatan)
            place = rng.choice(desa[kec.id]) if rng.random() < 0.7 else None
            cluster = rng.choice(clusters)
            ikm = Ikm(
                id=new_id(),
                name=f"{rng.choice(['UD', 'CV'])} {rng.choice(WORDS)} {rng.choice(WORDS)} {i}",
                owner=f"{rng.choice(PEOPLE)} {rng.choice(PEOPLE)}",
                kecamatan_id=kec.id,
                kecamatan=kec.name,
                desa=None if place is None else place[1],
                cluster=cluster.code,
                status=rng.choices(["active", "inactive", "closed"], [90, 7, 3])[0],
            )
            ikms.append(ikm)
            rows.append(
                {
                    "id": ikm.id,
                    "name": ikm.name,
                    "owner_name": ikm.owner,
                    "kecamatan_id": kec.id,
                    "desa_id": None if place is None else place[0],
                    "cluster_id": cluster.id,
                    "status": ikm.status,
                }
            )
        session.execute(insert(Enterprise), rows)
        visits = []
        for _ in range(size // 10):
            ikm = rng.choice(ikms)
            day = (date(2024, 1, 1) + timedelta(days=rng.randrange(800))).isoformat()
            ikm.last_visit = max(ikm.last_visit or day, day)
            visits.append(_visit(ikm.id, day, officer))
        # Deleted visits, all later than any live one: they must not count as a last visit.
        visits += [
            _visit(rng.choice(ikms).id, "2026-05-01", officer, deleted=True) for _ in range(50)
        ]
        session.execute(insert(Visit), visits)
        products = []
        for _ in range(size // 10):
            ikm = rng.choice(ikms)
            year = f"{rng.randrange(22, 31)}"
            ikm.pirt_years += (year,)
            products.append(
                {
                    "id": new_id(),
                    "enterprise_id": ikm.id,
                    "name": "Keripik",
                    "pirt_number": f"206640801{rng.randrange(1000, 9999)}-{year}",
                }
            )
        session.execute(insert(Product), products)
    yield Registry(db, ikms)
    db.close()


def _visit(
    enterprise_id: str, day: str, officer: str, *, deleted: bool = False
) -> dict[str, object]:
    return {
        "id": new_id(),
        "enterprise_id": enterprise_id,
        "visit_date": date.fromisoformat(day),
        "officer_id": officer,
        "purpose": "mentoring",
        "deleted": deleted,
    }


def _contains_every_word(text: str) -> Callable[[Ikm], bool]:
    words = text.lower().split()
    return lambda r: all(
        w in r.name.lower() or w in r.owner.lower() or w in (r.desa or "").lower() for w in words
    )


def _page(
    registry: Registry,
    flt: EnterpriseFilter,
    *,
    keep: Callable[[Ikm], bool],
    key: Callable[[Ikm], object],
    sort: str,
    descending: bool,
    offset: int,
) -> None:
    expected = sorted(filter(keep, registry.ikms), key=key, reverse=descending)
    with registry.db.unit_of_work() as session:
        rows = list_enterprises(session, flt, sort=sort, descending=descending, offset=offset)
        total = count_enterprises(session, flt)
    assert total == len(expected)
    want = expected[offset : offset + 200]
    assert [r.id for r in rows] == [r.id for r in want]
    assert [r.last_visit for r in rows] == [
        None if r.last_visit is None else date.fromisoformat(r.last_visit) for r in want
    ]


def test_first_and_deep_pages_by_name(registry: Registry) -> None:
    n = len(registry.ikms)
    for offset, descending in [(0, False), (n // 2, True), (n - 150, False)]:
        _page(
            registry,
            EnterpriseFilter(),
            keep=lambda r: True,
            key=lambda r: (r.name, r.id),
            sort="name",
            descending=descending,
            offset=offset,
        )


def test_cluster_and_kecamatan_by_last_visit(registry: Registry) -> None:
    kecamatan = registry.ikms[0].kecamatan_id
    _page(
        registry,
        EnterpriseFilter(cluster="kakao", kecamatan=kecamatan),
        keep=lambda r: r.cluster == "kakao" and r.kecamatan_id == kecamatan,
        # Descending: visited first, newest first, ties by id; never visited last.
        key=lambda r: (r.last_visit is not None, r.last_visit or "", r.id),
        sort="last_visit",
        descending=True,
        offset=0,
    )


def test_text_search_by_kecamatan_name(registry: Registry) -> None:
    _page(
        registry,
        EnterpriseFilter(text="maju SITI"),
        keep=_contains_every_word("maju siti"),
        key=lambda r: (r.kecamatan, r.name, r.id),
        sort="kecamatan",
        descending=False,
        offset=0,
    )


def test_text_search_in_desa_names(registry: Registry) -> None:
    _page(
        registry,
        EnterpriseFilter(text="selangkau", status="active"),
        keep=lambda r: _contains_every_word("selangkau")(r) and r.status == "active",
        key=lambda r: (r.name, r.id),
        sort="name",
        descending=False,
        offset=0,
    )


def test_pirt_expiring_and_visit_date_range(registry: Registry) -> None:
    _page(
        registry,
        EnterpriseFilter(licence="pirt_expiring", today=TODAY),
        keep=lambda r: bool({"26", "27"} & set(r.pirt_years)),
        key=lambda r: (r.name, r.id),
        sort="name",
        descending=False,
        offset=0,
    )
    in_range = {
        r.id
        for r in registry.ikms
        if r.last_visit is not None and r.last_visit >= "2025-01-01"  # latest visit in range
    }
    with registry.db.unit_of_work() as session:
        visited = count_enterprises(session, EnterpriseFilter(date_from=date(2025, 1, 1)))
    assert visited == len(in_range)


def test_the_bulk_insert_was_logged_for_sync(registry: Registry) -> None:
    uri = f"{Path(registry.db.path).as_uri()}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
        logged = dict(
            conn.execute(
                "SELECT entity, count(DISTINCT row_id) FROM change_log GROUP BY entity"
            ).fetchall()
        )
    assert logged["enterprise"] == len(registry.ikms)
    assert logged["visit"] == len(registry.ikms) // 10 + 50
