"""Programmes and partners: made by the supervisor only, validated, enrolments never doubled."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from ikmdesk.errors import ValidationError
from ikmdesk.models import ChangeOp, ProgrammeEnrollment
from ikmdesk.services.device import this_device
from ikmdesk.services.programme import programme as programme_service
from ikmdesk.services.programme.authority import SupervisorOnly
from ikmdesk.services.programme.partner import PartnerInput, list_partners, save_partner
from ikmdesk.services.programme.programme import get_programme, list_programmes, save_programme
from tests.conftest import make_database
from tests.programme.helpers import START, add_ikm, add_partner, cocoa_programme
from tests.sync.sync_helpers import file_digest


@pytest.fixture
def supervisor(tmp_path: Path):
    db = make_database(tmp_path / "sup.db", role="supervisor", name="Bu Kasi")
    yield db
    db.close()


def _me(db) -> str:
    with db.unit_of_work() as session:
        return this_device(session).id


def test_supervisor_creates_a_programme_with_officers_partners_and_ikms(supervisor) -> None:
    ikm = add_ikm(supervisor, "Cokelat Karangan Hilir")
    partner = add_partner(supervisor)
    me = _me(supervisor)
    pid = cocoa_programme(
        supervisor, officer_ids=(me,), enterprise_ids=(ikm,), partner_ids=(partner,)
    )
    with supervisor.unit_of_work() as session:
        detail = get_programme(session, pid, on=START)
        rows = list_programmes(session, officer_id=me, on=START)
        partners = list_partners(session)
    assert detail.cluster_code == "kakao"
    assert detail.kecamatan == "Karangan"
    assert detail.visit_interval_days == 7 and detail.min_hours_per_visit == 3
    assert detail.partners == ((partner, "Universitas Mulawarman"),)
    assert [e.name for e in detail.enterprises] == ["Cokelat Karangan Hilir"]
    assert detail.status == "running"
    assert [(r.name, r.mine, r.enterprise_count) for r in rows] == [
        ("Pendampingan Kakao Karangan 2026", True, 1)
    ]
    assert partners[0].programme_count == 1


def test_every_programme_record_is_in_the_change_log(supervisor) -> None:
    ikm = add_ikm(supervisor, "Cokelat Karangan Hilir")
    pid = cocoa_programme(supervisor, officer_ids=(_me(supervisor),), enterprise_ids=(ikm,))
    with supervisor.unit_of_work() as session:
        entities = set(session.scalars(select(ChangeOp.entity).where(ChangeOp.row_id != "")))
        fields = set(session.scalars(select(ChangeOp.field).where(ChangeOp.row_id == pid)))
    assert {"programme", "programme_enrollment"} <= entities
    assert {"name", "officer_ids", "starts_on", "visit_interval_days"} <= fields


def test_removing_and_readding_an_ikm_revives_the_same_enrolment(supervisor) -> None:
    a, b = add_ikm(supervisor, "IKM A"), add_ikm(supervisor, "IKM B")
    me = _me(supervisor)
    pid = cocoa_programme(supervisor, officer_ids=(me,), enterprise_ids=(a, b))
    with supervisor.unit_of_work() as session:
        data = programme_service.ProgrammeInput(
            **{
                **{
                    k: getattr(get_programme(session, pid), k)
                    for k in (
                        "name",
                        "cluster_id",
                        "kecamatan_id",
                        "starts_on",
                        "ends_on",
                    )
                },
                "officer_ids": (me,),
            }
        )
        save_programme(session, replace(data, enterprise_ids=(a,)), pid)
        assert [e.name for e in get_programme(session, pid).enterprises] == ["IKM A"]
        save_programme(session, replace(data, enterprise_ids=(a, b)), pid)
        rows = session.scalars(select(ProgrammeEnrollment)).all()
    assert len(rows) == 2 and not any(r.deleted for r in rows)


def test_an_officer_cannot_make_programmes_or_partners(database, tmp_path: Path) -> None:
    ikm = add_ikm(database, "IKM A")
    before = file_digest(database.path)
    with pytest.raises(SupervisorOnly):
        cocoa_programme(database, officer_ids=(_me(database),), enterprise_ids=(ikm,))
    with pytest.raises(SupervisorOnly), database.unit_of_work() as session:
        save_partner(session, PartnerInput(name="BPOM Samarinda", kind="bpom"))
    assert file_digest(database.path) == before


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": "  "}, "name"),
        ({"ends_on": START.replace(year=2025)}, "ends_on"),
        ({"visit_interval_days": 0}, "visit_interval_days"),
        ({"min_hours_per_visit": 30.0}, "min_hours_per_visit"),
        ({"officer_ids": ()}, "officer_ids"),
        ({"partner_ids": ("no-such-partner",)}, "partner_ids"),
    ],
)
def test_bad_programme_input_is_refused_and_nothing_is_stored(supervisor, change, field) -> None:
    me = _me(supervisor)
    pid = cocoa_programme(supervisor, officer_ids=(me,), enterprise_ids=())
    before = file_digest(supervisor.path)
    with supervisor.unit_of_work() as session:
        detail = get_programme(session, pid)
    data = programme_service.ProgrammeInput(
        name=detail.name,
        cluster_id=detail.cluster_id,
        kecamatan_id=detail.kecamatan_id,
        starts_on=detail.starts_on,
        ends_on=detail.ends_on,
        officer_ids=(me,),
    )
    with pytest.raises(ValidationError) as caught, supervisor.unit_of_work() as session:
        save_programme(session, replace(data, **change), pid)
    assert caught.value.field == field
    assert caught.value.message()
    assert file_digest(supervisor.path) == before


def test_unknown_partner_kind_is_refused(supervisor) -> None:
    with pytest.raises(ValidationError) as caught, supervisor.unit_of_work() as session:
        save_partner(session, PartnerInput(name="X", kind="club"))
    assert "club" in caught.value.message()
