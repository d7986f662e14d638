"""Office data commands: ``import registry``, ``export``, ``backups`` and ``restore``.

``import registry`` writes (it takes the writer lock and backs the database up first);
``export`` and ``backups`` only read, so they run while the window is open; ``restore``
needs the database closed everywhere. NIK is never printed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from ikmdesk.cli import add_db_argument, add_json_argument, print_json
from ikmdesk.cli.listing import add_filter_arguments
from ikmdesk.services import office_export
from ikmdesk.services.backup import (
    MSG_AFTER_RESTORE,
    MSG_SERVER_BACKUP,
    MSG_SERVER_RESTORE,
    REASON_IMPORT,
    backup_now,
    list_backups,
    refuse_server_database,
    restore,
)
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.enterprise import EnterpriseFilter
from ikmdesk.services.follow_up import FollowUpFilter
from ikmdesk.services.registry_import import (
    ACTION_CREATE,
    ACTION_SKIP,
    ACTION_UPDATE,
    ImportPreview,
    apply_import,
    load_mapping,
    preview_import,
    propose_mapping,
    read_table,
)
from ikmdesk.services.visit import VisitFilter

Exporter = Callable[..., office_export.ExportResult]

_EXPORTS: dict[str, tuple[Exporter, str]] = {
    "enterprises": (office_export.export_enterprises, "enterprise"),
    "visits": (office_export.export_visits, "visit"),
    "checks": (office_export.export_checks, "visit"),
    "followups": (office_export.export_follow_ups, "follow_up"),
    "siinas": (office_export.export_siinas, "enterprise"),
}
"""Export kind -> (service function, which filter it takes)."""


def register(subparsers: Any) -> None:
    """Add the ``import``, ``export``, ``backups`` and ``restore`` commands."""
    _register_import(subparsers)
    _register_export(subparsers)
    backups = subparsers.add_parser(
        "backups",
        help="daftar cadangan otomatis",
        description="Tampilkan cadangan otomatis basis data (terbaru dulu), tanpa mengubahnya.",
    )
    add_db_argument(backups)
    add_json_argument(backups)
    backups.set_defaults(func=run_backups)
    restore_parser = subparsers.add_parser(
        "restore",
        help="pulihkan basis data dari cadangan",
        description="Periksa berkas cadangan, simpan basis data sekarang sebagai cadangan, "
        "lalu ganti dengan cadangan itu. Tutup dulu jendela IKMDesk yang memakai basis data.",
    )
    add_db_argument(restore_parser)
    restore_parser.add_argument(
        "--from", dest="source", required=True, metavar="FILE", help="berkas cadangan"
    )
    add_json_argument(restore_parser)
    restore_parser.set_defaults(func=run_restore)


def _register_import(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help="impor data kantor (daftar IKM dari Excel/CSV)",
        description="Impor data yang kantor simpan di lembar kerja.",
    )
    kinds = parser.add_subparsers(dest="import_kind", metavar="KIND", required=True)
    registry = kinds.add_parser(
        "registry",
        help="daftar IKM dari .xlsx atau .csv",
        description="Baca daftar IKM, kenali kolomnya, tampilkan rencana per baris (buat, "
        "perbarui, lewati) lalu simpan. Basis data dicadangkan dulu. Impor ulang berkas yang "
        "sama tidak membuat IKM ganda.",
    )
    add_db_argument(registry)
    registry.add_argument("file", metavar="FILE", help="berkas .xlsx atau .csv")
    registry.add_argument("--sheet", metavar="S", help="nama lembar (bawaan: lembar pertama)")
    registry.add_argument(
        "--mapping", metavar="FILE.json", help="pemetaan kolom tersimpan {bidang: nomor kolom}"
    )
    registry.add_argument(
        "--dry-run", action="store_true", help="hanya tampilkan rencana, jangan simpan"
    )
    add_json_argument(registry)
    registry.set_defaults(func=run_import_registry)


def _register_export(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="ekspor ke Excel (.xlsx) atau CSV",
        description="Ekspor daftar IKM, kunjungan, hasil pemeriksaan mutu, tindak lanjut, "
        "atau lembar berorientasi SIINas/KBLI. NIK tidak ikut kecuali --include-personal.",
    )
    parser.add_argument("kind", choices=sorted(_EXPORTS), help="apa yang diekspor")
    add_db_argument(parser)
    parser.add_argument("--out", required=True, metavar="FILE", help="berkas .xlsx atau .csv")
    add_filter_arguments(parser, text_help="cari teks")
    parser.add_argument(
        "--from", dest="date_from", type=date.fromisoformat, metavar="YYYY-MM-DD",
        help="kunjungan sejak tanggal ini",
    )  # fmt: skip
    parser.add_argument(
        "--to", dest="date_to", type=date.fromisoformat, metavar="YYYY-MM-DD",
        help="kunjungan sampai tanggal ini",
    )  # fmt: skip
    parser.add_argument(
        "--include-personal",
        action="store_true",
        help="sertakan NIK (data pribadi; hanya untuk daftar IKM)",
    )
    add_json_argument(parser)
    parser.set_defaults(func=run_export)


def _rows_read_progress() -> Callable[[int], None] | None:
    """Return a progress line on a terminal's stderr while a large sheet is read (else None)."""
    if not sys.stderr.isatty():
        return None
    return lambda rows: print(f"\rMembaca baris {rows}...", end="", file=sys.stderr, flush=True)


def run_import_registry(args: argparse.Namespace) -> int:
    """Plan the import, print the plan, and unless ``--dry-run`` back up and apply it."""
    table = read_table(Path(args.file), sheet=args.sheet, progress=_rows_read_progress())
    mapping = load_mapping(Path(args.mapping)) if args.mapping else propose_mapping(table.headers)
    db = open_data_file(args.db)
    try:
        with db.unit_of_work() as session:
            preview = preview_import(session, table, mapping)
        report: dict[str, Any] = {
            "file": str(args.file),
            "sheet": table.sheet,
            "header_row": table.header_row,
            "mapping": {name: table.headers[col] for name, col in mapping.items()
                        if col < len(table.headers)},
            "dry_run": bool(args.dry_run),
            "planned": _counts(preview),
            "rows": [_row_report(plan) for plan in preview.rows],
        }  # fmt: skip
        if not args.dry_run and (preview.count(ACTION_CREATE) or preview.count(ACTION_UPDATE)):
            if db.is_file:  # a server database is backed up by the server (pg_dump)
                report["backup"] = str(backup_now(db.path, reason=REASON_IMPORT))
            with db.unit_of_work() as session:
                result = apply_import(session, preview)
            report["result"] = {
                "created": result.created,
                "updated": result.updated,
                "skipped": result.skipped,
                "products_created": result.products_created,
                "desa_added": result.desa_added,
                "failed": [{"row": row, "message": msg} for row, msg in result.failed],
            }
    finally:
        db.close()
    if args.json:
        print_json(report)
    else:
        print(_import_text(report))
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write the chosen export with the list filters given."""
    export, filter_kind = _EXPORTS[args.kind]
    options: dict[str, Any] = {}
    if args.include_personal and args.kind == "enterprises":
        options["include_personal"] = True
    db = open_data_file(args.db, writable=False)
    try:
        with db.unit_of_work() as session:
            result = export(session, Path(args.out), _filter(filter_kind, args), **options)
    finally:
        db.close()
    if args.json:
        print_json({"kind": args.kind, "path": str(result.path), "rows": result.rows})
    else:
        print(f"{result.rows} baris ditulis ke {result.path}")
    return 0


def run_backups(args: argparse.Namespace) -> int:
    """List the automatic backups, newest first."""
    refuse_server_database(args.db, MSG_SERVER_BACKUP)
    backups = list_backups(Path(args.db).expanduser().resolve())
    records: list[dict[str, Any]] = [
        {
            "path": str(b.path),
            "taken_at": b.taken_at.isoformat(),
            "reason": b.reason,
            "size_bytes": b.size_bytes,
        }
        for b in backups
    ]
    if args.json:
        print_json(records)
    elif not records:
        print("Belum ada cadangan.")
    else:
        for record in records:
            size_kb = max(1, record["size_bytes"] // 1024)
            print(f"{record['taken_at']}  {record['reason']:<12} {size_kb:>8} KB  {record['path']}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Restore the database from a backup file after checking it."""
    refuse_server_database(args.db, MSG_SERVER_RESTORE)
    result = restore(Path(args.db), Path(args.source))
    record = {
        "restored_from": str(result.restored_from),
        "previous_backup": None if result.previous_backup is None else str(result.previous_backup),
        "previous_damaged": result.previous_damaged,
        "schema_revision": result.schema_revision,
        "next_step": MSG_AFTER_RESTORE,
    }
    if args.json:
        print_json(record)
    else:
        print(f"Basis data dipulihkan dari {result.restored_from}.")
        if result.previous_backup is not None:
            print(f"Basis data sebelumnya disimpan di {result.previous_backup}.")
        print(MSG_AFTER_RESTORE)
    return 0


def _filter(kind: str, args: argparse.Namespace) -> Any:
    common = {"text": args.text, "cluster": args.cluster, "kecamatan": args.kecamatan}
    if kind == "visit":
        return VisitFilter(
            **common, status=args.status, date_from=args.date_from, date_to=args.date_to
        )
    if kind == "follow_up":
        return FollowUpFilter(**common, state=args.status)
    return EnterpriseFilter(
        **common, status=args.status, date_from=args.date_from, date_to=args.date_to
    )


def _counts(preview: ImportPreview) -> dict[str, int]:
    return {action: preview.count(action) for action in (ACTION_CREATE, ACTION_UPDATE, ACTION_SKIP)}


def _row_report(plan: Any) -> dict[str, Any]:
    return {"row": plan.row_number, "action": plan.action, "name": plan.name,
            "reasons": plan.reasons()}  # fmt: skip


_ACTION_WORDS = {ACTION_CREATE: "buat", ACTION_UPDATE: "perbarui", ACTION_SKIP: "lewati"}


def _import_text(report: dict[str, Any]) -> str:
    planned = report["planned"]
    lines = [
        f"Lembar {report['sheet'] or '-'}, judul kolom di baris {report['header_row']}.",
        f"Rencana: {planned[ACTION_CREATE]} buat, {planned[ACTION_UPDATE]} perbarui, "
        f"{planned[ACTION_SKIP]} lewati.",
    ]
    for row in report["rows"]:
        if row["reasons"]:
            word = _ACTION_WORDS[row["action"]]
            for reason in row["reasons"]:
                lines.append(f"  baris {row['row']} ({word}): {reason}")
    result = report.get("result")
    if result is not None:
        lines.append(
            f"Tersimpan: {result['created']} IKM baru, {result['updated']} diperbarui, "
            f"{result['products_created']} produk baru, {result['desa_added']} desa baru."
        )
        for failure in result["failed"]:
            lines.append(f"  baris {failure['row']} gagal: {failure['message']}")
        lines.append(f"Cadangan sebelum impor: {report['backup']}")
    elif report["dry_run"]:
        lines.append("Uji coba (--dry-run): tidak ada yang disimpan.")
    return "\n".join(lines)
