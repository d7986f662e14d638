"""``ikmdesk sync``: export a package, import packages, and show the sync status."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ikmdesk.cli import EXIT_OK, EXIT_USER_ERROR, add_db_argument, add_json_argument, print_json
from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, UserError
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.status_label import device_role_label
from ikmdesk.services.sync_review import confirmed_changes, missing_changes
from ikmdesk.services.sync_service import (
    check_new_passphrase,
    export_package,
    import_package,
    sync_status,
)

MSG_PASSPHRASE_FILE = QT_TRANSLATE_NOOP(
    CONTEXT, "Berkas kata sandi {path} tidak dapat dibaca: {detail}"
)
WARN_PLAIN = (
    "PERINGATAN: paket ini TIDAK dienkripsi. Isinya (NIK, nomor telepon) terbaca oleh siapa pun "
    "yang memegang flashdisk."
)


def register(subparsers: Any) -> None:
    """Add the ``sync`` command group."""
    parser = subparsers.add_parser(
        "sync", help="berkas sinkronisasi (.ikmsync)", description="Sinkronisasi lewat berkas."
    )
    commands = parser.add_subparsers(dest="sync_command", metavar="SUBCOMMAND", required=True)

    export = commands.add_parser("export", help="tulis paket untuk perangkat lain")
    add_db_argument(export)
    export.add_argument("--out", required=True, help="berkas paket yang ditulis (.ikmsync)")
    export.add_argument("--to", metavar="DEVICE_ID", help="id perangkat penerima (dipercaya)")
    export.add_argument(
        "--full", action="store_true", help="semua perubahan (untuk penerima baru/tak dikenal)"
    )
    protect = export.add_mutually_exclusive_group()
    protect.add_argument("--passphrase-file", help="kunci paket dengan kata sandi dari berkas ini")
    protect.add_argument("--plain", action="store_true", help="tanpa enkripsi (tidak disarankan)")
    add_json_argument(export)
    export.set_defaults(func=run_export)

    imp = commands.add_parser("import", help="impor satu atau beberapa paket")
    add_db_argument(imp)
    imp.add_argument("files", nargs="+", metavar="FILE", help="berkas paket")
    imp.add_argument(
        "--trust", action="store_true", help="percayai pengirim yang belum dikenal (cek sidik jari)"
    )
    imp.add_argument("--passphrase-file", help="kata sandi untuk paket yang dikunci kata sandi")
    add_json_argument(imp)
    imp.set_defaults(func=run_import)

    status = commands.add_parser("status", help="vektor, rekan, perubahan tertunda, konflik")
    add_db_argument(status)
    add_json_argument(status)
    status.set_defaults(func=run_status)


def read_passphrase(path: str | None) -> str | None:
    """Return the passphrase in a file (first line, without its line end)."""
    if path is None:
        return None
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(MSG_PASSPHRASE_FILE, path=path, detail=str(exc)[:120]) from exc
    lines = text.splitlines()
    return lines[0] if lines else ""


def run_export(args: argparse.Namespace) -> int:
    """Write a package; prints the counts (and a warning for an unencrypted one)."""
    passphrase = read_passphrase(args.passphrase_file)
    if passphrase is not None:
        check_new_passphrase(passphrase)  # before the database is opened or anything written
    db = open_data_file(args.db)
    try:
        result = export_package(
            db,
            Path(args.out),
            to=args.to,
            full=args.full,
            passphrase=passphrase,
            plain=args.plain,
        )
    finally:
        db.close()
    if result.encryption == "none":
        print(WARN_PLAIN, file=sys.stderr)
    if args.json:
        print_json(
            {
                "file": str(result.path),
                "package_id": result.package_id,
                "ops": result.ops,
                "attachments": result.attachments,
                "encryption": result.encryption,
                "recipient": result.recipient_id,
                "full": result.full,
            }
        )
    else:
        print(
            f"Paket ditulis: {result.path} ({result.ops} perubahan, {result.attachments} lampiran, "
            f"enkripsi: {result.encryption})"
        )
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Import each file in turn; a refused file prints its reason and makes the exit code 1."""
    passphrase = read_passphrase(args.passphrase_file)
    db = open_data_file(args.db)
    code = EXIT_OK
    try:
        for name in args.files:
            try:
                result = import_package(db, Path(name), trust=args.trust, passphrase=passphrase)
            except UserError as exc:
                print(f"ikmdesk: {exc.message()}", file=sys.stderr)
                if args.json:
                    print_json(
                        {
                            "file": Path(name).name,
                            "refused": exc.message(),
                            "applied": 0,
                            "already_known": 0,
                            "conflicts": 0,
                            "attachments": 0,
                        }
                    )
                code = EXIT_USER_ERROR
                continue
            if args.json:
                print_json(result.as_json())
            elif result.already_imported:
                print(f"{result.file_name}: sudah pernah diimpor; tidak ada yang berubah.")
            else:
                print(
                    f"{result.file_name}: {result.applied} perubahan baru, "
                    f"{result.already_known} sudah ada, {result.conflicts} konflik, "
                    f"{result.attachments} lampiran."
                    + (
                        f" {result.held} catatan menunggu data yang ditautkannya dari paket lain."
                        if result.held
                        else ""
                    )
                )
            for device_id, ahead in result.clock_ahead_ms.items():
                print(
                    f"PERINGATAN: jam perangkat {device_id} lebih cepat {_days(ahead)} hari dari "
                    "jam perangkat ini.",
                    file=sys.stderr,
                )
            if result.own_clock_ahead_ms:
                print(
                    f"PERINGATAN: jam perangkat ini tercatat lebih cepat "
                    f"{_days(result.own_clock_ahead_ms)} hari; periksa tanggal dan jam.",
                    file=sys.stderr,
                )
    finally:
        db.close()
    return code


def run_status(args: argparse.Namespace) -> int:
    """Print the vector, peers with pending changes, open conflicts and clock warnings."""
    db = open_data_file(args.db, writable=False)
    try:
        with db.unit_of_work() as session:
            status = sync_status(session)
            receipts = confirmed_changes(session)
            gaps = missing_changes(session)
    finally:
        db.close()
    if args.json:
        data = status.as_json()
        data["confirmed"] = [
            {
                "peer": r.peer_id,
                "confirmed_through": r.confirmed_through,
                "unconfirmed": r.unconfirmed,
            }
            for r in receipts
        ]
        data["missing"] = [
            {"device_id": g.device_id, "missing": g.missing, "ranges": g.missing_ranges}
            for g in gaps
        ]
        print_json(data)
        return 0
    role = device_role_label(status.role)
    print(f"Perangkat: {status.device_id} ({role}), {status.total_ops} perubahan tersimpan")
    for origin, counter in sorted(status.vector.items()):
        print(f"  memegang {origin}: 1..{counter}")
    for peer in status.peers:
        print(
            f"Rekan {peer.device_id} ({device_role_label(peer.role)}): "
            f"{peer.pending_ops} perubahan belum dikirim"
        )
    for receipt in receipts:
        print(
            f"Dikonfirmasi oleh {receipt.peer_id}: "
            f"{receipt.confirmed_through}/{receipt.own_changes}"
        )
    for gap in gaps:
        print(f"Belum diterima dari {gap.device_id}: {gap.missing} perubahan")
    print(f"Konflik terbuka: {status.open_conflicts}")
    if status.held_records:
        print(f"Menunggu data yang ditautkannya: {status.held_records} catatan")
    for device_id, ahead in status.clock_warnings.items():
        print(f"PERINGATAN: jam perangkat {device_id} lebih cepat {_days(ahead)} hari")
    return 0


def _days(ms: int) -> str:
    return f"{ms / 86_400_000:.1f}"
