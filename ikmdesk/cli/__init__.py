"""The ``ikmdesk`` command: opens the window, or runs a headless subcommand on a database.

Subcommands live in the modules of this package; each exposes ``register(subparsers)``
and sets ``func`` on its parser. Exit codes: 0 success, 1 user error (one line on stderr,
no traceback), 2 bad usage. Nothing here imports Qt, except launching the window.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
from collections.abc import Sequence
from typing import Any

from ikmdesk import __version__
from ikmdesk.errors import UserError

EXIT_OK, EXIT_USER_ERROR, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """Return the parser with every subcommand found in this package."""
    parser = argparse.ArgumentParser(
        prog="ikmdesk", description="IKMDesk: pendampingan IKM pangan, luring."
    )
    parser.add_argument("--version", action="version", version=f"ikmdesk {__version__}")
    parser.add_argument("--db", help="berkas basis data (bawaan: folder data pengguna)")
    parser.add_argument(
        "--demo", action="store_true", help="buka jendela pada basis data demo yang baru dibuat"
    )
    parser.add_argument("--lang", choices=["id", "en"], help="bahasa antarmuka")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules():
        module.register(subparsers)
    return parser


def _command_modules() -> list[Any]:
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
    return [importlib.import_module(f"{__name__}.{name}") for name in names]


def add_db_argument(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    """Give a subcommand the ``--db PATH`` option every headless command takes."""
    parser.add_argument("--db", required=required, help="berkas basis data")


def add_json_argument(parser: argparse.ArgumentParser) -> None:
    """Give a subcommand the ``--json`` switch for machine-readable output."""
    parser.add_argument("--json", action="store_true", help="cetak hasil sebagai JSON")


def print_json(value: Any) -> None:
    """Print ``value`` as JSON (dates and other values as their text form)."""
    print(json.dumps(value, ensure_ascii=False, default=str, indent=None))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from ikmdesk.ui.app import run_app  # Qt is imported only when a window is wanted

            return run_app(db=args.db, demo=args.demo, lang=args.lang)
        return int(args.func(args) or EXIT_OK)
    except UserError as exc:
        print(f"ikmdesk: {exc.message()}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("ikmdesk: dibatalkan", file=sys.stderr)
        return EXIT_USER_ERROR


def entry_point() -> None:
    """Console-script entry: exit with ``main``'s code."""
    sys.exit(main())
