"""Quality checks for demo visits: the shipped templates run on realistic, improving answers.

Each IKM gets a hygiene level of its own, clusters differ a little, and findings grow rarer over
the 18 months of demo history, so trends, reports and the dashboard have something true to show.
Results are scored by the real engine and stored the way `quality_check` stores them.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ikmdesk.models import stable_id
from ikmdesk.models.enums import VisitPurpose
from ikmdesk.services.checklist_template import (
    ChecklistItem,
    ChecklistTemplate,
)
from ikmdesk.services.quality_check import answer_id, result_columns, template_record_id
from ikmdesk.services.quality_scoring import AnswerValue, score

# How often a problem of each class is found at an average IKM at the start of the history.
_FINDING_RATE = {"MI": 0.3, "MA": 0.12, "SE": 0.07, "KR": 0.012}
_CLUSTER_FACTOR = {"pisang": 0.9, "kakao": 1.15, "pangan_olahan": 1.05}
_CHECK_CHANCE = {
    VisitPurpose.MONITORING: 0.8,
    VisitPurpose.CERTIFICATION_SUPPORT: 0.9,
    VisitPurpose.MENTORING: 0.45,
    VisitPurpose.FOLLOW_UP: 0.35,
}
# Label items that apply only to some products (pork-derived or GMO origin, special warnings).
_OFTEN_NOT_APPLICABLE = frozenset({"asal_bahan", "peringatan"})
_LOCATIONS = ("ruang produksi", "ruang pengemasan", "gudang bahan", "area pencucian", "dapur")
# One corrective action per CPPB-IRT item, so a finding's action answers that item's problem.
CPPB_ACTIONS = {
    "1": "Bersihkan halaman dan saluran di sekitar rumah produksi setiap minggu",
    "2": "Pisahkan ruang produksi dari kegiatan lain dan kosongkan barang bukan pangan",
    "3": "Perbaiki dan bersihkan lantai, dinding dan langit-langit ruang produksi",
    "4": "Bersihkan ventilasi, pintu dan jendela; pasang kasa pada ventilasi",
    "5": "Ganti permukaan kerja yang berkarat dengan bahan tahan karat (stainless/food grade)",
    "6": "Bersihkan peralatan setelah dipakai dan buat jadwal perawatan peralatan",
    "7": "Sediakan timbangan yang teliti untuk berat bersih dan periksa ketelitiannya",
    "8": "Sediakan tandon air bersih yang cukup untuk seluruh kebutuhan produksi",
    "9": "Gunakan air PDAM atau air yang diolah/direbus; periksakan mutu air ke laboratorium",
    "10": "Sediakan bak cuci terpisah untuk bahan, peralatan dan kain lap",
    "11": "Pasang wastafel cuci tangan dengan sabun dan lap/tisu di pintu ruang produksi",
    "12": "Bersihkan toilet dan pastikan pintunya tidak membuka ke ruang produksi",
    "13": "Sediakan tempat sampah bertutup di ruang produksi",
    "14": "Minta karyawan yang sakit tidak bekerja di produksi; periksa kebersihan badan harian",
    "15": "Sediakan celemek dan penutup kepala; karyawan melepas perhiasan sebelum bekerja",
    "16": "Pasang petunjuk cuci tangan dan awasi cuci tangan sebelum mengolah pangan",
    "17": "Larang makan dan minum di ruang produksi; sediakan tempat istirahat terpisah",
    "18": "Tunjuk penanggung jawab higiene karyawan dan catat pemeriksaannya",
    "19": "Simpan bahan kimia pencuci dalam wadah berlabel, terpisah dari bahan pangan",
    "20": "Buat dan jalankan jadwal sanitasi tertulis, catat setiap pelaksanaannya",
    "21": "Jauhkan hewan peliharaan dari ruang produksi dan pasang pintu tertutup",
    "22": "Buang sampah produksi setiap hari ke tempat pembuangan di luar ruang produksi",
    "23": "Pisahkan penyimpanan bahan, kemasan dan produk akhir; gunakan rak, jauh dari lantai",
    "24": "Simpan peralatan bersih di rak atau lemari tertutup yang bersih",
    "25": "Catat bahan baku yang diterima; tolak bahan rusak dan gunakan BTP sesuai takaran",
    "26": "Tulis bagan alir produksi dan tempel di ruang produksi",
    "27": "Ganti kemasan dengan kemasan berlogo food grade",
    "28": "Beri label nama dan takaran pada setiap wadah BTP",
    "29": "Sediakan timbangan kecil yang teliti untuk menimbang BTP",
    "30": "Lengkapi label: nama produk, bahan, berat bersih, alamat, kedaluwarsa, kode, P-IRT",
    "31": "Hapus klaim kesehatan atau gizi dari label",
    "32": "Daftarkan penanggung jawab mengikuti Penyuluhan Keamanan Pangan (PKP)",
    "33": "Lakukan pemeriksaan internal bulanan dan catat tindakan koreksinya",
    "34": "Buat prosedur penarikan produk dan catat produk yang ditarik",
    "35": "Buat dokumen produksi: bahan masuk, jumlah produksi dan kode produksi",
    "36": "Perbarui dokumen produksi dan simpan selama dua kali umur simpan produk",
    "37": "Buat program pelatihan keamanan pangan untuk karyawan dan catat kehadirannya",
}


@dataclass(slots=True)
class DemoCheckRows:
    """Rows of the checks on one visit: checks, their answers, and follow-ups of findings."""

    checks: list[dict[str, Any]] = field(default_factory=list)
    answers: list[dict[str, Any]] = field(default_factory=list)
    follow_ups: list[dict[str, Any]] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    """Sentences for the visit's written findings, saying what the checks found."""
    advice: list[str] = field(default_factory=list)
    """Recommendations that answer those findings, item by item."""


@dataclass(frozen=True, slots=True)
class DemoVisit:
    """What the check generator needs to know about one visit and its IKM."""

    row: dict[str, Any]
    cluster: str
    product: dict[str, Any]
    category: str
    skill: float
    progress: float
    today: date


def checks_for_visit(
    visit: DemoVisit,
    templates: dict[str, ChecklistTemplate],
    rng: random.Random,
    check_id: Callable[[int], str],
) -> DemoCheckRows:
    """Return the checks an officer would run on this visit (often none)."""
    rows = DemoCheckRows()
    if rng.random() > _CHECK_CHANCE[VisitPurpose(visit.row["purpose"])]:
        return rows
    for n, code in enumerate(_template_codes(visit, rng)):
        _add_check(rows, visit, templates[code], rng, check_id(n))
    return rows


def _template_codes(visit: DemoVisit, rng: random.Random) -> list[str]:
    if visit.category == "Biji kakao":
        return ["kakao-sni-2323"]
    codes = ["cppb-irt"] if rng.random() < 0.6 else []
    if visit.category == "Keripik buah":
        codes.append("keripik-pisang")
    elif visit.product.get("pirt_number") and (not codes or rng.random() < 0.3):
        codes.append("label-irt")
    return codes or ["cppb-irt"]


def _add_check(
    rows: DemoCheckRows,
    visit: DemoVisit,
    template: ChecklistTemplate,
    rng: random.Random,
    check_id: str,
) -> None:
    day: date = visit.row["visit_date"]
    answers = _answers(template, visit, rng)
    result = score(template, {k: v["value"] for k, v in answers.items()}, today=day)
    stamps = {
        "created_at": visit.row["created_at"],
        "updated_at": visit.row["updated_at"],
        "deleted": False,
    }
    rows.checks.append(
        {
            "id": check_id,
            "visit_id": visit.row["id"],
            "product_id": visit.product["id"],
            "template_id": template_record_id(template.id, template.version),
            "checked_on": day,
            "notes": None,
            **result_columns(result),
            **stamps,
        }
    )
    for item_id, fields in answers.items():
        answer = answer_id(check_id, item_id)
        rows.answers.append({"id": answer, "check_id": check_id, "item_id": item_id, **fields})
        rows.answers[-1].update(stamps)
        if fields.get("corrective_action"):
            rows.follow_ups.append(_finding_follow_up(visit, answer, fields, rng, stamps))
    _write_up(rows, template, result, answers)


def _write_up(
    rows: DemoCheckRows,
    template: ChecklistTemplate,
    result: Any,
    answers: dict[str, dict[str, Any]],
) -> None:
    """Add the sentences an officer writes about one check: its result, then each problem."""
    rows.findings.append(f"{template.title.id}: {result.label.id}.")
    written = set()
    for item_id, fields in answers.items():
        if fields.get("problem"):
            written.add(item_id)
            rows.findings.append(f"{fields['problem']} ({fields['location']}).")
            if fields.get("corrective_action"):
                rows.advice.append(f"{fields['corrective_action']}.")
    for failed in result.failed_items:
        if failed.item_id not in written:
            rows.findings.append(f"Tidak sesuai: {failed.text.id}.")
    rows.advice += [f"{a.text.id}" for a in result.actions if a.text.id not in rows.advice]


def _answers(
    template: ChecklistTemplate, visit: DemoVisit, rng: random.Random
) -> dict[str, dict[str, Any]]:
    if template.id == "kakao-sni-2323":
        return {k: {"value": v} for k, v in _cocoa_sample(visit, rng).items()}
    answers: dict[str, dict[str, Any]] = {}
    for item in template.items():
        value = _item_value(item, visit, rng)
        if value is None:
            continue
        answers[item.id] = {"value": value}
        if item.nc_class is not None and value == "yes":
            answers[item.id].update(_plor(item, visit, rng))
    return answers


def _problem_chance(visit: DemoVisit, nc_class: str | None) -> float:
    base = _FINDING_RATE.get(nc_class or "", 0.06)
    # Mentoring works: an IKM visited late in the history shows about half the problems.
    return (
        base
        * _CLUSTER_FACTOR.get(visit.cluster, 1.0)
        * (1.6 - visit.skill)
        * (1.0 - 0.5 * visit.progress)
    )


def _item_value(item: ChecklistItem, visit: DemoVisit, rng: random.Random) -> AnswerValue:
    if item.answer == "yes_no_na":
        problem = rng.random() < _problem_chance(visit, item.nc_class)
        if item.nc_class is not None:  # worded as a non-conformity: "yes" means found
            return "yes" if problem else "no"
        if item.id in _OFTEN_NOT_APPLICABLE and rng.random() < 0.6:
            return "na"
        return "no" if problem else "yes"
    if item.answer == "choice":
        good, *worse = [o.value for o in item.options]
        return rng.choice(worse) if worse and rng.random() < _problem_chance(visit, None) else good
    if item.answer == "number" and item.required:
        low = item.min if item.min is not None else 0.0
        high = item.max if item.max is not None else low + 10
        return round(rng.uniform(low, min(high, low + 10)), 1)
    if item.id == "nomor_pirt" and visit.product.get("pirt_number"):
        return str(visit.product["pirt_number"])
    return None


def _plor(item: ChecklistItem, visit: DemoVisit, rng: random.Random) -> dict[str, Any]:
    location = rng.choice(_LOCATIONS)
    fields: dict[str, Any] = {
        "problem": item.text.id,
        "location": location,
        "evidence": f"Terlihat langsung di {location} saat pemeriksaan dan dikonfirmasi pemilik.",
        "reference": f"Perka BPOM HK.03.1.23.04.12.2207/2012, formulir pemeriksaan butir {item.id}",
    }
    if item.nc_class in {"KR", "SE"}:
        fields["corrective_action"] = CPPB_ACTIONS.get(item.id, f"Perbaiki: {item.text.id}")
        fields["due_date"] = visit.row["visit_date"] + timedelta(days=rng.choice([14, 30, 60]))
    return fields


def _finding_follow_up(
    visit: DemoVisit,
    answer_id: str,
    fields: dict[str, Any],
    rng: random.Random,
    stamps: dict[str, Any],
) -> dict[str, Any]:
    due: date = fields["due_date"]
    done_on = None
    if due < visit.today and rng.random() < closing_chance(due, visit.today):
        done_on = min(due - timedelta(days=rng.randint(0, 10)), visit.today - timedelta(days=1))
    return {
        "id": stable_id("follow_up", answer_id),
        "visit_id": visit.row["id"],
        "enterprise_id": visit.row["enterprise_id"],
        "answer_id": answer_id,
        "action": fields["corrective_action"],
        "owner": "Pemilik IKM",
        "due_date": due,
        "done_on": done_on,
        "done_note": "Sudah diperbaiki, dicek pada kunjungan berikut." if done_on else None,
        **stamps,
    }


def closing_chance(due: date, today: date) -> float:
    """Return how likely a follow-up due on ``due`` is done by ``today``: old ones mostly are."""
    return 0.95 if (today - due).days > 60 else 0.7


def _cocoa_sample(visit: DemoVisit, rng: random.Random) -> dict[str, AnswerValue]:
    """Return a cut-test sample: mostly bulk beans, drier and cleaner as fermentation improves."""
    care = 1.25 - 0.45 * visit.progress - 0.3 * (visit.skill - 0.5)

    def percent(mean: float, spread: float) -> float:
        return round(max(0.0, rng.gauss(mean * care, spread)), 1)

    return {
        "jenis": "F" if rng.random() < 0.15 else "B",
        "jumlah_biji": max(60, round(rng.gauss(98, 12))),
        "serangga_hidup": "yes" if rng.random() < 0.03 * care else "no",
        "kadar_air": round(max(5.0, rng.gauss(7.0 * care**0.3, 0.45)), 1),
        "bau_asing": "yes" if rng.random() < 0.06 * care else "no",
        "benda_asing": "yes" if rng.random() < 0.05 * care else "no",
        "biji_pecah": percent(1.2, 0.5),
        "berjamur": percent(2.2, 1.2),
        "slaty": percent(5.0, 3.5),
        "berserangga": percent(1.0, 0.6),
        "kotoran": percent(1.2, 0.5),
        "berkecambah": percent(1.3, 0.7),
    }
