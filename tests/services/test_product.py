"""Products: P-IRT kept as typed with warnings, validation that leaves data untouched."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError

from ikmdesk.db import Database
from ikmdesk.errors import NotFoundError, ValidationError
from ikmdesk.models import Product, new_id
from ikmdesk.services.enterprise import EnterpriseInput, create_enterprise, delete_enterprise
from ikmdesk.services.product import (
    ProductInput,
    create_product,
    delete_product,
    get_product,
    list_products,
    pirt_expiry_year,
    pirt_warnings,
    product_input,
    update_product,
)
from tests.services import PLACES, change_ops, checksum


@pytest.fixture
def enterprise_id(database: Database) -> str:
    with database.unit_of_work() as session:
        return create_enterprise(
            session,
            EnterpriseInput(
                name="UD Kalbana", kecamatan_id=PLACES.kaliorang, cluster_id=PLACES.pisang
            ),
        )


def test_product_is_listed_with_its_pirt_decoded(database: Database, enterprise_id: str) -> None:
    with database.unit_of_work() as session:
        chips = create_product(
            session,
            ProductInput(
                enterprise_id=enterprise_id,
                name=" Keripik Pisang Kepok ",
                category="Keripik",
                packaging="plastik",
                net_content="100 g",
                ingredients="Pisang kepok, minyak sawit, garam",
                pirt_number=" 2063510010243-26 ",
                shelf_life_days=180,
                label_notes="Belum ada tanggal kedaluwarsa",
            ),
        )
        create_product(session, ProductInput(enterprise_id=enterprise_id, name="Bolu Pisang"))
    with database.unit_of_work() as session:
        rows = list_products(session, enterprise_id)
    assert [r.name for r in rows] == ["Bolu Pisang", "Keripik Pisang Kepok"]
    row = rows[1]
    assert row.id == chips
    assert row.pirt_number == "2063510010243-26"
    assert row.pirt_expiry_year == 2026
    assert row.pirt_warnings == ()
    assert row.shelf_life_days == 180
    assert rows[0].pirt_number is None
    assert rows[0].pirt_expiry_year is None
    assert rows[0].pirt_warnings == ()


@pytest.mark.parametrize(
    "typed",
    ["2063510010243 26", "206351001024326", "P-IRT 12345", "PIRT-ABC", "20635100102-4326"],
)
def test_badly_written_pirt_is_kept_as_typed_with_a_warning(
    database: Database, enterprise_id: str, typed: str
) -> None:
    with database.unit_of_work() as session:
        product_id = create_product(
            session, ProductInput(enterprise_id=enterprise_id, name="Keripik", pirt_number=typed)
        )
        row = get_product(session, product_id)
    assert row.pirt_number == typed
    assert row.pirt_warnings
    assert list(row.pirt_warnings) == pirt_warnings(typed)
    assert ("pirt_number", typed) in change_ops(database, "product", product_id)


def test_pirt_helpers() -> None:
    assert pirt_expiry_year("P-IRT No. 2053374020970-28") == 2028
    assert pirt_expiry_year("12345") is None
    assert pirt_expiry_year(None) is None
    assert pirt_warnings(None) == []
    assert pirt_warnings("   ") == []
    assert pirt_warnings("2053374020970-28") == []
    assert pirt_warnings("9053374020970-28")  # packaging code 9 does not exist


def test_update_writes_only_changed_fields(database: Database, enterprise_id: str) -> None:
    with database.unit_of_work() as session:
        product_id = create_product(
            session, ProductInput(enterprise_id=enterprise_id, name="Keripik", category="Keripik")
        )
    logged = len(change_ops(database, "product", product_id))
    with database.unit_of_work() as session:
        edited = dataclasses.replace(
            product_input(get_product(session, product_id)), pirt_number="2063510010243-27"
        )
        update_product(session, product_id, edited)
    assert change_ops(database, "product", product_id)[logged:] == [
        ("pirt_number", "2063510010243-27")
    ]
    before = checksum(database)
    with database.unit_of_work() as session:
        update_product(session, product_id, edited)
    assert checksum(database) == before


def test_deleted_product_leaves_the_list_and_is_logged(
    database: Database, enterprise_id: str
) -> None:
    with database.unit_of_work() as session:
        product_id = create_product(
            session, ProductInput(enterprise_id=enterprise_id, name="Keripik")
        )
        delete_product(session, product_id)
    with database.unit_of_work() as session:
        assert list_products(session, enterprise_id) == []
        with pytest.raises(NotFoundError):
            get_product(session, product_id)
        with pytest.raises(NotFoundError):
            delete_product(session, product_id)
    assert ("deleted", True) in change_ops(database, "product", product_id)


BAD = [
    ("name", {"name": "  "}),
    ("name", {"name": "x" * 201}),
    ("shelf_life_days", {"shelf_life_days": 0}),
    ("shelf_life_days", {"shelf_life_days": -7}),
    ("enterprise_id", {"enterprise_id": "no-such-ikm"}),
]


@pytest.mark.parametrize(("field", "changes"), BAD)
def test_bad_product_is_refused_and_nothing_changes(
    database: Database, enterprise_id: str, field: str, changes: dict[str, Any]
) -> None:
    before = checksum(database)
    data = dataclasses.replace(ProductInput(enterprise_id=enterprise_id, name="Keripik"), **changes)
    with pytest.raises(ValidationError) as caught, database.unit_of_work() as session:
        create_product(session, data)
    assert caught.value.field == field
    assert caught.value.message()
    assert checksum(database) == before


@pytest.mark.parametrize(
    ("field", "changes"), [*BAD[:4], ("enterprise_id", {"enterprise_id": "x"})]
)
def test_bad_product_edit_is_refused_and_the_product_is_unchanged(
    database: Database, enterprise_id: str, field: str, changes: dict[str, Any]
) -> None:
    stored = ProductInput(enterprise_id=enterprise_id, name="Keripik", shelf_life_days=90)
    with database.unit_of_work() as session:
        product_id = create_product(session, stored)
    before = checksum(database)
    with pytest.raises(ValidationError) as caught, database.unit_of_work() as session:
        update_product(session, product_id, dataclasses.replace(stored, **changes))
    assert caught.value.field == field
    assert checksum(database) == before


def test_products_cannot_be_added_to_a_deleted_ikm(database: Database, enterprise_id: str) -> None:
    with database.unit_of_work() as session:
        delete_enterprise(session, enterprise_id)
    before = checksum(database)
    with pytest.raises(ValidationError) as caught, database.unit_of_work() as session:
        create_product(session, ProductInput(enterprise_id=enterprise_id, name="Keripik"))
    assert caught.value.field == "enterprise_id"
    assert checksum(database) == before


@pytest.mark.parametrize("bad", [{"shelf_life_days": 0}, {"name": ""}])
def test_the_database_itself_refuses_bad_products(
    database: Database, enterprise_id: str, bad: dict[str, Any]
) -> None:
    before = checksum(database)
    with pytest.raises(IntegrityError), database.unit_of_work() as session:
        session.add(Product(id=new_id(), **{"enterprise_id": enterprise_id, "name": "X", **bad}))
        session.flush()
    assert checksum(database) == before
