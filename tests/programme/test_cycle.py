"""Diagnosis, plan, logbook and progress of an enrolled IKM, through the services."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from ikmdesk.errors import ValidationError
from ikmdesk.services.device import this_device
from ikmdesk.services.product import ProductInput, create_product
from ikmdesk.services.programme.diagnosis import (
    get_diagnosis,
    save_diagnosis,
    starting_answers,
)
from ikmdesk.services.programme.logbook import (
    LogbookInput,
    programme_logbook,
    record_logbook,
    visit_logbook,
)
from ikmdesk.services.programme.plan import add_target, list_targets, mark_target_done
from ikmdesk.services.programme.progress import expected_visits, programme_progress
from ikmdesk.services.visit import VisitInput, create_visit
from tests.conftest import make_database
from tests.programme.helpers import START, add_ikm, add_partner, cocoa_programme
from tests.sync.sync_helpers import edit, file_digest


@pytest.fixture
def setup(tmp_path: Path):
    db = make_database(tmp_path / "sup.db", role="supervisor", name="Bu Kasi")
    with db.unit_of_work() as session:
        me = this_device(session).id
    ikm = add_ikm(db, "Cokelat Karangan Hilir")
    other = add_ikm(db, "Tidak Terdaftar")
    partner = add_partner(db)
    pid = cocoa_programme(db, officer_ids=(me,), enterprise_ids=(ikm,), partner_ids=(partner,))
    yield db, pid, ikm, other, partner
    db.close()


def _visit(db, ikm: str, day: date) -> str:
    with db.unit_of_work() as session:
        return create_visit(
            session, VisitInput(enterprise_id=ikm, visit_date=day, purpose="mentoring")
        )


def test_diagnosis_reuses_licences_and_products_instead_of_asking(setup) -> None:
    db, pid, ikm, _other, _partner = setup
    from ikmdesk.models import Enterprise

    edit(db, Enterprise, ikm, nib="1234567890123", workers=4)
    with db.unit_of_work() as session:
        create_product(
            session,
            ProductInput(enterprise_id=ikm, name="Cokelat batang", pirt_number="2063510010243-26"),
        )
        answers = starting_answers(session, pid, ikm)
    assert answers["nib"] is True and answers["spp_irt"] is True
    assert answers["pekerja"] == 4
    assert answers["produk_utama"] == "Cokelat batang"
    assert answers["level_cppb"] == "belum" and answers["label"] == "belum"
    answers |= {"saluran": ["warung", "pasar"], "pembukuan": "tidak_ada"}
    with db.unit_of_work() as session:
        save_diagnosis(
            session, programme_id=pid, enterprise_id=ikm, answers=answers, diagnosed_on=START
        )
        stored = get_diagnosis(session, pid, ikm)
    assert stored is not None and stored.answers["saluran"] == ["warung", "pasar"]
    assert stored.form.code == "diagnosis-usaha" and stored.form.version == 1


@pytest.mark.parametrize(
    "answers",
    [{"pekerja": -1}, {"halal": "maybe"}, {"nib": "ya"}, {"saluran": ["tv"]}, {"unknown": 1}],
)
def test_bad_diagnosis_answers_are_refused_untouched(setup, answers) -> None:
    db, pid, ikm, _other, _partner = setup
    before = file_digest(db.path)
    with pytest.raises(ValidationError), db.unit_of_work() as session:
        save_diagnosis(
            session, programme_id=pid, enterprise_id=ikm, answers=answers, diagnosed_on=START
        )
    assert file_digest(db.path) == before


def test_an_ikm_outside_the_programme_gets_no_diagnosis_or_target(setup) -> None:
    db, pid, _ikm, other, _partner = setup
    with pytest.raises(ValidationError), db.unit_of_work() as session:
        save_diagnosis(
            session, programme_id=pid, enterprise_id=other, answers={}, diagnosed_on=START
        )
    with pytest.raises(ValidationError), db.unit_of_work() as session:
        add_target(session, programme_id=pid, enterprise_id=other, code="spp-irt-terbit")


def test_plan_targets_take_catalogue_words_and_turn_due_late_done(setup) -> None:
    db, pid, ikm, _other, _partner = setup
    with db.unit_of_work() as session:
        spp = add_target(session, programme_id=pid, enterprise_id=ikm, code="spp-irt-terbit")
        label = add_target(
            session,
            programme_id=pid,
            enterprise_id=ikm,
            code="label-perbpom-31-2018",
            due_on=START + timedelta(days=20),
        )
        add_target(session, programme_id=pid, enterprise_id=ikm, code="jual-daring")
        mark_target_done(session, label, done_on=START + timedelta(days=15))
        on = START + timedelta(days=115)
        rows = {r.code: r for r in list_targets(session, pid, on=on)}
    assert rows["spp-irt-terbit"].due_on == START + timedelta(days=120)
    assert rows["spp-irt-terbit"].state == "due"
    assert rows["spp-irt-terbit"].title_id == "SPP-IRT terbit"
    assert "PerBPOM 4/2024" in rows["spp-irt-terbit"].source
    assert rows["label-perbpom-31-2018"].state == "done"
    assert rows["jual-daring"].state == "late"
    assert spp == rows["spp-irt-terbit"].id


def test_targets_outside_the_catalogue_or_the_period_are_refused(setup) -> None:
    db, pid, ikm, _other, _partner = setup
    with pytest.raises(ValidationError), db.unit_of_work() as session:
        add_target(session, programme_id=pid, enterprise_id=ikm, code="jadi-kaya")
    with pytest.raises(ValidationError), db.unit_of_work() as session:
        add_target(
            session,
            programme_id=pid,
            enterprise_id=ikm,
            code="nib-terbit",
            due_on=date(2030, 1, 1),
        )


def test_logbook_visits_count_against_rhythm_and_hours(setup) -> None:
    db, pid, ikm, _other, partner = setup
    first = _visit(db, ikm, START + timedelta(days=1))
    second = _visit(db, ikm, START + timedelta(days=8))
    with db.unit_of_work() as session:
        record_logbook(
            session,
            first,
            LogbookInput(
                programme_id=pid,
                topics=("label-perbpom-31-2018", "kode-produksi-kedaluwarsa"),
                method="demonstration",
                hours=3.5,
                workers_reached=4,
                partner_id=partner,
            ),
        )
        record_logbook(
            session,
            second,
            LogbookInput(programme_id=pid, topics=("cuci-tangan",), method="practice", hours=1.5),
        )
        entry = visit_logbook(session, first)
        logbook = programme_logbook(session, pid)
        [progress] = programme_progress(session, pid, on=START + timedelta(days=27))
    assert entry is not None and entry.partner_name == "Universitas Mulawarman"
    assert [e.visit_date for e in logbook] == [START + timedelta(days=8), START + timedelta(days=1)]
    assert progress.visits == 2 and progress.expected_visits == 4 and progress.behind
    assert progress.hours == 5.0 and progress.short_visits == 1
    assert progress.workers_reached == 4
    assert expected_visits(START, START + timedelta(days=100), 7, START - timedelta(days=1)) == 0


@pytest.mark.parametrize(
    "change",
    [
        {"topics": ("bukan-topik",)},
        {"method": "ceramah"},
        {"hours": 30},
        {"workers_reached": -2},
        {"partner_id": "not-a-partner"},
    ],
)
def test_bad_logbook_entries_are_refused_untouched(setup, change) -> None:
    db, pid, ikm, _other, _partner = setup
    visit = _visit(db, ikm, START + timedelta(days=1))
    before = file_digest(db.path)
    data = {"programme_id": pid, "topics": ("cuci-tangan",), "method": "practice", "hours": 2.0}
    with pytest.raises(ValidationError), db.unit_of_work() as session:
        record_logbook(session, visit, LogbookInput(**(data | change)))
    assert file_digest(db.path) == before
