"""Likely-duplicate search on a worst-case 100,000-IKM registry, against reading it plainly.

Worst case for the name comparison: 100,000 IKMs in four kecamatan, 60 % of them without a
desa (so they are compared with their whole kecamatan), with names drawn from a small
vocabulary of product words and owners, so most names have many neighbours of similar length
and the same first letter, and one in twenty is a typing variant of another. The baseline is
the least any search must do: read the same columns with plain sqlite3 and normalise each name.
"""

from __future__ import annotations

import random
import sqlite3
import time

from sqlalchemy import insert

from bench.bench_listing import PEOPLE, WORDS
from bench.cached_database import cached_database
from bench.result import record
from ikmdesk.db import Database
from ikmdesk.models import Enterprise, new_id
from ikmdesk.services.duplicates import find_duplicates, normalised_name
from ikmdesk.services.region import add_desa, list_clusters, list_kecamatan

ENTERPRISES = 100_000
KECAMATAN = 4
BUILD_VERSION = 1


def open_or_build() -> Database:
    """Open the benchmark database, building it first when it is missing."""
    return cached_database(
        f"duplicates-{ENTERPRISES}-v{BUILD_VERSION}.db",
        lambda session, _officer: _fill(session, random.Random(20261203)),
    )


def _fill(session: object, rng: random.Random) -> None:
    kecamatan = list_kecamatan(session)[:KECAMATAN]  # type: ignore[arg-type]
    cluster = list_clusters(session)[0].id  # type: ignore[arg-type]
    desa = {
        k.id: [add_desa(session, kecamatan_id=k.id, name=f"Desa {k.name} {n}") for n in range(8)]  # type: ignore[arg-type]
        for k in kecamatan
    }
    rows = []
    for i in range(ENTERPRISES):
        kec = rng.choice(kecamatan).id
        name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(PEOPLE)} {rng.choice(PEOPLE)}"
        if i % 20 == 0:
            name = name.replace("a", "", 1)  # a typing variant
        rows.append(
            {
                "id": new_id(),
                "name": f"{rng.choice(('UD', 'CV', 'IKM', ''))} {name}".strip(),
                "kecamatan_id": kec,
                "desa_id": rng.choice(desa[kec]) if rng.random() < 0.4 else None,
                "cluster_id": cluster,
                "phone": f"08{rng.randrange(10**9, 10**10)}",
            }
        )
    session.execute(insert(Enterprise), rows)  # type: ignore[attr-defined]


class _Counter:
    def __init__(self) -> None:
        self.reports = 0

    def report(self, done: int, total: int, text: str = "") -> None:
        self.reports += 1

    def raise_if_cancelled(self) -> None:
        pass


def main() -> None:
    """Time the search (with a progress sink) and the baseline, and print both and the ratio."""
    db = open_or_build()
    try:
        sink = _Counter()
        started, cpu = time.perf_counter(), time.process_time()
        with db.unit_of_work() as session:
            pairs = find_duplicates(session, sink)
        search_s = time.perf_counter() - started
        search_cpu = time.process_time() - cpu
        started = time.perf_counter()
        with sqlite3.connect(db.path) as conn:
            rows = conn.execute(
                "SELECT id, name, kecamatan_id, desa_id, phone, nib FROM enterprise"
                " WHERE deleted = 0"
            ).fetchall()
            names = [normalised_name(row[1]) for row in rows]
        baseline_s = time.perf_counter() - started
    finally:
        db.close()
    ratio = search_s / baseline_s
    print(
        f"duplicate search, {ENTERPRISES} IKMs: {search_s:6.2f} s ({search_cpu:.2f} s CPU), "
        f"{len(pairs)} pairs shown, {sink.reports} progress reports"
    )
    print(f"read + normalise {len(names)} names:  {baseline_s:6.2f} s   ratio {ratio:.2f}")
    record(
        "duplicates",
        "duplicate finder, worst-case 100,000-IKM registry",
        ratio,
        seconds=round(search_s, 2),
        cpu_seconds=round(search_cpu, 2),
        baseline_seconds=round(baseline_s, 2),
        goal_seconds=5,
        progress_reports=sink.reports,
    )


if __name__ == "__main__":
    main()
