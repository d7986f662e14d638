"""Photos and the letterhead logo on one PostgreSQL database shared by two supervisors' laptops.

Each laptop keeps its files in its own folder; the bytes also live in the database, so the
second laptop shows, prints and sends on what the first added or imported. Only on PostgreSQL
(``scripts/test-postgres.sh``); a SQLite file keeps its files beside it (test_attachment.py).
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from ikmdesk.blob_store import BlobStore
from ikmdesk.db import Database, open_server_database
from ikmdesk.models import Attachment, AttachmentBlob, Visit
from ikmdesk.models.enums import VisitStatus
from ikmdesk.paths import blob_dir
from ikmdesk.reports.render import render_visit
from ikmdesk.services.approval_snapshot import record_approval
from ikmdesk.services.attachment import add_attachment, thumbnail_path
from ikmdesk.services.device import this_device
from ikmdesk.services.office_settings import OfficeSettings, save_office_settings
from ikmdesk.services.shared_blobs import fetch_missing
from ikmdesk.services.sync_service import export_package
from tests.postgres_mode import server_url
from tests.reports.builders import APPROVED_AT, build_visit, jpeg_bytes
from tests.reports.pdf_text import all_text, image_count
from tests.sync.sync_helpers import introduce, make_node, receive, send

pytestmark = pytest.mark.skipif(
    server_url() is None, reason="PostgreSQL only: a SQLite file keeps its files beside it"
)

MISSING = "Foto tidak tersedia"


def _second_laptop(first: Database, folder: Path) -> Database:
    """Open the first laptop's server database from another laptop, with its own folder."""
    assert first.url is not None
    folder.mkdir(parents=True)
    return open_server_database(first.url, local_path=folder / "ikmdesk.db")


def _store(db: Database) -> BlobStore:
    return BlobStore(blob_dir(db.path))


def _add_photo(db: Database, visit_id: str, data: bytes) -> str:
    with db.unit_of_work() as session:
        return add_attachment(
            session, _store(db), data=data, original_name="dapur.jpg", visit_id=visit_id
        ).sha256


def test_a_photo_one_laptop_adds_is_shown_and_printed_by_the_other(
    database: Database, tmp_path: Path
) -> None:
    built = build_visit(database, photos=0, status=VisitStatus.DRAFT)
    other = _second_laptop(database, tmp_path / "laptop-b")
    try:
        sha = _add_photo(database, built.visit_id, jpeg_bytes((20, 160, 60), (320, 240)))
        assert not _store(other).has(sha)
        text = all_text(render_visit(other, built.visit_id))
        assert MISSING not in text
        kept = _store(other).path_for(sha)
        assert hashlib.sha256(kept.read_bytes()).hexdigest() == sha  # verified and kept
        with other.unit_of_work() as session:  # the photo list's thumbnail, as the widget asks
            assert sha in fetch_missing(session, _store(other), [sha])
        assert thumbnail_path(_store(other), sha).is_file()
    finally:
        other.close()


def test_an_approved_reports_photos_are_printed_by_the_other_laptop(
    database: Database, tmp_path: Path
) -> None:
    built = build_visit(database, photos=0, status=VisitStatus.DRAFT)
    sha = _add_photo(database, built.visit_id, jpeg_bytes((120, 60, 160), (320, 240)))
    with database.unit_of_work() as session:  # approved: printed from its snapshot from now on
        visit = session.get_one(Visit, built.visit_id)
        visit.status = VisitStatus.APPROVED
        record_approval(session, visit, approver_id=this_device(session).id, at=APPROVED_AT)
    other = _second_laptop(database, tmp_path / "laptop-b")
    try:
        text = all_text(render_visit(other, built.visit_id))
        assert "LAPORAN KUNJUNGAN" in text and MISSING not in text
        assert _store(other).has(sha)
    finally:
        other.close()


def test_a_tampered_server_copy_is_refused_and_never_kept(
    database: Database, tmp_path: Path
) -> None:
    built = build_visit(database, photos=0, status=VisitStatus.DRAFT)
    other = _second_laptop(database, tmp_path / "laptop-b")
    try:
        sha = _add_photo(database, built.visit_id, jpeg_bytes((200, 40, 40), (200, 150)))
        with database.unit_of_work() as session:
            session.execute(
                update(AttachmentBlob)
                .where(AttachmentBlob.sha256 == sha)
                .values(content=jpeg_bytes((0, 0, 0), (200, 150)))
            )
        assert MISSING in all_text(render_visit(other, built.visit_id))
        assert not _store(other).has(sha)
    finally:
        other.close()


def test_the_logo_one_laptop_sets_is_printed_by_the_other(
    database: Database, tmp_path: Path
) -> None:
    built = build_visit(database, photos=0, status=VisitStatus.DRAFT)
    sha = _store(database).put(jpeg_bytes(size=(120, 120)))
    with database.unit_of_work() as session:
        save_office_settings(session, OfficeSettings(logo_sha256=sha), blobs=_store(database))
    other = _second_laptop(database, tmp_path / "laptop-b")
    try:
        assert image_count(render_visit(other, built.visit_id)) == 1
        assert _store(other).has(sha)
    finally:
        other.close()


def test_photos_an_officer_sent_to_one_laptop_travel_on_from_the_other(tmp_path: Path) -> None:
    office = make_node(tmp_path / "kantor", "Budi Santoso", role="supervisor")
    siti = make_node(tmp_path / "siti", "Siti")
    rahmat = make_node(tmp_path / "rahmat", "Rahmat")
    introduce(siti, office)
    introduce(rahmat, office)
    other = _second_laptop(office.db, tmp_path / "laptop-b")
    try:
        built = build_visit(siti.db, photos=0, status=VisitStatus.DRAFT)
        sha = _add_photo(siti.db, built.visit_id, jpeg_bytes((90, 90, 200), (240, 180)))
        receive(office, send(siti, office, tmp_path / "dari-siti.ikmsync"))
        assert not _store(other).has(sha)
        package = tmp_path / "untuk-rahmat.ikmsync"
        export_package(other, package, to=rahmat.id)  # the other laptop, the same office
        result = receive(rahmat, package)
        assert result.attachments == 1
        assert _store(rahmat.db).has(sha)
        assert MISSING not in all_text(render_visit(rahmat.db, built.visit_id))
    finally:
        other.close()
        for node in (office, siti, rahmat):
            node.db.close()


def test_two_laptops_storing_the_same_photo_at_once_both_succeed(
    database: Database, tmp_path: Path
) -> None:
    built = build_visit(database, photos=0, status=VisitStatus.DRAFT)
    other = _second_laptop(database, tmp_path / "laptop-b")
    data = jpeg_bytes((10, 10, 10), (300, 200))
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def add(db: Database) -> None:
        start.wait()
        try:
            _add_photo(db, built.visit_id, data)
        except BaseException as exc:  # reported to the test, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(db,)) for db in (database, other)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert errors == []
        with database.unit_of_work() as session:
            assert session.scalar(select(func.count()).select_from(AttachmentBlob)) == 1
            assert session.scalar(select(func.count()).select_from(Attachment)) == 2
    finally:
        other.close()
