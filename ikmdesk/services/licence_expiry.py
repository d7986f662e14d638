"""Licences that ran out or soon will: P-IRT per product (digits 14–15), halal by its date.

The rules are the IKM list's licence filter (``services.enterprise.Licence``), so a count here
matches the list a user opens from it:

- a P-IRT ran out when its expiry year is before this year (a certificate is valid until the
  end of its year, ``services.pirt``), and runs out soon when the year is this one or the next
  (read by ``licence_status.pirt_expiries``, which the summaries use too);
- a halal certificate counts only when its expiry date is recorded (the law since UU 6/2023 is
  unverified, standards.md §7): run out before today, or within ``HALAL_SOON_DAYS``.

A P-IRT number that cannot be read is not guessed at (the product's warnings say why).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ikmdesk.models import Enterprise, Region
from ikmdesk.models.enums import EnterpriseStatus
from ikmdesk.services.licence_status import EXPIRED, pirt_expiries
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
    ids = () if enterprise_ids is None else (Enterprise.id.in_(list(enterprise_ids)),)
    return [
        LicenceAlert(
            enterprise_id=found.enterprise_id,
            enterprise_name=found.enterprise_name,
            kecamatan=found.kecamatan,
            licence=PIRT,
            product_name=found.product_name,
            number=_pirt_text(found.pirt_number),
            expires_year=found.expiry_year,
            expires_on=None,
            expired=found.state == EXPIRED,
        )
        for found in pirt_expiries(session, today, expiring_years=1, conditions=ids)
    ]


def _pirt_text(number: str) -> str:
    """Return the number as the products list shows it (without a "P-IRT No." prefix)."""
    parsed = parse_pirt(number)
    return parsed.text if parsed is not None else number.strip()


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
