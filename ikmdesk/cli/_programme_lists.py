"""The ``ikmdesk list programmes`` and ``ikmdesk list partners`` kinds (issue 13).

Kept apart from ``listing`` so the mentoring-programme lists live with their feature; the
``list`` command adds them to its kinds.
"""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.orm import Session

from ikmdesk.services.device import this_device
from ikmdesk.services.programme.partner import list_partners
from ikmdesk.services.programme.programme import list_programmes


def _matches(text: str, *values: str | None) -> bool:
    needle = text.strip().casefold()
    return not needle or any(needle in (v or "").casefold() for v in values)


def programmes(session: Session, args: argparse.Namespace) -> list[dict[str, Any]]:
    """Return the programmes as JSON objects, this device's officer's own first."""
    rows = list_programmes(session, officer_id=this_device(session).id)
    records = [
        {
            "id": r.id,
            "name": r.name,
            "cluster": r.cluster_code,
            "cluster_name": r.cluster_name_id,
            "kecamatan": r.kecamatan,
            "sentra": r.sentra,
            "starts_on": r.starts_on.isoformat(),
            "ends_on": r.ends_on.isoformat(),
            "status": r.status,
            "officers": list(r.officer_names),
            "enterprise_count": r.enterprise_count,
            "mine": r.mine,
        }
        for r in rows
        if _matches(args.text, r.name, r.kecamatan, r.sentra)
        and (not args.cluster or args.cluster in (r.cluster_code, r.cluster_name_id))
        and (not args.status or args.status == r.status)
    ]
    return records[: args.limit]


def partners(session: Session, args: argparse.Namespace) -> list[dict[str, Any]]:
    """Return the partner institutions as JSON objects (no phone numbers of people)."""
    return [
        {
            "id": r.id,
            "name": r.name,
            "kind": r.kind,
            "contact_person": r.contact_person,
            "programme_count": r.programme_count,
            "visit_count": r.visit_count,
        }
        for r in list_partners(session)
        if _matches(args.text, r.name, r.contact_person)
    ][: args.limit]


KINDS = {
    "programmes": (
        programmes,
        [
            ("name", "Program"),
            ("cluster", "Klaster"),
            ("kecamatan", "Kecamatan"),
            ("starts_on", "Mulai"),
            ("ends_on", "Selesai"),
            ("status", "Status"),
            ("enterprise_count", "IKM"),
        ],
    ),
    "partners": (
        partners,
        [
            ("name", "Mitra"),
            ("kind", "Jenis"),
            ("programme_count", "Program"),
            ("visit_count", "Kunjungan"),
        ],
    ),
}
