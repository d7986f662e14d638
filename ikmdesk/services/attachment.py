"""Photos and documents on a visit, enterprise or product: stored by SHA-256, with EXIF facts.

The bytes go to the database's :class:`BlobStore` (content-addressed, so a photo attached twice
is stored once); the ``attachment`` row holds the caption and what the photo's EXIF says about
when and where it was taken. Thumbnails are a cache beside the blobs, rebuilt when missing.
"""

from __future__ import annotations

import contextlib
import io
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ikmdesk.blob_store import BlobStore
from ikmdesk.errors import (
    CONTEXT,
    QT_TRANSLATE_NOOP,
    UserError,
    ValidationError,
)
from ikmdesk.models import Attachment
from ikmdesk.services.live_record import live_record
from ikmdesk.services.optional_text import optional_text
from ikmdesk.services.shared_blobs import share_blobs

MAX_BYTES = 30 * 1024 * 1024
THUMBNAIL_SIZE = 256

# EXIF times carry no zone unless the camera wrote OffsetTimeOriginal; photos are taken in
# Kutai Timur, which keeps WITA (UTC+8) all year.
DEFAULT_PHOTO_OFFSET = timezone(timedelta(hours=8))

_TAG_ORIENTATION = 0x0112
_TAG_DATETIME = 0x0132
_IFD_EXIF = 0x8769
_IFD_GPS = 0x8825
_TAG_DATETIME_ORIGINAL = 0x9003
_TAG_OFFSET_ORIGINAL = 0x9011

_IMAGE_MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
_PDF_MAGIC = b"%PDF-"

MSG_FILE_TOO_LARGE = QT_TRANSLATE_NOOP(
    CONTEXT, "Berkas {name} terlalu besar ({size_mb} MB); batasnya {limit_mb} MB."
)
MSG_FILE_EMPTY = QT_TRANSLATE_NOOP(CONTEXT, "Berkas {name} kosong.")
MSG_FILE_UNSUPPORTED = QT_TRANSLATE_NOOP(
    CONTEXT, "Berkas {name} bukan foto (JPEG, PNG, WEBP) atau PDF yang dapat dibaca."
)
MSG_FILE_UNREADABLE = QT_TRANSLATE_NOOP(CONTEXT, "Berkas {name} tidak dapat dibaca: {detail}")
MSG_ONE_OWNER = QT_TRANSLATE_NOOP(
    CONTEXT, "Lampiran harus milik tepat satu kunjungan, IKM atau produk."
)
WHAT_ATTACHMENT = QT_TRANSLATE_NOOP(CONTEXT, "Lampiran")


@dataclass(frozen=True, slots=True)
class PhotoFacts:
    """What a photo's EXIF says: rotation to apply, when and where it was taken."""

    orientation: int = 1
    taken_at: datetime | None = None
    latitude: float | None = None
    longitude: float | None = None

    @property
    def has_location(self) -> bool:
        """Return whether the photo carries a GPS position."""
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True, slots=True)
class AttachmentInfo:
    """One stored attachment as the UI and reports see it."""

    id: str
    sha256: str
    mime_type: str
    size_bytes: int
    original_name: str | None
    caption: str | None
    taken_at: datetime | None
    latitude: float | None
    longitude: float | None
    visit_id: str | None
    enterprise_id: str | None
    product_id: str | None
    created_at: datetime

    @property
    def is_image(self) -> bool:
        """Return whether the attachment is a photo (has a thumbnail)."""
        return self.mime_type.startswith("image/")


def read_photo_facts(data: bytes) -> PhotoFacts:
    """Return the EXIF orientation, time and GPS position of an image; defaults if absent."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            exif = image.getexif()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return PhotoFacts()
    orientation = exif.get(_TAG_ORIENTATION, 1)
    latitude, longitude = _gps_position(exif)
    return PhotoFacts(
        orientation=orientation if isinstance(orientation, int) and 1 <= orientation <= 8 else 1,
        taken_at=_taken_at(exif),
        latitude=latitude,
        longitude=longitude,
    )


def add_attachment(
    session: Session,
    store: BlobStore,
    *,
    data: bytes,
    original_name: str,
    visit_id: str | None = None,
    enterprise_id: str | None = None,
    product_id: str | None = None,
    caption: str | None = None,
) -> AttachmentInfo:
    """Store ``data`` and record it on exactly one owner; photos get their EXIF facts read."""
    owners = [o for o in (visit_id, enterprise_id, product_id) if o]
    if len(owners) != 1:
        raise ValidationError("owner", MSG_ONE_OWNER)
    mime_type = _checked_mime_type(data, original_name)
    facts = read_photo_facts(data) if mime_type.startswith("image/") else PhotoFacts()
    sha256 = store.put(data)
    share_blobs(session, {sha256: data})
    row = Attachment(
        sha256=sha256,
        mime_type=mime_type,
        size_bytes=len(data),
        original_name=original_name[:200] or None,
        caption=optional_text(caption),
        taken_at=facts.taken_at,
        latitude=facts.latitude,
        longitude=facts.longitude,
        visit_id=visit_id,
        enterprise_id=enterprise_id,
        product_id=product_id,
    )
    session.add(row)
    session.flush()
    return attachment_info(row)


def add_attachment_file(
    session: Session,
    store: BlobStore,
    path: Path,
    *,
    visit_id: str | None = None,
    enterprise_id: str | None = None,
    product_id: str | None = None,
    caption: str | None = None,
) -> AttachmentInfo:
    """Read the file at ``path`` and attach it (see :func:`add_attachment`)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _too_large(path.name, size)
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(
            MSG_FILE_UNREADABLE, name=path.name, detail=exc.strerror or str(exc)
        ) from exc
    return add_attachment(
        session,
        store,
        data=data,
        original_name=path.name,
        visit_id=visit_id,
        enterprise_id=enterprise_id,
        product_id=product_id,
        caption=caption,
    )


def list_attachments(
    session: Session,
    *,
    visit_id: str | None = None,
    enterprise_id: str | None = None,
    product_id: str | None = None,
) -> list[AttachmentInfo]:
    """Return the live attachments of one owner, oldest first."""
    query = select(Attachment).where(Attachment.deleted.is_(False))
    if visit_id is not None:
        query = query.where(Attachment.visit_id == visit_id)
    if enterprise_id is not None:
        query = query.where(Attachment.enterprise_id == enterprise_id)
    if product_id is not None:
        query = query.where(Attachment.product_id == product_id)
    rows = session.scalars(query.order_by(Attachment.created_at, Attachment.id))
    return [attachment_info(r) for r in rows]


def get_attachment(session: Session, attachment_id: str) -> AttachmentInfo:
    """Return one live attachment; NotFoundError if it is missing or removed."""
    return attachment_info(_live(session, attachment_id))


def set_caption(session: Session, attachment_id: str, caption: str | None) -> AttachmentInfo:
    """Change an attachment's caption (blank clears it)."""
    row = _live(session, attachment_id)
    row.caption = optional_text(caption)
    session.flush()
    return attachment_info(row)


def remove_attachment(session: Session, attachment_id: str) -> None:
    """Tombstone an attachment; its blob stays, other records or devices may share it."""
    row = _live(session, attachment_id)
    row.deleted = True
    session.flush()


def oriented_image(store: BlobStore, sha256: str) -> Image.Image:
    """Return the stored photo turned upright as its EXIF orientation says."""
    with Image.open(store.path_for(sha256)) as image:
        upright = ImageOps.exif_transpose(image)
        upright.load()
        return upright


def cached_thumbnail_path(
    store: BlobStore, sha256: str, *, size: int = THUMBNAIL_SIZE
) -> Path | None:
    """Return the thumbnail of a stored photo if it was made already, else None (no work)."""
    target = _thumbnail_target(store, sha256, size)
    return target if target.is_file() else None


def _thumbnail_target(store: BlobStore, sha256: str, size: int) -> Path:
    return thumbnail_dir(store) / f"{sha256}-{size}.jpg"


def thumbnail_path(store: BlobStore, sha256: str, *, size: int = THUMBNAIL_SIZE) -> Path:
    """Return an upright JPEG thumbnail of a stored photo, making and caching it if needed."""
    target = _thumbnail_target(store, sha256, size)
    if target.is_file():
        return target
    with Image.open(store.path_for(sha256)) as original:
        # A JPEG is decoded at the smallest scale (1/2 … 1/8) still at least ``size``, and only
        # the small picture is turned upright: a 12-megapixel photo decoded and turned at full
        # size took most of the second it took to add it.
        original.draft(None, (size, size))
        original.thumbnail((size, size))
        image = ImageOps.exif_transpose(original)
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    try:
        image.save(tmp, "JPEG", quality=85)
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return target


def thumbnail_dir(store: BlobStore) -> Path:
    """Return the thumbnail cache folder (never a 2-character name, so never a blob folder)."""
    return store.root / "thumbnails"


def attachment_info(row: Attachment) -> AttachmentInfo:
    """Return the plain facts of an attachment row."""
    return AttachmentInfo(
        id=row.id,
        sha256=row.sha256,
        mime_type=row.mime_type,
        size_bytes=row.size_bytes,
        original_name=row.original_name,
        caption=row.caption,
        taken_at=row.taken_at,
        latitude=row.latitude,
        longitude=row.longitude,
        visit_id=row.visit_id,
        enterprise_id=row.enterprise_id,
        product_id=row.product_id,
        created_at=row.created_at,
    )


def _live(session: Session, attachment_id: str) -> Attachment:
    return live_record(session, Attachment, attachment_id, what=WHAT_ATTACHMENT)


def _too_large(name: str, size: int) -> ValidationError:
    return ValidationError(
        "file",
        MSG_FILE_TOO_LARGE,
        name=name,
        size_mb=f"{size / 1024 / 1024:.1f}",
        limit_mb=MAX_BYTES // 1024 // 1024,
    )


def _checked_mime_type(data: bytes, name: str) -> str:
    if not data:
        raise ValidationError("file", MSG_FILE_EMPTY, name=name)
    if len(data) > MAX_BYTES:
        raise _too_large(name, len(data))
    if data.startswith(_PDF_MAGIC):
        return "application/pdf"
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format or ""
            image.verify()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError("file", MSG_FILE_UNSUPPORTED, name=name) from None
    if kind not in _IMAGE_MIME:
        raise ValidationError("file", MSG_FILE_UNSUPPORTED, name=name)
    return _IMAGE_MIME[kind]


def _taken_at(exif: Image.Exif) -> datetime | None:
    sub = exif.get_ifd(_IFD_EXIF)
    text = sub.get(_TAG_DATETIME_ORIGINAL) or exif.get(_TAG_DATETIME)
    if not isinstance(text, str):
        return None
    try:
        local = datetime.strptime(text.strip("\x00 "), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    zone = _offset(sub.get(_TAG_OFFSET_ORIGINAL)) or DEFAULT_PHOTO_OFFSET
    return local.replace(tzinfo=zone).astimezone(UTC)


def _offset(text: Any) -> timezone | None:
    if not isinstance(text, str):
        return None
    try:
        parsed = datetime.strptime(text.strip("\x00 "), "%z")
    except ValueError:
        return None
    return parsed.tzinfo if isinstance(parsed.tzinfo, timezone) else None


def _gps_position(exif: Image.Exif) -> tuple[float | None, float | None]:
    gps = exif.get_ifd(_IFD_GPS)
    latitude = _degrees(gps.get(2), gps.get(1), "S")
    longitude = _degrees(gps.get(4), gps.get(3), "W")
    if latitude is None or longitude is None:
        return None, None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None, None
    return round(latitude, 7), round(longitude, 7)


def _degrees(value: Any, ref: Any, negative_ref: str) -> float | None:
    """Return decimal degrees from EXIF (degrees, minutes, seconds) rationals and N/S/E/W."""
    try:
        d, m, s = (float(part) for part in value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if any(part != part for part in (d, m, s)):  # NaN from a 0/0 rational
        return None
    sign = -1.0 if isinstance(ref, str) and ref.strip("\x00").upper() == negative_ref else 1.0
    return sign * (d + m / 60 + s / 3600)
