"""Import the office's training history (an Excel list like the registry) into IKM records.

Columns are found by their heading (case and spaces ignored): ``NIB`` or ``Nama IKM`` to find
the IKM, ``Tahun``, ``Pelatihan``, and optionally ``Tema`` and ``Penyelenggara``. A row that
cannot be used stops the whole import with its row number; nothing is stored then. A row
already imported (same IKM, year and title) is skipped, so importing a file twice is harmless.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, UserError, ValidationError
from ikmdesk.models import Enterprise, TrainingRecord, stable_id
from ikmdesk.services.optional_text import optional_text

MSG_NOT_XLSX = QT_TRANSLATE_NOOP(CONTEXT, "Berkas {path} bukan berkas Excel (.xlsx) yang terbaca.")
MSG_NO_COLUMNS = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Baris judul harus memuat kolom Tahun, Pelatihan, dan NIB atau Nama IKM (ditemukan: {found}).",
)
MSG_BAD_ROW = QT_TRANSLATE_NOOP(
    CONTEXT, "Baris {row}: {problem}. Tidak ada yang diimpor; perbaiki berkasnya lalu coba lagi."
)
MSG_ROW_YEAR = QT_TRANSLATE_NOOP(CONTEXT, "tahun '{value}' bukan tahun 1980-2100")
MSG_ROW_TITLE = QT_TRANSLATE_NOOP(CONTEXT, "nama pelatihan kosong")
MSG_ROW_IKM = QT_TRANSLATE_NOOP(CONTEXT, "IKM '{value}' tidak ditemukan")

_ALIASES = {
    "nib": "nib",
    "namaikm": "name",
    "nama": "name",
    "ikm": "name",
    "tahun": "year",
    "pelatihan": "title",
    "namapelatihan": "title",
    "judul": "title",
    "tema": "theme",
    "penyelenggara": "organiser",
}


@dataclass(frozen=True, slots=True)
class TrainingImportResult:
    added: int
    skipped: int


def import_training_history(session: Session, path: Path) -> TrainingImportResult:
    """Add the training rows of an Excel file to the IKMs they name; all rows or none."""
    rows = _read_rows(path)
    header, body = rows[0], rows[1:]
    columns = {_ALIASES.get(_key(h)): i for i, h in enumerate(header) if _ALIASES.get(_key(h))}
    if not {"year", "title"} <= columns.keys() or not {"nib", "name"} & columns.keys():
        found = ", ".join(str(h) for h in header if h) or "-"
        raise ValidationError("file", MSG_NO_COLUMNS, found=found)
    by_nib: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for eid, nib, name in session.execute(
        select(Enterprise.id, Enterprise.nib, Enterprise.name).where(Enterprise.deleted.is_(False))
    ):
        if nib:
            by_nib[str(nib).strip()] = eid
        by_name.setdefault(name.strip().casefold(), eid)
    added = skipped = 0
    for number, row in enumerate(body, start=2):
        if all(cell in (None, "") for cell in row):
            continue
        value = {key: row[i] if i < len(row) else None for key, i in columns.items()}
        eid = _find(value, by_nib, by_name, number)
        year = _year(value.get("year"), number)
        title = optional_text(str(value.get("title") or ""))
        if not title:
            raise ValidationError("file", MSG_BAD_ROW, row=number, problem=MSG_ROW_TITLE)
        row_id = stable_id("training", f"{eid}:{year}:{title.casefold()}")
        if session.get(TrainingRecord, row_id) is not None:
            skipped += 1
            continue
        session.add(
            TrainingRecord(
                id=row_id,
                enterprise_id=eid,
                year=year,
                title=title[:200],
                theme=optional_text(str(value.get("theme") or "")),
                organiser=optional_text(str(value.get("organiser") or "")),
            )
        )
        session.flush()
        added += 1
    return TrainingImportResult(added=added, skipped=skipped)


def _read_rows(path: Path) -> list[tuple[Any, ...]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            rows = [tuple(r) for r in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise UserError(MSG_NOT_XLSX, path=str(path)) from exc
    if not rows:
        raise ValidationError("file", MSG_NO_COLUMNS, found="-")
    return rows


def _key(heading: Any) -> str:
    return "".join(str(heading or "").split()).casefold()


def _find(value: dict[str, Any], by_nib: dict[str, str], by_name: dict[str, str], row: int) -> str:
    nib = str(value.get("nib") or "").strip()
    name = str(value.get("name") or "").strip()
    found = by_nib.get(nib) if nib else None
    found = found or by_name.get(name.casefold())
    if found is None:
        problem = MSG_ROW_IKM.format(value=nib or name)
        raise ValidationError("file", MSG_BAD_ROW, row=row, problem=problem)
    return found


def _year(value: Any, row: int) -> int:
    try:
        year = int(str(value).strip())
    except ValueError:
        year = 0
    if not 1980 <= year <= 2100:
        problem = MSG_ROW_YEAR.format(value=value)
        raise ValidationError("file", MSG_BAD_ROW, row=row, problem=problem)
    return year
