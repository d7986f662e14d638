"""The demo holds a cocoa and a banana programme running and an ended one with its evaluation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.demo_data import build_demo
from ikmdesk.services.programme.diagnosis import get_diagnosis
from ikmdesk.services.programme.logbook import programme_logbook
from ikmdesk.services.programme.partner import list_partners
from ikmdesk.services.programme.plan import list_targets
from ikmdesk.services.programme.programme import get_programme, list_programmes

TODAY = date(2026, 11, 20)


def test_demo_programmes_have_partners_diagnoses_plans_and_logbooks(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    summary = build_demo(path, enterprises=60, visits=400, today=TODAY)
    assert summary.enterprises == 60 and summary.visits == 400  # the demo keeps its counts
    db = open_data_file(path)
    try:
        with db.unit_of_work() as session:
            rows = list_programmes(session, officer_id=summary.device_id, on=TODAY)
            by_cluster = {(r.cluster_code, r.kecamatan, r.status): r for r in rows}
            cocoa = by_cluster[("kakao", "Karangan", "running")]
            banana = by_cluster[("pisang", "Kaliorang", "running")]
            ended = by_cluster[("pisang", "Kaubun", "ended")]
            assert all(r.mine for r in rows)
            for row in (cocoa, banana, ended):
                detail = get_programme(session, row.id, on=TODAY)
                assert detail.partners and detail.enterprises
                first = detail.enterprises[0].enterprise_id
                assert get_diagnosis(session, row.id, first) is not None
                assert list_targets(session, row.id, on=TODAY)
            assert programme_logbook(session, banana.id) or programme_logbook(session, cocoa.id)
            ended_detail = get_programme(session, ended.id, on=TODAY)
            assert ended_detail.evaluation and ended_detail.closed_on is not None
            final = get_diagnosis(session, ended.id, first, "final")
            assert final is not None and final.answers["level_cppb"] == "LEVEL_II"
            assert len(list_partners(session)) == 5
    finally:
        db.close()
