"""Follow-ups: planning on editable visits, marking done any time, states and lists."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ikmdesk.db import Database
from ikmdesk.errors import NotFoundError, ValidationError
from ikmdesk.models import ChecklistTemplate, FollowUp, QualityAnswer, QualityCheck, Visit, new_id
from ikmdesk.services.enterprise import EnterpriseInput, create_enterprise
from ikmdesk.services.follow_up import (
    SORT_KEYS,
    FollowUpFilter,
    FollowUpInput,
    count_follow_ups,
    create_follow_up,
    delete_follow_up,
    follow_up_state,
    get_follow_up,
    list_follow_ups,
    mark_done,
    mark_open,
    update_follow_up,
)
from ikmdesk.services.visit import VisitInput, VisitLocked, create_visit, submit_visit
from tests.services import PLACES, change_ops, checksum

VISIT_DAY = date(2026, 1, 5)
TODAY = date(2026, 2, 1)  # the day states are computed for


@pytest.fixture
def visits(database: Database) -> dict[str, str]:
    """Two draft visits: one to a banana IKM in Kaliorang, one to a cocoa IKM in Sangatta."""
    with database.unit_of_work() as session:
        kalbana = create_enterprise(
            session,
            EnterpriseInput(
                name="UD Kalbana", kecamatan_id=PLACES.kaliorang, cluster_id=PLACES.pisang
            ),
        )
        wahau = create_enterprise(
            session,
            EnterpriseInput(
                name="CV Kakao Wahau", kecamatan_id=PLACES.sangatta_utara, cluster_id=PLACES.kakao
            ),
        )
        return {
            "kalbana": create_visit(
                session,
                VisitInput(
                    enterprise_id=kalbana,
                    visit_date=VISIT_DAY,
                    purpose="mentoring",
                    findings="Belum ada label",
                ),
            ),
            "wahau": create_visit(
                session,
                VisitInput(enterprise_id=wahau, visit_date=VISIT_DAY, purpose="monitoring"),
            ),
        }


def plan(visit: str, **changes: Any) -> FollowUpInput:
    base = FollowUpInput(visit_id=visit, action="Buat label kemasan", due_date=date(2026, 2, 20))
    return dataclasses.replace(base, **changes)


def test_follow_up_belongs_to_the_visits_ikm_and_is_logged(
    database: Database, visits: dict[str, str]
) -> None:
    with database.unit_of_work() as session:
        follow_up = create_follow_up(
            session, plan(visits["kalbana"], owner=" Ibu  Siti ", action=" Buat label ")
        )
        row = get_follow_up(session, follow_up, today=TODAY)
    assert row.visit_id == visits["kalbana"]
    assert row.enterprise_name == "UD Kalbana"
    assert (row.action, row.owner) == ("Buat label", "Ibu Siti")
    assert (row.due_date, row.done_on, row.state) == (date(2026, 2, 20), None, "open")
    ops = dict(change_ops(database, "follow_up", follow_up))
    assert ops["action"] == "Buat label"
    assert ops["due_date"] == "2026-02-20"
    assert ops["enterprise_id"] == row.enterprise_id


@pytest.fixture
def planned(database: Database, visits: dict[str, str]) -> dict[str, str]:
    """Follow-ups in every state as of TODAY."""
    with database.unit_of_work() as session:
        ids = {
            name: create_follow_up(session, plan(visits[visit], action=action, due_date=due))
            for name, visit, action, due in [
                ("overdue", "kalbana", "Bersihkan lantai", date(2026, 1, 20)),
                ("due_today", "kalbana", "Pasang tirai", TODAY),
                ("due_last_day", "wahau", "Fermentasi 5 hari", TODAY + timedelta(days=7)),
                ("open", "wahau", "Daftar SIHALAL", TODAY + timedelta(days=8)),
                ("done", "kalbana", "Ganti minyak", date(2026, 1, 10)),
            ]
        }
        mark_done(session, ids["done"], done_on=date(2026, 1, 9), note="Sudah")
    return ids


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("overdue", ["overdue"]),
        ("due", ["due_today", "due_last_day"]),
        ("open", ["overdue", "due_today", "due_last_day", "open"]),
        ("done", ["done"]),
        (None, ["done", "overdue", "due_today", "due_last_day", "open"]),
    ],
)
def test_state_filters(
    database: Database, planned: dict[str, str], state: str | None, expected: list[str]
) -> None:
    flt = FollowUpFilter(state=state, today=TODAY)
    with database.unit_of_work() as session:
        rows = list_follow_ups(session, flt)
        assert count_follow_ups(session, flt) == len(rows)
    assert [r.id for r in rows] == [planned[name] for name in expected]


def test_row_states_match_the_rule(database: Database, planned: dict[str, str]) -> None:
    with database.unit_of_work() as session:
        rows = list_follow_ups(session, FollowUpFilter(today=TODAY))
    by_id = {planned[name]: name for name in planned}
    states = {by_id[r.id]: r.state for r in rows}
    assert states == {
        "overdue": "overdue",
        "due_today": "due",
        "due_last_day": "due",
        "open": "open",
        "done": "done",
    }
    for row in rows:
        assert row.state == follow_up_state(row.due_date, row.done_on, TODAY)


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (FollowUpFilter(cluster="kakao"), ["due_last_day", "open"]),
        (FollowUpFilter(kecamatan="Kaliorang"), ["done", "overdue", "due_today"]),
        (FollowUpFilter(text="sihalal"), ["open"]),
        (FollowUpFilter(text="wahau"), ["due_last_day", "open"]),  # the IKM's name
        (FollowUpFilter(state="open", cluster="pisang"), ["overdue", "due_today"]),
    ],
)
def test_place_and_text_filters(
    database: Database, planned: dict[str, str], flt: FollowUpFilter, expected: list[str]
) -> None:
    flt = dataclasses.replace(flt, today=TODAY)
    with database.unit_of_work() as session:
        rows = list_follow_ups(session, flt)
        assert count_follow_ups(session, flt) == len(rows)
    assert [r.id for r in rows] == [planned[name] for name in expected]


def test_filter_by_visit_and_enterprise(
    database: Database, visits: dict[str, str], planned: dict[str, str]
) -> None:
    with database.unit_of_work() as session:
        by_visit = list_follow_ups(session, FollowUpFilter(visit_id=visits["wahau"]))
        enterprise = by_visit[0].enterprise_id
        by_enterprise = list_follow_ups(session, FollowUpFilter(enterprise_id=enterprise))
    assert [r.id for r in by_visit] == [planned["due_last_day"], planned["open"]]
    assert by_enterprise == by_visit


def test_every_sort_key_and_paging(database: Database, planned: dict[str, str]) -> None:
    with database.unit_of_work() as session:
        for sort in SORT_KEYS:
            for descending in (False, True):
                rows = list_follow_ups(session, sort=sort, descending=descending)
                assert len(rows) == 5
                pages = [
                    list_follow_ups(session, sort=sort, descending=descending, offset=o, limit=2)
                    for o in (0, 2, 4)
                ]
                assert [r for page in pages for r in page] == rows
        by_action = list_follow_ups(session, sort="action")
    assert [r.action for r in by_action] == sorted(r.action for r in by_action)


def test_mark_done_and_open_again(database: Database, planned: dict[str, str]) -> None:
    follow_up = planned["open"]
    with database.unit_of_work() as session:
        mark_done(session, follow_up, done_on=date(2026, 2, 3), note="  Sudah terdaftar ")
        row = get_follow_up(session, follow_up, today=TODAY)
    assert (row.done_on, row.done_note, row.state) == (date(2026, 2, 3), "Sudah terdaftar", "done")
    with database.unit_of_work() as session:
        mark_open(session, follow_up)
        row = get_follow_up(session, follow_up, today=TODAY)
    assert (row.done_on, row.done_note, row.state) == (None, None, "open")
    fields = [f for f, _ in change_ops(database, "follow_up", follow_up)]
    assert fields.count("done_on") == 2


def test_follow_ups_of_a_submitted_visit_are_planned_and_edited_but_not_deleted(
    database: Database, visits: dict[str, str], planned: dict[str, str]
) -> None:
    with database.unit_of_work() as session:
        submit_visit(session, visits["kalbana"])
    before = checksum(database)
    with pytest.raises(VisitLocked), database.unit_of_work() as session:
        delete_follow_up(session, planned["overdue"])
    assert checksum(database) == before
    with database.unit_of_work() as session:
        added = create_follow_up(
            session, plan(visits["kalbana"], action="Uji kadar air", owner="Bu Rahmah")
        )
        update_follow_up(session, planned["overdue"], plan(visits["kalbana"], owner="Pak Darto"))
        mark_done(session, planned["overdue"], done_on=TODAY)
        assert get_follow_up(session, planned["overdue"]).state == "done"
        assert get_follow_up(session, planned["overdue"]).owner == "Pak Darto"
        assert get_follow_up(session, added).owner == "Bu Rahmah"


def test_update_writes_only_changed_fields_and_delete_tombstones(
    database: Database, visits: dict[str, str]
) -> None:
    with database.unit_of_work() as session:
        follow_up = create_follow_up(session, plan(visits["kalbana"]))
    logged = len(change_ops(database, "follow_up", follow_up))
    with database.unit_of_work() as session:
        update_follow_up(session, follow_up, plan(visits["kalbana"], owner="Pak Rudi"))
    assert change_ops(database, "follow_up", follow_up)[logged:] == [("owner", "Pak Rudi")]
    with database.unit_of_work() as session:
        delete_follow_up(session, follow_up)
    with database.unit_of_work() as session:
        assert list_follow_ups(session) == []
        with pytest.raises(NotFoundError):
            get_follow_up(session, follow_up)
    assert ("deleted", True) in change_ops(database, "follow_up", follow_up)


BAD = [
    ("action", {"action": "   "}),
    ("owner", {"owner": "x" * 201}),
    ("due_date", {"due_date": None}),
    ("due_date", {"due_date": date(2100, 1, 1)}),
    ("due_date", {"due_date": VISIT_DAY - timedelta(days=1)}),
    ("answer_id", {"answer_id": "no-such-answer"}),
]


@pytest.mark.parametrize(("field", "changes"), [*BAD, ("visit_id", {"visit_id": "no-such"})])
def test_bad_follow_up_is_refused_and_nothing_changes(
    database: Database, visits: dict[str, str], field: str, changes: dict[str, Any]
) -> None:
    before = checksum(database)
    with pytest.raises(ValidationError) as caught, database.unit_of_work() as session:
        create_follow_up(session, plan(visits["kalbana"], **changes))
    assert caught.value.field == field
    assert caught.value.message()
    assert checksum(database) == before


@pytest.mark.parametrize(("field", "changes"), [*BAD, ("visit_id", {"visit_id": "another-visit"})])
def test_bad_follow_up_edit_is_refused_and_it_stays_as_stored(
    database: Database, visits: dict[str, str], field: str, changes: dict[str, Any]
) -> None:
    if changes.get("visit_id") == "another-visit":
        changes = {"visit_id": visits["wahau"]}
    with database.unit_of_work() as session:
        follow_up = create_follow_up(session, plan(visits["kalbana"]))
    before = checksum(database)
    with pytest.raises(ValidationError) as caught, database.unit_of_work() as session:
        update_follow_up(session, follow_up, plan(visits["kalbana"], **changes))
    assert caught.value.field == field
    assert checksum(database) == before


@pytest.mark.parametrize(
    "done_on",
    [date.today() + timedelta(days=2), VISIT_DAY - timedelta(days=1), None],
)
def test_bad_done_date_is_refused(
    database: Database, planned: dict[str, str], done_on: date | None
) -> None:
    before = checksum(database)
    with pytest.raises(ValidationError) as caught, database.unit_of_work() as session:
        mark_done(session, planned["open"], done_on=done_on)  # type: ignore[arg-type]
    assert caught.value.field == "done_on"
    assert checksum(database) == before


def test_follow_up_can_point_at_a_finding_of_its_own_visit(
    database: Database, visits: dict[str, str]
) -> None:
    with database.unit_of_work() as session:
        template = session.scalar(select(ChecklistTemplate.id).limit(1))
        if template is None:
            pytest.skip("no checklist template stored in a new database")
        answers = {}
        for name, visit in visits.items():
            check = QualityCheck(
                id=new_id(), visit_id=visit, template_id=template, checked_on=VISIT_DAY
            )
            session.add(check)
            session.flush()  # the models declare no relationships to order the inserts by
            answer = QualityAnswer(id=new_id(), check_id=check.id, item_id="label", value="no")
            session.add(answer)
            answers[name] = answer.id
        session.flush()
        follow_up = create_follow_up(session, plan(visits["kalbana"], answer_id=answers["kalbana"]))
        assert get_follow_up(session, follow_up).answer_id == answers["kalbana"]
    before = checksum(database)
    with pytest.raises(ValidationError) as caught, database.unit_of_work() as session:
        create_follow_up(session, plan(visits["kalbana"], answer_id=answers["wahau"]))
    assert caught.value.field == "answer_id"
    assert checksum(database) == before


def test_unknown_state_or_sort_is_a_validation_error(database: Database) -> None:
    with database.unit_of_work() as session:
        with pytest.raises(ValidationError) as caught:
            list_follow_ups(session, FollowUpFilter(state="late"))
        assert caught.value.field == "state"
        with pytest.raises(ValidationError) as caught:
            count_follow_ups(session, FollowUpFilter(state="late"))
        with pytest.raises(ValidationError) as caught:
            list_follow_ups(session, sort="state; --")
        assert caught.value.field == "sort"


@pytest.mark.parametrize("bad", [{"due_date": date(2100, 1, 1)}, {"action": ""}])
def test_the_database_itself_refuses_bad_follow_ups(
    database: Database, visits: dict[str, str], bad: dict[str, Any]
) -> None:
    with database.unit_of_work() as session:
        enterprise_id = session.get_one(Visit, visits["kalbana"]).enterprise_id
    before = checksum(database)
    values = {
        "visit_id": visits["kalbana"],
        "enterprise_id": enterprise_id,
        "action": "Buat label",
        "due_date": date(2026, 2, 1),
    }
    with pytest.raises(IntegrityError), database.unit_of_work() as session:
        session.add(FollowUp(id=new_id(), **{**values, **bad}))
        session.flush()
    assert checksum(database) == before


def test_save_follow_up_creates_and_edits_with_its_state_on_an_approved_visit(
    database: Database, visits: dict[str, str]
) -> None:
    from ikmdesk.models.enums import VisitStatus
    from ikmdesk.services.follow_up import save_follow_up

    with database.unit_of_work() as session:
        session.get_one(Visit, visits["kalbana"]).status = VisitStatus.APPROVED
    with database.unit_of_work() as session:
        new = save_follow_up(session, None, plan(visits["kalbana"], owner="Pak Darto"))
        row = get_follow_up(session, new, today=TODAY)
    assert (row.owner, row.state) == ("Pak Darto", "open")
    with database.unit_of_work() as session:
        save_follow_up(
            session,
            new,
            plan(visits["kalbana"], owner="Bu Rahmah", action="Label baru"),
            done_on=TODAY,
            done_note="Sudah dicetak",
        )
        row = get_follow_up(session, new, today=TODAY)
    assert (row.owner, row.action, row.state, row.done_note) == (
        "Bu Rahmah",
        "Label baru",
        "done",
        "Sudah dicetak",
    )
    before = checksum(database)
    with pytest.raises(ValidationError), database.unit_of_work() as session:
        save_follow_up(
            session, new, plan(visits["kalbana"], action="Ubah"), done_on=date(2001, 1, 1)
        )
    assert checksum(database) == before
