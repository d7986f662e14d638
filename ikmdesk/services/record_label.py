"""Human words for synced records, their fields and stored values (conflict lists, sync notes).

A conflict is stored by table, row id and column ("enterprise 45accce6 / phone"); a person wants
"IKM Keripik Pisang Selangkau · Telepon". This module names every synced table and column in
Indonesian and English (``ENTITY_NAMES``, ``FIELD_NAMES``; a test checks that every synced
column has its name), names a record by what people call it (an IKM by its name, a visit by its
IKM and date), and writes a stored value as the forms show it: dates as dd-mm-yyyy, choices by
their label, linked records by their name, nothing by its id. Like ``status_label`` it knows no
Qt: each word is kept with its English form and the caller says which language it shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from ikmdesk.models import SYNCED_MODELS
from ikmdesk.services.status_label import visit_status_label

Pair = tuple[str, str]
TEXT_LIMIT = 80

ENTITY_NAMES: dict[str, Pair] = {
    "device": ("Perangkat", "Device"),
    "region": ("Wilayah", "Region"),
    "cluster": ("Klaster", "Cluster"),
    "checklist_template": ("Daftar periksa", "Checklist"),
    "enterprise": ("IKM", "IKM"),
    "product": ("Produk", "Product"),
    "visit": ("Kunjungan", "Visit"),
    "quality_check": ("Pemeriksaan mutu", "Quality check"),
    "quality_answer": ("Jawaban pemeriksaan", "Check answer"),
    "follow_up": ("Tindak lanjut", "Follow-up"),
    "attachment": ("Lampiran", "Attachment"),
    "approval_snapshot": ("Persetujuan", "Approval"),
    "report_number": ("Nomor laporan", "Report number"),
    "partner": ("Mitra", "Partner"),
    "programme": ("Program", "Programme"),
    "programme_enrollment": ("Peserta program", "Programme member"),
    "diagnosis_template": ("Templat diagnosis", "Diagnosis template"),
    "diagnosis": ("Diagnosis usaha", "Business diagnosis"),
    "plan_target": ("Sasaran pendampingan", "Mentoring target"),
    "logbook_entry": ("Buku catatan pendampingan", "Mentoring logbook"),
    "guidance_sheet": ("Lembar panduan", "Guidance sheet"),
    "training_record": ("Riwayat pelatihan", "Training record"),
}

FIELD_NAMES: dict[str, Pair] = {
    "deleted": ("Dihapus", "Deleted"),
    "role": ("Peran", "Role"),
    "officer_name": ("Nama petugas", "Officer name"),
    "nip": ("NIP", "NIP"),
    "signing_public_key": ("Kunci tanda tangan", "Signing key"),
    "encryption_public_key": ("Kunci enkripsi", "Encryption key"),
    "level": ("Tingkat", "Level"),
    "code": ("Kode", "Code"),
    "name": ("Nama", "Name"),
    "parent_id": ("Kecamatan", "Kecamatan"),
    "name_id": ("Nama (Indonesia)", "Name (Indonesian)"),
    "name_en": ("Nama (Inggris)", "Name (English)"),
    "version": ("Versi", "Version"),
    "title_id": ("Judul (Indonesia)", "Title (Indonesian)"),
    "title_en": ("Judul (Inggris)", "Title (English)"),
    "source": ("Sumber", "Source"),
    "definition": ("Isi templat", "Template content"),
    "owner_name": ("Nama pemilik", "Owner's name"),
    "nik": ("NIK", "NIK"),
    "phone": ("Telepon", "Phone"),
    "address": ("Alamat", "Address"),
    "kecamatan_id": ("Kecamatan", "Kecamatan"),
    "desa_id": ("Desa", "Desa"),
    "latitude": ("Lintang", "Latitude"),
    "longitude": ("Bujur", "Longitude"),
    "cluster_id": ("Klaster", "Cluster"),
    "status": ("Status", "Status"),
    "scale": ("Skala usaha", "Business scale"),
    "nib": ("NIB", "NIB"),
    "kbli": ("KBLI", "KBLI"),
    "workers": ("Tenaga kerja", "Workers"),
    "production_capacity": ("Kapasitas produksi", "Production capacity"),
    "halal_status": ("Status halal", "Halal status"),
    "halal_route": ("Jalur halal", "Halal route"),
    "halal_cert_no": ("Nomor sertifikat halal", "Halal certificate number"),
    "halal_issued_on": ("Tanggal terbit halal", "Halal issue date"),
    "halal_expires_on": ("Halal berlaku s.d.", "Halal valid until"),
    "pkp_cert_no": ("Nomor sertifikat PKP", "PKP certificate number"),
    "pkp_cert_date": ("Tanggal sertifikat PKP", "PKP certificate date"),
    "notes": ("Catatan", "Notes"),
    "enterprise_id": ("IKM", "IKM"),
    "category": ("Kategori", "Category"),
    "packaging": ("Kemasan", "Packaging"),
    "net_content": ("Isi bersih", "Net content"),
    "ingredients": ("Komposisi", "Ingredients"),
    "pirt_number": ("Nomor P-IRT", "P-IRT number"),
    "shelf_life_days": ("Umur simpan (hari)", "Shelf life (days)"),
    "label_notes": ("Catatan label", "Label notes"),
    "visit_date": ("Tanggal kunjungan", "Visit date"),
    "officer_id": ("Petugas", "Officer"),
    "companions": ("Pendamping lain", "Companions"),
    "purpose": ("Tujuan", "Purpose"),
    "activities": ("Kegiatan", "Activities"),
    "findings": ("Temuan", "Findings"),
    "recommendations": ("Saran", "Recommendations"),
    "revision": ("Revisi", "Revision"),
    "submitted_at": ("Diajukan", "Submitted"),
    "reviewed_at": ("Ditinjau", "Reviewed"),
    "reviewer_id": ("Peninjau", "Reviewer"),
    "review_comment": ("Catatan peninjau", "Reviewer's note"),
    "visit_id": ("Kunjungan", "Visit"),
    "product_id": ("Produk", "Product"),
    "template_id": ("Templat", "Template"),
    "checked_on": ("Tanggal periksa", "Checked on"),
    "result_status": ("Kelengkapan hasil", "Result completeness"),
    "result_code": ("Hasil", "Result"),
    "result_label_id": ("Hasil (Indonesia)", "Result (Indonesian)"),
    "result_label_en": ("Hasil (Inggris)", "Result (English)"),
    "score": ("Nilai", "Score"),
    "result": ("Rincian hasil", "Result details"),
    "check_id": ("Pemeriksaan", "Check"),
    "item_id": ("Butir", "Item"),
    "value": ("Jawaban", "Answer"),
    "note": ("Catatan", "Note"),
    "problem": ("Masalah", "Problem"),
    "location": ("Lokasi", "Location"),
    "evidence": ("Bukti", "Evidence"),
    "reference": ("Acuan", "Reference"),
    "corrective_action": ("Tindakan perbaikan", "Corrective action"),
    "due_date": ("Tenggat", "Due date"),
    "answer_id": ("Jawaban pemeriksaan", "Check answer"),
    "action": ("Tindakan", "Action"),
    "owner": ("Penanggung jawab", "Responsible person"),
    "done_on": ("Selesai pada", "Done on"),
    "done_note": ("Catatan selesai", "Completion note"),
    "sha256": ("Sidik berkas", "File fingerprint"),
    "mime_type": ("Jenis berkas", "File type"),
    "size_bytes": ("Ukuran", "Size"),
    "original_name": ("Nama berkas", "File name"),
    "caption": ("Keterangan", "Caption"),
    "taken_at": ("Waktu diambil", "Taken at"),
    "approved_at": ("Disetujui", "Approved"),
    "approver_id": ("Penyetuju", "Approver"),
    "report_number": ("Nomor laporan", "Report number"),
    "digest": ("Sidik isi", "Content fingerprint"),
    "content": ("Isi", "Content"),
    "year": ("Tahun", "Year"),
    "seq": ("Nomor urut", "Sequence number"),
    "number": ("Nomor", "Number"),
    "issued_at": ("Diberikan", "Issued"),
    "issued_by": ("Diberikan oleh", "Issued by"),
    "kind": ("Jenis", "Kind"),
    "contact_person": ("Narahubung", "Contact person"),
    "sentra": ("Sentra", "Sentra"),
    "starts_on": ("Mulai", "Starts"),
    "ends_on": ("Selesai", "Ends"),
    "visit_interval_days": ("Jarak kunjungan (hari)", "Visit interval (days)"),
    "min_hours_per_visit": ("Jam per kunjungan", "Hours per visit"),
    "officer_ids": ("Petugas", "Officers"),
    "partner_ids": ("Mitra", "Partners"),
    "goal": ("Tujuan", "Goal"),
    "closed_on": ("Ditutup", "Closed"),
    "evaluation": ("Evaluasi", "Evaluation"),
    "programme_id": ("Program", "Programme"),
    "enrolled_on": ("Terdaftar", "Enrolled"),
    "stage": ("Tahap", "Stage"),
    "diagnosed_on": ("Tanggal diagnosis", "Diagnosed on"),
    "answers": ("Jawaban", "Answers"),
    "target_code": ("Sasaran", "Target"),
    "indicator": ("Indikator", "Indicator"),
    "due_on": ("Tenggat", "Due"),
    "topics": ("Materi", "Topics"),
    "method": ("Metode", "Method"),
    "hours": ("Jam", "Hours"),
    "workers_reached": ("Pekerja ikut", "Workers reached"),
    "partner_id": ("Mitra", "Partner"),
    "topic_code": ("Topik", "Topic"),
    "checklist_code": ("Daftar periksa", "Checklist"),
    "title": ("Judul", "Title"),
    "body": ("Isi", "Text"),
    "starter": ("Teks awal", "Starter text"),
    "theme": ("Tema", "Theme"),
    "organiser": ("Penyelenggara", "Organiser"),
}

_CHOICES: dict[str, dict[str, Pair]] = {
    "role": {"officer": ("petugas", "officer"), "supervisor": ("kepala seksi", "supervisor")},
    "level": {"kecamatan": ("kecamatan", "kecamatan"), "desa": ("desa", "desa")},
    "scale": {
        "mikro": ("Mikro", "Micro"),
        "kecil": ("Kecil", "Small"),
        "menengah": ("Menengah", "Medium"),
    },
    "halal_status": {
        "none": ("Belum ada", "None"),
        "in_process": ("Sedang diproses", "In process"),
        "certified": ("Bersertifikat", "Certified"),
    },
    "halal_route": {
        "self_declare": ("Pernyataan mandiri", "Self-declaration"),
        "reguler": ("Reguler", "Regular"),
    },
    "purpose": {
        "mentoring": ("Pendampingan", "Mentoring"),
        "monitoring": ("Monitoring", "Monitoring"),
        "follow_up": ("Tindak lanjut", "Follow-up"),
        "certification_support": ("Dukungan sertifikasi", "Certification support"),
    },
    "result_status": {
        "complete": ("Lengkap", "Complete"),
        "incomplete": ("Belum lengkap", "Incomplete"),
    },
    "value": {
        "yes": ("Ya", "Yes"),
        "no": ("Tidak", "No"),
        "na": ("Tidak berlaku", "Not applicable"),
    },
}
_ENTERPRISE_STATUS: dict[str, Pair] = {
    "active": ("Aktif", "Active"),
    "inactive": ("Tidak aktif", "Inactive"),
    "closed": ("Tutup", "Closed"),
}
_WORDS: dict[str, Pair] = {
    "empty": ("(kosong)", "(empty)"),
    "yes": ("Ya", "Yes"),
    "no": ("Tidak", "No"),
    "structured": ("(data terstruktur)", "(structured data)"),
    "unknown_record": ("(data tidak ditemukan)", "(record not found)"),
}
# Columns that link to another synced table; their values are shown by that record's name.
_LINKS: dict[str, str] = {
    "parent_id": "region",
    "kecamatan_id": "region",
    "desa_id": "region",
    "cluster_id": "cluster",
    "enterprise_id": "enterprise",
    "product_id": "product",
    "visit_id": "visit",
    "officer_id": "device",
    "reviewer_id": "device",
    "approver_id": "device",
    "issued_by": "device",
    "template_id": "checklist_template",
    "check_id": "quality_check",
    "answer_id": "quality_answer",
    "programme_id": "programme",
    "partner_id": "partner",
    "officer_ids": "device",
    "partner_ids": "partner",
}
_MODELS: Mapping[str, Any] = {m.__table__.name: m for m in SYNCED_MODELS}  # type: ignore[attr-defined]


def _pick(pair: Pair, lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def entity_name(entity: str, lang: str = "id") -> str:
    """Return what a synced table holds, in words ("IKM", "Kunjungan")."""
    pair = ENTITY_NAMES.get(entity)
    return _pick(pair, lang) if pair else _pick(("Data", "Record"), lang)


def field_name(field: str, lang: str = "id", *, entity: str = "") -> str:
    """Return the label of a synced column as the forms call it ("Telepon")."""
    if entity == "region" and field == "parent_id":
        return _pick(("Kecamatan", "Kecamatan"), lang)
    pair = FIELD_NAMES.get(field)
    return _pick(pair, lang) if pair else _pick(("Isian lain", "Other field"), lang)


def record_name(session: Session, entity: str, row_id: str, lang: str = "id") -> str:
    """Return what people call one record: "IKM Keripik Pisang Selangkau", never its id."""
    what = entity_name(entity, lang)
    title = _title(session, entity, row_id, lang)
    return what if title is None else f"{what} {title}"


def value_text(session: Session, entity: str, field: str, value: Any, lang: str = "id") -> str:
    """Return a stored (op) value as a form shows it: labels, names, dd-mm-yyyy dates."""
    if value is None or value == "" or value == []:
        return _pick(_WORDS["empty"], lang)
    if isinstance(value, bool):
        return _pick(_WORDS["yes" if value else "no"], lang)
    if field in _LINKS:
        target = _LINKS[field]
        ids = value if isinstance(value, list) else [value]
        names = [_title(session, target, str(i), lang) for i in ids]
        return ", ".join(n or _pick(_WORDS["unknown_record"], lang) for n in names)
    if isinstance(value, dict | list):
        return _pick(_WORDS["structured"], lang)
    text = str(value)
    if field == "status":
        if entity == "visit":
            return visit_status_label(text, lang)
        if entity == "enterprise" and text in _ENTERPRISE_STATUS:
            return _pick(_ENTERPRISE_STATUS[text], lang)
    choice = _CHOICES.get(field, {}).get(text)
    if choice is not None:
        return _pick(choice, lang)
    moment = _moment(text)
    if moment is not None:
        return moment
    if isinstance(value, float):
        return (
            f"{value:.6f}".rstrip("0").rstrip(".")
            if field in ("latitude", "longitude")
            else (f"{value:.2f}".rstrip("0").rstrip("."))
        )
    text = " ".join(text.split())
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1] + "…"


def _moment(text: str) -> str | None:
    """Return an ISO date or time as dd-mm-yyyy (HH:MM), or None if ``text`` is neither."""
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return date.fromisoformat(text).strftime("%d-%m-%Y")
        except ValueError:
            return None
    if len(text) >= 16 and text[4] == "-" and text[10] in "T ":
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return None
        if moment.tzinfo is not None:
            moment = moment.astimezone()
        return moment.strftime("%d-%m-%Y %H:%M")
    return None


def _title(session: Session, entity: str, row_id: str, lang: str) -> str | None:
    """Return the name of a record (None when it is not held here)."""
    model = _MODELS.get(entity)
    record = None if model is None else session.get(model, row_id)
    if record is None:
        return None
    if entity == "device":
        return record.officer_name
    if entity == "cluster":
        return record.name_en if lang == "en" else record.name_id
    if entity in ("checklist_template", "diagnosis_template"):
        return record.title_en if lang == "en" else record.title_id
    if entity == "visit":
        ikm = _title(session, "enterprise", record.enterprise_id, lang) or ""
        return f"{ikm} · {record.visit_date.strftime('%d-%m-%Y')}".strip(" ·")
    if entity == "quality_check":
        return record.checked_on.strftime("%d-%m-%Y") if record.checked_on else None
    if entity == "follow_up":
        return _short(record.action)
    if entity in ("programme_enrollment", "plan_target", "diagnosis", "training_record"):
        return _title(session, "enterprise", record.enterprise_id, lang)
    if entity == "logbook_entry":
        return _title(session, "visit", record.visit_id, lang)
    if entity == "report_number":
        return record.number
    for column in ("name", "title", "original_name", "caption"):
        text = getattr(record, column, None)
        if text:
            return _short(str(text))
    return None


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 48 else text[:47] + "…"
