"""Demo mentoring programmes: cocoa in Karangan and banana in Kaliorang (running), and an ended
banana programme in Kaubun with its evaluation, with partners, diagnoses, plans and logbooks.

The programmes' places follow the cluster locations of the standards reference (§6.2). They
enrol the demo's own IKMs of their cluster (those of the programme's kecamatan first) and turn
those IKMs' demo visits within the period into logbook visits, so the demo keeps its counts of
IKMs and visits. Records are written through the ORM, so change capture turns them into ops
like the rest of the demo (on an officer's demo the stand-in supervisor's, see ``demo_data``);
ids and times come from ``key`` (the demo build's namespace) and the dates, so the same build
writes the same records.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy.orm import Session

from ikmdesk.models import (
    Diagnosis,
    LogbookEntry,
    Partner,
    PlanTarget,
    Programme,
    ProgrammeEnrollment,
    TrainingRecord,
)
from ikmdesk.models.diagnosis import DiagnosisStage
from ikmdesk.models.logbook_entry import TeachingMethod
from ikmdesk.models.partner import PartnerKind
from ikmdesk.services.programme.catalogue import target_def
from ikmdesk.services.programme.diagnosis import diagnosis_id
from ikmdesk.services.programme.diagnosis_template import (
    DEFAULT_CODE,
    ensure_shipped_diagnosis_templates,
    template_record_id,
)
from ikmdesk.services.programme.logbook import entry_id
from ikmdesk.services.programme.plan import target_id
from ikmdesk.services.programme.programme import enrollment_id
from ikmdesk.services.reference_data import cluster_id, region_id

_NAMESPACE = uuid.UUID("5b0c2c52-6f7e-4c1e-9d1a-13a0c0de1313")

PARTNERS = (
    ("univ", "Universitas Mulawarman — Fakultas Pertanian", PartnerKind.UNIVERSITY),
    ("prov", "Disperindag Provinsi Kalimantan Timur", PartnerKind.PROVINCIAL_AGENCY),
    ("bpom", "Balai Besar POM di Samarinda", PartnerKind.BPOM),
    ("halal", "Pendamping Proses Produk Halal (PPH)", PartnerKind.HALAL_BODY),
    ("csr", "Program CSR mitra rumah fermentasi kakao", PartnerKind.BANK_CSR),
)


@dataclass(frozen=True, slots=True)
class _Plan:
    key: str
    name: str
    cluster: str
    kecamatan: str
    sentra: str
    start_days_ago: int
    length_days: int
    partners: tuple[str, ...]
    size: int
    targets: tuple[str, ...]
    topics: tuple[str, ...]
    ended: bool = False


PLANS = (
    _Plan(
        "kakao-karangan",
        "Pendampingan Klaster Kakao Karangan",
        "kakao",
        "64.08.16",
        "Desa Karangan Hilir",
        70,
        150,
        ("univ", "csr", "bpom"),
        5,
        ("nib-terbit", "pkp-sertifikat", "cppb-level-ii", "label-perbpom-31-2018", "jual-daring"),
        ("cuci-tangan", "bagan-alir", "label-perbpom-31-2018", "kemasan-pangan", "foto-produk"),
    ),
    _Plan(
        "pisang-kaliorang",
        "Pendampingan Klaster Pisang Kaliorang",
        "pisang",
        "64.08.10",
        "Desa Selangkau",
        40,
        150,
        ("prov", "bpom", "halal"),
        5,
        (
            "spp-irt-terbit",
            "halal-self-declare",
            "kode-produksi-kedaluwarsa",
            "pembukuan-sederhana",
        ),
        ("kode-produksi-kedaluwarsa", "sampah-tertutup", "air-bersih", "pembukuan-sederhana"),
    ),
    _Plan(
        "pisang-kaubun",
        "Pendampingan Klaster Pisang Kaubun",
        "pisang",
        "64.08.15",
        "Kaubun",
        300,
        150,
        ("univ", "halal"),
        4,
        (
            "nib-terbit",
            "spp-irt-terbit",
            "label-perbpom-31-2018",
            "halal-self-declare",
            "jual-daring",
        ),
        ("label-perbpom-31-2018", "cuci-tangan", "dokumen-produksi", "foto-produk"),
        ended=True,
    ),
)


def write_programme_demo(
    session: Session,
    *,
    key: str,
    device_id: str,
    today: date,
    enterprises: Sequence[dict[str, Any]],
    visits: Sequence[dict[str, Any]],
) -> int:
    """Write the demo programmes for the demo's IKM and visit rows; returns how many IKMs enrol."""
    ensure_shipped_diagnosis_templates(session)
    namespace = uuid.uuid5(_NAMESPACE, key)

    def rid(*parts: object) -> str:
        return str(uuid.uuid5(namespace, ":".join(map(str, parts))))

    created = _stamp(today - timedelta(days=400))
    partners = {}
    for code, name, kind in PARTNERS:
        partners[code] = rid("partner", code)
        session.add(Partner(id=partners[code], name=name, kind=kind, **created))
    session.flush()
    used: set[str] = set()
    count = 0
    for plan in PLANS:
        chosen = _choose(plan, enterprises, used)
        used.update(e["id"] for e in chosen)
        if chosen:
            _write_plan(session, plan, rid, partners, device_id, today, chosen, visits)
            count += len(chosen)
    session.flush()
    return count


def _choose(
    plan: _Plan, enterprises: Sequence[dict[str, Any]], used: set[str]
) -> list[dict[str, Any]]:
    kecamatan = region_id(plan.kecamatan)
    cluster = cluster_id(plan.cluster)
    pool = [e for e in enterprises if e["cluster_id"] == cluster and e["id"] not in used]
    pool.sort(key=lambda e: (e["kecamatan_id"] != kecamatan, e["name"], e["id"]))
    return pool[: plan.size]


def _stamp(day: date) -> dict[str, Any]:
    moment = datetime.combine(day, time(9), UTC)
    return {"created_at": moment, "updated_at": moment}


def _write_plan(
    session: Session,
    plan: _Plan,
    rid: Any,
    partners: dict[str, str],
    device_id: str,
    today: date,
    chosen: list[dict[str, Any]],
    visits: Sequence[dict[str, Any]],
) -> None:
    rng = random.Random(plan.key)
    start = today - timedelta(days=plan.start_days_ago)
    end = start + timedelta(days=plan.length_days)
    last = min(today - timedelta(days=1), end)
    pid = rid("programme", plan.key)
    partner_ids = [partners[p] for p in plan.partners]
    session.add(
        Programme(
            id=pid,
            name=f"{plan.name} {start.year}",
            cluster_id=cluster_id(plan.cluster),
            kecamatan_id=region_id(plan.kecamatan),
            sentra=plan.sentra,
            starts_on=start,
            ends_on=end,
            visit_interval_days=7,
            min_hours_per_visit=3.0,
            officer_ids=[device_id],
            partner_ids=partner_ids,
            goal="Mutu dan keamanan pangan sebagai dasar; izin edar, label dan pemasaran menyusul.",
            closed_on=end if plan.ended else None,
            evaluation=(
                "Sebagian besar IKM naik level CPPB-IRT dan labelnya diperbaiki. Pemasaran "
                "daring baru dimulai sebagian IKM; perlu dilanjutkan di program berikutnya."
                if plan.ended
                else None
            ),
            **_stamp(start - timedelta(days=14)),
        )
    )
    session.flush()
    template = template_record_id(DEFAULT_CODE, 1)
    for n, ent in enumerate(chosen):
        eid = ent["id"]
        progressed = n < len(chosen) - 1 or len(chosen) == 1  # the last one lags behind
        session.add(
            ProgrammeEnrollment(
                id=enrollment_id(pid, eid),
                programme_id=pid,
                enterprise_id=eid,
                enrolled_on=start,
                **_stamp(start - timedelta(days=7)),
            )
        )
        if n < 2:
            session.add(
                TrainingRecord(
                    id=rid("training", plan.key, n),
                    enterprise_id=eid,
                    year=2023 + n,
                    title="Pelatihan kemasan dan label produk IKM",
                    theme="packaging",
                    organiser="Disperindag Kutai Timur",
                    **_stamp(start - timedelta(days=10)),
                )
            )
        session.flush()
        baseline = {
            "level_cppb": "LEVEL_III" if n % 2 == 0 else "LEVEL_IV",
            "nib": bool(ent.get("nib")),
            "spp_irt": False,
            "halal": "none",
            "pkp": False,
            "label": "FAIL",
            "kemasan": "Plastik kiloan",
            "saluran": ["warung", "pasar"],
            "pembukuan": "tidak_ada",
            "hari_produksi": rng.randint(2, 6),
        }
        if ent.get("workers") is not None:
            baseline["pekerja"] = ent["workers"]
        session.add(
            Diagnosis(
                id=diagnosis_id(pid, eid, "baseline"),
                programme_id=pid,
                enterprise_id=eid,
                template_id=template,
                stage=DiagnosisStage.BASELINE,
                diagnosed_on=start + timedelta(days=2),
                officer_id=device_id,
                answers=baseline,
                **_stamp(start + timedelta(days=2)),
            )
        )
        if plan.ended:
            final = dict(baseline)
            if progressed:
                final |= {
                    "level_cppb": "LEVEL_II",
                    "nib": True,
                    "spp_irt": True,
                    "label": "PASS",
                    "kemasan": "Plastik PP tertutup rapat",
                    "pembukuan": "catatan_sederhana",
                    "halal": "certified" if n % 2 == 0 else "in_process",
                }
                if n < 2:
                    final["saluran"] = ["warung", "pasar", "media_sosial", "marketplace"]
            session.add(
                Diagnosis(
                    id=diagnosis_id(pid, eid, "final"),
                    programme_id=pid,
                    enterprise_id=eid,
                    template_id=template,
                    stage=DiagnosisStage.FINAL,
                    diagnosed_on=end - timedelta(days=3),
                    officer_id=device_id,
                    answers=final,
                    **_stamp(end - timedelta(days=3)),
                )
            )
        for t, code in enumerate(plan.targets):
            definition = target_def(code)
            if definition is None:
                continue
            due = min(start + timedelta(days=definition.days), end)
            done = None
            if progressed and (plan.ended or due < today - timedelta(days=10)) and t % 4 != 3:
                done = max(start, min(due - timedelta(days=rng.randint(0, 10)), last))
            session.add(
                PlanTarget(
                    id=target_id(pid, eid, code),
                    programme_id=pid,
                    enterprise_id=eid,
                    target_code=code,
                    indicator=definition.indicator_id,
                    due_on=due,
                    done_on=done,
                    **_stamp(start + timedelta(days=3)),
                )
            )
        mine = sorted(
            (v for v in visits if v["enterprise_id"] == eid and start <= v["visit_date"] <= end),
            key=lambda v: (v["visit_date"], v["id"]),
        )
        _write_logbook(session, plan, pid, n, mine, partner_ids, rng)


def _write_logbook(
    session: Session,
    plan: _Plan,
    pid: str,
    n: int,
    visits: list[dict[str, Any]],
    partner_ids: list[str],
    rng: random.Random,
) -> None:
    methods = list(TeachingMethod)
    for week, visit in enumerate(visits):
        topics = [plan.topics[(week + n) % len(plan.topics)]]
        if week % 3 == 0:
            topics.append(plan.topics[(week + n + 1) % len(plan.topics)])
        session.add(
            LogbookEntry(
                id=entry_id(visit["id"]),
                visit_id=visit["id"],
                programme_id=pid,
                topics=topics,
                method=methods[(week + n) % len(methods)],
                hours=rng.choice([2.0, 3.0, 3.0, 3.5, 4.0]),
                workers_reached=rng.randint(1, 5),
                partner_id=partner_ids[week % len(partner_ids)] if week % 3 == 1 else None,
                **_stamp(visit["visit_date"]),
            )
        )
