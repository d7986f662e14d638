"""Build each report straight from a database: read its data in one unit of work, render.

These are what the command line, the window and the sample script call. Rendering happens
after the transaction has ended, so a long PDF never holds the database.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ikmdesk.blob_store import BlobStore
from ikmdesk.db import Database
from ikmdesk.paths import blob_dir
from ikmdesk.reports.base import PdfReport
from ikmdesk.reports.enterprise_history_report import EnterpriseHistoryReport
from ikmdesk.reports.images import logo_bytes
from ikmdesk.reports.monthly_summary_report import MonthlySummaryReport
from ikmdesk.reports.visit_report import VisitReport
from ikmdesk.services.approval_snapshot import frozen_report
from ikmdesk.services.office_settings import OfficeSettings, get_office_settings
from ikmdesk.services.report_data import (
    MonthlySummary,
    enterprise_history,
    period_summary,
    visit_sheet,
)
from ikmdesk.services.report_period import Period, month_period
from ikmdesk.services.shared_blobs import fetch_missing


def render_visit(
    db: Database,
    visit_id: str,
    *,
    lang: str | None = None,
    generated_at: datetime | None = None,
    version: str | None = None,
) -> bytes:
    """Return the visit report PDF: an approved visit from its approval snapshot, else as a draft.

    Printing changes nothing stored (numbers are given at approval, never at printing).
    """
    blobs = blob_dir(Path(db.path))
    with db.unit_of_work() as session:
        frozen = frozen_report(session, visit_id, blob_root=blobs)
        sheet = frozen.sheet if frozen else visit_sheet(session, visit_id, blob_root=blobs)
        settings = frozen.settings if frozen else get_office_settings(session)
        _fetch_logo(session, blobs, settings)
    return VisitReport(
        sheet,
        settings=settings,
        lang=lang,
        generated_at=generated_at,
        version=version,
        logo=logo_bytes(settings, blobs),
    ).render()


def render_enterprise(
    db: Database,
    enterprise_id: str,
    *,
    lang: str | None = None,
    generated_at: datetime | None = None,
    version: str | None = None,
    today: date | None = None,
) -> bytes:
    """Return the enterprise history PDF."""
    return render_report(
        db,
        EnterpriseHistoryReport,
        lambda session: enterprise_history(session, enterprise_id, today=today),
        lang=lang,
        generated_at=generated_at,
        version=version,
    )


def render_summary(
    db: Database,
    month: date | None = None,
    *,
    period: Period | None = None,
    cluster: str | None = None,
    kecamatan: str | None = None,
    stale_months: int = 3,
    annex: bool = False,
    lang: str | None = None,
    generated_at: datetime | None = None,
    version: str | None = None,
) -> bytes:
    """Return the summary PDF of ``period`` (else of the month holding ``month``).

    ``annex`` adds the full lists after the signatures (every overdue action, every IKM the
    halal obligation concerns).
    """
    chosen = _period(month, period)
    return render_report(
        db,
        partial(MonthlySummaryReport, annex=annex),
        lambda session: period_summary(
            session, chosen, cluster, kecamatan, stale_months=stale_months
        ),
        lang=lang,
        generated_at=generated_at,
        version=version,
    )


def read_summary(
    db: Database,
    month: date | None = None,
    *,
    period: Period | None = None,
    cluster: str | None = None,
    kecamatan: str | None = None,
    stale_months: int = 3,
) -> tuple[MonthlySummary, OfficeSettings]:
    """Return the summary data of a period and the office settings (for the Excel version)."""
    chosen = _period(month, period)
    with db.unit_of_work() as session:
        summary = period_summary(session, chosen, cluster, kecamatan, stale_months=stale_months)
        return summary, get_office_settings(session)


def write_summary_xlsx(
    db: Database,
    path: str | Path,
    *,
    period: Period,
    cluster: str | None = None,
    kecamatan: str | None = None,
    stale_months: int = 3,
    lang: str | None = None,
) -> Path:
    """Write the Excel version of a summary (the PDF's tables, one sheet each) to ``path``."""
    from ikmdesk.reports.catalogue import catalogue
    from ikmdesk.reports.summary_workbook import write_summary_workbook

    summary, settings = read_summary(
        db, period=period, cluster=cluster, kecamatan=kecamatan, stale_months=stale_months
    )
    chosen = lang or settings.lang
    title = MonthlySummaryReport(summary, settings=settings, lang=chosen).title()
    return write_summary_workbook(path, summary, lang=catalogue(chosen).lang, title=title)


def _period(month: date | None, period: Period | None) -> Period:
    if period is not None:
        return period
    if month is None:
        raise TypeError("render_summary needs a month or a period")
    return month_period(month)


def render_report(
    db: Database,
    report: Callable[..., PdfReport],
    read: Callable[[Session], Any],
    *,
    lang: str | None,
    generated_at: datetime | None,
    version: str | None = None,
) -> bytes:
    """Return the PDF of ``report`` over ``read``'s data, rendered after its unit of work ends.

    The data and the office settings are read in one unit of work.
    """
    blobs = blob_dir(Path(db.path))
    with db.unit_of_work() as session:
        data = read(session)
        settings = get_office_settings(session)
        _fetch_logo(session, blobs, settings)
    return report(
        data,
        settings=settings,
        lang=lang,
        generated_at=generated_at,
        version=version,
        logo=logo_bytes(settings, blobs),
    ).render()


def _fetch_logo(session: Session, blob_root: Path, settings: OfficeSettings) -> None:
    """Bring the logo file here from a server database, if another laptop set it."""
    if settings.logo_sha256:
        fetch_missing(session, BlobStore(blob_root), [settings.logo_sha256])
