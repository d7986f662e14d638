"""Run every ``bench/bench_*.py`` module's ``main()``, or only the ones named on the command line.

Usage: ``uv run python -m bench [name ...] [--json]`` where a name is ``listing`` or
``bench_listing``. With ``--json`` the benchmarks' own text goes to stderr and stdout gets one
JSON object per benchmark row, each with ``bench``, ``name`` and ``ratio`` (the figure against
the baseline measured in the same run) plus the row's other figures.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path

from bench.result import taken

PACKAGE_DIR = Path(__file__).parent
PREFIX = "bench_"


def bench_names() -> list[str]:
    """Return the benchmark module names found beside this file, sorted."""
    return sorted(
        m.name for m in pkgutil.iter_modules([str(PACKAGE_DIR)]) if m.name.startswith(PREFIX)
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen benchmarks in turn; returns 2 for an unknown name, 0 otherwise."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--json", action="store_true", help="print one JSON object per row")
    args = parser.parse_args(argv)
    available = bench_names()
    chosen = [n if n.startswith(PREFIX) else PREFIX + n for n in args.names] or available
    unknown = [n for n in chosen if n not in available]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; have: {', '.join(available)}")
        return 2
    for name in chosen:
        text_out = sys.stderr if args.json else sys.stdout
        with contextlib.redirect_stdout(text_out):
            print(f"== {name}", flush=True)
            importlib.import_module(f"bench.{name}").main()
        for row in taken():
            if args.json:
                print(json.dumps(row, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
