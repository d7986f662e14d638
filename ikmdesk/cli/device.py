"""``ikmdesk device``: this device, its key card, and the devices it trusts or has revoked."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ikmdesk.cli import add_db_argument, add_json_argument, print_json
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.device import this_device
from ikmdesk.services.status_label import device_role_label
from ikmdesk.services.sync_trust import (
    PeerInfo,
    export_key_card,
    read_key_card,
    revoke_peer,
    revoked_peers,
    trust_peer,
    trusted_peers,
)


def register(subparsers: Any) -> None:
    """Add the ``device`` command group."""
    parser = subparsers.add_parser(
        "device", help="identitas perangkat dan kartu kunci", description="Identitas perangkat."
    )
    commands = parser.add_subparsers(dest="device_command", metavar="SUBCOMMAND", required=True)

    show = commands.add_parser("show", help="tampilkan id, nama, peran dan sidik jari")
    add_db_argument(show)
    add_json_argument(show)
    show.set_defaults(func=run_show)

    export = commands.add_parser("export-key", help="tulis kartu kunci perangkat ini")
    add_db_argument(export)
    export.add_argument("--out", required=True, help="berkas kartu kunci (.json)")
    export.set_defaults(func=run_export_key)

    trust = commands.add_parser("trust", help="percayai perangkat lain dari kartu kuncinya")
    add_db_argument(trust)
    trust.add_argument("file", help="berkas kartu kunci perangkat lain")
    add_json_argument(trust)
    trust.set_defaults(func=run_trust)

    peers = commands.add_parser("peers", help="perangkat yang dipercaya dan yang dicabut")
    add_db_argument(peers)
    add_json_argument(peers)
    peers.set_defaults(func=run_peers)

    revoke = commands.add_parser(
        "revoke", help="cabut kepercayaan pada kunci perangkat (laptop hilang atau dicuri)"
    )
    add_db_argument(revoke)
    revoke.add_argument("--device", required=True, metavar="DEVICE_ID", help="id perangkat")
    add_json_argument(revoke)
    revoke.set_defaults(func=run_revoke)


def run_show(args: argparse.Namespace) -> int:
    """Print this device's id, officer, role and key fingerprint."""
    db = open_data_file(args.db, writable=False)
    try:
        with db.unit_of_work() as session:
            device = this_device(session)
    finally:
        db.close()
    if args.json:
        print_json(
            {
                "device_id": device.id,
                "name": device.officer_name,
                "role": device.role.value,
                "fingerprint": device.fingerprint,
            }
        )
    else:
        print(f"Id perangkat: {device.id}")
        print(f"Petugas: {device.officer_name}")
        print(f"Peran: {device_role_label(device.role.value)}")
        print(f"Sidik jari kunci: {device.fingerprint}")
    return 0


def run_export_key(args: argparse.Namespace) -> int:
    """Write the key card another device trusts this one by."""
    db = open_data_file(args.db, writable=False)
    try:
        with db.unit_of_work() as session:
            card = export_key_card(session, Path(args.out))
    finally:
        db.close()
    print(f"Kartu kunci ditulis ke {args.out}")
    print(f"Sidik jari kunci: {card.fingerprint}")
    return 0


def run_trust(args: argparse.Namespace) -> int:
    """Trust the device on a key card; prints whom, so the fingerprint can be compared."""
    card = read_key_card(Path(args.file))
    db = open_data_file(args.db)
    try:
        with db.unit_of_work() as session:
            peer = trust_peer(session, card, source_name=Path(args.file).name)
    finally:
        db.close()
    if args.json:
        print_json(
            {
                "device_id": peer.device_id,
                "name": peer.officer_name,
                "role": peer.role,
                "fingerprint": peer.fingerprint,
            }
        )
    else:
        print(f"Dipercaya: {peer.officer_name} ({device_role_label(peer.role)})")
        print(f"Id perangkat: {peer.device_id}")
        print(f"Sidik jari kunci: {peer.fingerprint}")
        print("Cocokkan sidik jari ini dengan yang tampil di perangkat pemiliknya.")
    return 0


def run_peers(args: argparse.Namespace) -> int:
    """List the trusted devices, then the revoked ones, each with its fingerprint."""
    db = open_data_file(args.db, writable=False)
    try:
        with db.unit_of_work() as session:
            peers = trusted_peers(session) + revoked_peers(session)
    finally:
        db.close()
    if args.json:
        for peer in peers:
            print_json(_peer_json(peer))
        return 0
    for peer in peers:
        state = f"dicabut {peer.revoked_at:%d-%m-%Y}" if peer.revoked_at else "dipercaya"
        print(
            f"{peer.device_id}  {peer.officer_name} ({device_role_label(peer.role)})  "
            f"{peer.fingerprint}  {state}"
        )
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    """Withdraw trust in a device's key; its later packages are refused."""
    db = open_data_file(args.db)
    try:
        with db.unit_of_work() as session:
            peer = revoke_peer(session, args.device)
    finally:
        db.close()
    if args.json:
        print_json(_peer_json(peer))
    else:
        print(
            f"Kunci dicabut: {peer.officer_name} ({device_role_label(peer.role)}), "
            f"sidik jari {peer.fingerprint}"
        )
        print("Paket yang ditandatangani kunci ini akan ditolak mulai sekarang.")
    return 0


def _peer_json(peer: PeerInfo) -> dict[str, object]:
    return {
        "device_id": peer.device_id,
        "name": peer.officer_name,
        "role": peer.role,
        "fingerprint": peer.fingerprint,
        "revoked_at": peer.revoked_at.isoformat() if peer.revoked_at else None,
    }
