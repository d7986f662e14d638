"""Hostile packages that break authority rules: refused in one line, the database untouched.

Which ops an author may make (a device's own row, approvals, reference data, whose ops a
package may carry) is decided by ``ikmdesk.sync.authority`` (docs/sync-format.md, issue 10);
these are the cases a held-out attack found accepted before it (issue 16).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from ikmdesk.models import ChangeOp, Region
from ikmdesk.models.enums import VisitPurpose
from ikmdesk.models.visit import Visit
from ikmdesk.services.sync_service import import_package
from ikmdesk.sync.knowledge import op_lines_unknown_to
from tests.sync.sync_helpers import TODAY, add_enterprise, introduce, make_node
from tests.sync.test_hostile_packages import Pair, make_pair, op_of, refused, with_ops, write


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    """A fresh pair per case: an accepted hostile op (before the sync branch) spoils it."""
    made = make_pair(tmp_path / "pair")
    yield made
    made.sup.db.close()
    made.off.db.close()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("signing_public_key", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="),
        ("encryption_public_key", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="),
        ("role", "officer"),
        ("officer_name", "Bukan Bu Kasi"),
        ("deleted", True),
    ],
)
def test_an_officer_changing_the_supervisors_device_row_is_refused(pair: Pair, field, value):
    op = op_of(pair, entity="device", row_id=pair.sup.id, field=field, value=value)
    path = write(pair, with_ops(pair, [op]), f"device-{field}")
    refused(pair, path, path.name)


def test_an_officer_approving_its_own_visit_is_refused(pair: Pair):
    with pair.off.db.unit_of_work() as session:
        visit = Visit(
            enterprise_id=pair.row,
            visit_date=TODAY,
            officer_id=pair.off.id,
            purpose=VisitPurpose.MENTORING,
        )
        session.add(visit)
        session.flush()
        visit_id = visit.id
    op = op_of(pair, entity="visit", row_id=visit_id, field="status", value="approved")
    path = write(pair, with_ops(pair, [op]), "self-approval")
    refused(pair, path, path.name)


def test_an_officer_renaming_a_region_is_refused(pair: Pair):
    with pair.sup.db.unit_of_work() as session:
        region = session.scalars(select(Region.id).order_by(Region.code)).first()
    op = op_of(pair, entity="region", row_id=region, field="name", value="Kecamatan Palsu")
    path = write(pair, with_ops(pair, [op]), "region")
    refused(pair, path, path.name)


def test_ops_forged_under_another_officers_id_are_refused(pair: Pair, tmp_path):
    other = make_node(tmp_path / "other", "Rahmat")
    try:
        introduce(pair.sup, other)
        hlc = f"{int(time.time() * 1000):013d}-{0:010d}-{other.id}"
        op = op_of(pair, device_id=other.id, counter=1, hlc=hlc, value="Dipalsukan")
        path = write(pair, with_ops(pair, [op]), "forged-officer")
        refused(pair, path, path.name)
    finally:
        other.db.close()


def test_ops_forged_under_the_supervisors_id_with_a_known_counter_are_refused(pair: Pair):
    with pair.sup.db.unit_of_work() as session:
        known = session.scalar(
            select(ChangeOp.counter).where(ChangeOp.device_id == pair.sup.id).limit(1)
        )
    counter = int(known or 1)
    hlc = f"{int(time.time() * 1000):013d}-{0:010d}-{pair.sup.id}"
    op = op_of(pair, device_id=pair.sup.id, counter=counter, hlc=hlc, value="Dipalsukan")
    path = write(pair, with_ops(pair, [op]), "forged-supervisor")
    refused(pair, path, path.name)


def test_an_officers_ops_replayed_inside_another_officers_package_are_refused(pair: Pair, tmp_path):
    other = make_node(tmp_path / "other", "Rahmat")
    try:
        introduce(pair.sup, other)
        # Another officer's own, validly made ops, carried in this officer's signed package.
        add_enterprise(other.db, "Amplang Rahmat")
        with other.db.unit_of_work() as session:
            lines = op_lines_unknown_to(session.connection(), {})
        path = write(pair, with_ops(pair, [json.loads(line) for line in lines]), "replay")
        refused(pair, path, path.name)
    finally:
        other.db.close()


def test_the_authority_corpus_runs_against_a_good_package(pair: Pair):
    path = write(pair, with_ops(pair, []), "baseline")
    assert not import_package(pair.sup.db, path).already_imported
