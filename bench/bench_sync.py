"""Sync at 20,000 visits: full export, import into an empty device, against plain sqlite3.

Builds an officer database with 20,000 visits, one quality check each and three answers per
check (bulk ORM inserts, change capture on), exports a full package encrypted to an empty
supervisor device, and imports it there. The baseline is a plain ``sqlite3`` executemany of
the same final rows into an empty database of the same schema, in one transaction, measured
in the same run. Prints times, ops/s, the import/baseline ratio (aim: < 5), and the size of
the change log against the size of the data it describes.

``IKMDESK_BENCH_VISITS`` overrides the number of visits (for a quick run).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import shutil
import sqlite3
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from bench.result import record
from ikmdesk.db import Database
from ikmdesk.models import (
    SYNCED_MODELS,
    ChecklistTemplate,
    Cluster,
    Enterprise,
    FollowUp,
    QualityAnswer,
    QualityCheck,
    Region,
    Visit,
    new_id,
)
from ikmdesk.services.dashboard import dashboard_summary, recent_visits
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.device import DeviceInfo, create_identity
from ikmdesk.services.sync_service import export_package, import_package
from ikmdesk.services.sync_trust import key_card, read_key_card, trust_peer
from ikmdesk.sync.change_capture import CAPTURE_OFF
from ikmdesk.sync.merge import IMPORT_CACHE_KIB

VISITS = int(os.environ.get("IKMDESK_BENCH_VISITS", "20000"))
ENTERPRISES = max(VISITS // 10, 1)
ANSWERS_PER_CHECK = 3
START = date(2025, 1, 6)


def _device(path: Path, role: str, name: str) -> tuple[Database, DeviceInfo]:
    db = open_data_file(path, create=True)
    with db.unit_of_work() as session:
        info = create_identity(session, role=role, officer_name=name)
    return db, info


def _introduce(
    folder: Path, a: tuple[Database, DeviceInfo], b: tuple[Database, DeviceInfo]
) -> None:
    import json

    for (_db_left, left), (db_right, _right) in ((a, b), (b, a)):
        card = folder / f"{left.id}.json"
        card.write_text(json.dumps(key_card(left)), encoding="utf-8")
        with db_right.unit_of_work() as session:
            trust_peer(session, read_key_card(card))


TEMPLATE_ID = "00000000-0000-4000-8000-00000000c99b"


def _template(db: Database) -> None:
    """Ship the same checklist template to a device, as the app ships its own (no ops)."""
    with db.unit_of_work() as session:
        session.info[CAPTURE_OFF] = True
        session.add(
            ChecklistTemplate(
                id=TEMPLATE_ID,
                code="cppb-irt-bench",
                version=1,
                title_id="CPPB-IRT",
                title_en="CPPB-IRT",
                definition={},
            )
        )
        session.flush()


def _fill(db: Database, officer_id: str) -> None:
    with db.unit_of_work() as session:
        region = session.scalars(select(Region.id)).first()
        cluster = session.scalars(select(Cluster.id)).first()
        enterprises = [
            {
                "id": new_id(),
                "name": f"IKM {n}",
                "owner_name": f"Pemilik {n}",
                "nik": f"{6408000000000000 + n}",
                "phone": f"0812{n:08d}",
                "kecamatan_id": region,
                "cluster_id": cluster,
            }
            for n in range(ENTERPRISES)
        ]
        session.execute(insert(Enterprise), enterprises)
        visits, checks, answers, follow_ups = [], [], [], []
        for n in range(VISITS):
            visit_id, check_id = new_id(), new_id()
            day = START + timedelta(days=n % 600)
            visits.append(
                {
                    "id": visit_id,
                    "enterprise_id": enterprises[n % ENTERPRISES]["id"],
                    "visit_date": day,
                    "officer_id": officer_id,
                    "purpose": "mentoring",
                    "activities": "Pendampingan CPPB dan pelabelan",
                    "findings": f"Temuan kunjungan {n}",
                }
            )
            checks.append(
                {
                    "id": check_id,
                    "visit_id": visit_id,
                    "template_id": TEMPLATE_ID,
                    "checked_on": day,
                }
            )
            answers.extend(
                {"id": new_id(), "check_id": check_id, "item_id": f"b{i}", "value": "yes"}
                for i in range(ANSWERS_PER_CHECK)
            )
            if n % 4 == 0:  # the dashboard's follow-up list was the slow query after imports
                follow_ups.append(
                    {
                        "id": new_id(),
                        "visit_id": visit_id,
                        "enterprise_id": enterprises[n % ENTERPRISES]["id"],
                        "action": "Perbaiki label kemasan",
                        "due_date": day + timedelta(days=30),
                    }
                )
        session.execute(insert(Visit), visits)
        session.execute(insert(QualityCheck), checks)
        session.execute(insert(QualityAnswer), answers)
        session.execute(insert(FollowUp), follow_ups)


def _baseline(source: Path, empty: Path, receiver_id: str) -> tuple[float, float]:
    """Time a plain executemany of the final rows into an empty database: data, then log.

    The import's final rows are the synced data rows *and* the received change-log rows
    (more than half of what it writes), so the baseline inserts both, in one transaction,
    with the page cache the import uses.
    Returns (data and change log, data only); the second is printed for comparison with
    earlier runs, whose baseline left the change log out.
    """
    tables = [model.__table__.name for model in SYNCED_MODELS]
    with contextlib.closing(sqlite3.connect(source)) as src:
        rows = {
            table: src.execute(
                f"SELECT * FROM {table} WHERE id NOT IN "
                f"(SELECT id FROM {table} WHERE created_at = '2025-01-01 00:00:00.000000')"
            ).fetchall()
            for table in tables
        }
        columns = {t: len(src.execute(f"SELECT * FROM {t} LIMIT 0").description) for t in tables}
        # The ops the import received (the receiver's own ops were there before it).
        log_rows = src.execute(
            "SELECT * FROM change_log WHERE device_id != ?", (receiver_id,)
        ).fetchall()
        log_marks = ",".join("?" * len(src.execute("SELECT * FROM change_log LIMIT 0").description))
    timings = []
    for with_log in (True, False):
        target = empty.with_name(f"{empty.stem}-{int(with_log)}{empty.suffix}")
        shutil.copyfile(empty, target)
        with contextlib.closing(sqlite3.connect(target, isolation_level=None)) as dst:
            dst.execute("PRAGMA journal_mode = WAL")
            dst.execute("PRAGMA synchronous = FULL")
            dst.execute("PRAGMA foreign_keys = ON")
            # The same page cache the import gives itself: the ratio measures the work, not
            # a pragma the baseline was denied.
            dst.execute(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}")
            started = time.perf_counter()
            dst.execute("BEGIN")
            dst.execute("PRAGMA defer_foreign_keys = ON")
            for table in tables:
                marks = ",".join("?" * columns[table])
                dst.executemany(f"INSERT OR IGNORE INTO {table} VALUES ({marks})", rows[table])
            if with_log:
                dst.executemany(f"INSERT OR IGNORE INTO change_log VALUES ({log_marks})", log_rows)
            dst.execute("COMMIT")
            timings.append(time.perf_counter() - started)
    return timings[0], timings[1]


def _table_bytes(path: Path, names: list[str]) -> int | None:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        try:
            placeholders = ",".join("?" * len(names))
            return int(
                conn.execute(
                    f"SELECT SUM(pgsize) FROM dbstat WHERE name IN ({placeholders})",
                    names,
                ).fetchone()[0]
                or 0
            )
        except sqlite3.OperationalError:  # dbstat not compiled in
            return None


def _indexes(path: Path, table: str) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE tbl_name = ?", (table,))
        ]


def _dashboard_s(db: Database) -> float:
    """Return the time the dashboard's queries take (the best of three, caches warm)."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        with db.unit_of_work() as session:
            dashboard_summary(session, START + timedelta(days=VISITS // 20))
            recent_visits(session)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> dict[str, Any]:
    """Build, export, import, compare; print and return the figures."""
    with tempfile.TemporaryDirectory(prefix="ikmdesk-bench-sync-") as tmp:
        folder = Path(tmp)
        os.environ.setdefault("IKMDESK_DATA_DIR", str(folder / "data"))
        officer = _device(folder / "officer.db", "officer", "Petugas Uji")
        supervisor = _device(folder / "supervisor.db", "supervisor", "Kepala Seksi Uji")
        _introduce(folder, officer, supervisor)
        _template(officer[0])
        _template(supervisor[0])
        started = time.perf_counter()
        _fill(officer[0], officer[1].id)
        build_s = time.perf_counter() - started

        started = time.perf_counter()
        exported = export_package(officer[0], folder / "full.ikmsync", full=True)
        export_s = time.perf_counter() - started

        officer[0].close()
        supervisor[0].close()
        # In a child process of its own, so its peak RSS is the import's and not the build's.
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            import_s, applied, import_rss_kib, after_import_s = pool.apply(
                _import_in_child, (str(folder / "supervisor.db"), str(exported.path))
            )
        reopened = open_data_file(folder / "supervisor.db")
        after_reopen_s = _dashboard_s(reopened)
        reopened.close()

        empty_db = open_data_file(folder / "baseline.db", create=True)
        empty_db.close()
        baseline_s, data_only_s = _baseline(
            folder / "supervisor.db", folder / "baseline.db", supervisor[1].id
        )

        data_tables = [m.__table__.name for m in SYNCED_MODELS]
        data_names = [n for t in data_tables for n in _indexes(folder / "supervisor.db", t)]
        log_names = _indexes(folder / "supervisor.db", "change_log")
        data_bytes = _table_bytes(folder / "supervisor.db", data_names)
        log_bytes = _table_bytes(folder / "supervisor.db", log_names)

    ops = exported.ops
    figures: dict[str, Any] = {
        "visits": VISITS,
        "ops": ops,
        "build_s": round(build_s, 2),
        "package_bytes": None,
        "export_s": round(export_s, 2),
        "export_ops_per_s": round(ops / export_s),
        "import_s": round(import_s, 2),
        "import_ops_per_s": round(applied / import_s),
        "import_peak_rss_mib": round(import_rss_kib / 1024),
        "baseline_executemany_s": round(baseline_s, 3),
        "import_vs_baseline": round(import_s / baseline_s, 1),
        "baseline_data_only_s": round(data_only_s, 3),
        "import_vs_data_only": round(import_s / data_only_s, 1),
        "dashboard_after_import_s": round(after_import_s, 3),
        "dashboard_after_reopen_s": round(after_reopen_s, 3),
        "dashboard_import_vs_reopen": round(after_import_s / after_reopen_s, 2),
        "change_log_bytes": log_bytes,
        "data_bytes": data_bytes,
        "change_log_vs_data": round(log_bytes / data_bytes, 2)
        if log_bytes and data_bytes
        else None,
    }
    print(f"sync bench: {VISITS} visits, {ops} ops (built in {build_s:.1f} s)")
    print(f"  full export (x25519): {export_s:.2f} s, {figures['export_ops_per_s']} ops/s")
    print(
        f"  import into empty device: {import_s:.2f} s, {figures['import_ops_per_s']} ops/s, "
        f"peak RSS {figures['import_peak_rss_mib']} MiB"
    )
    print(f"  plain sqlite3 executemany of the same rows (data + log): {baseline_s:.3f} s")
    print(f"  ratio import / baseline: {figures['import_vs_baseline']} (aim: < 5)")
    print(
        f"  (data rows only, no change log: {data_only_s:.3f} s, "
        f"ratio {figures['import_vs_data_only']})"
    )
    print(
        f"  dashboard right after the import: {after_import_s:.3f} s, after reopening: "
        f"{after_reopen_s:.3f} s (ratio {figures['dashboard_import_vs_reopen']}, aim: <= 1.5)"
    )
    if log_bytes and data_bytes:
        print(
            f"  change log {log_bytes / 1e6:.1f} MB vs data {data_bytes / 1e6:.1f} MB "
            f"({figures['change_log_vs_data']}x)"
        )
    _record(figures)
    return figures


def _import_in_child(db_path: str, package: str) -> tuple[float, int, int, float]:
    """Import ``package`` into ``db_path``; return seconds, ops applied, peak RSS (KiB) and
    the dashboard's time right after it."""
    db = open_data_file(Path(db_path))
    try:
        started = time.perf_counter()
        imported = import_package(db, Path(package))
        seconds = time.perf_counter() - started
        dashboard_s = _dashboard_s(db)
    finally:
        db.close()
    return (
        seconds,
        imported.applied,
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        dashboard_s,
    )


def _record(figures: dict[str, Any]) -> None:
    rss = {"import_peak_rss_mib": figures["import_peak_rss_mib"]}
    record(
        "sync",
        "sync import of a 20,000-visit package vs sqlite3 executemany (data + change log)",
        figures["import_vs_baseline"],
        import_s=figures["import_s"],
        baseline_s=figures["baseline_executemany_s"],
        **rss,
    )
    record(
        "sync",
        "the same vs the data rows alone",
        figures["import_vs_data_only"],
        import_s=figures["import_s"],
        baseline_s=figures["baseline_data_only_s"],
    )
    if figures["change_log_vs_data"] is not None:
        record(
            "sync",
            "change log size vs data size",
            figures["change_log_vs_data"],
            change_log_bytes=figures["change_log_bytes"],
            data_bytes=figures["data_bytes"],
        )
    record(
        "sync",
        "dashboard right after the import vs after reopening",
        figures["dashboard_import_vs_reopen"],
        after_import_s=figures["dashboard_after_import_s"],
        after_reopen_s=figures["dashboard_after_reopen_s"],
    )


if __name__ == "__main__":
    main()
