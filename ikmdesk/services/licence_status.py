"""Licence facts as of a day: P-IRT numbers run out or running out, the halal obligation of
micro and small food firms, and what a CPPB-IRT level means for an IKM's SPP-IRT.

Everything here is data (dates, codes, numbers); reports and screens word it. Nothing is
judged on the print day unless the caller passes it as ``as_of``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ikmdesk.models import Enterprise, Product, Region
from ikmdesk.models.enums import EnterpriseStatus
from ikmdesk.services.pirt import parse_pirt

HALAL_UMK_DEADLINE = date(2026, 10, 17)
"""Default halal obligation date for micro and small food firms (standards.md §7)."""
HALAL_UMK_SOURCE = "PP 42/2024 Pasal 160(2)"
"""Where the date comes from; a secondary source (news summaries), so "perlu dikonfirmasi"."""
HALAL_UMK_CONFIRMED = False
HALAL_SCALES: frozenset[str] = frozenset({"mikro", "kecil"})
"""Business scales the UMK halal date applies to."""

EXPIRED = "expired"
EXPIRING = "expiring"


@dataclass(frozen=True, slots=True)
class PirtExpiry:
    """One product's P-IRT number that has run out, or runs out in the year of ``as_of``.

    A P-IRT number encodes only its last year, so it counts as valid to the end of it.
    """

    enterprise_id: str
    enterprise_name: str
    kecamatan: str
    product_id: str
    product_name: str
    pirt_number: str
    expiry_year: int
    state: str
    """``EXPIRED`` (the year is over on ``as_of``) or ``EXPIRING`` (it ends this year)."""


def pirt_expiries(
    session: Session,
    as_of: date,
    *,
    include_expiring: bool = True,
    expiring_years: int = 0,
    conditions: Sequence[Any] = (),
) -> list[PirtExpiry]:
    """Return the P-IRT numbers of active IKMs expired on ``as_of`` (and, unless told not to,
    those ending in ``as_of``'s year or the ``expiring_years`` after it), longest expired
    first, then by IKM and product.

    ``conditions`` are extra SQLAlchemy filters on ``Enterprise`` (a cluster, a kecamatan, a
    set of ids). Unreadable numbers are left out: their expiry cannot be told.
    """
    rows = session.execute(
        select(Enterprise.id, Enterprise.name, Region.name, Product.id, Product.name)
        .add_columns(Product.pirt_number)
        .join(Product, Product.enterprise_id == Enterprise.id)
        .outerjoin(Region, Region.id == Enterprise.kecamatan_id)
        .where(
            Enterprise.deleted.is_(False),
            Enterprise.status == EnterpriseStatus.ACTIVE,
            Product.deleted.is_(False),
            Product.pirt_number.is_not(None),
            *conditions,
        )
    ).all()
    found = []
    for enterprise_id, name, kecamatan, product_id, product, number in rows:
        parsed = parse_pirt(number)
        if parsed is None:
            continue
        if parsed.expired(as_of):
            state = EXPIRED
        elif include_expiring and parsed.expiry_year <= as_of.year + expiring_years:
            state = EXPIRING
        else:
            continue
        found.append(
            PirtExpiry(
                enterprise_id=enterprise_id,
                enterprise_name=name,
                kecamatan=kecamatan or "",
                product_id=product_id,
                product_name=product,
                pirt_number=number,
                expiry_year=parsed.expiry_year,
                state=state,
            )
        )
    return sorted(
        found,
        key=lambda p: (
            p.state != EXPIRED,
            p.expiry_year,
            p.enterprise_name.casefold(),
            p.product_name,
        ),
    )


@dataclass(frozen=True, slots=True)
class HalalObligation:
    """The day halal certification becomes compulsory for micro and small food firms."""

    deadline: date
    source: str = HALAL_UMK_SOURCE
    confirmed: bool = HALAL_UMK_CONFIRMED

    def applies_to(self, scale: str | None) -> bool:
        """Tell whether an IKM of business ``scale`` falls under this date."""
        return scale in HALAL_SCALES


@dataclass(frozen=True, slots=True)
class HalalFlag:
    """An IKM the halal obligation concerns and that was not certified on ``as_of``."""

    deadline: date
    as_of: date
    source: str
    confirmed: bool
    in_process: bool

    @property
    def passed(self) -> bool:
        """Tell whether the obligation already applied on ``as_of``."""
        return self.as_of >= self.deadline

    @property
    def days_left(self) -> int:
        """Return the days from ``as_of`` to the deadline (0 or less once it has passed)."""
        return (self.deadline - self.as_of).days


def halal_obligation(deadline_text: str | None) -> HalalObligation | None:
    """Return the obligation with the office's configured date ("" switches the flag off)."""
    if deadline_text is None:
        return HalalObligation(HALAL_UMK_DEADLINE)
    text = deadline_text.strip()
    if not text:
        return None
    try:
        return HalalObligation(date.fromisoformat(text))
    except ValueError:
        return HalalObligation(HALAL_UMK_DEADLINE)


def halal_flag(
    obligation: HalalObligation | None,
    *,
    scale: str | None,
    halal_status: str,
    halal_issued_on: date | None,
    as_of: date,
) -> HalalFlag | None:
    """Return the flag for an IKM not certified halal on ``as_of`` that the date concerns.

    A certificate issued after ``as_of`` did not exist yet on that day.
    """
    if obligation is None or not obligation.applies_to(scale):
        return None
    certified = halal_status == "certified" and (
        halal_issued_on is None or halal_issued_on <= as_of
    )
    if certified:
        return None
    return HalalFlag(
        deadline=obligation.deadline,
        as_of=as_of,
        source=obligation.source,
        confirmed=obligation.confirmed,
        in_process=halal_status == "in_process",
    )


# --- what a CPPB-IRT level means for the IKM's SPP-IRT -------------------------------------

HOLDS = "holds"
"""The IKM holds a P-IRT number still valid on the day of the check."""
EXPIRED_ONLY = "expired_only"
"""It held one, but every readable number has run out."""
WITHOUT = "without"
"""It has no readable P-IRT number."""

PASSING_LEVELS: tuple[str, ...] = ("LEVEL_I", "LEVEL_II")
"""Levels the SPP-IRT is given for (a common statement, unverified: "perlu dikonfirmasi")."""
READINESS_CONFIRMED = False


@dataclass(frozen=True, slots=True)
class Readiness:
    """What one CPPB-IRT level means for the IKM, given the licences it holds.

    ``holding`` is ``HOLDS``, ``EXPIRED_ONLY`` or ``WITHOUT``; ``ready`` tells whether the
    level is one an SPP-IRT is given for; ``numbers`` are the P-IRT numbers concerned.
    """

    level: str
    holding: str
    ready: bool
    numbers: tuple[str, ...]
    expired_year: int | None = None
    confirmed: bool = READINESS_CONFIRMED


def licence_holding(
    pirt_numbers: Iterable[str], as_of: date
) -> tuple[str, tuple[str, ...], int | None]:
    """Return (holding, numbers concerned, last expiry year) of an IKM's P-IRT numbers."""
    valid, expired = [], []
    for number in pirt_numbers:
        parsed = parse_pirt(number) if number else None
        if parsed is None:
            continue
        (expired if parsed.expired(as_of) else valid).append((number, parsed.expiry_year))
    if valid:
        return HOLDS, tuple(n for n, _ in valid), None
    if expired:
        return EXPIRED_ONLY, tuple(n for n, _ in expired), max(y for _, y in expired)
    return WITHOUT, (), None


def spp_irt_readiness(
    level_code: str | None, pirt_numbers: Iterable[str], as_of: date
) -> Readiness | None:
    """Return what ``level_code`` (LEVEL_I … LEVEL_IV) means for an IKM with ``pirt_numbers``
    on ``as_of``; None when the check reached no level (incomplete, not assessed)."""
    level = (level_code or "").upper()
    if level not in ("LEVEL_I", "LEVEL_II", "LEVEL_III", "LEVEL_IV"):
        return None
    holding, numbers, expired_year = licence_holding(pirt_numbers, as_of)
    return Readiness(
        level=level,
        holding=holding,
        ready=level in PASSING_LEVELS,
        numbers=numbers,
        expired_year=expired_year,
    )
