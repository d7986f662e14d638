"""Narrowing rows that belong to an IKM (visits, follow-ups) to the IKM's cluster or kecamatan."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from ikmdesk.models import Enterprise
from ikmdesk.services.listing import SqlColumn, owner_matches
from ikmdesk.services.region import resolve_cluster_id, resolve_kecamatan_id


def enterprise_place_conditions(
    session: Session,
    enterprise_id: SqlColumn,
    *,
    cluster: str | None,
    kecamatan: str | None,
    page: bool,
) -> list[ColumnElement[bool]]:
    """Return conditions keeping rows whose IKM (``enterprise_id``) is in the given places.

    ``cluster`` takes a cluster code, id or name and ``kecamatan`` a kecamatan id, code or name;
    an empty one means "any". The query must join ``Enterprise`` on ``enterprise_id``.
    """
    conditions: list[ColumnElement[bool]] = []
    if cluster:
        cluster_id = resolve_cluster_id(session, cluster)
        conditions.append(
            on_enterprise(enterprise_id, lambda e: e.cluster_id == cluster_id, page=page)
        )
    if kecamatan:
        kecamatan_id = resolve_kecamatan_id(session, kecamatan)
        conditions.append(
            on_enterprise(enterprise_id, lambda e: e.kecamatan_id == kecamatan_id, page=page)
        )
    return conditions


def on_enterprise(
    enterprise_id: SqlColumn, condition: Callable[[Any], ColumnElement[bool]], *, page: bool
) -> ColumnElement[bool]:
    """Return ``condition`` on the row's IKM, written for a page query or for a count.

    A page asks through a correlated EXISTS, so SQLite walks the list's own sort index and
    stops after one page; a count puts it on the joined IKM, so SQLite may start from the
    IKM's index. (Without planner statistics SQLite otherwise picks the IKM side for pages
    too: 300 ms instead of 10 ms for a cluster's newest visits among 30,000.)
    """
    if page:
        return owner_matches(Enterprise, enterprise_id, condition)
    return condition(Enterprise)
