"""The report strings in Indonesian and English, and dates written the way each language does.

Reports are documents, not widgets: they are built headless (CLI, batch export) where no Qt
translator exists, so their few strings live here instead of in the Qt .ts files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime as DateTime

from ikmdesk.services.status_label import VISIT_STATUS_NAMES

LANGS: tuple[str, ...] = ("id", "en")

_MONTHS = {
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}

STRINGS: dict[str, tuple[str, str]] = {
    # page decorations
    "page_x_of_y": ("Halaman {page} dari {total}", "Page {page} of {total}"),
    "generated": ("Dicetak {when} · IKMDesk {version}", "Printed {when} · IKMDesk {version}"),
    "record": ("ID {record} · #{digest}", "ID {record} · #{digest}"),
    "draft_mark": ("DRAF", "DRAFT"),
    "phone": ("Telp.", "Phone"),
    "email": ("Surel", "Email"),
    # visit report
    "visit_title": ("LAPORAN KUNJUNGAN PENDAMPINGAN IKM", "IKM MENTORING VISIT REPORT"),
    "number": ("Nomor", "Number"),
    "no_number": ("DRAF — belum bernomor", "DRAFT — not numbered"),
    "status": ("Status laporan", "Report status"),
    "revision": ("revisi ke-{n}", "revision {n}"),
    "section_profile": ("A. Profil IKM", "A. Enterprise profile"),
    "section_visit": ("B. Pelaksanaan Kunjungan", "B. The visit"),
    "section_activities": ("C. Kegiatan", "C. Activities"),
    "section_findings": ("D. Temuan", "D. Findings"),
    "section_recommendations": ("E. Saran dan Rekomendasi", "E. Recommendations"),
    "section_checks": ("F. Pemeriksaan Mutu", "F. Quality checks"),
    "section_photos": ("G. Dokumentasi", "G. Photographs"),
    "section_follow_ups": ("H. Rencana Tindak Lanjut", "H. Follow-up actions"),
    "enterprise_name": ("Nama IKM", "Enterprise"),
    "owner": ("Pemilik", "Owner"),
    "address": ("Alamat", "Address"),
    "desa_kecamatan": ("Desa / Kecamatan", "Village / District"),
    "cluster": ("Klaster", "Cluster"),
    "scale": ("Skala usaha", "Business scale"),
    "workers": ("Tenaga kerja", "Workers"),
    "workers_value": ("{n} orang", "{n} people"),
    "capacity": ("Kapasitas produksi", "Production capacity"),
    "nib": ("NIB", "NIB (business ID)"),
    "kbli": ("KBLI", "KBLI (business class)"),
    "not_yet": ("belum ada", "none yet"),
    "halal_cert": ("Sertifikat halal", "Halal certificate"),
    "halal_issued": ("terbit", "issued"),
    "halal_valid": ("berlaku s.d.", "valid until"),
    "halal": ("Status halal", "Halal status"),
    "pkp": ("Sertifikat PKP", "Food safety (PKP) certificate"),
    "products": ("Produk dan P-IRT", "Products and P-IRT"),
    "product": ("Produk", "Product"),
    "pirt_number": ("Nomor P-IRT", "P-IRT number"),
    "pirt_decoded": ("Uraian nomor", "Number decoded"),
    "pirt_expiry": ("Berlaku s.d.", "Valid until"),
    "pirt_decode_text": (
        "kemasan {packaging_code} ({packaging}); jenis pangan {food_type_code} ({food_type}); "
        "kode wilayah {region}; produk ke-{product_no}; IRTP ke-{irtp_no}",
        "packaging {packaging_code} ({packaging}); food type {food_type_code} ({food_type}); "
        "region {region}; product no. {product_no}; IRTP no. {irtp_no}",
    ),
    "pirt_invalid": ("tidak terbaca sebagai 15 angka P-IRT", "does not read as a 15-digit P-IRT"),
    "pirt_expired": ("sudah berakhir", "expired"),
    "pirt_year_end": ("akhir {year}", "end of {year}"),
    "unknown": ("tidak dikenal", "unknown"),
    "visit_date": ("Tanggal kunjungan", "Date of visit"),
    "officer": ("Petugas pendamping", "Mentoring officer"),
    "companions": ("Pendamping lain", "Accompanied by"),
    "purpose": ("Tujuan", "Purpose"),
    "review": ("Catatan atasan", "Supervisor's note"),
    "nothing_recorded": ("Tidak ada yang dicatat.", "Nothing recorded."),
    "no_checks": (
        "Tidak ada pemeriksaan mutu pada kunjungan ini.",
        "No quality check on this visit.",
    ),
    "no_photos": ("Tidak ada foto.", "No photographs."),
    "no_follow_ups": ("Tidak ada tindak lanjut.", "No follow-up actions."),
    "check_heading": ("{n}. {title}", "{n}. {title}"),
    "check_meta": (
        "Produk: {product} · Tanggal: {date} · Templat {code} versi {version}",
        "Product: {product} · Date: {date} · Template {code} version {version}",
    ),
    "col_no": ("No", "No"),
    "col_item": ("Butir pemeriksaan", "Item"),
    "col_answer": ("Jawaban", "Answer"),
    "col_class": ("Kelas", "Class"),
    "col_note": ("Catatan / tindakan perbaikan", "Note / corrective action"),
    "result": ("Hasil", "Result"),
    "score": ("Nilai", "Score"),
    "result_incomplete": ("Belum lengkap", "Incomplete"),
    "nc_counts": ("Jumlah ketidaksesuaian", "Non-conformities found"),
    "nc_MI": ("Minor (MI)", "Minor (MI)"),
    "nc_MA": ("Mayor (MA)", "Major (MA)"),
    "nc_SE": ("Serius (SE)", "Serious (SE)"),
    "nc_KR": ("Kritis (KR)", "Critical (KR)"),
    "level": ("Level IRTP", "IRTP level"),
    "size_class": ("Kelas ukuran", "Size class"),
    "grade": ("Mutu", "Grade"),
    "unverified_note": (
        "Catatan: aturan atau ambang yang menentukan hasil ini belum terverifikasi; "
        "perlu dikonfirmasi.",
        "Note: the rule or threshold that decided this result is not verified; to be confirmed.",
    ),
    "findings_heading": ("Rekaman temuan", "Finding records"),
    "finding_title": ("Temuan {n} (butir {item})", "Finding {n} (item {item})"),
    "finding_problem": ("Masalah", "Problem"),
    "finding_location": ("Lokasi", "Location"),
    "finding_evidence": ("Bukti objektif", "Objective evidence"),
    "finding_reference": ("Rujukan", "Reference"),
    "finding_criterion": ("Kriteria", "Criterion"),
    "finding_action": ("Tindakan koreksi", "Corrective action"),
    "finding_deadline": ("Tenggat", "Deadline"),
    "advice": ("Tindakan yang disarankan", "Recommended actions"),
    "check_notes": ("Catatan pemeriksaan", "Check notes"),
    "photo_missing": ("Foto tidak tersedia", "Photo not available"),
    "photo_unreadable": ("Foto tidak dapat dibaca", "Photo cannot be read"),
    "col_action": ("Tindakan", "Action"),
    "col_owner": ("Penanggung jawab", "Responsible"),
    "col_due": ("Batas waktu", "Due"),
    "col_state": ("Keadaan", "State"),
    "done_on": ("Selesai {date}", "Done {date}"),
    "overdue": ("Terlambat", "Overdue"),
    "open": ("Belum selesai", "Open"),
    "place_date": ("{city}, {date}", "{city}, {date}"),
    "sign_owner": ("Pemilik IKM", "Enterprise owner"),
    "sign_officer": ("Petugas Pendamping", "Mentoring officer"),
    "sign_known": ("Mengetahui,", "Acknowledged by,"),
    "nip": ("NIP. {nip}", "NIP {nip}"),
    "nip_blank": ("NIP. ..............................", "NIP ..............................."),
    "name_blank": ("(..............................)", "(..............................)"),
    # enterprise history
    "history_title": ("RIWAYAT PENDAMPINGAN IKM", "ENTERPRISE MENTORING HISTORY"),
    "as_of": ("Keadaan per {date}", "As of {date}"),
    "section_visits": ("B. Kunjungan", "B. Visits"),
    "section_quality_trend": (
        "C. Hasil Pemeriksaan Mutu dari Waktu ke Waktu",
        "C. Quality results over time",
    ),
    "section_open_follow_ups": ("D. Tindak Lanjut yang Belum Selesai", "D. Open follow-up actions"),
    "no_visits": ("Belum ada kunjungan.", "No visits yet."),
    "no_open_follow_ups": ("Semua tindak lanjut sudah selesai.", "Every follow-up action is done."),
    "col_date": ("Tanggal", "Date"),
    "col_officer": ("Petugas", "Officer"),
    "col_purpose": ("Tujuan", "Purpose"),
    "col_status": ("Status", "Status"),
    "col_template": ("Pemeriksaan", "Check"),
    "col_result": ("Hasil", "Result"),
    "col_score": ("Nilai", "Score"),
    "chart_nc_count": ("Jumlah ketidaksesuaian per tanggal", "Non-conformities by date"),
    "chart_score": ("Nilai pemeriksaan (%) per tanggal", "Check score (%) by date"),
    "chart_no_scores": ("Belum ada nilai untuk digambar.", "No scores to chart yet."),
    "visit_line": (
        "{date} · {purpose} · {officer} · {status}",
        "{date} · {purpose} · {officer} · {status}",
    ),
    "findings": ("Temuan", "Findings"),
    "checks": ("Pemeriksaan mutu", "Quality checks"),
    "recommendations": ("Saran", "Recommendations"),
    # monthly summary
    "summary_title": ("REKAPITULASI BULANAN PENDAMPINGAN IKM", "MONTHLY IKM MENTORING SUMMARY"),
    "summary_period": ("Bulan {month}", "Month: {month}"),
    "summary_scope_cluster": ("Klaster: {cluster}", "Cluster: {cluster}"),
    "summary_scope_kecamatan": ("Kecamatan: {kecamatan}", "District: {kecamatan}"),
    "summary_scope_all": ("Seluruh klaster dan kecamatan", "All clusters and districts"),
    "summary_totals": (
        "{visits} kunjungan ke {enterprises} IKM.",
        "{visits} visits to {enterprises} enterprises.",
    ),
    "summary_status": ("Status laporan: {counts}.", "Report status: {counts}."),
    "summary_drafts_apart": (
        "{n} kunjungan masih draf dan tidak dihitung di atas.",
        "{n} visits still in draft, not counted above.",
    ),
    "section_by_officer": ("A. Kunjungan per Petugas", "A. Visits per officer"),
    "section_by_cluster": ("B. Kunjungan per Klaster", "B. Visits per cluster"),
    "section_by_kecamatan": ("C. Kunjungan per Kecamatan", "C. Visits per district"),
    "section_results": ("D. Sebaran Hasil Pemeriksaan Mutu", "D. Quality results"),
    "section_stale": (
        "E. IKM yang Tidak Dikunjungi Lebih dari {months} Bulan",
        "E. Enterprises not visited for more than {months} months",
    ),
    "section_overdue": ("F. Tindak Lanjut yang Terlambat", "F. Overdue follow-up actions"),
    "col_count": ("Jumlah", "Count"),
    "col_enterprise": ("IKM", "Enterprise"),
    "col_kecamatan": ("Kecamatan", "District"),
    "col_cluster": ("Klaster", "Cluster"),
    "col_last_visit": ("Kunjungan terakhir", "Last visit"),
    "never": ("belum pernah", "never"),
    "col_days_late": ("Terlambat (hari)", "Days late"),
    "none_in_month": ("Tidak ada data pada bulan ini.", "No data this month."),
    "none_stale": ("Semua IKM aktif sudah dikunjungi.", "Every active enterprise was visited."),
    "none_overdue": ("Tidak ada tindak lanjut yang terlambat.", "No overdue follow-up action."),
    "total": ("Jumlah", "Total"),
    # summaries per period
    "summary_title_quarter": (
        "REKAPITULASI TRIWULANAN PENDAMPINGAN IKM",
        "QUARTERLY IKM MENTORING SUMMARY",
    ),
    "summary_title_year": ("REKAPITULASI TAHUNAN PENDAMPINGAN IKM", "YEARLY IKM MENTORING SUMMARY"),
    "summary_period_quarter": (
        "Triwulan {roman} {year} ({first} – {last})",
        "Quarter {roman} {year} ({first} – {last})",
    ),
    "summary_period_year": ("Tahun {year}", "Year {year}"),
    "summary_as_of": (
        "Semua daftar menurut keadaan per {date}.",
        "Every list as it stood on {date}.",
    ),
    "none_in_period": ("Tidak ada data pada periode ini.", "No data in this period."),
    "chart_legend_visits": ("Jumlah kunjungan", "Number of visits"),
    "chart_legend_checks": ("Jumlah pemeriksaan", "Number of checks"),
    "results_basis": ("Dasar penilaian: {source}", "Judged against: {source}"),
    "to_confirm": ("perlu dikonfirmasi", "to be confirmed"),
    "col_basis": ("Dasar penilaian", "Judged against"),
    "sheet_overview": ("Ringkasan", "Overview"),
    "pirt_ends_this_year": ("berakhir akhir tahun ini", "runs out at the end of this year"),
    "col_confirmation": ("Keterangan", "Confirmation"),
    "overdue_total": (
        "{n} tindak lanjut terlambat per {date}, menurut lama keterlambatan:",
        "{n} follow-up actions overdue on {date}, by how late they are:",
    ),
    "col_lateness": ("Terlambat", "Late by"),
    "overdue_oldest": ("{n} yang paling lama terlambat:", "The {n} most overdue:"),
    "overdue_rest_annex": (
        "Daftar lengkap ({n} tindak lanjut) ada di Lampiran.",
        "The full list ({n} actions) is in the annex.",
    ),
    "overdue_rest_no_annex": (
        "{n} lainnya tidak dicantumkan; cetak dengan lampiran untuk daftar lengkap.",
        "{n} more not listed; print with the annex for the full list.",
    ),
    "section_pirt_expired": ("G. Nomor P-IRT yang Sudah Berakhir", "G. Expired P-IRT numbers"),
    "pirt_expired_lead": (
        "Produk IKM aktif yang nomor P-IRT-nya sudah berakhir per {date} (nomor berlaku sampai "
        "akhir tahun yang tertulis pada dua angka terakhirnya).",
        "Products of active enterprises whose P-IRT number had expired on {date} (a number is "
        "valid to the end of the year in its last two digits).",
    ),
    "pirt_expiring_count": (
        "Selain itu {n} nomor P-IRT berakhir pada akhir {year}.",
        "In addition, {n} P-IRT numbers run out at the end of {year}.",
    ),
    "none_pirt_expired": ("Tidak ada nomor P-IRT yang sudah berakhir.", "No expired P-IRT number."),
    "col_product": ("Produk", "Product"),
    "col_pirt": ("Nomor P-IRT", "P-IRT number"),
    "col_valid_until": ("Berlaku s.d.", "Valid until"),
    "section_halal": (
        "H. Kewajiban Sertifikat Halal UMK",
        "H. Halal obligation of micro and small firms",
    ),
    "halal_rule": (
        "Produk pangan usaha mikro dan kecil wajib bersertifikat halal mulai {date} ({source}; "
        "{confirmation}).",
        "Food products of micro and small businesses must be halal-certified from {date} "
        "({source}; {confirmation}).",
    ),
    "confirmed": ("terverifikasi", "verified"),
    "halal_due_count": (
        "Per {date}: {n} IKM mikro/kecil aktif belum bersertifikat halal "
        "({in_process} dalam proses).",
        "On {date}: {n} active micro/small enterprises not halal-certified "
        "({in_process} in process).",
    ),
    "halal_due_annex": (
        "Daftar nama ada di Lampiran.",
        "The names are listed in the annex.",
    ),
    "halal_off": (
        "Tanggal kewajiban halal UMK tidak diisi di pengaturan kantor.",
        "The halal obligation date is not set in the office settings.",
    ),
    "none_halal_due": (
        "Semua IKM mikro/kecil aktif sudah bersertifikat halal.",
        "Every active micro/small enterprise is halal-certified.",
    ),
    "section_stagnation": ("I. Risiko Stagnasi", "I. Stagnation risk"),
    "stagnation_lead": (
        "IKM yang pernah maju (pelatihan, sertifikat, P-IRT, target tercapai) dan per {date} "
        "menunjukkan tanda kemunduran.",
        "Enterprises that had progressed (training, certificates, P-IRT, targets met) and on "
        "{date} show signs of falling back.",
    ),
    "none_stagnation": ("Tidak ada IKM berisiko stagnasi.", "No enterprise at risk of stagnation."),
    "col_reasons": ("Tanda risiko", "Risk signs"),
    "sign_made_by": ("Dibuat oleh,", "Prepared by,"),
    "annex_title": ("LAMPIRAN", "ANNEX"),
    "annex_overdue": (
        "Lampiran 1. Daftar Lengkap Tindak Lanjut yang Terlambat",
        "Annex 1. Full list of overdue follow-up actions",
    ),
    "annex_halal": (
        "Lampiran 2. IKM Mikro/Kecil yang Belum Bersertifikat Halal",
        "Annex 2. Micro/small enterprises not yet halal-certified",
    ),
    "col_scale": ("Skala", "Scale"),
    "col_halal": ("Status halal", "Halal status"),
    # judged values: limit, source, confirmation
    "basis_line": ("Batas: {limit} · Sumber: {source}", "Limit: {limit} · Source: {source}"),
    "critical_mark": ("butir kritis", "critical item"),
    "basis_of_result": ("Dasar hasil: {source}", "Basis of the result: {source}"),
    # readiness worded from the IKM's licences
    "ready_apply": (
        "Siap mengajukan SPP-IRT: sarana mencapai {level} (SPP-IRT diberikan untuk Level I–II).",
        "Ready to apply for an SPP-IRT: the facility reached {level} (an SPP-IRT is given for "
        "Level I–II).",
    ),
    "not_ready_apply": (
        "Belum siap mengajukan SPP-IRT: sarana pada {level}; perlu tindakan perbaikan dan "
        "pemeriksaan ulang sarana hingga Level II atau lebih baik.",
        "Not yet ready to apply for an SPP-IRT: the facility is at {level}; it needs corrective "
        "actions and a re-inspection until it reaches Level II or better.",
    ),
    "holder_keep": (
        "IKM memegang SPP-IRT ({numbers}): kepemilikan izin ini menuntut sarana tetap pada "
        "Level II atau lebih baik; saat ini {level}, pertahankan.",
        "The enterprise holds an SPP-IRT ({numbers}): holding it requires the facility to stay "
        "at Level II or better; it is now at {level}, keep it there.",
    ),
    "holder_fix": (
        "IKM memegang SPP-IRT ({numbers}), tetapi sarana pada {level}: kepemilikan izin ini "
        "menuntut Level II atau lebih baik; perlu perbaikan segera dan pemeriksaan ulang.",
        "The enterprise holds an SPP-IRT ({numbers}), but the facility is at {level}: holding it "
        "requires Level II or better; prompt corrections and a re-inspection are needed.",
    ),
    "expired_ready": (
        "SPP-IRT IKM ({numbers}) sudah berakhir pada akhir {year}; sarana mencapai {level}: siap "
        "mengajukan SPP-IRT baru.",
        "The enterprise's SPP-IRT ({numbers}) expired at the end of {year}; the facility reached "
        "{level}: ready to apply for a new SPP-IRT.",
    ),
    "expired_not_ready": (
        "SPP-IRT IKM ({numbers}) sudah berakhir pada akhir {year}, dan sarana pada {level}: belum "
        "siap mengajukan SPP-IRT baru; perlu perbaikan hingga Level II atau lebih baik.",
        "The enterprise's SPP-IRT ({numbers}) expired at the end of {year}, and the facility is "
        "at {level}: not yet ready to apply for a new one; it needs corrections until Level II "
        "or better.",
    ),
    "readiness": ("Kesiapan izin", "Licence readiness"),
    # halal flag on visit report and history
    "halal_flag_passed": (
        "Wajib bersertifikat halal sejak {date} (UMK pangan; {source}; {confirmation}) — belum "
        "bersertifikat.",
        "Halal certification compulsory since {date} (micro/small food firm; {source}; "
        "{confirmation}) — not certified.",
    ),
    "halal_flag_coming": (
        "Wajib bersertifikat halal mulai {date}, {days} hari lagi (UMK pangan; {source}; "
        "{confirmation}) — belum bersertifikat.",
        "Halal certification compulsory from {date}, in {days} days (micro/small food firm; "
        "{source}; {confirmation}) — not certified.",
    ),
    "halal_obligation": ("Kewajiban halal", "Halal obligation"),
    # history charts
    "chart_level": ("Level CPPB-IRT per tanggal", "CPPB-IRT level by date"),
    "chart_grade": ("Mutu biji kakao per tanggal", "Cocoa bean grade by date"),
    "grade_substandard": ("Tidak memenuhi SNI", "Below the standard"),
    "grade_value": ("Mutu {grade}", "Grade {grade}"),
}

VOCABULARY: dict[str, tuple[str, str]] = {
    # visit purpose
    "mentoring": ("Pendampingan", "Mentoring"),
    "monitoring": ("Monitoring", "Monitoring"),
    "follow_up": ("Tindak lanjut", "Follow-up"),
    "certification_support": ("Fasilitasi sertifikasi", "Certification support"),
    # visit status: the app's one vocabulary
    **VISIT_STATUS_NAMES,
    # enterprise status, scale
    "active": ("Aktif", "Active"),
    "inactive": ("Tidak aktif", "Inactive"),
    "closed": ("Tutup", "Closed"),
    "mikro": ("Mikro", "Micro"),
    "kecil": ("Kecil", "Small"),
    "menengah": ("Menengah", "Medium"),
    # halal
    "none": ("Belum bersertifikat", "Not certified"),
    "in_process": ("Dalam proses", "In process"),
    "certified": ("Bersertifikat", "Certified"),
    "self_declare": ("pernyataan mandiri", "self-declared"),
    "reguler": ("reguler", "regular"),
}


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Report strings in one language; ``t(key, **fields)`` returns one filled in."""

    lang: str = "id"

    def t(self, key: str, **fields: object) -> str:
        """Return the string ``key`` in this language with ``fields`` filled in."""
        pair = STRINGS[key]
        text = pair[1] if self.lang == "en" else pair[0]
        return text.format(**fields) if fields else text

    def word(self, value: str | None) -> str:
        """Return a stored enum value (purpose, status, halal ...) in words, or it unchanged."""
        if value is None:
            return "—"
        pair = VOCABULARY.get(value)
        if pair is None:
            return value
        return pair[1] if self.lang == "en" else pair[0]

    def date(self, day: Date | None) -> str:
        """Return ``day`` written out ("3 Maret 2026" / "3 March 2026"), or "—"."""
        if day is None:
            return "—"
        return f"{day.day} {_MONTHS[self._key][day.month - 1]} {day.year}"

    def month(self, day: Date) -> str:
        """Return the month of ``day`` written out ("Maret 2026")."""
        return f"{_MONTHS[self._key][day.month - 1]} {day.year}"

    def datetime(self, moment: DateTime) -> str:
        """Return a timestamp as date and 24-hour time ("3 Maret 2026 14:05")."""
        return f"{self.date(moment.date())} {moment:%H:%M}"

    def number(self, value: float) -> str:
        """Return a number with the decimal comma in Indonesian, point in English."""
        text = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
        return text if self.lang == "en" else text.replace(".", ",")

    @property
    def _key(self) -> str:
        return "en" if self.lang == "en" else "id"


def catalogue(lang: str | None) -> Catalogue:
    """Return the catalogue for ``lang`` ("id" or "en"; anything else gives Indonesian)."""
    return Catalogue("en" if lang == "en" else "id")
