"""What differs between the two engines IKMDesk runs on: a SQLite file or a PostgreSQL server.

A field officer's laptop keeps a SQLite file (``db.py`` owns it: pragmas, the writer lock,
file backups, integrity checks). The supervisors' office may share one PostgreSQL database
(``--db postgresql+psycopg://user@host/ikmdesk``). Services and sync are written once for both;
the few statements that must differ are here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import (
    Boolean,
    Connection,
    Engine,
    String,
    Text,
    bindparam,
    cast,
    create_engine,
    make_url,
    type_coerce,
)
from sqlalchemy.engine import URL
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import ColumnElement, coercions, roles
from sqlalchemy.sql.visitors import InternalTraversal

from ikmdesk.paths import data_dir

SERVER_SCHEMES = ("postgresql",)
CONNECT_TIMEOUT_S = 10
"""How long to wait for a server that does not answer (a laptop off the office LAN)."""
# pg_advisory_xact_lock key for "this transaction writes ops": any fixed 64-bit number.
_WRITER_LOCK_KEY = 0x494B4D4445534B  # "IKMDESK"


def is_server_url(target: object) -> bool:
    """Tell whether ``--db`` names a database server (a URL) rather than a file."""
    text = str(target)
    return "://" in text and text.split(":", 1)[0].split("+", 1)[0] in SERVER_SCHEMES


def server_engine(url: str) -> Engine:
    """Return an engine on a PostgreSQL database, checked out connections tested first.

    READ COMMITTED (the server's default) plus :func:`serialize_writers` for the one place
    where two writers could otherwise collide: numbering and storing change ops.
    """
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=2,
        max_overflow=2,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S},
    )


def local_stand_in(url: str) -> Path:
    """Return the local path that stands for a server database (attachments live beside it).

    The name holds no password and no character Windows forbids.
    """
    parsed = make_url(url)
    parts = [parsed.host or "local", str(parsed.port or ""), parsed.database or ""]
    name = re.sub(r"[^A-Za-z0-9]+", "-", "-".join(p for p in parts if p)).strip("-").lower()
    return data_dir() / "servers" / f"{name or 'server'}.db"


def display_url(url: str) -> str:
    """Return the URL with any password hidden, for titles and messages."""
    parsed: URL = make_url(url)
    return parsed.render_as_string(hide_password=True)


def json_as_text(column: Any, connection: Connection) -> Any:
    """Return a JSON column as the JSON text it stores, never decoded by the driver.

    SQLite hands back the stored text (or a number) as is; psycopg decodes ``json`` values
    into Python objects unless the server casts them to text first.
    """
    if connection.dialect.name == "postgresql":
        return cast(column, Text)
    return type_coerce(column, Text)


def serialize_writers(connection: Connection) -> None:
    """Make concurrent writers of change ops take turns until their transactions end.

    SQLite already has one writer per file. On PostgreSQL two supervisors' laptops (or two
    imports) would otherwise read the same op counter or the same "ops not yet held" set and
    collide on the change log's key; the transaction-scoped advisory lock orders them and is
    released by the server at commit or rollback, even if a laptop drops off the network.
    """
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_WRITER_LOCK_KEY})")


class _LikeIgnoringCase(ColumnElement[bool]):
    """``column LIKE pattern`` that ignores case: plain LIKE on SQLite, ILIKE on PostgreSQL.

    SQLite's LIKE already ignores ASCII case and SQLAlchemy's generic ``ilike`` would wrap
    both sides in lower(), so each engine gets its own spelling.
    """

    inherit_cache = True
    type = Boolean()
    _traverse_internals: ClassVar[list[tuple[str, Any]]] = [
        ("column", InternalTraversal.dp_clauseelement),
        ("pattern", InternalTraversal.dp_clauseelement),
        ("escape", InternalTraversal.dp_string),
    ]

    def __init__(self, column: Any, pattern: str, escape: str) -> None:
        self.column = coercions.expect(roles.ExpressionElementRole, column)
        self.pattern = bindparam(None, pattern, type_=String())
        self.escape = escape


def insert_if_absent(connection: Connection, table: Any, keys: list[str]) -> Any:
    """Return an INSERT that skips rows whose ``keys`` are taken, even by a concurrent writer."""
    from sqlalchemy.dialects import postgresql, sqlite

    module = postgresql if connection.dialect.name == "postgresql" else sqlite
    return module.insert(table).on_conflict_do_nothing(index_elements=keys)


def _escape_clause(escape: str) -> str:
    return " ESCAPE '" + escape.replace("'", "''") + "'"


@compiles(_LikeIgnoringCase)
def _like_sqlite(element: _LikeIgnoringCase, compiler: Any, **kw: Any) -> str:
    column = compiler.process(element.column, **kw)
    pattern = compiler.process(element.pattern, **kw)
    return f"{column} LIKE {pattern}{_escape_clause(element.escape)}"


@compiles(_LikeIgnoringCase, "postgresql")
def _like_postgresql(element: _LikeIgnoringCase, compiler: Any, **kw: Any) -> str:
    column = compiler.process(element.column, **kw)
    pattern = compiler.process(element.pattern, **kw)
    return f"{column} ILIKE {pattern}{_escape_clause(element.escape)}"


def like_ignoring_case(column: Any, pattern: str, escape: str) -> ColumnElement[bool]:
    """Return ``column LIKE pattern ESCAPE escape``, ignoring case on both engines."""
    return _LikeIgnoringCase(column, pattern, escape)
