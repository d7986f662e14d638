"""``ikmdesk review approve|return``: the supervisor's review of a submitted visit, headless.

The same services the visit editor's Setujui / Kembalikan buttons call: approving gives the
visit its report number and freezes the report; returning needs a note for the officer.
"""

from __future__ import annotations

import argparse
from typing import Any

from ikmdesk.cli import add_db_argument, add_json_argument, print_json
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.report_number import visit_report_number
from ikmdesk.services.visit_review import ReviewState, approve_visit, return_visit


def register(subparsers: Any) -> None:
    """Add the ``review`` command group."""
    parser = subparsers.add_parser(
        "review",
        help="setujui atau kembalikan laporan kunjungan (penyelia)",
        description="Tinjauan laporan kunjungan oleh penyelia.",
    )
    commands = parser.add_subparsers(dest="review_command", metavar="SUBCOMMAND", required=True)

    approve = commands.add_parser("approve", help="setujui kunjungan yang sudah dikirim")
    add_db_argument(approve)
    approve.add_argument("--visit", required=True, help="id kunjungan")
    approve.add_argument("--note", default=None, help="catatan penyelia (boleh kosong)")
    add_json_argument(approve)
    approve.set_defaults(func=run_approve)

    back = commands.add_parser("return", help="kembalikan kunjungan ke petugas dengan catatan")
    add_db_argument(back)
    back.add_argument("--visit", required=True, help="id kunjungan")
    back.add_argument("--note", required=True, help="apa yang harus diperbaiki petugas")
    add_json_argument(back)
    back.set_defaults(func=run_return)


def run_approve(args: argparse.Namespace) -> int:
    """Approve one submitted visit; prints its report number."""
    db = open_data_file(args.db)
    try:
        with db.unit_of_work() as session:
            state = approve_visit(session, args.visit, comment=args.note)
            number = visit_report_number(session, args.visit)
    finally:
        db.close()
    _print(args, state, number)
    return 0


def run_return(args: argparse.Namespace) -> int:
    """Return one submitted visit to its officer with the note."""
    db = open_data_file(args.db)
    try:
        with db.unit_of_work() as session:
            state = return_visit(session, args.visit, comment=args.note)
    finally:
        db.close()
    _print(args, state, None)
    return 0


def _print(args: argparse.Namespace, state: ReviewState, number: str | None) -> None:
    if args.json:
        print_json(
            {
                "visit_id": state.visit_id,
                "status": state.status.value,
                "revision": state.revision,
                "reviewed_at": state.reviewed_at.isoformat() if state.reviewed_at else None,
                "report_number": number,
                "comment": state.review_comment or None,
            }
        )
    elif number is not None:
        print(f"Disetujui: {state.visit_id}, nomor laporan {number}")
    else:
        print(f"Dikembalikan ke petugas: {state.visit_id}")
