"""``ikmdesk programme``: import the training history and list the IKMs at risk of stagnating."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from ikmdesk.cli import add_db_argument, add_json_argument, print_json
from ikmdesk.services.data_file import open_data_file


def register(subparsers: Any) -> None:
    """Add the ``programme`` command and its actions."""
    parser = subparsers.add_parser(
        "programme", help="program pendampingan: riwayat pelatihan, risiko stagnasi"
    )
    actions = parser.add_subparsers(dest="programme_action", metavar="AKSI", required=True)

    training = actions.add_parser("import-training", help="impor riwayat pelatihan IKM dari Excel")
    training.add_argument("--file", required=True, help="berkas .xlsx")
    add_db_argument(training)
    add_json_argument(training)
    training.set_defaults(func=_run_import)

    risk = actions.add_parser("stagnation", help="daftar IKM berisiko stagnasi, dengan alasannya")
    risk.add_argument(
        "--quiet-days", type=int, default=120, help="tanpa kunjungan lebih dari N hari (bawaan 120)"
    )
    risk.add_argument("--lang", choices=["id", "en"], default="id", help="bahasa alasan")
    add_db_argument(risk)
    add_json_argument(risk)
    risk.set_defaults(func=_run_stagnation)


def _run_import(args: argparse.Namespace) -> int:
    from ikmdesk.services.programme.training_import import import_training_history

    db = open_data_file(args.db)
    try:
        with db.unit_of_work() as session:
            result = import_training_history(session, Path(args.file))
    finally:
        db.close()
    if args.json:
        print_json({"added": result.added, "skipped": result.skipped})
    else:
        print(f"{result.added} riwayat pelatihan ditambahkan, {result.skipped} sudah ada")
    return 0


def _run_stagnation(args: argparse.Namespace) -> int:
    from ikmdesk.cli.listing import table
    from ikmdesk.services.programme.stagnation import stagnation_risks

    today = date.today()
    db = open_data_file(args.db, writable=False)
    try:
        with db.unit_of_work() as session:
            risks = stagnation_risks(session, on=today, quiet_days=args.quiet_days)
    finally:
        db.close()
    records = [
        {
            "id": r.enterprise_id,
            "name": r.name,
            "kecamatan": r.kecamatan,
            "progressed_by": list(r.progressed_by),
            "reasons": list(r.reasons),
            "reason_text": r.reason_text(args.lang, today),
            "last_visit": r.last_visit.isoformat() if r.last_visit else None,
        }
        for r in risks
    ]
    if args.json:
        print_json(records)
    else:
        print(
            table(records, [("name", "IKM"), ("kecamatan", "Kecamatan"), ("reason_text", "Alasan")])
        )
    return 0
