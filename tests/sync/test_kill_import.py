"""An import killed at a random moment leaves a sound database with all of the package or none."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from ikmdesk.db import backup_database, check_file
from ikmdesk.models import ChangeOp, Enterprise
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.sync_service import export_package, import_package
from tests.sync.sync_helpers import NIK, OWNER, PHONE, introduce, make_node, reference_ids

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL are POSIX")

TRIALS = 12


def _import_in_child(db_path: str, package: str, started: object) -> None:
    # A forked child already has the modules loaded, so the kill lands in the import itself.
    db = open_data_file(db_path)
    started.set()  # type: ignore[attr-defined]
    import_package(db, Path(package))
    db.close()
    os._exit(0)


def _origin_ops(path: Path, origin: str) -> int:
    db = open_data_file(path)
    try:
        with db.unit_of_work() as session:
            return int(
                session.scalar(
                    select(func.count()).select_from(ChangeOp).where(ChangeOp.device_id == origin)
                )
                or 0
            )
    finally:
        db.close()


def _start(db_path: Path, package: Path) -> tuple[multiprocessing.Process, float]:
    context = multiprocessing.get_context("fork")
    started = context.Event()
    process = context.Process(target=_import_in_child, args=(str(db_path), str(package), started))
    process.start()
    assert started.wait(timeout=60)
    return process, time.monotonic()


@pytest.mark.sqlite_only(reason="kills a subprocess importing into a SQLite file")
def test_sigkill_during_import_leaves_all_or_nothing(tmp_path: Path) -> None:
    sup = make_node(tmp_path / "sup", "Bu Kasi", role="supervisor")
    off = make_node(tmp_path / "off", "Siti")
    introduce(sup, off)
    region, cluster = reference_ids(off.db)
    with off.db.unit_of_work() as session:
        rows = [
            {
                "name": f"IKM nomor {n}",
                "owner_name": OWNER,
                "nik": NIK,
                "phone": PHONE,
                "kecamatan_id": region,
                "cluster_id": cluster,
            }
            for n in range(300)
        ]
        session.execute(insert(Enterprise), rows)
    package = export_package(off.db, tmp_path / "big.ikmsync").path
    with off.db.unit_of_work() as session:
        total = int(session.scalar(select(func.count()).select_from(ChangeOp)) or 0)
    sup.db.close()
    off.db.close()
    template = tmp_path / "sup" / "ikmdesk.db"

    probe = tmp_path / "probe" / "ikmdesk.db"
    backup_database(template, probe)
    process, began = _start(probe, package)
    process.join(timeout=120)
    assert process.exitcode == 0
    duration = time.monotonic() - began

    rng = random.Random(20261128)
    complete = []
    for trial in range(TRIALS):
        trial_db = tmp_path / f"trial{trial}" / "ikmdesk.db"
        backup_database(template, trial_db)
        process, _began = _start(trial_db, package)
        time.sleep(rng.uniform(0.0, 1.1) * duration)
        os.kill(process.pid, signal.SIGKILL)
        process.join(timeout=60)
        assert check_file(trial_db) == []
        held = _origin_ops(trial_db, off.id)
        assert held in (0, total), f"trial {trial}: {held} of {total} ops"
        complete.append(held == total)
        db = open_data_file(trial_db)
        try:
            again = import_package(db, package)
        finally:
            db.close()
        assert again.already_imported == (held == total)
        assert _origin_ops(trial_db, off.id) == total
        assert check_file(trial_db) == []
    assert not all(complete)  # the kills did land before the import finished
