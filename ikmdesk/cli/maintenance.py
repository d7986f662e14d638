"""``ikmdesk check`` and ``ikmdesk backup``: look after a database file without writing to it.

Both open the file read-only and never take the writer lock, so they run while the window
or another command has the database open. On a server database (a PostgreSQL URL) ``check``
reports the schema and row counts, and ``backup`` refuses, pointing to ``pg_dump``.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, inspect, select, table

from ikmdesk import db as storage
from ikmdesk.cli import add_db_argument, add_json_argument, print_json
from ikmdesk.dialect import display_url, is_server_url
from ikmdesk.errors import (
    CONTEXT,
    MSG_DB_CORRUPT,
    QT_TRANSLATE_NOOP,
    DatabaseCorrupt,
    DatabaseInUse,
    ValidationError,
)
from ikmdesk.services.backup import (
    MSG_SERVER_BACKUP,
    backup_to_folder,
    refuse_server_database,
    secrets_notice,
)
from ikmdesk.services.data_file import open_data_file

MSG_BACKUP_OVER_SOURCE = QT_TRANSLATE_NOOP(
    CONTEXT, "Cadangan tidak boleh menimpa basis data itu sendiri: {path}"
)


def register(subparsers: Any) -> None:
    """Add the ``check`` and ``backup`` commands."""
    check = subparsers.add_parser(
        "check",
        help="periksa keutuhan basis data",
        description="Periksa keutuhan (integrity_check), kunci asing, versi skema dan jumlah "
        "baris per tabel, tanpa mengubah berkas. Keluar dengan kode 1 bila ada masalah.",
    )
    add_db_argument(check)
    add_json_argument(check)
    check.set_defaults(func=run_check)
    backup = subparsers.add_parser(
        "backup",
        help="salin basis data dengan aman",
        description="Buat salinan utuh basis data dengan API backup SQLite, juga saat "
        "aplikasi sedang memakainya. Bila --out sebuah folder, salinan diberi nama bertanggal.",
    )
    add_db_argument(backup)
    backup.add_argument("--out", required=True, metavar="FILE", help="berkas atau folder tujuan")
    add_json_argument(backup)
    backup.set_defaults(func=run_backup)


def run_check(args: argparse.Namespace) -> int:
    """Print the check report; raise DatabaseCorrupt (exit 1) when a check finds problems."""
    report = server_check_report(args.db) if is_server_url(args.db) else check_report(Path(args.db))
    if args.json:
        print_json(report)
    else:
        print(_check_text(report))
    if report["problems"]:
        raise DatabaseCorrupt(MSG_DB_CORRUPT, path=report["database"], detail=report["problems"][0])
    return 0


def check_report(path: Path) -> dict[str, Any]:
    """Return integrity problems, schema revision against this app's, and rows per table."""
    db = open_data_file(path, writable=False)  # refuses missing, foreign and too-new files
    try:
        problems = storage.check_file(db.path)
        revision = storage.current_revision(db.engine)
        counts = _row_counts(db.engine)
    finally:
        db.close()
    head = storage.schema_head()
    return {
        "database": str(db.path),
        "ok": not problems,
        "problems": problems,
        "schema": {"revision": revision, "head": head, "current": revision == head},
        "counts": counts,
        "leftovers_removed": [str(p) for p in _remove_leftovers(db.path)],
    }


def server_check_report(url: str) -> dict[str, Any]:
    """Return the schema revision and rows per table of a server database.

    The file checks (SQLite's integrity_check, leftover temporary files) have no server
    counterpart here: the server looks after its own pages (``pg_amcheck`` on the server).
    """
    db = open_data_file(url, writable=False)  # refuses unreachable, foreign and too-new ones
    try:
        revision = storage.current_revision(db.engine)
        counts = _row_counts(db.engine)
    finally:
        db.close()
    head = storage.schema_head()
    return {
        "database": display_url(url),
        "ok": True,
        "problems": [],
        "integrity": "server",
        "schema": {"revision": revision, "head": head, "current": revision == head},
        "counts": counts,
        "leftovers_removed": [],
    }


def _remove_leftovers(path: Path) -> list[Path]:
    """Remove temporary files a killed backup or restore left, unless a writer is running.

    A running window or command holds the writer lock and may be writing such a file right
    now; then they are left for its next start, which removes them under the same lock.
    """
    try:
        with storage.writer_lock(path):
            return storage.remove_leftovers(path)
    except DatabaseInUse:
        return []


def _row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        names = sorted(inspect(connection).get_table_names())
        return {
            name: int(connection.scalar(select(func.count()).select_from(table(name))) or 0)
            for name in names
        }


def _check_text(report: dict[str, Any]) -> str:
    schema = report["schema"]
    lines = [f"Basis data: {report['database']}"]
    if report.get("integrity") == "server":
        lines.append("Keutuhan: dijaga server PostgreSQL (periksa di server dengan pg_amcheck)")
    elif report["problems"]:
        lines.append(f"Keutuhan: {len(report['problems'])} masalah")
        lines += [f"  {problem}" for problem in report["problems"]]
    else:
        lines.append("Keutuhan: baik")
    if schema["current"]:
        lines.append(f"Skema: {schema['revision']} (terbaru)")
    else:
        lines.append(
            f"Skema: {schema['revision']}; aplikasi ini memakai {schema['head']} "
            "(diperbarui saat dibuka untuk menulis)"
        )
    if report["leftovers_removed"]:
        lines.append(f"Berkas sementara sisa yang dihapus: {len(report['leftovers_removed'])}")
    lines.append("Jumlah baris:")
    width = max((len(name) for name in report["counts"]), default=0)
    lines += [f"  {name.ljust(width)}  {count:>9}" for name, count in report["counts"].items()]
    return "\n".join(lines)


def run_backup(args: argparse.Namespace) -> int:
    """Copy the database to ``--out`` (a file, or a folder that gets a dated file name)."""
    refuse_server_database(args.db, MSG_SERVER_BACKUP)
    source = Path(args.db).expanduser().resolve()
    db = open_data_file(source, writable=False)  # the same refusals as every other command
    db.close()
    out = Path(args.out).expanduser()
    if out.is_dir():
        target = backup_to_folder(source, out)  # also writes the note beside it
    else:
        target = out.resolve()
        if target == source:
            raise ValidationError("out", MSG_BACKUP_OVER_SOURCE, path=str(target))
        storage.backup_database(source, target)
    if args.json:
        print_json(
            {
                "database": str(source),
                "backup": str(target),
                "size_bytes": target.stat().st_size,
                "taken_at": datetime.now(UTC).isoformat(),
                "notice": secrets_notice(target),
            }
        )
    else:
        print(f"Cadangan dibuat: {target}")
        print(secrets_notice(target))
    return 0
