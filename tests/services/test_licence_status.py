"""Licence facts as of a day: P-IRT numbers run out, the halal obligation, SPP-IRT readiness."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ikmdesk.db import Database
from ikmdesk.models import Product
from ikmdesk.services.licence_status import (
    EXPIRED,
    EXPIRED_ONLY,
    EXPIRING,
    HOLDS,
    WITHOUT,
    halal_flag,
    halal_obligation,
    pirt_expiries,
    spp_irt_readiness,
)
from tests.reports.builders import build_visit


def test_pirt_expiries_as_of_a_day(database: Database) -> None:
    built = build_visit(database, name="IKM Satu")
    with database.unit_of_work() as session:
        product = session.scalars(
            select(Product).where(Product.enterprise_id == built.enterprise_id)
        ).one()
        product.pirt_number = "2066408010243-25"
        session.add(
            Product(enterprise_id=built.enterprise_id, name="Tak terbaca", pirt_number="P-IRT ?")
        )
    with database.unit_of_work() as session:
        assert pirt_expiries(session, date(2025, 6, 1), include_expiring=False) == []
        [expiring] = pirt_expiries(session, date(2025, 6, 1))
        assert expiring.state == EXPIRING and expiring.expiry_year == 2025
        [expired] = pirt_expiries(session, date(2026, 1, 1))
        assert expired.state == EXPIRED
        assert expired.enterprise_name == "IKM Satu" and expired.kecamatan == "Sangatta Utara"


def test_halal_obligation_concerns_uncertified_micro_and_small_firms_only() -> None:
    rule = halal_obligation("2026-10-17")
    assert rule is not None and not rule.confirmed
    assert halal_obligation("") is None
    day = date(2026, 3, 1)
    flag = halal_flag(rule, scale="mikro", halal_status="none", halal_issued_on=None, as_of=day)
    assert flag is not None and not flag.passed and flag.days_left == 230
    assert (
        halal_flag(rule, scale="menengah", halal_status="none", halal_issued_on=None, as_of=day)
        is None
    )
    assert (
        halal_flag(rule, scale=None, halal_status="none", halal_issued_on=None, as_of=day) is None
    )
    certified = {"halal_status": "certified", "halal_issued_on": date(2025, 1, 1)}
    assert halal_flag(rule, scale="kecil", as_of=day, **certified) is None
    # a certificate issued after the day did not exist yet on it
    late = {"halal_status": "certified", "halal_issued_on": date(2026, 5, 1)}
    assert halal_flag(rule, scale="kecil", as_of=day, **late) is not None
    in_process = halal_flag(
        rule,
        scale="kecil",
        halal_status="in_process",
        halal_issued_on=None,
        as_of=date(2026, 11, 1),
    )
    assert in_process is not None and in_process.in_process and in_process.passed


def test_spp_irt_readiness_depends_on_the_licences_held() -> None:
    day = date(2026, 3, 1)
    holder = spp_irt_readiness("LEVEL_II", ["2066408010243-27"], day)
    assert holder is not None and holder.holding == HOLDS and holder.ready
    assert holder.numbers == ("2066408010243-27",) and not holder.confirmed
    without = spp_irt_readiness("LEVEL_III", [], day)
    assert without is not None and without.holding == WITHOUT and not without.ready
    lapsed = spp_irt_readiness("LEVEL_I", ["2066408010243-24", "rusak"], day)
    assert lapsed is not None and lapsed.holding == EXPIRED_ONLY and lapsed.expired_year == 2024
    assert spp_irt_readiness("NOT_ASSESSED", ["2066408010243-27"], day) is None
    assert spp_irt_readiness(None, [], day) is None
