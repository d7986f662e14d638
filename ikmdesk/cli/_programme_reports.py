"""``ikmdesk report programme``: the mentoring programme's results (issue 13), PDF or Excel."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from ikmdesk.db import Database


def add_kinds(
    kinds: Any,
    *,
    common: Callable[..., None],
    write_report: Callable[..., int],
    done: Callable[[argparse.Namespace, Path], int],
    month: Callable[[str], date],
) -> None:
    """Add the programme report kinds to ``ikmdesk report``."""
    programme = kinds.add_parser(
        "programme", help="laporan hasil pendampingan satu program (PDF, atau Excel)"
    )
    programme.add_argument("--programme", required=True, help="id program")
    programme.add_argument(
        "--xlsx", action="store_true", help="tulis versi Excel (.xlsx) alih-alih PDF"
    )
    common(programme, out_help="berkas PDF atau .xlsx tujuan")

    def run(args: argparse.Namespace) -> int:
        from ikmdesk.reports.programme_render import render_programme, write_programme_workbook

        if not args.xlsx:
            return write_report(
                args,
                lambda db: render_programme(db, args.programme, lang=args.lang),
                writable=False,
            )
        from ikmdesk.atomic_file import write_atomically
        from ikmdesk.services.data_file import open_data_file

        db: Database = open_data_file(args.db, writable=False)
        try:
            data = write_programme_workbook(db, args.programme, lang=args.lang)
        finally:
            db.close()
        return done(args, write_atomically(Path(args.out), data))

    programme.set_defaults(func=run)

    handout = kinds.add_parser("handout", help="lembar pendampingan untuk IKM dari satu kunjungan")
    handout.add_argument("--visit", required=True, help="id kunjungan")
    common(handout, out_help="berkas PDF tujuan")

    def run_handout(args: argparse.Namespace) -> int:
        from ikmdesk.reports.programme_render import render_handout

        return write_report(
            args, lambda db: render_handout(db, args.visit, lang=args.lang), writable=False
        )

    handout.set_defaults(func=run_handout)

    partner = kinds.add_parser(
        "partner", help="laporan kerja sama satu mitra: program dan kunjungan bersama"
    )
    partner.add_argument("--partner", required=True, help="id mitra")
    common(partner, out_help="berkas PDF tujuan")

    def run_partner(args: argparse.Namespace) -> int:
        from ikmdesk.reports.programme_render import render_partner

        return write_report(
            args, lambda db: render_partner(db, args.partner, lang=args.lang), writable=False
        )

    partner.set_defaults(func=run_partner)

    officer = kinds.add_parser("officer", help="laporan kegiatan bulanan petugas")
    officer.add_argument("--month", required=True, help="bulan, TTTT-BB")
    officer.add_argument("--officer", help="id perangkat petugas (bawaan: perangkat ini)")
    common(officer, out_help="berkas PDF tujuan")

    def run_officer(args: argparse.Namespace) -> int:
        from ikmdesk.reports.programme_render import render_officer_month

        day = month(args.month)
        return write_report(
            args,
            lambda db: render_officer_month(db, day, officer_id=args.officer, lang=args.lang),
            writable=False,
        )

    officer.set_defaults(func=run_officer)
