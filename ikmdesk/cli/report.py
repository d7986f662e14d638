"""``ikmdesk report ...``: print visit reports, enterprise histories and monthly summaries."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ikmdesk.cli import _programme_reports, add_db_argument, add_json_argument, print_json
from ikmdesk.db import Database
from ikmdesk.errors import (
    CONTEXT,
    MSG_WRITE_FAILED,
    QT_TRANSLATE_NOOP,
    FileWriteError,
    ValidationError,
)
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.report_period import Period, month_period, parse_quarter, parse_year

MSG_BAD_MONTH = QT_TRANSLATE_NOOP(CONTEXT, "Bulan harus ditulis TTTT-BB, misalnya 2026-03: {value}")
MSG_BAD_DATE = QT_TRANSLATE_NOOP(
    CONTEXT, "Tanggal harus ditulis TTTT-BB-HH, misalnya 2026-03-31: {value}"
)
MSG_RANGE_REVERSED = QT_TRANSLATE_NOOP(
    CONTEXT, "Tanggal awal {first} sesudah tanggal akhir {last}."
)
MSG_OUT_NOT_FOLDER = QT_TRANSLATE_NOOP(CONTEXT, "{path} bukan folder.")
MSG_XLSX_SUFFIX = QT_TRANSLATE_NOOP(CONTEXT, "Versi Excel harus berakhiran .xlsx: {path}")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``report`` and its four kinds to the command line."""
    parser = subparsers.add_parser("report", help="cetak laporan PDF")
    kinds = parser.add_subparsers(dest="report_kind", metavar="JENIS", required=True)

    visit = kinds.add_parser("visit", help="laporan kunjungan pendampingan")
    visit.add_argument("--visit", required=True, help="id kunjungan")
    _common(visit, out_help="berkas PDF tujuan")
    visit.set_defaults(func=_run_visit)

    enterprise = kinds.add_parser("enterprise", help="riwayat pendampingan satu IKM")
    enterprise.add_argument("--enterprise", required=True, help="id IKM")
    _common(enterprise, out_help="berkas PDF tujuan")
    enterprise.set_defaults(func=_run_enterprise)

    summary = kinds.add_parser("summary", help="rekap bulanan, triwulanan atau tahunan")
    period = summary.add_mutually_exclusive_group(required=True)
    period.add_argument("--month", help="bulan, TTTT-BB")
    period.add_argument("--quarter", help="triwulan, TTTT-Qn (misalnya 2026-Q1)")
    period.add_argument("--year", help="tahun, TTTT")
    summary.add_argument("--cluster", help="kode atau nama klaster")
    summary.add_argument("--kecamatan", help="nama atau kode kecamatan")
    summary.add_argument(
        "--stale-months",
        type=int,
        default=3,
        help="IKM yang tidak dikunjungi lebih dari N bulan (bawaan 3)",
    )
    summary.add_argument(
        "--annex",
        action="store_true",
        help="lampirkan daftar lengkap (tindak lanjut terlambat, IKM wajib halal)",
    )
    summary.add_argument(
        "--xlsx", metavar="FILE.xlsx", help="tulis juga versi Excel dari tabel yang sama"
    )
    _common(summary, out_help="berkas PDF tujuan")
    summary.set_defaults(func=_run_summary)

    visits = kinds.add_parser("visits", help="satu PDF per kunjungan dalam rentang tanggal")
    visits.add_argument("--from", dest="first", required=True, help="tanggal awal, TTTT-BB-HH")
    visits.add_argument("--to", dest="last", required=True, help="tanggal akhir, TTTT-BB-HH")
    _common(visits, out_help="folder tujuan (dibuat bila belum ada)")
    visits.set_defaults(func=_run_visits)
    _programme_reports.add_kinds(
        kinds, common=_common, write_report=_write_report, done=_done, month=_month
    )


def _common(parser: argparse.ArgumentParser, *, out_help: str) -> None:
    add_db_argument(parser)
    parser.add_argument("--out", required=True, help=out_help)
    parser.add_argument("--lang", choices=["id", "en"], help="bahasa laporan (bawaan: pengaturan)")
    add_json_argument(parser)


def _run_visit(args: argparse.Namespace) -> int:
    from ikmdesk.reports.render import render_visit

    # Writable: printing a submitted visit the first time gives it its report number.
    return _write_report(
        args, lambda db: render_visit(db, args.visit, lang=args.lang), writable=True
    )


def _run_enterprise(args: argparse.Namespace) -> int:
    from ikmdesk.reports.render import render_enterprise

    return _write_report(
        args, lambda db: render_enterprise(db, args.enterprise, lang=args.lang), writable=False
    )


def _run_summary(args: argparse.Namespace) -> int:
    from ikmdesk.reports.pdf_file import write_pdf
    from ikmdesk.reports.render import render_summary, write_summary_xlsx

    period = _summary_period(args)
    if args.xlsx and Path(args.xlsx).suffix.lower() != ".xlsx":
        raise ValidationError("xlsx", MSG_XLSX_SUFFIX, path=args.xlsx)
    scope = {
        "period": period,
        "cluster": args.cluster,
        "kecamatan": args.kecamatan,
        "stale_months": args.stale_months,
    }
    db = open_data_file(args.db, writable=False)
    try:
        data = render_summary(db, annex=args.annex, lang=args.lang, **scope)
        written = [write_pdf(args.out, data)]
        if args.xlsx:
            written.append(write_summary_xlsx(db, args.xlsx, lang=args.lang, **scope))
    finally:
        db.close()
    if args.json:
        print_json({"written": [str(p) for p in written], "count": len(written)})
    else:
        for path in written:
            print(str(path))
    return 0


def _summary_period(args: argparse.Namespace) -> Period:
    if args.quarter:
        return parse_quarter(args.quarter)
    if args.year:
        return parse_year(args.year)
    return month_period(_month(args.month))


def _write_report(
    args: argparse.Namespace, render: Callable[[Database], bytes], *, writable: bool
) -> int:
    """Render one report from ``args.db``, write it to ``args.out`` and say so."""
    from ikmdesk.reports.pdf_file import write_pdf

    db = open_data_file(args.db, writable=writable)
    try:
        data = render(db)
    finally:
        db.close()
    return _done(args, write_pdf(args.out, data))


def _run_visits(args: argparse.Namespace) -> int:
    from ikmdesk.reports.pdf_file import safe_file_stem, write_pdf
    from ikmdesk.reports.render import render_visit
    from ikmdesk.services.report_data import visits_between

    first, last = _date(args.first), _date(args.last)
    if first > last:
        raise ValidationError("from", MSG_RANGE_REVERSED, first=first, last=last)
    folder = Path(args.out)
    if folder.exists() and not folder.is_dir():
        raise ValidationError("out", MSG_OUT_NOT_FOLDER, path=str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileWriteError(
            MSG_WRITE_FAILED, path=str(folder), detail=exc.strerror or str(exc)
        ) from exc
    db = open_data_file(args.db)
    written: list[str] = []
    try:
        with db.unit_of_work() as session:
            visits = visits_between(session, first, last)
        for index, (visit_id, day, name) in enumerate(visits, start=1):
            target = folder / f"{day:%Y-%m-%d}_{safe_file_stem(name)}_{visit_id[:8]}.pdf"
            write_pdf(target, render_visit(db, visit_id, lang=args.lang))
            written.append(str(target))
            # Progress names the visit by date and short id only: IKM names are often the
            # owner's own name, and stderr tends to end up in logs.
            print(
                f"[{index}/{len(visits)}] {day:%Y-%m-%d} {visit_id[:8]}",
                file=sys.stderr,
                flush=True,
            )
    finally:
        db.close()
    if args.json:
        print_json({"written": written, "count": len(written)})
    else:
        print(f"{len(written)} PDF ditulis ke {folder}")
    return 0


def _done(args: argparse.Namespace, path: Path) -> int:
    if args.json:
        print_json({"written": [str(path)], "count": 1})
    else:
        print(str(path))
    return 0


def _month(text: str) -> date:
    try:
        year, month = (int(part) for part in text.strip().split("-"))
        return date(year, month, 1)
    except ValueError:
        raise ValidationError("month", MSG_BAD_MONTH, value=text) from None


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("date", MSG_BAD_DATE, value=text) from None
