"""Build the programme reports straight from a database (like ``reports.render``).

The data is read in one unit of work, then rendered after it ended; the Excel version of the
programme report writes the same evaluation as one sheet per table.
"""

from __future__ import annotations

import io
from datetime import date, datetime

from ikmdesk.db import Database
from ikmdesk.reports.catalogue import catalogue
from ikmdesk.reports.programme_report import LEVEL_NAMES, ProgrammeReport
from ikmdesk.reports.programme_strings import ps
from ikmdesk.reports.render import render_report
from ikmdesk.services.office_settings import get_office_settings
from ikmdesk.services.programme.catalogue import theme_def
from ikmdesk.services.programme.evaluation import ProgrammeEvaluation, evaluate_programme


def render_programme(
    db: Database,
    programme_id: str,
    *,
    on: date | None = None,
    lang: str | None = None,
    generated_at: datetime | None = None,
) -> bytes:
    """Return the Laporan Hasil Pendampingan PDF of one programme."""
    day = on or date.today()
    return render_report(
        db,
        ProgrammeReport,
        lambda session: evaluate_programme(session, programme_id, on=day),
        lang=lang,
        generated_at=generated_at,
    )


def render_handout(
    db: Database, visit_id: str, *, lang: str | None = None, generated_at: datetime | None = None
) -> bytes:
    """Return the Lembar Pendampingan PDF of one visit."""
    from ikmdesk.reports.handout_report import HandoutReport
    from ikmdesk.services.programme.handout import visit_handout

    return render_report(
        db,
        HandoutReport,
        lambda session: visit_handout(session, visit_id),
        lang=lang,
        generated_at=generated_at,
    )


def render_officer_month(
    db: Database,
    month: date,
    *,
    officer_id: str | None = None,
    lang: str | None = None,
    generated_at: datetime | None = None,
) -> bytes:
    """Return the officer's monthly activity report (this device's officer by default)."""
    from ikmdesk.reports.officer_report import OfficerReport
    from ikmdesk.services.device import this_device
    from ikmdesk.services.programme.officer_month import officer_month

    return render_report(
        db,
        OfficerReport,
        lambda session: officer_month(session, officer_id or this_device(session).id, month),
        lang=lang,
        generated_at=generated_at,
    )


def render_partner(
    db: Database,
    partner_id: str,
    *,
    on: date | None = None,
    lang: str | None = None,
    generated_at: datetime | None = None,
) -> bytes:
    """Return the partner report PDF: programmes and visits done together up to ``on``."""
    from ikmdesk.reports.partner_report import PartnerReport
    from ikmdesk.services.programme.partner_work import partner_work

    day = on or date.today()
    return render_report(
        db,
        PartnerReport,
        lambda session: partner_work(session, partner_id, on=day),
        lang=lang,
        generated_at=generated_at,
    )


def programme_workbook(evaluation: ProgrammeEvaluation, *, lang: str = "id") -> bytes:
    """Return the programme report as an Excel workbook: results per IKM, and the targets."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    t = catalogue(lang)
    book = Workbook()
    sheet = book.active
    sheet.title = "Hasil" if t.lang == "id" else "Results"
    p = evaluation.programme
    sheet.append([ps(t, "programme_title"), p.name])
    sheet.append([ps(t, "period", start=t.date(p.starts_on), end=t.date(p.ends_on))])
    sheet.append([])
    header = [
        ps(t, "col_ikm"),
        ps(t, "col_visits"),
        "",
        ps(t, "col_hours"),
        ps(t, "col_targets"),
        "",
        f"{ps(t, 'col_level')} ({ps(t, 'before')})",
        f"{ps(t, 'col_level')} ({ps(t, 'after')})",
        f"{ps(t, 'col_label')} ({ps(t, 'before')})",
        f"{ps(t, 'col_label')} ({ps(t, 'after')})",
        ps(t, "col_licences"),
        ps(t, "col_channels"),
    ]
    sheet.append(header)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for i in evaluation.ikms:
        sheet.append(
            [
                i.name,
                i.progress.visits,
                i.progress.expected_visits,
                i.progress.hours,
                i.targets_met,
                i.targets_total,
                LEVEL_NAMES.get(i.level_before or "", ""),
                LEVEL_NAMES.get(i.level_after or "", ""),
                i.label_before or "",
                i.label_after or "",
                ", ".join(i.licences_gained),
                ", ".join(i.channels_gained),
            ]
        )
    targets = book.create_sheet("Sasaran" if t.lang == "id" else "Targets")
    names = {e.enterprise_id: e.name for e in evaluation.ikms}
    targets.append(
        [
            ps(t, "col_ikm"),
            "Tema" if t.lang == "id" else "Theme",
            ps(t, "col_target"),
            "Indikator" if t.lang == "id" else "Indicator",
            "Tenggat" if t.lang == "id" else "Deadline",
            ps(t, "col_done"),
        ]
    )
    for cell in targets[1]:
        cell.font = Font(bold=True)
    for row in evaluation.targets:
        theme = theme_def(row.theme)
        targets.append(
            [
                names.get(row.enterprise_id, ""),
                theme.title(t.lang) if theme else row.theme,
                row.title_en if t.lang == "en" else row.title_id,
                row.indicator,
                row.due_on,
                row.done_on,
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_programme_workbook(
    db: Database, programme_id: str, *, on: date | None = None, lang: str | None = None
) -> bytes:
    """Return the Excel version of the programme report, read from ``db``."""
    day = on or date.today()
    with db.unit_of_work() as session:
        evaluation = evaluate_programme(session, programme_id, on=day)
        settings = get_office_settings(session)
    return programme_workbook(evaluation, lang=lang or settings.lang)
