"""Demo data at 1,000 IKMs and 10,000 visits: the generator against plain sqlite3 executemany.

Times ``build_demo`` on a new file in a temp folder (identity, planning, photos, ORM bulk
inserts with change capture, one transaction). The baseline, measured in the same run, takes
the rows the build wrote, read back from its file, and inserts them with stdlib ``sqlite3``
``executemany`` into an empty IKMDesk file in one transaction with the app's pragmas: first
the data rows alone, then the data rows plus the change-log rows. The ratios say what the
generator, the ORM and change capture cost on top of writing the same rows by hand.
"""

from __future__ import annotations

import contextlib
import sqlite3
import tempfile
import time
from pathlib import Path

from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.demo_data import build_demo

ENTERPRISES = 1_000
VISITS = 10_000
SEED = 1
DATA_TABLES = (
    "region",
    "device",
    "enterprise",
    "product",
    "visit",
    "quality_check",
    "quality_answer",
    "follow_up",
    "attachment",
)


def main() -> None:
    """Build the demo database, then the hand-written baselines; print times and ratios."""
    with tempfile.TemporaryDirectory(prefix="ikmdesk-bench-demo-") as folder:
        demo_path = Path(folder) / "demo.db"
        started = time.perf_counter()
        summary = build_demo(demo_path, enterprises=ENTERPRISES, visits=VISITS, seed=SEED)
        demo_seconds = time.perf_counter() - started
        data = _rows_written(demo_path, DATA_TABLES)
        ops = _rows_written(demo_path, ("change_log",))
        data_rows = sum(len(rows) for _sql, rows in data)
        op_rows = sum(len(rows) for _sql, rows in ops)
        bare_data = _executemany_seconds(Path(folder) / "bare-data.db", data)
        bare_all = _executemany_seconds(Path(folder) / "bare-all.db", data + ops)
    print(
        f"demo build: {summary.enterprises} IKM, {summary.visits} visits, "
        f"{summary.follow_ups} follow-ups, {summary.attachments} photos "
        f"({summary.photo_files} files): {data_rows} data rows + {op_rows} change-log rows "
        f"in {demo_seconds:.2f} s"
    )
    print(f"sqlite3 executemany, data rows only:        {bare_data:.2f} s")
    print(f"sqlite3 executemany, data + change-log rows: {bare_all:.2f} s")
    print(f"ratio (demo build / executemany data rows): {demo_seconds / bare_data:.1f}x")
    print(f"ratio (demo build / executemany all rows):  {demo_seconds / bare_all:.1f}x")


def _rows_written(
    path: Path, tables: tuple[str, ...]
) -> list[tuple[str, list[tuple[object, ...]]]]:
    """Return an INSERT statement and the stored rows for each table the build wrote to."""
    batches = []
    with contextlib.closing(sqlite3.connect(path)) as conn:
        for table in tables:
            cursor = conn.execute(f"SELECT * FROM {table}")
            columns = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
            if table == "region":  # the seeded kecamatan are already in an empty file
                rows = [r for r in rows if r[columns.index("level")] == "desa"]
            marks = ", ".join("?" for _ in columns)
            batches.append((f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows))
    return batches


def _executemany_seconds(path: Path, batches: list[tuple[str, list[tuple[object, ...]]]]) -> float:
    """Insert the rows into a new empty IKMDesk file by hand, in one transaction; return seconds."""
    open_data_file(path, create=True).close()
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        started = time.perf_counter()
        conn.execute("BEGIN")
        for sql, rows in batches:
            conn.executemany(sql, rows)
        conn.execute("COMMIT")
        return time.perf_counter() - started


if __name__ == "__main__":
    main()
