"""Visits: drafts, the officer's lock after submission, status moves, and filtered lists."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError

from ikmdesk.db import Database
from ikmdesk.errors import NotFoundError, ValidationError
from ikmdesk.models import Visit, new_id
from ikmdesk.models.enums import VisitStatus
from ikmdesk.services.device import DeviceInfo
from ikmdesk.services.enterprise import EnterpriseInput, create_enterprise
from ikmdesk.services.follow_up import (
    FollowUpFilter,
    FollowUpInput,
    create_follow_up,
    list_follow_ups,
)
from ikmdesk.services.visit import (
    SORT_KEYS,
    STATUS_MOVES,
    VisitFilter,
    VisitInput,
    VisitLocked,
    VisitStatusError,
    can_move,
    count_visits,
    create_visit,
    delete_visit,
    get_visit,
    list_visits,
    move_status,
    submit_visit,
    update_visit,
    visit_input,
    visit_record,
)
from tests.services import PLACES, change_ops, checksum

TODAY = date.today()


@pytest.fixture
def ikms(database: Database) -> dict[str, str]:
    with database.unit_of_work() as session:
        return {
            "kalbana": create_enterprise(
                session,
                EnterpriseInput(
                    name="UD Kalbana",
                    kecamatan_id=PLACES.kaliorang,
                    cluster_id=PLACES.pisang,
                    owner_name="Siti Aminah",
                ),
            ),
            "wahau": create_enterprise(
                session,
                EnterpriseInput(
                    name="CV Kakao Wahau",
                    kecamatan_id=PLACES.sangatta_utara,
                    cluster_id=PLACES.kakao,
                ),
            ),
        }


def draft(ikm_id: str, **changes: Any) -> VisitInput:
    base = VisitInput(
        enterprise_id=ikm_id,
        visit_date=TODAY - timedelta(days=1),
        purpose="mentoring",
        activities="Pendampingan CPPB-IRT",
    )
    return dataclasses.replace(base, **changes)


def set_status(database: Database, visit_id: str, *steps: VisitStatus) -> None:
    """Walk a visit through review steps the way the supervisor's service does."""
    with database.unit_of_work() as session:
        visit = visit_record(session, visit_id)
        for step in steps:
            move_status(visit, step)


def test_new_visit_is_a_draft_by_this_device(
    database: Database, device: DeviceInfo, ikms: dict[str, str]
) -> None:
    with database.unit_of_work() as session:
        visit_id = create_visit(
            session,
            draft(
                ikms["kalbana"],
                companions=" Pak Camat ",
                findings="Lantai produksi basah",
                recommendations="Pasang tirai plastik",
            ),
        )
        detail = get_visit(session, visit_id)
    assert detail.status == "draft"
    assert detail.editable
    assert detail.officer_id == device.id
    assert detail.officer_name == "Siti Rahmawati"
    assert detail.enterprise_name == "UD Kalbana"
    assert detail.companions == "Pak Camat"
    assert detail.revision == 0
    assert detail.submitted_at is None
    ops = dict(change_ops(database, "visit", visit_id))
    assert ops["status"] == "draft"
    assert ops["officer_id"] == device.id
    assert ops["findings"] == "Lantai produksi basah"


def test_tomorrow_is_allowed_for_laptops_across_midnight(
    database: Database, ikms: dict[str, str]
) -> None:
    with database.unit_of_work() as session:
        visit_id = create_visit(
            session, draft(ikms["kalbana"], visit_date=TODAY + timedelta(days=1))
        )
        assert get_visit(session, visit_id).visit_date == TODAY + timedelta(days=1)


BAD = [
    ("visit_date", {"visit_date": TODAY + timedelta(days=2)}),
    ("visit_date", {"visit_date": date(2205, 1, 1)}),
    ("visit_date", {"visit_date": date(1999, 12, 31)}),
    ("visit_date", {"visit_date": None}),
    ("purpose", {"purpose": "jalan-jalan"}),
    ("enterprise_id", {"enterprise_id": "no-such-ikm"}),
]


@pytest.mark.parametrize(("field", "changes"), BAD)
def test_bad_visit_is_refused_and_nothing_changes(
    database: Database, ikms: dict[str, str], field: str, changes: dict[str, Any]
) -> None:
    before = checksum(database)
    with pytest.raises(ValidationError) as caught, database.unit_of_work() as session:
        create_visit(session, draft(ikms["kalbana"], **changes))
    assert caught.value.field == field
    assert caught.value.message()
    assert checksum(database) == before


@pytest.mark.parametrize(("field", "changes"), BAD)
def test_bad_edit_is_refused_and_the_visit_is_unchanged(
    database: Database, ikms: dict[str, str], field: str, changes: dict[str, Any]
) -> None:
    with database.unit_of_work() as session:
        visit_id = create_visit(session, draft(ikms["kalbana"]))
    before = checksum(database)
    with pytest.raises(ValidationError) as caught, database.unit_of_work() as session:
        update_visit(session, visit_id, draft(ikms["kalbana"], **changes))
    assert caught.value.field == field
    assert checksum(database) == before


def test_update_writes_only_changed_fields(database: Database, ikms: dict[str, str]) -> None:
    with database.unit_of_work() as session:
        visit_id = create_visit(session, draft(ikms["kalbana"]))
    logged = len(change_ops(database, "visit", visit_id))
    with database.unit_of_work() as session:
        edited = dataclasses.replace(
            visit_input(get_visit(session, visit_id)), findings="Tidak ada label"
        )
        update_visit(session, visit_id, edited)
    assert change_ops(database, "visit", visit_id)[logged:] == [("findings", "Tidak ada label")]


def test_moving_a_draft_to_another_ikm_takes_its_follow_ups_along(
    database: Database, ikms: dict[str, str]
) -> None:
    with database.unit_of_work() as session:
        visit_id = create_visit(session, draft(ikms["kalbana"]))
        create_follow_up(
            session, FollowUpInput(visit_id=visit_id, action="Buat label", due_date=TODAY)
        )
        update_visit(session, visit_id, draft(ikms["wahau"]))
        rows = list_follow_ups(session, FollowUpFilter(visit_id=visit_id))
    assert [(r.enterprise_id, r.enterprise_name) for r in rows] == [
        (ikms["wahau"], "CV Kakao Wahau")
    ]


def test_submitted_visit_is_locked_for_the_officer(
    database: Database, ikms: dict[str, str]
) -> None:
    with database.unit_of_work() as session:
        visit_id = create_visit(session, draft(ikms["kalbana"]))
        submit_visit(session, visit_id)
        detail = get_visit(session, visit_id)
    assert detail.status == "submitted"
    assert detail.submitted_at is not None
    assert not detail.editable
    before = checksum(database)
    for action in (
        lambda s: update_visit(s, visit_id, draft(ikms["kalbana"], findings="x")),
        lambda s: delete_visit(s, visit_id),
        lambda s: submit_visit(s, visit_id),
    ):
        with pytest.raises(VisitLocked) as caught, database.unit_of_work() as session:
            action(session)
        assert "dikirim" in caught.value.message()
    assert checksum(database) == before


def test_approved_visit_is_locked_and_says_so(database: Database, ikms: dict[str, str]) -> None:
    with database.unit_of_work() as session:
        visit_id = create_visit(session, draft(ikms["kalbana"]))
        submit_visit(session, visit_id)
    set_status(database, visit_id, VisitStatus.APPROVED)
    before = checksum(database)
    with pytest.raises(VisitLocked) as caught, database.unit_of_work() as session:
        update_visit(session, visit_id, draft(ikms["kalbana"]))
    assert "disetujui" in caught.value.message()
    assert checksum(database) == before


def test_returned_visit_can_be_corrected_and_submitted_again(
    database: Database, ikms: dict[str, str]
) -> None:
    with database.unit_of_work() as session:
        visit_id = create_visit(session, draft(ikms["kalbana"]))
        submit_visit(session, visit_id)
    set_status(database, visit_id, VisitStatus.RETURNED)
    with database.unit_of_work() as session:
        update_visit(session, visit_id, draft(ikms["kalbana"], findings="Sudah diperbaiki"))
        submit_visit(session, visit_id)
        detail = get_visit(session, visit_id)
    assert (detail.status, detail.findings) == ("submitted", "Sudah diperbaiki")
    statuses = [v for f, v in change_ops(database, "visit", visit_id) if f == "status"]
    assert statuses == ["draft", "submitted", "returned", "submitted"]


def test_an_empty_visit_cannot_be_submitted(database: Database, ikms: dict[str, str]) -> None:
    with database.unit_of_work() as session:
        visit_id = create_visit(session, draft(ikms["kalbana"], activities="  "))
    before = checksum(database)
    with pytest.raises(ValidationError) as caught, database.unit_of_work() as session:
        submit_visit(session, visit_id)
    assert caught.value.field == "activities"
    assert checksum(database) == before


def test_status_moves() -> None:
    assert can_move("draft", "submitted")
    assert can_move("returned", "submitted")
    assert can_move("submitted", "approved")
    assert can_move("submitted", "returned")
    assert can_move("approved", "draft")  # the supervisor's amendment
    assert not can_move("draft", "approved")
    assert not can_move("approved", "returned")
    assert set(STATUS_MOVES) == set(VisitStatus)


def test_a_move_the_workflow_does_not_allow_is_refused(
    database: Database, ikms: dict[str, str]
) -> None:
    with database.unit_of_work() as session:
        visit_id = create_visit(session, draft(ikms["kalbana"]))
    before = checksum(database)
    with pytest.raises(VisitStatusError), database.unit_of_work() as session:
        move_status(visit_record(session, visit_id), VisitStatus.APPROVED)
    assert checksum(database) == before


def test_deleting_a_draft_tombstones_it_and_its_follow_ups(
    database: Database, ikms: dict[str, str]
) -> None:
    with database.unit_of_work() as session:
        visit_id = create_visit(session, draft(ikms["kalbana"]))
        follow_up = create_follow_up(
            session, FollowUpInput(visit_id=visit_id, action="Buat label", due_date=TODAY)
        )
        delete_visit(session, visit_id)
    with database.unit_of_work() as session:
        with pytest.raises(NotFoundError):
            get_visit(session, visit_id)
        assert list_visits(session) == []
        assert count_visits(session) == 0
        assert list_follow_ups(session) == []
    assert ("deleted", True) in change_ops(database, "visit", visit_id)
    assert ("deleted", True) in change_ops(database, "follow_up", follow_up)


@pytest.fixture
def visits(database: Database, ikms: dict[str, str]) -> dict[str, str]:
    day = date(2026, 3, 1)
    with database.unit_of_work() as session:
        ids = {
            "k1": create_visit(
                session, draft(ikms["kalbana"], visit_date=day, findings="Lantai licin")
            ),
            "k2": create_visit(
                session,
                draft(ikms["kalbana"], visit_date=day + timedelta(days=10), purpose="monitoring"),
            ),
            "w1": create_visit(
                session,
                draft(
                    ikms["wahau"],
                    visit_date=day + timedelta(days=5),
                    purpose="certification_support",
                    recommendations="Daftar SIHALAL",
                ),
            ),
        }
        submit_visit(session, ids["k2"])
    return ids


def listed(database: Database, flt: VisitFilter | None = None, **kwargs: Any) -> list[str]:
    with database.unit_of_work() as session:
        rows = list_visits(session, flt, **kwargs)
        if "offset" not in kwargs and "limit" not in kwargs:
            assert count_visits(session, flt) == len(rows)
    return [r.id for r in rows]


def test_list_rows(database: Database, visits: dict[str, str]) -> None:
    with database.unit_of_work() as session:
        rows = list_visits(session)
    assert [r.id for r in rows] == [visits["k2"], visits["w1"], visits["k1"]]  # newest first
    row = rows[1]
    assert row.enterprise_name == "CV Kakao Wahau"
    assert row.visit_date == date(2026, 3, 6)
    assert (row.status, row.purpose) == ("draft", "certification_support")
    assert row.officer_name == "Siti Rahmawati"
    assert (row.cluster_code, row.kecamatan) == ("kakao", "Sangatta Utara")


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (VisitFilter(status="submitted"), ["k2"]),
        (VisitFilter(status="draft"), ["w1", "k1"]),
        (VisitFilter(cluster="pisang"), ["k2", "k1"]),
        (VisitFilter(kecamatan="Sangatta Utara"), ["w1"]),
        (VisitFilter(kecamatan=PLACES.kaliorang), ["k2", "k1"]),
        (VisitFilter(purpose="monitoring"), ["k2"]),
        (VisitFilter(text="licin"), ["k1"]),
        (VisitFilter(text="sihalal wahau"), ["w1"]),
        (VisitFilter(text="aminah"), ["k2", "k1"]),  # the owner's name
        (VisitFilter(date_from=date(2026, 3, 2)), ["k2", "w1"]),
        (VisitFilter(date_from=date(2026, 3, 6), date_to=date(2026, 3, 6)), ["w1"]),
        (VisitFilter(date_to=date(2026, 2, 28)), []),
        (VisitFilter(officer_id="someone-else"), []),
    ],
)
def test_filters(
    database: Database, visits: dict[str, str], flt: VisitFilter, expected: list[str]
) -> None:
    assert listed(database, flt) == [visits[k] for k in expected]


def test_filter_by_enterprise_and_officer(
    database: Database, device: DeviceInfo, ikms: dict[str, str], visits: dict[str, str]
) -> None:
    assert listed(database, VisitFilter(enterprise_id=ikms["wahau"])) == [visits["w1"]]
    assert len(listed(database, VisitFilter(officer_id=device.id))) == 3


@pytest.mark.parametrize(
    ("sort", "descending", "expected"),
    [
        ("visit_date", False, ["k1", "w1", "k2"]),
        ("enterprise_name", False, ["w1", "k1", "k2"]),
        ("enterprise_name", True, ["k2", "k1", "w1"]),
        ("status", False, ["k1", "w1", "k2"]),
        ("purpose", False, ["w1", "k1", "k2"]),
        ("kecamatan", False, ["k1", "k2", "w1"]),
        ("cluster", False, ["w1", "k1", "k2"]),
    ],
)
def test_sorting(
    database: Database,
    visits: dict[str, str],
    sort: str,
    descending: bool,
    expected: list[str],
) -> None:
    assert listed(database, sort=sort, descending=descending) == [visits[k] for k in expected]


def test_every_sort_key_and_paging(database: Database, visits: dict[str, str]) -> None:
    for sort in SORT_KEYS:
        everything = listed(database, sort=sort)
        assert len(everything) == 3
        pages = [listed(database, sort=sort, offset=o, limit=2) for o in (0, 2)]
        assert pages[0] + pages[1] == everything


@pytest.mark.parametrize(
    ("flt", "kwargs", "field"),
    [
        (VisitFilter(status="done"), {}, "status"),
        (VisitFilter(purpose="wisata"), {}, "purpose"),
        (VisitFilter(cluster="durian"), {}, "cluster"),
        (VisitFilter(), {"sort": "findings"}, "sort"),
        (VisitFilter(), {"limit": 0}, "limit"),
    ],
)
def test_bad_list_requests(
    database: Database, flt: VisitFilter, kwargs: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as caught, database.unit_of_work() as session:
        list_visits(session, flt, **kwargs)
    assert caught.value.field == field


def test_the_database_itself_refuses_a_far_future_visit(
    database: Database, device: DeviceInfo, ikms: dict[str, str]
) -> None:
    before = checksum(database)
    with pytest.raises(IntegrityError), database.unit_of_work() as session:
        session.add(
            Visit(
                id=new_id(),
                enterprise_id=ikms["kalbana"],
                visit_date=date(2205, 1, 1),
                officer_id=device.id,
                purpose="mentoring",
            )
        )
        session.flush()
    assert checksum(database) == before
