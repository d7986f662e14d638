"""``ikmdesk list``: print IKMs, visits or follow-ups as an aligned table or as JSON.

Read-only: the database is opened without the writer lock, so a list works while the window
is open. NIK never appears in the output.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ikmdesk.cli import _programme_lists, add_db_argument, add_json_argument, print_json
from ikmdesk.services import enterprise as enterprise_service
from ikmdesk.services import follow_up as follow_up_service
from ikmdesk.services import visit as visit_service
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.listing import MAX_LIMIT

DEFAULT_LIMIT = 200

Column = tuple[str, str]
"""(key of the JSON object, table heading)."""


def register(subparsers: Any) -> None:
    """Add the ``list`` command."""
    parser = subparsers.add_parser(
        "list",
        help="tampilkan daftar IKM, kunjungan atau tindak lanjut",
        description="Tampilkan daftar dari basis data tanpa mengubahnya (boleh saat jendela "
        "IKMDesk terbuka).",
    )
    parser.add_argument("kind", choices=sorted(_KINDS), help="apa yang didaftar")
    add_db_argument(parser)
    add_json_argument(parser)
    add_filter_arguments(parser, text_help="cari teks (nama, dsb.)")
    parser.add_argument("--sort", metavar="KEY", help="urutkan menurut kolom ini")
    parser.add_argument("--descending", action="store_true", help="urutan menurun")
    parser.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"paling banyak N baris (bawaan {DEFAULT_LIMIT}, maksimum {MAX_LIMIT})",
    )
    parser.set_defaults(func=run_list)


def add_filter_arguments(parser: argparse.ArgumentParser, *, text_help: str) -> None:
    """Add the list filters ``--text``, ``--cluster``, ``--kecamatan`` and ``--status``."""
    parser.add_argument("--text", default="", metavar="T", help=text_help)
    parser.add_argument("--cluster", metavar="C", help="klaster: kode, id atau nama")
    parser.add_argument("--kecamatan", metavar="K", help="kecamatan: nama, kode atau id")
    parser.add_argument(
        "--status",
        metavar="S",
        help="IKM: active/inactive/closed; kunjungan: draft/submitted/returned/approved; "
        "tindak lanjut: open/due/overdue/done",
    )


def run_list(args: argparse.Namespace) -> int:
    """Print one page of the chosen list."""
    fetch, columns = _KINDS[args.kind]
    db = open_data_file(args.db, writable=False)
    try:
        with db.unit_of_work() as session:
            records = fetch(session, args)
    finally:
        db.close()
    if args.json:
        print_json(records)
    else:
        print(table(records, columns))
    return 0


def _enterprises(session: Session, args: argparse.Namespace) -> list[dict[str, Any]]:
    flt = enterprise_service.EnterpriseFilter(
        text=args.text, cluster=args.cluster, kecamatan=args.kecamatan, status=args.status
    )
    rows = enterprise_service.list_enterprises(
        session, flt, sort=args.sort or "name", descending=args.descending, limit=args.limit
    )
    return [
        {
            "id": r.id,
            "name": r.name,
            "owner_name": r.owner_name,
            "kecamatan": r.kecamatan,
            "desa": r.desa,
            "cluster": r.cluster_code,
            "cluster_name": r.cluster_name,
            "status": r.status,
            "phone": r.phone,
            "nib": r.nib,
            "last_visit": _iso(r.last_visit),
            "product_count": r.product_count,
        }
        for r in rows
    ]


def _visits(session: Session, args: argparse.Namespace) -> list[dict[str, Any]]:
    flt = visit_service.VisitFilter(
        text=args.text, cluster=args.cluster, kecamatan=args.kecamatan, status=args.status
    )
    descending = args.descending if args.sort else True  # newest first unless sorted otherwise
    rows = visit_service.list_visits(
        session, flt, sort=args.sort or "visit_date", descending=descending, limit=args.limit
    )
    return [
        {
            "id": r.id,
            "enterprise_id": r.enterprise_id,
            "enterprise_name": r.enterprise_name,
            "date": _iso(r.visit_date),
            "status": r.status,
            "purpose": r.purpose,
            "officer_name": r.officer_name,
            "cluster": r.cluster_code,
            "kecamatan": r.kecamatan,
        }
        for r in rows
    ]


def _follow_ups(session: Session, args: argparse.Namespace) -> list[dict[str, Any]]:
    flt = follow_up_service.FollowUpFilter(
        text=args.text, cluster=args.cluster, kecamatan=args.kecamatan, state=args.status
    )
    rows = follow_up_service.list_follow_ups(
        session, flt, sort=args.sort or "due_date", descending=args.descending, limit=args.limit
    )
    return [
        {
            "id": r.id,
            "enterprise_id": r.enterprise_id,
            "enterprise_name": r.enterprise_name,
            "visit_id": r.visit_id,
            "action": r.action,
            "owner": r.owner,
            "due_date": _iso(r.due_date),
            "done_on": _iso(r.done_on),
            # "status" repeats "state" so every list can be filtered on the same key.
            "state": r.state,
            "status": r.state,
        }
        for r in rows
    ]


_KINDS: dict[
    str, tuple[Callable[[Session, argparse.Namespace], list[dict[str, Any]]], list[Column]]
] = {
    "enterprises": (
        _enterprises,
        [
            ("name", "Nama IKM"),
            ("kecamatan", "Kecamatan"),
            ("desa", "Desa"),
            ("cluster", "Klaster"),
            ("status", "Status"),
            ("last_visit", "Kunjungan terakhir"),
            ("product_count", "Produk"),
        ],
    ),
    "visits": (
        _visits,
        [
            ("date", "Tanggal"),
            ("enterprise_name", "IKM"),
            ("kecamatan", "Kecamatan"),
            ("cluster", "Klaster"),
            ("purpose", "Tujuan"),
            ("status", "Status"),
        ],
    ),
    "followups": (
        _follow_ups,
        [
            ("due_date", "Tenggat"),
            ("state", "Keadaan"),
            ("enterprise_name", "IKM"),
            ("action", "Tindakan"),
            ("done_on", "Selesai"),
        ],
    ),
}

_KINDS.update(_programme_lists.KINDS)


def table(records: Sequence[dict[str, Any]], columns: Sequence[Column]) -> str:
    """Return the records as a text table with a heading row, columns padded to line up."""
    cells = [[heading for _key, heading in columns]]
    cells += [[_cell(record.get(key)) for key, _heading in columns] for record in records]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    lines = [
        "  ".join(text.ljust(width) for text, width in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return " ".join(str(value).split())  # one line per record, whatever the text holds


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()
