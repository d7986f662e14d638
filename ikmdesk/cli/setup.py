"""``ikmdesk init``: make a new database and give it this device's identity."""

from __future__ import annotations

import argparse
from typing import Any

from ikmdesk.cli import add_db_argument, add_json_argument, print_json
from ikmdesk.models.enums import DeviceRole
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.device import create_identity
from ikmdesk.services.status_label import device_role_label


def register(subparsers: Any) -> None:
    """Add the ``init`` command."""
    parser = subparsers.add_parser(
        "init",
        help="siapkan basis data dan identitas perangkat ini",
        description="Buat basis data (bila belum ada) dan identitas perangkat: peran, nama "
        "petugas, NIP, dan pasangan kunci untuk menandatangani berkas sinkronisasi.",
    )
    add_db_argument(parser)
    parser.add_argument(
        "--role", required=True, choices=[r.value for r in DeviceRole], help="peran perangkat"
    )
    parser.add_argument("--name", required=True, help="nama petugas")
    parser.add_argument("--nip", help="NIP petugas (18 angka)")
    add_json_argument(parser)
    parser.set_defaults(func=run_init)


def run_init(args: argparse.Namespace) -> int:
    """Create the identity; a database that already has one is refused (exit 1)."""
    db = open_data_file(args.db, create=True)
    try:
        with db.unit_of_work() as session:
            device = create_identity(session, role=args.role, officer_name=args.name, nip=args.nip)
    finally:
        db.close()
    if args.json:
        print_json(
            {
                "database": str(db.path),
                "device_id": device.id,
                "role": device.role.value,
                "fingerprint": device.fingerprint,
            }
        )
    else:
        # The officer's name is not echoed: the caller typed it, and output may end up in logs.
        print(f"Perangkat disiapkan sebagai {device_role_label(device.role.value)}: {db.path}")
        print(f"Id perangkat: {device.id}")
        print(f"Sidik jari kunci: {device.fingerprint}")
    return 0
