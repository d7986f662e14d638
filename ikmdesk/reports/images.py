"""Photos and the logo as flowables: scaled into a box, or a placeholder box when unusable.

A photo that is missing from the blob store, truncated, not an image, or absurdly large
gives a labelled empty box, never a failed report.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from PIL import Image as PilImage
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image

from ikmdesk.blob_store import BlobStore, is_sha256
from ikmdesk.reports.fonts import REGULAR, printable
from ikmdesk.reports.styles import GRID, MUTED
from ikmdesk.services.office_settings import OfficeSettings

# Embedded photos are downscaled: a 12-megapixel phone photo printed 8 cm wide needs no
# more than 800 px (about 250 dpi), and keeping the original would make every report tens
# of megabytes. JPEG "draft" decoding gets most of the way there almost for free.
MAX_EMBED_PX = 800
JPEG_QUALITY = 80
MAX_SOURCE_PIXELS = 80_000_000


class PlaceholderBox(Flowable):
    """A dashed, labelled box standing in for an image that cannot be shown."""

    def __init__(self, width: float, height: float, label: str) -> None:
        super().__init__()
        self.width = width
        self.height = height
        self.label = printable(label)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(GRID)
        canvas.setDash(3, 2)
        canvas.rect(0, 0, self.width, self.height)
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 8)
        canvas.drawCentredString(self.width / 2, self.height / 2 - 3, self.label)
        canvas.restoreState()


def image_flowable(
    source: Path | bytes | None, width: float, height: float, *, placeholder: str
) -> Flowable:
    """Return the image scaled to fit ``width`` × ``height``, or a placeholder box."""
    data = embeddable_image(source)
    if data is None:
        return PlaceholderBox(width, height, placeholder)
    encoded, (pixel_w, pixel_h) = data
    scale = min(width / pixel_w, height / pixel_h)
    if encoded.startswith(b"\xff\xd8"):
        return Photo(encoded, pixel_w * scale, pixel_h * scale)
    flowable = Image(io.BytesIO(encoded), width=pixel_w * scale, height=pixel_h * scale)
    flowable.hAlign = "CENTER"
    return flowable


class _JpegReader(ImageReader):
    """JPEG bytes ReportLab embeds as they are, named by their hash.

    ReportLab names an ImageReader's image by hashing its decoded pixels; for a JPEG that
    is then embedded undecoded, that decode was the single largest cost of a photo.
    """

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))
        self._name_bytes = hashlib.sha256(data).digest()
        self._dataA = None

    def getRGBData(self) -> bytes:
        return self._name_bytes


class Photo(Flowable):
    """A JPEG drawn at a fixed size, centred in its column."""

    def __init__(self, jpeg: bytes, width: float, height: float) -> None:
        super().__init__()
        self.reader = _JpegReader(jpeg)
        self.width = width
        self.height = height
        self.hAlign = "CENTER"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.reader, 0, 0, self.width, self.height)


def embeddable_image(source: Path | bytes | None) -> tuple[bytes, tuple[int, int]] | None:
    """Return the image as downscaled JPEG (or PNG with transparency) bytes and its size."""
    if source is None:
        return None
    try:
        raw = source if isinstance(source, bytes) else Path(source).read_bytes()
        with PilImage.open(io.BytesIO(raw)) as image:
            if image.width * image.height > MAX_SOURCE_PIXELS:
                return None
            fit = min(1.0, MAX_EMBED_PX / max(image.width, image.height))
            # JPEG decodes straight to 1/2, 1/4 or 1/8 size when asked for a box it covers.
            image.draft("RGB", (int(image.width * fit), int(image.height * fit)))
            image.load()
            converted = _oriented(image)
            converted.thumbnail(
                (MAX_EMBED_PX, MAX_EMBED_PX),
                resample=PilImage.Resampling.BILINEAR,
                reducing_gap=2.0,
            )
            out = io.BytesIO()
            if converted.mode in ("RGBA", "LA"):
                converted.save(out, format="PNG", optimize=False)
            else:
                converted.convert("RGB").save(out, format="JPEG", quality=JPEG_QUALITY)
            return out.getvalue(), converted.size
    # Decoding untrusted files can fail in many ways (truncated, not an image, bomb);
    # each one means the same thing to the reader: the photo cannot be shown.
    except Exception:
        return None


def logo_bytes(settings: OfficeSettings, blob_root: Path | None) -> bytes | None:
    """Return the letterhead logo's bytes from the blob store or its path, or ``None``."""
    try:
        if settings.logo_sha256 and blob_root is not None and is_sha256(settings.logo_sha256):
            store = BlobStore(blob_root)
            if store.has(settings.logo_sha256):
                return store.read(settings.logo_sha256)
        if settings.logo_path:
            return Path(settings.logo_path).read_bytes()
    except OSError:
        return None
    return None


def image_reader(data: bytes) -> ImageReader | None:
    """Return a reader for already-checked image bytes (for drawing on a canvas)."""
    prepared = embeddable_image(data)
    return None if prepared is None else ImageReader(io.BytesIO(prepared[0]))


def _oriented(image: PilImage.Image) -> PilImage.Image:
    from PIL import ImageOps

    try:
        return ImageOps.exif_transpose(image) or image
    except Exception:  # a broken EXIF block must not lose the photo itself
        return image
