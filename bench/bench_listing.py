"""IKM and visit list pages at 100,000 IKMs: the service against a hand-written sqlite3 query.

Builds (once, then reuses) a database in the temp folder with 100,000 IKMs, their desa,
products and visits, inserted the realistic way (ORM bulk insert, change capture on). For
each case it checks that the service and the hand-written query return the same rows, then
prints the best-of-N time of each and their ratio (service / hand-written). The service time
includes opening its unit of work, as the window pays it on every page.
"""

from __future__ import annotations

import contextlib
import random
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import astuple, dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from bench.result import record
from ikmdesk.db import Database
from ikmdesk.models import Enterprise, Product, Visit, new_id
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.device import create_identity
from ikmdesk.services.enterprise import (
    EnterpriseFilter,
    count_enterprises,
    list_enterprises,
)
from ikmdesk.services.region import (
    add_desa,
    find_cluster,
    find_kecamatan,
    list_clusters,
    list_kecamatan,
)
from ikmdesk.services.visit import VisitFilter, list_visits

ENTERPRISES = 100_000
PRODUCTS = 40_000
VISITS = 30_000
DESA_PER_KECAMATAN = 6
TODAY = date(2026, 6, 1)
REPEAT = 7
BUILD_VERSION = 1  # bump when the generated data changes, so old files are not reused

WORDS = [
    "Sari",
    "Maju",
    "Jaya",
    "Berkah",
    "Sejahtera",
    "Mandiri",
    "Lestari",
    "Makmur",
    "Sentosa",
    "Abadi",
    "Rezeki",
    "Harapan",
    "Pisang",
    "Kakao",
    "Amplang",
    "Kerupuk",
    "Dodol",
    "Keripik",
    "Madu",
    "Kopi",
    "Gula",
    "Aren",
    "Cokelat",
    "Tani",
    "Bunda",
]
PEOPLE = [
    "Siti",
    "Ahmad",
    "Rahmawati",
    "Budi",
    "Nur",
    "Hasan",
    "Dewi",
    "Yusuf",
    "Aminah",
    "Rudi",
    "Wati",
    "Agus",
    "Lina",
]
DESA = [
    "Selangkau",
    "Sekerat",
    "Tepian",
    "Kaliorang",
    "Sangkima",
    "Swarga",
    "Pengadan",
    "Manubar",
    "Mukti",
    "Jaya",
]

BASE_SQL = """
SELECT e.id, e.name, e.owner_name, k.name, d.name, c.code, c.name_id, e.status, e.phone, e.nib,
       (SELECT max(v.visit_date) FROM visit v WHERE v.enterprise_id = e.id AND v.deleted = 0)
           AS last_visit,
       (SELECT count(*) FROM product p WHERE p.enterprise_id = e.id AND p.deleted = 0)
FROM enterprise e
JOIN region k ON k.id = e.kecamatan_id
JOIN cluster c ON c.id = e.cluster_id
LEFT JOIN region d ON d.id = e.desa_id
WHERE e.deleted = 0 {where}
ORDER BY {order}
LIMIT ? OFFSET ?
"""

COUNT_SQL = """
SELECT count(*) FROM enterprise e LEFT JOIN region d ON d.id = e.desa_id
WHERE e.deleted = 0 {where}
"""


@dataclass(frozen=True)
class Case:
    """One list page asked of both the service and the hand-written query."""

    label: str
    flt: EnterpriseFilter
    sort: str
    descending: bool
    offset: int
    where: str
    params: tuple[Any, ...]
    order: str


def database_path() -> Path:
    """Return where the benchmark database is kept between runs."""
    folder = Path(tempfile.gettempdir()) / "ikmdesk-bench"
    return folder / f"listing-{ENTERPRISES}-v{BUILD_VERSION}.db"


def open_or_build() -> Database:
    """Open the benchmark database, building it first when it is missing."""
    path = database_path()
    if not path.exists():
        build(path)
    else:
        print(f"reusing {path}")
    return open_data_file(path)


def build(path: Path) -> None:
    """Write the benchmark database to ``path`` (via a partial file, renamed when complete)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    for stale in path.parent.glob(partial.name + "*"):
        stale.unlink()
    started = time.perf_counter()
    db = open_data_file(partial, create=True)
    try:
        with db.unit_of_work() as session:
            device = create_identity(session, role="officer", officer_name="Petugas Bench")
            _fill(session, device.id, random.Random(20261128))
    finally:
        db.close()
    partial.rename(path)
    print(f"built {path} in {time.perf_counter() - started:.1f} s")


def _fill(
    session: Any,
    officer_id: str,
    rng: random.Random,
    *,
    enterprises_count: int = ENTERPRISES,
    products_count: int = PRODUCTS,
    visits_count: int = VISITS,
) -> None:
    kecamatan = list_kecamatan(session)
    clusters = list_clusters(session)
    desa_of = {
        k.id: [add_desa(session, kecamatan_id=k.id, name=name) for name in _desa_names(rng)]
        for k in kecamatan
    }
    enterprises = []
    for i in range(enterprises_count):
        kec = rng.choice(kecamatan).id
        enterprises.append(
            {
                "id": new_id(),
                "name": f"{rng.choice(('UD', 'CV', 'KUBE', 'IKM'))} {rng.choice(WORDS)} "
                f"{rng.choice(WORDS)} {i}",
                "owner_name": f"{rng.choice(PEOPLE)} {rng.choice(PEOPLE)}",
                "kecamatan_id": kec,
                "desa_id": rng.choice(desa_of[kec]) if rng.random() < 0.8 else None,
                "cluster_id": rng.choice(clusters).id,
                "phone": f"08{rng.randrange(10**9, 10**10)}",
                "status": rng.choices(("active", "inactive", "closed"), (90, 7, 3))[0],
                "nib": f"{rng.randrange(10**12, 10**13)}" if rng.random() < 0.6 else None,
            }
        )
    session.execute(insert(Enterprise), enterprises)
    products = [
        {
            "id": new_id(),
            "enterprise_id": rng.choice(enterprises)["id"],
            "name": f"Keripik {rng.choice(WORDS)}",
            "pirt_number": (
                f"2{rng.randrange(1, 7):02d}6408{rng.randrange(1, 10):02d}"
                f"{rng.randrange(1, 9999):04d}-{rng.randrange(20, 31)}"
                if rng.random() < 0.7
                else None
            ),
        }
        for _ in range(products_count)
    ]
    session.execute(insert(Product), products)
    visits = [
        {
            "id": new_id(),
            "enterprise_id": rng.choice(enterprises)["id"],
            "visit_date": date(2024, 1, 1) + timedelta(days=rng.randrange(880)),
            "officer_id": officer_id,
            "purpose": "mentoring",
        }
        for _ in range(visits_count)
    ]
    session.execute(insert(Visit), visits)


def _desa_names(rng: random.Random) -> list[str]:
    return [f"{name} {n}" for n, name in enumerate(rng.sample(DESA, DESA_PER_KECAMATAN), 1)]


def cases(db: Database) -> list[Case]:
    """Return the pages timed: common filters and sorts, deep paging and text search."""
    with db.unit_of_work() as session:
        sangatta = find_kecamatan(session, "Sangatta Utara")
        assert sangatta is not None
        pisang = find_cluster(session, "pisang")
        assert pisang is not None
    this_year, next_year = f"{TODAY.year % 100:02d}", f"{(TODAY.year + 1) % 100:02d}"
    name_asc = "e.name ASC, e.id ASC"
    return [
        Case("name, first page", EnterpriseFilter(), "name", False, 0, "", (), name_asc),
        Case(
            "name desc, offset 50,000",
            EnterpriseFilter(),
            "name",
            True,
            50_000,
            "",
            (),
            "e.name DESC, e.id DESC",
        ),
        Case(
            "cluster, by name",
            EnterpriseFilter(cluster=pisang.code),
            "name",
            False,
            0,
            "AND e.cluster_id = ?",
            (pisang.id,),
            name_asc,
        ),
        Case(
            "kecamatan, by last visit desc",
            EnterpriseFilter(kecamatan=sangatta.id),
            "last_visit",
            True,
            0,
            "AND e.kecamatan_id = ?",
            (sangatta.id,),
            "last_visit DESC NULLS LAST, e.id DESC",
        ),
        Case(
            "all, by kecamatan",
            EnterpriseFilter(),
            "kecamatan",
            False,
            0,
            "",
            (),
            "k.name ASC, e.name ASC, e.id ASC",
        ),
        Case(
            "all, by last visit desc",
            EnterpriseFilter(),
            "last_visit",
            True,
            0,
            "",
            (),
            "last_visit DESC NULLS LAST, e.id DESC",
        ),
        Case(
            "text 'maju kopi' (name/owner/desa)",
            EnterpriseFilter(text="maju kopi"),
            "name",
            False,
            0,
            "AND (e.name LIKE ? OR e.owner_name LIKE ? OR d.name LIKE ?)"
            " AND (e.name LIKE ? OR e.owner_name LIKE ? OR d.name LIKE ?)",
            ("%maju%",) * 3 + ("%kopi%",) * 3,
            name_asc,
        ),
        Case(
            "text 'selangkau' (a desa)",
            EnterpriseFilter(text="selangkau"),
            "name",
            False,
            0,
            "AND (e.name LIKE ? OR e.owner_name LIKE ? OR d.name LIKE ?)",
            ("%selangkau%",) * 3,
            name_asc,
        ),
        Case(
            "P-IRT expiring, by name",
            EnterpriseFilter(licence="pirt_expiring", today=TODAY),
            "name",
            False,
            0,
            "AND EXISTS (SELECT 1 FROM product p WHERE p.enterprise_id = e.id AND p.deleted = 0"
            " AND trim(coalesce(p.pirt_number, '')) <> ''"
            " AND substr(trim(p.pirt_number), -2) IN (?, ?))",
            (this_year, next_year),
            name_asc,
        ),
        Case(
            "visited in Q1 2025, by last visit",
            EnterpriseFilter(date_from=date(2025, 1, 1), date_to=date(2025, 3, 31)),
            "last_visit",
            True,
            0,
            "AND EXISTS (SELECT 1 FROM visit v WHERE v.enterprise_id = e.id AND v.deleted = 0"
            " AND v.visit_date BETWEEN ? AND ?)",
            ("2025-01-01", "2025-03-31"),
            "last_visit DESC NULLS LAST, e.id DESC",
        ),
    ]


def best_time(run: Callable[[], Any]) -> tuple[float, Any]:
    """Return the best wall time of ``REPEAT`` runs (after one warm-up) and the last result."""
    result = run()
    best = float("inf")
    for _ in range(REPEAT):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result


@contextlib.contextmanager
def raw_connection(path: Path) -> Iterator[sqlite3.Connection]:
    """Yield a plain sqlite3 connection to ``path``, as a hand-written tool would use."""
    conn = sqlite3.connect(path)
    try:
        yield conn
    finally:
        conn.close()


def _plain(row: Any) -> tuple[Any, ...]:
    return tuple(v.isoformat() if isinstance(v, date) else v for v in astuple(row))


def main() -> None:
    """Build or reuse the database, then print service vs hand-written times per case."""
    db = open_or_build()
    try:
        header = f"{'case':40s} {'rows':>6s} {'service':>9s} {'sqlite3':>9s} {'ratio':>6s}"
        print(header)
        with raw_connection(db.path) as conn:
            for case in cases(db):
                _run_case(db, conn, case)
            for label, flt, where, params in visit_cases(db):
                _run_visit_case(db, conn, label, flt, where, params)
    finally:
        db.close()


VISIT_SQL = """
SELECT v.id, v.enterprise_id, e.name, v.visit_date, v.status, v.purpose, d.officer_name,
       c.code, k.name
FROM visit v
JOIN enterprise e ON e.id = v.enterprise_id
JOIN region k ON k.id = e.kecamatan_id
JOIN cluster c ON c.id = e.cluster_id
JOIN device d ON d.id = v.officer_id
WHERE v.deleted = 0 {where}
ORDER BY v.visit_date DESC, v.id DESC
LIMIT 200
"""


def visit_cases(db: Database) -> list[tuple[str, VisitFilter, str, tuple[Any, ...]]]:
    """Return visit pages (newest first) timed against the natural hand-written join."""
    with db.unit_of_work() as session:
        pisang = find_cluster(session, "pisang")
        kaliorang = find_kecamatan(session, "Kaliorang")
        assert pisang is not None and kaliorang is not None
    return [
        ("visits, newest first", VisitFilter(), "", ()),
        (
            "visits of a cluster, newest",
            VisitFilter(cluster="pisang"),
            "AND e.cluster_id = ?",
            (pisang.id,),
        ),
        (
            "visits in a kecamatan, newest",
            VisitFilter(kecamatan=kaliorang.id),
            "AND e.kecamatan_id = ?",
            (kaliorang.id,),
        ),
    ]


def _run_visit_case(
    db: Database,
    conn: sqlite3.Connection,
    label: str,
    flt: VisitFilter,
    where: str,
    params: tuple[Any, ...],
) -> None:
    def service_page() -> list[Any]:
        with db.unit_of_work() as session:
            return list_visits(session, flt)

    sql = VISIT_SQL.format(where=where)
    service_s, rows = best_time(service_page)
    raw_s, raw_rows = best_time(lambda: conn.execute(sql, params).fetchall())
    same = [_plain(r) for r in rows] == [tuple(r) for r in raw_rows]
    _report(label, len(rows), service_s, raw_s, same)


def _run_case(db: Database, conn: sqlite3.Connection, case: Case) -> None:
    def service_page() -> list[Any]:
        with db.unit_of_work() as session:
            return list_enterprises(
                session, case.flt, sort=case.sort, descending=case.descending, offset=case.offset
            )

    def service_count() -> int:
        with db.unit_of_work() as session:
            return count_enterprises(session, case.flt)

    sql = BASE_SQL.format(where=case.where, order=case.order)
    params = (*case.params, 200, case.offset)
    count_sql = COUNT_SQL.format(where=case.where)

    service_s, rows = best_time(service_page)
    raw_s, raw_rows = best_time(lambda: conn.execute(sql, params).fetchall())
    same = [_plain(r) for r in rows] == [tuple(r) for r in raw_rows]
    _report(case.label, len(rows), service_s, raw_s, same)
    count_s, total = best_time(service_count)
    raw_count_s, raw_total = best_time(lambda: conn.execute(count_sql, case.params).fetchone()[0])
    _report(f"  count: {total}", total, count_s, raw_count_s, total == raw_total)


def _report(label: str, rows: int, service_s: float, raw_s: float, same: bool) -> None:
    record(
        "listing",
        label.strip(),
        service_s / raw_s,
        rows=rows,
        service_ms=round(service_s * 1000, 2),
        sqlite3_ms=round(raw_s * 1000, 2),
        same_rows=same,
    )
    flag = "" if same else "  ROWS DIFFER"
    print(
        f"{label:40s} {rows:6d} {service_s * 1000:7.1f}ms {raw_s * 1000:7.1f}ms "
        f"{service_s / raw_s:6.2f}{flag}",
        flush=True,
    )


if __name__ == "__main__":
    main()
