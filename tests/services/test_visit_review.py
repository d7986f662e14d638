"""Supervisor review: approve, return with a comment, amend an approved visit; history kept."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from ikmdesk.db import Database
from ikmdesk.errors import UserError, ValidationError
from ikmdesk.models import Visit
from ikmdesk.models.enums import VisitPurpose, VisitStatus
from ikmdesk.services.device import this_device
from ikmdesk.services.enterprise import EnterpriseInput, create_enterprise
from ikmdesk.services.reference_data import cluster_id, region_id
from ikmdesk.services.visit import VisitInput, create_visit, submit_visit
from ikmdesk.services.visit_review import (
    approve_visit,
    is_editable,
    return_visit,
    review_history,
    start_amendment,
)
from tests.conftest import make_database
from tests.services import checksum


@pytest.fixture
def supervisor_db(tmp_path: Path) -> Iterator[Database]:
    db = make_database(tmp_path / "supervisor.db", role="supervisor", name="Ir. Bambang")
    yield db
    db.close()


def make_visit(database: Database) -> str:
    with database.unit_of_work() as session:
        enterprise_id = create_enterprise(
            session,
            EnterpriseInput(
                name="UD Dodol Rantau Pulung",
                kecamatan_id=region_id("64.08.01"),
                cluster_id=cluster_id("pangan_olahan"),
            ),
        )
        return create_visit(
            session,
            VisitInput(
                enterprise_id=enterprise_id,
                visit_date=date.today() - timedelta(days=3),
                purpose=VisitPurpose.MONITORING.value,
                findings="Ruang produksi bersih; label belum mencantumkan P-IRT.",
            ),
        )


def submit(database: Database, visit_id: str) -> None:
    with database.unit_of_work() as session:
        submit_visit(session, visit_id)


def status_of(database: Database, visit_id: str) -> tuple[VisitStatus, int, str | None]:
    with database.unit_of_work() as session:
        visit = session.get_one(Visit, visit_id)
        return VisitStatus(visit.status), visit.revision, visit.review_comment


def test_a_supervisor_approves_a_submitted_visit_and_it_locks(supervisor_db: Database) -> None:
    visit_id = make_visit(supervisor_db)
    submit(supervisor_db, visit_id)
    with supervisor_db.unit_of_work() as session:
        state = approve_visit(session, visit_id, comment="Lengkap, terima kasih")
        me = this_device(session)
    assert state.status == VisitStatus.APPROVED
    assert state.reviewer_id == me.id and state.reviewed_at is not None
    assert not is_editable(state.status)
    assert status_of(supervisor_db, visit_id) == (
        VisitStatus.APPROVED,
        0,
        "Lengkap, terima kasih",
    )


def test_an_officer_device_cannot_review(database: Database) -> None:
    visit_id = make_visit(database)
    submit(database, visit_id)
    with pytest.raises(UserError) as refused, database.unit_of_work() as session:
        approve_visit(session, visit_id)
    assert "penyelia" in refused.value.message()
    assert status_of(database, visit_id)[0] == VisitStatus.SUBMITTED


def test_returning_needs_a_comment_and_changes_nothing_without_one(
    supervisor_db: Database,
) -> None:
    visit_id = make_visit(supervisor_db)
    submit(supervisor_db, visit_id)
    before = checksum(supervisor_db)
    with pytest.raises(ValidationError) as refused, supervisor_db.unit_of_work() as session:
        return_visit(session, visit_id, comment="   ")
    assert refused.value.field == "review_comment"
    assert checksum(supervisor_db) == before


def test_only_submitted_visits_are_reviewed_and_only_approved_ones_amended(
    supervisor_db: Database,
) -> None:
    visit_id = make_visit(supervisor_db)
    with pytest.raises(UserError), supervisor_db.unit_of_work() as session:
        approve_visit(session, visit_id)
    with pytest.raises(UserError), supervisor_db.unit_of_work() as session:
        start_amendment(session, visit_id)
    assert is_editable(status_of(supervisor_db, visit_id)[0])


def test_return_resubmit_approve_amend_keeps_every_review_readable(
    supervisor_db: Database,
) -> None:
    visit_id = make_visit(supervisor_db)
    submit(supervisor_db, visit_id)
    with supervisor_db.unit_of_work() as session:
        return_visit(session, visit_id, comment="Lengkapi foto ruang produksi")
    assert status_of(supervisor_db, visit_id)[0] == VisitStatus.RETURNED
    assert is_editable(VisitStatus.RETURNED)
    submit(supervisor_db, visit_id)
    with supervisor_db.unit_of_work() as session:
        approve_visit(session, visit_id, comment="Sudah lengkap")
    with supervisor_db.unit_of_work() as session:
        approved_revision = session.get_one(Visit, visit_id).revision
        amended = start_amendment(session, visit_id)
    assert amended.status == VisitStatus.DRAFT
    assert amended.revision == approved_revision + 1
    submit(supervisor_db, visit_id)
    with supervisor_db.unit_of_work() as session:
        approve_visit(session, visit_id)
        history = review_history(session, visit_id)
    assert [(e.status, e.comment) for e in history] == [
        (VisitStatus.DRAFT, None),
        (VisitStatus.SUBMITTED, None),
        (VisitStatus.RETURNED, "Lengkapi foto ruang produksi"),
        (VisitStatus.SUBMITTED, None),
        (VisitStatus.APPROVED, "Sudah lengkap"),
        (VisitStatus.DRAFT, None),  # the amendment
        (VisitStatus.SUBMITTED, None),
        (VisitStatus.APPROVED, ""),
    ]
    assert history[4].revision == approved_revision
    assert [e.revision for e in history[5:]] == [approved_revision + 1] * 3
    assert {e.person for e in history} == {"Ir. Bambang"}
    assert all(a.at <= b.at for a, b in itertools.pairwise(history))
