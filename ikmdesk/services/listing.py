"""Paging, sorting and text matching shared by the list services, all done in SQL.

Sort keys come from the user (a clicked column header, a ``--sort`` option), so each list
declares a whitelist of key -> SQL expressions and only whitelisted expressions ever reach a
query: nothing the user types is interpolated into SQL.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from sqlalchemy import ColumnElement, and_, exists, or_
from sqlalchemy.orm import QueryableAttribute, aliased

from ikmdesk.dialect import like_ignoring_case
from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, ValidationError

MAX_LIMIT = 10_000
"""Largest page a caller may ask for; screens fetch 200 at a time, exports page through."""

LIKE_ESCAPE = "\\"

SqlColumn: TypeAlias = ColumnElement[Any] | QueryableAttribute[Any]
"""A column or expression, as model attributes (``Enterprise.name``) and Core give them."""

MSG_UNKNOWN_SORT = QT_TRANSLATE_NOOP(
    CONTEXT, "Urutan '{sort}' tidak dikenal; pilih salah satu dari: {allowed}."
)
MSG_BAD_OFFSET = QT_TRANSLATE_NOOP(CONTEXT, "Posisi awal halaman tidak boleh negatif ({value}).")
MSG_BAD_LIMIT = QT_TRANSLATE_NOOP(
    CONTEXT, "Jumlah baris per halaman harus antara 1 dan {max}, bukan {value}."
)


@dataclass(frozen=True, slots=True)
class SortKey:
    """SQL expressions one sort key orders by; ``nullable`` keys put empty values first (asc)."""

    columns: tuple[SqlColumn, ...]
    nullable: bool = False

    def terms(
        self,
        *,
        descending: bool,
        tiebreak: SqlColumn,
        columns: Sequence[SqlColumn] | None = None,
    ) -> list[ColumnElement[Any]]:
        """Return ORDER BY terms for this key (or for ``columns`` standing in for its columns).

        ``tiebreak`` (a unique column) keeps pages stable. Empty values sort first ascending
        and last descending on every dialect (SQLite and PostgreSQL disagree by default).
        """
        result: list[ColumnElement[Any]] = []
        for column in self.columns if columns is None else columns:
            term = column.desc() if descending else column.asc()
            if self.nullable:
                term = term.nulls_last() if descending else term.nulls_first()
            result.append(term)
        result.append(tiebreak.desc() if descending else tiebreak.asc())
        return result


def sort_key(*columns: SqlColumn, nullable: bool = False) -> SortKey:
    """Return a whitelist entry ordering by ``columns`` in turn."""
    return SortKey(tuple(columns), nullable)


def resolve_sort(keys: Mapping[str, SortKey], sort: str) -> SortKey:
    """Return the whitelisted key named ``sort``; raises ValidationError on field ``sort``."""
    key = keys.get(sort)
    if key is None:
        raise ValidationError("sort", MSG_UNKNOWN_SORT, sort=sort, allowed=", ".join(sorted(keys)))
    return key


def order_by(
    keys: Mapping[str, SortKey],
    sort: str,
    *,
    descending: bool,
    tiebreak: SqlColumn,
) -> list[ColumnElement[Any]]:
    """Return ORDER BY terms for whitelisted ``sort``; raises ValidationError for other keys."""
    return resolve_sort(keys, sort).terms(descending=descending, tiebreak=tiebreak)


def owner_matches(
    owner_model: Any, owner_id: SqlColumn, *conditions: Callable[[Any], ColumnElement[bool]]
) -> ColumnElement[bool]:
    """Return EXISTS(the row's owner, e.g. its IKM, meets every condition), correlated by id.

    ``conditions`` take an alias of ``owner_model``, so the owner may also be joined outside.
    """
    owner = aliased(owner_model)
    return exists().where(owner.id == owner_id, *(condition(owner) for condition in conditions))


def check_page(offset: int, limit: int) -> None:
    """Raise ValidationError unless ``offset >= 0`` and ``1 <= limit <= MAX_LIMIT``."""
    if offset < 0:
        raise ValidationError("offset", MSG_BAD_OFFSET, value=offset)
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError("limit", MSG_BAD_LIMIT, value=limit, max=MAX_LIMIT)


def contains_pattern(text: str) -> str:
    """Return a LIKE pattern finding ``text`` anywhere; ``%``, ``_``, ``\\`` match literally."""
    escaped = (
        text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2)
        .replace("%", LIKE_ESCAPE + "%")
        .replace("_", LIKE_ESCAPE + "_")
    )
    return f"%{escaped}%"


def text_matches(text: str, columns: Sequence[SqlColumn]) -> ColumnElement[bool]:
    """Return a condition true when every word of ``text`` is in one of ``columns``.

    Case is ignored on both engines, so "sari pisang" finds "UD Sari ... Pisang" as a user
    expects.
    """
    return words_match(text, lambda pattern: or_(*(like(column, pattern) for column in columns)))


def words_match(
    text: str, word_condition: Callable[[str], ColumnElement[bool]]
) -> ColumnElement[bool]:
    """Return the AND over the words of ``text`` of ``word_condition(LIKE pattern of the word)``."""
    words = text.split() or [""]
    return and_(*(word_condition(contains_pattern(word)) for word in words))


def like(column: SqlColumn, pattern: str) -> ColumnElement[bool]:
    """Return ``column LIKE pattern`` with this module's escape character, ignoring case."""
    return like_ignoring_case(column, pattern, LIKE_ESCAPE)
