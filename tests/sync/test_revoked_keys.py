"""A lost or stolen laptop: the supervisor revokes its key, and its packages are refused."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from ikmdesk.errors import UserError
from ikmdesk.models import Enterprise
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.sync_trust import (
    KeyCardInvalid,
    key_card,
    read_key_card,
    revoke_peer,
    revoked_peers,
    trust_peer,
    trusted_peers,
)
from ikmdesk.sync.package_format import PackageRefused
from tests.sync.sync_helpers import add_enterprise, dump, introduce, make_node, receive, send


@pytest.fixture
def office(tmp_path: Path):
    supervisor = make_node(tmp_path / "sup", "Ir. Hendra Wijaya", role="supervisor")
    officer = make_node(tmp_path / "off", "Siti Rahmawati")
    introduce(supervisor, officer)
    yield supervisor, officer
    supervisor.db.close()
    officer.db.close()


def test_a_revoked_officers_package_is_refused_and_changes_nothing(office, tmp_path):
    supervisor, officer = office
    add_enterprise(officer.db, "Keripik Pisang Kaliorang")
    first = send(officer, supervisor, tmp_path / "first.ikmsync")
    assert receive(supervisor, first).applied > 0

    with supervisor.db.unit_of_work() as session:
        revoked = revoke_peer(session, officer.id)
    assert revoked.revoked_at is not None

    add_enterprise(officer.db, "Dodol Kakao Sangkulirang")
    stolen = send(officer, supervisor, tmp_path / "stolen.ikmsync")
    before = dump(supervisor.db)
    with pytest.raises(PackageRefused) as refused:
        receive(supervisor, stolen, trust=True)
    message = refused.value.message()
    assert "dicabut" in message and "Siti Rahmawati" in message
    assert dump(supervisor.db) == before


def test_a_revoked_device_cannot_be_trusted_again_or_written_to(office, tmp_path):
    supervisor, officer = office
    with supervisor.db.unit_of_work() as session:
        revoke_peer(session, officer.id)
    card = tmp_path / "card.json"
    card.write_text(json.dumps(key_card(officer.info)), encoding="utf-8")
    with supervisor.db.unit_of_work() as session, pytest.raises(KeyCardInvalid) as refused:
        trust_peer(session, read_key_card(card))
    assert "dicabut" in refused.value.message()
    with pytest.raises(UserError) as no_export:
        send(supervisor, officer, tmp_path / "reply.ikmsync")
    assert "dicabut" in no_export.value.message()
    assert not (tmp_path / "reply.ikmsync").exists()
    with supervisor.db.unit_of_work() as session:
        assert [p.device_id for p in trusted_peers(session)] == []
        assert [p.device_id for p in revoked_peers(session)] == [officer.id]


def test_the_officers_new_laptop_is_trusted_and_old_data_stays(office, tmp_path):
    supervisor, officer = office
    add_enterprise(officer.db, "Keripik Pisang Kaliorang")
    receive(supervisor, send(officer, supervisor, tmp_path / "first.ikmsync"))
    with supervisor.db.unit_of_work() as session:
        revoke_peer(session, officer.id)
    new_laptop = make_node(tmp_path / "new", "Siti Rahmawati")
    try:
        introduce(supervisor, new_laptop)
        add_enterprise(new_laptop.db, "Sale Pisang Kaubun")
        result = receive(supervisor, send(new_laptop, supervisor, tmp_path / "new.ikmsync"))
        assert result.applied > 0
    finally:
        new_laptop.db.close()
    with supervisor.db.unit_of_work() as session:
        names = set(session.scalars(select(Enterprise.name)))
    assert {"Keripik Pisang Kaliorang", "Sale Pisang Kaubun"} <= names


def test_revoking_an_unknown_device_says_so(office):
    supervisor, _officer = office
    with supervisor.db.unit_of_work() as session, pytest.raises(UserError) as refused:
        revoke_peer(session, "00000000-0000-4000-8000-000000000000")
    assert "tidak ada dalam daftar" in refused.value.message()


@pytest.mark.sqlite_only(reason="runs the CLI as a subprocess on the SQLite file")
def test_cli_lists_and_revokes(office):
    supervisor, officer = office
    db_path = str(supervisor.folder / "ikmdesk.db")
    supervisor.db.close()
    try:
        cli = [sys.executable, "-m", "ikmdesk.cli"]
        revoked = subprocess.run(
            [*cli, "device", "revoke", "--db", db_path, "--device", officer.id, "--json"],
            capture_output=True,
            text=True,
        )
        assert revoked.returncode == 0, revoked.stderr
        assert json.loads(revoked.stdout)["revoked_at"]
        listed = subprocess.run(
            [*cli, "device", "peers", "--db", db_path], capture_output=True, text=True
        )
        assert listed.returncode == 0 and "dicabut" in listed.stdout
        unknown = subprocess.run(
            [*cli, "device", "revoke", "--db", db_path, "--device", "x" * 36],
            capture_output=True,
            text=True,
        )
        assert unknown.returncode == 1
        assert len(unknown.stderr.strip().splitlines()) == 1
    finally:
        supervisor.db = open_data_file(supervisor.folder / "ikmdesk.db")
