"""Licences that ran out or soon will: P-IRT per product (digits 14–15), halal by its date.

The rules are the IKM list's licence filter (``services.enterprise.Licence``), so a count here
matches the list a user opens from it:

- a P-IRT ran out when its expiry year is before this year (a certificate is valid until the
  end of its year, ``services.pirt``), and runs out soon when the year is this one or the next;
- a halal certificate counts only when its expiry date is recorded (the law since UU 6/2023 is
  unverified, standards.md §7): run out before today, or within ``HALAL_SOON_DAYS``.

A P-IRT number that cannot be read is not guessed at (the product's warnings say why).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ikmdesk.models import Enterprise, Product, Region
from ikmdesk.models.enums import EnterpriseStatus
from ikmdesk.services.pirt import parse_pirt

PIRT = "pirt"
HALAL = "halal"
HALAL_SOON_DAYS = 90
LIST_LIMIT = 50


@dataclass(frozen=True, slots=True)
class LicenceAlert:
    """One licence of one IKM that ran out (``expired``) or runs out soon."""

    enterprise_id: str
    enterprise_name: str
    kecamatan: str
    licence: str
    """``PIRT`` or ``HALAL``."""
    product_name: str | None
    number: str | None
    expires_year: int
    expires_on: date | None
    """The exact date (halal); None for a P-IRT, valid until the end of ``expires_year``."""
    expired: bool


@dataclass(frozen=True, slots=True)
class LicenceAlerts:
    """The licences run out and running out soon, each list limited, counts not."""

    expired: tuple[LicenceAlert, ...]
    expired_count: int
    expiring: tuple[LicenceAlert, ...]
    expiring_count: int


def licence_alerts(
    session: Session,
    *,
    today: date,
    enterprise_ids: Collection[str] | None = None,
    limit: int = LIST_LIMIT,
) -> LicenceAlerts:
    """Return the active IKMs' licences run out (latest first) and running out (soonest first).

    ``enterprise_ids`` narrows it to those IKMs (an officer's own); None means all of them.
    """
    alerts = [
        *_pirt_alerts(session, today, enterprise_ids),
        *_halal_alerts(session, today, enterprise_ids),
    ]
    expired = sorted(
        (a for a in alerts if a.expired),
        key=lambda a: (-_last_day(a), a.enterprise_name.casefold(), a.enterprise_id),
    )
    expiring = sorted(
        (a for a in alerts if not a.expired),
        key=lambda a: (_last_day(a), a.enterprise_name.casefold(), a.enterprise_id),
    )
    return LicenceAlerts(
        expired=tuple(expired[:limit]),
        expired_count=len(expired),
        expiring=tuple(expiring[:limit]),
        expiring_count=len(expiring),
    )


def _pirt_alerts(
    session: Session, today: date, enterprise_ids: Collection[str] | None
) -> list[LicenceAlert]:
    number = func.trim(func.coalesce(Product.pirt_number, ""))
    year = func.substr(number, func.length(number) - 1, 2)
    this_year, next_year = f"{today.year % 100:02d}", f"{(today.year + 1) % 100:02d}"
    query = (
        select(Product.name, Product.pirt_number, Enterprise.id, Enterprise.name, Region.name)
        .join(Enterprise, Enterprise.id == Product.enterprise_id)
        .join(Region, Region.id == Enterprise.kecamatan_id)
        .where(
            Product.deleted.is_(False),
            Enterprise.deleted.is_(False),
            Enterprise.status == EnterpriseStatus.ACTIVE,
            number != "",
            or_(year < this_year, year.in_([this_year, next_year])),  # narrowed, then parsed
        )
    )
    if enterprise_ids is not None:
        query = query.where(Enterprise.id.in_(list(enterprise_ids)))
    alerts = []
    for product, text, enterprise_id, name, kecamatan in session.execute(query):
        parsed = parse_pirt(text)
        if parsed is None or parsed.expiry_year > today.year + 1:
            continue
        alerts.append(
            LicenceAlert(
                enterprise_id=enterprise_id,
                enterprise_name=name,
                kecamatan=kecamatan,
                licence=PIRT,
                product_name=product,
                number=parsed.text,
                expires_year=parsed.expiry_year,
                expires_on=None,
                expired=parsed.expired(today),
            )
        )
    return alerts


def _halal_alerts(
    session: Session, today: date, enterprise_ids: Collection[str] | None
) -> list[LicenceAlert]:
    query = (
        select(
            Enterprise.id,
            Enterprise.name,
            Region.name,
            Enterprise.halal_cert_no,
            Enterprise.halal_expires_on,
        )
        .join(Region, Region.id == Enterprise.kecamatan_id)
        .where(
            Enterprise.deleted.is_(False),
            Enterprise.status == EnterpriseStatus.ACTIVE,
            Enterprise.halal_expires_on.is_not(None),
            Enterprise.halal_expires_on <= today + timedelta(days=HALAL_SOON_DAYS),
        )
    )
    if enterprise_ids is not None:
        query = query.where(Enterprise.id.in_(list(enterprise_ids)))
    return [
        LicenceAlert(
            enterprise_id=enterprise_id,
            enterprise_name=name,
            kecamatan=kecamatan,
            licence=HALAL,
            product_name=None,
            number=number,
            expires_year=expires.year,
            expires_on=expires,
            expired=expires < today,
        )
        for enterprise_id, name, kecamatan, number, expires in session.execute(query)
    ]


def _last_day(alert: LicenceAlert) -> int:
    """Return the last valid day (a P-IRT holds to the end of its year) as an ordinal."""
    last = alert.expires_on or date(alert.expires_year, 12, 31)
    return last.toordinal()
