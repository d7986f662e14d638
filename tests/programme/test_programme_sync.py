"""A programme made by the supervisor reaches the assigned officer through real sync files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ikmdesk.cli import main
from ikmdesk.services.programme.programme import get_programme, list_programmes
from tests.programme.helpers import START, add_ikm, add_partner, cocoa_programme
from tests.sync.sync_helpers import content, introduce, make_node, receive, send


@pytest.fixture
def pair(tmp_path: Path):
    sup = make_node(tmp_path / "sup", "Bu Kasi", role="supervisor")
    off = make_node(tmp_path / "off", "Siti")
    introduce(sup, off)
    yield sup, off
    sup.db.close()
    off.db.close()


def test_programme_reaches_the_officer_and_shows_first(pair, tmp_path: Path, capsys) -> None:
    sup, off = pair
    # The officer's first file tells the supervisor about the officer (and its IKM).
    ikm = add_ikm(off.db, "Cokelat Karangan Hilir")
    receive(sup, send(off, sup, tmp_path / "off-1.ikmsync"))
    partner = add_partner(sup.db)
    cocoa_programme(sup.db, officer_ids=(sup.id,), enterprise_ids=(), name="Program lain")
    pid = cocoa_programme(
        sup.db, officer_ids=(off.id,), enterprise_ids=(ikm,), partner_ids=(partner,)
    )
    receive(off, send(sup, off, tmp_path / "master.ikmsync"))

    with off.db.unit_of_work() as session:
        rows = list_programmes(session, officer_id=off.id, on=START)
        detail = get_programme(session, pid)
    assert [(r.name, r.mine) for r in rows] == [
        ("Pendampingan Kakao Karangan 2026", True),
        ("Program lain", False),
    ]
    assert detail.officers == ((off.id, "Siti"),)
    assert detail.partners == ((partner, "Universitas Mulawarman"),)
    assert [e.name for e in detail.enterprises] == ["Cokelat Karangan Hilir"]
    sup_state, off_state = content(sup.db), content(off.db)
    for table in ("programme", "programme_enrollment", "partner"):
        assert sup_state[table] == off_state[table]

    assert main(["list", "programmes", "--db", str(off.db.path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["name"] == "Pendampingan Kakao Karangan 2026"
    assert listed[0]["mine"] is True and listed[0]["enterprise_count"] == 1
    assert main(["list", "partners", "--db", str(off.db.path), "--json"]) == 0
    partners = json.loads(capsys.readouterr().out)
    assert partners == [
        {
            "id": partner,
            "name": "Universitas Mulawarman",
            "kind": "university",
            "contact_person": None,
            "programme_count": 1,
            "visit_count": 0,
        }
    ]
    assert main(["list", "programmes", "--db", str(off.db.path)]) == 0
    assert "Pendampingan Kakao Karangan 2026" in capsys.readouterr().out
