"""Demo mentoring programmes: cocoa in Karangan and banana in Kaliorang (running), and an ended
banana programme in Kaubun with its evaluation, with partners, diagnoses, plans and logbooks.

The programmes' places follow the cluster locations of the standards reference (§6.2). They
enrol the demo's IKMs of their cluster that this device's officer visited most within the
period (those of the programme's kecamatan first) and turn those visits into logbook visits,
so the demo keeps its counts of IKMs and visits, and a running programme has its logbook.

The demo tells the truth about results. A baseline diagnosis is what the records said at the
start (the latest checks before it, the licences held then). A target is done only when the
records show it: a level or label target by a check within the period, a licence target by
the licence, which the demo then records on the enterprise with its date within the period
(halal and PKP are dated; NIB is not); other targets only after a logbook visit. A final
diagnosis is the records at the end plus what the done targets changed (sales channels,
bookkeeping, packaging), and the ended programme's evaluation text is written from the
evaluation itself.

Records are written through the ORM, so change capture turns them into ops like the rest of
the demo (on an officer's demo the stand-in supervisor's, see ``demo_data``); ids and times
come from ``key`` (the demo build's namespace) and the dates, so the same build writes the
same records.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, object_session

from ikmdesk.models import (
    ChecklistTemplate,
    Diagnosis,
    Enterprise,
    LogbookEntry,
    Partner,
    PlanTarget,
    Programme,
    ProgrammeEnrollment,
    QualityCheck,
    TrainingRecord,
    Visit,
)
from ikmdesk.models.diagnosis import DiagnosisStage
from ikmdesk.models.enums import CheckStatus, EnterpriseStatus, HalalRoute, HalalStatus
from ikmdesk.models.logbook_entry import TeachingMethod
from ikmdesk.models.partner import PartnerKind
from ikmdesk.services.programme.catalogue import target_def
from ikmdesk.services.programme.diagnosis import diagnosis_id, prefilled_answers
from ikmdesk.services.programme.diagnosis_template import (
    DiagnosisForm,
    current_form,
    ensure_shipped_diagnosis_templates,
)
from ikmdesk.services.programme.evaluation import ProgrammeEvaluation, evaluate_programme
from ikmdesk.services.programme.ikm_facts import CPPB_TEMPLATE, LABEL_TEMPLATE, ikm_facts
from ikmdesk.services.programme.logbook import entry_id
from ikmdesk.services.programme.plan import target_id
from ikmdesk.services.programme.programme import enrollment_id
from ikmdesk.services.reference_data import cluster_id, region_id
from ikmdesk.sync.change_capture import CAPTURE_OFF

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
        (
            "nib-terbit",
            "pkp-sertifikat",
            "cppb-level-ii",
            "label-perbpom-31-2018",
            "jual-daring",
            "bagan-alir",
        ),
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
            "cppb-level-ii",
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
            "pkp-sertifikat",
            "cppb-level-ii",
            "label-perbpom-31-2018",
            "halal-self-declare",
            "jual-daring",
            "pembukuan-sederhana",
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
    own = [v for v in visits if v["officer_id"] == device_id]  # the programme's officer
    used: set[str] = set()
    count = 0
    for plan in PLANS:
        start, end = _period(plan, today)
        last = min(today - timedelta(days=1), end)
        in_period = [v for v in own if start <= v["visit_date"] <= last]
        chosen = _choose(plan, enterprises, used, in_period)
        used.update(e["id"] for e in chosen)
        if chosen:
            _write_plan(session, plan, rid, partners, device_id, today, chosen, in_period)
            count += len(chosen)
    session.flush()
    return count


def _period(plan: _Plan, today: date) -> tuple[date, date]:
    start = today - timedelta(days=plan.start_days_ago)
    return start, start + timedelta(days=plan.length_days)


def _choose(
    plan: _Plan,
    enterprises: Sequence[dict[str, Any]],
    used: set[str],
    visits: Sequence[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Return the plan's IKMs: active ones of its cluster the officer visited most in the period."""
    kecamatan = region_id(plan.kecamatan)
    cluster = cluster_id(plan.cluster)
    visited: dict[str, int] = {}
    for v in visits:
        visited[v["enterprise_id"]] = visited.get(v["enterprise_id"], 0) + 1
    pool = [e for e in enterprises if e["cluster_id"] == cluster and e["id"] not in used]
    pool.sort(
        key=lambda e: (
            e.get("status", EnterpriseStatus.ACTIVE) != EnterpriseStatus.ACTIVE,
            -min(visited.get(e["id"], 0), 3),  # enough visits to mentor first, then the place
            e["kecamatan_id"] != kecamatan,
            e["name"],
            e["id"],
        )
    )
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
    start, end = _period(plan, today)
    last = min(today - timedelta(days=1), end)
    pid = rid("programme", plan.key)
    partner_ids = [partners[p] for p in plan.partners]
    programme = Programme(
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
        **_stamp(start - timedelta(days=14)),
    )
    session.add(programme)
    session.flush()
    form = current_form(session)
    for n, ent in enumerate(chosen):
        eid = ent["id"]
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
        mine = sorted(
            (v for v in visits if v["enterprise_id"] == eid),
            key=lambda v: (v["visit_date"], v["id"]),
        )
        baseline = _baseline(session, form, eid, start, rng)
        session.add(
            Diagnosis(
                id=diagnosis_id(pid, eid, "baseline"),
                programme_id=pid,
                enterprise_id=eid,
                template_id=form.record_id,
                stage=DiagnosisStage.BASELINE,
                diagnosed_on=start,
                officer_id=device_id,
                answers=baseline,
                **_stamp(start),
            )
        )
        done = _write_targets(
            session, plan, rid, pid, eid, n, start, end, last, today, baseline, mine, rng
        )
        _write_logbook(session, plan, pid, n, mine, partner_ids, rng)
        if plan.ended:
            diagnosed_on = end - timedelta(days=3)
            final = _final(session, form, eid, diagnosed_on, baseline, done)
            session.add(
                Diagnosis(
                    id=diagnosis_id(pid, eid, "final"),
                    programme_id=pid,
                    enterprise_id=eid,
                    template_id=form.record_id,
                    stage=DiagnosisStage.FINAL,
                    diagnosed_on=diagnosed_on,
                    officer_id=device_id,
                    answers=final,
                    **_stamp(diagnosed_on),
                )
            )
    session.flush()
    if plan.ended:
        programme.evaluation = _evaluation_text(evaluate_programme(session, pid, on=today))
        _restamp(programme, datetime.combine(end, time(15), UTC))


def _baseline(
    session: Session, form: DiagnosisForm, eid: str, start: date, rng: random.Random
) -> dict[str, Any]:
    """Return the diagnosis at the start: the records as they stood, plus what was seen."""
    answers = prefilled_answers(form, ikm_facts(session, eid, until=start - timedelta(days=1)))
    answers.setdefault("kemasan", "Plastik kiloan")
    answers |= {
        "saluran": ["warung", "pasar"],
        "pembukuan": "tidak_ada",
        "hari_produksi": rng.randint(2, 6),
    }
    return answers


def _final(
    session: Session,
    form: DiagnosisForm,
    eid: str,
    day: date,
    baseline: dict[str, Any],
    done: set[str],
) -> dict[str, Any]:
    """Return the diagnosis at the end: the records then, plus what the done targets changed."""
    final = {**baseline, **prefilled_answers(form, ikm_facts(session, eid, until=day))}
    if "jual-daring" in done:
        final["saluran"] = [*baseline["saluran"], "media_sosial", "marketplace"]
    if "pembukuan-sederhana" in done:
        final["pembukuan"] = "catatan_sederhana"
    if "kemasan-pangan" in done:
        final["kemasan"] = "Plastik PP food grade tertutup rapat"
    return final


def _write_targets(
    session: Session,
    plan: _Plan,
    rid: Any,
    pid: str,
    eid: str,
    n: int,
    start: date,
    end: date,
    last: date,
    today: date,
    baseline: dict[str, Any],
    visits: Sequence[dict[str, Any]],
    rng: random.Random,
) -> set[str]:
    """Write the IKM's plan; a target is done only as the records show. Returns the done codes."""
    enterprise = session.get_one(Enterprise, eid)
    first_visit = visits[0]["visit_date"] if visits else None
    trying = n < plan.size - 1 or plan.size == 1  # the last IKM lags behind
    done_codes: set[str] = set()
    for t, code in enumerate(plan.targets):
        definition = target_def(code)
        if definition is None or _held_at_start(code, baseline):
            continue  # nobody plans what the IKM already has
        due = min(start + timedelta(days=definition.days), end)
        done = _done_from_checks(session, code, eid, start, last)
        if done is None and definition.measure not in _CHECKED and trying and t % 4 != 3:
            if first_visit is not None and (plan.ended or due < today - timedelta(days=10)):
                earliest = max(first_visit, start + timedelta(days=7))
                day = due - timedelta(days=rng.randint(0, 10))
                done = max(earliest, min(day, last)) if earliest <= last else None
            if done is not None and not _record_licence(enterprise, code, done, rid):
                done = None
        if done is not None:
            done_codes.add(code)
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
    session.flush()
    return done_codes


_CHECKED = frozenset({"cppb_level_ii", "cppb_level_i", "label_pass"})
"""Target measures only a check can show: done on the first check within the period."""


def _held_at_start(code: str, baseline: dict[str, Any]) -> bool:
    level = baseline.get("level_cppb")
    return {
        "nib-terbit": bool(baseline.get("nib")),
        "pkp-sertifikat": bool(baseline.get("pkp")),
        "spp-irt-terbit": bool(baseline.get("spp_irt")),
        "halal-self-declare": baseline.get("halal") == HalalStatus.CERTIFIED,
        "cppb-level-ii": level in ("LEVEL_I", "LEVEL_II"),
        "cppb-level-i": level == "LEVEL_I",
        "label-perbpom-31-2018": baseline.get("label") == "PASS",
    }.get(code, False)


def _done_from_checks(
    session: Session, code: str, eid: str, start: date, last: date
) -> date | None:
    """Return the first check date within the period that meets a level or label target."""
    wanted = {
        "cppb-level-ii": (CPPB_TEMPLATE, {"LEVEL_I", "LEVEL_II"}),
        "cppb-level-i": (CPPB_TEMPLATE, {"LEVEL_I"}),
        "label-perbpom-31-2018": (LABEL_TEMPLATE, {"PASS"}),
    }.get(code)
    if wanted is None:
        return None
    template, codes = wanted
    return session.scalar(
        select(QualityCheck.checked_on)
        .join(Visit, Visit.id == QualityCheck.visit_id)
        .join(ChecklistTemplate, ChecklistTemplate.id == QualityCheck.template_id)
        .where(
            Visit.enterprise_id == eid,
            Visit.deleted.is_(False),
            QualityCheck.deleted.is_(False),
            QualityCheck.result_status == CheckStatus.COMPLETE,
            ChecklistTemplate.code == template,
            QualityCheck.result_code.in_(codes),
            QualityCheck.checked_on >= start,
            QualityCheck.checked_on <= last,
        )
        .order_by(QualityCheck.checked_on)
        .limit(1)
    )


def _record_licence(enterprise: Enterprise, code: str, day: date, rid: Any) -> bool:
    """Record a licence target as met on the enterprise, dated ``day``; False if it cannot be.

    An SPP-IRT needs a P-IRT number from the regency's health office that the demo does not
    invent, so that target stays open.
    """
    serial = uuid.UUID(rid("licence", enterprise.id, code)).int
    if code == "nib-terbit":
        enterprise.nib = f"9120{serial % 10**9:09d}"
    elif code == "pkp-sertifikat":
        enterprise.pkp_cert_no = f"{serial % 999 + 1:03d}/PKP/DINKES-KT/{day.year}"
        enterprise.pkp_cert_date = day
    elif code == "halal-self-declare":
        enterprise.halal_status = HalalStatus.CERTIFIED
        enterprise.halal_route = HalalRoute.SELF_DECLARE
        enterprise.halal_cert_no = f"ID64{serial % 10**15:015d}"  # the shape, not a real one
        enterprise.halal_issued_on = day
    else:
        # Not a licence (the officer's word after a visit is the record), or an SPP-IRT.
        return code != "spp-irt-terbit"
    _restamp(enterprise, datetime.combine(day, time(15), UTC))
    return True


def _restamp(record: Enterprise | Programme, moment: datetime) -> None:
    """Give a changed demo record the time of its change instead of the build's clock.

    Change capture stamps ``updated_at`` at flush (it is not synced); the demo's records
    carry the times of the story they tell, so the same build writes the same rows.
    """
    session = object_session(record)
    assert session is not None
    session.flush()
    model = type(record)
    session.info[CAPTURE_OFF] = True
    try:
        session.execute(
            update(model).where(model.id == record.id).values(updated_at=moment),
            execution_options={"synchronize_session": False},
        )
    finally:
        session.info.pop(CAPTURE_OFF, None)
    session.expire(record, ["updated_at"])


def _evaluation_text(e: ProgrammeEvaluation) -> str:
    """Return the supervisor's closing words, from the evaluation's own numbers."""
    count = len(e.ikms)
    kinds = ", ".join(f"{_LICENCE_NAMES[k]} {n}" for k, n in e.licences_by_kind) or "tidak ada"
    return (
        f"{e.visits} kunjungan pendampingan ({e.hours:g} jam) untuk {count} IKM. "
        f"Sasaran tercapai {e.targets_met} dari {e.targets_total}. "
        f"{e.levels_improved} dari {count} IKM naik level CPPB-IRT. "
        f"Izin/sertifikat baru: {kinds}. "
        f"{e.online_started} IKM mulai berjualan daring. "
        "SPP-IRT yang belum terbit dan kunjungan yang kurang dari rencana dilanjutkan di "
        "program berikutnya."
    )


_LICENCE_NAMES = {"nib": "NIB", "spp_irt": "SPP-IRT", "pkp": "PKP", "halal": "halal"}


def _write_logbook(
    session: Session,
    plan: _Plan,
    pid: str,
    n: int,
    visits: Sequence[dict[str, Any]],
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
