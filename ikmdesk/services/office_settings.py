"""The office letterhead and report settings of this database, kept in the ``setting`` table.

Reports print these on every page (kop surat, report numbers, the "Mengetahui" signature);
the first-run dialog and the settings page edit them. They are local to this database and
do not travel in sync files.
"""

from __future__ import annotations

import dataclasses
import string
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ikmdesk.blob_store import BlobStore, is_sha256
from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, ValidationError
from ikmdesk.models import Setting
from ikmdesk.services.licence_status import HALAL_UMK_DEADLINE
from ikmdesk.services.nip import is_nip, normalised_nip

SETTING_KEY = "office"
LANGS: tuple[str, ...] = ("id", "en")
DEFAULT_REPORT_NUMBER_PATTERN = "{seq:04d}/DISPERINDAG/IKM/{month_roman}/{year}"
PATTERN_FIELDS: tuple[str, ...] = ("seq", "year", "month", "month_roman")
"""Names a report number pattern may use: seq (per year), year, month (1-12), month_roman."""

MSG_PATTERN_INVALID = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Pola nomor laporan tidak sah: {detail}. Gunakan {{seq:04d}}, {{year}}, {{month}} "
    "atau {{month_roman}}.",
)
MSG_PATTERN_NO_SEQ = QT_TRANSLATE_NOOP(
    CONTEXT, "Pola nomor laporan harus memuat {{seq}} agar setiap laporan bernomor unik."
)
MSG_OFFICE_NAME_REQUIRED = QT_TRANSLATE_NOOP(
    CONTEXT, "Nama kantor wajib diisi (minimal satu baris)."
)
MSG_SUPERVISOR_NIP_FORMAT = QT_TRANSLATE_NOOP(
    CONTEXT, "NIP atasan harus 18 angka (tanpa spasi atau titik)."
)
MSG_LANG_UNKNOWN = QT_TRANSLATE_NOOP(CONTEXT, "Bahasa laporan harus 'id' atau 'en'.")
MSG_HALAL_DEADLINE_FORMAT = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Tanggal wajib halal UMK harus ditulis TTTT-BB-HH (misalnya 2026-10-17), atau kosong.",
)
MSG_LOGO_SHA_INVALID = QT_TRANSLATE_NOOP(
    CONTEXT, "Kode logo harus SHA-256 berupa 64 huruf heksadesimal kecil."
)


@dataclass(frozen=True, slots=True)
class OfficeSettings:
    """Letterhead, numbering and signature facts printed on every report.

    ``office_lines`` are the bold letterhead lines, top to bottom (government, then office).
    The logo is either ``logo_sha256`` (a file in the database's blob store, preferred: it
    stays with the data) or ``logo_path`` (a file on this computer); sha256 wins if both.
    ``city`` is the place written before the signature date ("Sangatta, 3 Maret 2026").
    """

    office_lines: tuple[str, ...] = (
        "PEMERINTAH KABUPATEN KUTAI TIMUR",
        "DINAS PERINDUSTRIAN DAN PERDAGANGAN",
    )
    address: str = "Kawasan Perkantoran Bukit Pelangi, Sangatta, Kutai Timur, Kalimantan Timur"
    phone: str = ""
    email: str = ""
    website: str = ""
    city: str = "Sangatta"
    logo_path: str | None = None
    logo_sha256: str | None = None
    report_number_pattern: str = DEFAULT_REPORT_NUMBER_PATTERN
    supervisor_name: str = ""
    supervisor_nip: str = ""
    supervisor_title: str = "Kepala Bidang Perindustrian"
    lang: str = "id"
    halal_umk_deadline: str = HALAL_UMK_DEADLINE.isoformat()
    """The day halal certification is compulsory for micro and small food firms (ISO date;
    standards.md §7 keeps it configurable); "" prints no halal flag."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    """Keys found in storage that this version does not know; kept so saving loses nothing."""


def get_office_settings(session: Session) -> OfficeSettings:
    """Return the stored settings, with defaults for anything never saved."""
    row = session.get(Setting, SETTING_KEY)
    stored = row.value if row is not None and isinstance(row.value, dict) else {}
    return settings_from_json(stored)


def save_office_settings(
    session: Session, settings: OfficeSettings, *, blobs: BlobStore | None = None
) -> OfficeSettings:
    """Validate and store ``settings``; returns them as stored (trimmed).

    ``blobs`` is this laptop's file store: on a server database the logo file it holds is
    stored with the settings, so every laptop prints it.
    """
    clean = validated(settings)
    if blobs is not None:
        from ikmdesk.services.shared_blobs import share_stored

        share_stored(session, blobs, clean.logo_sha256)
    value = settings_to_json(clean)
    row = session.get(Setting, SETTING_KEY)
    if row is None:
        session.add(Setting(key=SETTING_KEY, value=value))
    else:
        row.value = value
    session.flush()
    return clean


def validated(settings: OfficeSettings) -> OfficeSettings:
    """Return ``settings`` trimmed, or raise ValidationError naming the first bad field."""
    lines = tuple(line.strip() for line in settings.office_lines if line.strip())
    if not lines:
        raise ValidationError("office_lines", MSG_OFFICE_NAME_REQUIRED)
    pattern = settings.report_number_pattern.strip() or DEFAULT_REPORT_NUMBER_PATTERN
    check_report_number_pattern(pattern)
    nip = normalised_nip(settings.supervisor_nip)
    if nip and not is_nip(nip):
        raise ValidationError("supervisor_nip", MSG_SUPERVISOR_NIP_FORMAT)
    if settings.lang not in LANGS:
        raise ValidationError("lang", MSG_LANG_UNKNOWN)
    deadline = settings.halal_umk_deadline.strip()
    if deadline:
        try:
            date.fromisoformat(deadline)
        except ValueError:
            raise ValidationError("halal_umk_deadline", MSG_HALAL_DEADLINE_FORMAT) from None
    sha = (settings.logo_sha256 or "").strip() or None
    if sha is not None and not is_sha256(sha):
        raise ValidationError("logo_sha256", MSG_LOGO_SHA_INVALID)
    return dataclasses.replace(
        settings,
        office_lines=lines,
        address=settings.address.strip(),
        phone=settings.phone.strip(),
        email=settings.email.strip(),
        website=settings.website.strip(),
        city=settings.city.strip(),
        logo_path=(settings.logo_path or "").strip() or None,
        logo_sha256=sha,
        report_number_pattern=pattern,
        supervisor_name=settings.supervisor_name.strip(),
        supervisor_nip=nip,
        supervisor_title=settings.supervisor_title.strip(),
        halal_umk_deadline=deadline,
    )


def check_report_number_pattern(pattern: str) -> None:
    """Raise ValidationError unless ``pattern`` formats with the known fields and uses seq."""
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
        unknown = names - set(PATTERN_FIELDS)
        if unknown:
            raise ValidationError(
                "report_number_pattern", MSG_PATTERN_INVALID, detail=", ".join(sorted(unknown))
            )
        pattern.format(seq=1, year=2026, month=1, month_roman="I")
    except (ValueError, IndexError, KeyError) as exc:
        raise ValidationError(
            "report_number_pattern", MSG_PATTERN_INVALID, detail=str(exc)
        ) from None
    if "seq" not in names:
        raise ValidationError("report_number_pattern", MSG_PATTERN_NO_SEQ)


def settings_to_json(settings: OfficeSettings) -> dict[str, Any]:
    """Return the JSON object stored for ``settings`` (unknown stored keys kept)."""
    value: dict[str, Any] = dict(settings.extra)
    for f in dataclasses.fields(OfficeSettings):
        if f.name == "extra":
            continue
        item = getattr(settings, f.name)
        value[f.name] = list(item) if isinstance(item, tuple) else item
    return value


def settings_from_json(stored: dict[str, Any]) -> OfficeSettings:
    """Return settings from a stored JSON object; wrong-typed values fall back to defaults."""
    defaults = OfficeSettings()
    known = {f.name for f in dataclasses.fields(OfficeSettings)} - {"extra"}
    values: dict[str, Any] = {}
    for name in known:
        if name not in stored:
            continue
        raw = stored[name]
        default = getattr(defaults, name)
        if name == "office_lines":
            if isinstance(raw, list) and all(isinstance(x, str) for x in raw):
                values[name] = tuple(raw)
        elif default is None:
            if raw is None or isinstance(raw, str):
                values[name] = raw
        elif isinstance(raw, str):
            values[name] = raw
    extra = {k: v for k, v in stored.items() if k not in known}
    return dataclasses.replace(defaults, **values, extra=extra)
