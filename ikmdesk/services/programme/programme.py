"""Mentoring programmes: the supervisor's create/edit, and lists that put an officer's own first.

Enrolments get ids derived from (programme, IKM), so taking an IKM out and back in revives the
same record instead of adding a second one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, ValidationError
from ikmdesk.models import (
    Cluster,
    Device,
    Enterprise,
    Programme,
    ProgrammeEnrollment,
    Region,
    new_id,
    stable_id,
)
from ikmdesk.services.live_record import live_record
from ikmdesk.services.optional_text import optional_text
from ikmdesk.services.programme.authority import ensure_supervisor
from ikmdesk.services.programme.partner import partner_names

MSG_PROGRAMME = QT_TRANSLATE_NOOP(CONTEXT, "Program pendampingan")
MSG_PROGRAMME_NAME_REQUIRED = QT_TRANSLATE_NOOP(CONTEXT, "Nama program wajib diisi.")
MSG_PROGRAMME_PERIOD = QT_TRANSLATE_NOOP(
    CONTEXT, "Tanggal selesai program ({end}) harus sesudah tanggal mulai ({start})."
)
MSG_PROGRAMME_INTERVAL = QT_TRANSLATE_NOOP(
    CONTEXT, "Jarak antarkunjungan harus 1 sampai 90 hari (diisi {value})."
)
MSG_PROGRAMME_HOURS = QT_TRANSLATE_NOOP(
    CONTEXT, "Jam minimum per kunjungan harus 0 sampai 12 jam (diisi {value})."
)
MSG_PROGRAMME_NO_OFFICER = QT_TRANSLATE_NOOP(
    CONTEXT, "Tunjuk paling sedikit satu petugas pendamping untuk program ini."
)
MSG_PROGRAMME_UNKNOWN_REF = QT_TRANSLATE_NOOP(
    CONTEXT, "{what} yang dipilih untuk program tidak ditemukan (id {id})."
)
MSG_CLUSTER = QT_TRANSLATE_NOOP(CONTEXT, "Klaster")
MSG_KECAMATAN = QT_TRANSLATE_NOOP(CONTEXT, "Kecamatan")
MSG_OFFICER = QT_TRANSLATE_NOOP(CONTEXT, "Petugas")
MSG_ENTERPRISE = QT_TRANSLATE_NOOP(CONTEXT, "IKM")
MSG_PARTNER = QT_TRANSLATE_NOOP(CONTEXT, "Mitra")


class ProgrammeStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    ENDED = "ended"


@dataclass(frozen=True, slots=True)
class ProgrammeInput:
    """What the supervisor sets for a programme."""

    name: str
    cluster_id: str
    kecamatan_id: str
    starts_on: date
    ends_on: date
    visit_interval_days: int = 7
    min_hours_per_visit: float = 2.0
    sentra: str | None = None
    officer_ids: tuple[str, ...] = ()
    partner_ids: tuple[str, ...] = ()
    enterprise_ids: tuple[str, ...] = ()
    goal: str | None = None


@dataclass(frozen=True, slots=True)
class ProgrammeRow:
    """One line of the programme list; ``mine`` when this device's officer is assigned."""

    id: str
    name: str
    cluster_code: str
    cluster_name_id: str
    cluster_name_en: str
    kecamatan: str
    sentra: str | None
    starts_on: date
    ends_on: date
    status: str
    officer_names: tuple[str, ...]
    enterprise_count: int
    mine: bool


@dataclass(frozen=True, slots=True)
class EnrolledIkm:
    """An IKM enrolled in a programme."""

    enterprise_id: str
    name: str
    owner_name: str | None
    phone: str | None
    kecamatan: str
    enrolled_on: date


@dataclass(frozen=True, slots=True)
class ProgrammeDetail:
    """A programme with the names of its officers, partners and enrolled IKMs."""

    id: str
    name: str
    cluster_id: str
    cluster_code: str
    cluster_name_id: str
    cluster_name_en: str
    kecamatan_id: str
    kecamatan: str
    sentra: str | None
    starts_on: date
    ends_on: date
    visit_interval_days: int
    min_hours_per_visit: float
    goal: str | None
    closed_on: date | None
    evaluation: str | None
    status: str
    officers: tuple[tuple[str, str], ...]
    partners: tuple[tuple[str, str], ...]
    enterprises: tuple[EnrolledIkm, ...]

    @property
    def officer_ids(self) -> tuple[str, ...]:
        return tuple(officer_id for officer_id, _name in self.officers)

    @property
    def partner_ids(self) -> tuple[str, ...]:
        return tuple(partner_id for partner_id, _name in self.partners)

    @property
    def enterprise_ids(self) -> tuple[str, ...]:
        return tuple(e.enterprise_id for e in self.enterprises)


def today() -> date:
    """Return the date programmes are judged against (the computer's; tests replace it)."""
    return date.today()


def enrollment_id(programme_id: str, enterprise_id: str) -> str:
    """Return the id every device gives the enrolment of this IKM in this programme."""
    return stable_id("programme-enrollment", f"{programme_id}:{enterprise_id}")


def programme_status(programme: Programme | ProgrammeDetail, on: date) -> ProgrammeStatus:
    """Return whether the programme has not started, is running or has ended on ``on``."""
    if programme.closed_on is not None or on > programme.ends_on:
        return ProgrammeStatus.ENDED
    if on < programme.starts_on:
        return ProgrammeStatus.PLANNED
    return ProgrammeStatus.RUNNING


def save_programme(session: Session, data: ProgrammeInput, programme_id: str | None = None) -> str:
    """Create (no id) or update a programme and its enrolments; supervisor only."""
    ensure_supervisor(session)
    values = _valid_values(session, data)
    if programme_id is None:
        programme = Programme(id=new_id(), **values)
        session.add(programme)
        session.flush()
    else:
        programme = programme_record(session, programme_id)
        for key, value in values.items():
            if getattr(programme, key) != value:
                setattr(programme, key, value)
    _sync_enrollments(session, programme, data.enterprise_ids)
    session.flush()
    return programme.id


def close_programme(
    session: Session, programme_id: str, *, closed_on: date, evaluation: str | None
) -> None:
    """Mark a programme ended on ``closed_on`` with the supervisor's evaluation text."""
    ensure_supervisor(session)
    programme = programme_record(session, programme_id)
    if closed_on < programme.starts_on:
        raise ValidationError(
            "closed_on", MSG_PROGRAMME_PERIOD, start=programme.starts_on, end=closed_on
        )
    programme.closed_on = closed_on
    programme.evaluation = optional_text(evaluation)
    session.flush()


def delete_programme(session: Session, programme_id: str) -> None:
    """Tombstone a programme and its enrolments; supervisor only."""
    ensure_supervisor(session)
    programme = programme_record(session, programme_id)
    for enrollment in _enrollments(session, programme_id):
        enrollment.deleted = True
    programme.deleted = True
    session.flush()


def programme_record(session: Session, programme_id: str) -> Programme:
    """Return the live programme row; raises NotFoundError otherwise."""
    return live_record(session, Programme, programme_id, what=MSG_PROGRAMME)


def list_programmes(
    session: Session, *, officer_id: str | None = None, on: date | None = None
) -> list[ProgrammeRow]:
    """Return live programmes: ``officer_id``'s own first, running before others, newest first."""
    on = on or today()
    clusters = {c.id: c for c in session.scalars(select(Cluster))}
    regions = {rid: name for rid, name in session.execute(select(Region.id, Region.name))}
    officers = {did: name for did, name in session.execute(select(Device.id, Device.officer_name))}
    counts: dict[str, int] = {}
    for pid in session.scalars(
        select(ProgrammeEnrollment.programme_id).where(ProgrammeEnrollment.deleted.is_(False))
    ):
        counts[pid] = counts.get(pid, 0) + 1
    rows = []
    for p in session.scalars(select(Programme).where(Programme.deleted.is_(False))):
        cluster = clusters.get(p.cluster_id)
        rows.append(
            ProgrammeRow(
                id=p.id,
                name=p.name,
                cluster_code=cluster.code if cluster else "",
                cluster_name_id=cluster.name_id if cluster else "",
                cluster_name_en=cluster.name_en if cluster else "",
                kecamatan=regions.get(p.kecamatan_id, ""),
                sentra=p.sentra,
                starts_on=p.starts_on,
                ends_on=p.ends_on,
                status=programme_status(p, on).value,
                officer_names=tuple(officers[o] for o in p.officer_ids or [] if o in officers),
                enterprise_count=counts.get(p.id, 0),
                mine=officer_id is not None and officer_id in (p.officer_ids or []),
            )
        )
    order = {ProgrammeStatus.RUNNING: 0, ProgrammeStatus.PLANNED: 1, ProgrammeStatus.ENDED: 2}
    rows.sort(key=lambda r: r.starts_on, reverse=True)
    rows.sort(key=lambda r: (not r.mine, order[ProgrammeStatus(r.status)]))
    return rows


def get_programme(
    session: Session, programme_id: str, *, on: date | None = None
) -> ProgrammeDetail:
    """Return one live programme with its people and IKMs; NotFoundError otherwise."""
    p = programme_record(session, programme_id)
    cluster = session.get_one(Cluster, p.cluster_id)
    kecamatan = session.get_one(Region, p.kecamatan_id)
    officers = {
        did: name
        for did, name in session.execute(
            select(Device.id, Device.officer_name).where(Device.id.in_(p.officer_ids or []))
        )
    }
    partners = partner_names(session, p.partner_ids or [])
    return ProgrammeDetail(
        id=p.id,
        name=p.name,
        cluster_id=p.cluster_id,
        cluster_code=cluster.code,
        cluster_name_id=cluster.name_id,
        cluster_name_en=cluster.name_en,
        kecamatan_id=p.kecamatan_id,
        kecamatan=kecamatan.name,
        sentra=p.sentra,
        starts_on=p.starts_on,
        ends_on=p.ends_on,
        visit_interval_days=p.visit_interval_days,
        min_hours_per_visit=p.min_hours_per_visit,
        goal=p.goal,
        closed_on=p.closed_on,
        evaluation=p.evaluation,
        status=programme_status(p, on or today()).value,
        officers=tuple((o, officers[o]) for o in p.officer_ids or [] if o in officers),
        partners=tuple((pid, partners[pid]) for pid in p.partner_ids or [] if pid in partners),
        enterprises=tuple(enrolled_ikms(session, p.id)),
    )


def enrolled_ikms(session: Session, programme_id: str) -> list[EnrolledIkm]:
    """Return the live IKMs enrolled in a programme, by name."""
    rows = session.execute(
        select(
            Enterprise.id,
            Enterprise.name,
            Enterprise.owner_name,
            Enterprise.phone,
            Region.name,
            ProgrammeEnrollment.enrolled_on,
        )
        .join(ProgrammeEnrollment, ProgrammeEnrollment.enterprise_id == Enterprise.id)
        .join(Region, Region.id == Enterprise.kecamatan_id)
        .where(
            ProgrammeEnrollment.programme_id == programme_id,
            ProgrammeEnrollment.deleted.is_(False),
            Enterprise.deleted.is_(False),
        )
        .order_by(Enterprise.name)
    )
    return [EnrolledIkm(*row) for row in rows]


def programmes_of_enterprise(session: Session, enterprise_id: str) -> list[tuple[str, str]]:
    """Return (id, name) of the live programmes an IKM is enrolled in, newest first."""
    rows = session.execute(
        select(Programme.id, Programme.name)
        .join(ProgrammeEnrollment, ProgrammeEnrollment.programme_id == Programme.id)
        .where(
            ProgrammeEnrollment.enterprise_id == enterprise_id,
            ProgrammeEnrollment.deleted.is_(False),
            Programme.deleted.is_(False),
        )
        .order_by(Programme.starts_on.desc())
    )
    return [(pid, name) for pid, name in rows]


def _enrollments(session: Session, programme_id: str) -> list[ProgrammeEnrollment]:
    return list(
        session.scalars(
            select(ProgrammeEnrollment).where(ProgrammeEnrollment.programme_id == programme_id)
        )
    )


def _sync_enrollments(session: Session, programme: Programme, wanted: tuple[str, ...]) -> None:
    existing = {e.enterprise_id: e for e in _enrollments(session, programme.id)}
    wanted_set = set(wanted)
    for enterprise_id, enrollment in existing.items():
        if enterprise_id not in wanted_set and not enrollment.deleted:
            enrollment.deleted = True
    for enterprise_id in wanted:
        live_record(session, Enterprise, enterprise_id, what=MSG_ENTERPRISE)
        enrollment = existing.get(enterprise_id)
        if enrollment is None:
            session.add(
                ProgrammeEnrollment(
                    id=enrollment_id(programme.id, enterprise_id),
                    programme_id=programme.id,
                    enterprise_id=enterprise_id,
                    enrolled_on=max(programme.starts_on, min(today(), programme.ends_on)),
                )
            )
        elif enrollment.deleted:
            enrollment.deleted = False


def _valid_values(session: Session, data: ProgrammeInput) -> dict[str, object]:
    name = (data.name or "").strip()
    if not name:
        raise ValidationError("name", MSG_PROGRAMME_NAME_REQUIRED)
    if data.ends_on < data.starts_on:
        raise ValidationError(
            "ends_on", MSG_PROGRAMME_PERIOD, start=data.starts_on, end=data.ends_on
        )
    if not 1 <= data.visit_interval_days <= 90:
        raise ValidationError(
            "visit_interval_days", MSG_PROGRAMME_INTERVAL, value=data.visit_interval_days
        )
    if not 0 <= data.min_hours_per_visit <= 12:
        raise ValidationError(
            "min_hours_per_visit", MSG_PROGRAMME_HOURS, value=data.min_hours_per_visit
        )
    if not data.officer_ids:
        raise ValidationError("officer_ids", MSG_PROGRAMME_NO_OFFICER)
    _ensure_exists(session, Cluster, (data.cluster_id,), "cluster_id", MSG_CLUSTER)
    _ensure_exists(session, Region, (data.kecamatan_id,), "kecamatan_id", MSG_KECAMATAN)
    _ensure_exists(session, Device, data.officer_ids, "officer_ids", MSG_OFFICER)
    if set(partner_names(session, data.partner_ids)) != set(data.partner_ids):
        missing = next(p for p in data.partner_ids if p not in partner_names(session, (p,)))
        raise ValidationError(
            "partner_ids", MSG_PROGRAMME_UNKNOWN_REF, what=MSG_PARTNER, id=missing
        )
    return {
        "name": name,
        "cluster_id": data.cluster_id,
        "kecamatan_id": data.kecamatan_id,
        "sentra": optional_text(data.sentra),
        "starts_on": data.starts_on,
        "ends_on": data.ends_on,
        "visit_interval_days": int(data.visit_interval_days),
        "min_hours_per_visit": float(data.min_hours_per_visit),
        "officer_ids": list(dict.fromkeys(data.officer_ids)),
        "partner_ids": list(dict.fromkeys(data.partner_ids)),
        "goal": optional_text(data.goal),
    }


def _ensure_exists(
    session: Session, model: type, ids: tuple[str, ...], field: str, what: str
) -> None:
    for record_id in ids:
        record = session.get(model, record_id) if record_id else None
        if record is None or record.deleted:
            raise ValidationError(field, MSG_PROGRAMME_UNKNOWN_REF, what=what, id=record_id)


@dataclass(frozen=True, slots=True)
class Person:
    """A device's officer who can be assigned to programmes."""

    id: str
    name: str
    role: str


def list_people(session: Session) -> list[Person]:
    """Return every live device's officer (officers first, then supervisors), by name."""
    devices = session.scalars(select(Device).where(Device.deleted.is_(False)))
    people = [Person(d.id, d.officer_name, d.role.value) for d in devices]
    return sorted(people, key=lambda p: (p.role != "officer", p.name.casefold()))
