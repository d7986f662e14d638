"""Licences run out and running out: the IKM list's rules, unreadable numbers left alone."""

from __future__ import annotations

from datetime import date, timedelta

from ikmdesk.models import Enterprise
from ikmdesk.services.enterprise import EnterpriseInput, create_enterprise
from ikmdesk.services.licence_expiry import HALAL, PIRT, licence_alerts
from ikmdesk.services.product import ProductInput, create_product
from ikmdesk.services.reference_data import cluster_id, region_id

TODAY = date(2026, 12, 4)


def _ikm(session, name: str, **fields) -> str:
    enterprise_id = create_enterprise(
        session,
        EnterpriseInput(
            name=name, kecamatan_id=region_id("64.08.10"), cluster_id=cluster_id("pisang")
        ),
    )
    for key, value in fields.items():
        setattr(session.get_one(Enterprise, enterprise_id), key, value)
    return enterprise_id


def test_pirt_and_halal_are_sorted_into_run_out_and_running_out(database) -> None:
    with database.unit_of_work() as session:
        a = _ikm(session, "Abon A")
        b = _ikm(session, "Bakery B", halal_expires_on=TODAY - timedelta(days=1))
        c = _ikm(session, "Cokelat C", halal_expires_on=TODAY + timedelta(days=60))
        _ikm(session, "Dodol D", halal_expires_on=TODAY + timedelta(days=200))
        for number, name in (
            ("2026408010243-24", "old"),
            ("P-IRT No. 2026408010244-25", "recent"),
            ("2026408010245-26", "this year"),
            ("2026408010246-27", "next year"),
            ("2026408010247-29", "later"),
            ("20264080102", "unreadable"),
        ):
            create_product(session, ProductInput(enterprise_id=a, name=name, pirt_number=number))
        alerts = licence_alerts(session, today=TODAY)
        mine = licence_alerts(session, today=TODAY, enterprise_ids={c})
    expired = [(x.licence, x.expires_year, x.product_name) for x in alerts.expired]
    assert expired == [(HALAL, 2026, None), (PIRT, 2025, "recent"), (PIRT, 2024, "old")]
    assert alerts.expired[1].number == "2026408010244-25"
    expiring = [
        (x.licence, x.expires_year, x.product_name or x.enterprise_name) for x in alerts.expiring
    ]
    assert expiring == [
        (PIRT, 2026, "this year"),
        (HALAL, 2027, "Cokelat C"),
        (PIRT, 2027, "next year"),
    ]
    assert (alerts.expired_count, alerts.expiring_count) == (3, 3)
    assert {x.enterprise_id for x in (*mine.expired, *mine.expiring)} == {c}
    assert b in {x.enterprise_id for x in alerts.expired}
