"""The one vocabulary for visit statuses, follow-up states and device roles, in id and en.

A status had five names across the window, the reports and the exports ("Menunggu tinjauan",
"Dikirim", "diajukan", "Diajukan", "Perlu ditinjau"). Every place that shows a status to a
person takes its words from here. The module knows no Qt: the reports and the Excel exports
run headless, so each name is stored with its English form (as ``reports.catalogue`` does),
and the window asks for the language it shows.
"""

from __future__ import annotations

from typing import Literal

Language = Literal["id", "en"]

VISIT_STATUS_NAMES: dict[str, tuple[str, str]] = {
    "draft": ("Draf", "Draft"),
    "submitted": ("Menunggu tinjauan", "Awaiting review"),
    "returned": ("Dikembalikan", "Returned"),
    "approved": ("Disetujui", "Approved"),
}
"""Visit status value → (Indonesian, English) name."""

FOLLOW_UP_STATE_NAMES: dict[str, tuple[str, str]] = {
    "open": ("Belum jatuh tempo", "Not yet due"),
    "due": ("Segera jatuh tempo", "Due soon"),
    "overdue": ("Terlambat", "Overdue"),
    "done": ("Selesai", "Done"),
}
"""Follow-up state value → (Indonesian, English) name."""

DEVICE_ROLE_NAMES: dict[str, tuple[str, str]] = {
    "officer": ("petugas pendamping", "field officer"),
    "supervisor": ("penyelia", "supervisor"),
}
"""Device role value → (Indonesian, English) name, as the window's trust question says it."""


def _pick(names: dict[str, tuple[str, str]], value: str, lang: str) -> str:
    pair = names.get(value)
    if pair is None:
        return value
    return pair[1] if lang == "en" else pair[0]


def visit_status_label(status: str, lang: str = "id") -> str:
    """Return the name of a visit status in ``lang`` ("id" or "en")."""
    return _pick(VISIT_STATUS_NAMES, status, lang)


def follow_up_state_label(state: str, lang: str = "id") -> str:
    """Return the name of a follow-up state in ``lang`` ("id" or "en")."""
    return _pick(FOLLOW_UP_STATE_NAMES, state, lang)


def device_role_label(role: str, lang: str = "id") -> str:
    """Return the name of a device role ("officer", "supervisor") in ``lang``."""
    return _pick(DEVICE_ROLE_NAMES, role, lang)
