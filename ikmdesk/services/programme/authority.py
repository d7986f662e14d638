"""Who may change programme reference data on this device: only the supervisor."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, UserError
from ikmdesk.models.enums import DeviceRole
from ikmdesk.services.device import this_device

MSG_SUPERVISOR_ONLY = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Hanya atasan yang dapat mengubah program pendampingan, mitra dan lembar panduan. "
    "Perubahan dari atasan sampai ke perangkat ini lewat sinkronisasi.",
)


class SupervisorOnly(UserError):
    """An officer's device tried to change data only the supervisor keeps."""


def ensure_supervisor(session: Session) -> None:
    """Raise SupervisorOnly unless this device is the supervisor's."""
    if this_device(session).role is not DeviceRole.SUPERVISOR:
        raise SupervisorOnly(MSG_SUPERVISOR_ONLY)


def is_supervisor(session: Session) -> bool:
    """Tell whether this device is the supervisor's."""
    return this_device(session).role is DeviceRole.SUPERVISOR
