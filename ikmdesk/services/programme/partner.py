"""Partner institutions: kept by the supervisor, linked to programmes and logbook entries."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, ValidationError
from ikmdesk.models import LogbookEntry, Partner, Programme, new_id
from ikmdesk.models.partner import PartnerKind
from ikmdesk.services.live_record import live_record
from ikmdesk.services.optional_text import optional_text
from ikmdesk.services.programme.authority import ensure_supervisor

MSG_PARTNER = QT_TRANSLATE_NOOP(CONTEXT, "Mitra")
MSG_PARTNER_NAME_REQUIRED = QT_TRANSLATE_NOOP(CONTEXT, "Nama mitra wajib diisi.")
MSG_PARTNER_KIND_UNKNOWN = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Jenis mitra '{value}' tidak dikenal (university, provincial_agency, ministry, bpom, "
    "halal_body, bank_csr, other).",
)

KIND_LABELS: dict[str, tuple[str, str]] = {
    PartnerKind.UNIVERSITY: ("Perguruan tinggi", "University"),
    PartnerKind.PROVINCIAL_AGENCY: ("Dinas provinsi", "Provincial agency"),
    PartnerKind.MINISTRY: ("Kementerian", "Ministry"),
    PartnerKind.BPOM: ("BPOM", "BPOM"),
    PartnerKind.HALAL_BODY: ("Lembaga halal", "Halal body"),
    PartnerKind.BANK_CSR: ("Bank / CSR", "Bank / CSR"),
    PartnerKind.OTHER: ("Lainnya", "Other"),
}
"""Indonesian and English names of the partner kinds (for reports, which run without Qt)."""


@dataclass(frozen=True, slots=True)
class PartnerInput:
    """What the supervisor types about a partner; ``kind`` is a PartnerKind value."""

    name: str
    kind: str
    contact_person: str | None = None
    phone: str | None = None
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class PartnerRow:
    """One partner with how many programmes and logbook entries name it."""

    id: str
    name: str
    kind: str
    contact_person: str | None
    phone: str | None
    notes: str | None
    programme_count: int
    visit_count: int


def save_partner(session: Session, data: PartnerInput, partner_id: str | None = None) -> str:
    """Create (no id) or update a partner; supervisor only. Returns its id."""
    ensure_supervisor(session)
    name = (data.name or "").strip()
    if not name:
        raise ValidationError("name", MSG_PARTNER_NAME_REQUIRED)
    try:
        kind = PartnerKind(data.kind)
    except ValueError:
        raise ValidationError("kind", MSG_PARTNER_KIND_UNKNOWN, value=data.kind) from None
    values = {
        "name": name,
        "kind": kind,
        "contact_person": optional_text(data.contact_person),
        "phone": optional_text(data.phone),
        "notes": optional_text(data.notes),
    }
    if partner_id is None:
        partner = Partner(id=new_id(), **values)
        session.add(partner)
    else:
        partner = partner_record(session, partner_id)
        for key, value in values.items():
            if getattr(partner, key) != value:
                setattr(partner, key, value)
    session.flush()
    return partner.id


def delete_partner(session: Session, partner_id: str) -> None:
    """Tombstone a partner (programmes keep its id; lists skip it); supervisor only."""
    ensure_supervisor(session)
    partner_record(session, partner_id).deleted = True
    session.flush()


def partner_record(session: Session, partner_id: str) -> Partner:
    """Return the live partner row; raises NotFoundError otherwise."""
    return live_record(session, Partner, partner_id, what=MSG_PARTNER)


def list_partners(session: Session) -> list[PartnerRow]:
    """Return every live partner by name, with how often programmes and visits name it."""
    programme_counts: dict[str, int] = {}
    for ids in session.scalars(select(Programme.partner_ids).where(Programme.deleted.is_(False))):
        for pid in ids or []:
            programme_counts[pid] = programme_counts.get(pid, 0) + 1
    visit_counts: dict[str, int] = {}
    for pid in session.scalars(
        select(LogbookEntry.partner_id).where(
            LogbookEntry.deleted.is_(False), LogbookEntry.partner_id.is_not(None)
        )
    ):
        visit_counts[pid] = visit_counts.get(pid, 0) + 1
    partners = session.scalars(select(Partner).where(Partner.deleted.is_(False)))
    rows = [
        PartnerRow(
            id=p.id,
            name=p.name,
            kind=PartnerKind(p.kind).value,
            contact_person=p.contact_person,
            phone=p.phone,
            notes=p.notes,
            programme_count=programme_counts.get(p.id, 0),
            visit_count=visit_counts.get(p.id, 0),
        )
        for p in partners
    ]
    return sorted(rows, key=lambda r: r.name.casefold())


def partner_names(session: Session, ids: list[str] | tuple[str, ...]) -> dict[str, str]:
    """Return the names of the live partners among ``ids``."""
    if not ids:
        return {}
    rows = session.execute(
        select(Partner.id, Partner.name).where(Partner.id.in_(ids), Partner.deleted.is_(False))
    )
    return {pid: name for pid, name in rows}
