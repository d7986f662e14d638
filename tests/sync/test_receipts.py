"""Receipts and gaps: what the supervisor confirmed, and what is known to exist but missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from ikmdesk.db import backup_database
from ikmdesk.models import Enterprise
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.sync_review import confirmed_changes, missing_changes
from ikmdesk.services.sync_service import export_package, import_package, sync_status
from ikmdesk.sync.package_format import PackageRefused
from tests.sync.sync_helpers import add_enterprise, content, dump, edit, introduce, make_node


def test_the_officer_sees_which_changes_the_supervisor_confirmed(tmp_path: Path) -> None:
    sup = make_node(tmp_path / "sup", "Bu Kasi", role="supervisor")
    off = make_node(tmp_path / "off", "Siti")
    introduce(sup, off)
    first = add_enterprise(off.db, "Pertama")
    import_package(sup.db, export_package(off.db, tmp_path / "1.ikmsync").path)
    second = add_enterprise(off.db, "Kedua")
    with off.db.unit_of_work() as session:
        (before,) = confirmed_changes(session)
    assert before.confirmed_through == 0  # nothing heard back yet
    import_package(off.db, export_package(sup.db, tmp_path / "back.ikmsync", to=off.id).path)
    with off.db.unit_of_work() as session:
        (receipt,) = confirmed_changes(session)
        status = sync_status(session)
    assert receipt.peer_id == sup.id
    assert 0 < receipt.confirmed_through < receipt.own_changes
    records = {row for _entity, row in receipt.unconfirmed_records}
    assert second in records and first not in records
    assert status.peers[0].pending_ops == receipt.unconfirmed
    sup.db.close()
    off.db.close()


@pytest.mark.sqlite_only(reason="restores a SQLite file backup")
def test_the_supervisor_sees_changes_known_to_exist_but_not_received(tmp_path: Path) -> None:
    sup = make_node(tmp_path / "sup", "Bu Kasi", role="supervisor")
    off = make_node(tmp_path / "off", "Siti")
    introduce(sup, off)
    add_enterprise(off.db, "Pertama")
    first = import_package(sup.db, export_package(off.db, tmp_path / "1.ikmsync").path)
    import_package(off.db, export_package(sup.db, tmp_path / "b1.ikmsync", to=off.id).path)
    # The supervisor's laptop is restored from the backup taken before that import, so the
    # officer believes changes arrived that the supervisor no longer holds.
    sup_path = sup.db.path
    sup.db.close()
    for suffix in ("-wal", "-shm"):
        sup_path.with_name(sup_path.name + suffix).unlink(missing_ok=True)
    backup_database(first.backup_path, sup_path)
    sup.db = open_data_file(sup_path)
    add_enterprise(off.db, "Kedua")
    import_package(sup.db, export_package(off.db, tmp_path / "2.ikmsync").path)
    with sup.db.unit_of_work() as session:
        (gap,) = missing_changes(session)
    assert gap.device_id == off.id and gap.officer_name == "Siti"
    assert gap.received == 0 and gap.missing_ranges == [(1, first.applied)]
    assert gap.missing == first.applied
    # The cure is a full export from the officer.
    import_package(sup.db, export_package(off.db, tmp_path / "full.ikmsync", full=True).path)
    with sup.db.unit_of_work() as session:
        assert missing_changes(session) == []
    sup.db.close()
    off.db.close()


@pytest.mark.sqlite_only(reason="restores a SQLite file backup")
def test_an_edit_to_a_record_lost_in_a_restore_asks_for_a_full_package(tmp_path: Path) -> None:
    sup = make_node(tmp_path / "sup", "Bu Kasi", role="supervisor")
    off = make_node(tmp_path / "off", "Siti")
    introduce(sup, off)
    row = add_enterprise(off.db, "Pertama")
    first = import_package(sup.db, export_package(off.db, tmp_path / "1.ikmsync").path)
    import_package(off.db, export_package(sup.db, tmp_path / "b1.ikmsync", to=off.id).path)
    sup_path = sup.db.path
    sup.db.close()
    for suffix in ("-wal", "-shm"):
        sup_path.with_name(sup_path.name + suffix).unlink(missing_ok=True)
    backup_database(first.backup_path, sup_path)
    sup.db = open_data_file(sup_path)
    edit(off.db, Enterprise, row, name="Pertama, dikoreksi")
    before = dump(sup.db)
    with pytest.raises(PackageRefused, match="--full"):
        import_package(sup.db, export_package(off.db, tmp_path / "2.ikmsync").path)
    assert dump(sup.db) == before
    import_package(sup.db, export_package(off.db, tmp_path / "full.ikmsync", full=True).path)
    assert content(sup.db)["enterprise"] == content(off.db)["enterprise"]
    sup.db.close()
    off.db.close()
