"""IKMs: validation that leaves data untouched, change capture, tombstones and list filters."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.exc import IntegrityError

from ikmdesk.db import Database
from ikmdesk.errors import NotFoundError, UserError, ValidationError
from ikmdesk.models import Enterprise, new_id
from ikmdesk.services.enterprise import (
    SORT_KEYS,
    EnterpriseFilter,
    EnterpriseInput,
    Licence,
    count_enterprises,
    create_enterprise,
    delete_enterprise,
    enterprise_input,
    get_enterprise,
    list_enterprises,
    update_enterprise,
)
from ikmdesk.services.product import ProductInput, create_product, delete_product
from ikmdesk.services.region import add_desa
from ikmdesk.services.visit import VisitInput, create_visit, delete_visit
from tests.services import PLACES, change_ops, checksum

TODAY = date(2026, 3, 15)


def ikm(name: str = "UD Sari Pisang", **fields: Any) -> EnterpriseInput:
    """Return a valid input in Kaliorang, banana cluster, changed by ``fields``."""
    base = EnterpriseInput(name=name, kecamatan_id=PLACES.kaliorang, cluster_id=PLACES.pisang)
    return dataclasses.replace(base, **fields)


def create(db: Database, data: EnterpriseInput) -> str:
    with db.unit_of_work() as session:
        return create_enterprise(session, data)


def test_created_ikm_reads_back_with_cleaned_fields(database: Database) -> None:
    with database.unit_of_work() as session:
        desa = add_desa(session, kecamatan_id=PLACES.kaliorang, name="Selangkau")
    data = ikm(
        name="  UD  Kalbana ",
        owner_name=" Ibu Rahmawati ",
        nik="6408 0152 0385 0001",
        phone="0812-3456 7890",
        address="Jl. Poros Kaliorang RT 03",
        desa_id=desa,
        latitude=0.9,
        longitude=117.8,
        status="active",
        scale="mikro",
        nib="9120001234567",
        kbli="10794",
        workers=0,
        production_capacity="50 kg/minggu",
        halal_status="certified",
        halal_route="self_declare",
        halal_cert_no="ID64110000123450124",
        halal_issued_on=date(2024, 2, 1),
        halal_expires_on=date(2028, 2, 1),
        pkp_cert_no="PKP-001",
        pkp_cert_date=date(2023, 5, 5),
        notes="Ekspor ke Singapura",
    )
    enterprise_id = create(database, data)
    with database.unit_of_work() as session:
        detail = get_enterprise(session, enterprise_id)
    assert detail.name == "UD Kalbana"
    assert detail.owner_name == "Ibu Rahmawati"
    assert detail.nik == "6408015203850001"
    assert detail.phone == "081234567890"
    assert (detail.kecamatan, detail.desa, detail.cluster_code) == (
        "Kaliorang",
        "Selangkau",
        "pisang",
    )
    assert (detail.latitude, detail.longitude) == (0.9, 117.8)
    assert detail.halal_expires_on == date(2028, 2, 1)
    assert detail.workers == 0
    assert detail.products == ()
    assert detail.last_visit is None
    # The edit form starts from the detail; saving it unchanged is a no-op.
    assert enterprise_input(detail) == dataclasses.replace(
        data,
        name="UD Kalbana",
        owner_name="Ibu Rahmawati",
        nik="6408015203850001",
        phone="081234567890",
    )


def test_create_logs_every_given_field_for_sync(database: Database) -> None:
    enterprise_id = create(database, ikm(owner_name="Pak Budi", phone="+62 812 555 1234"))
    ops = dict(change_ops(database, "enterprise", enterprise_id))
    assert ops["name"] == "UD Sari Pisang"
    assert ops["owner_name"] == "Pak Budi"
    assert ops["phone"] == "+628125551234"
    assert ops["kecamatan_id"] == PLACES.kaliorang
    assert ops["cluster_id"] == PLACES.pisang
    assert ops["status"] == "active"
    assert "nik" not in ops  # empty fields travel as nothing


def test_update_writes_only_the_changed_fields(database: Database) -> None:
    enterprise_id = create(database, ikm(owner_name="Pak Budi", workers=3))
    logged_before = len(change_ops(database, "enterprise", enterprise_id))
    with database.unit_of_work() as session:
        updated = enterprise_input(get_enterprise(session, enterprise_id))
        update_enterprise(
            session, enterprise_id, dataclasses.replace(updated, workers=5, notes="Tambah mesin")
        )
    new_ops = change_ops(database, "enterprise", enterprise_id)[logged_before:]
    assert sorted(new_ops) == [("notes", "Tambah mesin"), ("workers", 5)]


def test_saving_unchanged_input_logs_nothing_and_keeps_updated_at(database: Database) -> None:
    enterprise_id = create(database, ikm(owner_name="Pak Budi", nik="6408015203850001"))
    with database.unit_of_work() as session:
        detail = get_enterprise(session, enterprise_id)
    before = checksum(database)
    with database.unit_of_work() as session:
        update_enterprise(session, enterprise_id, enterprise_input(detail))
    assert checksum(database) == before


def test_delete_tombstones_the_ikm_and_its_products(database: Database) -> None:
    enterprise_id = create(database, ikm())
    other = create(database, ikm("CV Kakao Wahau", cluster_id=PLACES.kakao))
    with database.unit_of_work() as session:
        product = create_product(session, ProductInput(enterprise_id=enterprise_id, name="Keripik"))
        delete_enterprise(session, enterprise_id)
    with database.unit_of_work() as session:
        with pytest.raises(NotFoundError):
            get_enterprise(session, enterprise_id)
        assert [r.id for r in list_enterprises(session)] == [other]
        assert count_enterprises(session) == 1
    assert ("deleted", True) in change_ops(database, "enterprise", enterprise_id)
    assert ("deleted", True) in change_ops(database, "product", product)


def test_ikm_with_visits_cannot_be_deleted(database: Database) -> None:
    enterprise_id = create(database, ikm())
    with database.unit_of_work() as session:
        create_visit(
            session,
            VisitInput(enterprise_id=enterprise_id, visit_date=date.today(), purpose="mentoring"),
        )
    before = checksum(database)
    with pytest.raises(UserError) as caught, database.unit_of_work() as session:
        delete_enterprise(session, enterprise_id)
    assert "kunjungan" in caught.value.message()
    assert checksum(database) == before


def test_ikm_whose_visits_were_deleted_can_be_deleted(database: Database) -> None:
    enterprise_id = create(database, ikm())
    with database.unit_of_work() as session:
        visit = create_visit(
            session,
            VisitInput(enterprise_id=enterprise_id, visit_date=date.today(), purpose="mentoring"),
        )
        delete_visit(session, visit)
        delete_enterprise(session, enterprise_id)
        assert count_enterprises(session) == 0


BAD_INPUTS = [
    ("name", {"name": "   "}),
    ("name", {"name": "x" * 201}),
    ("nik", {"nik": "640801520385000"}),
    ("nik", {"nik": "64080152038500012"}),
    ("nik", {"nik": "64080152O3850001"}),
    ("phone", {"phone": "0812-abc-7890"}),
    ("phone", {"phone": "0812345"}),
    ("phone", {"phone": "0812345678901234"}),
    ("phone", {"phone": "+1 202 555 0100"}),
    ("phone", {"phone": "08123+4567890"}),
    ("longitude", {"latitude": 0.5}),
    ("latitude", {"longitude": 117.5}),
    ("latitude", {"latitude": 90.5, "longitude": 117.5}),
    ("longitude", {"latitude": 0.5, "longitude": -180.5}),
    ("latitude", {"latitude": float("nan"), "longitude": 117.5}),
    ("workers", {"workers": -1}),
    ("kecamatan_id", {"kecamatan_id": "no-such-kecamatan"}),
    ("kecamatan_id", {"kecamatan_id": ""}),
    ("cluster_id", {"cluster_id": "no-such-cluster"}),
    ("cluster_id", {"cluster_id": PLACES.kaliorang}),
    ("desa_id", {"desa_id": "no-such-desa"}),
    ("status", {"status": "bangkrut"}),
    ("scale", {"scale": "besar"}),
    ("halal_status", {"halal_status": "yes"}),
    ("halal_route", {"halal_route": "express"}),
    ("halal_issued_on", {"halal_issued_on": date(2100, 1, 1)}),
    ("halal_expires_on", {"halal_expires_on": date(2205, 1, 1)}),
    ("pkp_cert_date", {"pkp_cert_date": date(2100, 6, 1)}),
    (
        "halal_expires_on",
        {"halal_issued_on": date(2025, 1, 1), "halal_expires_on": date(2024, 12, 31)},
    ),
    (
        "halal_expires_on",
        {"halal_issued_on": date(2025, 1, 1), "halal_expires_on": date(2025, 1, 1)},
    ),
]


@pytest.mark.parametrize(("field", "changes"), BAD_INPUTS)
def test_bad_new_ikm_is_refused_naming_the_field(
    database: Database, field: str, changes: dict[str, Any]
) -> None:
    create(database, ikm("UD Sudah Ada"))
    before = checksum(database)
    with pytest.raises(ValidationError) as caught, database.unit_of_work() as session:
        create_enterprise(session, ikm(**changes))
    assert caught.value.field == field
    assert caught.value.message().endswith(".")
    assert checksum(database) == before


@pytest.mark.parametrize(("field", "changes"), BAD_INPUTS)
def test_bad_edit_is_refused_and_the_stored_ikm_is_unchanged(
    database: Database, field: str, changes: dict[str, Any]
) -> None:
    stored = {"latitude": 1.0, "longitude": 117.0, "owner_name": "Pak Budi"}
    enterprise_id = create(database, ikm(**stored))
    before = checksum(database)
    edited = (
        {**stored, **changes}
        if not {"latitude", "longitude"} & changes.keys()
        else {"owner_name": "Pak Budi", **changes}
    )
    with pytest.raises(ValidationError) as caught, database.unit_of_work() as session:
        update_enterprise(session, enterprise_id, ikm(**edited))
    assert caught.value.field == field
    assert checksum(database) == before


def test_desa_must_lie_in_the_chosen_kecamatan(database: Database) -> None:
    with database.unit_of_work() as session:
        elsewhere = add_desa(session, kecamatan_id=PLACES.sangatta_utara, name="Swarga Bara")
    before = checksum(database)
    with pytest.raises(ValidationError) as caught, database.unit_of_work() as session:
        create_enterprise(session, ikm(desa_id=elsewhere))
    assert caught.value.field == "desa_id"
    assert "Swarga Bara" in caught.value.message()
    assert "Kaliorang" in caught.value.message()
    assert checksum(database) == before


def test_messages_go_through_the_translator(database: Database) -> None:
    with pytest.raises(ValidationError) as caught, database.unit_of_work() as session:
        create_enterprise(session, ikm(nik="123"))
    seen: list[tuple[str, str]] = []

    def translate(context: str, text: str) -> str:
        seen.append((context, text))
        return "NIK must be exactly 16 digits."

    assert caught.value.message(translate) == "NIK must be exactly 16 digits."
    assert seen == [("errors", caught.value.message_id)]
    assert "NIK" in caught.value.message()


@pytest.mark.parametrize(
    "changes",
    [
        {"nik": " 6408 0152 0385 0001 "},
        {"phone": "+62 812-3456-7890"},
        {"phone": "(0549) 21234"},
        {"phone": "628125551234"},
        {"latitude": -90.0, "longitude": 180.0},
        {"workers": 0},
        {"halal_issued_on": date(2025, 1, 1), "halal_expires_on": date(2099, 12, 31)},
    ],
)
def test_plausible_values_are_accepted(database: Database, changes: dict[str, Any]) -> None:
    enterprise_id = create(database, ikm(**changes))
    with database.unit_of_work() as session:
        assert get_enterprise(session, enterprise_id).name == "UD Sari Pisang"


def test_unknown_or_deleted_ikm_is_not_found(database: Database) -> None:
    with database.unit_of_work() as session:
        with pytest.raises(NotFoundError):
            get_enterprise(session, "no-such-id")
        with pytest.raises(NotFoundError):
            update_enterprise(session, "no-such-id", ikm())
        with pytest.raises(NotFoundError):
            delete_enterprise(session, "no-such-id")


@pytest.fixture
def registry(database: Database) -> dict[str, str]:
    """A small registry: five IKMs across clusters, kecamatan, desa, licences and visits."""
    with database.unit_of_work() as session:
        selangkau = add_desa(session, kecamatan_id=PLACES.kaliorang, name="Selangkau")
        swarga = add_desa(session, kecamatan_id=PLACES.sangatta_utara, name="Swarga Bara")
        ids = {
            "kalbana": create_enterprise(
                session,
                ikm("UD Kalbana", owner_name="Siti Aminah", desa_id=selangkau, nib="912"),
            ),
            "frutiboks": create_enterprise(
                session,
                ikm(
                    "Frutiboks",
                    owner_name="Budi Hartono",
                    desa_id=selangkau,
                    halal_status="certified",
                    halal_issued_on=date(2023, 1, 1),
                    halal_expires_on=date(2026, 1, 1),
                ),
            ),
            "wahau": create_enterprise(
                session,
                ikm(
                    "CV Kakao Wahau",
                    cluster_id=PLACES.kakao,
                    owner_name="Yusuf",
                    kecamatan_id=PLACES.sangatta_utara,
                    desa_id=swarga,
                    halal_status="in_process",
                ),
            ),
            "amplang": create_enterprise(
                session,
                ikm(
                    "Amplang 100% Ikan",
                    cluster_id=PLACES.pangan_olahan,
                    kecamatan_id=PLACES.sangatta_utara,
                    status="inactive",
                    nib="555",
                ),
            ),
            "dodol": create_enterprise(
                session, ikm("dodol_bunda", cluster_id=PLACES.pangan_olahan, status="closed")
            ),
        }
        for name, enterprise, pirt in [
            ("Keripik Kepok", "kalbana", "2063510010243-26"),  # runs out this year
            ("Keripik Manis", "kalbana", None),
            ("Sale Pisang", "frutiboks", "P-IRT No. 2066408010001-27"),  # next year
            ("Cokelat Batang", "wahau", "2066408020002-25"),  # ran out last year
            ("Amplang", "amplang", "2026408030003-30"),
        ]:
            create_product(
                session, ProductInput(enterprise_id=ids[enterprise], name=name, pirt_number=pirt)
            )
        gone = create_product(
            session,
            ProductInput(enterprise_id=ids["dodol"], name="Dodol", pirt_number="2066408040004-26"),
        )
        delete_product(session, gone)
        for enterprise, day in [
            ("kalbana", date(2026, 1, 10)),
            ("kalbana", date(2026, 3, 1)),
            ("wahau", date(2025, 11, 20)),
            ("amplang", date(2025, 6, 5)),
        ]:
            create_visit(
                session,
                VisitInput(enterprise_id=ids[enterprise], visit_date=day, purpose="mentoring"),
            )
        deleted_visit = create_visit(
            session,
            VisitInput(
                enterprise_id=ids["frutiboks"], visit_date=date(2026, 3, 2), purpose="monitoring"
            ),
        )
        delete_visit(session, deleted_visit)
    return ids


def names(database: Database, flt: EnterpriseFilter | None = None, **kwargs: Any) -> list[str]:
    with database.unit_of_work() as session:
        rows = list_enterprises(session, flt, **kwargs)
        total = count_enterprises(session, flt)
    if "offset" not in kwargs and "limit" not in kwargs:
        assert total == len(rows), "the count must match the rows a full page returns"
    return [r.name for r in rows]


def test_list_rows_carry_names_last_visit_and_live_product_count(
    database: Database, registry: dict[str, str]
) -> None:
    with database.unit_of_work() as session:
        rows = {r.id: r for r in list_enterprises(session)}
    kalbana = rows[registry["kalbana"]]
    assert kalbana.kecamatan == "Kaliorang"
    assert kalbana.desa == "Selangkau"
    assert (kalbana.cluster_code, kalbana.cluster_name) == ("pisang", "Pisang")
    assert kalbana.last_visit == date(2026, 3, 1)
    assert kalbana.product_count == 2
    assert rows[registry["frutiboks"]].last_visit is None  # its only visit was deleted
    assert rows[registry["dodol"]].product_count == 0  # its only product was deleted
    assert rows[registry["dodol"]].desa is None
    # Rows turn into JSON for the command line without custom encoders beyond dates.
    assert json.loads(json.dumps(dataclasses.asdict(kalbana), default=str))["last_visit"] == (
        "2026-03-01"
    )


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (
            EnterpriseFilter(),
            ["Amplang 100% Ikan", "CV Kakao Wahau", "Frutiboks", "UD Kalbana", "dodol_bunda"],
        ),
        (EnterpriseFilter(text="kalb"), ["UD Kalbana"]),
        (EnterpriseFilter(text="BUDI"), ["Frutiboks"]),  # owner, any case
        (EnterpriseFilter(text="selangkau"), ["Frutiboks", "UD Kalbana"]),  # desa
        (EnterpriseFilter(text="swarga yusuf"), ["CV Kakao Wahau"]),  # every word somewhere
        (EnterpriseFilter(text="swarga budi"), []),
        (EnterpriseFilter(text="100%"), ["Amplang 100% Ikan"]),  # % is a character, not "any"
        (EnterpriseFilter(text="%"), ["Amplang 100% Ikan"]),
        (EnterpriseFilter(text="_"), ["dodol_bunda"]),
        (
            EnterpriseFilter(text="   "),
            ["Amplang 100% Ikan", "CV Kakao Wahau", "Frutiboks", "UD Kalbana", "dodol_bunda"],
        ),
        (EnterpriseFilter(cluster="pangan_olahan"), ["Amplang 100% Ikan", "dodol_bunda"]),
        (EnterpriseFilter(cluster="Cocoa"), ["CV Kakao Wahau"]),
        (EnterpriseFilter(kecamatan="Sangatta Utara"), ["Amplang 100% Ikan", "CV Kakao Wahau"]),
        (EnterpriseFilter(kecamatan="64.08.10"), ["Frutiboks", "UD Kalbana", "dodol_bunda"]),
        (
            EnterpriseFilter(kecamatan=PLACES.kaliorang, cluster="pisang"),
            ["Frutiboks", "UD Kalbana"],
        ),
        (EnterpriseFilter(status="inactive"), ["Amplang 100% Ikan"]),
        (EnterpriseFilter(status="closed"), ["dodol_bunda"]),
        (EnterpriseFilter(date_from=date(2026, 1, 1)), ["UD Kalbana"]),
        (
            EnterpriseFilter(date_from=date(2025, 6, 5), date_to=date(2025, 11, 20)),
            ["Amplang 100% Ikan", "CV Kakao Wahau"],
        ),
        (EnterpriseFilter(date_to=date(2025, 6, 4)), []),
        (EnterpriseFilter(date_from=date(2026, 3, 2), date_to=date(2026, 3, 2)), []),  # deleted
    ],
)
def test_filters(
    database: Database, registry: dict[str, str], flt: EnterpriseFilter, expected: list[str]
) -> None:
    assert names(database, flt) == expected


@pytest.mark.parametrize(
    ("licence", "expected"),
    [
        (Licence.PIRT_EXPIRING, ["Frutiboks", "UD Kalbana"]),
        (Licence.PIRT_EXPIRED, ["CV Kakao Wahau"]),
        (Licence.HAS_PIRT, ["Amplang 100% Ikan", "CV Kakao Wahau", "Frutiboks", "UD Kalbana"]),
        (Licence.NO_PIRT, ["dodol_bunda"]),  # its only P-IRT product was deleted
        (Licence.HALAL_CERTIFIED, ["Frutiboks"]),
        (Licence.HALAL_IN_PROCESS, ["CV Kakao Wahau"]),
        (Licence.NO_HALAL, ["Amplang 100% Ikan", "UD Kalbana", "dodol_bunda"]),
        (Licence.HALAL_EXPIRED, ["Frutiboks"]),
        (Licence.NO_NIB, ["CV Kakao Wahau", "Frutiboks", "dodol_bunda"]),
    ],
)
def test_licence_filters(
    database: Database, registry: dict[str, str], licence: Licence, expected: list[str]
) -> None:
    assert names(database, EnterpriseFilter(licence=licence.value, today=TODAY)) == expected


def test_pirt_expiry_follows_today(database: Database, registry: dict[str, str]) -> None:
    next_year = EnterpriseFilter(licence="pirt_expiring", today=TODAY + timedelta(days=365))
    assert names(database, next_year) == ["Frutiboks"]
    expired = EnterpriseFilter(licence="pirt_expired", today=TODAY + timedelta(days=365))
    assert names(database, expired) == ["CV Kakao Wahau", "UD Kalbana"]


@pytest.mark.parametrize(
    ("sort", "descending", "expected"),
    [
        (
            "name",
            True,
            ["dodol_bunda", "UD Kalbana", "Frutiboks", "CV Kakao Wahau", "Amplang 100% Ikan"],
        ),
        (
            "owner_name",
            False,
            ["Amplang 100% Ikan", "dodol_bunda", "Frutiboks", "UD Kalbana", "CV Kakao Wahau"],
        ),
        (
            "kecamatan",
            False,
            ["Frutiboks", "UD Kalbana", "dodol_bunda", "Amplang 100% Ikan", "CV Kakao Wahau"],
        ),
        (
            "cluster",
            False,
            ["CV Kakao Wahau", "Amplang 100% Ikan", "dodol_bunda", "Frutiboks", "UD Kalbana"],
        ),
        (
            "last_visit",
            False,
            ["Frutiboks", "dodol_bunda", "Amplang 100% Ikan", "CV Kakao Wahau", "UD Kalbana"],
        ),
        (
            "last_visit",
            True,
            ["UD Kalbana", "CV Kakao Wahau", "Amplang 100% Ikan", "dodol_bunda", "Frutiboks"],
        ),
        (
            "product_count",
            True,
            ["UD Kalbana", "Frutiboks", "CV Kakao Wahau", "Amplang 100% Ikan", "dodol_bunda"],
        ),
        (
            "status",
            False,
            ["CV Kakao Wahau", "Frutiboks", "UD Kalbana", "dodol_bunda", "Amplang 100% Ikan"],
        ),
        (
            "nib",
            True,
            ["UD Kalbana", "Amplang 100% Ikan", "CV Kakao Wahau", "Frutiboks", "dodol_bunda"],
        ),
    ],
)
def test_sorting(
    database: Database,
    registry: dict[str, str],
    sort: str,
    descending: bool,
    expected: list[str],
) -> None:
    got = names(database, sort=sort, descending=descending)
    # Ties (same last visit, same count) are broken by id, which is random: compare groups.
    if sort in {"last_visit", "product_count", "owner_name", "nib"}:
        assert _tie_groups(database, sort, got) == _tie_groups(database, sort, expected)
    else:
        assert got == expected


def _tie_groups(database: Database, sort: str, ordered: list[str]) -> list[set[str]]:
    with database.unit_of_work() as session:
        key = {r.name: getattr(r, sort) for r in list_enterprises(session)}
    groups: list[set[str]] = []
    previous: object = object()
    for name in ordered:
        if key[name] != previous:
            groups.append(set())
            previous = key[name]
        groups[-1].add(name)
    return groups


def test_every_advertised_sort_key_works(database: Database, registry: dict[str, str]) -> None:
    for sort in SORT_KEYS:
        for descending in (False, True):
            assert len(names(database, sort=sort, descending=descending)) == 5


def test_pages_do_not_overlap_and_cover_everything(
    database: Database, registry: dict[str, str]
) -> None:
    for sort in ("name", "last_visit", "cluster"):
        pages = [names(database, sort=sort, offset=offset, limit=2) for offset in (0, 2, 4, 6)]
        assert [len(p) for p in pages] == [2, 2, 1, 0]
        flat = [name for page in pages for name in page]
        assert flat == names(database, sort=sort)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"sort": "name; DROP TABLE enterprise"}, "sort"),
        ({"sort": "nik"}, "sort"),
        ({"offset": -1}, "offset"),
        ({"limit": 0}, "limit"),
        ({"limit": 10_001}, "limit"),
    ],
)
def test_bad_sort_or_paging_is_a_validation_error(
    database: Database, registry: dict[str, str], kwargs: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as caught, database.unit_of_work() as session:
        list_enterprises(session, **kwargs)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("flt", "field"),
    [
        (EnterpriseFilter(cluster="durian"), "cluster"),
        (EnterpriseFilter(kecamatan="Samarinda"), "kecamatan"),
        (EnterpriseFilter(status="sleeping"), "status"),
        (EnterpriseFilter(licence="sni"), "licence"),
    ],
)
def test_unknown_filter_values_are_validation_errors(
    database: Database, flt: EnterpriseFilter, field: str
) -> None:
    with database.unit_of_work() as session:
        with pytest.raises(ValidationError) as caught:
            list_enterprises(session, flt)
        assert caught.value.field == field
        with pytest.raises(ValidationError):
            count_enterprises(session, flt)


@pytest.mark.parametrize(
    "bad",
    [
        {"nik": "123"},
        {"nik": "64080152O3850001"},
        {"latitude": 91.0, "longitude": 117.0},
        {"latitude": 1.0, "longitude": 181.0},
        {"latitude": 1.0},
        {"workers": -1},
        {"halal_expires_on": date(2100, 1, 1)},
        {"name": ""},
    ],
)
def test_the_database_itself_refuses_what_validation_would(
    database: Database, bad: dict[str, Any]
) -> None:
    """The CHECK constraints back the service up against code that skips it (e.g. imports)."""
    before = checksum(database)
    values = {"name": "UD Langsung", "kecamatan_id": PLACES.kaliorang, "cluster_id": PLACES.pisang}
    with pytest.raises(IntegrityError), database.unit_of_work() as session:
        session.add(Enterprise(id=new_id(), **{**values, **bad}))
        session.flush()
    assert checksum(database) == before


SEARCH_NAMES = ["UD 100% Pisang", "CV Kakao_Wahau", "Dodol\\Bunda", "Sari Madu", "amplang 50%"]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.text(alphabet="aAkKuUdD15%_\\ ", max_size=6))
def test_text_search_takes_every_character_literally(database: Database, text: str) -> None:
    with database.unit_of_work() as session:
        if not count_enterprises(session):
            for name in SEARCH_NAMES:
                create_enterprise(session, ikm(name))
        found = {r.name for r in list_enterprises(session, EnterpriseFilter(text=text))}
        assert count_enterprises(session, EnterpriseFilter(text=text)) == len(found)
    words = text.lower().split()
    assert found == {n for n in SEARCH_NAMES if all(w in n.lower() for w in words)}
