"""Excel (.xlsx) and CSV exports of the registry, visits, quality results and follow-ups.

The office plans and reports upward in spreadsheets, so each export is a plain table with a
bold header, a frozen first row, sensible column widths and real dates. Rows are filtered
with the same filter values as the lists in the window, read a page at a time and streamed to
the file (xlsxwriter constant-memory mode), so a 100,000-row export never holds the whole list in
memory; a progress callback reports, a stop check cancels. The file appears only when it is
complete (written beside, then renamed).

CSV files are UTF-8 with a byte-order mark (so Excel reads the accents right), separated by
commas (the RFC 4180 default every tool reads; Excel set to an Indonesian locale expects ";"
when a file is double-clicked, so such users open it with Data > From Text/CSV or take the
.xlsx), with dates written ISO style (2026-03-04), which Excel reads in every locale.

NIK is personal data (UU 27/2022): it is left out unless ``include_personal=True``.
"""

from __future__ import annotations

import contextlib
import csv
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ikmdesk.atomic_file import atomic_output, ensure_parent
from ikmdesk.errors import (
    CONTEXT,
    QT_TRANSLATE_NOOP,
    UserError,
)
from ikmdesk.models import (
    ChecklistTemplate,
    Cluster,
    Enterprise,
    Product,
    QualityAnswer,
    QualityCheck,
    Visit,
)
from ikmdesk.resource import resource_path
from ikmdesk.services.checklist_template import TemplateError, parse_template
from ikmdesk.services.enterprise import EnterpriseFilter, count_enterprises, list_enterprises
from ikmdesk.services.follow_up import FollowUpFilter, count_follow_ups, list_follow_ups
from ikmdesk.services.item_basis import ItemBasis, item_bases
from ikmdesk.services.product import pirt_expiry_year
from ikmdesk.services.status_label import FOLLOW_UP_STATE_NAMES, VISIT_STATUS_NAMES
from ikmdesk.services.visit import VisitFilter, count_visits, list_visits

PAGE_SIZE = 500
DATE_FORMAT = "DD/MM/YYYY"
HEADER_FILL = "DDEBF7"
CSV_DELIMITER = ","

KIND_TEXT, KIND_NUMBER, KIND_DATE = "text", "number", "date"

MSG_EXPORT_TYPE = QT_TRANSLATE_NOOP(
    CONTEXT, "Ekspor hanya ke berkas .xlsx atau .csv, bukan {path}."
)
MSG_EXPORT_CANCELLED = QT_TRANSLATE_NOOP(CONTEXT, "Ekspor dibatalkan; tidak ada berkas dibuat.")

_STATUS = {"active": "Aktif", "inactive": "Tidak aktif", "closed": "Tutup"}
_HALAL = {"none": "Belum", "in_process": "Dalam proses", "certified": "Bersertifikat"}
_HALAL_ROUTE = {"self_declare": "Pernyataan pelaku usaha", "reguler": "Reguler"}
_VISIT_STATUS = {status: names[0] for status, names in VISIT_STATUS_NAMES.items()}
_PURPOSE = {
    "mentoring": "Pendampingan",
    "monitoring": "Monitoring",
    "follow_up": "Tindak lanjut",
    "certification_support": "Dukungan sertifikasi",
}
_FOLLOW_UP_STATE = {state: names[0] for state, names in FOLLOW_UP_STATE_NAMES.items()}
_CHECK_STATUS = {"complete": "Lengkap", "incomplete": "Belum lengkap"}
# Excel runs a cell starting with these as a formula (CSV injection); such text gets a "'".
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportCancelled(UserError):
    """The user stopped the export; no file was left behind."""


@dataclass(frozen=True, slots=True)
class Column:
    """One exported column: its header, width in characters and kind (text, number, date)."""

    header: str
    width: int = 15
    kind: str = KIND_TEXT


@dataclass(frozen=True, slots=True)
class ExportResult:
    """The file written and how many data rows it holds (first sheet)."""

    path: Path
    rows: int


ProgressCallback = Callable[[int, int], None]
StopCheck = Callable[[], bool]
_Item = TypeVar("_Item")


class _SheetWriter(Protocol):
    def row(self, values: Sequence[Any]) -> None: ...


class _TableWriter(Protocol):
    def sheet(self, title: str, columns: Sequence[Column]) -> _SheetWriter: ...

    def close(self) -> None: ...


def export_enterprises(
    session: Session,
    path: Path,
    flt: EnterpriseFilter | None = None,
    *,
    include_personal: bool = False,
    progress: ProgressCallback | None = None,
    should_stop: StopCheck | None = None,
) -> ExportResult:
    """Write one row per IKM with its licences and products' P-IRT numbers.

    An .xlsx gets a second sheet "Produk" with one row per product.
    """
    flt = flt or EnterpriseFilter()
    columns = _enterprise_columns(include_personal)
    total = count_enterprises(session, flt)
    with _output(path) as (writer, is_xlsx):
        registry = writer.sheet("IKM", columns)
        # both sheets fill in one pass over the IKMs: the registry is read once
        products = writer.sheet("Produk", _PRODUCT_COLUMNS) if is_xlsx else None
        done = 0
        for page in _enterprise_pages(session, flt):
            for item in page:
                registry.row(_enterprise_values(item, include_personal))
                if products is not None:
                    for product in item.products:
                        products.row(_product_values(item, product))
            done = _step(done + len(page), total, progress, should_stop)
    return ExportResult(Path(path), total)


def export_siinas(
    session: Session,
    path: Path,
    flt: EnterpriseFilter | None = None,
    *,
    progress: ProgressCallback | None = None,
    should_stop: StopCheck | None = None,
) -> ExportResult:
    """Write the registry as a SIINas/KBLI-oriented sheet for reporting to the ministry.

    SIINas-*oriented*: the columns follow what SIINas (Sistem Informasi Industri Nasional)
    asks of an industry (company, owner, location, KBLI, products, workforce, capacity, NIB,
    scale), but the exact official SIINas upload template was not available when this was
    written, so column names and order may need adjusting to it. No personal numbers.
    """
    flt = flt or EnterpriseFilter()
    regency, province = _regency()
    total = count_enterprises(session, flt)
    numbers = itertools.count(1)
    _export_sheet(
        path,
        "SIINas",
        _SIINAS_COLUMNS,
        _enterprise_pages(session, flt),
        lambda page: (_siinas_values(next(numbers), item, regency, province) for item in page),
        total=total,
        progress=progress,
        should_stop=should_stop,
    )
    return ExportResult(Path(path), total)


def export_visits(
    session: Session,
    path: Path,
    flt: VisitFilter | None = None,
    *,
    progress: ProgressCallback | None = None,
    should_stop: StopCheck | None = None,
) -> ExportResult:
    """Write one row per visit (oldest first) with what was done, found and advised."""
    flt = flt or VisitFilter()
    total = count_visits(session, flt)
    _export_sheet(
        path,
        "Kunjungan",
        _VISIT_COLUMNS,
        _visit_pages(session, flt),
        lambda page: (_visit_values(row, visit) for row, visit in page),
        total=total,
        progress=progress,
        should_stop=should_stop,
    )
    return ExportResult(Path(path), total)


def export_checks(
    session: Session,
    path: Path,
    flt: VisitFilter | None = None,
    *,
    progress: ProgressCallback | None = None,
    should_stop: StopCheck | None = None,
) -> ExportResult:
    """Write one row per quality check on the visits ``flt`` selects, with its result, the
    basis it was judged against and "perlu dikonfirmasi" where that basis is not confirmed.

    An .xlsx gets a second sheet "Butir" with one row per judged item: the answer, the limit,
    its source and "perlu dikonfirmasi" (a .csv holds the check rows only).
    """
    flt = flt or VisitFilter()
    total = count_visits(session, flt)
    bases: dict[str, _TemplateBasis] = {}
    rows = 0
    with _output(path) as (writer, is_xlsx):
        checks = writer.sheet("Hasil mutu", _CHECK_COLUMNS)
        items = writer.sheet("Butir", _CHECK_ITEM_COLUMNS) if is_xlsx else None
        done = 0
        for page in _visit_pages(session, flt):
            visits = [row for row, _visit in page]
            for values, check_id, template_id in _check_rows(session, visits, bases):
                checks.row(values)
                rows += 1
                if items is not None:
                    for item in _check_item_values(session, values, check_id, bases[template_id]):
                        items.row(item)
            done = _step(done + len(page), total, progress, should_stop)
    return ExportResult(Path(path), rows)


def export_follow_ups(
    session: Session,
    path: Path,
    flt: FollowUpFilter | None = None,
    *,
    progress: ProgressCallback | None = None,
    should_stop: StopCheck | None = None,
) -> ExportResult:
    """Write one row per follow-up, soonest due first, with its state as of the filter's day."""
    flt = flt or FollowUpFilter()
    total = count_follow_ups(session, flt)
    _export_sheet(
        path,
        "Tindak lanjut",
        _FOLLOW_UP_COLUMNS,
        _follow_up_pages(session, flt),
        _follow_up_values,
        total=total,
        progress=progress,
        should_stop=should_stop,
    )
    return ExportResult(Path(path), total)


def _enterprise_columns(include_personal: bool) -> list[Column]:
    columns = [
        Column("Nama IKM", 32),
        Column("Nama pemilik", 24),
    ]
    if include_personal:
        columns.append(Column("NIK", 19))
    columns += [
        Column("No. HP", 16),
        Column("Alamat", 32),
        Column("Desa/Kelurahan", 20),
        Column("Kecamatan", 18),
        Column("Klaster", 14),
        Column("Status", 11),
        Column("Skala usaha", 11),
        Column("NIB", 16),
        Column("KBLI", 8),
        Column("Tenaga kerja", 10, KIND_NUMBER),
        Column("Kapasitas produksi", 20),
        Column("Produk", 32),
        Column("Nomor P-IRT", 36),
        Column("Status halal", 14),
        Column("Jalur halal", 14),
        Column("No. sertifikat halal", 22),
        Column("Halal terbit", 12, KIND_DATE),
        Column("Halal berakhir", 12, KIND_DATE),
        Column("No. sertifikat PKP", 20),
        Column("Tanggal PKP", 12, KIND_DATE),
        Column("Lintang", 11, KIND_NUMBER),
        Column("Bujur", 11, KIND_NUMBER),
        Column("Kunjungan terakhir", 13, KIND_DATE),
        Column("Terdaftar", 12, KIND_DATE),
    ]
    return columns


_PRODUCT_COLUMNS = (
    Column("Nama IKM", 32),
    Column("Kecamatan", 18),
    Column("Produk", 28),
    Column("Kategori", 18),
    Column("Kemasan", 14),
    Column("Nomor P-IRT", 20),
    Column("P-IRT berlaku s.d. tahun", 12, KIND_NUMBER),
)

_SIINAS_COLUMNS = (
    Column("No", 6, KIND_NUMBER),
    Column("Nama Perusahaan", 32),
    Column("Nama Pemilik", 24),
    Column("Alamat", 32),
    Column("Desa/Kelurahan", 20),
    Column("Kecamatan", 18),
    Column("Kabupaten/Kota", 16),
    Column("Provinsi", 18),
    Column("KBLI", 8),
    Column("Komoditas/Produk", 32),
    Column("Tenaga Kerja", 10, KIND_NUMBER),
    Column("Kapasitas Produksi", 20),
    Column("NIB", 16),
    Column("Skala Usaha", 11),
    Column("Nomor P-IRT", 36),
    Column("Sertifikat Halal", 22),
)

_VISIT_COLUMNS = (
    Column("Tanggal", 12, KIND_DATE),
    Column("Nama IKM", 32),
    Column("Kecamatan", 18),
    Column("Klaster", 14),
    Column("Tujuan", 18),
    Column("Status", 13),
    Column("Petugas", 22),
    Column("Pendamping lain", 22),
    Column("Kegiatan", 40),
    Column("Temuan", 40),
    Column("Saran", 40),
)

_CHECK_COLUMNS = (
    Column("Tanggal periksa", 12, KIND_DATE),
    Column("Tanggal kunjungan", 12, KIND_DATE),
    Column("Nama IKM", 32),
    Column("Kecamatan", 18),
    Column("Klaster", 14),
    Column("Produk", 24),
    Column("Daftar periksa", 34),
    Column("Versi", 6, KIND_NUMBER),
    Column("Kelengkapan", 13),
    Column("Hasil", 24),
    Column("Skor", 8, KIND_NUMBER),
    Column("Catatan", 32),
    Column("Dasar penilaian", 48),
    Column("Keterangan dasar", 18),
)

_CHECK_ITEM_COLUMNS = (
    Column("Tanggal periksa", 12, KIND_DATE),
    Column("Nama IKM", 32),
    Column("Daftar periksa", 34),
    Column("Butir", 8),
    Column("Uraian butir", 48),
    Column("Jawaban", 14),
    Column("Tidak sesuai", 10),
    Column("Kritis", 8),
    Column("Batas", 36),
    Column("Sumber", 48),
    Column("Keterangan", 18),
)
TO_CONFIRM = "perlu dikonfirmasi"
"""Written beside every limit or result whose source is not confirmed."""
CONFIRMED = "terverifikasi"

_FOLLOW_UP_COLUMNS = (
    Column("Nama IKM", 32),
    Column("Tanggal kunjungan", 12, KIND_DATE),
    Column("Tindakan", 40),
    Column("Penanggung jawab", 20),
    Column("Tenggat", 12, KIND_DATE),
    Column("Selesai", 12, KIND_DATE),
    Column("Keadaan", 11),
    Column("Catatan selesai", 32),
)


@dataclass(frozen=True, slots=True)
class _ProductItem:
    name: str
    category: str | None
    packaging: str | None
    pirt_number: str | None


@dataclass(frozen=True, slots=True)
class _EnterpriseItem:
    record: dict[str, Any]
    kecamatan: str
    desa: str | None
    cluster: str
    last_visit: date | None
    products: tuple[_ProductItem, ...]


def _enterprise_pages(session: Session, flt: EnterpriseFilter) -> Iterator[list[_EnterpriseItem]]:
    """Yield IKMs a page at a time in list order, each with the columns the lists leave out."""
    offset = 0
    while True:
        rows = list_enterprises(session, flt, offset=offset, limit=PAGE_SIZE)
        if not rows:
            return
        offset += len(rows)
        ids = [r.id for r in rows]
        table = Enterprise.__table__
        records = {
            row.id: dict(row._mapping)
            for row in session.execute(select(table).where(table.c.id.in_(ids)))
        }
        products: dict[str, list[_ProductItem]] = {}
        product_query = (
            select(
                Product.enterprise_id,
                Product.name,
                Product.category,
                Product.packaging,
                Product.pirt_number,
            )
            .where(Product.enterprise_id.in_(ids), Product.deleted.is_(False))
            .order_by(Product.name, Product.id)
        )
        for enterprise_id, name, category, packaging, pirt_number in session.execute(product_query):
            products.setdefault(enterprise_id, []).append(
                _ProductItem(name, category, packaging, pirt_number)
            )
        yield [
            _EnterpriseItem(
                record=records[r.id],
                kecamatan=r.kecamatan,
                desa=r.desa,
                cluster=r.cluster_name,
                last_visit=r.last_visit,
                products=tuple(products.get(r.id, ())),
            )
            for r in rows
        ]


def _enterprise_values(item: _EnterpriseItem, include_personal: bool) -> list[Any]:
    e = item.record
    values: list[Any] = [e["name"], e["owner_name"]]
    if include_personal:
        values.append(e["nik"])
    values += [
        e["phone"],
        e["address"],
        item.desa,
        item.kecamatan,
        item.cluster,
        _STATUS.get(_text(e["status"]), _text(e["status"])),
        _text(e["scale"]).capitalize() or None,
        e["nib"],
        e["kbli"],
        e["workers"],
        e["production_capacity"],
        "; ".join(p.name for p in item.products) or None,
        "; ".join(p.pirt_number for p in item.products if p.pirt_number) or None,
        _HALAL.get(_text(e["halal_status"]), _text(e["halal_status"])),
        _HALAL_ROUTE.get(_text(e["halal_route"])),
        e["halal_cert_no"],
        e["halal_issued_on"],
        e["halal_expires_on"],
        e["pkp_cert_no"],
        e["pkp_cert_date"],
        e["latitude"],
        e["longitude"],
        item.last_visit,
        e["created_at"],
    ]
    return values


def _product_values(item: _EnterpriseItem, product: _ProductItem) -> list[Any]:
    return [
        item.record["name"],
        item.kecamatan,
        product.name,
        product.category,
        product.packaging,
        product.pirt_number,
        pirt_expiry_year(product.pirt_number),
    ]


def _siinas_values(number: int, item: _EnterpriseItem, regency: str, province: str) -> list[Any]:
    e = item.record
    products = "; ".join(p.name for p in item.products)
    return [
        number,
        e["name"],
        e["owner_name"],
        e["address"],
        item.desa,
        item.kecamatan,
        regency,
        province,
        e["kbli"],
        products or item.cluster,
        e["workers"],
        e["production_capacity"],
        e["nib"],
        _text(e["scale"]).capitalize() or None,
        "; ".join(p.pirt_number for p in item.products if p.pirt_number) or None,
        e["halal_cert_no"],
    ]


def _visit_pages(session: Session, flt: VisitFilter) -> Iterator[list[tuple[Any, Any]]]:
    """Yield (VisitRow, Visit) pairs a page at a time, oldest visit first.

    The rows' ``cluster_code`` holds the cluster's Indonesian name here, for the sheet.
    """
    names = {code: name for code, name in session.execute(select(Cluster.code, Cluster.name_id))}
    offset = 0
    while True:
        rows = list_visits(session, flt, descending=False, offset=offset, limit=PAGE_SIZE)
        if not rows:
            return
        offset += len(rows)
        texts = select(
            Visit.id, Visit.companions, Visit.activities, Visit.findings, Visit.recommendations
        ).where(Visit.id.in_([r.id for r in rows]))
        visits = {row.id: row for row in session.execute(texts)}
        # A reader sees the cluster's name ("Pangan olahan"), never its code ("pangan_olahan").
        yield [
            (replace(r, cluster_code=names.get(r.cluster_code, r.cluster_code)), visits[r.id])
            for r in rows
        ]


def _visit_values(row: Any, visit: Any) -> list[Any]:
    return [
        row.visit_date,
        row.enterprise_name,
        row.kecamatan,
        row.cluster_code,
        _PURPOSE.get(row.purpose, row.purpose),
        _VISIT_STATUS.get(row.status, row.status),
        row.officer_name,
        visit.companions,
        visit.activities,
        visit.findings,
        visit.recommendations,
    ]


def _check_values(session: Session, visits: Sequence[Any]) -> list[list[Any]]:
    return [values for values, _check, _template in _check_rows(session, visits, {})]


def _check_rows(
    session: Session,
    visits: Sequence[Any],
    bases: dict[str, _TemplateBasis],
) -> list[tuple[list[Any], str, str]]:
    """Return (sheet row, check id, template id) per check of ``visits``; ``bases`` caches
    each template's item bases, regulation and whether that regulation is confirmed."""
    by_id = {v.id: v for v in visits}
    query = (
        select(
            QualityCheck.visit_id,
            QualityCheck.checked_on,
            Product.name,
            ChecklistTemplate.title_id,
            ChecklistTemplate.version,
            QualityCheck.result_status,
            QualityCheck.result_label_id,
            QualityCheck.score,
            QualityCheck.notes,
            QualityCheck.id,
            QualityCheck.template_id,
            QualityCheck.result,
        )
        .select_from(QualityCheck)
        .join(ChecklistTemplate, ChecklistTemplate.id == QualityCheck.template_id)
        .outerjoin(Product, Product.id == QualityCheck.product_id)
        .where(QualityCheck.visit_id.in_(list(by_id)), QualityCheck.deleted.is_(False))
    )
    found = list(session.execute(query))
    order = {visit_id: i for i, visit_id in enumerate(by_id)}
    found.sort(key=lambda r: (order[r[0]], r[1], r[3] or ""))
    values = []
    for row in found:
        visit_id, checked_on, product, title, version, status, label, score, notes = row[:9]
        check_id, template_id, stored = row[9:]
        if template_id not in bases:
            bases[template_id] = _template_bases(session, template_id)
        regulation, confirmed = bases[template_id].regulation, bases[template_id].confirmed
        unverified = bool(isinstance(stored, dict) and stored.get("unverified"))
        visit = by_id[visit_id]
        values.append(
            (
                [
                    checked_on,
                    visit.visit_date,
                    visit.enterprise_name,
                    visit.kecamatan,
                    visit.cluster_code,
                    product,
                    title,
                    version,
                    _CHECK_STATUS.get(_text(status), _text(status)),
                    label,
                    None if score is None else round(score, 1),  # as the window and PDFs show it
                    notes,
                    regulation,
                    TO_CONFIRM if unverified or not confirmed else CONFIRMED,
                ],
                check_id,
                template_id,
            )
        )
    return values


def _answer_words(words: dict[str, str], value: Any) -> str:
    if value is None:
        return ""
    return words.get(value, _text(value)) if isinstance(value, str) else _text(value)


@dataclass(frozen=True, slots=True)
class _TemplateBasis:
    """What a template's checks are judged against, read once per template per export."""

    items: dict[str, ItemBasis]
    texts: dict[str, str]
    regulation: str | None
    confirmed: bool
    words: dict[str, dict[str, str]]
    """Per item, its stored answer values in words (yes/no/na, choice options)."""


def _template_bases(session: Session, template_id: str) -> _TemplateBasis:
    definition = session.scalar(
        select(ChecklistTemplate.definition).where(ChecklistTemplate.id == template_id)
    )
    try:
        template = parse_template(dict(definition or {}))
    except (TemplateError, TypeError, ValueError, KeyError, AttributeError):
        return _TemplateBasis({}, {}, None, False, {})
    return _TemplateBasis(
        item_bases(template),
        {item.id: item.text.id for item in template.items()},
        template.source.regulation,
        template.source.confidence == "verified",
        {
            item.id: (
                {"yes": "ya", "no": "tidak", "na": "tidak berlaku"}
                if item.answer == "yes_no_na"
                else {option.value: option.label.id for option in item.options}
            )
            for item in template.items()
        },
    )


def _check_item_values(
    session: Session,
    check_row: Sequence[Any],
    check_id: str,
    basis: _TemplateBasis,
) -> Iterator[list[Any]]:
    """Yield one row per judged item of a check, in template order, with limit and source."""
    answers = {
        a.item_id: a
        for a in session.scalars(
            select(QualityAnswer).where(
                QualityAnswer.check_id == check_id, QualityAnswer.deleted.is_(False)
            )
        )
    }
    stored = session.scalar(select(QualityCheck.result).where(QualityCheck.id == check_id))
    failed = {
        f.get("item_id")
        for f in (stored or {}).get("failed_items", [])
        if isinstance(stored, dict) and isinstance(f, dict)
    }
    numbers = {item_id: str(n) for n, item_id in enumerate(basis.texts, start=1)}
    for item_id, item in basis.items.items():
        answer = answers.get(item_id)
        value = None if answer is None else answer.value
        yield [
            check_row[0],
            check_row[2],
            check_row[6],
            numbers.get(item_id, ""),  # the item's number on the form, as the PDF prints it
            basis.texts.get(item_id, ""),
            _answer_words(basis.words.get(item_id, {}), value),
            "ya" if item_id in failed else "",
            "ya" if item.critical else "",
            item.limit.id,
            item.source,
            CONFIRMED if item.confirmed else TO_CONFIRM,
        ]


def _follow_up_pages(
    session: Session, flt: FollowUpFilter
) -> Iterator[list[tuple[Any, date | None]]]:
    """Yield (FollowUpRow, visit date) pairs a page at a time, soonest due first."""
    offset = 0
    while True:
        page = list_follow_ups(session, flt, offset=offset, limit=PAGE_SIZE)
        if not page:
            return
        offset += len(page)
        visit_dates = _visit_dates(session, {r.visit_id for r in page})
        yield [(row, visit_dates.get(row.visit_id)) for row in page]


def _follow_up_values(page: Sequence[tuple[Any, date | None]]) -> Iterator[list[Any]]:
    for row, visit_date in page:
        yield [
            row.enterprise_name,
            visit_date,
            row.action,
            row.owner,
            row.due_date,
            row.done_on,
            _FOLLOW_UP_STATE.get(row.state, row.state),
            row.done_note,
        ]


def _visit_dates(session: Session, visit_ids: set[str]) -> dict[str, date]:

    query = select(Visit.id, Visit.visit_date).where(Visit.id.in_(visit_ids))
    return {visit_id: day for visit_id, day in session.execute(query)}


def _regency() -> tuple[str, str]:
    """Return the regency and province names of the seeded region list."""
    seed = json.loads(resource_path("seed", "kecamatan.json").read_text(encoding="utf-8"))
    regency = seed.get("regency", {})
    return str(regency.get("name", "")), str(regency.get("province", ""))


def _export_sheet(
    path: Path,
    title: str,
    columns: Sequence[Column],
    pages: Iterable[Sequence[_Item]],
    values: Callable[[Sequence[_Item]], Iterable[Sequence[Any]]],
    *,
    total: int,
    progress: ProgressCallback | None,
    should_stop: StopCheck | None,
) -> int:
    """Write a one-sheet file of the rows ``values`` makes of ``pages``; return rows written."""
    with _output(path) as (writer, _is_xlsx):
        sheet = writer.sheet(title, columns)
        return _write_pages(
            sheet, pages, values, total=total, progress=progress, should_stop=should_stop
        )


def _write_pages(
    sheet: _SheetWriter,
    pages: Iterable[Sequence[_Item]],
    values: Callable[[Sequence[_Item]], Iterable[Sequence[Any]]],
    *,
    total: int,
    progress: ProgressCallback | None,
    should_stop: StopCheck | None,
) -> int:
    """Write the rows ``values`` makes of each page, then report progress; return rows written.

    Progress counts source items (``total`` of them), not rows: a visit may give no check row.
    """
    done = 0
    rows = 0
    for page in pages:
        for row in values(page):
            sheet.row(row)
            rows += 1
        done = _step(done + len(page), total, progress, should_stop)
    return rows


def _step(
    done: int, total: int, progress: ProgressCallback | None, should_stop: StopCheck | None
) -> int:
    if progress is not None:
        progress(min(done, total), total)
    _stop_if_asked(should_stop)
    return done


def _stop_if_asked(should_stop: StopCheck | None) -> None:
    if should_stop is not None and should_stop():
        raise ExportCancelled(MSG_EXPORT_CANCELLED)


def _text(value: Any) -> str:
    if value is None:
        return ""
    return str(getattr(value, "value", value))


@contextlib.contextmanager
def _output(path: Path) -> Iterator[tuple[_TableWriter, bool]]:
    """Yield a writer for ``path`` that writes beside it and renames only on success."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise UserError(MSG_EXPORT_TYPE, path=str(path))
    ensure_parent(path)
    with atomic_output(path) as tmp:
        writer: _TableWriter | None = _XlsxWriter(tmp) if suffix == ".xlsx" else _CsvWriter(tmp)
        try:
            yield writer, suffix == ".xlsx"
            writer.close()
            writer = None
        finally:
            if writer is not None:
                with contextlib.suppress(Exception):
                    writer.close()


class _XlsxWriter:
    """Streams rows into an xlsxwriter constant-memory workbook; header styled, first row frozen.

    Constant-memory mode keeps one row per sheet in memory, so each sheet must be written top
    to bottom; several sheets may be filled side by side.
    """

    def __init__(self, path: Path) -> None:
        import xlsxwriter  # only exports need it

        self._book = xlsxwriter.Workbook(
            str(path),
            {
                "constant_memory": True,
                # cells are typed by their Python value only: text that looks like a formula,
                # a number or a link stays text
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        self._header = self._book.add_format(
            {"bold": True, "bg_color": "#" + HEADER_FILL, "text_wrap": True, "valign": "vcenter"}
        )
        self._date = self._book.add_format({"num_format": DATE_FORMAT})
        self._closed = False

    def sheet(self, title: str, columns: Sequence[Column]) -> _SheetWriter:
        sheet = self._book.add_worksheet(title)
        sheet.freeze_panes(1, 0)
        for index, column in enumerate(columns):
            sheet.set_column(index, index, column.width)
        sheet.write_row(0, 0, [column.header for column in columns], self._header)
        return _XlsxSheet(sheet, len(columns), self._date)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._book.close()


class _XlsxSheet:
    """One sheet of an xlsx export; rows go below the header in the order they are given."""

    def __init__(self, sheet: Any, width: int, date_format: Any) -> None:
        self._sheet = sheet
        self._width = width
        self._date = date_format
        self._next_row = 1

    def row(self, values: Sequence[Any]) -> None:
        if len(values) != self._width:
            raise ValueError(f"{len(values)} values for {self._width} columns")
        sheet, row = self._sheet, self._next_row
        for column, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, datetime):
                value = value.date()
            if isinstance(value, date):
                sheet.write_datetime(row, column, value, self._date)
            elif isinstance(value, bool):
                sheet.write_boolean(row, column, value)
            elif isinstance(value, int | float):
                sheet.write_number(row, column, value)
            else:
                sheet.write_string(row, column, str(value))
        self._next_row += 1


class _CsvWriter:
    """Writes rows as UTF-8-with-BOM CSV; several sheets simply follow each other."""

    def __init__(self, path: Path) -> None:
        self._handle = open(path, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
        self._writer = csv.writer(self._handle, delimiter=CSV_DELIMITER)

    def sheet(self, title: str, columns: Sequence[Column]) -> _SheetWriter:
        self._writer.writerow([c.header for c in columns])
        return self

    def row(self, values: Sequence[Any]) -> None:
        self._writer.writerow([_csv_text(value) for value in values])

    def close(self) -> None:
        if not self._handle.closed:
            self._handle.close()


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text
