"""Region and cluster lookups, and officers adding desa."""

from __future__ import annotations

import pytest

from ikmdesk.db import Database
from ikmdesk.errors import ValidationError
from ikmdesk.services.region import (
    add_desa,
    find_cluster,
    find_kecamatan,
    list_clusters,
    list_desa,
    list_kecamatan,
)
from tests.services import PLACES, change_ops, checksum


def test_the_eighteen_kecamatan_come_sorted_by_name(database: Database) -> None:
    with database.unit_of_work() as session:
        rows = list_kecamatan(session)
    assert len(rows) == 18
    assert sorted(r.code for r in rows) == [f"64.08.{n:02d}" for n in range(1, 19)]
    assert [r.name for r in rows] == sorted(r.name for r in rows)  # a reader looks up names
    assert next(r for r in rows if r.code == "64.08.04").name == "Sangatta Utara"
    assert {r.level for r in rows} == {"kecamatan"}


@pytest.mark.parametrize(
    "typed", ["Sangatta Utara", "sangatta utara", "  SANGATTA   utara ", "64.08.04"]
)
def test_find_kecamatan_by_name_or_code_ignoring_case(database: Database, typed: str) -> None:
    with database.unit_of_work() as session:
        found = find_kecamatan(session, typed)
    assert found is not None
    assert found.id == PLACES.sangatta_utara


@pytest.mark.parametrize("typed", ["Sangatta", "", "64.08.99", "Samarinda"])
def test_find_kecamatan_returns_none_for_no_exact_match(database: Database, typed: str) -> None:
    with database.unit_of_work() as session:
        assert find_kecamatan(session, typed) is None


def test_clusters_and_finding_them_by_code_or_name(database: Database) -> None:
    with database.unit_of_work() as session:
        clusters = list_clusters(session)
        by_name = find_cluster(session, "banana")
        by_code = find_cluster(session, "KAKAO")
    assert [c.code for c in clusters] == ["kakao", "pangan_olahan", "pisang"]
    assert by_name is not None and by_name.id == PLACES.pisang
    assert by_code is not None and by_code.name_en == "Cocoa"


def test_added_desa_is_listed_under_its_kecamatan_and_logged_for_sync(database: Database) -> None:
    with database.unit_of_work() as session:
        second = add_desa(session, kecamatan_id=PLACES.kaliorang, name="  Selangkau ")
        first = add_desa(session, kecamatan_id=PLACES.kaliorang, name="Bukit  Makmur")
        add_desa(session, kecamatan_id=PLACES.sangatta_utara, name="Swarga Bara")
    with database.unit_of_work() as session:
        rows = list_desa(session, PLACES.kaliorang)
    assert [(r.id, r.name, r.parent_id, r.level) for r in rows] == [
        (first, "Bukit Makmur", PLACES.kaliorang, "desa"),
        (second, "Selangkau", PLACES.kaliorang, "desa"),
    ]
    ops = dict(change_ops(database, "region", second))
    assert ops["name"] == "Selangkau"
    assert ops["parent_id"] == PLACES.kaliorang
    assert ops["level"] == "desa"


@pytest.mark.parametrize(
    ("kecamatan", "name", "field"),
    [
        (PLACES.kaliorang, "   ", "name"),
        (PLACES.kaliorang, "x" * 201, "name"),
        (PLACES.kaliorang, "SELANGKAU", "name"),  # already there, whatever the case
        ("no-such-kecamatan", "Desa Baru", "kecamatan_id"),
        (PLACES.pisang, "Desa Baru", "kecamatan_id"),  # a cluster id is not a kecamatan
    ],
)
def test_bad_desa_is_refused_and_nothing_changes(
    database: Database, kecamatan: str, name: str, field: str
) -> None:
    with database.unit_of_work() as session:
        add_desa(session, kecamatan_id=PLACES.kaliorang, name="Selangkau")
    before = checksum(database)
    with pytest.raises(ValidationError) as caught, database.unit_of_work() as session:
        add_desa(session, kecamatan_id=kecamatan, name=name)
    assert caught.value.field == field
    assert caught.value.message()
    assert checksum(database) == before


def test_a_desa_is_not_a_kecamatan(database: Database) -> None:
    with database.unit_of_work() as session:
        desa = add_desa(session, kecamatan_id=PLACES.kaliorang, name="Selangkau")
        with pytest.raises(ValidationError):
            add_desa(session, kecamatan_id=desa, name="Dusun")
        assert find_kecamatan(session, "Selangkau") is None
