"""Strings of the programme reports (programme results, handout, officer's month), id and en.

Kept beside those reports rather than in the shared catalogue, so the feature's words live
with it; ``ps(t, key, **fields)`` reads them in the report's language.
"""

from __future__ import annotations

from ikmdesk.reports.catalogue import Catalogue

STRINGS: dict[str, tuple[str, str]] = {
    "programme_title": ("LAPORAN HASIL PENDAMPINGAN IKM", "IKM MENTORING RESULTS REPORT"),
    "period": ("Periode {start} s.d. {end}", "Period {start} to {end}"),
    "section_programme": ("A. Data Program", "A. The programme"),
    "section_summary": ("B. Ringkasan Hasil", "B. Summary of results"),
    "section_charts": ("C. Grafik", "C. Charts"),
    "section_ikms": ("D. Hasil per IKM (sebelum → sesudah)", "D. Results per IKM (before → after)"),
    "section_evaluation": ("E. Evaluasi", "E. Evaluation"),
    "cluster": ("Klaster", "Cluster"),
    "place": ("Kecamatan / sentra", "District / centre"),
    "rhythm": ("Irama kunjungan", "Visit rhythm"),
    "rhythm_value": (
        "setiap {days} hari, minimal {hours} jam per kunjungan",
        "every {days} days, at least {hours} hours per visit",
    ),
    "officers": ("Petugas pendamping", "Mentoring officers"),
    "partners": ("Mitra", "Partners"),
    "enrolled": ("IKM peserta", "Enrolled IKMs"),
    "goal": ("Tujuan", "Goal"),
    "status": ("Keadaan program", "Programme state"),
    "planned": ("belum mulai", "not started"),
    "running": ("berjalan", "in progress"),
    "ended": ("selesai", "ended"),
    "visits_done": ("Kunjungan tercatat", "Visits recorded"),
    "visits_value": ("{visits} kunjungan, {hours} jam", "{visits} visits, {hours} hours"),
    "targets_met": ("Sasaran tercapai", "Targets met"),
    "of_total": ("{met} dari {total}", "{met} of {total}"),
    "levels_improved": ("IKM naik level CPPB-IRT", "IKMs up a CPPB-IRT level"),
    "licences_gained": ("Izin/sertifikat baru", "New licences/certificates"),
    "licences_value": (
        "{count} pada {ikms} IKM ({kinds}), terbit dalam masa program",
        "{count} at {ikms} IKMs ({kinds}), issued within the programme",
    ),
    "online_started": ("IKM mulai berjualan daring", "IKMs selling online"),
    "chart_themes": ("Sasaran tercapai per tema", "Targets met per theme"),
    "chart_levels": ("Level CPPB-IRT: awal dan akhir", "CPPB-IRT level: start and end"),
    "before": ("awal", "start"),
    "after": ("akhir", "end"),
    "col_ikm": ("IKM", "IKM"),
    "col_visits": ("Kunjungan / rencana", "Visits / planned"),
    "col_targets": ("Sasaran tercapai", "Targets met"),
    "col_level": ("Level CPPB-IRT", "CPPB-IRT level"),
    "col_label": ("Label", "Label"),
    "col_licences": ("Izin baru", "New licences"),
    "col_channels": ("Saluran baru", "New channels"),
    "no_final": (
        "* belum ada diagnosis akhir: 'sesudah' dari data terakhir",
        "* no final diagnosis yet: 'after' is from the latest records",
    ),
    "no_evaluation": ("Evaluasi belum ditulis.", "No evaluation written yet."),
    "level_none": ("—", "—"),
    "label_PASS": ("sesuai", "conforms"),
    "label_FAIL": ("belum sesuai", "does not conform"),
    "lic_nib": ("NIB", "NIB"),
    "lic_spp_irt": ("SPP-IRT", "SPP-IRT"),
    "lic_pkp": ("PKP", "PKP"),
    "lic_halal": ("Halal", "Halal"),
    "unverified_levels": (
        "Ambang level CPPB-IRT perlu dikonfirmasi (Perka BPOM HK.03.1.23.04.12.2207/2012).",
        "CPPB-IRT level thresholds need confirming (Perka BPOM HK.03.1.23.04.12.2207/2012).",
    ),
    "sign_officer": ("Petugas Pendamping", "Mentoring officer"),
    # handout
    "handout_title": ("LEMBAR PENDAMPINGAN", "MENTORING SHEET"),
    "handout_for": ("untuk {name}", "for {name}"),
    "handout_visit": ("Kunjungan {date} oleh {officer}", "Visit on {date} by {officer}"),
    "handout_found": ("Yang kami lihat", "What we saw"),
    "handout_todo": ("Yang perlu dilakukan", "What to do"),
    "handout_action": ("Tindakan", "Action"),
    "handout_deadline": ("Batas waktu", "Deadline"),
    "handout_by": ("paling lambat {date}", "by {date}"),
    "handout_guidance": ("Petunjuk singkat", "Short guidance"),
    "handout_taught": ("Yang dipelajari hari ini", "What we learned today"),
    "handout_contact": (
        "Pertanyaan? Hubungi {officer}{phone} · {office}",
        "Questions? Contact {officer}{phone} · {office}",
    ),
    "handout_nothing": ("Tidak ada catatan.", "No notes."),
    "handout_starter": (
        "(teks awal, perlu ditinjau kantor)",
        "(starter text, for the office to review)",
    ),
    "source": ("Sumber: {source}", "Source: {source}"),
    # officer's month
    "officer_title": ("LAPORAN KEGIATAN BULANAN PETUGAS", "OFFICER'S MONTHLY ACTIVITY REPORT"),
    "officer_of": ("{name} · {month}", "{name} · {month}"),
    "officer_totals": (
        "{visits} kunjungan · {hours} jam · {ikms} IKM · {targets} sasaran tercapai",
        "{visits} visits · {hours} hours · {ikms} IKMs · {targets} targets met",
    ),
    "section_visits": ("A. Kunjungan", "A. Visits"),
    "section_topics": ("B. Topik yang diajarkan", "B. Topics taught"),
    "section_targets": ("C. Sasaran tercapai", "C. Targets met"),
    "col_date": ("Tanggal", "Date"),
    "col_programme": ("Program", "Programme"),
    "col_topics": ("Topik", "Topics"),
    "col_hours": ("Jam", "Hours"),
    "col_target": ("Sasaran", "Target"),
    "col_done": ("Tercapai", "Met"),
    "col_count": ("Kali", "Times"),
    "none": ("Tidak ada.", "None."),
    "outside_programme": ("di luar program", "outside a programme"),
    # partner report
    "partner_title": ("LAPORAN KERJA SAMA MITRA", "PARTNER COOPERATION REPORT"),
    "partner_until": ("{kind} · keadaan per {date}", "{kind} · as of {date}"),
    "section_partner": ("A. Mitra", "A. The partner"),
    "section_partner_summary": ("B. Ringkasan kerja sama", "B. Summary of the work together"),
    "section_partner_programmes": ("C. Program bersama", "C. Programmes together"),
    "section_partner_visits": (
        "D. Kunjungan pendampingan bersama mitra",
        "D. Mentoring visits with the partner present",
    ),
    "section_partner_topics": ("E. Topik yang diajarkan bersama", "E. Topics taught together"),
    "partner_name": ("Nama lembaga", "Institution"),
    "partner_kind": ("Jenis", "Kind"),
    "partner_contact": ("Narahubung", "Contact person"),
    "partner_programmes": ("Program yang diikuti", "Programmes taken part in"),
    "partner_visits": ("Kunjungan bersama", "Visits together"),
    "partner_ikms": ("IKM yang dijangkau", "IKMs reached"),
    "partner_workers": ("Pekerja IKM yang didampingi", "IKM workers mentored"),
    "partner_workers_note": (
        "Pekerja dihitung per IKM: jumlah terbanyak pada satu kunjungan.",
        "Workers are counted per IKM: the most on any one visit.",
    ),
    "partner_not_listed": (
        "* program tidak mencantumkan mitra ini; kunjungannya mencatat mitra hadir",
        "* the programme does not list this partner; its visits record the partner present",
    ),
    "col_period": ("Periode", "Period"),
    "col_enrolled": ("IKM", "IKMs"),
    "col_method": ("Metode", "Method"),
    "col_officer": ("Petugas", "Officer"),
    "sign_partner": ("Wakil mitra", "For the partner"),
}


def ps(t: Catalogue, key: str, **fields: object) -> str:
    """Return programme-report string ``key`` in ``t``'s language, filled in."""
    pair = STRINGS[key]
    text = pair[1] if t.lang == "en" else pair[0]
    return text.format(**fields) if fields else text
