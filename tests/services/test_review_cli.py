"""``ikmdesk review approve|return``: what the window's review buttons do, from a script."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from ikmdesk.cli import main
from ikmdesk.models import ApprovalSnapshot, Visit
from ikmdesk.models.enums import VisitStatus
from ikmdesk.services.data_file import open_data_file
from tests.conftest import make_database
from tests.reports.builders import build_visit


@pytest.fixture
def office_file(tmp_path: Path) -> Path:
    path = tmp_path / "office.db"
    make_database(path, role="supervisor", name="Hj. Aminah").close()
    return path


def submitted(path: Path, name: str = "IKM Satu") -> str:
    db = open_data_file(path)
    try:
        return build_visit(db, name=name, status=VisitStatus.SUBMITTED).visit_id
    finally:
        db.close()


def visit_state(path: Path, visit_id: str) -> tuple[str, str | None, int]:
    db = open_data_file(path, writable=False)
    try:
        with db.unit_of_work() as session:
            visit = session.get_one(Visit, visit_id)
            snapshots = len(session.scalars(select(ApprovalSnapshot.id)).all())
            return str(visit.status), visit.review_comment, snapshots
    finally:
        db.close()


def test_approve_gives_the_number_and_freezes_the_report(
    office_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    visit_id = submitted(office_file)
    code = main(["review", "approve", "--db", str(office_file), "--visit", visit_id, "--json"])
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["status"] == "approved"
    assert result["report_number"].startswith("0001/DISPERINDAG/IKM/")
    assert visit_state(office_file, visit_id) == ("approved", "", 1)


def test_return_needs_a_note_and_sends_the_visit_back(
    office_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    visit_id = submitted(office_file)
    args = ["review", "return", "--db", str(office_file), "--visit", visit_id]
    assert main([*args, "--note", "Lengkapi foto"]) == 0
    assert "Dikembalikan" in capsys.readouterr().out
    assert visit_state(office_file, visit_id) == ("returned", "Lengkapi foto", 0)


def test_user_errors_exit_1_with_one_line_and_change_nothing(
    office_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    visit_id = submitted(office_file)
    db = str(office_file)
    assert main(["review", "return", "--db", db, "--visit", visit_id, "--note", "  "]) == 1
    assert main(["review", "approve", "--db", db, "--visit", "no-such-visit"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("ikmdesk: ") for line in err)
    assert visit_state(office_file, visit_id) == ("submitted", None, 0)
    assert main(["review", "approve", "--db", db, "--visit", visit_id]) == 0
    assert main(["review", "approve", "--db", db, "--visit", visit_id]) == 1  # already approved


def test_an_officer_device_cannot_review(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "officer.db"
    make_database(path).close()
    visit_id = submitted(path)
    assert main(["review", "approve", "--db", str(path), "--visit", visit_id]) == 1
    assert "penyelia" in capsys.readouterr().err
    assert visit_state(path, visit_id) == ("submitted", None, 0)


def test_bad_usage_exits_2(office_file: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["review", "return", "--db", str(office_file), "--visit", "x"])  # no --note
    assert exit_info.value.code == 2
