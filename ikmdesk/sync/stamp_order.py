"""Each origin's stamps rise with its counters: a package that says otherwise is refused.

A device ticks its clock for every op it makes (``change_capture``), so within one origin a
higher counter always carries a later HLC. Ops that break this (two ops of one origin with
the same stamp, or a later op stamped earlier) can only come from a forged or broken
package, and merging them would depend on the order they arrive in: two devices holding the
same ops could keep different values. So they are refused with the package, before anything
is written, and checked against the origin's ops already held here as well as within the
package.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import Connection, func, select

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP
from ikmdesk.models import ChangeOp
from ikmdesk.sync.op_schema import Op
from ikmdesk.sync.package_format import PackageRefused

MSG_STAMPS_OUT_OF_ORDER = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Paket {name} ditolak: perubahan {op_id} bercap waktu tidak sesudah perubahan sebelumnya "
    "dari asal yang sama ({previous}); paket rusak atau dipalsukan, tidak ada yang berubah.",
)


def refuse_unordered_stamps(connection: Connection, fresh: Sequence[Op], *, name: str) -> None:
    """Refuse the package unless, per origin, the new ops and the held ones around them have
    strictly rising stamps in counter order."""
    by_origin: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for op in fresh:
        by_origin[op.device_id].append((op.counter, op.hlc, op.op_id))
    log = ChangeOp.__table__
    for origin, new in by_origin.items():
        low, high = min(c for c, _h, _i in new), max(c for c, _h, _i in new)
        mine = log.c.device_id == origin
        below = select(func.max(log.c.counter)).where(mine, log.c.counter < low).scalar_subquery()
        above = select(func.min(log.c.counter)).where(mine, log.c.counter > high).scalar_subquery()
        held = connection.execute(
            select(log.c.counter, log.c.hlc).where(
                mine,
                (log.c.counter.between(low, high))
                | (log.c.counter == below)
                | (log.c.counter == above),
            )
        ).all()
        stamps = sorted([*new, *((counter, hlc, f"{origin}:{counter}") for counter, hlc in held)])
        for (_c1, earlier, first), (_c2, later, second) in itertools.pairwise(stamps):
            if later <= earlier:
                raise PackageRefused(
                    MSG_STAMPS_OUT_OF_ORDER, name=name, op_id=second, previous=first
                )
