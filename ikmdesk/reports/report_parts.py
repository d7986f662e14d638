"""Pieces several reports print the same way: the IKM profile, check results, follow-ups."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from ikmdesk.reports.catalogue import Catalogue
from ikmdesk.reports.fonts import BOLD, REGULAR
from ikmdesk.reports.markup import escaped, para, para_markup
from ikmdesk.reports.styles import ALERT, HEAD_FILL
from ikmdesk.reports.tables import data_table, key_value_table
from ikmdesk.services.licence_status import (
    EXPIRED_ONLY,
    HOLDS,
    HalalObligation,
    halal_flag,
    spp_irt_readiness,
)
from ikmdesk.services.report_data import (
    NC_CLASSES,
    CheckItemRow,
    CheckResult,
    EnterpriseProfile,
    FollowUpLine,
    PirtInfo,
)

LABEL_WIDTH = 4.3 * cm
CELL_PADDING = 3.5
"""Left and right padding of a data-table cell (``tables.data_table``)."""
SHORT_ANSWER = 14
"""Answers up to this many characters (ya/tidak, a number) are centred in their column."""


def profile_block(
    profile: EnterpriseProfile,
    t: Catalogue,
    styles: StyleSheet1,
    width: float,
    *,
    as_of: date | None = None,
    halal_rule: HalalObligation | None = None,
) -> list[Flowable]:
    """Return the IKM's facts as label–value lines, then its products and P-IRT numbers.

    Expiry is judged on ``as_of`` (an approved report: its approval day), never the print day.
    ``halal_rule`` is the office's halal obligation date: an uncertified micro/small IKM is flagged.
    """
    place = " / ".join(p for p in (profile.desa, profile.kecamatan) if p)
    not_yet = t.t("not_yet")
    halal = t.word(profile.halal_status)
    if profile.halal_route:
        halal += f" ({t.word(profile.halal_route)})"
    certificate = profile.halal_cert_no or not_yet
    if profile.halal_cert_no and profile.halal_issued_on:
        certificate += f", {t.t('halal_issued')} {t.date(profile.halal_issued_on)}"
    if profile.halal_cert_no and profile.halal_expires_on:
        certificate += f", {t.t('halal_valid')} {t.date(profile.halal_expires_on)}"
    pairs: list[tuple[str, str]] = [
        (t.t("enterprise_name"), profile.name),
        (t.t("owner"), profile.owner_name or "—"),
        (t.t("address"), profile.address or "—"),
        (t.t("desa_kecamatan"), place or "—"),
        (t.t("cluster"), profile.cluster.get(t.lang) or "—"),
        (t.t("scale"), t.word(profile.scale) if profile.scale else "—"),
        (t.t("workers"), t.t("workers_value", n=profile.workers) if profile.workers else "—"),
        (t.t("capacity"), profile.production_capacity or "—"),
        # NIB and KBLI are different things: a KBLI code is never printed as the NIB.
        (t.t("nib"), profile.nib or not_yet),
        (t.t("kbli"), profile.kbli or not_yet),
        (t.t("halal"), halal),
        (t.t("halal_cert"), certificate),
        *(
            [(t.t("halal_obligation"), para(flag, styles["CellAlert"]))]
            if (flag := halal_flag_text(profile, halal_rule, as_of or date.today(), t))
            else []
        ),
        (t.t("pkp"), profile.pkp_cert_no or not_yet),
    ]
    parts: list[Flowable] = [key_value_table(pairs, (LABEL_WIDTH, width - LABEL_WIDTH), styles)]
    if profile.products:
        rows = [_product_row(p.name, p.pirt, t, as_of or date.today()) for p in profile.products]
        number_width = max(width * 0.2, unbroken_width([r[1] for r in rows]))
        expiry = width * 0.16
        parts.append(Spacer(1, 5))
        parts.append(
            data_table(
                [t.t("product"), t.t("pirt_number"), t.t("pirt_decoded"), t.t("pirt_expiry")],
                rows,
                [width * 0.24, number_width, width * 0.76 - number_width - expiry, expiry],
                styles,
            )
        )
    return parts


def unbroken_width(texts: Sequence[str], *, font_size: float = 8.5, bold: bool = True) -> float:
    """Return the column width that shows the longest single word of ``texts`` unbroken.

    Numbers (P-IRT, NIB, certificate numbers) are single words: a column at least this wide
    never splits one across two lines. Bold is assumed, the widest face a cell may use.
    """
    words = [w for text in texts for w in text.split()] or [""]
    widest = max(stringWidth(w, BOLD if bold else REGULAR, font_size) for w in words)
    return widest + 2 * CELL_PADDING + 1


def _product_row(name: str, pirt: PirtInfo | None, t: Catalogue, as_of: date) -> list[str]:
    if pirt is None:
        return [name, t.t("not_yet"), "—", "—"]
    if not pirt.valid:
        return [name, pirt.number, t.t("pirt_invalid"), "—"]
    decoded = t.t(
        "pirt_decode_text",
        packaging_code=pirt.packaging_code,
        packaging=pirt.packaging.get(t.lang) if pirt.packaging else t.t("unknown"),
        food_type_code=pirt.food_type_code,
        food_type=pirt.food_type.get(t.lang) if pirt.food_type else t.t("unknown"),
        region=pirt.region_code,
        product_no=pirt.product_no,
        irtp_no=pirt.irtp_no,
    )
    expiry = t.t("pirt_year_end", year=pirt.expiry_year)
    if pirt.expiry_year is not None and pirt.expiry_year < as_of.year:
        expiry += f" ({t.t('pirt_expired')})"
    return [name, pirt.number, decoded, expiry]


def check_block(
    check: CheckResult,
    index: int,
    t: Catalogue,
    styles: StyleSheet1,
    width: float,
    *,
    pirt_numbers: Sequence[str] = (),
    as_of: date | None = None,
) -> list[Flowable]:
    """Return one stored check: heading, items as answered with each judged item's limit,
    source and "perlu dikonfirmasi", and the result it got.

    ``pirt_numbers`` (the IKM's) and ``as_of`` word a CPPB-IRT level as readiness for the
    licence the IKM actually holds or lacks on that day.
    """
    heading = KeepTogether(
        [
            para(
                t.t("check_heading", n=index, title=check.title.get(t.lang)), styles["SubHeading"]
            ),
            para(
                t.t(
                    "check_meta",
                    product=check.product_name or "—",
                    date=t.date(check.checked_on),
                    code=check.template_code,
                    version=check.template_version,
                ),
                styles["Small"],
            ),
            Spacer(1, 3),
        ]
    )
    return [
        CondPageBreak(5 * cm),
        heading,
        _items_table(check, t, styles, width),
        Spacer(1, 4),
        *_result_block(check, t, styles, width, pirt_numbers, as_of or check.checked_on),
        *finding_records(check, t, styles, width),
        Spacer(1, 6),
    ]


def finding_records(
    check: CheckResult, t: Catalogue, styles: StyleSheet1, width: float
) -> list[Flowable]:
    """Return every written finding of a check whole: problem, location, evidence, reference,
    the criterion (the item as the standard words it), corrective action and deadline.

    Each record stays on one page with its heading, as a filed finding form would.
    """
    rows = [row for row in check.items if row.is_finding or (row.failed and row.corrective_action)]
    if not rows:
        return []
    parts: list[Flowable] = [
        CondPageBreak(4 * cm),
        para(t.t("findings_heading"), styles["SubHeading"]),
    ]
    for number, row in enumerate(rows, start=1):
        title = t.t("finding_title", n=number, item=row.number)
        if row.nc_class:
            title += f" — {t.t(f'nc_{row.nc_class}')}"
        pairs: list[tuple[str, str]] = [
            (t.t("finding_problem"), row.problem or "—"),
            (t.t("finding_location"), row.location or "—"),
            (t.t("finding_evidence"), row.evidence or "—"),
            (t.t("finding_reference"), row.reference or "—"),
            (t.t("finding_criterion"), row.text.get(t.lang)),
            (t.t("finding_action"), row.corrective_action or "—"),
            (t.t("finding_deadline"), t.date(row.due_date) if row.due_date else "—"),
        ]
        parts.append(
            KeepTogether(
                [
                    para(title, styles["Body"]),
                    key_value_table(pairs, (LABEL_WIDTH, width - LABEL_WIDTH), styles),
                    Spacer(1, 4),
                ]
            )
        )
    return parts


def _items_table(check: CheckResult, t: Catalogue, styles: StyleSheet1, width: float) -> Flowable:
    with_class = any(row.nc_class for row in check.items)
    answers = [row.answer.get(t.lang) for row in check.items]
    answer_width = min(4.2 * cm, max(2.6 * cm, unbroken_width(answers)))
    widths = [0.8 * cm, 0.0, answer_width, *([1.2 * cm] if with_class else []), 4.4 * cm]
    widths[1] = width - sum(widths)
    header = [
        t.t("col_no"),
        t.t("col_item"),
        t.t("col_answer"),
        *([t.t("col_class")] if with_class else []),
        t.t("col_note"),
    ]
    rows: list[list[Flowable | str]] = []
    extra: list[tuple[object, ...]] = []
    last_section = None
    for row in check.items:
        section = row.section.get(t.lang)
        if section and section != last_section:
            rows.append([para(section, styles["CellHead"]), *[""] * (len(header) - 1)])
            line = len(rows)
            extra += [
                ("SPAN", (0, line), (-1, line)),
                ("BACKGROUND", (0, line), (-1, line), HEAD_FILL),
                # A section title never ends a page: it moves on with its first item.
                ("NOSPLIT", (0, line), (-1, line + 1)),
            ]
            last_section = section
        # A written finding prints whole below the table; the cell names it instead.
        action = None if row.is_finding else row.corrective_action
        note = "\n".join(v for v in (row.note, action) if v)
        answer_text = row.answer.get(t.lang)
        answer = para(answer_text, styles[_answer_style(answer_text, failed=row.failed)])
        rows.append(
            [
                row.number,
                _item_cell(row, t, styles),
                answer,
                *([para(row.nc_class or "", styles["CellCenter"])] if with_class else []),
                note,
            ]
        )
    if not rows:
        rows.append(["", "—", "", *([""] if with_class else []), ""])
    return data_table(header, rows, widths, styles, extra=extra)


def _item_cell(row: CheckItemRow, t: Catalogue, styles: StyleSheet1) -> Flowable:
    """Return the item text with, below it in small type, the limit it is judged against,
    the source of that limit and "perlu dikonfirmasi" where the source is not confirmed."""
    text = escaped(row.text.get(t.lang))
    if row.limit is None:
        return para_markup(text, styles["Cell"])
    basis = escaped(
        t.t("basis_line", limit=row.limit.get(t.lang), source=row.source or t.t("unknown"))
    )
    if row.critical:
        basis += f" · <b>{escaped(t.t('critical_mark'))}</b>"
    if not row.confirmed:
        basis += (
            f' · <font color="#{ALERT.hexval()[2:]}"><b>{escaped(t.t("to_confirm"))}</b></font>'
        )
    return para_markup(f'{text}<br/><font size="7" color="#555555">{basis}</font>', styles["Cell"])


def _answer_style(text: str, *, failed: bool) -> str:
    """Return the cell style of an answer: short ones centred, typed text left-aligned."""
    if len(text) > SHORT_ANSWER:
        return "CellAlert" if failed else "Cell"
    return "CellAlertCenter" if failed else "CellCenter"


def _result_block(
    check: CheckResult,
    t: Catalogue,
    styles: StyleSheet1,
    width: float,
    pirt_numbers: Sequence[str],
    as_of: date,
) -> list[Flowable]:
    result_text = check.label.get(t.lang) if check.complete else t.t("result_incomplete")
    if check.complete and not result_text:
        result_text = check.code or "—"
    parts: list[Flowable] = []
    if check.counts:
        header = [t.t(f"nc_{c}") for c in NC_CLASSES] + [t.t("total"), t.t("level")]
        counts = [para(str(check.counts.get(c, 0)), styles["CellCenter"]) for c in NC_CLASSES]
        total = para(str(sum(check.counts.values())), styles["CellCenter"])
        level = para(result_text, styles["CellCenter"])
        column = (width - 4 * cm) / 5
        parts.append(data_table(header, [[*counts, total, level]], [column] * 5 + [4 * cm], styles))
    pairs: list[tuple[str, str]] = []
    if check.size_class is not None:
        pairs.append((t.t("size_class"), check.size_class.get(t.lang)))
    if check.grade is not None:
        pairs.append((t.t("grade"), check.grade))
    if not check.counts:
        pairs.append((t.t("result"), result_text))
        if check.score is not None and check.rule_kind == "weighted_percentage":
            pairs.append((t.t("score"), f"{t.number(check.score)} %"))
        elif check.score is not None:
            pairs.append((t.t("score"), t.number(check.score)))
    readiness = readiness_text(check, pirt_numbers, as_of, t)
    if readiness:
        pairs.append((t.t("readiness"), readiness))
    advice = action_lines(check, t, replaced_by_readiness=readiness is not None)
    if advice:
        pairs.append((t.t("advice"), "\n".join(f"• {line}" for line in advice)))
    if check.notes:
        pairs.append((t.t("check_notes"), check.notes))
    if pairs:
        parts.append(key_value_table(pairs, (LABEL_WIDTH, width - LABEL_WIDTH), styles))
    if check.unverified:
        parts.append(para(t.t("unverified_note"), styles["Small"]))
    if check.source:
        parts.append(para(t.t("basis_of_result", source=check.source), styles["Small"]))
    return parts


def action_lines(check: CheckResult, t: Catalogue, *, replaced_by_readiness: bool) -> list[str]:
    """Return the check's advice, each unverified one marked "perlu dikonfirmasi".

    When the result is worded as readiness from the IKM's licences, the stored advice about
    the SPP-IRT (written for both cases, holder or not) gives way to it.
    """
    lines = []
    for index, action in enumerate(check.actions):
        text = action.get(t.lang)
        if replaced_by_readiness and "SPP-IRT" in action.id:
            continue
        verified = check.action_verified[index] if index < len(check.action_verified) else True
        lines.append(text if verified else f"{text} ({t.t('to_confirm')})")
    return lines


def readiness_text(
    check: CheckResult, pirt_numbers: Sequence[str], as_of: date, t: Catalogue
) -> str | None:
    """Return what a CPPB-IRT level means for this IKM's SPP-IRT, from the licences it holds
    on ``as_of``: a holder is told what keeping its licence requires, an IKM without one what
    it is ready (or not yet ready) to apply for. None for other checks and for no level."""
    if check.rule_kind != "nonconformity_level" or not check.complete:
        return None
    readiness = spp_irt_readiness(check.code, pirt_numbers, as_of)
    if readiness is None:
        return None
    level = _LEVEL_WORDS.get(readiness.level, readiness.level)
    numbers = ", ".join(readiness.numbers)
    if readiness.holding == HOLDS:
        key = "holder_keep" if readiness.ready else "holder_fix"
    elif readiness.holding == EXPIRED_ONLY:
        key = "expired_ready" if readiness.ready else "expired_not_ready"
    else:
        key = "ready_apply" if readiness.ready else "not_ready_apply"
    text = t.t(key, level=level, numbers=numbers, year=readiness.expired_year)
    return text if readiness.confirmed else f"{text} ({t.t('to_confirm')})"


_LEVEL_WORDS = {
    "LEVEL_I": "Level I",
    "LEVEL_II": "Level II",
    "LEVEL_III": "Level III",
    "LEVEL_IV": "Level IV",
}


def halal_flag_text(
    profile: EnterpriseProfile, obligation: HalalObligation | None, as_of: date, t: Catalogue
) -> str | None:
    """Return the halal obligation line for an uncertified micro/small IKM, else None."""
    flag = halal_flag(
        obligation,
        scale=profile.scale,
        halal_status=profile.halal_status,
        halal_issued_on=profile.halal_issued_on,
        as_of=as_of,
    )
    if flag is None:
        return None
    confirmation = t.t("confirmed" if flag.confirmed else "to_confirm")
    key = "halal_flag_passed" if flag.passed else "halal_flag_coming"
    return t.t(
        key,
        date=t.date(flag.deadline),
        days=flag.days_left,
        source=flag.source,
        confirmation=confirmation,
    )


def follow_up_table(
    items: Sequence[FollowUpLine],
    t: Catalogue,
    styles: StyleSheet1,
    width: float,
    *,
    with_enterprise: bool = False,
) -> Flowable:
    """Return follow-up actions as a table; overdue ones are marked in red."""
    header = [
        t.t("col_no"),
        *([t.t("col_enterprise")] if with_enterprise else []),
        t.t("col_action"),
        t.t("col_owner"),
        t.t("col_due"),
        t.t("col_state"),
    ]
    fixed = [0.8 * cm, *([3.6 * cm] if with_enterprise else []), 0.0, 3.4 * cm, 2.6 * cm, 2.6 * cm]
    fixed[2 if with_enterprise else 1] = width - sum(fixed)
    rows = []
    for number, item in enumerate(items, start=1):
        if item.done_on is not None:
            state = para(t.t("done_on", date=t.date(item.done_on)), styles["Cell"])
        elif item.overdue:
            state = para(t.t("overdue"), styles["CellAlert"])
        else:
            state = para(t.t("open"), styles["Cell"])
        rows.append(
            [
                str(number),
                *([item.enterprise_name] if with_enterprise else []),
                item.action,
                item.owner or "—",
                t.date(item.due_date),
                state,
            ]
        )
    return data_table(header, rows, fixed, styles)
