"""Signature blocks: the lines above a signature, room to sign, the name, and the NIP."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ikmdesk.reports.catalogue import Catalogue
from ikmdesk.reports.markup import escaped, para, para_markup
from ikmdesk.services.nip import is_nip

SIGNATURE_SPACE = 1.9 * cm


def spaced_nip(nip: str) -> str:
    """Return an 18-digit NIP grouped the way it is printed (19870312 201001 2 003)."""
    if is_nip(nip):
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return nip


def signature_block(
    t: Catalogue,
    styles: Any,
    top: list[str],
    name: str | None,
    nip: str | None,
    *,
    with_nip: bool = True,
) -> list[Flowable]:
    """Return one signer's block: ``top`` lines, room to sign, the name underlined (or a
    line to write it on) and, ``with_nip``, the NIP (or a line for it)."""
    lines: list[Flowable] = [para(text, styles["Sign"]) for text in top]
    lines.append(Spacer(1, SIGNATURE_SPACE))
    if name:
        lines.append(para_markup(f"<u>{escaped(name)}</u>", styles["SignName"]))
    else:
        lines.append(para(t.t("name_blank"), styles["Sign"]))
    if with_nip:
        text = t.t("nip", nip=spaced_nip(nip)) if nip else t.t("nip_blank")
        lines.append(para(text, styles["Sign"]))
    return lines


def signature_row(blocks: list[list[Flowable]], column_width: float) -> Table:
    """Return signers' blocks side by side, each in a column ``column_width`` wide."""
    table = Table([blocks], colWidths=[column_width] * len(blocks))
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table
