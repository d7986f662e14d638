"""``ikmdesk demo``: fill a database with realistic demo records (creating it when missing)."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from ikmdesk.cli import add_db_argument, add_json_argument, print_json
from ikmdesk.services.demo_data import (
    DEFAULT_ENTERPRISES,
    DEFAULT_SEED,
    DEFAULT_VISITS,
    build_demo,
)


def register(subparsers: Any) -> None:
    """Add the ``demo`` command."""
    parser = subparsers.add_parser(
        "demo",
        help="isi basis data dengan data demo",
        description="Tambahkan IKM, produk, kunjungan, tindak lanjut dan foto demo sebagai data "
        "perangkat ini. Berkas yang belum ada dibuat dengan petugas 'Petugas Demo'. "
        "Benih yang sama menghasilkan data yang sama.",
    )
    add_db_argument(parser)
    parser.add_argument(
        "--enterprises",
        type=int,
        default=DEFAULT_ENTERPRISES,
        metavar="N",
        help=f"jumlah IKM (bawaan {DEFAULT_ENTERPRISES})",
    )
    parser.add_argument(
        "--visits",
        type=int,
        default=DEFAULT_VISITS,
        metavar="M",
        help=f"jumlah kunjungan (bawaan {DEFAULT_VISITS})",
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, metavar="S", help="benih data acak"
    )
    add_json_argument(parser)
    parser.set_defaults(func=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    """Build the demo data, reporting progress on stderr and the counts on stdout."""
    reporter = _ProgressPrinter()
    summary = build_demo(
        args.db,
        enterprises=args.enterprises,
        visits=args.visits,
        seed=args.seed,
        progress=reporter,
    )
    counts = {
        "desa": summary.desa,
        "enterprises": summary.enterprises,
        "products": summary.products,
        "visits": summary.visits,
        "follow_ups": summary.follow_ups,
        "quality_checks": summary.quality_checks,
        "attachments": summary.attachments,
        "photo_files": summary.photo_files,
    }
    if args.json:
        print_json(
            {"device_id": summary.device_id, "database_created": summary.database_created} | counts
        )
    else:
        print(
            f"Data demo ditambahkan: {summary.enterprises} IKM, {summary.products} produk, "
            f"{summary.visits} kunjungan, {summary.follow_ups} tindak lanjut, "
            f"{summary.attachments} foto ({summary.photo_files} berkas), {summary.desa} desa baru."
        )
    return 0


class _ProgressPrinter:
    """Prints a line to stderr when a stage starts, when it ends, and at most twice a second."""

    def __init__(self) -> None:
        self._stage = ""
        self._last = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if stage == self._stage and now - self._last < 0.5 and done < total:
            return
        self._stage, self._last = stage, now
        print(f"demo: {stage} {done}/{total}", file=sys.stderr, flush=True)
