"""Attachments: stored once by content, EXIF read (orientation, time, GPS), thumbnails upright."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from ikmdesk.blob_store import BlobStore
from ikmdesk.db import Database
from ikmdesk.errors import NotFoundError, ValidationError
from ikmdesk.models import Attachment, AttachmentBlob, ChangeOp, Enterprise
from ikmdesk.paths import blob_dir
from ikmdesk.services.attachment import (
    add_attachment,
    add_attachment_file,
    get_attachment,
    list_attachments,
    read_photo_facts,
    remove_attachment,
    set_caption,
    thumbnail_path,
)
from ikmdesk.services.reference_data import cluster_id, region_id


def photo_bytes(
    *,
    size: tuple[int, int] = (64, 32),
    orientation: int | None = 6,
    gps: tuple[float, float] | None = (-0.5, 117.5),
    taken: str | None = "2026:03:04 10:15:00",
    color: str = "red",
) -> bytes:
    """Return a JPEG that is wider than tall, with the EXIF a phone camera would write."""
    image = Image.new("RGB", size, color)
    # A blue left half, so a test can tell which way the picture was turned.
    image.paste("blue", (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    if taken is not None:
        exif.get_ifd(0x8769)[0x9003] = taken
    if gps is not None:
        lat, lon = gps
        ifd = exif.get_ifd(0x8825)
        ifd[1] = "S" if lat < 0 else "N"
        ifd[2] = _dms(abs(lat))
        ifd[3] = "W" if lon < 0 else "E"
        ifd[4] = _dms(abs(lon))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def _dms(value: float) -> tuple[float, float, float]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 2)
    return (float(degrees), float(minutes), seconds)


def make_enterprise(database: Database) -> str:
    with database.unit_of_work() as session:
        enterprise = Enterprise(
            name="KUB Kakao Muara Wahau",
            kecamatan_id=region_id("64.08.01"),
            cluster_id=cluster_id("kakao"),
        )
        session.add(enterprise)
        session.flush()
        return enterprise.id


@pytest.fixture
def store(database: Database) -> BlobStore:
    return BlobStore(blob_dir(database.path))


def test_exif_orientation_time_and_gps_are_read() -> None:
    facts = read_photo_facts(photo_bytes())
    assert facts.orientation == 6
    assert facts.taken_at == datetime(2026, 3, 4, 2, 15, tzinfo=UTC)  # WITA is UTC+8
    assert facts.has_location
    assert facts.latitude == pytest.approx(-0.5, abs=1e-4)
    assert facts.longitude == pytest.approx(117.5, abs=1e-4)


def test_a_photo_without_exif_has_no_facts() -> None:
    facts = read_photo_facts(photo_bytes(orientation=None, gps=None, taken=None))
    assert facts.orientation == 1 and facts.taken_at is None and not facts.has_location


def test_a_photo_is_stored_once_with_its_facts_and_listed(
    database: Database, store: BlobStore
) -> None:
    enterprise_id = make_enterprise(database)
    data = photo_bytes()
    with database.unit_of_work() as session:
        first = add_attachment(
            session,
            store,
            data=data,
            original_name="IMG_0001.jpg",
            enterprise_id=enterprise_id,
            caption="  Ruang fermentasi ",
        )
        second = add_attachment(
            session, store, data=data, original_name="copy.jpg", enterprise_id=enterprise_id
        )
    assert first.sha256 == second.sha256 and first.id != second.id
    assert store.read(first.sha256) == data
    assert len(list(store.root.glob("??/*"))) == 1
    with database.unit_of_work() as session:
        listed = list_attachments(session, enterprise_id=enterprise_id)
        ops = session.scalar(
            select(func.count()).select_from(ChangeOp).where(ChangeOp.row_id == first.id)
        )
    assert [a.caption for a in listed] == ["Ruang fermentasi", None]
    assert listed[0].mime_type == "image/jpeg" and listed[0].is_image
    assert listed[0].latitude == pytest.approx(-0.5, abs=1e-4)
    assert ops and ops > 0  # attachments travel in sync files


@pytest.mark.sqlite_only(reason="a SQLite file keeps its photos in the folder beside it")
def test_a_sqlite_file_keeps_its_photos_in_its_folder_only(
    database: Database, store: BlobStore
) -> None:
    enterprise_id = make_enterprise(database)
    with database.unit_of_work() as session:
        info = add_attachment(
            session, store, data=photo_bytes(), original_name="a.jpg", enterprise_id=enterprise_id
        )
        stored_in_file = session.scalar(select(func.count()).select_from(AttachmentBlob))
    assert store.has(info.sha256)
    assert stored_in_file == 0  # a photo is not copied into the file as well


def test_the_thumbnail_is_turned_upright_and_cached(database: Database, store: BlobStore) -> None:
    enterprise_id = make_enterprise(database)
    with database.unit_of_work() as session:
        info = add_attachment(
            session,
            store,
            data=photo_bytes(size=(200, 100), orientation=6),
            original_name="a.jpg",
            enterprise_id=enterprise_id,
        )
    path = thumbnail_path(store, info.sha256, size=64)
    with Image.open(path) as thumb:
        assert thumb.height > thumb.width  # orientation 6: the landscape shot was held upright
        assert max(thumb.size) == 64
        # Rotated 90° clockwise, the blue left half ends up on top.
        top = thumb.getpixel((thumb.width // 2, 3))
        assert top[2] > 150 and top[0] < 100
    stamp = path.stat().st_mtime_ns
    assert thumbnail_path(store, info.sha256, size=64).stat().st_mtime_ns == stamp


def test_caption_change_and_removal(database: Database, store: BlobStore) -> None:
    enterprise_id = make_enterprise(database)
    with database.unit_of_work() as session:
        info = add_attachment(
            session,
            store,
            data=photo_bytes(),
            original_name="a.jpg",
            enterprise_id=enterprise_id,
        )
    with database.unit_of_work() as session:
        set_caption(session, info.id, "Pengering tenaga surya")
    with database.unit_of_work() as session:
        assert get_attachment(session, info.id).caption == "Pengering tenaga surya"
        remove_attachment(session, info.id)
    with database.unit_of_work() as session:
        assert list_attachments(session, enterprise_id=enterprise_id) == []
        assert session.get_one(Attachment, info.id).deleted  # a tombstone, not a delete
        with pytest.raises(NotFoundError):
            get_attachment(session, info.id)
    assert store.has(info.sha256)


def test_a_file_that_is_not_a_photo_is_refused_and_nothing_is_stored(
    database: Database, store: BlobStore, tmp_path: Path
) -> None:
    enterprise_id = make_enterprise(database)
    bogus = tmp_path / "notes.jpg"
    bogus.write_bytes(b"this is not a picture")
    with pytest.raises(ValidationError) as refused, database.unit_of_work() as session:
        add_attachment_file(session, store, bogus, enterprise_id=enterprise_id)
    assert "notes.jpg" in refused.value.message()
    with database.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(Attachment)) == 0
    assert not store.root.exists() or not list(store.root.glob("??/*"))


def test_a_pdf_is_accepted_as_a_document(database: Database, store: BlobStore) -> None:
    enterprise_id = make_enterprise(database)
    with database.unit_of_work() as session:
        info = add_attachment(
            session,
            store,
            data=b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
            original_name="nib.pdf",
            enterprise_id=enterprise_id,
        )
    assert info.mime_type == "application/pdf" and not info.is_image


def test_an_attachment_needs_exactly_one_owner(database: Database, store: BlobStore) -> None:
    with pytest.raises(ValidationError), database.unit_of_work() as session:
        add_attachment(session, store, data=photo_bytes(), original_name="a.jpg")
