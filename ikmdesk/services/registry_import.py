"""Import an office's existing IKM registry from an Excel workbook or a CSV file.

Three steps, so a person sees what will happen before anything is written:

1. ``read_table(path, sheet=...)`` finds the header row (below merged title rows and blank
   rows) and returns the cells; ``propose_mapping(table.headers)`` guesses which column holds
   which field from Indonesian and English header names; the user may correct the mapping
   (a dict field -> column index, saved and loaded as JSON).
2. ``preview_import(session, table, mapping)`` plans every data row: create, update (an IKM
   already registered, found by NIB or by name + desa) or skip, each with its reasons.
3. ``apply_import(session, preview)`` carries the plan out through the enterprise, product
   and region services (so every change is a synced change), in the caller's transaction.
   Importing the same file twice creates nothing the second time.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import math
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from sqlalchemy import select
from sqlalchemy.orm import Session

from ikmdesk.errors import (
    CONTEXT,
    MSG_WRITE_FAILED,
    QT_TRANSLATE_NOOP,
    FileWriteError,
    UserError,
    ValidationError,
)
from ikmdesk.input_file import check_input_file, input_file
from ikmdesk.models import Enterprise, Region
from ikmdesk.models.enums import BusinessScale, RegionLevel
from ikmdesk.services.duplicates import NAME_SIMILARITY, normalised_name
from ikmdesk.services.enterprise import (
    EnterpriseInput,
    create_enterprise,
    enterprise_input,
    get_enterprise,
    update_enterprise,
)
from ikmdesk.services.nik import is_nik
from ikmdesk.services.phone_number import plausible_phone
from ikmdesk.services.product import (
    ProductInput,
    create_product,
    product_input,
    update_product,
)
from ikmdesk.services.reference_data import cluster_id as seeded_cluster_id
from ikmdesk.services.region import add_desa, find_cluster, list_kecamatan

ACTION_CREATE, ACTION_UPDATE, ACTION_SKIP = "create", "update", "skip"
SEVERITY_ERROR, SEVERITY_WARNING, SEVERITY_INFO = "error", "warning", "info"
HEADER_SCAN_ROWS = 30
"""How far down a sheet the header row is looked for (title blocks are a few rows at most)."""
MIN_HEADER_MATCHES = 2

FIELDS: tuple[str, ...] = (
    "name",
    "owner_name",
    "nik",
    "phone",
    "address",
    "desa",
    "kecamatan",
    "cluster",
    "commodity",
    "product",
    "pirt",
    "nib",
    "kbli",
    "workers",
    "production_capacity",
    "scale",
)
"""Fields a registry column can be mapped to."""

FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("registry_import", "Nama IKM"),
    "owner_name": QT_TRANSLATE_NOOP("registry_import", "Nama pemilik"),
    "nik": QT_TRANSLATE_NOOP("registry_import", "NIK pemilik"),
    "phone": QT_TRANSLATE_NOOP("registry_import", "No. HP"),
    "address": QT_TRANSLATE_NOOP("registry_import", "Alamat"),
    "desa": QT_TRANSLATE_NOOP("registry_import", "Desa/Kelurahan"),
    "kecamatan": QT_TRANSLATE_NOOP("registry_import", "Kecamatan"),
    "cluster": QT_TRANSLATE_NOOP("registry_import", "Klaster"),
    "commodity": QT_TRANSLATE_NOOP("registry_import", "Komoditas"),
    "product": QT_TRANSLATE_NOOP("registry_import", "Produk"),
    "pirt": QT_TRANSLATE_NOOP("registry_import", "Nomor P-IRT"),
    "nib": QT_TRANSLATE_NOOP("registry_import", "NIB"),
    "kbli": QT_TRANSLATE_NOOP("registry_import", "KBLI"),
    "workers": QT_TRANSLATE_NOOP("registry_import", "Jumlah tenaga kerja"),
    "production_capacity": QT_TRANSLATE_NOOP("registry_import", "Kapasitas produksi"),
    "scale": QT_TRANSLATE_NOOP("registry_import", "Skala usaha"),
}
"""Indonesian field names for the mapping table (context ``registry_import``)."""

# Header texts as they are after _normalise_header (lower case, punctuation -> spaces).
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": (
        "nama ikm",
        "nama usaha",
        "nama perusahaan",
        "nama industri",
        "nama unit usaha",
        "nama badan usaha",
        "nama ikm usaha",
        "nama usaha ikm",
        "nama ukm",
        "nama umkm",
        "ikm",
        "perusahaan",
        "business name",
        "company",
        "company name",
        "enterprise",
        "enterprise name",
        "name",
    ),
    "owner_name": (
        "pemilik",
        "nama pemilik",
        "pemilik usaha",
        "nama pemilik usaha",
        "nama pengusaha",
        "pengusaha",
        "penanggung jawab",
        "owner",
        "owner name",
    ),
    "nik": (
        "nik",
        "nik pemilik",
        "no ktp",
        "nomor ktp",
        "no nik",
        "nomor nik",
        "nomor induk kependudukan",
        "national id",
        "id number",
    ),
    "phone": (
        "no hp",
        "nomor hp",
        "no hp wa",
        "hp",
        "hp wa",
        "no telp",
        "no tlp",
        "telp",
        "telepon",
        "no telepon",
        "nomor telepon",
        "no wa",
        "whatsapp",
        "kontak",
        "phone",
        "phone number",
        "mobile",
        "telephone",
    ),
    "address": ("alamat", "alamat usaha", "alamat lengkap", "alamat ikm", "address", "jalan"),
    "desa": (
        "desa",
        "kelurahan",
        "desa kelurahan",
        "kelurahan desa",
        "desa kel",
        "kel desa",
        "village",
    ),
    "kecamatan": ("kecamatan", "kec", "district", "sub district", "subdistrict"),
    "cluster": ("klaster", "kluster", "cluster"),
    "commodity": (
        "komoditas",
        "komoditi",
        "komoditas produk",
        "jenis usaha",
        "bidang usaha",
        "commodity",
    ),
    "product": (
        "produk",
        "nama produk",
        "jenis produk",
        "produk utama",
        "hasil produksi",
        "product",
        "products",
        "product name",
    ),
    "pirt": (
        "pirt",
        "p irt",
        "no pirt",
        "no p irt",
        "nomor pirt",
        "nomor p irt",
        "spp irt",
        "sppirt",
        "no spp irt",
        "nomor spp irt",
        "izin pirt",
    ),
    "nib": ("nib", "no nib", "nomor nib", "nomor induk berusaha", "business id number"),
    "kbli": ("kbli", "kode kbli", "kbli code", "no kbli"),
    "workers": (
        "jumlah tenaga kerja",
        "tenaga kerja",
        "jumlah tk",
        "jml tk",
        "jml tenaga kerja",
        "tk",
        "jumlah karyawan",
        "karyawan",
        "jumlah pekerja",
        "workers",
        "employees",
        "number of workers",
    ),
    "production_capacity": (
        "kapasitas produksi",
        "kapasitas",
        "production capacity",
        "capacity",
    ),
    "scale": ("skala usaha", "skala", "scale", "business scale"),
}

# Commodity words -> seeded cluster code; anything else is processed food.
COMMODITY_CLUSTERS: dict[str, str] = {
    "pisang": "pisang",
    "banana": "pisang",
    "kakao": "kakao",
    "cokelat": "kakao",
    "coklat": "kakao",
    "cocoa": "kakao",
    "chocolate": "kakao",
}
DEFAULT_CLUSTER = "pangan_olahan"

MSG_FILE_UNREADABLE = QT_TRANSLATE_NOOP(
    CONTEXT, "Berkas {path} tidak dapat dibaca sebagai Excel (.xlsx) atau CSV: {detail}"
)
MSG_TOO_MANY_ROWS = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Berkas {path} memuat lebih dari {limit} baris data; sekali impor paling banyak {limit} "
    "baris. Bagi berkas menjadi beberapa bagian lalu impor satu per satu.",
)
MSG_FILE_TYPE = QT_TRANSLATE_NOOP(
    CONTEXT, "Jenis berkas {path} tidak didukung; pilih berkas .xlsx atau .csv."
)
MSG_SHEET_UNKNOWN = QT_TRANSLATE_NOOP(
    CONTEXT, "Lembar '{sheet}' tidak ada di berkas ini; lembar yang ada: {sheets}."
)
MSG_NO_HEADER = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Baris judul kolom tidak ditemukan di {rows} baris pertama. Pastikan ada baris berisi "
    "judul seperti 'Nama IKM', 'Pemilik', 'Kecamatan'.",
)
MSG_MAPPING_NO_NAME = QT_TRANSLATE_NOOP(
    CONTEXT, "Pilih kolom yang berisi nama IKM sebelum melanjutkan."
)
MSG_MAPPING_NO_KECAMATAN = QT_TRANSLATE_NOOP(
    CONTEXT, "Pilih kolom yang berisi kecamatan sebelum melanjutkan."
)
MSG_MAPPING_BAD = QT_TRANSLATE_NOOP(CONTEXT, "Pemetaan kolom tidak sah: {detail}")
MSG_IMPORT_CANCELLED = QT_TRANSLATE_NOOP(CONTEXT, "Impor dibatalkan; tidak ada data yang diubah.")

MSG_ROW_NO_NAME = QT_TRANSLATE_NOOP(CONTEXT, "Nama IKM kosong; baris dilewati.")
MSG_ROW_NAME_TOO_LONG = QT_TRANSLATE_NOOP(
    CONTEXT, "Nama IKM lebih dari {max} huruf; baris dilewati."
)
MSG_ROW_NO_KECAMATAN = QT_TRANSLATE_NOOP(CONTEXT, "Kecamatan kosong; baris dilewati.")
MSG_ROW_KECAMATAN_UNKNOWN = QT_TRANSLATE_NOOP(
    CONTEXT, "Kecamatan '{value}' tidak dikenal; mungkin maksudnya '{suggestion}'. Baris dilewati."
)
MSG_ROW_KECAMATAN_UNKNOWN_NO_HINT = QT_TRANSLATE_NOOP(
    CONTEXT, "Kecamatan '{value}' tidak dikenal; baris dilewati."
)
MSG_ROW_NIK_ROUNDED = QT_TRANSLATE_NOOP(
    CONTEXT,
    "NIK tersimpan sebagai angka yang sudah dibulatkan Excel ({value}); angka aslinya hilang. "
    "NIK tidak diimpor: ketik ulang sebagai teks.",
)
MSG_ROW_NIK_BAD = QT_TRANSLATE_NOOP(CONTEXT, "NIK '{value}' bukan 16 angka; NIK tidak diimpor.")
MSG_ROW_PHONE_BAD = QT_TRANSLATE_NOOP(CONTEXT, "Nomor HP '{value}' tidak sah; nomor tidak diimpor.")
MSG_ROW_PHONE_ZERO = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Nomor HP tersimpan sebagai angka sehingga angka 0 di depan hilang; dibaca sebagai {value}.",
)
MSG_ROW_NUMBER_AS_TEXT = QT_TRANSLATE_NOOP(
    CONTEXT, "{field} tertulis sebagai teks '{value}'; dibaca sebagai {number}."
)
MSG_ROW_NUMBER_BAD = QT_TRANSLATE_NOOP(
    CONTEXT, "{field} '{value}' bukan angka; kolom ini tidak diimpor."
)
MSG_ROW_SCALE_UNKNOWN = QT_TRANSLATE_NOOP(
    CONTEXT, "Skala usaha '{value}' tidak dikenal (mikro, kecil, menengah); tidak diimpor."
)
MSG_ROW_CLUSTER_UNKNOWN = QT_TRANSLATE_NOOP(
    CONTEXT, "Klaster '{value}' tidak dikenal; dipakai klaster {cluster} dari komoditasnya."
)
MSG_ROW_NEW_DESA = QT_TRANSLATE_NOOP(
    CONTEXT, "Desa '{value}' belum terdaftar di Kecamatan {kecamatan}; akan ditambahkan."
)
MSG_ROW_EXISTS_NIB = QT_TRANSLATE_NOOP(
    CONTEXT, "Sudah terdaftar dengan NIB yang sama; data yang ada diperbarui."
)
MSG_ROW_EXISTS_NAME = QT_TRANSLATE_NOOP(
    CONTEXT, "Sudah terdaftar dengan nama dan desa yang sama; data yang ada diperbarui."
)
MSG_ROW_UNCHANGED = QT_TRANSLATE_NOOP(
    CONTEXT, "Sudah terdaftar dan tidak ada yang berubah; baris dilewati."
)
MSG_ROW_SIMILAR = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Namanya mirip IKM terdaftar '{registered}' di kecamatan yang sama; setelah impor periksa "
    "halaman IKM ganda.",
)
MSG_ROW_REPEATED = QT_TRANSLATE_NOOP(
    CONTEXT, "IKM yang sama dengan baris {row}; produk dan data baris ini ditambahkan ke sana."
)
MSG_ROW_FAILED = QT_TRANSLATE_NOOP(CONTEXT, "Baris {row} tidak dapat disimpan: {detail}")

NAME_MAX = 200
PROGRESS_EVERY = 25
MAX_ROWS = 10_000
"""Data rows one import may hold: a regency registry has a few thousand IKMs, and a plan of
this many rows is made and shown in well under a minute (bench/, docs/security.md)."""
MAX_FILE_BYTES = 100 * 1024**2
"""Largest registry or mapping file read at all."""
MAX_UNZIPPED_BYTES = 512 * 1024**2
"""Largest sum of a workbook's inflated members (a zip bomb is refused before parsing)."""
MAX_MAPPING_BYTES = 1024**2
READ_PROGRESS_EVERY = 1000
# What parsing a damaged or hostile sheet raises from inside openpyxl, ElementTree (expat
# refuses entity bombs and external entities with a ParseError) or the csv module.
_READ_ERRORS: tuple[type[BaseException], ...] = (
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    AttributeError,
    EOFError,
    OSError,
    RecursionError,
    zipfile.BadZipFile,
    zlib.error,
    ElementTree.ParseError,
    csv.Error,
)

_HEADER_PUNCTUATION = re.compile(r"[^0-9a-z]+")
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$")
_PHONE_SEPARATORS = re.compile(r"[\s().\-/]")
_LIST_SEPARATORS = re.compile(r"\s*(?:[;\n]|,(?!\d))\s*")
_REGION_PREFIX = re.compile(r"^(?:kecamatan|kec|desa|kelurahan|kel|ds)\b\.?\s*", re.IGNORECASE)


class ImportCancelled(UserError):
    """The user stopped the import; the caller's transaction rolls back, nothing is kept."""


@dataclass(frozen=True, slots=True)
class ImportTable:
    """The cells of one sheet below its header row; ``row_numbers`` are the sheet's own numbers."""

    source: str
    sheet: str | None
    header_row: int
    headers: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    row_numbers: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class RowIssue:
    """One reason attached to a planned row: an error skips it, a warning leaves a value out."""

    field_name: str
    severity: str
    message_id: str
    args: Mapping[str, Any] = field(default_factory=dict)

    def message(self, translate: Callable[[str, str], str] | None = None) -> str:
        """Return the reason as text, translated by ``translate(context, text)`` when given."""
        return UserError(self.message_id, **dict(self.args)).message(translate)


@dataclass(frozen=True, slots=True)
class ProductPlan:
    """A product a row names, with its P-IRT number as written."""

    name: str
    pirt_number: str | None


@dataclass(frozen=True, slots=True)
class RowValues:
    """What a row says, cleaned: only fields the sheet filled are set (None = leave as is)."""

    name: str
    kecamatan_id: str
    owner_name: str | None = None
    nik: str | None = None
    phone: str | None = None
    address: str | None = None
    desa_id: str | None = None
    new_desa: str | None = None
    cluster_id: str | None = None
    cluster_from_sheet: bool = False
    nib: str | None = None
    kbli: str | None = None
    workers: int | None = None
    production_capacity: str | None = None
    scale: str | None = None
    products: tuple[ProductPlan, ...] = ()


@dataclass(frozen=True, slots=True)
class RowPlan:
    """What importing one sheet row will do, and why."""

    row_number: int
    action: str
    issues: tuple[RowIssue, ...]
    values: RowValues | None
    enterprise_id: str | None = None
    same_as_row: int | None = None
    name: str = ""

    def reasons(self, translate: Callable[[str, str], str] | None = None) -> list[str]:
        """Return every reason as text, most serious first."""
        order = {SEVERITY_ERROR: 0, SEVERITY_WARNING: 1, SEVERITY_INFO: 2}
        ranked = sorted(self.issues, key=lambda i: order.get(i.severity, 3))
        return [issue.message(translate) for issue in ranked]


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """The plan for a whole sheet; nothing is written until ``apply_import``."""

    source: str
    sheet: str | None
    mapping: Mapping[str, int]
    rows: tuple[RowPlan, ...]

    def count(self, action: str) -> int:
        """Return how many rows will get ``action`` (create, update or skip)."""
        return sum(1 for row in self.rows if row.action == action)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What ``apply_import`` wrote; ``failed`` holds (row number, message) of rows refused."""

    created: int
    updated: int
    skipped: int
    products_created: int
    desa_added: int
    failed: tuple[tuple[int, str], ...]
    enterprise_ids: tuple[str, ...]


ProgressCallback = Callable[[int, int], None]
RowsReadCallback = Callable[[int], None]
"""Told how many rows were read so far while a large sheet streams in."""
StopCheck = Callable[[], bool]


def sheet_names(path: Path) -> list[str]:
    """Return the sheet names of a workbook, or [] for a CSV file (it has one table)."""
    path = Path(path)
    if _kind(path) == "csv":
        return []
    workbook = _open_workbook(path)
    try:
        return list(workbook.sheetnames)
    except _READ_ERRORS as exc:
        raise UserError(MSG_FILE_UNREADABLE, path=str(path), detail=_detail(exc)) from exc
    finally:
        workbook.close()


def read_table(
    path: Path, *, sheet: str | None = None, progress: RowsReadCallback | None = None
) -> ImportTable:
    """Return the table of ``sheet`` (default: the first sheet with a header row) in ``path``.

    Rows stream in (``progress`` hears the count every thousand rows) and reading stops as
    soon as the sheet holds more than MAX_ROWS filled rows. Raises UserError when the file
    cannot be read, is too large, the sheet does not exist or no header row is found.
    """
    path = Path(path)
    if _kind(path) == "csv":
        return _table(path.name, None, _csv_rows(path, progress))
    workbook = _open_workbook(path)
    try:
        names = list(workbook.sheetnames)
        if sheet is not None and sheet not in names:
            raise UserError(MSG_SHEET_UNKNOWN, sheet=sheet, sheets=", ".join(names))
        candidates = [sheet] if sheet is not None else names
        for index, name in enumerate(candidates):
            worksheet = workbook[name]
            # Files written by some tools state a wrong sheet size; read every row present.
            worksheet.reset_dimensions()
            rows = _limited_rows(worksheet.iter_rows(values_only=True), path, progress)
            try:
                return _table(path.name, name, rows)
            except UserError:
                if index == len(candidates) - 1:
                    raise
        raise UserError(MSG_NO_HEADER, rows=HEADER_SCAN_ROWS)
    except _READ_ERRORS as exc:
        raise UserError(MSG_FILE_UNREADABLE, path=str(path), detail=_detail(exc)) from exc
    finally:
        workbook.close()


def _limited_rows(
    rows: Iterable[Sequence[Any]], path: Path, progress: RowsReadCallback | None
) -> list[tuple[Any, ...]]:
    """Return the compacted rows, refusing the file once it has more than MAX_ROWS filled."""
    kept: list[tuple[Any, ...]] = []
    filled = 0
    for count, row in enumerate(rows, start=1):
        compact = _compact(row)
        if compact:
            filled += 1
            if filled > MAX_ROWS + HEADER_SCAN_ROWS:
                raise UserError(MSG_TOO_MANY_ROWS, path=path.name, limit=MAX_ROWS)
        kept.append(compact)
        if progress is not None and count % READ_PROGRESS_EVERY == 0:
            progress(count)
    return kept


def _detail(exc: BaseException) -> str:
    """Return the first line of a parser's complaint, short enough for one message line."""
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:160] if text.strip() else type(exc).__name__


def find_header_row(rows: Sequence[Sequence[Any]]) -> int | None:
    """Return the index of the first row where several cells are known header names.

    Title rows above it (merged cells keep their text in the first cell only) and blank rows
    have at most one such cell, so they are passed over.
    """
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        matches = sum(1 for cell in row if _header_field(_cell_text(cell)) is not None)
        if matches >= MIN_HEADER_MATCHES:
            return index
    return None


def propose_mapping(headers: Sequence[str]) -> dict[str, int]:
    """Return field -> column index for the headers recognised; each column used at most once.

    Exact synonyms win over headers that merely start with one ("Alamat (jalan, RT)").
    """
    scored: list[tuple[int, int, str, int]] = []
    for column, header in enumerate(headers):
        key = _normalise_header(header)
        for name, synonyms in HEADER_SYNONYMS.items():
            score = _match_score(key, synonyms)
            if score:
                scored.append((score, -column, name, column))
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for _score, _order, name, column in sorted(scored, reverse=True):
        if name not in mapping and column not in used:
            mapping[name] = column
            used.add(column)
    return dict(sorted(mapping.items(), key=lambda item: item[1]))


def save_mapping(mapping: Mapping[str, int], path: Path, *, headers: Sequence[str] = ()) -> None:
    """Write a column mapping as JSON (with the header texts, for people reading it)."""
    checked = check_mapping(mapping)
    document = {
        "format": "ikmdesk-registry-mapping",
        "version": 1,
        "columns": checked,
        "headers": {
            name: headers[column] for name, column in checked.items() if column < len(headers)
        },
    }
    try:
        Path(path).write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    except OSError as exc:
        raise FileWriteError(
            MSG_WRITE_FAILED, path=str(path), detail=exc.strerror or str(exc)
        ) from exc


def load_mapping(path: Path) -> dict[str, int]:
    """Read a mapping saved by ``save_mapping`` (a plain {field: index} object also works)."""
    try:
        with input_file(Path(path), max_bytes=MAX_MAPPING_BYTES) as handle:
            document = json.loads(handle.read().decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError) as exc:  # RecursionError: [[[[...]]]]
        raise UserError(MSG_MAPPING_BAD, detail=_detail(exc)) from exc
    columns = document.get("columns", document) if isinstance(document, dict) else None
    if not isinstance(columns, dict):
        raise UserError(MSG_MAPPING_BAD, detail="expected a JSON object")
    return check_mapping(columns)


def check_mapping(mapping: Mapping[str, Any]) -> dict[str, int]:
    """Return the mapping checked (known fields, column indexes >= 0); raises UserError."""
    checked: dict[str, int] = {}
    for name, column in mapping.items():
        if name not in FIELDS:
            raise UserError(MSG_MAPPING_BAD, detail=f"unknown field {name!r}")
        if isinstance(column, bool) or not isinstance(column, int) or column < 0:
            raise UserError(MSG_MAPPING_BAD, detail=f"{name}: column {column!r}")
        checked[name] = column
    return checked


def preview_import(
    session: Session, table: ImportTable, mapping: Mapping[str, int]
) -> ImportPreview:
    """Plan every data row of ``table`` under ``mapping``; reads the database, writes nothing.

    Raises UserError when the mapping has no name or no kecamatan column.
    """
    mapping = check_mapping(mapping)
    if "name" not in mapping:
        raise UserError(MSG_MAPPING_NO_NAME)
    if "kecamatan" not in mapping:
        raise UserError(MSG_MAPPING_NO_KECAMATAN)
    context = _PlanContext.load(session)
    plans: list[RowPlan] = []
    for number, row in zip(table.row_numbers, table.rows, strict=True):
        cells = {name: row[col] if col < len(row) else None for name, col in mapping.items()}
        if all(_cell_text(value) == "" for value in cells.values()):
            continue
        plans.append(_plan_row(session, context, number, cells))
    return ImportPreview(table.source, table.sheet, mapping, tuple(plans))


def apply_import(
    session: Session,
    preview: ImportPreview,
    *,
    progress: ProgressCallback | None = None,
    should_stop: StopCheck | None = None,
) -> ImportResult:
    """Carry out ``preview`` in the caller's transaction and return what was written.

    Existing IKMs are looked up again (the database may have changed since the preview), so
    a repeated import updates instead of creating twice. A row the services refuse is
    rolled back alone and reported in ``failed``; ``should_stop`` returning true raises
    ImportCancelled, which rolls the whole transaction back in the caller's unit of work.
    """
    context = _PlanContext.load(session)
    ids_by_row: dict[int, str] = {}
    created = updated = skipped = products = 0
    failed: list[tuple[int, str]] = []
    total = len(preview.rows)
    for done, plan in enumerate(preview.rows):
        if should_stop is not None and should_stop():
            raise ImportCancelled(MSG_IMPORT_CANCELLED)
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total)
        if plan.action == ACTION_SKIP or plan.values is None:
            skipped += 1
            continue
        try:
            with session.begin_nested():
                outcome = _apply_row(session, context, plan, ids_by_row)
        except ValidationError as exc:  # that row's savepoint is rolled back, the rest stays
            failed.append((plan.row_number, exc.message()))
            continue
        _record(context, outcome)
        ids_by_row[plan.row_number] = outcome.target
        created += outcome.created
        updated += not outcome.created
        products += outcome.products_added
    if progress is not None:
        progress(total, total)
    return ImportResult(
        created=created,
        updated=updated,
        skipped=skipped,
        products_created=products,
        desa_added=context.desa_added,
        failed=tuple(failed),
        enterprise_ids=tuple(dict.fromkeys(ids_by_row.values())),
    )


def cluster_for_commodity(*texts: str | None) -> str:
    """Return the cluster code commodity or product words point to (default processed food)."""
    words = _HEADER_PUNCTUATION.sub(" ", " ".join(t or "" for t in texts).lower()).split()
    for word in words:
        if word in COMMODITY_CLUSTERS:
            return COMMODITY_CLUSTERS[word]
    return DEFAULT_CLUSTER


@dataclass
class _PlanContext:
    """What planning needs from the database, loaded once per preview."""

    kecamatan: dict[str, tuple[str, str]]  # normalised name or code -> (id, name)
    desa: dict[tuple[str, str], str]  # (kecamatan id, normalised name) -> desa id
    by_nib: dict[str, str]
    by_name: dict[tuple[str, str], list[tuple[str, str | None]]]
    planned: dict[tuple[str, str, str | None], int] = field(default_factory=dict)
    planned_nib: dict[str, int] = field(default_factory=dict)
    desa_added: int = 0
    names: dict[str, dict[str, str]] = field(default_factory=dict)
    """kecamatan id -> normalised name -> a registered name, for "similar name" hints."""

    @classmethod
    def load(cls, session: Session) -> _PlanContext:
        kecamatan: dict[str, tuple[str, str]] = {}
        for row in list_kecamatan(session):
            kecamatan[_region_key(row.name)] = (row.id, row.name)
            if row.code:
                kecamatan[row.code] = (row.id, row.name)
        desa = {
            (parent, _region_key(name)): desa_id
            for desa_id, parent, name in session.execute(
                select(Region.id, Region.parent_id, Region.name).where(
                    Region.level == RegionLevel.DESA, Region.deleted.is_(False)
                )
            )
            if parent is not None
        }
        by_nib: dict[str, str] = {}
        by_name: dict[tuple[str, str], list[tuple[str, str | None]]] = {}
        names: dict[str, dict[str, str]] = {}
        live = select(
            Enterprise.id,
            Enterprise.name,
            Enterprise.kecamatan_id,
            Enterprise.desa_id,
            Enterprise.nib,
        ).where(Enterprise.deleted.is_(False))
        for enterprise_id, name, kecamatan_id, desa_id, nib in session.execute(live):
            if nib and _digits(nib):
                by_nib.setdefault(_digits(nib), enterprise_id)
            key = (normalised_name(name), kecamatan_id)
            by_name.setdefault(key, []).append((enterprise_id, desa_id))
            names.setdefault(kecamatan_id, {}).setdefault(key[0], name)
        return cls(kecamatan, desa, by_nib, by_name, names=names)

    def similar_name(self, values: RowValues) -> str | None:
        """Return a registered name in the row's kecamatan alike enough to be the same IKM."""
        known = self.names.get(values.kecamatan_id, {})
        close = difflib.get_close_matches(
            normalised_name(values.name), list(known), n=1, cutoff=NAME_SIMILARITY
        )
        return known[close[0]] if close else None

    def existing(self, values: RowValues) -> tuple[str | None, str]:
        """Return (id, message) of the live IKM this row describes, or (None, "")."""
        if values.nib and _digits(values.nib) in self.by_nib:
            return self.by_nib[_digits(values.nib)], MSG_ROW_EXISTS_NIB
        candidates = self.by_name.get((normalised_name(values.name), values.kecamatan_id), [])
        if values.desa_id is not None:
            same_desa = [c for c in candidates if c[1] == values.desa_id]
            if same_desa:
                return same_desa[0][0], MSG_ROW_EXISTS_NAME
        if values.desa_id is not None or values.new_desa:
            # A record registered without a desa is the same IKM once the sheet names one.
            candidates = [c for c in candidates if c[1] is None]
        if len(candidates) == 1:
            return candidates[0][0], MSG_ROW_EXISTS_NAME
        return None, ""


def _plan_row(
    session: Session, context: _PlanContext, number: int, cells: dict[str, Any]
) -> RowPlan:
    issues: list[RowIssue] = []
    name = " ".join(_cell_text(cells.get("name")).split())
    if not name:
        return RowPlan(number, ACTION_SKIP, (_error("name", MSG_ROW_NO_NAME),), None)
    if len(name) > NAME_MAX:
        return RowPlan(
            number, ACTION_SKIP, (_error("name", MSG_ROW_NAME_TOO_LONG, max=NAME_MAX),), None
        )
    kecamatan_text = _cell_text(cells.get("kecamatan"))
    kecamatan = _resolve_kecamatan(context, kecamatan_text, issues)
    if kecamatan is None:
        return RowPlan(number, ACTION_SKIP, tuple(issues), None, name=name)
    kecamatan_id, kecamatan_name = kecamatan
    desa_text = " ".join(_REGION_PREFIX.sub("", _cell_text(cells.get("desa"))).split())
    desa_id = context.desa.get((kecamatan_id, _region_key(desa_text))) if desa_text else None
    new_desa = desa_text if desa_text and desa_id is None else None
    if new_desa:
        issues.append(_info("desa", MSG_ROW_NEW_DESA, value=new_desa, kecamatan=kecamatan_name))
    values = RowValues(
        name=name,
        kecamatan_id=kecamatan_id,
        owner_name=_text_or_none(cells.get("owner_name")),
        nik=_nik(cells.get("nik"), issues),
        phone=_phone(cells.get("phone"), issues),
        address=_text_or_none(cells.get("address")),
        desa_id=desa_id,
        new_desa=new_desa,
        nib=_code(cells.get("nib")),
        kbli=_code(cells.get("kbli")),
        workers=_count(cells.get("workers"), "workers", issues),
        production_capacity=_text_or_none(cells.get("production_capacity")),
        scale=_scale(cells.get("scale"), issues),
        products=_products(cells.get("product"), cells.get("pirt"), cells.get("commodity")),
    )
    values = replace(values, **_cluster(session, cells, issues))
    return _decide(session, context, number, values, issues)


def _decide(
    session: Session,
    context: _PlanContext,
    number: int,
    values: RowValues,
    issues: list[RowIssue],
) -> RowPlan:
    """Return create, update (existing or earlier row) or skip (nothing would change)."""
    key = (normalised_name(values.name), values.kecamatan_id, values.desa_id or values.new_desa)
    nib = _digits(values.nib or "")
    earlier = context.planned_nib.get(nib) if nib else None
    if earlier is None:
        earlier = context.planned.get(key)
    existing_id, why = context.existing(values)
    if earlier is not None:
        if existing_id is not None and not _would_change(session, existing_id, values):
            issues.append(_info("", MSG_ROW_UNCHANGED))
            return RowPlan(
                number, ACTION_SKIP, tuple(issues), values, existing_id, earlier, values.name
            )
        issues.append(_info("", MSG_ROW_REPEATED, row=earlier))
        return RowPlan(
            number, ACTION_UPDATE, tuple(issues), values, existing_id, earlier, values.name
        )
    context.planned[key] = number
    if nib:
        context.planned_nib[nib] = number
    if existing_id is None:
        similar = context.similar_name(values)
        if similar is not None:
            issues.append(_info("name", MSG_ROW_SIMILAR, registered=similar))
        return RowPlan(number, ACTION_CREATE, tuple(issues), values, name=values.name)
    if not _would_change(session, existing_id, values):
        issues.append(_info("", MSG_ROW_UNCHANGED))
        return RowPlan(number, ACTION_SKIP, tuple(issues), values, existing_id, name=values.name)
    issues.append(_info("", why))
    return RowPlan(number, ACTION_UPDATE, tuple(issues), values, existing_id, name=values.name)


def _would_change(session: Session, enterprise_id: str, values: RowValues) -> bool:
    if values.new_desa:
        return True  # the desa is added and set
    detail = get_enterprise(session, enterprise_id)
    if _merged_input(enterprise_input(detail), values) != enterprise_input(detail):
        return True
    return bool(_missing_products(list(detail.products), values.products))


@dataclass(frozen=True, slots=True)
class _RowOutcome:
    """What writing one row did; recorded in the plan context only once the row committed."""

    target: str
    created: bool
    products_added: int
    values: RowValues
    new_desa: tuple[tuple[str, str], str] | None


def _apply_row(
    session: Session, context: _PlanContext, plan: RowPlan, ids_by_row: dict[int, str]
) -> _RowOutcome:
    """Write one row through the services; the context is left for ``_record`` to update."""
    values = plan.values
    assert values is not None
    new_desa: tuple[tuple[str, str], str] | None = None
    if values.new_desa:
        key = (values.kecamatan_id, _region_key(values.new_desa))
        desa_id = context.desa.get(key)
        if desa_id is None:
            desa_id = add_desa(session, kecamatan_id=values.kecamatan_id, name=values.new_desa)
            new_desa = (key, desa_id)
        values = replace(values, desa_id=desa_id, new_desa=None)
    target = ids_by_row.get(plan.same_as_row) if plan.same_as_row is not None else None
    if target is None:
        target, _why = context.existing(values)
    created = target is None
    if target is None:
        target = create_enterprise(session, _merged_input(None, values))
    else:
        current = enterprise_input(get_enterprise(session, target))
        update_enterprise(session, target, _merged_input(current, values))
    detail = get_enterprise(session, target)
    added = 0
    for wanted in _missing_products(list(detail.products), values.products):
        same_name = [
            p for p in detail.products if _product_key(p.name) == _product_key(wanted.name)
        ]
        if same_name and not same_name[0].pirt_number and wanted.pirt_number:
            update_product(
                session,
                same_name[0].id,
                replace(product_input(same_name[0]), pirt_number=wanted.pirt_number),
            )
            continue
        create_product(session, ProductInput(target, wanted.name, pirt_number=wanted.pirt_number))
        added += 1
    return _RowOutcome(target, created, added, values, new_desa)


def _record(context: _PlanContext, outcome: _RowOutcome) -> None:
    """Let later rows find what a committed row created (its IKM, its new desa)."""
    if outcome.new_desa is not None:
        key, desa_id = outcome.new_desa
        context.desa[key] = desa_id
        context.desa_added += 1
    if outcome.created:
        values = outcome.values
        if values.nib and _digits(values.nib):
            context.by_nib.setdefault(_digits(values.nib), outcome.target)
        key_name = (normalised_name(values.name), values.kecamatan_id)
        context.by_name.setdefault(key_name, []).append((outcome.target, values.desa_id))


def _merged_input(current: EnterpriseInput | None, values: RowValues) -> EnterpriseInput:
    """Return the input to save: the sheet's filled cells over what is stored."""
    sheet: dict[str, Any] = {
        "name": values.name,
        "kecamatan_id": values.kecamatan_id,
        "owner_name": values.owner_name,
        "nik": values.nik,
        "phone": values.phone,
        "address": values.address,
        "desa_id": values.desa_id,
        "nib": values.nib,
        "kbli": values.kbli,
        "workers": values.workers,
        "production_capacity": values.production_capacity,
        "scale": values.scale,
    }
    if current is None:
        cluster = values.cluster_id or seeded_cluster_id(DEFAULT_CLUSTER)
        return EnterpriseInput(
            **{k: v for k, v in sheet.items() if v is not None}, cluster_id=cluster
        )
    changes = {k: v for k, v in sheet.items() if v is not None}
    if current.kecamatan_id != values.kecamatan_id and values.desa_id is None:
        changes["desa_id"] = None  # a desa of the old kecamatan would not fit the new one
    if values.cluster_from_sheet and values.cluster_id:
        changes["cluster_id"] = values.cluster_id
    # The registry's own spelling of the name is kept; matching already ignored "UD." etc.
    changes.pop("name")
    return replace(current, **changes)


def _missing_products(existing: list[Any], wanted: Iterable[ProductPlan]) -> list[ProductPlan]:
    """Return the row's products not yet held (same P-IRT digits, or same name and P-IRT)."""
    have_pirt = {_digits(p.pirt_number) for p in existing if p.pirt_number}
    have_name = {_product_key(p.name): p for p in existing}
    missing: list[ProductPlan] = []
    for plan in wanted:
        if plan.pirt_number and _digits(plan.pirt_number) in have_pirt:
            continue
        same = have_name.get(_product_key(plan.name))
        if same is not None and (not plan.pirt_number or same.pirt_number):
            continue
        missing.append(plan)
    return missing


def _product_key(name: str) -> str:
    return " ".join(_HEADER_PUNCTUATION.sub(" ", name.lower()).split())


def _resolve_kecamatan(
    context: _PlanContext, text: str, issues: list[RowIssue]
) -> tuple[str, str] | None:
    if not text:
        issues.append(_error("kecamatan", MSG_ROW_NO_KECAMATAN))
        return None
    key = _region_key(_REGION_PREFIX.sub("", text))
    found = context.kecamatan.get(key) or context.kecamatan.get(text.strip())
    if found is not None:
        return found
    names = sorted({name for _id, name in context.kecamatan.values()})
    close = difflib.get_close_matches(key, [_region_key(n) for n in names], n=1, cutoff=0.6)
    if close:
        suggestion = next(n for n in names if _region_key(n) == close[0])
        issues.append(
            _error("kecamatan", MSG_ROW_KECAMATAN_UNKNOWN, value=text, suggestion=suggestion)
        )
    else:
        issues.append(_error("kecamatan", MSG_ROW_KECAMATAN_UNKNOWN_NO_HINT, value=text))
    return None


def _cluster(session: Session, cells: dict[str, Any], issues: list[RowIssue]) -> dict[str, Any]:
    commodity = _cell_text(cells.get("commodity"))
    product = _cell_text(cells.get("product"))
    guessed = cluster_for_commodity(commodity, product)
    written = _cell_text(cells.get("cluster"))
    if written:
        found = find_cluster(session, written)
        from_words = cluster_for_commodity(written)
        if found is None and (from_words != DEFAULT_CLUSTER or "olahan" in written.lower()):
            found = find_cluster(session, from_words)
        if found is not None:
            return {"cluster_id": found.id, "cluster_from_sheet": True}
        issues.append(_warning("cluster", MSG_ROW_CLUSTER_UNKNOWN, value=written, cluster=guessed))
    found = find_cluster(session, guessed)
    return {"cluster_id": None if found is None else found.id, "cluster_from_sheet": False}


def _nik(value: Any, issues: list[RowIssue]) -> str | None:
    """Return a 16-digit NIK, or None with a warning; never makes digits up."""
    if value is None or _cell_text(value) == "":
        return None
    if isinstance(value, float) and not value.is_integer():
        issues.append(_warning("nik", MSG_ROW_NIK_ROUNDED, value=_cell_text(value)))
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = str(int(value))
        # Excel keeps 15 significant digits: a 16-digit NIK typed as a number, or shown in
        # scientific notation and saved, ends in zeros. A real NIK ends in a serial >= 0001.
        if len(digits) == 16 and not digits.endswith("0000"):
            return digits
        issues.append(_warning("nik", MSG_ROW_NIK_ROUNDED, value=_scientific(value)))
        return None
    text = _cell_text(value).strip().strip("'")
    if _SCIENTIFIC.match(text):
        issues.append(_warning("nik", MSG_ROW_NIK_ROUNDED, value=text))
        return None
    text = re.sub(r"[\s.\-]", "", text)
    if is_nik(text):
        return text
    issues.append(_warning("nik", MSG_ROW_NIK_BAD, value=_masked(text)))
    return None


def _phone(value: Any, issues: list[RowIssue]) -> str | None:
    if value is None or _cell_text(value) == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = str(int(value))
        if digits.startswith("8") and 9 <= len(digits) + 1 <= 15:
            issues.append(_info("phone", MSG_ROW_PHONE_ZERO, value="0" + digits))
            return "0" + digits
        text = digits
    else:
        # Registries often hold two numbers ("0812... / 0813..."): keep the first.
        text = re.split(r"[/,;]| atau | or ", _cell_text(value))[0]
        text = _PHONE_SEPARATORS.sub("", text).lstrip("'")
    if not plausible_phone(text):
        issues.append(_warning("phone", MSG_ROW_PHONE_BAD, value=_cell_text(value)))
        return None
    return text


def _count(value: Any, name: str, issues: list[RowIssue]) -> int | None:
    if value is None or _cell_text(value) == "":
        return None
    label = FIELD_LABELS[name]
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and (math.isnan(value) or not value.is_integer()):
            issues.append(_warning(name, MSG_ROW_NUMBER_BAD, field=label, value=value))
            return None
        return int(value) if value >= 0 else None
    text = _cell_text(value)
    found = re.fullmatch(
        r"\s*(\d+)(?:[.,]0+)?\s*(?:orang|org|tk|people|persons?)?\.?\s*", text, re.I
    )
    if found is None:
        issues.append(_warning(name, MSG_ROW_NUMBER_BAD, field=label, value=text))
        return None
    number = int(found[1])
    issues.append(_info(name, MSG_ROW_NUMBER_AS_TEXT, field=label, value=text, number=number))
    return number


def _scale(value: Any, issues: list[RowIssue]) -> str | None:
    text = _cell_text(value).lower()
    if not text:
        return None
    for scale in BusinessScale:
        if scale.value in text:
            return scale.value
    issues.append(_warning("scale", MSG_ROW_SCALE_UNKNOWN, value=_cell_text(value)))
    return None


def _products(product: Any, pirt: Any, commodity: Any) -> tuple[ProductPlan, ...]:
    names = [n for n in _LIST_SEPARATORS.split(_cell_text(product)) if n]
    numbers = [n for n in re.split(r"\s*[;\n]\s*|\s*,\s*(?=\D*\d)", _code(pirt) or "") if n]
    if not numbers:
        return tuple(ProductPlan(n, None) for n in names)
    fallback = _cell_text(commodity) or "Produk"
    if len(names) == 1 and len(numbers) > 1:
        names = [names[0]] * len(numbers)  # one product written once, several P-IRT
    plans = [
        ProductPlan(names[i] if i < len(names) else f"{fallback} {i + 1}", number)
        for i, number in enumerate(numbers)
    ]
    plans.extend(ProductPlan(n, None) for n in names[len(numbers) :])
    return tuple(plans)


def _code(value: Any) -> str | None:
    """Return an identifier (NIB, KBLI, P-IRT) as text; numbers lose no digits they still have."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split()).strip("'")
    return text or None


def _text_or_none(value: Any) -> str | None:
    text = " ".join(_cell_text(value).split())
    return text or None


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _scientific(value: float) -> str:
    return f"{value:.5E}"


def _masked(text: str) -> str:
    """Return a NIK-like text with its middle hidden, so messages and logs leak no full NIK."""
    return text if len(text) <= 6 else f"{text[:4]}…{text[-2:]}"


def _digits(text: str | None) -> str:
    return re.sub(r"\D", "", text or "")


def _region_key(name: str) -> str:
    return " ".join(_HEADER_PUNCTUATION.sub(" ", name.lower()).split())


def _normalise_header(header: Any) -> str:
    return " ".join(_HEADER_PUNCTUATION.sub(" ", _cell_text(header).lower()).split())


def _match_score(key: str, synonyms: Sequence[str]) -> int:
    """Return 1000 + length for an exact synonym, the length for a leading one, else 0."""
    if not key:
        return 0
    best = 0
    for synonym in synonyms:
        if key == synonym:
            best = max(best, 1000 + len(synonym))
        elif len(synonym) >= 3 and key.startswith(synonym + " "):
            best = max(best, len(synonym))
    return best


def _header_field(text: str) -> str | None:
    key = _normalise_header(text)
    scores = [(_match_score(key, syn), name) for name, syn in HEADER_SYNONYMS.items()]
    score, name = max(scores)
    return name if score else None


def _error(field_name: str, message_id: str, /, **args: Any) -> RowIssue:
    return RowIssue(field_name, SEVERITY_ERROR, message_id, args)


def _warning(field_name: str, message_id: str, /, **args: Any) -> RowIssue:
    return RowIssue(field_name, SEVERITY_WARNING, message_id, args)


def _info(field_name: str, message_id: str, /, **args: Any) -> RowIssue:
    return RowIssue(field_name, SEVERITY_INFO, message_id, args)


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".csv", ".txt"):
        return "csv"
    raise UserError(MSG_FILE_TYPE, path=str(path))


def _open_workbook(path: Path) -> Any:
    from openpyxl import load_workbook  # imported when needed: it is slow to import

    check_input_file(path, max_bytes=MAX_FILE_BYTES)  # never a FIFO, device or huge file
    try:
        with zipfile.ZipFile(path) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
        if inflated > MAX_UNZIPPED_BYTES:
            raise UserError(
                MSG_FILE_UNREADABLE, path=str(path), detail=f"{inflated} bytes once unpacked"
            )
        return load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError as exc:
        raise UserError(MSG_FILE_UNREADABLE, path=str(path), detail=exc.strerror) from exc
    except _READ_ERRORS as exc:
        raise UserError(MSG_FILE_UNREADABLE, path=str(path), detail=_detail(exc)) from exc


def _csv_rows(path: Path, progress: RowsReadCallback | None = None) -> list[tuple[Any, ...]]:
    try:
        with input_file(path, max_bytes=MAX_FILE_BYTES) as handle:
            raw = handle.read()
    except OSError as exc:
        raise UserError(
            MSG_FILE_UNREADABLE, path=str(path), detail=exc.strerror or str(exc)
        ) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Indonesian/English Windows saves "CSV" in the ANSI code page.
        text = raw.decode("cp1252", errors="replace")
    try:
        delimiter = _delimiter(text)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        return _limited_rows(reader, path, progress)
    except csv.Error as exc:  # e.g. a field beyond csv's 131,072-character limit
        raise UserError(MSG_FILE_UNREADABLE, path=str(path), detail=_detail(exc)) from exc


def _delimiter(text: str) -> str:
    """Return ";" or ",", whichever splits the first lines more consistently."""
    lines = [line for line in text.splitlines()[:HEADER_SCAN_ROWS] if line.strip()]
    best, best_score = ",", -1
    for candidate in (";", ","):
        rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=candidate))
        widths = [len(r) for r in rows if len(r) > 1]
        score = max(widths, default=0) * 1000 + len(widths)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _compact(row: Sequence[Any]) -> tuple[Any, ...]:
    """Return the row's cells, or () for a row with none filled (sheets often style 10,000s)."""
    return tuple(row) if any(cell is not None and cell != "" for cell in row) else ()


def _table(source: str, sheet: str | None, rows: list[tuple[Any, ...]]) -> ImportTable:
    header_index = find_header_row(rows)
    if header_index is None:
        raise UserError(MSG_NO_HEADER, rows=HEADER_SCAN_ROWS)
    headers = tuple(_cell_text(cell) for cell in rows[header_index])
    body = rows[header_index + 1 :]
    numbers = tuple(range(header_index + 2, header_index + 2 + len(body)))
    return ImportTable(source, sheet, header_index + 1, headers, tuple(body), numbers)
