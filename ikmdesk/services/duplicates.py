"""Likely duplicate IKMs (the same business registered twice) and merging two into one.

Two officers often register the same IKM, each on their own laptop: "UD. Sari Pisang" in one
file, "Sari Pisang" in the other. Uniqueness cannot be enforced across laptops, so duplicates
are found after the fact and a person decides; a merge keeps everything both records had.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy
from rapidfuzz import fuzz, process
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, UserError
from ikmdesk.models import Attachment, Enterprise, FollowUp, Product, Region, Setting, Visit
from ikmdesk.models.enums import HalalStatus
from ikmdesk.services.enterprise import enterprise_record
from ikmdesk.services.progress import ProgressSink

NAME_SIMILARITY = 0.85
"""Names at least this similar count as likely the same: 2·(longest common subsequence) over
the two lengths, after normalising (RapidFuzz's ``fuzz.ratio`` / 100)."""
PROGRESS_STEP = 2_000
"""Records compared between two progress reports (and cancel checks)."""
MATRIX_CELLS = 2_000_000
"""Most name pairs scored in one RapidFuzz call (a float32 score matrix, 8 MB)."""
DISMISSED_KEY = "duplicates.dismissed"
"""Setting holding pairs a person marked "not the same business" (local, not synced)."""

REASON_NIB, REASON_PHONE, REASON_NAME = "nib", "phone", "name"
REASON_LABELS = {
    REASON_NIB: QT_TRANSLATE_NOOP("duplicates", "NIB sama"),
    REASON_PHONE: QT_TRANSLATE_NOOP("duplicates", "Nomor HP sama"),
    REASON_NAME: QT_TRANSLATE_NOOP("duplicates", "Nama mirip di desa yang sama"),
}
"""What each reason code means, for screens (context ``duplicates``)."""

MSG_MERGE_SAME = QT_TRANSLATE_NOOP(CONTEXT, "IKM tidak dapat digabung dengan dirinya sendiri.")
MERGED_NOTE = "[Digabung ke IKM {keep_id} pada {when}]"

# Fields a merge may copy from the dropped record when the kept one has them empty.
_FILLABLE = (
    "owner_name",
    "nik",
    "phone",
    "address",
    "latitude",
    "longitude",
    "scale",
    "nib",
    "kbli",
    "workers",
    "production_capacity",
    "pkp_cert_no",
    "pkp_cert_date",
    "notes",
)
_HALAL_FIELDS = (
    "halal_status",
    "halal_route",
    "halal_cert_no",
    "halal_issued_on",
    "halal_expires_on",
)
_CHILDREN: tuple[tuple[str, Any], ...] = (
    ("visits", Visit),
    ("products", Product),
    ("follow_ups", FollowUp),
    ("attachments", Attachment),
)

# Legal-form and programme words that say nothing about which business it is.
_NOISE_WORDS = frozenset(
    {
        "ud",
        "cv",
        "pt",
        "ikm",
        "ukm",
        "umkm",
        "kube",
        "kelompok",
        "usaha",
        "toko",
        "home",
        "industri",
    }
)
_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalised_name(name: str | None) -> str:
    """Return ``name`` for comparison: lower case, no accents, punctuation or legal-form words.

    "UD. Sari  Pisang" and "sari pisang (IKM)" both give "sari pisang".
    """
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    words = _NON_WORD.sub(" ", text.lower()).split()
    kept = [w for w in words if w not in _NOISE_WORDS]
    return " ".join(kept or words)


def normalised_phone(phone: str | None) -> str:
    """Return the phone number's digits in national form ("+62 812-34" -> "081234"), or ""."""
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("62"):
        digits = "0" + digits[2:]
    elif digits.startswith("8"):
        digits = "0" + digits
    return digits


@dataclass(frozen=True, slots=True)
class DuplicateSide:
    """One of the two records of a likely-duplicate pair, as a person compares them."""

    id: str
    name: str
    owner_name: str | None
    phone: str | None
    nib: str | None
    address: str | None
    kecamatan: str
    desa: str | None
    created_at: datetime
    visit_count: int
    product_count: int


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two live IKMs that are probably one business, why, and how alike their names are.

    ``first`` is the one with more history (visits, then products, then the older), which
    is the natural one to keep.
    """

    first: DuplicateSide
    second: DuplicateSide
    reasons: tuple[str, ...]
    name_similarity: float


@dataclass(frozen=True, slots=True)
class MergeResult:
    """What a merge did: how many records of each kind moved, and which fields were filled."""

    kept_id: str
    dropped_id: str
    moved: dict[str, int]
    filled: tuple[str, ...]


def find_duplicates(
    session: Session,
    progress: ProgressSink | None = None,
    *,
    threshold: float = NAME_SIMILARITY,
    limit: int = 500,
) -> list[DuplicatePair]:
    """Return likely duplicate pairs of live IKMs, strongest evidence first.

    Evidence: the same NIB; the same phone number; or names at least ``threshold`` alike
    (after dropping "UD", "CV", "IKM" and punctuation) in the same desa, or in the same
    kecamatan when one record has no desa. Pairs marked "not the same" are left out.
    ``progress`` hears how many records were compared and may cancel the search.
    """
    records = _candidates(session)
    # records with a desa are probed once (their desa), those without twice (desa, kecamatan)
    probes = len(records) + sum(1 for r in records if r["desa_id"] is None)
    counter = _ProgressCounter(progress, probes)
    found: dict[tuple[str, str], set[str]] = {}
    similarity: dict[tuple[str, str], float] = {}
    for reason, key in ((REASON_NIB, _nib_key), (REASON_PHONE, _phone_key)):
        for group in _groups(records, key):
            for one, other in _pairs(group):
                found.setdefault(_pair_key(one["id"], other["id"]), set()).add(reason)
    similarity.update(_similar_names(records, threshold, counter))
    for pair in similarity:
        found.setdefault(pair, set()).add(REASON_NAME)
    by_id = {r["id"]: r for r in records}
    pairs = _strongest(found, similarity, by_id, _dismissed(session), limit)
    counter.finish()
    order = _REASON_ORDER
    sides = _sides(session, {i for pair, _ in pairs for i in pair})
    result = []
    for (a, b), reasons in pairs:
        first, second = sorted((sides[a], sides[b]), key=_keep_order)
        ratio = similarity.get((a, b), _ratio(by_id[a], by_id[b]))
        result.append(
            DuplicatePair(
                first, second, tuple(sorted(reasons, key=lambda r: order[r])), round(ratio, 3)
            )
        )
    return result


_REASON_ORDER = {REASON_NIB: 0, REASON_PHONE: 1, REASON_NAME: 2}


def _strongest(
    found: dict[tuple[str, str], set[str]],
    similarity: dict[tuple[str, str], float],
    by_id: dict[str, dict[str, Any]],
    dismissed: set[str],
    limit: int,
) -> list[tuple[tuple[str, str], set[str]]]:
    """Return the ``limit`` strongest pairs not dismissed: more kinds of evidence first, then
    NIB before phone before name, then the more alike names, then by id.

    Almost every pair of a large registry is a name-only pair; those come after every other
    and are ranked apart, keeping only the best few instead of sorting them all.
    """
    order = _REASON_ORDER
    live = (
        [(pair, reasons) for pair, reasons in found.items() if "|".join(pair) not in dismissed]
        if dismissed
        else list(found.items())
    )
    name_only = [item for item in live if item[1] == {REASON_NAME}]
    others = [item for item in live if item[1] != {REASON_NAME}]

    def alike(pair: tuple[str, str]) -> float:
        known = similarity.get(pair)
        return known if known is not None else _ratio(by_id[pair[0]], by_id[pair[1]])

    others.sort(
        key=lambda item: (-len(item[1]), min(order[r] for r in item[1]), -alike(item[0]), item[0])
    )
    room = max(limit - len(others), 0)
    best_names = heapq.nsmallest(room, name_only, key=lambda item: (-similarity[item[0]], item[0]))
    return (others + best_names)[:limit]


def dismiss_pair(session: Session, first_id: str, second_id: str) -> None:
    """Remember that two IKMs are not the same business, so the pair is not offered again."""
    setting = session.get(Setting, DISMISSED_KEY)
    values = set(setting.value or []) if setting is not None else set()
    values.add("|".join(_pair_key(first_id, second_id)))
    if setting is None:
        session.add(Setting(key=DISMISSED_KEY, value=sorted(values)))
    else:
        setting.value = sorted(values)
    session.flush()


def merge_enterprises(session: Session, keep_id: str, drop_id: str) -> MergeResult:
    """Merge ``drop_id`` into ``keep_id``: move its history, fill gaps, tombstone it.

    Every visit, product, follow-up and attachment of the dropped IKM (tombstoned ones too,
    so history stays whole) is re-pointed to the kept one; empty fields of the kept record
    are filled from the dropped one (a desa only when it lies in the kept kecamatan); the
    dropped record is tombstoned with a note naming the one it went into. All of it is
    ordinary ORM changes, so change capture records the ops and the merge syncs.
    """
    if keep_id == drop_id:
        raise UserError(MSG_MERGE_SAME)
    keep = enterprise_record(session, keep_id)
    drop = enterprise_record(session, drop_id)
    moved: dict[str, int] = {}
    for label, model in _CHILDREN:
        children = session.scalars(select(model).where(model.enterprise_id == drop_id)).all()
        for child in children:
            child.enterprise_id = keep_id
        moved[label] = len(children)
    filled = _fill_gaps(session, keep, drop)
    stamp = datetime.now().astimezone().strftime("%Y-%m-%d")
    note = MERGED_NOTE.format(keep_id=keep_id, when=stamp)
    drop.notes = f"{drop.notes}\n{note}" if drop.notes else note
    drop.deleted = True
    session.flush()
    return MergeResult(keep_id, drop_id, moved, tuple(filled))


def _fill_gaps(session: Session, keep: Enterprise, drop: Enterprise) -> list[str]:
    filled: list[str] = []
    for name in _FILLABLE:
        mine, theirs = getattr(keep, name), getattr(drop, name)
        if _empty(mine) and not _empty(theirs):
            setattr(keep, name, theirs)
            filled.append(name)
    if keep.latitude is None or keep.longitude is None:
        keep.latitude, keep.longitude = None, None  # a half-copied position is no position
    if keep.desa_id is None and drop.desa_id is not None:
        desa = session.get(Region, drop.desa_id)
        if desa is not None and desa.parent_id == keep.kecamatan_id:
            keep.desa_id = drop.desa_id
            filled.append("desa_id")
    if _halal_rank(drop.halal_status) > _halal_rank(keep.halal_status):
        for name in _HALAL_FIELDS:
            setattr(keep, name, getattr(drop, name))
        filled.append("halal_status")
    return filled


def _halal_rank(status: Any) -> int:
    ranks = {HalalStatus.NONE: 0, HalalStatus.IN_PROCESS: 1, HalalStatus.CERTIFIED: 2}
    return ranks.get(HalalStatus(status) if status is not None else HalalStatus.NONE, 0)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _candidates(session: Session) -> list[dict[str, Any]]:
    query = select(
        Enterprise.id,
        Enterprise.name,
        Enterprise.kecamatan_id,
        Enterprise.desa_id,
        Enterprise.phone,
        Enterprise.nib,
    ).where(Enterprise.deleted.is_(False))
    keys = ("id", "name", "kecamatan_id", "desa_id", "phone", "nib")
    return [
        {**dict(zip(keys, row, strict=True)), "norm": normalised_name(row[1])}
        for row in session.execute(query)
    ]


def _nib_key(record: dict[str, Any]) -> str | None:
    digits = re.sub(r"\D", "", record["nib"] or "")
    return digits if len(digits) >= 8 else None


def _phone_key(record: dict[str, Any]) -> str | None:
    digits = normalised_phone(record["phone"])
    return digits if len(digits) >= 9 else None


def _groups(records: Iterable[dict[str, Any]], key: Any) -> list[list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        value = key(record)
        if value:
            groups.setdefault(value, []).append(record)
    return [g for g in groups.values() if len(g) > 1]


def _pairs(group: list[dict[str, Any]]) -> Iterable[tuple[dict[str, Any], dict[str, Any]]]:
    for i, a in enumerate(group):
        for b in group[i + 1 :]:
            yield a, b


def _similar_names(
    records: list[dict[str, Any]], threshold: float, counter: _ProgressCounter
) -> Iterable[tuple[tuple[str, str], float]]:
    """Yield (pair of ids, ratio) for alike names in the same desa (or kecamatan, when a desa
    is missing).

    Records are compared within a desa, where groups are small; a record without desa is
    compared with the rest of its kecamatan sharing the name's first letter. RapidFuzz
    scores the groups in C, which keeps a 100,000-IKM registry to seconds.
    """
    by_desa: dict[str, list[dict[str, Any]]] = {}
    by_kecamatan: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for record in records:
        if record["desa_id"] is not None:
            by_desa.setdefault(record["desa_id"], []).append(record)
        by_kecamatan.setdefault((record["kecamatan_id"], record["norm"][:1]), []).append(record)
    seen: set[tuple[str, str]] = set()
    for group in by_desa.values():
        yield from _alike(group, group, threshold, seen, counter)
    for group in by_kecamatan.values():
        without_desa = [r for r in group if r["desa_id"] is None]
        if without_desa:
            with_desa = [r for r in group if r["desa_id"] is not None]
            yield from _alike(without_desa, without_desa + with_desa, threshold, seen, counter)


def _alike(
    probes: list[dict[str, Any]],
    group: list[dict[str, Any]],
    threshold: float,
    seen: set[tuple[str, str]],
    counter: _ProgressCounter,
) -> Iterable[tuple[tuple[str, str], float]]:
    """Yield (pair of ids, ratio) for names in ``group`` at least ``threshold`` alike a probe.

    ``probes`` are the first records of ``group``. Probe ``i`` is scored against the records
    after it only, so each unordered pair is scored once: two probes were scored twice before,
    a third of the work on a kecamatan mostly without desa. RapidFuzz scores a block of probes
    at once (in C), a block small enough that its score matrix stays a few megabytes. Pairs
    already found (``seen``) are skipped.
    """
    if group[: len(probes)] != probes:
        raise ValueError("the probes must come first in the group")
    names = [r["norm"] for r in group]
    cutoff = threshold * 100
    block = max(1, MATRIX_CELLS // max(len(group), 1))
    for start in range(0, len(probes), block):
        chunk = probes[start : start + block]
        counter.step(len(chunk))
        ids = [r["id"] for r in group[start:]]
        scores = process.cdist(
            names[start : start + len(chunk)],
            names[start:],
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=cutoff,
            dtype=numpy.float32,
            workers=-1,
        )
        rows, columns = numpy.nonzero(scores)
        above = columns > rows  # the record itself, and pairs an earlier probe scored
        rows, columns = rows[above], columns[above]
        found = (scores[rows, columns] / 100).tolist()
        for row, column, ratio in zip(rows.tolist(), columns.tolist(), found, strict=True):
            probe_id, other_id = ids[row], ids[column]
            pair = (probe_id, other_id) if probe_id < other_id else (other_id, probe_id)
            if pair not in seen:
                seen.add(pair)
                yield pair, ratio


class _ProgressCounter:
    """Counts compared records and passes them on to a progress sink every few thousand."""

    def __init__(self, sink: ProgressSink | None, total: int) -> None:
        self._sink = sink
        self._total = total
        self._done = 0

    def step(self, records: int) -> None:
        before, self._done = self._done, self._done + records
        if self._sink is not None and before // PROGRESS_STEP != self._done // PROGRESS_STEP:
            self._sink.raise_if_cancelled()
            self._sink.report(min(self._done, self._total), self._total)

    def finish(self) -> None:
        if self._sink is not None:
            self._sink.raise_if_cancelled()
            self._sink.report(self._total, self._total)


def _ratio(a: dict[str, Any], b: dict[str, Any]) -> float:
    return fuzz.ratio(a["norm"], b["norm"], processor=None) / 100


def _pair_key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _dismissed(session: Session) -> set[str]:
    setting = session.get(Setting, DISMISSED_KEY)
    return set(setting.value or []) if setting is not None else set()


def _keep_order(side: DuplicateSide) -> tuple[int, int, datetime, str]:
    return (-side.visit_count, -side.product_count, side.created_at, side.id)


def _sides(session: Session, ids: set[str]) -> dict[str, DuplicateSide]:
    if not ids:
        return {}
    kecamatan = select(Region.name).where(Region.id == Enterprise.kecamatan_id).scalar_subquery()
    desa = select(Region.name).where(Region.id == Enterprise.desa_id).scalar_subquery()
    visits = (
        select(func.count())
        .select_from(Visit)
        .where(Visit.enterprise_id == Enterprise.id, Visit.deleted.is_(False))
        .scalar_subquery()
    )
    products = (
        select(func.count())
        .select_from(Product)
        .where(Product.enterprise_id == Enterprise.id, Product.deleted.is_(False))
        .scalar_subquery()
    )
    query = select(
        Enterprise.id,
        Enterprise.name,
        Enterprise.owner_name,
        Enterprise.phone,
        Enterprise.nib,
        Enterprise.address,
        kecamatan,
        desa,
        Enterprise.created_at,
        visits,
        products,
    ).where(Enterprise.id.in_(ids))
    return {row[0]: DuplicateSide(*row) for row in session.execute(query)}
