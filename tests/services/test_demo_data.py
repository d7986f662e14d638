"""Demo data: deterministic, realistic, stored as this device's own records, and sound."""

from __future__ import annotations

import hashlib
import io
import json
import re
import sqlite3
from collections import Counter
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from ikmdesk.blob_store import BlobStore
from ikmdesk.db import Database, backup_database, check_file
from ikmdesk.errors import ValidationError
from ikmdesk.paths import blob_dir
from ikmdesk.services.demo_data import (
    DEMO_OFFICER_NAME,
    STAGE_PHOTOS,
    STAGE_SAVING,
    DemoCancelled,
    build_demo,
)
from ikmdesk.services.pirt import parse_pirt
from tests.conftest import make_database

TODAY = date(2026, 6, 15)
SMALL = {"enterprises": 60, "visits": 400, "seed": 7, "today": TODAY}
CONTENT_TABLES = (
    "region",
    "device",
    "enterprise",
    "product",
    "visit",
    "follow_up",
    "attachment",
    "quality_check",
    "quality_answer",
)


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    """Return the rows of a query on the file, read outside the app's own code paths."""
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql).fetchall()


def table_dump(path: Path, table: str) -> list[tuple[Any, ...]]:
    return rows(path, f"SELECT * FROM {table} ORDER BY 1")


def months_before(day: date, months: int) -> date:
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month0 + 1, min(day.day, 28))


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database built once for the read-only checks of this module."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo(path, **SMALL)
    return path


@pytest.mark.sqlite_only(reason="reads or copies the demo's SQLite file with sqlite3")
def test_a_new_file_gets_a_demo_officer_and_the_records(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    summary = build_demo(path, **SMALL)
    assert summary.database_created
    assert (summary.enterprises, summary.visits) == (60, 400)
    officers = rows(
        path,
        "SELECT d.officer_name, d.role FROM device d JOIN local_identity l ON l.device_id = d.id",
    )
    assert officers == [(DEMO_OFFICER_NAME, "officer")]
    assert rows(path, "SELECT count(*) FROM enterprise")[0][0] == 60
    assert rows(path, "SELECT count(*) FROM visit")[0][0] == 400
    assert rows(path, "SELECT count(*) FROM product")[0][0] == summary.products > 60


@pytest.mark.sqlite_only(reason="reads or copies the demo's SQLite file with sqlite3")
def test_same_seed_on_copies_of_one_database_writes_identical_records(tmp_path: Path) -> None:
    original = make_database(tmp_path / "a.db")
    original.close()
    backup_database(tmp_path / "a.db", tmp_path / "b.db")
    for name in ("a.db", "b.db"):
        build_demo(tmp_path / name, **SMALL)
    for table in CONTENT_TABLES:
        assert table_dump(tmp_path / "a.db", table) == table_dump(tmp_path / "b.db", table), table
    assert (tmp_path / "a-files").exists()
    assert sorted(p.name for p in (tmp_path / "a-files").rglob("*")) == sorted(
        p.name for p in (tmp_path / "b-files").rglob("*")
    )


@pytest.mark.sqlite_only(reason="reads or copies the demo's SQLite file with sqlite3")
def test_same_seed_in_two_new_files_gives_the_same_content(tmp_path: Path) -> None:
    for name in ("a.db", "b.db"):
        build_demo(tmp_path / name, **SMALL)
    content = (
        "SELECT e.name, e.owner_name, e.nik, e.phone, e.address, v.visit_date, v.purpose,"
        " v.activities, v.findings, v.recommendations, v.status"
        " FROM visit v JOIN enterprise e ON e.id = v.enterprise_id"
        " ORDER BY e.name, v.visit_date, v.findings"
    )
    assert rows(tmp_path / "a.db", content) == rows(tmp_path / "b.db", content)


@pytest.mark.sqlite_only(reason="reads or copies the demo's SQLite file with sqlite3")
def test_another_seed_gives_other_content(tmp_path: Path) -> None:
    build_demo(tmp_path / "a.db", **SMALL)
    build_demo(tmp_path / "b.db", **{**SMALL, "seed": 8})
    names = "SELECT name, nik FROM enterprise ORDER BY nik"
    assert rows(tmp_path / "a.db", names) != rows(tmp_path / "b.db", names)


def test_all_clusters_are_present_where_the_reference_puts_them(demo_file: Path) -> None:
    placed = Counter(
        rows(
            demo_file,
            "SELECT c.code, r.name FROM enterprise e JOIN cluster c ON c.id = e.cluster_id"
            " JOIN region r ON r.id = e.kecamatan_id",
        )
    )
    per_cluster = Counter(code for code, _kecamatan in placed.elements())
    assert set(per_cluster) == {"pisang", "kakao", "pangan_olahan"}
    banana = {k for (c, k) in placed if c == "pisang"}
    cocoa = {k for (c, k) in placed if c == "kakao"}
    food = {k for (c, k) in placed if c == "pangan_olahan"}
    banana_core = sum(
        n
        for (c, k), n in placed.items()
        if c == "pisang" and k in {"Kaliorang", "Kaubun", "Sangkulirang", "Karangan"}
    )
    assert banana_core >= 0.8 * per_cluster["pisang"]
    assert "Kaliorang" in banana
    # Cocoa is never placed in Sangkulirang or Kaliorang (not confirmed there, reference §6.2).
    assert cocoa <= {
        "Karangan",
        "Kaubun",
        "Busang",
        "Teluk Pandan",
        "Sangatta Utara",
        "Sangatta Selatan",
    }
    assert "Karangan" in cocoa
    assert len(food) >= 8
    food_counts = Counter(k for (c, k) in placed.elements() if c == "pangan_olahan")
    assert food_counts.most_common(1)[0][0] in {"Sangatta Utara", "Sangatta Selatan"}


def test_named_desa_are_added_under_their_kecamatan(demo_file: Path) -> None:
    desa = set(
        rows(
            demo_file,
            "SELECT d.name, k.name FROM region d JOIN region k ON k.id = d.parent_id"
            " WHERE d.level = 'desa'",
        )
    )
    assert {
        ("Selangkau", "Kaliorang"),
        ("Karangan Hilir", "Karangan"),
        ("Pengadan Baru", "Kaubun"),
    } <= desa
    kecamatan_with_desa = {k for _d, k in desa}
    assert len(kecamatan_with_desa) == 18
    outside = rows(
        demo_file,
        "SELECT count(*) FROM enterprise e JOIN region d ON d.id = e.desa_id"
        " WHERE d.parent_id != e.kecamatan_id",
    )
    assert outside == [(0,)]


def test_owners_have_plausible_nik_and_phone_numbers(demo_file: Path) -> None:
    people = rows(demo_file, "SELECT owner_name, nik, phone FROM enterprise")
    for owner, nik, phone in people:
        assert owner
        assert re.fullmatch(r"6408(0[1-9]|1[0-8])[0-7]\d[01]\d{3}\d{4}", nik), nik
        assert phone is None or re.fullmatch(r"08\d{9,11}", phone), phone
    assert len({nik for _o, nik, _p in people}) == len(people)


def test_pirt_numbers_have_the_15_digit_format_and_expiry_spread(demo_file: Path) -> None:
    numbers = rows(demo_file, "SELECT name, pirt_number FROM product WHERE pirt_number IS NOT NULL")
    assert numbers
    expiry_years = set()
    for name, text in numbers:
        assert re.fullmatch(r"[1-8]\d{2}6408\d{6}-\d{2}", text), text
        parsed = parse_pirt(text)
        assert parsed is not None and parsed.text == text
        expiry_years.add(parsed.expiry_year)
        if name.startswith(("Amplang", "Kerupuk Ikan", "Abon Ikan")):
            assert parsed.food_type_code == "02", (name, text)
        if name.startswith(("Dodol", "Kerupuk Singkong", "Kue")):
            assert parsed.food_type_code == "06", (name, text)
    assert {TODAY.year - 1, TODAY.year, TODAY.year + 1} <= expiry_years


def test_halal_status_is_a_mix(demo_file: Path) -> None:
    statuses = dict(rows(demo_file, "SELECT halal_status, count(*) FROM enterprise GROUP BY 1"))
    assert set(statuses) == {"none", "in_process", "certified"}
    certified = rows(
        demo_file,
        "SELECT count(*) FROM enterprise WHERE halal_status = 'certified'"
        " AND (halal_cert_no IS NULL OR halal_issued_on IS NULL)",
    )
    assert certified == [(0,)]


def test_visits_cover_the_last_18_months_with_every_status(demo_file: Path) -> None:
    visits = rows(
        demo_file,
        "SELECT visit_date, status, submitted_at, reviewed_at, reviewer_id, findings FROM visit",
    )
    days = [date.fromisoformat(v[0]) for v in visits]
    assert min(days) >= months_before(TODAY, 18)
    assert max(days) < TODAY
    assert (max(days) - min(days)).days > 450
    assert {v[1] for v in visits} == {"draft", "submitted", "returned", "approved"}
    for _day, status, submitted, reviewed, reviewer, findings in visits:
        assert findings
        assert (submitted is None) == (status == "draft")
        assert (reviewed is not None) == (status in {"approved", "returned"})
        assert (reviewer is not None) == (status in {"approved", "returned"})
    old = [v[1] for v, d in zip(visits, days, strict=True) if (TODAY - d).days > 90]
    assert Counter(old).most_common(1)[0][0] == "approved"


def test_visit_texts_are_indonesian_and_about_the_cluster(demo_file: Path) -> None:
    texts = rows(
        demo_file,
        "SELECT c.code, v.activities || ' ' || v.findings FROM visit v"
        " JOIN enterprise e ON e.id = v.enterprise_id JOIN cluster c ON c.id = e.cluster_id",
    )
    cocoa = " ".join(t for c, t in texts if c == "kakao")
    banana = " ".join(t for c, t in texts if c == "pisang")
    assert "kakao" in cocoa and "pisang" not in cocoa
    assert "pisang" in banana
    assert all("{produk}" not in t for _c, t in texts)


def test_licence_findings_match_the_records(demo_file: Path) -> None:
    expired = rows(
        demo_file,
        "SELECT v.visit_date, v.findings, p.name, p.pirt_number FROM visit v"
        " JOIN product p ON p.enterprise_id = v.enterprise_id"
        " WHERE v.findings LIKE '%P-IRT pada label%sudah habis%'",
    )
    named = [r for r in expired if f"label {r[2]} sudah" in r[1]]
    assert named
    for visit_day, _findings, _name, pirt in named:
        assert int(visit_day[:4]) > 2000 + int(pirt[-2:])
    halal_advice = rows(
        demo_file,
        "SELECT DISTINCT e.halal_status FROM visit v JOIN enterprise e ON e.id = v.enterprise_id"
        " WHERE v.findings LIKE '%belum mengajukan sertifikat halal%'",
    )
    assert halal_advice == [("none",)]


def test_follow_ups_include_overdue_and_done_ones(demo_file: Path) -> None:
    items = rows(
        demo_file,
        "SELECT f.due_date, f.done_on, v.visit_date FROM follow_up f"
        " JOIN visit v ON v.id = f.visit_id",
    )
    overdue = [i for i in items if i[1] is None and date.fromisoformat(i[0]) < TODAY]
    done = [i for i in items if i[1] is not None]
    assert overdue and done
    for due, done_on, visit_day in items:
        assert due >= visit_day
        assert done_on is None or visit_day <= done_on < TODAY.isoformat()


def test_photos_are_stored_once_and_read_as_jpeg(demo_file: Path) -> None:
    photos = rows(demo_file, "SELECT sha256, size_bytes, mime_type, visit_id FROM attachment")
    visits = rows(demo_file, "SELECT count(*) FROM visit")[0][0]
    assert 0.1 * visits < len({p[3] for p in photos}) < 0.3 * visits
    store = BlobStore(blob_dir(demo_file))
    shas = {p[0] for p in photos}
    assert len(shas) < len(photos)  # the same picture on two visits is one file
    for sha256, size, mime, _visit in photos:
        assert mime == "image/jpeg"
        data = store.read(sha256)
        assert len(data) == size
        assert hashlib.sha256(data).hexdigest() == sha256
    image = Image.open(io.BytesIO(store.read(next(iter(shas)))))
    assert (image.format, image.size) == ("JPEG", (640, 480))


@pytest.mark.sqlite_only(reason="reads or copies the demo's SQLite file with sqlite3")
def test_an_existing_database_gets_the_records_as_its_own_device(database: Database) -> None:
    with closing(sqlite3.connect(database.path)) as conn:
        device_id = conn.execute("SELECT device_id FROM local_identity").fetchone()[0]
    first = build_demo(database, **SMALL)
    second = build_demo(database, **SMALL)
    assert not first.database_created
    assert first.device_id == second.device_id == device_id
    path = database.path
    assert rows(path, "SELECT count(*) FROM enterprise")[0][0] == 120
    officers = dict(rows(path, "SELECT id, nip FROM device WHERE role = 'officer'"))
    visiting = {r[0] for r in rows(path, "SELECT DISTINCT officer_id FROM visit")}
    assert device_id in visiting and visiting <= set(officers)
    assert len(visiting) >= 3 and all(officers[o] for o in visiting)  # colleagues, with NIPs
    assert second.desa == 0  # the first build's desa are reused
    # The IKMs are this device's ops; what the stand-ins did is theirs (tests/sync/test_demo_sync).
    op_devices = {r[0] for r in rows(path, "SELECT DISTINCT device_id FROM change_log")}
    assert op_devices == {r[0] for r in rows(path, "SELECT id FROM device")}
    captured = rows(
        path,
        "SELECT device_id, count(DISTINCT row_id) FROM change_log WHERE entity = 'enterprise'"
        " AND field = 'name' GROUP BY device_id",
    )
    assert captured == [(device_id, 120)]


@pytest.mark.sqlite_only(reason="reads or copies the demo's SQLite file with sqlite3")
def test_a_supervisor_database_reviews_its_own_demo_visits(tmp_path: Path) -> None:
    db = make_database(tmp_path / "s.db", role="supervisor", name="Kepala Seksi")
    try:
        summary = build_demo(db, **SMALL)
    finally:
        db.close()
    reviewers = rows(
        tmp_path / "s.db", "SELECT DISTINCT reviewer_id FROM visit WHERE reviewer_id IS NOT NULL"
    )
    assert reviewers == [(summary.device_id,)]
    approvals = rows(
        tmp_path / "s.db",
        "SELECT DISTINCT device_id FROM change_log"
        " WHERE entity = 'visit' AND field = 'reviewer_id'",
    )
    assert approvals == [(summary.device_id,)]


def test_the_demo_database_passes_the_integrity_checks(demo_file: Path) -> None:
    assert check_file(demo_file) == []


@pytest.mark.sqlite_only(reason="reads or copies the demo's SQLite file with sqlite3")
def test_cancelling_keeps_an_existing_database_as_it_was(database: Database) -> None:
    before = {t: table_dump(database.path, t) for t in (*CONTENT_TABLES, "change_log")}
    calls = iter(range(1000))

    def cancel_on_third_check() -> bool:
        return next(calls) >= 2

    with pytest.raises(DemoCancelled):
        build_demo(database, **SMALL, cancelled=cancel_on_third_check)
    after = {t: table_dump(database.path, t) for t in before}
    assert after == before


def test_cancelling_a_new_database_while_saving_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    stages: list[str] = []
    with pytest.raises(DemoCancelled):
        build_demo(
            path,
            **SMALL,
            progress=lambda stage, _done, _total: stages.append(stage),
            cancelled=lambda: STAGE_SAVING in stages,
        )
    assert STAGE_PHOTOS in stages  # photos were made before the cancel
    assert list(tmp_path.iterdir()) == []


def test_progress_is_reported_up_to_the_total(tmp_path: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    build_demo(tmp_path / "p.db", **SMALL, progress=lambda *a: seen.append(a))
    _stage, done, total = seen[-1]
    assert done == total > 0
    assert len({s for s, _d, _t in seen}) == 3


@pytest.mark.parametrize(
    ("counts", "field"),
    [
        ({"enterprises": -1}, "enterprises"),
        ({"visits": -5}, "visits"),
        ({"enterprises": 0, "visits": 3}, "enterprises"),
    ],
)
def test_impossible_counts_are_refused(tmp_path: Path, counts: dict[str, int], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        build_demo(tmp_path / "x.db", **counts)
    assert caught.value.field == field
    assert not (tmp_path / "x.db").exists()


@pytest.mark.sqlite_only(reason="reads or copies the demo's SQLite file with sqlite3")
def test_visits_default_to_dates_before_the_computer_s_today(tmp_path: Path) -> None:
    build_demo(tmp_path / "d.db", enterprises=5, visits=30)
    latest = rows(tmp_path / "d.db", "SELECT max(visit_date) FROM visit")[0][0]
    assert date.today() - timedelta(days=1) >= date.fromisoformat(latest)


def test_visits_carry_quality_checks_of_every_shipped_template(demo_file: Path) -> None:
    checks = rows(
        demo_file,
        "SELECT t.code, q.result_status, q.result_code FROM quality_check q"
        " JOIN checklist_template t ON t.id = q.template_id",
    )
    codes = {code for code, _status, _result in checks}
    assert codes == {"cppb-irt", "label-irt", "kakao-sni-2323", "keripik-pisang"}
    assert all(status == "complete" for _code, status, _result in checks)
    levels = {result for code, _s, result in checks if code == "cppb-irt"}
    assert {"LEVEL_I", "LEVEL_II"} <= levels, "a realistic mix, not all clean or all critical"
    cocoa = [result for code, _s, result in checks if code == "kakao-sni-2323"]
    assert all(r == "SUBSTANDARD" or "/" in r for r in cocoa)


def test_stored_demo_results_are_what_the_engine_says(demo_file: Path) -> None:
    from ikmdesk.services.checklist_template import parse_template
    from ikmdesk.services.quality_scoring import score

    for check_id, definition, code, checked_on in rows(
        demo_file,
        "SELECT q.id, t.definition, q.result_code, q.checked_on FROM quality_check q"
        " JOIN checklist_template t ON t.id = q.template_id LIMIT 40",
    ):
        template = parse_template(json.loads(definition))
        answers = {
            # A JSON column has numeric affinity in SQLite: numbers come back as numbers.
            item: json.loads(value) if isinstance(value, str) else value
            for item, value in rows(
                demo_file,
                f"SELECT item_id, value FROM quality_answer WHERE check_id = '{check_id}'",
            )
        }
        assert score(template, answers, today=date.fromisoformat(checked_on)).code == code


def test_cppb_findings_thin_out_as_mentoring_goes_on(demo_file: Path) -> None:
    first_half, second_half = rows(
        demo_file,
        "SELECT avg(q.score) FROM quality_check q JOIN checklist_template t"
        " ON t.id = q.template_id WHERE t.code = 'cppb-irt'"
        f" GROUP BY q.checked_on >= '{months_before(TODAY, 9).isoformat()}' ORDER BY 1 DESC",
    )
    assert first_half[0] > second_half[0]


def test_critical_findings_become_follow_ups_with_their_answer(demo_file: Path) -> None:
    linked = rows(
        demo_file,
        "SELECT a.item_id, a.corrective_action, f.action FROM follow_up f"
        " JOIN quality_answer a ON a.id = f.answer_id",
    )
    assert linked
    assert all(action == follow_up_action for _item, action, follow_up_action in linked)


def test_written_findings_say_what_the_checks_found(demo_file: Path) -> None:
    from ikmdesk.services.checklist_template import newest_templates

    found = rows(
        demo_file,
        "SELECT v.findings, v.recommendations, a.problem, a.corrective_action FROM quality_answer a"
        " JOIN quality_check q ON q.id = a.check_id JOIN visit v ON v.id = q.visit_id"
        " WHERE a.problem IS NOT NULL",
    )
    assert found
    for findings, advice, problem, action in found:
        assert problem in findings
        assert action is None or action in advice
    # A visit with a clean CPPB-IRT check never claims a problem the checklist did not find.
    clean = rows(
        demo_file,
        "SELECT v.findings FROM visit v JOIN quality_check q ON q.visit_id = v.id"
        " JOIN checklist_template t ON t.id = q.template_id WHERE t.code = 'cppb-irt'"
        " AND NOT EXISTS (SELECT 1 FROM quality_answer a WHERE a.check_id = q.id"
        " AND a.problem IS NOT NULL)",
    )
    items = [i.text.id for i in newest_templates()["cppb-irt"].items()]
    assert clean and all("CPPB-IRT" in f and not any(i in f for i in items) for (f,) in clean)


def test_each_finding_action_answers_its_own_item(demo_file: Path) -> None:
    from ikmdesk.services.demo_checks import CPPB_ACTIONS

    pairs = rows(
        demo_file,
        "SELECT a.item_id, a.corrective_action FROM quality_answer a"
        " WHERE a.corrective_action IS NOT NULL",
    )
    assert pairs and all(CPPB_ACTIONS[item] == action for item, action in pairs)


def test_approved_visits_are_numbered_in_approval_order_and_frozen(demo_file: Path) -> None:
    approved = rows(
        demo_file,
        "SELECT v.id, v.reviewed_at, r.year, r.seq, s.report_number FROM visit v"
        " JOIN report_number r ON r.visit_id = v.id"
        " JOIN approval_snapshot s ON s.visit_id = v.id AND s.revision = v.revision"
        " WHERE v.status = 'approved' ORDER BY v.reviewed_at, v.id",
    )
    total = rows(demo_file, "SELECT count(*) FROM visit WHERE status = 'approved'")[0][0]
    assert len(approved) == total > 0
    by_year: dict[int, list[int]] = {}
    for _id, _at, year, seq, _number in approved:
        by_year.setdefault(year, []).append(seq)
    assert all(seqs == list(range(1, len(seqs) + 1)) for seqs in by_year.values())
    supervisor = rows(demo_file, "SELECT nip FROM device WHERE role = 'supervisor'")
    assert supervisor and all(nip for (nip,) in supervisor)


def test_most_old_follow_ups_are_closed(demo_file: Path) -> None:
    old = rows(
        demo_file,
        "SELECT done_on IS NOT NULL FROM follow_up"
        f" WHERE due_date < '{(TODAY - timedelta(days=60)).isoformat()}'",
    )
    assert old and sum(done for (done,) in old) / len(old) > 0.85
