"""Building a supervisor with an officer, IKMs and a programme, the way the services do."""

from __future__ import annotations

from datetime import date

from ikmdesk.db import Database
from ikmdesk.services.enterprise import EnterpriseInput, create_enterprise
from ikmdesk.services.programme.partner import PartnerInput, save_partner
from ikmdesk.services.programme.programme import ProgrammeInput, save_programme
from ikmdesk.services.reference_data import cluster_id, region_id

KARANGAN = "64.08.16"
START = date(2026, 9, 1)
END = date(2027, 1, 31)


def add_ikm(db: Database, name: str, *, kecamatan: str = KARANGAN, cluster: str = "kakao") -> str:
    with db.unit_of_work() as session:
        return create_enterprise(
            session,
            EnterpriseInput(
                name=name, kecamatan_id=region_id(kecamatan), cluster_id=cluster_id(cluster)
            ),
        )


def add_partner(
    db: Database, name: str = "Universitas Mulawarman", kind: str = "university"
) -> str:
    with db.unit_of_work() as session:
        return save_partner(session, PartnerInput(name=name, kind=kind))


def cocoa_programme(
    db: Database,
    *,
    officer_ids: tuple[str, ...],
    enterprise_ids: tuple[str, ...],
    partner_ids: tuple[str, ...] = (),
    name: str = "Pendampingan Kakao Karangan 2026",
) -> str:
    with db.unit_of_work() as session:
        return save_programme(
            session,
            ProgrammeInput(
                name=name,
                cluster_id=cluster_id("kakao"),
                kecamatan_id=region_id(KARANGAN),
                sentra="Desa Karangan Hilir",
                starts_on=START,
                ends_on=END,
                visit_interval_days=7,
                min_hours_per_visit=3,
                officer_ids=officer_ids,
                partner_ids=partner_ids,
                enterprise_ids=enterprise_ids,
            ),
        )
