"""Demo databases sync like real ones: an officer's demo with a real supervisor, and back.

The demo's stand-in colleagues and supervisor did their part as their own ops; an officer's
package carries only its own, which a supervisor set up with ``init`` accepts.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from ikmdesk.cli import main
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.sync_exchange import next_export_ops
from ikmdesk.services.sync_service import export_package

pytestmark = pytest.mark.sqlite_only(
    reason="builds demo databases with the CLI on SQLite files and reads them with sqlite3"
)

ENTERPRISES, VISITS = 20, 60
Capture = pytest.CaptureFixture[str]


def cli(capsys: Capture, *args: object) -> str:
    """Run one ``ikmdesk`` command in this process; return its output (it must succeed)."""
    capsys.readouterr()
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def rows(path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql, params).fetchall()


def device_id(path: Path) -> str:
    return rows(path, "SELECT device_id FROM local_identity")[0][0]


def trust_each_other(capsys: Capture, a: Path, b: Path) -> None:
    for one, other in ((a, b), (b, a)):
        card = one.with_suffix(".card.json")
        cli(capsys, "device", "export-key", "--db", one, "--out", card)
        cli(capsys, "device", "trust", "--db", other, card)


def exchange(capsys: Capture, sender: Path, receiver: Path) -> dict[str, Any]:
    """Export from ``sender`` to ``receiver`` (sealed to its key) and import it there.

    The sender's sync status promised as many pending changes as the package carries.
    """
    package = sender.with_name(f"{sender.stem}-to-{receiver.stem}.ikmsync")
    package.unlink(missing_ok=True)
    status = json.loads(cli(capsys, "sync", "status", "--db", sender, "--json"))
    (peer,) = [p for p in status["peers"] if p["device_id"] == device_id(receiver)]
    to = ["--to", device_id(receiver)]
    out = cli(capsys, "sync", "export", "--db", sender, *to, "--out", package, "--json")
    assert json.loads(out)["ops"] == peer["pending_ops"]
    out = cli(capsys, "sync", "import", "--db", receiver, package, "--json")
    return json.loads(out.splitlines()[-1])


@pytest.fixture
def officer_demo(tmp_path: Path, capsys: Capture) -> Path:
    path = tmp_path / "petugas.db"
    cli(capsys, "init", "--db", path, "--role", "officer", "--name", "Rina Demo",
        "--nip", "199001012015032001")  # fmt: skip
    cli(capsys, "demo", "--db", path, "--enterprises", ENTERPRISES, "--visits", VISITS)
    return path


def test_an_officers_demo_database_syncs_with_a_real_supervisor(
    officer_demo: Path, tmp_path: Path, capsys: Capture
) -> None:
    office = tmp_path / "kantor.db"
    cli(capsys, "init", "--db", office, "--role", "supervisor", "--name", "Budi Santoso",
        "--nip", "197605151998031004")  # fmt: skip
    trust_each_other(capsys, officer_demo, office)
    officer = device_id(officer_demo)
    own_visits = rows(officer_demo, "SELECT count(*) FROM visit WHERE officer_id = ?", officer)[0]
    assert 0 < own_visits[0] < VISITS  # the stand-in colleagues made the others

    result = exchange(capsys, officer_demo, office)

    assert result["applied"] > 0 and result["conflicts"] == 0
    assert rows(office, "SELECT count(*) FROM enterprise")[0][0] == ENTERPRISES
    assert rows(office, "SELECT count(*) FROM visit")[0] == own_visits
    assert rows(office, "SELECT DISTINCT officer_id FROM visit") == [(officer,)]
    # What the stand-ins did stays on the officer's laptop: their approvals are not the
    # office's, so at the office the officer's reviewed visits wait for review.
    assert rows(office, "SELECT count(*) FROM visit WHERE status IN ('approved', 'returned')") == [
        (0,)
    ]
    assert rows(office, "SELECT count(*) FROM report_number")[0][0] == 0
    assert {r[0] for r in rows(office, "SELECT id FROM device")} == {officer, device_id(office)}
    photos = rows(office, "SELECT count(*) FROM attachment")[0][0]
    assert (
        photos
        == rows(
            officer_demo,
            "SELECT count(*) FROM attachment a JOIN visit v ON v.id = a.visit_id"
            " WHERE v.officer_id = ?",
            officer,
        )[0][0]
    )

    reply = exchange(capsys, office, officer_demo)
    assert reply["applied"] > 0 and reply["conflicts"] == 0
    again = exchange(capsys, officer_demo, office)  # nothing new, still accepted
    assert again["applied"] == 0


def test_a_supervisors_demo_database_syncs_with_a_real_officer(
    tmp_path: Path, capsys: Capture
) -> None:
    office = tmp_path / "kantor-demo.db"
    cli(capsys, "init", "--db", office, "--role", "supervisor", "--name", "Budi Santoso",
        "--nip", "197605151998031004")  # fmt: skip
    cli(capsys, "demo", "--db", office, "--enterprises", ENTERPRISES, "--visits", VISITS)
    laptop = tmp_path / "petugas.db"
    cli(capsys, "init", "--db", laptop, "--role", "officer", "--name", "Siti Rahmawati",
        "--nip", "198703122010012003")  # fmt: skip
    trust_each_other(capsys, office, laptop)

    result = exchange(capsys, office, laptop)

    assert result["applied"] > 0 and result["conflicts"] == 0
    for table in ("enterprise", "visit", "report_number", "approval_snapshot", "programme"):
        sql = f"SELECT count(*) FROM {table}"
        assert rows(laptop, sql) == rows(office, sql), table
    status = "SELECT status, count(*) FROM visit GROUP BY status ORDER BY status"
    assert rows(laptop, status) == rows(office, status)
    devices = "SELECT id, role, signing_public_key FROM device ORDER BY id"
    assert set(rows(office, devices)) <= set(rows(laptop, devices))

    reply = exchange(capsys, laptop, office)
    assert reply["conflicts"] == 0


def test_the_stand_ins_work_is_their_own_ops(officer_demo: Path) -> None:
    officer = device_id(officer_demo)
    stand_ins = {r[0] for r in rows(officer_demo, "SELECT id FROM device WHERE id != ?", officer)}
    assert len(stand_ins) == 3  # the demo supervisor and two colleagues
    origins = {r[0] for r in rows(officer_demo, "SELECT DISTINCT device_id FROM change_log")}
    assert origins == {officer, *stand_ins}
    # Each device row, each visit and each approval was written by who made it.
    assert rows(
        officer_demo,
        "SELECT count(*) FROM change_log WHERE entity = 'device' AND device_id != row_id",
    ) == [(0,)]
    assert rows(
        officer_demo,
        "SELECT count(*) FROM change_log c JOIN visit v ON v.id = c.row_id"
        " WHERE c.entity = 'visit' AND c.field = 'officer_id' AND c.device_id != v.officer_id",
    ) == [(0,)]
    (supervisor,) = rows(officer_demo, "SELECT id FROM device WHERE role = 'supervisor'")[0]
    assert rows(
        officer_demo,
        "SELECT DISTINCT device_id FROM change_log WHERE entity IN ('report_number',"
        " 'approval_snapshot', 'programme') OR (entity = 'visit' AND field = 'reviewer_id')",
    ) == [(supervisor,)]


def test_an_officers_full_passphrase_package_carries_only_its_own_origins(
    officer_demo: Path, tmp_path: Path
) -> None:
    db = open_data_file(officer_demo)
    try:
        with db.unit_of_work() as session:
            promised = next_export_ops(session, None)
        result = export_package(db, tmp_path / "p.ikmsync", full=True, passphrase="durian montong")
    finally:
        db.close()
    officer = device_id(officer_demo)
    own = rows(officer_demo, "SELECT count(*) FROM change_log WHERE device_id = ?", officer)[0][0]
    assert result.ops == promised == own
    assert own < rows(officer_demo, "SELECT count(*) FROM change_log")[0][0]
