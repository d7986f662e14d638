"""Excel export of 20,000 IKMs: the office export against xlsxwriter fed by plain sqlite3.

Builds (once, then reuses) a database with 20,000 IKMs, their products and visits, the same
way as the listing benchmark. The export writes the full registry sheet and the product sheet
through the service (filters, licences, P-IRT decoding, styled header, real dates). The
baseline reads the same enterprise and product rows with one plain sqlite3 query each and
writes them with xlsxwriter in constant-memory mode: the least a correct export can cost.
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
import time
from pathlib import Path

from bench.bench_listing import _fill
from bench.cached_database import cached_database
from bench.result import record
from ikmdesk.db import Database
from ikmdesk.services.office_export import export_enterprises

ENTERPRISES = 20_000
PRODUCTS = 8_000
VISITS = 6_000
BUILD_VERSION = 1

RAW_ENTERPRISES = """
SELECT e.name, e.owner_name, k.name, d.name, c.name_id, e.status, e.phone, e.nib,
       e.halal_status, e.created_at
FROM enterprise e
JOIN region k ON k.id = e.kecamatan_id
JOIN cluster c ON c.id = e.cluster_id
LEFT JOIN region d ON d.id = e.desa_id
WHERE e.deleted = 0 ORDER BY e.name, e.id
"""
RAW_PRODUCTS = """
SELECT e.name, p.name, p.pirt_number FROM product p JOIN enterprise e ON e.id = p.enterprise_id
WHERE p.deleted = 0 ORDER BY e.name, p.name
"""


def open_or_build() -> Database:
    """Open the benchmark database, building it first when it is missing."""
    return cached_database(
        f"export-{ENTERPRISES}-v{BUILD_VERSION}.db",
        lambda session, officer: _fill(
            session,
            officer,
            random.Random(20261203),
            enterprises_count=ENTERPRISES,
            products_count=PRODUCTS,
            visits_count=VISITS,
        ),
    )


def _baseline(db_path: Path, target: Path) -> int:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(target), {"constant_memory": True})
    bold = book.add_format({"bold": True})
    rows = 0
    with sqlite3.connect(db_path) as conn:
        for title, sql in (("IKM", RAW_ENTERPRISES), ("Produk", RAW_PRODUCTS)):
            sheet = book.add_worksheet(title)
            for row_index, row in enumerate(conn.execute(sql), start=1):
                sheet.write_row(row_index, 0, [v if v is not None else "" for v in row])
                rows += 1
            sheet.write_row(0, 0, [f"k{i}" for i in range(10)], bold)
    book.close()
    return rows


def main() -> None:
    """Time the service export and the baseline once each and print both and their ratio."""
    db = open_or_build()
    try:
        with tempfile.TemporaryDirectory() as folder:
            started, cpu = time.perf_counter(), time.process_time()
            with db.unit_of_work() as session:
                result = export_enterprises(session, Path(folder) / "ikm.xlsx")
            service_s = time.perf_counter() - started
            service_cpu = time.process_time() - cpu
            started = time.perf_counter()
            _baseline(db.path, Path(folder) / "baseline.xlsx")
            baseline_s = time.perf_counter() - started
    finally:
        db.close()
    ratio = service_s / baseline_s
    print(f"xlsx export of {result.rows} IKMs: {service_s:6.2f} s  ({service_cpu:.2f} s CPU)")
    print(f"xlsxwriter from sqlite3:        {baseline_s:6.2f} s   ratio {ratio:.2f}")
    record(
        "export",
        "xlsx export of 20,000 IKMs",
        ratio,
        seconds=round(service_s, 2),
        cpu_seconds=round(service_cpu, 2),
        baseline_seconds=round(baseline_s, 2),
        goal_seconds=5,
    )


if __name__ == "__main__":
    main()
