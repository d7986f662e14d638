"""Renaming a desa follows the region authority: the supervisor any, an officer only its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from ikmdesk.errors import UserError, ValidationError
from ikmdesk.services.reference_data import region_id
from ikmdesk.services.region import add_desa, desa_entries, list_desa, rename_desa
from tests.services import checksum
from tests.sync.sync_helpers import introduce, make_node, receive, send

KALIORANG = "64.08.10"


def test_an_officer_renames_only_the_desa_it_added_and_nothing_changes_on_refusal(
    tmp_path: Path,
) -> None:
    kasi = make_node(tmp_path / "kasi", "Hendra Kasi", role="supervisor")
    siti = make_node(tmp_path / "siti", "Siti Rahmawati")
    introduce(kasi, siti)
    with kasi.db.unit_of_work() as session:
        theirs = add_desa(session, kecamatan_id=region_id(KALIORANG), name="Selangkau")
    receive(siti, send(kasi, siti, tmp_path / "kasi.ikmsync"))
    with siti.db.unit_of_work() as session:
        mine = add_desa(session, kecamatan_id=region_id(KALIORANG), name="bangun jaya")
        entries = {e.name: e.editable for e in desa_entries(session, region_id(KALIORANG))}
    assert entries == {"bangun jaya": True, "Selangkau": False}  # sorted whatever the case

    before = checksum(siti.db)
    refused = pytest.raises(UserError, match="hanya dapat diubah oleh kepala seksi")
    with refused, siti.db.unit_of_work() as session:
        rename_desa(session, theirs, "Selangkau Ilir")
    assert checksum(siti.db) == before

    with siti.db.unit_of_work() as session:
        rename_desa(session, mine, "Bangun Jaya")
    # The rename is an op the supervisor accepts (its authority check would refuse a package).
    receive(kasi, send(siti, kasi, tmp_path / "siti.ikmsync"))
    with kasi.db.unit_of_work() as session:
        assert [d.name for d in list_desa(session, region_id(KALIORANG))] == [
            "Bangun Jaya",
            "Selangkau",
        ]
        rename_desa(session, mine, "Bangun Jaya Baru")  # the supervisor renames any desa
    for node in (kasi, siti):
        node.db.close()


def test_renaming_refuses_blank_and_taken_names(database) -> None:
    with database.unit_of_work() as session:
        first = add_desa(session, kecamatan_id=region_id(KALIORANG), name="Selangkau")
        add_desa(session, kecamatan_id=region_id(KALIORANG), name="Kaliorang")
    for name, field in (("  ", "name"), ("KALIORANG", "name")):
        with pytest.raises(ValidationError) as caught, database.unit_of_work() as session:
            rename_desa(session, first, name)
        assert caught.value.field == field
    with database.unit_of_work() as session:
        rename_desa(session, first, "selangkau")  # its own name in other case is fine
        assert [d.name for d in list_desa(session, region_id(KALIORANG))] == [
            "Kaliorang",
            "selangkau",
        ]
