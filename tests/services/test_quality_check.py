"""Quality checks: bound to a template version, scored and stored, findings become follow-ups."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from ikmdesk.db import Database
from ikmdesk.errors import UserError, ValidationError
from ikmdesk.models import ChecklistTemplate as TemplateRecord
from ikmdesk.models import Enterprise, FollowUp, Product, QualityCheck, Visit
from ikmdesk.models.enums import CheckStatus, VisitPurpose, VisitStatus
from ikmdesk.services.checklist_template import (
    parse_template,
    previous_templates,
    shipped_templates,
)
from ikmdesk.services.device import DeviceInfo
from ikmdesk.services.quality_check import (
    AnswerInput,
    available_templates,
    checks_for_visit,
    get_check,
    missing_finding_fields,
    quality_trend,
    remove_check,
    save_answers,
    start_check,
    template_record_id,
)
from ikmdesk.services.quality_scoring import AnswerError
from ikmdesk.services.reference_data import cluster_id, region_id
from tests.services import checksum

VISIT_DAY = date(2026, 3, 4)


def make_visit(
    database: Database, device: DeviceInfo, *, on: date = VISIT_DAY, enterprise_id: str = ""
) -> tuple[str, str]:
    """Return (enterprise id, visit id) of a new enterprise (or the given one) and a draft visit."""
    with database.unit_of_work() as session:
        if not enterprise_id:
            enterprise = Enterprise(
                name="UD Keripik Sangatta",
                kecamatan_id=region_id("64.08.01"),
                cluster_id=cluster_id("pisang"),
            )
            session.add(enterprise)
            session.flush()
            enterprise_id = enterprise.id
        visit = Visit(
            enterprise_id=enterprise_id,
            visit_date=on,
            officer_id=device.id,
            purpose=VisitPurpose.MENTORING,
        )
        session.add(visit)
        session.flush()
        return enterprise_id, visit.id


def make_product(database: Database, enterprise_id: str, name: str) -> str:
    with database.unit_of_work() as session:
        product = Product(enterprise_id=enterprise_id, name=name)
        session.add(product)
        session.flush()
        return product.id


def cppb() -> Any:
    return next(t for t in shipped_templates() if t.id == "cppb-irt")


def all_no(template: Any) -> dict[str, Any]:
    return {item.id: "no" for item in template.items()}


def finding(action: str = "Bersihkan ruang produksi setiap hari", due: date | None = None) -> Any:
    return AnswerInput(
        value="yes",
        problem="Lantai ruang produksi berdebu",
        location="Ruang pengadonan",
        evidence="Debu tebal di sudut lantai, foto 1",
        reference="CPPB-IRT butir 3",
        corrective_action=action,
        due_date=due or date(2026, 4, 4),
    )


def test_a_check_uses_the_shipped_template_and_its_findings_become_follow_ups(
    database: Database, device: DeviceInfo
) -> None:
    enterprise_id, visit_id = make_visit(database, device)
    template = cppb()
    answers: dict[str, Any] = all_no(template)
    answers["3"] = finding()
    answers["5"] = AnswerInput(value="yes", problem="Wajan berkarat")  # no action yet
    with database.unit_of_work() as session:
        check_id = start_check(session, visit_id=visit_id, template_code="cppb-irt")
        result = save_answers(session, check_id, answers)
    assert result.status == "complete"
    assert result.counts["SE"] == 1 and result.counts["KR"] == 1
    assert result.unverified  # the level thresholds are marked unverified in the template
    with database.unit_of_work() as session:
        detail = get_check(session, check_id)
        follow_ups = session.scalars(select(FollowUp).where(FollowUp.visit_id == visit_id)).all()
    assert detail.summary.template_version == template.version
    assert detail.summary.result_status == CheckStatus.COMPLETE
    assert detail.summary.result_code == result.code
    assert detail.result == result
    assert detail.answers["3"].evidence == "Debu tebal di sudut lantai, foto 1"
    assert [(f.action, f.due_date, f.enterprise_id) for f in follow_ups] == [
        ("Bersihkan ruang produksi setiap hari", date(2026, 4, 4), enterprise_id)
    ]
    assert detail.answers["3"].follow_up_id == follow_ups[0].id
    assert set(missing_finding_fields(detail)["5"]) == {
        "location",
        "evidence",
        "corrective_action",
        "due_date",
    }


def test_withdrawing_a_finding_removes_its_open_follow_up(
    database: Database, device: DeviceInfo
) -> None:
    _, visit_id = make_visit(database, device)
    with database.unit_of_work() as session:
        check_id = start_check(session, visit_id=visit_id, template_code="cppb-irt")
        save_answers(session, check_id, {"3": finding()})
    with database.unit_of_work() as session:
        save_answers(session, check_id, {"3": AnswerInput(value="no")})
    with database.unit_of_work() as session:
        live = session.scalars(
            select(FollowUp).where(FollowUp.visit_id == visit_id, FollowUp.deleted.is_(False))
        ).all()
        assert live == []
        assert get_check(session, check_id).answers["3"].corrective_action is None


def test_changing_the_action_updates_the_same_follow_up(
    database: Database, device: DeviceInfo
) -> None:
    _, visit_id = make_visit(database, device)
    with database.unit_of_work() as session:
        check_id = start_check(session, visit_id=visit_id, template_code="cppb-irt")
        save_answers(session, check_id, {"3": finding()})
    with database.unit_of_work() as session:
        save_answers(session, check_id, {"3": finding("Pel lantai dua kali", date(2026, 5, 1))})
    with database.unit_of_work() as session:
        rows = session.scalars(select(FollowUp).where(FollowUp.visit_id == visit_id)).all()
    assert [(r.action, r.due_date, r.deleted) for r in rows] == [
        ("Pel lantai dua kali", date(2026, 5, 1), False)
    ]


def test_a_newer_template_version_never_rescored_an_existing_check(
    database: Database, device: DeviceInfo
) -> None:
    _, visit_id = make_visit(database, device)
    template = cppb()
    with database.unit_of_work() as session:
        check_id = start_check(session, visit_id=visit_id, template_code="cppb-irt")
        answers: dict[str, Any] = all_no(template)
        answers["1"] = "yes"  # one SE finding
        before = save_answers(session, check_id, answers)
    # A supervisor's version 2 arrives: every level shifted, a different outcome for 1 SE.
    with database.unit_of_work() as session:
        record = session.get_one(TemplateRecord, template_record_id("cppb-irt", template.version))
        definition = copy.deepcopy(record.definition)
    definition["version"] = template.version + 1
    for level in definition["rule"]["levels"]:
        level["label"] = {"id": "Versi baru " + level["label"]["id"], "en": "New"}
    newer = parse_template(definition)
    with database.unit_of_work() as session:
        session.add(
            TemplateRecord(
                code="cppb-irt",
                version=newer.version,
                title_id=newer.title.id,
                title_en=newer.title.en,
                definition=definition,
            )
        )
    with database.unit_of_work() as session:
        detail = get_check(session, check_id)
        assert detail.result == before
        assert detail.summary.template_version == template.version
        again = save_answers(session, check_id, {"2": "no"})
        assert again.label == before.label  # still scored with its own version
        new_check = start_check(session, visit_id=visit_id, template_code="cppb-irt")
        assert get_check(session, new_check).summary.template_version == newer.version
        newest = {t.code: t.version for t in available_templates(session)}
    assert newest["cppb-irt"] == newer.version


def test_bad_answers_are_refused_and_nothing_is_written(
    database: Database, device: DeviceInfo
) -> None:
    _, visit_id = make_visit(database, device)
    with database.unit_of_work() as session:
        check_id = start_check(session, visit_id=visit_id, template_code="cppb-irt")
    before = checksum(database)
    with pytest.raises(AnswerError) as bad_value, database.unit_of_work() as session:
        save_answers(session, check_id, {"1": "perhaps", "3": finding()})
    assert bad_value.value.field == "1"
    with pytest.raises(ValidationError) as early, database.unit_of_work() as session:
        save_answers(session, check_id, {"3": finding(due=date(2026, 3, 1))})
    assert early.value.field == "3.due_date"
    assert "tidak boleh sebelum" in early.value.message()
    with pytest.raises(ValidationError) as far, database.unit_of_work() as session:
        save_answers(session, check_id, {"3": finding(due=date(2206, 3, 1))})
    assert far.value.field == "3.due_date"
    assert checksum(database) == before


def test_a_submitted_visit_locks_its_checks(database: Database, device: DeviceInfo) -> None:
    _, visit_id = make_visit(database, device)
    with database.unit_of_work() as session:
        check_id = start_check(session, visit_id=visit_id, template_code="cppb-irt")
        session.get_one(Visit, visit_id).status = VisitStatus.SUBMITTED
    with pytest.raises(UserError), database.unit_of_work() as session:
        save_answers(session, check_id, {"1": "no"})
    with pytest.raises(UserError), database.unit_of_work() as session:
        start_check(session, visit_id=visit_id, template_code="cppb-irt")


def test_the_trend_follows_an_enterprise_and_each_product_over_time(
    database: Database, device: DeviceInfo
) -> None:
    enterprise_id, first_visit = make_visit(database, device, on=date(2026, 1, 10))
    _, second_visit = make_visit(
        database, device, on=date(2026, 3, 10), enterprise_id=enterprise_id
    )
    chips = make_product(database, enterprise_id, "Keripik pisang")
    template = cppb()
    with database.unit_of_work() as session:
        first = start_check(
            session, visit_id=first_visit, template_code="cppb-irt", product_id=chips
        )
        answers: dict[str, Any] = all_no(template)
        answers["5"] = "yes"
        save_answers(session, first, answers)
        second = start_check(session, visit_id=second_visit, template_code="cppb-irt")
        save_answers(session, second, all_no(template))
        unfinished = start_check(session, visit_id=second_visit, template_code="cppb-irt")
        save_answers(session, unfinished, {"1": "no"})
    with database.unit_of_work() as session:
        trend = quality_trend(session, enterprise_id=enterprise_id)
        chips_trend = quality_trend(session, enterprise_id=enterprise_id, product_id=chips)
        listed = checks_for_visit(session, second_visit)
    assert [(p.checked_on, p.template_code) for p in trend] == [
        (date(2026, 1, 10), "cppb-irt"),
        (date(2026, 3, 10), "cppb-irt"),
    ]
    assert trend[0].result_code != trend[1].result_code  # a critical finding, then none
    assert trend[0].score == 1 and trend[1].score == 0
    assert [(p.check_id, p.product_name) for p in chips_trend] == [(first, "Keripik pisang")]
    assert [c.id for c in listed] == [second, unfinished]
    assert listed[1].result_status == CheckStatus.INCOMPLETE


def test_a_product_of_another_enterprise_is_refused(database: Database, device: DeviceInfo) -> None:
    _, visit_id = make_visit(database, device)
    other_enterprise, _ = make_visit(database, device)
    other_product = make_product(database, other_enterprise, "Dodol")
    with pytest.raises(ValidationError) as refused, database.unit_of_work() as session:
        start_check(session, visit_id=visit_id, template_code="cppb-irt", product_id=other_product)
    assert refused.value.field == "product_id"


def test_removing_a_check_takes_its_open_follow_ups(database: Database, device: DeviceInfo) -> None:
    _, visit_id = make_visit(database, device)
    with database.unit_of_work() as session:
        check_id = start_check(session, visit_id=visit_id, template_code="cppb-irt")
        save_answers(session, check_id, {"3": finding()})
    with database.unit_of_work() as session:
        remove_check(session, check_id)
    with database.unit_of_work() as session:
        assert checks_for_visit(session, visit_id) == []
        live = session.scalars(
            select(FollowUp).where(FollowUp.visit_id == visit_id, FollowUp.deleted.is_(False))
        ).all()
    assert live == []


def test_shipped_templates_are_stored_once_without_change_ops(database: Database) -> None:
    from sqlalchemy import func

    from ikmdesk.models import ChangeOp
    from ikmdesk.services.quality_check import ensure_shipped_templates

    with database.unit_of_work() as session:
        ensure_shipped_templates(session)  # a new data file may already have seeded them
        again = ensure_shipped_templates(session)
        template_ops = session.scalar(
            select(func.count())
            .select_from(ChangeOp)
            .where(ChangeOp.entity == TemplateRecord.__tablename__)
        )
        stored = {(r.code, r.version, r.id) for r in session.scalars(select(TemplateRecord))}
    assert again == 0
    assert template_ops == 0  # every device ships them; nothing to send
    bundled = (*previous_templates(), *shipped_templates())
    shipped = {(t.id, t.version, template_record_id(t.id, t.version)) for t in bundled}
    assert shipped == stored


def rotten_bananas_and_unclean_water(template: Any) -> dict[str, Any]:
    answers: dict[str, Any] = {
        item.id: "yes" for item in template.items() if item.answer == "yes_no_na"
    }
    return answers | {"kerenyahan": "renyah", "bahan_baku": "no", "air_bersih": "no"}


def test_a_check_stored_under_version_1_keeps_and_prints_its_old_result(
    database: Database,
) -> None:
    from ikmdesk.reports.render import render_visit
    from tests.reports.builders import build_visit
    from tests.reports.pdf_text import all_text

    built = build_visit(database, status=VisitStatus.DRAFT, with_checks=False)
    v1 = next(t for t in previous_templates() if t.id == "keripik-pisang")
    with database.unit_of_work() as session:
        check_id = start_check(session, visit_id=built.visit_id, template_code="keripik-pisang")
        # The check was made on a laptop that only had version 1 (the old, too lenient rule).
        session.get_one(QualityCheck, check_id).template_id = template_record_id(v1.id, 1)
    with database.unit_of_work() as session:
        old = save_answers(session, check_id, rotten_bananas_and_unclean_water(v1))
        row = session.get_one(QualityCheck, check_id)
        # As stored by the app before verdicts existed: no "verdict" in the result.
        row.result = {k: v for k, v in dict(row.result).items() if k != "verdict"}
    assert (old.code, old.label.id) == ("PASS", "Sesuai — skor 86,7 %")

    with database.unit_of_work() as session:
        detail = get_check(session, check_id)
        assert detail.summary.template_version == 1
        assert detail.result is not None and detail.result.label.id == "Sesuai — skor 86,7 %"
        assert detail.result.verdict.outcome == "pass"  # read off the stored code, not re-scored
        new_id = start_check(session, visit_id=built.visit_id, template_code="keripik-pisang")
        new = save_answers(session, new_id, rotten_bananas_and_unclean_water(v1))
    assert (new.verdict.outcome, new.verdict.failed_critical) == (
        "fail",
        ("bahan_baku", "air_bersih"),
    )
    text = all_text(render_visit(database, built.visit_id))
    assert "Sesuai — skor 86,7 %" in text  # the version 1 check prints what it was given
    assert "Belum sesuai — skor 86,7 %" in text  # the version 2 check of the same answers


def test_na_on_an_item_that_always_applies_is_refused_before_anything_is_written(
    database: Database, device: DeviceInfo
) -> None:
    _, visit_id = make_visit(database, device)
    with database.unit_of_work() as session:
        check_id = start_check(session, visit_id=visit_id, template_code="cppb-irt")
    before = checksum(database)

    with pytest.raises(AnswerError) as refused, database.unit_of_work() as session:
        save_answers(session, check_id, {"28": "na", "31": "na"})

    assert refused.value.field == "31"
    assert checksum(database) == before
